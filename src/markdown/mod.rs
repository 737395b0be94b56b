//! Markdown to HTML: CommonMark with tables, footnotes and smart punctuation,
//! heading anchors, our link schemes, citations, glossary links and highlighting.

pub mod anchors;
pub mod figures;
pub mod glossary_links;
pub mod highlight;
pub mod images;
pub mod links;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::diagnostics::{Diagnostic, SourceText};
use anchors::Anchors;
use glossary_links::TermMatcher;
use images::{Figure, ImageUse, Images, Lead};
use links::{Resolved, Targets};

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

/// An image being read: where it starts and what it says.
struct OpenImage<'r> {
    dest: CowStr<'r>,
    title: CowStr<'r>,
    alt: String,
    offset: usize,
    /// Images inside its alt text (`![![a](b)](c)`), which become alt text too.
    nested: usize,
}

/// Images in a block: figures may not sit inside a paragraph of text.
#[derive(Default)]
struct Paragraph {
    /// Where its start is in the output.
    start: usize,
    /// The offset of the first figure in it.
    figure: Option<usize>,
}

struct State<'r, 'a> {
    renderer: &'r Renderer<'a>,
    mode: Mode,
    out: Vec<Event<'r>>,
    rendered: Rendered,
    anchors: Anchors,
    linked: Option<glossary_links::Linked>,
    /// Open links: Some(citation source id) for citations, None for ordinary links.
    links: Vec<Option<String>>,
    heading: Option<(HeadingLevel, Option<String>, usize, String)>,
    code: Option<Code>,
    /// How many figures the text has drawn so far.
    figures: usize,
    no_autolink_depth: usize,
    image: Option<OpenImage<'r>>,
    paragraph: Option<Paragraph>,
    /// Where the text starts in its file, to tell the first screen from the rest.
    text_offset: usize,
}

/// A code block being read: its info string's first word, its text and where that starts.
struct Code {
    lang: String,
    text: String,
    offset: Option<usize>,
}

impl<'r, 'a> State<'r, 'a> {
    fn new(renderer: &'r Renderer<'a>, mode: Mode, exclude: Option<&str>) -> Self {
        let linked = match (mode, renderer.terms) {
            (Mode::Page { autolink: true, .. }, Some(terms)) => {
                let mut linked = terms.start_page();
                if let Some(id) = exclude {
                    terms.mark_linked(id, &mut linked);
                }
                Some(linked)
            }
            _ => None,
        };
        State {
            renderer,
            mode,
            out: Vec::new(),
            rendered: Rendered::default(),
            anchors: Anchors::reserving(TEMPLATE_IDS),
            linked,
            links: Vec::new(),
            heading: None,
            code: None,
            figures: 0,
            no_autolink_depth: 0,
            image: None,
            paragraph: None,
            text_offset: 0,
        }
    }

