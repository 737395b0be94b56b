//! The words of the interface, from a translations table (`i18n/en.toml`), so that no word a
//! reader sees is written in Rust: code looks words up by key, templates read the same
//! table as `t`. A second language is a second table with the same keys.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The bundled English table.
const ENGLISH: &str = include_str!("../i18n/en.toml");

/// A translations table: words by dotted key (`pages.timeline.title`).
#[derive(Debug, Clone)]
pub struct Words {
    flat: HashMap<String, String>,
    nested: serde_json::Value,
}

impl Words {
    /// The bundled English words.
    pub fn english() -> &'static Words {
        static WORDS: OnceLock<Words> = OnceLock::new();
        WORDS.get_or_init(|| {
            // The table is part of the tool and tested; an unreadable one is a build bug.
            let table: toml::Table = toml::from_str(ENGLISH).unwrap_or_default();
            Words::from_table(table)
        })
    }

    fn from_table(table: toml::Table) -> Words {
        let mut flat = HashMap::new();
        flatten("", &toml::Value::Table(table.clone()), &mut flat);
        let nested = serde_json::to_value(&table).unwrap_or_default();
        Words { flat, nested }
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
    fn the_english_table_reads_and_fills() {
        let table: Result<toml::Table, _> = toml::from_str(ENGLISH);
        assert!(table.is_ok(), "i18n/en.toml: {table:?}");
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
