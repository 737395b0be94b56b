//! Figures on a fixture site with real images made here: captions, credits, `srcset`,
//! the lead image's tags, the metadata of every published image, the image cache, and
//! the errors of bad images, each leaving the last good output untouched.

use std::fs;
use std::io::Cursor;
use std::path::Path;

use crate::common::{build_ok, build_site, fixture, page, samples, select, snapshot, text_of};
use explainer::images::{Format, metadata};

/// The fixture with its images: a camera photograph with a GPS position (turned a quarter
/// by its EXIF orientation), a PNG map with metadata, a photograph beside a note, a
/// decorative PNG in static/.
fn site() -> tempfile::TempDir {
    let dir = fixture("figures");
    let root = dir.path();
    write(
        root,
        "content/images/dam.jpg",
        &samples::jpeg_with_gps(800, 600),
    );
    write(
        root,
        "content/images/map.png",
        &samples::png_with_metadata(400, 300),
    );
    write(
        root,
        "content/notes/bridge.jpg",
        &samples::jpeg_with_gps(300, 200),
    );
    write(root, "static/rule.png", &samples::png_with_metadata(200, 8));
    dir
}

fn write(root: &Path, relative: &str, bytes: &[u8]) {
    let path = root.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

fn attr<'a>(element: &scraper::ElementRef<'a>, name: &str) -> &'a str {
    element.value().attr(name).unwrap_or_default()
}

/// The words of an element's text, single-spaced.
fn words(element: &scraper::ElementRef<'_>) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn figures_have_sources_captions_credits_and_sizes() {
    let dir = site();
    let root = dir.path();
    build_ok(root);
    let public = root.join("public");
    let html = page(root, "index.html");
    let figures = select(&html, "main figure");
    assert_eq!(figures.len(), 3, "the lead image and two figures");

    // The lead image: first, full width, loaded at once.
    let lead = &figures[0];
    assert!(attr(lead, "class").contains("figure--lead"));
    let img = lead
        .select(&scraper::Selector::parse("img").unwrap())
        .next()
        .unwrap();
    assert_eq!(
        attr(&img, "alt"),
        "The dam seen from the north bank, its spillway open"
    );
    assert_eq!(img.value().attr("loading"), None);
    // Upright: stored 800 x 600 and turned a quarter by its orientation.
    let (w, h): (u32, u32) = (
        attr(&img, "width").parse().unwrap(),
        attr(&img, "height").parse().unwrap(),
    );
    assert_eq!(w * 4, h * 3, "{w}x{h}");
    let caption = words(
        &lead
            .select(&scraper::Selector::parse("figcaption").unwrap())
            .next()
            .unwrap(),
    );
    assert!(
        caption.starts_with("The dam in March, from the north bank."),
        "{caption}"
    );
    assert!(
        caption.contains("Credit: A. Photographer / North Agency, CC BY 4.0"),
        "{caption}"
    );
    assert!(
        caption.ends_with("source: Ministry of the North"),
        "{caption}"
    );

    // The map: a caption given in the page, then the registry's credit; lazy, below the lead.
    let map = &figures[1];
    let caption = words(
        &map.select(&scraper::Selector::parse("figcaption").unwrap())
            .next()
            .unwrap(),
    );
    assert_eq!(
        caption,
        "The valley, drawn by the desk. Credit: Fixture desk"
    );
    let img = map
        .select(&scraper::Selector::parse("img").unwrap())
        .next()
        .unwrap();
    assert_eq!(attr(&img, "loading"), "lazy");
    assert_eq!(attr(&img, "decoding"), "async");
    assert_eq!(attr(&img, "alt"), "A map of the valley");

    // The dam again, with its own alt text for this use.
    let img = figures[2]
        .select(&scraper::Selector::parse("img").unwrap())
        .next()
        .unwrap();
    assert_eq!(attr(&img, "alt"), "Another view of the dam");

    // Every figure: WebP and the original format at widths never above the original's,
    // each file published, with sizes.
    for figure in &figures {
        let source = figure
            .select(&scraper::Selector::parse("picture > source[type='image/webp']").unwrap())
            .next()
            .unwrap();
        let img = figure
            .select(&scraper::Selector::parse("picture > img").unwrap())
            .next()
            .unwrap();
        for element in [&source, &img] {
            assert!(!attr(element, "sizes").is_empty());
            let srcset = attr(element, "srcset");
            for candidate in srcset.split(", ") {
                let (url, width) = candidate.split_once(' ').unwrap();
                let width: u32 = width.trim_end_matches('w').parse().unwrap();
                assert!(width <= 600, "{candidate}");
                let file = public.join(url.strip_prefix("/site/").unwrap());
                assert!(file.is_file(), "{url} is not published");
            }
        }
        assert!(
            public
                .join(attr(&img, "src").strip_prefix("/site/").unwrap())
                .is_file()
        );
    }
    let first = select(&html, "main figure img")[1];
    assert!(
        attr(&first, "srcset").contains("160w"),
        "{}",
        attr(&first, "srcset")
    );
}

