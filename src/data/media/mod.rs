//! The media registry, `content/data/media.toml`: the site's images, each with its alt
//! text, caption, credit, licence and source, placed in Markdown with `media:ID`.
//!
//! [`input`] reads the file, [`validate`] checks it into the [`model`]; [`paths`]
//! resolves the image paths the registry and Markdown name; [`figure`] makes what the
//! `partials/figure.html` template receives; [`page`] makes the credits page.

pub mod figure;
pub mod input;
pub mod model;
pub mod page;
pub mod paths;
pub mod validate;

use std::path::Path;

use crate::config::Config;
use crate::data::translation::Translatable;
use crate::data::{DataKind, Generated, SiteData, file, sources};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::Renderer;
use crate::markdown::links::{self, Scheme, Targets};
pub use model::{Media, MediaImage};

/// The registry's file name.
pub const FILE: &str = "media.toml";

/// `![](media:ID)` places a registered image; `[text](media:ID)` links to its credit.
pub const SCHEME: Scheme = Scheme {
    name: "media",
    noun: "image",
    file: FILE,
    page: page::PATH,
    cites: false,
};

impl DataKind for Media {
    const NAME: &'static str = "media";
    const FILES: &'static [&'static str] = &[FILE];
    const SCHEME: Option<Scheme> = Some(SCHEME);
    const SCHEMA: Option<fn() -> schemars::Schema> =
        Some(crate::schema::schema_of::<input::MediaFile>);
    const TRANSLATABLE: Option<Translatable> = Some(Translatable {
        entry: "image",
        fields: &["alt", "caption"],
        names: &[],
    });

    fn translate(&mut self, id: &str, field: &str, text: String) {
        if let Some(image) = self.list.iter_mut().find(|i| i.id == id) {
            match field {
                "alt" => image.alt = text,
                "caption" => image.caption = Some(text),
                _ => {}
            }
        }
    }

    fn load(root: &Path, _config: &Config) -> Result<Option<Self>, Diagnostics> {
        load(root)
    }

    fn ids(&self) -> Vec<&str> {
        Media::ids(self).collect()
    }

    /// Missing files and unknown sources, at their place in the registry.
    fn check_references(&self, targets: &dyn Targets) -> Vec<Diagnostic> {
        let unknown_sources = self.list.iter().filter_map(|image| {
            let id = image.source.as_deref()?;
            let broken = links::unknown_id(targets, &sources::SCHEME, id)?;
            let at = image.places.source?;
            Some(
                self.file
                    .error_at(at, format!("`source`: {broken}"))
                    .with_help(broken.help),
            )
        });
        self.missing_files()
            .into_iter()
            .chain(unknown_sources)
            .collect()
    }

    fn page_paths(&self) -> Vec<(String, String)> {
        vec![(page::PATH.to_owned(), file::data_path(FILE))]
    }

    fn globals(
        this: Option<&Self>,
        _site: &SiteData,
        targets: &dyn Targets,
        words: &crate::words::Words,
    ) -> Vec<(&'static str, serde_json::Value)> {
        let credits = this.map_or(serde_json::Value::Null, |_| {
            let title = words.get("pages.credits.title");
            serde_json::json!({ "title": title, "href": targets.href(page::PATH) })
        });
        vec![("credits_page", credits)]
    }

    fn generate(&self, site: &SiteData, renderer: &Renderer<'_>) -> Generated {
        page::generate(self, renderer, site.sources.as_ref())
    }
}

