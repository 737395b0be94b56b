//! `explainer serve` end to end: a real server on a free port, real HTTP requests, real file
//! edits. Every wait is bounded by a timeout.

mod http;
mod incremental;
mod live;

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{fixture, select};
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
    agent_with_timeout(TIMEOUT)
}

/// An agent whose requests, bodies included, give up after `timeout`.
fn agent_with_timeout(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .timeout_global(Some(timeout))
        .build()
        .into()
}

/// How long a test may read the preview's event stream: it stays open across every edit
/// of the test, so that a slow machine's rebuilds must not end it.
const EVENTS_TIMEOUT: Duration = Duration::from_secs(180);

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
        let response = agent_with_timeout(EVENTS_TIMEOUT)
            .get(format!(
                "http://{}{base_path}/__explainer/events",
                server.addr()
            ))
            .call()
            .unwrap();
        assert_eq!(response.status(), 200);
        Events(Box::new(BufReader::new(response.into_body().into_reader())))
    }

    /// Waits for builds until `done` holds (a burst may reach the server as more than one).
    fn until(&mut self, mut done: impl FnMut() -> bool) {
        while !done() {
            self.next();
        }
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

fn text_of_h1(body: &str) -> String {
    crate::common::text_of(&html(body), "h1")
}

/// A child process, killed if a test fails before it stops.
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
