//! The glossary, `content/data/glossary.toml`: terms, their other names, and who uses which.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::data::affiliation::Affiliation;
use pulldown_cmark::{Event, Parser};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::config::Config;
use crate::data::{
    CitedBy, DataKind, DataPage, Generated, ID_HELP, SiteData, file, is_valid_id, sources,
};
use crate::diagnostics::{Collector, Diagnostic, Diagnostics, SourceText};
use crate::markdown::glossary_links::TermPattern;
use crate::markdown::links::{self, Scheme, Targets};
use crate::markdown::{Mode, Renderer};

/// The data file's name.
pub const FILE: &str = "glossary.toml";

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
struct RawTerm {
    /// Stable id, used in `term:` links.
    #[schemars(with = "crate::schema::shapes::Id")]
    id: Spanned<String>,
    /// The headword.
    #[schemars(with = "String")]
    term: Spanned<String>,
    /// The headword's language (BCP 47), when not the site's.
    lang: Option<String>,
    /// Other names and spellings, with who uses them.
    #[serde(default)]
    aliases: Vec<RawAlias>,
    /// The definition, in Markdown; its first sentence is the short definition.
    #[schemars(with = "String")]
    definition: Spanned<String>,
    /// Ids of related terms.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    see_also: Vec<Spanned<String>>,
    /// Ids of the sources of the definition.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    sources: Vec<Spanned<String>>,
}

/// Another name: a name alone, or a table with its language and who uses it.
#[derive(Deserialize, JsonSchema)]
#[serde(
    untagged,
    expecting = "an alias is a name such as \"Khankendi\" or a table with the keys `name`, `lang` and `used_by`, such as { name = \"Khankendi\", lang = \"az\" }"
)]
enum RawAlias {
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

/// A glossary term.
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    /// Stable id, the anchor on `/glossary/`.
    pub id: String,
    /// The headword.
    pub term: String,
    /// The headword's language, when not the site's.
    pub lang: Option<String>,
    /// Other names and spellings.
    pub aliases: Vec<Alias>,
    /// The definition, in Markdown.
    pub definition: String,
    /// Related term ids.
    pub see_also: Vec<String>,
    /// Source ids.
    pub sources: Vec<String>,
    #[serde(skip)]
    definition_offset: usize,
    #[serde(skip)]
    see_also_spans: Vec<std::ops::Range<usize>>,
    #[serde(skip)]
    source_spans: Vec<std::ops::Range<usize>>,
}

/// All terms, in file order.
#[derive(Debug, Clone)]
pub struct Glossary {
    /// The terms.
    pub terms: Vec<Term>,
    index: HashMap<String, usize>,
    /// The file they came from.
    pub file: SourceText,
}

impl Glossary {
    /// True when a term with this id exists.
    pub fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    /// The term with this id.
    pub fn get(&self, id: &str) -> Option<&Term> {
        self.index.get(id).map(|&i| &self.terms[i])
    }

    /// The patterns for auto-linking: every headword and alias, with a short definition.
    pub fn patterns(&self, targets: &dyn Targets) -> Vec<TermPattern> {
        self.terms
            .iter()
            .map(|term| {
                let mut names = vec![(term.term.clone(), term.lang.clone())];
                names.extend(
                    term.aliases
                        .iter()
                        .map(|a| (a.name.clone(), a.lang.clone())),
                );
                TermPattern {
                    id: term.id.clone(),
                    names,
                    tip: format!("{}: {}", term.term, short_definition(&term.definition)),
                    href: links::anchor(targets, PATH, &term.id),
                }
            })
            .collect()
    }
}

/// The site path of the glossary page.
pub const PATH: &str = "/glossary/";

/// `term:` links name a term by its id.
pub const SCHEME: Scheme = Scheme {
    name: "term",
    noun: "glossary term",
    file: FILE,
    page: PATH,
    cites: false,
};

impl DataKind for Glossary {
    const NAME: &'static str = "glossary";
    const FILES: &'static [&'static str] = &[FILE];
    const SCHEME: Option<Scheme> = Some(SCHEME);
    const SCHEMA: Option<fn() -> schemars::Schema> = Some(crate::schema::schema_of::<GlossaryFile>);

    fn load(root: &Path, _config: &Config) -> Result<Option<Self>, Diagnostics> {
        load(root)
    }

    fn ids(&self) -> Vec<&str> {
        self.terms.iter().map(|t| t.id.as_str()).collect()
    }

    /// Unknown `see_also` terms and unknown sources, at their place in the file.
    fn check_references(&self, targets: &dyn Targets) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        for term in &self.terms {
            let see_also = term.see_also.iter().zip(&term.see_also_spans);
            let sources = term.sources.iter().zip(&term.source_spans);
            let named = see_also
                .map(|named| (&SCHEME, "see_also", named))
                .chain(sources.map(|named| (&sources::SCHEME, "sources", named)));
            for (scheme, key, (id, span)) in named {
                if let Some(broken) = links::unknown_id(targets, scheme, id) {
                    problems.push(
                        file::error_at(&self.file, span.clone(), format!("`{key}`: {broken}"))
                            .with_help(broken.help),
                    );
                }
            }
        }
        problems
    }

    fn page_paths(&self) -> Vec<(String, String)> {
        vec![(PATH.to_owned(), file::data_path(FILE))]
    }

    fn generate(&self, site: &SiteData, renderer: &Renderer<'_>) -> Generated {
        let source_name = |id: &str| {
            site.sources
                .as_ref()
                .and_then(|s| s.get(id))
                .map(|s| (s.name.clone(), s.affiliation.clone()))
        };
        generate(self, renderer, &source_name)
    }
}

