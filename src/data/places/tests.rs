//! Places files and map blocks, good and bad, in sites on disk.

use std::path::Path;

use super::*;
use crate::diagnostics::SourceText;

fn site(places: &str, files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("content/data");
    std::fs::create_dir_all(data.join("places")).unwrap();
    std::fs::write(data.join("places.toml"), places).unwrap();
    for (name, text) in files {
        std::fs::write(data.join(name), text).unwrap();
    }
    dir
}

const GOOD: &str = r#"
[[place]]
id = "stepanakert"
name = "Stepanakert"
names = [{ name = "Khankendi", lang = "az", used_by = "Azerbaijan" }]
lat = 39.8177
lon = 46.7528
kind = "city"
sources = ["geonames"]

[[place]]
id = "lachin-corridor"
name = "Lachin corridor"
lat = 39.6
lon = 46.55
kind = "road"
sources = ["geonames"]
geometry = "places/corridor.geojson"
"#;

const LINE: &str = r#"{"type": "LineString", "coordinates": [[46.34, 39.51], [46.75, 39.82]]}"#;

#[test]
fn a_good_file_loads_with_its_geometry() {
    let dir = site(GOOD, &[("places/corridor.geojson", LINE)]);
    let places = load(dir.path()).unwrap().unwrap();
    let stepanakert = places.get("stepanakert").unwrap();
    assert_eq!(stepanakert.kind, Kind::City);
    let drawn = stepanakert.map_place();
    assert_eq!(drawn.lines, vec!["Stepanakert", "Khankendi"]);
    assert_eq!(places.get("lachin-corridor").unwrap().shapes.lines.len(), 1);
    let named: Vec<(&str, usize)> = places
        .sources_named()
        .map(|(id, span)| (id, places.file.line_col(span.start).0))
        .collect();
    assert_eq!(named, vec![("geonames", 9), ("geonames", 17)]);
}

/// Each error of loading as one line, `file:line:col: error: message`, then its help.
fn errors(dir: &Path) -> Vec<String> {
    load(dir)
        .unwrap_err()
        .0
        .iter()
        .map(|e| {
            let place = match (e.line, e.col) {
                (0, _) => e.file.display().to_string(),
                (line, col) => format!("{}:{line}:{col}", e.file.display()),
            };
            let help = e.help.as_deref().unwrap_or_default();
            format!("{place}: error: {} {help}", e.message)
        })
        .collect()
}

#[test]
fn every_problem_is_reported_at_its_place() {
    let text = r#"[[place]]
id = "a"
name = "A"
lat = 95.0
lon = 46.7
kind = "citty"
sources = ["geonames"]

[[place]]
id = "b"
name = "B"
lat = 39.8
lon = -181
kind = "town"

[[place]]
id = "a"
name = "A again"
lat = 1
lon = 1
kind = "town"
sources = ["geonames"]

[[place]]
id = "c"
name = "C"
lat = 39.8
lon = 46.7
kind = "road"
sources = []
geometry = "places/missing.geojson"

[[place]]
id = "d"
name = "D"
lat = 39.8
lon = 46.7
kind = "road"
sources = ["geonames"]
geometry = "../../outside.geojson"
"#;
    let dir = site(text, &[]);
    let shown = errors(dir.path());
    let expect = [
        "content/data/places.toml:4:7: error: latitude 95 is out of range",
        "content/data/places.toml:6:8: error: unknown place kind \"citty\"",
        "content/data/places.toml:10:6: error: place `b` names no source",
        "content/data/places.toml:13:7: error: longitude -181 is out of range",
        "content/data/places.toml:17:6: error: duplicate place id `a`",
        "content/data/places.toml:30:11: error: place `c` names no source",
        "content/data/places.toml:31:12: error: the geometry file content/data/places/missing.geojson does not exist",
        "content/data/places.toml:40:12: error: `geometry` \"../../outside.geojson\" is not a path inside content/data/",
    ];
    assert_eq!(shown.len(), expect.len(), "{shown:#?}");
    for (got, want) in shown.iter().zip(expect) {
        assert!(got.starts_with(want), "{got}\n---\nwanted {want}");
    }
    assert!(shown[1].contains("did you mean `city`?"), "{}", shown[1]);
}

