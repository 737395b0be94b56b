//! A data page's `data`, kept as compact JSON text between its generation and its rendering:
//! text takes a fraction of the memory of a tree of values, and is read straight into the
//! templates' values when the page is rendered.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// A data page's `data` as JSON text.
#[derive(Debug, Default)]
pub(crate) struct PageData(Box<str>);

impl PageData {
    /// Keeps `data` as text.
    pub(crate) fn new(data: &serde_json::Value) -> PageData {
        PageData(data.to_string().into_boxed_str())
    }

    /// The data as the templates' values.
    pub(crate) fn to_value(&self) -> tera::Value {
        // The text was written by serde_json from a value: it reads back.
        serde_json::from_str::<TemplateValue>(&self.0)
            .map_or_else(|_| tera::Value::from(()), |v| v.0)
    }
}

/// A templates' value read from JSON.
struct TemplateValue(tera::Value);

impl<'de> Deserialize<'de> for TemplateValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(ValueVisitor)
            .map(TemplateValue)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = tera::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<tera::Value, E> {
        Ok(v.into())
    }

    fn visit_i64<E>(self, v: i64) -> Result<tera::Value, E> {
        Ok(v.into())
    }

    fn visit_u64<E>(self, v: u64) -> Result<tera::Value, E> {
        Ok(v.into())
    }

    fn visit_f64<E>(self, v: f64) -> Result<tera::Value, E> {
        Ok(v.into())
    }

    fn visit_str<E>(self, v: &str) -> Result<tera::Value, E> {
        Ok(v.into())
    }

    fn visit_string<E>(self, v: String) -> Result<tera::Value, E> {
        Ok(v.into())
    }

    fn visit_unit<E>(self) -> Result<tera::Value, E> {
        Ok(().into())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<tera::Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(TemplateValue(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(items.into())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<tera::Value, A::Error> {
        let mut entries = tera::Map::default();
        while let Some((key, TemplateValue(value))) = map.next_entry::<String, TemplateValue>()? {
            entries.insert(key.into(), value);
        }
        Ok(entries.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_as_the_templates_would_see_the_value() {
        let data = serde_json::json!({
            "count": 3, "neg": -2, "ratio": 0.5, "name": "A \"quoted\" <name>", "none": null,
            "yes": true, "list": [1, {"a": []}], "nested": {"b": {"c": "d"}},
        });
        let read = PageData::new(&data).to_value();
        assert_eq!(read, tera::Value::from_serializable(&data));
    }
}
