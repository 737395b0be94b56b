//! The casualty summary end to end: figure wording, ranges across sources, the
//! no-summing rule, validation errors with their places, CSV and TOML input,
//! the SVG charts, revision histories, exports and the article's summary box.

mod data;
mod errors;
mod page;

use std::fs;
use std::path::Path;

use crate::common::*;
use explainer::diagnostics::Diagnostic;
use scraper::{ElementRef, Html};

/// The casualty fixture site with its casualties file replaced by `name` holding `text`.
fn site_with(name: &str, text: &str) -> tempfile::TempDir {
    let site = fixture("casualties/site");
    fs::remove_file(site.path().join("content/data/casualties.toml")).unwrap();
    fs::write(site.path().join("content/data").join(name), text).unwrap();
    site
}

fn fixture_text(name: &str) -> String {
    fs::read_to_string(repo().join("tests/fixtures/casualties").join(name)).unwrap()
}

fn casualties_page(root: &Path) -> Html {
    page(root, "casualties/index.html")
}

fn text(element: &ElementRef<'_>) -> String {
    element
        .text()
        .collect::<Vec<_>>()
        .join("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The texts of the cells of the claim row with this id, then each of its figures as worded.
fn row_cells(html: &Html, id: &str) -> Vec<String> {
    let cells = select(html, &format!("tr#{id} td"));
    let figures = select(html, &format!("tr#{id} .casualty-figures strong"));
    cells.iter().chain(figures.iter()).map(text).collect()
}

/// The headline entry of a category in the scope whose section has this anchor.
fn headline(html: &Html, scope_anchor: &str, label: &str) -> String {
    let section = select(html, "section.casualty-scope")
        .into_iter()
        .find(|s| {
            select_in(s, "h2")
                .first()
                .and_then(|h| h.value().attr("id"))
                == Some(scope_anchor)
        })
        .unwrap_or_else(|| panic!("no scope section #{scope_anchor}"));
    let terms = select_in(&section, ".casualty-headline dt");
    let details = select_in(&section, ".casualty-headline dd");
    let at = terms
        .iter()
        .position(|t| text(t) == label)
        .unwrap_or_else(|| panic!("no headline row {label}"));
    text(&details[at])
}

fn select_in<'a>(element: &ElementRef<'a>, selector: &str) -> Vec<ElementRef<'a>> {
    element
        .select(&scraper::Selector::parse(selector).unwrap())
        .collect()
}

fn errors_of(root: &Path) -> Vec<Diagnostic> {
    match build_site(root) {
        Ok(_) => panic!("the build should fail"),
        Err(failure) => failure.errors.0,
    }
}

/// Asserts that an error at this line (and column, when given) says `message`.
fn assert_error(errors: &[Diagnostic], line: usize, col: Option<usize>, message: &str) {
    let found = errors
        .iter()
        .any(|e| e.line == line && col.is_none_or(|c| e.col == c) && e.message.contains(message));
    let listed: Vec<String> = errors
        .iter()
        .map(|e| format!("{}:{}: {}", e.line, e.col, e.message))
        .collect();
    assert!(
        found,
        "no error {message:?} at {line}:{col:?} in {listed:#?}"
    );
}
