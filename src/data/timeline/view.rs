//! Each event as the templates see it: its date, rendered body, tags, citations and links.

use rayon::prelude::*;
use serde::Serialize;

use super::model::{Event, Importance, Keyword, Timeline};
use super::when::DateView;
use crate::data::places::Places;
use crate::data::sources::Sources;
use crate::data::{Generated, SiteData};
use crate::markdown::links::{self, Resolved};
use crate::markdown::{Mode, Renderer};

/// An event ready for the page.
#[derive(Debug, Clone, Serialize)]
pub struct EventView {
    /// The anchor.
    pub id: String,
    /// The year it is listed under.
    pub year: i32,
    /// The date, for `partials/when.html`; its `display`, when set, is words of the
    /// timeline's language, not a date written out in the edition's.
    pub date: DateView,
    /// The date as plain text.
    pub date_human: String,
    /// The (start) date in ISO form.
    pub date_iso: String,
    /// The headline.
    pub title: String,
    /// The body as HTML.
    pub body_html: String,
    /// Where it happened.
    pub place: Option<String>,
    /// The places it names, linking to `/places/`, with both names of contested ones.
    pub places: Vec<PlaceView>,
    /// Its grouping label.
    pub group: Option<String>,
    /// `major` or `minor`.
    pub importance: &'static str,
    /// True for a key event.
    pub major: bool,
    /// Its tags, linking to their pages.
    pub tags: Vec<LinkView>,
    /// Its sources, linking to `/sources/`.
    pub sources: Vec<SourceView>,
    /// Pages with more.
    pub links: Vec<LinkView>,
    /// The sources its body links to, for the back-links on `/sources/`.
    #[serde(skip)]
    pub body_citations: Vec<String>,
}

/// A link with its text.
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    /// The tag slug, for tags.
    pub name: Option<String>,
    /// The link text.
    pub title: String,
    /// True when the text is the title of a page this edition shows untranslated, so in the
    /// site's default language.
    pub untranslated: bool,
    /// The link.
    pub href: String,
}

/// A place an event names.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceView {
    /// The name the site uses.
    pub name: String,
    /// Its language.
    pub lang: Option<String>,
    /// Its other names.
    pub names: Vec<crate::data::glossary::Alias>,
    /// Its entry on `/places/`.
    pub href: String,
}

/// A cited source.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    /// The source's name.
    pub name: String,
    /// Whose voice it is, when the source is known.
    pub affiliation: Option<crate::data::affiliation::Affiliation>,
    /// Its entry on `/sources/`.
    pub href: String,
}

/// The views of every event, in order; rendering problems go to `generated`.
pub fn events(
    timeline: &Timeline,
    renderer: &Renderer<'_>,
    site: &SiteData,
    generated: &mut Generated,
) -> Vec<EventView> {
    let (sources, places) = (site.sources.as_ref(), site.places.as_ref());
    let views: Vec<(EventView, Generated)> = timeline
        .events
        .par_iter()
        .map(|event| {
            let mut problems = Generated::default();
            let view = view(timeline, event, renderer, (sources, places), &mut problems);
            (view, problems)
        })
        .collect();
    views
        .into_iter()
        .map(|(view, problems)| {
            generated.merge(problems);
            view
        })
        .collect()
}

