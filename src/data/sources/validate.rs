//! Checking a sources file record by record into the model.

use toml::Spanned;

use super::input::RawSource;
use super::model::{KINDS, Source, Sources};
use crate::data::affiliation::{self, Written};
use crate::data::{ID_HELP, file, is_valid_id};
use crate::dates::DateInput;
use crate::diagnostics::{Collector, Diagnostics, SourceText};

/// Checks the text of a sources file, already read.
pub fn parse(source: SourceText) -> Result<Sources, Diagnostics> {
    let records = file::parse_records::<RawSource>(&source, "source")?;
    let mut problems = Collector::default();
    problems.extend(records.problems);
    let mut sources = Sources::default();
    let mut ids = file::FirstIds::default();
    for item in records.records {
        let id = item.id.get_ref().clone();
        if !is_valid_id(&id) {
            problems.push(
                file::error_at(&source, item.id.span(), format!("invalid source id {id:?}"))
                    .with_help(ID_HELP),
            );
        }
        let at = item.id.span().start;
        if let Some(duplicate) = ids.check(&source, &id, at, format!("duplicate source id `{id}`"))
        {
            problems.push(duplicate.with_help("each [[source]] needs its own id"));
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
                    problems.push(file::error_at(&source, d.span(), message.to_string()));
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
