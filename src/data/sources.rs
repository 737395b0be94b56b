//! The sources registry, `content/data/sources.toml`: who said what, and for which side.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rayon::prelude::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::config::Config;
use crate::data::affiliation::{self, Affiliation, Written};
use crate::data::{
    CitedBy, DataKind, DataPage, ExportFile, Generated, ID_HELP, SiteData, file, is_valid_id,
};
use crate::dates::{DateInput, PartialDate};
use crate::diagnostics::{Collector, Diagnostics, SourceText};
use crate::markdown::Renderer;
use crate::markdown::links::Scheme;
use crate::words::Words;

/// The data file's name.
pub const FILE: &str = "sources.toml";
/// The template of `/sources/`.
pub const TEMPLATE: &str = "sources.html";
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
struct RawSource {
    /// Stable id, used in `source:` links.
    #[schemars(with = "crate::schema::shapes::Id")]
    id: Spanned<String>,
    /// The source's name.
    name: String,
    /// A shorter name for summaries and charts.
    short_name: Option<String>,
    /// What kind of source it is.
    #[schemars(with = "String", extend("enum" = KINDS))]
    kind: Spanned<String>,
    /// What kind of voice it is: a party to the conflict, an outside power, state media...
    #[schemars(with = "Option<String>", extend("enum" = affiliation::KINDS))]
    affiliation: Option<Spanned<String>>,
    /// Whose voice, for parties, outside powers and state media.
    #[schemars(with = "Option<String>")]
    affiliated_with: Option<Spanned<String>>,
    /// The key of earlier versions, read only to say what replaces it.
    #[schemars(skip)]
    party: Option<Spanned<toml::Value>>,
    /// Where to read it: an https:// or http:// address.
    #[schemars(with = "Option<String>", regex(pattern = "^https?://"))]
    url: Option<Spanned<String>>,
    /// When it was published.
    #[schemars(with = "Option<crate::schema::shapes::Date>")]
    published: Option<Spanned<DateInput>>,
    /// When it was consulted.
    #[schemars(with = "Option<crate::schema::shapes::Date>")]
    accessed: Option<Spanned<DateInput>>,
    /// Editors' notes.
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
    const SCHEMA: Option<fn() -> schemars::Schema> = Some(crate::schema::schema_of::<SourcesFile>);

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

    /// Only the export: the page itself needs every citation, so the build makes it last.
    fn generate(&self, _site: &SiteData, _renderer: &Renderer<'_>) -> Generated {
        Generated {
            files: vec![export(self)],
            ..Generated::default()
        }
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
    let records = file::parse_records::<RawSource>(&source, "source")?;
    let mut problems = Collector::default();
    problems.extend(records.problems);
    let mut sources = Sources::default();
    for item in records.records {
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
        if let Some(party) = &item.party {
            problems.push(affiliation::party_key_error(&source, party.span()));
        }
        let written = Written {
            entry: item.id.span(),
            kind: item.affiliation.map(|a| (a.get_ref().clone(), a.span())),
            with: item
                .affiliated_with
                .map(|w| (w.get_ref().clone(), w.span())),
        };
        let affiliation = match affiliation::check(&source, written) {
            Ok(affiliation) => Some(affiliation),
            Err(list) => {
                problems.extend(list);
                None
            }
        };
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
        let Some(affiliation) = affiliation else {
            continue;
        };
        sources.index.insert(id.clone(), sources.list.len());
        sources.list.push(Source {
            id,
            short_name: item.short_name.unwrap_or_else(|| item.name.clone()),
            name: item.name,
            kind: item.kind.into_inner(),
            affiliation,
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
            let view = tera::Value::from_serializable(&view_of(source, &by_source));
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

/// The export `/sources/sources.json`: every source with its fields, in file order.
pub fn export(sources: &Sources) -> ExportFile {
    let mut bytes = serde_json::to_vec_pretty(&serde_json::json!({ "sources": sources.list }))
        .unwrap_or_default();
    bytes.push(b'\n');
    ExportFile {
        path: format!("{}sources.json", PATH.trim_start_matches('/')),
        bytes,
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
            "[[source]]\nid = \"a\"\nname = \"A\"\nkind = \"media\"\naffiliation = \"independent-media\"\npublished = 2023-09-20\n",
        );
        let sources = load(dir.path()).unwrap().unwrap();
        assert_eq!(
            sources.get("a").unwrap().published.unwrap().human(),
            "20 September 2023"
        );

        let dir = site(
            "[[source]]\nid = \"a\"\nname = \"A\"\nkind = \"blog\"\nurl = \"www.x\"\naffiliation = \"scholarship\"\n[[source]]\nid = \"a\"\nname = \"B\"\nkind = \"media\"\n",
        );
        let err = load(dir.path()).unwrap_err();
        let lines: Vec<usize> = err.0.iter().map(|d| d.line).collect();
        assert_eq!(lines, vec![4, 5, 8], "{err:?}");
    }

    #[test]
    fn affiliations_are_checked() {
        let dir = site(concat!(
            "[[source]]\nid = \"a\"\nname = \"A\"\nkind = \"official\"\n",
            "affiliation = \"outside-power\"\naffiliated_with = \"Russian government\"\n",
        ));
        let sources = load(dir.path()).unwrap().unwrap();
        let a = &sources.get("a").unwrap().affiliation;
        assert_eq!(a.kind, "outside-power");
        assert_eq!(a.affiliated_with.as_deref(), Some("Russian government"));
        assert!(!a.is_party());

        let dir = site(concat!(
            "[[source]]\nid = \"a\"\nname = \"A\"\nkind = \"official\"\n",
            "affiliation = \"partty\"\naffiliated_with = \"X\"\n",
            "[[source]]\nid = \"b\"\nname = \"B\"\nkind = \"official\"\n",
            "party = \"Azerbaijani government\"\n",
            "[[source]]\nid = \"c\"\nname = \"C\"\nkind = \"media\"\n",
            "affiliation = \"state-media\"\n",
            "[[source]]\nid = \"d\"\nname = \"D\"\nkind = \"media\"\n",
        ));
        let err = load(dir.path()).unwrap_err();
        let found: Vec<(usize, usize, &str, &str)> = err
            .0
            .iter()
            .map(|d| {
                (
                    d.line,
                    d.col,
                    d.message.as_str(),
                    d.help.as_deref().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(found.len(), 5, "{found:#?}");
        assert_eq!(found[0].0, 5);
        assert_eq!(found[0].1, 15);
        assert!(found[0].2.contains("unknown affiliation \"partty\""));
        assert!(found[0].3.starts_with("did you mean `party`?"));
        assert_eq!(
            found[1].0, 8,
            "a source without affiliation is reported at its id"
        );
        assert_eq!(found[2].0, 11);
        assert!(found[2].2.contains("use `affiliation`"), "{found:#?}");
        assert_eq!(found[3].0, 16);
        assert!(found[3].2.contains("needs `affiliated_with`"));
        assert_eq!(found[4].0, 18);
    }
}
