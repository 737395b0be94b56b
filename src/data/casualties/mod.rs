//! Casualty claims, `content/data/casualties.toml` or `casualties.csv`: who claimed
//! how many people were killed, wounded or displaced, of whom, and when.
//!
//! Claims are never added together: the page and the summary set each source's
//! figures side by side, and revisions by one source are kept as a history.

mod chart;
mod csv_input;
mod csv_layout;
mod export;
mod figures;
mod input;
mod model;
mod page;
mod summary;
pub(crate) mod toml_input;
mod validate;
mod view;

use std::path::Path;

pub use model::{Categories, Category, CategoryFigure, Claim, Figure, Qualifier, Status};

use crate::config::Config;
use crate::data::sources::{self, Sources};
use crate::data::translation::Translatable;
use crate::data::{CitedBy, DataKind, DataPage, ExportFile, Generated, SiteData, timeline};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceText};
use crate::markdown::Renderer;
use crate::markdown::links::{self, Targets};
use crate::words::Words;
use validate::Refs;

/// The site path of the casualties page.
pub const PATH: &str = "/casualties/";

/// The TOML data file's name.
pub const TOML_FILE: &str = toml_input::FILE;

/// The CSV data file's name.
pub const CSV_FILE: &str = csv_input::FILE;

/// Every claim of a site, checked.
#[derive(Debug, Clone)]
pub struct Casualties {
    /// The claims, in file order.
    pub claims: Vec<Claim>,
    /// The categories they may use.
    pub categories: Categories,
    /// The file they came from.
    pub file: SourceText,
    refs: Vec<Refs>,
}

/// Reads and checks the casualties file (TOML or CSV, not both); `Ok(None)` when the site has neither.
pub fn load(root: &Path, site: &Config) -> Result<Option<Casualties>, Diagnostics> {
    let (config, config_file) = (&site.casualties, site.file());
    let csv = csv_input::read(root)?;
    let toml = toml_input::read(root)?;
    let (file, drafts) = match (toml, csv) {
        (Some(_), Some((csv_file, ..))) => {
            return Err(Diagnostic::error(
                &csv_file.path,
                format!("both {TOML_FILE} and {CSV_FILE} exist in content/data/"),
            )
            .with_help("keep one of the two: they hold the same claims in different formats")
            .into());
        }
        (Some(found), None) | (None, Some(found)) => found,
        (None, None) => return Ok(None),
    };
    // The configuration's check has reported a language without words already.
    let words = site.words().unwrap_or_else(|_| Words::english().clone());
    let translated = site.edition_language().is_some();
    let categories = Categories::new(config, config_file, &words, translated)?;
    let (claims, refs) = validate::check(&file, drafts, &categories)?;
    Ok(Some(Casualties {
        claims,
        categories,
        file,
        refs,
    }))
}

impl Casualties {
    /// The data file's path, for messages about the page it generates.
    pub fn file_path(&self) -> String {
        self.file.path.display().to_string()
    }

    fn lookup<'a>(
        &'a self,
        sources: Option<&'a Sources>,
        targets: &'a dyn Targets,
        words: &'a Words,
    ) -> view::Lookup<'a> {
        view::Lookup {
            sources,
            targets,
            categories: &self.categories,
            page: targets.href(PATH),
            words,
        }
    }

    /// The `casualty_summary` template global: headline ranges per scope and category, in
    /// the edition's `words`.
    pub fn summary_global(
        &self,
        sources: Option<&Sources>,
        targets: &dyn Targets,
        words: &Words,
    ) -> serde_json::Value {
        view::global(&self.claims, &self.lookup(sources, targets, words))
    }
}

