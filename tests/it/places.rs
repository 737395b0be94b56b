//! Places and maps, as readers get them: the SVG of each map, the list under it, the
//! `/places/` page, `place:` links and the places of timeline events.

use std::fs;

use crate::common::*;
use scraper::{ElementRef, Html};

fn built() -> tempfile::TempDir {
    let site = fixture("places");
    build_ok(site.path());
    site
}

fn text(element: &ElementRef<'_>) -> String {
    element.text().collect()
}

fn number(element: &ElementRef<'_>, attribute: &str) -> f64 {
    element.value().attr(attribute).unwrap().parse().unwrap()
}

/// The centre of a place's mark on the `index`th map of a page.
fn mark(html: &Html, map: usize, id: &str) -> (f64, f64) {
    let svg = select(html, "figure.map > svg")[map];
    let selector = scraper::Selector::parse(&format!("g[data-place='{id}'] circle")).unwrap();
    let circle = svg.select(&selector).next().unwrap();
    (number(&circle, "cx"), number(&circle, "cy"))
}

#[test]
fn a_map_is_a_plain_accessible_svg_in_the_page() {
    let site = built();
    let raw = fs::read_to_string(site.path().join("public/index.html")).unwrap();
    let html = Html::parse_document(&raw);
    let figures = select(&html, "figure.map");
    assert_eq!(figures.len(), 2);
    let svg = select(&html, "figure.map > svg")[0];
    assert_eq!(svg.value().attr("role"), Some("img"));
    for (attribute, element) in [("aria-labelledby", "title"), ("aria-describedby", "desc")] {
        let id = svg.value().attr(attribute).unwrap();
        let target = select(&html, &format!("{element}#{id}"));
        assert_eq!(target.len(), 1, "{id}");
        assert!(!text(&target[0]).trim().is_empty());
    }
    assert_eq!(
        text(&select(&html, "figure.map svg title")[0]),
        "Stepanakert/Khankendi and the road from Goris"
    );
    // A label for every place, both names of contested ones, as SVG text.
    let labels: Vec<String> = select(&html, "figure.map:first-of-type svg text.map-label")
        .iter()
        .map(text)
        .collect();
    for name in [
        "Stepanakert",
        "Khankendi",
        "Shushi",
        "Shusha",
        "Lachin",
        "Goris",
        "The road",
    ] {
        assert!(
            labels.iter().any(|l| l.contains(name)),
            "{name}: {labels:?}"
        );
    }
    // East to the right, north up.
    let (goris, lachin, stepanakert, shushi) = (
        mark(&html, 0, "goris"),
        mark(&html, 0, "lachin"),
        mark(&html, 0, "stepanakert"),
        mark(&html, 0, "shushi"),
    );
    assert!(goris.0 < lachin.0 && lachin.0 < stepanakert.0);
    assert!(stepanakert.1 < shushi.1 && shushi.1 < lachin.1 && lachin.1 < goris.1);
    // Borders and coasts, the place's line, a scale bar and an inset.
    for selector in [
        "path.map-land",
        "path.map-borders",
        "path.map-line[data-place='road']",
        "g.map-scale",
        "svg.map-inset",
    ] {
        assert_eq!(
            select(
                &html,
                &format!("figure.map:first-of-type > svg > {selector}")
            )
            .len(),
            1,
            "{selector}"
        );
    }
    // Nothing fetched, and small.
    let start = raw.find("<svg class=\"map-svg\"").unwrap();
    let end = start + raw[start..].find("</svg>\n  <figcaption>").unwrap();
    let svg_text = &raw[start..end];
    assert!(
        !svg_text.contains("href") && !svg_text.contains("url(") && !svg_text.contains("<image")
    );
    assert!(svg_text.len() < 60_000, "{} bytes", svg_text.len());
    // The visible list of places, with both names and links to /places/.
    let items = select(&html, "figure.map:first-of-type ul.map-places li");
    assert_eq!(items.len(), 5);
    assert!(text(&items[0]).contains("Stepanakert") && text(&items[0]).contains("Khankendi"));
    assert_eq!(
        select(
            &html,
            "figure.map:first-of-type ul.map-places a[href='/maps/places/#stepanakert']"
        )
        .len(),
        1
    );
    let credit = text(&select(&html, "figure.map:first-of-type .map-credit")[0]);
    assert!(
        credit.contains("Natural Earth") && credit.contains("GeoNames"),
        "{credit}"
    );
    // Two maps on a page have their own ids.
    let ids: Vec<&str> = figures
        .iter()
        .filter_map(|f| f.value().attr("id"))
        .collect();
    assert_eq!(ids, vec!["map-1", "map-2"]);
}

