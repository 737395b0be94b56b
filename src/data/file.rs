//! Reading one data file of `content/data/`.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::content::{CONTENT_DIR, DATA_DIR, check_link};
use crate::diagnostics::{Diagnostic, SourceText};
use crate::toml_input;

/// The path of a data file relative to the site root, such as `content/data/sources.toml`.
pub fn data_path(name: &str) -> String {
    format!("{CONTENT_DIR}/{DATA_DIR}/{name}")
}

/// Reads `content/data/<name>`; `Ok(None)` when the site has no such file.
pub fn read(root: &Path, name: &str) -> Result<Option<SourceText>, Diagnostic> {
    let path = root.join(data_path(name));
    // The file or a folder on its way (`content/data/` itself) may be a link out of the site.
    if path.exists() {
        check_link(root, &path)?;
    }
    if !path.is_file() {
        return Ok(None);
    }
    SourceText::read(root, &path).map(Some)
}

/// Reads and parses a TOML data file; `Ok(None)` when it does not exist.
pub fn read_toml<T: DeserializeOwned>(
    root: &Path,
    name: &str,
) -> Result<Option<(SourceText, T)>, Diagnostic> {
    let Some(source) = read(root, name)? else {
        return Ok(None);
    };
    parse_toml(source).map(Some)
}

/// Parses the text of a TOML data file; an empty file is an error.
pub fn parse_toml<T: DeserializeOwned>(source: SourceText) -> Result<(SourceText, T), Diagnostic> {
    check_not_empty(&source)?;
    let value = toml_input::parse(&source, &source.text, 0)?;
    Ok((source, value))
}

/// Parses a TOML data file made of `[[key]]` records one record at a time: the records that
/// could be read, with the problems of the others, all of them (see [`toml_input::parse_records`]).
pub fn parse_records<R: DeserializeOwned>(
    source: &SourceText,
    key: &str,
) -> Result<toml_input::Records<R>, Diagnostic> {
    check_not_empty(source)?;
    toml_input::parse_records(source, key)
}

/// Like [`parse_toml`], deserializing the text as two types from one reading of it.
pub fn parse_toml_twice<A: DeserializeOwned, B: DeserializeOwned>(
    source: SourceText,
) -> Result<(SourceText, A, B), Diagnostic> {
    check_not_empty(&source)?;
    let (first, second) = toml_input::parse_twice(&source)?;
    Ok((source, first, second))
}

fn check_not_empty(source: &SourceText) -> Result<(), Diagnostic> {
    if source.text.trim().is_empty() {
        return Err(Diagnostic::error(&source.path, "the file is empty")
            .with_help("add entries, or delete the file to leave its page out of the site"));
    }
    Ok(())
}

/// A data file's text as if read from `content/data/<name>`, for checking text that is not on disk.
pub fn source_text(name: &str, text: &str) -> SourceText {
    SourceText::new(data_path(name), text.to_owned())
}

/// Where each id of a file was first defined, so that a duplicate points back at it.
#[derive(Debug, Default)]
pub struct FirstIds(HashMap<String, usize>);

impl FirstIds {
    /// Records `id`, defined at byte `offset` of `source`. For an id defined before, the
    /// error `message` at `offset`, pointing back at its first definition.
    pub fn check(
        &mut self,
        source: &SourceText,
        id: &str,
        offset: usize,
        message: impl std::fmt::Display,
    ) -> Option<Diagnostic> {
        match self.0.get(id) {
            Some(&first) => Some(source.error_at(offset, message).also_at(
                source,
                first,
                "first defined here",
            )),
            None => {
                self.0.insert(id.to_owned(), offset);
                None
            }
        }
    }
}

/// An error at a TOML span of a data file.
pub fn error_at(
    source: &SourceText,
    span: Range<usize>,
    message: impl std::fmt::Display,
) -> Diagnostic {
    source.error_at(span.start, message)
}

/// The byte offset where a CSV record starts in `text`. After a CRLF line end the reader
/// places a record at that line end's `\n`: the record starts past it.
pub fn csv_record_start(text: &str, record: &csv::StringRecord) -> usize {
    let start = record
        .position()
        .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(0));
    text.get(start..).map_or(start, |rest| {
        start + rest.len() - rest.trim_start_matches(['\r', '\n']).len()
    })
}

/// The byte offset of each cell's text in the CSV row starting at `start`, past an opening
/// quote (quotes doubled inside a quoted cell are part of it), for errors at a cell.
pub fn csv_cell_offsets(text: &str, start: usize) -> Vec<usize> {
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
        assert_eq!(csv_cell_offsets(text, 0), vec![0, 3, 14]);
        assert_eq!(csv_cell_offsets("x,y", 0), vec![0, 2]);
    }
}
