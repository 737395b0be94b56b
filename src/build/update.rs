//! Applying edits to a loaded site, for the preview: an edited page is read and rendered
//! again with the pages that show something of it, in every edition that shows it; edited
//! templates are compiled again and every page re-rendered from the kept Markdown and data
//! (the Markdown too when the edited template writes into it); an edited data file is read
//! again.
//!
//! Whenever an edit could change more than these rules know of (a page's URL, a new or
//! removed file, an error or warning), [`Site::apply`] declines and the preview builds in full.

use std::path::PathBuf;

use crate::content::{Page, PageKind};
use crate::data::sources::PATH as SOURCES;
use crate::data::{Kind, SiteData};
use crate::diagnostics::{Collector, SourceText};
use crate::render::Templates;

use super::drop_later;
use super::figures::TEMPLATE as FIGURE_TEMPLATE;
use super::globals::{notes_list, other_pages};
use super::jobs::{FixedPage, Job};
use super::marks::{ANCHOR, CITATION};
use super::site::{Site, render_page};

/// The templates the Markdown renderer writes with: marks, figures and the data's figures.
fn markdown_templates() -> Vec<&'static str> {
    let mut roots = vec![CITATION, ANCHOR, FIGURE_TEMPLATE];
    roots.extend(SiteData::figure_templates());
    roots
}

/// The templates edited by a burst of edits, compiled once for every edition.
struct EditedTemplates<'a> {
    /// Their names under `templates/`.
    names: Vec<&'a str>,
    /// All the templates as they now are; `None` when no template was edited.
    templates: Option<Templates>,
    /// True when one of them writes into the pages' Markdown, or is used by one that does:
    /// citation marks, heading anchors and figures. The Markdown is then rendered again.
    shape_markdown: bool,
}

impl<'a> EditedTemplates<'a> {
    /// The templates `edits` name, compiled again; `None` when they do not compile (a full
    /// build reports why).
    fn of(site: &Site, edits: &'a [Edit]) -> Option<EditedTemplates<'a>> {
        let names: Vec<&str> = edits
            .iter()
            .filter_map(|edit| match edit {
                Edit::Template(name) => Some(name.as_str()),
                _ => None,
            })
            .collect();
        if names.is_empty() {
            return Some(EditedTemplates {
                names,
                templates: None,
                shape_markdown: false,
            });
        }
        let templates = Templates::load(&site.options.root).ok()?;
        let roots = markdown_templates();
        let (before, after) = (
            site.templates.reached_from(&roots),
            templates.reached_from(&roots),
        );
        let shape_markdown = names
            .iter()
            .any(|name| before.contains(*name) || after.contains(*name));
        Some(EditedTemplates {
            names,
            templates: Some(templates),
            shape_markdown,
        })
    }
}

/// A change the preview can apply to a loaded site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Edit {
    /// A page's Markdown file changed: its path under the site root, such as `content/notes/a.md`.
    Page(PathBuf),
    /// A file under `templates/` changed: its name there, such as `partials/map.html`.
    Template(String),
    /// A data file changed.
    Data(Kind),
}

/// What to render after edits: these pages, and those of the site's own files `site_files` names.
#[derive(Debug, Default)]
pub(crate) struct Plan {
    /// The pages to render again.
    pub jobs: Vec<Job>,
    /// Which of the site's own files (feed, sitemap, 404 page) may have changed.
    pub site_files: SiteFiles,
    /// The plans of the editions in other languages, in the order of [`Site::editions`].
    pub editions: Vec<Plan>,
}

impl Plan {
    /// How many pages the plan renders, in every edition.
    pub(crate) fn pages(&self) -> usize {
        self.jobs.len() + self.editions.iter().map(Plan::pages).sum::<usize>()
    }
}

/// Which of the site's own files to make.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SiteFiles {
    /// None of them.
    #[default]
    None,
    /// The feed alone: a page's title, description or updates changed, but not its dates,
    /// which the sitemap shows.
    Feed,
    /// Every one.
    All,
}

/// What a page edit changed besides the page itself.
#[derive(Default)]
struct Touched {
    /// The front matter: the feed.
    meta: bool,
    /// The date or the date of the last update: the sitemap too.
    dated: bool,
    /// A note's title, description or weight: the notes listing.
    notes: bool,
    /// An ordinary page's title, description or weight: the list of pages.
    pages: bool,
    /// Which sources the page cites, or the title they list it under.
    sources: bool,
}