/// Reads and checks `content/data/media.toml`; `Ok(None)` when the site has none.
pub fn load(root: &Path) -> Result<Option<Media>, Diagnostics> {
    let Some((source, raw)) = file::read_toml::<input::MediaFile>(root, FILE)? else {
        return Ok(None);
    };
    validate::media(root, source, raw).map(Some)
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::diagnostics::Diagnostic;

    /// A site with one image and the given registry.
    fn load_text(registry: &str) -> (tempfile::TempDir, Result<Option<Media>, Diagnostics>) {
        let dir = tempfile::tempdir().unwrap();
        let images = dir.path().join("content/images");
        fs::create_dir_all(&images).unwrap();
        fs::write(images.join("dam.jpg"), b"not decoded here").unwrap();
        fs::create_dir_all(dir.path().join("content/data")).unwrap();
        fs::write(dir.path().join("content/data/media.toml"), registry).unwrap();
        let loaded = load(dir.path());
        (dir, loaded)
    }

    fn errors(registry: &str) -> Vec<Diagnostic> {
        match load_text(registry).1 {
            Err(Diagnostics(list)) => list,
            Ok(_) => panic!("no error"),
        }
    }

    const GOOD: &str = r#"
[[image]]
id = "dam-2023"
file = "images/dam.jpg"
alt = "The dam seen from the north bank"
caption = "The dam in March 2023."
credit = "Photographer / Agency"
license = "CC BY 4.0"
source = "ombudsman"
"#;

    #[test]
    fn reads_an_image() {
        let (dir, loaded) = load_text(GOOD);
        let media = loaded.unwrap().unwrap();
        let image = media.get("dam-2023").unwrap();
        assert_eq!(image.file, "images/dam.jpg");
        assert_eq!(image.path, dir.path().join("content/images/dam.jpg"));
        assert_eq!(image.credit, "Photographer / Agency");
        assert_eq!(image.license.as_deref(), Some("CC BY 4.0"));
        assert!(!image.decorative);
        assert_eq!(media.ids().collect::<Vec<_>>(), ["dam-2023"]);
        assert_eq!(
            image.places.source.map(|at| media.file.line_col(at).0),
            Some(9)
        );
        assert_eq!(media.file_error(image, "damaged").line, 4);
    }

    #[test]
    fn every_problem_is_reported_at_its_line() {
        let registry = r#"[[image]]
id = "no-alt"
file = "images/dam.jpg"
credit = "Desk"

[[image]]
id = "no-credit"
file = "images/dam.jpg"
alt = "A dam"

[[image]]
id = "missing"
file = "images/gone.jpg"
alt = "A dam"

[[image]]
id = "Bad Id"
file = "images/dam.jpg"
alt = "A dam"
credit = "Desk"
decorative = true

[[image]]
id = "no-alt"
file = "images/dam.jpg"
alt = "A dam"
credit = "Desk"
"#;
        let found: Vec<(usize, String)> = errors(registry)
            .into_iter()
            .map(|d| (d.line, d.message))
            .collect();
        let expected = [
            (1, "image `no-alt` has no alt text"),
            (6, "image `no-credit` has no credit"),
            (11, "image `missing` has no credit"),
            (13, "the image `images/gone.jpg` does not exist"),
            (17, "invalid image id \"Bad Id\""),
            (19, "image `Bad Id` is decorative and has alt text"),
            (23, "duplicate image id `no-alt`"),
        ];
        assert_eq!(found.len(), expected.len(), "{found:?}");
        for ((line, message), (want_line, want)) in found.iter().zip(expected) {
            assert_eq!(*line, want_line, "{message}");
            assert!(message.starts_with(want), "{message}");
        }
    }

    #[test]
    fn a_missing_file_keeps_its_entry_and_is_reported_at_its_line() {
        let (_dir, loaded) = load_text(&GOOD.replace("images/dam.jpg", "images/dma.jpg"));
        let media = loaded.unwrap().unwrap();
        assert!(media.get("dam-2023").is_some());
        let missing = media.missing_files();
        assert_eq!(missing.len(), 1);
        assert_eq!((missing[0].line, missing[0].col), (4, 8));
        assert!(
            missing[0]
                .message
                .starts_with("the image `images/dma.jpg` does not exist"),
            "{}",
            missing[0].message
        );
        // When the registry fails to load for another entry, the missing file is reported
        // with that entry's problem.
        let broken = GOOD.replace("images/dam.jpg", "images/dma.jpg")
            + "\n[[image]]\nid = \"other\"\nfile = \"images/dam.jpg\"\nalt = \"A dam\"\n";
        let lines: Vec<usize> = errors(&broken).iter().map(|d| d.line).collect();
        assert_eq!(lines, [4, 11]);
    }

    #[test]
    fn a_misspelt_key_gets_a_suggestion() {
        let found = errors(&GOOD.replace("caption =", "captoin ="));
        assert_eq!(found[0].help.as_deref(), Some("did you mean `caption`?"));
    }

    #[test]
    fn a_decorative_image_needs_no_alt() {
        let registry = GOOD.replace(
            "alt = \"The dam seen from the north bank\"",
            "decorative = true",
        );
        let (_dir, loaded) = load_text(&registry);
        let media = loaded.unwrap().unwrap();
        assert!(media.get("dam-2023").unwrap().decorative);
        assert_eq!(media.get("dam-2023").unwrap().alt, "");
    }
}
