//! Checking `content/data/places.toml`: every problem of the file at its line and column,
//! all of them at once.

use crate::data::keyword::Keyword;
use std::collections::HashMap;
use std::path::{Component, Path};

use toml::Spanned;

use super::input::{PlaceInput, PlacesFile};
use super::model::{Kind, Place, Places};
use crate::content::{CONTENT_DIR, DATA_DIR, check_link};
use crate::data::{ID_HELP, file, is_valid_id};
use crate::diagnostics::{Collector, Diagnostic, Diagnostics, SourceText};
use crate::maps::geojson::{self, GeoJsonError, Shapes};

/// Checks the text of a places file, already read; `root` is the site, for geometry files.
pub fn parse(source: SourceText, root: &Path) -> Result<Places, Diagnostics> {
    let (source, raw) = file::parse_toml::<PlacesFile>(source)?;
    let mut problems = Collector::default();
    let mut list = Vec::with_capacity(raw.place.len());
    let mut index = HashMap::new();
    let mut ids = file::FirstIds::default();
    for item in raw.place {
        let id = item.id.get_ref().clone();
        if !is_valid_id(&id) {
            problems.push(
                file::error_at(&source, item.id.span(), format!("invalid place id {id:?}"))
                    .with_help(ID_HELP),
            );
        }
        let at = item.id.span().start;
        if let Some(duplicate) = ids.check(&source, &id, at, format!("duplicate place id `{id}`")) {
            problems.push(duplicate.with_help("each [[place]] needs its own id"));
            continue;
        }
        if let Some(place) = check(&source, root, item, &mut problems) {
            index.insert(id, list.len());
            list.push(place);
        }
    }
    problems.into_result()?;
    Ok(Places {
        list,
        index,
        file: source,
    })
}

/// One place's own problems; the place when it has none that stop it from being used.
fn check(
    source: &SourceText,
    root: &Path,
    item: PlaceInput,
    problems: &mut Collector,
) -> Option<Place> {
    let id = item.id.get_ref();
    if item.name.get_ref().trim().is_empty() {
        problems.push(file::error_at(source, item.name.span(), "`name` is empty"));
    }
    let lat = coordinate(source, &item.lat, "latitude", 90.0, problems);
    let lon = coordinate(source, &item.lon, "longitude", 180.0, problems);
    let written = item.kind.get_ref();
    let kind = Kind::parse_or_help(written).map_err(|help| {
        problems.push(
            file::error_at(
                source,
                item.kind.span(),
                format!("unknown place kind {written:?}"),
            )
            .with_help(help),
        );
    });
    let sources = match item.sources {
        Some(list) if !list.get_ref().is_empty() => list.into_inner(),
        other => {
            let span = other.as_ref().map_or(item.id.span(), Spanned::span);
            problems.push(
                file::error_at(source, span, format!("place `{id}` names no source for its coordinates"))
                    .with_help("add `sources = [\"geonames\"]` (or the id of wherever the coordinates come from) and register that source in content/data/sources.toml"),
            );
            Vec::new()
        }
    };
    let shapes = match &item.geometry {
        Some(path) => geometry(source, root, id, path, problems),
        None => Some(Shapes::default()),
    };
    Some(Place {
        id: id.clone(),
        name: item.name.into_inner(),
        lang: item.lang,
        names: item.names.into_iter().map(|n| n.into_alias()).collect(),
        lat: lat?,
        lon: lon?,
        kind: kind.ok()?,
        source_spans: sources.iter().map(Spanned::span).collect(),
        sources: sources.into_iter().map(Spanned::into_inner).collect(),
        geometry: item.geometry.map(Spanned::into_inner),
        notes: item.notes,
        shapes: shapes?,
    })
}

/// A latitude or longitude within ±`limit` degrees.
fn coordinate(
    source: &SourceText,
    value: &Spanned<f64>,
    what: &str,
    limit: f64,
    problems: &mut Collector,
) -> Option<f64> {
    let v = *value.get_ref();
    if v.is_finite() && (-limit..=limit).contains(&v) {
        return Some(v);
    }
    problems.push(
        file::error_at(source, value.span(), format!("{what} {v} is out of range: it must be between -{limit} and {limit} degrees"))
            .with_help("write decimal degrees, north and east positive (Stepanakert/Khankendi is lat = 39.8177, lon = 46.7528); check that latitude and longitude are not swapped"),
    );
    None
}

/// Reads a place's GeoJSON file, named relative to `content/data/`.
fn geometry(
    source: &SourceText,
    root: &Path,
    id: &str,
    path: &Spanned<String>,
    problems: &mut Collector,
) -> Option<Shapes> {
    let written = Path::new(path.get_ref());
    let inside = written
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if !inside || path.get_ref().is_empty() {
        problems.push(
            file::error_at(source, path.span(), format!("`geometry` {:?} is not a path inside content/data/", path.get_ref()))
                .with_help("name a GeoJSON file relative to content/data/, such as \"places/lachin-corridor.geojson\""),
        );
        return None;
    }
    let full = root.join(CONTENT_DIR).join(DATA_DIR).join(written);
    let cannot = |message: String| {
        file::error_at(source, path.span(), message).with_help(
            "the path is relative to content/data/; check its spelling, or remove `geometry`",
        )
    };
    if !full.exists() {
        problems.push(cannot(format!(
            "the geometry file content/data/{} does not exist",
            path.get_ref()
        )));
        return None;
    }
    if !full.is_file() {
        problems.push(cannot(format!(
            "content/data/{} is not a file",
            path.get_ref()
        )));
        return None;
    }
    let text = match check_link(root, &full).and_then(|()| SourceText::read(root, &full)) {
        Ok(text) => text,
        Err(diagnostic) => {
            problems.push(diagnostic);
            return None;
        }
    };
    match geojson::read(&text.text) {
        Ok(shapes) => Some(shapes),
        Err(GeoJsonError::Syntax {
            message,
            line,
            column,
        }) => {
            let at = if line > 0 {
                text.error_at_line(line, column, format!("invalid GeoJSON: {message}"))
            } else {
                Diagnostic::error(&text.path, format!("invalid GeoJSON: {message}"))
            };
            problems.push(at.with_help(format!(
                "the file is the `geometry` of place `{id}` in content/data/places.toml; GeoJSON is described in RFC 7946"
            )));
            None
        }
        Err(GeoJsonError::Invalid { message, at }) => {
            problems.push(
                text.error_at(at, message)
                    .with_help("a place's geometry is a LineString, Polygon or their Multi- forms, in longitude and latitude (WGS 84)"),
            );
            None
        }
    }
}

impl Places {
    /// Every source id a place names, with where it is written.
    pub fn sources_named(&self) -> impl Iterator<Item = (&str, std::ops::Range<usize>)> {
        self.list.iter().flat_map(|place| {
            place
                .sources
                .iter()
                .map(String::as_str)
                .zip(place.source_spans.iter().cloned())
        })
    }
}
