//! What the claims say together, without ever adding them up: the current claims,
//! headline ranges per scope and category, comparisons for charts and revision histories.

use std::cmp::Ordering;
use std::collections::HashMap;

use super::model::{Categories, Claim, Figure, Status};
use crate::dates::PartialDate;

/// One claim's figure for one category.
#[derive(Debug, Clone, Copy)]
pub struct Mark<'a> {
    /// The claim.
    pub claim: &'a Claim,
    /// Its figure.
    pub figure: Figure,
}

/// The lowest and highest current figures of one category in one scope.
#[derive(Debug)]
pub struct HeadlineRow<'a> {
    /// The category id.
    pub category: &'a str,
    /// The lowest figure; `None` when every source withheld its number.
    pub low: Option<Mark<'a>>,
    /// The highest figure, when it is another claim's than the lowest.
    pub high: Option<Mark<'a>>,
    /// The other current figures, which lie between the lowest and the highest.
    pub others: Vec<Mark<'a>>,
    /// Current claims that gave no number.
    pub undisclosed: Vec<&'a Claim>,
    /// How many sources the row draws on.
    pub sources: usize,
    /// The latest report the row draws on.
    pub as_of: PartialDate,
}

/// One category of one scope, with each source's current figures, for a chart.
#[derive(Debug)]
pub struct Comparison<'a> {
    /// The scope.
    pub scope: &'a str,
    /// The category id.
    pub category: &'a str,
    /// One row per source, lowest first: the source id and its figures.
    pub rows: Vec<(&'a str, Vec<Mark<'a>>)>,
}

/// The figures one source gave for one category of one scope, oldest first along `supersedes`.
#[derive(Debug)]
pub struct History<'a> {
    /// The source id.
    pub source: &'a str,
    /// The category id.
    pub category: &'a str,
    /// Every report, superseded and retracted ones included.
    pub steps: Vec<Mark<'a>>,
}

/// The claims with what is known about them as a set.
pub struct Summary<'a> {
    claims: &'a [Claim],
    categories: &'a Categories,
    current: Vec<bool>,
    index: HashMap<&'a str, usize>,
}

/// Latest first: by the last day a date may stand for, then the more precise date.
fn newest_first(a: &PartialDate, b: &PartialDate) -> Ordering {
    (b.end_key(), b.precision()).cmp(&(a.end_key(), a.precision()))
}

