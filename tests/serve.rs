//! `explainer serve` end to end: a real server on a free port, real HTTP requests, real file
//! edits. Every wait is bounded by a timeout.

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{fixture, select};
use explainer::serve::{ServeOptions, Server};
use scraper::Html;

/// The longest any single wait may take.
const TIMEOUT: Duration = Duration::from_secs(20);

fn start(root: &Path, base_url: Option<&str>) -> Server {
    Server::start(ServeOptions {
        root: root.to_path_buf(),
        port: 0,
        base_url: base_url.map(str::to_owned),
        ..ServeOptions::default()
    })
    .unwrap()
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .timeout_global(Some(TIMEOUT))
        .build()
        .into()
}

/// A response: status, content type, `Location` and body.
struct Reply {
    status: u16,
    content_type: String,
    location: String,
    body: String,
}

fn get(server: &Server, path: &str) -> Reply {
    let mut response = agent()
        .get(format!("http://{}{path}", server.addr()))
        .call()
        .unwrap();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let (content_type, location) = (header("content-type"), header("location"));
    Reply {
        status: response.status().as_u16(),
        content_type,
        location,
        body: response.body_mut().read_to_string().unwrap(),
    }
}

/// A request written by hand, so that no client normalizes the path; returns status and body.
fn raw_get(addr: SocketAddr, target: &str) -> (u16, String) {
    let mut stream = TcpStream::connect_timeout(&addr, TIMEOUT).unwrap();
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, text)
}

/// The reload event stream: yields build generations.
struct Events(Box<dyn BufRead>);

impl Events {
    fn open(server: &Server, base_path: &str) -> Events {
        let response = agent()
            .get(format!(
                "http://{}{base_path}/__explainer/events",
                server.addr()
            ))
            .call()
            .unwrap();
        assert_eq!(response.status(), 200);
        Events(Box::new(BufReader::new(response.into_body().into_reader())))
    }

    fn next(&mut self) -> u64 {
        let mut line = String::new();
        loop {
            line.clear();
            assert!(
                self.0.read_line(&mut line).unwrap() > 0,
                "the event stream ended"
            );
            if let Some(data) = line.trim_end().strip_prefix("data:") {
                return data.trim().parse().unwrap();
            }
        }
    }
}

fn html(body: &str) -> Html {
    Html::parse_document(body)
}

fn overlay_text(page: &Html) -> Option<String> {
    select(page, "div[role=alert]")
        .first()
        .map(|e| e.text().collect())
}

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

    common::build_ok(site.path());
    let built = fs::read_to_string(site.path().join("public/index.html")).unwrap();
    assert!(
        !built.contains("EventSource") && !built.contains("__explainer"),
        "`build` output has no reload script"
    );
}

