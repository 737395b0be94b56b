//! Reading TOML into typed values, with errors placed at their line and column.

use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostic, SourceText};

/// Deserializes `text` (which starts at byte `offset` of `source`) as TOML.
///
/// A syntax or type error becomes a diagnostic at the offending place; an
/// unknown key gets a "did you mean" when a known key is close.
pub fn parse<T: DeserializeOwned>(
    source: &SourceText,
    text: &str,
    offset: usize,
) -> Result<T, Diagnostic> {
    toml::from_str(text).map_err(|err| located(source, offset, &err))
}

/// Deserializes a whole file's text as two types, reading the text once: a large file's
/// typed reading and, say, the list of its keys.
pub fn parse_twice<A: DeserializeOwned, B: DeserializeOwned>(
    source: &SourceText,
) -> Result<(A, B), Diagnostic> {
    let located = |err: toml::de::Error| located(source, 0, &err);
    let table = toml::de::DeTable::parse(&source.text).map_err(located)?;
    let first = A::deserialize(toml::de::Deserializer::from(table.clone())).map_err(located)?;
    let second = B::deserialize(toml::de::Deserializer::from(table)).map_err(located)?;
    Ok((first, second))
}

/// Reads a file made of one array of tables (`[[claim]]`), each record on its own, so that a
/// problem in one record (a missing key, a wrong type) hides neither the others' problems
/// nor the checks that follow on the records that could be read.
///
/// Every record's problem names the record by its `id` when it has one (`claim
/// "ombudsman-2023-09-20"`).
pub fn parse_records<R: DeserializeOwned>(
    source: &SourceText,
    key: &str,
) -> Result<Records<R>, Diagnostic> {
    use toml::de::{DeValue, ValueDeserializer};

    let located = |err: toml::de::Error| located(source, 0, &err);
    let table = toml::de::DeTable::parse(&source.text).map_err(located)?;
    let mut read = Records {
        records: Vec::new(),
        unreadable: Vec::new(),
        problems: Vec::new(),
    };
    let (records, problems) = (&mut read.records, &mut read.problems);
    for (name, value) in table.into_inner() {
        if name.get_ref() != key {
            let help = crate::suggest::help(name.get_ref(), &[key], || {
                format!("the file holds [[{key}]] tables only")
            });
            problems.push(
                source
                    .error_at(
                        name.span().start,
                        format!("unknown key `{}`", name.get_ref()),
                    )
                    .with_help(help),
            );
            continue;
        }
        let span = value.span();
        let DeValue::Array(items) = value.into_inner() else {
            problems.push(source.error_at(
                span.start,
                format!("`{key}` must be a list of tables, written as [[{key}]]"),
            ));
            continue;
        };
        for item in items {
            let id = record_id(&item);
            match R::deserialize(ValueDeserializer::from(item)) {
                Ok(record) => records.push(record),
                Err(err) => {
                    let mut problem = located(err);
                    if let Some(id) = id {
                        problem.message = format!("{key} `{id}`: {}", problem.message);
                        read.unreadable.push(id);
                    }
                    problems.push(problem);
                }
            }
        }
    }
    Ok(read)
}

/// The records of a file read by [`parse_records`].
#[derive(Debug)]
pub struct Records<R> {
    /// The records that could be read, in file order.
    pub records: Vec<R>,
    /// The ids of records that could not: links to them are not reported as unknown.
    pub unreadable: Vec<String>,
    /// Every problem found, at its place.
    pub problems: Vec<Diagnostic>,
}

/// The `id` of a record, read before the record itself so that its errors can name it.
fn record_id(item: &toml::Spanned<toml::de::DeValue<'_>>) -> Option<String> {
    let toml::de::DeValue::Table(table) = item.get_ref() else {
        return None;
    };
    table
        .iter()
        .find_map(|(name, value)| match value.get_ref() {
            toml::de::DeValue::String(id) if name.get_ref() == "id" => Some(id.to_string()),
            _ => None,
        })
}

/// One step of the way to a value: a key of a table, or an item of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    /// A key, such as `markdown`.
    Key(&'a str),
    /// The `n`th item (from 0) of a list or array of tables.
    Item(usize),
}

