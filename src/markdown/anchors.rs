//! Heading ids: `## The survey` becomes `#the-survey`, de-duplicated with `-1`, `-2`.

use std::collections::HashMap;

/// Hands out unique heading ids within one page.
#[derive(Debug, Default)]
pub struct Anchors {
    seen: HashMap<String, usize>,
}

impl Anchors {
    /// A unique id for a heading with this text.
    pub fn id_for(&mut self, text: &str) -> String {
        let base = slugify(text);
        let base = if base.is_empty() { "section".to_owned() } else { base };
        self.unique(base)
    }

    /// Reserves an id the author set explicitly, de-duplicating it if needed.
    pub fn unique(&mut self, base: String) -> String {
        let count = self.seen.entry(base.clone()).or_insert(0);
        let id = if *count == 0 {
            base.clone()
        } else {
            format!("{base}-{count}")
        };
        *count += 1;
        if id != base {
            self.seen.insert(id.clone(), 1);
        }
        id
    }
}

/// Lowercases, turns spaces into hyphens and drops punctuation.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if c.is_whitespace() || c == '-' {
            if !slug.ends_with('-') {
                slug.push('-');
            }
        } else if c == '_' {
            slug.push('_');
        }
    }
    slug.trim_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_slugs_and_unique() {
        let mut anchors = Anchors::default();
        assert_eq!(anchors.id_for("The survey"), "the-survey");
        assert_eq!(anchors.id_for("The survey"), "the-survey-1");
        assert_eq!(anchors.id_for("The survey!"), "the-survey-2");
        assert_eq!(anchors.id_for("Why — now?"), "why-now");
        assert_eq!(anchors.id_for("Ստեփանակերտ"), "ստեփանակերտ");
        assert_eq!(anchors.id_for("?!"), "section");
    }
}