/// The first sentence of a Markdown definition, as plain text.
pub fn short_definition(markdown: &str) -> String {
    let mut plain = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(text) | Event::Code(text) => plain.push_str(&text),
            Event::SoftBreak | Event::HardBreak => plain.push(' '),
            _ => {}
        }
    }
    let end = plain
        .match_indices(". ")
        .map(|(i, _)| i + 1)
        .find(|&i| i >= 20)
        .unwrap_or(plain.len());
    plain[..end].trim().to_owned()
}

/// Reads and checks `content/data/glossary.toml`; `Ok(None)` when the site has none.
pub fn load(root: &Path) -> Result<Option<Glossary>, Diagnostics> {
    let Some(source) = file::read(root, FILE)? else {
        return Ok(None);
    };
    parse(source).map(Some)
}

/// Checks the text of a glossary file, already read.
pub fn parse(source: SourceText) -> Result<Glossary, Diagnostics> {
    let records = file::parse_records::<RawTerm>(&source, "term")?;
    let mut problems = Collector::default();
    problems.extend(records.problems);
    let mut terms: Vec<Term> = Vec::new();
    let mut index = HashMap::new();
    let mut names: HashMap<String, String> = HashMap::new();
    for item in records.records {
        let id = item.id.get_ref().clone();
        if !is_valid_id(&id) {
            problems.push(
                file::error_at(&source, item.id.span(), format!("invalid term id {id:?}"))
                    .with_help(ID_HELP),
            );
        }
        if index.contains_key(&id) {
            problems.push(file::error_at(
                &source,
                item.id.span(),
                format!("duplicate term id `{id}`"),
            ));
            continue;
        }
        if item.term.get_ref().trim().is_empty() {
            problems.push(file::error_at(&source, item.term.span(), "`term` is empty"));
        }
        let aliases: Vec<Alias> = item
            .aliases
            .into_iter()
            .map(|alias| match alias {
                RawAlias::Name(name) => Alias {
                    name,
                    lang: None,
                    used_by: None,
                },
                RawAlias::Full(alias) => alias,
            })
            .collect();
        for name in std::iter::once(item.term.get_ref()).chain(aliases.iter().map(|a| &a.name)) {
            if let Some(other) = names.insert(name.clone(), id.clone())
                && other != id
            {
                problems.push(
                    file::error_at(
                        &source,
                        item.id.span(),
                        format!("the name {name:?} belongs to both `{other}` and `{id}`"),
                    )
                    .with_help("a name can link to one term only"),
                );
            }
        }
        index.insert(id.clone(), terms.len());
        terms.push(Term {
            id,
            term: item.term.into_inner(),
            lang: item.lang,
            aliases,
            definition_offset: item.definition.span().start,
            definition: item.definition.into_inner(),
            see_also_spans: item.see_also.iter().map(Spanned::span).collect(),
            see_also: item.see_also.into_iter().map(Spanned::into_inner).collect(),
            source_spans: item.sources.iter().map(Spanned::span).collect(),
            sources: item.sources.into_iter().map(Spanned::into_inner).collect(),
        });
    }
    problems.into_result()?;
    Ok(Glossary {
        terms,
        index,
        file: source,
    })
}

#[derive(Serialize)]
struct EntryView {
    /// The anchor: the term id, or `alias-<slug>` for an alias entry.
    anchor: String,
    name: String,
    lang: Option<String>,
    sort_key: String,
    /// For terms.
    definition_html: Option<String>,
    aliases: Vec<Alias>,
    see_also: Vec<LinkView>,
    sources: Vec<LinkView>,
    /// For aliases: the term it stands for.
    alias_of: Option<LinkView>,
    used_by: Option<String>,
}

#[derive(Serialize)]
struct LinkView {
    title: String,
    href: String,
    /// For sources: whose voice it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    affiliation: Option<Affiliation>,
}

