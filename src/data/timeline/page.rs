//! The pages: `/timeline/`, one page per tag, and the key dates every template sees.

use rayon::prelude::*;
use serde::Serialize;
use serde_json::json;
use tera::Value;

use super::model::{Importance, Timeline};
use super::validate::YEAR_ANCHOR;
use super::view::{EventView, tag_label, tag_path};
use crate::data::DataPage;
use crate::markdown::links::{self, Targets};
use crate::words::Words;

/// The JSON export's site path.
pub const JSON_PATH: &str = "/timeline/timeline.json";
/// The CSV export's site path.
pub const CSV_PATH: &str = "/timeline/timeline.csv";

/// A tag in the tag index.
#[derive(Serialize)]
struct TagView<'a> {
    name: &'a str,
    label: String,
    href: String,
    count: usize,
    current: bool,
}

/// The tag a page lists.
#[derive(Serialize)]
struct CurrentTag<'a> {
    name: &'a str,
    label: String,
}

/// The events of one year.
#[derive(Serialize)]
struct YearView {
    year: i32,
    anchor: String,
    /// The events' values, shared with every other page that lists them.
    events: Vec<Value>,
}

/// The data of `/timeline/` or of a tag's page.
#[derive(Serialize)]
struct PageData<'a> {
    tag: Option<CurrentTag<'a>>,
    count: usize,
    years: Vec<YearView>,
    tags: Vec<TagView<'a>>,
    all_href: String,
    json_href: String,
    csv_href: String,
}

/// `/timeline/` and a page for each tag, all listing the same event views: each event is
/// made a template value once, and the pages share it.
pub fn pages(
    timeline: &Timeline,
    views: &[EventView],
    targets: &dyn Targets,
    words: &Words,
) -> Vec<DataPage> {
    let tags = timeline.tags();
    let values: Vec<(&EventView, Value)> = views
        .par_iter()
        .map(|view| (view, Value::from_serializable(view)))
        .collect();
    let all: Vec<&(&EventView, Value)> = values.iter().collect();
    let mut pages = vec![DataPage::worded(
        words,
        "timeline",
        super::PATH.to_owned(),
        "timeline.html",
        page_data(&all, None, &tags, targets),
    )];
    for &(tag, _) in &tags {
        let tagged: Vec<&(&EventView, Value)> = values
            .iter()
            .filter(|(v, _)| v.tags.iter().any(|t| t.name.as_deref() == Some(tag)))
            .collect();
        let label = tag_label(tag);
        pages.push(DataPage {
            path: tag_path(tag),
            template: "timeline.html",
            nav: false,
            title: words.fill("pages.timeline_tag.title", &[("tag", &label)]),
            description: words.fill("pages.timeline_tag.description", &[("tag", &label)]),
            data: page_data(&tagged, Some(tag), &tags, targets),
        });
    }
    pages
}

fn page_data(
    events: &[&(&EventView, Value)],
    current: Option<&str>,
    tags: &[(&str, usize)],
    targets: &dyn Targets,
) -> Value {
    let mut years: Vec<YearView> = Vec::new();
    for &(view, value) in events {
        match years.last_mut() {
            Some(year) if year.year == view.year => year.events.push(value.clone()),
            _ => years.push(YearView {
                year: view.year,
                anchor: format!("{YEAR_ANCHOR}{}", view.year),
                events: vec![value.clone()],
            }),
        }
    }
    Value::from_serializable(&PageData {
        tag: current.map(|name| CurrentTag {
            name,
            label: tag_label(name),
        }),
        count: events.len(),
        years,
        tags: tags
            .iter()
            .map(|&(tag, count)| TagView {
                name: tag,
                label: tag_label(tag),
                href: targets.href(&tag_path(tag)),
                count,
                current: current == Some(tag),
            })
            .collect(),
        all_href: targets.href(super::PATH),
        json_href: targets.href(JSON_PATH),
        csv_href: targets.href(CSV_PATH),
    })
}

/// The major events, for the article's "Key dates" box, dated in the language of `words`.
pub fn key_dates(timeline: &Timeline, targets: &dyn Targets, words: &Words) -> serde_json::Value {
    let dates: Vec<serde_json::Value> = timeline
        .events
        .iter()
        .filter(|e| e.importance == Importance::Major)
        .map(|e| {
            json!({
                "id": e.id,
                "href": links::anchor(targets, super::PATH, &e.id),
                "date_human": e.when.human(words),
                "date_iso": e.when.iso(),
                "title": e.title,
            })
        })
        .collect();
    serde_json::Value::Array(dates)
}
