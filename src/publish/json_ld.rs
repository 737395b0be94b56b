//! schema.org JSON-LD for each page: `NewsArticle` on the article,
//! `BackgroundNewsArticle` on the notes, `WebPage` elsewhere, and a `BreadcrumbList`.
//!
//! Written straight from typed values (keys in alphabetical order), since every page has one.

use serde::Serialize;

use crate::config::{BaseUrl, Config};
use crate::content::{Page, PageKind};
use crate::json_script::json_for_script;

/// `{ "@type": ..., "name": ... }`: an author, a publisher.
#[derive(Serialize)]
struct Named<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

/// The website a page is part of.
#[derive(Serialize)]
struct WebSite<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    url: &'a str,
}

/// A correction of the page.
#[derive(Serialize)]
struct Correction<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "datePublished")]
    date_published: String,
    text: &'a str,
}

/// The page itself.
#[derive(Serialize)]
struct Main<'a> {
    #[serde(rename = "@id")]
    id: &'a str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    author: Vec<Named<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    correction: Vec<Correction<'a>>,
    #[serde(rename = "dateModified", skip_serializing_if = "Option::is_none")]
    date_modified: Option<String>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<[String; 1]>,
    #[serde(rename = "inLanguage")]
    in_language: &'a str,
    #[serde(rename = "isPartOf")]
    is_part_of: WebSite<'a>,
    #[serde(rename = "mainEntityOfPage", skip_serializing_if = "Option::is_none")]
    main_entity_of_page: Option<&'a str>,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<Named<'a>>,
    url: &'a str,
}

/// One step of the breadcrumbs.
#[derive(Serialize)]
struct ListItem<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    item: &'a str,
    name: &'a str,
    position: usize,
}

/// The breadcrumbs.
#[derive(Serialize)]
struct Breadcrumbs<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "itemListElement")]
    items: Vec<ListItem<'a>>,
}

/// One node of the graph: the page or its breadcrumbs.
#[derive(Serialize)]
#[serde(untagged)]
enum Node<'a> {
    Main(Box<Main<'a>>),
    Breadcrumbs(Breadcrumbs<'a>),
}

/// The whole document.
#[derive(Serialize)]
struct Graph<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@graph")]
    graph: [Node<'a>; 2],
}

/// The JSON-LD of a Markdown page, ready to go inside `<script type="application/ld+json">`.
pub fn for_page(page: &Page, config: &Config, base: &BaseUrl, notes_title: &str) -> String {
    let permalink = base.absolute(&page.url);
    let home = base.absolute("/");
    let meta = &page.meta;
    let kind = match page.kind {
        PageKind::Article => "NewsArticle",
        PageKind::Note => "BackgroundNewsArticle",
        PageKind::NotesIndex | PageKind::Page => "WebPage",
    };
    let main = Main {
        id: &permalink,
        kind,
        author: meta
            .authors
            .iter()
            .map(|name| author(name, config))
            .collect(),
        correction: meta
            .updates
            .iter()
            .filter(|u| u.correction)
            .map(|u| Correction {
                kind: "CorrectionComment",
                date_published: u.date.full_iso(),
                text: &u.text,
            })
            .collect(),
        date_modified: meta.updated.or(meta.date).map(|d| d.full_iso()),
        date_published: meta.date.map(|d| d.full_iso()),
        description: meta.description.as_deref(),
        headline: Some(&meta.title),
        image: config
            .default_image
            .as_ref()
            .map(|image| [base.absolute(&format!("/{}", image.trim_start_matches('/')))]),
        in_language: &config.language,
        is_part_of: website(config, &home),
        main_entity_of_page: Some(&permalink),
        name: &meta.title,
        publisher: config.publisher.as_deref().map(|name| Named {
            kind: "Organization",
            name,
        }),
        url: &permalink,
    };
    let notes = base.absolute("/notes/");
    let mut trail = vec![(config.title.as_str(), home.as_str())];
    if page.kind == PageKind::Note {
        trail.push((notes_title, &notes));
    }
    if page.url != "/" {
        trail.push((meta.title.as_str(), &permalink));
    }
    graph(main, &trail)
}

/// The JSON-LD of a page generated from data (a `WebPage` and its breadcrumbs).
pub fn for_data_page(title: &str, path: &str, config: &Config, base: &BaseUrl) -> String {
    let permalink = base.absolute(path);
    let home = base.absolute("/");
    let main = Main {
        id: &permalink,
        kind: "WebPage",
        author: Vec::new(),
        correction: Vec::new(),
        date_modified: None,
        date_published: None,
        description: None,
        headline: None,
        image: None,
        in_language: &config.language,
        is_part_of: website(config, &home),
        main_entity_of_page: None,
        name: title,
        publisher: None,
        url: &permalink,
    };
    graph(main, &[(config.title.as_str(), &home), (title, &permalink)])
}

fn author<'a>(name: &'a str, config: &Config) -> Named<'a> {
    let kind = if config.publisher.as_deref() == Some(name) {
        "Organization"
    } else {
        "Person"
    };
    Named { kind, name }
}

fn website<'a>(config: &'a Config, home: &'a str) -> WebSite<'a> {
    WebSite {
        kind: "WebSite",
        name: &config.title,
        url: home,
    }
}

fn graph(main: Main<'_>, trail: &[(&str, &str)]) -> String {
    let items = trail
        .iter()
        .enumerate()
        .map(|(i, &(name, item))| ListItem {
            kind: "ListItem",
            item,
            name,
            position: i + 1,
        })
        .collect();
    json_for_script(&Graph {
        context: "https://schema.org",
        graph: [
            Node::Main(Box::new(main)),
            Node::Breadcrumbs(Breadcrumbs {
                kind: "BreadcrumbList",
                items,
            }),
        ],
    })
}
