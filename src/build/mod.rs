//! The build pipeline: load, validate, render, write.

mod index;
mod views;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tera::Context;

use crate::config::{BaseUrl, Config};
use crate::content::{self, Content, Page, PageKind};
use crate::data::{CitedBy, DataPage, Generated, SiteData};
use crate::diagnostics::{Collector, Diagnostic, Diagnostics};
use crate::markdown::glossary_links::TermMatcher;
use crate::markdown::{MarkdownOptions, Mode, Rendered, Renderer, highlight};
use crate::output::{self, Staging};
use crate::publish::{feed, json_ld};
use crate::render::Templates;
pub use index::SiteIndex;
use views::{NavItem, NoteLink, PageView, SiteView};

/// What to build, and how.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The site root (where `explainer.toml` is).
    pub root: PathBuf,
    /// Overrides the config's `output_dir`.
    pub output_dir: Option<PathBuf>,
    /// Overrides the config's `base_url`.
    pub base_url: Option<String>,
    /// Include drafts.
    pub drafts: bool,
    /// Check only: render everything, write nothing.
    pub check_only: bool,
}

/// The outcome of a successful build.
#[derive(Debug)]
pub struct BuildReport {
    /// HTML pages rendered.
    pub pages: usize,
    /// Where the site was written (None when checking only).
    pub output: Option<PathBuf>,
    /// Warnings that did not fail the build.
    pub warnings: Vec<Diagnostic>,
    /// Time taken.
    pub elapsed: Duration,
}

/// A failed build: every error found, and the warnings.
#[derive(Debug, thiserror::Error)]
#[error("build failed with {}", errors)]
pub struct BuildFailure {
    /// The errors.
    pub errors: Diagnostics,
    /// Warnings found on the way.
    pub warnings: Vec<Diagnostic>,
}

impl From<Diagnostics> for BuildFailure {
    fn from(errors: Diagnostics) -> Self {
        BuildFailure {
            errors,
            warnings: Vec::new(),
        }
    }
}

/// The site path of the notes listing; other data pages' paths live with their data kinds.
const NOTES_PATH: &str = "/notes/";
/// The title of the notes listing.
const NOTES_TITLE: &str = "Background notes";

/// Builds the site at `options.root`.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildFailure> {
    let started = Instant::now();
    let root = options.root.as_path();
    let mut config = Config::load(root)?;
    if let Some(url) = &options.base_url {
        BaseUrl::parse(url).map_err(|m| Diagnostics(vec![Diagnostic::error("--base-url", m)]))?;
        config.base_url = url.clone();
    }
    let base = config.base();
    let output_dir = match &options.output_dir {
        Some(dir) => dir.clone(),
        None => root.join(&config.output_dir),
    };

    let mut diagnostics = Collector::default();
    let content = content::load(root, options.drafts, &mut diagnostics);
    let data = SiteData::load(root, &config, &mut diagnostics);
    let templates = diagnostics.take(Templates::load(root));
    diagnostics.extend(data.check_references());
    check_urls(&content, &data, &mut diagnostics);
    diagnostics.take(syntax_css(&config).map_err(Diagnostics::from));
    if !options.check_only {
        diagnostics.take(output::check_target(root, &output_dir).map_err(|refused| {
            let in_config = options.output_dir.is_none().then(|| config.error_at_key("output_dir", &refused.message));
            match in_config.flatten() {
                Some(located) => Diagnostics::from(Diagnostic { help: refused.help, ..located }),
                None => Diagnostics::from(refused),
            }
        }));
    }

    let index = SiteIndex::new(
        &base,
        &content.pages,
        data.source_ids(),
        data.term_ids(),
        data.event_ids(),
    )
    .tolerating(&content.failed, data.failed);
    let matcher = match (&data.glossary, config.glossary.autolink) {
        (Some(glossary), true) => diagnostics.take(
            TermMatcher::new(glossary.patterns(&index), config.glossary.case_sensitive)
                .map_err(|m| Diagnostics(vec![Diagnostic::error(&glossary.file.path, m)])),
        ),
        _ => None,
    };
    let renderer = Renderer {
        options: MarkdownOptions {
            smart_punctuation: config.markdown.smart_punctuation,
            unsafe_html: config.markdown.unsafe_html,
        },
        targets: &index,
        terms: matcher.as_ref(),
    };

    let rendered: Vec<Rendered> = content
        .pages
        .par_iter()
        .map(|page| {
            let mode = Mode::Page {
                autolink: page.meta.glossary,
            };
            renderer.render(&page.source, page.body_offset, page.body(), mode)
        })
        .collect();
    let mut generated = generate_data(&data, &renderer, &content.pages, &rendered);
    diagnostics.extend(rendered.iter().flat_map(|r| r.diagnostics.iter().cloned()));
    diagnostics.extend(std::mem::take(&mut generated.diagnostics));

    let Some(mut templates) = templates else {
        return Err(fail(diagnostics));
    };
    if diagnostics.has_errors() {
        return Err(fail(diagnostics));
    }
    let has_code = generated.has_code || rendered.iter().any(|r| r.has_code);
    set_globals(
        &mut templates,
        &config,
        &base,
        &content,
        &data,
        &generated,
        &index,
        has_code,
    );

    let pages = render_pages(
        &templates,
        &content,
        &rendered,
        &generated,
        &config,
        &data,
        &index,
        &mut diagnostics,
    );
    let extra_files = match site_files(&templates, &config, &content, &pages, has_code) {
        Ok(files) => files,
        Err(list) => {
            diagnostics.extend(list);
            Vec::new()
        }
    };
    if diagnostics.has_errors() {
        return Err(fail(diagnostics));
    }
    let (_, warnings) = diagnostics.finish();
    let page_count = pages.len();
    let output = if options.check_only {
        None
    } else {
        let written = write_site(root, &output_dir, pages, &generated, extra_files, &content)
            .map_err(|d| BuildFailure {
                errors: d.into(),
                warnings: warnings.clone(),
            })?;
        Some(written)
    };
    Ok(BuildReport {
        pages: page_count,
        output,
        warnings,
        elapsed: started.elapsed(),
    })
}

