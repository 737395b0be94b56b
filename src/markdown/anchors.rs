//! Heading ids: `## The survey` becomes `#the-survey`, de-duplicated with `-1`, `-2`.

use std::collections::HashMap;

/// Hands out unique heading ids within one page.
#[derive(Debug, Default)]
pub struct Anchors {
    /// Ids never handed out.
    reserved: &'static [&'static str],
    /// Ids handed out, with the last count added to each base.
    seen: HashMap<String, usize>,
}

impl Anchors {
    /// Anchors that never hand out the given ids (ids the page templates use themselves).
    pub fn reserving(ids: &'static [&'static str]) -> Self {
        Anchors {
            reserved: ids,
            seen: HashMap::new(),
        }
    }

    fn taken(&self, id: &str) -> bool {
        self.seen.contains_key(id) || self.reserved.contains(&id)
    }

    /// A unique id for a heading with this text.
    pub fn id_for(&mut self, text: &str) -> String {
        let base = slugify(text);
        let base = if base.is_empty() {
            "section".to_owned()
        } else {
            base
        };
        self.unique(base)
    }

    /// Reserves an id the author set explicitly, de-duplicating it if needed.
    pub fn unique(&mut self, base: String) -> String {
        let mut count = self.seen.get(&base).copied().unwrap_or(0);
        let mut id = base.clone();
        while self.taken(&id) {
            count += 1;
            id = format!("{base}-{count}");
        }
        self.seen.insert(base.clone(), count);
        self.seen.entry(id.clone()).or_insert(0);
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
        let mut anchors = Anchors::default();
        assert_eq!(anchors.id_for("The survey 1"), "the-survey-1");
        assert_eq!(anchors.id_for("The survey"), "the-survey");
        assert_eq!(anchors.id_for("The survey"), "the-survey-2");
        let mut anchors = Anchors::reserving(&["main", "main-1"]);
        assert_eq!(anchors.id_for("Main"), "main-2");
        assert_eq!(anchors.id_for("Main"), "main-3");
        assert_eq!(anchors.unique("main-1".to_owned()), "main-1-1");
    }
}
