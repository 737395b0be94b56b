//! The CSV layout shared by the reader and the export: the columns, the header
//! row, and where each cell of a row starts (for error locations).

use csv::StringRecord;

use crate::data::file::csv_record_start;
use crate::diagnostics::{Collector, SourceText};
use crate::suggest;

/// Every column, in the order exports write them; the first [`CLAIM_COLUMNS`] are claim-level.
#[rustfmt::skip]
pub const COLUMNS: [&str; 20] = [
    "id", "source", "reported_by", "reported", "scope", "period", "event", "wording", "status", "supersedes",
    "overlaps", "excludes", "notes", "category", "value", "qualifier", "min", "max", "best", "undisclosed",
];

/// How many of [`COLUMNS`] describe the claim rather than one figure.
pub const CLAIM_COLUMNS: usize = 13;

/// The separator of ids in list cells.
pub const LIST_SEPARATOR: &str = ";";

const REQUIRED: [&str; 5] = ["id", "source", "reported", "scope", "category"];

/// For each of [`COLUMNS`], its index in the file's rows, when the header has it.
pub fn header_columns(
    file: &SourceText,
    header: &StringRecord,
    problems: &mut Collector,
) -> Vec<Option<usize>> {
    let mut columns = vec![None; COLUMNS.len()];
    let header_start = csv_record_start(&file.text, header);
    let starts = cell_starts(&file.text, header_start, header.len());
    for (index, name) in header.iter().enumerate() {
        let at = starts.get(index).copied().unwrap_or(0);
        match COLUMNS.iter().position(|c| *c == name) {
            Some(known) if columns[known].is_some() => {
                problems.push(
                    file.error_at(at, format!("the column `{name}` appears twice"))
                        .with_help("keep one of them"),
                );
            }
            Some(known) => columns[known] = Some(index),
            None => {
                let help = suggest::help(name, &COLUMNS, || {
                    format!("the columns are: {}", COLUMNS.join(", "))
                });
                problems.push(
                    file.error_at(at, format!("unknown column `{name}`"))
                        .with_help(help),
                );
            }
        }
    }
    for required in REQUIRED {
        if columns[column(required)].is_none() {
            problems.push(
                file.error_at(
                    header_start,
                    format!("the header has no `{required}` column"),
                )
                .with_help(format!("the columns are: {}", COLUMNS.join(","))),
            );
        }
    }
    columns
}

/// The index in [`COLUMNS`] of a column name this module spells.
pub fn column(name: &str) -> usize {
    COLUMNS.iter().position(|c| *c == name).unwrap_or(0)
}

/// Byte offsets where the first `count` cells of the record at `start` begin.
pub fn cell_starts(text: &str, start: usize, count: usize) -> Vec<usize> {
    let mut starts = vec![start];
    let mut quoted = false;
    for (i, c) in text.get(start..).unwrap_or_default().char_indices() {
        if starts.len() >= count {
            break;
        }
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => starts.push(start + i + 1),
            '\n' if !quoted => break,
            _ => {}
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_start_after_unquoted_commas() {
        let text = "a,\"b,c\",d\n";
        assert_eq!(cell_starts(text, 0, 3), vec![0, 2, 8]);
    }
}
