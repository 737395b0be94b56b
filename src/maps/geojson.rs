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
    #[error("{0}")]
    Invalid(String),
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
    let mut shapes = Shapes::default();
    for geometry in geometries {
        add(&mut shapes, &geometry.value)?;
    }
    if shapes.is_empty() {
        return Err(GeoJsonError::Invalid(
            "the file has no line and no area to draw".to_owned(),
        ));
    }
    Ok(shapes)
}

fn add(shapes: &mut Shapes, value: &GeometryValue) -> Result<(), GeoJsonError> {
    match value {
        GeometryValue::Point { .. } | GeometryValue::MultiPoint { .. } => {
            Err(GeoJsonError::Invalid(format!(
                "a {} cannot be drawn from a geometry file: a place's point is its `lat` and `lon`",
                value.type_name()
            )))
        }
        GeometryValue::LineString { coordinates } => {
            shapes.lines.push(line(coordinates, 2, "a LineString")?);
            Ok(())
        }
        GeometryValue::MultiLineString { coordinates } => {
            for part in coordinates {
                shapes
                    .lines
                    .push(line(part, 2, "each line of a MultiLineString")?);
            }
            Ok(())
        }
        GeometryValue::Polygon { coordinates } => polygon(shapes, coordinates),
        GeometryValue::MultiPolygon { coordinates } => {
            coordinates.iter().try_for_each(|p| polygon(shapes, p))
        }
        GeometryValue::GeometryCollection { geometries } => {
            geometries.iter().try_for_each(|g| add(shapes, &g.value))
        }
    }
}

fn polygon(shapes: &mut Shapes, rings: &[Vec<Position>]) -> Result<(), GeoJsonError> {
    for ring in rings {
        shapes.rings.push(line(ring, 4, "each ring of a Polygon")?);
    }
    Ok(())
}

/// A line of positions, each on the globe, at least `least` of them.
fn line(positions: &[Position], least: usize, what: &str) -> Result<Vec<LonLat>, GeoJsonError> {
    if positions.len() < least {
        return Err(GeoJsonError::Invalid(format!(
            "{what} needs at least {least} positions, this one has {}",
            positions.len()
        )));
    }
    positions
        .iter()
        .map(|p| {
            let &[lon, lat, ..] = p.as_slice() else {
                return Err(GeoJsonError::Invalid(
                    "a position needs a longitude and a latitude".to_owned(),
                ));
            };
            if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
                return Err(GeoJsonError::Invalid(format!(
                    "the position [{lon}, {lat}] is not a longitude and a latitude in degrees: GeoJSON gives longitude (-180 to 180) first, then latitude (-90 to 90)"
                )));
            }
            Ok(LonLat { lon, lat })
        })
        .collect()
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
        let err = read(r#"{"type": "LineString", "coordinates": [[4972000, 4435000], [1, 2]]}"#)
            .unwrap_err();
        assert!(err.to_string().contains("[4972000, 4435000]"), "{err}");
        let err = read(r#"{"type": "Point", "coordinates": [1, 2]}"#).unwrap_err();
        assert!(err.to_string().contains("`lat` and `lon`"), "{err}");
        let err = read(r#"{"type": "LineString", "coordinates": [[1, 2]]}"#).unwrap_err();
        assert!(err.to_string().contains("at least 2"), "{err}");
        assert!(read(r#"{"type": "FeatureCollection", "features": []}"#).is_err());
    }
}
