//! The data files of `content/data/`: sources, glossary, timeline and casualties.
//!
//! Each kind has its own module: model, loading, validation and the view data
//! its page is rendered from. This module holds what they share.

pub mod casualties;
pub mod file;
pub mod glossary;
pub mod media;
pub mod sources;
pub mod timeline;

use serde::Serialize;

use crate::diagnostics::Diagnostic;

/// A page generated from data, such as `/timeline/`.
#[derive(Debug, Clone)]
pub struct DataPage {
    /// The site path, such as `/timeline/tags/exodus/`.
    pub path: String,
    /// The template to render it with.
    pub template: &'static str,
    /// The page title.
    pub title: String,
    /// A one-sentence description for meta tags.
    pub description: String,
    /// What the template gets as `data`, as the templates' values: made once, and shared
    /// (not copied) by every page that lists the same entries.
    pub data: tera::Value,
}

/// A file written as is, such as `/timeline/timeline.json`.
#[derive(Debug, Clone)]
pub struct ExportFile {
    /// The path in the output, such as `timeline/timeline.json`.
    pub path: String,
    /// The file's contents.
    pub bytes: Vec<u8>,
}

/// A place that cites a source: a page, a timeline event, a casualty claim.
#[derive(Debug, Clone, Serialize)]
pub struct CitedBy {
    /// The cited source's id.
    #[serde(skip)]
    pub source: String,
    /// What cites it, as readers see it ("Timeline: Ceasefire of 20 September").
    pub title: String,
    /// A link to the citing place.
    pub href: String,
}

/// What a data kind contributes to the site once rendered.
#[derive(Debug, Default)]
pub struct Generated {
    /// Its pages.
    pub pages: Vec<DataPage>,
    /// Its exported files.
    pub files: Vec<ExportFile>,
    /// Its citations of sources, for the back-links on `/sources/`.
    pub cited_by: Vec<CitedBy>,
    /// Problems found while rendering (broken links in Markdown fields).
    pub diagnostics: Vec<Diagnostic>,
    /// True when a Markdown field had highlighted code.
    pub has_code: bool,
}

impl Generated {
    /// Adds another kind's output to this one.
    pub fn merge(&mut self, other: Generated) {
        self.pages.extend(other.pages);
        self.files.extend(other.files);
        self.cited_by.extend(other.cited_by);
        self.diagnostics.extend(other.diagnostics);
        self.has_code |= other.has_code;
    }
}

/// True for ids usable as anchors and in URLs: lowercase letters, digits, `-` and `_`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// The help shown for an invalid id.
pub const ID_HELP: &str =
    "ids are lowercase letters, digits, `-` and `_`, such as \"karabakh-ombudsman\"";

/// Every data file of a site, each absent when the site has no such file.
#[derive(Debug, Default)]
pub struct SiteData {
    /// `sources.toml`.
    pub sources: Option<sources::Sources>,
    /// `glossary.toml`.
    pub glossary: Option<glossary::Glossary>,
    /// `timeline.toml` or `timeline.csv`.
    pub timeline: Option<timeline::Timeline>,
    /// `casualties.toml` or `casualties.csv`.
    pub casualties: Option<casualties::Casualties>,
    /// The data files that exist but failed to load.
    pub failed: Failed,
}

/// Which data files exist but failed to load. References to their ids are not
/// checked, so that a broken file is reported alone, not with every reference to it.
#[derive(Debug, Default, Clone, Copy)]
pub struct Failed {
    /// `sources.toml` has errors.
    pub sources: bool,
    /// `glossary.toml` has errors.
    pub glossary: bool,
    /// The timeline file has errors.
    pub timeline: bool,
}

/// A kind of data file; each is read from its own file of `content/data/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `sources.toml`.
    Sources,
    /// `glossary.toml`.
    Glossary,
    /// `timeline.toml` or `timeline.csv`.
    Timeline,
    /// `casualties.toml` or `casualties.csv`.
    Casualties,
}

impl Kind {
    /// The kind a file of `content/data/` holds, by its name; `None` for a file no kind reads.
    pub fn of_file(name: &str) -> Option<Kind> {
        match name {
            sources::FILE => Some(Kind::Sources),
            glossary::FILE => Some(Kind::Glossary),
            timeline::toml_input::FILE | timeline::csv_input::FILE => Some(Kind::Timeline),
            casualties::TOML_FILE | casualties::CSV_FILE => Some(Kind::Casualties),
            _ => None,
        }
    }
}

impl SiteData {
    /// Loads every data file, recording each file's problems.
    pub fn load(
        root: &std::path::Path,
        config: &crate::config::Config,
        diagnostics: &mut crate::diagnostics::Collector,
    ) -> SiteData {
        // The files are independent: read and check them side by side.
        let ((sources, glossary), (timeline, casualties)) = rayon::join(
            || rayon::join(|| sources::load(root), || glossary::load(root)),
            || {
                rayon::join(
                    || timeline::load(root),
                    || casualties::load(root, &config.casualties, config.file()),
                )
            },
        );
        let sources = diagnostics.take(sources);
        let glossary = diagnostics.take(glossary);
        let timeline = diagnostics.take(timeline);
        SiteData {
            failed: Failed {
                sources: sources.is_none(),
                glossary: glossary.is_none(),
                timeline: timeline.is_none(),
            },
            sources: sources.flatten(),
            glossary: glossary.flatten(),
            timeline: timeline.flatten(),
            casualties: diagnostics.take(casualties).flatten(),
        }
    }

