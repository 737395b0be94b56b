//! What a newsroom adds to notes and data, switched on with `--features`: places with maps,
//! photographs placed as figures, and an edition in Russian that translates the article, one
//! note in a hundred and a tenth of the glossary's definitions (the other notes stand in for
//! their translations, as on a real site).

use std::error::Error;
use std::fmt::Write as _;
use std::path::Path;

use crate::data::TERMS;
use crate::notes::{Note, note_slug};
use crate::samples;
use crate::site::write;
use crate::text::Rng;

/// Places on the maps.
const PLACES: usize = 60;
/// Photographs in the media registry, each placed in several notes.
const IMAGES: u32 = 8;

/// True when note `i` carries a map and a figure: one note in a hundred.
pub fn has_figures(i: usize) -> bool {
    i % 100 == 7
}

/// True when note `i` has a Russian translation: one note in a hundred, others than those
/// with figures.
fn has_translation(i: usize) -> bool {
    i % 100 == 3
}

/// The map and figure of note `i`, appended to its body.
pub fn figures(i: usize) -> String {
    let place = |k: usize| format!("\"place-{:02}\"", (i / 100 * 3 + k) % PLACES);
    format!(
        "\n```map\ntitle = \"Places of note {i}\"\nplaces = [{}, {}, {}]\n```\n\n![](media:photo-{})\n",
        place(0),
        place(1),
        place(2),
        i / 100 % IMAGES as usize + 1,
    )
}

/// The article's lead image, in its front matter.
pub const ARTICLE_FRONT: &str = "image = \"media:photo-1\"\n";
/// The article's own map and figure.
pub const ARTICLE_FIGURES: &str = "\n## Where\n\n```map\ntitle = \"Every place of the notes\"\nplaces = [\"place-00\", \"place-20\", \"place-40\", \"place-59\"]\n```\n\n![](media:photo-2)\n";

/// The edition's table in `explainer.toml`.
pub const EDITION: &str =
    "\n[languages.ru]\ntitle = \"Синтетический разбор\"\ndescription = \"Сайт для замеров.\"\n";

/// Writes the places, the photographs and their registry, and the Russian edition's pages
/// and glossary translations.
pub fn write_features(dir: &Path, article: &str, notes: &[Note]) -> Result<(), Box<dyn Error>> {
    let mut rng = Rng(0x0fea_7e5e);
    let mut places = String::new();
    for i in 0..PLACES {
        // Synthetic points in a box of the South Caucasus; no real place is meant.
        let lat = 38.8 + rng.below(1700) as f64 / 1000.0;
        let lon = 45.0 + rng.below(2500) as f64 / 1000.0;
        let _ = write!(
            places,
            "[[place]]\nid = \"place-{i:02}\"\nname = \"Place {i}\"\nlat = {lat:.3}\nlon = {lon:.3}\nkind = \"village\"\nsources = [\"source-000\"]\n\n"
        );
    }
    write(&dir.join("content/data/places.toml"), &places)?;
    let mut registry = String::new();
    std::fs::create_dir_all(dir.join("content/images"))?;
    for n in 1..=IMAGES {
        let pixels = samples::photo_pixels_seeded(1600, 1067, n);
        std::fs::write(
            dir.join(format!("content/images/photo-{n}.jpg")),
            samples::camera_jpeg(&pixels, 1),
        )?;
        let _ = write!(
            registry,
            "[[image]]\nid = \"photo-{n}\"\nfile = \"images/photo-{n}.jpg\"\nalt = \"Synthetic photograph {n}\"\ncaption = \"A generated picture.\"\ncredit = \"Benchmark desk\"\n\n"
        );
    }
    write(&dir.join("content/data/media.toml"), &registry)?;
    write(
        &dir.join("content/index.ru.md"),
        &article.replacen(
            "title = \"A synthetic explainer\"",
            "title = \"Синтетический разбор\"",
            1,
        ),
    )?;
    for (i, note) in notes
        .iter()
        .enumerate()
        .filter(|(i, _)| has_translation(*i))
    {
        let text = format!(
            "+++\ntitle = \"Заметка {i}\"\ndescription = \"Перевод заметки {i}.\"\ndate = \"{}\"\nweight = {}\n+++\n\n{}",
            note.date, note.weight, note.body
        );
        write(
            &dir.join(format!("content/notes/{}.ru.md", note_slug(i))),
            &text,
        )?;
    }
    let mut glossary = String::new();
    for i in (0..TERMS).step_by(10) {
        let _ = write!(
            glossary,
            "[[term]]\nid = \"term-{i:04}\"\ndefinition = \"Определение термина {i}.\"\n\n"
        );
    }
    write(&dir.join("content/data/ru/glossary.toml"), &glossary)?;
    Ok(())
}
