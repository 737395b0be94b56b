//! Checking a TOML file against a JSON Schema as an editor does: the TOML read as JSON, with
//! TOML dates as text.

use explainer::schema::Kind;

/// A TOML value as the JSON value an editor checks against a schema.
pub fn as_json(value: toml::Value) -> serde_json::Value {
    match value {
        toml::Value::String(text) => text.into(),
        toml::Value::Integer(n) => n.into(),
        toml::Value::Float(x) => x.into(),
        toml::Value::Boolean(b) => b.into(),
        toml::Value::Datetime(date) => date.to_string().into(),
        toml::Value::Array(items) => items.into_iter().map(as_json).collect(),
        toml::Value::Table(table) => table.into_iter().map(|(k, v)| (k, as_json(v))).collect(),
    }
}

/// A schema's complaints about a TOML text, empty when the text is valid.
pub fn problems_with(schema: &serde_json::Value, text: &str) -> Vec<String> {
    let validator = jsonschema::validator_for(schema).unwrap();
    let document = as_json(toml::from_str::<toml::Value>(text).unwrap());
    validator
        .iter_errors(&document)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect()
}

/// The complaints of a kind's schema about a TOML text.
pub fn problems(kind: &Kind, text: &str) -> Vec<String> {
    problems_with(&serde_json::to_value(kind.schema()).unwrap(), text)
}
