//! Checking a glossary file record by record into the model.

use std::collections::HashMap;

use toml::Spanned;

use super::input::{Alias, RawAlias, RawTerm};
use super::model::{Glossary, Term};
use crate::data::{ID_HELP, file, is_valid_id};
use crate::diagnostics::{Collector, Diagnostics, SourceText};

/// Checks the text of a glossary file, already read.
pub fn parse(source: SourceText) -> Result<Glossary, Diagnostics> {
    let records = file::parse_records::<RawTerm>(&source, "term")?;
    let mut problems = Collector::default();
    problems.extend(records.problems);
    let mut terms: Vec<Term> = Vec::new();
    let mut index = HashMap::new();
    let mut names: HashMap<String, String> = HashMap::new();
    let mut ids = file::FirstIds::default();
    for item in records.records {
        let id = item.id.get_ref().clone();
        if !is_valid_id(&id) {
            problems.push(
                file::error_at(&source, item.id.span(), format!("invalid term id {id:?}"))
                    .with_help(ID_HELP),
            );
        }
        let at = item.id.span().start;
        if let Some(duplicate) = ids.check(&source, &id, at, format!("duplicate term id `{id}`")) {
            problems.push(duplicate.with_help("each [[term]] needs its own id"));
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
