//! Images made safe and light to publish.
//!
//! Every JPEG or PNG a site publishes goes through here: it is decoded within limits
//! (file size and pixel count, checked before decoding), turned upright, scaled to a few
//! widths never wider than the original, and encoded again in its own format and in lossy
//! WebP. Nothing but pixels is written back: a camera's EXIF (with its GPS position), XMP,
//! ICC profiles and comments are all left behind, in the derivatives and in the full-size
//! copy that is published in place of the original. The files are kept in a [`Cache`]
//! keyed by the image's content, so an unchanged image is never encoded twice.
//!
//! The module knows nothing of sites: it takes bytes or paths and returns files.

mod cache;
mod decode;
mod encode;
mod error;
mod jpeg;
pub mod metadata;
mod process;
mod processed;
mod resize;
mod settings;

use std::path::PathBuf;

use rayon::prelude::*;

pub use cache::Cache;
pub use error::ImageError;
pub use process::{process, process_file};
pub use processed::{Processed, Variant};
pub use settings::{DEFAULT_WIDTHS, Format, Settings};

/// Processes many image files in parallel, each result in the order of `paths`.
pub fn process_files(
    paths: &[PathBuf],
    settings: &Settings,
    cache: &Cache,
) -> Vec<Result<Processed, ImageError>> {
    paths
        .par_iter()
        .map(|path| process_file(path, settings, cache))
        .collect()
}

#[cfg(test)]
#[path = "../../tests/it/common/samples.rs"]
mod samples;
#[cfg(test)]
mod tests;
