//! Text from front matter and data files reaches readers as text: in elements,
//! attributes, JSON-LD and the feed, `</script>`, quotes, `<b>` and `&` break nothing;
//! raw HTML in Markdown passes only where the config allows it.

use std::fs;
use std::path::Path;

use scraper::Html;

use super::{base_site, write};
use crate::common::{build_ok, select};

/// Everything that could close an element, end an attribute or start a tag.
const NASTY: &str = "Q \"dq\" 'sq' </script><b>bold</b> & &amp; <!-- c --> </title>";

/// A TOML string holding [`NASTY`].
fn toml_string() -> String {
    format!("{NASTY:?}")
}

fn page(root: &Path, relative: &str) -> Html {
    Html::parse_document(&fs::read_to_string(root.join("public").join(relative)).unwrap())
}

fn texts(html: &Html, selector: &str) -> Vec<String> {
    select(html, selector)
        .iter()
        .map(|e| e.text().collect::<String>())
        .collect()
}

/// The JSON-LD of a page: every script of that type parses.
fn json_ld(html: &Html) -> Vec<serde_json::Value> {
    texts(html, "script[type='application/ld+json']")
        .iter()
        .map(|t| serde_json::from_str(t).expect("JSON-LD parses"))
        .collect()
}

/// True when some string in the JSON equals `text`.
fn json_has(value: &serde_json::Value, text: &str) -> bool {
    match value {
        serde_json::Value::String(s) => s == text,
        serde_json::Value::Array(list) => list.iter().any(|v| json_has(v, text)),
        serde_json::Value::Object(map) => map.values().any(|v| json_has(v, text)),
        _ => false,
    }
}

/// Nothing of the text became markup: no `<b>`, no extra `<script>`, the head holds.
fn assert_structure_intact(html: &Html, name: &str) {
    assert!(
        select(html, "b").is_empty(),
        "{name}: text became a <b> element"
    );
    assert!(
        select(html, "script:not([type='application/ld+json'])").is_empty(),
        "{name}: a script appeared"
    );
    assert_eq!(select(html, "head > title").len(), 1, "{name}");
    assert_eq!(
        select(html, "body main").len(),
        1,
        "{name}: the body lost its structure"
    );
}

#[test]
fn text_from_front_matter_and_data_files_is_escaped_everywhere() {
    let site = base_site();
    let root = site.path();
    let nasty = toml_string();
    let config = fs::read_to_string(root.join("explainer.toml"))
        .unwrap()
        .replace("title = \"Base site\"", &format!("title = {nasty}"));
    write(root, "explainer.toml", config);
    write(
        root,
        "content/notes/history.md",
        format!(
            "+++\ntitle = {nasty}\ndescription = {nasty}\ndate = \"2023-09-20\"\nauthors = [{nasty}]\n+++\nBody.\n"
        ),
    );
    let sources = fs::read_to_string(root.join("content/data/sources.toml"))
        .unwrap()
        .replace("\"The desk\"", &nasty);
    write(root, "content/data/sources.toml", sources);
    let timeline = fs::read_to_string(root.join("content/data/timeline.toml"))
        .unwrap()
        .replace("\"The offensive begins\"", &nasty);
    write(root, "content/data/timeline.toml", timeline);
    let glossary = fs::read_to_string(root.join("content/data/glossary.toml"))
        .unwrap()
        .replace("\"Lachin corridor\"", &nasty);
    write(root, "content/data/glossary.toml", glossary);
    let casualties = fs::read_to_string(root.join("content/data/casualties.toml"))
        .unwrap()
        .replace("\"The offensive\"", &nasty);
    write(root, "content/data/casualties.toml", casualties);
    build_ok(root);

    let note = page(root, "notes/history/index.html");
    assert_structure_intact(&note, "note");
    assert!(
        texts(&note, "h1").contains(&NASTY.to_owned()),
        "{:?}",
        texts(&note, "h1")
    );
    assert!(texts(&note, "head > title")[0].contains(NASTY));
    let description = select(&note, "meta[name=description]")[0]
        .value()
        .attr("content")
        .unwrap()
        .to_owned();
    assert_eq!(description, NASTY);
    assert!(
        json_ld(&note).iter().any(|ld| json_has(ld, NASTY)),
        "the note's JSON-LD lost the title"
    );

    for (file, what) in [
        ("sources/index.html", "source name"),
        ("timeline/index.html", "event title"),
        ("glossary/index.html", "term"),
        ("casualties/index.html", "scope"),
    ] {
        let html = page(root, file);
        assert_structure_intact(&html, file);
        let body = texts(&html, "main").concat();
        assert!(
            body.contains(NASTY),
            "{file}: the {what} is not shown as written"
        );
        assert!(!json_ld(&html).is_empty(), "{file}: no JSON-LD");
    }
    let glossary = page(root, "glossary/index.html");
    assert!(
        json_ld(&glossary).iter().any(|ld| json_has(ld, NASTY)),
        "the glossary's JSON-LD lost the term"
    );

    let feed = fs::read_to_string(root.join("public/atom.xml")).unwrap();
    let xml = roxmltree::Document::parse(&feed).expect("atom.xml parses");
    let titles: Vec<&str> = xml
        .descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|n| n.text())
        .collect();
    assert!(titles.contains(&NASTY), "{titles:?}");
    for export in ["timeline/timeline.json", "casualties/casualties.json"] {
        let json: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(root.join("public").join(export)).unwrap())
                .unwrap();
        assert!(json_has(&json, NASTY), "{export} lost the text");
    }
}

const RAW: &str = "<script>alert(1)</script>\n\n<b>bold</b> <img src=x onerror=alert(1)> [a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) <javascript:alert(3)> [c](data:text/html,x) [ok](https://example.org/)\n";

fn raw_html_site(unsafe_html: Option<bool>) -> tempfile::TempDir {
    let site = base_site();
    let root = site.path();
    if let Some(allowed) = unsafe_html {
        let config = fs::read_to_string(root.join("explainer.toml")).unwrap();
        write(
            root,
            "explainer.toml",
            config.replace(
                "[casualties]",
                &format!("[markdown]\nunsafe_html = {allowed}\n\n[casualties]"),
            ),
        );
    }
    write(
        root,
        "content/raw.md",
        format!("+++\ntitle = \"Raw\"\n+++\n{RAW}"),
    );
    let timeline = fs::read_to_string(root.join("content/data/timeline.toml"))
        .unwrap()
        .replace("body = \"", "body = \"<b>bold</b> <script>x()</script> ");
    write(root, "content/data/timeline.toml", timeline);
    build_ok(root);
    site
}

#[test]
fn unsafe_html_false_strips_raw_html_and_script_links() {
    let site = raw_html_site(Some(false));
    for file in ["raw/index.html", "timeline/index.html"] {
        let html = page(site.path(), file);
        assert_structure_intact(&html, file);
        assert!(select(&html, "img").is_empty(), "{file}");
        for link in select(&html, "a[href]") {
            let href = link.value().attr("href").unwrap().to_ascii_lowercase();
            assert!(
                !href.starts_with("javascript:") && !href.starts_with("data:"),
                "{file}: {href}"
            );
        }
    }
    let html = page(site.path(), "raw/index.html");
    assert!(
        select(&html, "a[href='https://example.org/']").len() == 1,
        "ordinary links stay"
    );
}

#[test]
fn raw_html_passes_by_default() {
    let site = raw_html_site(None);
    let html = page(site.path(), "raw/index.html");
    assert_eq!(texts(&html, "main b"), vec!["bold"]);
}
