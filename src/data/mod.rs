//! The data files of `content/data/`: sources, glossary, timeline, casualties and any kind
//! registered later.
//!
//! Each kind is a folder implementing [`DataKind`], listed once in [`registry`]. This
//! module holds what the kinds share.

pub mod affiliation;
pub mod casualties;
pub mod file;
pub mod glossary;
pub mod keyword;
mod kind;
pub mod located;
pub mod media;
pub mod places;
mod registry;
pub mod sources;
pub mod timeline;
pub mod translation;

pub use kind::DataKind;
pub use registry::{Kind, SiteData};

use serde::Serialize;

use crate::diagnostics::Diagnostic;

/// A page generated from data, such as `/timeline/`.
#[derive(Debug, Clone)]
pub struct DataPage {
    /// The site path, such as `/timeline/tags/exodus/`.
    pub path: String,
    /// The template to render it with.
    pub template: &'static str,
    /// True when the main navigation links to it; pages that are not (a tag's page, the
    /// image credits) are reached from their main page or the footer.
    pub nav: bool,
    /// The page title.
    pub title: String,
    /// A one-sentence description for meta tags.
    pub description: String,
    /// What the template gets as `data`, as the templates' values: made once, and shared
    /// (not copied) by every page that lists the same entries.
    pub data: tera::Value,
}

impl DataPage {
    /// A page whose title and description are the words `pages.<key>.title` and
    /// `pages.<key>.description` of the site's translations table.
    pub fn worded(
        words: &crate::words::Words,
        key: &str,
        path: String,
        template: &'static str,
        data: tera::Value,
    ) -> DataPage {
        DataPage {
            path,
            template,
            nav: true,
            title: words.get(&format!("pages.{key}.title")).to_owned(),
            description: words.get(&format!("pages.{key}.description")).to_owned(),
            data,
        }
    }
}

/// A file written as is, such as `/timeline/timeline.json`.
#[derive(Debug, Clone)]
pub struct ExportFile {
    /// The path in the output, such as `timeline/timeline.json`.
    pub path: String,
    /// The file's contents.
    pub bytes: Vec<u8>,
}

/// A place that cites a source: a page, a timeline event, a casualty claim.
#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
pub struct CitedBy {
    /// The cited source's id.
    #[serde(skip)]
    pub source: String,
    /// What cites it, as readers see it ("Timeline: Ceasefire of 20 September").
    pub title: String,
    /// A link to the citing place.
    pub href: String,
}

/// What a data kind contributes to the site once rendered.
#[derive(Debug, Default)]
pub struct Generated {
    /// Its pages.
    pub pages: Vec<DataPage>,
    /// Its exported files.
    pub files: Vec<ExportFile>,
    /// Its citations of sources, for the back-links on `/sources/`.
    pub cited_by: Vec<CitedBy>,
    /// Problems found while rendering (broken links in Markdown fields).
    pub diagnostics: Vec<Diagnostic>,
    /// True when a Markdown field had highlighted code.
    pub has_code: bool,
}

impl Generated {
    /// Adds another kind's output to this one.
    pub fn merge(&mut self, other: Generated) {
        self.pages.extend(other.pages);
        self.files.extend(other.files);
        self.cited_by.extend(other.cited_by);
        self.diagnostics.extend(other.diagnostics);
        self.has_code |= other.has_code;
    }
}

/// True for ids usable as anchors and in URLs: lowercase letters, digits, `-` and `_`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// The help shown for an invalid id.
pub const ID_HELP: &str =
    "ids are lowercase letters, digits, `-` and `_`, such as \"karabakh-ombudsman\"";

impl SiteData {
    /// The sources page, with back-links to the places that cite each source: `cited_by`
    /// (the pages' citations), then `data_citations` (the data files' own, from
    /// [`SiteData::generate`]). Nothing without a sources file.
    pub fn sources_page(
        &self,
        words: &crate::words::Words,
        cited_by: &[CitedBy],
        data_citations: &[CitedBy],
        kept: &sources::SourceViews,
    ) -> Option<DataPage> {
        let sources = self.sources.as_ref()?;
        Some(sources::page(
            sources,
            words,
            cited_by.iter().chain(data_citations),
            kept,
        ))
    }
}
