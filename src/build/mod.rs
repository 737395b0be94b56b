//! The build pipeline: load, validate, render, write.
//!
//! [`Site`](site::Site) holds a loaded site with its Markdown rendered; [`jobs`] renders its
//! pages in parallel and [`write`] writes them. The preview keeps the loaded site and applies
//! edits to it through [`update`].

mod data_pages;
mod edition_sites;
mod editions;
mod figures;
mod globals;
mod glossary_edit;
mod images;
mod index;
mod jobs;
pub(crate) mod marks;
mod site;
mod update;
#[cfg(test)]
mod update_tests;
mod views;
mod write;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::config::Config;
use crate::content::{Content, PageKind};
use crate::data::SiteData;
use crate::diagnostics::{Collector, Diagnostic, Diagnostics};
use crate::markdown::highlight;
use crate::toml_input::Step;
pub use index::SiteIndex;
pub(crate) use site::Site;
pub(crate) use update::Edit;

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

/// What the terminal says of the images a build encoded, by `explainer build` and by the
/// preview alike; `None` when every image came from the cache.
pub fn encoded_images_line(count: usize) -> Option<String> {
    match count {
        0 => None,
        1 => Some("Encoded 1 image".to_owned()),
        n => Some(format!("Encoded {n} images")),
    }
}

/// The outcome of a successful build.
#[derive(Debug)]
pub struct BuildReport {
    /// HTML pages rendered.
    pub pages: usize,
    /// Images encoded by this build: those not found unchanged in the image cache.
    pub images_encoded: usize,
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
/// Builds the site at `options.root`.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildFailure> {
    let (report, site) = build_site(options)?;
    drop_later(site);
    Ok(report)
}

/// Frees a large value on a thread of its own, off the caller's path (a process that ends
/// right after does not wait for it); should no thread start, it is freed here.
pub(crate) fn drop_later<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new().spawn(move || drop(value));
}

/// Builds the site at `options.root`, and returns the loaded site with the report.
pub(crate) fn build_site(options: &BuildOptions) -> Result<(BuildReport, Site), BuildFailure> {
    let started = Instant::now();
    let site = Site::load(options)?;
    let output = if options.check_only {
        site.check()?;
        None
    } else {
        Some(site.write()?)
    };
    let report = BuildReport {
        pages: site.jobs().len() + site.editions.iter().map(|e| e.jobs().len()).sum::<usize>(),
        images_encoded: site.images.encoded(),
        output,
        warnings: site.warnings.clone(),
        elapsed: started.elapsed(),
    };
    Ok((report, site))
}

fn fail(diagnostics: Collector) -> BuildFailure {
    let (mut errors, warnings) = diagnostics.finish();
    crate::diagnostics::sort(&mut errors);
    BuildFailure {
        errors: Diagnostics(errors),
        warnings,
    }
}

/// The site paths of the pages made from data and of the notes listing (unless
/// `content/notes/index.md` replaces it), each with the file it comes from.
fn generated_paths(content: &Content, data: &SiteData) -> Vec<(String, String)> {
    let mut generated = data.page_paths();
    let has_notes = content.pages.iter().any(|p| p.kind == PageKind::Note);
    if has_notes && !content.pages.iter().any(|p| p.kind == PageKind::NotesIndex) {
        generated.push((
            NOTES_PATH.to_owned(),
            "content/notes/ (the notes listing)".to_owned(),
        ));
    }
    generated
}

/// Two pages (or a page and a data page) at one URL is an error.
/// `generated` holds the site paths of the pages made from data, from [`generated_paths`].
fn check_urls(content: &Content, generated: &[(String, String)], diagnostics: &mut Collector) {
    let mut seen: HashMap<&str, &Path> = HashMap::new();
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
        for (path, file) in generated {
            if page.url == *path {
                diagnostics.push(Diagnostic::error(
                    &page.source.path,
                    format!("this page's URL {path} is taken by the page generated from {file}"),
                ));
            }
        }
    }
}

/// The stylesheet of highlighted code; an unknown theme is an error even on a site without code.
fn syntax_css(config: &Config) -> Result<String, Diagnostic> {
    let markdown = &config.markdown;
    highlight::stylesheet(
        &markdown.highlight_theme,
        markdown.highlight_theme_dark.as_deref(),
    )
    .map_err(|err| {
        let dark = match &err {
            highlight::ThemeError::Unknown { name, .. } => {
                markdown.highlight_theme_dark.as_ref() == Some(name)
                    && markdown.highlight_theme != *name
            }
            highlight::ThemeError::Css(_) => false,
        };
        let key = if dark {
            "highlight_theme_dark"
        } else {
            "highlight_theme"
        };
        config
            .error_at_key(&[Step::Key("markdown"), Step::Key(key)], &err)
            .unwrap_or_else(|| Diagnostic::error(crate::config::CONFIG_FILE, &err))
            .with_help(format!("set [markdown] {key} to one of the themes listed"))
    })
}
