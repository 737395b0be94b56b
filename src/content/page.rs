//! A page: one Markdown file of `content/`, with its checked front matter and URL.

use serde::Serialize;

use crate::content::front_matter::{self, Format, FrontMatter};
use crate::dates::{DateInput, PartialDate};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceText};
use crate::toml_input::{self, Step};

/// What a page is, which decides its default template and where it is listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PageKind {
    /// `content/index.md`: the explainer article at `/`.
    Article,
    /// `content/notes/*.md`: a background note.
    Note,
    /// `content/notes/index.md`: the introduction of the notes listing.
    NotesIndex,
    /// Any other Markdown file.
    Page,
}

impl PageKind {
    /// The template used when the front matter names none.
    pub fn default_template(self) -> &'static str {
        match self {
            PageKind::Article => "article.html",
            PageKind::Note => "note.html",
            PageKind::NotesIndex => "notes.html",
            PageKind::Page => "page.html",
        }
    }
}

/// An update or correction shown in a page's updates box.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Update {
    /// When the page changed.
    pub date: PartialDate,
    /// What changed (Markdown-free text).
    pub text: String,
    /// True for a correction.
    pub correction: bool,
}

/// A page's checked front matter.
#[derive(Debug, Clone, PartialEq)]
pub struct PageMeta {
    /// The title.
    pub title: String,
    /// A one-sentence summary.
    pub description: Option<String>,
    /// Publication date.
    pub date: Option<PartialDate>,
    /// Date of the last update.
    pub updated: Option<PartialDate>,
    /// Bylines.
    pub authors: Vec<String>,
    /// True for drafts.
    pub draft: bool,
    /// Order in listings.
    pub weight: i64,
    /// The template to render with.
    pub template: String,
    /// Updates and corrections, newest first.
    pub updates: Vec<Update>,
    /// Whether glossary terms are auto-linked on this page.
    pub glossary: bool,
    /// The lead image, as written: `media:ID` or a path.
    pub image: Option<String>,
    /// Free-form values for templates.
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A loaded page.
#[derive(Debug, Clone)]
pub struct Page {
    /// The file, with its path relative to the site root.
    pub source: SourceText,
    /// The path under `content/`, with `/` separators, as `@/` links name it.
    pub content_path: String,
    /// What the page is.
    pub kind: PageKind,
    /// The page's site path, such as `/notes/history/`.
    pub url: String,
    /// The checked front matter.
    pub meta: PageMeta,
    /// Where the Markdown body starts in the file.
    pub body_offset: usize,
    /// The language of a translation (`index.ru.md` is `ru`); `None` for a page in the
    /// site's default language.
    pub language: Option<String>,
    /// True when this page stands in an edition for a translation it lacks: it is shown in
    /// its own language, with a notice.
    pub fallback: bool,
}

impl Page {
    /// The Markdown body.
    pub fn body(&self) -> &str {
        &self.source.text[self.body_offset..]
    }

    /// The byte offset of the front matter's value of `key` (the front matter's start when
    /// it is not set), for errors about it.
    pub fn value_offset(&self, key: &str) -> usize {
        value_offset(&self.source, &[Step::Key(key)])
    }

    /// Parses a page from its file; `content_path` is its path under `content/`.
    pub fn parse(source: SourceText, content_path: String) -> Result<Page, Diagnostics> {
        match Page::parse_all(source, content_path) {
            (Some(page), problems) if problems.is_empty() => Ok(page),
            (_, problems) => Err(Diagnostics(problems)),
        }
    }

