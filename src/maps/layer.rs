//! The base layer of one frame: land, filled, and land borders, each one SVG path.

use std::collections::HashMap;

use super::base::World;
use super::clip;
use super::geo::{Extent, LonLat, Point, Rect};
use super::path::{PathData, simplify};
use super::projection::Projection;

/// Path data of the base layer inside a frame.
#[derive(Debug, Default)]
pub struct Layer {
    /// Every country's area (filled even-odd; its outline is the coast).
    pub land: String,
    /// Borders between countries.
    pub borders: String,
    /// The largest visible piece of each country, where its name may go.
    pub countries: Vec<CountryPiece>,
}

/// The largest piece of a country inside the frame.
#[derive(Debug, Clone)]
pub struct CountryPiece {
    /// Natural Earth's name of the country.
    pub name: String,
    /// The piece's centroid.
    pub centre: Point,
    /// Its area, in square units.
    pub area: f64,
    /// The rectangle around it.
    pub bbox: Rect,
    /// Its outline.
    pub ring: Vec<Point>,
}

/// Draws the countries inside `frame`, dropping detail under `tolerance` SVG units.
pub fn draw(world: &World, projection: &Projection, frame: &Rect, tolerance: f64) -> Layer {
    let mut view = projection.extent_of(frame);
    // A little beyond the frame, so that shapes crossing the edge are kept.
    let (dlon, dlat) = (view.lon_span() * 0.05, view.lat_span() * 0.05);
    view.west -= dlon;
    view.east += dlon;
    view.south -= dlat;
    view.north += dlat;
    // Each shape is drawn whole, as the base layer holds it or a whole turn east or west:
    // one that also spans the far side of the globe from the map's centre (Antarctica, on
    // any map that reaches it) is never cut apart there.
    let mut arcs: HashMap<(usize, i8), Vec<Point>> = HashMap::new();
    let mut arc = |index: usize, turns: i8| -> Vec<Point> {
        arcs.entry((index, turns))
            .or_insert_with(|| {
                let shift = 360.0 * f64::from(turns);
                let points: Vec<Point> = world.arcs[index]
                    .points
                    .iter()
                    .map(|&p| projection.project_shifted(p, shift))
                    .collect();
                simplify(&points, tolerance)
            })
            .clone()
    };
    let cut = frame.grown(2.0);
    let mut land = PathData::default();
    let mut countries = Vec::new();
    for country in &world.countries {
        let mut largest: Option<CountryPiece> = None;
        for ring in &country.rings {
            for turns in turns_into(&ring.extent, &view) {
                let mut points: Vec<Point> = Vec::new();
                for &(index, reversed, moved) in &ring.arcs {
                    let mut part = arc(index, turns + moved);
                    if reversed {
                        part.reverse();
                    }
                    let skip = usize::from(!points.is_empty());
                    points.extend(part.into_iter().skip(skip));
                }
                if let (Some(lat), Some(&first), Some(&last)) =
                    (ring.pole, points.first(), points.last())
                {
                    // Round the pole: down to it, along it and back up to the start.
                    let y = projection.project(LonLat { lon: 0.0, lat }).y;
                    points.push(Point { x: last.x, y });
                    points.push(Point { x: first.x, y });
                }
                if too_small(&points, tolerance) {
                    continue;
                }
                let piece = clip::ring(&points, frame);
                if let Some((centre, area)) = centroid(&piece)
                    && largest.as_ref().is_none_or(|l| area > l.area)
                {
                    largest = Some(CountryPiece {
                        name: country.name.clone(),
                        centre,
                        area,
                        bbox: bounds(&piece),
                        ring: piece,
                    });
                }
                land.add(&clip::ring(&points, &cut), true);
            }
        }
        countries.extend(largest);
    }
    let mut borders = PathData::default();
    for (index, item) in world.arcs.iter().enumerate() {
        if item.uses < 2 {
            continue;
        }
        for turns in turns_into(&item.extent, &view) {
            for run in clip::line(&arc(index, turns), frame) {
                borders.add(&run, false);
            }
        }
    }
    Layer {
        land: land.finish(),
        borders: borders.finish(),
        countries,
    }
}

/// The whole turns (west, none, east) by which a shape's `extent` must be moved to lie in
/// `view`; both may run on past -180 or 180.
fn turns_into(extent: &Extent, view: &Extent) -> impl Iterator<Item = i8> {
    let overlaps_lat = extent.south <= view.north && view.south <= extent.north;
    let (west, east) = (extent.west, extent.east);
    let (view_west, view_east) = (view.west, view.east);
    [-2i8, -1, 0, 1, 2].into_iter().filter(move |&turns| {
        let shift = 360.0 * f64::from(turns);
        overlaps_lat && west + shift <= view_east && view_west <= east + shift
    })
}

/// The centroid and area of a ring (the shoelace formula); `None` for a ring without area.
fn centroid(points: &[Point]) -> Option<(Point, f64)> {
    let (mut twice_area, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for (i, a) in points.iter().enumerate() {
        let b = points[(i + 1) % points.len()];
        let cross = a.x * b.y - b.x * a.y;
        twice_area += cross;
        cx += (a.x + b.x) * cross;
        cy += (a.y + b.y) * cross;
    }
    let area = twice_area / 2.0;
    (area.abs() > 1e-9).then(|| {
        (
            Point {
                x: cx / (6.0 * area),
                y: cy / (6.0 * area),
            },
            area.abs(),
        )
    })
}

fn bounds(points: &[Point]) -> Rect {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in points {
        x0 = x0.min(p.x);
        y0 = y0.min(p.y);
        x1 = x1.max(p.x);
        y1 = y1.max(p.y);
    }
    Rect { x0, y0, x1, y1 }
}

/// True for a ring (a small island) too small to see at this tolerance.
fn too_small(points: &[Point], tolerance: f64) -> bool {
    let bbox = bounds(points);
    bbox.width().max(bbox.height()) < tolerance * 3.0
}
