//! The map projection: equidistant cylindrical (equirectangular) with its standard
//! parallel at the middle of the map.
//!
//! Why this one: it suits a region of any size. Distances along meridians are true
//! everywhere and along the middle parallel too, so a city map or a country map is
//! drawn with a scale error under 1 % within half a degree of latitude of its middle
//! and under 3 % within 2.5 degrees; a continent or the whole world is drawn as the
//! familiar plate carrée. North is always straight up and east straight right, so the
//! order of places on the map is their order on the ground. Longitudes are taken the
//! short way round from the centre, so a map across the antimeridian is whole.

use super::geo::{Extent, LonLat, Point, Rect, km_per_degree, normalize_lon};

/// Maps degrees to SVG units for one map.
#[derive(Debug, Clone, Copy)]
pub struct Projection {
    centre: LonLat,
    /// cos(latitude of the standard parallel).
    cos0: f64,
    /// SVG units per degree of latitude.
    k: f64,
    /// Where the centre is drawn.
    origin: Point,
}

impl Projection {
    /// The projection that fits `extent` inside `frame` (as large as fits, centred).
    pub fn fit(extent: &Extent, frame: &Rect) -> Projection {
        let centre = extent.centre();
        let cos0 = centre.lat.to_radians().cos().max(0.05);
        let width = (extent.lon_span() * cos0).max(1e-6);
        let height = extent.lat_span().max(1e-6);
        let k = (frame.width() / width).min(frame.height() / height);
        Projection {
            centre,
            cos0,
            k,
            origin: Point {
                x: (frame.x0 + frame.x1) / 2.0,
                y: (frame.y0 + frame.y1) / 2.0,
            },
        }
    }

    /// The aspect (height over width) a frame needs to show `extent` without margins.
    pub fn aspect(extent: &Extent) -> f64 {
        let cos0 = extent.centre().lat.to_radians().cos().max(0.05);
        extent.lat_span().max(1e-6) / (extent.lon_span() * cos0).max(1e-6)
    }

    /// Where a position is drawn.
    pub fn project(&self, p: LonLat) -> Point {
        let dlon = normalize_lon(p.lon - self.centre.lon);
        Point {
            x: self.origin.x + dlon * self.cos0 * self.k,
            y: self.origin.y - (p.lat - self.centre.lat) * self.k,
        }
    }

    /// Where a position is drawn when its longitude is first moved by `shift` degrees and
    /// then taken as it is, not the short way round: for shapes that are whole on the globe
    /// between -180 and 180 (every Natural Earth shape), drawn once or twice, each copy
    /// shifted by a whole turn, so that none is ever cut apart at the projection's seam.
    pub fn project_shifted(&self, p: LonLat, shift: f64) -> Point {
        Point {
            x: self.origin.x + (p.lon + shift - self.centre.lon) * self.cos0 * self.k,
            y: self.origin.y - (p.lat - self.centre.lat) * self.k,
        }
    }

    /// The positions drawn inside `frame`, as an extent.
    pub fn extent_of(&self, frame: &Rect) -> Extent {
        let lon = |x: f64| self.centre.lon + (x - self.origin.x) / (self.cos0 * self.k);
        let lat = |y: f64| self.centre.lat - (y - self.origin.y) / self.k;
        Extent {
            west: lon(frame.x0),
            south: lat(frame.y1),
            east: lon(frame.x1),
            north: lat(frame.y0),
        }
    }

    /// SVG units per kilometre, true along meridians and along the middle parallel.
    pub fn units_per_km(&self) -> f64 {
        self.k / km_per_degree()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn east_is_right_and_north_is_up() {
        let extent = Extent {
            west: 44.0,
            south: 39.0,
            east: 50.0,
            north: 41.0,
        };
        let frame = Rect::new(0.0, 0.0, 400.0, 300.0);
        let p = Projection::fit(&extent, &frame);
        let yerevan = p.project(LonLat {
            lon: 44.51361,
            lat: 40.18111,
        });
        let baku = p.project(LonLat {
            lon: 49.89201,
            lat: 40.37767,
        });
        let goris = p.project(LonLat {
            lon: 46.33816,
            lat: 39.51288,
        });
        assert!(yerevan.x < goris.x && goris.x < baku.x);
        assert!(baku.y < yerevan.y && yerevan.y < goris.y);
        for q in [yerevan, baku, goris] {
            assert!(frame.contains(q), "{q:?}");
        }
        let back = p.extent_of(&frame);
        assert!((back.west - 44.0).abs() < 1e-9 && (back.east - 50.0).abs() < 1e-9);
        assert!(back.south < 39.0 && back.north > 41.0);
    }

    #[test]
    fn maps_across_the_antimeridian_are_whole() {
        let extent = Extent {
            west: 178.0,
            south: -19.0,
            east: 189.0,
            north: -13.0,
        };
        let frame = Rect::new(0.0, 0.0, 400.0, 300.0);
        let p = Projection::fit(&extent, &frame);
        let fiji = p.project(LonLat {
            lon: 178.4,
            lat: -18.1,
        });
        let samoa = p.project(LonLat {
            lon: -171.8,
            lat: -13.8,
        });
        assert!(fiji.x < samoa.x && frame.contains(fiji) && frame.contains(samoa));
    }

    #[test]
    fn the_scale_is_true_along_meridians() {
        let extent = Extent {
            west: 46.0,
            south: 39.0,
            east: 47.0,
            north: 40.0,
        };
        let p = Projection::fit(&extent, &Rect::new(0.0, 0.0, 400.0, 400.0));
        let a = p.project(LonLat {
            lon: 46.5,
            lat: 39.0,
        });
        let b = p.project(LonLat {
            lon: 46.5,
            lat: 40.0,
        });
        let km = (b.y - a.y).abs() / p.units_per_km();
        assert!((km - 111.19).abs() < 0.01, "{km}");
    }
}
