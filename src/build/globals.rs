//! What every template sees: the site, the navigation, the lists of notes and pages, and
//! the data files' values (such as the key dates).

use crate::config::{BaseUrl, Config};
use crate::content::{Content, Page, PageKind};
use crate::data::sources::PATH as SOURCES;
use crate::data::{Generated, SiteData};
use crate::render::Templates;
use crate::words::Words;

use super::NOTES_PATH;
use super::index::SiteIndex;
use super::views::{NavItem, NoteLink, SiteView};

/// The main navigation: the article, the notes listing and the data pages that ask for it,
/// the sources page last.
pub(crate) fn navigation(
    base: &BaseUrl,
    content: &Content,
    data: &SiteData,
    generated: &Generated,
    words: &Words,
) -> Vec<NavItem> {
    let mut nav = Vec::new();
    let mut add = |title: &str, path: &str| {
        nav.push(NavItem {
            title: title.to_owned(),
            path: path.to_owned(),
            href: base.relative(path),
            fallback: false,
        });
    };
    if content.pages.iter().any(|p| p.kind == PageKind::Article) {
        add(words.get("nav.article"), "/");
    }
    if content.pages.iter().any(|p| p.kind == PageKind::Note) {
        add(words.get("nav.notes"), NOTES_PATH);
    }
    for page in generated.pages.iter().filter(|page| page.nav) {
        add(&page.title, &page.path);
    }
    if data.sources.is_some() {
        add(words.get("pages.sources.title"), SOURCES);
    }
    nav
}

/// The pages of one kind in listing order: by weight, then title.
fn listed(content: &Content, kind: PageKind) -> Vec<&Page> {
    let mut pages: Vec<&Page> = content.pages.iter().filter(|p| p.kind == kind).collect();
    pages.sort_by(|a, b| {
        a.meta
            .weight
            .cmp(&b.meta.weight)
            .then_with(|| a.meta.title.cmp(&b.meta.title))
    });
    pages
}

/// Ordinary pages (such as an "About" page), linked from every page's footer.
pub(crate) fn other_pages(base: &BaseUrl, content: &Content) -> Vec<NavItem> {
    listed(content, PageKind::Page)
        .into_iter()
        .map(|p| NavItem {
            title: p.meta.title.clone(),
            path: p.url.clone(),
            href: base.relative(&p.url),
            fallback: p.fallback,
        })
        .collect()
}

/// The notes, as listed on the notes page and under the article.
pub(crate) fn notes_list(base: &BaseUrl, content: &Content) -> Vec<NoteLink> {
    listed(content, PageKind::Note)
        .into_iter()
        .map(|p| NoteLink {
            title: p.meta.title.clone(),
            description: p.meta.description.clone().unwrap_or_default(),
            href: base.relative(&p.url),
            weight: p.meta.weight,
            fallback: p.fallback,
        })
        .collect()
}

/// Everything a template sees besides its page, gathered from the loaded site.
pub(crate) struct Globals<'a> {
    /// The configuration.
    pub config: &'a Config,
    /// The base URL.
    pub base: &'a BaseUrl,
    /// The pages.
    pub content: &'a Content,
    /// The data files.
    pub data: &'a SiteData,
    /// The data pages.
    pub generated: &'a Generated,
    /// Link targets.
    pub index: &'a SiteIndex,
    /// True when some page has highlighted code.
    pub has_code: bool,
    /// The interface's words.
    pub words: &'a Words,
    /// The language of the site's default edition.
    pub default_language: &'a str,
}

impl Globals<'_> {
    /// Sets every global of `templates`.
    pub(crate) fn set(&self, templates: &mut Templates) {
        let base = self.base;
        templates.set_global(
            "site",
            &SiteView::new(self.config, base, self.has_code, self.default_language),
        );
        templates.set_global(
            "nav",
            &navigation(base, self.content, self.data, self.generated, self.words),
        );
        templates.set_global_list("notes", &notes_list(base, self.content));
        templates.set_global("pages", &other_pages(base, self.content));
        templates.set_global("t", self.words.template_value());
        templates.set_plural_rules(self.words.language());
        for (key, value) in self.data.template_globals(self.index, self.words) {
            templates.set_global_value(key, value);
        }
    }
}
