//! A loaded site: its configuration, pages, data and templates, with every Markdown text
//! rendered and every check done, ready to render pages from. A build renders it once; the
//! preview keeps it between edits and re-renders only what an edit touches.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{BaseUrl, Config};
use crate::content::{self, Content, Page};
use crate::data::media::Media;
use crate::data::sources::SourceViews;
use crate::data::{CitedBy, DataKind, DataPage, Generated, SiteData};
use crate::diagnostics::{Collector, Diagnostic, Diagnostics};
use crate::markdown::figures::Figures;
use crate::markdown::glossary_links::TermMatcher;
use crate::markdown::images::{Figure, ImageUse, Images};
use crate::markdown::links::{Broken, Targets};
use crate::markdown::marks::Marks;
use crate::markdown::{MarkdownOptions, Mode, Rendered, Renderer};
use crate::output;
use crate::render::Templates;
use crate::toml_input::Step;
use crate::words::Words;

use super::data_pages::{Intros, data_view, fixed_pages};
use super::edition_sites::{Edition, with_editions};
use super::editions::EditionLinks;
use super::figures::SiteFigures;
use super::globals::Globals;
use super::images::SiteImages;
use super::index::SiteIndex;
use super::jobs::{FixedPage, Job};
use super::marks::SiteMarks;
use super::views::PageView;
use super::{BuildFailure, BuildOptions, check_urls, fail, generated_paths, syntax_css};

/// A site loaded, checked and with its Markdown rendered.
pub(crate) struct Site {
    /// How it was built.
    pub options: BuildOptions,
    /// The configuration, with the options' overrides.
    pub config: Config,
    /// The base URL.
    pub base: BaseUrl,
    /// Where the output goes.
    pub output_dir: PathBuf,
    /// The pages.
    pub content: Content,
    /// The data files.
    pub data: SiteData,
    /// The site's images, processed; shared by every edition.
    pub images: Arc<SiteImages>,
    /// The compiled templates, with their globals set.
    pub templates: Templates,
    /// Link targets.
    pub index: SiteIndex,
    /// The glossary linker.
    pub matcher: Option<TermMatcher>,
    /// Each page's rendered Markdown, in the order of `content.pages`.
    pub rendered: Vec<Rendered>,
    /// Each section index page's rendered Markdown, in the order of `content.section_indexes`.
    pub index_rendered: Vec<Rendered>,
    /// The data pages (their data moved into `fixed`), exports and citations.
    pub generated: Generated,
    /// The pages whose view is made once: the notes listing and the data pages.
    pub fixed: Vec<FixedPage>,
    /// True when some page has highlighted code.
    pub has_code: bool,
    /// The code stylesheet.
    pub syntax_css: String,
    /// Warnings found while loading.
    pub warnings: Vec<Diagnostic>,
    /// The interface's words, in this edition's language.
    pub words: Words,
    /// How the editions link to each other; shared by every edition.
    pub links: Arc<EditionLinks>,
    /// The editions in other languages, when this is the default edition of a site that has
    /// them: each a site of its own, written under `/CODE/` beside this one.
    pub editions: Vec<Site>,
    /// The sources page's values of each source, for making the page again after an edit.
    pub source_views: SourceViews,
}

impl std::fmt::Debug for Site {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Site")
            .field("root", &self.options.root)
            .field("pages", &self.content.pages.len())
            .field("fixed", &self.fixed.len())
            .finish_non_exhaustive()
    }
}

/// Adds a step's diagnostics to the build's: errors and warnings each in their order.
fn absorb(diagnostics: &mut Collector, step: Collector) {
    let (errors, warnings) = step.finish();
    diagnostics.extend(errors);
    diagnostics.extend(warnings);
}