    /// Reads one kind of data file again after it changed, keeping the others; its errors are returned.
    pub fn reload(
        &mut self,
        kind: Kind,
        root: &std::path::Path,
        config: &crate::config::Config,
    ) -> Result<(), crate::diagnostics::Diagnostics> {
        match kind {
            Kind::Sources => {
                self.sources = sources::load(root)?;
                self.failed.sources = false;
            }
            Kind::Glossary => {
                self.glossary = glossary::load(root)?;
                self.failed.glossary = false;
            }
            Kind::Timeline => {
                self.timeline = timeline::load(root)?;
                self.failed.timeline = false;
            }
            Kind::Casualties => {
                self.casualties = casualties::load(root, &config.casualties, config.file())?
            }
        }
        Ok(())
    }

    /// Checks references between data files (unknown sources, terms, events).
    pub fn check_references(&self) -> Vec<Diagnostic> {
        let has_source =
            |id: &str| self.failed.sources || self.sources.as_ref().is_some_and(|s| s.contains(id));
        let mut problems = Vec::new();
        if let Some(glossary) = &self.glossary {
            problems.extend(glossary.check_references(&has_source));
        }
        if let Some(timeline) = &self.timeline {
            problems.extend(timeline.check_references(&has_source));
        }
        if let Some(casualties) = &self.casualties {
            let events: std::collections::HashSet<&str> = self.event_ids().collect();
            let has_event = |id: &str| self.failed.timeline || events.contains(id);
            problems.extend(casualties.check_references(&has_source, &has_event));
        }
        problems
    }

    /// The ids that `source:` links may name.
    pub fn source_ids(&self) -> impl Iterator<Item = &str> {
        self.sources
            .iter()
            .flat_map(|s| s.list.iter().map(|s| s.id.as_str()))
    }

    /// The ids that `term:` links may name.
    pub fn term_ids(&self) -> impl Iterator<Item = &str> {
        self.glossary
            .iter()
            .flat_map(|g| g.terms.iter().map(|t| t.id.as_str()))
    }

    /// The ids that `event:` links may name.
    pub fn event_ids(&self) -> impl Iterator<Item = &str> {
        self.timeline.iter().flat_map(timeline::Timeline::ids)
    }

    /// The site paths of the pages the data files generate, with the file each comes from.
    pub fn page_paths(&self) -> Vec<(String, String)> {
        let mut paths = Vec::new();
        if self.sources.is_some() {
            paths.push((
                crate::markdown::links::paths::SOURCES.to_owned(),
                file::data_path(sources::FILE),
            ));
        }
        if self.glossary.is_some() {
            paths.push((
                crate::markdown::links::paths::GLOSSARY.to_owned(),
                file::data_path(glossary::FILE),
            ));
        }
        if let Some(timeline) = &self.timeline {
            let from = timeline.file.path.display().to_string();
            paths.extend(
                timeline::page_paths(timeline)
                    .into_iter()
                    .map(|path| (path, from.clone())),
            );
        }
        if let Some(casualties) = &self.casualties {
            paths.push((casualties::PATH.to_owned(), casualties.file_path()));
        }
        paths
    }

    /// Values every template sees besides the site and navigation (such as the article's key dates).
    pub fn template_globals(
        &self,
        targets: &dyn crate::markdown::links::Targets,
    ) -> serde_json::Map<String, serde_json::Value> {
        let mut globals = serde_json::Map::new();
        globals.insert(
            "key_dates".into(),
            timeline::key_dates(self.timeline.as_ref(), targets),
        );
        let summary = self
            .casualties
            .as_ref()
            .map(|c| c.summary_global(self.sources.as_ref(), targets));
        globals.insert(
            "casualty_summary".into(),
            summary.unwrap_or(serde_json::Value::Null),
        );
        globals
    }

    /// Renders the data pages and exports of every kind but the sources page, which needs
    /// every citation: [`SiteData::sources_page`] makes it.
    pub fn generate(&self, renderer: &crate::markdown::Renderer<'_>) -> Generated {
        let source_name = |id: &str| {
            self.sources
                .as_ref()
                .and_then(|s| s.get(id))
                .map(|s| s.name.clone())
        };
        // The kinds are independent until the sources page: generate them side by side.
        let (glossary, (timeline, casualties)) = rayon::join(
            || {
                self.glossary
                    .as_ref()
                    .map(|glossary| glossary::generate(glossary, renderer, &source_name))
            },
            || {
                rayon::join(
                    || {
                        self.timeline.as_ref().map(|timeline| {
                            timeline::generate(timeline, renderer, self.sources.as_ref())
                        })
                    },
                    || {
                        self.casualties.as_ref().map(|casualties| {
                            casualties::generate(
                                casualties,
                                self.sources.as_ref(),
                                renderer.targets,
                            )
                        })
                    },
                )
            },
        );
        let mut generated = Generated::default();
        for part in [glossary, timeline, casualties].into_iter().flatten() {
            generated.merge(part);
        }
        generated
    }

    /// The sources page, with back-links to the places that cite each source: `cited_by`
    /// (the pages' citations), then `data_citations` (the data files' own, from
    /// [`SiteData::generate`]). Nothing without a sources file.
    pub fn sources_page(
        &self,
        cited_by: &[CitedBy],
        data_citations: &[CitedBy],
    ) -> Option<DataPage> {
        let sources = self.sources.as_ref()?;
        Some(sources::page(
            sources,
            cited_by.iter().chain(data_citations),
        ))
    }
}