#[test]
fn plain_images_are_found_as_github_shows_them() {
    let dir = site();
    let root = dir.path();
    build_ok(root);
    let html = page(root, "notes/history/index.html");
    let figures = select(&html, "main figure");
    assert_eq!(figures.len(), 3);
    let bridge = figures[0]
        .select(&scraper::Selector::parse("img").unwrap())
        .next()
        .unwrap();
    assert_eq!(attr(&bridge, "alt"), "A photograph of the old bridge");
    // Narrower than the fallback's 800 px: the clean full-size copy is the fallback.
    assert_eq!(attr(&bridge, "src"), "/site/notes/bridge.jpg");
    assert!(attr(&bridge, "srcset").contains("/site/notes/bridge-"));
    // The first image of a page without a lead image, in its first screen, loads at once.
    assert_eq!(bridge.value().attr("loading"), None);
    assert_eq!(text_of(&html, "main figure figcaption"), "The old bridge.");
    // A registered file named by its path takes the registry's credit.
    assert!(words(&figures[1]).contains("Credit: Fixture desk"));
    // An image with alt text and nothing to say under it is a figure without a caption,
    // loaded lazily: it is not the page's first image.
    let again = &figures[2];
    assert_eq!(
        again
            .select(&scraper::Selector::parse("figcaption").unwrap())
            .count(),
        0
    );
    let img = again
        .select(&scraper::Selector::parse("img").unwrap())
        .next()
        .unwrap();
    assert_eq!(attr(&img, "alt"), "The old bridge again");
    assert_eq!(img.value().attr("loading"), Some("lazy"));
    assert_eq!(img.value().attr("decoding"), Some("async"));
    // The decorative image: empty alt, no figure around it.
    let rule = select(&html, "main div.figure img");
    assert_eq!(rule.len(), 1);
    assert_eq!(rule[0].value().attr("alt"), Some(""));
    // A figure replaces its paragraph.
    assert!(select(&html, "main p figure, main p picture").is_empty());
}

#[test]
fn an_edition_shows_the_translated_alt_text_and_caption() {
    let dir = site();
    let root = dir.path();
    append(
        root,
        "explainer.toml",
        "\n[languages.ru]\ntitle = \"Долина\"\n",
    );
    write(
        root,
        "content/data/ru/media.toml",
        "[[image]]\nid = \"dam\"\nalt = \"Плотина с северного берега\"\ncaption = \"Плотина в марте.\"\n"
            .as_bytes(),
    );
    write(
        root,
        "content/index.ru.md",
        "+++\ntitle = \"Долина\"\ndescription = \"Что случилось в долине.\"\nimage = \"media:dam\"\n+++\n\nТекст.\n\n![](media:map)\n\n![Карта долины](media:map \"Долина.\")\n"
            .as_bytes(),
    );
    build_ok(root);
    let html = page(root, "ru/index.html");
    let figures = select(&html, "main figure");
    assert_eq!(figures.len(), 3);
    let img = |figure: &scraper::ElementRef<'_>| {
        let selector = scraper::Selector::parse("img").unwrap();
        let img = figure.select(&selector).next().unwrap();
        (
            attr(&img, "alt").to_owned(),
            img.value().attr("lang").map(str::to_owned),
        )
    };
    // The lead image's entry is translated: its words are the page's.
    assert_eq!(
        img(&figures[0]),
        ("Плотина с северного берега".into(), None)
    );
    assert!(words(&figures[0]).starts_with("Плотина в марте."));
    let meta = select(&html, "meta[property='og:image:alt']");
    assert_eq!(
        meta[0].value().attr("content"),
        Some("Плотина с северного берега")
    );
    // The map's entry is not: its alt text says it is in English.
    assert_eq!(
        img(&figures[1]),
        ("A map of the valley".into(), Some("en-GB".into()))
    );
    // Words written in the page are the page's.
    assert_eq!(img(&figures[2]), ("Карта долины".into(), None));
    let caption = select(&html, "main figure .figure-caption");
    assert_eq!(caption[1].value().attr("lang"), None);
}