impl Site {
    /// Loads the site at `options.root`: configuration, then pages, data and templates side by side.
    pub(crate) fn load(options: &BuildOptions) -> Result<Site, BuildFailure> {
        let root = options.root.as_path();
        let mut config = Config::load(root)?;
        if let Some(url) = &options.base_url {
            BaseUrl::parse(url)
                .map_err(|m| Diagnostics(vec![Diagnostic::error("--base-url", m)]))?;
            config.base_url = url.clone();
        }
        let (mut content_problems, mut data_problems) =
            (Collector::default(), Collector::default());
        let ((content, target), (data, templates)) = rayon::join(
            || {
                rayon::join(
                    || {
                        let languages = config.edition_codes();
                        content::load(root, options.drafts, &languages, &mut content_problems)
                    },
                    || check_output(options, &config),
                )
            },
            || {
                rayon::join(
                    || SiteData::load(root, &config, &mut data_problems),
                    || Templates::load(root),
                )
            },
        );
        // Images are processed once the content's files are known, all side by side.
        let images = Arc::new(SiteImages::load(root, &config, &content.assets));
        let mut diagnostics = Collector::default();
        absorb(&mut diagnostics, content_problems);
        absorb(&mut diagnostics, data_problems);
        let templates = diagnostics.take(templates);
        diagnostics.take(target);
        if config.languages.is_empty() {
            return Site::assemble(
                options.clone(),
                config,
                content,
                data,
                images,
                templates,
                diagnostics,
                Arc::default(),
            );
        }
        let links = Arc::new(EditionLinks::new(&config, &content));
        let others: Vec<Result<Site, BuildFailure>> = config
            .edition_codes()
            .into_par_iter()
            .map(|code| {
                let edition = Edition {
                    config: config.edition(code),
                    content: content.edition(Some(code)),
                    templates: templates.clone(),
                };
                edition.assemble(options, &images, &links)
            })
            .collect();
        let main = Site::assemble(
            options.clone(),
            config,
            content.edition(None),
            data,
            images,
            templates,
            diagnostics,
            links,
        );
        with_editions(main, others)
    }

