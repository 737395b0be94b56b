//! The explainer site: configuration, article, data files, notes, and the project's own
//! templates and static files.

use std::error::Error;
use std::fs;
use std::path::Path;

use crate::data::{casualties, glossary, sources, timeline};
use crate::features;
use crate::notes::{Note, write_note};
use crate::text::Rng;

/// Writes a file, creating its folder.
pub fn write(path: &Path, text: &str) -> Result<(), Box<dyn Error>> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()).into())
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), Box<dyn Error>> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// `explainer.toml`.
const CONFIG: &str = "title = \"A synthetic explainer\"\ndescription = \"A generated site for benchmarks.\"\nbase_url = \"https://example.org/synth/\"\nlanguage = \"en-GB\"\noutput_dir = \"public\"\npublisher = \"Benchmark desk\"\n\n[markdown]\nsmart_punctuation = true\nunsafe_html = true\n\n[glossary]\nautolink = true\ncase_sensitive = true\n";

/// `content/index.md`: the article, which shows the notes listing and the key dates.
const ARTICLE: &str = "+++\ntitle = \"A synthetic explainer\"\ndescription = \"The article of the benchmark site.\"\ndate = \"2024-01-01\"\n\n[extra]\ncasualty_summary_after = \"the-claims\"\n+++\n\nThe article links [the first note](@/notes/note-00000.md).\n\n## The claims\n\nEvery figure below was stated by its source ([desk](source:source-000)).\n\n## Further reading\n\nThe notes follow.\n";

/// Writes the explainer site of `notes` (`n` of them) into `dir`; with `features`, with maps,
/// figures and an edition in Russian too.
pub fn write_explainer(
    dir: &Path,
    n: usize,
    notes: &[Note],
    features: bool,
) -> Result<(), Box<dyn Error>> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&repo.join("templates"), &dir.join("templates"))?;
    copy_dir(&repo.join("static"), &dir.join("static"))?;
    let mut rng = Rng(0x5eed_da7a);
    let (config, article) = if features {
        let front = format!("date = \"2024-01-01\"\n{}", features::ARTICLE_FRONT);
        (
            format!("{CONFIG}{}", features::EDITION),
            ARTICLE.replacen("date = \"2024-01-01\"\n", &front, 1) + features::ARTICLE_FIGURES,
        )
    } else {
        (CONFIG.to_owned(), ARTICLE.to_owned())
    };
    write(&dir.join("explainer.toml"), &config)?;
    write(&dir.join("content/index.md"), &article)?;
    write(&dir.join("content/data/sources.toml"), &sources(&mut rng))?;
    write(&dir.join("content/data/glossary.toml"), &glossary(&mut rng))?;
    write(
        &dir.join("content/data/timeline.toml"),
        &timeline(&mut rng, n),
    )?;
    write(
        &dir.join("content/data/casualties.toml"),
        &casualties(&mut rng),
    )?;
    for (i, note) in notes.iter().enumerate() {
        if features && features::has_figures(i) {
            let body = format!("{}{}", note.body, features::figures(i));
            write_note(dir, i, note, note.weight, &body)?;
        } else {
            write_note(dir, i, note, note.weight, &note.body)?;
        }
    }
    if features {
        features::write_features(dir, &article, notes)?;
    }
    Ok(())
}
