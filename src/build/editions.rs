//! How the editions of a site in several languages point at each other: the alternates a
//! page declares (`hreflang`), and the language switcher that leads to the same page in
//! another edition, or to its nearest parent there when it has no such page.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::config::{BaseUrl, Config};
use crate::content::Content;
use crate::publish::feed::Alternate;

/// The editions of a site and the languages each page is written in; empty for a site in
/// one language, whose pages then declare no alternates and show no switcher.
#[derive(Debug, Default)]
pub(crate) struct EditionLinks {
    /// The default edition first, then the others in order.
    editions: Vec<Edition>,
    /// The site paths of the Markdown pages, each with the languages it is written in.
    /// Pages made from data are in every edition and are not listed.
    written_in: HashMap<String, HashSet<String>>,
}

#[derive(Debug)]
struct Edition {
    language: String,
    /// The language's name in itself, as the switcher shows it.
    name: String,
    base: BaseUrl,
}

/// An entry of the language switcher.
#[derive(Debug, Serialize)]
pub(crate) struct EditionLink {
    /// The edition's language.
    pub language: String,
    /// The language's name in itself.
    pub name: String,
    /// The same page in that edition, or its nearest parent there.
    pub href: String,
    /// True for the edition the page belongs to.
    pub current: bool,
}

impl EditionLinks {
    /// The editions of `config` and the languages of `content`'s pages (all of them, before
    /// they are split into editions).
    pub(crate) fn new(config: &Config, content: &Content) -> EditionLinks {
        if config.languages.is_empty() {
            return EditionLinks::default();
        }
        let edition = |config: &Config, code: Option<&str>| Edition {
            language: config.language.clone(),
            name: config.words().map_or_else(
                |_| config.language.clone(),
                |words| words.get("editions.language_name").to_owned(),
            ),
            base: config.base().of_edition(code),
        };
        let mut editions = vec![edition(config, None)];
        editions.extend(
            config
                .edition_codes()
                .into_iter()
                .map(|code| edition(&config.edition(code), Some(code))),
        );
        let mut written_in: HashMap<String, HashSet<String>> = HashMap::new();
        for page in &content.pages {
            let language = page.language.as_deref().unwrap_or(&config.language);
            written_in
                .entry(page.url.clone())
                .or_default()
                .insert(language.to_owned());
        }
        EditionLinks {
            editions,
            written_in,
        }
    }

    /// The language of the default edition; `None` for a site in one language.
    pub(crate) fn default_language(&self) -> Option<&str> {
        self.editions.first().map(|e| e.language.as_str())
    }

    /// True when the site has editions in more than one language.
    pub(crate) fn is_multilingual(&self) -> bool {
        self.editions.len() > 1
    }

    /// True when the edition in `language` has a page at `path`: its own, a translation, or
    /// the default language's page standing in for one.
    fn has(&self, language: &str, path: &str) -> bool {
        let default = self.editions.first().map(|e| e.language.as_str());
        self.written_in.get(path).is_none_or(|languages| {
            languages.contains(language) || default.is_some_and(|d| languages.contains(d))
        })
    }

    /// The editions a page at `path` is written in, with `x-default` for the default
    /// edition's; none for a site in one language.
    pub(crate) fn alternates(&self, path: &str) -> Vec<Alternate> {
        if !self.is_multilingual() {
            return Vec::new();
        }
        let written = |language: &str| {
            self.written_in
                .get(path)
                .is_none_or(|languages| languages.contains(language))
        };
        let mut alternates: Vec<Alternate> = self
            .editions
            .iter()
            .filter(|edition| written(&edition.language))
            .map(|edition| Alternate {
                hreflang: edition.language.clone(),
                href: edition.base.absolute(path),
            })
            .collect();
        if let Some(default) = self.editions.first().filter(|d| written(&d.language)) {
            alternates.push(Alternate {
                hreflang: "x-default".to_owned(),
                href: default.base.absolute(path),
            });
        }
        alternates
    }

    /// The language switcher of the page at `path` in the edition in `current`: every
    /// edition, each leading to the same page or to its nearest parent; none for a site in
    /// one language.
    pub(crate) fn switcher(&self, path: &str, current: &str) -> Vec<EditionLink> {
        if !self.is_multilingual() {
            return Vec::new();
        }
        self.editions
            .iter()
            .map(|edition| EditionLink {
                language: edition.language.clone(),
                name: edition.name.clone(),
                href: edition
                    .base
                    .relative(&self.nearest(&edition.language, path)),
                current: edition.language == current,
            })
            .collect()
    }

    /// `path`, or its nearest parent that the edition in `language` has.
    fn nearest(&self, language: &str, path: &str) -> String {
        let mut path = path.to_owned();
        while path != "/" && !self.has(language, &path) {
            let trimmed = path.trim_end_matches('/');
            path = match trimmed.rfind('/') {
                Some(slash) => trimmed[..=slash].to_owned(),
                None => "/".to_owned(),
            };
        }
        path
    }
}
