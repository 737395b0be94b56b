//! Publishing: links that honour the base URL's path, the 404 page, feeds, sitemap,
//! schema.org metadata, the Pages workflow, and `explainer new`.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;

use crate::common::*;
use scraper::Html;

/// Every `href`/`src` of every HTML page that points into the site must name a file of the
/// output, and its fragment an element of that file.
fn assert_internal_links_resolve(public: &Path, base_path: &str, origin: &str) {
    let mut ids: HashMap<String, HashSet<String>> = HashMap::new();
    let mut links = Vec::new();
    for file in files_under(public)
        .into_iter()
        .filter(|f| f.ends_with(".html"))
    {
        let html = Html::parse_document(&fs::read_to_string(public.join(&file)).unwrap());
        let found: HashSet<String> = select(&html, "[id]")
            .iter()
            .filter_map(|e| e.value().attr("id"))
            .map(str::to_owned)
            .collect();
        ids.insert(file.clone(), found);
        for element in select(&html, "[href], [src]") {
            for attr in ["href", "src"] {
                if let Some(url) = element.value().attr(attr) {
                    links.push((file.clone(), url.to_owned()));
                }
            }
        }
    }
    let mut checked = 0;
    for (file, url) in links {
        let url = url.strip_prefix(origin).map(str::to_owned).unwrap_or(url);
        if url.contains("://") || url.starts_with("mailto:") {
            continue;
        }
        let (path, fragment) = url
            .split_once('#')
            .map_or((url.as_str(), None), |(p, f)| (p, Some(f)));
        let target = if path.is_empty() {
            file.clone()
        } else {
            assert!(
                path.starts_with(&format!("{base_path}/")),
                "{file}: link {url} does not start with the base path {base_path}/"
            );
            let relative = path[base_path.len() + 1..].to_owned();
            if relative.is_empty() || relative.ends_with('/') {
                format!("{relative}index.html")
            } else {
                relative
            }
        };
        assert!(
            public.join(&target).is_file(),
            "{file}: link {url} names no file ({target})"
        );
        if let (Some(fragment), Some(known)) = (fragment, ids.get(&target)) {
            assert!(
                known.contains(fragment),
                "{file}: link {url}: no element with id {fragment:?} in {target}"
            );
        }
        checked += 1;
    }
    assert!(checked > 50, "only {checked} internal links checked");
}

#[test]
fn every_internal_link_resolves_under_a_sub_path() {
    let site = real_site();
    build_with_base(site.path(), "https://org.github.io/karabakh-explainer/").unwrap();
    assert_internal_links_resolve(
        &site.path().join("public"),
        "/karabakh-explainer",
        "https://org.github.io",
    );
}

#[test]
fn every_internal_link_resolves_at_a_domain_root() {
    let site = real_site();
    build_with_base(site.path(), "https://explainer.example.org/").unwrap();
    assert_internal_links_resolve(
        &site.path().join("public"),
        "",
        "https://explainer.example.org",
    );
}

#[test]
fn not_found_page_nojekyll_and_cname() {
    let site = fixture("basic");
    let config = site.path().join("explainer.toml");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(
        &config,
        format!("{text}cname = \"explainer.example.org\"\n"),
    )
    .unwrap();
    build_with_base(site.path(), "https://org.github.io/repo/").unwrap();
    let public = site.path().join("public");
    assert!(public.join(".nojekyll").is_file());
    assert_eq!(
        fs::read_to_string(public.join("CNAME")).unwrap().trim(),
        "explainer.example.org"
    );
    let html = Html::parse_document(&fs::read_to_string(public.join("404.html")).unwrap());
    for element in select(&html, "a[href], link[href]") {
        let href = element.value().attr("href").unwrap();
        let absolute =
            href.starts_with("/repo/") || href.starts_with("https://") || href.starts_with('#');
        assert!(absolute, "404 link {href} is not absolute");
    }
}

fn json_ld(html: &Html) -> serde_json::Value {
    let script = select(html, "script[type='application/ld+json']");
    assert_eq!(script.len(), 1);
    serde_json::from_str(&script[0].text().collect::<String>()).expect("JSON-LD parses")
}

