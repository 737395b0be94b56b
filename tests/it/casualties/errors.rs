//! Validation: every error of a file, with its line and column (and, for CSV, the column's name).

use std::fs;
use std::path::Path;

use super::*;

#[test]
fn toml_errors_are_all_reported_with_line_and_column() {
    let site = site_with("casualties.toml", &fixture_text("invalid.toml"));
    let errors = errors_of(site.path());
    assert_error(&errors, 6, Some(10), "unknown status \"maybe\"");
    assert_error(
        &errors,
        7,
        Some(14),
        "`supersedes` names `b`, a claim of `south-ombudsman`",
    );
    assert_error(
        &errors,
        10,
        Some(10),
        "`value` of `killed` is negative (-3)",
    );
    assert_error(
        &errors,
        11,
        Some(19),
        "`min` of `wounded` (20) is above its `max` (10)",
    );
    assert_error(&errors, 12, Some(1), "unknown category `captured`");
    assert_error(&errors, 13, Some(36), "unknown qualifier \"roughly\"");
    assert_error(&errors, 18, Some(12), "is not a real date");
    assert_error(
        &errors,
        20,
        Some(14),
        "`supersedes` names unknown claim `zzz`",
    );
    assert_error(
        &errors,
        24,
        Some(1),
        "`civilians_killed` (20) is more than `killed` (10)",
    );
    assert_error(
        &errors,
        25,
        Some(1),
        "`children_killed` (at least 30) is more than `civilians_killed` (20)",
    );
    assert_error(&errors, 28, Some(6), "duplicate claim id `a`");
    assert!(
        errors
            .iter()
            .all(|e| e.file == Path::new("content/data/casualties.toml") && e.help.is_some()),
        "{errors:#?}"
    );
}

#[test]
fn csv_errors_name_the_line_and_column() {
    let site = site_with("casualties.csv", &fixture_text("invalid.csv"));
    let errors = errors_of(site.path());
    assert_error(&errors, 1, Some(59), "unknown column `undisclosd`");
    assert_error(
        &errors,
        2,
        Some(43),
        "`value` of `killed` is negative (-3) (column 6, `value`)",
    );
    assert_error(
        &errors,
        3,
        Some(18),
        "`reported` differs from the first row of claim `a` (line 2) (column 3, `reported`)",
    );
    assert_error(
        &errors,
        3,
        Some(44),
        "`value` \"abc\" is not a whole number (column 6, `value`)",
    );
    assert_error(
        &errors,
        4,
        None,
        "`min` of `killed` (20) is above its `max` (10) (column 8, `min`)",
    );
    assert_error(
        &errors,
        5,
        Some(37),
        "unknown category `hurt` (column 5, `category`)",
    );
    assert_error(&errors, 6, Some(30), "`scope` is empty (column 4, `scope`)");
    let help = errors
        .iter()
        .find(|e| e.message.contains("undisclosd"))
        .and_then(|e| e.help.clone());
    assert_eq!(help.as_deref(), Some("did you mean `undisclosed`?"));
}

#[test]
fn crlf_csv_errors_are_at_the_same_lines_and_columns() {
    let places = |text: &str| -> Vec<(usize, usize, String)> {
        let site = site_with("casualties.csv", text);
        let mut places: Vec<_> = errors_of(site.path())
            .into_iter()
            .map(|e| (e.line, e.col, e.message))
            .collect();
        places.sort();
        places
    };
    let lf = fixture_text("invalid.csv");
    let crlf = lf.replace('\n', "\r\n");
    assert!(!places(&lf).is_empty());
    assert_eq!(places(&crlf), places(&lf));
}

#[test]
fn declared_parts_are_checked_against_their_whole() {
    let site = fixture("casualties/site");
    let config = site.path().join("explainer.toml");
    let text = fs::read_to_string(&config).unwrap().replace(
        r#"label = "Civilians wounded" }"#,
        r#"label = "Civilians wounded", part_of = "wounded" }"#,
    );
    fs::write(&config, text).unwrap();
    build_ok(site.path());
    let data = site.path().join("content/data/casualties.toml");
    let claims = fs::read_to_string(&data).unwrap().replace(
        r#"civilians_wounded = { value = 50, qualifier = "up_to" }"#,
        r#"civilians_wounded = { value = 500, qualifier = "exact" }"#,
    );
    fs::write(&data, claims).unwrap();
    let errors = errors_of(site.path());
    assert_error(
        &errors,
        29,
        Some(1),
        "`civilians_wounded` (500) is more than `wounded` (more than 400), which counts them too",
    );
}

