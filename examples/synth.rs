//! Writes a synthetic explainer site for benchmarks, and the same notes as a Hugo site.
//!
//! ```text
//! cargo run --release --example synth -- N DIR [--hugo HUGO_DIR | --no-hugo]
//! ```
//!
//! `DIR` gets `N` background notes of about 1.5 KB, each with three citations, two `@/`
//! links and five glossary terms, plus 1,000 glossary terms, 300 sources, 5,000 timeline
//! events and 1,000 casualty claims, with the project's own templates and static files.
//! `HUGO_DIR` (default `DIR-hugo`) gets the same notes as a Hugo site with minimal
//! templates. Output is deterministic: the same `N` always gives the same files.

use std::error::Error;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// Glossary terms in the site.
const TERMS: usize = 1_000;
/// Sources in the site.
const SOURCES: usize = 300;
/// Timeline events in the site.
const EVENTS: usize = 5_000;
/// Casualty claims in the site.
const CLAIMS: usize = 1_000;
/// Distinct casualty scopes the claims fall into.
const SCOPES: usize = 40;
/// Timeline tags.
const TAGS: [&str; 12] = [
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
/// Filler words for running text: lowercase, so that they never match a glossary name.
const WORDS: [&str; 48] = [
    "the",
    "region",
    "officials",
    "said",
    "that",
    "forces",
    "had",
    "moved",
    "towards",
    "a",
    "road",
    "near",
    "village",
    "after",
    "talks",
    "stalled",
    "in",
    "late",
    "autumn",
    "while",
    "observers",
    "reported",
    "new",
    "shelling",
    "and",
    "residents",
    "left",
    "their",
    "homes",
    "for",
    "safer",
    "towns",
    "across",
    "mountain",
    "passes",
    "as",
    "aid",
    "convoys",
    "waited",
    "at",
    "checkpoints",
    "under",
    "tight",
    "control",
    "of",
    "patrols",
    "on",
    "both",
];

/// A small deterministic generator (xorshift64*), so that every run writes the same site.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// `count` words of filler text.
    fn words(&mut self, count: usize) -> String {
        let words: Vec<&str> = (0..count).map(|_| WORDS[self.below(WORDS.len())]).collect();
        words.join(" ")
    }
}

