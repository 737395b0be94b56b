//! Showing when an event happened: "c. 1988", "before March 1992", "25–26 February 1992".

use super::model::{Qualifier, When};
use crate::dates::PartialDate;
use crate::words::Words;

impl When {
    /// The ISO form of the date (or of the range's start), with only the known parts.
    pub fn iso(&self) -> String {
        self.date.iso()
    }

    /// The date as readers see it, as plain text, in the language of `words`.
    pub fn human(&self, words: &Words) -> String {
        match &self.display {
            Some(display) => display.clone(),
            None => self.join(words, |_, text| text.to_owned()),
        }
    }

    /// The date as HTML, in the language of `words`: each date in a `<time datetime>` with
    /// its precision.
    pub fn html(&self, words: &Words) -> String {
        match &self.display {
            Some(display) => time(&self.iso(), display),
            None => self.join(words, |date, text| time(&date.iso(), text)),
        }
    }

    /// The date, or the range's two ends joined, each end shown by `show`, with the qualifier.
    fn join(&self, words: &Words, show: impl Fn(&PartialDate, &str) -> String) -> String {
        let key = match self.qualifier {
            Qualifier::Exact => "dates.qualifiers.exact",
            Qualifier::About => "dates.qualifiers.about",
            Qualifier::Before => "dates.qualifiers.before",
            Qualifier::After => "dates.qualifiers.after",
        };
        let start = self.date;
        let shown = match self.end.filter(|end| *end != start) {
            None => show(&start, &words.date(&start)),
            Some(end) => {
                let range = words.date_range(&start, &end);
                words.fill(
                    range.joiner,
                    &[
                        ("start", &show(&start, &range.start)),
                        ("end", &show(&end, &range.end)),
                    ],
                )
            }
        };
        words.fill(key, &[("date", &shown)])
    }
}

fn time(iso: &str, text: &str) -> String {
    let mut html = String::from("<time datetime=\"");
    let _ = pulldown_cmark_escape::escape_html(&mut html, iso);
    html.push_str("\">");
    let _ = pulldown_cmark_escape::escape_html_body_text(&mut html, text);
    html.push_str("</time>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    fn when(date: &str, end: Option<&str>, qualifier: Qualifier) -> When {
        When {
            date: PartialDate::parse(date).unwrap(),
            end: end.map(|e| PartialDate::parse(e).unwrap()),
            qualifier,
            display: None,
        }
    }

    #[test]
    fn shows_dates_ranges_and_qualifiers() {
        let cases = [
            (when("1988", None, Qualifier::Exact), "1988"),
            (when("1988-02", None, Qualifier::Exact), "February 1988"),
            (
                when("1988-02-20", None, Qualifier::Exact),
                "20 February 1988",
            ),
            (when("1988", None, Qualifier::About), "c. 1988"),
            (
                when("1992-03", None, Qualifier::Before),
                "before March 1992",
            ),
            (when("1994", None, Qualifier::After), "after 1994"),
            (
                when("1992-02-25", Some("1992-02-26"), Qualifier::Exact),
                "25–26 February 1992",
            ),
            (
                when("2020-09-27", Some("2020-11-10"), Qualifier::Exact),
                "27 September – 10 November 2020",
            ),
            (
                when("1991-12-20", Some("1992-01-05"), Qualifier::Exact),
                "20 December 1991 – 5 January 1992",
            ),
            (
                when("1992-02", Some("1992-04"), Qualifier::About),
                "c. February–April 1992",
            ),
            (when("1992", Some("1994"), Qualifier::Exact), "1992–1994"),
            (
                when("1992-05", Some("1993"), Qualifier::Exact),
                "May 1992 – 1993",
            ),
            (
                when("1992-05-01", Some("1992-05-01"), Qualifier::Exact),
                "1 May 1992",
            ),
        ];
        for (when, expected) in cases {
            assert_eq!(when.human(Words::english()), expected);
        }
    }

    #[test]
    fn html_puts_each_date_in_a_time_element() {
        let range = when("1992-02-25", Some("1992-02-26"), Qualifier::About);
        assert_eq!(
            range.html(Words::english()),
            "c. <time datetime=\"1992-02-25\">25</time>–<time datetime=\"1992-02-26\">26 February 1992</time>"
        );
        let shown = When {
            display: Some("Late <February> 1988".into()),
            ..when("1988-02", None, Qualifier::Exact)
        };
        assert_eq!(
            shown.html(Words::english()),
            "<time datetime=\"1988-02\">Late &lt;February&gt; 1988</time>"
        );
    }
}
