//! The integration tests, in one binary: each module covers one area, building fixture
//! sites (`tests/fixtures/`), the bad-input corpus (`tests/bad_inputs/`) or the real site
//! and checking what a reader or an editor gets.

mod bad_inputs;
mod build_errors;
mod casualties;
mod common;
mod editions;
mod faults;
mod figures;
mod new_site;
mod performance_behaviour;
mod places;
mod publishing;
mod real_content;
mod schemas;
mod serve;
mod site_build;
mod sources_glossary;
mod template_words;
mod timeline;
