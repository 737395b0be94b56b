//! What the preview serves right now: the outcome of the last build, and the channel that
//! tells open pages to reload.

use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError, RwLock};

use tokio::sync::broadcast;

use crate::diagnostics::Diagnostic;

/// What open pages are told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Event {
    /// A build (or a copy of static files) finished: pages of an older generation reload.
    Built(u64),
    /// The server is stopping: event streams end.
    Shutdown,
}

/// The state of the served site after the last build.
#[derive(Debug, Clone, Default)]
pub(crate) struct Status {
    /// Counts builds; a page knows the generation it came from and reloads when it changes.
    pub generation: u64,
    /// The path the site is served under, without a trailing slash (empty at the root).
    pub base_path: String,
    /// True once a build succeeded, so that there are files to serve.
    pub has_site: bool,
    /// The errors of the last build; empty when it succeeded.
    pub errors: Vec<Diagnostic>,
}

/// The served folder and the shared [`Status`], read by every request.
#[derive(Debug)]
pub(crate) struct SiteState {
    output: PathBuf,
    status: RwLock<Arc<Status>>,
    events: broadcast::Sender<Event>,
}

/// Pending reload messages per open page; a page that falls behind just reloads on the next one.
const EVENT_BUFFER: usize = 16;

impl SiteState {
    /// A state serving `output`, with nothing built yet.
    pub fn new(output: PathBuf) -> SiteState {
        SiteState {
            output,
            status: RwLock::new(Arc::new(Status::default())),
            events: broadcast::channel(EVENT_BUFFER).0,
        }
    }

    /// The folder holding the last good build.
    pub fn output(&self) -> &Path {
        &self.output
    }

    /// A snapshot of the current status.
    pub fn status(&self) -> Arc<Status> {
        Arc::clone(&self.status.read().unwrap_or_else(PoisonError::into_inner))
    }

    /// Changes the status, starts a new generation and tells open pages to reload.
    pub fn update(&self, change: impl FnOnce(&mut Status)) {
        let generation = {
            let mut guard = self.status.write().unwrap_or_else(PoisonError::into_inner);
            let mut status = Status::clone(&guard);
            change(&mut status);
            status.generation += 1;
            let generation = status.generation;
            *guard = Arc::new(status);
            generation
        };
        // No open page is no error.
        let _ = self.events.send(Event::Built(generation));
    }

    /// Listens for reload messages.
    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.events.subscribe()
    }

    /// Ends every event stream, so that the server can stop.
    pub fn shut_down(&self) {
        let _ = self.events.send(Event::Shutdown);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn updates_start_a_generation_and_notify() {
        let state = SiteState::new(PathBuf::from("/tmp/site"));
        let mut events = state.subscribe();
        state.update(|s| s.base_path = "/repo".to_owned());
        assert_eq!(events.try_recv().unwrap(), Event::Built(1));
        let status = state.status();
        assert_eq!((status.generation, status.base_path.as_str()), (1, "/repo"));
        state.shut_down();
        assert_eq!(events.try_recv().unwrap(), Event::Shutdown);
    }
}
