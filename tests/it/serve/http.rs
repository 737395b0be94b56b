//! Serving: pages, content types, the 404 page, the base path, paths outside the output,
//! ports, and what `start` refuses.

use super::*;

#[test]
fn serves_pages_content_types_and_the_sites_404() {
    let site = fixture("serve");
    let server = start(site.path(), Some("http://localhost/"));
    assert!(server.addr().ip().is_loopback(), "loopback by default");

    let home = get(&server, "/");
    assert_eq!(home.status, 200);
    assert!(
        home.content_type.starts_with("text/html"),
        "{}",
        home.content_type
    );
    let page = html(&home.body);
    assert!(home.body.contains("The first version of the article."));
    assert_eq!(
        select(&page, "script")
            .iter()
            .filter(|s| s.inner_html().contains("EventSource"))
            .count(),
        1
    );
    assert!(overlay_text(&page).is_none());
    let canonical = select(&page, "link[rel=canonical]")[0]
        .attr("href")
        .unwrap()
        .to_owned();
    assert_eq!(
        canonical,
        format!("http://{}/", server.addr()),
        "absolute URLs point at the preview"
    );

    assert_eq!(get(&server, "/notes/history/").status, 200);
    assert_eq!(get(&server, "/notes/history").location, "/notes/history/");
    let css = get(&server, "/style.css");
    assert_eq!((css.status, css.content_type.as_str()), (200, "text/css"));
    assert!(!css.body.contains("EventSource"));

    let missing = get(&server, "/no/such/page/");
    assert_eq!(missing.status, 404);
    assert!(
        text_of_h1(&missing.body).contains("Page not found"),
        "the site's own 404 page"
    );
    assert!(missing.body.contains("EventSource"));

    let output = server.output_dir().to_path_buf();
    assert!(output.starts_with(std::env::temp_dir()));
    server.shutdown().unwrap();
    assert!(!output.exists(), "the temporary build is removed");
    assert!(
        !site.path().join("public").exists(),
        "public/ is not touched"
    );

    crate::common::build_ok(site.path());
    let built = fs::read_to_string(site.path().join("public/index.html")).unwrap();
    assert!(
        !built.contains("EventSource") && !built.contains("__explainer"),
        "`build` output has no reload script"
    );
}

#[test]
fn paths_outside_the_output_are_refused_in_every_encoding() {
    let site = fixture("serve");
    let server = start(site.path(), None);
    let secret = server.output_dir().parent().unwrap().join("secret.txt");
    fs::write(&secret, "TOP-SECRET").unwrap();
    fs::write(site.path().join("secret.txt"), "TOP-SECRET").unwrap();
    for target in [
        "/repo/../secret.txt",
        "/repo/..%2fsecret.txt",
        "/repo/%2e%2e/secret.txt",
        "/repo/%2E%2E%2Fsecret.txt",
        "/repo/notes/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/repo/%252e%252e%252fsecret.txt",
        "/repo/%25252e%25252e/secret.txt",
        "/repo/..\\secret.txt",
        "/repo/..%5csecret.txt",
        "/repo/%2e%2e%5c%2e%2e%5csecret.txt",
        "/repo/.%2e/.%2e/secret.txt",
        "/repo/..%00/secret.txt",
        "/../secret.txt",
        "/%2e%2e/secret.txt",
    ] {
        let (status, text) = raw_get(server.addr(), target);
        assert!(status == 400 || status == 404, "{target}: status {status}");
        assert!(!text.contains("TOP-SECRET"), "{target} leaked a file");
    }
    server.shutdown().unwrap();
}

#[test]
fn the_site_is_served_under_its_base_path() {
    let site = fixture("serve");
    let server = start(site.path(), None);
    assert_eq!(server.url(), format!("http://{}/repo/", server.addr()));

    let root = get(&server, "/");
    assert_eq!((root.status, root.location.as_str()), (307, "/repo/"));
    assert_eq!(get(&server, "/repo").location, "/repo/");
    let home = get(&server, "/repo/");
    assert_eq!(home.status, 200);
    let page = html(&home.body);
    let links: Vec<_> = select(&page, "a")
        .iter()
        .filter_map(|a| a.attr("href"))
        .map(str::to_owned)
        .collect();
    assert!(
        links.iter().any(|href| href == "/repo/notes/history/"),
        "{links:?}"
    );
    assert_eq!(
        get(&server, "/repo/notes/history").location,
        "/repo/notes/history/"
    );
    assert_eq!(get(&server, "/repo/notes/history/").status, 200);

    let outside = get(&server, "/notes/history/");
    assert_eq!(
        outside.status, 404,
        "paths outside the base path are not the site"
    );
    assert!(text_of_h1(&outside.body).contains("Page not found"));
    assert_eq!(get(&server, "/repository/").status, 404);
    server.shutdown().unwrap();

    let overridden = start(site.path(), Some("https://example.com/other/"));
    assert_eq!(get(&overridden, "/other/").status, 200);
    assert_eq!(get(&overridden, "/repo/").status, 404);
    overridden.shutdown().unwrap();
}

#[test]
fn start_refuses_what_is_not_a_site() {
    let empty = tempfile::tempdir().unwrap();
    let error = Server::start(ServeOptions {
        root: empty.path().to_path_buf(),
        port: 0,
        ..ServeOptions::default()
    })
    .err()
    .unwrap();
    assert!(
        error.to_string().contains("has no explainer.toml"),
        "{error}"
    );
    let site = fixture("serve");
    let options = ServeOptions {
        root: site.path().to_path_buf(),
        port: 0,
        base_url: Some("example.org".to_owned()),
        ..ServeOptions::default()
    };
    let error = Server::start(options).err().unwrap();
    assert!(error.to_string().starts_with("--base-url:"), "{error}");
}

#[test]
fn a_taken_port_gives_the_next_one() {
    let site = fixture("serve");
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let server = Server::start(ServeOptions {
        root: site.path().to_path_buf(),
        port,
        ..ServeOptions::default()
    })
    .unwrap();
    assert_ne!(server.addr().port(), port);
    assert_eq!(get(&server, "/repo/").status, 200);
    server.shutdown().unwrap();
}
