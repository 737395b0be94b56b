//! The timeline page, tag pages, `event:` links, key dates and back-links.

use std::fs;

use super::*;

#[test]
fn events_are_in_chronological_order_precise_dates_first_then_file_order() {
    let site = site(&[]);
    build_ok(site.path());
    let html = page(site.path(), "timeline/index.html");
    assert_eq!(event_ids(&html), ORDER);
    assert_eq!(text_of(&html, "h1"), "Timeline");
    assert_eq!(text_of(&html, "title"), "Timeline · Timeline fixture");
}

#[test]
fn dates_show_their_precision_ranges_and_qualifiers() {
    let site = site(&[]);
    build_ok(site.path());
    let html = page(site.path(), "timeline/index.html");
    let date = |id: &str| {
        text_of(&html, &format!("li#{id} .timeline-date time"))
            .trim()
            .to_owned()
    };
    let shown = |id: &str| {
        let text = text_of(&html, &format!("li#{id} .timeline-date"));
        text.replace("Key event", "").trim().to_owned()
    };
    let datetimes = |id: &str| -> Vec<String> {
        select(&html, &format!("li#{id} .timeline-date time"))
            .iter()
            .map(|t| t.value().attr("datetime").unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        (date("year-only"), datetimes("year-only")),
        ("1988".into(), vec!["1988".into()])
    );
    assert_eq!(
        (date("month-only"), datetimes("month-only")),
        ("January 1988".into(), vec!["1988-01".into()])
    );
    assert_eq!(
        (date("day-event"), datetimes("day-event")),
        ("1 January 1988".into(), vec!["1988-01-01".into()])
    );
    assert_eq!(shown("short-range"), "25–26 February 1992");
    assert_eq!(datetimes("short-range"), ["1992-02-25", "1992-02-26"]);
    assert_eq!(shown("long-range"), "27 September – 10 November 2020");
    assert_eq!(shown("about-event"), "c. 1923");
    assert_eq!(shown("before-event"), "before March 1992");
    assert_eq!(shown("after-event"), "after 1994");
    assert_eq!(
        (shown("displayed"), datetimes("displayed")),
        ("Mid-June 2023".into(), vec!["2023-06".into()])
    );
}

#[test]
fn events_are_grouped_by_year_with_a_year_index() {
    let site = site(&[]);
    build_ok(site.path());
    let html = page(site.path(), "timeline/index.html");
    let years: Vec<String> = select(&html, "nav.timeline-years a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_owned())
        .collect();
    assert_eq!(
        years,
        [
            "#year-1923",
            "#year-1988",
            "#year-1992",
            "#year-1994",
            "#year-2020",
            "#year-2023"
        ]
    );
    for anchor in &years {
        assert_eq!(
            select(&html, &format!("section.timeline-year > h2{anchor}")).len(),
            1,
            "{anchor}"
        );
    }
    assert_eq!(
        select(&html, "section.timeline-year:has(h2#year-1988) ol > li").len(),
        3
    );
}

#[test]
fn events_show_body_place_tags_citations_links_and_major_mark() {
    let site = site(&[]);
    build_ok(site.path());
    let html = page(site.path(), "timeline/index.html");
    let majors: Vec<&str> = select(&html, "li.timeline-event.is-major")
        .iter()
        .map(|li| li.value().attr("id").unwrap())
        .collect();
    assert_eq!(majors, ["day-event", "long-range", "same-day-second"]);
    assert_eq!(text_of(&html, "li#day-event .timeline-badge"), "Key event");
    assert_eq!(text_of(&html, "li#day-event h3"), "A day event");
    assert_eq!(
        text_of(&html, "li#day-event .timeline-place"),
        "Stepanakert/Khankendi"
    );
    assert_eq!(
        text_of(&html, "li#day-event .timeline-group"),
        "Karabakh movement"
    );
    assert_eq!(select(&html, "li#day-event .timeline-body em").len(), 1);
    let tags: Vec<&str> = select(&html, "li#day-event .timeline-event-tags a")
        .iter()
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert_eq!(
        tags,
        [
            "/explainer/timeline/tags/early/",
            "/explainer/timeline/tags/key-moments/"
        ]
    );
    let sources = select(&html, "li#day-event .timeline-sources a");
    assert_eq!(
        sources[0].value().attr("href"),
        Some("/explainer/sources/#ombudsman")
    );
    assert!(
        text_of(&html, "li#day-event .timeline-sources .affiliation--party")
            .contains("Karabakh Armenian authorities")
    );
    assert_eq!(
        sources[1].value().attr("href"),
        Some("/explainer/sources/#desk")
    );
    assert_eq!(
        select(
            &html,
            "li#day-event .timeline-links a[href='/explainer/notes/corridor/']"
        )
        .len(),
        1
    );
    // A link reads as the title of the page it names, not as its file name.
    assert_eq!(
        text_of(&html, "li#day-event .timeline-links a"),
        "The corridor"
    );
    assert!(
        select(&html, "li#short-range .timeline-body").is_empty(),
        "no body, no empty box"
    );
}

#[test]
fn each_tag_has_a_page_with_only_its_events() {
    let site = site(&[]);
    build_ok(site.path());
    let war = page(site.path(), "timeline/tags/war/index.html");
    assert_eq!(
        event_ids(&war),
        ["long-range", "displayed", "same-day-first"]
    );
    assert_eq!(text_of(&war, "h1"), "Timeline: war");
    assert_eq!(
        select(
            &war,
            ".timeline-tags a[aria-current='page'][href='/explainer/timeline/tags/war/']"
        )
        .len(),
        1
    );
    assert!(!select(&war, "a[href='/explainer/timeline/']").is_empty());
    let early = page(site.path(), "timeline/tags/early/index.html");
    assert_eq!(event_ids(&early), ["day-event", "month-only", "year-only"]);
    assert!(
        site.path()
            .join("public/timeline/tags/key-moments/index.html")
            .is_file()
    );
    // Tag pages stay out of the main navigation.
    let main = page(site.path(), "timeline/index.html");
    assert!(select(&main, ".site-nav a[href*='/tags/']").is_empty());
    assert_eq!(
        select(&main, ".site-nav a[href='/explainer/timeline/']").len(),
        1
    );
}

#[test]
fn event_links_resolve_in_articles_and_event_bodies() {
    let site = site(&[]);
    build_ok(site.path());
    let article = page(site.path(), "index.html");
    assert_eq!(
        select(
            &article,
            ".prose > p a[href='/explainer/timeline/#day-event']"
        )
        .len(),
        1
    );
    let timeline = page(site.path(), "timeline/index.html");
    assert_eq!(
        select(
            &timeline,
            "li#day-event .timeline-body a[href='/explainer/timeline/#short-range']"
        )
        .len(),
        1
    );
    assert_eq!(
        select(
            &timeline,
            "li#day-event .timeline-body a[href='/explainer/sources/#ombudsman']"
        )
        .len(),
        1
    );
}

#[test]
fn the_article_has_a_key_dates_box_of_major_events() {
    let site = site(&[]);
    build_ok(site.path());
    let article = page(site.path(), "index.html");
    let boxes = select(&article, "aside.key-dates[aria-labelledby]");
    assert_eq!(boxes.len(), 1);
    let links: Vec<&str> = select(&article, "aside.key-dates ol > li a")
        .iter()
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert_eq!(
        links,
        [
            "/explainer/timeline/#day-event",
            "/explainer/timeline/#long-range",
            "/explainer/timeline/#same-day-second"
        ]
    );
    let first = select(&article, "aside.key-dates li time")[0];
    assert_eq!(first.value().attr("datetime"), Some("1988-01-01"));
    assert_eq!(first.text().collect::<String>(), "1 January 1988");
}

#[test]
fn without_a_timeline_there_is_no_key_dates_box_and_no_timeline_page() {
    let site = site(&[]);
    fs::remove_file(site.path().join("content/data/timeline.toml")).unwrap();
    let index = site.path().join("content/index.md");
    fs::write(
        &index,
        fs::read_to_string(&index)
            .unwrap()
            .replace("(event:day-event)", "(@/notes/corridor.md)"),
    )
    .unwrap();
    build_ok(site.path());
    let article = page(site.path(), "index.html");
    assert!(select(&article, "aside.key-dates").is_empty());
    assert!(!site.path().join("public/timeline").exists());
}

#[test]
fn the_sources_page_links_back_to_citing_events() {
    let site = site(&[]);
    build_ok(site.path());
    let sources = page(site.path(), "sources/index.html");
    let back = select(
        &sources,
        "li#ombudsman .cited-by a[href='/explainer/timeline/#day-event']",
    );
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].text().collect::<String>(), "Timeline: A day event");
}

