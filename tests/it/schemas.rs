//! The JSON Schemas of `explainer schema`: they accept the real site's files and those of a
//! new site, and reject the mistakes the build rejects, as an editor would check them (TOML
//! read as JSON, dates as text).

use std::fs;
use std::path::Path;

use crate::common::schema_check::problems;
use explainer::build::{BuildOptions, build};
use explainer::schema::{Kind, all, find, find_translation, translations};

/// Every file with a schema that the site at `root` has, with its kind.
fn files_of(root: &Path) -> Vec<(Kind, String)> {
    all()
        .into_iter()
        .filter_map(|kind| {
            let text = fs::read_to_string(root.join(kind.path())).ok()?;
            Some((kind, text))
        })
        .collect()
}

/// Each schema accepts its file in the site at `root`; returns the kinds the site has.
fn assert_schemas_accept(root: &Path) -> Vec<&'static str> {
    let files = files_of(root);
    for (kind, text) in &files {
        assert_eq!(
            problems(kind, text),
            Vec::<String>::new(),
            "{}",
            kind.path()
        );
    }
    files.iter().map(|(kind, _)| kind.name).collect()
}

#[test]
fn the_schemas_accept_the_real_site() {
    let checked = assert_schemas_accept(&crate::common::repo());
    // The real explainer has no images of its own, so no media registry.
    for name in [
        "config",
        "sources",
        "glossary",
        "timeline",
        "casualties",
        "places",
    ] {
        assert!(checked.contains(&name), "the real site has no {name} file");
    }
}

#[test]
fn the_schemas_accept_a_new_site() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    explainer::scaffold::create(&site, &[]).unwrap();
    let every: Vec<&str> = all().iter().map(|kind| kind.name).collect();
    assert_eq!(
        assert_schemas_accept(&site),
        every,
        "a new site has every kind of file"
    );
}

