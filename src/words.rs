//! The words of the interface, from a translations table per language (`i18n/en.toml`), so
//! that no word a reader sees is written in Rust: code looks words up by key, templates read
//! the same table as `t`. Every language's table has the keys of the English one.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

/// The tables bundled with the tool, by language code. English is the reference: every other
/// table, bundled or supplied by a site, must have all of its keys.
const BUNDLED: &[(&str, &str)] = &[
    ("en", include_str!("../i18n/en.toml")),
    ("ru", include_str!("../i18n/ru.toml")),
];

/// A translations table: words by dotted key (`pages.timeline.title`), in one language.
#[derive(Debug, Clone)]
pub struct Words {
    language: String,
    flat: HashMap<String, String>,
    nested: serde_json::Value,
}

/// A language's table lacks words the interface needs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the words of language `{language}` lack {} key(s): {}",
    missing.len(),
    missing.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
)]
pub struct MissingWords {
    /// The language.
    pub language: String,
    /// Every missing key, dotted, in order.
    pub missing: Vec<String>,
}

impl Words {
    /// The bundled English words, for what no edition's words reach (the tool's own messages,
    /// tests). The table is written in British English, so its dates and numbers are formatted
    /// as `en-GB` writes them: "20 September 2023".
    pub fn english() -> &'static Words {
        static WORDS: OnceLock<Words> = OnceLock::new();
        WORDS.get_or_init(|| Words::from_table("en-GB", bundled_table("en").unwrap_or_default()))
    }

    /// The codes of the languages whose tables come with the tool.
    pub fn bundled_languages() -> impl Iterator<Item = &'static str> {
        BUNDLED.iter().map(|(code, _)| *code)
    }

    /// The text of the bundled table of `language` (by its primary subtag), comments and all.
    pub fn bundled_text(language: &str) -> Option<&'static str> {
        let primary = language.split(['-', '_']).next().unwrap_or(language);
        BUNDLED
            .iter()
            .find(|(code, _)| *code == primary)
            .map(|(_, text)| *text)
    }

    /// The words of `language`: its bundled table (found by the language's primary subtag, so
    /// `ru-RU` reads `ru`) with the site's `overrides` laid over it. A language with no bundled
    /// table needs `overrides` that give every key of the English table.
    pub fn load(language: &str, overrides: Option<&toml::Table>) -> Result<Words, MissingWords> {
        let primary = language.split(['-', '_']).next().unwrap_or(language);
        let mut table = bundled_table(primary).unwrap_or_default();
        if let Some(overrides) = overrides {
            merge(&mut table, overrides);
        }
        let words = Words::from_table(language, table);
        let missing: Vec<String> = Words::english()
            .keys()
            .filter(|key| !words.flat.contains_key(*key))
            .map(str::to_owned)
            .collect();
        if missing.is_empty() {
            Ok(words)
        } else {
            Err(MissingWords {
                language: language.to_owned(),
                missing,
            })
        }
    }

    fn from_table(language: &str, table: toml::Table) -> Words {
        let mut flat = HashMap::new();
        flatten("", &toml::Value::Table(table.clone()), &mut flat);
        let nested = serde_json::to_value(&table).unwrap_or_default();
        Words {
            language: language.to_owned(),
            flat,
            nested,
        }
    }

    /// The language of these words (BCP 47), for `lang` attributes and for formatting dates
    /// and numbers.
    pub fn language(&self) -> &str {
        &self.language
    }

    /// Every key, sorted.
    fn keys(&self) -> impl Iterator<Item = &str> {
        self.flat
            .keys()
            .map(String::as_str)
            .collect::<BTreeSet<_>>()
            .into_iter()
    }

    /// The words for `key`; the key itself when the table has none, so that a missing word
    /// shows where it belongs instead of failing the build.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.flat.get(key).map_or(key, String::as_str)
    }

    /// The words for `key`, when the table has them.
    pub fn lookup(&self, key: &str) -> Option<&str> {
        self.flat.get(key).map(String::as_str)
    }

    /// The words for `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        let mut text = self.get(key).to_owned();
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    /// The whole table for templates, as `t`.
    pub fn template_value(&self) -> &serde_json::Value {
        &self.nested
    }
}

/// A bundled table, read; the tables are part of the tool and tested, so an unreadable one
/// is a bug of the tool, caught by the tests.
fn bundled_table(language: &str) -> Option<toml::Table> {
    static PARSED: OnceLock<Vec<(&str, toml::Table)>> = OnceLock::new();
    let parsed = PARSED.get_or_init(|| {
        BUNDLED
            .iter()
            .filter_map(|(code, text)| Some((*code, toml::from_str(text).ok()?)))
            .collect()
    });
    let primary = language.split(['-', '_']).next().unwrap_or(language);
    parsed
        .iter()
        .find(|(code, _)| *code == primary)
        .map(|(_, table)| table.clone())
}

/// Lays `overrides` over `table`: tables merge key by key, anything else replaces.
fn merge(table: &mut toml::Table, overrides: &toml::Table) {
    for (key, value) in overrides {
        match (table.get_mut(key), value) {
            (Some(toml::Value::Table(inner)), toml::Value::Table(over)) => merge(inner, over),
            _ => {
                table.insert(key.clone(), value.clone());
            }
        }
    }
}

fn flatten(prefix: &str, value: &toml::Value, flat: &mut HashMap<String, String>) {
    match value {
        toml::Value::Table(table) => {
            for (key, value) in table {
                let key = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&key, value, flat);
            }
        }
        toml::Value::String(words) => {
            flat.insert(prefix.to_owned(), words.clone());
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_table_reads_and_is_complete() {
        for (code, text) in BUNDLED {
            let table: Result<toml::Table, _> = toml::from_str(text);
            assert!(table.is_ok(), "i18n/{code}.toml: {table:?}");
            let words = Words::load(code, None);
            assert!(words.is_ok(), "i18n/{code}.toml: {words:?}");
        }
    }

    #[test]
    fn a_language_without_a_table_lists_every_missing_key() {
        let partial: toml::Table =
            toml::from_str("[nav]\narticle = \"Selgitus\"\nnotes = \"Taust\"").unwrap();
        let Err(missing) = Words::load("et", Some(&partial)) else {
            panic!("an incomplete table was accepted");
        };
        assert_eq!(missing.language, "et");
        assert!(missing.missing.contains(&"pages.timeline.title".to_owned()));
        assert!(!missing.missing.iter().any(|k| k.starts_with("nav.")));
        assert_eq!(missing.missing.len(), Words::english().keys().count() - 2);
    }

    #[test]
    fn overrides_replace_single_words_of_a_bundled_table() {
        let over: toml::Table = toml::from_str("[nav]\nnotes = \"Notes\"").unwrap();
        let words = Words::load("en-GB", Some(&over)).unwrap();
        assert_eq!(words.get("nav.notes"), "Notes");
        assert_eq!(words.get("nav.article"), "Explainer");
        assert_eq!(words.language(), "en-GB");
    }

    #[test]
    fn the_english_table_reads_and_fills() {
        let words = Words::english();
        assert_eq!(words.get("pages.timeline.title"), "Timeline");
        assert_eq!(
            words.fill("cited_by.timeline", &[("title", "Ceasefire")]),
            "Timeline: Ceasefire"
        );
        assert_eq!(words.get("no.such.key"), "no.such.key");
        assert_eq!(
            words.template_value()["nav"]["notes"],
            serde_json::json!("Background")
        );
    }
}
