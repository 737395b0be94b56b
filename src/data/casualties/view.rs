//! What the templates get: the `/casualties/` page's data and the `casualty_summary` global.

use serde::Serialize;

use super::model::{Categories, Claim};
use super::summary::{HeadlineRow, Mark, Summary};
use crate::data::affiliation::Affiliation;
use crate::data::sources::Sources;
use crate::dates::PartialDate;
use crate::markdown::anchors::Anchors;
use crate::markdown::links::{self, Targets};
use crate::words::Words;

/// Looks up what readers see of sources and links.
pub struct Lookup<'a> {
    /// The sources registry, when the site has one.
    pub sources: Option<&'a Sources>,
    /// Link resolution.
    pub targets: &'a dyn Targets,
    /// The categories and their labels.
    pub categories: &'a Categories,
    /// The casualties page's link.
    pub page: String,
    /// The words of the interface.
    pub words: &'a Words,
}

/// A source as readers see it: its name, whose voice it is, its entry on `/sources/`.
#[derive(Serialize)]
pub struct SourceRef {
    id: String,
    /// The source's name.
    pub name: String,
    affiliation: Option<Affiliation>,
    href: String,
}

/// A date in its machine and human forms.
#[derive(Serialize)]
pub struct DateRef {
    iso: String,
    human: String,
}

#[derive(Serialize)]
struct MarkView {
    words: String,
    claim: String,
    href: String,
    source: SourceRef,
    reported: DateRef,
}

/// A headline figure with its role: "Lowest", "Highest", "Only figure" (one figure in all),
/// "Lowest and highest" (one claim gives both ends, such as a range) or "Within that range".
/// Templates may word the roles by their `kind`: `lowest`, `highest`, `only`, `both`, `within`.
#[derive(Serialize)]
struct RoleView {
    role: String,
    kind: &'static str,
    mark: MarkView,
}

/// A headline row: the lowest and highest current figure of a category in a scope.
#[derive(Serialize)]
pub struct RowView {
    /// The category's id.
    category: String,
    label: String,
    marks: Vec<RoleView>,
    undisclosed: Vec<SourceRef>,
    sources: usize,
    /// How many of the sources gave a number.
    sources_with_figures: usize,
    as_of: DateRef,
}

#[derive(Serialize)]
struct ScopeSummaryView {
    title: String,
    /// The first row in a line: "Killed: from at least 200 to 223 (3 sources)".
    gist: String,
    href: String,
    rows: Vec<RowView>,
}

/// A scope in a line, for a collapsed summary: its first row, and when that row is a part of
/// a whole that no row gives (soldiers and civilians killed, without a total), the other parts
/// of that whole too, so that the line does not show one part as if it were all.
fn scope_gist(rows: &[RowView], categories: &Categories, words: &Words) -> String {
    let Some(first) = rows.first() else {
        return String::new();
    };
    let whole = categories
        .list
        .iter()
        .find(|c| c.id == first.category)
        .and_then(|c| c.part_of.as_deref());
    let Some(whole) = whole.filter(|w| !rows.iter().any(|r| r.category == *w)) else {
        return gist(first, words);
    };
    let parts: Vec<String> = rows
        .iter()
        .filter(|row| {
            categories
                .list
                .iter()
                .any(|c| c.id == row.category && c.part_of.as_deref() == Some(whole))
        })
        .map(|row| gist(row, words))
        .collect();
    parts.join("; ")
}

/// A headline row in a line, for a collapsed summary.
fn gist(row: &RowView, words: &Words) -> String {
    let figures = match row.marks.as_slice() {
        [] => words.get("casualties.no_number").to_owned(),
        [only] => only.mark.words.clone(),
        [low, rest @ ..] if low.kind == "lowest" => {
            let high = rest.first().map_or("", |h| h.mark.words.as_str());
            words.fill(
                "casualties.gist.range",
                &[("low", &low.mark.words), ("high", high)],
            )
        }
        [both, ..] => both.mark.words.clone(),
    };
    let sources = |n: u64| {
        words.fill(
            &words.plural_key("casualties.gist.sources", n),
            &[("n", &words.number(n))],
        )
    };
    let count = |n: usize| u64::try_from(n).unwrap_or(u64::MAX);
    let with = count(row.sources_with_figures);
    let without = count(row.sources - row.sources_with_figures);
    let counted = match (with, without) {
        (0, n) | (n, 0) => sources(n),
        (n, m) => words.fill(
            "casualties.gist.some_without",
            &[("sources", &sources(n)), ("without", &words.number(m))],
        ),
    };
    words.fill(
        "casualties.gist.line",
        &[
            ("label", &row.label),
            ("figures", &figures),
            ("counted", &counted),
        ],
    )
}

