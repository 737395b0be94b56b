//! What a data kind is to the rest of the build: one trait, implemented once per kind.
//!
//! The build never names a kind. It goes through [`super::registry`], which calls these
//! methods for every registered kind, so that adding a kind needs no edit elsewhere.

use std::path::Path;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::Renderer;
use crate::markdown::figures::Figures;
use crate::markdown::links::{Scheme, Targets};
use crate::render::Templates;
use crate::words::Words;

use super::glossary::Alias;
use super::translation::Translatable;
use super::{Generated, SiteData};

/// A kind of data file of `content/data/`, such as the glossary or the timeline.
pub trait DataKind: Sized + Send + Sync {
    /// How commands and messages name the kind, such as `glossary`.
    const NAME: &'static str;
    /// The files of `content/data/` it reads; a site has at most one of them.
    const FILES: &'static [&'static str];
    /// The link scheme naming its entries (`term:` for the glossary); `None` when nothing links to them.
    const SCHEME: Option<Scheme> = None;
    /// The JSON Schema of its TOML file, made from the types that read it (see
    /// [`crate::schema::schema_of`]), for `explainer schema` and editors; `None` without one.
    const SCHEMA: Option<fn() -> schemars::Schema> = None;
    /// What of its entries an edition in another language may translate; `None` when
    /// nothing is (the entries are then shown as they are in every edition).
    const TRANSLATABLE: Option<Translatable> = None;
    /// The templates its [`DataKind::figures`] draw with (`partials/map.html` for the places):
    /// an edit of one of them changes the pages' rendered Markdown.
    const FIGURE_TEMPLATES: &'static [&'static str] = &[];

    /// Reads and checks the kind's file; `Ok(None)` when the site has none.
    fn load(root: &Path, config: &Config) -> Result<Option<Self>, Diagnostics>;

    /// The ids its link scheme may name.
    fn ids(&self) -> Vec<&str> {
        Vec::new()
    }

    /// The ids of its entries, as translations name them; by default those of its scheme.
    fn entry_ids(&self) -> Vec<&str> {
        self.ids()
    }

    /// Lays a translation of one field of the entry `id` over it; `field` is one of
    /// [`Self::TRANSLATABLE`]'s, and `id` one of [`Self::entry_ids`].
    fn translate(&mut self, _id: &str, _field: &str, _text: String) {}

    /// Lays a translation of a list of names (a field of [`Translatable::names`]) of the
    /// entry `id` over it.
    fn translate_names(&mut self, _id: &str, _field: &str, _names: Vec<Alias>) {}

    /// Problems with what its entries name in other kinds (unknown sources, events...),
    /// each at its place in the file.
    fn check_references(&self, _targets: &dyn Targets) -> Vec<Diagnostic> {
        Vec::new()
    }

    /// The site paths of the pages it makes, each with the file it is made from.
    fn page_paths(&self) -> Vec<(String, String)> {
        Vec::new()
    }

    /// Values every template sees, in the edition's `words`. Called whether or not the site
    /// has the kind, so that templates may use them unconditionally.
    fn globals(
        _this: Option<&Self>,
        _site: &SiteData,
        _targets: &dyn Targets,
        _words: &Words,
    ) -> Vec<(&'static str, serde_json::Value)> {
        Vec::new()
    }

    /// What draws the code blocks that show its data as figures (a `map` block for the
    /// places), for the Markdown renderer. Called whether or not the site has the kind, so
    /// that such a block is checked in any site; `None` when the kind draws none.
    fn figures<'a>(
        _site: &'a SiteData,
        _targets: &'a dyn Targets,
        _templates: &'a Templates,
    ) -> Option<Box<dyn Figures + 'a>> {
        None
    }

    /// Its pages, exports and citations of sources.
    fn generate(&self, _site: &SiteData, _renderer: &Renderer<'_>) -> Generated {
        Generated::default()
    }
}
