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
