//! What `partials/figure.html` receives as `figure`: an image's text (alt, caption,
//! credit) and its processed files as `srcset` lists, and where those files are published.

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde::Serialize;

use crate::images::{Format, Processed, Variant};

/// The width of the plain `<img src>` for browsers that read no `srcset`.
const FALLBACK_WIDTH: u32 = 800;

/// The width of a page's share image (`og:image`), as the large cards of social sites want.
pub const SHARE_WIDTH: u32 = 1200;

/// A source an image comes from, as linked under it.
#[derive(Debug, Clone, Serialize)]
pub struct SourceLink {
    /// The source's name.
    pub name: String,
    /// Its entry on the sources page.
    pub href: String,
}

/// What is said about an image where it is shown.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FigureText {
    /// The registry id, for the figure's anchor; none for a plain image.
    pub id: Option<String>,
    /// What the image shows; empty for a decorative image.
    pub alt: String,
    /// True when the image is decorative.
    pub decorative: bool,
    /// The language of the alt text when it is not the page's: a registry entry the
    /// edition has not translated.
    pub alt_lang: Option<String>,
    /// The caption, as HTML.
    pub caption: Option<String>,
    /// The language of the caption when it is not the page's, as for `alt_lang`.
    pub caption_lang: Option<String>,
    /// Who made the image.
    pub credit: Option<String>,
    /// Its licence.
    pub license: Option<String>,
    /// The source it comes from.
    pub source: Option<SourceLink>,
}

/// The template's `figure`.
#[derive(Debug, Clone, Serialize)]
pub struct FigureView {
    /// The text.
    #[serde(flatten)]
    pub text: FigureText,
    /// The fallback `<img src>`, in the original's format.
    pub src: String,
    /// The fallback's width: with `height`, the space the image takes before it loads.
    pub width: u32,
    /// The fallback's height.
    pub height: u32,
    /// `srcset` in the original's format.
    pub srcset: String,
    /// The original's media type.
    pub mime: &'static str,
    /// `srcset` in WebP.
    pub webp_srcset: String,
    /// True below the first screen: loaded lazily and decoded off the main thread.
    pub lazy: bool,
    /// True for a page's lead image, which spans the page's width.
    pub lead: bool,
}

/// The figure of a processed image; `href` gives each file's address.
pub fn view(
    text: FigureText,
    processed: &Processed,
    href: &dyn Fn(&Variant) -> String,
    lead: bool,
    lazy: bool,
) -> FigureView {
    let srcset = |format: Format| {
        processed
            .in_format(format)
            .map(|v| format!("{} {}w", href(v), v.width))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let fallback = processed.closest(FALLBACK_WIDTH);
    FigureView {
        text,
        src: href(fallback),
        width: fallback.width,
        height: fallback.height,
        srcset: srcset(processed.format),
        mime: processed.format.mime(),
        webp_srcset: srcset(Format::Webp),
        lazy,
        lead,
    }
}

/// Where a file of a processed image is published, relative to the output's root: next
/// to the image's own place (`output`, such as `images/dam.jpg`), named by the content
/// hash so that a changed image never meets a stale copy in a reader's cache.
/// The full-size copy takes the image's own place.
pub fn published_path(output: &str, processed: &Processed, variant: &Variant) -> String {
    if *variant == processed.original {
        return output.to_owned();
    }
    let stem = output.rsplit_once('.').map_or(output, |(stem, _)| stem);
    let hash = processed.key.get(..10).unwrap_or(&processed.key);
    format!(
        "{stem}-{hash}-{}.{}",
        variant.width,
        variant.format.extension()
    )
}

/// What a published path cannot hold as it is in a URL, or in a `srcset`, where a space
/// ends the address and a comma may end the candidate.
const NOT_IN_URL: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b',');

