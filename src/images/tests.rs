//! The pipeline on real files: what comes out, what is left behind, what is cached.

use std::fs;
use std::io::Cursor;

use super::samples;
use super::*;

fn cache() -> (tempfile::TempDir, Cache) {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::new(dir.path().join("cache"));
    (dir, cache)
}

/// The EXIF a reader of image files finds in `bytes`, if any.
fn exif_of(bytes: &[u8]) -> Option<exif::Exif> {
    exif::Reader::new()
        .read_from_container(&mut Cursor::new(bytes))
        .ok()
}

/// Width and height as a decoder reads them from the file.
fn dimensions(variant: &Variant, bytes: &[u8]) -> (u32, u32) {
    match variant.format {
        Format::Webp => {
            let decoded = webp::Decoder::new(bytes).decode().unwrap();
            (decoded.width(), decoded.height())
        }
        _ => {
            let decoded = image::load_from_memory(bytes).unwrap();
            (decoded.width(), decoded.height())
        }
    }
}

#[test]
fn a_camera_photo_comes_out_upright_and_without_its_position() {
    let original = samples::jpeg_with_gps(1000, 600);
    let gps = exif_of(&original).and_then(|e| {
        e.get_field(exif::Tag::GPSLatitude, exif::In::PRIMARY)
            .cloned()
    });
    assert!(gps.is_some(), "the sample must carry a GPS position");
    let (_dir, cache) = cache();
    let processed = process(&original, &Settings::default(), &cache).unwrap();
    // Orientation 6: stored 1000 x 600, shown 600 x 1000.
    assert_eq!((processed.width, processed.height), (600, 1000));
    assert_eq!(processed.format, Format::Jpeg);
    let made: Vec<_> = processed
        .variants
        .iter()
        .map(|v| (v.format, v.width))
        .collect();
    assert_eq!(
        made,
        [
            (Format::Jpeg, 480),
            (Format::Jpeg, 600),
            (Format::Webp, 480),
            (Format::Webp, 600)
        ]
    );
    assert_eq!(processed.original.width, 600);
    for variant in processed.files() {
        let bytes = fs::read(processed.path(variant)).unwrap();
        assert_eq!(metadata::blocks(variant.format, &bytes), Vec::<&str>::new());
        assert!(exif_of(&bytes).is_none(), "{} has EXIF", variant.file);
        assert!(
            !bytes
                .windows(4)
                .any(|w| w == b"Exif" || w == b"xmp:" || w == b"xap/")
        );
        assert_eq!(dimensions(variant, &bytes), (variant.width, variant.height));
        assert_eq!(bytes.len() as u64, variant.bytes);
    }
}

#[test]
fn a_png_keeps_its_transparency_and_loses_its_text() {
    let original = samples::png_with_metadata(300, 200);
    assert!(exif_of(&original).is_some());
    let (_dir, cache) = cache();
    let processed = process(&original, &Settings::default(), &cache).unwrap();
    assert_eq!(processed.format, Format::Png);
    assert_eq!(processed.variants.len(), 2);
    for variant in processed.files() {
        let bytes = fs::read(processed.path(variant)).unwrap();
        assert_eq!(metadata::blocks(variant.format, &bytes), Vec::<&str>::new());
        assert!(exif_of(&bytes).is_none());
        assert!(!bytes.windows(6).any(|w| w == b"source"));
    }
    let png = fs::read(processed.path(&processed.original)).unwrap();
    assert!(image::load_from_memory(&png).unwrap().color().has_alpha());
}

#[test]
fn derivatives_are_never_wider_than_the_original_and_keep_its_proportions() {
    let (_dir, cache) = cache();
    let settings = Settings {
        widths: vec![160, 48, 120, 80],
        ..Settings::default()
    };
    let processed = process(&samples::photo_jpeg(200, 100), &settings, &cache).unwrap();
    let widths: Vec<u32> = processed.in_format(Format::Webp).map(|v| v.width).collect();
    assert_eq!(widths, [48, 80, 120, 160]);
    assert!(processed.variants.iter().all(|v| v.height * 2 == v.width));
    // The full-size copy is published in place of the original, not offered in srcset.
    assert_eq!(
        (processed.original.width, processed.original.height),
        (200, 100)
    );
    assert!(!processed.variants.contains(&processed.original));
    assert_eq!(processed.closest(130).width, 120);
    assert_eq!(processed.closest(130).format, Format::Jpeg);
    for variant in processed.files() {
        let bytes = fs::read(processed.path(variant)).unwrap();
        assert_eq!(dimensions(variant, &bytes), (variant.width, variant.height));
    }
}

