//! The timeline, `content/data/timeline.toml` or `timeline.csv`: dated events with their sources.
//!
//! Data flows one way: an input format reads [`raw`] events, [`validate`] checks
//! them into the [`model`], and [`view`], [`pages`] and [`export`] make the
//! pages, the key dates and the exported files.

pub mod csv_input;
pub mod export;
pub mod model;
pub mod pages;
pub mod raw;
pub mod toml_input;
pub mod validate;
pub mod view;
mod when;

use std::path::Path;

use crate::data::sources::Sources;
use crate::data::{CitedBy, Generated, file};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::Renderer;
use crate::markdown::links::{self, Targets};
pub use model::{Event, Importance, Qualifier, Timeline, When};

/// Reads and checks the timeline; `Ok(None)` when the site has neither file, an error when it has both.
pub fn load(root: &Path) -> Result<Option<Timeline>, Diagnostics> {
    let from_toml = toml_input::read(root)?;
    let from_csv = csv_input::read(root)?;
    let (source, input) = match (from_toml, from_csv) {
        (Some(_), Some((csv, _))) => {
            return Err(Diagnostic::error(
                &csv.path,
                format!(
                    "both {} and {} exist",
                    file::data_path(toml_input::FILE),
                    file::data_path(csv_input::FILE)
                ),
            )
            .with_help("keep one of them: the timeline is read from a single file")
            .into());
        }
        (Some(read), None) | (None, Some(read)) => read,
        (None, None) => return Ok(None),
    };
    validate::timeline(input, source).map(Some)
}

/// The site paths of the timeline's pages: `/timeline/` and each tag's page.
pub fn page_paths(timeline: &Timeline) -> Vec<String> {
    std::iter::once(links::paths::TIMELINE.to_owned())
        .chain(
            timeline
                .tags()
                .into_iter()
                .map(|(tag, _)| view::tag_path(tag)),
        )
        .collect()
}

/// The major events for every template, as `key_dates` (an empty array without a timeline).
pub fn key_dates(timeline: Option<&Timeline>, targets: &dyn Targets) -> serde_json::Value {
    timeline.map_or_else(
        || serde_json::Value::Array(Vec::new()),
        |t| pages::key_dates(t, targets),
    )
}

/// The timeline's pages, its exports and its citations of sources.
pub fn generate(
    timeline: &Timeline,
    renderer: &Renderer<'_>,
    sources: Option<&Sources>,
) -> Generated {
    let mut generated = Generated::default();
    let views = view::events(timeline, renderer, sources, &mut generated);
    let (pages, files) = rayon::join(
        || pages::pages(timeline, &views, renderer.targets),
        || export::files(timeline),
    );
    generated.pages = pages;
    match files {
        Ok(files) => generated.files = files,
        Err(diagnostic) => generated.diagnostics.push(diagnostic),
    }
    for (event, view) in timeline.events.iter().zip(&views) {
        let href = links::anchor(renderer.targets, links::paths::TIMELINE, &event.id);
        let cited = event.sources.iter().chain(&view.body_citations);
        generated.cited_by.extend(cited.map(|source| CitedBy {
            source: source.clone(),
            title: format!("Timeline: {}", event.title),
            href: href.clone(),
        }));
    }
    generated
}
