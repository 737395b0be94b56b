//! Edits of a site with an edition in another language: each is applied to the editions that
//! show the edited page, and what they render equals a full build of the edited site.

use std::fs;
use std::path::{Path, PathBuf};

use super::jobs::Job;
use super::update::{Edit, Plan};
use super::{BuildOptions, build_site};

#[path = "../../tests/it/common/files.rs"]
mod files;

/// The editions fixture with the project's templates.
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    files::copy_dir(&repo.join("tests/fixtures/editions"), dir.path());
    files::copy_dir(&repo.join("templates"), &dir.path().join("templates"));
    dir
}

fn options(root: &Path, output: &str) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        output_dir: Some(root.join(output)),
        ..BuildOptions::default()
    }
}

fn replace(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} contains {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// The site paths a plan renders, each prefixed with its edition's folder.
fn rendered(site: &super::site::Site, plan: &Plan) -> Vec<String> {
    let mut paths: Vec<String> = plan
        .jobs
        .iter()
        .map(|&j| site.path_of(j).to_owned())
        .collect();
    for (edition, plan) in site.editions.iter().zip(&plan.editions) {
        paths.extend(
            plan.jobs
                .iter()
                .map(|&j: &Job| format!("/ru{}", edition.path_of(j))),
        );
    }
    paths.sort();
    paths
}

/// Every file under `dir`, with its bytes, by relative path.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file() && e.file_name() != ".explainer-output")
        .map(|e| {
            let relative = e.path().strip_prefix(dir).unwrap().to_path_buf();
            (relative, fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// Applies an edit of a page's `file` to the kept site, refreshes its output, and checks both
/// the pages it rendered and that the output equals a full build.
fn check_edit(file: &str, from: &str, to: &str, expected: &[&str]) {
    let rendered_pages = check_refresh(file, from, to, Edit::Page(PathBuf::from(file)));
    assert_eq!(rendered_pages, expected, "{file}: the pages rendered");
}

/// Applies `edit`, a change of `file`, to the kept site and checks that the refreshed output
/// equals a full build; returns the pages it rendered.
fn check_refresh(file: &str, from: &str, to: &str, edit: Edit) -> Vec<String> {
    let site_dir = fixture();
    let root = site_dir.path();
    let (_, site) = build_site(&options(root, "served")).unwrap();
    replace(root, file, from, to);
    let (site, plan) = site.apply(&[edit]).expect("applied without a full build");
    let rendered_pages = rendered(&site, &plan);
    let scratch = tempfile::tempdir().unwrap();
    site.refresh(&plan, scratch.path()).unwrap();
    build_site(&options(root, "full")).unwrap();
    let (served, full) = (files(&root.join("served")), files(&root.join("full")));
    assert_eq!(
        served.iter().map(|(p, _)| p).collect::<Vec<_>>(),
        full.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    for ((path, served), (_, full)) in served.iter().zip(&full) {
        assert!(
            served == full,
            "{file}: {} differs from a full build",
            path.display()
        );
    }
    rendered_pages
}

#[test]
fn an_untranslated_page_is_rendered_again_in_both_editions() {
    check_edit(
        "content/notes/untranslated.md",
        "has not been translated",
        "is not translated yet",
        &["/notes/untranslated/", "/ru/notes/untranslated/"],
    );
}

#[test]
fn a_translation_is_rendered_again_in_its_edition_alone() {
    check_edit(
        "content/notes/history.ru.md",
        "переведённая на русский",
        "переведённая на русский язык",
        &["/ru/notes/history/"],
    );
}

#[test]
fn a_translated_page_is_rendered_again_in_its_own_edition_alone() {
    check_edit(
        "content/notes/history.md",
        "translated into Russian.",
        "translated into Russian at last.",
        &["/notes/history/"],
    );
}

#[test]
fn a_data_file_is_read_again_by_each_edition_with_its_translations() {
    let rendered_pages = check_refresh(
        "content/data/timeline.toml",
        "The fighting stops",
        "The fighting ends",
        Edit::Data(crate::data::Kind::Timeline),
    );
    assert!(rendered_pages.contains(&"/ru/timeline/".to_owned()));
}

#[test]
fn a_new_tag_page_is_written_into_a_new_folder() {
    let rendered_pages = check_refresh(
        "content/data/timeline.toml",
        "tags = [\"ceasefire\"]",
        "tags = [\"ceasefire\", \"talks\"]",
        Edit::Data(crate::data::Kind::Timeline),
    );
    assert!(rendered_pages.contains(&"/ru/timeline/tags/talks/".to_owned()));
}

#[test]
fn a_template_edit_renders_the_pages_that_use_it() {
    let rendered_pages = check_refresh(
        "templates/timeline.html",
        "<p class=\"timeline-date\">",
        "<p class=\"timeline-date edited\">",
        Edit::Template("timeline.html".to_owned()),
    );
    assert_eq!(
        rendered_pages,
        [
            "/ru/timeline/",
            "/ru/timeline/tags/ceasefire/",
            "/timeline/",
            "/timeline/tags/ceasefire/"
        ]
    );
}
