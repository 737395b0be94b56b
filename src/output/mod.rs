//! Writing the site: into a staging folder beside the output, swapped in only
//! when the whole build succeeded, so a failed build never damages the last good output.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use walkdir::WalkDir;

use crate::diagnostics::Diagnostic;

mod remove;

/// The file that marks a folder as written by this tool; it lists the files written.
pub const MARKER: &str = ".explainer-output";

/// The first line of the marker; the files written follow, one per line.
const MARKER_HEADER: &str =
    "This folder is written by explainer; it is replaced on every build. The files it wrote:";

/// The files a marker lists: every line after its header.
fn listed_files(manifest: &str) -> impl Iterator<Item = &str> {
    manifest.lines().skip(1)
}

/// The name of a staging folder beside `target_name` for the process `pid`.
fn staging_name(target_name: &str, pid: u32) -> String {
    format!(".{target_name}.explainer-staging-{pid}")
}

/// Refuses output folders that would destroy something the tool did not write.
pub fn check_target(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let refuse = |why: &str| {
        Diagnostic::error(output, format!("refusing to write the site to {}: {why}", output.display()))
            .with_help("set `output_dir` in explainer.toml or pass --output-dir to a new folder that only explainer writes to")
    };
    let root = absolute(root);
    let target = absolute(output);
    if target.parent().is_none() {
        return Err(refuse("it is the file system's root"));
    }
    if root.starts_with(&target) {
        return Err(refuse("it holds the site itself"));
    }
    for protected in ["content", "templates", "static", ".git"] {
        if target.starts_with(root.join(protected)) {
            return Err(refuse(&format!(
                "it is inside the site's {protected}/ folder"
            )));
        }
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from)
        && absolute(&home) == target
    {
        return Err(refuse("it is your home folder"));
    }
    if target.is_file() {
        return Err(refuse("it is a file"));
    }
    if target.is_dir() {
        match fs::read_to_string(target.join(MARKER)) {
            Ok(manifest) => {
                if let Some(file) = foreign_file(&root, &target, &manifest) {
                    let why = format!(
                        "{file} in it was not written by explainer, and a build replaces the whole folder"
                    );
                    return Err(refuse(&why).with_help(format!(
                        "move {file} into static/ (files there are copied into every build), or delete it if it is not needed"
                    )));
                }
            }
            Err(_) => {
                let empty = fs::read_dir(&target)
                    .map(|mut d| d.next().is_none())
                    .unwrap_or(false);
                if !empty {
                    return Err(refuse(
                        "the folder is not empty and was not written by explainer (it has no .explainer-output marker)",
                    ));
                }
            }
        }
    }
    Ok(())
}

/// A file of a previous build's output that the build did not write (and that is not a
/// copy of a file of `static/`, which the preview server updates in place).
///
/// Adding, removing or renaming an entry changes a folder's change time, which, unlike its
/// modification time, no tool can set back. Only the folders changed since the marker was
/// written are listed: on an untouched output, one look at each folder instead of a walk.
fn foreign_file(root: &Path, target: &Path, manifest: &str) -> Option<String> {
    let written: HashSet<&str> = listed_files(manifest).collect();
    if written.is_empty() {
        // A marker from before markers listed files: nothing to compare with.
        return None;
    }
    let marked = changed(&target.join(MARKER));
    let mut folders: BTreeSet<&str> = BTreeSet::from([""]);
    for file in &written {
        let mut path = *file;
        while let Some((parent, _)) = path.rsplit_once('/') {
            if !folders.insert(parent) {
                break;
            }
            path = parent;
        }
    }
    let ours = |name: &str| {
        name == MARKER
            || written.contains(name)
            || root
                .join(crate::static_files::STATIC_DIR)
                .join(name)
                .is_file()
    };
    folders.iter().find_map(|&folder| {
        let dir = target.join(folder);
        // The output's own folder changed when the marker was written into it.
        let unchanged = !folder.is_empty()
            && marked.is_some_and(|marked| changed(&dir).is_some_and(|time| time < marked));
        if unchanged {
            return None;
        }
        fs::read_dir(&dir).ok()?.flatten().find_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let name = if folder.is_empty() {
                name
            } else {
                format!("{folder}/{name}")
            };
            let is_dir = entry.file_type().is_ok_and(|kind| kind.is_dir());
            match (is_dir, folders.contains(name.as_str())) {
                (true, true) => None,
                (true, false) => unlisted_file(target, &entry.path(), &ours),
                (false, _) => (!ours(&name)).then_some(name),
            }
        })
    })
}

