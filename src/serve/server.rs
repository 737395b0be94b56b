//! The preview's HTTP side: the site's files under its base path, with the reload script
//! (and the error overlay) injected into HTML responses.

use std::sync::Arc;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::header::{self, HeaderValue};
use axum::http::{Method, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use percent_encoding::{CONTROLS, percent_decode_str, utf8_percent_encode};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use super::reload::{self, EVENTS_PATH};
use super::state::{SiteState, Status};

/// The site's page for missing paths, at the output's top.
const NOT_FOUND_PAGE: &str = "404.html";

/// The content type of the pages the server writes: the build writes UTF-8.
const HTML: &str = "text/html; charset=utf-8";

/// The largest HTML page the server rewrites (larger ones are an error, not a truncation).
const MAX_HTML: usize = 64 * 1024 * 1024;

/// The preview's routes: everything goes through [`respond`].
pub(crate) fn router(state: Arc<SiteState>) -> Router {
    Router::new().fallback(handle).with_state(state)
}

async fn handle(State(state): State<Arc<SiteState>>, request: Request) -> Response {
    let mut response = respond(&state, request).await;
    // A preview must never show a stale page or overlay.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

async fn respond(state: &SiteState, mut request: Request) -> Response {
    let path = request.uri().path().to_owned();
    if !is_safe(&path) {
        return (
            StatusCode::BAD_REQUEST,
            "Bad request: this path leaves the site.\n",
        )
            .into_response();
    }
    let status = state.status();
    let base = status.base_path.as_str();
    let Some(rest) = within_base(&path, base) else {
        return if path == "/" {
            Redirect::temporary(&format!("{}/", encoded(base))).into_response()
        } else {
            not_found(state, &status).await
        };
    };
    if rest.is_empty() {
        let query = request
            .uri()
            .query()
            .map(|q| format!("?{q}"))
            .unwrap_or_default();
        return Redirect::temporary(&format!("{}/{query}", encoded(base))).into_response();
    }
    if rest == EVENTS_PATH {
        return reload::events(state).into_response();
    }
    if !status.has_site {
        return html_response(
            StatusCode::SERVICE_UNAVAILABLE,
            reload::unbuilt_page(&status),
        );
    }
    let Some(uri) = rewrite(request.uri(), rest) else {
        return (StatusCode::BAD_REQUEST, "Bad request.\n").into_response();
    };
    *request.uri_mut() = uri;
    // Pages change with the overlay even when their file did not: never answer "not modified".
    for conditional in [
        header::IF_MODIFIED_SINCE,
        header::IF_NONE_MATCH,
        header::IF_RANGE,
    ] {
        request.headers_mut().remove(conditional);
    }
    let head = request.method() == Method::HEAD;
    let files = ServeDir::new(state.output())
        .redirect_path_prefix(base)
        .not_found_service(ServeFile::new(state.output().join(NOT_FOUND_PAGE)));
    let response = match files.oneshot(request).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    };
    if head {
        response
    } else {
        decorate(response, &status).await
    }
}

/// The site's 404 page for paths outside the base path.
async fn not_found(state: &SiteState, status: &Status) -> Response {
    if !status.has_site {
        return html_response(
            StatusCode::SERVICE_UNAVAILABLE,
            reload::unbuilt_page(status),
        );
    }
    match tokio::fs::read_to_string(state.output().join(NOT_FOUND_PAGE)).await {
        Ok(html) => html_response(StatusCode::NOT_FOUND, reload::decorate(&html, status)),
        Err(_) => (StatusCode::NOT_FOUND, "Not found.\n").into_response(),
    }
}

fn html_response(code: StatusCode, html: String) -> Response {
    (
        code,
        [(header::CONTENT_TYPE, HeaderValue::from_static(HTML))],
        html,
    )
        .into_response()
}

/// Adds the reload script and overlay to a full HTML response; other responses pass as they are.
async fn decorate(response: Response, status: &Status) -> Response {
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !is_html || !matches!(response.status(), StatusCode::OK | StatusCode::NOT_FOUND) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_HTML).await else {
        return (
            StatusCode::INTERNAL_SERVER_ERROR,
            "Cannot read this page.\n",
        )
            .into_response();
    };
    let Ok(html) = std::str::from_utf8(&bytes) else {
        // Not UTF-8: served as it is, without the script.
        return Response::from_parts(parts, Body::from(bytes));
    };
    let body = Body::from(reload::decorate(html, status));
    for stale in [
        header::CONTENT_LENGTH,
        header::LAST_MODIFIED,
        header::ETAG,
        header::ACCEPT_RANGES,
    ] {
        parts.headers.remove(stale);
    }
    parts
        .headers
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(HTML));
    Response::from_parts(parts, body)
}

