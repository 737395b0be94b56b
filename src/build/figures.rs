//! Images in Markdown made into figures: `media:ID` from the registry, or a path to a file
//! of the site, each with its processed files, rendered through `partials/figure.html`.

use std::path::Path;

use serde_json::json;
use tera::Context;

use crate::config::BaseUrl;
use crate::content::CONTENT_DIR;
use crate::data::media::figure::{
    self, FigureText, FigureView, SHARE_WIDTH, published_path, url_path,
};
use crate::data::media::page::{inline, source_link};
use crate::data::media::{self, Media, MediaImage, paths};
use crate::data::sources::Sources;
use crate::diagnostics::SourceText;
use crate::images::{Processed, Variant};
use crate::markdown::images::{Figure, ImageUse, Images};
use crate::markdown::links::{self, Broken, Targets};
use crate::markdown::plain::plain_text;
use crate::markdown::{Mode, Renderer};
use crate::render::Templates;
use crate::words::Words;

use super::images::SiteImages;

/// The template that makes a figure.
pub(crate) const TEMPLATE: &str = "partials/figure.html";

/// The fragment that marks a plain image as decorative: `![](images/rule.png#decorative)`.
const DECORATIVE: &str = "#decorative";

const ALT_HELP: &str = "write what the image shows between the brackets, as for a reader who cannot see it: ![The dam seen from the north bank](images/dam.jpg); an image that adds nothing a reader would miss is marked decorative: ![](images/rule.png#decorative)";

/// What figures are made from.
pub(crate) struct SiteFigures<'a> {
    /// The site root.
    pub root: &'a Path,
    /// The base URL, for share images' absolute addresses.
    pub base: &'a BaseUrl,
    /// The media registry.
    pub media: Option<&'a Media>,
    /// The sources, for images' source links.
    pub sources: Option<&'a Sources>,
    /// The processed images.
    pub images: &'a SiteImages,
    /// The templates; `None` when they failed to load (their errors are reported).
    pub templates: Option<&'a Templates>,
    /// In an edition in another language, the registry's entries it has not translated,
    /// and the language they are written in: their words are marked with it.
    pub untranslated: Option<(&'a [String], &'a str)>,
}

/// An image chosen for a use: its place in the output and what is said of it.
struct Chosen<'a> {
    output: String,
    registered: Option<&'a MediaImage>,
    alt: String,
    decorative: bool,
    caption: Option<Caption<'a>>,
}

/// A caption as written (inline Markdown), with where it is written: a registry entry, or
/// the title of an image in a page.
struct Caption<'a> {
    text: String,
    registry: Option<(&'a SourceText, usize)>,
}

impl<'a> SiteFigures<'a> {
    /// Finds the image a use names, with its text: the registry's, unless the use gives its own.
    /// `None` when the registry failed to load: its own errors say why.
    fn choose(
        &self,
        wanted: &ImageUse<'_>,
        targets: &dyn Targets,
    ) -> Result<Option<Chosen<'a>>, Broken> {
        if let Some(id) = wanted.dest.strip_prefix("media:") {
            if let Some(broken) = links::unknown_id(targets, &media::SCHEME, id) {
                return Err(broken);
            }
            return Ok(self
                .media
                .and_then(|m| m.get(id))
                .map(|image| self.registered(image, wanted)));
        }
        let (path, decorative) = match wanted.dest.strip_suffix(DECORATIVE) {
            Some(path) => (path, true),
            None => (wanted.dest, false),
        };
        let from_dir = wanted
            .from
            .parent()
            .and_then(|dir| dir.strip_prefix(CONTENT_DIR).ok())
            .map(|dir| dir.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        let file = paths::resolve(self.root, path, &from_dir).map_err(|problem| Broken {
            message: problem.message,
            help: problem.help,
        })?;
        let registered = self
            .media
            .and_then(|m| m.list.iter().find(|image| image.file == file.output));
        if let Some(image) = registered {
            return Ok(Some(self.registered(image, wanted)));
        }
        if wanted.alt.trim().is_empty() && !decorative {
            let help = if wanted.lead {
                format!(
                    "register the image in content/data/{} with its alt text and credit, and write image = \"media:ID\"",
                    media::FILE
                )
            } else {
                ALT_HELP.to_owned()
            };
            return Err(Broken {
                message: format!("the image `{path}` has no alt text"),
                help,
            });
        }
        Ok(Some(Chosen {
            output: file.output,
            registered: None,
            alt: wanted.alt.trim().to_owned(),
            decorative,
            caption: own_caption(wanted),
        }))
    }

    fn registered(&self, image: &'a MediaImage, wanted: &ImageUse<'_>) -> Chosen<'a> {
        let alt = wanted.alt.trim();
        let caption = own_caption(wanted).or_else(|| {
            Some(Caption {
                text: image.caption.clone()?,
                registry: self.media.map(|m| (&m.file, image.places.entry)),
            })
        });
        Chosen {
            output: image.file.clone(),
            registered: Some(image),
            alt: if alt.is_empty() {
                image.alt.clone()
            } else {
                alt.to_owned()
            },
            decorative: image.decorative && alt.is_empty(),
            caption,
        }
    }

    /// The processed files of a chosen image; `None` for a registered image that could not
    /// be processed, which is reported at its registry line.
    fn processed(&self, chosen: &Chosen<'_>, dest: &str) -> Result<Option<&'a Processed>, Broken> {
        let Some(image) = self.images.get(&chosen.output) else {
            // A registered image whose file is missing is reported at its registry line.
            if chosen
                .registered
                .is_some_and(|image| image.missing.is_some())
            {
                return Ok(None);
            }
            return Err(Broken {
                message: format!("the image `{dest}` was not found among the site's images"),
                help: "images are JPEG or PNG files under content/ or static/".to_owned(),
            });
        };
        match &image.result {
            Ok(processed) => Ok(Some(processed)),
            Err(_) if chosen.registered.is_some() => Ok(None),
            Err(err) => Err(Broken {
                message: format!("the image `{dest}` cannot be shown: {err}"),
                help: err.help().unwrap_or("replace the file").to_owned(),
            }),
        }
    }
}

