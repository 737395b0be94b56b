//! Errors and warnings that point at a place in a file.
//!
//! Every problem the build finds in a site becomes a [`Diagnostic`]: a file, a
//! line and column, a message and, where it helps, what to do about it. A
//! build collects them all and reports them together.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The build fails.
    Error,
    /// The build goes on; the editor is told.
    Warning,
}

/// A problem found at a place in a site's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, relative to the site root where possible.
    pub file: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column (in characters); 0 when unknown.
    pub col: usize,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// The offending line, shown under the message.
    pub snippet: Option<Box<str>>,
    /// Other places of the same file the problem involves, such as where a duplicated id
    /// was first defined. Boxed, as most diagnostics have none and every `Result` of the
    /// library carries this type.
    pub related: Option<Box<Vec<Related>>>,
}

/// Another place of a diagnostic's file, shown under its own with a label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters).
    pub col: usize,
    /// The line itself.
    pub snippet: String,
    /// What the place is, such as "first defined here".
    pub label: String,
}

impl Diagnostic {
    /// An error about a whole file.
    pub fn error(file: impl Into<PathBuf>, message: impl fmt::Display) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line: 0,
            col: 0,
            message: message.to_string(),
            help: None,
            snippet: None,
            related: None,
        }
    }

    /// A warning about a whole file.
    pub fn warning(file: impl Into<PathBuf>, message: impl fmt::Display) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    /// Places the diagnostic at a line and column, without a snippet.
    pub fn at(mut self, line: usize, col: usize) -> Self {
        self.line = line;
        self.col = col;
        self
    }

    /// Places the diagnostic at a byte offset of a source text, with its line as snippet.
    pub fn at_offset(mut self, source: &SourceText, offset: usize) -> Self {
        let (line, col) = source.line_col(offset);
        self.line = line;
        self.col = col;
        self.snippet = source.line_text(line).map(Box::from);
        self
    }

    /// Points also at byte `offset` of `source`, the diagnostic's own file, with `label`:
    /// where a duplicated id was first defined, say.
    pub fn also_at(mut self, source: &SourceText, offset: usize, label: impl Into<String>) -> Self {
        let (line, col) = source.line_col(offset);
        let snippet = source.line_text(line).unwrap_or_default().to_owned();
        self.related.get_or_insert_default().push(Related {
            line,
            col,
            snippet,
            label: label.into(),
        });
        self
    }

    /// Adds advice on what to do.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// True for errors, false for warnings.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl Diagnostic {
    /// The diagnostic as a reader sees it: the message, the file with its line and column,
    /// the line itself with a caret under the column, and the help, laid out as cargo lays
    /// out its own; coloured for a terminal when `styled`.
    pub fn report(&self, styled: bool) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let path = self.file.display().to_string();
        let title = level.primary_title(&self.message);
        let mut group = match &self.snippet {
            Some(text) if self.line > 0 => {
                let text = text.trim_end();
                let mut snippet = Snippet::source(text).line_start(self.line).path(&path);
                if let Some(span) = char_span(text, self.col) {
                    snippet = snippet.annotation(AnnotationKind::Primary.span(span));
                }
                title.element(snippet)
            }
            _ => {
                let mut origin = Origin::path(&path);
                if self.line > 0 {
                    origin = origin.line(self.line);
                    if self.col > 0 {
                        origin = origin.char_column(self.col);
                    }
                }
                title.element(origin)
            }
        };
        for related in self.related.iter().flat_map(|list| list.iter()) {
            let text = related.snippet.trim_end();
            let mut snippet = Snippet::source(text).line_start(related.line).path(&path);
            if let Some(span) = char_span(text, related.col) {
                let label = related.label.as_str();
                snippet = snippet.annotation(AnnotationKind::Context.span(span).label(label));
            }
            group = group.element(snippet);
        }
        if let Some(help) = &self.help {
            group = group.element(Level::HELP.message(help));
        }
        let renderer = if styled {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.render(&[group])
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.report(false))
    }
}

