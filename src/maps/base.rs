//! The world base layer: Natural Earth's countries, shipped with the tool in a compact
//! file (`base/countries.bin`; its provenance is in `base/PROVENANCE.md`) and decoded once.
//!
//! The file keeps the topology of the source: each border or stretch of coast is one
//! arc, shared by the countries on either side. An arc used by two countries is a land
//! border, an arc used by one is coast.

use std::sync::OnceLock;

use super::geo::{Extent, LonLat};

/// The compact file, written by `scripts/natural-earth-base.py`.
const COUNTRIES: &[u8] = include_bytes!("base/countries.bin");

/// What can be wrong with the base layer's file (only a damaged build of the tool).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BaseError {
    /// The file does not start as expected.
    #[error("the map base layer is not in the expected format (version {0})")]
    Format(u8),
    /// The file ends too early or refers to a missing arc.
    #[error("the map base layer is damaged at byte {0}")]
    Damaged(usize),
}

/// One border or stretch of coast.
#[derive(Debug)]
pub struct Arc {
    /// Its points, in degrees.
    pub points: Vec<LonLat>,
    /// The smallest extent holding them.
    pub extent: Extent,
    /// How many country rings use it: 2 for a land border, 1 for coast.
    pub uses: u8,
}

/// One ring of a country's outline: arcs in order, each maybe reversed.
#[derive(Debug)]
pub struct Ring {
    /// `(arc index, reversed, turns)`: each arc is moved by `turns` whole turns of 360
    /// degrees, so that it starts where the arc before it ends.
    pub arcs: Vec<(usize, bool, i8)>,
    /// The smallest extent holding it, its arcs so moved.
    pub extent: Extent,
    /// For a ring that goes once round a pole (Antarctica's coast), that pole's latitude:
    /// the ring is closed along it.
    pub pole: Option<f64>,
}

/// A country: its name and rings (outer rings and holes alike: filled even-odd).
#[derive(Debug)]
pub struct Country {
    /// Natural Earth's short name.
    pub name: String,
    /// Its rings.
    pub rings: Vec<Ring>,
}

/// The decoded base layer.
#[derive(Debug)]
pub struct World {
    /// Every arc.
    pub arcs: Vec<Arc>,
    /// Every country.
    pub countries: Vec<Country>,
}

/// The base layer, decoded on first use.
pub fn world() -> Result<&'static World, BaseError> {
    static WORLD: OnceLock<Result<World, BaseError>> = OnceLock::new();
    WORLD
        .get_or_init(|| decode(COUNTRIES))
        .as_ref()
        .map_err(Clone::clone)
}

/// Reads the file format documented in `scripts/natural-earth-base.py`.
fn decode(bytes: &[u8]) -> Result<World, BaseError> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(4)? != b"EXNE" {
        return Err(BaseError::Format(0));
    }
    let version = r.take(1)?[0];
    if version != 1 {
        return Err(BaseError::Format(version));
    }
    let scale_x = r.f64()?;
    let scale_y = r.f64()?;
    let translate_x = r.f64()?;
    let translate_y = r.f64()?;
    let arc_count = r.count()?;
    let mut arcs = Vec::with_capacity(arc_count);
    for _ in 0..arc_count {
        let n = r.count()?;
        let (mut x, mut y) = (0i64, 0i64);
        let mut points: Vec<LonLat> = Vec::with_capacity(n);
        for _ in 0..n {
            x += r.signed()?;
            y += r.signed()?;
            let mut p = LonLat {
                lon: x as f64 * scale_x + translate_x,
                lat: y as f64 * scale_y + translate_y,
            };
            // Natural Earth cuts its shapes at the antimeridian, but the cut edges run from
            // -180 to 180: the arc is kept continuous instead, running on past 180.
            if let Some(last) = points.last() {
                p.lon += 360.0 * ((last.lon - p.lon) / 360.0).round();
            }
            points.push(p);
        }
        let extent = bounds(&points).ok_or(BaseError::Damaged(r.at))?;
        arcs.push(Arc {
            points,
            extent,
            uses: 0,
        });
    }
    let country_count = r.count()?;
    let mut countries = Vec::with_capacity(country_count);
    for _ in 0..country_count {
        let len = r.count()?;
        let name = String::from_utf8_lossy(r.take(len)?).into_owned();
        let mut rings = Vec::new();
        for _ in 0..r.count()? {
            for _ in 0..r.count()? {
                let mut refs = Vec::new();
                for _ in 0..r.count()? {
                    let index = r.signed()?;
                    let (arc, reversed) = if index < 0 {
                        (!index, true)
                    } else {
                        (index, false)
                    };
                    let arc = usize::try_from(arc)
                        .ok()
                        .filter(|&a| a < arcs.len())
                        .ok_or(BaseError::Damaged(r.at))?;
                    arcs[arc].uses = arcs[arc].uses.saturating_add(1);
                    refs.push((arc, reversed));
                }
                rings.push(ring(&arcs, &refs).ok_or(BaseError::Damaged(r.at))?);
            }
        }
        countries.push(Country { name, rings });
    }
    Ok(World { arcs, countries })
}

