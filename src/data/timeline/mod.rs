//! The timeline, `content/data/timeline.toml` or `timeline.csv`: dated events with their sources.
//!
//! Data flows one way: an input format reads [`input`] events, [`validate`] checks
//! them into the [`model`], and [`view`], [`page`] and [`export`] make the
//! pages, the key dates and the exported files.

pub mod csv_input;
pub mod export;
pub mod input;
pub mod model;
pub mod page;
pub mod toml_input;
pub mod validate;
pub mod view;
mod when;

use std::path::Path;

use crate::config::Config;
use crate::data::translation::Translatable;
use crate::data::{CitedBy, DataKind, Generated, SiteData, file};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::Renderer;
use crate::markdown::links::{self, Scheme, Targets};
use crate::words::Words;
pub use model::{Event, Importance, Qualifier, Timeline, When};
pub use when::{DateEnd, DateView};

/// The site path of the timeline page; tag pages are below it.
pub const PATH: &str = "/timeline/";

/// `event:` links name an event by its id.
pub const SCHEME: Scheme = Scheme {
    name: "event",
    noun: "timeline event",
    file: toml_input::FILE,
    page: PATH,
    cites: false,
};

impl DataKind for Timeline {
    const NAME: &'static str = "timeline";
    const FILES: &'static [&'static str] = &[toml_input::FILE, csv_input::FILE];
    const SCHEME: Option<Scheme> = Some(SCHEME);
    const SCHEMA: Option<fn() -> schemars::Schema> =
        Some(crate::schema::schema_of::<toml_input::TimelineFile>);
    const TRANSLATABLE: Option<Translatable> = Some(Translatable {
        entry: "event",
        fields: &["title", "body", "display_date"],
        names: &[],
    });

    fn translate(&mut self, id: &str, field: &str, text: String) {
        if let Some(event) = self.events.iter_mut().find(|e| e.id == id) {
            match field {
                "title" => event.title = text,
                "body" => event.body = text,
                "display_date" => event.when.display = Some(text),
                _ => {}
            }
        }
    }

    fn load(root: &Path, _config: &Config) -> Result<Option<Self>, Diagnostics> {
        load(root)
    }

    fn ids(&self) -> Vec<&str> {
        Timeline::ids(self).collect()
    }

    fn check_references(&self, targets: &dyn Targets) -> Vec<Diagnostic> {
        Timeline::check_references(self, targets)
    }

    fn page_paths(&self) -> Vec<(String, String)> {
        let from = self.file.path.display().to_string();
        page_paths(self)
            .into_iter()
            .map(|path| (path, from.clone()))
            .collect()
    }

    fn globals(
        this: Option<&Self>,
        _site: &SiteData,
        targets: &dyn Targets,
        words: &Words,
    ) -> Vec<(&'static str, serde_json::Value)> {
        vec![("key_dates", key_dates(this, targets, words))]
    }

    fn generate(&self, site: &SiteData, renderer: &Renderer<'_>) -> Generated {
        generate(self, renderer, site)
    }
}

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
    std::iter::once(PATH.to_owned())
        .chain(
            timeline
                .tags()
                .into_iter()
                .map(|(tag, _)| view::tag_path(tag)),
        )
        .collect()
}

/// The major events for every template, as `key_dates` (an empty array without a timeline).
/// Template globals are not made per edition yet, so the dates are in the bundled English.
pub fn key_dates(
    timeline: Option<&Timeline>,
    targets: &dyn Targets,
    words: &Words,
) -> serde_json::Value {
    timeline.map_or_else(
        || serde_json::Value::Array(Vec::new()),
        |t| page::key_dates(t, targets, words),
    )
}

/// The timeline's pages, its exports and its citations of sources.
pub fn generate(timeline: &Timeline, renderer: &Renderer<'_>, site: &SiteData) -> Generated {
    let mut generated = Generated::default();
    let views = view::events(timeline, renderer, site, &mut generated);
    let (pages, files) = rayon::join(
        || page::pages(timeline, &views, renderer.targets, renderer.words),
        || export::files(timeline),
    );
    generated.pages = pages;
    match files {
        Ok(files) => generated.files = files,
        Err(diagnostic) => generated.diagnostics.push(diagnostic),
    }
    for (event, view) in timeline.events.iter().zip(&views) {
        let href = links::anchor(renderer.targets, PATH, &event.id);
        let cited = event.sources.iter().chain(&view.body_citations);
        generated.cited_by.extend(cited.map(|source| {
            CitedBy {
                source: source.clone(),
                title: renderer
                    .words
                    .fill("cited_by.timeline", &[("title", &event.title)]),
                href: href.clone(),
            }
        }));
    }
    generated
}
