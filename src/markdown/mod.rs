//! Markdown to HTML: CommonMark with tables, footnotes and smart punctuation,
//! heading anchors, our link schemes, citations, glossary links and highlighting.

pub mod anchors;
pub mod figures;
pub mod glossary_links;
pub mod highlight;
pub mod images;
mod lead;
pub mod links;
pub mod marks;
pub mod plain;
mod walk;

use pulldown_cmark::{Options, Parser};

use crate::diagnostics::{Diagnostic, SourceText};
use glossary_links::TermMatcher;
use images::{Images, Lead};
use links::Targets;
use walk::State;

/// Element ids the page templates use, which headings never take.
pub const TEMPLATE_IDS: &[&str] = &[
    "main",
    "updates-title",
    "key-dates-title",
    "sources-title",
    "further-title",
];

/// Options from the site's `[markdown]` configuration.
#[derive(Debug, Clone, Copy)]
pub struct MarkdownOptions {
    /// Curly quotes and dashes.
    pub smart_punctuation: bool,
    /// Pass raw HTML through (true) or strip it (false).
    pub unsafe_html: bool,
}

/// What is being rendered, which decides how links behave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A page: numbered citations, heading anchors, glossary auto-linking when `autolink`.
    Page {
        /// Link glossary terms on first occurrence.
        autolink: bool,
        /// True when the page has a lead image, above its text: every image of the text
        /// is then below the first screen.
        lead: bool,
    },
    /// A snippet of a data file (an event body, a definition): citations are plain links.
    Snippet,
}

/// A heading of a rendered page.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The anchor id.
    pub id: String,
    /// The heading's plain text.
    pub text: String,
}

/// The result of rendering one Markdown text.
#[derive(Debug, Default)]
pub struct Rendered {
    /// The HTML.
    pub html: String,
    /// Cited source ids, in citation-number order (number = index + 1).
    pub citations: Vec<String>,
    /// How many times each citation was used, in the same order.
    pub citation_uses: Vec<usize>,
    /// The headings, in order.
    pub headings: Vec<Heading>,
    /// True when the text has a highlighted code block.
    pub has_code: bool,
    /// How many figures (maps) its code blocks drew: their HTML comes from templates.
    pub figures: usize,
    /// Broken links and other problems.
    pub diagnostics: Vec<Diagnostic>,
    /// The images shown, by their place in the output, in order.
    pub images: Vec<String>,
    /// The page's lead image, when its front matter sets one.
    pub lead: Option<Lead>,
    /// The glossary terms linked in the text, by id: the HTML shows their short
    /// definitions, so an edit to one of those changes the page.
    pub terms: Vec<String>,
}

/// Renders Markdown texts of one site.
pub struct Renderer<'a> {
    /// Markdown options.
    pub options: MarkdownOptions,
    /// The site's pages and data, for link resolution.
    pub targets: &'a dyn Targets,
    /// The glossary linker, when the site has a glossary and auto-linking is on.
    pub terms: Option<&'a TermMatcher>,
    /// What draws figure code blocks (maps); without it they are shown as code.
    pub figures: Option<&'a dyn figures::Figures>,
    /// What makes images into figures; without it, images are left as Markdown makes them.
    pub images: Option<&'a dyn Images>,
    /// What writes citation marks and heading anchors.
    pub marks: &'a dyn marks::Marks,
    /// The words of the interface, in the site's language.
    pub words: &'a crate::words::Words,
}

impl Rendered {
    /// Counts a use of `source`: its citation number (from 1, in order of first use) and
    /// how many times it has been used so far.
    fn cite(&mut self, source: String) -> (usize, usize) {
        let index = match self.citations.iter().position(|s| *s == source) {
            Some(index) => index,
            None => {
                self.citations.push(source);
                self.citation_uses.push(0);
                self.citations.len() - 1
            }
        };
        self.citation_uses[index] += 1;
        (index + 1, self.citation_uses[index])
    }
}