fn view(
    timeline: &Timeline,
    event: &Event,
    renderer: &Renderer<'_>,
    (sources, places): (Option<&Sources>, Option<&Places>),
    generated: &mut Generated,
) -> EventView {
    let targets = renderer.targets;
    let (body_html, body_citations) = if event.body.is_empty() {
        (String::new(), Vec::new())
    } else {
        let rendered = renderer.render(
            &timeline.file,
            event.places.body,
            &event.body,
            Mode::Snippet,
        );
        generated.diagnostics.extend(rendered.diagnostics);
        generated.has_code |= rendered.has_code;
        (rendered.html, rendered.citations)
    };
    let mut links = Vec::new();
    for (link, &at) in event.links.iter().zip(&event.places.links) {
        match links::resolve(link, targets) {
            Ok(Resolved::Href(href)) => {
                let path = content_path(link);
                let title = targets
                    .page_title(&path)
                    .map_or_else(|| page_title(link), str::to_owned);
                links.push(LinkView {
                    name: None,
                    title,
                    untranslated: targets.page_untranslated(&path),
                    href,
                });
            }
            Ok(Resolved::Citation { .. }) => {}
            Err(broken) => generated.diagnostics.push(
                timeline
                    .file
                    .error_at(at, format!("{}: {broken}", timeline.names.label("links")))
                    .with_help(broken.help),
            ),
        }
    }
    EventView {
        id: event.id.clone(),
        year: event.when.date.year,
        date: event.when.view(renderer.words),
        date_human: event.when.human(renderer.words),
        date_iso: event.when.iso(),
        title: event.title.clone(),
        body_html,
        place: event.place.clone(),
        places: event
            .place_ids
            .iter()
            .filter_map(|id| places?.get(id))
            .map(|place| PlaceView {
                name: place.name.clone(),
                lang: place.lang.clone(),
                names: place.names.clone(),
                href: links::anchor(targets, crate::data::places::page::PATH, &place.id),
            })
            .collect(),
        group: event.group.clone(),
        importance: event.importance.name(),
        major: event.importance == Importance::Major,
        tags: event
            .tags
            .iter()
            .map(|tag| LinkView {
                name: Some(tag.clone()),
                title: tag_label(tag),
                untranslated: false,
                href: targets.href(&tag_path(tag)),
            })
            .collect(),
        sources: event
            .sources
            .iter()
            .map(|id| {
                let source = sources.and_then(|s| s.get(id));
                SourceView {
                    name: source.map_or_else(|| id.clone(), |s| s.name.clone()),
                    affiliation: source.map(|s| s.affiliation.clone()),
                    href: links::anchor(targets, crate::data::sources::PATH, id),
                }
            })
            .collect(),
        links,
        body_citations,
    }
}

/// The site path of a tag's page, such as `/timeline/tags/first-war/`.
pub fn tag_path(tag: &str) -> String {
    format!("{}tags/{tag}/", super::PATH)
}

/// A tag as readers see it: "first war" for `first-war`.
pub fn tag_label(tag: &str) -> String {
    tag.replace('-', " ")
}

/// The file an `@/` link names, under `content/`: `notes/history.md` for `@/notes/history.md#x`.
fn content_path(link: &str) -> String {
    let path = link.trim_start_matches("@/");
    path.split('#').next().unwrap_or(path).to_owned()
}

/// True when one of the timeline's `links` names the page at `content_path`: its link text
/// is that page's title.
pub fn links_to(timeline: &Timeline, content_path_of_page: &str) -> bool {
    timeline
        .events
        .iter()
        .flat_map(|event| &event.links)
        .any(|link| content_path(link) == content_path_of_page)
}

/// Link text for an `@/` link to no page (a page made from data): "Exodus" for
/// `@/timeline/tags/exodus/`.
fn page_title(link: &str) -> String {
    let path = link.trim_start_matches("@/");
    let path = path.split('#').next().unwrap_or(path).trim_end_matches('/');
    let mut parts = path.trim_end_matches(".md").rsplit('/');
    let name = match parts.next() {
        Some("index" | "_index") => parts.next().unwrap_or("home"),
        Some(name) => name,
        None => path,
    };
    let words = name.replace(['-', '_'], " ");
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_links_read_as_titles() {
        assert_eq!(page_title("@/notes/lachin-corridor.md"), "Lachin corridor");
        assert_eq!(page_title("@/notes/the-2020-war.md#x"), "The 2020 war");
        assert_eq!(page_title("@/notes/_index.md"), "Notes");
        assert_eq!(tag_label("2023-offensive"), "2023 offensive");
        assert_eq!(page_title("@/timeline/tags/exodus/"), "Exodus");
    }
}
