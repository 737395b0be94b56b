//! Fields whose value is one of a few names (a qualifier, a status, a kind of place): one
//! way to read them, name them and suggest the nearest for a misspelt one.

use crate::suggest;

/// A field whose value is one of a few names.
pub trait Keyword: Copy + PartialEq + 'static {
    /// Every value with its name, the default first.
    const ALL: &'static [(&'static str, Self)];

    /// The value of a name.
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
    }

    /// The name of a value.
    fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, v)| *v == self)
            .map_or("", |(n, _)| n)
    }

    /// Every name, for messages.
    fn names() -> Vec<&'static str> {
        Self::ALL.iter().map(|(n, _)| *n).collect()
    }

    /// The value named `name`, or the help for a name that is none of them: the nearest
    /// name, else the list.
    fn parse_or_help(name: &str) -> Result<Self, String> {
        Self::from_name(name).ok_or_else(|| suggest::one_of(name, &Self::names()))
    }
}
