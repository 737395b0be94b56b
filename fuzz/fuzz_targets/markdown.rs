//! Markdown rendering with the `@/`, `source:`, `term:` and `event:` schemes and glossary linking.
#![no_main]

use explainer::diagnostics::SourceText;
use explainer::markdown::Mode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    if let Some(text) = explainer_fuzz::text(rest) {
        let source = SourceText::new("content/x.md", text.to_owned());
        let mode = if flags & 16 == 0 {
            Mode::Page {
                autolink: true,
                lead: false,
            }
        } else {
            Mode::Snippet
        };
        let rendered = explainer_fuzz::render(&source, 0, &source.text, mode, flags);
        for diagnostic in rendered.diagnostics {
            let _ = diagnostic.to_string();
        }
    }
});
