//! `content/data/media.toml` as written: each `[[image]]` table, with the places of its
//! values so that problems found later (a missing file, a damaged image, an unknown
//! source) are reported at their line. The same types make the file's JSON Schema.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

/// The whole file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MediaFile {
    /// The `[[image]]` tables, in file order.
    #[serde(default)]
    #[schemars(with = "Vec<RawImage>")]
    pub image: Vec<Spanned<RawImage>>,
}

/// One `[[image]]` table. Its schema asks for alt text unless `decorative = true`, and
/// refuses it then, as validation does.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend(
    "if" = { "properties": { "decorative": { "const": true } }, "required": ["decorative"] },
    "then" = { "not": { "required": ["alt"] } },
    "else" = { "required": ["alt"] },
))]
pub struct RawImage {
    /// The id used in `media:` links.
    #[schemars(with = "crate::schema::shapes::Id")]
    pub id: Spanned<String>,
    /// The image file, relative to `content/`.
    #[schemars(with = "String", regex(pattern = r"\S"))]
    pub file: Spanned<String>,
    /// What the image shows, for readers who cannot see it.
    #[schemars(with = "Option<String>", regex(pattern = r"\S"))]
    pub alt: Option<Spanned<String>>,
    /// True for an image that adds nothing a reader would miss: it has no alt text.
    #[schemars(with = "Option<bool>")]
    pub decorative: Option<Spanned<bool>>,
    /// The caption (inline Markdown).
    #[schemars(with = "Option<String>", regex(pattern = r"\S"))]
    pub caption: Option<Spanned<String>>,
    /// Who made the image.
    // Optional for serde, required by validation, so that a missing credit gets its own advice.
    #[schemars(required, with = "String", regex(pattern = r"\S"))]
    pub credit: Option<Spanned<String>>,
    /// The licence it is published under.
    #[schemars(with = "Option<String>", regex(pattern = r"\S"))]
    pub license: Option<Spanned<String>>,
    /// The id of the source (in `sources.toml`) the image comes from.
    #[schemars(with = "Option<String>", regex(pattern = r"\S"))]
    pub source: Option<Spanned<String>>,
}
