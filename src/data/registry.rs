//! The one list of data kinds. Everything the build does with data (loading, reloading in
//! the preview, reference checks, link schemes, page paths, template values, pages and
//! exports) goes through the code this list generates.
//!
//! To add a kind: a folder under `src/data/` implementing [`super::DataKind`], and one
//! line below. See ARCHITECTURE.md.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostics::SourceText;
use crate::diagnostics::{Collector, Diagnostic, Diagnostics};
use crate::markdown::Renderer;
use crate::markdown::figures::Figures;
use crate::markdown::links::{Scheme, Targets};
use crate::render::Templates;
use crate::words::Words;

use super::{
    DataKind, Generated, casualties, glossary, media, places, sources, timeline, translation,
};

/// Generates [`SiteData`], [`Kind`] and their methods from the list of kinds.
macro_rules! registry {
    ($($(#[$doc:meta])* $field:ident: $variant:ident => $kind:ty,)*) => {
        /// Every data file of a site, each absent when the site has none (or it failed to load).
        #[derive(Debug, Default)]
        pub struct SiteData {
            $($(#[$doc])* pub $field: Option<$kind>,)*
            /// The kinds whose file exists but failed to load. References to their ids are
            /// not checked, so that a broken file is reported alone, not with every reference to it.
            pub failed: Vec<Kind>,
            /// In an edition in another language, the ids of each kind's entries that have no
            /// translation, by the kind's name: they are shown in the default language.
            pub untranslated: BTreeMap<&'static str, Vec<String>>,
        }

        /// A registered kind of data file.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Kind {
            $($(#[$doc])* $variant,)*
        }

        impl Kind {
            /// Every registered kind, in the registry's order.
            pub const ALL: &[Kind] = &[$(Kind::$variant,)*];

            /// How commands and messages name the kind, such as `glossary`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Kind::$variant => <$kind as DataKind>::NAME,)*
                }
            }

            /// The files of `content/data/` the kind reads.
            pub fn files(self) -> &'static [&'static str] {
                match self {
                    $(Kind::$variant => <$kind as DataKind>::FILES,)*
                }
            }

            /// The JSON Schema of the kind's TOML file, if it has one.
            pub fn schema(self) -> Option<fn() -> schemars::Schema> {
                match self {
                    $(Kind::$variant => <$kind as DataKind>::SCHEMA,)*
                }
            }

            /// What of the kind's entries an edition may translate, if anything.
            pub fn translatable(self) -> Option<translation::Translatable> {
                match self {
                    $(Kind::$variant => <$kind as DataKind>::TRANSLATABLE,)*
                }
            }

            /// The kind's link scheme, if it has one.
            pub fn scheme(self) -> Option<Scheme> {
                match self {
                    $(Kind::$variant => <$kind as DataKind>::SCHEME,)*
                }
            }
        }

        impl SiteData {
            /// Loads every data file side by side, recording each file's problems.
            pub fn load(root: &Path, config: &Config, diagnostics: &mut Collector) -> SiteData {
                $(let mut $field = None;)*
                rayon::scope(|scope| {
                    $(
                        let slot = &mut $field;
                        scope.spawn(move |_| *slot = Some(<$kind as DataKind>::load(root, config)));
                    )*
                });
                let mut data = SiteData::default();
                $(
                    match $field.map(|loaded| diagnostics.take(loaded)) {
                        Some(Some(loaded)) => data.$field = loaded,
                        _ => data.failed.push(Kind::$variant),
                    }
                )*
                data
            }

            /// Reads one kind again after its file changed, keeping the others; its errors are returned.
            pub fn reload(&mut self, kind: Kind, root: &Path, config: &Config) -> Result<(), Diagnostics> {
                match kind {
                    $(Kind::$variant => self.$field = <$kind as DataKind>::load(root, config)?,)*
                }
                self.failed.retain(|failed| *failed != kind);
                Ok(())
            }

            /// The ids each registered scheme may name, with whether its kind failed to load.
            pub fn scheme_ids(&self) -> Vec<(Scheme, Vec<&str>, bool)> {
                let mut schemes = Vec::new();
                $(
                    if let Some(scheme) = <$kind as DataKind>::SCHEME {
                        let ids = self.$field.as_ref().map(DataKind::ids).unwrap_or_default();
                        schemes.push((scheme, ids, self.failed.contains(&Kind::$variant)));
                    }
                )*
                schemes
            }

            /// What the kinds' entries name in other kinds and does not exist.
            pub fn check_references(&self, targets: &dyn Targets) -> Vec<Diagnostic> {
                let checks: [&(dyn Fn() -> Vec<Diagnostic> + Sync); Kind::ALL.len()] = [$(
                    &|| self.$field.as_ref().map(|k| k.check_references(targets)).unwrap_or_default(),
                )*];
                checks.par_iter().flat_map_iter(|check| check()).collect()
            }

            /// The site paths of the pages the data files make, with the file each comes from.
            pub fn page_paths(&self) -> Vec<(String, String)> {
                let mut paths = Vec::new();
                $(paths.extend(self.$field.iter().flat_map(DataKind::page_paths));)*
                paths
            }

            /// Values every template sees besides the site and navigation (such as the key dates).
            pub fn template_globals(&self, targets: &dyn Targets, words: &Words) -> serde_json::Map<String, serde_json::Value> {
                let mut globals = serde_json::Map::new();
                let untranslated: serde_json::Map<String, serde_json::Value> = [$(<$kind as DataKind>::NAME,)*]
                    .iter()
                    .map(|name| (name.to_string(), serde_json::json!(self.untranslated.get(name).cloned().unwrap_or_default())))
                    .collect();
                globals.insert("untranslated".to_owned(), serde_json::Value::Object(untranslated));
                $(
                    for (name, value) in <$kind as DataKind>::globals(self.$field.as_ref(), self, targets, words) {
                        globals.insert(name.to_owned(), value);
                    }
                )*
                globals
            }

            /// Lays the translations of `content/data/LANGUAGE/` over the entries, and records
            /// which entries have none. Every problem of the translation files is recorded.
            pub fn translate(&mut self, root: &Path, language: &str, diagnostics: &mut Collector) {
                let mut problems = Vec::new();
                $(
                    let name = <$kind as DataKind>::NAME;
                    match self.$field.as_mut() {
                        Some(kind) => {
                            let ids: Vec<String> = kind.entry_ids().into_iter().map(str::to_owned).collect();
                            let id_refs: Vec<&str> = ids.iter().map(String::as_str).collect();
                            let translatable = <$kind as DataKind>::TRANSLATABLE;
                            let found = translation::read(root, name, language, translatable, &id_refs, &mut problems)
                                .unwrap_or_default();
                            let done: HashSet<String> = found.iter().map(|t| t.id.clone()).collect();
                            for translated in found {
                                match translated.words {
                                    translation::Words::Text(text) => kind.translate(&translated.id, translated.field, text),
                                    translation::Words::Names(names) => kind.translate_names(&translated.id, translated.field, names),
                                }
                            }
                            self.untranslated.insert(name, ids.into_iter().filter(|id| !done.contains(id)).collect());
                        }
                        None if !self.failed.contains(&Kind::$variant) => {
                            let file = translation::file_of(name, language);
                            if root.join(&file).is_file() {
                                problems.push(Diagnostic::error(&file, format!("there is no {name} file to translate"))
                                    .with_help(format!("add the {name} in the default language under content/data/ first, or remove this file")));
                            }
                        }
                        None => {}
                    }
                )*
                problems.extend(translation::unknown_files(root, language, &[$(<$kind as DataKind>::NAME,)*]));
                diagnostics.extend(problems);
            }

            /// The templates every kind's figure code blocks are drawn with.
            pub fn figure_templates() -> Vec<&'static str> {
                let mut names = Vec::new();
                $(names.extend(<$kind as DataKind>::FIGURE_TEMPLATES);)*
                names
            }

            /// What draws every kind's figure code blocks, for the Markdown renderer.
            pub fn figures<'a>(&'a self, targets: &'a dyn Targets, templates: &'a Templates) -> KindFigures<'a> {
                let mut drawers = Vec::new();
                $(drawers.extend(<$kind as DataKind>::figures(self, targets, templates));)*
                KindFigures(drawers)
            }

            /// Renders every kind's pages and exports side by side. The sources page, which
            /// needs every citation, is made later by [`SiteData::sources_page`].
            pub fn generate(&self, renderer: &Renderer<'_>) -> Generated {
                let jobs: [&(dyn Fn() -> Generated + Sync); Kind::ALL.len()] = [$(
                    &|| self.$field.as_ref().map(|k| k.generate(self, renderer)).unwrap_or_default(),
                )*];
                jobs.par_iter()
                    .map(|job| job())
                    .reduce(Generated::default, |mut all, part| {
                        all.merge(part);
                        all
                    })
            }
        }
    };
}

