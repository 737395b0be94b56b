//! Bad input: every error of a build reported together, at its file and line,
//! and the previous output left exactly as it was.

use std::fs;

use crate::common::*;

fn errors_of(root: &std::path::Path) -> Vec<explainer::diagnostics::Diagnostic> {
    build_site(root)
        .expect_err("the build should fail")
        .errors
        .0
}

fn find<'a>(
    errors: &'a [explainer::diagnostics::Diagnostic],
    file: &str,
) -> &'a explainer::diagnostics::Diagnostic {
    errors
        .iter()
        .find(|e| e.file.to_string_lossy() == file)
        .unwrap_or_else(|| panic!("no error for {file} in {errors:#?}"))
}

#[test]
fn every_error_is_reported_at_its_file_and_line() {
    let site = fixture("broken");
    let errors = errors_of(site.path());
    let link = find(&errors, "content/index.md");
    assert_eq!((link.line, link.col), (4, 3), "{link}");
    assert!(link.message.contains("notes/missing.md"));
    let toml = find(&errors, "content/notes/bad-toml.md");
    assert_eq!(toml.line, 3, "{toml}");
    let yaml = find(&errors, "content/notes/bad-yaml.md");
    assert!(yaml.line >= 3, "{yaml}");
    let untitled = find(&errors, "content/notes/no-title.md");
    assert!(untitled.message.contains("no title"));
    let empty = find(&errors, "content/notes/empty.md");
    assert!(empty.message.contains("empty"));
    let template = find(&errors, "templates/page.html");
    assert_eq!(template.line, 3, "{template}");
    assert_eq!(errors.len(), 6, "{errors:#?}");
}

#[test]
fn diagnostics_show_the_line_and_what_to_do() {
    let site = fixture("broken");
    let errors = errors_of(site.path());
    let shown = find(&errors, "content/notes/no-title.md").to_string();
    assert!(
        shown.starts_with("error: the page has no title\n --> content/notes/no-title.md:1:1"),
        "{shown}"
    );
    assert!(shown.contains("help: add `title"), "{shown}");
}

#[test]
fn unknown_config_keys_get_a_suggestion() {
    let site = fixture("basic");
    let config = site.path().join("explainer.toml");
    fs::write(
        &config,
        "title = \"T\"\nbase_url = \"https://e.org/\"\nlanguag = \"en\"\n",
    )
    .unwrap();
    let errors = errors_of(site.path());
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].line, 3);
    assert_eq!(errors[0].help.as_deref(), Some("did you mean `language`?"));
    fs::write(
        &config,
        "title = \"T\"\nbase_url = \"https://e.org/\"\n[markdown]\nsmart_punctuatio = true\n",
    )
    .unwrap();
    let errors = errors_of(site.path());
    assert_eq!(errors[0].line, 4);
    assert_eq!(
        errors[0].help.as_deref(),
        Some("did you mean `smart_punctuation`?")
    );
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let site = fixture("basic");
    build_ok(site.path());
    let public = site.path().join("public");
    let before = snapshot(&public);
    fs::write(
        site.path().join("content/notes/second.md"),
        "+++\ntitle = \"x\"\n+++\n[x](@/nowhere.md)\n",
    )
    .unwrap();
    assert!(build_site(site.path()).is_err());
    for (file, bytes) in &before {
        assert_eq!(
            &fs::read(public.join(file)).unwrap(),
            bytes,
            "{file} changed"
        );
    }
    assert_eq!(files_under(&public).len(), before.len());
    let leftovers: Vec<_> = fs::read_dir(site.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("staging"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn output_folders_not_written_by_explainer_are_refused() {
    let site = fixture("basic");
    let public = site.path().join("public");
    fs::create_dir_all(&public).unwrap();
    fs::write(public.join("thesis.docx"), "mine").unwrap();
    let errors = errors_of(site.path());
    assert!(errors[0].message.contains("refusing"), "{errors:?}");
    assert_eq!(
        fs::read_to_string(public.join("thesis.docx")).unwrap(),
        "mine"
    );
}
