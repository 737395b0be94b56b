//! Sources and glossary: citations, back-links, glossary pages and auto-linking.

use std::fs;

use crate::common::*;

fn built() -> tempfile::TempDir {
    let site = fixture("glossary");
    build_ok(site.path());
    site
}

fn texts(elements: &[scraper::ElementRef<'_>]) -> Vec<String> {
    elements
        .iter()
        .map(|e| e.text().collect::<String>())
        .collect()
}

#[test]
fn citations_are_numbered_and_repeats_share_a_number() {
    let site = built();
    let html = page(site.path(), "index.html");
    let marks = texts(&select(&html, ".prose sup.cite a"));
    assert_eq!(marks, vec!["[1]", "[2]", "[1]", "[3]"]);
    // The cited words stay as written, not turned into links.
    assert!(
        html.root_element()
            .text()
            .collect::<String>()
            .contains("ombudsman said")
    );
    assert!(select(&html, ".prose a[href*='source:']").is_empty());
    // The list at the foot: one entry per source, linking to /sources/ and back to each mark.
    let entries = select(&html, "section.citations li");
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[0].value().attr("id"), Some("cite-1"));
    assert_eq!(
        select(&html, "#cite-1 a[href='/sub/sources/#ombudsman']").len(),
        1
    );
    assert_eq!(select(&html, "#cite-1 a.backref").len(), 2);
    assert_eq!(select(&html, "#cite-1 a[href='#cite-ref-1-2']").len(), 1);
    assert!(
        texts(&select(&html, "#cite-2 .affiliation--party"))[0].contains("Azerbaijani government")
    );
}

#[test]
fn sources_page_lists_details_and_back_links() {
    let site = built();
    let html = page(site.path(), "sources/index.html");
    let ombudsman = select(&html, "li#ombudsman");
    assert_eq!(ombudsman.len(), 1);
    assert!(
        texts(&select(&html, "li#ombudsman .affiliation--party"))[0]
            .contains("Karabakh Armenian authorities")
    );
    assert_eq!(
        select(&html, "li#ombudsman .cited-by a[href='/sub/']").len(),
        1
    );
    assert_eq!(
        select(
            &html,
            "li#ministry h3 a[href='https://example.org/ministry']"
        )
        .len(),
        1
    );
    // The wire agency is cited by the article and by a glossary entry.
    let wire: Vec<String> = select(&html, "li#wire .cited-by a")
        .iter()
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    assert!(
        wire.contains(&"/sub/".to_owned())
            && wire.contains(&"/sub/glossary/#stepanakert".to_owned()),
        "{wire:?}"
    );
    // Parties come first.
    let ids: Vec<&str> = select(&html, "li.source")
        .iter()
        .filter_map(|e| e.value().attr("id"))
        .collect();
    assert_eq!(ids, vec!["ombudsman", "ministry", "wire"]);
}

#[test]
fn sources_linked_from_a_definition_link_back_to_its_entry() {
    let site = fixture("glossary");
    let file = site.path().join("content/data/glossary.toml");
    let toml = fs::read_to_string(&file).unwrap().replace(
        "definition = \"Azerbaijan's capital.\"",
        "definition = \"Azerbaijan's capital, as [the ministry](source:ministry) says.\"",
    );
    fs::write(&file, toml).unwrap();
    build_ok(site.path());
    let html = page(site.path(), "sources/index.html");
    let back = select(&html, "li#ministry .cited-by a[href='/sub/glossary/#baku']");
    assert_eq!(texts(&back), vec!["Glossary: Baku"]);
}

#[test]
fn glossary_page_lists_terms_and_aliases_alphabetically() {
    let site = built();
    let html = page(site.path(), "glossary/index.html");
    // A term's sources carry their affiliation, as every citation does.
    assert!(
        texts(&select(&html, ".entry-sources .affiliation"))
            .iter()
            .any(|t| t == "independent media"),
        "{:?}",
        texts(&select(&html, ".entry-sources"))
    );
    let names = texts(&select(&html, "dl.glossary dt"));
    assert_eq!(
        names,
        vec![
            "Baku",
            "Khankendi",
            "Lachin",
            "Lachin corridor",
            "Stepanakert",
            "Xankəndi"
        ]
    );
    assert_eq!(select(&html, "dt#stepanakert dfn[lang=hy]").len(), 1);
    assert_eq!(select(&html, "dt#alias-khankendi dfn[lang=az]").len(), 1);
    let alias = texts(&select(&html, "dt#alias-khankendi + dd"))[0].clone();
    assert!(
        alias.contains("Stepanakert") && alias.ends_with("Used by: Azerbaijani government."),
        "{alias}"
    );
    assert_eq!(
        select(&html, "dt#alias-khankendi + dd a[href='#stepanakert']").len(),
        1
    );
    let letters = texts(&select(&html, "nav.az a"));
    assert_eq!(letters, vec!["B", "K", "L", "S", "X"]);
    // Explicit term: links inside definitions, see-also links.
    assert_eq!(
        select(
            &html,
            "dt#lachin-corridor + dd a[href='/sub/glossary/#lachin']"
        )
        .len(),
        1
    );
    assert_eq!(
        select(
            &html,
            "dt#stepanakert + dd .see-also a[href='#lachin-corridor']"
        )
        .len(),
        1
    );
    // schema.org DefinedTermSet.
    let script = texts(&select(&html, "script[type='application/ld+json']"));
    let set = script
        .iter()
        .map(|s| serde_json::from_str::<serde_json::Value>(s).unwrap())
        .find(|v| v["@type"] == "DefinedTermSet")
        .expect("a DefinedTermSet");
    assert_eq!(set["hasDefinedTerm"].as_array().unwrap().len(), 4);
}

