//! What the pipeline made of one image: its files, their formats and sizes.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::settings::Format;

/// One encoded file made of an image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    /// Its format.
    pub format: Format,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Size in bytes.
    pub bytes: u64,
    /// The file's name in the cache entry's folder.
    pub file: String,
}

/// Everything made of one image, as kept in the cache.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Processed {
    /// The content hash of the image and the settings: a stable name for its files.
    pub key: String,
    /// The original's format.
    pub format: Format,
    /// The upright image's width.
    pub width: u32,
    /// The upright image's height.
    pub height: u32,
    /// The derivatives for `srcset`, in the original's format and in WebP, narrowest first.
    pub variants: Vec<Variant>,
    /// The whole image at full size in its own format, stripped of metadata: what is
    /// published in place of the original file. Often one of `variants` too.
    pub original: Variant,
    /// The cache entry's folder, where the files are.
    #[serde(skip)]
    pub dir: PathBuf,
    /// True when the files came from the cache and nothing was decoded or encoded.
    #[serde(skip)]
    pub from_cache: bool,
}

impl Processed {
    /// Where a variant's file is.
    pub fn path(&self, variant: &Variant) -> PathBuf {
        self.dir.join(&variant.file)
    }

    /// The derivatives in one format, narrowest first.
    pub fn in_format(&self, format: Format) -> impl Iterator<Item = &Variant> {
        self.variants.iter().filter(move |v| v.format == format)
    }

    /// The derivative in the original's format whose width is closest to `width`: the
    /// share image of a page, say, where WebP is not read everywhere.
    pub fn closest(&self, width: u32) -> &Variant {
        self.in_format(self.format)
            .min_by_key(|v| v.width.abs_diff(width))
            .unwrap_or(&self.original)
    }

    /// Every file of the entry, each once.
    pub fn files(&self) -> impl Iterator<Item = &Variant> {
        let original_shared = self.variants.iter().any(|v| v.file == self.original.file);
        self.variants
            .iter()
            .chain((!original_shared).then_some(&self.original))
    }

    /// True when every file the entry lists is in `dir` with its recorded size.
    pub(crate) fn is_complete_in(&self, dir: &Path) -> bool {
        self.files().all(|v| {
            std::fs::metadata(dir.join(&v.file)).is_ok_and(|m| m.is_file() && m.len() == v.bytes)
        })
    }
}
