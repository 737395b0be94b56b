//! Places as the rest of the build sees them.

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use crate::data::glossary::Alias;
use crate::diagnostics::SourceText;
use crate::maps::geo::LonLat;
use crate::maps::geojson::Shapes;
use crate::maps::{MapPlace, Mark};

/// The kinds a place may be, each drawn its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A city.
    City,
    /// A town.
    Town,
    /// A village.
    Village,
    /// A region or district: named, not marked.
    Region,
    /// A border crossing, bridge or checkpoint.
    Crossing,
    /// A road or corridor: its line comes from `geometry`.
    Road,
    /// Any other point: a depot, a base, a building.
    Site,
}

impl Kind {
    /// Every kind, as written in the file.
    pub const NAMES: [&'static str; 7] = [
        "city", "town", "village", "region", "crossing", "road", "site",
    ];

    /// The kind written as `name`.
    pub fn parse(name: &str) -> Option<Kind> {
        Some(match name {
            "city" => Kind::City,
            "town" => Kind::Town,
            "village" => Kind::Village,
            "region" => Kind::Region,
            "crossing" => Kind::Crossing,
            "road" => Kind::Road,
            "site" => Kind::Site,
            _ => return None,
        })
    }

    /// Its name in the file.
    pub fn name(self) -> &'static str {
        match self {
            Kind::City => "city",
            Kind::Town => "town",
            Kind::Village => "village",
            Kind::Region => "region",
            Kind::Crossing => "crossing",
            Kind::Road => "road",
            Kind::Site => "site",
        }
    }

    /// How a map marks it.
    pub fn mark(self) -> Mark {
        match self {
            Kind::City => Mark::City,
            Kind::Town => Mark::Town,
            Kind::Village => Mark::Village,
            Kind::Crossing | Kind::Site => Mark::Point,
            Kind::Region | Kind::Road => Mark::Name,
        }
    }
}

/// A place.
#[derive(Debug, Clone, Serialize)]
pub struct Place {
    /// Stable id, the anchor on `/places/`.
    pub id: String,
    /// The name the site uses.
    pub name: String,
    /// The name's language, when not the site's.
    pub lang: Option<String>,
    /// Other names (for a contested place, the other side's).
    pub names: Vec<Alias>,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// Its kind.
    pub kind: Kind,
    /// Where the coordinates come from.
    pub sources: Vec<String>,
    /// The GeoJSON file of its line or area, under `content/data/`.
    pub geometry: Option<String>,
    /// Editors' notes.
    pub notes: Option<String>,
    /// The line or area read from `geometry`.
    #[serde(skip)]
    pub shapes: Shapes,
    #[serde(skip)]
    pub(super) source_spans: Vec<Range<usize>>,
}

impl Place {
    /// The name with the other names of a contested place, as the explainer writes them:
    /// "Stepanakert/Khankendi".
    pub fn both_names(&self) -> String {
        std::iter::once(self.name.as_str())
            .chain(self.names.iter().map(|a| a.name.as_str()))
            .collect::<Vec<_>>()
            .join("/")
    }

    /// The place as a map draws it: its label is its name, then its other names.
    pub fn map_place(&self) -> MapPlace {
        let mut lines = vec![self.name.clone()];
        if !self.names.is_empty() {
            let others: Vec<&str> = self.names.iter().map(|a| a.name.as_str()).collect();
            lines.push(others.join(" / "));
        }
        MapPlace {
            id: self.id.clone(),
            kind: self.kind.name().to_owned(),
            mark: self.kind.mark(),
            at: LonLat {
                lon: self.lon,
                lat: self.lat,
            },
            lines,
            shapes: self.shapes.clone(),
        }
    }
}

/// Every place, in file order.
#[derive(Debug, Clone)]
pub struct Places {
    /// The places.
    pub list: Vec<Place>,
    pub(super) index: HashMap<String, usize>,
    /// The file they came from.
    pub file: SourceText,
}

impl Places {
    /// The place with this id.
    pub fn get(&self, id: &str) -> Option<&Place> {
        self.index.get(id).map(|&i| &self.list[i])
    }

    /// True when a place with this id exists.
    pub fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    /// Every id, in file order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.list.iter().map(|p| p.id.as_str())
    }
}