/// The loading of the only image of a note after `before` characters of Russian text.
fn loading_after(before: usize) -> Option<String> {
    let dir = site();
    let root = dir.path();
    let text = "Плотина на реке. ".repeat(before / 17);
    write(
        root,
        "content/notes/river.md",
        format!(
            "+++\ntitle = \"River\"\ndescription = \"The river.\"\n+++\n\n{text}\n\n![A photograph of the old bridge](bridge.jpg)\n"
        )
        .as_bytes(),
    );
    build_ok(root);
    let html = page(root, "notes/river/index.html");
    let img = select(&html, "main figure img");
    img[0].value().attr("loading").map(str::to_owned)
}

#[test]
fn the_first_screen_is_counted_in_characters() {
    // About 1,000 characters of Cyrillic are some 1,800 bytes: still the first screen.
    assert_eq!(loading_after(1000), None);
    assert_eq!(loading_after(2000).as_deref(), Some("lazy"));
}

#[test]
fn every_srcset_candidate_is_a_published_file() {
    let dir = site();
    let root = dir.path();
    write(
        root,
        "content/notes/old bridge, 1990.jpg",
        &samples::photo_jpeg(500, 300),
    );
    append(
        root,
        "content/notes/history.md",
        "\n![The old bridge in 1990](<old bridge, 1990.jpg>)\n",
    );
    build_ok(root);
    let public = root.join("public");
    let html = page(root, "notes/history/index.html");
    let sources = select(&html, "main picture img, main picture source");
    assert!(sources.len() >= 8);
    let mut spaced = 0;
    for element in sources {
        let srcset = attr(&element, "srcset");
        // Candidates are separated by a comma and a space; a URL holds neither.
        for candidate in srcset.split(", ") {
            let (url, width) = candidate.split_once(' ').unwrap();
            assert!(width.ends_with('w') && !width.contains(' '), "{srcset}");
            let path = url.strip_prefix("/site/").unwrap();
            let decoded = percent_encoding::percent_decode_str(path)
                .decode_utf8()
                .unwrap();
            assert!(public.join(&*decoded).is_file(), "{url} in {srcset}");
            spaced += usize::from(decoded.contains("old bridge, 1990"));
        }
    }
    assert_eq!(spaced, 6, "the 500 px image at three widths in two formats");
}

#[test]
fn no_published_image_keeps_any_metadata() {
    let dir = site();
    let root = dir.path();
    build_ok(root);
    let public = root.join("public");
    let mut seen = 0;
    for entry in walkdir::WalkDir::new(&public) {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().to_lowercase();
        let format = match name.rsplit_once('.').map(|(_, ext)| ext) {
            Some("jpg" | "jpeg") => Format::Jpeg,
            Some("png") => Format::Png,
            Some("webp") => Format::Webp,
            _ => continue,
        };
        let bytes = fs::read(entry.path()).unwrap();
        assert_eq!(
            metadata::blocks(format, &bytes),
            Vec::<&str>::new(),
            "{name}"
        );
        let exif = exif::Reader::new().read_from_container(&mut Cursor::new(&bytes));
        assert!(exif.is_err(), "{name} has EXIF");
        seen += 1;
    }
    assert!(seen > 20, "only {seen} images published");
    // The originals' places hold their clean copies, upright.
    let dam = image::load_from_memory(&fs::read(public.join("images/dam.jpg")).unwrap()).unwrap();
    assert_eq!((dam.width(), dam.height()), (600, 800));
    assert!(public.join("notes/bridge.jpg").is_file());
    assert!(public.join("rule.png").is_file());
    assert!(public.join("share.png").is_file());
}

