//! Maps in pages: the site's drawer of `map` code blocks, which reads the block, checks its
//! place ids, draws the map and renders it through `partials/map.html`.

use super::block;
use super::page::{self, MapFigure};
use super::{Place, Places};
use crate::data::sources::Sources;
use crate::diagnostics::{Diagnostic, SourceText};
use crate::markdown::figures::Figures;
use crate::markdown::links::Targets;
use crate::render::Templates;
use crate::words::Words;

/// Draws a site's map blocks.
pub struct SiteMaps<'a> {
    /// The places, when the site has a places file that loaded.
    pub places: Option<&'a Places>,
    /// The sources, for the credits.
    pub sources: Option<&'a Sources>,
    /// The site's pages and data, for place ids and links.
    pub targets: &'a dyn Targets,
    /// The templates, for `partials/map.html`.
    pub templates: &'a Templates,
}

impl SiteMaps<'_> {
    /// The figure of a map block, with every problem of the block located in its page.
    pub fn map_figure(
        &self,
        source: &SourceText,
        offset: usize,
        text: &str,
        number: usize,
        words: &Words,
    ) -> Result<MapFigure, Vec<Diagnostic>> {
        let map = block::parse(source, offset, text).map_err(|d| d.0)?;
        let problems = map.check_places(source, self.targets);
        if !problems.is_empty() {
            return Err(problems);
        }
        // A places file with errors is reported on its own: its maps are left out.
        let Some(places) = self.places else {
            return Err(Vec::new());
        };
        let shown: Vec<&Place> = map.places.iter().filter_map(|id| places.get(id)).collect();
        let source_name = |id: &str| {
            self.sources
                .and_then(|s| s.get(id))
                .map(|s| s.short_name.clone())
        };
        page::figure(
            &number.to_string(),
            &map.title,
            map.caption.clone().unwrap_or_default(),
            &shown,
            &map.request(places, words),
            self.targets,
            &source_name,
        )
        .map_err(|err| vec![source.error_at(offset, err.to_string())])
    }
}

impl Figures for SiteMaps<'_> {
    fn handles(&self, info: &str) -> bool {
        info == block::INFO
    }

    fn figure(
        &self,
        _info: &str,
        source: &SourceText,
        offset: usize,
        text: &str,
        number: usize,
        words: &Words,
    ) -> Result<String, Vec<Diagnostic>> {
        let figure = self.map_figure(source, offset, text, number, words)?;
        let mut context = tera::Context::new();
        context.insert("map", &figure);
        // Maps in pages are drawn before the templates' globals are set: the partial gets
        // the words it writes here.
        context.insert("t", words.template_value());
        self.templates
            .render(page::MAP_TEMPLATE, &context)
            .map_err(|mut diagnostic| {
                if !self.templates.contains(page::MAP_TEMPLATE) {
                    diagnostic = source
                        .error_at(
                            offset,
                            format!("the site has no template {}", page::MAP_TEMPLATE),
                        )
                        .with_help(
                            "copy templates/partials/map.html from a site made by `explainer new`",
                        );
                }
                vec![diagnostic]
            })
    }
}
