//! The checked media registry.

use std::collections::HashMap;
use std::path::PathBuf;

use serde::Serialize;

use super::paths::PathProblem;
use crate::diagnostics::{Diagnostic, SourceText};

/// Where an image's values are in the registry, as byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Places {
    /// The `[[image]]` table.
    pub entry: usize,
    /// The `file` value: where problems with the image file itself are reported.
    pub file: usize,
    /// The `source` value.
    pub source: Option<usize>,
}

/// One registered image.
#[derive(Debug, Clone, Serialize)]
pub struct MediaImage {
    /// Stable id, used in `media:` links.
    pub id: String,
    /// The file, relative to `content/`, with `/` separators.
    pub file: String,
    /// The file on disk.
    #[serde(skip)]
    pub path: PathBuf,
    /// What the image shows; empty for a decorative image.
    pub alt: String,
    /// True when the image is decorative and has no alt text.
    pub decorative: bool,
    /// The caption, inline Markdown.
    pub caption: Option<String>,
    /// Who made the image.
    pub credit: String,
    /// The licence, such as "CC BY 4.0".
    pub license: Option<String>,
    /// The id of the source it comes from.
    pub source: Option<String>,
    /// Where its values are in the registry.
    #[serde(skip)]
    pub places: Places,
    /// Why its file cannot be found, when it cannot. The entry is kept, so that the
    /// registry's other entries and every `media:` link are still checked; the problem is
    /// reported at the `file` value.
    #[serde(skip)]
    pub missing: Option<PathProblem>,
}

/// Every registered image, in file order.
#[derive(Debug, Clone)]
pub struct Media {
    /// The images.
    pub list: Vec<MediaImage>,
    pub(super) index: HashMap<String, usize>,
    /// The registry file.
    pub file: SourceText,
}

impl Media {
    /// The image with this id.
    pub fn get(&self, id: &str) -> Option<&MediaImage> {
        self.index.get(id).map(|&i| &self.list[i])
    }

    /// The ids `media:` links may name, in file order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.list.iter().map(|image| image.id.as_str())
    }

    /// The entries whose file cannot be found, each an error at its `file` value.
    pub fn missing_files(&self) -> Vec<Diagnostic> {
        self.list
            .iter()
            .filter_map(|image| {
                let problem = image.missing.as_ref()?;
                Some(
                    self.file_error(image, &problem.message)
                        .with_help(problem.help.clone()),
                )
            })
            .collect()
    }

    /// An error about an image's file (damaged, too large), at its `file` value.
    pub fn file_error(&self, image: &MediaImage, message: impl std::fmt::Display) -> Diagnostic {
        self.file.error_at(image.places.file, message)
    }
}
