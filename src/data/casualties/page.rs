//! The `/casualties/` page's data: per scope, the headline, charts, every claim and the histories.

use crate::data::keyword::Keyword;
use serde::Serialize;

use super::chart::{self, ChartRow};
use super::model::{Claim, Status};
use super::summary::{Comparison, History, Summary};
use super::view::{DateRef, Lookup, RowView, SourceRef, scope_anchors};
use crate::markdown::links;

#[derive(Serialize)]
struct ClaimRef {
    id: String,
    href: String,
    /// "Source name, date".
    label: String,
    /// The date alone, for claims of the same source.
    date: String,
}

#[derive(Serialize)]
struct Cell {
    category: String,
    words: Option<String>,
}

#[derive(Serialize)]
struct ClaimView {
    id: String,
    source: SourceRef,
    reported_by: Vec<SourceRef>,
    reported: DateRef,
    period: Option<String>,
    event: Option<String>,
    event_href: Option<String>,
    wording: Option<String>,
    status: &'static str,
    state: &'static str,
    supersedes: Option<ClaimRef>,
    superseded_by: Option<ClaimRef>,
    overlaps: Vec<ClaimRef>,
    excludes: Option<String>,
    notes: Option<String>,
    cells: Vec<Cell>,
}

#[derive(Serialize)]
struct ChartView {
    id: String,
    label: String,
    drawing: chart::Drawing,
    rows: Vec<ChartRowView>,
}

#[derive(Serialize)]
struct ChartRowView {
    source: SourceRef,
    figures: String,
    reported: String,
}

#[derive(Serialize)]
struct StepView {
    claim: ClaimRef,
    words: String,
    reported: DateRef,
    status: &'static str,
    state: &'static str,
    revises: Option<ClaimRef>,
}

#[derive(Serialize)]
struct HistoryView {
    source: SourceRef,
    label: String,
    steps: Vec<StepView>,
}

#[derive(Serialize)]
struct ScopeView {
    anchor: String,
    title: String,
    headline: Vec<RowView>,
    charts: Vec<ChartView>,
    categories: Vec<String>,
    claims: Vec<ClaimView>,
    histories: Vec<HistoryView>,
}

#[derive(Serialize)]
struct Downloads {
    json: String,
    csv: String,
}

#[derive(Serialize)]
struct PageData {
    count: usize,
    not_added: String,
    scopes: Vec<ScopeView>,
    downloads: Downloads,
}

/// The `/casualties/` page's data.
pub fn page(claims: &[Claim], lookup: &Lookup<'_>) -> tera::Value {
    let summary = Summary::new(claims, lookup.categories);
    let anchors = scope_anchors(&summary, claims);
    let scopes: Vec<ScopeView> = summary
        .scopes()
        .into_iter()
        .zip(anchors)
        .map(|(scope, anchor)| {
            let categories = summary.categories_of(scope);
            ScopeView {
                title: scope.to_owned(),
                headline: summary
                    .headline(scope)
                    .iter()
                    .map(|r| lookup.row(r))
                    .collect(),
                charts: summary
                    .comparisons(scope)
                    .iter()
                    .map(|c| chart_view(c, &anchor, lookup))
                    .collect(),
                categories: categories
                    .iter()
                    .map(|c| lookup.categories.label(c, lookup.words).to_owned())
                    .collect(),
                claims: summary
                    .claims_newest_first(scope)
                    .into_iter()
                    .map(|c| claim_view(c, &categories, &summary, lookup))
                    .collect(),
                histories: summary
                    .histories(scope)
                    .iter()
                    .map(|h| history_view(h, &summary, lookup))
                    .collect(),
                anchor,
            }
        })
        .collect();
    tera::Value::from_serializable(&PageData {
        count: claims.len(),
        not_added: lookup.words.get("casualties.not_added").to_owned(),
        scopes,
        downloads: Downloads {
            json: format!("{}casualties.json", lookup.page),
            csv: format!("{}casualties.csv", lookup.page),
        },
    })
}

