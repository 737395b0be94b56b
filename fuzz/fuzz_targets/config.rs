//! `explainer.toml`: parsing and checks, from any bytes.
#![no_main]

use explainer::config::{CONFIG_FILE, Config};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let root = explainer_fuzz::scratch_file(CONFIG_FILE, data);
    if let Ok(config) = Config::load(root) {
        let _ = config.base();
    }
});