    /// Checks loaded parts, renders their Markdown and data, and sets the templates' globals.
    #[expect(
        clippy::too_many_arguments,
        reason = "the parts of a loaded site, each used"
    )]
    pub(crate) fn assemble(
        options: BuildOptions,
        config: Config,
        mut content: Content,
        data: SiteData,
        images: Arc<SiteImages>,
        templates: Option<Templates>,
        mut diagnostics: Collector,
        links: Arc<EditionLinks>,
    ) -> Result<Site, BuildFailure> {
        let base = config.base();
        // The configuration's check has reported a language without words already.
        let words = config.words().unwrap_or_else(|_| Words::english().clone());
        let output_dir = output_dir(&options, &config);
        content.take_section_indexes(&data.page_paths());
        let generated_paths = generated_paths(&content, &data);
        let index = SiteIndex::new(&base, &content.pages, &data)
            .generating(generated_paths.iter().map(|(path, _)| path.clone()))
            .indexing(&content.section_indexes)
            .tolerating(&content.failed);
        // The checks run beside the glossary matcher built from the index.
        let (css, matcher) = rayon::join(
            || {
                diagnostics.extend(data.check_references(&index));
                check_urls(&content, &generated_paths, &mut diagnostics);
                syntax_css(&config)
            },
            || match (&data.glossary, config.glossary.autolink) {
                (Some(glossary), true) => Some(
                    TermMatcher::new(glossary.patterns(&index), config.glossary.case_sensitive)
                        .map_err(|e| {
                            let message = format!("cannot build the glossary matcher: {e}");
                            Diagnostic::error(&glossary.file.path, message)
                        }),
                ),
                _ => None,
            },
        );
        let syntax_css = diagnostics.take(css.map_err(Diagnostics::from));
        let matcher = matcher.and_then(|m| diagnostics.take(m.map_err(Diagnostics::from)));
        let maps = templates
            .as_ref()
            .map(|templates| data.figures(&index, templates));
        let pictures = SiteFigures {
            root: &options.root,
            base: &base,
            media: data.media.as_ref(),
            sources: data.sources.as_ref(),
            images: &images,
            templates: templates.as_ref(),
            untranslated: untranslated_media(&data, &links, &config),
        };
        let marks = SiteMarks::new(templates.as_ref(), &words);
        let renderer = renderer(
            &config,
            &index,
            matcher.as_ref(),
            maps.as_ref().map(|m| m as &dyn Figures),
            &pictures,
            &marks,
            &words,
        );
        // The data files' pages need the pages' citations only for the sources page.
        let (rendered, mut generated) = rayon::join(
            || {
                content
                    .pages
                    .par_iter()
                    .map(|page| render_page(&renderer, page))
                    .collect::<Vec<Rendered>>()
            },
            || data.generate(&renderer),
        );
        let index_rendered: Vec<Rendered> = content
            .section_indexes
            .iter()
            .map(|page| render_page(&renderer, page))
            .collect();
        diagnostics.extend(
            rendered
                .iter()
                .chain(&index_rendered)
                .flat_map(|r| r.diagnostics.iter().cloned()),
        );
        diagnostics.extend(std::mem::take(&mut generated.diagnostics));
        diagnostics.extend(image_errors(&options.root, &data, &images, &rendered));
        // The figure drawers borrow the data and the templates, which the site takes below.
        drop(maps);

        let (Some(mut templates), Some(syntax_css)) = (templates, syntax_css) else {
            return Err(fail(diagnostics));
        };
        if diagnostics.has_errors() {
            return Err(fail(diagnostics));
        }
        let has_code =
            generated.has_code || rendered.iter().chain(&index_rendered).any(|r| r.has_code);
        let intros = Intros {
            content: &content,
            rendered: &index_rendered,
            sources: data.sources.as_ref(),
            targets: &index,
        };
        let mut fixed = fixed_pages(&config, &base, &content, &mut generated, &intros, &words);
        if data.sources.is_some() {
            fixed.push(FixedPage::sources());
        }
        Globals {
            config: &config,
            base: &base,
            content: &content,
            data: &data,
            generated: &generated,
            index: &index,
            has_code,
            words: &words,
            default_language: links.default_language().unwrap_or(&config.language),
        }
        .set(&mut templates);
        let (_, warnings) = diagnostics.finish();
        Ok(Site {
            options,
            config,
            base,
            output_dir,
            content,
            data,
            images,
            templates,
            index,
            matcher,
            rendered,
            index_rendered,
            generated,
            fixed,
            has_code,
            syntax_css,
            warnings,
            words,
            links,
            editions: Vec::new(),
            source_views: SourceViews::default(),
        })
    }

    /// Runs `run` with the Markdown renderer of this site.
    pub(crate) fn with_renderer<T>(&self, run: impl FnOnce(&Renderer<'_>) -> T) -> T {
        let maps = self.data.figures(&self.index, &self.templates);
        let marks = SiteMarks::new(Some(&self.templates), &self.words);
        run(&renderer(
            &self.config,
            &self.index,
            self.matcher.as_ref(),
            Some(&maps),
            self,
            &marks,
            &self.words,
        ))
    }

    /// What makes this site's images into figures.
    fn figures(&self) -> SiteFigures<'_> {
        SiteFigures {
            root: &self.options.root,
            base: &self.base,
            media: self.data.media.as_ref(),
            sources: self.data.sources.as_ref(),
            images: &self.images,
            templates: Some(&self.templates),
            untranslated: untranslated_media(&self.data, &self.links, &self.config),
        }
    }

    /// True when a page or asset of the site comes from `relative` (a path under the root).
    pub(crate) fn has_source(&self, relative: &Path) -> bool {
        let absolute = self.options.root.join(relative);
        self.content
            .pages
            .iter()
            .chain(&self.content.section_indexes)
            .any(|page| page.source.path == relative)
            || self
                .content
                .assets
                .iter()
                .any(|(source, _)| *source == absolute)
    }

    /// The sources page's view, with the back-links of every page and data file.
    pub(crate) fn sources_value(&self) -> tera::Value {
        let cited_by = self.with_renderer(|renderer| {
            let mut cited_by = citations(renderer, &self.content.pages, &self.rendered);
            cited_by.extend(citations(
                renderer,
                &self.content.section_indexes,
                &self.index_rendered,
            ));
            cited_by
        });
        self.data
            .sources_page(
                &self.words,
                &cited_by,
                &self.generated.cited_by,
                &self.source_views,
            )
            .map_or_else(tera::Value::none, |mut page| {
                tera::Value::from_serializable(&self.data_page_view(&mut page))
            })
    }

    /// The view of a data page made after assembly, with its section index page's
    /// introduction; the page's data moves into it.
    fn data_page_view(&self, page: &mut DataPage) -> PageView<'_> {
        let intros = Intros {
            content: &self.content,
            rendered: &self.index_rendered,
            sources: self.data.sources.as_ref(),
            targets: &self.index,
        };
        data_view(
            &self.config,
            &self.base,
            page,
            self.generated.has_code,
            &intros,
        )
    }

    /// Makes the fixed page of a data page again from `page`, which a data kind generated
    /// anew; returns its job, or `None` when the site has no page at its path.
    pub(crate) fn replace_data_page(&mut self, mut page: DataPage) -> Option<Job> {
        let i = self.fixed.iter().position(|f| f.path == page.path)?;
        let view = self.data_page_view(&mut page);
        let fixed = FixedPage::new(page.path.clone(), page.template.to_owned(), view);
        super::drop_later(std::mem::replace(&mut self.fixed[i], fixed));
        Some(Job::Fixed(i))
    }

    /// Every global of the templates, as the site now stands.
    pub(crate) fn globals(&self) -> Globals<'_> {
        Globals {
            config: &self.config,
            base: &self.base,
            content: &self.content,
            data: &self.data,
            generated: &self.generated,
            index: &self.index,
            has_code: self.has_code,
            words: &self.words,
            default_language: self
                .links
                .default_language()
                .unwrap_or(&self.config.language),
        }
    }
}

