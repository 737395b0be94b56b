//! A source's affiliation: whose voice it is, from a short fixed list of kinds, so that
//! readers can tell a party to the conflict from an outside power, state media, an
//! international body, partisan or independent media and scholarship. The words readers see
//! for each kind are in the words table (`affiliation.kinds`), which the templates read;
//! this module only checks the values.

use std::ops::Range;

use serde::Serialize;

use crate::diagnostics::{Diagnostic, SourceText};

use super::file;

/// The kinds, in the order the sources page lists them.
pub const KINDS: [&str; 10] = [
    "party",
    "outside-power",
    "state-media",
    "international-body",
    "partisan-media",
    "independent-media",
    "scholarship",
    "reference-data",
    "editorial",
    "unknown",
];

/// The kinds that must say whom the source speaks for (`affiliated_with`).
pub const NEEDS_WHOM: [&str; 3] = ["party", "outside-power", "state-media"];

/// A source's checked affiliation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Affiliation {
    /// One of [`KINDS`].
    pub kind: String,
    /// Whom it speaks for, such as "Azerbaijani government"; required for [`NEEDS_WHOM`].
    pub affiliated_with: Option<String>,
}

impl Affiliation {
    /// True for a party to the conflict.
    pub fn is_party(&self) -> bool {
        self.kind == "party"
    }
}

/// What a `[[source]]` entry wrote: the kind and whom, each with its place in the file.
pub struct Written {
    /// The whole entry's place, for an entry without `affiliation`.
    pub entry: Range<usize>,
    /// `affiliation = "..."`.
    pub kind: Option<(String, Range<usize>)>,
    /// `affiliated_with = "..."`.
    pub with: Option<(String, Range<usize>)>,
}

/// Checks what an entry wrote; every problem is returned.
pub fn check(source: &SourceText, written: Written) -> Result<Affiliation, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let with = written
        .with
        .as_ref()
        .map(|(w, span)| (w.trim().to_owned(), span.clone()));
    if let Some((with, span)) = &with
        && with.is_empty()
    {
        problems.push(
            file::error_at(source, span.clone(), "`affiliated_with` is empty")
                .with_help("name whom the source speaks for, such as \"Azerbaijani government\""),
        );
    }
    let Some((kind, span)) = written.kind else {
        problems.push(
            file::error_at(source, written.entry, "this source has no `affiliation`").with_help(
                format!("add `affiliation = \"...\"`, one of: {}", KINDS.join(", ")),
            ),
        );
        return Err(problems);
    };
    if !KINDS.contains(&kind.as_str()) {
        let help = crate::suggest::one_of(&kind, &KINDS);
        problems.push(
            file::error_at(source, span, format!("unknown affiliation {kind:?}")).with_help(help),
        );
    } else if NEEDS_WHOM.contains(&kind.as_str()) && with.is_none() {
        problems.push(
            file::error_at(
                source,
                span,
                format!("affiliation {kind:?} needs `affiliated_with`"),
            )
            .with_help(
                "say whom it speaks for, such as affiliated_with = \"Azerbaijani government\"",
            ),
        );
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Affiliation {
        kind,
        affiliated_with: with.map(|(w, _)| w),
    })
}

/// The error for the `party` key of earlier versions, at its place.
pub fn party_key_error(source: &SourceText, span: Range<usize>) -> Diagnostic {
    file::error_at(source, span, "`party` is no longer read: use `affiliation`").with_help(
        "write affiliation = \"party\" and affiliated_with = \"...\" for a party to the conflict, \
         or another kind (outside-power, state-media, international-body, partisan-media, \
         independent-media, scholarship, editorial, unknown); see docs/site-format.md",
    )
}
