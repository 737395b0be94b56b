//! Loading `content/`: walking the tree, reading pages, and listing assets.

pub mod front_matter;
pub mod page;

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::{Collector, Diagnostic, SourceText};
pub use page::{Page, PageKind, PageMeta, Update};

/// The content folder's name under the site root.
pub const CONTENT_DIR: &str = "content";
/// The data folder's name under `content/`.
pub const DATA_DIR: &str = "data";

/// What `content/` holds: pages, and other files copied next to them.
#[derive(Debug, Default)]
pub struct Content {
    /// The pages, drafts excluded unless asked for, in path order.
    pub pages: Vec<Page>,
    /// Non-Markdown files (images and such), as (source, path under `content/`).
    pub assets: Vec<(PathBuf, String)>,
    /// The paths under `content/` of the pages that failed to load.
    pub failed: Vec<String>,
    /// Pages at the address of a page made from data, such as `content/timeline.md` at
    /// `/timeline/`: not pages of their own, they give that page its title, description and
    /// introduction, as a section's index page does. Set when the site is assembled.
    pub section_indexes: Vec<Page>,
}

impl Content {
    /// Moves the pages whose URL is one of `data_paths` (the pages made from data) into
    /// [`Content::section_indexes`]; the pages moved before stay there.
    pub fn take_section_indexes(&mut self, data_paths: &[(String, String)]) {
        let is_index = |page: &Page| data_paths.iter().any(|(path, _)| *path == page.url);
        let (indexes, pages): (Vec<Page>, Vec<Page>) = std::mem::take(&mut self.pages)
            .into_iter()
            .partition(is_index);
        self.pages = pages;
        self.section_indexes.extend(indexes);
    }

    /// The pages of one edition: for the default edition (`language` `None`) the pages in the
    /// default language; for another, its translations, and the default language's pages it
    /// has no translation of, marked as [`Page::fallback`]. Assets are shared.
    pub fn edition(&self, language: Option<&str>) -> Content {
        let translated = |page: &Page| {
            self.pages.iter().any(|other| {
                other.language.as_deref() == language && other.content_path == page.content_path
            })
        };
        let pages = self
            .pages
            .iter()
            .filter_map(|page| match (&page.language, language) {
                (None, None) => Some(page.clone()),
                (Some(own), Some(wanted)) if own == wanted => Some(page.clone()),
                (None, Some(_)) if !translated(page) => Some(Page {
                    fallback: true,
                    ..page.clone()
                }),
                _ => None,
            })
            .collect();
        Content {
            pages,
            assets: self.assets.clone(),
            failed: self.failed.clone(),
            section_indexes: Vec::new(),
        }
    }
}

/// The language of a translation's file name, with the path of the page it translates:
/// `notes/a.ru.md` is `ru`'s `notes/a.md` when `ru` is one of `languages`.
fn translation_of<'a>(content_path: &str, languages: &[&'a str]) -> Option<(&'a str, String)> {
    let stem = content_path.strip_suffix(".md")?;
    let (page, code) = stem.rsplit_once('.')?;
    let code = languages.iter().find(|l| **l == code)?;
    Some((code, format!("{page}.md")))
}

/// Reads every page under `root/content`, skipping `content/data/`; a page named
/// `NAME.CODE.md`, where CODE is one of `languages`, is the translation of `NAME.md`.
///
/// Problems are added to `diagnostics`; pages that fail are left out.
pub fn load(
    root: &Path,
    include_drafts: bool,
    languages: &[&str],
    diagnostics: &mut Collector,
) -> Content {
    let dir = root.join(CONTENT_DIR);
    let mut content = Content::default();
    let files = walk(root, &dir, diagnostics);
    let parsed: Vec<_> = {
        use rayon::prelude::*;
        files
            .into_par_iter()
            .map(|(path, content_path)| read_page(root, &path, content_path, languages))
            .collect()
    };
    for item in parsed {
        match item {
            Loaded::Page(page) if page.meta.draft && !include_drafts => {
                diagnostics.push(Diagnostic::warning(
                    &page.source.path,
                    "draft skipped (build with --drafts to include it)",
                ));
            }
            Loaded::Page(page) => {
                if page.body().trim().is_empty() && page.kind != PageKind::NotesIndex {
                    diagnostics.push(Diagnostic::warning(
                        &page.source.path,
                        "the page's body is empty",
                    ));
                }
                content.pages.push(*page);
            }
            Loaded::Checked(page, problems) => {
                diagnostics.extend(problems);
                content.pages.push(*page);
            }
            Loaded::Asset(path, content_path) => content.assets.push((path, content_path)),
            Loaded::Failed(content_path, list) => {
                content.failed.push(content_path);
                diagnostics.extend(list);
            }
        }
    }
    content
}

