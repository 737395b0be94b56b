//! One image through the pipeline: from the cache when it holds the same bytes with the
//! same settings, otherwise decoded, scaled to each width and encoded in each format.

use std::fs;
use std::path::Path;

use rayon::prelude::*;

use super::cache::Cache;
use super::decode::{self, Decoded};
use super::encode::encode;
use super::error::ImageError;
use super::processed::{Processed, Variant};
use super::resize;
use super::settings::{Format, Settings};

/// Processes the image file at `path`. Its size is checked before it is read.
pub fn process_file(
    path: &Path,
    settings: &Settings,
    cache: &Cache,
) -> Result<Processed, ImageError> {
    let size = fs::metadata(path).map_err(ImageError::Read)?.len();
    decode::check_file_size(size, settings)?;
    let bytes = fs::read(path).map_err(ImageError::Read)?;
    process(&bytes, settings, cache)
}

/// Processes an image's bytes: derivatives at the widths of
/// [`Settings::widths_for`] in the original's format and in WebP, and the whole image
/// re-encoded, all without metadata.
pub fn process(bytes: &[u8], settings: &Settings, cache: &Cache) -> Result<Processed, ImageError> {
    decode::check_file_size(bytes.len() as u64, settings)?;
    let key = Cache::key(bytes, settings);
    if let Some(hit) = cache.load(&key) {
        return Ok(hit);
    }
    let decoded = decode::decode(bytes, settings)?;
    let (width, height) = (decoded.pixels.width(), decoded.pixels.height());
    let widths = settings.widths_for(width);
    let full_size_apart = widths.last().is_some_and(|&w| w < width);
    // Each width (and the full size, when it is not one of them) is scaled and encoded on
    // its own thread.
    let jobs: Vec<(u32, bool)> = widths
        .iter()
        .map(|&w| (w, false))
        .chain(full_size_apart.then_some((width, true)))
        .collect();
    let made: Vec<Vec<(Variant, Vec<u8>)>> = jobs
        .par_iter()
        .map(|&(w, full_only)| encode_width(&decoded, w, full_only, settings))
        .collect::<Result<_, _>>()?;
    let mut files = Vec::new();
    let mut variants = Vec::new();
    let mut original = None;
    for (variant, bytes) in made.into_iter().flatten() {
        let full_size = variant.width == width && variant.format == decoded.format;
        if full_size {
            original = Some(variant.clone());
        }
        if !(full_size && full_size_apart) {
            variants.push(variant.clone());
        }
        files.push((variant.file, bytes));
    }
    let original =
        original.ok_or_else(|| ImageError::Encode("no full-size copy was made".to_owned()))?;
    variants.sort_by_key(|v| (v.format != decoded.format, v.width));
    cache.store(
        Processed {
            key,
            format: decoded.format,
            width,
            height,
            variants,
            original,
            dir: Default::default(),
            from_cache: false,
        },
        &files,
    )
}

/// The files of one width: the original's format, and WebP unless only the full-size
/// original is wanted.
fn encode_width(
    decoded: &Decoded,
    width: u32,
    full_only: bool,
    settings: &Settings,
) -> Result<Vec<(Variant, Vec<u8>)>, ImageError> {
    let scaled = resize::to_width(&decoded.pixels, width)?;
    let formats: &[Format] = if full_only {
        &[decoded.format]
    } else {
        &[decoded.format, Format::Webp]
    };
    formats
        .iter()
        .map(|&format| {
            let bytes = encode(&scaled, format, settings)?;
            let variant = Variant {
                format,
                width,
                height: scaled.height(),
                bytes: bytes.len() as u64,
                file: format!("{width}.{}", format.extension()),
            };
            Ok((variant, bytes))
        })
        .collect()
}
