//! The checked model of casualty claims: figures with their qualifiers, statuses and categories.

use crate::config::CasualtiesConfig;
use crate::data::keyword::Keyword;
use crate::dates::PartialDate;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceText};
use crate::words::Words;

/// How a source hedged a single number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    /// "200".
    Exact,
    /// "at least 200".
    AtLeast,
    /// "more than 400".
    MoreThan,
    /// "about 5".
    About,
    /// "up to 50".
    UpTo,
}

impl Keyword for Qualifier {
    const ALL: &'static [(&'static str, Self)] = &[
        ("exact", Qualifier::Exact),
        ("at_least", Qualifier::AtLeast),
        ("more_than", Qualifier::MoreThan),
        ("about", Qualifier::About),
        ("up_to", Qualifier::UpTo),
    ];
}

/// One figure of a claim, as the source gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// A number with its hedge.
    Value {
        /// The number.
        value: u64,
        /// The hedge.
        qualifier: Qualifier,
    },
    /// "Between `min` and `max`", with an optional best estimate.
    Range {
        /// The low end.
        min: u64,
        /// The high end.
        max: u64,
        /// The source's best estimate, when it gave one.
        best: Option<u64>,
    },
    /// The source said there were casualties but gave no number.
    Undisclosed,
}

impl Figure {
    /// The figure as people say it, in the language of `words`: "at least 200", "between 100
    /// and 120", "undisclosed".
    pub fn words(&self, words: &Words) -> String {
        let number = |value| words.number(value);
        match *self {
            Figure::Value { value, qualifier } => words.fill(
                &format!("figures.{}", qualifier.name()),
                &[("n", &number(value))],
            ),
            Figure::Range { min, max, best } => {
                let (min, max) = (number(min), number(max));
                match best {
                    Some(best) => words.fill(
                        "figures.range_best",
                        &[("min", &min), ("max", &max), ("best", &number(best))],
                    ),
                    None => words.fill("figures.range", &[("min", &min), ("max", &max)]),
                }
            }
            Figure::Undisclosed => words.get("figures.undisclosed").to_owned(),
        }
    }

    /// The low and high numbers the figure names, for ordering; `None` when undisclosed.
    pub fn bounds(&self) -> Option<(u64, u64)> {
        match *self {
            Figure::Value { value, .. } => Some((value, value)),
            Figure::Range { min, max, .. } => Some((min, max)),
            Figure::Undisclosed => None,
        }
    }

    /// The lowest number the wording commits to, and whether it is strict ("more than").
    ///
    /// "about" and "up to" commit to no lower number.
    pub fn stated_floor(&self) -> Option<(u64, bool)> {
        match *self {
            Figure::Value {
                value,
                qualifier: Qualifier::Exact | Qualifier::AtLeast,
            } => Some((value, false)),
            Figure::Value {
                value,
                qualifier: Qualifier::MoreThan,
            } => Some((value, true)),
            Figure::Range { min, .. } => Some((min, false)),
            _ => None,
        }
    }

    /// The highest number the wording names, and whether it is a hard limit.
    ///
    /// An exact figure, "up to" and a range's top are hard limits; "at least" and
    /// "more than" name a number the parts of the same claim should not exceed as
    /// written, though the true count may; "about" names no limit.
    pub fn stated_cap(&self) -> Option<(u64, bool)> {
        match *self {
            Figure::Value {
                value,
                qualifier: Qualifier::Exact | Qualifier::UpTo,
            } => Some((value, true)),
            Figure::Value {
                value,
                qualifier: Qualifier::AtLeast | Qualifier::MoreThan,
            } => Some((value, false)),
            Figure::Range { max, .. } => Some((max, true)),
            _ => None,
        }
    }
}

/// How far a claim is borne out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Stated by its source, not checked independently (the default).
    Claimed,
    /// Confirmed by another, independent source.
    Corroborated,
    /// Contested by another source.
    Disputed,
    /// Withdrawn by its source: never used in summaries.
    Retracted,
}

impl Keyword for Status {
    const ALL: &'static [(&'static str, Self)] = &[
        ("claimed", Status::Claimed),
        ("corroborated", Status::Corroborated),
        ("disputed", Status::Disputed),
        ("retracted", Status::Retracted),
    ];
}

/// A figure of a claim, with its category id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryFigure {
    /// The category id, such as `killed`.
    pub category: String,
    /// The figure.
    pub figure: Figure,
}

/// One claim: who said how many, of whom, when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// Stable id, the anchor on `/casualties/`.
    pub id: String,
    /// The source id of who made the claim.
    pub source: String,
    /// Source ids of outlets that reported it.
    pub reported_by: Vec<String>,
    /// When it was made.
    pub reported: PartialDate,
    /// What it counts, such as "Offensive of 19-20 September 2023: ethnic Armenian side".
    pub scope: String,
    /// The period it covers, in words.
    pub period: Option<String>,
    /// The timeline event it concerns.
    pub event: Option<String>,
    /// The claim as the source phrased it.
    pub wording: Option<String>,
    /// How far it is borne out.
    pub status: Status,
    /// The id of this source's earlier claim that it revises.
    pub supersedes: Option<String>,
    /// Ids of claims counting some of the same people.
    pub overlaps: Vec<String>,
    /// Who it leaves out, in words.
    pub excludes: Option<String>,
    /// Editors' notes.
    pub notes: Option<String>,
    /// Its figures, in category order.
    pub figures: Vec<CategoryFigure>,
}

impl Claim {
    /// This claim's figure for a category.
    pub fn figure(&self, category: &str) -> Option<&Figure> {
        self.figures
            .iter()
            .find(|f| f.category == category)
            .map(|f| &f.figure)
    }
}