#[test]
fn sources_linked_from_an_event_body_link_back_to_it() {
    let site = site(&[]);
    let file = site.path().join("content/data/timeline.toml");
    let toml = fs::read_to_string(&file).unwrap().replace(
        r#"body = "Said \"first\", with a comma.""#,
        r#"body = "Said [first](source:ombudsman), with a comma.""#,
    );
    fs::write(&file, toml).unwrap();
    build_ok(site.path());
    let sources = page(site.path(), "sources/index.html");
    let back = select(
        &sources,
        "li#ombudsman .cited-by a[href='/explainer/timeline/#same-day-first']",
    );
    assert_eq!(back.len(), 1);
    assert_eq!(
        back[0].text().collect::<String>(),
        "Timeline: First in the file on 19 September"
    );
}

#[test]
fn pages_link_to_generated_pages_with_at_links() {
    let site = site(&[]);
    let article = site.path().join("content/index.md");
    let text = fs::read_to_string(&article).unwrap().replace(
        "See the [corridor note](@/notes/corridor.md).",
        "See the [whole timeline](@/timeline/#y2023) and [the sources](@/sources/).",
    );
    fs::write(&article, &text).unwrap();
    build_ok(site.path());
    let html = page(site.path(), "index.html");
    assert_eq!(
        select(&html, "a[href='/explainer/timeline/#y2023']").len(),
        1
    );
    assert_eq!(select(&html, "main a[href='/explainer/sources/']").len(), 1);

    fs::write(&article, text.replace("@/sources/", "@/sourcez/")).unwrap();
    let errors = build_errors(site.path());
    assert_error(
        &errors,
        "content/index.md",
        10,
        "points to /sourcez/, which is not a page the build makes from data",
    );
}

