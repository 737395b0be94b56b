//! `sources.toml` as written: serde types that keep where each value is.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::model::KINDS;
use crate::data::affiliation;
use crate::dates::DateInput;

/// The whole file, for its schema: the sources themselves are read one by one (see [`parse`]).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourcesFile {
    /// The sources, one `[[source]]` table each.
    #[serde(default)]
    #[expect(dead_code, reason = "only its schema is used")]
    source: Vec<RawSource>,
}

/// One `[[source]]`, as written.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSource {
    /// Stable id, used in `source:` links.
    #[schemars(with = "crate::schema::shapes::Id")]
    pub(super) id: Spanned<String>,
    /// The source's name.
    pub(super) name: String,
    /// A shorter name for summaries and charts.
    pub(super) short_name: Option<String>,
    /// What kind of source it is.
    #[schemars(with = "String", extend("enum" = KINDS))]
    pub(super) kind: Spanned<String>,
    /// What kind of voice it is: a party to the conflict, an outside power, state media...
    #[schemars(with = "Option<String>", extend("enum" = affiliation::KINDS))]
    pub(super) affiliation: Option<Spanned<String>>,
    /// Whose voice, for parties, outside powers and state media.
    #[schemars(with = "Option<String>")]
    pub(super) affiliated_with: Option<Spanned<String>>,
    /// The key of earlier versions, read only to say what replaces it.
    #[schemars(skip)]
    pub(super) party: Option<Spanned<toml::Value>>,
    /// Where to read it: an https:// or http:// address.
    #[schemars(with = "Option<String>", regex(pattern = "^https?://"))]
    pub(super) url: Option<Spanned<String>>,
    /// When it was published.
    #[schemars(with = "Option<crate::schema::shapes::Date>")]
    pub(super) published: Option<Spanned<DateInput>>,
    /// When it was consulted.
    #[schemars(with = "Option<crate::schema::shapes::Date>")]
    pub(super) accessed: Option<Spanned<DateInput>>,
    /// Editors' notes.
    pub(super) notes: Option<String>,
}
