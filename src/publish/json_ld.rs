//! schema.org JSON-LD for each page: `NewsArticle` on the article,
//! `BackgroundNewsArticle` on the notes, `WebPage` elsewhere, and a `BreadcrumbList`.
//!
//! Every page has one, so it is written straight into bytes, keys in alphabetical order.

use crate::config::{BaseUrl, Config};
use crate::content::{Page, PageKind};
use crate::json_script::push_string;

/// The page's own node; absent fields are left out.
struct Main<'a> {
    id: &'a str,
    kind: &'a str,
    /// Authors as (`@type`, name).
    authors: Vec<(&'a str, &'a str)>,
    /// Corrections as (date, text).
    corrections: Vec<(String, &'a str)>,
    date_modified: Option<String>,
    date_published: Option<String>,
    description: Option<&'a str>,
    headline: Option<&'a str>,
    image: Option<ImageNode<'a>>,
    language: &'a str,
    site_name: &'a str,
    site_url: &'a str,
    main_entity: Option<&'a str>,
    name: &'a str,
    publisher: Option<&'a str>,
    url: &'a str,
}

/// The page's image: its lead image with what is said of it, or the site's share image.
#[derive(Default)]
struct ImageNode<'a> {
    url: String,
    width: Option<u64>,
    height: Option<u64>,
    caption: Option<&'a str>,
    credit: Option<&'a str>,
    license: Option<&'a str>,
}

impl<'a> ImageNode<'a> {
    /// The node of a lead image's share values (`url`, `width`, `caption`...).
    fn of_share(share: &'a serde_json::Value) -> Option<ImageNode<'a>> {
        let text = |key: &str| share.get(key).and_then(serde_json::Value::as_str);
        let number = |key: &str| share.get(key).and_then(serde_json::Value::as_u64);
        Some(ImageNode {
            url: text("url")?.to_owned(),
            width: number("width"),
            height: number("height"),
            caption: text("caption"),
            credit: text("credit"),
            license: text("license"),
        })
    }
}

/// JSON written into bytes: keys are this module's own, every value is escaped.
struct Writer(Vec<u8>);

impl Writer {
    /// A comma unless a value is the first of its object or array.
    fn separate(&mut self) {
        if !matches!(self.0.last(), Some(b'{' | b'[')) {
            self.0.push(b',');
        }
    }
    fn key(&mut self, key: &str) {
        self.separate();
        self.0.push(b'"');
        self.0.extend_from_slice(key.as_bytes());
        self.0.extend_from_slice(b"\":");
    }
    fn text(&mut self, key: &str, value: &str) {
        self.key(key);
        push_string(&mut self.0, value);
    }
    fn optional(&mut self, key: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.text(key, value);
        }
    }
    /// Starts an object as the next element of an array.
    fn element(&mut self) {
        self.separate();
        self.0.push(b'{');
    }
    fn open(&mut self, key: &str, bracket: u8) {
        self.key(key);
        self.0.push(bracket);
    }
    fn close(&mut self, bracket: u8) {
        self.0.push(bracket);
    }
}

