//! The glossary, `content/data/glossary.toml`: terms, their other names, and who uses which.
//!
//! The kind's parts: [`input`] (the file as written), [`validate`] (checks into the
//! [`model`]) and [`page`].

mod input;
mod model;
mod page;
mod validate;

pub use input::Alias;
pub(crate) use input::GlossaryFile;
pub use model::{Glossary, Term, short_definition};
pub use page::generate;
pub use validate::parse;

use std::path::Path;

use crate::config::Config;
use crate::data::translation::Translatable;
use crate::data::{DataKind, Generated, SiteData, file, sources};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::Renderer;
use crate::markdown::links::{self, Scheme, Targets};

/// The data file's name.
pub const FILE: &str = "glossary.toml";

/// The site path of the glossary page.
pub const PATH: &str = "/glossary/";

/// `term:` links name a term by its id.
pub const SCHEME: Scheme = Scheme {
    name: "term",
    noun: "glossary term",
    file: FILE,
    page: PATH,
    cites: false,
};

impl DataKind for Glossary {
    const NAME: &'static str = "glossary";
    const FILES: &'static [&'static str] = &[FILE];
    const SCHEME: Option<Scheme> = Some(SCHEME);
    const SCHEMA: Option<fn() -> schemars::Schema> = Some(crate::schema::schema_of::<GlossaryFile>);
    const TRANSLATABLE: Option<Translatable> = Some(Translatable {
        entry: "term",
        fields: &["term", "definition"],
        names: &[],
    });

    fn translate(&mut self, id: &str, field: &str, text: String) {
        if let Some(term) = self.terms.iter_mut().find(|t| t.id == id) {
            match field {
                "term" => term.term = text,
                "definition" => term.definition = text,
                _ => {}
            }
        }
    }

    fn load(root: &Path, _config: &Config) -> Result<Option<Self>, Diagnostics> {
        load(root)
    }

    fn ids(&self) -> Vec<&str> {
        self.terms.iter().map(|t| t.id.as_str()).collect()
    }

    /// Unknown `see_also` terms and unknown sources, at their place in the file.
    fn check_references(&self, targets: &dyn Targets) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        for term in &self.terms {
            let see_also = term.see_also.iter().zip(&term.see_also_spans);
            let sources = term.sources.iter().zip(&term.source_spans);
            let named = see_also
                .map(|named| (&SCHEME, "see_also", named))
                .chain(sources.map(|named| (&sources::SCHEME, "sources", named)));
            for (scheme, key, (id, span)) in named {
                if let Some(broken) = links::unknown_id(targets, scheme, id) {
                    problems.push(
                        file::error_at(&self.file, span.clone(), format!("`{key}`: {broken}"))
                            .with_help(broken.help),
                    );
                }
            }
        }
        problems
    }

    fn page_paths(&self) -> Vec<(String, String)> {
        vec![(PATH.to_owned(), file::data_path(FILE))]
    }

    fn generate(&self, site: &SiteData, renderer: &Renderer<'_>) -> Generated {
        let source_name = |id: &str| {
            site.sources
                .as_ref()
                .and_then(|s| s.get(id))
                .map(|s| (s.name.clone(), s.affiliation.clone()))
        };
        generate(self, renderer, &source_name)
    }
}

/// Reads and checks `content/data/glossary.toml`; `Ok(None)` when the site has none.
pub fn load(root: &Path) -> Result<Option<Glossary>, Diagnostics> {
    let Some(source) = file::read(root, FILE)? else {
        return Ok(None);
    };
    parse(source).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_definitions_stop_after_the_first_sentence() {
        assert_eq!(
            short_definition(
                "The main city of *Nagorno-Karabakh*. Called Khankendi in Azerbaijani."
            ),
            "The main city of Nagorno-Karabakh."
        );
    }
}
