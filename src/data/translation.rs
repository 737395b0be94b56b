//! Translations of data files for an edition in another language:
//! `content/data/CODE/<kind>.toml` gives, for entries of the default language's file, only
//! the fields a reader reads (titles, bodies, definitions, captions). Dates, figures,
//! sources and ids live once, in the default file, so that every edition states the same
//! facts.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use toml::Spanned;

use crate::content::{CONTENT_DIR, DATA_DIR};
use crate::data::glossary::Alias;
use crate::data::places::input::NameInput;
use crate::diagnostics::{Diagnostic, SourceText};
use crate::suggest;

/// What of a kind's entries an edition may translate.
#[derive(Debug, Clone, Copy)]
pub struct Translatable {
    /// The array of tables the entries are listed in: `event` for `[[event]]`.
    pub entry: &'static str,
    /// The fields of an entry a translation may give as text.
    pub fields: &'static [&'static str],
    /// The fields a translation gives as a list of names written as glossary aliases
    /// (`"Ханкенди"` or `{ name, lang, used_by }`): the other names of a place, in the
    /// edition's language, so that a contested place keeps both its names in every edition.
    pub names: &'static [&'static str],
}

/// One translated field of one entry.
#[derive(Debug, Clone)]
pub struct Translated {
    /// The entry's id.
    pub id: String,
    /// The field, one of [`Translatable::fields`] or [`Translatable::names`].
    pub field: &'static str,
    /// The words in the edition's language.
    pub words: Words,
}

/// What a translation gives for one field.
#[derive(Debug, Clone)]
pub enum Words {
    /// Text, for a field of [`Translatable::fields`].
    Text(String),
    /// Names, for a field of [`Translatable::names`].
    Names(Vec<Alias>),
}

/// The translation file of a kind in `language`, under the site root.
pub fn file_of(kind: &str, language: &str) -> String {
    format!("{CONTENT_DIR}/{DATA_DIR}/{language}/{kind}.toml")
}

