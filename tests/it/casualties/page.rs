//! The page: figure wording, headline ranges, the no-adding rule, charts, histories, citations.

use std::fs;

use super::*;

#[test]
fn figures_read_as_people_say_them() {
    let site = fixture("casualties/site");
    build_ok(site.path());
    let html = casualties_page(site.path());
    let north = row_cells(&html, "north-2023-09-21");
    for words in ["at least 200", "more than 400", "40", "about 5", "up to 50"] {
        assert!(north.contains(&words.to_owned()), "{words:?} in {north:?}");
    }
    let south = row_cells(&html, "south-2023-09-22");
    for words in [
        "between 150 and 180 (best estimate 160)",
        "undisclosed",
        "1,250",
        "30",
    ] {
        assert!(south.contains(&words.to_owned()), "{words:?} in {south:?}");
    }
    assert!(row_cells(&html, "relief-2023-09-15").contains(&"between 100 and 120".to_owned()));
    assert!(row_cells(&html, "relief-2023-10").contains(&"more than 1,000".to_owned()));
    let wording = select(&html, "tr#north-2023-09-21 q");
    assert_eq!(
        text(&wording[0]),
        "At least 200 people were killed and more than 400 wounded"
    );
}

#[test]
fn headline_ranges_across_sources_with_party_and_date() {
    let site = fixture("casualties/site");
    build_ok(site.path());
    let html = casualties_page(site.path());
    let killed = headline(&html, "scope-battle-of-the-river", "Killed");
    assert!(
        killed.contains(
            "Lowest: between 100 and 120, Relief Agency (international body), 15 September 2023"
        ),
        "{killed}"
    );
    assert!(killed.contains("Highest: at least 200, North Ministry of Health (party to the conflict: North government), 21 September 2023"), "{killed}");
    assert!(
        killed.contains("As of 22 September 2023, from 3 sources."),
        "{killed}"
    );
    let wounded = headline(&html, "scope-battle-of-the-river", "Wounded");
    assert!(wounded.contains("Only figure: more than 400"), "{wounded}");
    assert!(
        wounded.contains(
            "No number given by: South Ombudsman (party to the conflict: South authorities)"
        ),
        "{wounded}"
    );
    // Headline figures link to the claim and the source.
    assert!(
        !select(
            &html,
            ".casualty-headline a[href='/sub/casualties/#north-2023-09-21']"
        )
        .is_empty()
    );
    assert!(
        !select(
            &html,
            ".casualty-headline a[href='/sub/sources/#north-ministry']"
        )
        .is_empty()
    );
}

#[test]
fn superseded_and_retracted_claims_stay_visible_but_never_feed_the_summary() {
    let site = fixture("casualties/site");
    build_ok(site.path());
    let html = casualties_page(site.path());
    let killed = headline(&html, "scope-battle-of-the-river", "Killed");
    assert!(
        !killed.contains("5,000") && !killed.contains("at least 12"),
        "{killed}"
    );
    assert!(row_cells(&html, "south-retracted").contains(&"5,000".to_owned()));
    assert_eq!(
        select(&html, "tr#south-retracted.casualty-claim--retracted").len(),
        1
    );
    assert_eq!(
        select(&html, "tr#north-2023-09-19.casualty-claim--superseded").len(),
        1
    );
    assert!(
        select(&html, ".casualty-chart")
            .iter()
            .all(|svg| !text(svg).contains("5,000"))
    );
    let displaced = headline(&html, "scope-flood-camp-displacement", "Displaced");
    assert!(
        displaced
            .starts_with("Only figure: 4,000, Relief Agency (international body), 9 November 2023"),
        "{displaced}"
    );
}

