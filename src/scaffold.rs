//! `explainer new DIR`: a ready site for the next explainer, with the project's own
//! templates and static files (embedded at compile time, so one design is maintained).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

static TEMPLATES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/templates");
static STATIC: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/static");
static STARTER: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/starter");

/// Why a new site could not be created.
#[derive(Debug, thiserror::Error)]
pub enum NewSiteError {
    /// The folder exists and has files in it.
    #[error("{0} is not empty: `explainer new` only writes into a new or empty folder")]
    NotEmpty(PathBuf),
    /// Writing failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The system's error.
        source: io::Error,
    },
}

/// Writes a new site into `dir`, which must not exist or be empty; returns the files written.
pub fn create(dir: &Path) -> Result<usize, NewSiteError> {
    if dir.exists() {
        let mut entries = fs::read_dir(dir).map_err(io_error(dir))?;
        if entries.next().is_some() {
            return Err(NewSiteError::NotEmpty(dir.to_path_buf()));
        }
    }
    let mut written = 0;
    for (embedded, prefix) in [
        (&STARTER, ""),
        (&TEMPLATES, "templates"),
        (&STATIC, "static"),
    ] {
        written += write_dir(embedded, &dir.join(prefix))?;
    }
    Ok(written)
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> NewSiteError {
    let path = path.to_path_buf();
    move |source| NewSiteError::Io { path, source }
}

fn write_dir(embedded: &Dir<'_>, target: &Path) -> Result<usize, NewSiteError> {
    let mut written = 0;
    for file in embedded.files() {
        let path = target.join(file.path());
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io_error(parent))?;
        }
        fs::write(&path, file.contents()).map_err(io_error(&path))?;
        written += 1;
    }
    for sub in embedded.dirs() {
        written += write_dir(sub, target)?;
    }
    Ok(written)
}
