//! Dates, numbers and plural forms as the language of a [`Words`] table writes them.
//!
//! Month names, the order of day, month and year, digit grouping and plural rules are data of
//! the Unicode CLDR, compiled into the tool by ICU4X, so a translation table carries only words.
//! The language is the table's BCP 47 tag ([`Words::language`]): `en-GB` writes
//! "20 September 2023", `en` "September 20, 2023", `ru` "20 сентября 2023 г.". A tag that does not
//! parse is read as `en`; a language CLDR does not know gets CLDR's root forms.
//!
//! Formatters take a while to build, so each language's are built once and shared.

use crate::dates::{PartialDate, Precision};
use crate::words::Words;
use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::{D, M, MD, Y, YM, YMD};
use icu_datetime::{FixedCalendarDateTimeFormatter, parts};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralRules};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use writeable::{Part, PartsWrite, Writeable};

/// A date range as shown: each end's text, and the words key that joins them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RangeText {
    /// The first end, without what it shares with the second where the language allows.
    pub start: String,
    /// The second end.
    pub end: String,
    /// The key under `dates` of the words that join the ends: `range`, or `range_tight`
    /// between short forms ("25–26 February 1992", "1992–1994").
    pub joiner: &'static str,
}

impl Words {
    /// `date` in this language, to its precision: "2023", "September 2023", "20 September 2023".
    pub fn date(&self, date: &PartialDate) -> String {
        match formats(self.language()) {
            Some(formats) => formats.date(date),
            None => date.iso(),
        }
    }

    /// The two ends of a date range, with what they share said once: the year of
    /// "20 September – 3 October 2023", the month too of "25–26 February 1992".
    pub fn date_range(&self, start: &PartialDate, end: &PartialDate) -> RangeText {
        match formats(self.language()) {
            Some(formats) => formats.range(start, end),
            None => RangeText {
                start: start.iso(),
                end: end.iso(),
                joiner: "range",
            },
        }
    }

    /// A whole number with the language's digits and grouping: "100,490", "100 490".
    pub fn number(&self, value: u64) -> String {
        match formats(self.language()) {
            Some(formats) => formats.decimal.format(&Decimal::from(value)).to_string(),
            None => value.to_string(),
        }
    }

    /// The key of the plural form of `key` for `count`: `key.one`, `key.few`, `key.many` (and
    /// so on, by CLDR's rules for the language) when the table has that form, else `key.other`.
    pub fn plural_key(&self, key: &str, count: u64) -> String {
        let form = format!("{key}.{}", plural_category(self.language(), count));
        if self.lookup(&form).is_some() {
            form
        } else {
            format!("{key}.other")
        }
    }
}

/// The CLDR plural category of `count` in `language` (`one`, `few`, `many`, `other`...), as
/// the forms of a phrase are named in the words tables.
pub fn plural_category(language: &str, count: u64) -> &'static str {
    let category = formats(language).map_or(PluralCategory::Other, |formats| {
        formats.plurals.category_for(count)
    });
    category_name(category)
}

/// CLDR's name of a plural category, as the forms' keys are named.
fn category_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// The formatters of one language.
struct Formats {
    day: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    month: FixedCalendarDateTimeFormatter<Gregorian, YM>,
    year: FixedCalendarDateTimeFormatter<Gregorian, Y>,
    day_and_month: FixedCalendarDateTimeFormatter<Gregorian, MD>,
    month_alone: FixedCalendarDateTimeFormatter<Gregorian, M>,
    day_alone: FixedCalendarDateTimeFormatter<Gregorian, D>,
    decimal: DecimalFormatter,
    plurals: PluralRules,
    /// The language writes the day before the month ("20 September").
    day_first: bool,
    /// The language writes the year before the month and day ("2023 թ․ սեպտեմբերի 20").
    year_first: bool,
}

/// The formatters of `language`, built on first use; `None` only if CLDR's data cannot be
/// loaded even for English, which the tests rule out.
fn formats(language: &str) -> Option<Arc<Formats>> {
    static CACHE: OnceLock<Mutex<HashMap<String, Option<Arc<Formats>>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Mutex::default);
    let mut cache = cache.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(formats) = cache.get(language) {
        return formats.clone();
    }
    let english = Locale::try_from_str("en").ok();
    let formats = Locale::try_from_str(language)
        .ok()
        .and_then(|locale| Formats::new(&locale))
        .or_else(|| english.and_then(|locale| Formats::new(&locale)))
        .map(Arc::new);
    cache.insert(language.to_owned(), formats.clone());
    formats
}