impl Renderer<'_> {
    /// Renders `text`, which starts at byte `offset` of `source` (for error locations).
    pub fn render(&self, source: &SourceText, offset: usize, text: &str, mode: Mode) -> Rendered {
        self.render_excluding(source, offset, text, mode, None)
    }

    /// Like [`Renderer::render`], never auto-linking the term `exclude` (a term's own definition).
    pub fn render_excluding(
        &self,
        source: &SourceText,
        offset: usize,
        text: &str,
        mode: Mode,
        exclude: Option<&str>,
    ) -> Rendered {
        let mut options = Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_HEADING_ATTRIBUTES;
        if self.options.smart_punctuation {
            options |= Options::ENABLE_SMART_PUNCTUATION;
        }
        let parser = Parser::new_ext(text, options).into_offset_iter();
        let events = pulldown_cmark::utils::TextMergeWithOffset::new(parser);
        let mut state = State::new(self, mode, exclude);
        state.text_offset = offset;
        for (event, range) in events {
            state.event(event, || (source, offset + range.start));
        }
        let mut html = String::with_capacity(text.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, state.out.into_iter());
        let mut rendered = state.rendered;
        rendered.html = html;
        rendered.figures = state.figures;
        if let (Some(linked), Some(terms)) = (&state.linked, self.terms) {
            rendered.terms = terms.linked_ids(linked);
        }
        rendered
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::glossary_links::TermPattern;
    use crate::markdown::links::tests::Fixture;

    fn render_with(
        text: &str,
        mode: Mode,
        unsafe_html: bool,
        terms: Option<&TermMatcher>,
    ) -> Rendered {
        let renderer = Renderer {
            options: MarkdownOptions {
                smart_punctuation: true,
                unsafe_html,
            },
            targets: &Fixture,
            terms,
            figures: None,
            images: None,
            marks: &site_marks(),
            words: crate::words::Words::english(),
        };
        let source = SourceText::new("content/x.md", text.to_owned());
        renderer.render(&source, 0, text, mode)
    }

    /// The marks the tool's own templates write.
    fn site_marks() -> crate::build::marks::SiteMarks<'static> {
        static TEMPLATES: std::sync::OnceLock<crate::render::Templates> =
            std::sync::OnceLock::new();
        let templates = TEMPLATES.get_or_init(|| {
            crate::render::Templates::load(std::path::Path::new(env!("CARGO_MANIFEST_DIR")))
                .unwrap()
        });
        crate::build::marks::SiteMarks::new(Some(templates), crate::words::Words::english())
    }

    fn page(text: &str) -> Rendered {
        render_with(
            text,
            Mode::Page {
                autolink: true,
                lead: false,
            },
            true,
            None,
        )
    }

    #[test]
    fn headings_get_ids_and_anchors() {
        let out = page("## The survey\n\n## The survey\n");
        assert!(
            out.html.contains(
                "<h2 id=\"the-survey\">The survey<a class=\"anchor\" href=\"#the-survey\""
            ),
            "{}",
            out.html
        );
        assert!(out.html.contains("id=\"the-survey-1\""));
        assert_eq!(out.headings.len(), 2);
    }

    #[test]
    fn citations_share_numbers() {
        let out = page("[A](source:ombudsman) and [B](source:ombudsman).");
        assert_eq!(out.citations, vec!["ombudsman"]);
        assert!(
            out.html
                .contains("A<sup class=\"cite\" id=\"cite-ref-1-1\"><a href=\"#cite-1\""),
            "{}",
            out.html
        );
        assert!(out.html.contains("id=\"cite-ref-1-2\""));
        let snippet = render_with("[A](source:ombudsman)", Mode::Snippet, true, None);
        assert!(
            snippet
                .html
                .contains("<a href=\"/base/sources/#ombudsman\">A</a>"),
            "{}",
            snippet.html
        );
    }

    #[test]
    fn broken_links_are_located() {
        let out = page("Text\n\nSee [x](@/nope.md) and [y](source:nobody).");
        assert_eq!(out.diagnostics.len(), 2);
        assert_eq!((out.diagnostics[0].line, out.diagnostics[0].col), (3, 5));
    }

    /// Draws a figure block as its offset and text, or fails on "bad".
    struct Echo;

    impl figures::Figures for Echo {
        fn handles(&self, info: &str) -> bool {
            info == "map"
        }

        fn figure(
            &self,
            _info: &str,
            source: &SourceText,
            offset: usize,
            text: &str,
            number: usize,
            _words: &crate::words::Words,
        ) -> Result<String, Vec<Diagnostic>> {
            if text.contains("bad") {
                return Err(vec![source.error_at(offset, "bad map")]);
            }
            Ok(format!(
                "<figure>{number}@{offset}:{}</figure>",
                text.trim()
            ))
        }
    }

    #[test]
    fn figure_blocks_are_handed_to_the_site_with_their_place() {
        let renderer = Renderer {
            options: MarkdownOptions {
                smart_punctuation: true,
                unsafe_html: false,
            },
            targets: &Fixture,
            terms: None,
            figures: Some(&Echo),
            images: None,
            marks: &site_marks(),
            words: crate::words::Words::english(),
        };
        let text =
            "Intro.\n\n```map\ntitle = \"a\"\n```\n\n```map\nbad\n```\n\n```toml\nx = 1\n```\n";
        let source = SourceText::new("content/x.md", text.to_owned());
        let mode = Mode::Page {
            autolink: false,
            lead: false,
        };
        let out = renderer.render(&source, 0, text, mode);
        let first = text.find("title").unwrap();
        assert!(
            out.html
                .contains(&format!("<figure>1@{first}:title = \"a\"</figure>")),
            "{}",
            out.html
        );
        assert_eq!(out.figures, 2);
        assert_eq!(out.diagnostics.len(), 1);
        assert_eq!((out.diagnostics[0].line, out.diagnostics[0].col), (8, 1));
        assert!(out.html.contains("language-toml"));
    }

    #[test]
    fn code_is_highlighted_with_classes() {
        let out = page("```toml\na = 1\n```\n");
        assert!(out.has_code);
        assert!(
            out.html
                .contains("<code class=\"language-toml\"><span class=\"hl-"),
            "{}",
            out.html
        );
        assert!(!out.html.contains("style="));
    }

    #[test]
    fn raw_html_is_stripped_when_not_allowed() {
        let out = render_with(
            "<script>x()</script>\n\nHi <b>there</b> [a](javascript:alert(1))",
            Mode::Snippet,
            false,
            None,
        );
        assert!(!out.html.contains("<script"), "{}", out.html);
        assert!(!out.html.contains("<b>"));
        assert!(!out.html.contains("javascript:"));
        let image = render_with(
            "![x](javascript:alert(1)) ![y](data:text/html,x)",
            Mode::Snippet,
            false,
            None,
        );
        assert!(
            !image.html.contains("javascript:") && !image.html.contains("data:"),
            "{}",
            image.html
        );
    }

    #[test]
    fn glossary_terms_are_not_linked_in_headings_links_or_code() {
        let terms = TermMatcher::new(
            vec![TermPattern {
                id: "baku".into(),
                names: vec![("Baku".into(), None)],
                tip: "Capital".into(),
                href: "/glossary/#baku".into(),
            }],
            true,
        )
        .unwrap();
        let out = render_with(
            "# Baku\n\n[Baku](https://e.org) `Baku`\n\n```\nBaku\n```\n\nBaku and Baku.",
            Mode::Page {
                autolink: true,
                lead: false,
            },
            true,
            Some(&terms),
        );
        assert_eq!(
            out.html.matches("class=\"term\"").count(),
            1,
            "{}",
            out.html
        );
        assert!(
            out.html.contains("<p><span class=\"gloss\">"),
            "{}",
            out.html
        );
    }
}