    /// Reads a page, with every problem of its front matter. The page comes back despite
    /// bad front-matter values (they take their defaults), so that its body is still
    /// checked and a bad date does not hide a broken link below it; it is `None` only
    /// when the front matter cannot be read at all or the page has no URL.
    pub fn parse_all(source: SourceText, content_path: String) -> (Option<Page>, Vec<Diagnostic>) {
        let split = match front_matter::split(&source) {
            Ok(split) => split,
            Err(err) => return (None, Diagnostics::from(err).0),
        };
        let front = match front_matter::parse(&source, &split) {
            Ok(front) => front,
            Err(err) => return (None, Diagnostics::from(err).0),
        };
        let body_offset = split.body_offset;
        let kind = kind_of(&content_path);
        let (meta, mut problems) = check_meta(&source, front, kind);
        let url = match url_for(&content_path, kind, meta.1.as_deref()) {
            Ok(url) => url,
            Err(message) => {
                // A bad `slug` is reported already and is why there is no URL.
                if problems.is_empty() {
                    problems.push(source.error_at(split.front_offset, message));
                }
                return (None, problems);
            }
        };
        let page = Page {
            source,
            content_path,
            kind,
            url,
            meta: meta.0,
            body_offset,
            language: None,
            fallback: false,
        };
        (Some(page), problems)
    }
}

fn kind_of(content_path: &str) -> PageKind {
    match content_path {
        "index.md" => PageKind::Article,
        "notes/index.md" => PageKind::NotesIndex,
        path if path.starts_with("notes/") && !path["notes/".len()..].contains('/') => {
            PageKind::Note
        }
        _ => PageKind::Page,
    }
}

/// The byte offset of the front-matter value at `path`: from the TOML parser's spans, or in
/// YAML the value after `key:` on its line (the `n`th `- date:` item for an update's date).
/// The start of the front matter when the value is not set.
fn value_offset(source: &SourceText, path: &[Step<'_>]) -> usize {
    let Ok(split) = front_matter::split(source) else {
        return 0;
    };
    let found = match split.format {
        Format::Toml => toml_input::value_offset(split.front, path),
        Format::Yaml => yaml_value_offset(split.front, path),
    };
    found.map_or(split.front_offset, |offset| split.front_offset + offset)
}

/// A line-based search for a YAML key's value: front matter is flat but for the list of
/// `updates`, whose `n`th item is counted from the `updates:` line.
fn yaml_value_offset(front: &str, path: &[Step<'_>]) -> Option<usize> {
    let (key, item) = match path {
        [Step::Key(key)] => (*key, None),
        [Step::Key("updates"), Step::Item(n), Step::Key(key)] => (*key, Some(*n)),
        _ => return None,
    };
    let (mut in_updates, mut items, mut offset) = (false, 0, 0);
    for line in front.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indented = line.len() != trimmed.len();
        if !indented && !trimmed.starts_with('-') {
            in_updates = trimmed.starts_with("updates") && trimmed.trim_end().ends_with(':');
        }
        if in_updates && trimmed.starts_with('-') {
            items += 1;
        }
        let entry = trimmed.trim_start_matches('-').trim_start();
        let wanted = match item {
            None => !indented && !trimmed.starts_with('-'),
            Some(n) => in_updates && items == n + 1,
        };
        if wanted
            && let Some(rest) = entry.strip_prefix(key)
            && let Some(value) = rest.trim_start().strip_prefix(':')
        {
            return Some(offset + line.len() - value.trim_start().len());
        }
        offset += line.len();
    }
    None
}

type CheckedMeta = ((PageMeta, Option<String>), Vec<Diagnostic>);

fn check_meta(source: &SourceText, front: FrontMatter, kind: PageKind) -> CheckedMeta {
    let mut problems = Vec::new();
    // The place of a date is looked for only when the date is wrong.
    let mut date = |at: &dyn Fn() -> usize, input: Option<DateInput>| -> Option<PartialDate> {
        input.and_then(|input| match input.parse() {
            Ok(date) => Some(date),
            Err(message) => {
                problems.push(source.error_at(at(), message.to_string()));
                None
            }
        })
    };
    let published = date(&|| value_offset(source, &[Step::Key("date")]), front.date);
    let updated = date(
        &|| value_offset(source, &[Step::Key("updated")]),
        front.updated,
    );
    let mut updates = Vec::new();
    for (n, update) in front.updates.into_iter().enumerate() {
        let at = || {
            value_offset(
                source,
                &[Step::Key("updates"), Step::Item(n), Step::Key("date")],
            )
        };
        if let Some(when) = date(&at, Some(update.date)) {
            updates.push(Update {
                date: when,
                text: update.text,
                correction: update.correction,
            });
        }
    }
    updates.sort_by(|a, b| b.date.chronological(&a.date));
    let title = front.title.unwrap_or_default();
    if title.trim().is_empty() {
        problems.push(
            source
                .error_at_line(1, 1, "the page has no title")
                .with_help("add `title = \"...\"` to the front matter"),
        );
    }
    let template = front
        .template
        .unwrap_or_else(|| kind.default_template().to_owned());
    if !is_safe_template_name(&template) {
        problems.push(
            source
                .error_at(value_offset(source, &[Step::Key("template")]), format!("template {template:?} is not a file name under templates/"))
                .with_help("name a template such as \"page.html\"; paths that leave templates/ are refused"),
        );
    }
    if let Some(slug) = &front.slug
        && !is_url_safe(slug)
    {
        problems.push(
            source
                .error_at(
                    value_offset(source, &[Step::Key("slug")]),
                    format!("slug {slug:?} is not usable in a URL"),
                )
                .with_help(
                    "use letters, digits, `-`, `_` and `.` only, such as \"lachin-corridor\"",
                ),
        );
    }
    let meta = PageMeta {
        title,
        description: front.description,
        date: published,
        updated,
        authors: front.authors,
        draft: front.draft,
        weight: front.weight.unwrap_or(0),
        template,
        updates,
        glossary: front.glossary.unwrap_or(true),
        image: front.image.filter(|image| !image.trim().is_empty()),
        extra: front.extra,
    };
    ((meta, front.slug), problems)
}

fn is_safe_template_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('/')
        && !name.contains('\\')
        && name
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

fn is_url_safe(segment: &str) -> bool {
    !segment.is_empty()
        && segment != "."
        && segment != ".."
        && segment
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The site path of a page, from its content path and optional slug.
/// A file name that cannot be part of a URL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the file name {0:?} cannot be used in a URL; set `slug` in the front matter or rename the file with letters, digits, `-`, `_` and `.` only"
)]
pub struct UnusableFileName(String);

fn url_for(
    content_path: &str,
    kind: PageKind,
    slug: Option<&str>,
) -> Result<String, UnusableFileName> {
    let without_ext = content_path.strip_suffix(".md").unwrap_or(content_path);
    let mut segments: Vec<&str> = without_ext.split('/').collect();
    if segments.last() == Some(&"index") {
        segments.pop();
    } else if let Some(slug) = slug
        && let Some(last) = segments.last_mut()
    {
        *last = slug;
    }
    if kind == PageKind::Article {
        return Ok("/".to_owned());
    }
    for segment in &segments {
        if !is_url_safe(segment) {
            return Err(UnusableFileName((*segment).to_owned()));
        }
    }
    Ok(format!("/{}/", segments.join("/")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(path: &str, text: &str) -> Result<Page, Diagnostics> {
        Page::parse(
            SourceText::new(format!("content/{path}"), text.to_owned()),
            path.to_owned(),
        )
    }

    #[test]
    fn urls_follow_the_layout() {
        let page = |path| parse(path, "+++\ntitle = \"T\"\n+++\n").unwrap();
        assert_eq!(page("index.md").url, "/");
        assert_eq!(page("index.md").kind, PageKind::Article);
        assert_eq!(page("notes/history.md").url, "/notes/history/");
        assert_eq!(page("notes/history.md").kind, PageKind::Note);
        assert_eq!(page("notes/index.md").url, "/notes/");
        assert_eq!(page("about.md").url, "/about/");
        assert_eq!(page("a/b/index.md").url, "/a/b/");
        let slugged = parse("notes/x.md", "+++\ntitle = \"T\"\nslug = \"why\"\n+++\n").unwrap();
        assert_eq!(slugged.url, "/notes/why/");
    }

    #[test]
    fn updates_are_newest_first_and_problems_are_all_reported() {
        let page = parse(
            "a.md",
            "+++\ntitle = \"T\"\n[[updates]]\ndate = \"2023-09-20\"\ntext = \"a\"\n[[updates]]\ndate = 2023-09-21\ntext = \"b\"\ncorrection = true\n+++\n",
        )
        .unwrap();
        assert_eq!(page.meta.updates[0].text, "b");
        assert!(page.meta.updates[0].correction);

        let err = parse(
            "a.md",
            "+++\ndate = \"2023-02-30\"\ntemplate = \"../../etc/passwd\"\n+++\n",
        )
        .unwrap_err();
        assert_eq!(err.0.len(), 3, "{err:?}");

        let err = parse(
            "a.md",
            "+++\ntitle = \"T\"\ndate = \"2023-01-01\"\n[[updates]]\ndate = \"2023-01-02\"\ntext = \"a\"\n[[updates]]\ndate = \"2023-13-01\"\ntext = \"b\"\n+++\n",
        )
        .unwrap_err();
        assert_eq!(err.0[0].line, 8, "{err:?}");
        let err = parse(
            "a.md",
            "---\ntitle: T\nupdates:\n  - date: 2023-01-02\n    text: a\n  - text: b\n    date: 2023-02-30\n---\n",
        )
        .unwrap_err();
        assert_eq!(err.0[0].line, 7, "{err:?}");
    }
}
