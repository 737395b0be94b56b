//! What link resolution needs to know of the whole site: its pages and the ids of every
//! registered link scheme.

use std::collections::{HashMap, HashSet};

use crate::config::BaseUrl;
use crate::content::Page;
use crate::data::SiteData;
use crate::markdown::links::{Scheme, Targets};
use crate::suggest;

/// The site's link targets, built once after loading and shared by every render.
#[derive(Debug, Default)]
pub struct SiteIndex {
    pages: HashMap<String, String>,
    titles: HashMap<String, String>,
    untranslated: HashSet<String>,
    schemes: Vec<SchemeIds>,
    generated: HashSet<String>,
    base_path: String,
    failed_pages: HashSet<String>,
    failed_data: bool,
}

/// One scheme's ids, or all of them accepted when its file failed to load: its own
/// errors are reported already.
#[derive(Debug)]
struct SchemeIds {
    scheme: Scheme,
    ids: HashSet<String>,
    failed: bool,
}

impl SiteIndex {
    /// Indexes the pages and the ids of the data files.
    pub fn new(base: &BaseUrl, pages: &[Page], data: &SiteData) -> SiteIndex {
        SiteIndex {
            failed_data: !data.failed.is_empty(),
            ..SiteIndex::with_ids(base, pages, data.scheme_ids())
        }
    }

    /// Indexes the pages and, for each scheme, the ids it may name and whether its data
    /// file failed to load.
    pub fn with_ids(
        base: &BaseUrl,
        pages: &[Page],
        schemes: Vec<(Scheme, Vec<&str>, bool)>,
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
            untranslated: untranslated(pages).collect(),
            schemes: schemes
                .into_iter()
                .map(|(scheme, ids, failed)| SchemeIds {
                    scheme,
                    ids: ids.into_iter().map(str::to_owned).collect(),
                    failed,
                })
                .collect(),
            generated: HashSet::new(),
            base_path: [base.path.as_str(), &base.edition].concat(),
            failed_pages: HashSet::new(),
            failed_data: false,
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
        self.untranslated.extend(untranslated(pages));
        self
    }

    /// Accepts links to pages that failed to load: their own errors are reported already.
    pub fn tolerating(mut self, pages: &[String]) -> SiteIndex {
        self.failed_pages = pages.iter().cloned().collect();
        self
    }

    fn ids(&self, scheme: &str) -> Option<&SchemeIds> {
        self.schemes.iter().find(|s| s.scheme.name == scheme)
    }
}

/// The content paths of the pages this edition shows untranslated.
fn untranslated(pages: &[Page]) -> impl Iterator<Item = String> + '_ {
    pages
        .iter()
        .filter(|p| p.fallback)
        .map(|p| p.content_path.clone())
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
    fn page_untranslated(&self, content_path: &str) -> bool {
        self.untranslated.contains(content_path)
    }
    fn scheme(&self, name: &str) -> Option<&Scheme> {
        self.ids(name).map(|ids| &ids.scheme)
    }
    fn has_id(&self, scheme: &str, id: &str) -> bool {
        self.ids(scheme)
            .is_some_and(|ids| ids.failed || ids.ids.contains(id))
    }
    fn nearest_ids(&self, scheme: &str, id: &str) -> Vec<&str> {
        self.ids(scheme).map_or_else(Vec::new, |ids| {
            suggest::nearest(id, ids.ids.iter().map(String::as_str))
        })
    }
    fn has_generated(&self, site_path: &str) -> bool {
        self.failed_data || self.generated.contains(site_path)
    }
    fn nearest_paths(&self, path: &str) -> Vec<String> {
        let pages = self.pages.keys().map(String::as_str);
        let generated = self.generated.iter().map(|p| p.trim_start_matches('/'));
        suggest::nearest(path, pages.chain(generated))
            .into_iter()
            .map(str::to_owned)
            .collect()
    }
    fn href(&self, site_path: &str) -> String {
        [self.base_path.as_str(), site_path].concat()
    }
}