impl DataKind for Casualties {
    const NAME: &'static str = "casualties";
    const FILES: &'static [&'static str] = &[TOML_FILE, CSV_FILE];
    const SCHEMA: Option<fn() -> schemars::Schema> =
        Some(crate::schema::schema_of::<toml_input::CasualtiesFile>);
    const TRANSLATABLE: Option<Translatable> = Some(Translatable {
        entry: "claim",
        fields: &["wording", "period", "excludes", "notes"],
        names: &[],
    });

    fn entry_ids(&self) -> Vec<&str> {
        self.claims.iter().map(|c| c.id.as_str()).collect()
    }

    fn translate(&mut self, id: &str, field: &str, text: String) {
        if let Some(claim) = self.claims.iter_mut().find(|c| c.id == id) {
            match field {
                "wording" => claim.wording = Some(text),
                "period" => claim.period = Some(text),
                "excludes" => claim.excludes = Some(text),
                "notes" => claim.notes = Some(text),
                _ => {}
            }
        }
    }

    fn load(root: &Path, config: &Config) -> Result<Option<Self>, Diagnostics> {
        load(root, config)
    }

    /// Unknown sources (of `source` and `reported_by`) and unknown timeline events, at their place in the file.
    fn check_references(&self, targets: &dyn Targets) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        for (claim, refs) in self.claims.iter().zip(&self.refs) {
            let sources = std::iter::once((&claim.source, &refs.source))
                .chain(claim.reported_by.iter().zip(&refs.reported_by))
                .map(|(id, loc)| (&sources::SCHEME, id, loc));
            let event = claim
                .event
                .iter()
                .zip(&refs.event)
                .map(|(id, loc)| (&timeline::SCHEME, id, loc));
            for (scheme, id, loc) in sources.chain(event) {
                if let Some(broken) = links::unknown_id(targets, scheme, id) {
                    problems.push(
                        loc.error(&self.file, format!("claim `{}`: {broken}", claim.id))
                            .with_help(broken.help),
                    );
                }
            }
        }
        problems
    }

    fn page_paths(&self) -> Vec<(String, String)> {
        vec![(PATH.to_owned(), self.file_path())]
    }

    fn globals(
        this: Option<&Self>,
        site: &SiteData,
        targets: &dyn Targets,
        words: &Words,
    ) -> Vec<(&'static str, serde_json::Value)> {
        let summary = this.map(|c| c.summary_global(site.sources.as_ref(), targets, words));
        vec![("casualty_summary", summary.unwrap_or_default())]
    }

    fn generate(&self, site: &SiteData, renderer: &Renderer<'_>) -> Generated {
        generate(
            self,
            site.sources.as_ref(),
            renderer.targets,
            renderer.words,
        )
    }
}

/// The `/casualties/` page, its JSON and CSV downloads, and the claims' citations of sources.
pub fn generate(
    casualties: &Casualties,
    sources: Option<&Sources>,
    targets: &dyn Targets,
    words: &Words,
) -> Generated {
    let page = targets.href(PATH);
    let name = |id: &str| {
        sources
            .and_then(|s| s.get(id))
            .map_or_else(|| id.to_owned(), |s| s.name.clone())
    };
    let cited_by = casualties
        .claims
        .iter()
        .flat_map(|claim| {
            let title = words.fill(
                "cited_by.casualty_claim",
                &[
                    ("source", &name(&claim.source)),
                    ("date", &words.date(&claim.reported)),
                ],
            );
            let href = format!("{page}#{}", claim.id);
            std::iter::once(&claim.source)
                .chain(&claim.reported_by)
                .map(move |source| CitedBy {
                    source: source.clone(),
                    title: title.clone(),
                    href: href.clone(),
                })
        })
        .collect();
    let directory = PATH.trim_matches('/');
    Generated {
        pages: vec![DataPage::worded(
            words,
            "casualties",
            PATH.to_owned(),
            "casualties.html",
            page::page(
                &casualties.claims,
                &casualties.lookup(sources, targets, words),
            ),
        )],
        files: vec![
            ExportFile {
                path: format!("{directory}/casualties.json"),
                bytes: export::json(&casualties.claims, sources),
            },
            ExportFile {
                path: format!("{directory}/casualties.csv"),
                bytes: export::csv(&casualties.claims),
            },
        ],
        cited_by,
        ..Generated::default()
    }
}
