//! Real image files made on the spot: photographs with a camera's metadata (orientation,
//! GPS position, XMP, comments), drawings, damaged files and decompression bombs.
//!
//! Shared by the unit tests of `src/images` and the integration tests, so that both check
//! the same bytes.
#![allow(dead_code)]

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{ExtendedColorType, ImageEncoder, RgbImage, RgbaImage};

/// A latitude a camera would record, as the degrees, minutes and seconds in the sample EXIF.
pub const GPS_LATITUDE: [u32; 3] = [1, 2, 3];

/// Photograph-like pixels: smooth shapes with fine grain, which compress like a photo does.
pub fn photo_pixels(width: u32, height: u32) -> RgbImage {
    photo_pixels_seeded(width, height, 0)
}

/// Photograph-like pixels, different for each `seed`.
pub fn photo_pixels_seeded(width: u32, height: u32, seed: u32) -> RgbImage {
    let phase = seed as f32 * 0.7;
    let mut seed: u32 = 0x9e37_79b9 ^ seed.wrapping_mul(0x85eb_ca6b);
    RgbImage::from_fn(width, height, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let grain = (seed % 24) as f32;
        let (fx, fy) = (x as f32 / width as f32, y as f32 / height as f32);
        let wave = ((fx * 9.0 + phase).sin() + (fy * 7.0).cos() + (fx * fy * 23.0).sin()) * 40.0;
        let channel = |base: f32| (base + wave + grain).clamp(0.0, 255.0) as u8;
        image::Rgb([
            channel(90.0 + 80.0 * fy),
            channel(110.0 + 40.0 * fx),
            channel(150.0 - 60.0 * fy),
        ])
    })
}

/// A JPEG photograph without metadata.
pub fn photo_jpeg(width: u32, height: u32) -> Vec<u8> {
    encode_jpeg(&photo_pixels(width, height))
}

fn encode_jpeg(pixels: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(
            pixels,
            pixels.width(),
            pixels.height(),
            ExtendedColorType::Rgb8,
        )
        .unwrap();
    out
}

/// A JPEG photograph as a camera writes it: EXIF with orientation 6 (turned a quarter) and
/// a GPS position, an XMP packet and a comment, all right after the start marker.
pub fn jpeg_with_gps(width: u32, height: u32) -> Vec<u8> {
    camera_jpeg(&photo_pixels(width, height), 6)
}

/// `pixels` as a camera writes them, with the EXIF `orientation` (1 for upright) and a GPS
/// position, an XMP packet and a comment.
pub fn camera_jpeg(pixels: &RgbImage, orientation: u8) -> Vec<u8> {
    let plain = encode_jpeg(pixels);
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend(exif_tiff_oriented(orientation));
    let mut xmp = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
    xmp.extend(b"<x:xmpmeta xmlns:x='adobe:ns:meta/'><exif:GPSLatitude>1,2.05N</exif:GPSLatitude></x:xmpmeta>");
    let mut out = plain[..2].to_vec();
    for (marker, body) in [
        (0xE1, exif.as_slice()),
        (0xE1, xmp.as_slice()),
        (0xFE, b"taken by a source".as_slice()),
    ] {
        out.extend([0xFF, marker]);
        out.extend(u16::try_from(body.len() + 2).unwrap().to_be_bytes());
        out.extend(body);
    }
    out.extend(&plain[2..]);
    out
}

/// A PNG drawing with transparency, carrying an `eXIf` chunk with a GPS position and a
/// `tEXt` comment.
pub fn png_with_metadata(width: u32, height: u32) -> Vec<u8> {
    let pixels = RgbaImage::from_fn(width, height, |x, y| {
        let inside = (x / 8 + y / 8) % 2 == 0;
        image::Rgba([
            if inside { 200 } else { 20 },
            60,
            120,
            if inside { 255 } else { 128 },
        ])
    });
    let mut plain = Vec::new();
    PngEncoder::new(&mut plain)
        .write_image(&pixels, width, height, ExtendedColorType::Rgba8)
        .unwrap();
    // Signature (8 bytes) and IHDR (4 + 4 + 13 + 4 bytes), then the extra chunks.
    let after_header = 8 + 25;
    let mut out = plain[..after_header].to_vec();
    out.extend(png_chunk(b"eXIf", &exif_tiff()));
    out.extend(png_chunk(b"tEXt", b"Comment\0taken by a source"));
    out.extend(&plain[after_header..]);
    out
}

/// A tiny PNG whose header declares `width` x `height` pixels: a decompression bomb.
pub fn png_declaring(width: u32, height: u32) -> Vec<u8> {
    let mut header = Vec::new();
    header.extend(width.to_be_bytes());
    header.extend(height.to_be_bytes());
    header.extend([8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(png_chunk(b"IHDR", &header));
    out.extend(png_chunk(
        b"IDAT",
        &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    ));
    out.extend(png_chunk(b"IEND", &[]));
    out
}

/// A JPEG cut short: the start of a real photograph, the rest lost.
pub fn truncated_jpeg() -> Vec<u8> {
    let mut jpeg = photo_jpeg(256, 192);
    jpeg.truncate(jpeg.len() / 3);
    jpeg
}

/// Little-endian TIFF with an orientation of 6 and a GPS latitude and longitude.
pub fn exif_tiff() -> Vec<u8> {
    exif_tiff_oriented(6)
}

/// Little-endian TIFF with `orientation` and a GPS latitude and longitude.
pub fn exif_tiff_oriented(orientation: u8) -> Vec<u8> {
    let mut t = Vec::new();
    t.extend(b"II");
    t.extend(42u16.to_le_bytes());
    t.extend(8u32.to_le_bytes());
    let entry = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        t.extend(tag.to_le_bytes());
        t.extend(kind.to_le_bytes());
        t.extend(count.to_le_bytes());
        t.extend(value);
    };
    const SHORT: u16 = 3;
    const LONG: u16 = 4;
    const ASCII: u16 = 2;
    const RATIONAL: u16 = 5;
    // IFD0 at 8: 2 entries, then the GPS IFD at 8 + 2 + 24 + 4 = 38.
    t.extend(2u16.to_le_bytes());
    entry(&mut t, 0x0112, SHORT, 1, [orientation, 0, 0, 0]);
    entry(&mut t, 0x8825, LONG, 1, 38u32.to_le_bytes());
    t.extend(0u32.to_le_bytes());
    // GPS IFD at 38: 4 entries, its values at 38 + 2 + 48 + 4 = 92 and 116.
    t.extend(4u16.to_le_bytes());
    entry(&mut t, 0x0001, ASCII, 2, *b"N\0\0\0");
    entry(&mut t, 0x0002, RATIONAL, 3, 92u32.to_le_bytes());
    entry(&mut t, 0x0003, ASCII, 2, *b"E\0\0\0");
    entry(&mut t, 0x0004, RATIONAL, 3, 116u32.to_le_bytes());
    t.extend(0u32.to_le_bytes());
    for value in GPS_LATITUDE.into_iter().chain([4, 5, 6]) {
        t.extend(value.to_le_bytes());
        t.extend(1u32.to_le_bytes());
    }
    t
}

fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
    out.extend(kind);
    out.extend(data);
    out.extend(crc32(&out[4..]).to_be_bytes());
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
