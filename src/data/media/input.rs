//! `content/data/media.toml` as written: each `[[image]]` table, with the places of its
//! values so that problems found later (a missing file, a damaged image, an unknown
//! source) are reported at their line.

use serde::Deserialize;
use toml::Spanned;

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MediaFile {
    /// The `[[image]]` tables, in file order.
    #[serde(default)]
    pub image: Vec<Spanned<RawImage>>,
}

/// One `[[image]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawImage {
    /// The id used in `media:` links.
    pub id: Spanned<String>,
    /// The image file, relative to `content/`.
    pub file: Spanned<String>,
    /// What the image shows, for readers who cannot see it.
    pub alt: Option<Spanned<String>>,
    /// True for an image that adds nothing a reader would miss: it has no alt text.
    pub decorative: Option<Spanned<bool>>,
    /// The caption (inline Markdown).
    pub caption: Option<Spanned<String>>,
    /// Who made the image.
    pub credit: Option<Spanned<String>>,
    /// The licence it is published under.
    pub license: Option<Spanned<String>>,
    /// The id of the source (in `sources.toml`) the image comes from.
    pub source: Option<Spanned<String>>,
}
