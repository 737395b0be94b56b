//! Writing the site: into a staging folder beside the output, swapped in only
//! when the whole build succeeded, so a failed build never damages the last good output.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// The file that marks a folder as written by this tool.
pub const MARKER: &str = ".explainer-output";

/// Refuses output folders that would destroy something the tool did not write.
pub fn check_target(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let refuse = |why: &str| {
        Diagnostic::error(output, format!("refusing to write the site to {}: {why}", output.display()))
            .with_help("set `output_dir` in explainer.toml or pass --output-dir to a folder of its own, such as \"public\"")
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
            return Err(refuse(&format!("it is inside the site's {protected}/ folder")));
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
    if target.is_dir() && !target.join(MARKER).is_file() {
        let empty = fs::read_dir(&target).map(|mut d| d.next().is_none()).unwrap_or(false);
        if !empty {
            return Err(refuse("the folder is not empty and was not written by explainer (it has no .explainer-output marker)"));
        }
    }
    Ok(())
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
    committed: bool,
}

impl Staging {
    /// Creates the staging folder next to `target`.
    pub fn new(target: &Path) -> io::Result<Staging> {
        let target = absolute(target);
        let parent = target.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        fs::create_dir_all(&parent)?;
        let name = target.file_name().map_or_else(|| "site".into(), |n| n.to_string_lossy().into_owned());
        let dir = parent.join(format!(".{name}.explainer-staging-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir)?;
        }
        fs::create_dir(&dir)?;
        Ok(Staging {
            dir,
            target,
            committed: false,
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
        fs::write(path, bytes)
    }

    /// Copies a file (its contents, never a link) to a site-relative path.
    pub fn copy(&self, from: &Path, relative: &str) -> io::Result<()> {
        let path = self.path_of(relative)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::copy(from, path).map(|_| ())
    }

    fn path_of(&self, relative: &str) -> io::Result<PathBuf> {
        let relative = relative.trim_start_matches('/');
        let safe = Path::new(relative)
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
        if !safe || relative.is_empty() {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, format!("unsafe output path {relative:?}")));
        }
        Ok(self.dir.join(relative))
    }

    /// Marks the build as ours and swaps it in place of the old output.
    pub fn commit(mut self) -> io::Result<PathBuf> {
        fs::write(self.dir.join(MARKER), "This folder is written by explainer; it is replaced on every build.\n")?;
        if self.target.exists() {
            swap(&self.dir, &self.target)?;
            // The staging path now holds the previous build.
            fs::remove_dir_all(&self.dir)?;
        } else {
            fs::rename(&self.dir, &self.target)?;
        }
        self.committed = true;
        Ok(self.target.clone())
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
        assert_eq!(fs::read_to_string(target.join("a/index.html")).unwrap(), "one");
        let third = Staging::new(&target).unwrap();
        third.write("b.html", b"two").unwrap();
        third.commit().unwrap();
        assert!(!target.join("a").exists());
        assert!(target.join(MARKER).exists());
        let leftovers: Vec<_> = fs::read_dir(site.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
    }
}
