//! Front matter splitting and parsing (TOML and YAML), and the page checks after it.
#![no_main]

use explainer::content::Page;
use explainer::diagnostics::SourceText;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(text) = explainer_fuzz::text(data) {
        let source = SourceText::new("content/notes/x.md", text.to_owned());
        if let Err(errors) = Page::parse(source, "notes/x.md".to_owned()) {
            for error in errors.0 {
                let _ = error.to_string();
            }
        }
    }
});