/// Reads `language`'s translation of the kind `kind` (what of it is `translatable`, which
/// `ids` exist): the translated fields, or `None` when the edition has no such file. Every
/// problem of the file is added to `problems`, each at its line.
pub fn read(
    root: &Path,
    kind: &str,
    language: &str,
    translatable: Option<Translatable>,
    ids: &[&str],
    problems: &mut Vec<Diagnostic>,
) -> Option<Vec<Translated>> {
    let path = root.join(file_of(kind, language));
    if !path.is_file() {
        return None;
    }
    let source = match SourceText::read(root, &path) {
        Ok(source) => source,
        Err(problem) => {
            problems.push(problem);
            return None;
        }
    };
    let Some(translatable) = translatable else {
        problems.push(
            Diagnostic::error(&source.path, format!("nothing of the {kind} is translated"))
                .with_help(
                    "remove this file: the kind's entries are shown as they are in every edition",
                ),
        );
        return None;
    };
    type Entry = BTreeMap<Spanned<String>, Spanned<toml::Value>>;
    let document: BTreeMap<Spanned<String>, Vec<Spanned<Entry>>> = match toml::from_str(
        &source.text,
    ) {
        Ok(document) => document,
        Err(err) => {
            let at = err.span().map_or(0, |span| span.start);
            let help = format!(
                "list translations as `[[{}]]` tables, each with the `id` of an entry and the fields it translates",
                translatable.entry
            );
            problems.push(source.error_at(at, err.message()).with_help(help));
            return None;
        }
    };
    let mut translated = Vec::new();
    let mut seen = HashSet::new();
    for (table, entries) in document {
        if *table.get_ref() != translatable.entry {
            problems.push(
                source
                    .error_at(
                        table.span().start,
                        format!("`{}` is not a table of the {kind}", table.get_ref()),
                    )
                    .with_help(format!(
                        "the {kind}'s entries are translated in `[[{}]]` tables",
                        translatable.entry
                    )),
            );
            continue;
        }
        for entry in entries {
            let at = entry.span().start;
            let entry = entry.into_inner();
            let id = entry.iter().find(|(key, _)| key.get_ref() == "id");
            let Some((_, id)) = id else {
                problems.push(
                    source
                        .error_at(at, "this translation has no `id`")
                        .with_help(format!("add the `id` of the {} entry it translates", kind)),
                );
                continue;
            };
            let Some(id_text) = id.get_ref().as_str() else {
                problems.push(source.error_at(id.span().start, "`id` must be a string"));
                continue;
            };
            if !ids.contains(&id_text) {
                let help = suggest::help(id_text, ids, || {
                    format!("translate an entry of content/data/{kind}'s file by its `id`")
                });
                problems.push(
                    source
                        .error_at(
                            id.span().start,
                            format!("the {kind} has no entry `{id_text}`"),
                        )
                        .with_help(help),
                );
                continue;
            }
            if !seen.insert(id_text.to_owned()) {
                problems.push(source.error_at(
                    id.span().start,
                    format!("`{id_text}` is translated twice in this file"),
                ));
                continue;
            }
            for (key, value) in &entry {
                let name = key.get_ref().as_str();
                if name == "id" {
                    continue;
                }
                let all: Vec<&'static str> = translatable
                    .fields
                    .iter()
                    .chain(translatable.names)
                    .copied()
                    .collect();
                let Some(field) = all.iter().copied().find(|f| *f == name) else {
                    let help = suggest::help(name, &all, || {
                        format!(
                            "a translation gives only the words: {}; dates, figures, sources and ids are given once, in the default language's file",
                            all.join(", ")
                        )
                    });
                    problems.push(
                        source
                            .error_at(key.span().start, format!("`{name}` cannot be translated"))
                            .with_help(help),
                    );
                    continue;
                };
                if translatable.names.contains(&field) {
                    match names(value) {
                        Ok(list) => translated.push(Translated {
                            id: id_text.to_owned(),
                            field,
                            words: Words::Names(list),
                        }),
                        Err(problem) => problems.push(
                            source
                                .error_at(value.span().start, format!("`{name}` {problem}"))
                                .with_help("give every other name in the edition's language, as in the default file: [\"Name\"] or [{ name = \"Name\", lang = \"az\", used_by = \"Who\" }]"),
                        ),
                    }
                    continue;
                }
                match value.get_ref().as_str() {
                    Some(text) if !text.trim().is_empty() => translated.push(Translated {
                        id: id_text.to_owned(),
                        field,
                        words: Words::Text(text.to_owned()),
                    }),
                    _ => problems.push(
                        source
                            .error_at(value.span().start, format!("`{name}` must be text"))
                            .with_help("write the translation as a string, or leave the field out to show the default language's"),
                    ),
                }
            }
        }
    }
    Some(translated)
}

/// A translated list of names: at least one, each a name or a table as glossary aliases are.
fn names(value: &Spanned<toml::Value>) -> Result<Vec<Alias>, String> {
    let list: Vec<NameInput> = value
        .get_ref()
        .clone()
        .try_into()
        .map_err(|err: toml::de::Error| format!("is not a list of names: {}", err.message()))?;
    let list: Vec<Alias> = list.into_iter().map(NameInput::into_alias).collect();
    if list.is_empty() || list.iter().any(|alias| alias.name.trim().is_empty()) {
        return Err("needs every other name, none of them empty".to_owned());
    }
    Ok(list)
}

/// Files of `content/data/LANGUAGE/` that translate no kind, each with the nearest kind's
/// file name when it looks misspelt.
pub fn unknown_files(root: &Path, language: &str, kinds: &[&str]) -> Vec<Diagnostic> {
    let dir = root.join(CONTENT_DIR).join(DATA_DIR).join(language);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let names: Vec<String> = kinds.iter().map(|kind| format!("{kind}.toml")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut unknown: Vec<Diagnostic> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| entry.file_name().to_str().map(str::to_owned))
        .filter(|name| !name.starts_with('.') && !names.contains(&name.as_str()))
        .map(|name| {
            let file = format!("{CONTENT_DIR}/{DATA_DIR}/{language}/{name}");
            let help = suggest::help(&name, &names, || {
                format!(
                    "translations of data files are named after their kind: {}",
                    names.join(", ")
                )
            });
            Diagnostic::error(file, "this file translates no kind of data").with_help(help)
        })
        .collect();
    unknown.sort_by(|a, b| a.file.cmp(&b.file));
    unknown
}
