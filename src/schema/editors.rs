//! The settings that make TOML editors use the schemas: `.taplo.toml`, read by the Taplo
//! language server (the "Even Better TOML" extension of VS Code and the TOML support of
//! several other editors).

use super::for_editors;

/// The name of Taplo's settings file at a site's root.
pub const TAPLO_FILE: &str = ".taplo.toml";

/// `.taplo.toml`: each file with a schema, tied to its schema.
pub fn taplo_config() -> String {
    let mut text = String::from(
        "# Ties each file of the site to its JSON Schema (written by `explainer new`, printed by\n\
         # `explainer schema NAME`), so that TOML editors complete keys and underline mistakes.\n\
         include = [\"*.toml\", \"content/**/*.toml\"]\n",
    );
    for kind in for_editors() {
        text.push_str(&format!(
            "\n[[rule]]\ninclude = [\"{}\"]\n[rule.schema]\npath = \"./{}\"\n",
            kind.path(),
            kind.schema_path()
        ));
    }
    text
}
