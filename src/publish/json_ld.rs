//! schema.org JSON-LD for each page: `NewsArticle` on the article,
//! `BackgroundNewsArticle` on the notes, `WebPage` elsewhere, and a `BreadcrumbList`.

use serde_json::{Value, json};

use crate::config::{BaseUrl, Config};
use crate::content::{Page, PageKind};
use crate::json_script::json_for_script;

/// The JSON-LD of a Markdown page, ready to go inside `<script type="application/ld+json">`.
pub fn for_page(page: &Page, config: &Config, base: &BaseUrl, notes_title: &str) -> String {
    let permalink = base.absolute(&page.url);
    let meta = &page.meta;
    let kind = match page.kind {
        PageKind::Article => "NewsArticle",
        PageKind::Note => "BackgroundNewsArticle",
        PageKind::NotesIndex | PageKind::Page => "WebPage",
    };
    let mut main = json!({
        "@type": kind,
        "@id": permalink,
        "url": permalink,
        "headline": meta.title,
        "name": meta.title,
        "inLanguage": config.language,
        "mainEntityOfPage": permalink,
        "isPartOf": { "@type": "WebSite", "name": config.title, "url": base.absolute("/") },
    });
    let object = main.as_object_mut();
    if let Some(object) = object {
        if let Some(description) = &meta.description {
            object.insert("description".into(), json!(description));
        }
        if let Some(date) = meta.date {
            object.insert("datePublished".into(), json!(date.full_iso()));
        }
        if let Some(date) = meta.updated.or(meta.date) {
            object.insert("dateModified".into(), json!(date.full_iso()));
        }
        if !meta.authors.is_empty() {
            let authors: Vec<Value> = meta
                .authors
                .iter()
                .map(|name| author(name, config))
                .collect();
            object.insert("author".into(), Value::Array(authors));
        }
        if let Some(publisher) = &config.publisher {
            object.insert(
                "publisher".into(),
                json!({ "@type": "Organization", "name": publisher }),
            );
        }
        if let Some(image) = &config.default_image {
            object.insert(
                "image".into(),
                json!([base.absolute(&format!("/{}", image.trim_start_matches('/')))]),
            );
        }
        let corrections: Vec<Value> = meta
            .updates
            .iter()
            .filter(|u| u.correction)
            .map(|u| json!({ "@type": "CorrectionComment", "text": u.text, "datePublished": u.date.full_iso() }))
            .collect();
        if !corrections.is_empty() {
            object.insert("correction".into(), Value::Array(corrections));
        }
    }
    let mut trail = vec![(config.title.as_str(), base.absolute("/"))];
    if page.kind == PageKind::Note {
        trail.push((notes_title, base.absolute("/notes/")));
    }
    if page.url != "/" {
        trail.push((meta.title.as_str(), permalink.clone()));
    }
    graph(main, &trail)
}

/// The JSON-LD of a page generated from data (a `WebPage` and its breadcrumbs).
pub fn for_data_page(title: &str, path: &str, config: &Config, base: &BaseUrl) -> String {
    let permalink = base.absolute(path);
    let main = json!({
        "@type": "WebPage",
        "@id": permalink,
        "url": permalink,
        "name": title,
        "inLanguage": config.language,
        "isPartOf": { "@type": "WebSite", "name": config.title, "url": base.absolute("/") },
    });
    let trail = [
        (config.title.as_str(), base.absolute("/")),
        (title, permalink.clone()),
    ];
    graph(main, &trail)
}

fn author(name: &str, config: &Config) -> Value {
    let kind = if config.publisher.as_deref() == Some(name) {
        "Organization"
    } else {
        "Person"
    };
    json!({ "@type": kind, "name": name })
}

fn graph(main: Value, trail: &[(&str, String)]) -> String {
    let items: Vec<Value> = trail
        .iter()
        .enumerate()
        .map(|(i, (name, url))| json!({ "@type": "ListItem", "position": i + 1, "name": name, "item": url }))
        .collect();
    let value = json!({
        "@context": "https://schema.org",
        "@graph": [main, { "@type": "BreadcrumbList", "itemListElement": items }],
    });
    json_for_script(&value)
}
