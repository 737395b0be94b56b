//! What the templates get: the `/casualties/` page's data and the `casualty_summary` global.

use serde::Serialize;

use super::model::{Categories, Claim};
use super::summary::{HeadlineRow, Mark, Summary};
use crate::data::sources::Sources;
use crate::dates::PartialDate;
use crate::markdown::anchors::Anchors;
use crate::markdown::links::{self, Targets};

/// The sentence every summary carries.
pub const NOT_ADDED: &str = "Figures from different sources overlap: they may count some of the same people, by different methods, at different dates. They are never added together.";

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
}

/// A source as readers see it: its name, the side it speaks for, its entry on `/sources/`.
#[derive(Serialize)]
pub struct SourceRef {
    id: String,
    /// The source's name.
    pub name: String,
    party: Option<String>,
    href: String,
}

/// A date in its machine and human forms.
#[derive(Serialize)]
pub struct DateRef {
    iso: String,
    human: String,
}

impl From<PartialDate> for DateRef {
    fn from(date: PartialDate) -> DateRef {
        DateRef {
            iso: date.iso(),
            human: date.human(),
        }
    }
}

#[derive(Serialize)]
struct MarkView {
    words: String,
    claim: String,
    href: String,
    source: SourceRef,
    reported: DateRef,
}

/// A headline figure with its role: "Lowest", "Highest" or "Only figure".
#[derive(Serialize)]
struct RoleView {
    role: &'static str,
    mark: MarkView,
}

/// A headline row: the lowest and highest current figure of a category in a scope.
#[derive(Serialize)]
pub struct RowView {
    label: String,
    marks: Vec<RoleView>,
    undisclosed: Vec<SourceRef>,
    sources: usize,
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

/// A headline row in a line, for a collapsed summary.
fn gist(row: &RowView) -> String {
    let figures = match row.marks.as_slice() {
        [low, high] => format!("from {} to {}", low.mark.words, high.mark.words),
        [only] => only.mark.words.clone(),
        _ => "no number given".to_owned(),
    };
    let plural = if row.sources == 1 { "" } else { "s" };
    format!("{}: {figures} ({} source{plural})", row.label, row.sources)
}

impl Lookup<'_> {
    /// What readers see of a source.
    pub fn source(&self, id: &str) -> SourceRef {
        let source = self.sources.and_then(|s| s.get(id));
        SourceRef {
            id: id.to_owned(),
            name: source.map_or_else(|| id.to_owned(), |s| s.short_name.clone()),
            party: source.and_then(|s| s.party.clone()),
            href: links::anchor(self.targets, crate::data::sources::PATH, id),
        }
    }

    fn claim_href(&self, claim: &Claim) -> String {
        format!("{}#{}", self.page, claim.id)
    }

    fn mark(&self, mark: &Mark<'_>) -> MarkView {
        MarkView {
            words: mark.figure.words(),
            claim: mark.claim.id.clone(),
            href: self.claim_href(mark.claim),
            source: self.source(&mark.claim.source),
            reported: mark.claim.reported.into(),
        }
    }

    /// What readers see of a headline row.
    pub fn row(&self, row: &HeadlineRow<'_>) -> RowView {
        let marks = match (&row.low, &row.high) {
            (Some(low), Some(high)) => vec![
                RoleView {
                    role: "Lowest",
                    mark: self.mark(low),
                },
                RoleView {
                    role: "Highest",
                    mark: self.mark(high),
                },
            ],
            (Some(only), None) => vec![RoleView {
                role: "Only figure",
                mark: self.mark(only),
            }],
            _ => Vec::new(),
        };
        RowView {
            label: self.categories.label(row.category).to_owned(),
            marks,
            undisclosed: row
                .undisclosed
                .iter()
                .map(|c| self.source(&c.source))
                .collect(),
            sources: row.sources,
            as_of: row.as_of.into(),
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
                gist: rows.first().map(gist).unwrap_or_default(),
                href: format!("{}#{anchor}", lookup.page),
                rows,
            }
        })
        .collect();
    serde_json::json!({ "href": lookup.page, "note": NOT_ADDED, "scopes": scopes })
}
