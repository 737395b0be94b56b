//! Citation marks and heading anchors, written by the site's partials
//! `partials/citation_mark.html` and `partials/heading_anchor.html`.

use std::collections::HashMap;
use std::sync::Mutex;

use serde::Serialize;
use tera::Context;

use crate::diagnostics::Diagnostic;
use crate::markdown::marks::Marks;
use crate::render::Templates;
use crate::words::Words;

/// The template that writes a citation mark.
pub(crate) const CITATION: &str = "partials/citation_mark.html";
/// The template that writes a heading's anchor.
pub(crate) const ANCHOR: &str = "partials/heading_anchor.html";

/// The marks of a site's texts in one language, from its templates.
pub(crate) struct SiteMarks<'a> {
    /// The templates; `None` when they failed to load (their errors are reported).
    templates: Option<&'a Templates>,
    words: &'a Words,
    /// Contexts that hold the words table already, for reuse: a site has thousands of marks,
    /// and copying the whole table into a new context for each would slow its build manifold.
    contexts: Mutex<Vec<Context>>,
    /// Citation marks by number and use, written once: every page repeats the first ones.
    citations: Mutex<HashMap<(usize, usize), String>>,
}

/// What a citation mark template receives as `cite`.
#[derive(Serialize)]
struct Cite {
    number: usize,
    #[serde(rename = "use")]
    use_number: usize,
}

/// What a heading anchor template receives as `anchor`.
#[derive(Serialize)]
struct Anchor<'a> {
    id: &'a str,
}

impl<'a> SiteMarks<'a> {
    /// The marks written by `templates` with `words` as `t`.
    pub(crate) fn new(templates: Option<&'a Templates>, words: &'a Words) -> Self {
        SiteMarks {
            templates,
            words,
            contexts: Mutex::default(),
            citations: Mutex::default(),
        }
    }

    fn render(
        &self,
        name: &str,
        key: &'static str,
        value: &impl Serialize,
    ) -> Result<String, Diagnostic> {
        let Some(templates) = self.templates else {
            // The templates failed to load, and their errors are reported already.
            return Ok(String::new());
        };
        let reused = self.contexts.lock().ok().and_then(|mut free| free.pop());
        let mut context = reused.unwrap_or_else(|| {
            let mut context = Context::new();
            context.insert("t", self.words.template_value());
            context
        });
        context.insert(key, value);
        let html = templates.render(name, &context);
        context.remove(key);
        if let Ok(mut free) = self.contexts.lock() {
            free.push(context);
        }
        // A mark sits inside a line of text: the line break that ends the file is not part of it.
        Ok(html?.trim_end_matches(['\n', '\r']).to_owned())
    }
}

impl Marks for SiteMarks<'_> {
    fn citation(&self, number: usize, use_number: usize) -> Result<String, Diagnostic> {
        let key = (number, use_number);
        if let Some(mark) = self
            .citations
            .lock()
            .ok()
            .and_then(|c| c.get(&key).cloned())
        {
            return Ok(mark);
        }
        let mark = self.render(CITATION, "cite", &Cite { number, use_number })?;
        if let Ok(mut citations) = self.citations.lock() {
            citations.insert(key, mark.clone());
        }
        Ok(mark)
    }

    fn anchor(&self, id: &str) -> Result<String, Diagnostic> {
        self.render(ANCHOR, "anchor", &Anchor { id })
    }
}