impl<'a> Summary<'a> {
    /// Works out which claims are current: neither superseded nor retracted.
    pub fn new(claims: &'a [Claim], categories: &'a Categories) -> Summary<'a> {
        let index: HashMap<&str, usize> = claims
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let mut current: Vec<bool> = claims
            .iter()
            .map(|c| c.status != Status::Retracted)
            .collect();
        for claim in claims {
            if let Some(&earlier) = claim.supersedes.as_deref().and_then(|id| index.get(id)) {
                current[earlier] = false;
            }
        }
        Summary {
            claims,
            categories,
            current,
            index,
        }
    }

    /// The claim with this id.
    pub fn get(&self, id: &str) -> Option<&'a Claim> {
        self.index.get(id).map(|&i| &self.claims[i])
    }

    /// True when the claim feeds summaries: neither superseded nor retracted.
    pub fn is_current(&self, claim: &Claim) -> bool {
        self.index
            .get(claim.id.as_str())
            .is_some_and(|&i| self.current[i])
    }

    /// The claim that supersedes this one, if any.
    pub fn superseded_by(&self, claim: &Claim) -> Option<&'a Claim> {
        self.claims
            .iter()
            .find(|c| c.supersedes.as_deref() == Some(claim.id.as_str()))
    }

    /// The scopes, in the order the file first names them.
    pub fn scopes(&self) -> Vec<&'a str> {
        let mut scopes: Vec<&str> = Vec::new();
        for claim in self.claims {
            if !scopes.contains(&claim.scope.as_str()) {
                scopes.push(&claim.scope);
            }
        }
        scopes
    }

    /// The claims of a scope, newest first (file order reversed on the same date).
    pub fn claims_newest_first(&self, scope: &str) -> Vec<&'a Claim> {
        let mut list: Vec<(usize, &Claim)> = self
            .claims
            .iter()
            .enumerate()
            .filter(|(_, c)| c.scope == scope)
            .collect();
        list.sort_by(|(i, a), (j, b)| newest_first(&a.reported, &b.reported).then(j.cmp(i)));
        list.into_iter().map(|(_, c)| c).collect()
    }

    /// The categories any claim of `scope` uses, in display order.
    pub fn categories_of(&self, scope: &str) -> Vec<&'a str> {
        self.categories
            .list
            .iter()
            .map(|c| c.id.as_str())
            .filter(|id| {
                self.claims
                    .iter()
                    .any(|c| c.scope == scope && c.figure(id).is_some())
            })
            .collect()
    }

    /// The current figures of a category in a scope, in file order.
    fn current_marks(&self, scope: &str, category: &str) -> Vec<Mark<'a>> {
        self.claims
            .iter()
            .zip(&self.current)
            .filter(|(claim, current)| **current && claim.scope == scope)
            .filter_map(|(claim, _)| {
                Some(Mark {
                    claim,
                    figure: *claim.figure(category)?,
                })
            })
            .collect()
    }

    /// The headline rows of a scope: per category, the lowest and highest current figure.
    pub fn headline(&self, scope: &str) -> Vec<HeadlineRow<'a>> {
        self.categories_of(scope)
            .into_iter()
            .filter_map(|category| {
                let marks = self.current_marks(scope, category);
                let as_of = marks
                    .iter()
                    .map(|m| m.claim.reported)
                    .min_by(newest_first)?;
                let (disclosed, withheld): (Vec<Mark>, Vec<Mark>) =
                    marks.iter().partition(|m| m.figure.bounds().is_some());
                let low = disclosed
                    .iter()
                    .copied()
                    .min_by_key(|m| m.figure.bounds().map(|b| b.0));
                // On a tie the lowest is the first claim in the file and the highest the last, so that both show.
                let high = disclosed
                    .iter()
                    .copied()
                    .max_by_key(|m| m.figure.bounds().map(|b| b.1));
                let high = high.filter(|h| low.is_none_or(|l| l.claim.id != h.claim.id));
                let shown = |m: &Mark| {
                    [low, high]
                        .iter()
                        .flatten()
                        .any(|s| s.claim.id == m.claim.id)
                };
                let others = disclosed.iter().copied().filter(|m| !shown(m)).collect();
                let mut sources: Vec<&str> =
                    marks.iter().map(|m| m.claim.source.as_str()).collect();
                sources.sort_unstable();
                sources.dedup();
                Some(HeadlineRow {
                    category,
                    high,
                    low,
                    others,
                    undisclosed: withheld.into_iter().map(|m| m.claim).collect(),
                    sources: sources.len(),
                    as_of,
                })
            })
            .collect()
    }

    /// The categories of a scope that at least two sources gave numbers for, each source's figures lowest first.
    pub fn comparisons(&self, scope: &'a str) -> Vec<Comparison<'a>> {
        self.categories_of(scope)
            .into_iter()
            .filter_map(|category| {
                let mut rows: Vec<(&str, Vec<Mark>)> = Vec::new();
                for mark in self
                    .current_marks(scope, category)
                    .into_iter()
                    .filter(|m| m.figure.bounds().is_some())
                {
                    match rows
                        .iter_mut()
                        .find(|(source, _)| *source == mark.claim.source)
                    {
                        Some((_, marks)) => marks.push(mark),
                        None => rows.push((&mark.claim.source, vec![mark])),
                    }
                }
                let low = |marks: &[Mark]| {
                    marks
                        .iter()
                        .filter_map(|m| m.figure.bounds())
                        .map(|b| b.0)
                        .min()
                };
                rows.sort_by_key(|(_, marks)| low(marks));
                (rows.len() >= 2).then_some(Comparison {
                    scope,
                    category,
                    rows,
                })
            })
            .collect()
    }

    /// For each source, scope and category with more than one report, the reports in revision order.
    pub fn histories(&self, scope: &'a str) -> Vec<History<'a>> {
        let mut sources: Vec<&str> = Vec::new();
        for claim in self.claims.iter().filter(|c| c.scope == scope) {
            if !sources.contains(&claim.source.as_str()) {
                sources.push(&claim.source);
            }
        }
        let mut histories = Vec::new();
        for source in sources {
            for category in self.categories_of(scope) {
                let mut steps: Vec<(usize, Mark)> = self
                    .claims
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.scope == scope && c.source == source)
                    .filter_map(|(i, claim)| {
                        Some((
                            i,
                            Mark {
                                claim,
                                figure: *claim.figure(category)?,
                            },
                        ))
                    })
                    .collect();
                if steps.len() < 2 {
                    continue;
                }
                steps.sort_by(|(i, _), (j, _)| self.chain_order(*i, *j));
                histories.push(History {
                    source,
                    category,
                    steps: steps.into_iter().map(|(_, m)| m).collect(),
                });
            }
        }
        histories
    }

    /// The first claim of a claim's `supersedes` chain, and how many revisions it is down the chain.
    fn root(&self, mut index: usize) -> (usize, usize) {
        let mut depth = 0;
        while let Some(&earlier) = self.claims[index]
            .supersedes
            .as_deref()
            .and_then(|id| self.index.get(id))
        {
            if depth >= self.claims.len() {
                break;
            }
            index = earlier;
            depth += 1;
        }
        (index, depth)
    }

    /// Revision order: chains by the date of their first claim, then down each chain.
    fn chain_order(&self, a: usize, b: usize) -> Ordering {
        let ((root_a, depth_a), (root_b, depth_b)) = (self.root(a), self.root(b));
        let (date_a, date_b) = (&self.claims[root_a].reported, &self.claims[root_b].reported);
        newest_first(date_b, date_a)
            .then(root_a.cmp(&root_b))
            .then(depth_a.cmp(&depth_b))
    }
}
