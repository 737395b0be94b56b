//! The JSON and CSV exports, and CSV and TOML giving the same site.

use std::fs;

use super::*;

#[test]
fn exports_have_the_data_files_fields_with_iso_dates_and_precision() {
    let site = site(&[]);
    build_ok(site.path());
    let json: serde_json::Value =
        serde_json::from_str(&read(site.path(), "timeline/timeline.json")).unwrap();
    let events = json["events"].as_array().unwrap();
    let ids: Vec<&str> = events.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ORDER);
    let by_id = |id: &str| events.iter().find(|e| e["id"] == id).unwrap();
    assert_eq!(
        (
            by_id("month-only")["date"].as_str(),
            by_id("month-only")["date_precision"].as_str()
        ),
        (Some("1988-01"), Some("month"))
    );
    assert_eq!(by_id("year-only")["date_precision"], "year");
    assert_eq!(
        (
            by_id("short-range")["end"].as_str(),
            by_id("short-range")["end_precision"].as_str()
        ),
        (Some("1992-02-26"), Some("day"))
    );
    assert_eq!(by_id("about-event")["qualifier"], "about");
    assert_eq!(
        by_id("day-event")["sources"],
        serde_json::json!(["ombudsman", "desk"])
    );
    assert_eq!(
        by_id("day-event")["links"],
        serde_json::json!(["@/notes/corridor.md"])
    );
    assert_eq!(by_id("displayed")["display_date"], "Mid-June 2023");
    let csv = read(site.path(), "timeline/timeline.csv");
    assert_eq!(
        csv.lines().next(),
        Some(
            "id,date,end,title,sources,tags,importance,qualifier,display_date,place,places,group,links,body"
        )
    );
    assert!(
        csv.contains(
            "day-event,1988-01-01,,A day event,ombudsman;desk,early;key-moments,major,exact,"
        ),
        "{csv}"
    );
}

#[test]
fn csv_and_toml_give_the_same_pages_and_exports() {
    let from_toml = site(&[]);
    build_ok(from_toml.path());
    let from_csv = csv_site();
    build_ok(from_csv.path());
    let mut outputs = vec![
        "timeline/index.html",
        "timeline/timeline.json",
        "timeline/timeline.csv",
        "index.html",
        "sources/index.html",
    ];
    outputs.extend([
        "timeline/tags/war/index.html",
        "timeline/tags/early/index.html",
        "timeline/tags/key-moments/index.html",
    ]);
    for output in outputs {
        assert_eq!(
            read(from_toml.path(), output),
            read(from_csv.path(), output),
            "{output} differs"
        );
    }
}

#[test]
fn the_exported_csv_reads_back_as_the_same_timeline() {
    let original = site(&[]);
    build_ok(original.path());
    let copy = site(&[]);
    fs::remove_file(copy.path().join("content/data/timeline.toml")).unwrap();
    fs::write(
        copy.path().join("content/data/timeline.csv"),
        read(original.path(), "timeline/timeline.csv"),
    )
    .unwrap();
    build_ok(copy.path());
    for output in [
        "timeline/timeline.json",
        "timeline/timeline.csv",
        "timeline/index.html",
    ] {
        assert_eq!(
            read(original.path(), output),
            read(copy.path(), output),
            "{output} differs"
        );
    }
}