/// The path under the base path (`""` for the base path itself, without its slash), or
/// `None` when the path is outside it. Both are compared percent-decoded: a browser asks for
/// `/%C3%A9t%C3%A9/` where the base path is `/été`.
fn within_base<'a>(path: &'a str, base: &str) -> Option<&'a str> {
    let segments = base.split('/').count() - 1;
    let end = path
        .match_indices('/')
        .nth(segments)
        .map_or(path.len(), |(i, _)| i);
    let (head, rest) = path.split_at(end);
    (percent_decode_str(head).eq(percent_decode_str(base))).then_some(rest)
}

/// The base path as a URL path, for the `Location` of redirects.
fn encoded(base: &str) -> String {
    utf8_percent_encode(base, CONTROLS).to_string()
}

/// The request's URI with its path replaced by `path` (the query kept).
fn rewrite(uri: &Uri, path: &str) -> Option<Uri> {
    let path_and_query = match uri.query() {
        Some(query) => format!("{path}?{query}"),
        None => path.to_owned(),
    };
    Uri::builder().path_and_query(path_and_query).build().ok()
}

/// False for paths that could leave the output folder: a `..` segment, a backslash or a NUL,
/// as written or after percent-decoding any number of times.
fn is_safe(path: &str) -> bool {
    let mut current = path.to_owned();
    loop {
        let unsafe_here =
            current.contains(['\\', '\0']) || current.split('/').any(|segment| segment == "..");
        if unsafe_here {
            return false;
        }
        // Each decoding that changes the text makes it shorter, so this ends.
        let decoded = String::from_utf8_lossy(&percent_decode_str(&current).collect::<Vec<u8>>())
            .into_owned();
        if decoded == current {
            return true;
        }
        current = decoded;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traversal_in_any_encoding_is_unsafe() {
        for path in [
            "/../secret",
            "/a/..",
            "/%2e%2e/secret",
            "/%2E%2e%2fsecret",
            "/a%2f..%2fb",
            "/%252e%252e/x",
            "/%25252e%25252e/x",
            "/..%5csecret",
            "/a\\b",
            "/%00",
        ] {
            assert!(!is_safe(path), "{path}");
        }
        for path in ["/", "/notes/a/", "/style.css", "/a..b/", "/%20x", "/..a"] {
            assert!(is_safe(path), "{path}");
        }
    }

    #[test]
    fn paths_are_matched_under_the_base() {
        assert_eq!(within_base("/repo/notes/", "/repo"), Some("/notes/"));
        assert_eq!(within_base("/repo", "/repo"), Some(""));
        assert_eq!(within_base("/repository/", "/repo"), None);
        assert_eq!(within_base("/notes/", ""), Some("/notes/"));
        assert_eq!(within_base("/", "/repo"), None);
        assert_eq!(
            within_base("/%C3%A9t%C3%A9/notes/", "/été"),
            Some("/notes/")
        );
        assert_eq!(within_base("/%c3%a9t%c3%a9", "/%C3%A9t%C3%A9"), Some(""));
        assert_eq!(within_base("/%C3%A9t%C3%A9s/", "/été"), None);
        assert_eq!(encoded("/été"), "/%C3%A9t%C3%A9");
    }
}
