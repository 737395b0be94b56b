//! Code highlighting with syntect, using CSS classes rather than inline styles.
//!
//! The syntax set is loaded on first use, so a site without code blocks never
//! pays for it. The preview also keeps every highlighted block, keyed by its language and
//! code, because its rebuilds (after a template or data edit) render the same blocks again.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock, PoisonError};

use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

/// The class prefix of highlighted tokens.
const STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();

/// How many times the syntax set was loaded.
static LOADS: AtomicUsize = AtomicUsize::new(0);

fn syntaxes() -> &'static SyntaxSet {
    SYNTAXES.get_or_init(|| {
        LOADS.fetch_add(1, Ordering::Relaxed);
        two_face::syntax::extra_newlines()
    })
}

/// True once a code block has loaded the syntax set.
pub fn syntaxes_loaded() -> bool {
    SYNTAXES.get().is_some()
}

/// How many times this process loaded the syntax set: 0 until a code block needs it, then 1,
/// however many pages, threads and builds highlight code.
pub fn syntax_set_loads() -> usize {
    LOADS.load(Ordering::Relaxed)
}

/// Highlighted blocks by language and code; `None` for an unknown language.
type Blocks = HashMap<(String, String), Option<String>>;

/// True once the process keeps highlighted blocks (the preview does; a build does not).
static KEEP: AtomicBool = AtomicBool::new(false);

/// The kept blocks, once [`keep_highlighted_blocks`] was called.
static KEPT: Mutex<Option<Blocks>> = Mutex::new(None);

/// More kept blocks than this and the store starts again, so that a long preview session
/// of many edits to code does not grow without bound.
const MOST_KEPT: usize = 100_000;

/// Keeps every block highlighted from now on, for the rest of the process: the preview's
/// rebuilds highlight only blocks they have not seen. A single build has no use for it.
pub fn keep_highlighted_blocks() {
    KEEP.store(true, Ordering::Relaxed);
}

/// Highlights `code` as `lang`, as HTML with classes; `None` when the language is unknown.
pub fn highlight(code: &str, lang: &str) -> Option<String> {
    if !KEEP.load(Ordering::Relaxed) {
        return highlight_now(code, lang);
    }
    let key = (lang.to_owned(), code.to_owned());
    if let Some(kept) = KEPT
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .as_ref()
        .and_then(|blocks| blocks.get(&key))
    {
        return kept.clone();
    }
    // Highlighted without the lock, so that threads highlight in parallel.
    let html = highlight_now(code, lang);
    let mut kept = KEPT.lock().unwrap_or_else(PoisonError::into_inner);
    let blocks = kept.get_or_insert_with(HashMap::new);
    if blocks.len() >= MOST_KEPT {
        blocks.clear();
    }
    blocks.insert(key, html.clone());
    html
}

/// Highlights `code` as `lang` with syntect.
fn highlight_now(code: &str, lang: &str) -> Option<String> {
    let set = syntaxes();
    let syntax = set.find_syntax_by_token(lang)?;
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, set, STYLE);
    for line in LinesWithEndings::from(code) {
        generator
            .parse_html_for_line_which_includes_newline(line)
            .ok()?;
    }
    Some(generator.finalize())
}

/// Why a highlight theme gives no stylesheet.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    /// No theme of that name.
    #[error("unknown highlight theme {name:?}; known themes: {known}")]
    Unknown {
        /// The name asked for.
        name: String,
        /// The themes there are.
        known: String,
    },
    /// The theme could not be turned into CSS.
    #[error("the highlight theme cannot be written as CSS: {0}")]
    Css(#[from] syntect::Error),
}

/// The stylesheet for highlighted code: a light theme, and a dark one under `prefers-color-scheme`.
pub fn stylesheet(theme: &str, dark_theme: Option<&str>) -> Result<String, ThemeError> {
    let themes = ThemeSet::load_defaults();
    let css_for = |name: &str| {
        let theme = themes.themes.get(name).ok_or_else(|| {
            let mut known: Vec<String> = themes.themes.keys().cloned().collect();
            known.sort_unstable();
            ThemeError::Unknown {
                name: name.to_owned(),
                known: known.join(", "),
            }
        })?;
        css_for_theme_with_class_style(theme, STYLE).map_err(ThemeError::Css)
    };
    let mut css = css_for(theme)?;
    if let Some(dark) = dark_theme {
        css.push_str("\n@media (prefers-color-scheme: dark) {\n");
        css.push_str(&css_for(dark)?);
        css.push_str("}\n");
    }
    Ok(css)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_and_csv_are_known() {
        let html = highlight("a = 1\n", "toml").unwrap();
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(highlight("a,b\n1,2\n", "csv").is_some());
        assert!(highlight("x", "no-such-language").is_none());
    }

    #[test]
    fn kept_blocks_are_what_highlighting_gives() {
        let code = "fn kept() -> u8 {\n    1\n}\n";
        let fresh = highlight(code, "rust");
        keep_highlighted_blocks();
        assert_eq!(
            highlight(code, "rust"),
            fresh,
            "first highlighted, then kept"
        );
        assert_eq!(highlight(code, "rust"), fresh, "read from the kept blocks");
        assert_eq!(highlight(code, "no-such-language"), None);
        assert_eq!(highlight(code, "no-such-language"), None);
    }

    #[test]
    fn stylesheet_names_unknown_themes() {
        assert!(
            stylesheet("InspiredGitHub", Some("base16-ocean.dark"))
                .unwrap()
                .contains(".hl-")
        );
        assert!(
            stylesheet("Nope", None)
                .unwrap_err()
                .to_string()
                .contains("InspiredGitHub")
        );
    }
}