#[test]
fn zoom_shows_more_ground() {
    let site = built();
    let html = page(site.path(), "index.html");
    let spread = |map: usize| mark(&html, map, "stepanakert").0 - mark(&html, map, "goris").0;
    assert!(spread(1) < spread(0) / 2.0, "{} {}", spread(1), spread(0));
}

#[test]
fn a_map_across_the_date_line_keeps_east_to_the_right() {
    let site = built();
    let html = page(site.path(), "notes/pacific/index.html");
    let (suva, tonga, apia) = (
        mark(&html, 0, "suva"),
        mark(&html, 0, "nukualofa"),
        mark(&html, 0, "apia"),
    );
    assert!(
        suva.0 < tonga.0 && tonga.0 < apia.0,
        "{suva:?} {tonga:?} {apia:?}"
    );
    assert!(apia.1 < suva.1 && suva.1 < tonga.1);
    assert!(!select(&html, "figure.map path.map-land").is_empty());
}

#[test]
fn the_places_page_lists_every_place_with_its_events() {
    let site = built();
    let html = page(site.path(), "places/index.html");
    let entries = select(&html, "dl.places dt");
    assert_eq!(entries.len(), 8);
    let stepanakert = text(&select(&html, "dt#stepanakert")[0]);
    assert!(stepanakert.contains("Stepanakert") && stepanakert.contains("Khankendi"));
    let body = text(&select(&html, "dt#stepanakert + dd")[0]);
    assert!(
        body.contains("City") && body.contains("39.8177° N") && body.contains("46.7528° E"),
        "{body}"
    );
    assert!(body.contains("The exodus begins"), "{body}");
    let suva = text(&select(&html, "dt#suva + dd")[0]);
    assert!(
        suva.contains("18.14161° S") && suva.contains("178.44149° E"),
        "{suva}"
    );
    assert_eq!(
        select(
            &html,
            "dt#stepanakert + dd a[href='/maps/timeline/#exodus']"
        )
        .len(),
        1
    );
    // A map of them all.
    assert_eq!(select(&html, "figure.map svg text.map-label").len(), 8);
    // And in the navigation.
    assert_eq!(
        select(&html, "nav.site-nav a[href='/maps/places/']").len(),
        1
    );
    // The sources of coordinates link back to the places, with both names.
    let sources = page(site.path(), "sources/index.html");
    let back = text(&select(&sources, "li#geonames")[0]);
    assert!(back.contains("Places: Stepanakert/Khankendi"), "{back}");
}

#[test]
fn place_links_and_event_places_lead_to_the_places_page() {
    let site = built();
    let html = page(site.path(), "index.html");
    assert_eq!(
        select(&html, ".prose > p a[href='/maps/places/#goris']").len(),
        1
    );
    let timeline = page(site.path(), "timeline/index.html");
    let places = text(&select(&timeline, "#exodus .timeline-place")[0]);
    assert!(
        places.contains("Stepanakert/Khankendi")
            && places.contains("Goris")
            && places.contains("along the road"),
        "{places}"
    );
    assert_eq!(
        select(
            &timeline,
            "#shushi-taken .timeline-place a[href='/maps/places/#shushi']"
        )
        .len(),
        1
    );
}

#[test]
fn the_real_explainer_has_its_maps() {
    let site = real_site();
    build_ok(site.path());
    let article = page(site.path(), "index.html");
    let labels: Vec<String> = select(&article, "figure.map svg text.map-label")
        .iter()
        .map(text)
        .collect();
    assert!(
        labels
            .iter()
            .any(|l| l.contains("Stepanakert") && l.contains("Khankendi")),
        "{labels:?}"
    );
    assert!(
        labels
            .iter()
            .any(|l| l.contains("Shushi") && l.contains("Shusha")),
        "{labels:?}"
    );
    let places = page(site.path(), "places/index.html");
    assert!(!select(&places, "figure.map svg").is_empty());
    let credit = text(&select(&places, "figure.map .map-credit")[0]);
    assert!(
        credit.contains("Natural Earth") && credit.contains("GeoNames"),
        "{credit}"
    );
    // The Russian edition names every place in Russian, both names of contested ones.
    for path in ["ru/index.html", "ru/places/index.html"] {
        let html = page(site.path(), path);
        let labels: Vec<String> = select(&html, "figure.map svg text.map-label")
            .iter()
            .map(text)
            .collect();
        assert!(
            labels
                .iter()
                .any(|l| l.contains("Степанакерт") && l.contains("Ханкенди")),
            "{path}: {labels:?}"
        );
        assert!(
            labels
                .iter()
                .all(|l| !l.chars().any(|c| c.is_ascii_alphabetic())),
            "{path}: {labels:?}"
        );
        let list = text(&select(&html, "figure.map .map-places")[0]);
        assert!(
            list.contains("Шуши / Шуша (азербайджанцы)"),
            "{path}: {list}"
        );
    }
}

