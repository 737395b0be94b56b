//! `casualties.csv`: loading, checks, the casualties page, summary and exports.
#![no_main]

use explainer::config::CasualtiesConfig;
use explainer::data::casualties;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let root = explainer_fuzz::scratch_site(casualties::CSV_FILE, data);
    if let Ok(Some(claims)) = casualties::load(root, &CasualtiesConfig::default(), None) {
        let _ = claims.check_references(&|id| id == "desk", &|id| id == "ceasefire");
        let _ = claims.summary_global(None, explainer_fuzz::index());
        let _ = casualties::generate(&claims, None, explainer_fuzz::index());
    }
});
