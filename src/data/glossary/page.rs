//! The `/glossary/` page: every term and alias in alphabetical order, with an A-Z bar.

use std::collections::BTreeMap;

use crate::data::affiliation::Affiliation;
use serde::Serialize;

use super::PATH;
use super::input::Alias;
use super::model::{Glossary, short_definition};
use crate::data::{CitedBy, DataPage, Generated, sources};
use crate::diagnostics::SourceText;
use crate::markdown::links;
use crate::markdown::{Mode, Renderer};

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
    /// The term's or source's id, by which templates tell whether it is translated.
    id: String,
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
                title: renderer
                    .words
                    .fill("cited_by.glossary", &[("term", &term.term)]),
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
                    id: t.id.clone(),
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
                        id: id.clone(),
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
                    id: term.id.clone(),
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
    let json_ld = defined_term_set(glossary, &page_href, renderer.words);
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

fn defined_term_set(
    glossary: &Glossary,
    page_href: &str,
    words: &crate::words::Words,
) -> serde_json::Value {
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
        "name": words.get("pages.glossary.title"),
        "hasDefinedTerm": terms,
    })
}
