//! Every validation error, at its file and line.

use std::fs;

use super::*;

#[test]
fn every_toml_problem_is_reported_at_its_line() {
    let site = site(&["errors-toml"]);
    let errors = build_errors(site.path());
    let file = "content/data/timeline.toml";
    for (line, says) in [
        (3, "is not a real date"),
        (
            10,
            "`end`: the range ends (2020-09-27) before it starts (2020-11-10)",
        ),
        (15, "duplicate id `bad-range`"),
        (25, "unknown importance \"huge\""),
        (26, "unknown qualifier \"abut\""),
        (27, "invalid tag \"Bad Tag\""),
        (28, "unknown field `titel`"),
        (30, "`title`: missing"),
        (30, "`sources`: missing"),
        (32, "has no month 13"),
        (33, "is not a page link"),
        (35, "`id`: missing"),
        (35, "`date`: missing"),
        (40, "is the anchor of a year heading"),
        (43, "`after` cannot qualify a range"),
    ] {
        assert_error(&errors, file, line, says);
    }
    let help = |line: usize| {
        errors
            .iter()
            .find(|e| e.line == line)
            .and_then(|e| e.help.clone())
            .unwrap_or_default()
    };
    assert_eq!(help(28), "did you mean `title`?");
    assert_eq!(help(26), "did you mean `about`?");
    assert!(help(27).contains("\"bad-tag\""), "{}", help(27));
}

#[test]
fn every_csv_problem_names_its_line_column_and_field() {
    let site = site(&["errors-csv"]);
    fs::remove_file(site.path().join("content/data/timeline.toml")).unwrap();
    let errors = build_errors(site.path());
    let file = "content/data/timeline.csv";
    for (line, says) in [
        (1, "unknown column `colour` (column 14)"),
        (3, "`date` (column 2): 2023-02-30 is not a real date"),
        (4, "`end` (column 3): the range ends"),
        (5, "`id` (column 1): duplicate id `ok-one`"),
        (6, "`title` (column 4): missing"),
        (6, "`sources` (column 5): missing"),
        (7, "`tags` (column 6): invalid tag"),
        (7, "`importance` (column 7): unknown importance"),
        (7, "`qualifier` (column 8): unknown qualifier"),
        (8, "this row has 2 cells but the header names 14 columns"),
        (11, "`date` (column 2)"),
        (11, "`links` (column 12)"),
    ] {
        assert_error(&errors, file, line, says);
    }
    let bad_date = errors.iter().find(|e| e.line == 3).unwrap();
    assert_eq!(bad_date.col, 10, "the column of the cell in the line");
}

#[test]
fn both_a_toml_and_a_csv_timeline_is_an_error() {
    let site = site(&["csv"]);
    let errors = build_errors(site.path());
    assert_error(
        &errors,
        "content/data/timeline.csv",
        0,
        "both content/data/timeline.toml and content/data/timeline.csv exist",
    );
}

#[test]
fn unknown_sources_pages_and_events_are_reported_at_their_place() {
    let site = site(&["refs"]);
    let errors = build_errors(site.path());
    let file = "content/data/timeline.toml";
    assert_error(&errors, file, 5, "unknown source `nobody`");
    assert_error(
        &errors,
        file,
        6,
        "content/notes/missing.md, which is not a page of this site",
    );
    assert_error(&errors, file, 8, "unknown timeline event `nope`");
    assert_error(
        &errors,
        "content/index.md",
        7,
        "unknown timeline event `no-such-event`",
    );
    assert_eq!(errors.len(), 4, "{errors:?}");
}
