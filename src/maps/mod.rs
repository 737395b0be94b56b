//! Locator maps drawn at build time: the values a template turns into an inline SVG.
//!
//! A map shows places as marks with labels that do not overlap, lines and areas from
//! GeoJSON, country borders and coasts from Natural Earth for context ([`base`]), a
//! scale bar and an inset that locates the map in its wider region. Nothing is fetched:
//! the base layer ships with the tool. The engine knows nothing of a site's files; it
//! draws what it is given, and the words a reader sees (title, description, the unit of
//! the scale bar, credits) come from the template, the only words here being the names
//! of places and countries it is given.
//!
//! [`projection`] explains why the projection suits a region of any size.

pub mod base;
pub mod clip;
pub mod countries;
pub mod geo;
pub mod geojson;
pub mod inset;
pub mod labels;
pub mod layer;
pub mod path;
pub mod projection;
pub mod scale_bar;

use serde::Serialize;

use self::geo::{Extent, LonLat, Point, Rect, km_per_degree};
use self::labels::{Label, Placed, round};
use self::path::{PathData, simplify};
use self::projection::Projection;

/// The width of every map, in SVG units: its text reads at about 12 px on a 390 px phone.
pub const WIDTH: f64 = 400.0;
/// The least and greatest height, as a share of the width.
const ASPECT: (f64, f64) = (0.6, 1.0);
/// The least width and height of the ground a map shows, in km, so that a map of one
/// place shows its surroundings.
const MIN_SPAN_KM: f64 = 60.0;
/// The share of the places' extent added on every side, so that marks keep off the edge.
const PADDING: f64 = 0.2;
/// The size a map's drawing aims to stay under (the limit is 60 KB with the markup).
const BUDGET: usize = 40_000;

/// How a place is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
    /// A large dot.
    City,
    /// A dot.
    Town,
    /// A small dot.
    Village,
    /// A small square on its point (a crossing, a bridge, a checkpoint).
    Point,
    /// No mark: the name is set on the place (a region, a road drawn as a line).
    Name,
}

impl Mark {
    /// The mark's radius in SVG units.
    pub fn radius(self) -> f64 {
        match self {
            Mark::City => 4.5,
            Mark::Town => 3.5,
            Mark::Village => 2.5,
            Mark::Point => 3.5,
            Mark::Name => 0.0,
        }
    }

    /// Which labels are placed first: the larger marks'.
    fn priority(self) -> u8 {
        match self {
            Mark::City => 0,
            Mark::Town => 1,
            Mark::Point => 2,
            Mark::Village => 3,
            Mark::Name => 4,
        }
    }
}

/// A place to show.
#[derive(Debug, Clone)]
pub struct MapPlace {
    /// Its id, written on its mark so that readers' tools can find it.
    pub id: String,
    /// Its kind (city, town, crossing, ...), a class for styling.
    pub kind: String,
    /// How it is marked.
    pub mark: Mark,
    /// Where it is.
    pub at: LonLat,
    /// Its label's lines: its name, then for a contested place its other names.
    pub lines: Vec<String>,
    /// Lines and areas that belong to it.
    pub shapes: geojson::Shapes,
}

/// What to draw.
#[derive(Debug, Clone, Default)]
pub struct MapRequest {
    /// The places, in the order of the list under the map.
    pub places: Vec<MapPlace>,
    /// The ground to show, when the author sets it; otherwise it is found from the places.
    pub extent: Option<Extent>,
    /// Above 1 closer, below 1 farther than the places' own extent.
    pub zoom: Option<f64>,
    /// Leave out the names of countries.
    pub no_country_names: bool,
    /// Names of countries in the map's language, by their name in Natural Earth; a country
    /// not listed keeps that name. Names are set in the language they are measured in.
    pub country_names: std::collections::HashMap<String, String>,
}

/// A place as drawn.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceView {
    /// Its id.
    pub id: String,
    /// Its kind.
    pub kind: String,
    /// Its mark.
    pub mark: Mark,
    /// The mark's centre.
    pub x: f64,
    /// The mark's centre.
    pub y: f64,
    /// The mark's radius.
    pub r: f64,
    /// Its label's lines.
    pub lines: Vec<String>,
    /// Where its label is.
    pub label: Placed,
}

/// A line or area as drawn.
#[derive(Debug, Clone, Serialize)]
pub struct ShapeView {
    /// The id of the place it belongs to.
    pub id: String,
    /// Path data.
    pub d: String,
}

