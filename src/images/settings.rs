//! What the image pipeline makes, and the limits it keeps to.

use serde::Serialize;

/// The widths, in pixels, of the derivatives made of every image (narrower ones are
/// made only when the original is wider).
pub const DEFAULT_WIDTHS: [u32; 4] = [480, 800, 1200, 1600];

/// Raised by hand whenever the pixels or bytes the pipeline writes change for the same
/// settings (a new resize filter, a new encoder), so that cached files made the old way
/// are not reused.
const PIPELINE_VERSION: u32 = 1;

/// How images are processed.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Derivative widths, in pixels, in any order.
    pub widths: Vec<u32>,
    /// JPEG quality, 1 to 100.
    pub jpeg_quality: u8,
    /// WebP quality, 0 to 100 (lossy).
    pub webp_quality: u8,
    /// The largest image file accepted, in bytes.
    pub max_file_bytes: u64,
    /// The largest image accepted, in pixels (width times height), checked from the
    /// header before any pixel is decoded: a small file can declare a huge image.
    pub max_pixels: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            widths: DEFAULT_WIDTHS.to_vec(),
            jpeg_quality: 80,
            webp_quality: 75,
            max_file_bytes: 40_000_000,
            max_pixels: 64_000_000,
        }
    }
}

impl Settings {
    /// What, besides an image's bytes, decides the files made of it: part of the cache key.
    /// The limits are left out, since they only decide whether an image is accepted.
    pub(crate) fn fingerprint(&self) -> String {
        let mut widths = self.widths.clone();
        widths.sort_unstable();
        format!(
            "v{PIPELINE_VERSION} widths={widths:?} jpeg={} webp={}",
            self.jpeg_quality, self.webp_quality
        )
    }

    /// The widths to make of an image `width` pixels wide, narrowest first: every set width
    /// narrower than the image, and the image's own width when it is not wider than the
    /// widest set width. Never wider than the original.
    pub fn widths_for(&self, width: u32) -> Vec<u32> {
        let mut widths: Vec<u32> = self
            .widths
            .iter()
            .copied()
            .filter(|&w| w > 0 && w < width)
            .collect();
        let widest = self.widths.iter().copied().max().unwrap_or(0);
        if width <= widest || widths.is_empty() {
            widths.push(width);
        }
        widths.sort_unstable();
        widths.dedup();
        widths
    }
}

/// An encoded image format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// JPEG, for photographs.
    Jpeg,
    /// PNG, for drawings and images with transparency.
    Png,
    /// Lossy WebP, made of every image: several times lighter than either.
    Webp,
}

impl Format {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
            Format::Webp => "webp",
        }
    }

    /// The media type, for `<source type>` and `og:image:type`.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
            Format::Webp => "image/webp",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_never_exceed_the_original() {
        let settings = Settings::default();
        assert_eq!(settings.widths_for(4000), vec![480, 800, 1200, 1600]);
        assert_eq!(settings.widths_for(1000), vec![480, 800, 1000]);
        assert_eq!(settings.widths_for(800), vec![480, 800]);
        assert_eq!(settings.widths_for(300), vec![300]);
    }

    #[test]
    fn the_fingerprint_ignores_limits_and_order() {
        let a = Settings::default();
        let b = Settings {
            widths: vec![1600, 1200, 800, 480],
            max_pixels: 1,
            ..Settings::default()
        };
        assert_eq!(a.fingerprint(), b.fingerprint());
        let c = Settings {
            jpeg_quality: 90,
            ..Settings::default()
        };
        assert_ne!(a.fingerprint(), c.fingerprint());
    }
}
