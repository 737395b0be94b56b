//! The site configuration, `explainer.toml` at the site root.

use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Diagnostics, SourceText};
use crate::images::{Cache, Settings};
use crate::toml_input::{self, Step};

/// The name of the configuration file at a site's root.
pub const CONFIG_FILE: &str = "explainer.toml";

/// A site's configuration.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The site's title, shown in every page's header.
    #[schemars(regex(pattern = r"\S"))]
    pub title: String,
    /// A one-sentence description, used in meta tags and feeds.
    #[serde(default)]
    pub description: String,
    /// The absolute URL the site is published at, such as `https://org.github.io/repo/`.
    #[schemars(regex(pattern = r"^https?://[^/\s]+"))]
    pub base_url: String,
    /// The site's language (BCP 47), for `<html lang>`.
    #[serde(default = "default_language")]
    pub language: String,
    /// Where `build` writes the site, relative to the root.
    #[serde(default = "default_output_dir")]
    #[schemars(length(min = 1))]
    pub output_dir: PathBuf,
    /// A custom domain, written to `CNAME` for GitHub Pages.
    #[serde(default)]
    pub cname: Option<String>,
    /// The default share image, a path under `static/`.
    #[serde(default)]
    pub default_image: Option<String>,
    /// The organisation that publishes the site.
    #[serde(default)]
    pub publisher: Option<String>,
    /// Markdown rendering options.
    #[serde(default)]
    pub markdown: MarkdownConfig,
    /// Glossary auto-linking options.
    #[serde(default)]
    pub glossary: GlossaryConfig,
    /// Casualty categories beyond the built-in ones.
    #[serde(default)]
    pub casualties: CasualtiesConfig,
    /// How images are processed.
    #[serde(default)]
    pub images: ImagesConfig,
    /// Free-form values for templates.
    #[serde(default)]
    #[schemars(with = "serde_json::Map<String, serde_json::Value>")]
    pub extra: toml::Table,
    /// The file as read, for errors about a key's value found after loading.
    #[serde(skip)]
    source: Option<SourceText>,
}

/// The `[markdown]` table.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct MarkdownConfig {
    /// Curly quotes, dashes and ellipses.
    pub smart_punctuation: bool,
    /// The syntect theme for highlighted code.
    pub highlight_theme: String,
    /// The syntect theme for highlighted code in dark mode.
    pub highlight_theme_dark: Option<String>,
    /// Pass raw HTML in Markdown through (true) or strip it (false).
    pub unsafe_html: bool,
}

impl Default for MarkdownConfig {
    fn default() -> Self {
        MarkdownConfig {
            smart_punctuation: true,
            highlight_theme: "InspiredGitHub".to_owned(),
            highlight_theme_dark: Some("base16-ocean.dark".to_owned()),
            unsafe_html: true,
        }
    }
}

/// The `[glossary]` table.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct GlossaryConfig {
    /// Link the first occurrence of each term on every page.
    pub autolink: bool,
    /// Match terms with their exact case.
    pub case_sensitive: bool,
}

impl Default for GlossaryConfig {
    fn default() -> Self {
        GlossaryConfig {
            autolink: true,
            case_sensitive: true,
        }
    }
}

/// The `[casualties]` table.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct CasualtiesConfig {
    /// Extra figure categories, with their labels.
    pub categories: Vec<CategoryConfig>,
}

/// One extra casualty category.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryConfig {
    /// The key used in `figures` tables, such as `civilians_wounded`.
    pub id: String,
    /// The label shown to readers, such as "Civilians wounded".
    pub label: String,
    /// The category this one counts part of, such as `wounded`: no claim may give the part a
    /// larger figure than the whole.
    #[schemars(with = "Option<String>")]
    pub part_of: Option<toml::Spanned<String>>,
}