/// A ring of these arcs, each moved by whole turns so that it continues the one before:
/// a ring across the antimeridian (Russia's, Fiji's) is then whole, and a ring that ends a
/// turn away from its start goes round a pole.
fn ring(arcs: &[Arc], refs: &[(usize, bool)]) -> Option<Ring> {
    let ends = |arc: &Arc, reversed: bool| {
        let (first, last) = (arc.points.first()?, arc.points.last()?);
        Some(if reversed {
            (*last, *first)
        } else {
            (*first, *last)
        })
    };
    let mut moved = Vec::with_capacity(refs.len());
    let mut extent: Option<Extent> = None;
    let mut start: Option<LonLat> = None;
    let mut end: Option<f64> = None;
    for &(index, reversed) in refs {
        let arc = &arcs[index];
        let (first, last) = ends(arc, reversed)?;
        let turns = end.map_or(0.0, |end| ((end - first.lon) / 360.0).round());
        let shift = 360.0 * turns;
        start.get_or_insert(first);
        end = Some(last.lon + shift);
        let shifted = Extent {
            west: arc.extent.west + shift,
            east: arc.extent.east + shift,
            ..arc.extent
        };
        extent = Some(extent.map_or(shifted, |e| union(e, shifted)));
        moved.push((index, reversed, turns as i8));
    }
    let (start, end, mut extent) = (start?, end?, extent?);
    let pole = ((end - start.lon).abs() > 180.0).then(|| {
        if extent.south + extent.north < 0.0 {
            -90.0
        } else {
            90.0
        }
    });
    match pole {
        Some(lat) if lat < 0.0 => extent.south = lat,
        Some(lat) => extent.north = lat,
        None => {}
    }
    Some(Ring {
        arcs: moved,
        extent,
        pole,
    })
}

/// The extent of an arc's points, which run on past 180 where they cross it.
fn bounds(points: &[LonLat]) -> Option<Extent> {
    let first = points.first()?;
    Some(points.iter().fold(
        Extent {
            west: first.lon,
            south: first.lat,
            east: first.lon,
            north: first.lat,
        },
        |e, p| Extent {
            west: e.west.min(p.lon),
            south: e.south.min(p.lat),
            east: e.east.max(p.lon),
            north: e.north.max(p.lat),
        },
    ))
}

fn union(a: Extent, b: Extent) -> Extent {
    Extent {
        west: a.west.min(b.west),
        south: a.south.min(b.south),
        east: a.east.max(b.east),
        north: a.north.max(b.north),
    }
}

