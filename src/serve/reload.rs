//! Live reload: the event stream pages listen to, the script injected into served HTML, and
//! the overlay listing build errors.

use std::convert::Infallible;

use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use futures_util::stream::{self, Stream, StreamExt};
use pulldown_cmark_escape::{escape_html, escape_html_body_text};
use tokio::sync::broadcast::error::RecvError;

use super::state::{Event, SiteState, Status};
use crate::diagnostics::Diagnostic;
use crate::json_script::json_for_script;

/// The event stream's path under the site's base path.
pub(crate) const EVENTS_PATH: &str = "/__explainer/events";

/// The SSE event name carrying a build generation.
const BUILD_EVENT: &str = "build";

/// The stream of build generations: the current one first, then one per build.
pub(crate) fn events(
    state: &SiteState,
) -> Sse<impl Stream<Item = Result<SseEvent, Infallible>> + use<>> {
    // Subscribe before reading the generation, so that no build falls in between.
    let receiver = state.subscribe();
    let current = stream::once(std::future::ready(state.status().generation));
    let later = stream::unfold(receiver, |mut receiver| async move {
        loop {
            match receiver.recv().await {
                Ok(Event::Built(generation)) => return Some((generation, receiver)),
                Ok(Event::Shutdown) | Err(RecvError::Closed) => return None,
                // Missed messages: the next one reloads the page all the same.
                Err(RecvError::Lagged(_)) => {}
            }
        }
    });
    let events = current.chain(later).map(|generation| {
        Ok(SseEvent::default()
            .event(BUILD_EVENT)
            .data(generation.to_string()))
    });
    Sse::new(events).keep_alive(KeepAlive::default())
}

/// A served HTML page with the reload script and, while the build is broken, the error overlay.
pub(crate) fn decorate(html: &str, status: &Status) -> String {
    let mut extra = script(status);
    if !status.errors.is_empty() {
        extra.push_str(&overlay(status));
    }
    inject_before_body_end(html, &extra)
}

/// The page served at every address while no build has succeeded yet.
pub(crate) fn unbuilt_page(status: &Status) -> String {
    let html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
        <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
        <title>The site did not build</title>\n</head>\n<body>\n\
        <h1>The site did not build</h1>\n<p>There is no earlier build to show.</p>\n</body>\n</html>\n";
    decorate(html, status)
}

/// Inserts `extra` before the last `</body>` of a page (or at its end).
fn inject_before_body_end(html: &str, extra: &str) -> String {
    match html.rfind("</body>") {
        Some(at) => format!("{}{}{}", &html[..at], extra, &html[at..]),
        None => format!("{html}{extra}"),
    }
}

/// Listens for builds; on a new one, remembers the scroll position and reloads, then restores it.
fn script(status: &Status) -> String {
    let url = json_for_script(&serde_json::Value::from(format!(
        "{}{EVENTS_PATH}",
        status.base_path
    )));
    let generation = json_for_script(&serde_json::Value::from(status.generation.to_string()));
    format!(
        "<script>(()=>{{const k=\"explainer-scroll:\"+location.pathname,y=sessionStorage.getItem(k);\
         if(y!==null){{sessionStorage.removeItem(k);const go=()=>scrollTo(0,Number(y));\
         document.readyState===\"complete\"?go():addEventListener(\"load\",go);}}\
         const e=new EventSource({url});\
         e.addEventListener(\"{BUILD_EVENT}\",m=>{{if(m.data!=={generation}){{e.close();\
         sessionStorage.setItem(k,String(scrollY));location.reload();}}}});}})();</script>\n"
    )
}

/// The errors of the last build, over the page.
fn overlay(status: &Status) -> String {
    let errors = &status.errors;
    let count = match errors.len() {
        1 => "1 error".to_owned(),
        n => format!("{n} errors"),
    };
    let mut html = format!(
        "<div role=\"alert\" id=\"explainer-build-errors\" style=\"position:fixed;left:0;right:0;bottom:0;\
         z-index:2147483647;max-height:70vh;overflow:auto;margin:0;padding:1rem 1.5rem;\
         background:#2b0b0b;color:#fff;border-top:4px solid #e5484d;text-align:left;\
         font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace\">\n\
         <p style=\"margin:0 0 .5rem;font-weight:bold\">The site did not build: {count}.{under}</p>\n\
         <ol style=\"margin:0;padding-left:1.5rem\">\n",
        under = if status.has_site {
            " The page below is the last good build."
        } else {
            ""
        },
    );
    for error in errors {
        html.push_str(&overlay_item(error));
    }
    html.push_str("</ol>\n<p style=\"margin:.5rem 0 0\">Fix the file and save it: this page reloads by itself.</p>\n</div>\n");
    html
}

fn overlay_item(error: &Diagnostic) -> String {
    let mut item = String::from("<li style=\"margin:.5rem 0\"><strong>");
    let _ = escape_html_body_text(&mut item, &location(error));
    item.push_str("</strong> ");
    let _ = escape_html_body_text(&mut item, &error.message);
    if let Some(snippet) = &error.snippet {
        item.push_str("<pre style=\"margin:.25rem 0 0;font:inherit;white-space:pre-wrap;color:#ffd8d8\"><code>");
        let _ = escape_html(&mut item, snippet.trim_end());
        item.push_str("</code></pre>");
    }
    if let Some(help) = &error.help {
        item.push_str("<div style=\"color:#ffd8d8\">help: ");
        let _ = escape_html_body_text(&mut item, help);
        item.push_str("</div>");
    }
    item.push_str("</li>\n");
    item
}

/// `file:line:col`, as far as known.
fn location(error: &Diagnostic) -> String {
    match (error.line, error.col) {
        (0, _) => error.file.display().to_string(),
        (line, 0) => format!("{}:{line}", error.file.display()),
        (line, col) => format!("{}:{line}:{col}", error.file.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlay_lists_escaped_errors_with_their_place() {
        let error = Diagnostic::error("content/a<b>.md", "bad <tag> & more")
            .at(3, 7)
            .with_help("remove <it>");
        let status = Status {
            errors: vec![error],
            generation: 4,
            ..Status::default()
        };
        let html = decorate("<html><body><p>page</p></body></html>", &status);
        assert!(
            html.contains("content/a&lt;b&gt;.md:3:7</strong> bad &lt;tag&gt; &amp; more"),
            "{html}"
        );
        assert!(html.contains("help: remove &lt;it&gt;"), "{html}");
        assert!(html.contains("role=\"alert\""));
        assert!(html.ends_with("</div>\n</body></html>"), "{html}");
        assert!(
            html.contains("new EventSource(\"/__explainer/events\")"),
            "{html}"
        );
        assert!(html.contains("m.data!==\"4\""), "{html}");
    }

    #[test]
    fn no_overlay_without_errors() {
        let html = decorate("<body></body>", &Status::default());
        assert!(!html.contains("role=\"alert\""));
        assert!(html.starts_with("<body><script>"));
    }
}
