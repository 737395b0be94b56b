//! Checking raw events into [`Event`]s, every problem of the file reported at its place.

use std::collections::HashSet;
use std::fmt::Display;

use super::input::{At, FieldNames, Input, Loc, RawEvent};
use super::model::{Event, Importance, Keyword, Places, Qualifier, Timeline, When};
use crate::data::{ID_HELP, is_valid_id};
use crate::dates::{DateInput, PartialDate};
use crate::diagnostics::{Collector, Diagnostic, Diagnostics, SourceText};

/// The anchor prefix of the year headings on `/timeline/`, which event ids may not take.
pub const YEAR_ANCHOR: &str = "year-";

const REQUIRED_HELP: &str =
    "every event needs an `id`, a `date`, a `title` and at least one source in `sources`";

/// Checks every event into a timeline; when any has a problem, every problem of the file.
pub fn timeline(input: Input, file: SourceText) -> Result<Timeline, Diagnostics> {
    let Input {
        events,
        names,
        problems,
    } = input;
    let mut check = Check {
        source: &file,
        names: &names,
        problems,
        ids: crate::data::file::FirstIds::default(),
    };
    let mut events: Vec<Event> = events
        .into_iter()
        .filter_map(|raw| check.event(raw))
        .collect();
    let mut collector = Collector::default();
    collector.extend(check.problems);
    collector.into_result()?;
    events.sort_by(|a, b| a.when.date.chronological(&b.when.date));
    Ok(Timeline {
        events,
        file,
        names,
    })
}

struct Check<'a> {
    source: &'a SourceText,
    names: &'a FieldNames,
    problems: Vec<Diagnostic>,
    /// Where each event id was first defined.
    ids: crate::data::file::FirstIds,
}