#[test]
fn the_real_sites_timeline_builds() {
    let site = real_site();
    build_ok(site.path());
    let toml = fs::read_to_string(repo().join("content/data/timeline.toml")).unwrap();
    let count = toml.lines().filter(|l| l.trim() == "[[event]]").count();
    let html = page(site.path(), "timeline/index.html");
    assert_eq!(event_ids(&html).len(), count);
    let article = page(site.path(), "index.html");
    assert!(!select(&article, "aside.key-dates li").is_empty());
}

#[test]
fn a_section_index_page_gives_a_data_page_its_title_description_and_introduction() {
    let site = site(&[]);
    fs::write(
        site.path().join("content/timeline.md"),
        "+++\ntitle = \"Chronology\"\ndescription = \"What happened when.\"\n+++\n\nAn *introduction* that [cites the ombudsman](source:ombudsman).\n",
    )
    .unwrap();
    fs::write(
        site.path().join("content/notes/link.md"),
        "+++\ntitle = \"Link\"\n+++\n\nSee [the chronology](@/timeline.md).\n",
    )
    .unwrap();
    build_ok(site.path());
    let html = page(site.path(), "timeline/index.html");
    assert_eq!(text_of(&html, "h1"), "Chronology");
    assert!(text_of(&html, "title").starts_with("Chronology"));
    assert_eq!(
        text_of(&html, ".page-header .standfirst"),
        "What happened when."
    );
    assert_eq!(
        select(
            &html,
            "meta[name='description'][content='What happened when.']"
        )
        .len(),
        1
    );
    assert_eq!(
        select(&html, ".prose em").len(),
        1,
        "the introduction's Markdown"
    );
    assert!(text_of(&html, ".prose").contains("cites the ombudsman"));
    assert!(text_of(&html, "section.citations").contains("Karabakh ombudsman"));
    // Not a page of its own, but the target of `@/timeline.md`, and a citing place.
    assert!(
        !site
            .path()
            .join("public/timeline/timeline/index.html")
            .exists()
    );
    let note = page(site.path(), "notes/link/index.html");
    assert_eq!(
        select(&note, ".prose a[href='/explainer/timeline/']").len(),
        1
    );
    let sources = page(site.path(), "sources/index.html");
    assert_eq!(
        select(
            &sources,
            "li#ombudsman .cited-by a[href='/explainer/timeline/']"
        )
        .len(),
        1
    );
    // Tag pages keep their own introduction.
    let tag = page(site.path(), "timeline/tags/key-moments/index.html");
    assert!(select(&tag, ".prose").is_empty());
}