/// The `[images]` table.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ImagesConfig {
    /// Where processed images are kept between builds, relative to the site root.
    pub cache_dir: PathBuf,
    /// The widths of the derivatives, in pixels.
    pub widths: Vec<u32>,
    /// JPEG quality, 1 to 100.
    pub jpeg_quality: u8,
    /// WebP quality, 0 to 100.
    pub webp_quality: u8,
    /// The largest image file accepted, in megabytes.
    pub max_file_mb: u64,
    /// The largest image accepted, in millions of pixels.
    pub max_megapixels: u64,
}

impl Default for ImagesConfig {
    fn default() -> Self {
        let settings = Settings::default();
        ImagesConfig {
            cache_dir: PathBuf::from(".explainer-cache/images"),
            widths: settings.widths,
            jpeg_quality: settings.jpeg_quality,
            webp_quality: settings.webp_quality,
            max_file_mb: settings.max_file_bytes / MEGA,
            max_megapixels: settings.max_pixels / MEGA,
        }
    }
}

const MEGA: u64 = 1_000_000;

impl ImagesConfig {
    /// The pipeline's settings.
    pub fn settings(&self) -> Settings {
        Settings {
            widths: self.widths.clone(),
            jpeg_quality: self.jpeg_quality,
            webp_quality: self.webp_quality,
            max_file_bytes: self.max_file_mb.saturating_mul(MEGA),
            max_pixels: self.max_megapixels.saturating_mul(MEGA),
        }
    }

    /// The cache of the site at `root`.
    pub fn cache(&self, root: &Path) -> Cache {
        Cache::new(root.join(&self.cache_dir))
    }

    /// What is wrong with the values, each with its key.
    fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        if self.widths.is_empty() || self.widths.iter().any(|&w| !(16..=8000).contains(&w)) {
            problems.push((
                "widths",
                "`widths` must list widths from 16 to 8000 pixels".to_owned(),
            ));
        }
        if !(1..=100).contains(&self.jpeg_quality) {
            problems.push((
                "jpeg_quality",
                "`jpeg_quality` must be from 1 to 100".to_owned(),
            ));
        }
        if self.webp_quality > 100 {
            problems.push((
                "webp_quality",
                "`webp_quality` must be from 0 to 100".to_owned(),
            ));
        }
        if self.cache_dir.as_os_str().is_empty() {
            problems.push(("cache_dir", "`cache_dir` is empty".to_owned()));
        }
        problems
    }
}

fn default_language() -> String {
    "en".to_owned()
}

fn default_output_dir() -> PathBuf {
    PathBuf::from("public")
}

impl Config {
    /// Reads and checks `explainer.toml` in `root`.
    pub fn load(root: &Path) -> Result<Config, Diagnostics> {
        let path = root.join(CONFIG_FILE);
        if !path.is_file() {
            return Err(Diagnostic::error(CONFIG_FILE, "no site configuration found")
                .with_help(format!(
                    "run in a site's root or pass --root DIR; `explainer new DIR` creates a site (looked in {})",
                    root.display()
                ))
                .into());
        }
        let source = SourceText::read(root, &path)?;
        let mut config: Config = toml_input::parse(&source, &source.text, 0)?;
        config.check(&source)?;
        config.source = Some(source);
        Ok(config)
    }

    /// The text of `explainer.toml`, for errors placed in it (`None` for a config not read
    /// from a file).
    pub fn file(&self) -> Option<&SourceText> {
        self.source.as_ref()
    }