/// Broken files, each with a mistake that both the build and the schema reject.
const BROKEN: &[(&str, &str, &str)] = &[
    (
        "config",
        "title = \"T\"\nbase_url = \"https://example.org/\"\ntitel = \"x\"\n",
        "an unknown key",
    ),
    (
        "config",
        "title = \"T\"\nbase_url = \"example.org\"\n",
        "a base URL that is not absolute",
    ),
    (
        "config",
        "title = \"T\"\nbase_url = \"https://example.org/\"\n[glossary]\nautolink = \"yes\"\n",
        "text where true or false belongs",
    ),
    (
        "config",
        "base_url = \"https://example.org/\"\n",
        "no title",
    ),
    (
        "sources",
        "[[source]]\nid = \"a\"\nname = \"A\"\nkind = \"blog\"\n",
        "an unknown source kind",
    ),
    (
        "sources",
        "[[source]]\nid = \"A b\"\nname = \"A\"\nkind = \"media\"\n",
        "an invalid id",
    ),
    (
        "sources",
        "[[source]]\nid = \"a\"\nname = \"A\"\nkind = \"media\"\nurl = \"www.example.org\"\n",
        "an address without its scheme",
    ),
    (
        "sources",
        "[[source]]\nid = \"a\"\nname = \"A\"\nkind = \"media\"\npublished = \"21 September 2023\"\n",
        "a date in words",
    ),
    (
        "sources",
        "[[source]]\nid = \"a\"\nname = \"A\"\nkind = \"media\"\nauthor = \"B\"\n",
        "an unknown key",
    ),
    (
        "glossary",
        "[[term]]\nid = \"a\"\nterm = \"A\"\ndefinition = \"An A.\"\naliases = [{ name = \"B\", language = \"az\" }]\n",
        "an unknown key in an alias",
    ),
    (
        "glossary",
        "[[term]]\nid = \"a\"\nterm = \"A\"\n",
        "no definition",
    ),
    (
        "timeline",
        "[[event]]\nid = \"a\"\ndate = \"2023-09-19\"\ntitle = \"A\"\nsources = [\"s\"]\nimportance = \"high\"\n",
        "an unknown importance",
    ),
    (
        "timeline",
        "[[event]]\nid = \"a\"\ndate = \"2023-09-19\"\ntitle = \"A\"\nsources = [\"s\"]\ntag = [\"x\"]\n",
        "an unknown key",
    ),
    (
        "timeline",
        "[[event]]\nid = \"a\"\ndate = \"2023-09-19\"\nsources = [\"s\"]\n",
        "no title",
    ),
    ("timeline", "", "no event"),
    (
        "timeline",
        "[[event]]\nid = \"a\"\ndate = \"2023-09-19\"\ntitle = \"A\"\nsources = []\n",
        "an event without sources",
    ),
    (
        "config",
        "title = \"T\"\nbase_url = \"https://example.org/\"\noutput_dir = \"\"\n",
        "an empty output folder",
    ),
    (
        "casualties",
        "[[claim]]\nid = \"a\"\nsource = \"s\"\nreported = \"2023-09-19\"\nscope = \"S\"\nstatus = \"confirmed\"\n[claim.figures]\nkilled = 2\n",
        "an unknown status",
    ),
    (
        "casualties",
        "[[claim]]\nid = \"a\"\nsource = \"s\"\nreported = \"2023-09-19\"\nscope = \"S\"\n[claim.figures]\nkilled = \"two\"\n",
        "a figure in words",
    ),
    (
        "casualties",
        "[[claim]]\nid = \"a\"\nsource = \"s\"\nreported = \"2023-09-19\"\nscope = \"S\"\n[claim.figures]\nkilled = { value = 2, qualifier = \"at least\" }\n",
        "an unknown qualifier",
    ),
    (
        "casualties",
        "[[claim]]\nid = \"a\"\nsource = \"s\"\nreported = \"2023-09-19\"\nscope = \"S\"\n[claim.figures]\nkilled = { vaule = 2 }\n",
        "an unknown key in a figure",
    ),
    (
        "casualties",
        "[[claim]]\nid = \"a\"\nsource = \"s\"\nreported = \"2023-09-19\"\nscope = \"S\"\n[claim.figures]\nkilled = -2\n",
        "a negative figure",
    ),
    (
        "places",
        "[[place]]\nid = \"a\"\nname = \"A\"\nlat = 95.0\nlon = 46.7\nkind = \"town\"\nsources = [\"s\"]\n",
        "a latitude off the globe",
    ),
    (
        "places",
        "[[place]]\nid = \"a\"\nname = \"A\"\nlat = 39.8\nlon = 46.7\nkind = \"citty\"\nsources = [\"s\"]\n",
        "an unknown place kind",
    ),
    (
        "places",
        "[[place]]\nid = \"a\"\nname = \"A\"\nlat = 39.8\nlon = 46.7\nkind = \"town\"\n",
        "a place without sources",
    ),
    (
        "places",
        "[[place]]\nid = \"a\"\nname = \"A\"\nlat = 39.8\nlon = 46.7\nkind = \"town\"\nsources = []\n",
        "a place with an empty list of sources",
    ),
    (
        "media",
        "[[image]]\nid = \"example-chart\"\nfile = \"images/example-chart.png\"\nalt = \"A chart\"\ncredit = \"N\"\nphotographer = \"P\"\n",
        "an unknown key",
    ),
    (
        "media",
        "[[image]]\nid = \"example-chart\"\nfile = \"images/example-chart.png\"\nalt = \"A chart\"\n",
        "an image without a credit",
    ),
    (
        "media",
        "[[image]]\nid = \"example-chart\"\nfile = \"images/example-chart.png\"\nalt = \"A chart\"\ncredit = \" \"\n",
        "a blank credit",
    ),
    (
        "media",
        "[[image]]\nid = \"example-chart\"\nfile = \"images/example-chart.png\"\ncredit = \"N\"\n",
        "an image without alt text",
    ),
    (
        "media",
        "[[image]]\nid = \"example-chart\"\nfile = \"images/example-chart.png\"\ndecorative = false\ncredit = \"N\"\n",
        "an image that is not decorative without alt text",
    ),
    (
        "media",
        "[[image]]\nid = \"example-chart\"\nfile = \"images/example-chart.png\"\nalt = \"A chart\"\ndecorative = true\ncredit = \"N\"\n",
        "a decorative image with alt text",
    ),
    (
        "media",
        "[[image]]\nid = \"Example chart\"\nfile = \"images/example-chart.png\"\nalt = \"A chart\"\ncredit = \"N\"\n",
        "an invalid id",
    ),
];

#[test]
fn the_schemas_reject_what_the_build_rejects() {
    for (name, text, mistake) in BROKEN {
        let kind = find(name).unwrap();
        assert!(
            !problems(&kind, text).is_empty(),
            "the {name} schema accepts {mistake}:\n{text}"
        );
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        explainer::scaffold::create(&site, &[]).unwrap();
        fs::write(site.join(kind.path()), text).unwrap();
        let checked = build(&BuildOptions {
            root: site,
            check_only: true,
            ..BuildOptions::default()
        });
        assert!(
            checked.is_err(),
            "the build accepts {mistake} in {name}:\n{text}"
        );
    }
}

