//! The schema of a translation file, `content/data/LANG/<kind>.toml`, made from the same
//! [`Translatable`] that tells the reader which entries' fields an edition may translate.

use schemars::{JsonSchema, Schema, json_schema};
use serde_json::{Map, Value};

use super::shapes::Id;
use crate::data::glossary::Alias;
use crate::data::translation::Translatable;

/// `[[entry]]` tables, each with the `id` of an entry of the file they translate (at
/// `original`) and any of the fields that may be translated, as text or, for other names,
/// as glossary aliases; nothing else.
pub fn schema(translatable: Translatable, original: &str) -> Schema {
    let mut generator = super::settings().into_generator();
    let mut fields: Map<String, Value> = translatable
        .fields
        .iter()
        .map(|field| {
            let schema = serde_json::json!({
                "type": "string",
                "pattern": r"\S",
                "description": format!("The entry's `{field}` in the edition's language."),
            });
            ((*field).to_owned(), schema)
        })
        .collect();
    // Other names are written as glossary aliases: a bare name or a table.
    let alias = Alias::json_schema(&mut generator).to_value();
    for field in translatable.names {
        let schema = serde_json::json!({
            "type": "array",
            "items": { "anyOf": [{ "type": "string", "pattern": r"\S" }, alias] },
            "description": format!("The entry's `{field}` in the edition's language, as glossary aliases are written."),
        });
        fields.insert((*field).to_owned(), schema);
    }
    let id = Id::json_schema(&mut generator);
    fields.insert("id".to_owned(), id.to_value());
    let entry = translatable.entry;
    json_schema!({
        "$schema": generator.settings().meta_schema,
        "description": format!(
            "An edition's translation of {original}: [[{entry}]] tables, each with the `id` of an entry there and any of its {} in the edition's language",
            translatable.fields.iter().chain(translatable.names).copied().collect::<Vec<_>>().join(", ")
        ),
        "type": "object",
        "properties": {
            entry: {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": fields,
                    "required": ["id"],
                    "additionalProperties": false,
                },
            },
        },
        "additionalProperties": false,
    })
}
