//! Markdown as plain text, for the places that take no markup: a glossary link's tooltip,
//! an image's caption in `og:` tags, JSON-LD and the feed.

use pulldown_cmark::{Event, Parser};

/// The text a reader sees of `markdown`: emphasis and links give their words, breaks a space.
pub fn plain_text(markdown: &str) -> String {
    let mut plain = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(text) | Event::Code(text) => plain.push_str(&text),
            Event::SoftBreak | Event::HardBreak => plain.push(' '),
            _ => {}
        }
    }
    plain.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_words_and_drops_the_markup() {
        assert_eq!(
            plain_text("The dam in *March*, from the [north bank](source:north-ministry)."),
            "The dam in March, from the north bank."
        );
        assert_eq!(plain_text("Two\nlines with `code`"), "Two lines with code");
    }
}