enum Loaded {
    Page(Box<Page>),
    /// A page whose front matter has problems but whose body can be checked.
    Checked(Box<Page>, Vec<Diagnostic>),
    Asset(PathBuf, String),
    Failed(String, Vec<Diagnostic>),
}

fn read_page(root: &Path, path: &Path, content_path: String, languages: &[&str]) -> Loaded {
    if !content_path.ends_with(".md") {
        return Loaded::Asset(path.to_path_buf(), content_path);
    }
    let source = match SourceText::read(root, path) {
        Ok(source) => source,
        Err(diagnostic) => return Loaded::Failed(content_path, vec![diagnostic]),
    };
    let (language, page_path) = match translation_of(&content_path, languages) {
        Some((code, original)) => (Some(code.to_owned()), original),
        None => (None, content_path.clone()),
    };
    let with_language = |page: Page| Box::new(Page { language, ..page });
    match Page::parse_all(source, page_path) {
        (Some(page), problems) if problems.is_empty() => Loaded::Page(with_language(page)),
        // Its body is still rendered, so that its other problems are found in the same run.
        (Some(page), problems) => Loaded::Checked(with_language(page), problems),
        (None, problems) => Loaded::Failed(content_path, problems),
    }
}

/// Lists the files under `dir` (but not `content/data/`), refusing links that leave the site.
fn walk(root: &Path, dir: &Path, diagnostics: &mut Collector) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    if !dir.is_dir() {
        return files;
    }
    let walker = WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            let hidden = entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.');
            let data = entry.depth() == 1 && entry.file_name() == DATA_DIR;
            !hidden && !data
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().unwrap_or(dir).to_path_buf();
                diagnostics.push(Diagnostic::error(
                    shown(root, &path),
                    format!("cannot read: {err}"),
                ));
                continue;
            }
        };
        let path = entry.path();
        if entry.path_is_symlink() {
            if let Err(diagnostic) = check_link(root, path) {
                diagnostics.push(diagnostic);
                continue;
            }
            if path.is_dir() {
                diagnostics.push(
                    Diagnostic::error(shown(root, path), "links to folders are not followed")
                        .with_help("move the folder into content/ instead of linking to it"),
                );
                continue;
            }
            if !path.is_file() {
                continue;
            }
        } else if !entry.file_type().is_file() {
            continue;
        }
        let Ok(relative) = path.strip_prefix(dir) else {
            continue;
        };
        let content_path = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        files.push((path.to_path_buf(), content_path));
    }
    files
}

/// A path as shown in diagnostics: relative to the site root.
pub fn shown(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Refuses a symbolic link whose target lies outside the site root.
pub fn check_link(root: &Path, path: &Path) -> Result<(), Diagnostic> {
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    match path.canonicalize() {
        Ok(target) if target.starts_with(&canonical_root) => Ok(()),
        Ok(target) => Err(Diagnostic::error(
            shown(root, path),
            format!("this link points outside the site, to {}", target.display()),
        )
        .with_help("copy the file into the site instead of linking to it")),
        Err(err) => Err(Diagnostic::error(
            shown(root, path),
            format!("this link cannot be followed: {err}"),
        )),
    }
}