impl Lookup<'_> {
    /// A date in its machine form and in the words' language.
    pub fn date(&self, date: PartialDate) -> DateRef {
        DateRef {
            iso: date.iso(),
            human: self.words.date(&date),
        }
    }

    /// What readers see of a source.
    pub fn source(&self, id: &str) -> SourceRef {
        let source = self.sources.and_then(|s| s.get(id));
        SourceRef {
            id: id.to_owned(),
            name: source.map_or_else(|| id.to_owned(), |s| s.short_name.clone()),
            affiliation: source.map(|s| s.affiliation.clone()),
            href: links::anchor(self.targets, crate::data::sources::PATH, id),
        }
    }

    fn claim_href(&self, claim: &Claim) -> String {
        format!("{}#{}", self.page, claim.id)
    }

    fn mark(&self, mark: &Mark<'_>) -> MarkView {
        MarkView {
            words: mark.figure.words(self.words),
            claim: mark.claim.id.clone(),
            href: self.claim_href(mark.claim),
            source: self.source(&mark.claim.source),
            reported: self.date(mark.claim.reported),
        }
    }

    /// What readers see of a headline row.
    pub fn row(&self, row: &HeadlineRow<'_>) -> RowView {
        let role = |kind: &'static str, mark: &Mark<'_>| RoleView {
            role: self
                .words
                .get(&format!("casualties.roles.{kind}"))
                .to_owned(),
            kind,
            mark: self.mark(mark),
        };
        let mut marks = match (&row.low, &row.high) {
            (Some(low), Some(high)) => vec![role("lowest", low), role("highest", high)],
            (Some(only), None) if row.others.is_empty() => {
                vec![role("only", only)]
            }
            (Some(both), None) => vec![role("both", both)],
            _ => Vec::new(),
        };
        if row.high.is_none() {
            marks.extend(row.others.iter().map(|m| role("within", m)));
        }
        let mut with_figures: Vec<&str> = row
            .low
            .iter()
            .chain(&row.high)
            .chain(&row.others)
            .map(|m| m.claim.source.as_str())
            .collect();
        with_figures.sort_unstable();
        with_figures.dedup();
        RowView {
            category: row.category.to_owned(),
            label: self.categories.label(row.category, self.words).to_owned(),
            marks,
            undisclosed: row
                .undisclosed
                .iter()
                .map(|c| self.source(&c.source))
                .collect(),
            sources: row.sources,
            sources_with_figures: with_figures.len(),
            as_of: self.date(row.as_of),
        }
    }
}

/// Unique anchors for the scopes, never clashing with claim ids.
pub fn scope_anchors(summary: &Summary<'_>, claims: &[Claim]) -> Vec<String> {
    let mut anchors = Anchors::default();
    for claim in claims {
        anchors.unique(claim.id.clone());
    }
    summary
        .scopes()
        .iter()
        .map(|scope| anchors.id_for(&format!("scope {scope}")))
        .collect()
}

/// The `casualty_summary` global: headline ranges per scope, with a link to the page.
pub fn global(claims: &[Claim], lookup: &Lookup<'_>) -> serde_json::Value {
    let summary = Summary::new(claims, lookup.categories);
    let anchors = scope_anchors(&summary, claims);
    let scopes: Vec<ScopeSummaryView> = summary
        .scopes()
        .into_iter()
        .zip(anchors)
        .map(|(scope, anchor)| {
            let rows: Vec<RowView> = summary
                .headline(scope)
                .iter()
                .map(|r| lookup.row(r))
                .collect();
            ScopeSummaryView {
                title: scope.to_owned(),
                gist: scope_gist(&rows, lookup.categories, lookup.words),
                href: format!("{}#{anchor}", lookup.page),
                rows,
            }
        })
        .collect();
    let note = lookup.words.get("casualties.not_added");
    serde_json::json!({ "href": lookup.page, "note": note, "scopes": scopes })
}