    fn event<'s>(&mut self, event: Event<'r>, at: impl Fn() -> (&'s SourceText, usize)) {
        if let Some(code) = &mut self.code {
            match event {
                Event::Text(text) => {
                    code.offset.get_or_insert_with(|| at().1);
                    code.text.push_str(&text);
                }
                Event::End(TagEnd::CodeBlock) => self.end_code(at().0),
                _ => {}
            }
            return;
        }
        if let Some(image) = &mut self.image {
            match event {
                Event::Text(text) | Event::Code(text) => image.alt.push_str(&text),
                Event::Start(Tag::Image { .. }) => image.nested += 1,
                Event::End(TagEnd::Image) if image.nested > 0 => image.nested -= 1,
                Event::End(TagEnd::Image) => {
                    self.no_autolink_depth = self.no_autolink_depth.saturating_sub(1);
                    if let Some(image) = self.image.take() {
                        self.end_image(image, at);
                    }
                }
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                self.heading = Some((
                    level,
                    id.map(|s| s.to_string()),
                    self.out.len(),
                    String::new(),
                ));
                self.no_autolink_depth += 1;
            }
            Event::End(TagEnd::Heading(_)) => self.end_heading(),
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_owned()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some(Code {
                    lang,
                    text: String::new(),
                    offset: None,
                });
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                self.no_autolink_depth += 1;
                self.start_link(link_type, dest_url, title, id, at);
            }
            Event::End(TagEnd::Link) => {
                self.no_autolink_depth = self.no_autolink_depth.saturating_sub(1);
                self.end_link();
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                self.no_autolink_depth += 1;
                if self.renderer.images.is_some() {
                    let (_, offset) = at();
                    self.image = Some(OpenImage {
                        dest: dest_url,
                        title,
                        alt: String::new(),
                        offset,
                        nested: 0,
                    });
                    return;
                }
                let dest_url = if !self.renderer.options.unsafe_html && is_script_url(&dest_url) {
                    CowStr::from("#")
                } else {
                    dest_url
                };
                self.out.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Image) => {
                self.no_autolink_depth = self.no_autolink_depth.saturating_sub(1);
                self.out.push(event);
            }
            Event::Start(Tag::Paragraph) => {
                self.paragraph = Some(Paragraph {
                    start: self.out.len(),
                    figure: None,
                });
                self.out.push(event);
            }
            Event::End(TagEnd::Paragraph) => self.end_paragraph(event, at),
            Event::Html(_) | Event::InlineHtml(_) if !self.renderer.options.unsafe_html => {}
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock)
                if !self.renderer.options.unsafe_html => {}
            Event::Text(text) => self.text(text),
            Event::Code(code) => {
                if let Some((_, _, _, plain)) = &mut self.heading {
                    plain.push_str(&code);
                }
                self.out.push(Event::Code(code));
            }
            other => self.out.push(other),
        }
    }

    fn text(&mut self, text: CowStr<'r>) {
        if let Some((_, _, _, plain)) = &mut self.heading {
            plain.push_str(&text);
        }
        if self.no_autolink_depth == 0
            && let (Some(linked), Some(terms)) = (&mut self.linked, self.renderer.terms)
            && let Some(html) = terms.link(&text, linked)
        {
            self.out.push(Event::InlineHtml(html.into()));
            return;
        }
        self.out.push(Event::Text(text));
    }

    fn start_link<'s>(
        &mut self,
        link_type: pulldown_cmark::LinkType,
        dest_url: CowStr<'r>,
        title: CowStr<'r>,
        id: CowStr<'r>,
        at: impl Fn() -> (&'s SourceText, usize),
    ) {
        let resolved = links::resolve(&dest_url, self.renderer.targets);
        let dest = match resolved {
            Ok(Resolved::Citation { id, .. }) if matches!(self.mode, Mode::Page { .. }) => {
                self.links.push(Some(id));
                return;
            }
            Ok(Resolved::Citation { id, href }) => {
                // A snippet links to the source's entry, and lists it for the back-links there.
                self.rendered.cite(id);
                href
            }
            Ok(Resolved::Href(href)) => href,
            Err(broken) => {
                let (source, offset) = at();
                self.rendered.diagnostics.push(
                    source
                        .error_at(offset, broken.message)
                        .with_help(broken.help),
                );
                dest_url.to_string()
            }
        };
        let dest = if !self.renderer.options.unsafe_html && is_script_url(&dest) {
            String::from("#")
        } else {
            dest
        };
        self.links.push(None);
        self.out.push(Event::Start(Tag::Link {
            link_type,
            dest_url: dest.into(),
            title,
            id,
        }));
    }

    fn end_link(&mut self) {
        match self.links.pop().flatten() {
            Some(source) => {
                let (number, use_number) = self.rendered.cite(source);
                let label = self.renderer.words.fill(
                    "markdown.citation_label",
                    &[("number", &number.to_string())],
                );
                let mut escaped = String::new();
                let _ = pulldown_cmark_escape::escape_html(&mut escaped, &label);
                self.out.push(Event::InlineHtml(
                    format!(
                        "<sup class=\"cite\" id=\"cite-ref-{number}-{use_number}\"><a href=\"#cite-{number}\" aria-label=\"{escaped}\">[{number}]</a></sup>"
                    )
                    .into(),
                ));
            }
            None => self.out.push(Event::End(TagEnd::Link)),
        }
    }

    /// Replaces an image with its figure, or reports why it cannot be shown.
    fn end_image<'s>(&mut self, image: OpenImage<'r>, at: impl Fn() -> (&'s SourceText, usize)) {
        let Some(images) = self.renderer.images else {
            return;
        };
        let (source, _) = at();
        let lead = matches!(self.mode, Mode::Page { lead: true, .. });
        let first_screen = image.offset.saturating_sub(self.text_offset) < FIRST_SCREEN_BYTES;
        let eager = !lead && self.rendered.images.is_empty() && first_screen;
        let wanted = ImageUse {
            dest: &image.dest,
            alt: &image.alt,
            title: &image.title,
            from: &source.path,
            eager,
            lead: false,
        };
        let figure = images.figure(&wanted, self.renderer);
        self.rendered.images.extend(figure.image);
        match figure.html {
            Ok(html) => {
                if let Some(paragraph) = &mut self.paragraph {
                    paragraph.figure.get_or_insert(image.offset);
                }
                self.out.push(Event::Html(html.into()));
            }
            Err(broken) => self.rendered.diagnostics.push(
                source
                    .error_at(image.offset, broken.message)
                    .with_help(broken.help),
            ),
        }
    }

    /// Closes a paragraph; one that holds a figure alone is replaced by it.
    fn end_paragraph<'s>(&mut self, event: Event<'r>, at: impl Fn() -> (&'s SourceText, usize)) {
        let Some(Paragraph {
            start,
            figure: Some(offset),
        }) = self.paragraph.take()
        else {
            self.out.push(event);
            return;
        };
        if self.out.len() == start + 2 {
            self.out.remove(start);
            return;
        }
        let (source, _) = at();
        self.rendered.diagnostics.push(
            source
                .error_at(offset, "this image shares its paragraph with text")
                .with_help("put the image on a line of its own, with a blank line before and after it: it becomes a figure with its caption and credit"),
        );
        self.out.push(event);
    }

    fn end_heading(&mut self) {
        self.no_autolink_depth = self.no_autolink_depth.saturating_sub(1);
        let Some((level, explicit_id, start, text)) = self.heading.take() else {
            return;
        };
        let id = match explicit_id {
            Some(id) => self.anchors.unique(id),
            None => self.anchors.id_for(&text),
        };
        let level_number = level as u8;
        let mut escaped_id = String::new();
        let _ = pulldown_cmark_escape::escape_html(&mut escaped_id, &id);
        let inner: Vec<Event<'r>> = self.out.drain(start..).collect();
        self.out.push(Event::Html(
            format!("<h{level_number} id=\"{escaped_id}\">").into(),
        ));
        self.out.extend(inner);
        if matches!(self.mode, Mode::Page { .. }) {
            let mut label = String::new();
            let words = self.renderer.words.get("markdown.anchor_label");
            let _ = pulldown_cmark_escape::escape_html(&mut label, words);
            self.out.push(Event::Html(
                format!("<a class=\"anchor\" href=\"#{escaped_id}\" aria-label=\"{label}\">#</a>")
                    .into(),
            ));
        }
        self.out
            .push(Event::Html(format!("</h{level_number}>\n").into()));
        self.rendered.headings.push(Heading {
            level: level_number,
            id,
            text,
        });
    }

    fn end_code(&mut self, source: &SourceText) {
        let Some(Code {
            lang,
            text: code,
            offset,
        }) = self.code.take()
        else {
            return;
        };
        if let Some(figures) = self.renderer.figures
            && figures.handles(&lang)
        {
            self.figures += 1;
            let offset = offset.unwrap_or(0);
            match figures.figure(
                &lang,
                source,
                offset,
                &code,
                self.figures,
                self.renderer.words,
            ) {
                Ok(html) => self.out.push(Event::Html(html.into())),
                Err(problems) => self.rendered.diagnostics.extend(problems),
            }
            return;
        }
        let highlighted = if lang.is_empty() {
            None
        } else {
            highlight::highlight(&code, &lang)
        };
        let mut html = String::new();
        match highlighted {
            Some(body) => {
                self.rendered.has_code = true;
                html.push_str("<pre class=\"code\" tabindex=\"0\"><code class=\"language-");
                let _ = pulldown_cmark_escape::escape_html(&mut html, &lang);
                html.push_str("\">");
                html.push_str(&body);
            }
            None => {
                html.push_str("<pre class=\"code\" tabindex=\"0\"><code>");
                let _ = pulldown_cmark_escape::escape_html_body_text(&mut html, &code);
            }
        }
        html.push_str("</code></pre>\n");
        self.out.push(Event::Html(html.into()));
    }
}

