//! The sources registry, `content/data/sources.toml`: who said what, and for which side.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::config::Config;
use crate::data::{CitedBy, DataKind, DataPage, ID_HELP, file, is_valid_id};
use crate::dates::{DateInput, PartialDate};
use crate::diagnostics::{Collector, Diagnostics, SourceText};
use crate::markdown::links::Scheme;

/// The data file's name.
pub const FILE: &str = "sources.toml";
/// The template of `/sources/`.
pub const TEMPLATE: &str = "sources.html";
/// The title of `/sources/`.
pub const TITLE: &str = "Sources";
/// The site path of the sources page.
pub const PATH: &str = "/sources/";

/// `source:` links cite a source by its id.
pub const SCHEME: Scheme = Scheme {
    name: "source",
    noun: "source",
    file: FILE,
    page: PATH,
    cites: true,
};

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    #[serde(default)]
    source: Vec<RawSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: Spanned<String>,
    name: String,
    short_name: Option<String>,
    kind: Spanned<String>,
    party: Option<String>,
    url: Option<Spanned<String>>,
    published: Option<Spanned<DateInput>>,
    accessed: Option<Spanned<DateInput>>,
    notes: Option<String>,
}

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
    /// The side it speaks for, when it is a party to the conflict.
    pub party: Option<String>,
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
    index: HashMap<String, usize>,
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

impl DataKind for Sources {
    const NAME: &'static str = "sources";
    const FILES: &'static [&'static str] = &[FILE];
    const SCHEME: Option<Scheme> = Some(SCHEME);

    fn load(root: &Path, _config: &Config) -> Result<Option<Self>, Diagnostics> {
        load(root)
    }

    fn ids(&self) -> Vec<&str> {
        self.list.iter().map(|s| s.id.as_str()).collect()
    }

    /// Only the path: the page itself needs every citation, so the build makes it last.
    fn page_paths(&self) -> Vec<(String, String)> {
        vec![(PATH.to_owned(), file::data_path(FILE))]
    }
}

/// Reads and checks `content/data/sources.toml`; `Ok(None)` when the site has none.
pub fn load(root: &Path) -> Result<Option<Sources>, Diagnostics> {
    let Some(source) = file::read(root, FILE)? else {
        return Ok(None);
    };
    parse(source).map(Some)
}

/// Checks the text of a sources file, already read.
pub fn parse(source: SourceText) -> Result<Sources, Diagnostics> {
    let (source, raw) = file::parse_toml::<SourcesFile>(source)?;
    let mut problems = Collector::default();
    let mut sources = Sources::default();
    for item in raw.source {
        let id = item.id.get_ref().clone();
        if !is_valid_id(&id) {
            problems.push(
                file::error_at(&source, item.id.span(), format!("invalid source id {id:?}"))
                    .with_help(ID_HELP),
            );
        }
        if sources.index.contains_key(&id) {
            problems.push(
                file::error_at(
                    &source,
                    item.id.span(),
                    format!("duplicate source id `{id}`"),
                )
                .with_help("each [[source]] needs its own id"),
            );
            continue;
        }
        if !KINDS.contains(&item.kind.get_ref().as_str()) {
            problems.push(
                file::error_at(
                    &source,
                    item.kind.span(),
                    format!("unknown source kind {:?}", item.kind.get_ref()),
                )
                .with_help(format!("use one of: {}", KINDS.join(", "))),
            );
        }
        if let Some(url) = &item.url
            && !(url.get_ref().starts_with("https://") || url.get_ref().starts_with("http://"))
        {
            problems.push(
                file::error_at(
                    &source,
                    url.span(),
                    "`url` must start with https:// or http://",
                )
                .with_help("leave `url` out when the address is unknown"),
            );
        }
        let mut date = |input: Option<Spanned<DateInput>>| {
            input.and_then(|d| match d.get_ref().parse() {
                Ok(date) => Some(date),
                Err(message) => {
                    problems.push(file::error_at(&source, d.span(), message));
                    None
                }
            })
        };
        let published = date(item.published);
        let accessed = date(item.accessed);
        sources.index.insert(id.clone(), sources.list.len());
        sources.list.push(Source {
            id,
            short_name: item.short_name.unwrap_or_else(|| item.name.clone()),
            name: item.name,
            kind: item.kind.into_inner(),
            party: item.party.filter(|p| !p.trim().is_empty()),
            url: item.url.map(Spanned::into_inner),
            published,
            accessed,
            notes: item.notes,
        });
    }
    problems.into_result()?;
    sources.file = Some(source);
    Ok(sources)
}

/// A source as the templates see it, with the places that cite it.
#[derive(Debug, Serialize)]
struct SourceView<'a> {
    #[serde(flatten)]
    source: &'a Source,
    published_human: Option<String>,
    accessed_human: Option<String>,
    cited_by: Vec<&'a CitedBy>,
}

fn view_of<'a>(source: &'a Source, by_source: &HashMap<&str, Vec<&'a CitedBy>>) -> SourceView<'a> {
    SourceView {
        source,
        published_human: source.published.map(|d| d.human()),
        accessed_human: source.accessed.map(|d| d.human()),
        cited_by: by_source
            .get(source.id.as_str())
            .cloned()
            .unwrap_or_default(),
    }
}

/// The `/sources/` page's data: parties first, then the other sources, each made the
/// templates' value.
#[derive(Serialize)]
struct PageData {
    parties: Vec<tera::Value>,
    others: Vec<tera::Value>,
    count: usize,
}

/// The `/sources/` page, with back-links to every place that cites each source.
pub fn page<'a>(sources: &Sources, cited_by: impl IntoIterator<Item = &'a CitedBy>) -> DataPage {
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
    let views: Vec<(bool, tera::Value)> = sources
        .list
        .par_iter()
        .map(|source| {
            let view = tera::Value::from_serializable(&view_of(source, &by_source));
            (source.party.is_some(), view)
        })
        .collect();
    let (parties, others): (Vec<_>, Vec<_>) = views.into_iter().partition(|(party, _)| *party);
    let values = |list: Vec<(bool, tera::Value)>| list.into_iter().map(|(_, v)| v).collect();
    let data = tera::Value::from_serializable(&PageData {
        parties: values(parties),
        others: values(others),
        count: sources.list.len(),
    });
    DataPage {
        path: PATH.to_owned(),
        template: TEMPLATE,
        nav: true,
        title: TITLE.to_owned(),
        description:
            "Every source this explainer cites, which side it speaks for, and where it is cited."
                .to_owned(),
        data,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(toml: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/data")).unwrap();
        std::fs::write(dir.path().join("content/data/sources.toml"), toml).unwrap();
        dir
    }

    #[test]
    fn loads_and_reports_every_problem() {
        let dir = site(
            "[[source]]\nid = \"a\"\nname = \"A\"\nkind = \"media\"\npublished = 2023-09-20\n",
        );
        let sources = load(dir.path()).unwrap().unwrap();
        assert_eq!(
            sources.get("a").unwrap().published.unwrap().human(),
            "20 September 2023"
        );

        let dir = site(
            "[[source]]\nid = \"a\"\nname = \"A\"\nkind = \"blog\"\nurl = \"www.x\"\n[[source]]\nid = \"a\"\nname = \"B\"\nkind = \"media\"\n",
        );
        let err = load(dir.path()).unwrap_err();
        let lines: Vec<usize> = err.0.iter().map(|d| d.line).collect();
        assert_eq!(lines, vec![4, 5, 7], "{err:?}");
    }
}
