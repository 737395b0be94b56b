//! `explainer`: a static site generator for newsroom conflict explainers.
//!
//! The pipeline runs one way: [`config`] and [`content`] and [`data`] are
//! loaded and validated, [`markdown`] and [`render`] turn them into pages, and
//! [`build`] writes them atomically through [`output`].

pub mod build;
pub mod config;
pub mod content;
pub mod data;
pub mod dates;
pub mod diagnostics;
pub mod images;
pub mod json_script;
pub mod locale;
pub mod maps;
pub mod markdown;
pub mod output;
pub mod publish;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod static_files;
pub mod suggest;
pub mod toml_input;
pub mod words;
