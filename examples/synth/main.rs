//! Writes a synthetic explainer site for benchmarks, and the same notes as a Hugo site.
//!
//! ```text
//! cargo run --release --example synth -- N DIR [--hugo HUGO_DIR | --no-hugo] [--no-code] [--features]
//! ```
//!
//! `DIR` gets `N` background notes of about 1.5 KB, each with three citations, two `@/`
//! links and five glossary terms, a quarter of them with a fenced code block of about 130
//! bytes (Rust, Python, shell or JSON, each block different; none with `--no-code`), plus 1,000 glossary terms, 300 sources, 5,000 timeline
//! events and 1,000 casualty claims, with the project's own templates and static files.
//! `--features` adds what a newsroom's site has besides: 60 places, a map and a photograph in
//! one note in a hundred and in the article, and an edition in Russian (see `features.rs`);
//! the Hugo twin stays without them.
//! `HUGO_DIR` (default `DIR-hugo`) gets the same notes as a Hugo site with minimal
//! templates. Output is deterministic: the same `N` always gives the same files.

mod code;
mod data;
mod features;
mod hugo;
mod notes;
#[path = "../../tests/it/common/samples.rs"]
mod samples;
mod site;
mod text;

use std::error::Error;
use std::fs;
use std::path::PathBuf;

use notes::{Note, note};
use text::Rng;

fn main() -> Result<(), Box<dyn Error>> {
    const USAGE: &str = "usage: synth N DIR [--hugo HUGO_DIR | --no-hugo] [--no-code] [--features]";
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(dir)) = (args.first(), args.get(1)) else {
        return Err(USAGE.into());
    };
    let n: usize = count
        .replace('_', "")
        .parse()
        .map_err(|_| format!("N must be a number of notes, not {count:?}; {USAGE}"))?;
    let dir = PathBuf::from(dir);
    let mut hugo = Some(PathBuf::from(format!("{}-hugo", dir.display())));
    let mut code = true;
    let mut features = false;
    let mut options = args.iter().skip(2);
    while let Some(option) = options.next() {
        match option.as_str() {
            "--no-hugo" => hugo = None,
            "--hugo" => hugo = Some(PathBuf::from(options.next().ok_or(USAGE)?)),
            "--no-code" => code = false,
            "--features" => features = true,
            other => return Err(format!("unknown option {other:?}; {USAGE}").into()),
        }
    }
    for target in std::iter::once(&dir).chain(&hugo) {
        if target.exists() && fs::read_dir(target)?.next().is_some() {
            return Err(format!(
                "{} exists and is not empty: choose a new folder",
                target.display()
            )
            .into());
        }
    }
    let mut rng = Rng(0x0123_4567_89ab_cdef);
    let notes: Vec<Note> = (0..n).map(|i| note(i, n, code, &mut rng)).collect();
    site::write_explainer(&dir, n, &notes, features)?;
    println!("Wrote {n} notes to {}", dir.display());
    if let Some(hugo) = hugo {
        hugo::write_hugo(&hugo, &notes)?;
        println!("Wrote the Hugo twin to {}", hugo.display());
    }
    Ok(())
}