#[test]
fn broken_geojson_is_reported_in_its_own_file() {
    let broken = "{\"type\": \"LineString\",\n  \"coordinates\": [[46.3, 39.5], [46.7 39.8]]}";
    let dir = site(GOOD, &[("places/corridor.geojson", broken)]);
    let shown = errors(dir.path());
    assert_eq!(shown.len(), 1, "{shown:#?}");
    assert!(
        shown[0].starts_with("content/data/places/corridor.geojson:2:"),
        "{}",
        shown[0]
    );
    assert!(shown[0].contains("place `lachin-corridor`"), "{}", shown[0]);

    let dir = site(GOOD, &[]);
    std::fs::write(
        dir.path().join("content/data/places/corridor.geojson"),
        b"{\"type\": \"Line\xffString\"}",
    )
    .unwrap();
    let shown = errors(dir.path());
    assert!(
        shown[0].starts_with(
            "content/data/places/corridor.geojson:1:15: error: the file is not valid UTF-8"
        ),
        "{}",
        shown[0]
    );
    std::fs::create_dir(dir.path().join("content/data/places/folder.geojson")).unwrap();
    let folder = GOOD.replace("places/corridor.geojson", "places/folder.geojson");
    std::fs::write(dir.path().join("content/data/places.toml"), folder).unwrap();
    let shown = errors(dir.path());
    assert!(
        shown[0].contains("content/data/places/folder.geojson is not a file"),
        "{}",
        shown[0]
    );

    let swapped = r#"{"type": "LineString", "coordinates": [[39.5, 46.3], [5100000, 4400000]]}"#;
    let dir = site(GOOD, &[("places/corridor.geojson", swapped)]);
    let shown = errors(dir.path());
    assert!(
        shown[0].starts_with(
            "content/data/places/corridor.geojson:1:54: error: the position [5100000, 4400000]"
        ),
        "{}",
        shown[0]
    );
}

fn page(text: &str) -> SourceText {
    SourceText::new("content/index.md", text.to_owned())
}

/// The TOML of the first map block of a page, and where it starts.
fn block_of(source: &SourceText) -> (usize, &str) {
    let start = source.text.find("```map\n").unwrap() + "```map\n".len();
    let end = start + source.text[start..].find("```").unwrap();
    (start, &source.text[start..end])
}

#[test]
fn map_blocks_are_read_and_checked() {
    let dir = site(GOOD, &[("places/corridor.geojson", LINE)]);
    let places = load(dir.path()).unwrap().unwrap();
    let source = page(
        "# Title\n\n```map\ntitle = \"The corridor\"\nplaces = [\"stepanakert\", \"lachin-corridr\"]\nzoom = 2\n```\n",
    );
    let (offset, text) = block_of(&source);
    let map = block::parse(&source, offset, text).unwrap();
    assert_eq!(map.zoom, Some(2.0));
    assert_eq!(map.places, vec!["stepanakert", "lachin-corridr"]);
    let request = map.request(&places, crate::words::Words::english());
    assert_eq!(request.places.len(), 1);
    assert!(crate::maps::draw(&request).is_ok());
}

#[test]
fn broken_map_blocks_are_located_in_the_page() {
    let source = page("Intro.\n\n```map\ntitle = \"x\"\nplaces = [\"a\"\nzoom = 2\n```\n");
    let (offset, text) = block_of(&source);
    let err = block::parse(&source, offset, text).unwrap_err();
    assert_eq!(err.0.len(), 1);
    assert_eq!(
        (err.0[0].file.to_str(), err.0[0].line),
        (Some("content/index.md"), 6),
        "{}",
        err.0[0]
    );

    let source =
        page("```map\ntitle = \" \"\nplaces = []\nzoom = 0\nextent = [47, 40, 46, 39]\n```\n");
    let (offset, text) = block_of(&source);
    let err = block::parse(&source, offset, text).unwrap_err();
    let lines: Vec<usize> = err.0.iter().map(|d| d.line).collect();
    assert_eq!(lines, vec![2, 3, 4, 5], "{err:?}");

    let source = page("```map\ntitle = \"x\"\nplaces = [\"a\", \"b\",\n  \"a\"]\n```\n");
    let (offset, text) = block_of(&source);
    let err = block::parse(&source, offset, text).unwrap_err();
    assert_eq!((err.0[0].line, err.0[0].col), (4, 3), "{}", err.0[0]);
    assert!(err.0[0].message.contains("names `a` twice"));

    let source = page("```map\ntitel = \"x\"\nplaces = [\"a\"]\n```\n");
    let (offset, text) = block_of(&source);
    let err = block::parse(&source, offset, text).unwrap_err();
    assert!(
        err.0[0].to_string().contains("did you mean `title`?"),
        "{}",
        err.0[0]
    );
}

#[test]
fn the_explainers_places_load_and_cite_registered_sources() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let places = load(root).unwrap().unwrap();
    let sources = sources::load(root).unwrap().unwrap();
    assert!(places.sources_named().all(|(id, _)| sources.contains(id)));
    for (id, other) in [("stepanakert", "Khankendi"), ("shushi", "Shusha")] {
        let names: Vec<&str> = places
            .get(id)
            .unwrap()
            .names
            .iter()
            .map(|n| n.name.as_str())
            .collect();
        assert_eq!(names, vec![other]);
    }
    let all = crate::maps::MapRequest {
        places: places.list.iter().map(Place::map_place).collect(),
        ..Default::default()
    };
    let view = crate::maps::draw(&all).unwrap();
    assert_eq!(view.places.len(), places.list.len());
}