/// How far into a page's text an image counts as in the first screen (about four short
/// paragraphs): the first such image is loaded at once, every other one lazily.
const FIRST_SCREEN_BYTES: usize = 1500;

impl Renderer<'_> {
    /// The lead image `dest` of a page, set in its front matter at `offset` of `source`.
    ///
    /// Besides the lead or the error, the image named, when it was found.
    pub fn lead(
        &self,
        source: &SourceText,
        offset: usize,
        dest: &str,
    ) -> (Option<String>, Result<Lead, Diagnostic>) {
        let wanted = ImageUse {
            dest,
            alt: "",
            title: "",
            from: &source.path,
            eager: true,
            lead: true,
        };
        let locate = |broken: links::Broken| {
            source
                .error_at(offset, broken.message)
                .with_help(broken.help)
        };
        let Some(images) = self.images else {
            let error = Diagnostic::error(&source.path, "images cannot be shown here");
            return (None, Err(error));
        };
        let Figure { image, html } = images.figure(&wanted, self);
        let lead = html.and_then(|html| {
            let share = images.share(&wanted, self.targets)?;
            Ok(Lead {
                image: image.clone().unwrap_or_default(),
                html,
                share,
            })
        });
        (image, lead.map_err(locate))
    }
}

fn is_script_url(dest: &str) -> bool {
    let lower: String = dest
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect();
    lower.starts_with("javascript:") || lower.starts_with("vbscript:") || lower.starts_with("data:")
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
            words: crate::words::Words::english(),
        };
        let source = SourceText::new("content/x.md", text.to_owned());
        renderer.render(&source, 0, text, mode)
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
