//! Scaling an image down to a width, keeping its proportions.

use std::borrow::Cow;

use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{PixelType, ResizeOptions, Resizer};
use image::{DynamicImage, RgbImage, RgbaImage};

use super::error::ImageError;

/// The height of an image `width` x `height` scaled to `to_width`, rounded, at least 1.
pub fn scaled_height(width: u32, height: u32, to_width: u32) -> u32 {
    let scaled =
        (u64::from(height) * u64::from(to_width) + u64::from(width) / 2) / u64::from(width);
    u32::try_from(scaled).unwrap_or(u32::MAX).max(1)
}

/// `pixels` (8-bit RGB or RGBA) scaled to `to_width` with a Lanczos filter that takes
/// transparency into account; the image itself when it already has that width.
pub fn to_width(pixels: &DynamicImage, to_width: u32) -> Result<Cow<'_, DynamicImage>, ImageError> {
    let (width, height) = (pixels.width(), pixels.height());
    if to_width >= width {
        return Ok(Cow::Borrowed(pixels));
    }
    let to_height = scaled_height(width, height, to_width);
    let (kind, bytes) = match pixels {
        DynamicImage::ImageRgba8(rgba) => (PixelType::U8x4, rgba.as_raw()),
        DynamicImage::ImageRgb8(rgb) => (PixelType::U8x3, rgb.as_raw()),
        _ => return Err(ImageError::Encode("unexpected pixel layout".to_owned())),
    };
    let failed = |err: &dyn std::fmt::Display| ImageError::Encode(err.to_string());
    let source = ImageRef::new(width, height, bytes, kind).map_err(|e| failed(&e))?;
    let mut target = Image::new(to_width, to_height, kind);
    Resizer::new()
        .resize(&source, &mut target, &ResizeOptions::new())
        .map_err(|e| failed(&e))?;
    let buffer = target.into_vec();
    let image = match kind {
        PixelType::U8x4 => {
            RgbaImage::from_raw(to_width, to_height, buffer).map(DynamicImage::ImageRgba8)
        }
        _ => RgbImage::from_raw(to_width, to_height, buffer).map(DynamicImage::ImageRgb8),
    };
    image
        .map(Cow::Owned)
        .ok_or_else(|| ImageError::Encode("the scaled image has the wrong size".to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_proportions() {
        assert_eq!(scaled_height(4000, 3000, 800), 600);
        assert_eq!(scaled_height(1000, 333, 480), 160);
        assert_eq!(scaled_height(5000, 1, 480), 1);
        let pixels = DynamicImage::ImageRgb8(RgbImage::new(400, 300));
        let small = to_width(&pixels, 100).unwrap();
        assert_eq!((small.width(), small.height()), (100, 75));
        let same = to_width(&pixels, 400).unwrap();
        assert_eq!((same.width(), same.height()), (400, 300));
    }
}
