//! The media registry, `content/data/media.toml`: the site's images, each with its alt
//! text, caption, credit, licence and source, placed in Markdown with `media:ID`.
//!
//! [`input`] reads the file, [`validate`] checks it into the [`model`]; [`paths`]
//! resolves the image paths the registry and Markdown name; [`figure`] makes what the
//! `partials/figure.html` template receives.

pub mod figure;
pub mod input;
pub mod model;
pub mod paths;
pub mod validate;

use std::path::Path;

use crate::data::file;
use crate::diagnostics::Diagnostics;
pub use model::{Media, MediaImage};

/// The registry's file name.
pub const FILE: &str = "media.toml";

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
        let unknown = media.check_references(&|id| id == "ombudsman");
        assert!(unknown.is_empty());
        let unknown = media.check_references(&|_| false);
        assert_eq!(unknown[0].line, 9);
        assert!(unknown[0].message.contains("unknown source `ombudsman`"));
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
credit = "Desk"

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
            (13, "the image `images/gone.jpg` does not exist"),
            (18, "invalid image id \"Bad Id\""),
            (20, "image `Bad Id` is decorative and has alt text"),
            (24, "duplicate image id `no-alt`"),
        ];
        assert_eq!(found.len(), expected.len(), "{found:?}");
        for ((line, message), (want_line, want)) in found.iter().zip(expected) {
            assert_eq!(*line, want_line, "{message}");
            assert!(message.starts_with(want), "{message}");
        }
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