/// When the entry at `path` last changed, from its change time; `None` where that cannot be
/// known, and then every folder is listed.
fn changed(path: &Path) -> Option<(i64, i64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        fs::symlink_metadata(path)
            .ok()
            .map(|m| (m.ctime(), m.ctime_nsec()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// The first file (or link) inside the folder `dir` that is not `ours`, by its path under
/// `target`.
fn unlisted_file(target: &Path, dir: &Path, ours: &dyn Fn(&str) -> bool) -> Option<String> {
    WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| !entry.file_type().is_dir())
        .find_map(|entry| {
            let relative = entry.path().strip_prefix(target).ok()?;
            let parts: Vec<_> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect();
            let name = parts.join("/");
            (!ours(&name)).then_some(name)
        })
}

fn absolute(path: &Path) -> PathBuf {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut clean = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    clean.canonicalize().unwrap_or(clean)
}

/// A folder being filled with a new build, beside the output it will replace.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    /// The files the previous build wrote, from its marker: those a page may reuse.
    previous: HashSet<String>,
    committed: bool,
    written: Mutex<Vec<String>>,
}

impl Staging {
    /// Creates the staging folder next to `target`, removing those that killed builds left.
    pub fn new(target: &Path) -> io::Result<Staging> {
        let target = absolute(target);
        let parent = target
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        fs::create_dir_all(&parent)?;
        let name = target
            .file_name()
            .map_or_else(|| "site".into(), |n| n.to_string_lossy().into_owned());
        remove_stale(&parent, &name);
        let dir = parent.join(staging_name(&name, std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir)?;
        }
        fs::create_dir(&dir)?;
        let previous = fs::read_to_string(target.join(MARKER))
            .map(|manifest| listed_files(&manifest).map(str::to_owned).collect())
            .unwrap_or_default();
        Ok(Staging {
            dir,
            target,
            previous,
            committed: false,
            written: Mutex::new(Vec::new()),
        })
    }

    /// The staging folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes a file at a site-relative path such as `notes/history/index.html`.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.path_of(relative)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        if !self.link_unchanged(relative, bytes, &path) {
            fs::write(path, bytes)?;
        }
        self.record(relative);
        Ok(())
    }

    /// Hard-links the previous build's file at `relative` to `path` when the previous build
    /// wrote it and it holds exactly `bytes`; true when linked. Most pages of a rebuild are
    /// unchanged, and a link spares writing their bytes now and freeing the old ones when the
    /// previous build is removed. The previous build is only read: a link changes neither its
    /// files nor its folders, and a failed build's links go with its staging folder. Neither
    /// build's files are ever written in place afterwards (the preview replaces files whole),
    /// so sharing them is safe.
    fn link_unchanged(&self, relative: &str, bytes: &[u8], path: &Path) -> bool {
        let relative = relative.trim_start_matches('/');
        if !self.previous.contains(relative) {
            return false;
        }
        let old = self.target.join(relative);
        let same = fs::symlink_metadata(&old)
            .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
            && fs::read(&old).is_ok_and(|old| old == bytes);
        same && fs::hard_link(&old, path).is_ok()
    }

    /// Copies a file (its contents, never a link) to a site-relative path.
    pub fn copy(&self, from: &Path, relative: &str) -> io::Result<()> {
        let path = self.path_of(relative)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::copy(from, path)?;
        self.record(relative);
        Ok(())
    }

    fn record(&self, relative: &str) {
        let mut written = self.written.lock().unwrap_or_else(PoisonError::into_inner);
        written.push(relative.trim_start_matches('/').to_owned());
    }

    fn path_of(&self, relative: &str) -> io::Result<PathBuf> {
        let relative = relative.trim_start_matches('/');
        let safe = Path::new(relative)
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
        if !safe || relative.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("unsafe output path {relative:?}"),
            ));
        }
        Ok(self.dir.join(relative))
    }

    /// Marks the build as ours and swaps it in place of the old output.
    pub fn commit(mut self) -> io::Result<PathBuf> {
        let mut written = std::mem::take(
            self.written
                .get_mut()
                .unwrap_or_else(PoisonError::into_inner),
        );
        written.sort_unstable();
        written.dedup();
        fs::write(
            self.dir.join(MARKER),
            format!("{MARKER_HEADER}\n{}\n", written.join("\n")),
        )?;
        if self.target.exists() {
            swap(&self.dir, &self.target)?;
            // The staging path now holds the previous build.
            remove::previous_build(&self.dir)?;
        } else {
            fs::rename(&self.dir, &self.target)?;
        }
        self.committed = true;
        Ok(self.target.clone())
    }
}

