//! A glossary edit in the preview. While every term keeps its id and names, every page links
//! the same terms, so only the pages linking a term whose short definition changed, the
//! glossary page and (when the glossary's citations changed) the sources page are made again.

use std::collections::HashSet;

use rayon::prelude::*;

use crate::data::{CitedBy, DataKind, glossary};
use crate::markdown::Rendered;
use crate::markdown::glossary_links::{TermMatcher, TermPattern};
use crate::markdown::links::Targets;

use super::jobs::Job;
use super::site::{Site, render_page};
use super::update::{Plan, SiteFiles};

impl Site {
    /// The glossary's auto-linking patterns as the site now stands; empty without a glossary.
    pub(crate) fn term_patterns(&self) -> Vec<TermPattern> {
        self.data
            .glossary
            .as_ref()
            .map(|glossary| glossary.patterns(&self.index))
            .unwrap_or_default()
    }

    /// Applies an edit of the glossary, already read again into the site's data, whose
    /// patterns were `old` before it. `None` when the edit needs the whole site assembled
    /// again: a term added, removed, moved or renamed, a problem in the file, code in a
    /// definition, or a section index page linking an edited term.
    pub(crate) fn apply_glossary_edit(&mut self, old: &[TermPattern]) -> Option<Plan> {
        let new = self.term_patterns();
        let stale = stale_terms(old, &new)?;
        let glossary = self.data.glossary.as_ref()?;
        if !glossary.check_references(&self.index).is_empty()
            || self.generated.has_code
            || self.index_rendered.iter().any(|r| links_any(r, &stale))
        {
            return None;
        }
        if self.matcher.is_some() {
            let matcher = TermMatcher::new(new, self.config.glossary.case_sensitive).ok()?;
            self.matcher = Some(matcher);
        }
        let pages: Vec<usize> = (0..self.rendered.len())
            .filter(|&i| links_any(&self.rendered[i], &stale))
            .collect();
        let renderings: Vec<Rendered> = self.with_renderer(|renderer| {
            pages
                .par_iter()
                .map(|&i| render_page(renderer, &self.content.pages[i]))
                .collect()
        });
        if renderings.iter().any(|r| !r.diagnostics.is_empty()) {
            return None;
        }
        for (&i, rendered) in pages.iter().zip(renderings) {
            self.rendered[i] = rendered;
        }
        let generated = self.with_renderer(|renderer| {
            let glossary = self.data.glossary.as_ref()?;
            Some(glossary.generate(&self.data, renderer))
        })?;
        if !generated.diagnostics.is_empty() || generated.has_code || !generated.files.is_empty() {
            return None;
        }
        let mut jobs: Vec<Job> = pages.into_iter().map(Job::Page).collect();
        if self.replace_glossary_citations(generated.cited_by)? {
            jobs.extend(self.remake_sources_page());
        }
        for page in generated.pages {
            jobs.push(self.replace_data_page(page)?);
        }
        jobs.sort_unstable();
        Some(Plan {
            jobs,
            site_files: SiteFiles::None,
            ..Plan::default()
        })
    }

    /// Puts the glossary's citations `new` in place of its old ones, the run of the data
    /// files' citations that link into the glossary page; true when they changed. `None`
    /// when that place cannot be told: the glossary cited nothing before and does now.
    fn replace_glossary_citations(&mut self, new: Vec<CitedBy>) -> Option<bool> {
        let prefix = format!("{}#", self.index.href(glossary::PATH));
        let ours = |cited: &CitedBy| cited.href.starts_with(&prefix);
        let cited = &mut self.generated.cited_by;
        let Some(start) = cited.iter().position(ours) else {
            return new.is_empty().then_some(false);
        };
        let end = cited.iter().rposition(ours).map_or(start, |last| last + 1);
        if !cited[start..end].iter().all(ours) {
            return None;
        }
        let same = cited[start..end] == new[..];
        if !same {
            cited.splice(start..end, new);
        }
        Some(!same)
    }
}

/// True when `rendered` links one of the terms `stale`.
fn links_any(rendered: &Rendered, stale: &HashSet<&str>) -> bool {
    rendered.terms.iter().any(|id| stale.contains(id.as_str()))
}

/// The ids of the terms whose short definition or link changed from `old` to `new`; `None`
/// when a term was added, removed, moved or renamed, which may change what any page links.
fn stale_terms<'a>(old: &'a [TermPattern], new: &[TermPattern]) -> Option<HashSet<&'a str>> {
    let same_names = old.len() == new.len()
        && old
            .iter()
            .zip(new)
            .all(|(old, new)| old.id == new.id && old.names == new.names);
    same_names.then(|| {
        old.iter()
            .zip(new)
            .filter(|(old, new)| old.tip != new.tip || old.href != new.href)
            .map(|(old, _)| old.id.as_str())
            .collect()
    })
}
