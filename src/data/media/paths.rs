//! Where an image path written in a site leads: a file under `content/` or `static/`.
//!
//! Three forms are understood, the first as GitHub shows Markdown, so an image that
//! displays in the repository displays on the site:
//! - `images/map.png` or `../images/map.png`: relative to the file that names it;
//! - `@/images/map.png`: from `content/`;
//! - `/share.png`: a file of `static/`, published at the site's root.

use std::path::{Path, PathBuf};

use percent_encoding::percent_decode_str;

use crate::content::{CONTENT_DIR, check_link};
use crate::static_files::STATIC_DIR;

/// The file extensions of images the pipeline reads (compared in lower case).
pub const EXTENSIONS: [&str; 3] = ["jpg", "jpeg", "png"];

/// The file extensions of photographs and pictures in formats the pipeline cannot clean of
/// metadata (compared in lower case). Such a file may hold a camera's EXIF with its GPS
/// position, so it is refused rather than published as written.
pub const UNCLEANED: [&str; 10] = [
    "webp", "gif", "tif", "tiff", "heic", "heif", "avif", "bmp", "jxl", "jp2",
];

fn extension_in(name: &str, list: &[&str]) -> bool {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| list.contains(&e.to_ascii_lowercase().as_str()))
}

/// True for an image file, by its name: such a file is never published as written. A JPEG
/// or PNG goes through the image pipeline; any other (see [`UNCLEANED`]) is an error.
pub fn is_image(name: &str) -> bool {
    extension_in(name, &EXTENSIONS) || is_uncleaned(name)
}

/// True for an image in a format the pipeline cannot clean (see [`UNCLEANED`]).
pub fn is_uncleaned(name: &str) -> bool {
    extension_in(name, &UNCLEANED)
}

/// An image file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageFile {
    /// The file on disk.
    pub disk: PathBuf,
    /// Where the file is published, relative to the output's root (`images/map.png`):
    /// the place its metadata-free full-size copy takes.
    pub output: String,
}

/// Why an image path leads nowhere: what is wrong, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathProblem {
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: String,
}

fn problem(message: String, help: impl Into<String>) -> PathProblem {
    PathProblem {
        message,
        help: help.into(),
    }
}

/// Resolves `written`, named by a file in `from_dir` (a folder under `content/`, with `/`
/// separators, `""` for `content/` itself), to an image file that exists in the site.
pub fn resolve(root: &Path, written: &str, from_dir: &str) -> Result<ImageFile, PathProblem> {
    let decoded = percent_decode_str(written).decode_utf8_lossy();
    let path = decoded.as_ref();
    if path.trim().is_empty() {
        return Err(problem(
            "the image path is empty".to_owned(),
            "name an image file, such as images/map.png",
        ));
    }
    if path.contains("://") || path.starts_with("//") {
        return Err(problem(
            format!("`{written}` is an image on another site"),
            "copy the image into content/ (the site makes no request to other hosts)",
        ));
    }
    if path.contains('\\') {
        return Err(problem(
            format!("`{written}` has a backslash"),
            "separate folders with `/`",
        ));
    }
    let (base, rest) = if let Some(rest) = path.strip_prefix("@/") {
        (CONTENT_DIR, join(&[], rest))
    } else if let Some(rest) = path.strip_prefix('/') {
        (STATIC_DIR, join(&[], rest))
    } else {
        let from: Vec<&str> = from_dir.split('/').filter(|p| !p.is_empty()).collect();
        (CONTENT_DIR, join(&from, path))
    };
    let Some(parts) = rest else {
        return Err(problem(
            format!("`{written}` leads out of {base}/"),
            "images must be inside the site's content/ or static/ folder",
        ));
    };
    let relative = parts.join("/");
    let extension = Path::new(&relative)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if !extension.is_some_and(|e| EXTENSIONS.contains(&e.as_str())) {
        return Err(problem(
            format!("`{written}` is not a JPEG or PNG file"),
            "images are .jpg, .jpeg or .png files; save the image in one of these formats",
        ));
    }
    let disk = root.join(base).join(&relative);
    if !disk.is_file() {
        return Err(problem(
            format!("the image `{written}` does not exist: there is no {base}/{relative}"),
            match base {
                STATIC_DIR => {
                    "a path starting with `/` names a file of static/; check the name, or use `@/` for content/"
                }
                _ => {
                    "paths are relative to the Markdown file, as on GitHub; `@/` starts from content/, `/` from static/"
                }
            },
        ));
    }
    check_link(root, &disk).map_err(|d| problem(d.message, d.help.unwrap_or_default()))?;
    Ok(ImageFile {
        disk,
        output: relative,
    })
}

/// `path`'s parts after `from`, with `.` and `..` applied; `None` when `..` goes above
/// the start.
fn join(from: &[&str], path: &str) -> Option<Vec<String>> {
    let mut parts: Vec<String> = from.iter().map(|p| (*p).to_owned()).collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other.to_owned()),
        }
    }
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for file in [
            "content/images/map.png",
            "content/notes/photo.jpg",
            "static/share.png",
        ] {
            let path = dir.path().join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, b"x").unwrap();
        }
        dir
    }

    #[test]
    fn the_three_forms_lead_to_files() {
        let dir = site();
        let root = dir.path();
        let found = |written: &str, from: &str| resolve(root, written, from).map(|f| f.output);
        assert_eq!(found("images/map.png", ""), Ok("images/map.png".to_owned()));
        assert_eq!(
            found("../images/map.png", "notes"),
            Ok("images/map.png".to_owned())
        );
        assert_eq!(
            found("./photo.jpg", "notes"),
            Ok("notes/photo.jpg".to_owned())
        );
        assert_eq!(
            found("@/images/map.png", "notes"),
            Ok("images/map.png".to_owned())
        );
        assert_eq!(found("/share.png", "notes"), Ok("share.png".to_owned()));
        assert_eq!(
            resolve(root, "/share.png", "").unwrap().disk,
            root.join("static/share.png")
        );
    }

    #[test]
    fn paths_that_lead_nowhere_say_why() {
        let dir = site();
        let root = dir.path();
        let message = |written: &str, from: &str| resolve(root, written, from).unwrap_err().message;
        // As on GitHub, a path is relative to the Markdown file: this works in content/ only.
        assert!(
            message("images/map.png", "notes").contains("there is no content/notes/images/map.png")
        );
        assert!(message("../../x.png", "notes").contains("leads out of content/"));
        assert!(message("https://example.org/x.png", "").contains("another site"));
        assert!(message("images/map.gif", "").contains("not a JPEG or PNG"));
        assert!(message("", "").contains("empty"));
        assert!(message("/missing.png", "").contains("there is no static/missing.png"));
    }

    #[test]
    fn images_of_every_format_are_kept_from_the_output() {
        for name in [
            "a.jpg", "b/C.JPEG", "c.png", "d.webp", "e.GIF", "f.tiff", "g.heic",
        ] {
            assert!(is_image(name), "{name}");
        }
        assert!(is_uncleaned("d.webp") && !is_uncleaned("c.png"));
        for name in ["style.css", "favicon.ico", "logo.svg", "png", "notes.md"] {
            assert!(!is_image(name), "{name}");
        }
    }
}
