//! Points on the globe and on the drawing, and the geographic extent of a map.

/// A position in degrees (WGS 84, as GeoNames and GeoJSON give them).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LonLat {
    /// Longitude, east positive.
    pub lon: f64,
    /// Latitude, north positive.
    pub lat: f64,
}

/// A position on the drawing, in SVG units (y grows downwards).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// Rightwards.
    pub x: f64,
    /// Downwards.
    pub y: f64,
}

/// An axis-aligned rectangle on the drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge.
    pub y1: f64,
}

impl Rect {
    /// The rectangle at `x`, `y` of this size.
    pub fn new(x: f64, y: f64, width: f64, height: f64) -> Rect {
        Rect {
            x0: x,
            y0: y,
            x1: x + width,
            y1: y + height,
        }
    }

    /// Its width.
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    /// Its height.
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    /// The area it shares with `other`.
    pub fn overlap(&self, other: &Rect) -> f64 {
        let w = self.x1.min(other.x1) - self.x0.max(other.x0);
        let h = self.y1.min(other.y1) - self.y0.max(other.y0);
        if w > 0.0 && h > 0.0 { w * h } else { 0.0 }
    }

    /// Its area outside `bounds`.
    pub fn outside(&self, bounds: &Rect) -> f64 {
        self.width() * self.height() - self.overlap(bounds)
    }

    /// True when `p` is inside or on the edge.
    pub fn contains(&self, p: Point) -> bool {
        p.x >= self.x0 && p.x <= self.x1 && p.y >= self.y0 && p.y <= self.y1
    }

    /// The same rectangle grown by `by` on every side.
    pub fn grown(&self, by: f64) -> Rect {
        Rect {
            x0: self.x0 - by,
            y0: self.y0 - by,
            x1: self.x1 + by,
            y1: self.y1 + by,
        }
    }
}

/// The mean radius of the Earth in km, as used for distances on the map.
pub const EARTH_RADIUS_KM: f64 = 6371.0;

/// Kilometres in one degree of latitude.
pub fn km_per_degree() -> f64 {
    EARTH_RADIUS_KM * std::f64::consts::PI / 180.0
}

/// The region a map shows, in degrees. `east` is never less than `west`, and may pass
/// 180 when the region crosses the antimeridian.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Extent {
    /// Western edge.
    pub west: f64,
    /// Southern edge.
    pub south: f64,
    /// Eastern edge (at most `west + 360`).
    pub east: f64,
    /// Northern edge.
    pub north: f64,
}

/// The highest latitude a map reaches.
pub const MAX_LAT: f64 = 90.0;

impl Extent {
    /// The smallest extent holding every point, going the short way round the globe;
    /// `None` for no point.
    pub fn around(points: &[LonLat]) -> Option<Extent> {
        let mut lons: Vec<f64> = points.iter().map(|p| normalize_lon(p.lon)).collect();
        lons.sort_by(f64::total_cmp);
        let (&first, &last) = (lons.first()?, lons.last()?);
        // The extent is the complement of the widest gap between neighbouring longitudes.
        let mut west = first;
        let mut east = last;
        let mut widest = first + 360.0 - last;
        for pair in lons.windows(2) {
            let gap = pair[1] - pair[0];
            if gap > widest {
                widest = gap;
                west = pair[1];
                east = pair[0] + 360.0;
            }
        }
        let south = points.iter().map(|p| p.lat).fold(f64::INFINITY, f64::min);
        let north = points
            .iter()
            .map(|p| p.lat)
            .fold(f64::NEG_INFINITY, f64::max);
        Some(Extent {
            west,
            south,
            east,
            north,
        })
    }

    /// Its centre.
    pub fn centre(&self) -> LonLat {
        LonLat {
            lon: normalize_lon((self.west + self.east) / 2.0),
            lat: (self.south + self.north) / 2.0,
        }
    }

    /// Its width in degrees of longitude.
    pub fn lon_span(&self) -> f64 {
        self.east - self.west
    }

    /// Its height in degrees of latitude.
    pub fn lat_span(&self) -> f64 {
        self.north - self.south
    }

    /// The extent with the same centre and these spans, kept within the globe.
    pub fn centred(centre: LonLat, lon_span: f64, lat_span: f64) -> Extent {
        let lon_span = lon_span.clamp(0.0, 360.0);
        let lat_span = lat_span.clamp(0.0, 2.0 * MAX_LAT);
        let mut south = centre.lat - lat_span / 2.0;
        let mut north = centre.lat + lat_span / 2.0;
        if north > MAX_LAT {
            south -= north - MAX_LAT;
            north = MAX_LAT;
        }
        if south < -MAX_LAT {
            north = (north + (-MAX_LAT - south)).min(MAX_LAT);
            south = -MAX_LAT;
        }
        Extent {
            west: centre.lon - lon_span / 2.0,
            south,
            east: centre.lon + lon_span / 2.0,
            north,
        }
    }

    /// True when the two extents share some ground (longitudes compared round the globe).
    pub fn intersects(&self, other: &Extent) -> bool {
        if self.north < other.south || other.north < self.south {
            return false;
        }
        if self.lon_span() >= 360.0 || other.lon_span() >= 360.0 {
            return true;
        }
        [-360.0, 0.0, 360.0]
            .iter()
            .any(|shift| self.west + shift <= other.east && other.west <= self.east + shift)
    }
}

/// A longitude in [-180, 180).
pub fn normalize_lon(lon: f64) -> f64 {
    if (-180.0..180.0).contains(&lon) {
        lon
    } else {
        (lon + 180.0).rem_euclid(360.0) - 180.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lon: f64, lat: f64) -> LonLat {
        LonLat { lon, lat }
    }

    #[test]
    fn extents_go_the_short_way_round() {
        let e = Extent::around(&[at(46.7, 39.8), at(44.5, 40.2), at(49.9, 40.4)]).unwrap();
        assert_eq!((e.west, e.east), (44.5, 49.9));
        assert_eq!((e.south, e.north), (39.8, 40.4));
        // Fiji and Samoa: across the antimeridian.
        let e = Extent::around(&[at(178.4, -18.1), at(-171.8, -13.8)]).unwrap();
        assert_eq!(e.west, 178.4);
        assert!((e.east - 188.2).abs() < 1e-9, "{e:?}");
        assert!((e.centre().lon - -176.7).abs() < 1e-9);
    }

    #[test]
    fn extents_stay_on_the_globe() {
        let e = Extent::centred(at(0.0, 85.0), 20.0, 20.0);
        assert_eq!(e.north, MAX_LAT);
        assert_eq!(e.south, 70.0);
    }

    #[test]
    fn rectangles_measure_overlap() {
        let a = Rect::new(0.0, 0.0, 10.0, 10.0);
        assert_eq!(a.overlap(&Rect::new(5.0, 5.0, 10.0, 10.0)), 25.0);
        assert_eq!(a.overlap(&Rect::new(10.0, 0.0, 5.0, 5.0)), 0.0);
        assert_eq!(Rect::new(-5.0, 0.0, 10.0, 10.0).outside(&a), 50.0);
    }
}
