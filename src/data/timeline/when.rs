//! Showing when an event happened: "c. 1988", "before March 1992", "25–26 February 1992".

use serde::Serialize;

use super::model::When;
use crate::data::keyword::Keyword;
use crate::dates::PartialDate;
use crate::words::Words;

/// A date as templates receive it: `partials/when.html` writes it, each end in a
/// `<time datetime>`, so that its markup belongs to the site and its words to the words table.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    /// The name of its qualifier, a key of `t.dates.qualifiers`: exact, about, before, after.
    pub qualifier: &'static str,
    /// The date, or the range's first end.
    pub start: DateEnd,
    /// The range's second end; none for a single date.
    pub end: Option<DateEnd>,
    /// The key of `t.dates` whose words join the ends: `range` or `range_tight`.
    pub joiner: &'static str,
    /// The editor's own wording (`display_date`), shown instead of the rest.
    pub display: Option<String>,
}

/// One end of a date as shown.
#[derive(Debug, Clone, Serialize)]
pub struct DateEnd {
    /// The ISO form, with only the known parts, for `<time datetime>`.
    pub iso: String,
    /// The end in the language's words, without what it shares with the other end.
    pub text: String,
}

impl When {
    /// The ISO form of the date (or of the range's start), with only the known parts.
    pub fn iso(&self) -> String {
        self.date.iso()
    }

    /// The date as readers see it, as plain text, in the language of `words`.
    pub fn human(&self, words: &Words) -> String {
        let view = self.view(words);
        if let Some(display) = view.display {
            return display;
        }
        let shown = match &view.end {
            None => view.start.text,
            Some(end) => words.fill(
                &format!("dates.{}", view.joiner),
                &[("start", &view.start.text), ("end", &end.text)],
            ),
        };
        words.fill(
            &format!("dates.qualifiers.{}", view.qualifier),
            &[("date", &shown)],
        )
    }

    /// The date for templates, in the language of `words`.
    pub fn view(&self, words: &Words) -> DateView {
        let start = self.date;
        let end = |date: &PartialDate, text: String| DateEnd {
            iso: date.iso(),
            text,
        };
        let (start, end, joiner) = match self.end.filter(|end| *end != start) {
            None => (end(&start, words.date(&start)), None, "range"),
            Some(last) => {
                let range = words.date_range(&start, &last);
                (
                    end(&start, range.start),
                    Some(end(&last, range.end)),
                    range.joiner,
                )
            }
        };
        DateView {
            qualifier: self.qualifier.name(),
            start,
            end,
            joiner,
            display: self.display.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::timeline::model::Qualifier;

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
    fn the_partial_puts_each_date_in_a_time_element() {
        let range = when("1992-02-25", Some("1992-02-26"), Qualifier::About);
        assert_eq!(
            shown_by_partial(&range),
            "c. <time datetime=\"1992-02-25\">25</time>–<time datetime=\"1992-02-26\">26 February 1992</time>"
        );
        let written = When {
            display: Some("Late <February> 1988".into()),
            ..when("1988-02", None, Qualifier::Exact)
        };
        assert_eq!(
            shown_by_partial(&written),
            "<time datetime=\"1988-02\">Late &lt;February&gt; 1988</time>"
        );
        let single = when("1994", None, Qualifier::After);
        assert_eq!(
            shown_by_partial(&single),
            "after <time datetime=\"1994\">1994</time>"
        );
    }

    /// `when` as the bundled `partials/when.html` writes it.
    fn shown_by_partial(when: &When) -> String {
        let mut context = tera::Context::new();
        context.insert("t", Words::english().template_value());
        context.insert("date", &when.view(Words::english()));
        crate::render::render_bundled_component(
            "partials/when.html",
            "{{<when date={date}/>}}",
            &context,
        )
    }
}
