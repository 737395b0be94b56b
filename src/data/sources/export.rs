//! The export `/sources/sources.json`.

use super::PATH;
use super::model::Sources;
use crate::data::ExportFile;

/// The export `/sources/sources.json`: every source with its fields, in file order.
pub fn export(sources: &Sources) -> ExportFile {
    let mut bytes = serde_json::to_vec_pretty(&serde_json::json!({ "sources": sources.list }))
        .unwrap_or_default();
    bytes.push(b'\n');
    ExportFile {
        path: format!("{}sources.json", PATH.trim_start_matches('/')),
        bytes,
    }
}
