//! Every JPEG and PNG of a site through the image pipeline: the files of `content/` and
//! of `static/`. None is published as it was written: each is replaced by its copy
//! without metadata, and its derivatives are published beside it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::Config;
use crate::content::shown;
use crate::data::media::figure::published_path;
use crate::data::media::paths::{is_image, is_uncleaned};
use crate::diagnostics::Diagnostic;
use crate::images::{self, ImageError, Processed};
use crate::output::Staging;
use crate::static_files::STATIC_DIR;

/// An image file of the site and what the pipeline made of it.
#[derive(Debug)]
pub(crate) struct SiteImage {
    /// The file on disk.
    pub disk: PathBuf,
    /// The files made of it, or why there are none.
    pub result: Result<Processed, ImageError>,
}

/// The site's images, by their place in the output (`images/dam.jpg`, `share.png`).
#[derive(Debug, Default)]
pub(crate) struct SiteImages {
    images: HashMap<String, SiteImage>,
}

impl SiteImages {
    /// Processes the images among `assets` (the files of `content/`) and in `static/`, side
    /// by side; a file of `content/` wins over one of `static/` at the same place, as when
    /// they are copied.
    pub(crate) fn load(root: &Path, config: &Config, assets: &[(PathBuf, String)]) -> SiteImages {
        let mut files: HashMap<String, PathBuf> = static_images(root).into_iter().collect();
        files.extend(
            assets
                .iter()
                .filter(|(_, output)| is_image(output))
                .map(|(disk, output)| (output.clone(), disk.clone())),
        );
        let settings = config.images.settings();
        let cache = config.images.cache(root);
        let images = files
            .into_par_iter()
            .map(|(output, disk)| {
                let result = if is_uncleaned(&output) {
                    Err(ImageError::Unsupported {
                        found: uncleaned_format(&output),
                    })
                } else {
                    images::process_file(&disk, &settings, &cache)
                };
                (output, SiteImage { disk, result })
            })
            .collect();
        SiteImages { images }
    }

    /// The image published at `output`.
    pub(crate) fn get(&self, output: &str) -> Option<&SiteImage> {
        self.images.get(output)
    }

    /// How many images were encoded by this build rather than taken from the cache.
    pub(crate) fn encoded(&self) -> usize {
        self.images
            .values()
            .filter(|image| image.result.as_ref().is_ok_and(|p| !p.from_cache))
            .count()
    }

    /// Errors for the images that could not be processed, except those `reported` elsewhere
    /// (at a line of the media registry or of a page that shows them).
    pub(crate) fn errors(&self, root: &Path, reported: &dyn Fn(&str) -> bool) -> Vec<Diagnostic> {
        let mut errors: Vec<Diagnostic> = self
            .images
            .iter()
            .filter(|(output, _)| !reported(output))
            .filter_map(|(_, image)| {
                let err = image.result.as_ref().err()?;
                let diagnostic = Diagnostic::error(shown(root, &image.disk), err.to_string());
                Some(match err.help() {
                    Some(help) => diagnostic.with_help(help),
                    None => diagnostic,
                })
            })
            .collect();
        errors.sort_by(|a, b| a.file.cmp(&b.file));
        errors
    }

    /// Publishes every image: its full-size copy at its own place, its derivatives beside it.
    pub(crate) fn publish(&self, staging: &Staging) -> Result<(), Diagnostic> {
        let files: Vec<(PathBuf, String)> = self
            .images
            .iter()
            .filter_map(|(output, image)| Some((output, image.result.as_ref().ok()?)))
            .flat_map(|(output, processed)| {
                processed
                    .files()
                    .map(|variant| {
                        (
                            processed.path(variant),
                            published_path(output, processed, variant),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        files.par_iter().try_for_each(|(from, to)| {
            staging.copy(from, to).map_err(|e| {
                Diagnostic::error(
                    shown(Path::new(""), from),
                    format!("cannot copy a processed image into the output: {e}"),
                )
                .with_help("the image cache may have been changed during the build: build again")
            })
        })
    }
}

/// The format an uncleaned image's name says it is in, such as `WEBP`.
fn uncleaned_format(output: &str) -> Option<String> {
    Path::new(output)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_uppercase())
}

/// The images of `static/`: their place in the output and their file.
fn static_images(root: &Path) -> Vec<(String, PathBuf)> {
    let dir = root.join(STATIC_DIR);
    WalkDir::new(&dir)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.path().is_file() && is_image(&entry.file_name().to_string_lossy()))
        .filter_map(|entry| {
            let relative = entry.path().strip_prefix(&dir).ok()?;
            let output = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            Some((output, entry.path().to_path_buf()))
        })
        .collect()
}