/// A drawn map: what the map template needs.
#[derive(Debug, Clone, Serialize)]
pub struct MapView {
    /// The drawing's width, in SVG units.
    pub width: f64,
    /// Its height.
    pub height: f64,
    /// Land, path data.
    pub land: String,
    /// Borders between countries, path data.
    pub borders: String,
    /// Areas of places.
    pub areas: Vec<ShapeView>,
    /// Lines of places (roads, corridors).
    pub lines: Vec<ShapeView>,
    /// Names of countries, for context.
    pub countries: Vec<countries::CountryName>,
    /// The places, in the order given.
    pub places: Vec<PlaceView>,
    /// The scale bar, unless the map is too large for one.
    pub scale_bar: Option<scale_bar::ScaleBar>,
    /// The inset, unless the map is large enough to be its own context.
    pub inset: Option<inset::Inset>,
    /// The ground shown: west, south, east, north, in degrees.
    pub extent: [f64; 4],
}

/// What can stop a map from being drawn.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MapError {
    /// A map needs something to show.
    #[error("a map needs at least one place")]
    NoPlaces,
    /// The tool's own base layer is damaged.
    #[error(transparent)]
    Base(#[from] base::BaseError),
}

/// Draws a map.
pub fn draw(request: &MapRequest) -> Result<MapView, MapError> {
    if request.places.is_empty() {
        return Err(MapError::NoPlaces);
    }
    let world = base::world()?;
    let extent = zoomed(
        request.extent.unwrap_or_else(|| fitted_extent(request)),
        request.zoom,
    );
    let height = (WIDTH * Projection::aspect(&extent))
        .clamp(WIDTH * ASPECT.0, WIDTH * ASPECT.1)
        .round();
    let frame = Rect::new(0.0, 0.0, WIDTH, height);
    let projection = Projection::fit(&extent, &frame);
    let shown = projection.extent_of(&frame);
    let marks: Vec<Point> = request
        .places
        .iter()
        .map(|p| projection.project(p.at))
        .collect();
    // Detail is dropped step by step until the drawing fits its budget.
    let mut tolerance = 0.35;
    let (layer, inset, (areas, lines, trail)) = loop {
        let layer = layer::draw(world, &projection, &frame, tolerance);
        let inset = inset::inset(world, &shown, WIDTH, height, &marks, tolerance * 1.5);
        let (areas, lines, trail) = shapes(request, &projection, &frame, tolerance);
        let size = layer.land.len()
            + layer.borders.len()
            + inset.as_ref().map_or(0, |i| i.land.len() + i.borders.len())
            + areas.iter().chain(&lines).map(|s| s.d.len()).sum::<usize>();
        if size <= BUDGET || tolerance > 20.0 {
            break (layer, inset, (areas, lines, trail));
        }
        tolerance *= 2.0;
    };
    let mut scale_bar = scale_bar::scale_bar(&projection, WIDTH, shown.lat_span());
    let mut obstacles: Vec<Rect> = request
        .places
        .iter()
        .zip(&marks)
        .filter(|(p, _)| p.mark != Mark::Name)
        .map(|(p, m)| {
            let r = p.mark.radius() + 1.0;
            Rect::new(m.x - r, m.y - r, 2.0 * r, 2.0 * r)
        })
        .collect();
    if let Some(inset) = &inset {
        obstacles.push(inset.rect().grown(2.0));
    }
    // Labels keep off the places' lines where they can.
    obstacles.extend(trail);
    if let Some(bar) = &mut scale_bar {
        // Bottom left, or bottom right when the inset is there.
        let left = inset
            .as_ref()
            .is_none_or(|i| !(i.x < WIDTH / 2.0 && i.y > height / 2.0));
        bar.x = if left {
            10.0
        } else {
            round(WIDTH - 10.0 - bar.length)
        };
        bar.y = height - 10.0;
        obstacles.push(Rect::new(bar.x - 4.0, bar.y - 18.0, bar.length + 8.0, 24.0));
    }
    let order = priority_order(request);
    let labels: Vec<Label> = order
        .iter()
        .map(|&i| Label {
            at: marks[i],
            lines: request.places[i].lines.clone(),
            radius: request.places[i].mark.radius(),
            centred: request.places[i].mark == Mark::Name,
            bold: request.places[i].mark == Mark::City,
        })
        .collect();
    let placed = labels::place(&labels, &obstacles, &frame.grown(-3.0));
    obstacles.extend(placed.iter().map(|p| p.bbox));
    let country_names = if request.no_country_names {
        Vec::new()
    } else {
        countries::names(
            &layer.countries,
            &request.country_names,
            &mut obstacles,
            &frame,
        )
    };
    let mut by_place: Vec<Option<Placed>> = vec![None; request.places.len()];
    for (&i, label) in order.iter().zip(placed) {
        by_place[i] = Some(label);
    }
    let places = request
        .places
        .iter()
        .zip(&marks)
        .zip(by_place)
        .filter_map(|((place, mark), label)| {
            Some(PlaceView {
                id: place.id.clone(),
                kind: place.kind.clone(),
                mark: place.mark,
                x: round(mark.x),
                y: round(mark.y),
                r: place.mark.radius(),
                lines: place.lines.clone(),
                label: label?,
            })
        })
        .collect();
    Ok(MapView {
        width: WIDTH,
        height,
        land: layer.land,
        borders: layer.borders,
        areas,
        lines,
        countries: country_names,
        places,
        scale_bar,
        inset,
        extent: [shown.west, shown.south, shown.east, shown.north]
            .map(|v| round(v * 100.0) / 100.0),
    })
}