fn fail(diagnostics: Collector) -> BuildFailure {
    let (mut errors, warnings) = diagnostics.finish();
    crate::diagnostics::sort(&mut errors);
    BuildFailure {
        errors: Diagnostics(errors),
        warnings,
    }
}

/// Two pages (or a page and a data page) at one URL is an error.
fn check_urls(content: &Content, data: &SiteData, diagnostics: &mut Collector) {
    let mut seen: HashMap<&str, &Path> = HashMap::new();
    let mut generated = data.page_paths();
    let has_notes = content.pages.iter().any(|p| p.kind == PageKind::Note);
    if has_notes && !content.pages.iter().any(|p| p.kind == PageKind::NotesIndex) {
        generated.push((
            NOTES_PATH.to_owned(),
            "content/notes/ (the notes listing)".to_owned(),
        ));
    }
    for page in &content.pages {
        if let Some(other) = seen.insert(&page.url, &page.source.path) {
            diagnostics.push(
                Diagnostic::error(
                    &page.source.path,
                    format!(
                        "this page's URL {} is also the URL of {}",
                        page.url,
                        other.display()
                    ),
                )
                .with_help("set a different `slug` in the front matter or rename one of the files"),
            );
        }
        for (path, file) in &generated {
            if page.url == *path {
                diagnostics.push(Diagnostic::error(
                    &page.source.path,
                    format!("this page's URL {path} is taken by the page generated from {file}"),
                ));
            }
        }
    }
}

fn generate_data(
    data: &SiteData,
    renderer: &Renderer<'_>,
    pages: &[Page],
    rendered: &[Rendered],
) -> Generated {
    let cited_by: Vec<CitedBy> = pages
        .iter()
        .zip(rendered)
        .flat_map(|(page, r)| {
            r.citations.iter().map(move |id| CitedBy {
                source: id.clone(),
                title: page.meta.title.clone(),
                href: renderer.targets.href(&page.url),
            })
        })
        .collect();
    data.generate(renderer, cited_by)
}

fn navigation(base: &BaseUrl, content: &Content, generated: &Generated) -> Vec<NavItem> {
    let mut nav = Vec::new();
    let mut add = |title: &str, path: &str| {
        nav.push(NavItem {
            title: title.to_owned(),
            path: path.to_owned(),
            href: base.relative(path),
        })
    };
    if content.pages.iter().any(|p| p.kind == PageKind::Article) {
        add("Explainer", "/");
    }
    if content.pages.iter().any(|p| p.kind == PageKind::Note) {
        add("Background", NOTES_PATH);
    }
    for page in &generated.pages {
        if !page.path.contains("/tags/") {
            add(&page.title, &page.path);
        }
    }
    nav
}