impl Site {
    /// Applies `edits`, returning the updated site and what to render; `None` when the edits
    /// need a full build (the site is then of no further use).
    ///
    /// On a site with editions in other languages each edition applies the edits to its own
    /// pages: an edited page is rendered again in every edition that shows it (as itself or
    /// standing in for a missing translation), a translation in its edition alone. An edited
    /// data file is read again by each edition, which lays its own translations over it.
    pub(crate) fn apply(mut self, edits: &[Edit]) -> Option<(Site, Plan)> {
        let editions = std::mem::take(&mut self.editions);
        let sites = || std::iter::once(&self).chain(&editions);
        // A page no edition shows (a section's index, a new page) needs a full build.
        let known = edits.iter().all(|edit| match edit {
            Edit::Page(path) => sites().any(|site| site.page_of(path).is_some()),
            Edit::Data(_) | Edit::Template(_) => true,
        });
        if !known {
            return None;
        }
        let edited = EditedTemplates::of(&self, edits)?;
        let (mut site, mut plan) = self.apply_here(edits, &edited)?;
        for edition in editions {
            let (edition, edition_plan) = edition.apply_here(edits, &edited)?;
            // The default edition's sitemap lists every edition's pages with their dates.
            if edition_plan.site_files == SiteFiles::All {
                plan.site_files = SiteFiles::All;
            }
            site.editions.push(edition);
            plan.editions.push(edition_plan);
        }
        Some((site, plan))
    }

    /// The index of the page made from `path` (under the site root) in this edition.
    fn page_of(&self, path: &std::path::Path) -> Option<usize> {
        self.content
            .pages
            .iter()
            .position(|p| p.source.path == path)
    }

    /// Applies `edits` to this edition's pages, leaving out the edited pages it does not show.
    fn apply_here(mut self, edits: &[Edit], edited: &EditedTemplates) -> Option<(Site, Plan)> {
        let mut plan = Plan::default();
        let mut touched = Touched::default();
        for edit in edits {
            if let Edit::Page(path) = edit
                && let Some(i) = self.page_of(path)
            {
                let (job, page) = self.edit_page(i)?;
                plan.jobs.push(job);
                touched.meta |= page.meta;
                touched.dated |= page.dated;
                touched.notes |= page.notes;
                touched.pages |= page.pages;
                touched.sources |= page.sources;
            }
        }
        let kinds: Vec<Kind> = edits
            .iter()
            .filter_map(|edit| {
                if let Edit::Data(kind) = edit {
                    Some(*kind)
                } else {
                    None
                }
            })
            .collect();
        // Each edition sets its own words and globals on its copy.
        let templates = edited.templates.clone();
        if kinds.is_empty() && edited.shape_markdown {
            return self.reassemble(templates);
        }
        if !kinds.is_empty() {
            return self.reload_data(&kinds, templates);
        }
        // The sources page lists every page citing a source, under its title.
        let sources_job = touched
            .sources
            .then(|| self.remake_sources_page())
            .flatten();
        // New templates render the pages that use an edited one, with everything else the
        // edits touched; the site's own files (feed, sitemap, 404 page) are made again.
        let new_templates = templates.is_some();
        if let Some(mut templates) = templates {
            self.globals().set(&mut templates);
            let reaching = self.jobs_reaching(&edited.names, &templates);
            self.templates = templates;
            plan.jobs.extend(reaching);
        }
        if touched.notes {
            self.templates
                .set_global_list("notes", &notes_list(&self.base, &self.content));
            plan.jobs.extend(self.jobs_using("notes"));
        }
        if touched.pages {
            self.templates
                .set_global("pages", &other_pages(&self.base, &self.content));
            plan.jobs.extend(self.jobs_using("pages"));
        }
        plan.jobs.extend(sources_job);
        plan.site_files = match (touched.meta, touched.dated || new_templates) {
            (_, true) => SiteFiles::All,
            (true, false) => SiteFiles::Feed,
            (false, false) => SiteFiles::None,
        };
        plan.jobs.sort_unstable();
        plan.jobs.dedup();
        Some((self, plan))
    }

