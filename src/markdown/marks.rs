//! The small marks the renderer puts into a text: citation marks and heading anchors. Their
//! markup belongs to the site (its templates), so the renderer asks for it here.

use crate::diagnostics::Diagnostic;

/// Writes the marks of a site's texts, in the words of the texts' language.
pub trait Marks: Sync {
    /// The mark of the `use_number`th use (from 1) of the page's `number`th source (from 1).
    fn citation(&self, number: usize, use_number: usize) -> Result<String, Diagnostic>;

    /// The link to a heading whose element id is `id`.
    fn anchor(&self, id: &str) -> Result<String, Diagnostic>;
}
