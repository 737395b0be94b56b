//! `timeline.toml`: parsing, checks, the timeline pages and exports.
#![no_main]

use explainer::data::{file, timeline};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(text) = explainer_fuzz::text(data)
        && let Ok((source, input)) =
            timeline::toml_input::parse(file::source_text(timeline::toml_input::FILE, text))
        && let Ok(events) = timeline::validate::timeline(input, source)
    {
        let _ = events.check_references(&|id| id == "desk");
        let _ = timeline::page_paths(&events);
        explainer_fuzz::with_renderer(|renderer| timeline::generate(&events, renderer, None));
    }
});
