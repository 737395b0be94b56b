//! An event as written in either data file, before any check: each value with its place.

use crate::dates::DateInput;

/// The fields of an event: the keys of an `[[event]]` and the columns of `timeline.csv`, in export order.
pub const FIELDS: [&str; 14] = [
    "id",
    "date",
    "end",
    "title",
    "sources",
    "tags",
    "importance",
    "qualifier",
    "display_date",
    "place",
    "places",
    "group",
    "links",
    "body",
];

/// The fields an event cannot do without.
pub const REQUIRED: [&str; 4] = ["id", "date", "title", "sources"];

/// A value with the byte offset in the data file where it was written.
#[derive(Debug, Clone)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where it starts in the file.
    pub at: usize,
}

/// One event as written; absent fields are `None` or empty.
#[derive(Debug, Default)]
pub struct RawEvent {
    /// Where the event starts: its `[[event]]` header or its CSV row.
    pub at: usize,
    /// `id`.
    pub id: Option<Located<String>>,
    /// `date`.
    pub date: Option<Located<DateInput>>,
    /// `end`.
    pub end: Option<Located<DateInput>>,
    /// `title`.
    pub title: Option<Located<String>>,
    /// `sources`.
    pub sources: Vec<Located<String>>,
    /// `tags`.
    pub tags: Vec<Located<String>>,
    /// `importance`.
    pub importance: Option<Located<String>>,
    /// `qualifier`.
    pub qualifier: Option<Located<String>>,
    /// `display_date`.
    pub display_date: Option<Located<String>>,
    /// `place`.
    pub place: Option<Located<String>>,
    /// `places`: ids in `places.toml`.
    pub places: Vec<Located<String>>,
    /// `group`.
    pub group: Option<Located<String>>,
    /// `links`.
    pub links: Vec<Located<String>>,
    /// `body`, located at the first character of its text.
    pub body: Option<Located<String>>,
}

/// How messages name a field: by key in TOML, by key and column number in CSV.
#[derive(Debug, Clone, Default)]
pub struct FieldNames {
    columns: Vec<String>,
}

impl FieldNames {
    /// Names for a CSV file with this header row.
    pub fn columns(header: Vec<String>) -> FieldNames {
        FieldNames { columns: header }
    }

    /// "`date`", or "`date` (column 2)" in a CSV file.
    pub fn label(&self, field: &str) -> String {
        match self.columns.iter().position(|c| c == field) {
            Some(i) => format!("`{field}` (column {})", i + 1),
            None => format!("`{field}`"),
        }
    }
}

/// What an input format yields: the events, how to name their fields, and the format's own problems.
#[derive(Debug)]
pub struct Input {
    /// The events, in file order.
    pub events: Vec<RawEvent>,
    /// How to name fields in messages.
    pub names: FieldNames,
    /// Problems found while reading (unknown fields, malformed rows).
    pub problems: Vec<crate::diagnostics::Diagnostic>,
}
