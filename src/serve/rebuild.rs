//! The rebuild loop: each settled change becomes a build (or a copy of static files), the
//! outcome goes into the shared state, which reloads the open pages, and into the terminal.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use tokio::sync::mpsc::UnboundedReceiver;

use super::site::{Builder, Outcome};
use super::state::SiteState;
use super::watch::{Change, Watcher};
use crate::build::encoded_images_line;
use crate::diagnostics::eprint_all;

/// Rebuilds on every change until the watcher stops.
pub(crate) async fn run(
    state: Arc<SiteState>,
    builder: Arc<Builder>,
    mut watcher: Watcher,
    mut changes: UnboundedReceiver<Change>,
    root: Arc<Path>,
) {
    while let Some(change) = Change::settle(&mut changes).await {
        watcher.refresh(&change);
        let paths: Vec<_> = change.paths.iter().cloned().collect();
        let job = Arc::clone(&builder);
        let outcome = tokio::task::spawn_blocking(move || job.apply(&paths)).await;
        match outcome {
            Ok(outcome) => {
                record(&state, &outcome);
                report(&outcome, &describe(&root, &change), change.last_event);
            }
            Err(error) => eprintln!("error: the rebuild stopped: {error}"),
        }
    }
}

/// Puts an outcome into the shared state, which tells the open pages to reload.
pub(crate) fn record(state: &SiteState, outcome: &Outcome) {
    state.update(|status| match outcome {
        Outcome::Built { base_path, .. } => {
            status.base_path.clone_from(base_path);
            status.has_site = true;
            status.errors.clear();
        }
        Outcome::Copied { .. } => {}
        Outcome::Failed {
            base_path, errors, ..
        } => {
            if let Some(path) = base_path {
                status.base_path.clone_from(path);
            }
            status.errors.clone_from(errors);
        }
    });
}

/// Tells the terminal what happened, `since` the last file event.
pub(crate) fn report(outcome: &Outcome, what: &str, since: Instant) {
    let millis = since.elapsed().as_millis();
    match outcome {
        Outcome::Built {
            warnings,
            images_encoded,
            ..
        } => {
            eprint_all(warnings);
            print_encoded(*images_encoded);
            println!("Rebuilt in {millis} ms ({what})");
        }
        Outcome::Copied { files } => {
            let files = if *files == 1 {
                "1 static file copied".to_owned()
            } else {
                format!("{files} static files copied")
            };
            println!("Rebuilt in {millis} ms ({what}: {files})");
        }
        Outcome::Failed {
            errors, warnings, ..
        } => {
            eprint_all(warnings);
            eprint_all(errors);
            let count = if errors.len() == 1 {
                "1 error".to_owned()
            } else {
                format!("{} errors", errors.len())
            };
            eprintln!(
                "error: the build failed with {count} ({what}); the preview shows them until they are fixed"
            );
        }
    }
}

/// Tells the terminal how the first build went.
pub(crate) fn report_first(outcome: &Outcome, since: Instant) {
    match outcome {
        Outcome::Built {
            pages,
            images_encoded,
            warnings,
            ..
        } => {
            eprint_all(warnings);
            print_encoded(*images_encoded);
            println!("Built {pages} pages in {} ms", since.elapsed().as_millis());
        }
        other => report(other, "first build", since),
    }
}

/// Says how many images were encoded, as `explainer build` does: an unchanged image comes
/// from the cache, in the preview too.
fn print_encoded(count: usize) {
    if let Some(line) = encoded_images_line(count) {
        println!("{line}");
    }
}

/// The changed files, relative to the site root: the first one, and how many more.
fn describe(root: &Path, change: &Change) -> String {
    let mut paths = change
        .paths
        .iter()
        .map(|p| p.strip_prefix(root).unwrap_or(p).display().to_string());
    let first = paths
        .next()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "the site".to_owned());
    match paths.count() {
        0 => format!("{first} changed"),
        more => format!("{first} and {more} more changed"),
    }
}