/// A published path (`images/my photo.jpg`) as written in a URL (`images/my%20photo.jpg`).
pub fn url_path(path: &str) -> String {
    utf8_percent_encode(path, NOT_IN_URL).to_string()
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use scraper::{Html, Selector};

    use super::*;

    fn variant(format: Format, width: u32) -> Variant {
        Variant {
            format,
            width,
            height: width * 3 / 4,
            bytes: 1,
            file: format!("{width}.{}", format.extension()),
        }
    }

    fn processed() -> Processed {
        let variants = [480, 800, 1200, 1600]
            .into_iter()
            .flat_map(|w| [variant(Format::Jpeg, w), variant(Format::Webp, w)])
            .collect();
        Processed {
            key: "0123456789abcdef".to_owned(),
            format: Format::Jpeg,
            width: 4000,
            height: 3000,
            variants,
            original: variant(Format::Jpeg, 4000),
            dir: PathBuf::new(),
            from_cache: false,
        }
    }

    fn render(figure: &FigureView) -> Html {
        let partial = std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("templates/partials/figure.html"),
        )
        .unwrap();
        let mut tera = tera::Tera::new();
        tera.autoescape_on(vec![".html"]);
        tera.add_raw_template("figure.html", &partial).unwrap();
        let mut context = tera::Context::new();
        context.insert("figure", figure);
        context.insert("t", crate::words::Words::english().template_value());
        Html::parse_fragment(&tera.render("figure.html", &context).unwrap())
    }

    fn one<'a>(html: &'a Html, selector: &str) -> scraper::ElementRef<'a> {
        html.select(&Selector::parse(selector).unwrap())
            .next()
            .unwrap_or_else(|| panic!("no {selector}"))
    }

    #[test]
    fn paths_are_escaped_for_urls_and_srcset() {
        assert_eq!(url_path("images/dam.jpg"), "images/dam.jpg");
        assert_eq!(
            url_path("images/old bridge, 1990#2.jpg"),
            "images/old%20bridge%2C%201990%232.jpg"
        );
        assert_eq!(
            url_path("images/мост.png"),
            "images/%D0%BC%D0%BE%D1%81%D1%82.png"
        );
    }

    #[test]
    fn files_are_published_beside_the_image() {
        let processed = processed();
        let path = |v: &Variant| published_path("images/dam.jpg", &processed, v);
        assert_eq!(path(&processed.original), "images/dam.jpg");
        assert_eq!(
            path(&processed.variants[2]),
            "images/dam-0123456789-800.jpg"
        );
        assert_eq!(
            path(&processed.variants[3]),
            "images/dam-0123456789-800.webp"
        );
    }

    #[test]
    fn the_partial_makes_a_figure_with_sizes_and_a_marked_credit() {
        let processed = processed();
        let text = FigureText {
            id: Some("dam-2023".to_owned()),
            alt: "The dam seen from the north bank".to_owned(),
            caption: Some("The dam in <em>March</em> 2023.".to_owned()),
            credit: Some("Photographer / Agency".to_owned()),
            license: Some("CC BY 4.0".to_owned()),
            source: Some(SourceLink {
                name: "A source".to_owned(),
                href: "/sources/#a".to_owned(),
            }),
            ..FigureText::default()
        };
        let href = |v: &Variant| format!("/m/{}", v.file);
        let html = render(&view(text, &processed, &href, false, true));
        let figure = one(&html, "figure#figure-dam-2023");
        let webp = one(&html, "figure > picture > source[type='image/webp']");
        assert_eq!(
            webp.attr("srcset"),
            Some("/m/480.webp 480w, /m/800.webp 800w, /m/1200.webp 1200w, /m/1600.webp 1600w")
        );
        assert!(webp.attr("sizes").is_some());
        let img = one(&html, "figure > picture > img");
        assert_eq!(img.attr("src"), Some("/m/800.jpg"));
        assert_eq!(img.attr("alt"), Some("The dam seen from the north bank"));
        assert_eq!(
            (img.attr("width"), img.attr("height")),
            (Some("800"), Some("600"))
        );
        assert_eq!(img.attr("loading"), Some("lazy"));
        assert_eq!(img.attr("decoding"), Some("async"));
        assert!(img.attr("srcset").unwrap().starts_with("/m/480.jpg 480w"));
        assert_eq!(img.attr("sizes"), webp.attr("sizes"));
        let caption = one(&html, "figure > figcaption");
        let text: String = caption.text().collect();
        let said = text.split_whitespace().collect::<Vec<_>>().join(" ");
        // The caption first, then the credit, marked as such.
        assert!(said.starts_with("The dam in March 2023."), "{said}");
        let credit = said.find("Credit: Photographer / Agency").unwrap();
        assert!(said[credit..].contains("CC BY 4.0"), "{said}");
        assert_eq!(one(&html, "figcaption em").inner_html(), "March");
        assert_eq!(one(&html, "figcaption a").attr("href"), Some("/sources/#a"));
        assert!(figure.value().attr("class").unwrap().contains("figure"));
    }

    #[test]
    fn a_lead_image_loads_at_once_and_a_decorative_one_is_silent() {
        let processed = processed();
        let href = |v: &Variant| format!("/m/{}", v.file);
        let lead = FigureText {
            alt: "A map".to_owned(),
            credit: Some("Explainer desk".to_owned()),
            ..FigureText::default()
        };
        let html = render(&view(lead, &processed, &href, true, false));
        let img = one(&html, "img");
        assert_eq!(img.attr("loading"), None);
        assert_eq!(img.attr("decoding"), None);
        assert!(
            one(&html, "figure")
                .value()
                .attr("class")
                .unwrap()
                .contains("figure--lead")
        );

        let decorative = FigureText {
            decorative: true,
            ..FigureText::default()
        };
        let html = render(&view(decorative, &processed, &href, false, true));
        assert_eq!(one(&html, "img").attr("alt"), Some(""));
        assert!(
            html.select(&Selector::parse("figure, figcaption").unwrap())
                .next()
                .is_none()
        );
    }
}