    /// An error at the line that sets `key`; `None` when no line sets it (the default is in use).
    pub fn error_at_key(
        &self,
        path: &[Step<'_>],
        message: impl std::fmt::Display,
    ) -> Option<Diagnostic> {
        let source = self.source.as_ref()?;
        let offset = toml_input::value_offset(&source.text, path)?;
        Some(source.error_at(offset, message))
    }

    fn check(&self, source: &SourceText) -> Result<(), Diagnostics> {
        let mut problems = Vec::new();
        let at = |key: &str, message: &str| {
            let offset = toml_input::value_offset(&source.text, &[Step::Key(key)]).unwrap_or(0);
            source.error_at(offset, message)
        };
        if let Err(message) = BaseUrl::parse(&self.base_url) {
            problems.push(
                at("base_url", &message.to_string())
                    .with_help("write an absolute URL such as \"https://example.org/explainer/\""),
            );
        }
        if self.title.trim().is_empty() {
            problems.push(at("title", "`title` is empty"));
        }
        if self.output_dir.as_os_str().is_empty() {
            problems.push(at("output_dir", "`output_dir` is empty"));
        }
        for (key, message) in self.images.problems() {
            let path = [Step::Key("images"), Step::Key(key)];
            let offset = toml_input::value_offset(&source.text, &path).unwrap_or(0);
            problems.push(source.error_at(offset, message));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Diagnostics(problems))
        }
    }

    /// The parsed base URL; `load` has checked that it parses.
    pub fn base(&self) -> BaseUrl {
        BaseUrl::parse(&self.base_url).unwrap_or_default()
    }
}

/// A base URL split into origin (`https://host`) and path prefix (`/repo`, or empty at a domain root).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BaseUrl {
    /// Scheme and host, without a trailing slash.
    pub origin: String,
    /// The path the site lives under, without a trailing slash; empty at a domain root.
    pub path: String,
}

/// Why a `base_url` cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BaseUrlError {
    /// No `scheme://`.
    #[error("`base_url` {0:?} is not an absolute URL")]
    NotAbsolute(String),
    /// A scheme other than http and https.
    #[error("`base_url` {0:?} must start with http:// or https://")]
    NotHttp(String),
    /// Nothing between `://` and the path.
    #[error("`base_url` {0:?} has no host")]
    NoHost(String),
    /// A query, fragment or character a path cannot hold.
    #[error("`base_url` {0:?} has characters not allowed in a site path")]
    BadPath(String),
}

impl BaseUrl {
    /// Parses an absolute http(s) URL.
    pub fn parse(url: &str) -> Result<BaseUrl, BaseUrlError> {
        let url = url.trim();
        let (scheme, rest) = url
            .split_once("://")
            .ok_or_else(|| BaseUrlError::NotAbsolute(url.to_owned()))?;
        if scheme != "http" && scheme != "https" {
            return Err(BaseUrlError::NotHttp(url.to_owned()));
        }
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        if host.is_empty() || host.contains(char::is_whitespace) {
            return Err(BaseUrlError::NoHost(url.to_owned()));
        }
        if path.contains(['?', '#', ' ', '"', '<', '>', '\\']) {
            return Err(BaseUrlError::BadPath(url.to_owned()));
        }
        let path = path.trim_matches('/');
        Ok(BaseUrl {
            origin: format!("{scheme}://{host}"),
            path: if path.is_empty() {
                String::new()
            } else {
                format!("/{path}")
            },
        })
    }

    /// The absolute URL of a site path such as `/notes/history/`.
    pub fn absolute(&self, site_path: &str) -> String {
        [self.origin.as_str(), &self.path, site_path].concat()
    }

    /// The root-relative URL of a site path, with the base path in front.
    pub fn relative(&self, site_path: &str) -> String {
        [self.path.as_str(), site_path].concat()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_split_into_origin_and_path() {
        let base = BaseUrl::parse("https://org.github.io/karabakh-explainer/").unwrap();
        assert_eq!(base.origin, "https://org.github.io");
        assert_eq!(base.path, "/karabakh-explainer");
        assert_eq!(base.relative("/notes/"), "/karabakh-explainer/notes/");
        let root = BaseUrl::parse("http://127.0.0.1:1111").unwrap();
        assert_eq!(root.path, "");
        assert_eq!(root.absolute("/"), "http://127.0.0.1:1111/");
        assert!(BaseUrl::parse("example.org").is_err());
        assert!(BaseUrl::parse("ftp://example.org").is_err());
    }
}
