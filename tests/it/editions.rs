//! Editions in other languages, as readers and editors meet them: where each edition's
//! pages are, their `lang`, the alternates they declare, the language switcher, the sitemap
//! and feeds, pages and data entries without a translation, and errors in translations.

use std::fs;

use crate::common::*;
use scraper::Html;

fn built() -> tempfile::TempDir {
    let site = fixture("editions");
    build_ok(site.path());
    site
}

fn attr(html: &Html, selector: &str, name: &str) -> Vec<String> {
    select(html, selector)
        .iter()
        .filter_map(|e| e.value().attr(name).map(str::to_owned))
        .collect()
}

/// `(hreflang, href)` of every alternate a page declares.
fn alternates(html: &Html) -> Vec<(String, String)> {
    select(html, "link[rel=alternate][hreflang]")
        .iter()
        .map(|e| {
            let value = e.value();
            (
                value.attr("hreflang").unwrap_or_default().to_owned(),
                value.attr("href").unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// `(language, href, current)` of each entry of the language switcher.
fn switcher(html: &Html) -> Vec<(String, String, bool)> {
    select(html, "nav.language-switcher a")
        .iter()
        .map(|a| {
            let value = a.value();
            (
                value.attr("hreflang").unwrap_or_default().to_owned(),
                value.attr("href").unwrap_or_default().to_owned(),
                value.attr("aria-current").is_some(),
            )
        })
        .collect()
}

#[test]
fn each_edition_has_its_pages_under_its_own_path_in_its_language() {
    let site = built();
    let english = page(site.path(), "index.html");
    let russian = page(site.path(), "ru/index.html");
    assert_eq!(attr(&english, "html", "lang"), ["en"]);
    assert_eq!(attr(&russian, "html", "lang"), ["ru"]);
    assert_eq!(text_of(&russian, "h1"), "Статья");
    assert_eq!(text_of(&russian, ".site-title a"), "Два издания");
    assert_eq!(attr(&russian, ".site-title a", "href"), ["/two/ru/"]);
    // Links resolve inside the edition; static files are shared.
    let links = attr(&russian, ".prose a", "href");
    assert!(
        links.contains(&"/two/ru/notes/history/".to_owned()),
        "{links:?}"
    );
    assert!(links.contains(&"/two/ru/timeline/".to_owned()), "{links:?}");
    assert_eq!(
        attr(&russian, "link[rel=stylesheet]", "href")[0],
        "/two/style.css"
    );
    // The navigation's words are the edition's.
    let nav: Vec<String> = select(&russian, "nav.site-nav a")
        .iter()
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(nav, ["Разбор", "Справка", "Хронология", "Источники"]);
    for file in [
        "ru/notes/history/index.html",
        "ru/timeline/index.html",
        "ru/sources/index.html",
    ] {
        assert!(site.path().join("public").join(file).is_file(), "{file}");
    }
}

#[test]
fn translated_pages_declare_each_other_both_ways() {
    let site = built();
    let expected = vec![
        (
            "en".to_owned(),
            "https://example.org/two/notes/history/".to_owned(),
        ),
        (
            "ru".to_owned(),
            "https://example.org/two/ru/notes/history/".to_owned(),
        ),
        (
            "x-default".to_owned(),
            "https://example.org/two/notes/history/".to_owned(),
        ),
    ];
    assert_eq!(
        alternates(&page(site.path(), "notes/history/index.html")),
        expected
    );
    assert_eq!(
        alternates(&page(site.path(), "ru/notes/history/index.html")),
        expected
    );
    // A page with no translation declares only the language it is written in.
    let untranslated = page(site.path(), "ru/notes/untranslated/index.html");
    let languages: Vec<String> = alternates(&untranslated)
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    assert_eq!(languages, ["en", "x-default"]);
}

#[test]
fn the_switcher_leads_to_the_same_page_or_its_nearest_parent() {
    let site = built();
    assert_eq!(
        switcher(&page(site.path(), "notes/history/index.html")),
        [
            ("en".to_owned(), "/two/notes/history/".to_owned(), true),
            ("ru".to_owned(), "/two/ru/notes/history/".to_owned(), false),
        ]
    );
    assert_eq!(
        switcher(&page(site.path(), "ru/timeline/index.html")),
        [
            ("en".to_owned(), "/two/timeline/".to_owned(), false),
            ("ru".to_owned(), "/two/ru/timeline/".to_owned(), true),
        ]
    );
    // A page only the Russian edition has: the English edition's nearest parent.
    let only = page(site.path(), "ru/notes/only-russian/index.html");
    assert_eq!(switcher(&only)[0].1, "/two/notes/");
    assert!(!site.path().join("public/notes/only-russian").exists());
    // Each language is named in itself, and marked as such.
    let names: Vec<(String, String)> = select(&only, "nav.language-switcher a")
        .iter()
        .map(|a| {
            (
                a.value().attr("lang").unwrap_or_default().to_owned(),
                a.text().collect(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("en".to_owned(), "English".to_owned()),
            ("ru".to_owned(), "Русский".to_owned())
        ]
    );
}

#[test]
fn a_page_without_a_translation_is_shown_with_a_notice_and_its_language() {
    let site = built();
    let html = page(site.path(), "ru/notes/untranslated/index.html");
    assert_eq!(attr(&html, "html", "lang"), ["ru"]);
    let notice = text_of(&html, ".edition-notice");
    assert!(notice.contains("не переведена"), "{notice}");
    assert_eq!(attr(&html, "h1", "lang"), ["en"]);
    assert_eq!(attr(&html, ".prose", "lang"), ["en"]);
    // The listing of notes marks it too; the translated note is not marked.
    let listing = page(site.path(), "ru/notes/index.html");
    let marked: Vec<String> = select(&listing, ".card-list li[lang=en] a")
        .iter()
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(marked, ["Only in English"]);
    // The default edition's pages have no notice.
    assert!(
        select(
            &page(site.path(), "notes/untranslated/index.html"),
            ".edition-notice"
        )
        .is_empty()
    );
}

#[test]
fn one_sitemap_lists_every_edition_and_each_edition_has_its_feed() {
    let site = built();
    let sitemap = fs::read_to_string(site.path().join("public/sitemap.xml")).unwrap();
    let document = roxmltree::Document::parse(&sitemap).unwrap();
    let locations: Vec<&str> = document
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    for url in [
        "https://example.org/two/",
        "https://example.org/two/ru/",
        "https://example.org/two/ru/notes/only-russian/",
        "https://example.org/two/ru/timeline/",
    ] {
        assert!(locations.contains(&url), "{url} not in {locations:?}");
    }
    let home = document
        .descendants()
        .find(|n| {
            n.has_tag_name("url")
                && n.descendants()
                    .any(|l| l.text() == Some("https://example.org/two/ru/"))
        })
        .unwrap();
    let languages: Vec<&str> = home
        .children()
        .filter(|n| n.has_tag_name("link"))
        .filter_map(|n| n.attribute("hreflang"))
        .collect();
    assert_eq!(languages, ["en", "ru", "x-default"]);
    assert!(!site.path().join("public/ru/sitemap.xml").exists());

    let feed = |path: &str| {
        let text = fs::read_to_string(site.path().join("public").join(path)).unwrap();
        let document = roxmltree::Document::parse(&text).unwrap();
        let language = document
            .root_element()
            .attribute(("http://www.w3.org/XML/1998/namespace", "lang"))
            .map(str::to_owned);
        let titles: Vec<String> = document
            .descendants()
            .filter(|n| n.has_tag_name("entry"))
            .filter_map(|e| {
                e.children()
                    .find(|c| c.has_tag_name("title"))
                    .and_then(|t| t.text())
                    .map(str::to_owned)
            })
            .collect();
        (language, titles)
    };
    let (language, titles) = feed("ru/atom.xml");
    assert_eq!(language.as_deref(), Some("ru"));
    // The Russian feed has the Russian pages only, not the English ones standing in.
    assert_eq!(titles, ["Статья"]);
    let (language, titles) = feed("atom.xml");
    assert_eq!(language.as_deref(), Some("en"));
    assert_eq!(titles, ["Only in English", "The article"]);
}

#[test]
fn data_entries_are_translated_by_id_and_the_rest_keep_their_language() {
    let site = built();
    let html = page(site.path(), "ru/timeline/index.html");
    let raw = html.html();
    assert!(
        raw.contains("Начало наступления"),
        "the translated title is missing"
    );
    assert!(
        raw.contains("Начинаются бои"),
        "the translated body is missing"
    );
    assert!(
        raw.contains("A ceasefire is agreed"),
        "the untranslated event is missing"
    );
    assert!(!raw.contains("The offensive begins"));
    // The English edition is untouched by the translation.
    let english = page(site.path(), "timeline/index.html").html();
    assert!(english.contains("The offensive begins"));
    assert!(!english.contains("Начало наступления"));
}

/// Words that come untranslated from the default language, the titles of untranslated pages
/// and the data's tags, are marked with that language; the translated ones are not.
#[test]
fn untranslated_link_texts_of_the_timeline_keep_their_language() {
    let site = built();
    let russian = page(site.path(), "ru/timeline/index.html");
    let links: Vec<(String, Option<String>)> = select(&russian, ".timeline-links a")
        .iter()
        .map(|a| {
            (
                a.text().collect(),
                a.value().attr("lang").map(str::to_owned),
            )
        })
        .collect();
    assert_eq!(
        links,
        [
            ("Only in English".to_owned(), Some("en".to_owned())),
            ("История".to_owned(), None),
        ]
    );
    assert_eq!(attr(&russian, ".timeline-event-tags a", "lang"), ["en"]);
    let tag = page(site.path(), "ru/timeline/tags/ceasefire/index.html");
    assert_eq!(attr(&tag, ".standfirst span", "lang"), ["en"]);
    let english = page(site.path(), "timeline/index.html");
    assert!(attr(&english, ".timeline-links a", "lang").is_empty());
    assert!(attr(&english, ".timeline-event-tags a", "lang").is_empty());
}

#[test]
fn errors_in_translations_are_all_reported_at_their_lines() {
    let site = fixture("editions");
    let data = site.path().join("content/data/ru");
    fs::write(
        data.join("timeline.toml"),
        "[[event]]\nid = \"offensiv\"\ntitle = \"Наступление\"\n\n[[event]]\nid = \"ceasefire\"\ndate = \"2023-09-21\"\ntitle = \"Перемирие\"\n",
    )
    .unwrap();
    fs::write(data.join("glosary.toml"), "").unwrap();
    let failure = build_site(site.path()).unwrap_err();
    let shown = printed(&failure);
    assert!(
        shown.contains("content/data/ru/timeline.toml:2:"),
        "{shown}"
    );
    assert!(
        shown.contains("no entry `offensiv`") && shown.contains("did you mean `offensive`?"),
        "{shown}"
    );
    assert!(
        shown.contains("content/data/ru/timeline.toml:7:"),
        "{shown}"
    );
    assert!(shown.contains("`date` cannot be translated"), "{shown}");
    assert!(shown.contains("content/data/ru/glosary.toml"), "{shown}");
    assert!(shown.contains("did you mean `glossary.toml`?"), "{shown}");
    assert_eq!(failure.errors.0.len(), 3, "{shown}");
}

#[test]
fn a_language_without_bundled_words_must_give_them_all() {
    let site = fixture("editions");
    let config = site.path().join("explainer.toml");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(
        &config,
        format!("{text}\n[languages.et]\ntitle = \"Kaks väljaannet\"\n\n[languages.et.words.nav]\narticle = \"Selgitus\"\n"),
    )
    .unwrap();
    let failure = build_site(site.path()).unwrap_err();
    let shown = printed(&failure);
    assert_eq!(failure.errors.0.len(), 1, "{shown}");
    assert!(shown.contains("explainer.toml:"), "{shown}");
    assert!(shown.contains("the words of language `et` lack"), "{shown}");
    for key in [
        "`nav.notes`",
        "`pages.timeline.title`",
        "`editions.untranslated`",
    ] {
        assert!(shown.contains(key), "{key} not listed: {shown}");
    }
    assert!(!shown.contains("`nav.article`"), "{shown}");
}

#[test]
fn a_new_site_with_two_languages_builds_both_editions() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("next");
    explainer::scaffold::create(&site, &["en".to_owned(), "ru".to_owned()]).unwrap();
    build_ok(&site);
    let russian = page(&site, "ru/index.html");
    assert_eq!(attr(&russian, "html", "lang"), ["ru"]);
    assert!(!select(&russian, "nav.language-switcher").is_empty());
    let err = explainer::scaffold::create(
        &dir.path().join("other"),
        &["en".to_owned(), "xx".to_owned()],
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("no words for the language `xx`"),
        "{err}"
    );
}

/// The words of the English interface table (`i18n/en.toml`) that are the interface's own: not
/// used by the Russian table too, nor by the English content of the site at `root` (whose
/// entries without a translation are shown, marked as English).
fn english_interface_words(root: &std::path::Path) -> std::collections::BTreeSet<String> {
    let table_words = |file: &std::path::Path| {
        let text = fs::read_to_string(file).unwrap();
        let table: toml::Table = toml::from_str(&text).unwrap();
        let mut found = std::collections::BTreeSet::new();
        let mut stack = vec![toml::Value::Table(table)];
        while let Some(value) = stack.pop() {
            match value {
                toml::Value::Table(table) => stack.extend(table.into_iter().map(|(_, v)| v)),
                toml::Value::String(text) => {
                    found.extend(latin_words(&regex_free_placeholders(&text)));
                }
                _ => {}
            }
        }
        found
    };
    let mut content = std::collections::BTreeSet::new();
    for entry in walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = entry.path();
        let translated = path.to_string_lossy().contains(".ru.")
            || path.components().any(|c| c.as_os_str() == "ru");
        if entry.file_type().is_file()
            && !translated
            && path.extension().is_some_and(|e| e == "md" || e == "toml")
        {
            content.extend(latin_words(&fs::read_to_string(path).unwrap()));
        }
    }
    content.extend(latin_words(
        &fs::read_to_string(root.join("explainer.toml")).unwrap(),
    ));
    let russian = table_words(&repo().join("i18n/ru.toml"));
    table_words(&repo().join("i18n/en.toml"))
        .into_iter()
        .filter(|w| w.len() >= 4 && !russian.contains(w) && !content.contains(w))
        .collect()
}

/// `text` without its `{placeholders}`.
fn regex_free_placeholders(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The words of `text` in Latin letters, lowercased; file names (`sources.json`) are no words.
fn latin_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .filter(|token| !token.contains(".json") && !token.contains(".csv"))
        .flat_map(|token| token.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Every English interface word a page shows outside elements in English: in its text and
/// in the attributes read to readers (`aria-label`, `title`, `alt`).
fn english_outside_english(
    html: &Html,
    english: &std::collections::BTreeSet<String>,
) -> Vec<String> {
    let in_english = |element: scraper::ElementRef<'_>| {
        std::iter::once(element)
            .chain(element.ancestors().filter_map(scraper::ElementRef::wrap))
            .find_map(|e| e.value().attr("lang"))
            .is_some_and(|lang| lang.starts_with("en"))
    };
    let mut found = Vec::new();
    for element in select(html, "body *") {
        if in_english(element)
            || ["script", "style", "code", "pre"].contains(&element.value().name())
        {
            continue;
        }
        let own_text: String = element
            .children()
            .filter_map(|node| node.value().as_text().map(|t| t.to_string()))
            .collect();
        let attributes = ["aria-label", "title", "alt"]
            .iter()
            .filter_map(|name| element.value().attr(name))
            .collect::<Vec<_>>()
            .join(" ");
        // Dates are the tool's words: no English month in a date outside English text.
        let is_date = element.value().name() == "time";
        for word in latin_words(&format!("{own_text} {attributes}")) {
            if english.contains(&word) || (is_date && MONTHS.contains(&word.as_str())) {
                found.push(format!(
                    "<{}> {word}: {}",
                    element.value().name(),
                    own_text.trim()
                ));
            }
        }
    }
    found
}

#[test]
fn the_russian_edition_shows_no_english_interface_word_outside_english_text() {
    for site in [fixture("editions"), real_site()] {
        let english = english_interface_words(site.path());
        assert!(english.contains("download"), "{english:?}");
        build_ok(site.path());
        let public = site.path().join("public");
        let mut problems = Vec::new();
        for file in files_under(&public.join("ru")) {
            if !file.ends_with(".html") {
                continue;
            }
            let html = page(site.path(), &format!("ru/{file}"));
            problems.extend(
                english_outside_english(&html, &english)
                    .into_iter()
                    .map(|p| format!("ru/{file}: {p}")),
            );
        }
        problems.dedup();
        assert!(
            problems.is_empty(),
            "{} English words:\n{}",
            problems.len(),
            problems
                .iter()
                .take(60)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}