/// "current", "superseded" or "retracted": whether a claim feeds the summaries, and why not.
fn state(claim: &Claim, summary: &Summary<'_>) -> &'static str {
    if claim.status == Status::Retracted {
        "retracted"
    } else if summary.is_current(claim) {
        "current"
    } else {
        "superseded"
    }
}

fn claim_ref(claim: &Claim, lookup: &Lookup<'_>) -> ClaimRef {
    let source = lookup.source(&claim.source);
    let date = lookup.words.date(&claim.reported);
    ClaimRef {
        id: claim.id.clone(),
        href: format!("#{}", claim.id),
        label: format!("{}, {date}", source.name),
        date,
    }
}

fn claim_view(
    claim: &Claim,
    categories: &[&str],
    summary: &Summary<'_>,
    lookup: &Lookup<'_>,
) -> ClaimView {
    let related = |id: &Option<String>| {
        id.as_deref()
            .and_then(|id| summary.get(id))
            .map(|c| claim_ref(c, lookup))
    };
    ClaimView {
        id: claim.id.clone(),
        source: lookup.source(&claim.source),
        reported_by: claim
            .reported_by
            .iter()
            .map(|id| lookup.source(id))
            .collect(),
        reported: lookup.date(claim.reported),
        period: claim.period.clone(),
        event: claim.event.clone(),
        event_href: claim
            .event
            .as_deref()
            .map(|id| links::anchor(lookup.targets, crate::data::timeline::PATH, id)),
        wording: claim.wording.clone(),
        status: claim.status.name(),
        state: state(claim, summary),
        supersedes: related(&claim.supersedes),
        superseded_by: summary.superseded_by(claim).map(|c| claim_ref(c, lookup)),
        overlaps: claim
            .overlaps
            .iter()
            .filter_map(|id| summary.get(id))
            .map(|c| claim_ref(c, lookup))
            .collect(),
        excludes: claim.excludes.clone(),
        notes: claim.notes.clone(),
        cells: categories
            .iter()
            .map(|c| Cell {
                category: lookup.categories.label(c, lookup.words).to_owned(),
                words: claim.figure(c).map(|f| f.words(lookup.words)),
            })
            .collect(),
    }
}

fn chart_view(comparison: &Comparison<'_>, scope_anchor: &str, lookup: &Lookup<'_>) -> ChartView {
    let label = lookup
        .categories
        .label(comparison.category, lookup.words)
        .to_owned();
    let id = format!("chart-{scope_anchor}-{}", comparison.category);
    let rows: Vec<ChartRowView> = comparison
        .rows
        .iter()
        .map(|(source, marks)| ChartRowView {
            source: lookup.source(source),
            figures: marks
                .iter()
                .map(|m| m.figure.words(lookup.words))
                .collect::<Vec<_>>()
                .join("; "),
            reported: marks
                .iter()
                .map(|m| lookup.words.date(&m.claim.reported))
                .collect::<Vec<_>>()
                .join("; "),
        })
        .collect();
    let described: Vec<String> = rows
        .iter()
        .map(|r| format!("{}: {} ({})", r.source.name, r.figures, r.reported))
        .collect();
    let title = lookup.words.fill(
        "casualties.chart.title",
        &[("category", &label), ("scope", comparison.scope)],
    );
    let description = format!(
        "{}. {}",
        described.join("; "),
        lookup.words.get("casualties.not_added")
    );
    let chart_rows: Vec<ChartRow> = comparison
        .rows
        .iter()
        .zip(&rows)
        .map(|((_, marks), row)| ChartRow {
            label: row.source.name.clone(),
            figures: marks.iter().map(|m| m.figure).collect(),
        })
        .collect();
    ChartView {
        drawing: chart::layout(&title, &description, &chart_rows, lookup.words),
        id,
        label,
        rows,
    }
}

fn history_view(history: &History<'_>, summary: &Summary<'_>, lookup: &Lookup<'_>) -> HistoryView {
    let steps = history
        .steps
        .iter()
        .map(|step| StepView {
            claim: claim_ref(step.claim, lookup),
            words: step.figure.words(lookup.words),
            reported: lookup.date(step.claim.reported),
            status: step.claim.status.name(),
            state: state(step.claim, summary),
            revises: step
                .claim
                .supersedes
                .as_deref()
                .and_then(|id| summary.get(id))
                .map(|c| claim_ref(c, lookup)),
        })
        .collect();
    HistoryView {
        source: lookup.source(history.source),
        label: lookup
            .categories
            .label(history.category, lookup.words)
            .to_owned(),
        steps,
    }
}
