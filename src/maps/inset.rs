//! The inset: a small map in a corner that shows where the main map lies in its wider
//! region, with the main map's frame marked on it.

use serde::Serialize;

use super::base::World;
use super::geo::{Extent, Point, Rect};
use super::labels::round;
use super::layer;
use super::projection::Projection;

/// The inset's width, in SVG units.
const WIDTH: f64 = 104.0;
/// Its height.
const HEIGHT: f64 = 84.0;
/// Its distance from the map's edges.
const MARGIN: f64 = 8.0;
/// How many times wider than the main map the inset's region is, at least.
const ZOOM_OUT: f64 = 7.0;
/// The least latitude span of the inset's region, so that a city map's inset shows a country.
const MIN_LAT_SPAN: f64 = 12.0;
/// Main maps wider than this (in degrees of longitude) are their own context: no inset.
const MAX_MAIN_SPAN: f64 = 60.0;
/// The least size of the marked frame, so that it can be seen.
const MIN_MARK: f64 = 6.0;

/// An inset as drawn.
#[derive(Debug, Clone, Serialize)]
pub struct Inset {
    /// Its left edge.
    pub x: f64,
    /// Its top edge.
    pub y: f64,
    /// Its width.
    pub width: f64,
    /// Its height.
    pub height: f64,
    /// Land, path data.
    pub land: String,
    /// Borders, path data.
    pub borders: String,
    /// The main map's frame on it.
    pub mark: Mark,
}

/// The main map's frame, marked on the inset.
#[derive(Debug, Clone, Serialize)]
pub struct Mark {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

impl Inset {
    /// The room it takes on the main map.
    pub fn rect(&self) -> Rect {
        Rect::new(self.x, self.y, self.width, self.height)
    }
}

/// The inset for a main map showing `main` in a frame of `width` by `height`, in the
/// corner that covers fewest of `marks`; `None` when the main map is wide enough to be
/// its own context.
pub fn inset(
    world: &World,
    main: &Extent,
    width: f64,
    height: f64,
    marks: &[Point],
    tolerance: f64,
) -> Option<Inset> {
    if main.lon_span() > MAX_MAIN_SPAN {
        return None;
    }
    let corners = [
        (width - WIDTH - MARGIN, MARGIN),
        (MARGIN, MARGIN),
        (width - WIDTH - MARGIN, height - HEIGHT - MARGIN),
        (MARGIN, height - HEIGHT - MARGIN),
    ];
    let (x, y) = corners
        .into_iter()
        .min_by_key(|&(x, y)| {
            let room = Rect::new(x, y, WIDTH, HEIGHT).grown(12.0);
            marks.iter().filter(|&&p| room.contains(p)).count()
        })
        .unwrap_or(corners[0]);
    let frame = Rect::new(x, y, WIDTH, HEIGHT);
    let lat_span = (main.lat_span() * ZOOM_OUT).max(MIN_LAT_SPAN);
    let cos0 = main.centre().lat.to_radians().cos().max(0.05);
    let lon_span = lat_span * WIDTH / HEIGHT / cos0;
    let region = Extent::centred(main.centre(), lon_span, lat_span);
    let projection = Projection::fit(&region, &frame);
    let drawn = layer::draw(world, &projection, &frame, tolerance);
    let a = projection.project(super::geo::LonLat {
        lon: main.west,
        lat: main.north,
    });
    let b = projection.project(super::geo::LonLat {
        lon: main.east,
        lat: main.south,
    });
    let (w, h) = ((b.x - a.x).max(MIN_MARK), (b.y - a.y).max(MIN_MARK));
    let (cx, cy) = ((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
    Some(Inset {
        x,
        y,
        width: WIDTH,
        height: HEIGHT,
        land: drawn.land,
        borders: drawn.borders,
        mark: Mark {
            x: round(cx - w / 2.0),
            y: round(cy - h / 2.0),
            width: round(w),
            height: round(h),
        },
    })
}