/// Every translation file of the site at `root` (`content/data/LANG/<kind>.toml`), with the
/// schema of its kind's translations.
fn translation_files_of(root: &Path) -> Vec<(Kind, String)> {
    let data = root.join("content/data");
    let languages: Vec<String> = fs::read_dir(&data)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|entry| entry.path().is_dir())
        .filter_map(|entry| entry.file_name().to_str().map(str::to_owned))
        .collect();
    translations()
        .into_iter()
        .flat_map(|kind| {
            languages.iter().filter_map(move |language| {
                let path = kind.path().replace('*', language);
                Some((kind, fs::read_to_string(root.join(path)).ok()?))
            })
        })
        .collect()
}

#[test]
fn the_translation_schemas_accept_the_real_sites_translations() {
    let files = translation_files_of(&crate::common::repo());
    assert!(!files.is_empty(), "the real site has translated data");
    for (kind, text) in files {
        assert_eq!(
            problems(&kind, &text),
            Vec::<String>::new(),
            "{}",
            kind.path()
        );
    }
}

/// A new site with an edition in Russian whose translation of `kind` is `text`, checked.
fn check_translation(kind: &Kind, text: &str) -> bool {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    explainer::scaffold::create(&site, &["en".to_owned(), "ru".to_owned()]).unwrap();
    let path = site.join(kind.path().replace('*', "ru"));
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
    build(&BuildOptions {
        root: site,
        check_only: true,
        ..BuildOptions::default()
    })
    .is_ok()
}

/// Broken translations of the new site's entries, each rejected by the build and the schema.
const BROKEN_TRANSLATIONS: &[(&str, &str, &str)] = &[
    (
        "timeline",
        "[[event]]\nid = \"example-event\"\ndate = \"2023\"\n",
        "a field that is not translated",
    ),
    (
        "timeline",
        "[[events]]\nid = \"example-event\"\ntitle = \"T\"\n",
        "an unknown table",
    ),
    ("timeline", "[[event]]\ntitle = \"T\"\n", "no id"),
    (
        "timeline",
        "[[event]]\nid = \"example-event\"\ntitle = \" \"\n",
        "a blank title",
    ),
    (
        "glossary",
        "[[term]]\nid = \"example-city\"\ndefinition = 5\n",
        "a number for words",
    ),
];

#[test]
fn the_translation_schemas_reject_what_the_build_rejects() {
    let timeline = find_translation("timeline").unwrap();
    let good = "[[event]]\nid = \"example-event\"\ntitle = \"T\"\n";
    assert_eq!(problems(&timeline, good), Vec::<String>::new());
    assert!(
        check_translation(&timeline, good),
        "the build refuses {good}"
    );
    for (name, text, mistake) in BROKEN_TRANSLATIONS {
        let kind = find_translation(name).unwrap();
        assert!(
            !problems(&kind, text).is_empty(),
            "the {name} translation schema accepts {mistake}:\n{text}"
        );
        assert!(
            !check_translation(&kind, text),
            "the build accepts {mistake} in a {name} translation:\n{text}"
        );
    }
}

#[test]
fn explainer_schema_prints_each_translation_schema() {
    for kind in translations() {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_explainer"))
            .args(["schema", kind.name, "--translation"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", kind.name);
        let printed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(printed, serde_json::to_value(kind.schema()).unwrap());
    }
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_explainer"))
        .args(["schema", "config", "--translation"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("no translation"), "{message}");
}

#[test]
fn explainer_schema_prints_each_schema() {
    for kind in all() {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_explainer"))
            .args(["schema", kind.name])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", kind.name);
        let printed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(printed, serde_json::to_value(kind.schema()).unwrap());
        assert_eq!(printed["title"], kind.path().as_str());
    }
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_explainer"))
        .args(["schema", "sourses"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("'sources'"), "{message}");
}

#[test]
fn a_decorative_image_needs_no_alt_text() {
    let kind = find("media").unwrap();
    let text =
        "[[image]]\nid = \"a\"\nfile = \"images/a.png\"\ndecorative = true\ncredit = \"N\"\n";
    assert_eq!(problems(&kind, text), Vec::<String>::new());
}

#[test]
fn an_event_needs_its_sources() {
    let kind = find("timeline").unwrap();
    let text = "[[event]]\nid = \"a\"\ndate = \"2023-09-19\"\ntitle = \"A\"\n";
    assert!(!problems(&kind, text).is_empty());
    let text = "[[event]]\nid = \"a\"\ndate = 2023-09-19\ntitle = \"A\"\nsources = [\"s\"]\n";
    assert_eq!(problems(&kind, text), Vec::<String>::new());
}