/// The places' indices, larger marks first, then in the order given.
fn priority_order(request: &MapRequest) -> Vec<usize> {
    let mut order: Vec<usize> = (0..request.places.len()).collect();
    order.sort_by_key(|&i| request.places[i].mark.priority());
    order
}

/// The ground the places and their shapes cover, padded and at least [`MIN_SPAN_KM`] across.
fn fitted_extent(request: &MapRequest) -> Extent {
    let points: Vec<LonLat> = request
        .places
        .iter()
        .flat_map(|p| std::iter::once(p.at).chain(p.shapes.points()))
        .collect();
    let around = Extent::around(&points).unwrap_or(Extent {
        west: 0.0,
        south: 0.0,
        east: 0.0,
        north: 0.0,
    });
    let centre = around.centre();
    let cos0 = centre.lat.to_radians().cos().max(0.05);
    let min_lat = MIN_SPAN_KM / km_per_degree();
    let lat_span = (around.lat_span() * (1.0 + 2.0 * PADDING)).max(min_lat);
    let lon_span = (around.lon_span() * (1.0 + 2.0 * PADDING)).max(min_lat / cos0);
    Extent::centred(centre, lon_span, lat_span)
}

fn zoomed(extent: Extent, zoom: Option<f64>) -> Extent {
    match zoom {
        Some(z) if z > 0.0 && z.is_finite() => Extent::centred(
            extent.centre(),
            extent.lon_span() / z,
            extent.lat_span() / z,
        ),
        _ => extent,
    }
}

/// Small squares along the drawn lines, spaced this far apart, for labels to keep off.
const TRAIL_STEP: f64 = 5.0;

/// The places' lines and areas, projected, simplified and cut to the frame, with squares
/// along the lines for labels to keep off.
fn shapes(
    request: &MapRequest,
    projection: &Projection,
    frame: &Rect,
    tolerance: f64,
) -> (Vec<ShapeView>, Vec<ShapeView>, Vec<Rect>) {
    let project = |line: &Vec<LonLat>| -> Vec<Point> {
        let points: Vec<Point> = line.iter().map(|&p| projection.project(p)).collect();
        simplify(&points, tolerance)
    };
    let mut areas = Vec::new();
    let mut lines = Vec::new();
    let mut trail = Vec::new();
    for place in &request.places {
        let mut area = PathData::default();
        for ring in &place.shapes.rings {
            area.add(&clip::ring(&project(ring), &frame.grown(2.0)), true);
        }
        if !area.is_empty() {
            areas.push(ShapeView {
                id: place.id.clone(),
                d: area.finish(),
            });
        }
        let mut line = PathData::default();
        for part in &place.shapes.lines {
            for run in clip::line(&project(part), frame) {
                line.add(&run, false);
                trail.extend(run.windows(2).flat_map(|pair| squares(pair[0], pair[1])));
            }
        }
        if !line.is_empty() {
            lines.push(ShapeView {
                id: place.id.clone(),
                d: line.finish(),
            });
        }
    }
    (areas, lines, trail)
}

/// Squares every [`TRAIL_STEP`] along a segment.
fn squares(a: Point, b: Point) -> impl Iterator<Item = Rect> {
    let steps = ((b.x - a.x).hypot(b.y - a.y) / TRAIL_STEP)
        .ceil()
        .clamp(1.0, 1000.0) as usize;
    (0..=steps).map(move |i| {
        let t = i as f64 / steps as f64;
        let (x, y) = (a.x + t * (b.x - a.x), a.y + t * (b.y - a.y));
        Rect::new(x - 1.5, y - 1.5, 3.0, 3.0)
    })
}

#[cfg(test)]
mod tests;
