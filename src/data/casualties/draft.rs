//! Claims as read from either input format, every value with its place in the file.
//!
//! The TOML and CSV readers both produce these drafts, so that one validator
//! checks them and reports problems at the right line and column.

use crate::dates::DateInput;
use crate::diagnostics::{Collector, Diagnostic, SourceText};

/// Where a value was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loc {
    /// A byte offset into a TOML file.
    Offset(usize),
    /// A CSV cell: the byte offset where it starts, its 1-based column number and its field name.
    Cell {
        /// Byte offset of the cell.
        offset: usize,
        /// 1-based column number.
        column: usize,
        /// The column's header name.
        field: &'static str,
    },
}

impl Loc {
    /// An error at this place of `file`; for CSV the message names the column.
    pub fn error(&self, file: &SourceText, message: impl Into<String>) -> Diagnostic {
        match *self {
            Loc::Offset(offset) => file.error_at(offset, message),
            Loc::Cell {
                offset,
                column,
                field,
            } => file.error_at(
                offset,
                format!("{} (column {column}, `{field}`)", message.into()),
            ),
        }
    }
}

/// A value and where it was written.
#[derive(Debug, Clone)]
pub struct At<T> {
    /// The value.
    pub value: T,
    /// Its place.
    pub loc: Loc,
}

impl<T> At<T> {
    /// Pairs a value with its place.
    pub fn new(value: T, loc: Loc) -> Self {
        At { value, loc }
    }
}

/// A figure as written: which of its keys were given.
#[derive(Debug, Clone)]
pub struct DraftFigure {
    /// The category key.
    pub category: At<String>,
    /// `value` (or a bare number).
    pub value: Option<At<i64>>,
    /// `qualifier`.
    pub qualifier: Option<At<String>>,
    /// `min`.
    pub min: Option<At<i64>>,
    /// `max`.
    pub max: Option<At<i64>>,
    /// `best`.
    pub best: Option<At<i64>>,
    /// `undisclosed`.
    pub undisclosed: Option<At<bool>>,
    /// True when one of its cells could not be read (and was reported): the figure is left out.
    pub unreadable: bool,
}

impl DraftFigure {
    /// A figure of `category` with no keys given yet.
    pub fn empty(category: At<String>) -> Self {
        DraftFigure {
            category,
            value: None,
            qualifier: None,
            min: None,
            max: None,
            best: None,
            undisclosed: None,
            unreadable: false,
        }
    }
}

/// What an input format read: the claims it could read, the ids of those it could not
/// (so that links to them are not reported as unknown on top of their own problems), and
/// the problems found.
#[derive(Default)]
pub struct Drafts {
    /// The claims read, in file order.
    pub claims: Vec<DraftClaim>,
    /// Ids of claims whose record has problems that kept it from being read.
    pub unreadable: std::collections::HashSet<String>,
    /// The problems found while reading.
    pub problems: Collector,
}

/// A claim as written.
#[derive(Debug, Clone)]
pub struct DraftClaim {
    /// `id`.
    pub id: At<String>,
    /// `source`.
    pub source: At<String>,
    /// `reported_by`.
    pub reported_by: Vec<At<String>>,
    /// `reported`.
    pub reported: At<DateInput>,
    /// `scope`.
    pub scope: At<String>,
    /// `period`.
    pub period: Option<String>,
    /// `event`.
    pub event: Option<At<String>>,
    /// `wording`.
    pub wording: Option<String>,
    /// `status`.
    pub status: Option<At<String>>,
    /// `supersedes`.
    pub supersedes: Option<At<String>>,
    /// `overlaps`.
    pub overlaps: Vec<At<String>>,
    /// `excludes`.
    pub excludes: Option<String>,
    /// `notes`.
    pub notes: Option<String>,
    /// Where the figures are (the `figures` table, or the claim's first row).
    pub figures_loc: Loc,
    /// The figures.
    pub figures: Vec<DraftFigure>,
}
