//! Values that remember where they were written, so that any check made after reading can
//! report its problem at the value's line and column. Every data kind reads into these.

use crate::diagnostics::{Diagnostic, SourceText};

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
    /// The byte offset in the file.
    pub fn offset(&self) -> usize {
        match *self {
            Loc::Offset(offset) | Loc::Cell { offset, .. } => offset,
        }
    }

    /// An error at this place of `file`; for CSV the message names the column.
    pub fn error(&self, file: &SourceText, message: impl std::fmt::Display) -> Diagnostic {
        match *self {
            Loc::Offset(offset) => file.error_at(offset, message),
            Loc::Cell {
                offset,
                column,
                field,
            } => file.error_at(offset, format!("{} (column {column}, `{field}`)", message)),
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