impl Check<'_> {
    fn error(&mut self, field: &str, at: usize, message: impl Display, help: impl Into<String>) {
        let message = format!("{}: {message}", self.names.label(field));
        self.problems
            .push(self.source.error_at(at, message).with_help(help));
    }

    fn required<T>(&mut self, field: &str, value: Option<T>, event_at: usize) -> Option<T> {
        if value.is_none() {
            self.error(field, event_at, "missing", REQUIRED_HELP);
        }
        value
    }

    fn event(&mut self, raw: RawEvent) -> Option<Event> {
        let before = self.problems.len();
        let id = self
            .required("id", trimmed(raw.id), raw.at)
            .and_then(|id| self.id(id));
        let date = self
            .required("date", raw.date, raw.at)
            .and_then(|d| self.date("date", &d));
        let end = raw.end.and_then(|e| {
            self.date("end", &e)
                .map(|date| At::new(date, Loc::Offset(e.loc.offset())))
        });
        let qualifier = self.keyword("qualifier", raw.qualifier);
        self.check_range(date, end.as_ref(), qualifier.as_ref());
        let title = self.required("title", trimmed(raw.title), raw.at);
        let sources = list(raw.sources);
        if sources.is_empty() {
            self.error(
                "sources",
                raw.at,
                "missing: name at least one source id",
                REQUIRED_HELP,
            );
        }
        let tags = list(raw.tags);
        for tag in &tags {
            self.tag(tag);
        }
        let place_ids = list(raw.places);
        let links = list(raw.links);
        for link in links.iter().filter(|l| !l.value.starts_with("@/")) {
            self.error(
                "links",
                link.loc.offset(),
                format!("{:?} is not a page link", link.value),
                "write links to pages as \"@/notes/lachin-corridor.md\" (a file under content/)",
            );
        }
        let importance = self.keyword("importance", raw.importance);
        if self.problems.len() > before {
            return None;
        }
        let body = trimmed(raw.body);
        Some(Event {
            id: id?,
            when: When {
                date: date?,
                end: end.map(|e| e.value),
                qualifier: qualifier.map_or(Qualifier::Exact, |q| q.value),
                display: trimmed(raw.display_date).map(|d| d.value),
            },
            title: title?.value,
            places: Places {
                body: body.as_ref().map_or(raw.at, |b| b.loc.offset()),
                sources: sources.iter().map(|s| s.loc.offset()).collect(),
                links: links.iter().map(|l| l.loc.offset()).collect(),
                place_ids: place_ids.iter().map(|p| p.loc.offset()).collect(),
            },
            body: body.map(|b| b.value).unwrap_or_default(),
            sources: values(sources),
            tags: dedup(values(tags)),
            importance: importance.map_or(Importance::Minor, |i| i.value),
            place: trimmed(raw.place).map(|p| p.value),
            place_ids: dedup(values(place_ids)),
            group: trimmed(raw.group).map(|g| g.value),
            links: values(links),
        })
    }

    fn id(&mut self, id: At<String>) -> Option<String> {
        let value = id.value;
        if !is_valid_id(&value) {
            self.error(
                "id",
                id.loc.offset(),
                format!("invalid id {value:?}"),
                ID_HELP,
            );
        } else if value
            .strip_prefix(YEAR_ANCHOR)
            .is_some_and(|rest| rest.bytes().all(|b| b.is_ascii_digit()))
        {
            self.error(
                "id",
                id.loc.offset(),
                format!("the id `{value}` is the anchor of a year heading"),
                "choose another id, such as \"offensive-begins\"",
            );
        } else if let Some(duplicate) = self.ids.check(
            self.source,
            &value,
            id.loc.offset(),
            format!("{}: duplicate id `{value}`", self.names.label("id")),
        ) {
            let help = "each event needs its own id: it is the event's anchor on /timeline/";
            self.problems.push(duplicate.with_help(help));
        } else {
            return Some(value);
        }
        None
    }

    fn date(&mut self, field: &str, input: &At<DateInput>) -> Option<PartialDate> {
        input
            .value
            .parse()
            .map_err(|message| {
                self.error(
                    field,
                    input.loc.offset(),
                    message,
                    "leave out the parts that are not known: \"1988\" or \"1988-02\" are dates too",
                );
            })
            .ok()
    }

    fn keyword<K: Keyword>(&mut self, field: &str, input: Option<At<String>>) -> Option<At<K>> {
        let input = trimmed(input)?;
        match K::parse_or_help(&input.value) {
            Ok(value) => Some(At::new(value, Loc::Offset(input.loc.offset()))),
            Err(help) => {
                let message = format!("unknown {field} {:?}", input.value);
                self.error(field, input.loc.offset(), message, help);
                None
            }
        }
    }

    fn check_range(
        &mut self,
        date: Option<PartialDate>,
        end: Option<&At<PartialDate>>,
        qualifier: Option<&At<Qualifier>>,
    ) {
        let (Some(date), Some(end)) = (date, end) else {
            return;
        };
        if end.value.end_key() < date.start_key() {
            self.error(
                "end",
                end.loc.offset(),
                format!("the range ends ({}) before it starts ({date})", end.value),
                "`end` is the last date of the range: put it after `date`, or swap them",
            );
        }
        if let Some(q) =
            qualifier.filter(|q| matches!(q.value, Qualifier::Before | Qualifier::After))
        {
            self.error(
                "qualifier",
                q.loc.offset(),
                format!("`{}` cannot qualify a range", q.value.name()),
                "use `about` or `exact` with `end`, or drop `end`",
            );
        }
    }

    fn tag(&mut self, tag: &At<String>) {
        let value = &tag.value;
        let is_slug = !value.is_empty()
            && value.split('-').all(|part| {
                !part.is_empty()
                    && part
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            });
        if !is_slug {
            let slug = crate::markdown::anchors::slugify(value);
            self.error("tags", tag.loc.offset(), format!("invalid tag {value:?}"), format!("tags are slugs (lowercase letters, digits and single hyphens), such as {slug:?}: they name the tag's page /timeline/tags/{slug}/"));
        }
    }
}

/// The value without surrounding whitespace, located at its first character; `None` when empty.
fn trimmed(input: Option<At<String>>) -> Option<At<String>> {
    let input = input?;
    let value = input.value.trim();
    let leading = input.value.len() - input.value.trim_start().len();
    (!value.is_empty())
        .then(|| At::new(value.to_owned(), Loc::Offset(input.loc.offset() + leading)))
}

fn list(items: Vec<At<String>>) -> Vec<At<String>> {
    items
        .into_iter()
        .filter_map(|item| trimmed(Some(item)))
        .collect()
}

fn values(items: Vec<At<String>>) -> Vec<String> {
    items.into_iter().map(|item| item.value).collect()
}

fn dedup(mut items: Vec<String>) -> Vec<String> {
    let mut seen = HashSet::new();
    items.retain(|item| seen.insert(item.clone()));
    items
}