#[test]
fn terms_are_linked_once_longest_first_never_in_headings_links_or_code() {
    let site = built();
    let html = page(site.path(), "index.html");
    let linked: Vec<String> = select(&html, ".prose a.term")
        .iter()
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    assert_eq!(
        linked,
        vec![
            "/sub/glossary/#stepanakert",
            "/sub/glossary/#lachin-corridor",
            "/sub/glossary/#lachin",
            "/sub/glossary/#baku"
        ],
        "first occurrences only, the corridor before the town, aliases counted with their term"
    );
    assert!(
        select(&html, "h2 a.term").is_empty(),
        "no links in headings"
    );
    assert!(select(&html, "code a.term").is_empty());
    // The definition is readable in place and tied to the link for screen readers.
    let tip = select(&html, "#tip-stepanakert");
    assert_eq!(tip.len(), 1);
    assert!(texts(&tip)[0].contains("The region's main city."));
    assert_eq!(
        select(&html, "a.term[aria-describedby='tip-stepanakert']").len(),
        1
    );
    // The explicit term: link and the explicit citation of the wire.
    assert_eq!(
        select(&html, ".prose a[href='/sub/glossary/#baku']:not(.term)").len(),
        1
    );
}

#[test]
fn aliases_carry_their_language() {
    let site = fixture("glossary");
    fs::write(
        site.path().join("content/index.md"),
        "+++\ntitle = \"A\"\n+++\nKhankendi first, then Stepanakert.\n",
    )
    .unwrap();
    build_ok(site.path());
    let html = page(site.path(), "index.html");
    let links = select(&html, ".prose a.term");
    assert_eq!(links.len(), 1, "an alias and its term link once");
    assert_eq!(links[0].value().attr("lang"), Some("az"));
}

#[test]
fn auto_linking_can_be_switched_off_per_page_and_site_wide() {
    let site = built();
    assert!(select(&page(site.path(), "notes/plain/index.html"), "a.term").is_empty());
    let config = site.path().join("explainer.toml");
    fs::write(
        &config,
        format!(
            "{}[glossary]\nautolink = false\n",
            fs::read_to_string(&config).unwrap()
        ),
    )
    .unwrap();
    build_ok(site.path());
    let html = page(site.path(), "index.html");
    assert!(select(&html, "a.term").is_empty());
    assert_eq!(
        select(&html, ".prose a[href='/sub/glossary/#baku']").len(),
        1,
        "explicit links stay"
    );
}

#[test]
fn case_insensitive_matching_when_configured() {
    let site = fixture("glossary");
    fs::write(
        site.path().join("content/index.md"),
        "+++\ntitle = \"A\"\n+++\nIn baku.\n",
    )
    .unwrap();
    build_ok(site.path());
    assert!(select(&page(site.path(), "index.html"), "a.term").is_empty());
    let config = site.path().join("explainer.toml");
    fs::write(
        &config,
        format!(
            "{}[glossary]\ncase_sensitive = false\n",
            fs::read_to_string(&config).unwrap()
        ),
    )
    .unwrap();
    build_ok(site.path());
    assert_eq!(select(&page(site.path(), "index.html"), "a.term").len(), 1);
}

#[test]
fn unknown_ids_are_errors_at_their_file_and_line() {
    let site = fixture("glossary");
    fs::write(
        site.path().join("content/index.md"),
        "+++\ntitle = \"A\"\n+++\nText [x](source:nobody).\n\n[y](term:nothing) and [z](event:never)\n",
    )
    .unwrap();
    let glossary = site.path().join("content/data/glossary.toml");
    let text = fs::read_to_string(&glossary).unwrap();
    fs::write(&glossary, format!("{text}\n[[term]]\nid = \"x\"\nterm = \"X\"\ndefinition = \"d\"\nsee_also = [\"missing\"]\nsources = [\"ghost\"]\n")).unwrap();
    let errors = build_site(site.path()).unwrap_err().errors.0;
    let at: Vec<(String, usize, usize)> = errors
        .iter()
        .map(|e| (e.file.to_string_lossy().into_owned(), e.line, e.col))
        .collect();
    assert!(at.contains(&("content/index.md".into(), 4, 6)), "{at:?}");
    assert!(at.contains(&("content/index.md".into(), 6, 1)), "{at:?}");
    assert!(at.contains(&("content/index.md".into(), 6, 23)), "{at:?}");
    let glossary_lines: Vec<usize> = errors
        .iter()
        .filter(|e| e.file.ends_with("glossary.toml"))
        .map(|e| e.line)
        .collect();
    assert_eq!(glossary_lines.len(), 2, "{errors:#?}");
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("unknown source `nobody`"))
    );
}
