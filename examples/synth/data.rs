//! The data files: sources, glossary, timeline and casualty claims, at fixed sizes.

use std::fmt::Write as _;

use crate::notes::note_slug;
use crate::text::{Rng, alias_name, date, term_name};

/// Glossary terms in the site.
pub const TERMS: usize = 1_000;
/// Sources in the site.
pub const SOURCES: usize = 300;
/// Timeline events in the site.
pub const EVENTS: usize = 5_000;
/// Casualty claims in the site.
pub const CLAIMS: usize = 1_000;
/// Distinct casualty scopes the claims fall into.
pub const SCOPES: usize = 40;
/// Timeline tags.
pub const TAGS: [&str; 12] = [
    "soviet-era",
    "first-war",
    "ceasefire",
    "talks",
    "blockade",
    "offensive",
    "exodus",
    "aftermath",
    "border",
    "sanctions",
    "elections",
    "humanitarian",
];
/// `sources.toml`: every tenth source a party, every third with a URL.
pub fn sources(rng: &mut Rng) -> String {
    // Every kind the project knows but the last, `other`.
    const KINDS: &[&str] = explainer::data::sources::KINDS.split_last().unwrap().1;
    let mut out = String::new();
    for i in 0..SOURCES {
        let _ = write!(
            out,
            "[[source]]\nid = \"source-{i:03}\"\nname = \"Source {i}, {}\"\nkind = \"{}\"\n",
            rng.words(4),
            KINDS[i % KINDS.len()]
        );
        if i % 10 == 0 {
            let _ = writeln!(
                out,
                "affiliation = \"party\"\naffiliated_with = \"Party {}\"",
                i % 3
            );
        } else {
            let _ = writeln!(out, "affiliation = \"independent-media\"");
        }
        if i % 3 == 0 {
            let _ = writeln!(out, "url = \"https://example.org/reports/{i}\"");
        }
        let _ = write!(
            out,
            "published = \"{}\"\nnotes = \"{}.\"\n\n",
            date(rng, 1990, 34),
            rng.words(25)
        );
    }
    out
}

/// `glossary.toml`: every fifth term with an alias; each definition cites a source.
pub fn glossary(rng: &mut Rng) -> String {
    let mut out = String::new();
    for i in 0..TERMS {
        let _ = write!(
            out,
            "[[term]]\nid = \"term-{i:04}\"\nterm = \"{}\"\n",
            term_name(i)
        );
        if let Some(alias) = alias_name(i) {
            let _ = writeln!(
                out,
                "aliases = [{{ name = \"{alias}\", lang = \"az\", used_by = \"Party 1\" }}]"
            );
        }
        let _ = write!(
            out,
            "definition = \"\"\"A {} of the region, {} ([source](source:source-{:03})).\"\"\"\nsee_also = [\"term-{:04}\"]\nsources = [\"source-{:03}\"]\n\n",
            rng.words(8),
            rng.words(12),
            rng.below(SOURCES),
            (i + 1) % TERMS,
            rng.below(SOURCES),
        );
    }
    out
}

/// `timeline.toml`: every event cites two sources and links an earlier one; one in a
/// hundred is major, one in ten links a note.
pub fn timeline(rng: &mut Rng, notes: usize) -> String {
    let mut out = String::new();
    for i in 0..EVENTS {
        let (a, b) = (rng.below(SOURCES), rng.below(SOURCES));
        let _ = write!(
            out,
            "[[event]]\nid = \"event-{i:04}\"\ndate = \"{}\"\ntitle = \"Event {i}: {}\"\nbody = \"\"\"{} ([report](source:source-{a:03})), after [an earlier event](event:event-{:04}).\"\"\"\nsources = [\"source-{a:03}\", \"source-{b:03}\"]\ntags = [\"{}\"]\nimportance = \"{}\"\n",
            date(rng, 1988, 36),
            rng.words(5),
            rng.words(18),
            rng.below(EVENTS),
            TAGS[i % TAGS.len()],
            if i % 100 == 0 { "major" } else { "minor" },
        );
        if i % 10 == 0 && notes > 0 {
            let _ = writeln!(
                out,
                "links = [\"@/notes/{}.md\"]",
                note_slug(rng.below(notes))
            );
        }
        out.push('\n');
    }
    out
}

/// `casualties.toml`: claims in pairs of one source, every fourth revising the one before.
pub fn casualties(rng: &mut Rng) -> String {
    let mut out = String::new();
    for i in 0..CLAIMS {
        // Claims go in pairs of one source, so that every fourth claim can revise the one before.
        let source = (i / 2) % SOURCES;
        let scope = (i / 2) % SCOPES;
        let _ = write!(
            out,
            "[[claim]]\nid = \"claim-{i:04}\"\nsource = \"source-{source:03}\"\nreported_by = [\"source-{:03}\"]\nreported = \"{}\"\nscope = \"Scope {scope}: {}\"\nevent = \"event-{:04}\"\nstatus = \"claimed\"\nnotes = \"{}.\"\n",
            rng.below(SOURCES),
            date(rng, 2020, 4),
            [
                "fighting in the north",
                "fighting in the south",
                "the exodus",
                "the blockade"
            ][scope % 4],
            rng.below(EVENTS),
            rng.words(12),
        );
        if i % 4 == 1 {
            let _ = writeln!(out, "supersedes = \"claim-{:04}\"", i - 1);
        }
        let killed = 10 + rng.below(500);
        let _ = write!(
            out,
            "\n[claim.figures]\nkilled = {{ value = {killed}, qualifier = \"at_least\" }}\nwounded = {}\n\n",
            killed + rng.below(900),
        );
    }
    out
}
