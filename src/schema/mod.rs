//! JSON Schemas of `explainer.toml` and of every TOML data file, made from the very types that
//! read them, so that what an editor underlines while typing is what the build would reject.
//!
//! `explainer schema NAME` prints one; `explainer new` writes them all, with the settings that
//! point TOML editors at them ([`editors`]).

pub mod editors;
pub mod shapes;
mod translation;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};

use crate::config::{CONFIG_FILE, Config};
use crate::data::translation::{self as translations, Translatable};
use crate::data::{Kind as DataKind, file};

/// A file that has a schema.
#[derive(Debug, Clone, Copy)]
pub struct Kind {
    /// The name `explainer schema` takes, such as `sources`.
    pub name: &'static str,
    /// The file's name, such as `sources.toml`; for translation files, the name of the file
    /// they translate.
    file_name: &'static str,
    /// True for a data file of `content/data/`, false for a file at the site root.
    data: bool,
    /// Makes the schema.
    make: Make,
}

/// How a kind's schema is made.
#[derive(Debug, Clone, Copy)]
enum Make {
    /// From the type that reads the file.
    Type(fn() -> Schema),
    /// From what an edition may translate of a data kind's entries: the schema of the
    /// kind's translation files, `content/data/LANG/<kind>.toml`.
    Translation(Translatable),
}

/// Every file with a schema: the configuration, then the TOML file of each registered data
/// kind that has one, so that a kind added to the registry gets its schema here too.
pub fn all() -> Vec<Kind> {
    let config = Kind {
        name: "config",
        file_name: CONFIG_FILE,
        data: false,
        make: Make::Type(schema_of::<Config>),
    };
    let data = DataKind::ALL.iter().filter_map(|kind| {
        Some(Kind {
            name: kind.name(),
            file_name: toml_file(*kind)?,
            data: true,
            make: Make::Type(kind.schema()?),
        })
    });
    std::iter::once(config).chain(data).collect()
}

/// The translation files of every registered data kind an edition may translate, such as
/// `content/data/ru/timeline.toml`, each named after its kind.
pub fn translations() -> Vec<Kind> {
    DataKind::ALL
        .iter()
        .filter_map(|kind| {
            Some(Kind {
                name: kind.name(),
                file_name: toml_file(*kind)?,
                data: true,
                make: Make::Translation(kind.translatable()?),
            })
        })
        .collect()
}

/// The TOML file a data kind reads, when it reads one (a kind may also read CSV).
fn toml_file(kind: DataKind) -> Option<&'static str> {
    kind.files().iter().copied().find(|f| f.ends_with(".toml"))
}

/// Every schema `explainer new` writes and points editors at: the files', then the
/// translation files'.
pub fn for_editors() -> Vec<Kind> {
    all().into_iter().chain(translations()).collect()
}

/// The names `explainer schema` takes.
pub fn names() -> Vec<&'static str> {
    all().iter().map(|kind| kind.name).collect()
}

/// The kind with this name.
pub fn find(name: &str) -> Option<Kind> {
    all().into_iter().find(|kind| kind.name == name)
}

/// The translation files of the data kind with this name, if an edition may translate it.
pub fn find_translation(name: &str) -> Option<Kind> {
    translations().into_iter().find(|kind| kind.name == name)
}

impl Kind {
    /// The file's path relative to the site root, such as `content/data/sources.toml`; for
    /// translation files, a pattern with `*` for the language, such as
    /// `content/data/*/timeline.toml`.
    pub fn path(&self) -> String {
        match (self.make, self.data) {
            (Make::Translation(_), _) => translations::file_of(self.name, "*"),
            (Make::Type(_), true) => file::data_path(self.file_name),
            (Make::Type(_), false) => self.file_name.to_owned(),
        }
    }

    /// True for the schema of a kind's translation files.
    pub fn is_translation(&self) -> bool {
        matches!(self.make, Make::Translation(_))
    }

    /// Where `explainer new` writes the schema, relative to the site root.
    pub fn schema_path(&self) -> String {
        let suffix = if self.is_translation() {
            ".translation"
        } else {
            ""
        };
        format!("{SCHEMA_DIR}/{}{suffix}.schema.json", self.name)
    }

    /// The schema, titled with the file it describes.
    pub fn schema(&self) -> Schema {
        let mut schema = match self.make {
            Make::Type(make) => make(),
            Make::Translation(translatable) => {
                translation::schema(translatable, &file::data_path(self.file_name))
            }
        };
        schema.insert("title".to_owned(), self.path().into());
        schema
    }

    /// The schema as pretty-printed JSON, ending with a newline.
    pub fn json(&self) -> String {
        let mut text = serde_json::to_string_pretty(&self.schema()).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// The folder of a site where `explainer new` writes the schemas.
pub const SCHEMA_DIR: &str = "schemas";

/// The schema of a type that reads a file.
pub fn schema_of<T: JsonSchema>() -> Schema {
    settings().into_generator().into_root_schema_for::<T>()
}

/// Draft 7: the version of JSON Schema that TOML editors' language servers read best.
fn settings() -> SchemaSettings {
    SchemaSettings::draft07()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `all` leaves out a kind without a schema: every kind read from TOML must have one, so
    /// that a kind added to the registry cannot be left without editor support unnoticed.
    #[test]
    fn every_data_kind_read_from_toml_has_a_schema() {
        for kind in DataKind::ALL {
            if kind.files().iter().any(|f| f.ends_with(".toml")) {
                assert!(kind.schema().is_some(), "{} has no schema", kind.name());
                assert!(find(kind.name()).is_some(), "{}", kind.name());
            }
        }
    }
}
