//! Code highlighting with syntect, using CSS classes rather than inline styles.
//!
//! The syntax set is loaded on first use, so a site without code blocks never
//! pays for it.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

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

/// Highlights `code` as `lang`, as HTML with classes; `None` when the language is unknown.
pub fn highlight(code: &str, lang: &str) -> Option<String> {
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
