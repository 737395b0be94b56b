//! The `map` code block of a page: TOML naming the places to show.
//!
//! ````markdown
//! ```map
//! title = "Stepanakert/Khankendi and the road to Armenia"
//! places = ["stepanakert", "shushi", "lachin", "goris"]
//! caption = "The Lachin corridor ran from Goris in Armenia to Stepanakert/Khankendi."
//! zoom = 1.5                    # optional: closer (above 1) or farther (below 1)
//! extent = [45.5, 39.2, 47.5, 40.3]   # optional: west, south, east, north in degrees
//! country_names = false         # optional: leave out the names of countries
//! ```
//! ````
//!
//! Errors are reported at their line and column in the Markdown file.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::model::Places;
use crate::diagnostics::{Collector, Diagnostic, Diagnostics, SourceText};
use crate::maps::MapRequest;
use crate::maps::geo::Extent;
use crate::markdown::links::{self, Targets};
use crate::toml_input;
use crate::words::Words;

/// The info string that makes a fenced code block a map.
pub const INFO: &str = "map";

/// The closest a map may be zoomed, past which it would show a few metres.
const MAX_ZOOM: f64 = 100.0;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BlockInput {
    title: Spanned<String>,
    places: Spanned<Vec<Spanned<String>>>,
    caption: Option<String>,
    extent: Option<Spanned<Vec<f64>>>,
    zoom: Option<Spanned<f64>>,
    country_names: Option<bool>,
}

/// A map block, checked on its own (its place ids are checked against the places file
/// by [`MapBlock::check_places`]).
#[derive(Debug, Clone)]
pub struct MapBlock {
    /// The map's title, its accessible name.
    pub title: String,
    /// A caption, in Markdown.
    pub caption: Option<String>,
    /// The ids of the places shown, in the order of the list under the map.
    pub places: Vec<String>,
    /// The ground to show, when set.
    pub extent: Option<Extent>,
    /// Closer or farther than the places' own extent.
    pub zoom: Option<f64>,
    /// Whether countries are named (`country_names = false` leaves them out).
    pub country_names: bool,
    /// Where each place id is written in the Markdown file.
    place_spans: Vec<Range<usize>>,
}

/// Reads a map block whose TOML `text` starts at byte `offset` of the page `source`.
pub fn parse(source: &SourceText, offset: usize, text: &str) -> Result<MapBlock, Diagnostics> {
    let input: BlockInput = toml_input::parse(source, text, offset)?;
    let at = |span: Range<usize>| offset + span.start;
    let mut problems = Collector::default();
    if input.title.get_ref().trim().is_empty() {
        problems.push(
            source
                .error_at(at(input.title.span()), "the map's `title` is empty")
                .with_help("a map's title is what screen readers announce: say what it shows"),
        );
    }
    if input.places.get_ref().is_empty() {
        problems.push(
            source
                .error_at(at(input.places.span()), "the map shows no place")
                .with_help("name places by their ids in content/data/places.toml, such as places = [\"stepanakert\"]"),
        );
    }
    let extent = input.extent.as_ref().and_then(|e| match extent(e.get_ref()) {
        Ok(extent) => Some(extent),
        Err(message) => {
            problems.push(source.error_at(at(e.span()), message).with_help(
                "write extent = [west, south, east, north] in degrees, such as [45.5, 39.2, 47.5, 40.3]",
            ));
            None
        }
    });
    let zoom = input.zoom.as_ref().and_then(|z| {
        let value = *z.get_ref();
        if value > 0.0 && value <= MAX_ZOOM {
            Some(value)
        } else {
            problems.push(
                source
                    .error_at(at(z.span()), format!("zoom {value} is out of range"))
                    .with_help(format!("use a number above 0 and at most {MAX_ZOOM}: 2 is twice as close, 0.5 twice as far")),
            );
            None
        }
    });
    let mut seen = std::collections::HashSet::new();
    for id in input.places.get_ref() {
        if !seen.insert(id.get_ref()) {
            problems.push(
                source
                    .error_at(
                        at(id.span()),
                        format!("the map names `{}` twice", id.get_ref()),
                    )
                    .with_help("name each place once"),
            );
        }
    }
    problems.into_result()?;
    let places = input.places.into_inner();
    Ok(MapBlock {
        title: input.title.into_inner(),
        caption: input.caption,
        place_spans: places
            .iter()
            .map(|p| offset + p.span().start..offset + p.span().end)
            .collect(),
        places: places.into_iter().map(Spanned::into_inner).collect(),
        extent,
        zoom,
        country_names: input.country_names.unwrap_or(true),
    })
}

/// Why a map block's `extent` cannot be drawn.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
enum ExtentError {
    #[error("`extent` needs 4 numbers, not {0}")]
    Count(usize),
    #[error("`extent` is off the globe: longitudes run from -180 to 180, latitudes from -90 to 90")]
    OffTheGlobe,
    #[error("`extent` has its south ({south}) at or above its north ({north})")]
    Upside { south: f64, north: f64 },
}

fn extent(values: &[f64]) -> Result<Extent, ExtentError> {
    let &[west, south, east, north] = values else {
        return Err(ExtentError::Count(values.len()));
    };
    let lon = |v: f64| (-180.0..=180.0).contains(&v);
    let lat = |v: f64| (-90.0..=90.0).contains(&v);
    if !(lon(west) && lon(east) && lat(south) && lat(north)) {
        return Err(ExtentError::OffTheGlobe);
    }
    if south >= north {
        return Err(ExtentError::Upside { south, north });
    }
    // An east edge west of the west edge crosses the antimeridian.
    let east = if east <= west { east + 360.0 } else { east };
    Ok(Extent {
        west,
        south,
        east,
        north,
    })
}

impl MapBlock {
    /// Place ids that the site does not have, at their line and column in the page.
    pub fn check_places(&self, source: &SourceText, targets: &dyn Targets) -> Vec<Diagnostic> {
        self.places
            .iter()
            .zip(&self.place_spans)
            .filter_map(|(id, span)| {
                let broken = links::unknown_id(targets, &super::SCHEME, id)?;
                Some(
                    source
                        .error_at(span.start, broken.message)
                        .with_help(broken.help),
                )
            })
            .collect()
    }

    /// What to draw, once the place ids are known to be good (unknown ones are left out),
    /// with the names of countries in `words`.
    pub fn request(&self, places: &Places, words: &Words) -> MapRequest {
        MapRequest {
            places: self
                .places
                .iter()
                .filter_map(|id| places.get(id))
                .map(super::Place::map_place)
                .collect(),
            extent: self.extent,
            zoom: self.zoom,
            no_country_names: !self.country_names,
            country_names: super::page::country_names(words),
        }
    }
}
