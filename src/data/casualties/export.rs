//! The downloads: `casualties.json` (the data file's fields) and `casualties.csv` (the CSV input's columns).

use serde_json::{Map, Value, json};

use super::csv_layout::{COLUMNS, LIST_SEPARATOR};
use super::model::{Claim, Figure, Qualifier};
use crate::data::sources::Sources;

/// `{"claims": [...]}`, each claim with the data file's fields and its source's affiliation
/// (so that the file says whose claim each is on its own).
pub fn json(claims: &[Claim], sources: Option<&Sources>) -> Vec<u8> {
    let list: Vec<Value> = claims
        .iter()
        .map(|claim| {
            let figures: Map<String, Value> = claim
                .figures
                .iter()
                .map(|f| (f.category.clone(), figure_json(&f.figure)))
                .collect();
            json!({
                "id": claim.id,
                "source": claim.source,
                "source_affiliation": sources
                    .and_then(|s| s.get(&claim.source))
                    .map(|s| &s.affiliation),
                "reported_by": claim.reported_by,
                "reported": claim.reported.iso(),
                "scope": claim.scope,
                "period": claim.period,
                "event": claim.event,
                "wording": claim.wording,
                "status": claim.status.name(),
                "supersedes": claim.supersedes,
                "overlaps": claim.overlaps,
                "excludes": claim.excludes,
                "notes": claim.notes,
                "figures": figures,
            })
        })
        .collect();
    let mut bytes = serde_json::to_vec_pretty(&json!({ "claims": list })).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// A figure as the TOML file writes it: a bare number when exact, else a table.
fn figure_json(figure: &Figure) -> Value {
    match *figure {
        Figure::Value {
            value,
            qualifier: Qualifier::Exact,
        } => json!(value),
        Figure::Value { value, qualifier } => {
            json!({ "value": value, "qualifier": qualifier.name() })
        }
        Figure::Range {
            min,
            max,
            best: Some(best),
        } => json!({ "min": min, "max": max, "best": best }),
        Figure::Range {
            min,
            max,
            best: None,
        } => json!({ "min": min, "max": max }),
        Figure::Undisclosed => json!({ "undisclosed": true }),
    }
}

/// One row per claim and category, in the CSV input's columns.
pub fn csv(claims: &[Claim]) -> Vec<u8> {
    let mut out = COLUMNS.join(",");
    out.push('\n');
    for claim in claims {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        let shared = [
            claim.id.clone(),
            claim.source.clone(),
            claim.reported_by.join(LIST_SEPARATOR),
            claim.reported.iso(),
            claim.scope.clone(),
            text(&claim.period),
            text(&claim.event),
            text(&claim.wording),
            claim.status.name().to_owned(),
            text(&claim.supersedes),
            claim.overlaps.join(LIST_SEPARATOR),
            text(&claim.excludes),
            text(&claim.notes),
        ];
        for figure in &claim.figures {
            let cells = shared
                .iter()
                .cloned()
                .chain([figure.category.clone()])
                .chain(figure_cells(&figure.figure));
            let row: Vec<String> = cells.map(|c| quote(&c)).collect();
            out.push_str(&row.join(","));
            out.push('\n');
        }
    }
    out.into_bytes()
}

/// The `value`, `qualifier`, `min`, `max`, `best` and `undisclosed` cells of a figure.
fn figure_cells(figure: &Figure) -> [String; 6] {
    let some = |n: u64| n.to_string();
    match *figure {
        Figure::Value {
            value,
            qualifier: Qualifier::Exact,
        } => [
            some(value),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ],
        Figure::Value { value, qualifier } => [
            some(value),
            qualifier.name().to_owned(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ],
        Figure::Range { min, max, best } => [
            String::new(),
            String::new(),
            some(min),
            some(max),
            best.map(some).unwrap_or_default(),
            String::new(),
        ],
        Figure::Undisclosed => [
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            "true".to_owned(),
        ],
    }
}

/// A CSV cell, quoted when it holds a comma, a quote or a line break.
fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}
