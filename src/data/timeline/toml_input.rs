//! Reading `content/data/timeline.toml`: one `[[event]]` table per event.

use std::collections::BTreeMap;
use std::path::Path;

use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::IgnoredAny;
use toml::Spanned;

use super::raw::{FIELDS, FieldNames, Input, Located, RawEvent};
use crate::data::file;
use crate::dates::DateInput;
use crate::diagnostics::{Diagnostic, SourceText};

/// The data file's name.
pub const FILE: &str = "timeline.toml";

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("required" = ["event"]))]
pub(crate) struct TimelineFile {
    /// The events, one `[[event]]` table each; the file needs at least one.
    #[serde(default)]
    #[schemars(with = "Vec<TomlEvent>", length(min = 1))]
    event: Vec<Spanned<TomlEvent>>,
}

/// The known keys; unknown ones are found by [`KeysFile`] so that all of them are reported.
/// Every key is optional here so that every missing one is reported at once; the schema
/// asks for the [`REQUIRED`](super::raw::REQUIRED) ones.
#[derive(Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields, extend("required" = super::raw::REQUIRED))]
struct TomlEvent {
    /// Stable id, used in `event:` links.
    #[schemars(with = "crate::schema::shapes::Id")]
    id: Option<Spanned<String>>,
    /// When it happened, or when it began.
    #[schemars(with = "crate::schema::shapes::Date")]
    date: Option<Spanned<toml::Value>>,
    /// When it ended, for an event that lasted.
    #[schemars(with = "Option<crate::schema::shapes::Date>")]
    end: Option<Spanned<toml::Value>>,
    /// What happened, in a line.
    #[schemars(with = "String")]
    title: Option<Spanned<String>>,
    /// Ids of the sources that report it.
    #[serde(default)]
    #[schemars(with = "Vec<String>", length(min = 1))]
    sources: Vec<Spanned<String>>,
    /// Tags, each with its own page.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    tags: Vec<Spanned<String>>,
    /// `major` for a key event.
    #[schemars(with = "Option<String>", extend("enum" = <super::Importance as super::model::Keyword>::names()))]
    importance: Option<Spanned<String>>,
    /// How sure the date is.
    #[schemars(with = "Option<String>", extend("enum" = <super::Qualifier as super::model::Keyword>::names()))]
    qualifier: Option<Spanned<String>>,
    /// Words shown instead of the date, such as "Late February 1988".
    #[schemars(with = "Option<String>")]
    display_date: Option<Spanned<String>>,
    /// Where it happened.
    #[schemars(with = "Option<String>")]
    place: Option<Spanned<String>>,
    /// Ids of places in places.toml where it happened.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    places: Vec<Spanned<String>>,
    /// A group of events shown together.
    #[schemars(with = "Option<String>")]
    group: Option<Spanned<String>>,
    /// Other links, as `@/`, `event:` or web addresses.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    links: Vec<Spanned<String>>,
    /// More about it, in Markdown.
    #[schemars(with = "Option<String>")]
    body: Option<Spanned<String>>,
}

#[derive(Deserialize)]
struct KeysFile {
    #[serde(default)]
    event: Vec<BTreeMap<Spanned<String>, IgnoredAny>>,
}

/// Reads the TOML file; `Ok(None)` when the site has none.
pub fn read(root: &Path) -> Result<Option<(SourceText, Input)>, Diagnostic> {
    let Some(source) = file::read(root, FILE)? else {
        return Ok(None);
    };
    parse(source).map(Some)
}

/// Parses the text of a timeline TOML file, already read.
pub fn parse(source: SourceText) -> Result<(SourceText, Input), Diagnostic> {
    let (source, parsed, keys) = file::parse_toml_twice::<TimelineFile, KeysFile>(source)?;
    let mut problems = unknown_keys(&source, &keys);
    if parsed.event.is_empty() {
        problems.push(
            Diagnostic::error(&source.path, "the file has no [[event]]").with_help(
                "add events as [[event]] tables, or delete the file to leave the timeline out",
            ),
        );
    }
    let events = parsed
        .event
        .into_iter()
        .map(|event| raw_event(&source, event))
        .collect();
    let input = Input {
        events,
        names: FieldNames::default(),
        problems,
    };
    Ok((source, input))
}

/// Every key of an `[[event]]` that is not a field, with a "did you mean".
fn unknown_keys(source: &SourceText, keys: &KeysFile) -> Vec<Diagnostic> {
    let unknown = keys
        .event
        .iter()
        .flat_map(BTreeMap::keys)
        .filter(|key| !FIELDS.contains(&key.get_ref().as_str()));
    unknown
        .map(|key| {
            let name = key.get_ref();
            let help = crate::suggest::help(name, &FIELDS, || {
                format!("an event's keys are: {}", FIELDS.join(", "))
            });
            source
                .error_at(key.span().start, format!("unknown field `{name}`"))
                .with_help(help)
        })
        .collect()
}

fn raw_event(source: &SourceText, event: Spanned<TomlEvent>) -> RawEvent {
    let at = event.span().start;
    let e = event.into_inner();
    let list = |items: Vec<Spanned<String>>| items.into_iter().map(located).collect();
    RawEvent {
        at,
        id: e.id.map(located),
        date: e.date.map(date_input),
        end: e.end.map(date_input),
        title: e.title.map(located),
        sources: list(e.sources),
        tags: list(e.tags),
        importance: e.importance.map(located),
        qualifier: e.qualifier.map(located),
        display_date: e.display_date.map(located),
        place: e.place.map(located),
        places: list(e.places),
        group: e.group.map(located),
        links: list(e.links),
        body: e.body.map(|body| Located {
            at: text_start(&source.text, body.span().start),
            value: body.into_inner(),
        }),
    }
}

/// A date as written: a string, a TOML date literal, or a bare year such as `1988`.
///
/// Any other value becomes text, so that checking it reports the problem at its place.
fn date_input(value: Spanned<toml::Value>) -> Located<DateInput> {
    let at = value.span().start;
    let input = match value.into_inner() {
        toml::Value::Datetime(datetime) => DateInput::Toml(datetime),
        toml::Value::String(text) => DateInput::Text(text),
        other => DateInput::Text(other.to_string()),
    };
    Located { value: input, at }
}

fn located<T>(spanned: Spanned<T>) -> Located<T> {
    Located {
        at: spanned.span().start,
        value: spanned.into_inner(),
    }
}

/// The offset of a TOML string's first character: past its quotes and the newline after `"""`.
fn text_start(text: &str, at: usize) -> usize {
    let rest = text.get(at..).unwrap_or_default();
    let quotes = if rest.starts_with("\"\"\"") || rest.starts_with("'''") {
        3
    } else {
        usize::from(rest.starts_with(['"', '\'']))
    };
    let after = rest.get(quotes..).unwrap_or_default();
    let newline = if quotes == 3 && after.starts_with("\r\n") {
        2
    } else {
        usize::from(quotes == 3 && after.starts_with('\n'))
    };
    at + quotes + newline
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_starts_after_quotes() {
        assert_eq!(text_start("b = \"x\"", 4), 5);
        assert_eq!(text_start("b = \"\"\"\nx\"\"\"", 4), 8);
        assert_eq!(text_start("b = 'x'", 4), 5);
    }
}
