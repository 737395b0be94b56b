//! The templates write no words of their own: every word a reader sees comes from the
//! translations table (`t`) or from the site's content, so that an edition in another
//! language shows none of English. A crude check, but one that fails when a word creeps
//! back in: it strips Tera tags, comments and expressions, HTML tags and the attributes
//! readers never see, and expects no letters in what is left.

use std::fs;
use std::path::{Path, PathBuf};

use explainer::data::casualties::Status;
use explainer::data::keyword::Keyword;
use explainer::data::{affiliation, places, sources};
use explainer::words::Words;

/// Attributes whose values a reader sees or hears.
const VISIBLE_ATTRIBUTES: &[&str] = &[
    "alt",
    "aria-description",
    "aria-label",
    "aria-roledescription",
    "aria-valuetext",
    "label",
    "placeholder",
    "title",
    "value",
];

/// Extensions of files named in link texts (`casualties.json`), which are no words.
const FILE_EXTENSIONS: &[&str] = &["json", "csv", "xml"];

#[test]
fn templates_write_no_words_of_their_own() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut found = Vec::new();
    for path in templates(&dir) {
        let text = fs::read_to_string(&path).unwrap();
        let name = path
            .strip_prefix(&dir)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let words = words_of(&text);
        if !words.is_empty() {
            found.push(format!("{name}: {}", words.join(" | ")));
        }
    }
    assert!(
        found.is_empty(),
        "templates write words readers see; move them to i18n/en.toml and read them from `t`:\n{}",
        found.join("\n")
    );
}

/// A word a template reads that the table lacks shows as its key, or fails the page where
/// the value is looked up by a kind: every `t.` the templates name is in the English table,
/// and the tables read by a kind have every kind.
#[test]
fn every_word_the_templates_read_is_in_the_table() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let table = Words::english().template_value();
    let mut missing = Vec::new();
    for path in templates(&dir) {
        let text = fs::read_to_string(&path).unwrap();
        for (key, by_kind) in keys_read(&text) {
            let found = key
                .split('.')
                .try_fold(table, |value, part| value.get(part));
            let fits = match found {
                Some(value) if by_kind => value.is_object(),
                Some(value) => value.is_string() || value.is_object(),
                None => false,
            };
            if !fits {
                missing.push(format!("{}: t.{key}", path.display()));
            }
        }
    }
    let kinds: [(&str, Vec<&str>); 6] = [
        ("affiliation.kinds", affiliation::KINDS.to_vec()),
        ("affiliation.groups", affiliation::KINDS.to_vec()),
        ("sources.kinds", sources::KINDS.to_vec()),
        (
            "places.kinds",
            places::Kind::ALL.iter().map(|(n, _)| *n).collect(),
        ),
        (
            "casualties.status",
            Status::ALL.iter().map(|(n, _)| *n).collect(),
        ),
        (
            "casualties.state",
            vec!["current", "superseded", "retracted"],
        ),
    ];
    for (key, names) in kinds {
        for name in names {
            if Words::english().lookup(&format!("{key}.{name}")).is_none() {
                missing.push(format!("i18n/en.toml: {key}.{name}"));
            }
        }
    }
    assert!(missing.is_empty(), "words missing:\n{}", missing.join("\n"));
}

#[test]
fn the_check_finds_words_in_text_and_visible_attributes_only() {
    let template = r#"{# A comment #}<p class="lead" data-x="y">{% if a %}{{ t.x }}{% endif %}</p>
<a href="{{ x }}" aria-label="Back">↩</a> · <img alt="{{ a }}"> Credit: {{<affiliation of={a}/>}}
&lt;figcaption&gt;&lt;/figcaption&gt; <a href="/x.json">sources.json</a>"#;
    assert_eq!(words_of(template), ["Back", "Credit"]);
}

/// Every template a reader's page is made of: HTML, and XML (the feed).
fn templates(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "html" || e == "xml") {
                found.push(path);
            }
        }
    }
    found.sort();
    assert!(!found.is_empty(), "no templates in {}", dir.display());
    found
}

/// The keys a template reads from `t` (`t.footer.feed` as `footer.feed`), each with whether
/// it is a table read by a kind (`t.places.kinds[place.kind]`).
fn keys_read(template: &str) -> Vec<(String, bool)> {
    let mut keys = Vec::new();
    for (at, _) in template.match_indices("t.") {
        let before = template[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
            continue;
        }
        let rest = &template[at + 2..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
            .unwrap_or(rest.len());
        let key = rest[..end].trim_end_matches('.');
        if !key.is_empty() {
            keys.push((key.to_owned(), rest[end..].starts_with('[')));
        }
    }
    keys
}

/// The runs of letters a reader would see, in order.
fn words_of(template: &str) -> Vec<String> {
    let text = without_tera(template)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    let visible = visible_text(&text);
    visible
        .split_whitespace()
        .filter(|token| !is_file_name(token))
        .flat_map(|token| {
            token
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The template without `{# #}`, `{% %}` and `{{ }}`.
fn without_tera(template: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = ["{#", "{%", "{{"]
        .iter()
        .filter_map(|open| rest.find(open))
        .min()
    {
        out.push_str(&rest[..start]);
        let close = match &rest[start..start + 2] {
            "{#" => "#}",
            "{%" => "%}",
            _ => "}}",
        };
        rest = match rest[start + 2..].find(close) {
            Some(end) => &rest[start + 2 + end + 2..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// Text outside HTML tags, and the values of the attributes readers see.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        out.push(' ');
        rest = &rest[start + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let (tag, after) = split_tag(rest);
        out.push_str(&visible_attributes(tag));
        out.push(' ');
        rest = after;
    }
    out.push_str(rest);
    out
}

/// A tag's inside, up to its `>` outside quotes, and what follows it.
fn split_tag(from: &str) -> (&str, &str) {
    let mut quote = None;
    for (i, c) in from.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '>') => return (&from[..i], &from[i + 1..]),
            _ => {}
        }
    }
    (from, "")
}

/// The values of a tag's visible attributes, joined by spaces.
fn visible_attributes(tag: &str) -> String {
    let mut out = String::new();
    let mut rest = tag;
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq]
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let after = &rest[eq + 1..];
        let (value, next) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => match after[1..].find(q) {
                Some(end) => (&after[1..=end], &after[end + 2..]),
                None => (&after[1..], ""),
            },
            _ => {
                let end = after.find(char::is_whitespace).unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
        };
        if VISIBLE_ATTRIBUTES.contains(&name.to_ascii_lowercase().as_str()) {
            out.push_str(value);
            out.push(' ');
        }
        rest = next;
    }
    out
}

/// `casualties.json`: a file's name, shown as a link's text.
fn is_file_name(token: &str) -> bool {
    let token = token.trim_matches(|c: char| !c.is_alphanumeric());
    token.rsplit_once('.').is_some_and(|(stem, extension)| {
        FILE_EXTENSIONS.contains(&extension)
            && !stem.is_empty()
            && stem
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    })
}
