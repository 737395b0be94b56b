//! The walk over a text's Markdown events: links and citations, headings and their anchors,
//! images and figures, glossary links and code blocks, each turned into the HTML events the
//! page receives, with every problem kept at its place.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::anchors::Anchors;
use super::images::ImageUse;
use super::links::{self, Resolved};
use super::{Heading, Mode, Rendered, Renderer, TEMPLATE_IDS, glossary_links, highlight};
use crate::diagnostics::{Diagnostic, SourceText};

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

pub(super) struct State<'r, 'a> {
    renderer: &'r Renderer<'a>,
    mode: Mode,
    pub(super) out: Vec<Event<'r>>,
    pub(super) rendered: Rendered,
    anchors: Anchors,
    pub(super) linked: Option<glossary_links::Linked>,
    /// Open links: Some(citation source id) for citations, None for ordinary links.
    links: Vec<Option<String>>,
    heading: Option<(HeadingLevel, Option<String>, usize, String)>,
    code: Option<Code>,
    /// How many figures the text has drawn so far.
    pub(super) figures: usize,
    no_autolink_depth: usize,
    image: Option<OpenImage<'r>>,
    paragraph: Option<Paragraph>,
    /// Where the text starts in its file, to tell the first screen from the rest.
    pub(super) text_offset: usize,
}

/// A code block being read: its info string's first word, its text and where that starts.
struct Code {
    lang: String,
    text: String,
    offset: Option<usize>,
}

impl<'r, 'a> State<'r, 'a> {
    pub(super) fn new(renderer: &'r Renderer<'a>, mode: Mode, exclude: Option<&str>) -> Self {
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

    pub(super) fn event<'s>(&mut self, event: Event<'r>, at: impl Fn() -> (&'s SourceText, usize)) {
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
                let mark = self.renderer.marks.citation(number, use_number);
                self.push_mark(mark, Event::InlineHtml);
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
        // Characters rather than bytes: a screen holds as much Russian text as English.
        let before = source
            .text
            .get(self.text_offset..image.offset)
            .map_or(usize::MAX, |text| text.chars().count());
        let first_screen = before < FIRST_SCREEN_CHARS;
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

    /// Adds a mark's HTML as `event`, or keeps its template's error.
    fn push_mark(&mut self, mark: Result<String, Diagnostic>, event: fn(CowStr<'r>) -> Event<'r>) {
        match mark {
            Ok(html) => self.out.push(event(html.into())),
            Err(problem) => self.rendered.diagnostics.push(problem),
        }
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
            let anchor = self.renderer.marks.anchor(&id);
            self.push_mark(anchor, Event::Html);
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
const FIRST_SCREEN_CHARS: usize = 1500;

fn is_script_url(dest: &str) -> bool {
    let lower: String = dest
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect();
    lower.starts_with("javascript:") || lower.starts_with("vbscript:") || lower.starts_with("data:")
}
