//! Code blocks that are figures rather than code, such as a `map` block: the renderer hands
//! their text to the site, which draws them. The renderer knows nothing of what they draw.

use crate::diagnostics::{Diagnostic, SourceText};
use crate::words::Words;

/// Draws the figures a site's code blocks describe.
pub trait Figures: Sync {
    /// True when a fenced code block with this info string (its first word) is a figure.
    fn handles(&self, info: &str) -> bool;

    /// The HTML of the `number`th figure of a page (from 1), from the block's `text`, which
    /// starts at byte `offset` of `source`; otherwise every problem with it, located there.
    /// `words` are the interface's words in the page's language, for what the figure says.
    fn figure(
        &self,
        info: &str,
        source: &SourceText,
        offset: usize,
        text: &str,
        number: usize,
        words: &Words,
    ) -> Result<String, Vec<Diagnostic>>;
}
