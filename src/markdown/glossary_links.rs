//! Glossary auto-linking: the first occurrence of each term (or alias) on a page
//! becomes a link to its glossary entry, with the short definition readable in place.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// The total length of the names up to which the matcher is a DFA.
const DFA_MAX_BYTES: usize = 256 * 1024;

/// A glossary term as the linker needs it.
#[derive(Debug, Clone)]
pub struct TermPattern {
    /// The term's id.
    pub id: String,
    /// The names to match, with their language when not the page's (`hy`, `az`).
    pub names: Vec<(String, Option<String>)>,
    /// The short definition shown in place (plain text).
    pub tip: String,
    /// The link to the glossary entry.
    pub href: String,
}

/// One automaton over every name of every term.
#[derive(Debug)]
pub struct TermMatcher {
    automaton: AhoCorasick,
    /// For each pattern: (term index, language of the name).
    patterns: Vec<(usize, Option<String>)>,
    terms: Vec<TermPattern>,
}

/// Which terms a page has linked so far.
#[derive(Debug, Default)]
pub struct Linked {
    /// By term: linked, or marked as if linked.
    done: Vec<bool>,
    /// The terms linked in the text, by index, in order.
    linked: Vec<usize>,
}

impl TermMatcher {
    /// Builds the matcher; `case_sensitive = false` matches ASCII letters in any case.
    pub fn new(
        terms: Vec<TermPattern>,
        case_sensitive: bool,
    ) -> Result<TermMatcher, aho_corasick::BuildError> {
        let mut names = Vec::new();
        let mut patterns = Vec::new();
        for (index, term) in terms.iter().enumerate() {
            for (name, lang) in &term.names {
                if !name.trim().is_empty() {
                    names.push(name.as_str());
                    patterns.push((index, lang.clone()));
                }
            }
        }
        // A DFA scans fastest; past a size where its tables would grow large, the builder chooses.
        let bytes: usize = names.iter().map(|name| name.len()).sum();
        let kind = (bytes <= DFA_MAX_BYTES).then_some(AhoCorasickKind::DFA);
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(!case_sensitive)
            .kind(kind)
            .build(&names)?;
        Ok(TermMatcher {
            automaton,
            patterns,
            terms,
        })
    }

    /// A fresh record of linked terms for one page.
    pub fn start_page(&self) -> Linked {
        Linked {
            done: vec![false; self.terms.len()],
            linked: Vec::new(),
        }
    }

    /// Links the first occurrences in `text`; `None` when nothing was linked.
    pub fn link(&self, text: &str, linked: &mut Linked) -> Option<String> {
        let mut out = String::new();
        let mut last = 0;
        for found in self.automaton.find_iter(text) {
            let (term_index, lang) = &self.patterns[found.pattern().as_usize()];
            if linked.done.get(*term_index).copied().unwrap_or(true)
                || !is_whole_word(text, found.start(), found.end())
            {
                continue;
            }
            linked.done[*term_index] = true;
            linked.linked.push(*term_index);
            let term = &self.terms[*term_index];
            escape(&mut out, &text[last..found.start()]);
            out.push_str("<span class=\"gloss\"><a class=\"term\" href=\"");
            escape(&mut out, &term.href);
            out.push_str("\" aria-describedby=\"tip-");
            escape(&mut out, &term.id);
            out.push('"');
            if let Some(lang) = lang {
                out.push_str(" lang=\"");
                escape(&mut out, lang);
                out.push('"');
            }
            out.push('>');
            escape(&mut out, &text[found.start()..found.end()]);
            out.push_str("</a><span class=\"tip\" role=\"tooltip\" id=\"tip-");
            escape(&mut out, &term.id);
            out.push_str("\">");
            escape(&mut out, &term.tip);
            out.push_str("</span></span>");
            last = found.end();
        }
        if last == 0 {
            return None;
        }
        escape(&mut out, &text[last..]);
        Some(out)
    }

    /// The ids of the terms `linked` has linked in the text, in order.
    pub fn linked_ids(&self, linked: &Linked) -> Vec<String> {
        linked
            .linked
            .iter()
            .map(|&index| self.terms[index].id.clone())
            .collect()
    }

    /// Marks a term as already linked (for a term's own definition).
    pub fn mark_linked(&self, id: &str, linked: &mut Linked) {
        if let Some(index) = self.terms.iter().position(|t| t.id == id) {
            linked.done[index] = true;
        }
    }
}

fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

fn escape(out: &mut String, text: &str) {
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(out, text);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(case_sensitive: bool) -> TermMatcher {
        let term = |id: &str, names: &[&str]| TermPattern {
            id: id.to_owned(),
            names: names.iter().map(|n| (n.to_string(), None)).collect(),
            tip: format!("{id} tip"),
            href: format!("/glossary/#{id}"),
        };
        TermMatcher::new(
            vec![
                term("lachin", &["Lachin"]),
                term("lachin-corridor", &["Lachin corridor"]),
                term("baku", &["Baku"]),
            ],
            case_sensitive,
        )
        .unwrap()
    }

    #[test]
    fn longest_first_occurrence_whole_words() {
        let m = matcher(true);
        let mut linked = m.start_page();
        let html = m
            .link("The Lachin corridor, Bakunin, Baku and Baku.", &mut linked)
            .unwrap();
        assert_eq!(html.matches("class=\"term\"").count(), 2, "{html}");
        assert!(html.contains("href=\"/glossary/#lachin-corridor\""));
        assert!(html.contains("Bakunin, <span"), "{html}");
        assert!(m.link("Baku again", &mut linked).is_none());
    }

    #[test]
    fn case_insensitive_when_configured() {
        let mut linked = matcher(true).start_page();
        assert!(matcher(true).link("baku", &mut linked).is_none());
        let m = matcher(false);
        let mut linked = m.start_page();
        assert!(m.link("baku", &mut linked).is_some());
    }
}
