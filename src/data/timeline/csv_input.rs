//! Reading `content/data/timeline.csv`: a header row naming the fields, then one row per event.

use std::path::Path;

use super::raw::{FIELDS, FieldNames, Input, Located, REQUIRED, RawEvent};
use crate::data::file;
use crate::dates::DateInput;
use crate::diagnostics::{Diagnostic, SourceText};

/// The data file's name.
pub const FILE: &str = "timeline.csv";

/// The separator of the list cells `sources`, `tags` and `links`.
pub const LIST_SEPARATOR: char = ';';

/// Reads the CSV file; `Ok(None)` when the site has none.
pub fn read(root: &Path) -> Result<Option<(SourceText, Input)>, Diagnostic> {
    let Some(source) = file::read(root, FILE)? else {
        return Ok(None);
    };
    if source.text.trim().is_empty() {
        return Err(
            Diagnostic::error(&source.path, "the file is empty").with_help(format!(
                "start with the header row `{}`, or delete the file to leave the timeline out",
                FIELDS.join(",")
            )),
        );
    }
    let input = parse(&source);
    Ok(Some((source, input)))
}

/// Parses the text of a timeline CSV file.
pub fn parse(source: &SourceText) -> Input {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(source.text.as_bytes());
    let mut problems = Vec::new();
    let header: Vec<String> = match reader.headers() {
        Ok(header) => header.iter().map(|h| h.trim().to_owned()).collect(),
        Err(err) => {
            problems.push(source.error_at_line(1, 1, format!("cannot read the header row: {err}")));
            Vec::new()
        }
    };
    problems.extend(check_header(source, &header));
    let names = FieldNames::columns(header.clone());
    let missing = missing_columns(source, &header);
    if !missing.is_empty() {
        problems.extend(missing);
        return Input {
            events: Vec::new(),
            names,
            problems,
        };
    }
    let mut events = Vec::new();
    for row in reader.records() {
        let record = match row {
            Ok(record) => record,
            Err(err) => {
                let line = err.position().map_or(0, csv::Position::line);
                problems.push(source.error_at_line(usize::try_from(line).unwrap_or(0), 1, format!("cannot read this row: {err}")).with_help("check the row's quotes: a cell with a comma, quote or line break is written in double quotes, with quotes inside doubled"));
                continue;
            }
        };
        let start = file::csv_record_start(&source.text, &record);
        if record.len() != header.len() {
            let unclosed = source
                .text
                .get(start..)
                .is_some_and(|rest| rest.matches('"').count() % 2 == 1);
            let message = if unclosed {
                "a quoted cell on this row is never closed: the rest of the file was read into it"
                    .to_owned()
            } else {
                let cells = if record.len() == 1 { "cell" } else { "cells" };
                format!(
                    "this row has {} {cells} but the header names {} columns",
                    record.len(),
                    header.len()
                )
            };
            problems.push(
                source
                    .error_at(start, message)
                    .with_help("quote cells that contain commas, and give every row one cell per column (empty cells are fine)"),
            );
            continue;
        }
        let mut event = RawEvent {
            at: start,
            ..RawEvent::default()
        };
        for ((field, cell), at) in header
            .iter()
            .zip(record.iter())
            .zip(cell_offsets(&source.text, start))
        {
            set(
                &mut event,
                field,
                Located {
                    value: cell.to_owned(),
                    at,
                },
            );
        }
        events.push(event);
    }
    Input {
        events,
        names,
        problems,
    }
}

/// Unknown or repeated columns: reported, and their cells left out.
fn check_header(source: &SourceText, header: &[String]) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for ((i, name), at) in header.iter().enumerate().zip(cell_offsets(&source.text, 0)) {
        let column = i + 1;
        if !FIELDS.contains(&name.as_str()) {
            let help = crate::suggest::help(name, &FIELDS, || {
                format!("the columns are: {}", FIELDS.join(","))
            });
            problems.push(
                source
                    .error_at(at, format!("unknown column `{name}` (column {column})"))
                    .with_help(help),
            );
        } else if header[..i].contains(name) {
            problems.push(
                source
                    .error_at(
                        at,
                        format!("the column `{name}` (column {column}) is named twice"),
                    )
                    .with_help("name each column once"),
            );
        }
    }
    problems
}

/// The required columns the header lacks: without them no row can be read.
fn missing_columns(source: &SourceText, header: &[String]) -> Vec<Diagnostic> {
    REQUIRED
        .iter()
        .filter(|field| !header.iter().any(|h| h == *field))
        .map(|field| {
            source
                .error_at_line(1, 1, format!("the header row has no `{field}` column"))
                .with_help(format!(
                    "every event needs `{}`; the columns are: {}",
                    REQUIRED.join("`, `"),
                    FIELDS.join(",")
                ))
        })
        .collect()
}

/// Stores a cell in its field; list cells are split at `;`, empty cells left out.
fn set(event: &mut RawEvent, field: &str, cell: Located<String>) {
    if cell.value.trim().is_empty() {
        return;
    }
    let list = |cell: Located<String>| {
        let mut items = Vec::new();
        let mut offset = 0;
        for item in cell.value.split(LIST_SEPARATOR) {
            if !item.trim().is_empty() {
                items.push(Located {
                    value: item.to_owned(),
                    at: cell.at + offset,
                });
            }
            offset += item.len() + LIST_SEPARATOR.len_utf8();
        }
        items
    };
    let date = |cell: Located<String>| {
        Some(Located {
            value: DateInput::Text(cell.value),
            at: cell.at,
        })
    };
    match field {
        "id" => event.id = Some(cell),
        "date" => event.date = date(cell),
        "end" => event.end = date(cell),
        "title" => event.title = Some(cell),
        "sources" => event.sources = list(cell),
        "tags" => event.tags = list(cell),
        "importance" => event.importance = Some(cell),
        "qualifier" => event.qualifier = Some(cell),
        "display_date" => event.display_date = Some(cell),
        "place" => event.place = Some(cell),
        "places" => event.places = list(cell),
        "group" => event.group = Some(cell),
        "links" => event.links = list(cell),
        "body" => event.body = Some(cell),
        _ => {}
    }
}

/// The byte offset of each cell's text in the row starting at `start`, past an opening quote.
fn cell_offsets(text: &str, start: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut offsets = Vec::new();
    let mut i = start;
    loop {
        let quoted = bytes.get(i) == Some(&b'"');
        if quoted {
            i += 1;
        }
        offsets.push(i);
        while let Some(&byte) = bytes.get(i) {
            match byte {
                b'"' if quoted && bytes.get(i + 1) == Some(&b'"') => i += 2,
                b'"' if quoted => {
                    i += 1;
                    break;
                }
                b',' | b'\n' | b'\r' if !quoted => break,
                _ => i += 1,
            }
        }
        while let Some(&byte) = bytes.get(i) {
            if matches!(byte, b',' | b'\n' | b'\r') {
                break;
            }
            i += 1;
        }
        if bytes.get(i) != Some(&b',') {
            return offsets;
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_located_past_their_quotes() {
        let text = "a,\"b,\"\"c\"\"\nd\",e\nx";
        assert_eq!(cell_offsets(text, 0), vec![0, 3, 14]);
        assert_eq!(cell_offsets("x,y", 0), vec![0, 2]);
    }
}