#[test]
fn a_photo_at_800_pixels_is_light_in_webp() {
    let (_dir, cache) = cache();
    let processed = process(&samples::photo_jpeg(800, 600), &Settings::default(), &cache).unwrap();
    let webp = processed
        .in_format(Format::Webp)
        .find(|v| v.width == 800)
        .unwrap();
    let jpeg = processed
        .in_format(Format::Jpeg)
        .find(|v| v.width == 800)
        .unwrap();
    assert!(webp.bytes < 250 * 1024, "{} bytes", webp.bytes);
    assert!(webp.bytes < jpeg.bytes, "{} >= {}", webp.bytes, jpeg.bytes);
}

#[test]
fn an_unchanged_image_is_never_encoded_again() {
    let (_dir, cache) = cache();
    let bytes = samples::photo_jpeg(300, 200);
    let settings = Settings::default();
    let first = process(&bytes, &settings, &cache).unwrap();
    assert!(!first.from_cache);
    let written = fs::metadata(first.path(&first.original))
        .unwrap()
        .modified()
        .unwrap();
    let again = process(&bytes, &settings, &cache).unwrap();
    assert!(again.from_cache);
    assert_eq!(again.key, first.key);
    assert_eq!(again.variants, first.variants);
    let still = fs::metadata(again.path(&again.original))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(written, still);

    // Other settings make other files.
    let sharper = Settings {
        jpeg_quality: 90,
        ..Settings::default()
    };
    let other = process(&bytes, &sharper, &cache).unwrap();
    assert!(!other.from_cache);
    assert_ne!(other.key, first.key);

    // An entry missing a file is made again, not served half.
    fs::remove_file(first.path(&first.variants[0])).unwrap();
    let remade = process(&bytes, &settings, &cache).unwrap();
    assert!(!remade.from_cache);
    assert!(remade.path(&remade.variants[0]).is_file());
    assert!(process(&bytes, &settings, &cache).unwrap().from_cache);
}

#[test]
fn files_are_processed_together_and_fail_one_by_one() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::new(dir.path().join("cache"));
    let good = dir.path().join("good.png");
    let bomb = dir.path().join("bomb.png");
    let cut = dir.path().join("cut.jpg");
    fs::write(&good, samples::png_with_metadata(40, 40)).unwrap();
    fs::write(&bomb, samples::png_declaring(30_000, 30_000)).unwrap();
    fs::write(&cut, samples::truncated_jpeg()).unwrap();
    let missing = dir.path().join("missing.jpg");
    let results = process_files(&[good, bomb, cut, missing], &Settings::default(), &cache);
    assert!(results[0].is_ok());
    assert!(matches!(results[1], Err(ImageError::TooManyPixels { .. })));
    assert!(
        matches!(results[2], Err(ImageError::Corrupt(_))),
        "{:?}",
        results[2]
    );
    assert!(matches!(results[3], Err(ImageError::Read(_))));
    // Only the good image left an entry.
    let entries = walkdir::WalkDir::new(cache.root())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "manifest.json")
        .count();
    assert_eq!(entries, 1);
}

#[test]
fn a_file_over_the_size_limit_is_not_even_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jpg");
    fs::write(&path, samples::photo_jpeg(200, 100)).unwrap();
    let settings = Settings {
        max_file_bytes: 10,
        ..Settings::default()
    };
    let err = process_file(&path, &settings, &Cache::new(dir.path().join("cache")))
        .err()
        .unwrap();
    assert!(matches!(err, ImageError::FileTooLarge { limit: 10, .. }));
    assert!(err.help().is_some());
}