registry! {
    /// `sources.toml`: who said what; every citation names one.
    sources: Sources => sources::Sources,
    /// `glossary.toml`: terms and the names each side uses.
    glossary: Glossary => glossary::Glossary,
    /// `timeline.toml` or `timeline.csv`: dated events.
    timeline: Timeline => timeline::Timeline,
    /// `casualties.toml` or `casualties.csv`: casualty claims, never added together.
    casualties: Casualties => casualties::Casualties,
    /// `places.toml`: where things happened, with both names of contested places.
    places: Places => places::Places,
    /// `media.toml`: images with their alt text, caption, credit and licence.
    media: Media => media::Media,
}

impl Kind {
    /// The kind a file of `content/data/` holds, by its name; `None` for a file no kind reads.
    pub fn of_file(name: &str) -> Option<Kind> {
        Kind::ALL
            .iter()
            .copied()
            .find(|kind| kind.files().contains(&name))
    }
}

/// The figure code blocks of every kind, drawn by the kind whose info string they carry.
pub struct KindFigures<'a>(Vec<Box<dyn Figures + 'a>>);

impl Figures for KindFigures<'_> {
    fn handles(&self, info: &str) -> bool {
        self.0.iter().any(|drawer| drawer.handles(info))
    }

    fn figure(
        &self,
        info: &str,
        source: &SourceText,
        offset: usize,
        text: &str,
        number: usize,
        words: &Words,
    ) -> Result<String, Vec<Diagnostic>> {
        match self.0.iter().find(|drawer| drawer.handles(info)) {
            Some(drawer) => drawer.figure(info, source, offset, text, number, words),
            None => Err(Vec::new()),
        }
    }
}