#[test]
fn a_part_of_no_category_or_of_itself_is_a_config_error() {
    let site = fixture("casualties/site");
    let config = site.path().join("explainer.toml");
    let text = fs::read_to_string(&config).unwrap().replace(
        r#"categories = [{ id = "civilians_wounded", label = "Civilians wounded" }]"#,
        "categories = [\n  { id = \"civilians_wounded\", label = \"Civilians wounded\", part_of = \"wonded\" },\n  { id = \"a\", label = \"A\", part_of = \"b\" },\n  { id = \"b\", label = \"B\", part_of = \"a\" },\n]",
    );
    fs::write(&config, text).unwrap();
    let errors = errors_of(site.path());
    let config_errors: Vec<_> = errors
        .iter()
        .filter(|e| e.file == Path::new("explainer.toml"))
        .map(|e| (e.line, e.col, e.message.as_str()))
        .collect();
    assert_eq!(
        config_errors,
        vec![
            (8, 70, "`part_of` names unknown category `wonded`"),
            (9, 38, "`a` is, through `part_of`, part of itself"),
            (10, 38, "`b` is, through `part_of`, part of itself"),
        ],
        "{errors:#?}"
    );
}

#[test]
fn unknown_sources_and_events_are_reported_where_they_are_named() {
    let site = site_with("casualties.toml", &fixture_text("unknown_references.toml"));
    let errors = errors_of(site.path());
    assert_error(&errors, 3, Some(10), "unknown source `nobody`");
    assert_error(&errors, 4, Some(30), "unknown source `ghost-outlet`");
    assert_error(
        &errors,
        7,
        Some(9),
        "unknown timeline event `no-such-event`",
    );
    assert!(!errors.iter().any(|e| e.message.contains("daily-news")));
}

#[test]
fn a_site_may_not_have_both_a_toml_and_a_csv_file() {
    let site = fixture("casualties/site");
    fs::write(
        site.path().join("content/data/casualties.csv"),
        "id,source,reported,scope,category,value\n",
    )
    .unwrap();
    let errors = errors_of(site.path());
    assert!(
        errors.iter().any(|e| e
            .message
            .contains("both casualties.toml and casualties.csv")),
        "{errors:#?}"
    );
}

#[test]
fn figures_of_the_wrong_type_are_reported_together() {
    let site = site_with("casualties.toml", &fixture_text("wrong_types.toml"));
    let errors = errors_of(site.path());
    assert_error(&errors, 8, Some(10), "`killed` is text");
    assert_error(
        &errors,
        9,
        Some(21),
        "unknown key `valeu` in figure `wounded`",
    );
    assert_error(&errors, 10, Some(11), "`missing` is a decimal number");
    assert_error(
        &errors,
        11,
        Some(37),
        "`qualifier` of `detained` must be text",
    );
    assert_error(&errors, 12, Some(13), "`displaced` is a date");
    assert_eq!(errors.len(), 5, "{errors:#?}");
}

#[test]
fn csv_locations_survive_quoted_commas_and_line_breaks() {
    let note = "\"A note, with a comma\nand a line break\"";
    let csv = format!(
        "id,source,reported,scope,notes,category,value\n\
         a,north-ministry,2023-09-19,Battle,{note},killed,3\n\
         a,north-ministry,2023-09-19,Battle,{note},wounded,-1\n"
    );
    let site = site_with("casualties.csv", &csv);
    let errors = errors_of(site.path());
    assert_error(
        &errors,
        5,
        Some(27),
        "`value` of `wounded` is negative (-1) (column 7, `value`)",
    );
    assert_eq!(errors.len(), 1, "{errors:#?}");
}
