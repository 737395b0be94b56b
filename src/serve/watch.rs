//! Watching the site's sources: `explainer.toml`, `content/`, `templates/` and `static/`.
//!
//! Raw file events are filtered (reads, the output folder, editor temporary files are
//! ignored) and sent on; [`Change::settle`] then waits until the files have been quiet
//! for [`QUIET`], so that a burst of saves (an editor writing a file in several steps,
//! a `git checkout`) gives one rebuild.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use notify::event::{EventKind, MetadataKind, ModifyKind};
use notify::{Event, RecommendedWatcher, RecursiveMode, Watcher as _};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};

use crate::config::CONFIG_FILE;
use crate::content::CONTENT_DIR;
use crate::render::TEMPLATES_DIR;
use crate::static_files::STATIC_DIR;

/// How long the files must be quiet before a rebuild starts. An editor's save (a backup, a
/// write, a rename) or a `git checkout` sends its events within a few milliseconds of each
/// other; every millisecond more is added to the time until the page shows the edit.
pub(crate) const QUIET: std::time::Duration = std::time::Duration::from_millis(20);

/// The folders of the site root that are watched, with everything in them.
const WATCHED_DIRS: [&str; 3] = [CONTENT_DIR, TEMPLATES_DIR, STATIC_DIR];

/// Changed files, gathered over one burst of events.
#[derive(Debug)]
pub(crate) struct Change {
    /// The files (or folders) that changed.
    pub paths: BTreeSet<PathBuf>,
    /// When the last event of the burst arrived.
    pub last_event: Instant,
}

impl Change {
    /// Receives the next change and everything that follows it until the files are quiet;
    /// `None` when the watcher is gone.
    pub async fn settle(events: &mut UnboundedReceiver<Change>) -> Option<Change> {
        let mut change = events.recv().await?;
        loop {
            let deadline = tokio::time::Instant::from_std(change.last_event + QUIET);
            match tokio::time::timeout_at(deadline, events.recv()).await {
                Ok(Some(more)) => {
                    change.paths.extend(more.paths);
                    change.last_event = change.last_event.max(more.last_event);
                }
                Ok(None) | Err(_) => return Some(change),
            }
        }
    }
}

/// Watches a site root and sends its [`Change`]s.
pub(crate) struct Watcher {
    watcher: RecommendedWatcher,
    root: PathBuf,
    watched: HashSet<PathBuf>,
}

impl Watcher {
    /// Starts watching the site at `root` (an absolute, canonical path).
    pub fn start(root: &Path, changes: UnboundedSender<Change>) -> notify::Result<Watcher> {
        let filter_root = root.to_path_buf();
        let mut watcher =
            notify::recommended_watcher(move |result: notify::Result<Event>| match result {
                Ok(event) => {
                    let paths: BTreeSet<PathBuf> = relevant_paths(&filter_root, event).collect();
                    if !paths.is_empty() {
                        // The receiver is gone only while the server stops.
                        let _ = changes.send(Change {
                            paths,
                            last_event: Instant::now(),
                        });
                    }
                }
                Err(error) => eprintln!("warning: watching for changes: {error}"),
            })?;
        watcher.watch(root, RecursiveMode::NonRecursive)?;
        let mut watcher = Watcher {
            watcher,
            root: root.to_path_buf(),
            watched: HashSet::new(),
        };
        for dir in WATCHED_DIRS {
            let path = root.join(dir);
            if path.is_dir() {
                watcher.watcher.watch(&path, RecursiveMode::Recursive)?;
                watcher.watched.insert(path);
            }
        }
        Ok(watcher)
    }

    /// Watches the site's folders that were created (or re-created) since, and lets go of removed ones.
    pub fn refresh(&mut self, change: &Change) {
        for dir in WATCHED_DIRS {
            let path = self.root.join(dir);
            let current = path.is_dir() && !change.paths.contains(&path);
            if current && self.watched.contains(&path) {
                continue;
            }
            if self.watched.remove(&path) {
                // The folder was removed or replaced: its watch is stale, or gone already.
                let _ = self.watcher.unwatch(&path);
            }
            if path.is_dir() {
                match self.watcher.watch(&path, RecursiveMode::Recursive) {
                    Ok(()) => {
                        self.watched.insert(path);
                    }
                    Err(error) => eprintln!("warning: cannot watch {dir}/ for changes: {error}"),
                }
            }
        }
    }
}

/// The paths of an event that can change the site.
fn relevant_paths(root: &Path, event: Event) -> impl Iterator<Item = PathBuf> {
    let rescan = event.need_rescan().then(|| root.to_path_buf());
    let changes = match event.kind {
        EventKind::Access(_)
        | EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => Vec::new(),
        _ => event.paths,
    };
    let root = root.to_path_buf();
    changes
        .into_iter()
        .filter(move |path| is_source(&root, path))
        .chain(rescan)
}

/// True for `explainer.toml` and files in the watched folders, except editor temporary files.
fn is_source(root: &Path, path: &Path) -> bool {
    let Ok(relative) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = relative.iter().map(|part| part.to_string_lossy());
    let Some(first) = parts.next() else {
        return false;
    };
    if first == CONFIG_FILE {
        return relative.iter().count() == 1;
    }
    WATCHED_DIRS.contains(&first.as_ref())
        && !relative
            .iter()
            .any(|part| is_editor_temporary(&part.to_string_lossy()))
}

/// Swap, backup and lock files of common editors, and version control folders.
fn is_editor_temporary(name: &str) -> bool {
    const SUFFIXES: [&str; 9] = [
        "~",
        ".swp",
        ".swo",
        ".swx",
        ".tmp",
        ".bak",
        ".kate-swp",
        ".crswap",
        "___jb_tmp___",
    ];
    name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
        || name == ".DS_Store"
        || name == ".git"
        || name.ends_with("___jb_old___")
        || SUFFIXES.iter().any(|suffix| name.ends_with(suffix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sources_count() {
        let root = Path::new("/site");
        assert!(is_source(root, Path::new("/site/explainer.toml")));
        assert!(is_source(root, Path::new("/site/content/notes/a.md")));
        assert!(is_source(root, Path::new("/site/static/style.css")));
        assert!(is_source(root, Path::new("/site/templates")));
        assert!(!is_source(root, Path::new("/site/public/index.html")));
        assert!(!is_source(
            root,
            Path::new("/site/.public.explainer-staging-1/x")
        ));
        assert!(!is_source(root, Path::new("/elsewhere/content/a.md")));
        for temporary in [
            ".#a.md",
            "#a.md#",
            "a.md~",
            ".a.md.swp",
            "4913",
            "a.md.tmp",
            "a.md___jb_tmp___",
        ] {
            assert!(
                !is_source(root, &Path::new("/site/content").join(temporary)),
                "{temporary}"
            );
        }
    }

    #[test]
    fn reads_are_not_changes() {
        let root = Path::new("/site");
        let read = Event::new(EventKind::Access(notify::event::AccessKind::Any))
            .add_path(root.join("content/a.md"));
        assert_eq!(relevant_paths(root, read).count(), 0);
        let write =
            Event::new(EventKind::Modify(ModifyKind::Any)).add_path(root.join("content/a.md"));
        assert_eq!(
            relevant_paths(root, write).collect::<Vec<_>>(),
            [root.join("content/a.md")]
        );
    }
}
