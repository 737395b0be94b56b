//! What the fuzz targets share: a small site to resolve links against, a
//! renderer over it, and a scratch site folder for loaders that read from disk.

use std::path::Path;
use std::sync::OnceLock;

use explainer::build::SiteIndex;
use explainer::config::BaseUrl;
use explainer::content::Page;
use explainer::data::Kind;
use explainer::diagnostics::{Diagnostic, SourceText};
use explainer::markdown::glossary_links::{TermMatcher, TermPattern};
use explainer::markdown::marks::Marks;
use explainer::markdown::{MarkdownOptions, Mode, Rendered, Renderer};

/// The text of a fuzz input, when it is UTF-8 (files that are not are refused before parsing).
pub fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// The ids every link scheme of the fuzz site knows.
pub const IDS: [&str; 5] = ["desk", "ombudsman", "lachin", "baku", "ceasefire"];

/// A site with one note, the ids the data targets may name, under `/base`.
pub fn index() -> &'static SiteIndex {
    static INDEX: OnceLock<SiteIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let note = SourceText::new(
            "content/notes/history.md",
            "+++\ntitle = \"History\"\n+++\nText\n".to_owned(),
        );
        let pages: Vec<Page> = Page::parse(note, "notes/history.md".to_owned())
            .into_iter()
            .collect();
        let base = BaseUrl::parse("https://example.org/base/").unwrap_or_default();
        // Every registered scheme knows the same few ids, so that new kinds are covered too.
        let schemes = Kind::ALL
            .iter()
            .filter_map(|kind| kind.scheme())
            .map(|scheme| (scheme, IDS.to_vec(), false))
            .collect();
        SiteIndex::with_ids(&base, &pages, schemes)
    })
}

/// Glossary terms with overlapping, accented and non-Latin names.
pub fn terms(case_sensitive: bool) -> TermMatcher {
    let term = |id: &str, names: &[&str]| TermPattern {
        id: id.to_owned(),
        names: names
            .iter()
            .map(|n| ((*n).to_owned(), Some("az".to_owned())))
            .collect(),
        tip: format!("{id}: a <tip> & \"quote\""),
        href: format!("/base/glossary/#{id}"),
    };
    let list = vec![
        term("lachin", &["Lachin", "Laçın"]),
        term("lachin-corridor", &["Lachin corridor"]),
        term("baku", &["Baku", "Bakı", "Բաքու"]),
    ];
    match TermMatcher::new(list, case_sensitive) {
        Ok(matcher) => matcher,
        Err(message) => panic!("the fuzz glossary does not build: {message}"),
    }
}

/// Citation marks and heading anchors without templates: the targets look for panics in the
/// walk over Markdown, not in the site's partials, which the site tests cover.
struct PlainMarks;

impl Marks for PlainMarks {
    fn citation(&self, number: usize, use_number: usize) -> Result<String, Diagnostic> {
        Ok(format!(
            "<sup id=\"cite-ref-{number}-{use_number}\">[{number}]</sup>"
        ))
    }

    fn anchor(&self, id: &str) -> Result<String, Diagnostic> {
        Ok(format!("<a class=\"anchor\" href=\"#{id}\">#</a>"))
    }
}

/// Renders Markdown with the site's link schemes, glossary linking on or off.
pub fn render(source: &SourceText, offset: usize, text: &str, mode: Mode, flags: u8) -> Rendered {
    let terms = terms(flags & 1 == 0);
    let renderer = Renderer {
        options: MarkdownOptions {
            smart_punctuation: flags & 2 == 0,
            unsafe_html: flags & 4 == 0,
        },
        targets: index(),
        terms: (flags & 8 == 0).then_some(&terms),
        figures: None,
        words: explainer::words::Words::english(),
        images: None,
        marks: &PlainMarks,
    };
    renderer.render(source, offset, text, mode)
}

/// A renderer over [`index`] with glossary linking, for data files' Markdown fields.
pub fn with_renderer<T>(run: impl FnOnce(&Renderer<'_>) -> T) -> T {
    let terms = terms(true);
    let renderer = Renderer {
        options: MarkdownOptions {
            smart_punctuation: true,
            unsafe_html: false,
        },
        targets: index(),
        terms: Some(&terms),
        figures: None,
        words: explainer::words::Words::english(),
        images: None,
        marks: &PlainMarks,
    };
    run(&renderer)
}

/// A scratch site whose `content/data/<name>` holds `data`, alone: the data files written
/// before are removed, so that one kind's two formats never meet by accident.
pub fn scratch_site(name: &str, data: &[u8]) -> &'static Path {
    let root = scratch_file(&format!("content/data/{name}"), data);
    if let Ok(entries) = std::fs::read_dir(root.join("content/data")) {
        for entry in entries.flatten() {
            if entry.file_name() != name {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    root
}

/// A scratch site whose file at `relative` holds `data`.
pub fn scratch_file(relative: &str, data: &[u8]) -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    let dir = DIR.get_or_init(|| match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(err) => panic!("cannot create a scratch folder: {err}"),
    });
    let path = dir.path().join(relative);
    let folder = path.parent().unwrap_or(dir.path());
    if let Err(err) = std::fs::create_dir_all(folder).and_then(|()| std::fs::write(&path, data)) {
        panic!("cannot write the scratch site: {err}");
    }
    dir.path()
}