/// The capitalised, made-up name of glossary term `i`: three consonant-vowel syllables,
/// unique for every `i` below 274,625 and never an English word of the filler text.
fn term_name(i: usize) -> String {
    const CONSONANTS: &[u8] = b"bdgklmnprstvz";
    const VOWELS: &[u8] = b"aeiou";
    let syllables = CONSONANTS.len() * VOWELS.len();
    let mut n = i * 7919 % syllables.pow(3);
    let mut name = String::new();
    for _ in 0..3 {
        let s = n % syllables;
        n /= syllables;
        name.push(char::from(CONSONANTS[s / VOWELS.len()]));
        name.push(char::from(VOWELS[s % VOWELS.len()]));
    }
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// The alias of every fifth term: the name with a suffix, in another language.
fn alias_name(i: usize) -> Option<String> {
    (i % 5 == 0).then(|| format!("{}stan", term_name(i)))
}

fn date(rng: &mut Rng, from_year: usize, years: usize) -> String {
    format!(
        "{}-{:02}-{:02}",
        from_year + rng.below(years),
        1 + rng.below(12),
        1 + rng.below(28)
    )
}

fn note_slug(i: usize) -> String {
    format!("note-{i:05}")
}

/// One note's front matter fields and its body, with links in our schemes.
struct Note {
    title: String,
    description: String,
    date: String,
    weight: usize,
    body: String,
}

fn note(i: usize, n: usize, rng: &mut Rng) -> Note {
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

fn write(path: &Path, text: &str) -> Result<(), Box<dyn Error>> {
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

fn sources(rng: &mut Rng) -> String {
    const KINDS: [&str; 6] = [
        "official",
        "media",
        "ngo",
        "international",
        "academic",
        "editorial",
    ];
    let mut out = String::new();
    for i in 0..SOURCES {
        let _ = write!(
            out,
            "[[source]]\nid = \"source-{i:03}\"\nname = \"Source {i}, {}\"\nkind = \"{}\"\n",
            rng.words(4),
            KINDS[i % KINDS.len()]
        );
        if i % 10 == 0 {
            let _ = writeln!(out, "party = \"Party {}\"", i % 3);
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

fn glossary(rng: &mut Rng) -> String {
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

fn timeline(rng: &mut Rng, notes: usize) -> String {
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

fn casualties(rng: &mut Rng) -> String {
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

const CONFIG: &str = "title = \"A synthetic explainer\"\ndescription = \"A generated site for benchmarks.\"\nbase_url = \"https://example.org/synth/\"\nlanguage = \"en-GB\"\noutput_dir = \"public\"\npublisher = \"Benchmark desk\"\n\n[markdown]\nsmart_punctuation = true\nunsafe_html = true\n\n[glossary]\nautolink = true\ncase_sensitive = true\n";

const ARTICLE: &str = "+++\ntitle = \"A synthetic explainer\"\ndescription = \"The article of the benchmark site.\"\ndate = \"2024-01-01\"\n\n[extra]\ncasualty_summary_after = \"the-claims\"\n+++\n\nThe article links [the first note](@/notes/note-00000.md).\n\n## The claims\n\nEvery figure below was stated by its source ([desk](source:source-000)).\n\n## Further reading\n\nThe notes follow.\n";

fn write_explainer(dir: &Path, n: usize, notes: &[Note]) -> Result<(), Box<dyn Error>> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&repo.join("templates"), &dir.join("templates"))?;
    copy_dir(&repo.join("static"), &dir.join("static"))?;
    let mut rng = Rng(0x5eed_da7a);
    write(&dir.join("explainer.toml"), CONFIG)?;
    write(&dir.join("content/index.md"), ARTICLE)?;
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
        let text = format!(
            "+++\ntitle = \"{}\"\ndescription = \"{}\"\ndate = \"{}\"\nweight = {}\n+++\n\n{}",
            note.title, note.description, note.date, note.weight, note.body
        );
        write(
            &dir.join("content/notes")
                .join(format!("{}.md", note_slug(i))),
            &text,
        )?;
    }
    Ok(())
}

/// The Hugo twin's minimal templates: the page with its title, and a list of pages.
const HUGO_SINGLE: &str = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>\n<body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>\n";
const HUGO_LIST: &str = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>\n<body><main><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>\n";

/// Our link schemes as the plain links a Hugo site would use.
fn hugo_body(body: &str) -> String {
    let mut out = body.replace("](source:", "](/sources/#");
    while let Some(start) = out.find("](@/notes/") {
        let rest = &out[start + 2..];
        let Some(end) = rest.find(".md)") else { break };
        let slug = rest["@/notes/".len()..end].to_owned();
        out.replace_range(start + 2..start + 2 + end + 3, &format!("/notes/{slug}/"));
    }
    out
}

fn write_hugo(dir: &Path, notes: &[Note]) -> Result<(), Box<dyn Error>> {
    write(
        &dir.join("hugo.toml"),
        "baseURL = \"https://example.org/synth/\"\ntitle = \"A synthetic explainer\"\ndisableKinds = [\"taxonomy\", \"term\"]\n",
    )?;
    write(&dir.join("layouts/_default/single.html"), HUGO_SINGLE)?;
    write(&dir.join("layouts/_default/list.html"), HUGO_LIST)?;
    write(
        &dir.join("content/_index.md"),
        "+++\ntitle = \"A synthetic explainer\"\n+++\n",
    )?;
    for (i, note) in notes.iter().enumerate() {
        let text = format!(
            "+++\ntitle = \"{}\"\ndescription = \"{}\"\ndate = \"{}\"\nweight = {}\n+++\n\n{}",
            note.title,
            note.description,
            note.date,
            note.weight.max(1),
            hugo_body(&note.body)
        );
        write(
            &dir.join("content/notes")
                .join(format!("{}.md", note_slug(i))),
            &text,
        )?;
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    const USAGE: &str = "usage: synth N DIR [--hugo HUGO_DIR | --no-hugo]";
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(dir)) = (args.first(), args.get(1)) else {
        return Err(USAGE.into());
    };
    let n: usize = count
        .replace('_', "")
        .parse()
        .map_err(|_| format!("N must be a number of notes, not {count:?}; {USAGE}"))?;
    let dir = PathBuf::from(dir);
    let hugo = match args.get(2).map(String::as_str) {
        None => Some(PathBuf::from(format!("{}-hugo", dir.display()))),
        Some("--no-hugo") => None,
        Some("--hugo") => Some(PathBuf::from(args.get(3).ok_or(USAGE)?)),
        Some(other) => return Err(format!("unknown option {other:?}; {USAGE}").into()),
    };
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
    let notes: Vec<Note> = (0..n).map(|i| note(i, n, &mut rng)).collect();
    write_explainer(&dir, n, &notes)?;
    println!("Wrote {n} notes to {}", dir.display());
    if let Some(hugo) = hugo {
        write_hugo(&hugo, &notes)?;
        println!("Wrote the Hugo twin to {}", hugo.display());
    }
    Ok(())
}