/// Ordinary pages (such as an "About" page), linked from every page's footer.
fn other_pages(base: &BaseUrl, content: &Content) -> Vec<NavItem> {
    let mut pages: Vec<&Page> = content
        .pages
        .iter()
        .filter(|p| p.kind == PageKind::Page)
        .collect();
    pages.sort_by(|a, b| {
        a.meta
            .weight
            .cmp(&b.meta.weight)
            .then_with(|| a.meta.title.cmp(&b.meta.title))
    });
    pages
        .into_iter()
        .map(|p| NavItem {
            title: p.meta.title.clone(),
            path: p.url.clone(),
            href: base.relative(&p.url),
        })
        .collect()
}

fn notes_list(base: &BaseUrl, content: &Content) -> Vec<NoteLink> {
    let mut notes: Vec<&Page> = content
        .pages
        .iter()
        .filter(|p| p.kind == PageKind::Note)
        .collect();
    notes.sort_by(|a, b| {
        a.meta
            .weight
            .cmp(&b.meta.weight)
            .then_with(|| a.meta.title.cmp(&b.meta.title))
    });
    notes
        .into_iter()
        .map(|p| NoteLink {
            title: p.meta.title.clone(),
            description: p.meta.description.clone().unwrap_or_default(),
            href: base.relative(&p.url),
            weight: p.meta.weight,
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn set_globals(
    templates: &mut Templates,
    config: &Config,
    base: &BaseUrl,
    content: &Content,
    data: &SiteData,
    generated: &Generated,
    index: &SiteIndex,
    has_code: bool,
) {
    templates.set_global("site", &SiteView::new(config, base, has_code));
    templates.set_global("nav", &navigation(base, content, generated));
    templates.set_global("notes", &notes_list(base, content));
    templates.set_global("pages", &other_pages(base, content));
    for (key, value) in data.template_globals(index) {
        templates.set_global_value(key, value);
    }
}

#[allow(clippy::too_many_arguments)]
fn render_pages(
    templates: &Templates,
    content: &Content,
    rendered: &[Rendered],
    generated: &Generated,
    config: &Config,
    data: &SiteData,
    index: &SiteIndex,
    diagnostics: &mut Collector,
) -> Vec<(String, String)> {
    let base = &config.base();
    let mut jobs: Vec<(String, String, PageView)> = Vec::new();
    for (page, r) in content.pages.iter().zip(rendered) {
        if !templates.contains(&page.meta.template) {
            diagnostics.push(
                page.source
                    .error_at_line(page.line_of("template"), 1, format!("the template {:?} does not exist", page.meta.template))
                    .with_help("add it under templates/ or name an existing template, such as \"page.html\""),
            );
            continue;
        }
        let mut view = PageView::of_page(page, r, base, data.sources.as_ref(), index);
        view.json_ld = json_ld::for_page(page, config, base, NOTES_TITLE);
        jobs.push((page.url.clone(), page.meta.template.clone(), view));
    }
    let has_notes_index = content.pages.iter().any(|p| p.kind == PageKind::NotesIndex);
    if !has_notes_index && content.pages.iter().any(|p| p.kind == PageKind::Note) {
        let mut view = PageView::of_data(
            NOTES_PATH,
            NOTES_TITLE,
            "Background notes to the explainer.",
            "notes_index",
            serde_json::Value::Null,
            base,
        );
        view.json_ld = json_ld::for_data_page(NOTES_TITLE, NOTES_PATH, config, base);
        jobs.push((NOTES_PATH.to_owned(), "notes.html".to_owned(), view));
    }
    for page in &generated.pages {
        let (path, template, mut view) = data_job(page, base);
        view.json_ld = json_ld::for_data_page(&page.title, &page.path, config, base);
        view.has_code = generated.has_code;
        jobs.push((path, template, view));
    }
    let results: Vec<Result<(String, String), Diagnostic>> = jobs
        .par_iter()
        .map(|(path, template, view)| {
            if !templates.contains(template) {
                return Err(Diagnostic::error(
                    crate::render::TEMPLATES_DIR,
                    format!("the template {template:?} (for {path}) does not exist"),
                )
                .with_help(
                    "add it under templates/ or set `template` in the page's front matter",
                ));
            }
            let mut context = Context::new();
            context.insert("page", view);
            templates
                .render(template, &context)
                .map(|html| (path.clone(), html))
        })
        .collect();
    let mut pages = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(page) => pages.push(page),
            Err(diagnostic) if !diagnostics_contains(diagnostics, &diagnostic) => {
                diagnostics.push(diagnostic)
            }
            Err(_) => {}
        }
    }
    pages
}

fn diagnostics_contains(diagnostics: &Collector, diagnostic: &Diagnostic) -> bool {
    diagnostics.contains(diagnostic)
}

fn data_job(page: &DataPage, base: &BaseUrl) -> (String, String, PageView) {
    let kind = page.template.trim_end_matches(".html");
    (
        page.path.clone(),
        page.template.to_owned(),
        PageView::of_data(
            &page.path,
            &page.title,
            &page.description,
            kind,
            page.data.clone(),
            base,
        ),
    )
}

/// The stylesheet of highlighted code; an unknown theme is an error even on a site without code.
fn syntax_css(config: &Config) -> Result<String, Diagnostic> {
    let markdown = &config.markdown;
    highlight::stylesheet(&markdown.highlight_theme, markdown.highlight_theme_dark.as_deref()).map_err(|message| {
        let dark = markdown.highlight_theme_dark.as_ref().is_some_and(|dark| message.contains(&format!("{dark:?}")));
        let key = if dark { "highlight_theme_dark" } else { "highlight_theme" };
        config
            .error_at_key(key, message.clone())
            .unwrap_or_else(|| Diagnostic::error(crate::config::CONFIG_FILE, message))
            .with_help(format!("set [markdown] {key} to one of the themes listed"))
    })
}

/// Files every site gets: the 404 page, feed, sitemap, robots.txt, `.nojekyll`, `CNAME`, the code stylesheet.
fn site_files(
    templates: &Templates,
    config: &Config,
    content: &Content,
    pages: &[(String, String)],
    has_code: bool,
) -> Result<Vec<(String, Vec<u8>)>, Vec<Diagnostic>> {
    let base = config.base();
    let mut files = vec![(".nojekyll".to_owned(), Vec::new())];
    let (entries, updated) = feed::entries(&content.pages, &base);
    let paths: Vec<String> = pages.iter().map(|(path, _)| path.clone()).collect();
    let mut context = Context::new();
    context.insert("feed_entries", &entries);
    context.insert("feed_updated", &updated);
    context.insert("feed_url", &base.absolute("/atom.xml"));
    context.insert(
        "sitemap_entries",
        &feed::sitemap(&paths, &content.pages, &base),
    );
    context.insert("sitemap_url", &base.absolute("/sitemap.xml"));
    for name in ["atom.xml", "sitemap.xml", "robots.txt"] {
        if templates.contains(name) {
            let text = templates.render(name, &context).map_err(|d| vec![d])?;
            files.push((name.to_owned(), text.into_bytes()));
        }
    }
    if let Some(cname) = &config.cname {
        files.push(("CNAME".to_owned(), format!("{cname}\n").into_bytes()));
    }
    if templates.contains("404.html") {
        let mut context = Context::new();
        let view = PageView::of_data(
            "/404.html",
            "Page not found",
            "",
            "not_found",
            serde_json::Value::Null,
            &base,
        );
        context.insert("page", &view);
        let html = templates
            .render("404.html", &context)
            .map_err(|d| vec![d])?;
        files.push(("404.html".to_owned(), html.into_bytes()));
    }
    if has_code {
        files.push(("syntax.css".to_owned(), syntax_css(config).map_err(|d| vec![d])?.into_bytes()));
    }
    Ok(files)
}

fn page_file(path: &str) -> String {
    if path.ends_with('/') {
        format!("{}index.html", path.trim_start_matches('/'))
    } else {
        path.trim_start_matches('/').to_owned()
    }
}

fn write_site(
    root: &Path,
    output_dir: &Path,
    pages: Vec<(String, String)>,
    generated: &Generated,
    extra_files: Vec<(String, Vec<u8>)>,
    content: &Content,
) -> Result<PathBuf, Diagnostic> {
    let io_error = |what: &str, e: std::io::Error| {
        Diagnostic::error(output_dir, format!("cannot {what}: {e}")).with_help("check that the output folder's parent is writable and the disk is not full; the previous output is untouched")
    };
    let staging = Staging::new(output_dir).map_err(|e| io_error("create the staging folder", e))?;
    crate::static_files::copy(root, &staging)?;
    for (source, content_path) in &content.assets {
        staging
            .copy(source, content_path)
            .map_err(|e| io_error(&format!("copy content/{content_path}"), e))?;
    }
    let written: Result<(), std::io::Error> = pages
        .par_iter()
        .try_for_each(|(path, html)| staging.write(&page_file(path), html.as_bytes()));
    written.map_err(|e| io_error("write a page", e))?;
    for file in &generated.files {
        staging
            .write(&file.path, &file.bytes)
            .map_err(|e| io_error(&format!("write {}", file.path), e))?;
    }
    for (path, bytes) in extra_files {
        staging
            .write(&path, &bytes)
            .map_err(|e| io_error(&format!("write {path}"), e))?;
    }
    staging
        .commit()
        .map_err(|e| io_error("replace the previous output", e))
}
