//! The `/sources/` page: every source, grouped by whose voice it is, with back-links.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;
use serde::Serialize;

use super::model::{Source, Sources};
use super::{PATH, TEMPLATE};
use crate::data::affiliation;
use crate::data::{CitedBy, DataPage};
use crate::words::Words;

/// A source as the templates see it, with the places that cite it.
#[derive(Debug, Serialize)]
struct SourceView<'a> {
    #[serde(flatten)]
    source: &'a Source,
    published_human: Option<String>,
    accessed_human: Option<String>,
    cited_by: Vec<&'a CitedBy>,
}

fn view_of<'a>(
    source: &'a Source,
    words: &Words,
    by_source: &HashMap<&str, Vec<&'a CitedBy>>,
) -> SourceView<'a> {
    SourceView {
        source,
        published_human: source.published.map(|d| words.date(&d)),
        accessed_human: source.accessed.map(|d| words.date(&d)),
        cited_by: by_source
            .get(source.id.as_str())
            .cloned()
            .unwrap_or_default(),
    }
}

/// The sources of one affiliation kind on `/sources/`.
#[derive(Serialize)]
struct Group {
    /// The kind's id; the templates word it.
    kind: &'static str,
    sources: Vec<tera::Value>,
}

/// The `/sources/` page's data: the sources grouped by affiliation, in the order of
/// [`affiliation::KINDS`] (parties to the conflict first), each made the templates' value.
#[derive(Serialize)]
struct PageData {
    groups: Vec<Group>,
    count: usize,
}

/// Each source's value on `/sources/` as last made, with a fingerprint of its back-links, so
/// that the page is made again by converting only the sources whose back-links changed: a
/// source cited from thousands of pages has as many back-links, and a retitled note changes
/// the back-links of the few sources it cites. Kept per loaded site; a site whose sources or
/// words change is assembled again, with a new store.
#[derive(Debug, Default)]
pub struct SourceViews(Mutex<HashMap<String, (u64, tera::Value)>>);

impl SourceViews {
    /// The value of `view`, kept from the last time its back-links were the same.
    fn value_of(&self, view: &SourceView<'_>) -> tera::Value {
        let mut hasher = DefaultHasher::new();
        view.cited_by.hash(&mut hasher);
        let fingerprint = hasher.finish();
        let id = view.source.id.as_str();
        let lock = || self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((kept, value)) = lock().get(id)
            && *kept == fingerprint
        {
            return value.clone();
        }
        let value = tera::Value::from_serializable(view);
        lock().insert(id.to_owned(), (fingerprint, value.clone()));
        value
    }
}

/// The `/sources/` page, with back-links to every place that cites each source; the values
/// of sources whose back-links did not change since `kept` last saw them are reused.
pub fn page<'a>(
    sources: &Sources,
    words: &Words,
    cited_by: impl IntoIterator<Item = &'a CitedBy>,
    kept: &SourceViews,
) -> DataPage {
    let mut by_source: HashMap<&str, Vec<&CitedBy>> = HashMap::new();
    let mut listed: HashSet<(&str, &str)> = HashSet::new();
    for citation in cited_by {
        if listed.insert((citation.source.as_str(), citation.href.as_str())) {
            by_source
                .entry(citation.source.as_str())
                .or_default()
                .push(citation);
        }
    }
    // A source cited in thousands of places has as many back-links: sources are made
    // values side by side.
    let views: Vec<(&str, tera::Value)> = sources
        .list
        .par_iter()
        .map(|source| {
            let view = kept.value_of(&view_of(source, words, &by_source));
            (source.affiliation.kind.as_str(), view)
        })
        .collect();
    let groups = affiliation::KINDS
        .iter()
        .map(|&kind| Group {
            kind,
            sources: views
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, v)| v.clone())
                .collect(),
        })
        .filter(|group| !group.sources.is_empty())
        .collect();
    let data = tera::Value::from_serializable(&PageData {
        groups,
        count: sources.list.len(),
    });
    DataPage::worded(words, "sources", PATH.to_owned(), TEMPLATE, data)
}