impl Formats {
    fn new(locale: &Locale) -> Option<Formats> {
        let day_and_month =
            FixedCalendarDateTimeFormatter::try_new(locale.into(), MD::long()).ok()?;
        let day = FixedCalendarDateTimeFormatter::try_new(locale.into(), YMD::long()).ok()?;
        let sample = gregorian(2023, 9, 20)?;
        let in_day_month = FieldOrder::of(&day_and_month.format(&sample));
        let in_full = FieldOrder::of(&day.format(&sample));
        Some(Formats {
            day_first: in_day_month.before(parts::DAY, parts::MONTH),
            year_first: in_full.before(parts::YEAR, parts::MONTH),
            day,
            day_and_month,
            month: FixedCalendarDateTimeFormatter::try_new(locale.into(), YM::long()).ok()?,
            year: FixedCalendarDateTimeFormatter::try_new(locale.into(), Y::long()).ok()?,
            month_alone: FixedCalendarDateTimeFormatter::try_new(locale.into(), M::long()).ok()?,
            day_alone: FixedCalendarDateTimeFormatter::try_new(locale.into(), D::long()).ok()?,
            decimal: DecimalFormatter::try_new(locale.into(), Default::default()).ok()?,
            plurals: PluralRules::try_new_cardinal(locale.into()).ok()?,
        })
    }

    /// `date` to its precision.
    fn date(&self, date: &PartialDate) -> String {
        let Some(day) = gregorian(date.year, date.month.unwrap_or(1), date.day.unwrap_or(1)) else {
            return date.iso();
        };
        match date.precision() {
            Precision::Day => self.day.format(&day).to_string(),
            Precision::Month => self.month.format(&day).to_string(),
            Precision::Year => self.year.format(&day).to_string(),
        }
    }

    /// `date` without its year: "20 September", "September"; a year alone stays whole.
    fn without_year(&self, date: &PartialDate) -> String {
        let Some(day) = gregorian(date.year, date.month.unwrap_or(1), date.day.unwrap_or(1)) else {
            return date.iso();
        };
        match date.precision() {
            Precision::Day => self.day_and_month.format(&day).to_string(),
            Precision::Month => self.month_alone.format(&day).to_string(),
            Precision::Year => self.year.format(&day).to_string(),
        }
    }

    /// The ends of a range. A year both ends share is said once, on the side where the
    /// language writes the year; a month too, where the language writes the day first
    /// and the year last ("25–26 February 1992"). Ends of one precision and a short first
    /// end join tightly; others with spaces.
    fn range(&self, start: &PartialDate, end: &PartialDate) -> RangeText {
        let same_year = start.year == end.year;
        let (joiner, tight) = ("range", "range_tight");
        let shown = |start: String, end: String, joiner| RangeText { start, end, joiner };
        match (start.precision(), end.precision()) {
            (Precision::Day, Precision::Day)
                if same_year && start.month == end.month && self.day_first && !self.year_first =>
            {
                let day = start
                    .day
                    .and_then(|d| gregorian(start.year, start.month?, d));
                match day {
                    Some(day) => shown(
                        self.day_alone.format(&day).to_string(),
                        self.date(end),
                        tight,
                    ),
                    None => shown(self.date(start), self.date(end), joiner),
                }
            }
            (Precision::Year, Precision::Year) => shown(self.date(start), self.date(end), tight),
            (first, second) if same_year => {
                let joiner = if first == Precision::Month && second == Precision::Month {
                    tight
                } else {
                    joiner
                };
                if self.year_first {
                    shown(self.date(start), self.without_year(end), joiner)
                } else {
                    shown(self.without_year(start), self.date(end), joiner)
                }
            }
            _ => shown(self.date(start), self.date(end), joiner),
        }
    }
}

fn gregorian(year: i32, month: u8, day: u8) -> Option<Date<Gregorian>> {
    Date::try_new_gregorian(year, month, day).ok()
}

/// The order in which a formatted date writes its fields, read from its parts.
#[derive(Default)]
struct FieldOrder {
    fields: Vec<Part>,
}

impl FieldOrder {
    fn of(written: &impl Writeable) -> FieldOrder {
        let mut order = FieldOrder::default();
        // Writing into this sink cannot fail; a failure would only leave the order unknown.
        let _ = written.write_to_parts(&mut order);
        order
    }

    /// Whether `first` comes before `second`; false when either is missing.
    fn before(&self, first: Part, second: Part) -> bool {
        let at = |part| self.fields.iter().position(|p| *p == part);
        matches!((at(first), at(second)), (Some(a), Some(b)) if a < b)
    }
}

impl std::fmt::Write for FieldOrder {
    fn write_str(&mut self, _: &str) -> std::fmt::Result {
        Ok(())
    }
}

impl PartsWrite for FieldOrder {
    type SubPartsWrite = FieldOrder;

