//! Copying `static/` into the output as is.

use std::path::Path;

use walkdir::WalkDir;

use crate::content::{check_link, shown};
use crate::diagnostics::Diagnostic;
use crate::output::Staging;

/// The static folder's name under the site root.
pub const STATIC_DIR: &str = "static";

/// Copies every file of `root/static` into the staging folder (file contents, never links),
/// but those `skip` names by their path under `static/` (images, published processed).
pub fn copy(root: &Path, staging: &Staging, skip: &dyn Fn(&str) -> bool) -> Result<(), Diagnostic> {
    let dir = root.join(STATIC_DIR);
    if !dir.is_dir() {
        return Ok(());
    }
    for entry in WalkDir::new(&dir).follow_links(false) {
        let entry =
            entry.map_err(|e| Diagnostic::error(STATIC_DIR, format!("cannot read: {e}")))?;
        let path = entry.path();
        if entry.path_is_symlink() {
            check_link(root, path)?;
            if path.is_dir() {
                return Err(Diagnostic::error(
                    shown(root, path),
                    "links to folders are not followed",
                )
                .with_help("move the folder into static/ instead of linking to it"));
            }
            if !path.is_file() {
                continue; // a link to a pipe or a device: nothing to publish
            }
        } else if !entry.file_type().is_file() {
            continue;
        }
        let relative = path
            .strip_prefix(&dir)
            .unwrap_or(path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if skip(&relative) {
            continue;
        }
        staging.copy(path, &relative).map_err(|e| {
            Diagnostic::error(
                shown(root, path),
                format!("cannot copy into the output: {e}"),
            )
        })?;
    }
    Ok(())
}
