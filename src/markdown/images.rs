//! Images in Markdown. The renderer collects each image (`![alt](dest "title")`) and
//! hands it to the site, which knows the media registry, the processed files and the
//! figure template; this module knows none of them.

use std::path::Path;

use super::Renderer;
use super::links::{Broken, Targets};

/// One use of an image, as written.
#[derive(Debug, Clone, Copy)]
pub struct ImageUse<'a> {
    /// The destination: `media:ID`, or a path.
    pub dest: &'a str,
    /// The alt text as written (may be empty).
    pub alt: &'a str,
    /// The title as written: the caption.
    pub title: &'a str,
    /// The file that names the image, relative to the site root (`content/notes/a.md`).
    pub from: &'a Path,
    /// True when the image is in the first screen of its page: loaded at once.
    pub eager: bool,
    /// True for a page's lead image, set in its front matter.
    pub lead: bool,
}

/// The figure made for an image.
#[derive(Debug, Clone)]
pub struct Figure {
    /// The image named, by its place in the output (`images/dam.jpg`), when it was found:
    /// a problem with the file is then reported where it is used, not again on its own.
    pub image: Option<String>,
    /// Its HTML, or why it cannot be shown.
    pub html: Result<String, Broken>,
}

/// A page's lead image.
#[derive(Debug, Clone)]
pub struct Lead {
    /// The image, by its place in the output.
    pub image: String,
    /// The figure shown at the top of the page.
    pub html: String,
    /// What the page's metadata says of it (`og:image`, JSON-LD), as the templates' values.
    pub share: serde_json::Value,
}

/// What the renderer needs of the site to turn images into figures.
pub trait Images: Sync {
    /// The figure of an image.
    fn figure(&self, image: &ImageUse<'_>, renderer: &Renderer<'_>) -> Figure;

    /// What a page's metadata says of its lead image.
    fn share(
        &self,
        image: &ImageUse<'_>,
        targets: &dyn Targets,
    ) -> Result<serde_json::Value, Broken>;
}
