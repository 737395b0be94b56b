//! The build end to end on a small fixture site: layout, front matter forms,
//! Markdown features, drafts, and the output it writes.

use crate::common::*;

#[test]
fn fixture_site_builds_with_the_documented_layout() {
    let site = fixture("basic");
    let report = build_ok(site.path());
    let files = files_under(&site.path().join("public"));
    for expected in [
        "index.html",
        "notes/index.html",
        "notes/history/index.html",
        "notes/second/index.html",
        "about-us/index.html",
        "404.html",
        ".nojekyll",
        ".explainer-output",
        "style.css",
        "syntax.css",
    ] {
        assert!(
            files.contains(&expected.to_owned()),
            "missing {expected} in {files:?}"
        );
    }
    assert!(
        !files.iter().any(|f| f.contains("draft")),
        "drafts are skipped: {files:?}"
    );
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.message.contains("draft skipped"))
    );
}

#[test]
fn drafts_are_built_when_asked() {
    let site = fixture("basic");
    explainer::build::build(&explainer::build::BuildOptions {
        root: site.path().to_path_buf(),
        drafts: true,
        ..Default::default()
    })
    .unwrap();
    assert!(site.path().join("public/notes/draft/index.html").is_file());
}

#[test]
fn article_has_title_nav_links_updates_and_highlighting() {
    let site = fixture("basic");
    build_ok(site.path());
    let html = page(site.path(), "index.html");
    assert_eq!(text_of(&html, "h1"), "The fixture article");
    assert_eq!(text_of(&html, "title"), "Fixture explainer");
    assert!(
        select(&html, "header nav a[href='/notes/']").len() == 1,
        "nav links the notes"
    );
    // @/ links resolve to page URLs, fragments kept.
    assert_eq!(
        select(&html, ".prose a[href='/notes/history/#the-start']").len(),
        1
    );
    assert_eq!(select(&html, ".prose a[href='/notes/second/']").len(), 1);
    // Heading ids, de-duplicated, with a visible anchor link.
    assert_eq!(
        select(&html, "h2#the-survey a.anchor[href='#the-survey']").len(),
        1
    );
    assert_eq!(select(&html, "h2#the-survey-1").len(), 1);
    // Updates box, newest first, correction marked.
    let updates = select(&html, "aside.updates li");
    assert_eq!(updates.len(), 2);
    assert_eq!(updates[0].value().attr("class"), Some("correction"));
    assert!(
        updates[0]
            .text()
            .collect::<String>()
            .contains("Corrected a date")
    );
    // Highlighted code uses classes, not inline styles, and the page links the stylesheet.
    assert!(!select(&html, "pre.code code.language-toml span[class^='hl-']").is_empty());
    assert!(select(&html, "pre.code [style]").is_empty());
    assert_eq!(select(&html, "link[href='/syntax.css']").len(), 1);
    // Tables and footnotes.
    assert_eq!(select(&html, ".prose table th").len(), 2);
    assert_eq!(select(&html, ".footnote-definition").len(), 1);
    // Semantic landmarks.
    for landmark in ["header", "nav", "main", "article", "footer"] {
        assert!(!select(&html, landmark).is_empty(), "no <{landmark}>");
    }
}

#[test]
fn notes_are_listed_in_weight_order_and_yaml_front_matter_works() {
    let site = fixture("basic");
    build_ok(site.path());
    let listing = page(site.path(), "notes/index.html");
    let titles: Vec<String> = select(&listing, ".card-list h2 a")
        .iter()
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(titles, vec!["Second note", "History"]);
    let note = page(site.path(), "notes/history/index.html");
    assert_eq!(text_of(&note, "h1"), "History");
    assert!(text_of(&note, ".byline").contains("A. Writer"));
    assert_eq!(select(&note, "a[href='/'][aria-current]").len(), 0);
    assert_eq!(
        select(&note, "a[href='/notes/'][aria-current='page']").len(),
        0
    );
}

#[test]
fn a_site_without_data_files_has_no_data_pages_in_its_navigation() {
    let site = fixture("basic");
    build_ok(site.path());
    let html = page(site.path(), "index.html");
    for path in ["/timeline/", "/casualties/", "/glossary/", "/sources/"] {
        assert!(
            select(&html, &format!("nav a[href='{path}']")).is_empty(),
            "{path} in nav"
        );
    }
}

#[test]
fn check_writes_nothing() {
    let site = fixture("basic");
    let report = explainer::build::build(&explainer::build::BuildOptions {
        root: site.path().to_path_buf(),
        check_only: true,
        ..Default::default()
    })
    .unwrap();
    assert!(report.output.is_none());
    assert!(!site.path().join("public").exists());
}

#[test]
fn sub_path_base_url_prefixes_every_link() {
    let site = fixture("basic");
    build_with_base(site.path(), "https://org.github.io/repo/").unwrap();
    let html = page(site.path(), "index.html");
    assert_eq!(
        select(&html, "a[href='/repo/notes/history/#the-start']").len(),
        1
    );
    assert_eq!(
        select(&html, "link[rel=stylesheet][href='/repo/style.css']").len(),
        1
    );
    assert_eq!(
        select(&html, "link[rel=canonical]")[0].value().attr("href"),
        Some("https://org.github.io/repo/")
    );
}

/// The HTML a reader gets of a few pages of fixture sites, in full, so that a change of
/// markup or wording shows as a snapshot diff to review.
#[test]
fn fixture_pages_are_as_in_their_snapshots() {
    for (site, pages) in [
        (
            "basic",
            &[
                "index.html",
                "about-us/index.html",
                "notes/history/index.html",
            ][..],
        ),
        ("glossary", &["glossary/index.html"][..]),
        ("casualties/site", &["casualties/index.html"][..]),
    ] {
        let dir = fixture(site);
        build_ok(dir.path());
        for page in pages {
            let html = std::fs::read_to_string(dir.path().join("public").join(page)).unwrap();
            let name = format!("{site}/{page}").replace(['/', '.'], "_");
            insta::assert_snapshot!(name, html);
        }
    }
}
