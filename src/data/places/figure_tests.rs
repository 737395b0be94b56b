//! The map figure as a reader gets it: the real `partials/map.html` drawing the
//! explainer's own places, parsed as XML and checked like a reader would.

use std::path::Path;

use super::page::{self, MapFigure};
use super::{Place, load};
use crate::markdown::links::tests::Fixture;
use crate::render::Templates;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn figure(ids: &[&str]) -> MapFigure {
    let places = load(root()).unwrap().unwrap();
    let shown: Vec<&Place> = ids.iter().map(|id| places.get(id).unwrap()).collect();
    let request = crate::maps::MapRequest {
        places: shown.iter().map(|p| p.map_place()).collect(),
        ..Default::default()
    };
    let names = |id: &str| match id {
        "geonames" => Some("GeoNames".to_owned()),
        "natural-earth" => Some("Natural Earth".to_owned()),
        _ => None,
    };
    page::figure(
        "m",
        "Stepanakert/Khankendi and Lachin",
        String::new(),
        &shown,
        &request,
        &Fixture,
        &names,
    )
    .unwrap()
}

fn render(figure: &MapFigure) -> String {
    let templates = Templates::load(root()).unwrap();
    let mut context = tera::Context::new();
    context.insert("map", figure);
    context.insert("t", crate::words::Words::english().template_value());
    templates.render(page::MAP_TEMPLATE, &context).unwrap()
}

#[test]
fn the_svg_is_what_a_reader_needs() {
    let html = render(&figure(&["stepanakert", "shushi", "lachin", "khojaly"]));
    let doc = roxmltree::Document::parse(&html).unwrap();
    let svg = doc.descendants().find(|n| n.has_tag_name("svg")).unwrap();
    assert_eq!(svg.attribute("role"), Some("img"));
    for (attribute, element) in [("aria-labelledby", "title"), ("aria-describedby", "desc")] {
        let id = svg.attribute(attribute).unwrap();
        let target = doc
            .descendants()
            .find(|n| n.attribute("id") == Some(id))
            .unwrap();
        assert_eq!(target.tag_name().name(), element);
        assert!(!target.text().unwrap_or("").trim().is_empty());
    }
    let texts: Vec<String> = svg
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.descendants().filter_map(|t| t.text()).collect::<String>())
        .collect();
    for name in [
        "Stepanakert",
        "Khankendi",
        "Shushi",
        "Shusha",
        "Lachin",
        "Khojaly",
    ] {
        assert!(
            texts.iter().any(|t| t.contains(name)),
            "{name} is not labelled: {texts:?}"
        );
    }
    // East right, north up: the marks' positions.
    let mark = |id: &str| {
        let g = svg
            .descendants()
            .find(|n| n.attribute("data-place") == Some(id) && n.has_tag_name("g"))
            .unwrap();
        let c = g.descendants().find(|n| n.has_tag_name("circle")).unwrap();
        let at = |a: &str| c.attribute(a).unwrap().parse::<f64>().unwrap();
        (at("cx"), at("cy"))
    };
    assert!(mark("lachin").0 < mark("stepanakert").0);
    assert!(mark("khojaly").1 < mark("stepanakert").1 && mark("stepanakert").1 < mark("shushi").1);
    let class = |c: &str| {
        svg.descendants().any(|n| {
            n.attribute("class") == Some(c) && n.attribute("d").is_some_and(|d| d.len() > 20)
        })
    };
    assert!(class("map-land") && class("map-borders"));
    assert!(
        svg.descendants()
            .any(|n| n.attribute("class") == Some("map-inset"))
    );
    assert!(
        svg.descendants()
            .any(|n| n.attribute("class") == Some("map-scale"))
    );
    // Nothing outside the page.
    let svg_text = &html[svg.range()];
    assert!(
        !svg_text.contains("href") && !svg_text.contains("url("),
        "an external reference"
    );
    assert!(svg_text.len() < 60_000, "{} bytes", svg_text.len());
    // The list under the map, with both names.
    let items: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("li"))
        .map(|n| n.descendants().filter_map(|t| t.text()).collect())
        .collect();
    assert_eq!(items.len(), 4);
    assert!(
        items[0].contains("Stepanakert") && items[0].contains("Khankendi"),
        "{items:?}"
    );
    let credit: String = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("map-credit"))
        .unwrap()
        .descendants()
        .filter_map(|t| t.text())
        .collect();
    assert!(
        credit.contains("Natural Earth") && credit.contains("GeoNames"),
        "{credit}"
    );
}

#[test]
fn a_map_of_every_place_stays_under_the_limit() {
    let places = load(root()).unwrap().unwrap();
    let ids: Vec<&str> = places.ids().collect();
    let html = render(&figure(&ids));
    let doc = roxmltree::Document::parse(&html).unwrap();
    let svg = doc.descendants().find(|n| n.has_tag_name("svg")).unwrap();
    assert!(html[svg.range()].len() < 60_000);
    let labels = svg
        .descendants()
        .filter(|n| n.attribute("class") == Some("map-label"))
        .count();
    assert_eq!(labels, ids.len());
}
