//! Checking the `[[image]]` tables into [`Media`], every problem reported at its place.
//!
//! The image files are looked for here; a missing one, like an unknown source id, is
//! reported once every data file is loaded ([`Media::check_references`]). Whether the files
//! decode, and within what limits, is for the image pipeline when the site is built.

use std::collections::HashMap;
use std::path::Path;

use toml::Spanned;

use super::input::{MediaFile, RawImage};
use super::model::{Media, MediaImage, Places};
use super::paths;
use crate::data::{ID_HELP, is_valid_id};
use crate::diagnostics::{Collector, Diagnostics, SourceText};

const ALT_HELP: &str = "describe what the image shows for readers who cannot see it, in a sentence (\"The dam seen from the north bank, its spillway open\"); an image that adds nothing a reader would miss takes `decorative = true` instead";
const CREDIT_HELP: &str = "name who made the image, as it must be credited (\"Photographer / Agency\"); for an image made by the newsroom, name the newsroom";

/// Checks the parsed registry of the site at `root`.
pub fn media(root: &Path, file: SourceText, raw: MediaFile) -> Result<Media, Diagnostics> {
    let mut problems = Collector::default();
    let mut list = Vec::new();
    let mut index = HashMap::new();
    let mut ids = crate::data::file::FirstIds::default();
    for entry in raw.image {
        let at = entry.span().start;
        let raw = entry.into_inner();
        let id = raw.id.get_ref();
        if let Some(duplicate) = ids.check(&file, id, at, format!("duplicate image id `{id}`")) {
            problems.push(duplicate.with_help("each [[image]] needs its own id"));
            continue;
        }
        if let Some(image) = image(root, &file, raw, at, &mut problems) {
            index.insert(image.id.clone(), list.len());
            list.push(image);
        }
    }
    let media = Media { list, index, file };
    if problems.has_errors() {
        // The registry fails to load, so its references are never checked: its missing
        // files are reported with its other problems.
        problems.extend(media.missing_files());
    }
    problems.into_result()?;
    Ok(media)
}

/// One image; `None` when it has problems, all of them recorded.
fn image(
    root: &Path,
    file: &SourceText,
    raw: RawImage,
    entry: usize,
    collector: &mut Collector,
) -> Option<MediaImage> {
    let mut problems = Vec::new();
    let id = raw.id.get_ref().clone();
    if !is_valid_id(&id) {
        problems.push(
            file.error_at(raw.id.span().start, format!("invalid image id {id:?}"))
                .with_help(ID_HELP),
        );
    }
    // A file that cannot be found is reported once every data file is loaded (see
    // [`Media::missing_files`]): the entry stays, so `media:` links to it are not reported
    // as unknown, and links to other entries are still checked.
    let (path, missing) = match paths::resolve(root, raw.file.get_ref(), "") {
        Ok(found) => (found, None),
        Err(problem) => {
            let written = raw.file.get_ref().clone();
            let disk = root.join(crate::content::CONTENT_DIR).join(&written);
            (
                paths::ImageFile {
                    disk,
                    output: written,
                },
                Some(problem),
            )
        }
    };
    let decorative = raw.decorative.as_ref().is_some_and(|d| *d.get_ref());
    let alt = text(raw.alt.as_ref());
    match (&alt, decorative) {
        (None, false) => problems.push(
            file.error_at(entry, format!("image `{id}` has no alt text"))
                .with_help(ALT_HELP),
        ),
        (Some(_), true) => problems.push(
            file.error_at(
                raw.alt.as_ref().map_or(entry, |a| a.span().start),
                format!("image `{id}` is decorative and has alt text"),
            )
            .with_help("keep the alt text and remove `decorative = true`, or the other way round"),
        ),
        _ => {}
    }
    let credit = text(raw.credit.as_ref());
    if credit.is_none() {
        problems.push(
            file.error_at(
                raw.credit.as_ref().map_or(entry, |c| c.span().start),
                format!("image `{id}` has no credit"),
            )
            .with_help(CREDIT_HELP),
        );
    }
    for (name, value) in [
        ("caption", &raw.caption),
        ("license", &raw.license),
        ("source", &raw.source),
    ] {
        if let Some(value) = value
            && value.get_ref().trim().is_empty()
        {
            problems.push(
                file.error_at(
                    value.span().start,
                    format!("`{name}` of image `{id}` is empty"),
                )
                .with_help(format!("write the {name}, or leave `{name}` out")),
            );
        }
    }
    if !problems.is_empty() {
        if let Some(problem) = missing {
            problems.push(
                file.error_at(raw.file.span().start, problem.message)
                    .with_help(problem.help),
            );
        }
        collector.extend(problems);
        return None;
    }
    Some(MediaImage {
        id,
        file: path.output,
        path: path.disk,
        alt: alt.unwrap_or_default(),
        decorative,
        caption: text(raw.caption.as_ref()),
        credit: credit?,
        license: text(raw.license.as_ref()),
        places: Places {
            entry,
            file: raw.file.span().start,
            source: raw.source.as_ref().map(|s| s.span().start),
        },
        source: text(raw.source.as_ref()),
        missing,
    })
}

/// A value's text, trimmed; `None` when absent or blank.
fn text(value: Option<&Spanned<String>>) -> Option<String> {
    value
        .map(|v| v.get_ref().trim())
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}