/// Prints each diagnostic to standard error followed by a blank line, coloured when standard
/// error is a terminal and `NO_COLOR` is not set.
pub fn eprint_all(diagnostics: &[Diagnostic]) {
    use std::io::IsTerminal;
    let styled = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for diagnostic in diagnostics {
        eprintln!("{}\n", diagnostic.report(styled));
    }
}

/// The bytes of the character at 1-based column `col` of `line` (an empty span after its
/// end when the column is past it); none when the column is unknown.
fn char_span(line: &str, col: usize) -> Option<std::ops::Range<usize>> {
    let index = col.checked_sub(1)?;
    Some(match line.char_indices().nth(index) {
        Some((start, c)) => start..start + c.len_utf8(),
        None => line.len()..line.len(),
    })
}

/// The errors of a failed step: never empty.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}", summarize(.0))]
pub struct Diagnostics(pub Vec<Diagnostic>);

fn summarize(list: &[Diagnostic]) -> String {
    let errors = list.iter().filter(|d| d.is_error()).count();
    match errors {
        1 => "1 error".to_owned(),
        n => format!("{n} errors"),
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Diagnostics(vec![diagnostic])
    }
}

/// Collects the diagnostics of a step, so that all of them are reported together.
#[derive(Debug, Default)]
pub struct Collector {
    items: Vec<Diagnostic>,
}

impl Collector {
    /// Records one diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Records many diagnostics.
    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(diagnostics);
    }

    /// Records the diagnostics of a failed result and returns its value, if any.
    pub fn take<T>(&mut self, result: Result<T, Diagnostics>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(Diagnostics(list)) => {
                self.items.extend(list);
                None
            }
        }
    }

    /// True when this exact diagnostic was recorded already.
    pub fn contains(&self, diagnostic: &Diagnostic) -> bool {
        self.items.contains(diagnostic)
    }

    /// True when an error (not just a warning) was recorded.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// Splits the collected diagnostics into errors (if any) and warnings.
    pub fn finish(self) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
        self.items.into_iter().partition(Diagnostic::is_error)
    }

    /// Ends a step: `Ok(warnings)` when no error was recorded, otherwise all diagnostics.
    pub fn into_result(self) -> Result<Vec<Diagnostic>, Diagnostics> {
        if self.has_errors() {
            let mut items = self.items;
            sort(&mut items);
            Err(Diagnostics(items))
        } else {
            Ok(self.items)
        }
    }
}

/// Orders diagnostics by file, line and column so that reports read top to bottom.
pub fn sort(items: &mut [Diagnostic]) {
    items.sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
}

/// The largest text file read (a build holds several times a page's size in memory).
pub const MAX_TEXT_FILE: u64 = 128 << 20;

/// A file's text, with the path it is reported under and a line index.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// The path shown in diagnostics.
    pub path: PathBuf,
    /// The file's contents, without a byte-order mark.
    pub text: String,
    /// Where each line starts, found when a diagnostic first needs it.
    line_starts: OnceLock<Vec<usize>>,
}