#[test]
fn figures_of_different_sources_are_never_added() {
    let site = site_with("casualties.toml", &fixture_text("no_sum.toml"));
    build_ok(site.path());
    let html = casualties_page(site.path());
    let article = page(site.path(), "index.html");
    let json = fs::read_to_string(site.path().join("public/casualties/casualties.json")).unwrap();
    let page_text = html.root_element().text().collect::<Vec<_>>().join(" ");
    let attributes: Vec<String> = select(&html, "*")
        .iter()
        .flat_map(|e| {
            e.value()
                .attrs()
                .map(|(_, v)| v.to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    let aside = text(&select(&article, "aside.casualty-summary")[0]);
    let contains_300 = |s: &str| {
        s.split(|c: char| !c.is_ascii_digit() && c != ',')
            .any(|n| n == "300")
    };
    assert!(page_text.contains("100") && page_text.contains("200"));
    assert!(!contains_300(&page_text), "the page adds 100 and 200");
    assert!(
        !attributes.iter().any(|a| contains_300(a)),
        "an attribute adds 100 and 200"
    );
    assert!(
        !contains_300(&aside),
        "the summary box adds 100 and 200: {aside}"
    );
    assert!(!contains_300(&json));
    let killed = headline(&html, "scope-clash-at-the-bridge", "Killed");
    assert!(
        killed.contains("Lowest: 100") && killed.contains("Highest: 200"),
        "{killed}"
    );
    assert!(text(&select(&html, ".casualty-rules")[0]).contains("never added together"));
    assert!(text(&select(&html, ".casualty-rules")[0]).contains("no derived totals"));
}

#[test]
fn charts_have_one_bar_per_source_an_accessible_title_and_a_data_table() {
    let site = fixture("casualties/site");
    build_ok(site.path());
    let html = casualties_page(site.path());
    let figures = select(&html, "figure.casualty-chart-figure");
    assert_eq!(
        figures.len(),
        2,
        "killed and civilians killed have two or more sources; nothing else does"
    );
    for (figure, sources) in figures.iter().zip([
        vec![
            "Relief Agency",
            "South Ombudsman",
            "North Ministry of Health",
        ],
        vec!["South Ombudsman", "North Ministry of Health"],
    ]) {
        let svg = select_in(figure, "svg[role='img']");
        assert_eq!(svg.len(), 1);
        let labelled_by: Vec<&str> = svg[0]
            .value()
            .attr("aria-labelledby")
            .unwrap()
            .split(' ')
            .collect();
        let title = select_in(&svg[0], "title");
        let desc = select_in(&svg[0], "desc");
        assert_eq!(
            labelled_by,
            vec![
                title[0].value().attr("id").unwrap(),
                desc[0].value().attr("id").unwrap()
            ]
        );
        assert!(text(&title[0]).contains("the current figure of each source"));
        let bars: Vec<&str> = select_in(&svg[0], "g.casualty-chart__bar")
            .iter()
            .map(|g| g.value().attr("data-source").unwrap())
            .collect();
        assert_eq!(bars, sources);
        assert_eq!(
            select_in(figure, "table tbody tr").len(),
            sources.len(),
            "the data table has a row per bar"
        );
        assert!(
            select_in(&svg[0], "[fill]")
                .iter()
                .all(|e| matches!(e.value().attr("fill"), Some("currentColor" | "none"))),
            "colours come from CSS"
        );
    }
    let killed = &figures[0];
    assert_eq!(
        select_in(killed, "rect.casualty-chart__range").len(),
        2,
        "two ranges"
    );
    assert_eq!(
        select_in(killed, "path.casualty-chart__open").len(),
        1,
        "one \"at least\""
    );
    assert!(
        text(&select_in(killed, "desc")[0])
            .contains("Relief Agency: between 100 and 120 (15 September 2023)")
    );
}

#[test]
fn histories_follow_supersedes_and_keep_old_claims() {
    let site = fixture("casualties/site");
    build_ok(site.path());
    let html = casualties_page(site.path());
    let histories: Vec<(String, Vec<String>)> = select(&html, ".casualty-history")
        .iter()
        .map(|h| {
            (
                text(&select_in(h, "h4")[0]),
                select_in(h, "li").iter().map(text).collect(),
            )
        })
        .collect();
    let find = |heading: &str| {
        histories
            .iter()
            .find(|(h, _)| h.starts_with(heading))
            .map(|(_, steps)| steps.clone())
            .unwrap_or_else(|| panic!("no history {heading}: {histories:#?}"))
    };
    assert_eq!(
        find("Killed: North Ministry of Health"),
        vec![
            "19 September 2023: at least 12 superseded",
            "21 September 2023: at least 200, revising the claim of 19 September 2023"
        ]
    );
    assert_eq!(
        find("Wounded: North Ministry of Health"),
        vec![
            "19 September 2023: 30 superseded",
            "21 September 2023: more than 400, revising the claim of 19 September 2023"
        ]
    );
    assert_eq!(
        find("Killed: South Ombudsman"),
        vec![
            "20 September 2023: 5,000 retracted",
            "22 September 2023: between 150 and 180 (best estimate 160)"
        ]
    );
    assert_eq!(
        find("Displaced: Relief Agency"),
        vec![
            "October 2023: more than 1,000 superseded",
            "5 November 2023: 2,500, revising the claim of October 2023 superseded",
            "9 November 2023: 4,000, revising the claim of 5 November 2023",
        ]
    );
    assert_eq!(histories.len(), 4, "{histories:#?}");
    // The claims table is newest first and says what superseded what.
    let order: Vec<&str> = select(&html, "tr.casualty-claim")
        .iter()
        .map(|r| r.value().attr("id").unwrap())
        .collect();
    assert_eq!(
        &order[..5],
        [
            "south-2023-09-22",
            "north-2023-09-21",
            "south-retracted",
            "north-2023-09-19",
            "relief-2023-09-15"
        ]
    );
    let status = text(&select(&html, "tr#north-2023-09-19 td")[1]);
    assert!(
        status.contains("Superseded by the claim of 21 September 2023"),
        "{status}"
    );
}

#[test]
fn claims_show_overlaps_exclusions_and_citations() {
    let site = fixture("casualties/site");
    build_ok(site.path());
    let html = casualties_page(site.path());
    let south = row_cells(&html, "south-2023-09-22").join(" | ");
    assert!(
        south.contains(
            "Counts some of the same people as: North Ministry of Health, 21 September 2023"
        ),
        "{south}"
    );
    assert!(
        south.contains("Leaves out: Fighters of irregular units."),
        "{south}"
    );
    let cited: Vec<&str> = select(&html, "tr#north-2023-09-21 th a")
        .iter()
        .map(|a| a.value().attr("href").unwrap())
        .filter(|href| href.contains("/sources/"))
        .collect();
    assert_eq!(
        cited,
        [
            "/sub/sources/#north-ministry",
            "/sub/sources/#daily-news",
            "/sub/sources/#wire-service"
        ]
    );
    let scroll = select(
        &html,
        "div.table-scroll[tabindex='0'][role='region'][aria-label] table.casualty-claims",
    );
    assert_eq!(
        scroll.len(),
        2,
        "each scope's claims table scrolls in its own labelled box"
    );
    // The sources page links back to every claim that cites a source, claimant or outlet.
    let sources = page(site.path(), "sources/index.html");
    let back: Vec<String> = select(&sources, "#wire-service .cited-by a")
        .iter()
        .map(|a| format!("{} -> {}", text(a), a.value().attr("href").unwrap()))
        .collect();
    assert_eq!(
        back,
        [
            "Casualty claim: North Ministry of Health, 21 September 2023 -> /sub/casualties/#north-2023-09-21"
        ]
    );
}

#[test]
fn the_article_shows_the_summary_box_and_a_site_without_claims_does_not() {
    let site = fixture("casualties/site");
    build_ok(site.path());
    let article = page(site.path(), "index.html");
    let aside = select(&article, "aside.casualty-summary");
    assert_eq!(aside.len(), 1);
    let summary = text(&aside[0]);
    assert!(
        summary.contains("Killed: from between 100 and 120 to at least 200 (3 sources)"),
        "{summary}"
    );
    assert!(summary.contains("never added together"), "{summary}");
    assert_eq!(select_in(&aside[0], "a[href='/sub/casualties/']").len(), 1);
    assert_eq!(
        select_in(
            &aside[0],
            "a[href='/sub/casualties/#scope-battle-of-the-river']"
        )
        .len(),
        1
    );

    let bare = fixture("casualties/site");
    fs::remove_file(bare.path().join("content/data/casualties.toml")).unwrap();
    build_ok(bare.path());
    assert!(select(&page(bare.path(), "index.html"), "aside.casualty-summary").is_empty());
    assert!(!bare.path().join("public/casualties").exists());
}

#[test]
fn one_range_holding_another_source_is_not_an_only_figure() {
    let site = site_with(
        "casualties.toml",
        r#"
[[claim]]
id = "relief-valley"
source = "relief-agency"
reported = "2023-09-10"
scope = "Valley"
[claim.figures]
killed = { min = 3, max = 6 }

[[claim]]
id = "daily-valley"
source = "daily-news"
reported = "2023-09-11"
scope = "Valley"
[claim.figures]
killed = 4
wounded = 9

[[claim]]
id = "north-valley"
source = "north-ministry"
reported = "2023-09-12"
scope = "Valley"
[claim.figures]
wounded = { undisclosed = true }
"#,
    );
    build_ok(site.path());
    let html = casualties_page(site.path());
    let killed = headline(&html, "scope-valley", "Killed");
    assert!(!killed.contains("Only figure"), "{killed}");
    assert!(
        killed.contains("Lowest and highest: between 3 and 6, Relief Agency"),
        "{killed}"
    );
    assert!(
        killed.contains("Within that range: 4, Daily News (independent media)"),
        "{killed}"
    );
    let wounded = headline(&html, "scope-valley", "Wounded");
    assert!(wounded.contains("Only figure: 9, Daily News"), "{wounded}");
    // The box's one-line gist counts the sources that gave a number apart from those that gave none.
    let article = page(site.path(), "index.html");
    let gists: Vec<String> = select(&article, ".casualty-summary-gist")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        gists,
        vec!["Killed: between 3 and 6 (2 sources)"],
        "{gists:?}"
    );
    let summary = text(&select(&article, ".casualty-summary dd")[1]);
    assert!(
        summary.contains("Only figure: 9 (Daily News, independent media, 11 September 2023); no number given by North Ministry of Health (party to the conflict: North government)"),
        "{summary}"
    );
}
