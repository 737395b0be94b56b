//! The explainer's own content: what its pages show readers agrees with its data files.

use std::fs;

use crate::common::*;

/// The contents of the code blocks of `text` whose info word is `lang`.
fn code_blocks<'a>(text: &'a str, lang: &str) -> Vec<&'a str> {
    text.split(&format!("```{lang}\n"))
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap())
        .collect()
}

/// The files of the repository named, read and joined.
fn read_all(paths: &[&str]) -> String {
    paths
        .iter()
        .map(|f| fs::read_to_string(repo().join(f)).unwrap())
        .collect()
}

/// The TOML samples that a note shows of the data must be excerpts of the data files as they
/// are, not made-up examples that drift from them.
#[test]
fn data_samples_in_the_notes_are_real_excerpts() {
    let note = fs::read_to_string(repo().join("content/notes/how-we-count.md")).unwrap();
    let data = read_all(&["content/data/casualties.toml", "content/data/timeline.toml"]);
    let blocks = code_blocks(&note, "toml");
    assert_eq!(blocks.len(), 2, "{blocks:#?}");
    for block in blocks {
        assert!(data.contains(block), "not an excerpt of the data:\n{block}");
    }
}

/// The documentation's samples that it calls real are the real files' text, so that they
/// neither drift from the data nor repeat what the content has corrected.
#[test]
fn samples_the_documentation_calls_real_are_real() {
    let docs = fs::read_to_string(repo().join("docs/site-format.md")).unwrap();
    let config = fs::read_to_string(repo().join("explainer.toml")).unwrap();
    let data = read_all(&[
        "content/data/casualties.toml",
        "content/data/timeline.toml",
        "content/data/places.toml",
    ]);
    let mut checked = 0;
    for (before, block) in docs.split("```toml\n").zip(code_blocks(&docs, "toml")) {
        let intro = before.rsplit("\n\n").nth(1).unwrap_or_default();
        if intro.ends_with("This is the real one:") {
            assert_eq!(block, config);
        } else if intro.contains("From the real") {
            assert!(data.contains(block), "not an excerpt of the data:\n{block}");
        } else {
            continue;
        }
        checked += 1;
    }
    assert!(checked >= 4, "{checked} samples checked");
}

/// Russia is an outside power and Armenpress state media, wherever they are cited.
#[test]
fn sources_carry_their_affiliation_where_cited() {
    let site = real_site();
    build_ok(site.path());
    let sources = page(site.path(), "sources/index.html");
    let label = |id: &str| text_of(&sources, &format!("li#{id} .source-meta .affiliation"));
    assert_eq!(
        label("russian-peacekeepers"),
        "outside power: Russian government"
    );
    assert_eq!(label("tass"), "state media: Russian government");
    assert_eq!(
        label("armenpress-exodus"),
        "state media: Armenian government"
    );
    assert_eq!(
        label("azerbaijan-health-ministry"),
        "party to the conflict: Azerbaijani government"
    );
    let article = page(site.path(), "index.html");
    let cited = select(&article, "section.citations li");
    assert!(!cited.is_empty());
    for item in &cited {
        let labels = item
            .select(&scraper::Selector::parse(".affiliation").unwrap())
            .count();
        assert_eq!(labels, 1, "{}", item.html());
    }
    let json: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(site.path().join("public/sources/sources.json")).unwrap(),
    )
    .unwrap();
    let russia = json["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "russian-peacekeepers")
        .unwrap();
    assert_eq!(russia["affiliation"]["kind"], "outside-power");
}

/// The about page names the data pages as links that work under the site's base path.
#[test]
fn the_about_page_links_the_data_pages() {
    let site = real_site();
    build_ok(site.path());
    let about = page(site.path(), "about/index.html");
    for target in ["sources", "glossary", "timeline", "casualties"] {
        let href = format!("/karabakh-explainer/{target}/");
        assert_eq!(
            select(&about, &format!(".prose a[href='{href}']")).len(),
            1,
            "no link to {href}"
        );
    }
}

/// On a phone the page is one column: the article's opening must come before the boxes.
#[test]
fn the_article_opens_before_its_key_dates_and_updates() {
    let site = real_site();
    build_ok(site.path());
    let html = fs::read_to_string(site.path().join("public/index.html")).unwrap();
    let opening = html
        .find("On 19 September 2023 Azerbaijan launched")
        .unwrap();
    let key_dates = html.find("class=\"key-dates\"").unwrap();
    let updates = html.find("class=\"updates\"").unwrap();
    assert!(opening < key_dates && opening < updates);
}

/// The summary box's one-line gists: no total that no source gave, no part shown as the whole.
#[test]
fn the_summary_gists_show_what_the_sources_gave() {
    let site = real_site();
    build_ok(site.path());
    let article = page(site.path(), "index.html");
    let gists: Vec<String> = select(&article, ".casualty-summary-gist")
        .iter()
        .map(|g| g.text().collect())
        .collect();
    assert!(
        gists.contains(&"Killed: from 213 to 223 (2 sources)".to_owned()),
        "{gists:#?}"
    );
    assert!(
        gists.contains(
            &"Civilians killed: 1 (1 source); Soldiers killed: 192 (1 source with a number, 1 without)"
                .to_owned()
        ),
        "{gists:#?}"
    );
}

/// A Russian date ends with the abbreviation «г.», whose full stop also ends the sentence of
/// the summary's "as of" line: never two full stops.
#[test]
fn the_russian_summary_ends_a_date_with_one_full_stop() {
    let site = real_site();
    build_ok(site.path());
    let article = page(site.path(), "ru/index.html");
    let lines: Vec<String> = select(&article, ".casualty-as-of")
        .iter()
        .map(|line| line.text().collect())
        .collect();
    assert!(
        lines.iter().any(|l| l.ends_with("2023\u{202f}г.")),
        "{lines:#?}"
    );
    assert!(lines.iter().all(|l| !l.ends_with("..")), "{lines:#?}");
}

/// The Russian edition has no translation of the glossary: its entries' words, aliases and
/// links keep the English `lang`, while the interface's words around them do not.
#[test]
fn the_untranslated_glossary_keeps_its_language_in_the_russian_edition() {
    let site = real_site();
    build_ok(site.path());
    let russian = page(site.path(), "ru/glossary/index.html");
    let lang = |selector: &str| -> Vec<Option<String>> {
        select(&russian, selector)
            .iter()
            .map(|e| e.value().attr("lang").map(str::to_owned))
            .collect()
    };
    let english = Some("en-GB".to_owned());
    for selector in [
        "#alias-2020-war dfn",
        "#alias-2020-war + dd a",
        "#alias-artsakh + dd span",
    ] {
        assert_eq!(lang(selector), std::slice::from_ref(&english), "{selector}");
    }
    assert_eq!(lang("#alias-artsakh dfn"), [Some("hy".to_owned())]);
    assert!(lang(".see-also a").iter().all(|l| *l == english));
    assert!(lang(".entry-sources a").iter().all(|l| *l == english));
    let dd = text_of(&russian, "#alias-artsakh + dd");
    assert!(dd.starts_with("См."), "{dd}");
    let default = page(site.path(), "glossary/index.html");
    assert!(
        select(
            &default,
            "dd.alias [lang], .see-also [lang], .entry-sources a[lang]"
        )
        .is_empty()
    );
}
