//! Lines and areas read from GeoJSON files (RFC 7946), with the problems a reader of the
//! file can fix: where the syntax breaks, which position is off the globe.

use std::str::FromStr;

use geojson::{GeoJson, Geometry, GeometryValue, Position};

use super::geo::LonLat;

/// The lines and areas of a GeoJSON file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shapes {
    /// Lines (roads, corridors, lines of contact).
    pub lines: Vec<Vec<LonLat>>,
    /// Rings of areas (outer rings and holes alike: drawn even-odd).
    pub rings: Vec<Vec<LonLat>>,
}

impl Shapes {
    /// Every position of every line and ring.
    pub fn points(&self) -> impl Iterator<Item = LonLat> + '_ {
        self.lines.iter().chain(&self.rings).flatten().copied()
    }

    /// True when there is no line and no area.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty() && self.rings.is_empty()
    }
}

/// What is wrong with a GeoJSON file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GeoJsonError {
    /// Not JSON, or not GeoJSON, at a line and column.
    #[error("{message}")]
    Syntax {
        /// What is wrong.
        message: String,
        /// 1-based line; 0 when unknown.
        line: usize,
        /// 1-based column; 0 when unknown.
        column: usize,
    },
    /// Valid GeoJSON that a map cannot draw.
    #[error("{message}")]
    Invalid {
        /// What is wrong.
        message: String,
        /// The byte offset of the value at fault (the start of the file when it is the
        /// whole file).
        at: usize,
    },
}

/// Reads the lines and areas of a GeoJSON text: a geometry, a feature or a feature
/// collection. Points are refused (a place's point is its `lat` and `lon`).
pub fn read(text: &str) -> Result<Shapes, GeoJsonError> {
    let geojson = GeoJson::from_str(text).map_err(|err| match err {
        geojson::Error::MalformedGeoJson(json) => GeoJsonError::Syntax {
            message: json
                .to_string()
                .split(" at line ")
                .next()
                .unwrap_or("")
                .to_owned(),
            line: json.line(),
            column: json.column(),
        },
        other => GeoJsonError::Syntax {
            message: other.to_string(),
            line: 0,
            column: 0,
        },
    })?;
    let geometries: Vec<&Geometry> = match &geojson {
        GeoJson::Geometry(g) => vec![g],
        GeoJson::Feature(f) => f.geometry.iter().collect(),
        GeoJson::FeatureCollection(c) => c
            .features
            .iter()
            .filter_map(|f| f.geometry.as_ref())
            .collect(),
    };
    let reader = Reader { text };
    let mut shapes = Shapes::default();
    for geometry in geometries {
        reader.add(&mut shapes, &geometry.value)?;
    }
    if shapes.is_empty() {
        return Err(GeoJsonError::Invalid {
            message: "the file has no line and no area to draw".to_owned(),
            at: 0,
        });
    }
    Ok(shapes)
}

/// Reads geometries, and finds in the file's text where a problem is, since the parsed
/// values no longer know.
struct Reader<'a> {
    text: &'a str,
}

