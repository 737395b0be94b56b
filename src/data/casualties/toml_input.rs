//! Reading `content/data/casualties.toml` into drafts, with every value's place.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use toml::Spanned;

use super::draft::{At, DraftClaim, DraftFigure, Loc};
use crate::data::file;
use crate::dates::DateInput;
use crate::diagnostics::{Diagnostic, SourceText};

/// The TOML file's name.
pub const FILE: &str = "casualties.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CasualtiesFile {
    #[serde(default)]
    claim: Vec<RawClaim>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    id: Spanned<String>,
    source: Spanned<String>,
    #[serde(default)]
    reported_by: Vec<Spanned<String>>,
    reported: Spanned<DateInput>,
    scope: Spanned<String>,
    period: Option<String>,
    event: Option<Spanned<String>>,
    wording: Option<String>,
    status: Option<Spanned<String>>,
    supersedes: Option<Spanned<String>>,
    #[serde(default)]
    overlaps: Vec<Spanned<String>>,
    excludes: Option<String>,
    notes: Option<String>,
    figures: Spanned<BTreeMap<Spanned<String>, Spanned<RawFigure>>>,
}

/// A figure: a bare number or a table.
enum RawFigure {
    Number(i64),
    Table(RawFigureTable),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFigureTable {
    value: Option<Spanned<i64>>,
    qualifier: Option<Spanned<String>>,
    min: Option<Spanned<i64>>,
    max: Option<Spanned<i64>>,
    best: Option<Spanned<i64>>,
    undisclosed: Option<Spanned<bool>>,
}

impl<'de> Deserialize<'de> for RawFigure {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FigureVisitor)
    }
}

struct FigureVisitor;

impl<'de> Visitor<'de> for FigureVisitor {
    type Value = RawFigure;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a whole number, or a table such as { value = 200, qualifier = \"at_least\" }")
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<RawFigure, E> {
        Ok(RawFigure::Number(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<RawFigure, E> {
        i64::try_from(value)
            .map(RawFigure::Number)
            .map_err(|_| E::custom("the number is too large"))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawFigure, A::Error> {
        RawFigureTable::deserialize(de::value::MapAccessDeserializer::new(map))
            .map(RawFigure::Table)
    }
}

fn at<T>(spanned: Spanned<T>) -> At<T> {
    let loc = Loc::Offset(spanned.span().start);
    At::new(spanned.into_inner(), loc)
}

/// Reads the TOML file; `Ok(None)` when the site has none.
pub fn read(root: &Path) -> Result<Option<(SourceText, Vec<DraftClaim>)>, Diagnostic> {
    let Some((source, raw)) = file::read_toml::<CasualtiesFile>(root, FILE)? else {
        return Ok(None);
    };
    Ok(Some((source, raw.claim.into_iter().map(draft).collect())))
}

fn draft(raw: RawClaim) -> DraftClaim {
    let figures_loc = Loc::Offset(raw.figures.span().start);
    DraftClaim {
        id: at(raw.id),
        source: at(raw.source),
        reported_by: raw.reported_by.into_iter().map(at).collect(),
        reported: at(raw.reported),
        scope: at(raw.scope),
        period: raw.period,
        event: raw.event.map(at),
        wording: raw.wording,
        status: raw.status.map(at),
        supersedes: raw.supersedes.map(at),
        overlaps: raw.overlaps.into_iter().map(at).collect(),
        excludes: raw.excludes,
        notes: raw.notes,
        figures_loc,
        figures: raw
            .figures
            .into_inner()
            .into_iter()
            .map(|(key, value)| figure(at(key), value))
            .collect(),
    }
}

fn figure(category: At<String>, raw: Spanned<RawFigure>) -> DraftFigure {
    let loc = Loc::Offset(raw.span().start);
    let mut figure = DraftFigure::empty(category);
    match raw.into_inner() {
        RawFigure::Number(value) => figure.value = Some(At::new(value, loc)),
        RawFigure::Table(table) => {
            figure.value = table.value.map(at);
            figure.qualifier = table.qualifier.map(at);
            figure.min = table.min.map(at);
            figure.max = table.max.map(at);
            figure.best = table.best.map(at);
            figure.undisclosed = table.undisclosed.map(at);
        }
    }
    figure
}
