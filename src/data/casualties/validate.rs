//! Checking drafts into claims: ids, dates, statuses, figures, revisions and overlaps,
//! every problem reported with its place.

use crate::data::keyword::Keyword;
use std::collections::{HashMap, HashSet};

use super::figures::{check_parts, figure};
use super::input::{At, DraftClaim, Drafts, Loc};
use super::model::{Categories, CategoryFigure, Claim, Status};
use crate::data::{ID_HELP, is_valid_id};
use crate::diagnostics::{Collector, Diagnostics, SourceText};
use crate::suggest;

/// Where a checked claim's references to other data files were written.
#[derive(Debug, Clone)]
pub struct Refs {
    /// `source`.
    pub source: Loc,
    /// Each of `reported_by`.
    pub reported_by: Vec<Loc>,
    /// `event`.
    pub event: Option<Loc>,
}

/// Checks every draft, reporting all problems together with those found while reading the file.
pub fn check(
    file: &SourceText,
    drafts: Drafts,
    categories: &Categories,
) -> Result<(Vec<Claim>, Vec<Refs>), Diagnostics> {
    let Drafts {
        claims: drafts,
        unreadable,
        mut problems,
    } = drafts;
    let owners = owners(file, &drafts, &mut problems);
    let known = Known {
        owners: &owners,
        unreadable: &unreadable,
    };
    check_links(file, &drafts, &known, &mut problems);
    let first: Vec<bool> = drafts
        .iter()
        .enumerate()
        .map(|(i, d)| {
            owners
                .get(d.id.value.as_str())
                .is_some_and(|(at, _)| *at == i)
        })
        .collect();
    let mut claims = Vec::new();
    let mut refs = Vec::new();
    for (draft, first) in drafts.into_iter().zip(first) {
        if first && let Some((claim, claim_refs)) = claim(file, draft, categories, &mut problems) {
            claims.push(claim);
            refs.push(claim_refs);
        }
    }
    problems.into_result()?;
    Ok((claims, refs))
}

/// Each claim id with the index of its first draft and its source; reports bad and duplicate ids.
fn owners<'a>(
    file: &SourceText,
    drafts: &'a [DraftClaim],
    problems: &mut Collector,
) -> HashMap<&'a str, (usize, &'a str)> {
    let mut owners: HashMap<&str, (usize, &str)> = HashMap::new();
    for (index, draft) in drafts.iter().enumerate() {
        let id = &draft.id;
        if !is_valid_id(&id.value) {
            problems.push(
                id.loc
                    .error(file, format!("invalid claim id {:?}", id.value))
                    .with_help(ID_HELP),
            );
        }
        if let Some(&(first, _)) = owners.get(id.value.as_str()) {
            problems.push(
                id.loc
                    .error(file, format!("duplicate claim id `{}`", id.value))
                    .also_at(file, drafts[first].id.loc.offset(), "first defined here")
                    .with_help("each claim needs its own id"),
            );
        } else {
            owners.insert(id.value.as_str(), (index, draft.source.value.as_str()));
        }
    }
    owners
}

/// The claims `supersedes` and `overlaps` may name.
struct Known<'a> {
    /// Each claim read, with the index of its first draft and its source.
    owners: &'a HashMap<&'a str, (usize, &'a str)>,
    /// Claims that could not be read: their own errors are reported already.
    unreadable: &'a HashSet<String>,
}

impl Known<'_> {
    /// The error for a name that is no claim of the file, with the nearest ids; `None`
    /// when it names a claim, readable or not.
    fn unknown(&self, key: &str, name: &str) -> Option<(String, String)> {
        if self.owners.contains_key(name) || self.unreadable.contains(name) {
            return None;
        }
        let near = suggest::nearest(name, self.owners.keys().copied());
        let help = suggest::question(&near)
            .unwrap_or_else(|| "give the id of a claim in this file".to_owned());
        Some((format!("`{key}` names unknown claim `{name}`"), help))
    }
}

