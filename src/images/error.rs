//! What can go wrong with an image, in words an editor can act on.

use std::io;
use std::path::PathBuf;

/// Why an image could not be processed.
#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    /// The file could not be read.
    #[error("cannot read the image: {0}")]
    Read(#[source] io::Error),
    /// The file is larger than [`Settings::max_file_bytes`](super::Settings::max_file_bytes).
    #[error("the image file is {size} bytes, over the limit of {limit} bytes")]
    FileTooLarge {
        /// The file's size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The image declares more pixels than [`Settings::max_pixels`](super::Settings::max_pixels).
    #[error("the image is {width}×{height} pixels, over the limit of {limit} pixels in all")]
    TooManyPixels {
        /// Declared width.
        width: u32,
        /// Declared height.
        height: u32,
        /// The limit.
        limit: u64,
    },
    /// Neither JPEG nor PNG.
    #[error("{}", match found {
        Some(format) => format!("not a JPEG or PNG image: it looks like {format}"),
        None => "not an image this build can read: its first bytes are neither JPEG's nor PNG's (the file may be damaged)".to_owned(),
    })]
    Unsupported {
        /// The format recognised, if any.
        found: Option<String>,
    },
    /// The file is damaged or truncated.
    #[error("the image is damaged: {0}")]
    Corrupt(String),
    /// An encoded file still held a metadata block: a fault of the pipeline, never of the
    /// image, reported rather than publishing a file that might locate a source.
    #[error("a processed image still holds {0} metadata")]
    MetadataSurvived(&'static str),
    /// The image could not be encoded.
    #[error("cannot encode the image: {0}")]
    Encode(String),
    /// The cache folder could not be written.
    #[error("cannot write the image cache {}: {source}", path.display())]
    Cache {
        /// The file or folder.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
}

impl ImageError {
    /// What an editor can do about it.
    pub fn help(&self) -> Option<&'static str> {
        match self {
            ImageError::FileTooLarge { .. } | ImageError::TooManyPixels { .. } => Some(
                "export a smaller copy (2400 pixels wide is plenty for any screen), or raise the limit in [images] of explainer.toml",
            ),
            ImageError::Unsupported { .. } => Some(
                "save the image as JPEG (photographs) or PNG (drawings): only these are published, each cleaned of its metadata (a camera's GPS position among it)",
            ),
            ImageError::Corrupt(_) => Some("open the image in an image editor and export it again"),
            ImageError::Cache { .. } => Some(
                "check the folder can be written, or set `cache_dir` in [images] of explainer.toml",
            ),
            ImageError::Read(_) | ImageError::MetadataSurvived(_) | ImageError::Encode(_) => None,
        }
    }
}
