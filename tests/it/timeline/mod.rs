//! The timeline end to end: `timeline.toml` or `timeline.csv`, its pages, tag pages,
//! key dates, exports, back-links, and every validation error at its place.

mod errors;
mod exports;
mod pages;

use std::fs;
use std::path::Path;

use crate::common::*;
use explainer::diagnostics::Diagnostic;

/// The timeline fixture site, with overlays from `tests/fixtures/timeline/` laid over it.
pub fn site(overlays: &[&str]) -> tempfile::TempDir {
    let dir = fixture("timeline/site");
    for overlay in overlays {
        copy_dir(
            &repo().join("tests/fixtures/timeline").join(overlay),
            dir.path(),
        );
    }
    dir
}

/// The fixture site with its timeline read from CSV instead of TOML.
pub fn csv_site() -> tempfile::TempDir {
    let dir = site(&["csv"]);
    fs::remove_file(dir.path().join("content/data/timeline.toml")).unwrap();
    dir
}

pub fn build_errors(root: &Path) -> Vec<Diagnostic> {
    match build_site(root) {
        Ok(_) => panic!("the build should fail"),
        Err(failure) => failure.errors.0,
    }
}

/// Asserts that an error at `line` of `file` says `says`.
pub fn assert_error(errors: &[Diagnostic], file: &str, line: usize, says: &str) {
    assert!(
        errors
            .iter()
            .any(|e| e.file == Path::new(file) && e.line == line && e.message.contains(says)),
        "no error at {file}:{line} saying {says:?} in:\n{}",
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

pub fn event_ids(html: &scraper::Html) -> Vec<String> {
    select(html, "ol.timeline-events > li")
        .iter()
        .map(|li| li.value().attr("id").unwrap_or_default().to_owned())
        .collect()
}

pub fn read(root: &Path, relative: &str) -> String {
    fs::read_to_string(root.join("public").join(relative)).unwrap()
}

pub const ORDER: [&str; 11] = [
    "about-event",
    "day-event",
    "month-only",
    "year-only",
    "short-range",
    "before-event",
    "after-event",
    "long-range",
    "displayed",
    "same-day-first",
    "same-day-second",
];
