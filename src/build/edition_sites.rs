//! Editions in other languages as sites of their own: each assembled from its translations,
//! then joined to the default edition, or their errors merged so that each is told once.

use std::sync::Arc;

use crate::config::Config;
use crate::content::Content;
use crate::data::SiteData;
use crate::diagnostics::Collector;
use crate::render::Templates;

use super::editions::EditionLinks;
use super::images::SiteImages;
use super::site::Site;
use super::{BuildFailure, BuildOptions};

/// The parts of an edition in another language before it is assembled.
pub(super) struct Edition {
    pub(super) config: Config,
    pub(super) content: Content,
    pub(super) templates: Option<Templates>,
}

impl Edition {
    /// Loads the edition's data, with its translations laid over the default language's,
    /// and assembles it as a site of its own. Problems it shares with the default edition
    /// are reported once, by [`with_editions`].
    pub(super) fn assemble(
        self,
        options: &BuildOptions,
        images: &Arc<SiteImages>,
        links: &Arc<EditionLinks>,
    ) -> Result<Site, BuildFailure> {
        let mut problems = Collector::default();
        let mut data = SiteData::load(&options.root, &self.config, &mut problems);
        if let Some(language) = self.config.edition_language() {
            data.translate(&options.root, language, &mut problems);
        }
        Site::assemble(
            options.clone(),
            self.config,
            self.content,
            data,
            Arc::clone(images),
            self.templates,
            problems,
            Arc::clone(links),
        )
    }
}

/// The default edition with the others, or every error of them all, each once.
pub(super) fn with_editions(
    main: Result<Site, BuildFailure>,
    others: Vec<Result<Site, BuildFailure>>,
) -> Result<Site, BuildFailure> {
    let (mut editions, mut failure) = match main {
        Ok(main) => (vec![main], None),
        Err(failure) => (Vec::new(), Some(failure)),
    };
    for other in others {
        match (other, &mut failure) {
            (Ok(site), _) => editions.push(site),
            (Err(err), Some(all)) => {
                for error in err.errors.0 {
                    if !all.errors.0.contains(&error) {
                        all.errors.0.push(error);
                    }
                }
            }
            (Err(err), None) => failure = Some(err),
        }
    }
    match failure {
        Some(mut failure) => {
            crate::diagnostics::sort(&mut failure.errors.0);
            Err(failure)
        }
        None => {
            let mut main = editions.remove(0);
            main.editions = editions;
            Ok(main)
        }
    }
}
