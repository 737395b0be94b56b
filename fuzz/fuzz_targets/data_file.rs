//! Every registered data file: loading, reference checks, page paths, template values,
//! pages and exports. The first byte picks the file among every kind's, so that a kind
//! added to the registry is fuzzed with no new target.
#![no_main]

use explainer::config::{CONFIG_FILE, Config};
use explainer::data::{Kind, SiteData};
use libfuzzer_sys::fuzz_target;

/// The smallest configuration a site may have.
const CONFIG: &[u8] = b"title = \"Fuzz\"\nbase_url = \"https://example.org/base/\"\n";

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let files: Vec<(Kind, &str)> = Kind::ALL
        .iter()
        .flat_map(|&kind| kind.files().iter().map(move |&file| (kind, file)))
        .collect();
    let (kind, file) = files[usize::from(pick) % files.len()];
    explainer_fuzz::scratch_file(CONFIG_FILE, CONFIG);
    let root = explainer_fuzz::scratch_site(file, rest);
    let Ok(config) = Config::load(root) else {
        return;
    };
    let mut site = SiteData::default();
    if site.reload(kind, root, &config).is_ok() {
        let index = explainer_fuzz::index();
        let _ = site.check_references(index);
        let _ = site.page_paths();
        let _ = site.template_globals(index, explainer::words::Words::english());
        explainer_fuzz::with_renderer(|renderer| site.generate(renderer));
    }
});
