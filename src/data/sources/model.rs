//! The checked sources, as the rest of the build uses them.

use std::collections::HashMap;

use serde::Serialize;

use crate::data::affiliation::Affiliation;
use crate::dates::PartialDate;
use crate::diagnostics::SourceText;

/// The kinds a source may be.
pub const KINDS: [&str; 7] = [
    "official",
    "media",
    "ngo",
    "international",
    "academic",
    "editorial",
    "other",
];

/// One registered source.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    /// Stable id, used in `source:` links and as the anchor on `/sources/`.
    pub id: String,
    /// The source's name.
    pub name: String,
    /// A shorter name for dense displays (summaries, charts); the name when not given.
    pub short_name: String,
    /// `official`, `media`, `ngo`, `international`, `academic`, `editorial` or `other`.
    pub kind: String,
    /// Whose voice it is: a party to the conflict, an outside power, state media and so on.
    pub affiliation: Affiliation,
    /// Where to read it, when known.
    pub url: Option<String>,
    /// When it was published.
    pub published: Option<PartialDate>,
    /// When it was consulted.
    pub accessed: Option<PartialDate>,
    /// Editors' notes.
    pub notes: Option<String>,
}

/// All sources, in file order.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// The sources.
    pub list: Vec<Source>,
    pub(super) index: HashMap<String, usize>,
    /// The file they came from.
    pub file: Option<SourceText>,
}

impl Sources {
    /// The source with this id.
    pub fn get(&self, id: &str) -> Option<&Source> {
        self.index.get(id).map(|&i| &self.list[i])
    }

    /// True when a source with this id exists.
    pub fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }
}
