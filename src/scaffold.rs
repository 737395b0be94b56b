//! `explainer new DIR`: a ready repository for the next explainer. It has the site (with the
//! project's own templates and static files, embedded at compile time, so one design is
//! maintained), a README for its editors, a `.gitignore`, a GitHub Pages workflow pinned to
//! this version of `explainer`, and the JSON Schemas with the settings editors read.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::config::CONFIG_FILE;
use crate::schema;
use crate::words::Words;

static TEMPLATES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/templates");
static STATIC: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/static");
static STARTER: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/starter");

/// Why a new site could not be created.
#[derive(Debug, thiserror::Error)]
pub enum NewSiteError {
    /// The folder exists and has files in it.
    #[error("{0} is not empty: `explainer new` only writes into a new or empty folder")]
    NotEmpty(PathBuf),
    /// A language the tool has no words for.
    #[error("the tool has no words for the language `{language}` (it has {bundled})")]
    NoWords {
        /// The language asked for.
        language: String,
        /// The languages it has words for.
        bundled: String,
    },
    /// Writing failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The system's error.
        source: io::Error,
    },
}

/// The version of `explainer` that writes the site; its workflow and README name it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The GitHub repository of `explainer` as `owner/name`, from the package's `repository`
/// address: its workflow uses the action there.
pub fn repository() -> &'static str {
    let address = env!("CARGO_PKG_REPOSITORY");
    address
        .strip_prefix("https://github.com/")
        .map_or(address, |path| path.trim_end_matches(['/']))
}

/// Writes a new site into `dir`, which must not exist or be empty; returns the files written.
/// With `languages` (such as `["en", "ru"]`), the first is the site's language and each
/// other one an edition of its own, under `/CODE/`.
pub fn create(dir: &Path, languages: &[String]) -> Result<usize, NewSiteError> {
    for language in languages {
        if Words::load(language, None).is_err() {
            let bundled: Vec<&str> = Words::bundled_languages().collect();
            return Err(NewSiteError::NoWords {
                language: language.clone(),
                bundled: bundled.join(", "),
            });
        }
    }
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
    if let Some((first, others)) = languages.split_first() {
        let config = dir.join(CONFIG_FILE);
        let text = fs::read_to_string(&config).map_err(io_error(&config))?;
        write(&config, with_languages(&text, first, others).as_bytes())?;
    }
    for kind in schema::for_editors() {
        write(&dir.join(kind.schema_path()), kind.json().as_bytes())?;
        written += 1;
    }
    write(
        &dir.join(schema::editors::TAPLO_FILE),
        schema::editors::taplo_config().as_bytes(),
    )?;
    Ok(written + 1)
}

/// The starter's configuration with `first` as its language and an edition for each of
/// `others`.
fn with_languages(config: &str, first: &str, others: &[String]) -> String {
    let mut text = config.replacen("language = \"en\"", &format!("language = {first:?}"), 1);
    for code in others {
        text.push_str(&format!(
            "\n# The edition in `{code}`, under /{code}/. Translate a page by writing its translation\n\
             # beside it (content/index.{code}.md), and data entries' words in content/data/{code}/.\n\
             [languages.{code}]\n\
             title = \"Your explainer's title, translated\"\n\
             description = \"One sentence on what this explainer covers, translated.\"\n"
        ));
    }
    text
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> NewSiteError {
    let path = path.to_path_buf();
    move |source| NewSiteError::Io { path, source }
}

fn write(path: &Path, contents: &[u8]) -> Result<(), NewSiteError> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(io_error(parent))?;
    }
    fs::write(path, contents).map_err(io_error(path))
}

/// The starter's README and workflow name this version and repository through placeholders.
fn fill_in(contents: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    match std::str::from_utf8(contents) {
        Ok(text) if text.contains("__VERSION__") || text.contains("__REPOSITORY__") => text
            .replace("__VERSION__", VERSION)
            .replace("__REPOSITORY__", repository())
            .into_bytes()
            .into(),
        _ => contents.into(),
    }
}

fn write_dir(embedded: &Dir<'_>, target: &Path) -> Result<usize, NewSiteError> {
    let mut written = 0;
    for file in embedded.files() {
        write(&target.join(file.path()), &fill_in(file.contents()))?;
        written += 1;
    }
    for sub in embedded.dirs() {
        written += write_dir(sub, target)?;
    }
    Ok(written)
}