impl SourceText {
    /// Wraps a text read from `path`; a leading byte-order mark is dropped.
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        };
        SourceText {
            path: path.into(),
            text,
            line_starts: OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i + 1))
                .collect()
        })
    }

    /// Reads a file as UTF-8; invalid UTF-8 is an error naming the line.
    pub fn read(root: &Path, path: &Path) -> Result<Self, Diagnostic> {
        let shown = path.strip_prefix(root).unwrap_or(path).to_path_buf();
        let cannot_read =
            |e: std::io::Error| Diagnostic::error(&shown, format!("cannot read file: {e}"));
        // One opening serves both the size check and the reading.
        let mut file = std::fs::File::open(path).map_err(cannot_read)?;
        let size = file.metadata().map_err(cannot_read)?.len();
        if size > MAX_TEXT_FILE {
            return Err(Diagnostic::error(
                &shown,
                format!(
                    "the file is {} MB: text files over {} MB are not read",
                    size >> 20,
                    MAX_TEXT_FILE >> 20
                ),
            )
            .with_help(
                "split it into smaller files, or move it out of the site if it is not text",
            ));
        }
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        // The size just read is the text's: one read takes it all (a plain file's
        // `read_to_end` would ask for the size and position again, then read once more to
        // find the end). A file still being written is read again at its next change.
        std::io::Read::read_to_end(&mut std::io::Read::take(&mut file, size), &mut bytes)
            .map_err(cannot_read)?;
        match String::from_utf8(bytes) {
            Ok(text) => Ok(SourceText::new(shown, text)),
            Err(err) => {
                let valid = err.utf8_error().valid_up_to();
                let bytes = err.as_bytes();
                let line = 1 + bytes[..valid].iter().filter(|&&b| b == b'\n').count();
                let line_start = bytes[..valid]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |i| i + 1);
                let col = 1 + String::from_utf8_lossy(&bytes[line_start..valid])
                    .chars()
                    .count();
                Err(Diagnostic::error(shown, "the file is not valid UTF-8")
                    .at(line, col)
                    .with_help("save the file with UTF-8 encoding"))
            }
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line_starts = self.line_starts();
        let line = line_starts.partition_point(|&start| start <= offset);
        let start = line_starts[line - 1];
        let col = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line_text(&self, line: usize) -> Option<&str> {
        let line_starts = self.line_starts();
        let start = *line_starts.get(line.checked_sub(1)?)?;
        let end = line_starts.get(line).map_or(self.text.len(), |&next| next);
        Some(self.text[start..end].trim_end_matches(['\n', '\r']))
    }

    /// An error at a byte offset of this text.
    pub fn error_at(&self, offset: usize, message: impl fmt::Display) -> Diagnostic {
        Diagnostic::error(&self.path, message).at_offset(self, offset)
    }

    /// An error at a 1-based line and column of this text, with the line shown.
    pub fn error_at_line(&self, line: usize, col: usize, message: impl fmt::Display) -> Diagnostic {
        let mut diagnostic = Diagnostic::error(&self.path, message).at(line, col);
        diagnostic.snippet = self.line_text(line).map(Box::from);
        diagnostic
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_to_lines_and_columns() {
        let source = SourceText::new("a.md", "ab\ncdé\nf".to_owned());
        assert_eq!(source.line_col(0), (1, 1));
        assert_eq!(source.line_col(3), (2, 1));
        assert_eq!(source.line_col(7), (2, 4));
        assert_eq!(source.line_text(2), Some("cdé"));
        assert_eq!(source.line_text(4), None);
    }

    #[test]
    fn display_shows_location_snippet_and_help() {
        let source = SourceText::new("x.toml", "a = 1\nb = \"é\"\n".to_owned());
        let shown = source
            .error_at(11, "missing value")
            .with_help("write a value")
            .to_string();
        let expected = "error: missing value\n --> x.toml:2:6\n  |\n2 | b = \"é\"\n  |      ^\n  |\n  = help: write a value";
        assert_eq!(shown, expected);
        let placed = Diagnostic::error("y.toml", "cannot read file").at(3, 2);
        assert_eq!(
            placed.to_string(),
            "error: cannot read file\n--> y.toml:3:2"
        );
        let whole = Diagnostic::warning("z.md", "empty");
        assert_eq!(whole.to_string(), "warning: empty\n--> z.md");
        let past_the_end = SourceText::new("x.toml", "ab".to_owned()).error_at(2, "end");
        assert!(past_the_end.to_string().ends_with("1 | ab\n  |   ^"));
        let again = SourceText::new("s.toml", "id = \"a\"\nx = 1\nid = \"a\"\n".to_owned());
        let duplicate =
            again
                .error_at(20, "duplicate id `a`")
                .also_at(&again, 5, "first defined here");
        let expected = "error: duplicate id `a`\n --> s.toml:3:6\n  |\n3 | id = \"a\"\n  |      ^\n  |\n ::: s.toml:1:6\n  |\n1 | id = \"a\"\n  |      - first defined here";
        assert_eq!(duplicate.to_string(), expected);
    }

    #[test]
    fn byte_order_mark_is_dropped() {
        let source = SourceText::new("a", "\u{feff}x".to_owned());
        assert_eq!(source.text, "x");
    }
}