/// The caption a use gives itself, its Markdown title.
fn own_caption<'s>(wanted: &ImageUse<'_>) -> Option<Caption<'s>> {
    let title = wanted.title.trim();
    (!title.is_empty()).then(|| Caption {
        text: title.to_owned(),
        registry: None,
    })
}

/// A caption rendered as inline HTML; a broken link in it is the figure's error.
fn render_caption(
    caption: &Caption<'_>,
    from: &Path,
    renderer: &Renderer<'_>,
) -> Result<String, Broken> {
    let own;
    let (source, offset) = match caption.registry {
        Some(place) => place,
        None => {
            own = SourceText::new(from, caption.text.clone());
            (&own, 0)
        }
    };
    let rendered = renderer.render(source, offset, &caption.text, Mode::Snippet);
    match rendered.diagnostics.into_iter().next() {
        Some(problem) => Err(Broken {
            message: format!("in the caption: {}", problem.message),
            help: problem.help.unwrap_or_default(),
        }),
        None => Ok(inline(&rendered.html)),
    }
}

impl Images for SiteFigures<'_> {
    fn figure(&self, wanted: &ImageUse<'_>, renderer: &Renderer<'_>) -> Figure {
        match self.choose(wanted, renderer.targets) {
            Ok(Some(chosen)) => Figure {
                html: self.html(wanted, &chosen, renderer),
                image: Some(chosen.output),
            },
            Ok(None) => Figure {
                image: None,
                html: Ok(String::new()),
            },
            Err(broken) => Figure {
                image: None,
                html: Err(broken),
            },
        }
    }

    fn share(
        &self,
        wanted: &ImageUse<'_>,
        targets: &dyn Targets,
    ) -> Result<serde_json::Value, Broken> {
        let Some(chosen) = self.choose(wanted, targets)? else {
            return Ok(serde_json::Value::Null);
        };
        let Some(processed) = self.processed(&chosen, wanted.dest)? else {
            return Ok(serde_json::Value::Null);
        };
        let variant = processed.closest(SHARE_WIDTH);
        let registered = chosen.registered;
        Ok(json!({
            "url": self.base.asset_absolute(&format!("/{}", url_path(&published_path(&chosen.output, processed, variant)))),
            "type": variant.format.mime(),
            "width": variant.width,
            "height": variant.height,
            "alt": chosen.alt,
            // Metadata and feeds take no markup: the caption's words only.
            "caption": chosen.caption.as_ref().map(|caption| plain_text(&caption.text)),
            "credit": registered.map(|image| image.credit.clone()),
            "license": registered.and_then(|image| image.license.clone()),
        }))
    }
}

impl SiteFigures<'_> {
    /// The figure's HTML.
    fn html(
        &self,
        wanted: &ImageUse<'_>,
        chosen: &Chosen<'_>,
        renderer: &Renderer<'_>,
    ) -> Result<String, Broken> {
        let Some(processed) = self.processed(chosen, wanted.dest)? else {
            return Ok(String::new());
        };
        let caption = chosen
            .caption
            .as_ref()
            .map(|caption| render_caption(caption, wanted.from, renderer))
            .transpose()?;
        let registered = chosen.registered;
        // Words taken from an untranslated registry entry are in the default language.
        let foreign = registered.and_then(|image| {
            let (ids, language) = self.untranslated?;
            ids.contains(&image.id).then(|| language.to_owned())
        });
        let alt_lang = foreign
            .clone()
            .filter(|_| wanted.alt.trim().is_empty() && !chosen.decorative);
        let caption_lang = foreign.filter(|_| {
            chosen
                .caption
                .as_ref()
                .is_some_and(|caption| caption.registry.is_some())
        });
        let text = FigureText {
            id: registered.map(|image| image.id.clone()),
            alt: chosen.alt.clone(),
            alt_lang,
            decorative: chosen.decorative,
            caption,
            caption_lang,
            credit: registered.map(|image| image.credit.clone()),
            license: registered.and_then(|image| image.license.clone()),
            source: source_link(
                registered.and_then(|image| image.source.as_deref()),
                self.sources,
                renderer.targets,
            ),
        };
        let prefix = format!("{}/", self.base.path);
        let href = |variant: &Variant| {
            format!(
                "{prefix}{}",
                url_path(&published_path(&chosen.output, processed, variant))
            )
        };
        let view = figure::view(text, processed, &href, wanted.lead, !wanted.eager);
        self.render(&view, renderer.words)
    }

    fn render(&self, view: &FigureView, words: &Words) -> Result<String, Broken> {
        let templates = self.templates.ok_or_else(|| Broken {
            message: "images cannot be shown while the templates have errors".to_owned(),
            help: "fix the templates' errors".to_owned(),
        })?;
        if !templates.contains(TEMPLATE) {
            return Err(Broken {
                message: format!("templates/{TEMPLATE} is missing: images are shown through it"),
                help: "copy it from a site made by `explainer new`".to_owned(),
            });
        }
        let mut context = Context::new();
        context.insert("figure", view);
        context.insert("t", words.template_value());
        templates.render(TEMPLATE, &context).map_err(|d| Broken {
            message: format!("{}: {}", d.file.display(), d.message),
            help: d.help.unwrap_or_default(),
        })
    }
}