    fn with_part(
        &mut self,
        part: Part,
        mut write: impl FnMut(&mut FieldOrder) -> std::fmt::Result,
    ) -> std::fmt::Result {
        self.fields.push(part);
        write(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The English words, tagged with `language`: the formats depend on the tag alone.
    fn words(language: &str) -> Words {
        let table: toml::Table = toml::from_str(include_str!("../i18n/en.toml")).unwrap();
        Words::load(language, Some(&table)).unwrap()
    }

    fn date(text: &str) -> PartialDate {
        PartialDate::parse(text).unwrap()
    }

    #[test]
    fn british_english_writes_day_month_year() {
        let words = words("en-GB");
        assert_eq!(words.date(&date("2023-09-20")), "20 September 2023");
        assert_eq!(words.date(&date("2023-09")), "September 2023");
        assert_eq!(words.date(&date("2023")), "2023");
        assert_eq!(words.number(100_490), "100,490");
        assert_eq!(words.number(999), "999");
    }

    #[test]
    fn cldr_english_writes_month_day_year() {
        let words = words("en");
        assert_eq!(words.date(&date("2023-09-20")), "September 20, 2023");
        assert_eq!(words.date(&date("2023-09")), "September 2023");
        assert_eq!(words.number(1_000_000), "1,000,000");
    }

    #[test]
    fn russian_dates_numbers_and_plurals_follow_cldr() {
        let words = words("ru");
        // CLDR writes a narrow no-break space before "г.", and groups digits with a no-break space.
        assert_eq!(
            words.date(&date("2023-09-20")),
            "20 сентября 2023\u{202f}г."
        );
        assert_eq!(words.date(&date("2023-09")), "сентябрь 2023\u{202f}г.");
        assert_eq!(words.date(&date("2023")), "2023");
        assert_eq!(words.number(100_490), "100\u{a0}490");
        let rules = formats("ru").unwrap();
        let category = |n| category_name(rules.plurals.category_for(n));
        assert_eq!(
            [1, 3, 5, 21, 11, 0].map(category),
            ["one", "few", "many", "one", "many", "many"]
        );
    }

    #[test]
    fn armenian_and_azerbaijani_months_are_their_own() {
        for language in ["hy", "az"] {
            let words = words(language);
            let month = words.date(&date("2023-09"));
            assert!(!month.is_empty(), "{language}");
            assert!(!month.contains("September"), "{language}: {month}");
            assert!(month.contains("2023"), "{language}: {month}");
        }
        assert_eq!(words("az").date(&date("2023-09-20")), "20 sentyabr 2023");
    }

    #[test]
    fn an_unreadable_language_tag_reads_as_english() {
        let words = words("not a tag!");
        assert_eq!(words.date(&date("2023-09-20")), "September 20, 2023");
        assert_eq!(words.number(100_490), "100,490");
        // A language CLDR does not know gets its root forms.
        assert_eq!(self::words("xx").date(&date("2023-09-20")), "2023 M09 20");
    }

    #[test]
    fn ranges_say_what_both_ends_share_once() {
        let range = |language: &str, start: &str, end: &str| {
            let words = words(language);
            let shown = words.date_range(&date(start), &date(end));
            words.fill(
                &format!("dates.{}", shown.joiner),
                &[("start", &shown.start), ("end", &shown.end)],
            )
        };
        assert_eq!(
            range("en-GB", "1992-02-25", "1992-02-26"),
            "25–26 February 1992"
        );
        assert_eq!(
            range("en-GB", "2023-09-20", "2023-10-03"),
            "20 September – 3 October 2023"
        );
        assert_eq!(range("en-GB", "1992-02", "1992-04"), "February–April 1992");
        assert_eq!(range("en-GB", "1992", "1994"), "1992–1994");
        assert_eq!(range("en-GB", "1992-05", "1993"), "May 1992 – 1993");
        // Month first: the month cannot be said once without CLDR's interval patterns.
        assert_eq!(
            range("en", "1992-02-25", "1992-02-26"),
            "February 25 – February 26, 1992"
        );
        assert_eq!(
            range("ru", "1992-02-25", "1992-02-26"),
            "25–26 февраля 1992\u{202f}г."
        );
        // Armenian writes the year first: the second end goes without it.
        assert_eq!(
            range("hy", "2023-09-20", "2023-09-25"),
            "2023 թ․ սեպտեմբերի 20 – սեպտեմբերի 25"
        );
    }

    #[test]
    fn plural_keys_fall_back_to_other() {
        let english = Words::english();
        assert_eq!(
            english.plural_key("casualties.gist.sources", 1),
            "casualties.gist.sources.one"
        );
        assert_eq!(
            english.plural_key("casualties.gist.sources", 3),
            "casualties.gist.sources.other"
        );
        let text = include_str!("../i18n/en.toml").replace(
            "other = \"{n} sources\"",
            "few = \"{n} источника\"\nother = \"{n} sources\"",
        );
        let table: toml::Table = toml::from_str(&text).unwrap();
        // Ukrainian has no bundled table, and Russian's plural rules.
        let with_few = Words::load("uk", Some(&table)).unwrap();
        assert_eq!(
            with_few.plural_key("casualties.gist.sources", 3),
            "casualties.gist.sources.few"
        );
        assert_eq!(
            with_few.plural_key("casualties.gist.sources", 5),
            "casualties.gist.sources.other"
        );
        // The "few" form is missing from a table with only English's forms.
        let ukrainian = words("uk");
        assert_eq!(
            ukrainian.plural_key("casualties.gist.sources", 3),
            "casualties.gist.sources.other"
        );
        assert_eq!(
            words("ru").plural_key("casualties.gist.sources", 3),
            "casualties.gist.sources.few"
        );
    }
}