/// The byte offset in `text` of the value at `path` (such as `markdown`, `highlight_theme`),
/// from the parser's own spans, so that an error about a value found after loading points
/// at the value itself; `None` when the text does not set it.
pub fn value_offset(text: &str, path: &[Step<'_>]) -> Option<usize> {
    use toml::de::DeValue;

    let table = toml::de::DeTable::parse(text).ok()?;
    let (first, rest) = path.split_first()?;
    let Step::Key(first) = first else {
        return None;
    };
    let mut value = table
        .get_ref()
        .iter()
        .find(|(name, _)| name.get_ref() == first)
        .map(|(_, value)| value)?;
    for step in rest {
        value = match (step, value.get_ref()) {
            (Step::Key(key), DeValue::Table(table)) => table
                .iter()
                .find(|(name, _)| name.get_ref() == key)
                .map(|(_, value)| value)?,
            (Step::Item(n), DeValue::Array(items)) => items.get(*n)?,
            _ => return None,
        };
    }
    Some(value.span().start)
}

/// A TOML error as a diagnostic at its place, with a "did you mean" for an unknown key.
fn located(source: &SourceText, offset: usize, err: &toml::de::Error) -> Diagnostic {
    let at = offset + err.span().map_or(0, |span| span.start);
    let message = err.message().trim().to_owned();
    let diagnostic = source.error_at(at, plain_words(&first_line(&message)));
    match unknown_field_help(&message) {
        Some(help) => diagnostic.with_help(help),
        None => diagnostic,
    }
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).to_owned()
}

/// Serde's names of types in the words of the files: "expected i64" becomes "expected a whole number".
pub fn plain_words(message: &str) -> String {
    const WORDS: [(&str, &str); 8] = [
        ("i64", "a whole number"),
        ("u64", "a positive whole number"),
        ("u32", "a positive whole number"),
        ("usize", "a positive whole number"),
        ("f64", "a number"),
        ("a sequence", "a list"),
        ("sequence", "list"),
        ("a map", "a table"),
    ];
    const LIMITS: [(&str, &str); 3] = [
        (
            "repetition limit exceeded",
            "the aliases (`*name`) expand to too many values",
        ),
        (
            "recursion limit exceeded",
            "the values are nested too deeply",
        ),
        (
            "cannot recurse further; max recursion depth met",
            "the values are nested too deeply",
        ),
    ];
    if let Some((_, instead)) = LIMITS.iter().find(|(limit, _)| message.starts_with(limit)) {
        return (*instead).to_owned();
    }
    let mut plain = message.to_owned();
    for (word, instead) in WORDS {
        for lead in ["expected ", "invalid type: "] {
            plain = plain.replace(&format!("{lead}{word}"), &format!("{lead}{instead}"));
        }
    }
    match plain.split_once("expected struct ") {
        Some((before, after)) => {
            let rest = after.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_');
            format!("{before}expected a table{rest}")
        }
        None => plain,
    }
}

/// Turns serde's "unknown field `x`, expected one of `a`, `b`" into advice.
pub fn unknown_field_help(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (field, expected) = rest.split_once('`')?;
    let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    match crate::suggest::did_you_mean(field, &known) {
        Some(close) => Some(format!("did you mean `{close}`?")),
        None if known.is_empty() => None,
        None => Some(format!("known keys here: {}", known.join(", "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_found_by_their_path() {
        let text = "title = \"T\"\n[markdown]\nhighlight_theme = \"Nope\"\n[[updates]]\ndate = \"x\"\n[[updates]]\ndate = \"y\"\n";
        let at =
            |path: &[Step<'_>]| value_offset(text, path).map(|offset| &text[offset..offset + 3]);
        assert_eq!(at(&[Step::Key("title")]), Some("\"T\""));
        assert_eq!(
            at(&[Step::Key("markdown"), Step::Key("highlight_theme")]),
            Some("\"No")
        );
        assert_eq!(
            at(&[Step::Key("updates"), Step::Item(1), Step::Key("date")]),
            Some("\"y\"")
        );
        assert_eq!(at(&[Step::Key("missing")]), None);
    }

    #[test]
    fn type_names_are_in_plain_words() {
        assert_eq!(
            plain_words("invalid type: string \"x\", expected i64"),
            "invalid type: string \"x\", expected a whole number"
        );
        assert_eq!(
            plain_words("invalid type: sequence, expected struct UpdateInput"),
            "invalid type: list, expected a table"
        );
    }

    #[test]
    fn suggests_close_keys() {
        let help = unknown_field_help("unknown field `titel`, expected one of `title`, `base_url`");
        assert_eq!(help.as_deref(), Some("did you mean `title`?"));
        let help = unknown_field_help("unknown field `zzz`, expected `title` or `base_url`");
        assert_eq!(help.as_deref(), Some("known keys here: title, base_url"));
    }
}
