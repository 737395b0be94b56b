//! Reading `content/data/casualties.toml` into drafts, with every value's place.
//!
//! Figures are read leniently (a string where a number belongs, an unknown key)
//! so that their problems are reported with every other problem of the file.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use toml::Spanned;

use super::draft::{At, DraftClaim, DraftFigure, Drafts, Loc};
use crate::data::file;
use crate::dates::DateInput;
use crate::diagnostics::{Collector, Diagnostic, SourceText};
use crate::suggest;

/// The TOML file's name.
pub const FILE: &str = "casualties.toml";

/// The keys of a figure table.
pub(crate) const KEYS: [&str; 6] = ["value", "qualifier", "min", "max", "best", "undisclosed"];

/// The forms a figure may take, for help messages.
const FORMS: &str = "write a whole number, { value = N, qualifier = \"at_least\" }, { min = A, max = B } or { undisclosed = true }";

/// The whole file, for its schema: the claims themselves are read one by one (see [`read`]).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CasualtiesFile {
    /// The claims, one `[[claim]]` table each.
    #[serde(default)]
    #[expect(dead_code, reason = "only its schema is used")]
    claim: Vec<RawClaim>,
}

/// One `[[claim]]`, as written.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    /// Stable id, the claim's anchor on the casualties page.
    #[schemars(with = "crate::schema::shapes::Id")]
    id: Spanned<String>,
    /// The id of the source that made the claim.
    #[schemars(with = "String")]
    source: Spanned<String>,
    /// Ids of the sources that relayed it.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    reported_by: Vec<Spanned<String>>,
    /// When the claim was made.
    #[schemars(with = "crate::schema::shapes::Date")]
    reported: Spanned<DateInput>,
    /// What the claim counts; a revision has the same scope as the claim it replaces.
    #[schemars(with = "String")]
    scope: Spanned<String>,
    /// The period the figures cover.
    period: Option<String>,
    /// The id of the timeline event it is about.
    #[schemars(with = "Option<String>")]
    event: Option<Spanned<String>>,
    /// The source's own words.
    wording: Option<String>,
    /// Whether it is claimed, corroborated, disputed or retracted.
    #[schemars(with = "Option<String>", extend("enum" = crate::schema::shapes::names(&super::Status::ALL)))]
    status: Option<Spanned<String>>,
    /// The id of the same source's earlier claim that this one revises.
    #[schemars(with = "Option<String>")]
    supersedes: Option<Spanned<String>>,
    /// Ids of other sources' claims that count some of the same people.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    overlaps: Vec<Spanned<String>>,
    /// Who the figures leave out.
    excludes: Option<String>,
    /// Editors' notes.
    notes: Option<String>,
    /// The figures, by category: `killed`, `wounded` or one of `[casualties]` in explainer.toml.
    #[schemars(with = "BTreeMap<String, crate::schema::shapes::Figure>")]
    figures: Spanned<BTreeMap<Spanned<String>, Spanned<RawFigure>>>,
}

/// A figure as written: a bare number, a table's entries, or something else (such as "a string").
enum RawFigure {
    Number(i64),
    Table(Vec<(String, Spanned<toml::Value>)>),
    Other(&'static str),
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
        Ok(i64::try_from(value).map_or(RawFigure::Other("too large a number"), RawFigure::Number))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<RawFigure, E> {
        Ok(RawFigure::Other("a decimal number"))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<RawFigure, E> {
        Ok(RawFigure::Other("text"))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<RawFigure, E> {
        Ok(RawFigure::Other("true or false"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawFigure, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(RawFigure::Other("a list"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawFigure, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            // A TOML date arrives as a table with one private key.
            if key.starts_with("$__") {
                map.next_value::<IgnoredAny>()?;
                return Ok(RawFigure::Other("a date"));
            }
            entries.push((key, map.next_value::<Spanned<toml::Value>>()?));
        }
        Ok(RawFigure::Table(entries))
    }
}

fn at<T>(spanned: Spanned<T>) -> At<T> {
    let loc = Loc::Offset(spanned.span().start);
    At::new(spanned.into_inner(), loc)
}

/// Reads the TOML file, with the problems of its figures; `Ok(None)` when the site has none.
pub fn read(root: &Path) -> Result<Option<(SourceText, Drafts)>, Diagnostic> {
    let Some(source) = file::read(root, FILE)? else {
        return Ok(None);
    };
    let records = file::parse_records::<RawClaim>(&source, "claim")?;
    let mut problems = Collector::default();
    problems.extend(records.problems);
    let claims = records
        .records
        .into_iter()
        .map(|claim| draft(&source, claim, &mut problems))
        .collect();
    let drafts = Drafts {
        claims,
        unreadable: records.unreadable.into_iter().collect(),
        problems,
    };
    Ok(Some((source, drafts)))
}

fn draft(file: &SourceText, raw: RawClaim, problems: &mut Collector) -> DraftClaim {
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
            .map(|(key, value)| figure(file, at(key), value, problems))
            .collect(),
    }
}

fn figure(
    file: &SourceText,
    category: At<String>,
    raw: Spanned<RawFigure>,
    problems: &mut Collector,
) -> DraftFigure {
    let loc = Loc::Offset(raw.span().start);
    let mut figure = DraftFigure::empty(category);
    match raw.into_inner() {
        RawFigure::Number(value) => figure.value = Some(At::new(value, loc)),
        RawFigure::Other(kind) => {
            problems.push(
                loc.error(file, format!("`{}` is {kind}", figure.category.value))
                    .with_help(FORMS),
            );
            figure.unreadable = true;
        }
        RawFigure::Table(entries) => {
            for (key, value) in entries {
                let value = at(value);
                let problem = if KEYS.contains(&key.as_str()) {
                    entry(&mut figure, &key, value).err()
                } else {
                    let help = suggest::help(&key, &KEYS, || FORMS.to_owned());
                    Some((
                        value.loc,
                        format!("unknown key `{key}` in figure `{}`", figure.category.value),
                        help,
                    ))
                };
                if let Some((loc, message, help)) = problem {
                    problems.push(loc.error(file, message).with_help(help));
                    figure.unreadable = true;
                }
            }
        }
    }
    figure
}

/// Sets one key of a figure table; `Err` (place, message, help) when the value has the wrong type.
fn entry(
    figure: &mut DraftFigure,
    key: &str,
    value: At<toml::Value>,
) -> Result<(), (Loc, String, String)> {
    let loc = value.loc;
    let wrong = |what: &str| {
        (
            loc,
            format!("`{key}` of `{}` must be {what}", figure.category.value),
            FORMS.to_owned(),
        )
    };
    let number = || {
        value
            .value
            .as_integer()
            .map(|n| Some(At::new(n, loc)))
            .ok_or_else(|| wrong("a whole number"))
    };
    match key {
        "qualifier" => {
            let text = value
                .value
                .as_str()
                .ok_or_else(|| wrong("text, such as \"at_least\""))?;
            figure.qualifier = Some(At::new(text.to_owned(), loc));
        }
        "undisclosed" => {
            let flag = value
                .value
                .as_bool()
                .ok_or_else(|| wrong("true or false"))?;
            figure.undisclosed = Some(At::new(flag, loc));
        }
        "min" => figure.min = number()?,
        "max" => figure.max = number()?,
        "best" => figure.best = number()?,
        _ => figure.value = number()?,
    }
    Ok(())
}
