//! Splitting a Markdown file into front matter and body, and parsing the front matter.
//!
//! Front matter is TOML between `+++` lines or YAML between `---` lines.

use serde::Deserialize;

use crate::dates::DateInput;
use crate::diagnostics::{Diagnostic, SourceText};
use crate::toml_input;

/// The fields a page's front matter may set.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// The page title (required).
    pub title: Option<String>,
    /// A one-sentence summary.
    pub description: Option<String>,
    /// Publication date.
    pub date: Option<DateInput>,
    /// Date of the last update.
    pub updated: Option<DateInput>,
    /// Bylines.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Drafts are built only with `--drafts`.
    #[serde(default)]
    pub draft: bool,
    /// Order in listings (lower first).
    pub weight: Option<i64>,
    /// Overrides the last segment of the page's URL.
    pub slug: Option<String>,
    /// A template name under `templates/`.
    pub template: Option<String>,
    /// Updates and corrections, shown newest first.
    #[serde(default)]
    pub updates: Vec<UpdateInput>,
    /// `false` turns glossary auto-linking off for this page.
    pub glossary: Option<bool>,
    /// The lead image: `media:ID`, or a path as in Markdown.
    pub image: Option<String>,
    /// Free-form values for templates.
    #[serde(default)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// One `[[updates]]` entry as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateInput {
    /// When the page changed.
    pub date: DateInput,
    /// What changed.
    pub text: String,
    /// True for a correction of an error.
    #[serde(default)]
    pub correction: bool,
}

/// Which syntax the front matter is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `+++` fences.
    Toml,
    /// `---` fences.
    Yaml,
}

/// A file split at its front matter fences.
#[derive(Debug, Clone, Copy)]
pub struct Split<'a> {
    /// The front matter syntax.
    pub format: Format,
    /// The text between the fences.
    pub front: &'a str,
    /// Byte offset of `front` in the file.
    pub front_offset: usize,
    /// Byte offset of the Markdown body in the file.
    pub body_offset: usize,
}

/// Finds the front matter fences of a file.
pub fn split(source: &SourceText) -> Result<Split<'_>, Diagnostic> {
    let text = source.text.as_str();
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let fence = text[..first_line_end].trim_end();
    let format = match fence {
        "+++" => Format::Toml,
        "---" => Format::Yaml,
        _ => {
            let message = if text.trim().is_empty() {
                "the file is empty: a page needs front matter with a title"
            } else {
                "the page has no front matter"
            };
            return Err(source.error_at(0, message).with_help(
                "start the file with a `+++` line, `title = \"...\"` and another `+++` line (or YAML between `---` lines)",
            ));
        }
    };
    let mut offset = first_line_end;
    for line in text[first_line_end..].split_inclusive('\n') {
        if line.trim_end() == fence {
            return Ok(Split {
                format,
                front: &text[first_line_end..offset],
                front_offset: first_line_end,
                body_offset: offset + line.len(),
            });
        }
        offset += line.len();
    }
    Err(source
        .error_at(
            0,
            format!("the front matter opened with `{fence}` is never closed"),
        )
        .with_help(format!(
            "add a line with only `{fence}` after the front matter"
        )))
}

/// Parses the front matter of a split file.
pub fn parse(source: &SourceText, split: &Split<'_>) -> Result<FrontMatter, Diagnostic> {
    match split.format {
        Format::Toml => toml_input::parse(source, split.front, split.front_offset),
        Format::Yaml => parse_yaml(source, split),
    }
}

fn parse_yaml(source: &SourceText, split: &Split<'_>) -> Result<FrontMatter, Diagnostic> {
    if split.front.trim().is_empty() {
        return Ok(FrontMatter::default());
    }
    serde_yaml_ng::from_str(split.front).map_err(|err| {
        let at = split.front_offset + err.location().map_or(0, |l| l.index());
        let message = err.to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_owned();
        let diagnostic = source.error_at(at, toml_input::plain_words(&message));
        match toml_input::unknown_field_help(&message) {
            Some(help) => diagnostic.with_help(help),
            None => diagnostic,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> SourceText {
        SourceText::new("p.md", text.to_owned())
    }

    #[test]
    fn splits_toml_and_yaml() {
        let source = page("+++\ntitle = \"A\"\n+++\nBody");
        let parts = split(&source).unwrap();
        assert_eq!(parts.format, Format::Toml);
        assert_eq!(&source.text[parts.body_offset..], "Body");
        let fm = parse(&source, &parts).unwrap();
        assert_eq!(fm.title.as_deref(), Some("A"));

        let source = page("---\r\ntitle: B\r\nweight: 3\r\n---\r\nBody");
        let parts = split(&source).unwrap();
        let fm = parse(&source, &parts).unwrap();
        assert_eq!(fm.title.as_deref(), Some("B"));
        assert_eq!(fm.weight, Some(3));
    }

    #[test]
    fn errors_point_into_the_file() {
        let source = page("+++\ntitle = \"A\"\nweight = \"x\"\n+++\n");
        let err = parse(&source, &split(&source).unwrap()).unwrap_err();
        assert_eq!(err.line, 3, "{err}");

        let source = page("---\ntitle: A\ntitel: B\n---\n");
        let err = parse(&source, &split(&source).unwrap()).unwrap_err();
        assert_eq!(err.line, 3, "{err}");
        assert_eq!(err.help.as_deref(), Some("did you mean `title`?"));

        let source = page("+++\ntitle = 1\n");
        assert!(split(&source).unwrap_err().message.contains("never closed"));
        assert!(split(&page("")).unwrap_err().message.contains("empty"));
    }
}
