//! The notes: about 1.5 KB of Markdown each, with three citations, two `@/` links and five glossary terms.

use std::error::Error;
use std::fmt::Write as _;
use std::path::Path;

use crate::code::{code_block, has_code};
use crate::data::{SOURCES, TERMS};
use crate::site::write;
use crate::text::{Rng, date, term_name};

/// The file name (without `.md`) of note `i`.
pub fn note_slug(i: usize) -> String {
    format!("note-{i:05}")
}

/// One note's front matter fields and its body, with links in our schemes.
pub struct Note {
    pub title: String,
    pub description: String,
    pub date: String,
    pub weight: usize,
    pub body: String,
}

/// Writes note `i` under `dir/content/notes/` with TOML front matter, the given weight and body.
pub fn write_note(
    dir: &Path,
    i: usize,
    note: &Note,
    weight: usize,
    body: &str,
) -> Result<(), Box<dyn Error>> {
    let text = format!(
        "+++\ntitle = \"{}\"\ndescription = \"{}\"\ndate = \"{}\"\nweight = {}\n+++\n\n{}",
        note.title, note.description, note.date, weight, body
    );
    write(
        &dir.join("content/notes")
            .join(format!("{}.md", note_slug(i))),
        &text,
    )
}

/// Note `i` of `n`, linking two others at random; with `code`, a quarter of the notes
/// carry a code block.
pub fn note(i: usize, n: usize, code: bool, rng: &mut Rng) -> Note {
    let term = |rng: &mut Rng| term_name(rng.below(TERMS));
    let cite = |rng: &mut Rng| format!("source:source-{:03}", rng.below(SOURCES));
    let link = |rng: &mut Rng| format!("@/notes/{}.md", note_slug(rng.below(n)));
    let mut body = String::new();
    let _ = write!(
        body,
        "{} {} {}, [a report said]({}). {} {}.\n\n## Background\n\n{} {} {} [the note on this]({}). {} {} [as officials put it]({}).\n\n",
        rng.words(14),
        term(rng),
        rng.words(12),
        cite(rng),
        rng.words(20),
        term(rng),
        rng.words(18),
        term(rng),
        rng.words(8),
        link(rng),
        rng.words(22),
        term(rng),
        cite(rng),
    );
    if code && has_code(i) {
        body.push_str(&code_block(i));
    }
    let _ = write!(
        body,
        "## What followed\n\n- {} {}\n- {} [see also]({}).\n\n{} {} {} [according to the record]({}).\n",
        rng.words(12),
        term(rng),
        rng.words(14),
        link(rng),
        rng.words(30),
        rng.words(20),
        rng.words(10),
        cite(rng),
    );
    Note {
        title: format!(
            "Note {i}: {} and the {}",
            term_name(i % TERMS),
            rng.words(2)
        ),
        description: format!("Background note {i} on {}.", rng.words(6)),
        date: date(rng, 2015, 9),
        weight: i,
        body,
    }
}