fn node<'a>(graph: &'a serde_json::Value, kind: &str) -> &'a serde_json::Value {
    graph["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["@type"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in {graph}"))
}

#[test]
fn json_ld_describes_article_and_notes() {
    let site = fixture("basic");
    fs::write(
        site.path().join("content/notes/second.md"),
        "+++\ntitle = \"Quote \\\"</script><b>\\\"\"\ndate = \"2023-09-22\"\nauthors = [\"A\"]\n[[updates]]\ndate = \"2023-09-23\"\ntext = \"Fixed </script> a figure\"\ncorrection = true\n+++\nBody.\n",
    )
    .unwrap();
    build_ok(site.path());
    let article = json_ld(&page(site.path(), "index.html"));
    let news = node(&article, "NewsArticle");
    assert_eq!(news["headline"], "The fixture article");
    assert_eq!(news["datePublished"], "2023-09-21");
    assert_eq!(news["dateModified"], "2023-09-25");
    assert_eq!(news["author"][0]["name"], "Test desk");
    assert_eq!(news["correction"][0]["@type"], "CorrectionComment");
    assert!(node(&article, "BreadcrumbList")["itemListElement"].is_array());
    let note = json_ld(&page(site.path(), "notes/second/index.html"));
    let background = node(&note, "BackgroundNewsArticle");
    assert_eq!(background["headline"], "Quote \"</script><b>\"");
    assert_eq!(
        background["correction"][0]["text"],
        "Fixed </script> a figure"
    );
    let crumbs = node(&note, "BreadcrumbList")["itemListElement"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(crumbs, 3);
}

#[test]
fn feed_and_sitemap_are_xml_with_absolute_urls() {
    let site = fixture("basic");
    build_with_base(site.path(), "https://org.github.io/repo/").unwrap();
    let public = site.path().join("public");
    let feed_text = fs::read_to_string(public.join("atom.xml")).unwrap();
    let feed = roxmltree::Document::parse(&feed_text).expect("atom.xml is XML");
    let entries: Vec<_> = feed
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    assert!(
        entries.len() >= 3,
        "dated pages plus updates and corrections: {}",
        entries.len()
    );
    let kinds: Vec<&str> = feed
        .descendants()
        .filter(|n| n.has_tag_name("category"))
        .filter_map(|n| n.attribute("term"))
        .collect();
    assert!(kinds.contains(&"correction") && kinds.contains(&"update") && kinds.contains(&"page"));
    for link in feed.descendants().filter(|n| n.has_tag_name("link")) {
        assert!(
            link.attribute("href")
                .unwrap()
                .starts_with("https://org.github.io/repo/")
        );
    }
    let sitemap_text = fs::read_to_string(public.join("sitemap.xml")).unwrap();
    let sitemap = roxmltree::Document::parse(&sitemap_text).expect("sitemap.xml is XML");
    let locs: Vec<&str> = sitemap
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        locs.contains(&"https://org.github.io/repo/notes/history/"),
        "{locs:?}"
    );
    assert!(
        locs.iter()
            .all(|l| l.starts_with("https://org.github.io/repo/"))
    );
    assert!(
        sitemap
            .descendants()
            .any(|n| n.has_tag_name("lastmod") && n.text() == Some("2023-09-25"))
    );
    let robots = fs::read_to_string(public.join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://org.github.io/repo/sitemap.xml"));
}

#[test]
fn every_page_has_news_metadata() {
    let site = fixture("basic");
    build_ok(site.path());
    let html = page(site.path(), "notes/history/index.html");
    assert_eq!(select(&html, "html")[0].value().attr("lang"), Some("en-GB"));
    for selector in [
        "meta[name=description]",
        "link[rel=canonical][href='https://example.org/notes/history/']",
        "meta[property='og:title']",
        "meta[property='og:type'][content=article]",
        "meta[name='twitter:card']",
    ] {
        assert_eq!(select(&html, selector).len(), 1, "{selector}");
    }
}

#[test]
fn new_site_builds_at_once_and_refuses_non_empty_folders() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("next");
    let written = explainer::scaffold::create(&site, &[]).unwrap();
    assert!(written > 10);
    assert!(site.join("templates/base.html").is_file());
    assert_eq!(
        fs::read(site.join("templates/base.html")).unwrap(),
        fs::read(repo().join("templates/base.html")).unwrap(),
        "new sites get the project's own templates"
    );
    let report = build_ok(&site);
    assert!(report.pages >= 4);
    // An example map in the article, and the places page with a map of them all.
    for relative in ["index.html", "places/index.html"] {
        let html = page(&site, relative);
        assert_eq!(
            select(&html, "figure.map > svg[role='img']").len(),
            1,
            "{relative}"
        );
    }
    // The example article shows a figure with its credit, of an image the project draws.
    let html = fs::read_to_string(site.join("public/index.html")).unwrap();
    assert!(html.contains("<figure class=\"figure\" id=\"figure-example-chart\">"));
    assert!(html.contains("Credit:</span> Your newsroom"));
    let err = explainer::scaffold::create(&site, &[]).unwrap_err();
    assert!(err.to_string().contains("not empty"));
}

