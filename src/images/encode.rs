//! Encoding pixels as JPEG, PNG or lossy WebP, with no metadata at all.
//!
//! The encoders are given pixels only: no EXIF, XMP, ICC profile or comment is ever handed
//! to them, and every file they return is checked for metadata blocks before it is kept.

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{DynamicImage, ExtendedColorType, ImageEncoder};

use super::error::ImageError;
use super::metadata;
use super::settings::{Format, Settings};

/// `pixels` (8-bit RGB or RGBA) encoded as `format`.
pub fn encode(
    pixels: &DynamicImage,
    format: Format,
    settings: &Settings,
) -> Result<Vec<u8>, ImageError> {
    let (width, height) = (pixels.width(), pixels.height());
    let (layout, bytes) = match pixels {
        DynamicImage::ImageRgba8(rgba) => (ExtendedColorType::Rgba8, rgba.as_raw()),
        DynamicImage::ImageRgb8(rgb) => (ExtendedColorType::Rgb8, rgb.as_raw()),
        _ => return Err(ImageError::Encode("unexpected pixel layout".to_owned())),
    };
    let failed = |err: image::ImageError| ImageError::Encode(err.to_string());
    let mut out = Vec::new();
    match format {
        Format::Jpeg => {
            // JPEG has no transparency: such an image is flattened (only PNGs have it, and
            // they are never written as JPEG).
            let rgb;
            let (layout, bytes) = if layout == ExtendedColorType::Rgba8 {
                rgb = pixels.to_rgb8();
                (ExtendedColorType::Rgb8, rgb.as_raw())
            } else {
                (layout, bytes)
            };
            JpegEncoder::new_with_quality(&mut out, settings.jpeg_quality.clamp(1, 100))
                .write_image(bytes, width, height, layout)
                .map_err(failed)?;
        }
        Format::Png => {
            PngEncoder::new_with_quality(&mut out, CompressionType::Default, FilterType::Adaptive)
                .write_image(bytes, width, height, layout)
                .map_err(failed)?;
        }
        Format::Webp => {
            let encoder = if layout == ExtendedColorType::Rgba8 {
                webp::Encoder::from_rgba(bytes, width, height)
            } else {
                webp::Encoder::from_rgb(bytes, width, height)
            };
            let encoded = encoder
                .encode_simple(false, f32::from(settings.webp_quality.min(100)))
                .map_err(|err| ImageError::Encode(format!("WebP: {err:?}")))?;
            out.extend_from_slice(&encoded);
        }
    }
    if let Some(block) = metadata::blocks(format, &out).first() {
        return Err(ImageError::MetadataSurvived(block));
    }
    Ok(out)
}
