//! Helpers shared by the integration tests: fixture sites in temporary folders, builds, HTML parsing.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

pub mod files;
pub mod samples;

pub use files::copy_dir;

use explainer::build::{BuildFailure, BuildOptions, BuildReport, build};
use scraper::{Html, Selector};

pub mod schema_check;

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary copy of `tests/fixtures/<name>` laid over the project's templates and static
/// files (a fixture's own templates replace the project's of the same name).
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for shared in ["templates", "static"] {
        copy_dir(&repo().join(shared), &dir.path().join(shared));
    }
    copy_dir(&repo().join("tests/fixtures").join(name), dir.path());
    dir
}

/// A temporary copy of the real explainer site (config, content, templates, static).
pub fn real_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for part in ["content", "templates", "static"] {
        copy_dir(&repo().join(part), &dir.path().join(part));
    }
    fs::copy(
        repo().join("explainer.toml"),
        dir.path().join("explainer.toml"),
    )
    .unwrap();
    dir
}

/// The real explainer without its editions in other languages: its configuration's
/// `[languages]` tables and the translations are left out. The preview reads a site with
/// editions in full after a data file's edit, so tests of data edits use this one.
pub fn real_site_in_one_language() -> tempfile::TempDir {
    let dir = real_site();
    let config = dir.path().join("explainer.toml");
    let text = fs::read_to_string(&config).unwrap();
    // The tables come last, after their comment.
    let mut lines: Vec<&str> = text
        .lines()
        .take_while(|l| !l.starts_with("[languages."))
        .collect();
    while lines
        .last()
        .is_some_and(|l| l.is_empty() || l.starts_with('#'))
    {
        lines.pop();
    }
    fs::write(&config, lines.join("\n") + "\n").unwrap();
    for entry in walkdir::WalkDir::new(dir.path().join("content")) {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy();
        if name.ends_with(".ru.md") {
            fs::remove_file(entry.path()).unwrap();
        }
    }
    fs::remove_dir_all(dir.path().join("content/data/ru")).unwrap();
    dir
}

/// Builds the site at `root` into `root/public`.
pub fn build_site(root: &Path) -> Result<BuildReport, BuildFailure> {
    build(&BuildOptions {
        root: root.to_path_buf(),
        ..BuildOptions::default()
    })
}

/// Builds with a base URL override.
pub fn build_with_base(root: &Path, base_url: &str) -> Result<BuildReport, BuildFailure> {
    build(&BuildOptions {
        root: root.to_path_buf(),
        base_url: Some(base_url.to_owned()),
        ..BuildOptions::default()
    })
}

/// Every diagnostic of a failed build as printed, one after the other, for panic messages.
pub fn printed(failure: &BuildFailure) -> String {
    let shown: Vec<String> = failure.errors.0.iter().map(ToString::to_string).collect();
    shown.join("\n")
}

/// Builds and panics with every diagnostic when the build fails.
pub fn build_ok(root: &Path) -> BuildReport {
    match build_site(root) {
        Ok(report) => report,
        Err(failure) => panic!("build failed:\n{}", printed(&failure)),
    }
}

/// The parsed HTML of an output file such as `public/notes/a/index.html`.
pub fn page(root: &Path, relative: &str) -> Html {
    let text = fs::read_to_string(root.join("public").join(relative))
        .unwrap_or_else(|e| panic!("cannot read {relative}: {e}"));
    Html::parse_document(&text)
}

/// The elements matching a CSS selector.
pub fn select<'a>(html: &'a Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(selector).unwrap();
    html.select(&selector).collect()
}

/// The text of the first element matching a selector.
pub fn text_of(html: &Html, selector: &str) -> String {
    select(html, selector)
        .first()
        .map(|e| e.text().collect::<String>())
        .unwrap_or_default()
}

/// Every file under a folder, as sorted relative paths.
pub fn files_under(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    files.sort();
    files
}

/// Every file under a folder with its bytes, keyed by relative path.
pub fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    files_under(dir)
        .into_iter()
        .map(|file| {
            let bytes = fs::read(dir.join(&file)).unwrap();
            (file, bytes)
        })
        .collect()
}
