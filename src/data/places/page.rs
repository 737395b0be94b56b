//! Maps as the templates see them, and the `/places/` page: every place with both names,
//! kind, coordinates, sources and the events that happened there, and a map of them all.

use crate::data::keyword::Keyword;
use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::model::{Place, Places};
use crate::data::DataPage;
use crate::data::glossary::Alias;
use crate::data::timeline::DateView;
use crate::maps::{self, MapError, MapRequest, MapView};
use crate::markdown::links::{self, Targets};
use crate::words::Words;

/// The site path of the places page.
pub const PATH: &str = "/places/";
/// Its template.
pub const TEMPLATE: &str = "places.html";
/// The partial that draws a map figure.
pub const MAP_TEMPLATE: &str = "partials/map.html";
/// The id of the source the base layer is credited to, when a site registers it.
pub const BORDERS_SOURCE: &str = "natural-earth";
/// The base layer's name, credited on every map.
pub const BORDERS_CREDIT: &str = "Natural Earth";

/// The names of countries in `words` (`maps.countries`), by their name in Natural Earth.
pub fn country_names(words: &Words) -> HashMap<String, String> {
    words.template_value()["maps"]["countries"]
        .as_object()
        .map(|names| {
            names
                .iter()
                .filter_map(|(from, to)| Some((from.clone(), to.as_str()?.to_owned())))
                .collect()
        })
        .unwrap_or_default()
}

/// A link to a place, with both names: the list under a map, and each entry of `/places/`.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceLink {
    /// Its id.
    pub id: String,
    /// The name the site uses.
    pub name: String,
    /// Its language.
    pub lang: Option<String>,
    /// Its other names.
    pub names: Vec<Alias>,
    /// Its kind, as written in the file.
    pub kind: &'static str,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// Its entry on `/places/`.
    pub href: String,
}

impl PlaceLink {
    fn of(place: &Place, targets: &dyn Targets) -> PlaceLink {
        PlaceLink {
            id: place.id.clone(),
            name: place.name.clone(),
            lang: place.lang.clone(),
            names: place.names.clone(),
            kind: place.kind.name(),
            lat: place.lat,
            lon: place.lon,
            href: links::anchor(targets, PATH, &place.id),
        }
    }
}

/// Where a map's data comes from, credited under it.
#[derive(Debug, Clone, Serialize)]
pub struct Credit {
    /// The source's short name.
    pub name: String,
    /// Its entry on `/sources/`, when registered.
    pub href: Option<String>,
    /// `borders` or `places`.
    pub what: &'static str,
}

/// A map figure: what `partials/map.html` draws.
#[derive(Debug, Clone, Serialize)]
pub struct MapFigure {
    /// Unique on its page: the ids of its title and description derive from it.
    pub id: String,
    /// Its title, the SVG's accessible name.
    pub title: String,
    /// A caption, plain text; empty for none.
    pub caption: String,
    /// The drawing.
    pub view: MapView,
    /// Its places, for the list under it.
    pub places: Vec<PlaceLink>,
    /// Where borders and coordinates come from.
    pub credits: Vec<Credit>,
}

/// A source's short name, when the site registers it.
pub type SourceName<'a> = dyn Fn(&str) -> Option<String> + 'a;

/// Draws a map of `shown` (and the request's hints) as a figure.
pub fn figure(
    id: &str,
    title: &str,
    caption: String,
    shown: &[&Place],
    request: &MapRequest,
    targets: &dyn Targets,
    source_name: &SourceName<'_>,
) -> Result<MapFigure, MapError> {
    let view = maps::draw(request)?;
    let mut credits = vec![Credit {
        name: BORDERS_CREDIT.to_owned(),
        href: source_name(BORDERS_SOURCE)
            .map(|_| links::anchor(targets, crate::data::sources::PATH, BORDERS_SOURCE)),
        what: "borders",
    }];
    let ids: BTreeSet<&str> = shown
        .iter()
        .flat_map(|p| p.sources.iter().map(String::as_str))
        .collect();
    credits.extend(ids.into_iter().map(|id| Credit {
        name: source_name(id).unwrap_or_else(|| id.to_owned()),
        href: source_name(id).map(|_| links::anchor(targets, crate::data::sources::PATH, id)),
        what: "places",
    }));
    Ok(MapFigure {
        id: id.to_owned(),
        title: title.to_owned(),
        caption,
        view,
        places: shown.iter().map(|p| PlaceLink::of(p, targets)).collect(),
        credits,
    })
}

/// A link to a source or an event from a place's entry.
#[derive(Debug, Clone, Serialize)]
pub struct EntryLink {
    /// The id of the source or event, to mark one shown in the default language.
    pub id: String,
    /// What the link says.
    pub title: String,
    /// Where it goes.
    pub href: String,
    /// A date shown before it (events), for `partials/when.html`.
    pub date: Option<DateView>,
}

/// One place on `/places/`.
#[derive(Debug, Serialize)]
struct Entry {
    #[serde(flatten)]
    link: PlaceLink,
    sources: Vec<EntryLink>,
    events: Vec<EntryLink>,
    notes: Option<String>,
}

/// The `/places/` page's data.
#[derive(Debug, Serialize)]
struct PageData {
    count: usize,
    places: Vec<Entry>,
    map: MapFigure,
}

/// The `/places/` page; `events_at` lists the events that name a place.
pub fn page(
    places: &Places,
    targets: &dyn Targets,
    words: &Words,
    source_name: &SourceName<'_>,
    events_at: &dyn Fn(&str) -> Vec<EntryLink>,
) -> Result<DataPage, MapError> {
    let all: Vec<&Place> = places.list.iter().collect();
    let request = MapRequest {
        places: all.iter().map(|p| p.map_place()).collect(),
        country_names: country_names(words),
        ..MapRequest::default()
    };
    let map = figure(
        "places",
        // Its title is the template's (`map_title` in places.html).
        "",
        String::new(),
        &all,
        &request,
        targets,
        source_name,
    )?;
    let entries = places
        .list
        .iter()
        .map(|place| Entry {
            link: PlaceLink::of(place, targets),
            sources: place
                .sources
                .iter()
                .map(|id| EntryLink {
                    id: id.clone(),
                    title: source_name(id).unwrap_or_else(|| id.clone()),
                    href: links::anchor(targets, crate::data::sources::PATH, id),
                    date: None,
                })
                .collect(),
            events: events_at(&place.id),
            notes: place.notes.clone(),
        })
        .collect();
    Ok(DataPage::worded(
        words,
        "places",
        PATH.to_owned(),
        TEMPLATE,
        tera::Value::from_serializable(&PageData {
            count: places.list.len(),
            places: entries,
            map,
        }),
    ))
}