/// Every coordinate of the real explainer is copied exactly from the GeoNames row its
/// comment quotes (`# rg_cities1000.csv line N: LAT,LON,...`), so that a reader can check it.
#[test]
fn every_real_coordinate_is_the_geonames_row_it_cites() {
    let text = fs::read_to_string(repo().join("content/data/places.toml")).unwrap();
    let value = |line: &str, key: &str| -> Option<String> {
        let rest = line.strip_prefix(key)?.trim_start().strip_prefix('=')?;
        Some(rest.trim().to_owned())
    };
    let mut cited: Option<(String, String)> = None;
    let mut checked = 0;
    for line in text.lines() {
        if line.starts_with("[[place]]") {
            cited = None;
        } else if let Some(row) = line.strip_prefix("# rg_cities1000.csv line ") {
            let fields: Vec<&str> = row.split_once(": ").unwrap().1.split(',').collect();
            cited = Some((fields[0].to_owned(), fields[1].to_owned()));
        } else if let Some(lat) = value(line, "lat") {
            let (row_lat, _) = cited.as_ref().expect("a place without its GeoNames row");
            assert_eq!(&lat, row_lat);
        } else if let Some(lon) = value(line, "lon") {
            let (_, row_lon) = cited.as_ref().expect("a place without its GeoNames row");
            assert_eq!(&lon, row_lon);
            checked += 1;
        }
    }
    assert!(checked >= 8, "{checked}");
}

#[test]
fn translated_names_of_places_are_checked() {
    let site = real_site();
    fs::write(
        site.path().join("content/data/ru/places.toml"),
        "[[place]]\nid = \"stepanakert\"\nnames = []\n\n[[place]]\nid = \"shushi\"\nnames = \"Шуша\"\n\n[[place]]\nid = \"lachin\"\nnamess = [\"Лачин\"]\n",
    )
    .unwrap();
    let failure = build_site(site.path()).unwrap_err();
    let shown = printed(&failure);
    for (line, message) in [
        (3, "`names` needs every other name"),
        (7, "`names` is not a list of names"),
        (11, "did you mean `names`?"),
    ] {
        assert!(
            shown.contains(&format!("content/data/ru/places.toml:{line}:"))
                && shown.contains(message),
            "{line} {message}: {shown}"
        );
    }
    assert_eq!(failure.errors.0.len(), 3, "{shown}");
}

#[test]
fn broken_maps_leave_the_last_good_output_alone() {
    let site = built();
    let before = snapshot(&site.path().join("public"));
    let index = site.path().join("content/index.md");
    let text = fs::read_to_string(&index).unwrap();
    fs::write(
        &index,
        text.replace("\"goris\", \"road\"", "\"gorris\", \"road\""),
    )
    .unwrap();
    let failure = build_site(site.path()).unwrap_err();
    let shown: Vec<String> = failure.errors.0.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 1, "{shown:#?}");
    assert!(
        shown[0].contains(" --> content/index.md:10:")
            && shown[0].contains("did you mean `goris`?"),
        "{}",
        shown[0]
    );
    assert_eq!(snapshot(&site.path().join("public")), before);
    // A places file with errors is reported alone, every error at once.
    fs::write(&index, text).unwrap();
    let places = site.path().join("content/data/places.toml");
    let data = fs::read_to_string(&places).unwrap();
    let broken = data.replace("lat = -18.14161", "lat = -118.14161").replace(
        "kind = \"town\"\nsources = [\"geonames\"]\n\n[[place]]\nid = \"goris\"",
        "kind = \"twon\"\nsources = [\"geonames\"]\n\n[[place]]\nid = \"goris\"",
    );
    fs::write(&places, broken).unwrap();
    let failure = build_site(site.path()).unwrap_err();
    let shown: Vec<String> = failure.errors.0.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 2, "{shown:#?}");
    assert!(
        shown[0].contains("unknown place kind \"twon\"")
            && shown[0].contains("did you mean `town`?"),
        "{}",
        shown[0]
    );
    assert!(
        shown[1].contains("latitude -118.14161 is out of range"),
        "{}",
        shown[1]
    );
    assert_eq!(snapshot(&site.path().join("public")), before);
}
