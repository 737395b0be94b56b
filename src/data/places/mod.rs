//! Places, `content/data/places.toml`: where things happened, with the names each side
//! uses and where the coordinates come from. Maps are drawn from them ([`crate::maps`]),
//! in pages (the `map` code block, [`block`]) and on `/places/`.

pub mod block;
pub mod figures;
pub mod input;
pub mod model;
pub mod page;
pub mod validate;

use std::path::Path;

pub use model::{Kind, Place, Places};

use crate::config::Config;
use crate::data::glossary::Alias;
use crate::data::translation::Translatable;
use crate::data::{CitedBy, DataKind, Generated, SiteData, file, sources, timeline};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::Renderer;
use crate::markdown::figures::Figures;
use crate::markdown::links::{self, Scheme, Targets};
use crate::render::Templates;

/// The data file's name.
pub const FILE: &str = "places.toml";

/// `place:` links name a place by its id.
pub const SCHEME: Scheme = Scheme {
    name: "place",
    noun: "place",
    file: FILE,
    page: page::PATH,
    cites: false,
};

impl DataKind for Places {
    const NAME: &'static str = "places";
    const FILES: &'static [&'static str] = &[FILE];
    const SCHEME: Option<Scheme> = Some(SCHEME);
    const SCHEMA: Option<fn() -> schemars::Schema> =
        Some(crate::schema::schema_of::<input::PlacesFile>);
    const TRANSLATABLE: Option<Translatable> = Some(Translatable {
        entry: "place",
        fields: &["name", "notes"],
        names: &["names"],
    });
    const FIGURE_TEMPLATES: &'static [&'static str] = &[page::MAP_TEMPLATE];

    fn translate(&mut self, id: &str, field: &str, text: String) {
        if let Some(place) = self.list.iter_mut().find(|p| p.id == id) {
            match field {
                "name" => {
                    // The translated name is in the edition's language, not the original's.
                    place.lang = None;
                    place.name = text;
                }
                "notes" => place.notes = Some(text),
                _ => {}
            }
        }
    }

    fn translate_names(&mut self, id: &str, field: &str, names: Vec<Alias>) {
        if let Some(place) = self.list.iter_mut().find(|p| p.id == id)
            && field == "names"
        {
            place.names = names;
        }
    }

    fn load(root: &Path, _config: &Config) -> Result<Option<Self>, Diagnostics> {
        load(root)
    }

    fn ids(&self) -> Vec<&str> {
        Places::ids(self).collect()
    }

    /// Unknown sources of coordinates, at their place in the file.
    fn check_references(&self, targets: &dyn Targets) -> Vec<Diagnostic> {
        self.sources_named()
            .filter_map(|(id, span)| {
                let broken = links::unknown_id(targets, &sources::SCHEME, id)?;
                Some(
                    file::error_at(&self.file, span, format!("`sources`: {broken}"))
                        .with_help(broken.help),
                )
            })
            .collect()
    }

    fn page_paths(&self) -> Vec<(String, String)> {
        vec![(page::PATH.to_owned(), file::data_path(FILE))]
    }

    /// `map` blocks, whose place ids are checked even in a site without a places file.
    fn figures<'a>(
        site: &'a SiteData,
        targets: &'a dyn Targets,
        templates: &'a Templates,
    ) -> Option<Box<dyn Figures + 'a>> {
        Some(Box::new(figures::SiteMaps {
            places: site.places.as_ref(),
            sources: site.sources.as_ref(),
            targets,
            templates,
        }))
    }

    /// `/places/`, with the events that name each place, and its citations of sources.
    fn generate(&self, site: &SiteData, renderer: &Renderer<'_>) -> Generated {
        let targets = renderer.targets;
        let source_name = |id: &str| {
            site.sources
                .as_ref()
                .and_then(|s| s.get(id))
                .map(|s| s.short_name.clone())
        };
        let events_at = |id: &str| -> Vec<page::EntryLink> {
            site.timeline
                .iter()
                .flat_map(|t| &t.events)
                .filter(|event| event.place_ids.iter().any(|p| p == id))
                .map(|event| page::EntryLink {
                    id: event.id.clone(),
                    title: event.title.clone(),
                    href: links::anchor(targets, timeline::PATH, &event.id),
                    date: Some(event.when.view(renderer.words)),
                })
                .collect()
        };
        let mut generated = Generated::default();
        match page::page(self, targets, renderer.words, &source_name, &events_at) {
            Ok(data_page) => generated.pages.push(data_page),
            Err(err) => generated
                .diagnostics
                .push(Diagnostic::error(&self.file.path, err.to_string())),
        }
        for place in &self.list {
            let href = links::anchor(targets, page::PATH, &place.id);
            generated
                .cited_by
                .extend(place.sources.iter().map(|source| {
                    CitedBy {
                        source: source.clone(),
                        title: renderer
                            .words
                            .fill("cited_by.place", &[("name", &place.both_names())]),
                        href: href.clone(),
                    }
                }));
        }
        generated
    }
}

/// Reads and checks `content/data/places.toml`; `Ok(None)` when the site has none.
pub fn load(root: &Path) -> Result<Option<Places>, Diagnostics> {
    let Some(source) = file::read(root, FILE)? else {
        return Ok(None);
    };
    validate::parse(source, root).map(Some)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod figure_tests;
