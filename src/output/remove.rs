//! Removing a previous build once the new one is in place.
//!
//! A site has a folder per page, thousands of them. The marker of a build lists every file it
//! wrote, so its folders need not be listed again: each file is removed by name, relative to
//! its folder, folders side by side. Folders are opened without following symbolic links, so
//! nothing outside the old build is touched. Whatever the marker does not account for (a file
//! added since, or a build from before markers listed files) is left to a plain recursive
//! removal at the end, which is all there is on systems other than Unix.

#[cfg(unix)]
use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::Path;

#[cfg(unix)]
use rayon::prelude::*;

#[cfg(unix)]
use super::{MARKER, listed_files};

/// Removes the previous build held in `dir`, and `dir` itself.
pub(super) fn previous_build(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    if let Ok(manifest) = fs::read_to_string(dir.join(MARKER)) {
        let tree = Folder::of(listed_files(&manifest).filter(|file| is_plain(file)));
        // A failure here only leaves more for the recursive removal below.
        let _ = remove_listed(dir, &tree);
        let _ = fs::remove_file(dir.join(MARKER));
    }
    match fs::remove_dir(dir) {
        Ok(()) => Ok(()),
        Err(_) => fs::remove_dir_all(dir),
    }
}

/// The files and folders of a build, from its marker.
#[cfg(unix)]
#[derive(Default)]
struct Folder<'a> {
    files: Vec<&'a str>,
    folders: BTreeMap<&'a str, Folder<'a>>,
}

#[cfg(unix)]
impl<'a> Folder<'a> {
    /// The tree of `files`, each a relative path of plain names joined by `/`.
    fn of(files: impl Iterator<Item = &'a str>) -> Folder<'a> {
        let mut root = Folder::default();
        for file in files {
            let mut names = file.split('/');
            let Some(name) = names.next_back() else {
                continue;
            };
            let folder = names.fold(&mut root, |folder, part| {
                folder.folders.entry(part).or_default()
            });
            folder.files.push(name);
        }
        root
    }
}

/// True for a relative path of plain names: no `..`, `.`, empty or absolute parts.
#[cfg(unix)]
fn is_plain(path: &str) -> bool {
    path.split('/')
        .all(|name| !name.is_empty() && name != "." && name != "..")
}

#[cfg(unix)]
fn remove_listed(dir: &Path, tree: &Folder<'_>) -> io::Result<()> {
    use rustix::fs::{CWD, Mode};
    let fd = rustix::fs::openat(CWD, dir, folder_flags(), Mode::empty())?;
    remove_in(&fd, tree)
}

#[cfg(unix)]
fn folder_flags() -> rustix::fs::OFlags {
    use rustix::fs::OFlags;
    OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC
}

/// Removes `tree`'s files and folders inside the open folder `fd`.
#[cfg(unix)]
fn remove_in(fd: &rustix::fd::OwnedFd, tree: &Folder<'_>) -> io::Result<()> {
    use rustix::fs::{AtFlags, Mode};
    for name in &tree.files {
        match rustix::fs::unlinkat(fd, *name, AtFlags::empty()) {
            Ok(()) | Err(rustix::io::Errno::NOENT) => {}
            Err(e) => return Err(e.into()),
        }
    }
    tree.folders.par_iter().try_for_each(|(name, inner)| {
        let folder = rustix::fs::openat(fd, *name, folder_flags(), Mode::empty())?;
        remove_in(&folder, inner)?;
        drop(folder);
        rustix::fs::unlinkat(fd, *name, AtFlags::REMOVEDIR).map_err(io::Error::from)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::MARKER;

    fn manifest(files: &[&str]) -> String {
        format!("header\n{}\n", files.join("\n"))
    }

    #[test]
    fn removes_every_listed_file_and_folder() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("old");
        let files = [
            "index.html",
            "notes/a/index.html",
            "notes/b/index.html",
            "style.css",
        ];
        for file in files {
            let path = old.join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, file).unwrap();
        }
        fs::write(old.join(MARKER), manifest(&files)).unwrap();
        previous_build(&old).unwrap();
        assert!(!old.exists());
    }

    #[test]
    fn unlisted_files_are_removed_too_and_links_are_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside");
        fs::create_dir_all(&outside).unwrap();
        fs::write(outside.join("index.html"), "keep").unwrap();
        let old = dir.path().join("old");
        fs::create_dir_all(old.join("notes/a")).unwrap();
        fs::write(old.join("notes/a/index.html"), "a").unwrap();
        fs::write(old.join("notes/a/added.txt"), "added since").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&outside, old.join("linked")).unwrap();
        let listed = [
            "notes/a/index.html",
            "linked/index.html",
            "../outside/index.html",
        ];
        fs::write(old.join(MARKER), manifest(&listed)).unwrap();
        previous_build(&old).unwrap();
        assert!(!old.exists());
        assert_eq!(
            fs::read_to_string(outside.join("index.html")).unwrap(),
            "keep"
        );
    }

    #[test]
    fn a_build_without_a_marker_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("old");
        fs::create_dir_all(old.join("a/b")).unwrap();
        fs::write(old.join("a/b/c.html"), "c").unwrap();
        previous_build(&old).unwrap();
        assert!(!old.exists());
    }
}