#[test]
fn the_lead_image_is_the_share_image() {
    let dir = site();
    let root = dir.path();
    build_ok(root);
    let html = page(root, "index.html");
    let meta = |selector: &str| {
        select(&html, selector)
            .first()
            .and_then(|e| e.value().attr("content"))
            .unwrap_or_default()
            .to_owned()
    };
    let url = meta("meta[property='og:image']");
    assert!(
        url.starts_with("https://example.org/site/images/dam-"),
        "{url}"
    );
    assert!(
        url.ends_with("-480.jpg"),
        "the derivative closest to 1200 px: {url}"
    );
    assert!(
        root.join("public")
            .join(url.strip_prefix("https://example.org/site/").unwrap())
            .is_file()
    );
    assert_eq!(
        meta("meta[property='og:image:alt']"),
        "The dam seen from the north bank, its spillway open"
    );
    assert_eq!(meta("meta[property='og:image:type']"), "image/jpeg");
    assert_eq!(meta("meta[property='og:image:width']"), "480");
    assert_eq!(meta("meta[property='og:image:height']"), "640");
    assert_eq!(meta("meta[name='twitter:card']"), "summary_large_image");

    let json: serde_json::Value =
        serde_json::from_str(&text_of(&html, "script[type='application/ld+json']")).unwrap();
    let image = &json["@graph"][0]["image"];
    assert_eq!(image["@type"], "ImageObject");
    assert_eq!(image["url"], url.as_str());
    assert_eq!(image["creditText"], "A. Photographer / North Agency");
    assert_eq!(image["license"], "CC BY 4.0");
    // Metadata takes the caption's words, without its Markdown.
    assert_eq!(image["caption"], "The dam in March, from the north bank.");

    // A page without a lead image keeps the site's share image.
    let note = page(root, "notes/history/index.html");
    let og: Vec<_> = select(&note, "meta[property='og:image']");
    assert_eq!(
        og[0].value().attr("content"),
        Some("https://example.org/site/share.png")
    );

    // The feed carries the lead image with its credit.
    let feed = fs::read_to_string(root.join("public/atom.xml")).unwrap();
    assert!(feed.contains("rel=\"enclosure\""));
    assert!(
        feed.contains("The dam in March, from the north bank. Credit:"),
        "{feed}"
    );
    assert!(
        feed.contains("Credit: A. Photographer / North Agency, CC BY 4.0"),
        "{feed}"
    );
}

#[test]
fn the_credits_page_lists_every_image() {
    let dir = site();
    let root = dir.path();
    build_ok(root);
    let html = page(root, "credits/index.html");
    let items = select(&html, "main .credits-list li");
    assert_eq!(items.len(), 2);
    assert_eq!(attr(&items[0], "id"), "dam");
    let dam = words(&items[0]);
    assert!(
        dam.contains("Credit: A. Photographer / North Agency"),
        "{dam}"
    );
    assert!(dam.contains("Licence: CC BY 4.0"), "{dam}");
    assert!(dam.contains("Source: Ministry of the North"), "{dam}");
    // Linked from every page's footer, not from the main navigation.
    let index = page(root, "index.html");
    assert_eq!(select(&index, "footer a[href='/site/credits/']").len(), 1);
    assert!(select(&index, "header nav a[href='/site/credits/']").is_empty());
    // The sources page says where the source is cited.
    let sources = fs::read_to_string(root.join("public/sources/index.html")).unwrap();
    assert!(sources.contains("/site/credits/#dam"));
}

#[test]
fn an_unchanged_image_is_not_encoded_again() {
    let dir = site();
    let root = dir.path();
    let first = build_ok(root);
    assert_eq!(first.images_encoded, 5, "four images and static/share.png");
    let before = snapshot(&root.join("public"));
    let again = build_ok(root);
    assert_eq!(again.images_encoded, 0);
    assert_eq!(snapshot(&root.join("public")), before);
    // A changed image alone is encoded again.
    write(
        root,
        "content/images/map.png",
        &samples::png_with_metadata(420, 300),
    );
    assert_eq!(build_ok(root).images_encoded, 1);
}

/// The lines `explainer serve` prints, read on a thread so that every wait has a limit.
struct Preview {
    child: std::process::Child,
    lines: std::sync::mpsc::Receiver<String>,
}

