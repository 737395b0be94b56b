//! The checked glossary, as the rest of the build uses it.

use std::collections::HashMap;

use serde::Serialize;

use super::PATH;
use super::input::Alias;
use crate::diagnostics::SourceText;
use crate::markdown::glossary_links::TermPattern;
use crate::markdown::links::{self, Targets};
use crate::markdown::plain::plain_text;

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
    pub(super) definition_offset: usize,
    #[serde(skip)]
    pub(super) see_also_spans: Vec<std::ops::Range<usize>>,
    #[serde(skip)]
    pub(super) source_spans: Vec<std::ops::Range<usize>>,
}

/// All terms, in file order.
#[derive(Debug, Clone)]
pub struct Glossary {
    /// The terms.
    pub terms: Vec<Term>,
    pub(super) index: HashMap<String, usize>,
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

/// The first sentence of a Markdown definition, as plain text.
pub fn short_definition(markdown: &str) -> String {
    let plain = plain_text(markdown);
    let end = plain
        .match_indices(". ")
        .map(|(i, _)| i + 1)
        .find(|&i| i >= 20)
        .unwrap_or(plain.len());
    plain[..end].trim().to_owned()
}