    /// Reads and renders an edited page again, in place, when nothing but its own output and
    /// the lists showing it can change.
    fn edit_page(&mut self, i: usize) -> Option<(Job, Touched)> {
        let path = &self.content.pages[i].source.path;
        if self.warnings.iter().any(|w| w.file == *path) {
            return None;
        }
        let old = &self.content.pages[i];
        let root = &self.options.root;
        let page = Page::parse(
            SourceText::read(root, &root.join(path)).ok()?,
            old.content_path.clone(),
        )
        .ok()?;
        // The file's name gave its language; the edition showing it, whether it stands in.
        let page = Page {
            language: old.language.clone(),
            fallback: old.fallback,
            ..page
        };
        let same_place =
            page.url == old.url && page.kind == old.kind && page.meta.template == old.meta.template;
        let empty = page.body().trim().is_empty() && page.kind != PageKind::NotesIndex;
        if !same_place || empty || (page.meta.draft && !self.options.drafts) {
            return None;
        }
        let rendered = self.with_renderer(|renderer| render_page(renderer, &page));
        let has_code = self.generated.has_code
            || rendered.has_code
            || self
                .rendered
                .iter()
                .enumerate()
                .any(|(j, r)| j != i && r.has_code);
        if !rendered.diagnostics.is_empty() || has_code != self.has_code {
            return None;
        }
        let old_rendered = &self.rendered[i];
        let cites = !rendered.citations.is_empty() || !old_rendered.citations.is_empty();
        let relisted = (&page.meta.title, &page.meta.description, page.meta.weight)
            != (&old.meta.title, &old.meta.description, old.meta.weight);
        // The timeline's links read as the titles of the pages they name: it is made again.
        let retitled_link = page.meta.title != old.meta.title
            && self
                .data
                .timeline
                .as_ref()
                .is_some_and(|t| crate::data::timeline::view::links_to(t, &page.content_path));
        if retitled_link {
            return None;
        }
        let touched = Touched {
            meta: page.meta != old.meta,
            dated: (page.meta.date, page.meta.updated) != (old.meta.date, old.meta.updated),
            notes: relisted && page.kind == PageKind::Note,
            pages: relisted && page.kind == PageKind::Page,
            sources: rendered.citations != old_rendered.citations
                || (cites && page.meta.title != old.meta.title),
        };
        self.content.pages[i] = page;
        self.rendered[i] = rendered;
        Some((Job::Page(i), touched))
    }

    /// Marks the sources page to be made again when next rendered, and returns its job;
    /// `None` when the site has no sources page.
    pub(crate) fn remake_sources_page(&mut self) -> Option<Job> {
        let i = self.fixed.iter().position(|f| f.path == SOURCES)?;
        drop_later(std::mem::replace(&mut self.fixed[i], FixedPage::sources()));
        Some(Job::Fixed(i))
    }

    /// Reads edited data files again and renders everything from the kept pages and templates.
    fn reload_data(mut self, kinds: &[Kind], templates: Option<Templates>) -> Option<(Site, Plan)> {
        if !self.warnings.is_empty() {
            // Warnings of the pages would be lost: a full build reports them again.
            return None;
        }
        let glossary_only = kinds == [Kind::Glossary] && templates.is_none();
        let old_terms = if glossary_only {
            self.term_patterns()
        } else {
            Vec::new()
        };
        for &kind in kinds {
            self.data
                .reload(kind, &self.options.root, &self.config)
                .ok()?;
        }
        if let Some(language) = self.config.edition_language() {
            // The edition's translations are laid over the files read again.
            let mut problems = Collector::default();
            self.data
                .translate(&self.options.root, language, &mut problems);
            let (errors, warnings) = problems.finish();
            if !errors.is_empty() || !warnings.is_empty() {
                return None;
            }
        }
        // What assembling the site again needs is untouched by a glossary edit that falls
        // through: the pages' Markdown is rendered again from the content.
        if glossary_only && let Some(plan) = self.apply_glossary_edit(&old_terms) {
            return Some((self, plan));
        }
        self.reassemble(templates)
    }

    /// Renders the kept pages and data again with new `templates` (or the kept ones), as a
    /// full build would after reading them: everything is rendered again and written where
    /// its bytes changed.
    fn reassemble(self, templates: Option<Templates>) -> Option<(Site, Plan)> {
        if !self.warnings.is_empty() {
            // Warnings of the pages would be lost: a full build reports them again.
            return None;
        }
        let templates = templates.unwrap_or(self.templates);
        let site = Site::assemble(
            self.options,
            self.config,
            self.content,
            self.data,
            self.images,
            Some(templates),
            Collector::default(),
            self.links,
        )
        .ok()?;
        let jobs = site.jobs();
        Some((
            site,
            Plan {
                jobs,
                site_files: SiteFiles::All,
                ..Plan::default()
            },
        ))
    }
}
