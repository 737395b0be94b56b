//! The image credits page, `/credits/`: every registered image with its credit, licence
//! and source, each at its id (the target of `[text](media:ID)` links).

use serde::Serialize;

use super::model::{Media, MediaImage};
use crate::data::sources::Sources;
use crate::data::{CitedBy, DataPage, Generated};
use crate::diagnostics::Diagnostic;
use crate::markdown::links::{self, Targets};
use crate::markdown::{Mode, Renderer};

/// The page's site path.
pub const PATH: &str = "/credits/";

/// An image as the credits page lists it.
#[derive(Serialize)]
struct CreditView<'a> {
    #[serde(flatten)]
    image: &'a MediaImage,
    /// The caption, as HTML.
    caption_html: Option<String>,
    /// The source's name and link.
    source_link: Option<super::figure::SourceLink>,
}

/// The credits page, and the images' citations of their sources.
pub fn generate(media: &Media, renderer: &Renderer<'_>, sources: Option<&Sources>) -> Generated {
    let mut generated = Generated::default();
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let views: Vec<CreditView<'_>> = media
        .list
        .iter()
        .map(|image| CreditView {
            image,
            caption_html: image.caption.as_ref().map(|caption| {
                let rendered =
                    renderer.render(&media.file, image.places.entry, caption, Mode::Snippet);
                diagnostics.extend(rendered.diagnostics);
                inline(&rendered.html)
            }),
            source_link: source_link(image.source.as_deref(), sources, renderer.targets),
        })
        .collect();
    let href = renderer.targets.href(PATH);
    generated
        .cited_by
        .extend(media.list.iter().filter_map(|image| {
            Some(CitedBy {
                source: image.source.clone()?,
                title: format!(
                    "{}: {}",
                    renderer.words.get("pages.credits.title"),
                    image.id
                ),
                href: format!("{href}#{}", image.id),
            })
        }));
    let mut page = DataPage::worded(
        renderer.words,
        "credits",
        PATH.to_owned(),
        "credits.html",
        tera::Value::from_serializable(&views),
    );
    // Reached from every page's footer, not from the main navigation.
    page.nav = false;
    generated.pages.push(page);
    generated.diagnostics = diagnostics;
    generated
}

/// The name and link of the source `id`, when the site has it.
pub fn source_link(
    id: Option<&str>,
    sources: Option<&Sources>,
    targets: &dyn Targets,
) -> Option<super::figure::SourceLink> {
    let source = sources?.get(id?)?;
    Some(super::figure::SourceLink {
        name: source.name.clone(),
        href: links::anchor(targets, crate::data::sources::PATH, &source.id),
    })
}

/// A rendered snippet without its paragraph: captions sit inside a line of text.
pub fn inline(html: &str) -> String {
    let trimmed = html.trim();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|rest| rest.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_owned(),
        _ => trimmed.to_owned(),
    }
}
