//! A page's lead image, named in its front matter: the figure and the image shared with it.

use super::Renderer;
use super::images::{Figure, ImageUse, Lead};
use super::links;
use crate::diagnostics::{Diagnostic, SourceText};

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