#[test]
fn pages_workflow_has_the_jobs_and_permissions_it_needs() {
    let text = fs::read_to_string(repo().join(".github/workflows/pages.yml")).unwrap();
    let workflow: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).expect("valid YAML");
    let permissions = &workflow["permissions"];
    assert_eq!(permissions["contents"].as_str(), Some("read"));
    assert_eq!(permissions["pages"].as_str(), Some("write"));
    assert_eq!(permissions["id-token"].as_str(), Some("write"));
    assert_eq!(workflow["concurrency"]["group"].as_str(), Some("pages"));
    let jobs = &workflow["jobs"];
    let uses: Vec<String> = ["build", "deploy"]
        .iter()
        .flat_map(|job| jobs[*job]["steps"].as_sequence().unwrap().iter())
        .filter_map(|step| step["uses"].as_str().map(str::to_owned))
        .collect();
    for action in [
        "actions/configure-pages@",
        "actions/upload-pages-artifact@",
        "actions/deploy-pages@",
    ] {
        assert!(
            uses.iter().any(|u| u.starts_with(action)),
            "{action} missing from {uses:?}"
        );
    }
    let build_steps = serde_yaml_ng::to_string(&jobs["build"]).unwrap();
    assert!(
        build_steps.contains("--base-url") && build_steps.contains("steps.pages.outputs.base_url")
    );
}

#[test]
fn ci_workflow_runs_the_ci_script_on_pull_requests() {
    let text = fs::read_to_string(repo().join(".github/workflows/ci.yml")).unwrap();
    let workflow: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).expect("valid YAML");
    assert!(workflow["on"].get("pull_request").is_some());
    assert_eq!(workflow["on"]["push"]["branches"][0].as_str(), Some("main"));
    let steps = serde_yaml_ng::to_string(&workflow["jobs"]["ci"]["steps"]).unwrap();
    assert!(steps.contains("bash .ci/run"), "{steps}");
    // The Rust version the README promises is built with, read from Cargo.toml.
    let msrv = serde_yaml_ng::to_string(&workflow["jobs"]["msrv"]["steps"]).unwrap();
    assert!(
        msrv.contains("rust-version") && msrv.contains("check --locked"),
        "{msrv}"
    );
}

#[test]
fn the_share_image_exists_in_the_output() {
    let site = real_site();
    build_with_base(site.path(), "https://org.github.io/karabakh-explainer/").unwrap();
    let html = page(site.path(), "index.html");
    let image = select(&html, "meta[property='og:image']")[0]
        .value()
        .attr("content")
        .unwrap()
        .to_owned();
    let file = image
        .strip_prefix("https://org.github.io/karabakh-explainer/")
        .expect("absolute image URL");
    assert!(
        site.path().join("public").join(file).is_file(),
        "{image} is not in the output"
    );
}
