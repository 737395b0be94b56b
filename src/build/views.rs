//! What templates see: the site, its navigation, and each page.

use std::borrow::Cow;

use serde::Serialize;

use crate::config::{BaseUrl, Config};
use crate::content::{Page, PageKind};
use crate::data::sources::Sources;
use crate::dates::PartialDate;
use crate::markdown::links::{self, Targets};
use crate::markdown::{Heading, Rendered};
use crate::words::Words;

/// The site as templates see it (`site`).
#[derive(Debug, Serialize)]
pub struct SiteView {
    /// The site title.
    pub title: String,
    /// The site description.
    pub description: String,
    /// The base URL as configured.
    pub base_url: String,
    /// The path the site lives under (empty at a domain root): static files and images,
    /// which every edition shares, are under it.
    pub base_path: String,
    /// The path this edition's pages are under: the base path, then `/CODE` for an edition
    /// in another language.
    pub pages_path: String,
    /// The language of this edition.
    pub language: String,
    /// The language of the default edition, for text of it shown in another edition.
    pub default_language: String,
    /// The publisher's name.
    pub publisher: Option<String>,
    /// The share image's URL, when set.
    pub image: Option<String>,
    /// True when some page has highlighted code (so `syntax.css` exists).
    pub has_code: bool,
    /// Free-form values from the config.
    pub extra: toml::Table,
}

impl SiteView {
    /// The view of a configuration.
    pub fn new(
        config: &Config,
        base: &BaseUrl,
        has_code: bool,
        default_language: &str,
    ) -> SiteView {
        SiteView {
            title: config.title.clone(),
            description: config.description.clone(),
            base_url: base.absolute("/"),
            base_path: base.path.clone(),
            pages_path: [base.path.as_str(), &base.edition].concat(),
            language: config.language.clone(),
            default_language: default_language.to_owned(),
            publisher: config.publisher.clone(),
            image: config
                .default_image
                .as_ref()
                .map(|image| base.asset_absolute(&format!("/{}", image.trim_start_matches('/')))),
            has_code,
            extra: config.extra.clone(),
        }
    }
}

/// An entry of the main navigation.
#[derive(Debug, PartialEq, Serialize)]
pub struct NavItem {
    /// The link text.
    pub title: String,
    /// The site path, to compare with a page's `path`.
    pub path: String,
    /// The link.
    pub href: String,
    /// True when the page stands in for a translation: its title is in the default
    /// edition's language.
    pub fallback: bool,
}

/// A date with its machine and human forms.
#[derive(Debug, Serialize)]
pub struct DateView {
    /// `2023-09-20` (or `2023-09`, `2023`).
    pub iso: String,
    /// "20 September 2023".
    pub human: String,
    /// A full date for metadata (first day of an imprecise date).
    pub full: String,
}

impl DateView {
    /// The view of `date`, written out in the language of `words`.
    pub fn new(date: PartialDate, words: &Words) -> DateView {
        DateView {
            iso: date.iso(),
            human: words.date(&date),
            full: date.full_iso(),
        }
    }
}

/// An update or correction of a page.
#[derive(Debug, Serialize)]
pub struct UpdateView {
    /// When.
    pub date: DateView,
    /// What changed.
    pub text: String,
    /// True for a correction.
    pub correction: bool,
}

/// A numbered source in a page's "Sources" list.
#[derive(Debug, Serialize)]
pub struct CitationView {
    /// The citation number.
    pub number: usize,
    /// The source id.
    pub id: String,
    /// The source name.
    pub name: String,
    /// Whose voice it is.
    pub affiliation: crate::data::affiliation::Affiliation,
    /// The source's entry on `/sources/`.
    pub href: String,
    /// Ids of the citation marks in the text, for back-links.
    pub refs: Vec<String>,
}

/// A page as templates see it (`page`), borrowing the page's rendered body.
#[derive(Debug, Serialize)]
pub struct PageView<'a> {
    /// The title.
    pub title: String,
    /// The summary.
    pub description: String,
    /// The site path, such as `/notes/history/`.
    pub path: String,
    /// The link, with the base path.
    pub href: String,
    /// The absolute URL.
    pub permalink: String,
    /// `article`, `note`, `notes_index`, `page`, or the data page's kind.
    pub kind: String,
    /// Publication date.
    pub date: Option<DateView>,
    /// Last update.
    pub updated: Option<DateView>,
    /// Bylines.
    pub authors: Vec<String>,
    /// Updates and corrections, newest first.
    pub updates: Vec<UpdateView>,
    /// The rendered body.
    pub content: &'a str,
    /// The body's headings.
    pub headings: &'a [Heading],
    /// The body cut before each second-level heading, so templates can insert boxes between sections.
    pub sections: Vec<SectionView<'a>>,
    /// The ids of the second-level headings, to test whether a section exists.
    pub section_ids: Vec<String>,
    /// The numbered sources cited on the page.
    pub citations: Vec<CitationView>,
    /// Free-form front matter values.
    pub extra: Cow<'a, serde_json::Map<String, serde_json::Value>>,
    /// The template's data, for generated pages (passed on as is, not copied).
    pub data: tera::Value,
    /// schema.org metadata, safe to place in a `<script>` element.
    pub json_ld: String,
    /// True when the page has highlighted code, so it links `syntax.css`.
    pub has_code: bool,
    /// True when the page stands in for a translation this edition lacks: its words are in
    /// the default edition's language.
    pub fallback: bool,
    /// The lead image's figure, shown above the text.
    pub lead: Option<&'a str>,
    /// The lead image as the page's metadata gives it: `url`, `type`, `width`, `height`,
    /// `alt`, `caption`, `credit`, `license`.
    pub image: Option<&'a serde_json::Value>,
}