/// The media registry's entries this edition has not translated, with the language they are
/// written in; `None` in the default edition, which translates nothing.
fn untranslated_media<'a>(
    data: &'a SiteData,
    links: &'a EditionLinks,
    config: &'a Config,
) -> Option<(&'a [String], &'a str)> {
    let ids = data.untranslated.get(<Media as DataKind>::NAME)?;
    Some((ids, links.default_language().unwrap_or(&config.language)))
}

fn output_dir(options: &BuildOptions, config: &Config) -> PathBuf {
    match &options.output_dir {
        Some(dir) => dir.clone(),
        None => options.root.join(&config.output_dir),
    }
}

/// Refuses an output folder that would destroy something (not when only checking).
fn check_output(options: &BuildOptions, config: &Config) -> Result<(), Diagnostics> {
    if options.check_only {
        return Ok(());
    }
    output::check_target(&options.root, &output_dir(options, config)).map_err(|refused| {
        let in_config = options
            .output_dir
            .is_none()
            .then(|| config.error_at_key(&[Step::Key("output_dir")], &refused.message));
        match in_config.flatten() {
            Some(located) => Diagnostics::from(Diagnostic {
                help: refused.help,
                ..located
            }),
            None => Diagnostics::from(refused),
        }
    })
}

fn renderer<'a>(
    config: &Config,
    index: &'a SiteIndex,
    terms: Option<&'a TermMatcher>,
    figures: Option<&'a dyn Figures>,
    images: &'a dyn Images,
    marks: &'a dyn Marks,
    words: &'a Words,
) -> Renderer<'a> {
    Renderer {
        options: MarkdownOptions {
            smart_punctuation: config.markdown.smart_punctuation,
            unsafe_html: config.markdown.unsafe_html,
        },
        targets: index,
        terms,
        figures,
        images: Some(images),
        marks,
        words,
    }
}

/// A page's Markdown body, rendered.
pub(crate) fn render_page(renderer: &Renderer<'_>, page: &Page) -> Rendered {
    let mode = Mode::Page {
        autolink: page.meta.glossary,
        lead: page.meta.image.is_some(),
    };
    let mut rendered = renderer.render(&page.source, page.body_offset, page.body(), mode);
    if let Some(image) = &page.meta.image {
        let (named, lead) = renderer.lead(&page.source, page.value_offset("image"), image);
        rendered.images.extend(named);
        match lead {
            Ok(lead) => rendered.lead = Some(lead),
            Err(problem) => rendered.diagnostics.push(problem),
        }
    }
    rendered
}

/// Images that could not be processed: at their line of the media registry, or at the file
/// itself when no registry entry or page names it (a page reports it where it is shown).
fn image_errors(
    root: &Path,
    data: &SiteData,
    images: &SiteImages,
    rendered: &[Rendered],
) -> Vec<Diagnostic> {
    let mut named: HashSet<&str> = rendered
        .iter()
        .flat_map(|r| r.images.iter().map(String::as_str))
        .collect();
    let mut errors = Vec::new();
    if let Some(media) = &data.media {
        for image in &media.list {
            named.insert(image.file.as_str());
            if let Some(Err(err)) = images.get(&image.file).map(|i| &i.result) {
                let message = format!("the image `{}` cannot be used: {err}", image.id);
                let error = media.file_error(image, message);
                errors.push(match err.help() {
                    Some(help) => error.with_help(help),
                    None => error,
                });
            }
        }
    }
    errors.extend(images.errors(root, &|output| named.contains(output)));
    errors
}

impl Images for Site {
    fn figure(&self, image: &ImageUse<'_>, renderer: &Renderer<'_>) -> Figure {
        self.figures().figure(image, renderer)
    }

    fn share(
        &self,
        image: &ImageUse<'_>,
        targets: &dyn Targets,
    ) -> Result<serde_json::Value, Broken> {
        self.figures().share(image, targets)
    }
}

/// The pages' citations of sources, for the back-links on `/sources/`.
pub(crate) fn citations(
    renderer: &Renderer<'_>,
    pages: &[Page],
    rendered: &[Rendered],
) -> Vec<CitedBy> {
    pages
        .par_iter()
        .zip(rendered)
        .flat_map_iter(|(page, r)| {
            let href = renderer.targets.href(&page.url);
            r.citations.iter().map(move |id| CitedBy {
                source: id.clone(),
                title: page.meta.title.clone(),
                href: href.clone(),
            })
        })
        .collect()
}
