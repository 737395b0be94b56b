//! The site configuration, `explainer.toml` at the site root.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Diagnostics, SourceText};
use crate::images::{Cache, Settings};
use crate::toml_input::{self, Step};
use crate::words::{MissingWords, Words};

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
    /// The interface's words in the default language, laid over the bundled table (needed
    /// in full for a language the tool has no table for).
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")]
    pub words: Option<toml::Table>,
    /// Editions in other languages, by language code (BCP 47), each published under
    /// `/CODE/`.
    #[serde(default)]
    pub languages: BTreeMap<String, EditionConfig>,
    /// The file as read, for errors about a key's value found after loading.
    #[serde(skip)]
    source: Option<SourceText>,
    /// The language of the edition this configuration is for, when it is not the default
    /// edition: its pages are published under `/CODE/`.
    #[serde(skip)]
    edition: Option<String>,
}

/// A `[languages.CODE]` table: an edition in another language, with the keys that differ.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EditionConfig {
    /// The site's title in this language.
    pub title: Option<String>,
    /// The site's description in this language.
    pub description: Option<String>,
    /// The publisher's name in this language.
    pub publisher: Option<String>,
    /// The interface's words in this language, laid over the bundled table.
    #[schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")]
    pub words: Option<toml::Table>,
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

/// What to do about a language's missing words.
fn words_help(language: &str) -> String {
    let bundled: Vec<&str> = Words::bundled_languages().collect();
    format!(
        "the tool has words for {}; for `{language}`, give every missing key in its `words` table (copy the keys of the English table, `explainer words en`)",
        bundled.join(", ")
    )
}

/// A BCP 47 tag of the usual shape: a language subtag of two or three letters, then
/// subtags of letters and digits (`ru`, `hy`, `az-Latn`, `en-GB`).
fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
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
        problems.extend(self.edition_problems(source));
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

    /// Problems of the editions: language codes, and words missing for a language.
    fn edition_problems(&self, source: &SourceText) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        let at = |path: &[Step<'_>], message: String| {
            let offset = toml_input::value_offset(&source.text, path).unwrap_or(0);
            source.error_at(offset, message)
        };
        if let Err(missing) = self.words() {
            let key = if self.words.is_some() {
                "words"
            } else {
                "language"
            };
            problems.push(
                at(&[Step::Key(key)], missing.to_string()).with_help(words_help(&missing.language)),
            );
        }
        for code in self.languages.keys() {
            let path = [Step::Key("languages"), Step::Key(code)];
            if !is_language_code(code) {
                problems.push(
                    at(&path, format!("`{code}` is not a language code"))
                        .with_help("name the edition by its BCP 47 code, such as `ru` or `hy`"),
                );
            } else if *code == self.language {
                problems.push(at(&path, format!("`{code}` is the site's default language"))
                    .with_help("list only the other editions under [languages]; the default one is `language`"));
            } else if let Err(missing) = self.edition(code).words() {
                problems.push(at(&path, missing.to_string()).with_help(words_help(code)));
            }
        }
        problems
    }

    /// The interface's words in this configuration's language.
    pub fn words(&self) -> Result<Words, MissingWords> {
        Words::load(&self.language, self.words.as_ref())
    }

    /// The codes of the editions in other languages, in order.
    pub fn edition_codes(&self) -> Vec<&str> {
        self.languages.keys().map(String::as_str).collect()
    }

    /// The configuration of the edition in `code`: its language, and the title, description,
    /// publisher and words its `[languages.CODE]` table gives.
    pub fn edition(&self, code: &str) -> Config {
        let edition = self.languages.get(code).cloned().unwrap_or_default();
        Config {
            language: code.to_owned(),
            title: edition.title.unwrap_or_else(|| self.title.clone()),
            description: edition
                .description
                .unwrap_or_else(|| self.description.clone()),
            publisher: edition.publisher.or_else(|| self.publisher.clone()),
            words: edition.words,
            edition: Some(code.to_owned()),
            ..self.clone()
        }
    }

    /// The parsed base URL, with the path of this configuration's edition; `load` has
    /// checked that it parses.
    pub fn base(&self) -> BaseUrl {
        BaseUrl::parse(&self.base_url)
            .unwrap_or_default()
            .of_edition(self.edition.as_deref())
    }

    /// The language of the edition this configuration is for; `None` for the default one.
    pub fn edition_language(&self) -> Option<&str> {
        self.edition.as_deref()
    }
}

/// A base URL split into origin (`https://host`) and path prefix (`/repo`, or empty at a domain root).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BaseUrl {
    /// Scheme and host, without a trailing slash.
    pub origin: String,
    /// The path the site lives under, without a trailing slash; empty at a domain root.
    pub path: String,
    /// The path of an edition in another language under the site, such as `/ru`; empty for
    /// the default edition. Pages are under it; static files and images are shared.
    pub edition: String,
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
            edition: String::new(),
        })
    }

    /// The base of the edition in `language`, under `/language/` (the default edition, with
    /// `language` `None`, is at the site's root).
    pub fn of_edition(&self, language: Option<&str>) -> BaseUrl {
        BaseUrl {
            edition: language.map(|code| format!("/{code}")).unwrap_or_default(),
            ..self.clone()
        }
    }

    /// The absolute URL of a page's site path such as `/notes/history/`, in this edition.
    pub fn absolute(&self, site_path: &str) -> String {
        [self.origin.as_str(), &self.path, &self.edition, site_path].concat()
    }

    /// The root-relative URL of a page's site path, with the base path and the edition's path
    /// in front.
    pub fn relative(&self, site_path: &str) -> String {
        [self.path.as_str(), &self.edition, site_path].concat()
    }

    /// The absolute URL of a file shared by every edition, such as an image under `static/`.
    pub fn asset_absolute(&self, site_path: &str) -> String {
        [self.origin.as_str(), &self.path, site_path].concat()
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
        let russian = base.of_edition(Some("ru"));
        assert_eq!(russian.relative("/notes/"), "/karabakh-explainer/ru/notes/");
        assert_eq!(
            russian.asset_absolute("/images/a.jpg"),
            "https://org.github.io/karabakh-explainer/images/a.jpg"
        );
    }
}
