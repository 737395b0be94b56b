//! Finding metadata blocks in an encoded file: EXIF (where a camera records its GPS
//! position), XMP, ICC profiles, IPTC, comments and text.
//!
//! Every file the pipeline writes is checked with this before it is kept, so a change of
//! encoder that started copying metadata would fail loudly instead of publishing a
//! source's location. The check reads the container's structure, never the pixels.

use super::settings::Format;

/// The metadata blocks found in `bytes`, by kind ("EXIF", "XMP", ...), in file order.
/// A file whose structure cannot be followed reports "unreadable structure".
pub fn blocks(format: Format, bytes: &[u8]) -> Vec<&'static str> {
    let found = match format {
        Format::Jpeg => jpeg(bytes),
        Format::Png => png(bytes),
        Format::Webp => webp(bytes),
    };
    found.unwrap_or_else(|| vec!["unreadable structure"])
}

/// JPEG segments up to the first scan.
fn jpeg(bytes: &[u8]) -> Option<Vec<&'static str>> {
    let header = super::jpeg::header(bytes)?;
    let kinds = header
        .segments
        .iter()
        .filter_map(|&(marker, body)| match marker {
            0xE0 if body.starts_with(b"JFIF\0") => None,
            0xE1 if body.starts_with(b"Exif") => Some("EXIF"),
            0xE1 if body.starts_with(b"http://ns.adobe.com/xap/") => Some("XMP"),
            0xE2 if body.starts_with(b"ICC_PROFILE") => Some("ICC"),
            0xED => Some("IPTC"),
            0xE0..=0xEF => Some("application data"),
            0xFE => Some("comment"),
            _ => None,
        });
    Some(kinds.collect())
}

/// PNG chunks: only those that describe pixels are allowed.
fn png(bytes: &[u8]) -> Option<Vec<&'static str>> {
    const PIXEL_CHUNKS: [&[u8; 4]; 11] = [
        b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"pHYs", b"sBIT",
        b"bKGD",
    ];
    let mut found = Vec::new();
    if bytes.get(..8)? != b"\x89PNG\r\n\x1a\n" {
        return None;
    }
    let mut at = 8;
    while at < bytes.len() {
        let length = u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?) as usize;
        let kind: &[u8; 4] = bytes.get(at + 4..at + 8)?.try_into().ok()?;
        let data = bytes.get(at + 8..(at + 8).checked_add(length)?)?;
        if !PIXEL_CHUNKS.contains(&kind) {
            found.push(match kind {
                b"eXIf" => "EXIF",
                b"iTXt" if data.starts_with(b"XML:com.adobe.xmp") => "XMP",
                b"tEXt" | b"zTXt" | b"iTXt" => "text",
                b"iCCP" => "ICC",
                b"tIME" => "time",
                _ => "application data",
            });
        }
        at += 12 + length;
    }
    Some(found)
}

/// WebP chunks: only image data, transparency and animation are allowed.
fn webp(bytes: &[u8]) -> Option<Vec<&'static str>> {
    const PIXEL_CHUNKS: [&[u8; 4]; 6] = [b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF"];
    let mut found = Vec::new();
    if bytes.get(..4)? != b"RIFF" || bytes.get(8..12)? != b"WEBP" {
        return None;
    }
    let mut at = 12;
    while at < bytes.len() {
        let kind: &[u8; 4] = bytes.get(at..at + 4)?.try_into().ok()?;
        let length = u32::from_le_bytes(bytes.get(at + 4..at + 8)?.try_into().ok()?) as usize;
        if !PIXEL_CHUNKS.contains(&kind) {
            found.push(match kind {
                b"EXIF" => "EXIF",
                b"XMP " => "XMP",
                b"ICCP" => "ICC",
                _ => "application data",
            });
        }
        at += 8 + length + length % 2;
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::samples;

    #[test]
    fn finds_what_cameras_write() {
        assert_eq!(
            blocks(Format::Jpeg, &samples::jpeg_with_gps(16, 16)),
            ["EXIF", "XMP", "comment"]
        );
        assert_eq!(
            blocks(Format::Jpeg, &samples::photo_jpeg(16, 16)),
            Vec::<&str>::new()
        );
        assert_eq!(
            blocks(Format::Png, &samples::png_with_metadata(16, 16)),
            ["EXIF", "text"]
        );
        assert_eq!(blocks(Format::Png, b"not a png"), ["unreadable structure"]);
    }
}
