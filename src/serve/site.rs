//! Building the previewed site into its temporary folder: a full build, a copy of the
//! changed files of `static/`, or an update of the kept site that re-renders only what the
//! changed pages, templates or data files touch (falling back to a full build when in doubt).

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use walkdir::WalkDir;

use crate::build::{BuildFailure, BuildOptions, Edit, Site, build_site};
use crate::config::Config;
use crate::content::{CONTENT_DIR, DATA_DIR};
use crate::data::Kind;
use crate::data::media::paths::is_image;
use crate::diagnostics::Diagnostic;
use crate::render::TEMPLATES_DIR;
use crate::static_files::STATIC_DIR;

/// What a build or copy did.
#[derive(Debug)]
pub(crate) enum Outcome {
    /// A full build succeeded.
    Built {
        /// The site's base path.
        base_path: String,
        /// Pages rendered.
        pages: usize,
        /// Images encoded rather than taken from the image cache.
        images_encoded: usize,
        /// Warnings to show.
        warnings: Vec<Diagnostic>,
    },
    /// Changed static files were copied into the served output.
    Copied {
        /// Files copied or removed.
        files: usize,
    },
    /// The build failed; the last good build stays in place.
    Failed {
        /// The base path, when the configuration could be read.
        base_path: Option<String>,
        /// Every error found.
        errors: Vec<Diagnostic>,
        /// Warnings found on the way.
        warnings: Vec<Diagnostic>,
    },
}

/// Builds the site at `root` into `output` for the preview at `origin`.
#[derive(Debug)]
pub(crate) struct Builder {
    root: PathBuf,
    drafts: bool,
    /// `http://host:port`, where the preview is served.
    origin: String,
    /// The base path given with `--base-url`, which wins over the configuration's.
    base_path: Option<String>,
    output: PathBuf,
    /// A folder beside `output`, on the same file system, for files being copied.
    scratch: PathBuf,
    /// The `static/` files (relative paths) whose copies are in the output as they are,
    /// after the last successful build; `None` while the last build failed.
    static_copies: Mutex<Option<HashSet<PathBuf>>>,
    /// The site as last built, to apply edits to; `None` while the last build failed.
    site: Mutex<Option<Site>>,
}

impl Builder {
    /// A builder for the site at `root`, writing to `output` inside `scratch`.
    pub fn new(
        root: PathBuf,
        drafts: bool,
        origin: String,
        base_path: Option<String>,
        output: PathBuf,
        scratch: PathBuf,
    ) -> Builder {
        Builder {
            root,
            drafts,
            origin,
            base_path,
            output,
            scratch,
            static_copies: Mutex::new(None),
            site: Mutex::new(None),
        }
    }

    /// Applies a change: copies static files when that is all that changed, updates the kept
    /// site when pages, templates or data files changed, otherwise builds.
    pub fn apply(&self, changed: &[PathBuf]) -> Outcome {
        match self.copy_static(changed) {
            Some(Ok(files)) => Outcome::Copied { files },
            Some(Err(error)) => {
                eprintln!(
                    "warning: cannot copy the changed static files ({error}); rebuilding instead"
                );
                self.build()
            }
            None => self.update(changed).unwrap_or_else(|| self.build()),
        }
    }

    /// Applies the changes to the kept site and writes the files they change; `None` when a
    /// full build is needed.
    fn update(&self, changed: &[PathBuf]) -> Option<Outcome> {
        let mut kept = self.site.lock().unwrap_or_else(PoisonError::into_inner);
        let site = kept.take()?;
        let mut edits = Vec::new();
        for path in changed {
            edits.extend(self.edit_of(&site, path)?);
        }
        let (site, plan) = site.apply(&edits)?;
        site.refresh(&plan, &self.scratch).ok()?;
        let outcome = Outcome::Built {
            base_path: site.base.path.clone(),
            pages: plan.pages(),
            // An edit re-renders pages with the images the kept site processed.
            images_encoded: 0,
            warnings: site.warnings.clone(),
        };
        *kept = Some(site);
        Some(outcome)
    }

    /// What a changed path is to the kept site: a template, a data file, a page's file, or
    /// nothing (a file that came and went, as editors and tools write through temporary
    /// files); `None` when only a full build can tell (a new or removed page, an asset, the
    /// configuration).
    fn edit_of(&self, site: &Site, path: &Path) -> Option<Option<Edit>> {
        let relative = path.strip_prefix(&self.root).ok()?;
        let parts: Vec<&str> = relative.iter().filter_map(|part| part.to_str()).collect();
        let name = parts.last()?;
        if let [CONTENT_DIR, DATA_DIR, file] = parts.as_slice()
            && let Some(kind) = Kind::of_file(file)
        {
            return Some(Some(Edit::Data(kind)));
        }
        match parts.as_slice() {
            [TEMPLATES_DIR, name @ ..] => Some(Some(Edit::Template(name.join("/")))),
            [CONTENT_DIR, ..] if !path.exists() && !site.has_source(relative) => Some(None),
            [CONTENT_DIR, ..] if name.ends_with(".md") && path.is_file() => {
                Some(Some(Edit::Page(relative.to_path_buf())))
            }
            _ => None,
        }
    }

