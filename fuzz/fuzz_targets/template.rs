//! Templates: compiling any text beside the project's base template, and rendering it.
#![no_main]

use explainer::diagnostics::SourceText;
use explainer::render::Templates;
use libfuzzer_sys::fuzz_target;

const BASE: &str = include_str!("../../templates/base.html");

fuzz_target!(|data: &[u8]| {
    if let Some(text) = explainer_fuzz::text(data) {
        let source = |name: &str, text: &str| {
            (
                name.to_owned(),
                SourceText::new(format!("templates/{name}"), text.to_owned()),
            )
        };
        let list = vec![source("base.html", BASE), source("page.html", text)];
        if let Ok(templates) = Templates::from_sources(list) {
            let mut context = tera::Context::new();
            context.insert(
                "page",
                &serde_json::json!({ "title": "T", "data": { "items": [1, 2, 3] } }),
            );
            let _ = templates.render("page.html", &context);
        }
    }
});