impl Reader<'_> {
    fn add(&self, shapes: &mut Shapes, value: &GeometryValue) -> Result<(), GeoJsonError> {
        match value {
            GeometryValue::Point { .. } | GeometryValue::MultiPoint { .. } => {
                let name = value.type_name();
                Err(GeoJsonError::Invalid {
                    message: format!(
                        "a {name} cannot be drawn from a geometry file: a place's point is its `lat` and `lon`"
                    ),
                    at: self.text.find(&format!("\"{name}\"")).unwrap_or(0),
                })
            }
            GeometryValue::LineString { coordinates } => {
                shapes
                    .lines
                    .push(self.line(coordinates, 2, "a LineString")?);
                Ok(())
            }
            GeometryValue::MultiLineString { coordinates } => {
                for part in coordinates {
                    shapes
                        .lines
                        .push(self.line(part, 2, "each line of a MultiLineString")?);
                }
                Ok(())
            }
            GeometryValue::Polygon { coordinates } => self.polygon(shapes, coordinates),
            GeometryValue::MultiPolygon { coordinates } => {
                coordinates.iter().try_for_each(|p| self.polygon(shapes, p))
            }
            GeometryValue::GeometryCollection { geometries } => geometries
                .iter()
                .try_for_each(|g| self.add(shapes, &g.value)),
        }
    }

    fn polygon(&self, shapes: &mut Shapes, rings: &[Vec<Position>]) -> Result<(), GeoJsonError> {
        for ring in rings {
            shapes
                .rings
                .push(self.line(ring, 4, "each ring of a Polygon")?);
        }
        Ok(())
    }

    /// A line of positions, each on the globe, at least `least` of them.
    fn line(
        &self,
        positions: &[Position],
        least: usize,
        what: &str,
    ) -> Result<Vec<LonLat>, GeoJsonError> {
        if positions.len() < least {
            return Err(GeoJsonError::Invalid {
                message: format!(
                    "{what} needs at least {least} positions, this one has {}",
                    positions.len()
                ),
                at: positions
                    .first()
                    .map_or(0, |p| self.position_at(p.as_slice())),
            });
        }
        positions
            .iter()
            .map(|p| {
                let &[lon, lat, ..] = p.as_slice() else {
                    return Err(GeoJsonError::Invalid {
                        message: "a position needs a longitude and a latitude".to_owned(),
                        at: self.position_at(p.as_slice()),
                    });
                };
                if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
                    return Err(GeoJsonError::Invalid {
                        message: format!(
                            "the position [{lon}, {lat}] is not a longitude and a latitude in degrees: GeoJSON gives longitude (-180 to 180) first, then latitude (-90 to 90)"
                        ),
                        at: self.position_at(p.as_slice()),
                    });
                }
                Ok(LonLat { lon, lat })
            })
            .collect()
    }

    /// The byte offset of the first `[` in the text that opens exactly these numbers (the
    /// start of the file when none does).
    fn position_at(&self, position: &[f64]) -> usize {
        self.text
            .match_indices('[')
            .map(|(at, _)| at)
            .find(|&at| {
                let mut rest = &self.text[at + 1..];
                position.iter().enumerate().all(|(i, &wanted)| {
                    rest = rest.trim_start();
                    if i > 0 {
                        let Some(after) = rest.strip_prefix(',') else {
                            return false;
                        };
                        rest = after.trim_start();
                    }
                    let end = rest
                        .find(|c: char| !(c.is_ascii_digit() || "+-.eE".contains(c)))
                        .unwrap_or(rest.len());
                    let number = rest[..end].parse::<f64>();
                    rest = &rest[end..];
                    number == Ok(wanted)
                }) && rest.trim_start().starts_with(']')
            })
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_and_areas_of_features() {
        let text = r#"{"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[46.3, 39.5], [46.75, 39.8]]}},
            {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[46, 39], [47, 39], [47, 40], [46, 39]]]}}
        ]}"#;
        let shapes = read(text).unwrap();
        assert_eq!(shapes.lines.len(), 1);
        assert_eq!(shapes.rings.len(), 1);
        assert_eq!(shapes.points().count(), 6);
    }

    #[test]
    fn problems_are_told_where_they_are() {
        let err =
            read("{\"type\": \"LineString\",\n \"coordinates\": [[1, 2], [3, 4]],,}").unwrap_err();
        assert!(
            matches!(err, GeoJsonError::Syntax { line: 2, .. }),
            "{err:?}"
        );
        // Each problem of a valid file is found at its value in the text.
        let at = |text: &str, message: &str| match read(text).unwrap_err() {
            GeoJsonError::Invalid { message: m, at } => {
                assert!(m.contains(message), "{m}");
                at
            }
            other => panic!("{other:?}"),
        };
        let text = "{\"type\": \"LineString\", \"coordinates\": [[4972000, 4435000.0]]}";
        assert_eq!(at(text, "at least 2"), text.find("[4972000").unwrap());
        let text = "{\"type\": \"LineString\",\n \"coordinates\": [[1, 2], [1, 22], [ 4972000 ,\n 4.435e6 ], [1, 2]]}";
        assert_eq!(
            at(text, "[4972000, 4435000]"),
            text.find("[ 4972000").unwrap()
        );
        let text = r#"{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [1, 2]}}"#;
        assert_eq!(at(text, "`lat` and `lon`"), text.find("\"Point\"").unwrap());
        assert_eq!(
            at(
                r#"{"type": "FeatureCollection", "features": []}"#,
                "no line"
            ),
            0
        );
    }
}
