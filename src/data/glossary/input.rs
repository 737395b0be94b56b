//! `glossary.toml` as written: serde types that keep where each value is.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use toml::Spanned;

/// The whole file, for its schema: the terms themselves are read one by one (see [`parse`]).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct GlossaryFile {
    /// The terms, one `[[term]]` table each.
    #[serde(default)]
    #[expect(dead_code, reason = "only its schema is used")]
    term: Vec<RawTerm>,
}

/// One `[[term]]`, as written.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTerm {
    /// Stable id, used in `term:` links.
    #[schemars(with = "crate::schema::shapes::Id")]
    pub(super) id: Spanned<String>,
    /// The headword.
    #[schemars(with = "String")]
    pub(super) term: Spanned<String>,
    /// The headword's language (BCP 47), when not the site's.
    pub(super) lang: Option<String>,
    /// Other names and spellings, with who uses them.
    #[serde(default)]
    pub(super) aliases: Vec<RawAlias>,
    /// The definition, in Markdown; its first sentence is the short definition.
    #[schemars(with = "String")]
    pub(super) definition: Spanned<String>,
    /// Ids of related terms.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub(super) see_also: Vec<Spanned<String>>,
    /// Ids of the sources of the definition.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub(super) sources: Vec<Spanned<String>>,
}

/// Another name: a name alone, or a table with its language and who uses it.
#[derive(Deserialize, JsonSchema)]
#[serde(
    untagged,
    expecting = "an alias is a name such as \"Khankendi\" or a table with the keys `name`, `lang` and `used_by`, such as { name = \"Khankendi\", lang = \"az\" }"
)]
pub(super) enum RawAlias {
    Name(String),
    Full(Alias),
}

/// Another name for a term, with its language and who uses it.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Alias {
    /// The name, such as "Khankendi".
    pub name: String,
    /// Its language (BCP 47), such as "az".
    pub lang: Option<String>,
    /// Who uses it, such as "Azerbaijani government".
    pub used_by: Option<String>,
}