    /// Builds the whole site, with absolute URLs pointing at the preview.
    pub fn build(&self) -> Outcome {
        let mut kept = self.site.lock().unwrap_or_else(PoisonError::into_inner);
        // The old site goes first: two at once would double the memory a large site needs.
        *kept = None;
        let base_path = self
            .base_path
            .clone()
            .or_else(|| Config::load(&self.root).ok().map(|c| c.base().path));
        let options = BuildOptions {
            root: self.root.clone(),
            output_dir: Some(self.output.clone()),
            base_url: base_path
                .as_ref()
                .map(|path| format!("{}{path}/", self.origin)),
            drafts: self.drafts,
            ..BuildOptions::default()
        };
        let result = build_site(&options);
        let copies = result.is_ok().then(|| self.unchanged_static_copies());
        *self
            .static_copies
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = copies;
        match result {
            Ok((report, site)) => {
                *kept = Some(site);
                Outcome::Built {
                    base_path: base_path.unwrap_or_default(),
                    pages: report.pages,
                    images_encoded: report.images_encoded,
                    warnings: report.warnings,
                }
            }
            Err(BuildFailure { errors, warnings }) => Outcome::Failed {
                base_path,
                errors: errors.0,
                warnings,
            },
        }
    }

    /// Copies changed `static/` files into the output (and removes deleted ones).
    ///
    /// `None` when a full build is needed instead: something outside `static/` changed, the
    /// last build failed, a folder or link changed, or a file's output path belongs to a file
    /// the build generates itself (which wins over `static/` in a full build).
    fn copy_static(&self, changed: &[PathBuf]) -> Option<io::Result<usize>> {
        let static_dir = self.root.join(STATIC_DIR);
        let mut guard = self
            .static_copies
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let copies = guard.as_mut()?;
        let mut plan = Vec::with_capacity(changed.len());
        for path in changed {
            let relative = path.strip_prefix(&static_dir).ok()?;
            // An image is published processed, never copied: only a build makes it.
            if relative.as_os_str().is_empty()
                || is_image(&relative.to_string_lossy())
                || !relative
                    .components()
                    .all(|c| matches!(c, Component::Normal(_)))
            {
                return None;
            }
            let target = self.output.join(relative);
            let ours = copies.contains(relative);
            let present = match fs::symlink_metadata(path) {
                Ok(meta) if meta.is_file() => true,
                Ok(_) => return None,
                Err(e) if e.kind() == io::ErrorKind::NotFound => false,
                Err(_) => return None,
            };
            if !ours && fs::symlink_metadata(&target).is_ok() {
                return None;
            }
            plan.push((path, relative, target, present));
        }
        let mut done = 0;
        for (path, relative, target, present) in plan {
            let result = if present {
                self.copy_into_output(path, &target)
            } else {
                fs::remove_file(&target).or_else(|e| {
                    if e.kind() == io::ErrorKind::NotFound {
                        Ok(())
                    } else {
                        Err(e)
                    }
                })
            };
            if let Err(error) = result {
                *guard = None;
                return Some(Err(error));
            }
            if present {
                copies.insert(relative.to_path_buf());
            } else {
                copies.remove(relative);
            }
            done += 1;
        }
        Some(Ok(done))
    }

    /// Copies a file into place at once, so that a request never sees half of it.
    fn copy_into_output(&self, from: &Path, target: &Path) -> io::Result<()> {
        let mut temporary = tempfile::NamedTempFile::new_in(&self.scratch)?;
        io::copy(&mut fs::File::open(from)?, temporary.as_file_mut())?;
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        temporary.persist(target).map(|_| ()).map_err(|e| e.error)
    }

    /// The `static/` files whose output copy is identical, so not replaced by a generated file.
    fn unchanged_static_copies(&self) -> HashSet<PathBuf> {
        let dir = self.root.join(STATIC_DIR);
        WalkDir::new(&dir)
            .follow_links(false)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|entry| entry.file_type().is_file())
            .filter_map(|entry| entry.path().strip_prefix(&dir).ok().map(Path::to_path_buf))
            .filter(|relative| same_contents(&dir.join(relative), &self.output.join(relative)))
            .collect()
    }
}

fn same_contents(a: &Path, b: &Path) -> bool {
    let same_length = match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.len() == b.len(),
        _ => false,
    };
    same_length && matches!((fs::read(a), fs::read(b)), (Ok(a), Ok(b)) if a == b)
}