/// The `/glossary/` page: every term and alias in alphabetical order, with an A-Z bar.
pub fn generate(
    glossary: &Glossary,
    renderer: &Renderer<'_>,
    source_of: &dyn Fn(&str) -> Option<(String, Affiliation)>,
) -> Generated {
    let mut generated = Generated::default();
    let targets = renderer.targets;
    let mut entries = Vec::new();
    let page_href = targets.href(PATH);
    for term in &glossary.terms {
        let offset = definition_start(&glossary.file, term.definition_offset);
        let rendered = renderer.render_excluding(
            &glossary.file,
            offset,
            &term.definition,
            Mode::Snippet,
            Some(&term.id),
        );
        generated.diagnostics.extend(rendered.diagnostics);
        generated.has_code |= rendered.has_code;
        for id in term.sources.iter().chain(&rendered.citations) {
            generated.cited_by.push(CitedBy {
                source: id.clone(),
                title: format!("Glossary: {}", term.term),
                href: format!("{page_href}#{}", term.id),
            });
        }
        entries.push(EntryView {
            anchor: term.id.clone(),
            name: term.term.clone(),
            lang: term.lang.clone(),
            sort_key: sort_key(&term.term),
            definition_html: Some(rendered.html),
            aliases: term.aliases.clone(),
            see_also: term
                .see_also
                .iter()
                .filter_map(|id| glossary.get(id))
                .map(|t| LinkView {
                    title: t.term.clone(),
                    href: format!("#{}", t.id),
                    affiliation: None,
                })
                .collect(),
            sources: term
                .sources
                .iter()
                .filter_map(|id| {
                    source_of(id).map(|(title, affiliation)| LinkView {
                        title,
                        href: links::anchor(targets, sources::PATH, id),
                        affiliation: Some(affiliation),
                    })
                })
                .collect(),
            alias_of: None,
            used_by: None,
        });
        for alias in &term.aliases {
            entries.push(EntryView {
                anchor: format!("alias-{}", crate::markdown::anchors::slugify(&alias.name)),
                name: alias.name.clone(),
                lang: alias.lang.clone(),
                sort_key: sort_key(&alias.name),
                definition_html: None,
                aliases: Vec::new(),
                see_also: Vec::new(),
                sources: Vec::new(),
                alias_of: Some(LinkView {
                    title: term.term.clone(),
                    href: format!("#{}", term.id),
                    affiliation: None,
                }),
                used_by: alias.used_by.clone(),
            });
        }
    }
    entries.sort_by(|a, b| {
        a.sort_key
            .cmp(&b.sort_key)
            .then_with(|| a.name.cmp(&b.name))
    });
    dedupe_anchors(&mut entries);
    let mut letters: BTreeMap<String, Vec<EntryView>> = BTreeMap::new();
    for entry in entries {
        let letter = entry
            .sort_key
            .chars()
            .next()
            .map_or_else(|| "#".to_owned(), |c| c.to_uppercase().collect());
        letters.entry(letter).or_default().push(entry);
    }
    let groups: Vec<LetterGroup> = letters
        .into_iter()
        .map(|(letter, entries)| LetterGroup {
            anchor: format!("letter-{}", crate::markdown::anchors::slugify(&letter)),
            letter,
            entries,
        })
        .collect();
    let json_ld = defined_term_set(glossary, &page_href);
    generated.pages.push(DataPage::worded(
        renderer.words,
        "glossary",
        PATH.to_owned(),
        "glossary.html",
        tera::Value::from_serializable(&PageData {
            groups,
            count: glossary.terms.len(),
            json_ld_script: crate::json_script::json_for_script(&json_ld),
        }),
    ));
    generated
}

/// The entries under one letter of `/glossary/`.
#[derive(Serialize)]
struct LetterGroup {
    letter: String,
    anchor: String,
    entries: Vec<EntryView>,
}

/// The `/glossary/` page's data.
#[derive(Serialize)]
struct PageData {
    groups: Vec<LetterGroup>,
    count: usize,
    json_ld_script: String,
}

fn definition_start(file: &SourceText, span_start: usize) -> usize {
    let rest = &file.text[span_start.min(file.text.len())..];
    let quote = if rest.starts_with("\"\"\"") || rest.starts_with("'''") {
        3
    } else {
        1
    };
    let start = span_start + quote;
    if file.text[start.min(file.text.len())..].starts_with('\n') {
        start + 1
    } else {
        start
    }
}

fn sort_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

fn dedupe_anchors(entries: &mut [EntryView]) {
    let mut anchors = crate::markdown::anchors::Anchors::default();
    for entry in entries.iter().filter(|e| e.alias_of.is_none()) {
        anchors.unique(entry.anchor.clone());
    }
    for entry in entries.iter_mut().filter(|e| e.alias_of.is_some()) {
        entry.anchor = anchors.unique(entry.anchor.clone());
    }
}

fn defined_term_set(glossary: &Glossary, page_href: &str) -> serde_json::Value {
    let terms: Vec<_> = glossary
        .terms
        .iter()
        .map(|term| {
            serde_json::json!({
                "@type": "DefinedTerm",
                "@id": format!("{page_href}#{}", term.id),
                "name": term.term,
                "alternateName": term.aliases.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(),
                "description": short_definition(&term.definition),
            })
        })
        .collect();
    serde_json::json!({
        "@context": "https://schema.org",
        "@type": "DefinedTermSet",
        "name": "Glossary",
        "hasDefinedTerm": terms,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_definitions_stop_after_the_first_sentence() {
        assert_eq!(
            short_definition(
                "The main city of *Nagorno-Karabakh*. Called Khankendi in Azerbaijani."
            ),
            "The main city of Nagorno-Karabakh."
        );
    }
}
