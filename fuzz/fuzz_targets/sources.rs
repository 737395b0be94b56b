//! `sources.toml`: parsing, checks and the sources page.
#![no_main]

use explainer::data::{file, sources};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(text) = explainer_fuzz::text(data)
        && let Ok(list) = sources::parse(file::source_text(sources::FILE, text))
    {
        let _ = sources::page(&list, &[]);
    }
});
