//! `content/data/places.toml` as written: serde types that keep where each value is,
//! so that every problem is reported at its line and column.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use crate::data::glossary::Alias;

/// The whole file: `[[place]]` tables.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlacesFile {
    /// The places, one `[[place]]` table each.
    #[serde(default)]
    pub place: Vec<PlaceInput>,
}

/// One `[[place]]` table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlaceInput {
    /// Stable id, used in `place:` links, map blocks and timeline events.
    #[schemars(with = "crate::schema::shapes::Id")]
    pub id: Spanned<String>,
    /// The name the site uses.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// The name's language, when not the site's.
    pub lang: Option<String>,
    /// Other names, as glossary aliases are written.
    #[serde(default)]
    pub names: Vec<NameInput>,
    /// Latitude in decimal degrees (WGS 84), north positive.
    #[schemars(with = "f64", extend("minimum" = -90, "maximum" = 90))]
    pub lat: Spanned<f64>,
    /// Longitude in decimal degrees (WGS 84), east positive.
    #[schemars(with = "f64", extend("minimum" = -180, "maximum" = 180))]
    pub lon: Spanned<f64>,
    /// What kind of place it is, which decides its mark on maps.
    #[schemars(with = "String", extend("enum" = super::model::Kind::NAMES))]
    pub kind: Spanned<String>,
    /// Where the coordinates come from: source ids, at least one.
    // Optional for serde, required by validation, so that a missing list gets its own advice.
    #[schemars(required, with = "Vec<String>", extend("minItems" = 1))]
    pub sources: Option<Spanned<Vec<Spanned<String>>>>,
    /// A GeoJSON file under `content/data/` with the place's line or area.
    #[schemars(with = "Option<String>")]
    pub geometry: Option<Spanned<String>>,
    /// Editors' notes (where exactly the coordinates were taken from).
    pub notes: Option<String>,
}

/// Another name: a bare name, or a table with its language and who uses it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(
    untagged,
    expecting = "a name is a string such as \"Khankendi\" or a table with the keys `name`, `lang` and `used_by`, such as { name = \"Khankendi\", lang = \"az\", used_by = \"Azerbaijan\" }"
)]
pub enum NameInput {
    /// Just the name.
    Name(String),
    /// The name with its language and users.
    Full(Alias),
}

impl NameInput {
    /// The name as the glossary holds an alias.
    pub fn into_alias(self) -> Alias {
        match self {
            NameInput::Name(name) => Alias {
                name,
                lang: None,
                used_by: None,
            },
            NameInput::Full(alias) => alias,
        }
    }
}