/// A category of figures, such as "Civilians killed".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    /// The key used in `figures`, such as `civilians_killed`.
    pub id: String,
    /// The site's own label (`[casualties] categories` in explainer.toml); a built-in
    /// category without one is worded by the words table (`casualties.categories`).
    pub label: Option<String>,
    /// The category this one counts part of, such as `killed`.
    pub part_of: Option<String>,
}

/// The built-in categories, in display order, with the category each counts part of.
const BUILT_IN: [(&str, Option<&str>); 7] = [
    ("killed", None),
    ("wounded", None),
    ("civilians_killed", Some("killed")),
    ("children_killed", Some("civilians_killed")),
    ("missing", None),
    ("displaced", None),
    ("detained", None),
];

/// The categories a site's claims may use: the built-in ones, then the config's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Categories {
    /// The categories in display order.
    pub list: Vec<Category>,
}

impl Categories {
    /// The built-in categories and those of `[casualties] categories`; a config
    /// entry with a built-in id relabels it (and, with `part_of`, sets what it is part of).
    /// A `part_of` naming no category, or going round in a loop, is an error in
    /// `config_file` (`explainer.toml`).
    ///
    /// In an edition in another language (`translated`), the edition's words
    /// (`casualties.categories.ID`) win over a configured label, which is in the default
    /// language.
    pub fn new(
        config: &CasualtiesConfig,
        config_file: Option<&SourceText>,
        words: &Words,
        translated: bool,
    ) -> Result<Categories, Diagnostics> {
        let label = |id: &str, label: &str| {
            let worded = words.lookup(&format!("casualties.categories.{id}"));
            (!(translated && worded.is_some())).then(|| label.to_owned())
        };
        let mut list: Vec<Category> = BUILT_IN
            .iter()
            .map(|(id, part_of)| Category {
                id: (*id).to_owned(),
                label: None,
                part_of: part_of.map(str::to_owned),
            })
            .collect();
        for extra in &config.categories {
            let part_of = extra.part_of.as_ref().map(|p| p.get_ref().clone());
            match list.iter_mut().find(|c| c.id == extra.id) {
                Some(known) => {
                    known.label = label(&extra.id, &extra.label);
                    if part_of.is_some() {
                        known.part_of = part_of;
                    }
                }
                None => list.push(Category {
                    id: extra.id.clone(),
                    label: label(&extra.id, &extra.label),
                    part_of,
                }),
            }
        }
        let categories = Categories { list };
        let mut problems = Vec::new();
        for extra in &config.categories {
            let Some(whole) = &extra.part_of else {
                continue;
            };
            let message = if categories.position(whole.get_ref()).is_none() {
                format!("`part_of` names unknown category `{}`", whole.get_ref())
            } else if categories.wholes(&extra.id).contains(&extra.id.as_str()) {
                format!("`{}` is, through `part_of`, part of itself", extra.id)
            } else {
                continue;
            };
            let ids = categories.ids();
            let help = match crate::suggest::did_you_mean(whole.get_ref(), &ids) {
                Some(close) if close != extra.id => format!("did you mean `{close}`?"),
                _ => format!(
                    "name the category `{}` counts part of: one of {}",
                    extra.id,
                    ids.join(", ")
                ),
            };
            problems.push(
                match config_file {
                    Some(file) => file.error_at(whole.span().start, message),
                    None => Diagnostic::error(crate::config::CONFIG_FILE, message),
                }
                .with_help(help),
            );
        }
        if problems.is_empty() {
            Ok(categories)
        } else {
            Err(Diagnostics(problems))
        }
    }

    /// The categories `part` counts part of, nearest first: `civilians_killed`, then
    /// `killed`, for `children_killed`. A loop ends the list where it closes.
    pub fn wholes(&self, part: &str) -> Vec<&str> {
        let mut wholes: Vec<&str> = Vec::new();
        let mut current = part;
        while let Some(whole) = self
            .list
            .iter()
            .find(|c| c.id == current)
            .and_then(|c| c.part_of.as_deref())
        {
            if wholes.contains(&whole) {
                break;
            }
            wholes.push(whole);
            if whole == part {
                break;
            }
            current = whole;
        }
        wholes
    }

    /// The position of a category in display order.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.list.iter().position(|c| c.id == id)
    }

    /// The label readers see: the site's own, else the one `words` give a built-in
    /// category, else the id.
    pub fn label<'a>(&'a self, id: &'a str, words: &'a Words) -> &'a str {
        match self.list.iter().find(|c| c.id == id) {
            Some(Category {
                label: Some(label), ..
            }) => label,
            _ => words
                .lookup(&format!("casualties.categories.{id}"))
                .unwrap_or(id),
        }
    }

    /// The category ids, for "use one of" help.
    pub fn ids(&self) -> Vec<&str> {
        self.list.iter().map(|c| c.id.as_str()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_people_say_them() {
        let english = Words::english();
        let value = |value, qualifier| Figure::Value { value, qualifier }.words(english);
        assert_eq!(value(200, Qualifier::AtLeast), "at least 200");
        assert_eq!(value(400, Qualifier::MoreThan), "more than 400");
        assert_eq!(value(5, Qualifier::About), "about 5");
        assert_eq!(value(50, Qualifier::UpTo), "up to 50");
        assert_eq!(value(100_417, Qualifier::Exact), "100,417");
        assert_eq!(
            Figure::Range {
                min: 100,
                max: 120,
                best: Some(110)
            }
            .words(english),
            "between 100 and 120 (best estimate 110)"
        );
        assert_eq!(Figure::Undisclosed.words(english), "undisclosed");
    }
}