impl<'a> PageView<'a> {
    /// The view of a Markdown page and its rendering.
    pub fn of_page(
        page: &'a Page,
        rendered: &'a Rendered,
        base: &BaseUrl,
        sources: Option<&Sources>,
        targets: &dyn Targets,
        words: &Words,
    ) -> PageView<'a> {
        let citations = citation_views(rendered, sources, targets);
        PageView {
            title: page.meta.title.clone(),
            description: page.meta.description.clone().unwrap_or_default(),
            path: page.url.clone(),
            href: base.relative(&page.url),
            permalink: base.absolute(&page.url),
            kind: kind_name(page.kind).to_owned(),
            date: page.meta.date.map(|d| DateView::new(d, words)),
            updated: page.meta.updated.map(|d| DateView::new(d, words)),
            authors: page.meta.authors.clone(),
            updates: page
                .meta
                .updates
                .iter()
                .map(|u| UpdateView {
                    date: DateView::new(u.date, words),
                    text: u.text.clone(),
                    correction: u.correction,
                })
                .collect(),
            content: &rendered.html,
            headings: &rendered.headings,
            sections: sections(&rendered.html),
            section_ids: rendered
                .headings
                .iter()
                .filter(|h| h.level == 2)
                .map(|h| h.id.clone())
                .collect(),
            citations,
            extra: Cow::Borrowed(&page.meta.extra),
            data: tera::Value::none(),
            json_ld: String::new(),
            has_code: rendered.has_code,
            fallback: page.fallback,
            lead: rendered.lead.as_ref().map(|lead| lead.html.as_str()),
            image: rendered.lead.as_ref().map(|lead| &lead.share),
        }
    }

    /// Gives a page made from data the title, description and introduction of its section
    /// index page (`content/timeline.md` for `/timeline/`); the description stays when the
    /// index has none.
    pub fn with_section_index(
        mut self,
        index: &'a Page,
        rendered: &'a Rendered,
        sources: Option<&Sources>,
        targets: &dyn Targets,
    ) -> PageView<'a> {
        self.title = index.meta.title.clone();
        if let Some(description) = &index.meta.description {
            self.description = description.clone();
        }
        self.content = &rendered.html;
        self.headings = &rendered.headings;
        self.sections = sections(&rendered.html);
        self.citations = citation_views(rendered, sources, targets);
        self.has_code |= rendered.has_code;
        self.fallback = index.fallback;
        self
    }

    /// The view of a page generated from data.
    pub fn of_data(
        path: &str,
        title: &str,
        description: &str,
        kind: &str,
        data: tera::Value,
        base: &BaseUrl,
    ) -> PageView<'a> {
        PageView {
            title: title.to_owned(),
            description: description.to_owned(),
            path: path.to_owned(),
            href: base.relative(path),
            permalink: base.absolute(path),
            kind: kind.to_owned(),
            date: None,
            updated: None,
            authors: Vec::new(),
            updates: Vec::new(),
            content: "",
            headings: &[],
            sections: Vec::new(),
            section_ids: Vec::new(),
            citations: Vec::new(),
            extra: Cow::Owned(serde_json::Map::new()),
            data,
            json_ld: String::new(),
            has_code: false,
            fallback: false,
            lead: None,
            image: None,
        }
    }
}

/// The numbered sources a rendered text cites, for its "Sources" list.
fn citation_views(
    rendered: &Rendered,
    sources: Option<&Sources>,
    targets: &dyn Targets,
) -> Vec<CitationView> {
    rendered
        .citations
        .iter()
        .zip(&rendered.citation_uses)
        .enumerate()
        .filter_map(|(i, (id, &uses))| {
            let source = sources?.get(id)?;
            let number = i + 1;
            Some(CitationView {
                number,
                id: id.clone(),
                name: source.name.clone(),
                affiliation: source.affiliation.clone(),
                href: links::anchor(targets, crate::data::sources::PATH, id),
                refs: (1..=uses)
                    .map(|k| format!("cite-ref-{number}-{k}"))
                    .collect(),
            })
        })
        .collect()
}

/// A part of a page's body: the text before the first `h2`, or one `h2` and what follows it.
#[derive(Debug, Serialize)]
pub struct SectionView<'a> {
    /// The heading's id (empty for the part before the first heading).
    pub id: &'a str,
    /// The part's HTML.
    pub html: &'a str,
}

fn sections(html: &str) -> Vec<SectionView<'_>> {
    const MARK: &str = "<h2 id=\"";
    let mut starts: Vec<usize> = memchr::memmem::find_iter(html.as_bytes(), MARK).collect();
    starts.insert(0, 0);
    starts.dedup();
    let mut parts = Vec::with_capacity(starts.len());
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(html.len());
        let part = &html[start..end];
        let id = part
            .strip_prefix(MARK)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_default();
        if !part.trim().is_empty() {
            parts.push(SectionView { id, html: part });
        }
    }
    parts
}

fn kind_name(kind: PageKind) -> &'static str {
    match kind {
        PageKind::Article => "article",
        PageKind::Note => "note",
        PageKind::NotesIndex => "notes_index",
        PageKind::Page => "page",
    }
}

/// A note in the notes listing.
#[derive(Debug, PartialEq, Serialize)]
pub struct NoteLink {
    /// Title.
    pub title: String,
    /// Summary.
    pub description: String,
    /// Link.
    pub href: String,
    /// Listing order.
    pub weight: i64,
    /// True when the note stands in for a translation: its words are in the default
    /// edition's language.
    pub fallback: bool,
}
