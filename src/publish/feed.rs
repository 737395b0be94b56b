//! The Atom feed and the sitemap: entries for every page, and for every update and
//! correction, so readers can follow a developing story.

use std::collections::HashMap;

use serde::Serialize;

use crate::config::BaseUrl;
use crate::content::Page;
use crate::dates::PartialDate;

/// An entry of the Atom feed.
#[derive(Debug, Serialize)]
pub struct FeedEntry {
    /// A stable id (the page's URL, with a fragment for updates).
    pub id: String,
    /// The title of the page: the feed template words an update's or a correction's title
    /// from it and `kind`.
    pub title: String,
    /// The page's absolute URL.
    pub link: String,
    /// When it was last changed, as an RFC 3339 date-time.
    pub updated: String,
    /// When it was first published, as an RFC 3339 date-time.
    pub published: Option<String>,
    /// A plain-text summary.
    pub summary: String,
    /// `page`, `update` or `correction`.
    pub kind: &'static str,
    /// A page's lead image (`url`, `type`, `alt`, `caption`, `credit`, `license`), with
    /// its credit for the entry's content.
    pub image: Option<serde_json::Value>,
}

/// A URL of the sitemap.
#[derive(Debug, Serialize)]
pub struct SitemapEntry {
    /// The absolute URL.
    pub loc: String,
    /// The last modification date (`YYYY-MM-DD`), when known.
    pub lastmod: Option<String>,
    /// The page in every language it is written in, on a site with several editions.
    pub alternates: Vec<Alternate>,
}

/// A page's URL in one language: a `<link rel="alternate" hreflang>` of the page and of
/// its sitemap entry.
#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    /// The language, or `x-default` for the default edition's page.
    pub hreflang: String,
    /// The page's absolute URL in that edition.
    pub href: String,
}

fn timestamp(date: PartialDate) -> String {
    let mut time = date.full_iso();
    time.push_str("T00:00:00Z");
    time
}

/// The feed's entries, newest first, and the feed's own `updated` time; `images` are the
/// pages' lead images, in the order of `pages`.
pub fn entries(
    pages: &[&Page],
    images: &[Option<&serde_json::Value>],
    base: &BaseUrl,
) -> (Vec<FeedEntry>, Option<String>) {
    let mut entries = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        let image = images.get(n).copied().flatten().cloned();
        let meta = &page.meta;
        let link = base.absolute(&page.url);
        let Some(changed) = meta
            .updated
            .or(meta.date)
            .or_else(|| meta.updates.first().map(|u| u.date))
        else {
            continue;
        };
        entries.push((
            changed,
            FeedEntry {
                id: link.clone(),
                title: meta.title.clone(),
                link: link.clone(),
                updated: timestamp(changed),
                published: meta.date.map(timestamp),
                summary: meta.description.clone().unwrap_or_default(),
                kind: "page",
                image,
            },
        ));
        for (n, update) in meta.updates.iter().enumerate() {
            entries.push((
                update.date,
                FeedEntry {
                    id: format!("{link}#update-{}", meta.updates.len() - n),
                    title: meta.title.clone(),
                    link: link.clone(),
                    updated: timestamp(update.date),
                    published: Some(timestamp(update.date)),
                    summary: update.text.clone(),
                    image: None,
                    kind: if update.correction {
                        "correction"
                    } else {
                        "update"
                    },
                },
            ));
        }
    }
    entries.sort_by(|a, b| b.0.chronological(&a.0));
    let newest = entries.first().map(|(_, e)| e.updated.clone());
    (entries.into_iter().map(|(_, e)| e).collect(), newest)
}

/// The sitemap's entries for the given site paths, with each page's last change where known.
pub fn sitemap(paths: &[String], pages: &[Page], base: &BaseUrl) -> Vec<SitemapEntry> {
    let mut by_url: HashMap<&str, &Page> = HashMap::with_capacity(pages.len());
    for page in pages {
        // The first page of a URL wins, as a search from the start would find it.
        by_url.entry(page.url.as_str()).or_insert(page);
    }
    let mut entries: Vec<SitemapEntry> = paths
        .iter()
        .map(|path| SitemapEntry {
            loc: base.absolute(path),
            lastmod: by_url
                .get(path.as_str())
                .and_then(|p| p.meta.updated.or(p.meta.date))
                .map(|d| d.full_iso()),
            alternates: Vec::new(),
        })
        .collect();
    entries.sort_by(|a, b| a.loc.cmp(&b.loc));
    entries
}
