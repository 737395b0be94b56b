//! The sources registry, `content/data/sources.toml`: who said what, and for which side.
//!
//! The kind's parts: [`input`] (the file as written), [`validate`] (checks into the
//! [`model`]), [`page`] and [`export`].

mod export;
mod input;
mod model;
mod page;
mod validate;

pub use export::export;
pub(crate) use input::SourcesFile;
pub use model::{KINDS, Source, Sources};
pub use page::{SourceViews, page};
pub use validate::parse;

use std::path::Path;

use crate::config::Config;
use crate::data::translation::Translatable;
use crate::data::{DataKind, Generated, SiteData, file};
use crate::diagnostics::Diagnostics;
use crate::markdown::Renderer;
use crate::markdown::links::Scheme;

/// The data file's name.
pub const FILE: &str = "sources.toml";
/// The template of `/sources/`.
pub const TEMPLATE: &str = "sources.html";
/// The site path of the sources page.
pub const PATH: &str = "/sources/";

/// `source:` links cite a source by its id.
pub const SCHEME: Scheme = Scheme {
    name: "source",
    noun: "source",
    file: FILE,
    page: PATH,
    cites: true,
};

impl DataKind for Sources {
    const NAME: &'static str = "sources";
    const FILES: &'static [&'static str] = &[FILE];
    const SCHEME: Option<Scheme> = Some(SCHEME);
    const SCHEMA: Option<fn() -> schemars::Schema> = Some(crate::schema::schema_of::<SourcesFile>);
    const TRANSLATABLE: Option<Translatable> = Some(Translatable {
        entry: "source",
        fields: &["name", "short_name", "notes"],
        names: &[],
    });

    fn translate(&mut self, id: &str, field: &str, text: String) {
        if let Some(source) = self.list.iter_mut().find(|s| s.id == id) {
            match field {
                "name" => source.name = text,
                "short_name" => source.short_name = text,
                "notes" => source.notes = Some(text),
                _ => {}
            }
        }
    }

    fn load(root: &Path, _config: &Config) -> Result<Option<Self>, Diagnostics> {
        load(root)
    }

    fn ids(&self) -> Vec<&str> {
        self.list.iter().map(|s| s.id.as_str()).collect()
    }

    /// Only the path: the page itself needs every citation, so the build makes it last.
    fn page_paths(&self) -> Vec<(String, String)> {
        vec![(PATH.to_owned(), file::data_path(FILE))]
    }

    /// Only the export: the page itself needs every citation, so the build makes it last.
    fn generate(&self, _site: &SiteData, _renderer: &Renderer<'_>) -> Generated {
        Generated {
            files: vec![export(self)],
            ..Generated::default()
        }
    }
}

/// Reads and checks `content/data/sources.toml`; `Ok(None)` when the site has none.
pub fn load(root: &Path) -> Result<Option<Sources>, Diagnostics> {
    let Some(source) = file::read(root, FILE)? else {
        return Ok(None);
    };
    parse(source).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(toml: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/data")).unwrap();
        std::fs::write(dir.path().join("content/data/sources.toml"), toml).unwrap();
        dir
    }

    #[test]
    fn loads_and_reports_every_problem() {
        let dir = site(
            "[[source]]\nid = \"a\"\nname = \"A\"\nkind = \"media\"\naffiliation = \"independent-media\"\npublished = 2023-09-20\n",
        );
        let sources = load(dir.path()).unwrap().unwrap();
        assert_eq!(
            crate::words::Words::english().date(&sources.get("a").unwrap().published.unwrap()),
            "20 September 2023"
        );

        let dir = site(
            "[[source]]\nid = \"a\"\nname = \"A\"\nkind = \"blog\"\nurl = \"www.x\"\naffiliation = \"scholarship\"\n[[source]]\nid = \"a\"\nname = \"B\"\nkind = \"media\"\n",
        );
        let err = load(dir.path()).unwrap_err();
        let lines: Vec<usize> = err.0.iter().map(|d| d.line).collect();
        assert_eq!(lines, vec![4, 5, 8], "{err:?}");
    }

    #[test]
    fn a_source_kept_for_the_page_is_made_again_when_its_back_links_change() {
        let dir = site(concat!(
            "[[source]]\nid = \"a\"\nname = \"A\"\nkind = \"media\"\naffiliation = \"unknown\"\n",
            "[[source]]\nid = \"b\"\nname = \"B\"\nkind = \"media\"\naffiliation = \"unknown\"\n",
        ));
        let sources = load(dir.path()).unwrap().unwrap();
        let words = crate::words::Words::english();
        let cite = |source: &str, title: &str| crate::data::CitedBy {
            source: source.to_owned(),
            title: title.to_owned(),
            href: "/notes/x/".to_owned(),
        };
        let kept = SourceViews::default();
        let shown = |cited_by: &[crate::data::CitedBy]| {
            serde_json::to_value(&page(&sources, words, cited_by, &kept).data).unwrap()
        };
        let first = shown(&[cite("a", "Note: the road"), cite("b", "Note: the road")]);
        assert!(first.to_string().contains("Note: the road"), "{first}");
        let again = shown(&[cite("a", "Note: the road"), cite("b", "Note: the road")]);
        assert_eq!(again, first, "the same back-links give the same page");
        let retitled = shown(&[cite("a", "Note: the corridor"), cite("b", "Note: the road")]);
        let text = retitled.to_string();
        assert!(text.contains("Note: the corridor"), "{text}");
        assert!(text.contains("Note: the road"), "{text}");
        assert_ne!(retitled, first);
    }

    #[test]
    fn affiliations_are_checked() {
        let dir = site(concat!(
            "[[source]]\nid = \"a\"\nname = \"A\"\nkind = \"official\"\n",
            "affiliation = \"outside-power\"\naffiliated_with = \"Russian government\"\n",
        ));
        let sources = load(dir.path()).unwrap().unwrap();
        let a = &sources.get("a").unwrap().affiliation;
        assert_eq!(a.kind, "outside-power");
        assert_eq!(a.affiliated_with.as_deref(), Some("Russian government"));
        assert!(!a.is_party());

        let dir = site(concat!(
            "[[source]]\nid = \"a\"\nname = \"A\"\nkind = \"official\"\n",
            "affiliation = \"partty\"\naffiliated_with = \"X\"\n",
            "[[source]]\nid = \"b\"\nname = \"B\"\nkind = \"official\"\n",
            "party = \"Azerbaijani government\"\n",
            "[[source]]\nid = \"c\"\nname = \"C\"\nkind = \"media\"\n",
            "affiliation = \"state-media\"\n",
            "[[source]]\nid = \"d\"\nname = \"D\"\nkind = \"media\"\n",
        ));
        let err = load(dir.path()).unwrap_err();
        let found: Vec<(usize, usize, &str, &str)> = err
            .0
            .iter()
            .map(|d| {
                (
                    d.line,
                    d.col,
                    d.message.as_str(),
                    d.help.as_deref().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(found.len(), 5, "{found:#?}");
        assert_eq!(found[0].0, 5);
        assert_eq!(found[0].1, 15);
        assert!(found[0].2.contains("unknown affiliation \"partty\""));
        assert!(found[0].3.starts_with("did you mean `party`?"));
        assert_eq!(
            found[1].0, 8,
            "a source without affiliation is reported at its id"
        );
        assert_eq!(found[2].0, 11);
        assert!(found[2].2.contains("use `affiliation`"), "{found:#?}");
        assert_eq!(found[3].0, 16);
        assert!(found[3].2.contains("needs `affiliated_with`"));
        assert_eq!(found[4].0, 18);
    }
}
