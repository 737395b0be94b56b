//! What the build does not do when it need not: a site without code blocks never loads the
//! syntax definitions, and a site with code loads them once for all its pages and builds.

mod common;

use explainer::markdown::highlight;

/// One test, so that no other build in this process loads the syntaxes first.
#[test]
fn syntaxes_load_only_for_code_blocks_and_only_once() {
    let plain = common::fixture("performance/plain");
    common::build_ok(plain.path());
    assert!(!highlight::syntaxes_loaded(), "no code block, no syntaxes");
    assert_eq!(highlight::syntax_set_loads(), 0);
    assert!(!plain.path().join("public/syntax.css").exists());

    let code = common::fixture("performance/code");
    common::build_ok(code.path());
    common::build_ok(code.path());
    assert!(highlight::syntaxes_loaded());
    assert_eq!(
        highlight::syntax_set_loads(),
        1,
        "four pages with code, rendered in parallel, twice: one load"
    );
    for page in ["index.html", "notes/a/index.html", "notes/c/index.html"] {
        let html = common::page(code.path(), page);
        assert!(
            !common::select(&html, "pre.code code span[class^=hl-]").is_empty(),
            "{page} has highlighted code"
        );
    }
}
