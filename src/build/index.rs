//! What link resolution needs to know of the whole site: pages, sources, terms and events.

use std::collections::{HashMap, HashSet};

use crate::config::BaseUrl;
use crate::content::Page;
use crate::data::Failed;
use crate::markdown::links::Targets;

/// The site's link targets, built once after loading and shared by every render.
#[derive(Debug, Default)]
pub struct SiteIndex {
    pages: HashMap<String, String>,
    titles: HashMap<String, String>,
    sources: HashSet<String>,
    terms: HashSet<String>,
    events: HashSet<String>,
    generated: HashSet<String>,
    base_path: String,
    failed_pages: HashSet<String>,
    failed: Failed,
}

impl SiteIndex {
    /// Indexes the pages and the ids of the data files.
    pub fn new<'a>(
        base: &BaseUrl,
        pages: &[Page],
        sources: impl Iterator<Item = &'a str>,
        terms: impl Iterator<Item = &'a str>,
        events: impl Iterator<Item = &'a str>,
    ) -> SiteIndex {
        SiteIndex {
            pages: pages
                .iter()
                .map(|p| (p.content_path.clone(), p.url.clone()))
                .collect(),
            titles: pages
                .iter()
                .map(|p| (p.content_path.clone(), p.meta.title.clone()))
                .collect(),
            sources: sources.map(str::to_owned).collect(),
            terms: terms.map(str::to_owned).collect(),
            events: events.map(str::to_owned).collect(),
            generated: HashSet::new(),
            base_path: base.path.clone(),
            failed_pages: HashSet::new(),
            failed: Failed::default(),
        }
    }

    /// Adds the site paths of the pages the build makes from data, such as `/timeline/`.
    pub fn generating(mut self, paths: impl Iterator<Item = String>) -> SiteIndex {
        self.generated = paths.collect();
        self
    }

    /// Adds pages that are not pages of their own but section index pages of pages made from
    /// data: `@/timeline.md` links to `/timeline/`.
    pub fn indexing(mut self, pages: &[Page]) -> SiteIndex {
        for page in pages {
            self.pages
                .insert(page.content_path.clone(), page.url.clone());
            self.titles
                .insert(page.content_path.clone(), page.meta.title.clone());
        }
        self
    }

    /// Accepts links to pages and data files that failed to load: their own errors are reported already.
    pub fn tolerating(mut self, pages: &[String], failed: Failed) -> SiteIndex {
        self.failed_pages = pages.iter().cloned().collect();
        self.failed = failed;
        self
    }
}

impl Targets for SiteIndex {
    fn page_url(&self, content_path: &str) -> Option<&str> {
        let failed = || self.failed_pages.contains(content_path).then_some("/");
        self.pages
            .get(content_path)
            .map(String::as_str)
            .or_else(failed)
    }
    fn page_title(&self, content_path: &str) -> Option<&str> {
        self.titles.get(content_path).map(String::as_str)
    }
    fn has_source(&self, id: &str) -> bool {
        self.failed.sources || self.sources.contains(id)
    }
    fn has_term(&self, id: &str) -> bool {
        self.failed.glossary || self.terms.contains(id)
    }
    fn has_event(&self, id: &str) -> bool {
        self.failed.timeline || self.events.contains(id)
    }
    fn has_generated(&self, site_path: &str) -> bool {
        let failed = self.failed.sources || self.failed.glossary || self.failed.timeline;
        failed || self.generated.contains(site_path)
    }
    fn href(&self, site_path: &str) -> String {
        [self.base_path.as_str(), site_path].concat()
    }
}
