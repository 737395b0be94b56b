//! Rendering pages: each page is a job, rendered in parallel and handed to a sink as soon as
//! it is done, so that no build holds every page's HTML at once.

use std::collections::HashMap;
use std::sync::OnceLock;

use rayon::prelude::*;
use tera::Context;

use crate::data::sources;
use crate::data::sources::PATH as SOURCES;
use crate::diagnostics::Diagnostic;
use crate::publish::json_ld;
use crate::render::{TEMPLATES_DIR, Templates};

use super::site::Site;
use super::views::PageView;

/// A page whose view is made once: the notes listing or a data page.
pub(crate) struct FixedPage {
    /// The site path.
    pub path: String,
    /// The template.
    pub template: String,
    /// The view, as the templates' values: made once, shared by every rendering. The sources
    /// page's is made when it is first rendered, from every citation, while the other pages
    /// render.
    value: OnceLock<tera::Value>,
}

impl FixedPage {
    /// A page rendered with `template` from `view`; the view is freed once converted.
    pub(crate) fn new(path: String, template: String, view: PageView<'_>) -> FixedPage {
        FixedPage {
            path,
            template,
            value: OnceLock::from(tera::Value::from_serializable(&view)),
        }
    }

    /// The sources page, to be made when rendered.
    pub(crate) fn sources() -> FixedPage {
        FixedPage {
            path: SOURCES.to_owned(),
            template: sources::TEMPLATE.to_owned(),
            value: OnceLock::new(),
        }
    }
}

/// One page to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Job {
    /// A fixed page, by its index in [`Site::fixed`].
    Fixed(usize),
    /// A Markdown page, by its index in the site's pages.
    Page(usize),
}

/// Room made in advance for the layout around a page's body.
const PAGE_ROOM: usize = 12 * 1024;

/// Receives each rendered page: its site path and HTML.
pub(crate) type Sink<'a> = dyn Fn(&str, &[u8]) -> Result<(), Diagnostic> + Sync + 'a;

impl Site {
    /// Every page of the site: the fixed ones first, as they are the largest.
    pub(crate) fn jobs(&self) -> Vec<Job> {
        (0..self.fixed.len())
            .map(Job::Fixed)
            .chain((0..self.content.pages.len()).map(Job::Page))
            .collect()
    }

    /// The pages whose template (or a template it extends or includes) reads the global `name`.
    pub(crate) fn jobs_using(&self, name: &str) -> Vec<Job> {
        let mut uses: HashMap<&str, bool> = HashMap::new();
        self.jobs()
            .into_iter()
            .filter(|&job| {
                let template = self.template_of(job);
                *uses
                    .entry(template)
                    .or_insert_with(|| self.templates.uses(template, name))
            })
            .collect()
    }

    /// The pages whose template renders with one of the `edited` templates, in the site's
    /// templates before the edit or in `new` ones (see [`Templates::reached_from`]).
    pub(crate) fn jobs_reaching(&self, edited: &[&str], new: &Templates) -> Vec<Job> {
        let mut reaches: HashMap<&str, bool> = HashMap::new();
        self.jobs()
            .into_iter()
            .filter(|&job| {
                let template = self.template_of(job);
                *reaches.entry(template).or_insert_with(|| {
                    let (before, after) = (
                        self.templates.reached_from(&[template]),
                        new.reached_from(&[template]),
                    );
                    edited
                        .iter()
                        .any(|name| before.contains(*name) || after.contains(*name))
                })
            })
            .collect()
    }

    /// A page's site path.
    pub(crate) fn path_of(&self, job: Job) -> &str {
        match job {
            Job::Fixed(i) => &self.fixed[i].path,
            Job::Page(i) => &self.content.pages[i].url,
        }
    }

    fn template_of(&self, job: Job) -> &str {
        match job {
            Job::Fixed(i) => &self.fixed[i].template,
            Job::Page(i) => &self.content.pages[i].meta.template,
        }
    }

    /// Renders `jobs` in parallel, giving each page to `sink`; every problem is returned.
    /// No job may be listed twice: the sources page is made by the first rendering of it.
    pub(crate) fn render_jobs(&self, jobs: &[Job], sink: &Sink<'_>) -> Result<(), Vec<Diagnostic>> {
        let results: Vec<Result<(), Diagnostic>> = jobs
            .par_iter()
            .map(|&job| {
                let html = self.render_job(job)?;
                sink(self.path_of(job), &html)
            })
            .collect();
        let mut problems: Vec<Diagnostic> = Vec::new();
        for problem in results.into_iter().filter_map(Result::err) {
            if !problems.contains(&problem) {
                problems.push(problem);
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// The language a page's words are in: the edition's, or the default edition's for a
    /// page standing in for a translation.
    fn language_of(&self, page: &crate::content::Page) -> &str {
        match self.links.default_language() {
            Some(default) if page.fallback => default,
            _ => &self.config.language,
        }
    }

    /// The page's editions in other languages (`alternates`) and the language switcher
    /// (`editions`); both empty on a site in one language.
    pub(crate) fn insert_edition_links(&self, context: &mut Context, path: &str) {
        context.insert("alternates", &self.links.alternates(path));
        context.insert(
            "editions",
            &self.links.switcher(path, &self.config.language),
        );
    }

    fn render_job(&self, job: Job) -> Result<Vec<u8>, Diagnostic> {
        let template = self.template_of(job);
        let mut context = Context::new();
        match job {
            Job::Page(i) => {
                let page = &self.content.pages[i];
                if !self.templates.contains(template) {
                    return Err(page
                        .source
                        .error_at(page.value_offset("template"), format!("the template {template:?} does not exist"))
                        .with_help("add it under templates/ or name an existing template, such as \"page.html\""));
                }
                let mut view = PageView::of_page(
                    page,
                    &self.rendered[i],
                    &self.base,
                    self.data.sources.as_ref(),
                    &self.index,
                    &self.words,
                );
                let lead = self.rendered[i].lead.as_ref().map(|lead| &lead.share);
                view.json_ld = json_ld::for_page(
                    page,
                    lead,
                    &self.config,
                    &self.base,
                    self.words.get("pages.notes.title"),
                    self.language_of(page),
                );
                context.insert("page", &view);
            }
            Job::Fixed(i) => {
                if !self.templates.contains(template) {
                    let path = &self.fixed[i].path;
                    return Err(Diagnostic::error(
                        TEMPLATES_DIR,
                        format!("the template {template:?} (for {path}) does not exist"),
                    )
                    .with_help(
                        "add it under templates/ or set `template` in the page's front matter",
                    ));
                }
                let value = self.fixed[i].value.get_or_init(|| self.sources_value());
                context.insert_value("page", value.clone());
            }
        }
        self.insert_edition_links(&mut context, self.path_of(job));
        // A page is its body and some 8 KB of layout; a data page grows as it needs.
        let body = match job {
            Job::Page(i) => self.rendered[i].html.len(),
            Job::Fixed(_) => 0,
        };
        self.templates
            .render_bytes(template, &context, body + PAGE_ROOM)
    }
}