/// The JSON-LD of a Markdown page, ready to go inside `<script type="application/ld+json">`;
/// `lead` is its lead image's share values, when it has one, and `language` the language its
/// words are in (the default edition's, for a page standing in for a translation).
pub fn for_page(
    page: &Page,
    lead: Option<&serde_json::Value>,
    config: &Config,
    base: &BaseUrl,
    notes_title: &str,
    language: &str,
) -> String {
    let permalink = base.absolute(&page.url);
    let home = base.absolute("/");
    let meta = &page.meta;
    let kind = match page.kind {
        PageKind::Article => "NewsArticle",
        PageKind::Note => "BackgroundNewsArticle",
        PageKind::NotesIndex | PageKind::Page => "WebPage",
    };
    let author_kind = |name: &str| {
        if config.publisher.as_deref() == Some(name) {
            "Organization"
        } else {
            "Person"
        }
    };
    let main = Main {
        id: &permalink,
        kind,
        authors: meta
            .authors
            .iter()
            .map(|name| (author_kind(name), name.as_str()))
            .collect(),
        corrections: meta
            .updates
            .iter()
            .filter(|u| u.correction)
            .map(|u| (u.date.full_iso(), u.text.as_str()))
            .collect(),
        date_modified: meta.updated.or(meta.date).map(|d| d.full_iso()),
        date_published: meta.date.map(|d| d.full_iso()),
        description: meta.description.as_deref(),
        headline: Some(&meta.title),
        image: lead.and_then(ImageNode::of_share).or_else(|| {
            config.default_image.as_ref().map(|image| ImageNode {
                url: base.asset_absolute(&format!("/{}", image.trim_start_matches('/'))),
                ..ImageNode::default()
            })
        }),
        language,
        site_name: &config.title,
        site_url: &home,
        main_entity: Some(&permalink),
        name: &meta.title,
        publisher: config.publisher.as_deref(),
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
    graph(&main, &trail)
}

/// The JSON-LD of a page generated from data (a `WebPage` and its breadcrumbs).
pub fn for_data_page(title: &str, path: &str, config: &Config, base: &BaseUrl) -> String {
    let permalink = base.absolute(path);
    let home = base.absolute("/");
    let main = Main {
        id: &permalink,
        kind: "WebPage",
        authors: Vec::new(),
        corrections: Vec::new(),
        date_modified: None,
        date_published: None,
        description: None,
        headline: None,
        image: None,
        language: &config.language,
        site_name: &config.title,
        site_url: &home,
        main_entity: None,
        name: title,
        publisher: None,
        url: &permalink,
    };
    graph(
        &main,
        &[(config.title.as_str(), &home), (title, &permalink)],
    )
}

fn graph(main: &Main<'_>, trail: &[(&str, &str)]) -> String {
    let mut w = Writer(Vec::with_capacity(1024));
    w.close(b'{');
    w.text("@context", "https://schema.org");
    w.open("@graph", b'[');
    w.element();
    write_main(&mut w, main);
    w.close(b'}');
    w.element();
    w.text("@type", "BreadcrumbList");
    w.open("itemListElement", b'[');
    for (i, (name, item)) in trail.iter().enumerate() {
        w.element();
        w.text("@type", "ListItem");
        w.text("item", item);
        w.text("name", name);
        w.key("position");
        w.0.extend_from_slice((i + 1).to_string().as_bytes());
        w.close(b'}');
    }
    w.close(b']');
    w.close(b'}');
    w.close(b']');
    w.close(b'}');
    // Only whole UTF-8 strings and ASCII were written.
    String::from_utf8(w.0).unwrap_or_default()
}

fn write_main(w: &mut Writer, main: &Main<'_>) {
    w.text("@id", main.id);
    w.text("@type", main.kind);
    if !main.authors.is_empty() {
        w.open("author", b'[');
        for (kind, name) in &main.authors {
            w.element();
            w.text("@type", kind);
            w.text("name", name);
            w.close(b'}');
        }
        w.close(b']');
    }
    if !main.corrections.is_empty() {
        w.open("correction", b'[');
        for (date, text) in &main.corrections {
            w.element();
            w.text("@type", "CorrectionComment");
            w.text("datePublished", date);
            w.text("text", text);
            w.close(b'}');
        }
        w.close(b']');
    }
    w.optional("dateModified", main.date_modified.as_deref());
    w.optional("datePublished", main.date_published.as_deref());
    w.optional("description", main.description);
    w.optional("headline", main.headline);
    if let Some(image) = &main.image {
        w.open("image", b'{');
        w.text("@type", "ImageObject");
        w.optional("caption", image.caption);
        w.text("contentUrl", &image.url);
        w.optional("creditText", image.credit);
        for (key, value) in [("height", image.height), ("width", image.width)] {
            if let Some(value) = value {
                w.key(key);
                w.0.extend_from_slice(value.to_string().as_bytes());
            }
        }
        w.optional("license", image.license);
        w.text("url", &image.url);
        w.close(b'}');
    }
    w.text("inLanguage", main.language);
    w.open("isPartOf", b'{');
    w.text("@type", "WebSite");
    w.text("name", main.site_name);
    w.text("url", main.site_url);
    w.close(b'}');
    w.optional("mainEntityOfPage", main.main_entity);
    w.text("name", main.name);
    if let Some(publisher) = main.publisher {
        w.open("publisher", b'{');
        w.text("@type", "Organization");
        w.text("name", publisher);
        w.close(b'}');
    }
    w.text("url", main.url);
}
