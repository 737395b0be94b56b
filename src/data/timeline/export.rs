//! The exports: `/timeline/timeline.json` and `/timeline/timeline.csv`, with the data file's fields.

use serde::Serialize;

use super::csv_input::LIST_SEPARATOR;
use super::model::{Event, Keyword, Timeline};
use super::pages::{CSV_PATH, JSON_PATH};
use super::raw::FIELDS;
use crate::data::ExportFile;
use crate::dates::Precision;
use crate::diagnostics::Diagnostic;

/// An event as the JSON export writes it: every field, keys in alphabetical order.
#[derive(Serialize)]
struct JsonEvent<'a> {
    body: &'a str,
    date: String,
    date_precision: Precision,
    display_date: Option<&'a str>,
    end: Option<String>,
    end_precision: Option<Precision>,
    group: Option<&'a str>,
    id: &'a str,
    importance: &'static str,
    links: &'a [String],
    place: Option<&'a str>,
    places: &'a [String],
    qualifier: &'static str,
    sources: &'a [String],
    tags: &'a [String],
    title: &'a str,
}

/// The JSON export: `{"events": [...]}`.
#[derive(Serialize)]
struct JsonExport<'a> {
    events: Vec<JsonEvent<'a>>,
}

/// Both export files; a CSV writing failure is a diagnostic.
pub fn files(timeline: &Timeline) -> Result<Vec<ExportFile>, Diagnostic> {
    let events = timeline.events.iter().map(json_event).collect();
    let json = serde_json::to_vec_pretty(&JsonExport { events }).map_err(|e| {
        Diagnostic::error(
            &timeline.file.path,
            format!("cannot write {JSON_PATH}: {e}"),
        )
    })?;
    let csv = csv_bytes(timeline).map_err(|e| {
        Diagnostic::error(&timeline.file.path, format!("cannot write {CSV_PATH}: {e}"))
    })?;
    Ok(vec![
        ExportFile {
            path: JSON_PATH.trim_start_matches('/').to_owned(),
            bytes: json,
        },
        ExportFile {
            path: CSV_PATH.trim_start_matches('/').to_owned(),
            bytes: csv,
        },
    ])
}

fn json_event(event: &Event) -> JsonEvent<'_> {
    let when = &event.when;
    JsonEvent {
        body: &event.body,
        date: when.date.iso(),
        date_precision: when.date.precision(),
        display_date: when.display.as_deref(),
        end: when.end.map(|d| d.iso()),
        end_precision: when.end.map(|d| d.precision()),
        group: event.group.as_deref(),
        id: &event.id,
        importance: event.importance.name(),
        links: &event.links,
        place: event.place.as_deref(),
        places: &event.place_ids,
        qualifier: when.qualifier.name(),
        sources: &event.sources,
        tags: &event.tags,
        title: &event.title,
    }
}

fn csv_bytes(timeline: &Timeline) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(FIELDS)?;
    for event in &timeline.events {
        writer.write_record(csv_row(event))?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

/// An event's cells, in the order of [`FIELDS`].
fn csv_row(event: &Event) -> [String; FIELDS.len()] {
    let when = &event.when;
    let list = |items: &[String]| items.join(&LIST_SEPARATOR.to_string());
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    [
        event.id.clone(),
        when.date.iso(),
        when.end.map(|d| d.iso()).unwrap_or_default(),
        event.title.clone(),
        list(&event.sources),
        list(&event.tags),
        event.importance.name().to_owned(),
        when.qualifier.name().to_owned(),
        text(&when.display),
        text(&event.place),
        list(&event.place_ids),
        text(&event.group),
        list(&event.links),
        event.body.clone(),
    ]
}