/// A cursor over the file's bytes.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], BaseError> {
        let end = self.at.checked_add(n).ok_or(BaseError::Damaged(self.at))?;
        let slice = self
            .bytes
            .get(self.at..end)
            .ok_or(BaseError::Damaged(self.at))?;
        self.at = end;
        Ok(slice)
    }

    fn f64(&mut self) -> Result<f64, BaseError> {
        let bytes: [u8; 8] = self
            .take(8)?
            .try_into()
            .map_err(|_| BaseError::Damaged(self.at))?;
        Ok(f64::from_le_bytes(bytes))
    }

    /// An unsigned LEB128 varint.
    fn varint(&mut self) -> Result<u64, BaseError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.take(1)?[0];
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(BaseError::Damaged(self.at))
    }

    /// A count, bounded by the bytes left (each counted item takes at least one byte).
    fn count(&mut self) -> Result<usize, BaseError> {
        let n = usize::try_from(self.varint()?).map_err(|_| BaseError::Damaged(self.at))?;
        if n > self.bytes.len() - self.at {
            return Err(BaseError::Damaged(self.at));
        }
        Ok(n)
    }

    /// A zigzag-encoded signed varint.
    fn signed(&mut self) -> Result<i64, BaseError> {
        let n = self.varint()?;
        Ok(((n >> 1) as i64) ^ -((n & 1) as i64))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_world_decodes_whole() {
        let world = world().unwrap();
        assert_eq!(world.countries.len(), 255);
        let names: Vec<&str> = world.countries.iter().map(|c| c.name.as_str()).collect();
        for name in ["Armenia", "Azerbaijan", "Iran", "Georgia", "Turkey", "Fiji"] {
            assert!(names.contains(&name), "{name} missing");
        }
        // Armenia and Azerbaijan share land borders; Azerbaijan has a Caspian coast.
        let azerbaijan = world
            .countries
            .iter()
            .find(|c| c.name == "Azerbaijan")
            .unwrap();
        let uses: Vec<u8> = azerbaijan
            .rings
            .iter()
            .flat_map(|r| r.arcs.iter().map(|&(a, _, _)| world.arcs[a].uses))
            .collect();
        assert!(uses.contains(&1) && uses.contains(&2), "{uses:?}");
        // Every ring closes, its arcs moved by their turns, or goes once round a pole.
        for country in &world.countries {
            for ring in &country.rings {
                let point = |(a, reversed, turns): (usize, bool, i8), first: bool| {
                    let points = &world.arcs[a].points;
                    let p = if first != reversed {
                        points[0]
                    } else {
                        points[points.len() - 1]
                    };
                    p.lon + 360.0 * f64::from(turns)
                };
                let start = point(ring.arcs[0], true);
                let end = point(ring.arcs[ring.arcs.len() - 1], false);
                match ring.pole {
                    None => assert!((start - end).abs() < 1e-9, "{}", country.name),
                    Some(_) => assert!(
                        (start - end).abs() > 359.0 && country.name == "Antarctica",
                        "{}",
                        country.name
                    ),
                }
            }
        }
        // No edge jumps across the globe (it would be drawn as a band across the map):
        // Natural Earth's cut edges along the antimeridian, written from -180 to 180, are
        // kept on one side.
        for arc in &world.arcs {
            assert!(
                arc.points
                    .windows(2)
                    .all(|w| (w[1].lon - w[0].lon).abs() < 180.0)
            );
        }
    }

    #[test]
    fn damaged_files_are_errors_not_panics() {
        assert_eq!(decode(b"EXN").unwrap_err(), BaseError::Damaged(0));
        assert_eq!(decode(b"EXNE\x02").unwrap_err(), BaseError::Format(2));
        for cut in [5, 20, 40, 41, 1000] {
            assert!(decode(&COUNTRIES[..cut]).is_err());
        }
        let mut huge = COUNTRIES[..37].to_vec();
        huge.extend([0xff; 12]);
        assert!(decode(&huge).is_err());
    }
}