fn text_of_h1(body: &str) -> String {
    common::text_of(&html(body), "h1")
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
fn edits_reload_and_errors_show_until_fixed() {
    let site = fixture("serve");
    let server = start(site.path(), None);
    let mut events = Events::open(&server, "/repo");
    let first = events.next();
    let index = site.path().join("content/index.md");
    let good = fs::read_to_string(&index).unwrap();

    fs::write(&index, good.replace("first version", "second version")).unwrap();
    let second = events.next();
    assert!(second > first);
    let page = get(&server, "/repo/");
    assert!(page.body.contains("The second version of the article."));
    assert!(
        page.body.contains(&format!("m.data!==\"{second}\"")),
        "the page knows its generation"
    );

    fs::write(
        &index,
        good.replace("title = \"Preview home\"", "title = \"Preview home"),
    )
    .unwrap();
    assert!(events.next() > second);
    let broken = get(&server, "/repo/");
    assert_eq!(broken.status, 200);
    let page = html(&broken.body);
    let overlay = overlay_text(&page).expect("an overlay while the build is broken");
    assert!(overlay.contains("content/index.md:2"), "{overlay}");
    assert!(
        broken.body.contains("The second version of the article."),
        "over the last good page"
    );
    let note = html(&get(&server, "/repo/notes/history/").body);
    assert!(
        overlay_text(&note).is_some(),
        "every page carries the overlay"
    );
    let missing = get(&server, "/repo/missing/");
    assert_eq!(missing.status, 404);
    assert!(overlay_text(&html(&missing.body)).is_some());

    fs::write(&index, good.replace("first version", "fixed version")).unwrap();
    events.next();
    let fixed = get(&server, "/repo/");
    assert!(overlay_text(&html(&fixed.body)).is_none());
    assert!(fixed.body.contains("The fixed version of the article."));
    server.shutdown().unwrap();
}

#[test]
fn a_failed_first_build_is_shown_until_fixed() {
    let site = fixture("serve");
    let index = site.path().join("content/index.md");
    let good = fs::read_to_string(&index).unwrap();
    fs::write(
        &index,
        good.replace(
            "+++\nThe first",
            "+++\n[broken](@/notes/missing.md)\nThe first",
        ),
    )
    .unwrap();
    let server = start(site.path(), None);
    let mut events = Events::open(&server, "/repo");
    let first = events.next();
    let unbuilt = get(&server, "/repo/");
    assert_eq!(unbuilt.status, 503);
    let overlay = overlay_text(&html(&unbuilt.body)).expect("the errors are shown");
    assert!(overlay.contains("content/index.md:6"), "{overlay}");

    fs::write(&index, &good).unwrap();
    assert!(events.next() > first);
    let home = get(&server, "/repo/");
    assert_eq!(home.status, 200);
    assert!(overlay_text(&html(&home.body)).is_none());
    server.shutdown().unwrap();
}

#[test]
fn static_changes_are_copied_without_a_rebuild() {
    let site = fixture("serve");
    let server = start(site.path(), None);
    let mut events = Events::open(&server, "/repo");
    events.next();
    let index_html = server.output_dir().join("index.html");
    let inode = fs::metadata(&index_html).unwrap().ino();

    let mut css = fs::read_to_string(site.path().join("static/style.css")).unwrap();
    css.push_str("\n/* preview test */\n");
    fs::write(site.path().join("static/style.css"), &css).unwrap();
    fs::write(site.path().join("static/extra.txt"), "extra").unwrap();
    events.next();
    assert!(
        get(&server, "/repo/style.css")
            .body
            .ends_with("/* preview test */\n")
    );
    assert_eq!(get(&server, "/repo/extra.txt").body, "extra");
    assert_eq!(
        fs::metadata(&index_html).unwrap().ino(),
        inode,
        "pages were not rebuilt"
    );

    fs::remove_file(site.path().join("static/extra.txt")).unwrap();
    events.next();
    assert_eq!(get(&server, "/repo/extra.txt").status, 404);
    server.shutdown().unwrap();
}

#[test]
fn a_burst_of_saves_gives_one_rebuild() {
    let site = fixture("serve");
    let server = start(site.path(), None);
    let mut events = Events::open(&server, "/repo");
    let first = events.next();
    let note = site.path().join("content/notes/history.md");
    let text = fs::read_to_string(&note).unwrap();
    // An editor saving through a temporary file, then a second file: all in one burst.
    for step in 0..5 {
        fs::write(site.path().join("content/notes/.history.md.swp"), "swap").unwrap();
        fs::write(
            &note,
            text.replace("How it began.", &format!("Step {step}.")),
        )
        .unwrap();
    }
    fs::write(
        site.path().join("content/notes/other.md"),
        "+++\ntitle = \"Other\"\n+++\nOther.\n",
    )
    .unwrap();
    assert_eq!(events.next(), first + 1);
    assert!(
        get(&server, "/repo/notes/history/")
            .body
            .contains("Step 4.")
    );

    // The next build is the next generation: the burst gave no second rebuild.
    fs::write(&note, text.replace("How it began.", "Marker.")).unwrap();
    assert_eq!(events.next(), first + 2);
    assert!(
        get(&server, "/repo/notes/history/")
            .body
            .contains("Marker.")
    );
    server.shutdown().unwrap();
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

#[test]
fn the_command_stops_cleanly_on_ctrl_c() {
    let site = fixture("serve");
    let temporary = tempfile::tempdir().unwrap();
    let mut child = Running(
        Command::new(env!("CARGO_BIN_EXE_explainer"))
            .args(["serve", "--port", "0", "--root"])
            .arg(site.path())
            .env("TMPDIR", temporary.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let mut lines = BufReader::new(child.0.stdout.take().unwrap()).lines();
    let url = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|line| {
            line.strip_prefix("Serving ")
                .and_then(|rest| rest.split(' ').next())
                .map(str::to_owned)
        })
        .expect("the command prints the address");
    let response = agent().get(&url).call().unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        fs::read_dir(temporary.path()).unwrap().count(),
        1,
        "the build lives in TMPDIR"
    );

    let interrupted = Command::new("kill")
        .args(["-INT", &child.0.id().to_string()])
        .status()
        .unwrap();
    assert!(interrupted.success());
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(status) = child.0.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the server did not stop");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status}");
    assert_eq!(
        fs::read_dir(temporary.path()).unwrap().count(),
        0,
        "the temporary build is removed"
    );
    assert!(!site.path().join("public").exists());
}

/// A child process, killed if a test fails before it stops.
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
