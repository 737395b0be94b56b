//! Checking one claim's figures: their form (number, range or undisclosed), qualifiers,
//! negative numbers, and parts larger than their whole.

use super::input::{At, DraftFigure, Loc};
use super::model::{Categories, CategoryFigure, Figure, Qualifier};
use crate::data::keyword::Keyword;
use crate::diagnostics::{Collector, SourceText};
use crate::suggest;
use crate::words::Words;

/// A non-negative number, or an error at its place.
fn count(
    file: &SourceText,
    category: &str,
    key: &str,
    number: &Option<At<i64>>,
    problems: &mut Collector,
) -> Option<Option<u64>> {
    let Some(number) = number else {
        return Some(None);
    };
    match u64::try_from(number.value) {
        Ok(value) => Some(Some(value)),
        Err(_) => {
            problems.push(
                number
                    .loc
                    .error(
                        file,
                        format!("`{key}` of `{category}` is negative ({})", number.value),
                    )
                    .with_help("figures count people: write 0 or more"),
            );
            None
        }
    }
}

/// A checked figure with the place of its category key; `None` (with the problems recorded) when invalid.
pub fn figure(
    file: &SourceText,
    draft: DraftFigure,
    categories: &Categories,
    problems: &mut Collector,
) -> Option<(CategoryFigure, Loc)> {
    if draft.unreadable {
        return None;
    }
    let category = &draft.category;
    let name = category.value.as_str();
    let known = categories.position(name).is_some();
    if !known {
        let ids = categories.ids();
        let help = suggest::help(name, &ids, || {
            format!(
                "use one of: {}; or declare it under [casualties] categories in explainer.toml",
                ids.join(", ")
            )
        });
        problems.push(
            category
                .loc
                .error(file, format!("unknown category `{name}`"))
                .with_help(help),
        );
    }
    let value = count(file, name, "value", &draft.value, problems);
    let min = count(file, name, "min", &draft.min, problems);
    let max = count(file, name, "max", &draft.max, problems);
    let best = count(file, name, "best", &draft.best, problems);
    let shape = shape(file, &draft, problems);
    let figure = match (shape?, value?, min?, max?, best?) {
        (Shape::Undisclosed, ..) => Figure::Undisclosed,
        (Shape::Value, Some(value), ..) => Figure::Value {
            value,
            qualifier: qualifier(file, draft.qualifier.as_ref(), problems)?,
        },
        (Shape::Range, _, Some(min), Some(max), best) => {
            range(file, &draft, min, max, best, problems)?
        }
        _ => return None,
    };
    let loc = draft.category.loc;
    known.then_some((
        CategoryFigure {
            category: draft.category.value,
            figure,
        },
        loc,
    ))
}

/// Which form a figure takes.
enum Shape {
    Value,
    Range,
    Undisclosed,
}

/// The figure's form, from the keys given; mixed or missing keys are errors.
fn shape(file: &SourceText, draft: &DraftFigure, problems: &mut Collector) -> Option<Shape> {
    let name = &draft.category.value;
    let ranged = draft.min.is_some() || draft.max.is_some() || draft.best.is_some();
    let mut fail = |loc: Loc, message: String, help: &str| {
        problems.push(loc.error(file, message).with_help(help));
        None
    };
    match &draft.undisclosed {
        Some(flag) if flag.value => {
            if draft.value.is_some() || draft.qualifier.is_some() || ranged {
                return fail(
                    flag.loc,
                    format!("`{name}` is undisclosed but has a number"),
                    "an undisclosed figure is just { undisclosed = true }",
                );
            }
            return Some(Shape::Undisclosed);
        }
        _ => {}
    }
    match (&draft.value, ranged) {
        (Some(value), true) => fail(
            value.loc,
            format!("`{name}` has both `value` and `min`/`max`"),
            "give either `value` (with `qualifier`) or `min` and `max`",
        ),
        (Some(_), false) => Some(Shape::Value),
        (None, true) => match (&draft.min, &draft.max, &draft.qualifier) {
            (_, _, Some(qualifier)) => fail(
                qualifier.loc,
                format!("`{name}` is a range, which takes no `qualifier`"),
                "a qualifier goes with `value`; a range is { min = A, max = B }",
            ),
            (Some(_), Some(_), None) => Some(Shape::Range),
            _ => fail(
                draft.category.loc,
                format!("the range of `{name}` needs both `min` and `max`"),
                "write { min = A, max = B }, or { value = N, qualifier = \"at_least\" }",
            ),
        },
        (None, false) => fail(
            draft.category.loc,
            format!("`{name}` has no value"),
            "write a number, { value = N, qualifier = \"at_least\" }, { min = A, max = B } or { undisclosed = true }",
        ),
    }
}

fn qualifier(
    file: &SourceText,
    qualifier: Option<&At<String>>,
    problems: &mut Collector,
) -> Option<Qualifier> {
    let Some(qualifier) = qualifier else {
        return Some(Qualifier::Exact);
    };
    Qualifier::parse_or_help(&qualifier.value)
        .map_err(|help| {
            problems.push(
                qualifier
                    .loc
                    .error(file, format!("unknown qualifier {:?}", qualifier.value))
                    .with_help(help),
            );
        })
        .ok()
}

