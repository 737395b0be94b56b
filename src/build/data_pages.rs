//! The pages the build makes besides the Markdown pages: the notes listing and the data
//! kinds' pages, each with its view, and with the section index page that introduces it.

use rayon::prelude::*;

use crate::config::{BaseUrl, Config};
use crate::content::{Content, PageKind};
use crate::data::{DataPage, Generated};
use crate::markdown::Rendered;
use crate::publish::json_ld;
use crate::words::Words;

use super::NOTES_PATH;
use super::index::SiteIndex;
use super::jobs::FixedPage;
use super::views::PageView;

/// The notes listing (unless `content/notes/index.md` replaces it) and the data pages but
/// the sources page, each with its view made once; the data pages' data moves out of
/// `generated`.
pub(super) fn fixed_pages(
    config: &Config,
    base: &BaseUrl,
    content: &Content,
    generated: &mut Generated,
    intros: &Intros<'_>,
    words: &Words,
) -> Vec<FixedPage> {
    let mut fixed = Vec::new();
    let has_notes_index = content.pages.iter().any(|p| p.kind == PageKind::NotesIndex);
    if !has_notes_index && content.pages.iter().any(|p| p.kind == PageKind::Note) {
        let mut view = PageView::of_data(
            NOTES_PATH,
            words.get("pages.notes.title"),
            words.get("pages.notes.description"),
            "notes_index",
            tera::Value::none(),
            base,
        );
        view.json_ld =
            json_ld::for_data_page(words.get("pages.notes.title"), NOTES_PATH, config, base);
        fixed.push(FixedPage::new(
            NOTES_PATH.to_owned(),
            "notes.html".to_owned(),
            view,
        ));
    }
    let has_code = generated.has_code;
    fixed.par_extend(generated.pages.par_iter_mut().map(|page| {
        let view = data_view(config, base, page, has_code, intros);
        FixedPage::new(page.path.clone(), page.template.to_owned(), view)
    }));
    fixed
}

/// What the data pages' section index pages give them: the pages and their rendering.
pub(super) struct Intros<'a> {
    pub(super) content: &'a Content,
    pub(super) rendered: &'a [Rendered],
    pub(super) sources: Option<&'a crate::data::sources::Sources>,
    pub(super) targets: &'a SiteIndex,
}

/// A data page's view, with its section index page's title, description and introduction
/// when it has one; its data moves into it.
pub(super) fn data_view<'a>(
    config: &Config,
    base: &BaseUrl,
    page: &mut DataPage,
    has_code: bool,
    intros: &Intros<'a>,
) -> PageView<'a> {
    let kind = page.template.trim_end_matches(".html");
    let data = std::mem::replace(&mut page.data, tera::Value::none());
    let mut view = PageView::of_data(&page.path, &page.title, &page.description, kind, data, base);
    view.has_code = has_code;
    let index = intros.content.section_indexes.iter().zip(intros.rendered);
    if let Some((index, rendered)) = index.into_iter().find(|(p, _)| p.url == page.path) {
        view = view.with_section_index(index, rendered, intros.sources, intros.targets);
    }
    view.json_ld = json_ld::for_data_page(&view.title, &page.path, config, base);
    view
}
