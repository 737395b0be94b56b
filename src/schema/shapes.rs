//! Schemas of the values that the readers take in a form of their own: an id, a date as text
//! or a TOML date, a casualty figure read leniently so that all its problems are reported.
//! Each says what an editor may write there.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::data::ID_HELP;
use crate::data::casualties::Qualifier;

/// An entry's own `id`: lowercase letters, digits, `-` and `_`.
pub struct Id;

impl JsonSchema for Id {
    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[a-z0-9_-]+$",
            "description": ID_HELP,
        })
    }
}

/// A date of any precision: `"1988"`, `"1988-02"`, `"1988-02-20"`, a TOML date such as
/// `1988-02-20` (which editors check as text), or a bare year such as `1988`.
pub struct Date;

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "a date as \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\", or a TOML date such as 2023-09-19",
            "anyOf": [
                { "type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$" },
                { "type": "integer", "minimum": 1, "maximum": 9999 },
            ],
        })
    }
}

/// A casualty figure: a whole number, or a table of the keys that qualify it.
pub struct Figure;

/// The keys of a figure table, each with the schema of its value.
pub(crate) fn figure_keys() -> [(&'static str, serde_json::Value); 6] {
    let count = serde_json::json!({ "type": "integer", "minimum": 0 });
    let qualifiers = names(&Qualifier::ALL);
    [
        ("value", count.clone()),
        ("qualifier", serde_json::json!({ "enum": qualifiers })),
        ("min", count.clone()),
        ("max", count.clone()),
        ("best", count),
        ("undisclosed", serde_json::json!({ "type": "boolean" })),
    ]
}

impl JsonSchema for Figure {
    fn schema_name() -> Cow<'static, str> {
        "Figure".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let properties: serde_json::Map<String, serde_json::Value> = figure_keys()
            .into_iter()
            .map(|(key, schema)| (key.to_owned(), schema))
            .collect();
        json_schema!({
            "description": "a whole number, { value = N, qualifier = \"at_least\" }, { min = A, max = B } or { undisclosed = true }",
            "anyOf": [
                { "type": "integer", "minimum": 0 },
                {
                    "type": "object",
                    "properties": properties,
                    "additionalProperties": false,
                    "minProperties": 1,
                },
            ],
        })
    }
}

/// The spellings of a keyword's values, for an `enum`.
pub fn names<T>(all: &[(&'static str, T)]) -> Vec<&'static str> {
    all.iter().map(|(name, _)| *name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_table_has_the_keys_the_reader_takes() {
        let keys: Vec<&str> = figure_keys().iter().map(|(key, _)| *key).collect();
        assert_eq!(keys, crate::data::casualties::toml_input::KEYS);
    }
}