impl Preview {
    fn start(root: &Path) -> Preview {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_explainer"))
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (send, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            use std::io::BufRead;
            for line in std::io::BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
            {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        Preview { child, lines }
    }

    /// The lines printed until one starts with `last`, that one included.
    fn until(&self, last: &str) -> Vec<String> {
        let mut seen = Vec::new();
        loop {
            let line = self
                .lines
                .recv_timeout(std::time::Duration::from_secs(60))
                .unwrap_or_else(|_| panic!("no line {last:?} after {seen:?}"));
            let done = line.starts_with(last);
            seen.push(line);
            if done {
                return seen;
            }
        }
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn the_preview_encodes_only_new_images() {
    let dir = site();
    let root = dir.path();
    assert_eq!(build_ok(root).images_encoded, 5);
    let preview = Preview::start(root);
    // Every image of the last build is in the cache.
    let first = preview.until("Serving ");
    assert!(first.iter().any(|l| l.starts_with("Built ")), "{first:?}");
    assert!(!first.iter().any(|l| l.starts_with("Encoded")), "{first:?}");
    // A new image is encoded once; a full rebuild after it encodes nothing.
    write(
        root,
        "content/notes/ford.jpg",
        &samples::photo_jpeg(240, 160),
    );
    append(
        root,
        "content/notes/history.md",
        "\n![The ford below the bridge](ford.jpg)\n",
    );
    let added = preview.until("Rebuilt in");
    assert!(added.contains(&"Encoded 1 image".to_owned()), "{added:?}");
    append(
        root,
        "explainer.toml",
        "\n# a change that rebuilds the site\n",
    );
    let again = preview.until("Rebuilt in");
    assert!(!again.iter().any(|l| l.starts_with("Encoded")), "{again:?}");
}

/// Breaks the built site with `change`, and checks the build fails with `expected` at
/// `file:line` and leaves the last good output as it was.
fn fails_at(change: impl Fn(&Path), file: &str, line: usize, expected: &str) {
    let dir = site();
    let root = dir.path();
    build_ok(root);
    let before = snapshot(&root.join("public"));
    change(root);
    let failure = build_site(root).expect_err("the build should fail");
    let found = failure
        .errors
        .0
        .iter()
        .find(|d| d.message.contains(expected))
        .unwrap_or_else(|| {
            panic!(
                "no error {expected:?} in:\n{}",
                crate::common::printed(&failure)
            )
        });
    assert_eq!(found.file, Path::new(file), "{found}");
    assert_eq!(found.line, line, "{found}");
    assert!(found.help.is_some(), "{found}");
    assert_eq!(
        snapshot(&root.join("public")),
        before,
        "the last good output changed"
    );
}

fn append(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    let mut old = fs::read_to_string(&path).unwrap();
    old.push_str(text);
    fs::write(path, old).unwrap();
}

#[test]
fn an_image_without_alt_text_is_an_error_at_its_line() {
    fails_at(
        |root| append(root, "content/notes/history.md", "\n![](bridge.jpg)\n"),
        "content/notes/history.md",
        22,
        "the image `bridge.jpg` has no alt text",
    );
}

#[test]
fn an_unknown_image_id_gets_a_suggestion() {
    let dir = site();
    let root = dir.path();
    append(root, "content/index.md", "\n![](media:damm)\n");
    let failure = build_site(root).unwrap_err();
    let error = &failure.errors.0[0];
    assert_eq!(error.message, "unknown image `damm`");
    assert!(error.help.as_deref().unwrap().contains("`dam`"), "{error}");
    assert_eq!(
        (error.file.as_path(), error.line),
        (Path::new("content/index.md"), 16)
    );
}

#[test]
fn a_missing_file_is_an_error_at_its_line() {
    fails_at(
        |root| {
            append(
                root,
                "content/notes/history.md",
                "\n![A bridge](brige.jpg)\n",
            );
        },
        "content/notes/history.md",
        22,
        "there is no content/notes/brige.jpg",
    );
    fails_at(
        |root| fs::remove_file(root.join("content/images/map.png")).unwrap(),
        "content/data/media.toml",
        12,
        "the image `images/map.png` does not exist",
    );
}

#[test]
fn a_missing_registry_file_hides_no_other_error() {
    let dir = site();
    let root = dir.path();
    fs::remove_file(root.join("content/images/map.png")).unwrap();
    write(root, "content/images/dam.jpg", &samples::truncated_jpeg());
    append(root, "content/index.md", "\n![](media:damm)\n");
    let failure = build_site(root).unwrap_err();
    let found: Vec<(String, usize, &str)> = failure
        .errors
        .0
        .iter()
        .map(|d| (d.file.display().to_string(), d.line, d.message.as_str()))
        .collect();
    let printed = crate::common::printed(&failure);
    let has = |file: &str, line: usize, start: &str| {
        found
            .iter()
            .any(|(f, l, m)| f == file && *l == line && m.starts_with(start))
    };
    assert!(
        has(
            "content/data/media.toml",
            12,
            "the image `images/map.png` does not exist"
        ),
        "{printed}"
    );
    assert!(
        has(
            "content/data/media.toml",
            3,
            "the image `dam` cannot be used"
        ),
        "{printed}"
    );
    assert!(
        has("content/index.md", 16, "unknown image `damm`"),
        "{printed}"
    );
    // The page that shows the map as `media:map` says nothing more of it; the page that
    // names its path has a broken path of its own.
    assert!(
        has(
            "content/notes/history.md",
            12,
            "the image `@/images/map.png` does not exist"
        ),
        "{printed}"
    );
    assert_eq!(found.len(), 4, "{printed}");
}

#[test]
fn a_damaged_image_is_an_error_at_its_registry_line() {
    fails_at(
        |root| write(root, "content/images/dam.jpg", &samples::truncated_jpeg()),
        "content/data/media.toml",
        3,
        "the image `dam` cannot be used: the image is damaged",
    );
}

#[test]
fn a_damaged_image_shown_by_a_page_is_an_error_at_its_line() {
    fails_at(
        |root| write(root, "content/notes/bridge.jpg", b"not an image at all"),
        "content/notes/history.md",
        8,
        "the image `bridge.jpg` cannot be shown",
    );
}

#[test]
fn an_oversized_image_is_refused_before_decoding() {
    fails_at(
        |root| {
            write(
                root,
                "content/notes/bridge.jpg",
                &samples::png_declaring(20_000, 20_000),
            );
        },
        "content/notes/history.md",
        8,
        "over the limit of 64000000 pixels",
    );
    fails_at(
        |root| append(root, "explainer.toml", "max_file_mb = 0\n"),
        "content/data/media.toml",
        3,
        "over the limit of 0 bytes",
    );
}

#[test]
fn every_image_error_of_a_build_is_reported_together() {
    let dir = site();
    let root = dir.path();
    build_ok(root);
    let before = snapshot(&root.join("public"));
    write(root, "content/images/dam.jpg", &samples::truncated_jpeg());
    write(root, "content/notes/cut.jpg", &samples::truncated_jpeg());
    write(
        root,
        "content/notes/huge.png",
        &samples::png_declaring(20_000, 20_000),
    );
    append(
        root,
        "content/notes/history.md",
        "\n![](bridge.jpg)\n\n![A map](media:mapp)\n\n![A bridge](brige.jpg)\n\n![Cut](cut.jpg)\n\n![Huge](huge.png)\n",
    );
    let failure = build_site(root).expect_err("the build should fail");
    let found: Vec<(String, usize)> = failure
        .errors
        .0
        .iter()
        .map(|d| (d.file.display().to_string(), d.line))
        .collect();
    let history = "content/notes/history.md".to_owned();
    for expected in [
        ("content/data/media.toml".to_owned(), 3),
        (history.clone(), 22),
        (history.clone(), 24),
        (history.clone(), 26),
        (history.clone(), 28),
        (history, 30),
    ] {
        assert!(
            found.contains(&expected),
            "{expected:?} missing from\n{}",
            crate::common::printed(&failure)
        );
    }
    assert_eq!(snapshot(&root.join("public")), before);
}

#[test]
fn a_damaged_image_no_page_shows_is_an_error_at_the_file() {
    fails_at(
        |root| write(root, "static/broken.png", b"\x89PNG\r\n\x1a\nbroken"),
        "static/broken.png",
        0,
        "the image is damaged",
    );
}

#[test]
fn an_image_the_build_cannot_clean_is_not_published() {
    // A WebP or TIFF can carry a camera's EXIF as well as a JPEG: copied as written, it
    // would publish the GPS position.
    fails_at(
        |root| write(root, "static/photo.webp", b"RIFF\x1a\0\0\0WEBPVP8X"),
        "static/photo.webp",
        0,
        "not a JPEG or PNG image: it looks like WEBP",
    );
    fails_at(
        |root| write(root, "content/notes/scan.TIFF", b"II*\0"),
        "content/notes/scan.TIFF",
        0,
        "not a JPEG or PNG image",
    );
}
