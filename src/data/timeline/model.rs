//! The checked timeline: events in chronological order.

use crate::data::{places, sources};
use crate::dates::PartialDate;
use crate::diagnostics::SourceText;

use super::raw::FieldNames;

/// A field whose value is one of a few names.
pub trait Keyword: Copy + PartialEq + 'static {
    /// Every value with its name, the default first.
    const ALL: &'static [(&'static str, Self)];

    /// The value of a name.
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
    }

    /// The name of a value.
    fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, v)| *v == self)
            .map_or("", |(n, _)| n)
    }

    /// Every name, for messages.
    fn names() -> Vec<&'static str> {
        Self::ALL.iter().map(|(n, _)| *n).collect()
    }
}

/// How much an event matters: major events are marked and make the key dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Importance {
    /// An ordinary event.
    Minor,
    /// A key event.
    Major,
}

impl Keyword for Importance {
    const ALL: &'static [(&'static str, Self)] =
        &[("minor", Importance::Minor), ("major", Importance::Major)];
}

/// How sure the date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    /// On that date.
    Exact,
    /// Around that date ("c. 1988").
    About,
    /// Some time before it ("before March 1992").
    Before,
    /// Some time after it ("after 1994").
    After,
}

impl Keyword for Qualifier {
    const ALL: &'static [(&'static str, Self)] = &[
        ("exact", Qualifier::Exact),
        ("about", Qualifier::About),
        ("before", Qualifier::Before),
        ("after", Qualifier::After),
    ];
}

/// When an event happened: a date or a range, how sure it is, and an optional wording.
#[derive(Debug, Clone)]
pub struct When {
    /// The date, or the start of the range.
    pub date: PartialDate,
    /// The end of the range.
    pub end: Option<PartialDate>,
    /// How sure the date is.
    pub qualifier: Qualifier,
    /// Free text shown instead of the date ("Late February 1988").
    pub display: Option<String>,
}

/// Where an event's values were written, for messages found after loading.
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// The first character of the body.
    pub body: usize,
    /// Each source id.
    pub sources: Vec<usize>,
    /// Each page link.
    pub links: Vec<usize>,
    /// Each place id.
    pub place_ids: Vec<usize>,
}

/// A checked event.
#[derive(Debug, Clone)]
pub struct Event {
    /// Stable id, the anchor on `/timeline/`.
    pub id: String,
    /// When it happened.
    pub when: When,
    /// The headline.
    pub title: String,
    /// What happened, in Markdown (may be empty).
    pub body: String,
    /// Source ids, at least one.
    pub sources: Vec<String>,
    /// Tag slugs.
    pub tags: Vec<String>,
    /// Major or minor.
    pub importance: Importance,
    /// Where it happened.
    pub place: Option<String>,
    /// The ids of the places (in `places.toml`) where it happened.
    pub place_ids: Vec<String>,
    /// A free grouping label, such as a phase of the conflict.
    pub group: Option<String>,
    /// `@/` links to pages with more.
    pub links: Vec<String>,
    /// Where its values were written.
    pub places: Places,
}

/// The timeline: events in chronological order (ties: more precise date first, then file order).
#[derive(Debug, Clone)]
pub struct Timeline {
    /// The events.
    pub events: Vec<Event>,
    /// The file they came from.
    pub file: SourceText,
    /// How messages name fields in that file.
    pub names: FieldNames,
}

impl Timeline {
    /// Every tag used, sorted, with how many events carry it.
    pub fn tags(&self) -> Vec<(&str, usize)> {
        let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for tag in self.events.iter().flat_map(|e| &e.tags) {
            *counts.entry(tag.as_str()).or_default() += 1;
        }
        counts.into_iter().collect()
    }

    /// The ids that `event:` links may name.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.events.iter().map(|e| e.id.as_str())
    }

    /// Unknown sources and places, at their place in the file.
    pub fn check_references(
        &self,
        targets: &dyn crate::markdown::links::Targets,
    ) -> Vec<crate::diagnostics::Diagnostic> {
        let sources_label = self.names.label("sources");
        let places_label = self.names.label("places");
        self.events
            .iter()
            .flat_map(|e| {
                let sources = e.sources.iter().zip(&e.places.sources);
                let named_places = e.place_ids.iter().zip(&e.places.place_ids);
                sources
                    .map(|named| (&sources::SCHEME, &sources_label, named))
                    .chain(named_places.map(|named| (&places::SCHEME, &places_label, named)))
            })
            .filter_map(|(scheme, label, (id, &at))| {
                let broken = crate::markdown::links::unknown_id(targets, scheme, id)?;
                Some(
                    self.file
                        .error_at(at, format!("{label}: {broken}"))
                        .with_help(broken.help),
                )
            })
            .collect()
    }
}
