//! Decoding an image within limits, upright.
//!
//! The size of the file and the number of pixels its header declares are checked before
//! a single pixel is decoded, so a small file declaring a huge image (a decompression
//! bomb) is refused without allocating for it. The camera's orientation is applied to the
//! pixels, since the metadata that carried it is not written out again.

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use super::error::ImageError;
use super::jpeg;
use super::settings::{Format, Settings};

/// A decoded image: 8-bit RGB, or RGBA when it has transparency.
pub struct Decoded {
    /// The original's format.
    pub format: Format,
    /// The pixels, upright.
    pub pixels: DynamicImage,
}

/// Decodes `bytes`, refusing files and images beyond the limits of `settings`.
pub fn decode(bytes: &[u8], settings: &Settings) -> Result<Decoded, ImageError> {
    check_file_size(bytes.len() as u64, settings)?;
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(ImageError::Read)?;
    let format = match reader.format() {
        Some(ImageFormat::Jpeg) if !jpeg::is_complete(bytes) => {
            return Err(ImageError::Corrupt(
                "the file ends before the image does (it was cut short)".to_owned(),
            ));
        }
        Some(ImageFormat::Jpeg) => Format::Jpeg,
        Some(ImageFormat::Png) => Format::Png,
        other => {
            return Err(ImageError::Unsupported {
                found: other.map(|f| format!("{f:?}").to_uppercase()),
            });
        }
    };
    let mut reader = reader;
    // The header alone is read without limits; the image's size is checked from it before
    // the decoder's own limits are set for the pixels.
    reader.no_limits();
    // Third-party decoders meet untrusted bytes here: a panic in one is reported as a
    // damaged image rather than ending the build.
    let pixels = catch_unwind(AssertUnwindSafe(|| decode_checked(reader, settings)))
        .unwrap_or_else(|_| Err(ImageError::Corrupt("the decoder failed".to_owned())))?;
    Ok(Decoded { format, pixels })
}

/// Refuses a file over the size limit: callers check the size on disk first, before reading.
pub fn check_file_size(size: u64, settings: &Settings) -> Result<(), ImageError> {
    if size > settings.max_file_bytes {
        return Err(ImageError::FileTooLarge {
            size,
            limit: settings.max_file_bytes,
        });
    }
    Ok(())
}

fn decode_checked(
    reader: ImageReader<Cursor<&[u8]>>,
    settings: &Settings,
) -> Result<DynamicImage, ImageError> {
    let mut decoder = reader.into_decoder().map_err(corrupt)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > settings.max_pixels {
        return Err(ImageError::TooManyPixels {
            width,
            height,
            limit: settings.max_pixels,
        });
    }
    if width == 0 || height == 0 {
        return Err(ImageError::Corrupt("the image has no pixels".to_owned()));
    }
    decoder.set_limits(limits(settings)).map_err(corrupt)?;
    // Damaged orientation metadata is no reason to refuse the picture: it is shown as stored.
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut pixels = DynamicImage::from_decoder(decoder).map_err(corrupt)?;
    pixels.apply_orientation(orientation);
    Ok(if pixels.color().has_alpha() {
        DynamicImage::ImageRgba8(pixels.into_rgba8())
    } else {
        DynamicImage::ImageRgb8(pixels.into_rgb8())
    })
}

/// The decoder's own limits, a second guard behind the pixel count: room for the largest
/// accepted image at 16 bits per channel with transparency, and the decoder's working memory.
fn limits(settings: &Settings) -> Limits {
    let mut limits = Limits::default();
    limits.max_alloc = Some(
        settings
            .max_pixels
            .saturating_mul(8)
            .saturating_add(64 * 1024 * 1024),
    );
    limits
}

fn corrupt(err: image::ImageError) -> ImageError {
    ImageError::Corrupt(err.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::samples;

    #[test]
    fn applies_the_camera_orientation() {
        let jpeg = samples::jpeg_with_gps(64, 32);
        let decoded = decode(&jpeg, &Settings::default()).unwrap();
        assert_eq!(decoded.format, Format::Jpeg);
        // Orientation 6: the camera was turned, the picture is shown turned a quarter.
        assert_eq!((decoded.pixels.width(), decoded.pixels.height()), (32, 64));
    }

    #[test]
    fn refuses_a_bomb_from_its_header() {
        let bomb = samples::png_declaring(100_000, 100_000);
        assert!(bomb.len() < 1000);
        let err = decode(&bomb, &Settings::default()).err().unwrap();
        assert!(
            matches!(
                err,
                ImageError::TooManyPixels {
                    width: 100_000,
                    height: 100_000,
                    ..
                }
            ),
            "{err}"
        );
    }

    #[test]
    fn refuses_large_files() {
        let settings = Settings {
            max_file_bytes: 100,
            ..Settings::default()
        };
        let err = decode(&samples::photo_jpeg(64, 48), &settings)
            .err()
            .unwrap();
        assert!(matches!(err, ImageError::FileTooLarge { limit: 100, .. }));
    }

    #[test]
    fn damaged_and_foreign_files_are_errors() {
        let err = decode(&samples::truncated_jpeg(), &Settings::default()).err();
        assert!(matches!(err, Some(ImageError::Corrupt(_))), "{err:?}");
        let png = samples::png_with_metadata(64, 48);
        let err = decode(&png[..png.len() - 40], &Settings::default()).err();
        assert!(matches!(err, Some(ImageError::Corrupt(_))), "{err:?}");
        let err = decode(b"GIF89a not really", &Settings::default()).err();
        assert!(
            matches!(&err, Some(ImageError::Unsupported { found: Some(f) }) if f == "GIF"),
            "{err:?}"
        );
        let err = decode(b"plain text", &Settings::default()).err();
        assert!(matches!(err, Some(ImageError::Unsupported { found: None })));
    }
}
