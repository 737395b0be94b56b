//! `glossary.toml`: parsing, checks, auto-link patterns and the glossary page.
#![no_main]

use explainer::data::{file, glossary};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(text) = explainer_fuzz::text(data)
        && let Ok(terms) = glossary::parse(file::source_text(glossary::FILE, text))
    {
        let _ = terms.check_references(&|id| id == "desk");
        let _ = terms.patterns(explainer_fuzz::index());
        explainer_fuzz::with_renderer(|renderer| {
            glossary::generate(&terms, renderer, &|id| Some(id.to_owned()))
        });
    }
});
