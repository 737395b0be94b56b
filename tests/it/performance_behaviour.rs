//! What the build does not do when it need not: a site without code blocks never loads the
//! syntax definitions, and a site with code loads them once for all its pages and builds.

use std::process::Command;

use explainer::markdown::highlight;

/// The syntaxes are loaded once per process, and the other tests of this binary build sites
/// with code: the check runs alone, in a process of its own that runs only [`fresh_process`].
#[test]
fn syntaxes_load_only_for_code_blocks_and_only_once() {
    let binary = std::env::current_exe().unwrap();
    let output = Command::new(binary)
        .args([
            "--exact",
            "performance_behaviour::fresh_process",
            "--ignored",
            "--test-threads=1",
        ])
        .output()
        .unwrap();
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && printed.contains("1 passed"),
        "{printed}{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Run only by [`syntaxes_load_only_for_code_blocks_and_only_once`], in a fresh process.
#[test]
#[ignore = "run in a process of its own by syntaxes_load_only_for_code_blocks_and_only_once"]
fn fresh_process() {
    let plain = crate::common::fixture("performance/plain");
    crate::common::build_ok(plain.path());
    assert!(!highlight::syntaxes_loaded(), "no code block, no syntaxes");
    assert_eq!(highlight::syntax_set_loads(), 0);
    assert!(!plain.path().join("public/syntax.css").exists());

    let code = crate::common::fixture("performance/code");
    crate::common::build_ok(code.path());
    crate::common::build_ok(code.path());
    assert!(highlight::syntaxes_loaded());
    assert_eq!(
        highlight::syntax_set_loads(),
        1,
        "four pages with code, rendered in parallel, twice: one load"
    );
    for page in ["index.html", "notes/a/index.html", "notes/c/index.html"] {
        let html = crate::common::page(code.path(), page);
        assert!(
            !crate::common::select(&html, "pre.code code span[class^=hl-]").is_empty(),
            "{page} has highlighted code"
        );
    }
}