/// `supersedes` and `overlaps`: known ids, the same source, one linear chain of revisions.
fn check_links(
    file: &SourceText,
    drafts: &[DraftClaim],
    known: &Known<'_>,
    problems: &mut Collector,
) {
    let owners = known.owners;
    let mut superseded_by: HashMap<&str, &str> = HashMap::new();
    for draft in drafts {
        let id = draft.id.value.as_str();
        if let Some(target) = &draft.supersedes {
            let name = target.value.as_str();
            match owners.get(name) {
                None => {
                    if let Some((message, help)) = known.unknown("supersedes", name) {
                        problems.push(target.loc.error(file, message).with_help(help));
                    }
                }
                Some(_) if name == id => problems.push(target.loc.error(file, "a claim cannot supersede itself").with_help("name the earlier claim it revises, or remove `supersedes`")),
                Some((_, source)) if *source != draft.source.value => problems.push(
                    target.loc.error(file, format!("`supersedes` names `{name}`, a claim of `{source}`, not of `{}`", draft.source.value))
                        .with_help("a claim only revises its own source's claims; link claims of different sources with `overlaps`"),
                ),
                Some(&(index, _)) if drafts[index].scope.value != draft.scope.value => problems.push(
                    target.loc.error(file, format!("`supersedes` names `{name}`, a claim about {:?}, not {:?}", drafts[index].scope.value, draft.scope.value))
                        .with_help("a revision counts the same people as the claim it replaces: give both the same `scope`"),
                ),
                Some(_) => {
                    if let Some(other) = superseded_by.insert(name, id) {
                        problems.push(target.loc.error(file, format!("`{name}` is already superseded by `{other}`"))
                            .with_help(format!("revisions form one chain: make this claim supersede `{other}`, or `{other}` supersede this one")));
                    }
                }
            }
        }
        for overlap in &draft.overlaps {
            if let Some((message, help)) = known.unknown("overlaps", &overlap.value) {
                problems.push(overlap.loc.error(file, message).with_help(help));
            } else if overlap.value == id {
                problems.push(
                    overlap
                        .loc
                        .error(file, "a claim cannot overlap itself")
                        .with_help("remove its own id from `overlaps`"),
                );
            }
        }
    }
    let supersedes: HashMap<&str, &At<String>> = drafts
        .iter()
        .filter_map(|d| Some((d.id.value.as_str(), d.supersedes.as_ref()?)))
        .collect();
    for (&start, target) in &supersedes {
        let mut current = target.value.as_str();
        for _ in 0..drafts.len() {
            if current == start {
                problems.push(
                    target
                        .loc
                        .error(
                            file,
                            format!("the `supersedes` chain of `{start}` comes back to it"),
                        )
                        .with_help("a revision supersedes an earlier claim, never a later one"),
                );
                break;
            }
            match supersedes.get(current) {
                Some(next) => current = next.value.as_str(),
                None => break,
            }
        }
    }
}

fn claim(
    file: &SourceText,
    draft: DraftClaim,
    categories: &Categories,
    problems: &mut Collector,
) -> Option<(Claim, Refs)> {
    let reported = draft
        .reported
        .value
        .parse()
        .map_err(|message| problems.push(draft.reported.loc.error(file, message.to_string()).with_help("give the date the source made the claim, to the precision known: \"2023\", \"2023-09\" or \"2023-09-20\"")))
        .ok();
    let status = match &draft.status {
        None => Some(Status::Claimed),
        Some(status) => Status::parse_or_help(&status.value)
            .map_err(|help| {
                problems.push(
                    status
                        .loc
                        .error(file, format!("unknown status {:?}", status.value))
                        .with_help(help),
                );
            })
            .ok(),
    };
    if draft.scope.value.trim().is_empty() {
        problems.push(draft.scope.loc.error(file, "`scope` is empty").with_help("say what the claim counts, such as \"Offensive of 19-20 September 2023: ethnic Armenian side\""));
    }
    if draft.figures.is_empty() {
        problems.push(
            draft
                .figures_loc
                .error(file, format!("claim `{}` has no figures", draft.id.value))
                .with_help("give at least one figure, such as killed = 200"),
        );
    }
    let count = draft.figures.len();
    let mut figures: Vec<(CategoryFigure, Loc)> = draft
        .figures
        .into_iter()
        .filter_map(|f| figure(file, f, categories, problems))
        .collect();
    figures.sort_by_key(|(f, _)| categories.position(&f.category));
    check_parts(file, &figures, categories, problems);
    if figures.len() != count {
        return None;
    }
    let refs = Refs {
        source: draft.source.loc,
        reported_by: draft.reported_by.iter().map(|r| r.loc).collect(),
        event: draft.event.as_ref().map(|e| e.loc),
    };
    let values = |list: Vec<At<String>>| list.into_iter().map(|a| a.value).collect();
    let claim = Claim {
        id: draft.id.value,
        source: draft.source.value,
        reported_by: values(draft.reported_by),
        reported: reported?,
        scope: draft.scope.value,
        period: draft.period,
        event: draft.event.map(|e| e.value),
        wording: draft.wording,
        status: status?,
        supersedes: draft.supersedes.map(|s| s.value),
        overlaps: values(draft.overlaps),
        excludes: draft.excludes,
        notes: draft.notes,
        figures: figures.into_iter().map(|(f, _)| f).collect(),
    };
    Some((claim, refs))
}