fn range(
    file: &SourceText,
    draft: &DraftFigure,
    min: u64,
    max: u64,
    best: Option<u64>,
    problems: &mut Collector,
) -> Option<Figure> {
    let name = &draft.category.value;
    let loc = draft.min.as_ref().map_or(draft.category.loc, |m| m.loc);
    if min > max {
        problems.push(
            loc.error(
                file,
                format!("`min` of `{name}` ({min}) is above its `max` ({max})"),
            )
            .with_help("swap them, or check the figures against the source"),
        );
        return None;
    }
    if let Some(best) = best.filter(|b| !(min..=max).contains(b)) {
        let loc = draft.best.as_ref().map_or(loc, |b| b.loc);
        problems.push(
            loc.error(
                file,
                format!("`best` of `{name}` ({best}) is outside its range ({min} to {max})"),
            )
            .with_help("a best estimate lies between `min` and `max`"),
        );
        return None;
    }
    Some(Figure::Range { min, max, best })
}

/// A part (children killed) above its whole (civilians killed) in one claim, as the wording states them.
pub fn check_parts(
    file: &SourceText,
    figures: &[(CategoryFigure, Loc)],
    categories: &Categories,
    problems: &mut Collector,
) {
    let find = |id: &str| figures.iter().find(|(f, _)| f.category == id);
    for category in categories.list.iter().filter(|c| c.part_of.is_some()) {
        let part = category.id.as_str();
        let Some((part_figure, loc)) = find(part) else {
            continue;
        };
        // The nearest whole the claim gives a figure for: children killed against civilians
        // killed, or against all killed when the claim leaves civilians out.
        let Some((whole_figure, _)) = categories
            .wholes(part)
            .into_iter()
            .filter(|&whole| whole != part)
            .find_map(find)
        else {
            continue;
        };
        let (Some((floor, strict)), Some((cap, hard))) = (
            part_figure.figure.stated_floor(),
            whole_figure.figure.stated_cap(),
        ) else {
            continue;
        };
        if floor > cap || (strict && hard && floor == cap) {
            problems.push(
                loc.error(
                    file,
                    format!(
                        "`{part}` ({}) is more than `{}` ({}), which counts them too",
                        part_figure.figure.words(Words::english()),
                        whole_figure.category,
                        whole_figure.figure.words(Words::english())
                    ),
                )
                .with_help(
                    "check both figures against the source: a part cannot be larger than its whole",
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::CasualtiesConfig;

    /// The messages `check_parts` gives for a claim's figures.
    fn part_problems(figures: &[(&str, Figure)]) -> Vec<String> {
        let file = SourceText::new("casualties.toml", String::new());
        let categories =
            Categories::new(&CasualtiesConfig::default(), None, Words::english(), false).unwrap();
        let figures: Vec<(CategoryFigure, Loc)> = figures
            .iter()
            .map(|(id, figure)| {
                (
                    CategoryFigure {
                        category: (*id).to_owned(),
                        figure: *figure,
                    },
                    Loc::Offset(0),
                )
            })
            .collect();
        let mut problems = Collector::default();
        check_parts(&file, &figures, &categories, &mut problems);
        let (errors, _) = problems.finish();
        errors.into_iter().map(|e| e.message).collect()
    }

    fn value(value: u64, qualifier: Qualifier) -> Figure {
        Figure::Value { value, qualifier }
    }

    #[test]
    fn parts_above_their_whole_are_errors_as_the_wording_states_them() {
        use Qualifier::*;
        // An exact part above an exact whole, and "more than N" against exactly N.
        assert_eq!(
            part_problems(&[
                ("killed", value(10, Exact)),
                ("civilians_killed", value(20, Exact))
            ])
            .len(),
            1
        );
        assert_eq!(
            part_problems(&[
                ("civilians_killed", value(10, Exact)),
                ("children_killed", value(10, MoreThan))
            ])
            .len(),
            1
        );
        // "At least 30 children" among "at least 20 civilians" contradicts the wording.
        assert_eq!(
            part_problems(&[
                ("civilians_killed", value(20, AtLeast)),
                ("children_killed", value(30, AtLeast))
            ])
            .len(),
            1
        );
        // Children are checked against civilians when given, else against all killed.
        assert_eq!(
            part_problems(&[
                ("killed", value(3, Exact)),
                ("civilians_killed", value(8, Exact)),
                ("children_killed", value(5, Exact))
            ])
            .len(),
            1
        );
        assert_eq!(
            part_problems(&[
                ("killed", value(3, Exact)),
                ("children_killed", value(5, Exact))
            ])
            .len(),
            1
        );
        // Hedges that commit to no bound never clash.
        assert!(
            part_problems(&[
                ("killed", value(10, About)),
                ("civilians_killed", value(20, Exact))
            ])
            .is_empty()
        );
        assert!(
            part_problems(&[
                ("killed", value(10, Exact)),
                ("civilians_killed", value(20, UpTo))
            ])
            .is_empty()
        );
        assert!(
            part_problems(&[
                ("killed", Figure::Undisclosed),
                ("civilians_killed", value(20, Exact))
            ])
            .is_empty()
        );
        // "More than 10" of a whole of "more than 10", or within a range, is consistent.
        assert!(
            part_problems(&[
                ("killed", value(10, MoreThan)),
                ("civilians_killed", value(10, MoreThan))
            ])
            .is_empty()
        );
        assert!(
            part_problems(&[
                (
                    "killed",
                    Figure::Range {
                        min: 100,
                        max: 120,
                        best: None
                    }
                ),
                ("civilians_killed", value(110, Exact))
            ])
            .is_empty()
        );
        assert_eq!(
            part_problems(&[
                (
                    "killed",
                    Figure::Range {
                        min: 100,
                        max: 120,
                        best: None
                    }
                ),
                ("civilians_killed", value(121, AtLeast))
            ])
            .len(),
            1
        );
    }
}
