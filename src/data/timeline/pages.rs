//! The pages: `/timeline/`, one page per tag, and the key dates every template sees.

use serde_json::{Value, json};

use super::model::{Importance, Timeline};
use super::validate::YEAR_ANCHOR;
use super::view::{EventView, tag_label, tag_path};
use crate::data::DataPage;
use crate::markdown::links::{self, Targets};

/// The JSON export's site path.
pub const JSON_PATH: &str = "/timeline/timeline.json";
/// The CSV export's site path.
pub const CSV_PATH: &str = "/timeline/timeline.csv";

/// `/timeline/` and a page for each tag, all listing the same event views.
pub fn pages(timeline: &Timeline, views: &[EventView], targets: &dyn Targets) -> Vec<DataPage> {
    let tags = timeline.tags();
    let all: Vec<&EventView> = views.iter().collect();
    let mut pages = vec![DataPage {
        path: links::paths::TIMELINE.to_owned(),
        template: "timeline.html",
        title: "Timeline".to_owned(),
        description: "Every dated event of the conflict, in order, with its sources.".to_owned(),
        data: page_data(&all, None, &tags, targets),
    }];
    for &(tag, _) in &tags {
        let tagged: Vec<&EventView> = views
            .iter()
            .filter(|v| v.tags.iter().any(|t| t.name.as_deref() == Some(tag)))
            .collect();
        let label = tag_label(tag);
        pages.push(DataPage {
            path: tag_path(tag),
            template: "timeline.html",
            title: format!("Timeline: {label}"),
            description: format!(
                "The events of the timeline tagged “{label}”, in order, with their sources."
            ),
            data: page_data(&tagged, Some(tag), &tags, targets),
        });
    }
    pages
}

fn page_data(
    events: &[&EventView],
    current: Option<&str>,
    tags: &[(&str, usize)],
    targets: &dyn Targets,
) -> Value {
    let mut years: Vec<(i32, Vec<&EventView>)> = Vec::new();
    for &event in events {
        match years.last_mut() {
            Some((year, list)) if *year == event.year => list.push(event),
            _ => years.push((event.year, vec![event])),
        }
    }
    let years: Vec<Value> = years
        .into_iter()
        .map(|(year, events)| json!({ "year": year, "anchor": format!("{YEAR_ANCHOR}{year}"), "events": events }))
        .collect();
    let tags: Vec<Value> = tags
        .iter()
        .map(|&(tag, count)| {
            json!({
                "name": tag,
                "label": tag_label(tag),
                "href": targets.href(&tag_path(tag)),
                "count": count,
                "current": current == Some(tag),
            })
        })
        .collect();
    json!({
        "tag": current.map(|tag| json!({ "name": tag, "label": tag_label(tag) })),
        "count": events.len(),
        "years": years,
        "tags": tags,
        "all_href": targets.href(links::paths::TIMELINE),
        "json_href": targets.href(JSON_PATH),
        "csv_href": targets.href(CSV_PATH),
    })
}

/// The major events, for the article's "Key dates" box.
pub fn key_dates(timeline: &Timeline, targets: &dyn Targets) -> Value {
    let dates: Vec<Value> = timeline
        .events
        .iter()
        .filter(|e| e.importance == Importance::Major)
        .map(|e| {
            json!({
                "id": e.id,
                "href": links::anchor(targets, links::paths::TIMELINE, &e.id),
                "date_human": e.when.human(),
                "date_iso": e.when.iso(),
                "title": e.title,
            })
        })
        .collect();
    Value::Array(dates)
}
