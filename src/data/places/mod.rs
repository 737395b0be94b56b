//! Places, `content/data/places.toml`: where things happened, with the names each side
//! uses and where the coordinates come from. Maps are drawn from them ([`crate::maps`]),
//! in pages (the `map` code block, [`block`]) and on `/places/`.

pub mod block;
pub mod input;
pub mod model;
pub mod page;
pub mod validate;

use std::path::Path;

pub use model::{Kind, Place, Places};

use crate::data::file;
use crate::diagnostics::Diagnostics;

/// The data file's name.
pub const FILE: &str = "places.toml";

/// Reads and checks `content/data/places.toml`; `Ok(None)` when the site has none.
pub fn load(root: &Path) -> Result<Option<Places>, Diagnostics> {
    let Some(source) = file::read(root, FILE)? else {
        return Ok(None);
    };
    validate::parse(source, root).map(Some)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod figure_tests;
