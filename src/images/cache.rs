//! The cache of processed images, kept between builds and by the preview.
//!
//! An entry is a folder named by the hash of an image's bytes and of the settings, holding
//! the encoded files and a `manifest.json` that lists them. Entries are written to a
//! temporary folder and renamed into place, so a build that stops half way, or two builds
//! at once, never leave a partial entry behind. The cache is never part of the output:
//! files are copied from it.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::error::ImageError;
use super::processed::Processed;
use super::settings::Settings;

const MANIFEST: &str = "manifest.json";

/// A cache folder.
#[derive(Debug, Clone)]
pub struct Cache {
    root: PathBuf,
}

impl Cache {
    /// The cache in `root`, created when first written to.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Cache { root: root.into() }
    }

    /// The cache's folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The key of an image's entry: a hash of the settings that shape the output and of
    /// the image's bytes.
    pub fn key(bytes: &[u8], settings: &Settings) -> String {
        let mut hasher = blake3::Hasher::new();
        hasher.update(settings.fingerprint().as_bytes());
        hasher.update(&[0]);
        hasher.update(bytes);
        hasher.finalize().to_hex().to_string()
    }

    fn entry(&self, key: &str) -> PathBuf {
        self.root.join(key.get(..2).unwrap_or(key)).join(key)
    }

    /// The complete entry of `key`, if the cache has one. A damaged entry counts as none.
    pub fn load(&self, key: &str) -> Option<Processed> {
        let dir = self.entry(key);
        let text = fs::read(dir.join(MANIFEST)).ok()?;
        let mut processed: Processed = serde_json::from_slice(&text).ok()?;
        if processed.key != key || !processed.is_complete_in(&dir) {
            return None;
        }
        processed.dir = dir;
        processed.from_cache = true;
        Some(processed)
    }

    /// Stores the encoded `files` (name and bytes) of `processed` as its entry, and
    /// returns it pointing there.
    pub fn store(
        &self,
        mut processed: Processed,
        files: &[(String, Vec<u8>)],
    ) -> Result<Processed, ImageError> {
        let failed = |path: &Path| {
            let path = path.to_path_buf();
            move |source: io::Error| ImageError::Cache { path, source }
        };
        let dir = self.entry(&processed.key);
        let parent = dir.parent().unwrap_or(&self.root);
        fs::create_dir_all(parent).map_err(failed(parent))?;
        let staging = tempfile::Builder::new()
            .prefix(".partial-")
            .tempdir_in(parent)
            .map_err(failed(parent))?;
        for (name, bytes) in files {
            let path = staging.path().join(name);
            fs::write(&path, bytes).map_err(failed(&path))?;
        }
        let manifest = serde_json::to_vec_pretty(&processed)
            .map_err(|err| failed(staging.path())(io::Error::other(err)))?;
        let path = staging.path().join(MANIFEST);
        fs::write(&path, manifest).map_err(failed(&path))?;
        if dir.exists() && self.load(&processed.key).is_none() {
            // A damaged entry (a file deleted by hand, say) is replaced; if it cannot be
            // removed, the rename below says why.
            let _ = fs::remove_dir_all(&dir);
        }
        match fs::rename(staging.path(), &dir) {
            Ok(()) => {
                // The folder was moved: nothing is left to remove.
                let _ = staging.keep();
            }
            // Another build stored the same entry first: theirs is as good.
            Err(_) if self.load(&processed.key).is_some() => {}
            Err(source) => return Err(ImageError::Cache { path: dir, source }),
        }
        processed.dir = dir;
        processed.from_cache = false;
        Ok(processed)
    }
}
