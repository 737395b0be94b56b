//! JSON Schemas of `explainer.toml` and of every TOML data file, made from the very types that
//! read them, so that what an editor underlines while typing is what the build would reject.
//!
//! `explainer schema NAME` prints one; `explainer new` writes them all, with the settings that
//! point TOML editors at them ([`editors`]).

pub mod editors;
pub mod shapes;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};

use crate::config::{CONFIG_FILE, Config};
use crate::data::{Kind as DataKind, file};

/// A file that has a schema.
#[derive(Debug, Clone, Copy)]
pub struct Kind {
    /// The name `explainer schema` takes, such as `sources`.
    pub name: &'static str,
    /// The file's name, such as `sources.toml`.
    file_name: &'static str,
    /// True for a data file of `content/data/`, false for a file at the site root.
    data: bool,
    /// Makes the schema.
    make: fn() -> Schema,
}

/// Every file with a schema: the configuration, then the TOML file of each registered data
/// kind that has one, so that a kind added to the registry gets its schema here too.
pub fn all() -> Vec<Kind> {
    let config = Kind {
        name: "config",
        file_name: CONFIG_FILE,
        data: false,
        make: schema_of::<Config>,
    };
    let data = DataKind::ALL.iter().filter_map(|kind| {
        let file_name = kind.files().iter().find(|f| f.ends_with(".toml"))?;
        Some(Kind {
            name: kind.name(),
            file_name,
            data: true,
            make: kind.schema()?,
        })
    });
    std::iter::once(config).chain(data).collect()
}

/// The names `explainer schema` takes.
pub fn names() -> Vec<&'static str> {
    all().iter().map(|kind| kind.name).collect()
}

/// The kind with this name.
pub fn find(name: &str) -> Option<Kind> {
    all().into_iter().find(|kind| kind.name == name)
}

impl Kind {
    /// The file's path relative to the site root, such as `content/data/sources.toml`.
    pub fn path(&self) -> String {
        if self.data {
            file::data_path(self.file_name)
        } else {
            self.file_name.to_owned()
        }
    }

    /// Where `explainer new` writes the schema, relative to the site root.
    pub fn schema_path(&self) -> String {
        format!("{SCHEMA_DIR}/{}.schema.json", self.name)
    }

    /// The schema, titled with the file it describes.
    pub fn schema(&self) -> Schema {
        let mut schema = (self.make)();
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

/// The schema of a type that reads a file. Draft 7: the version that TOML editors' language
/// servers read best.
pub fn schema_of<T: JsonSchema>() -> Schema {
    SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>()
}