/// Removes the staging folders of builds that were killed: those of processes no longer running.
fn remove_stale(parent: &Path, target_name: &str) {
    let prefix = staging_name(target_name, 0);
    let prefix = prefix.trim_end_matches('0');
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix(prefix)
            .and_then(|rest| rest.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !process_runs(pid) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// True when a process with this id runs; where that cannot be known, true (nothing is removed).
fn process_runs(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

/// Exchanges two folders atomically where the system can, in two renames elsewhere.
fn swap(new: &Path, old: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        if renameat_with(CWD, new, CWD, old, RenameFlags::EXCHANGE).is_ok() {
            return Ok(());
        }
    }
    let aside = new.with_extension("previous");
    fs::rename(old, &aside)?;
    if let Err(err) = fs::rename(new, old) {
        fs::rename(&aside, old)?;
        return Err(err);
    }
    fs::rename(&aside, new)
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_dangerous_targets() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        fs::create_dir_all(root.join("content")).unwrap();
        assert!(check_target(root, root).is_err());
        assert!(check_target(root, &root.join("content")).is_err());
        assert!(check_target(root, Path::new("/")).is_err());
        fs::create_dir_all(root.join("mine")).unwrap();
        fs::write(root.join("mine/notes.txt"), "keep").unwrap();
        assert!(check_target(root, &root.join("mine")).is_err());
        assert!(check_target(root, &root.join("public")).is_ok());
    }

    /// A site with a first build in `public/`: `notes/a/index.html` and a copy of `static/`.
    fn built_site() -> (tempfile::TempDir, PathBuf) {
        let site = tempfile::tempdir().unwrap();
        fs::create_dir_all(site.path().join("static/fonts")).unwrap();
        fs::write(site.path().join("static/fonts/a.woff2"), "font").unwrap();
        let target = site.path().join("public");
        let build = Staging::new(&target).unwrap();
        build.write("notes/a/index.html", b"a").unwrap();
        build.write("index.html", b"home").unwrap();
        build.commit().unwrap();
        (site, target)
    }

    fn refusal(root: &Path, target: &Path) -> String {
        check_target(root, target).unwrap_err().message
    }

    #[test]
    fn files_added_by_hand_are_found_even_with_old_folder_times() {
        let (site, target) = built_site();
        assert!(check_target(site.path(), &target).is_ok());
        let folder = target.join("notes/a");
        let before = fs::metadata(&folder).unwrap().modified().unwrap();
        fs::write(folder.join("mine.txt"), "by hand").unwrap();
        // As `cp -a` or `touch -r` would leave it.
        fs::File::open(&folder)
            .unwrap()
            .set_modified(before)
            .unwrap();
        assert!(refusal(site.path(), &target).contains("notes/a/mine.txt"));
    }

    #[test]
    fn a_folder_moved_in_under_a_built_name_is_looked_through() {
        let (site, target) = built_site();
        let prepared = site.path().join("prepared");
        fs::create_dir_all(&prepared).unwrap();
        fs::write(prepared.join("index.html"), "mine").unwrap();
        fs::write(prepared.join("extra.txt"), "mine").unwrap();
        fs::remove_dir_all(target.join("notes/a")).unwrap();
        fs::rename(&prepared, target.join("notes/a")).unwrap();
        assert!(refusal(site.path(), &target).contains("notes/a/extra.txt"));
    }

    #[test]
    fn copies_of_static_files_in_new_folders_are_ours() {
        let (site, target) = built_site();
        fs::create_dir_all(target.join("fonts")).unwrap();
        fs::write(target.join("fonts/a.woff2"), "font").unwrap();
        assert!(check_target(site.path(), &target).is_ok());
        fs::write(target.join("fonts/b.woff2"), "not in static/").unwrap();
        assert!(refusal(site.path(), &target).contains("fonts/b.woff2"));
    }

    #[cfg(unix)]
    #[test]
    fn unchanged_files_are_linked_and_a_failed_build_leaves_them_alone() {
        use std::os::unix::fs::MetadataExt;
        let (_site, target) = built_site();
        let inode = |path: &str| fs::metadata(target.join(path)).unwrap().ino();
        let (home, note) = (inode("index.html"), inode("notes/a/index.html"));
        let failed = Staging::new(&target).unwrap();
        failed.write("index.html", b"home").unwrap();
        drop(failed);
        let links = fs::metadata(target.join("index.html")).unwrap().nlink();
        assert_eq!(links, 1, "the failed build's link went with its folder");
        let next = Staging::new(&target).unwrap();
        next.write("index.html", b"home").unwrap();
        next.write("notes/a/index.html", b"changed").unwrap();
        next.commit().unwrap();
        assert_eq!(inode("index.html"), home, "unchanged: the same file");
        assert_ne!(inode("notes/a/index.html"), note, "changed: a new file");
        assert_eq!(
            fs::read_to_string(target.join("notes/a/index.html")).unwrap(),
            "changed"
        );
    }

    #[test]
    fn commit_replaces_the_old_output_and_drop_cleans_up() {
        let site = tempfile::tempdir().unwrap();
        let target = site.path().join("public");
        let first = Staging::new(&target).unwrap();
        first.write("a/index.html", b"one").unwrap();
        first.commit().unwrap();
        let second = Staging::new(&target).unwrap();
        second.write("b.html", b"two").unwrap();
        assert!(second.write("../evil", b"x").is_err());
        drop(second);
        assert_eq!(
            fs::read_to_string(target.join("a/index.html")).unwrap(),
            "one"
        );
        let third = Staging::new(&target).unwrap();
        third.write("b.html", b"two").unwrap();
        third.commit().unwrap();
        assert!(!target.join("a").exists());
        assert!(target.join(MARKER).exists());
        let leftovers: Vec<_> = fs::read_dir(site.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
    }
}
