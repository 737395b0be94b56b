//! Writes a site of camera photographs for the image benchmark.
//!
//! ```text
//! cargo run --release --example photos -- N DIR [WIDTH HEIGHT]
//! ```
//!
//! `DIR` gets `N` different photograph-like JPEGs of `WIDTH` x `HEIGHT` pixels (default
//! 4000 x 3000), each with the EXIF a camera writes (a GPS position included), a media
//! registry naming them, an article placing each as a figure, and the project's templates
//! and static files. The same arguments always give the same files.

#[path = "../tests/it/common/samples.rs"]
mod samples;

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn Error>> {
    const USAGE: &str = "usage: photos N DIR [WIDTH HEIGHT]";
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(dir)) = (args.first(), args.get(1)) else {
        return Err(USAGE.into());
    };
    let count: u32 = count.parse().map_err(|_| USAGE)?;
    let width: u32 = args
        .get(2)
        .map_or(Ok(4000), |w| w.parse())
        .map_err(|_| USAGE)?;
    let height: u32 = args
        .get(3)
        .map_or(Ok(3000), |h| h.parse())
        .map_err(|_| USAGE)?;
    let dir = PathBuf::from(dir);
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    for part in ["templates", "static"] {
        copy_dir(&here.join(part), &dir.join(part))?;
    }
    fs::create_dir_all(dir.join("content/data"))?;
    fs::create_dir_all(dir.join("content/images"))?;
    fs::write(
        dir.join("explainer.toml"),
        "title = \"Photographs\"\nbase_url = \"https://example.org/\"\n",
    )?;
    let mut registry = String::new();
    let mut article =
        String::from("+++\ntitle = \"Photographs\"\nimage = \"media:photo-1\"\n+++\n");
    for n in 1..=count {
        let pixels = samples::photo_pixels_seeded(width, height, n);
        fs::write(
            dir.join(format!("content/images/photo-{n}.jpg")),
            samples::camera_jpeg(&pixels, 1),
        )?;
        registry.push_str(&format!(
            "[[image]]\nid = \"photo-{n}\"\nfile = \"images/photo-{n}.jpg\"\nalt = \"Synthetic photograph {n}\"\ncredit = \"Benchmark\"\n\n"
        ));
        article.push_str(&format!("\nParagraph {n}.\n\n![](media:photo-{n})\n"));
    }
    fs::write(dir.join("content/data/media.toml"), registry)?;
    fs::write(dir.join("content/index.md"), article)?;
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
