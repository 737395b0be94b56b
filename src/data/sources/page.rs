//! The `/sources/` page: every source, grouped by whose voice it is, with back-links.

use std::collections::{HashMap, HashSet};

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

/// The `/sources/` page, with back-links to every place that cites each source.
pub fn page<'a>(
    sources: &Sources,
    words: &Words,
    cited_by: impl IntoIterator<Item = &'a CitedBy>,
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
            let view = tera::Value::from_serializable(&view_of(source, words, &by_source));
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
