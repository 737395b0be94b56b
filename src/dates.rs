//! Dates with a precision: a year, a month or a day.
//!
//! Conflict chronologies rarely know every day: "1988", "1988-02" and
//! "1988-02-20" are all valid dates, shown as "1988", "February 1988" and
//! "20 February 1988" in British English, as each edition's language writes them
//! (see [`crate::locale`]).

use crate::words::Words;
use std::cmp::Ordering;
use std::fmt;

use serde::Deserialize;

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// Only the year.
    Year,
    /// Year and month.
    Month,
    /// Year, month and day.
    Day,
}

/// A calendar date known to a year, month or day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// The year.
    pub year: i32,
    /// The month, 1 to 12, when known.
    pub month: Option<u8>,
    /// The day of the month, when known.
    pub day: Option<u8>,
}

/// Why a written date is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("{text:?} is not a date: write \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"")]
    Malformed {
        /// The text as written.
        text: String,
    },
    /// A month outside 01 to 12.
    #[error("{date} has no month {month}: months run from 01 to 12")]
    NoSuchMonth {
        /// The date as written.
        date: String,
        /// The month given.
        month: u8,
    },
    /// A day its month does not have.
    #[error("{year}-{month:02}-{day:02} is not a real date: {month_name} has {last} days")]
    NoSuchDay {
        /// The year.
        year: i32,
        /// The month.
        month: u8,
        /// The day given.
        day: u8,
        /// The month and year in words, for the message: "February 2023".
        month_name: String,
        /// How many days the month has.
        last: u8,
    },
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a time after the date, as in a TOML datetime, is ignored).
    pub fn parse(text: &str) -> Result<PartialDate, DateError> {
        let text = text.trim();
        let date_part = text.split(['T', ' ']).next().unwrap_or(text);
        let parts: Vec<&str> = date_part.split('-').collect();
        let number = |s: &str, len: usize| -> Option<u32> {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let invalid = || DateError::Malformed {
            text: text.to_owned(),
        };
        let year = parts
            .first()
            .and_then(|y| number(y, 4))
            .ok_or_else(invalid)? as i32;
        let month = match parts.get(1) {
            None => None,
            Some(m) => Some(number(m, 2).ok_or_else(invalid)? as u8),
        };
        let day = match parts.get(2) {
            None => None,
            Some(d) => Some(number(d, 2).ok_or_else(invalid)? as u8),
        };
        if parts.len() > 3 {
            return Err(invalid());
        }
        let date = PartialDate { year, month, day };
        date.check()?;
        Ok(date)
    }

    fn check(&self) -> Result<(), DateError> {
        if let Some(month) = self.month
            && !(1..=12).contains(&month)
        {
            return Err(DateError::NoSuchMonth {
                date: self.to_string(),
                month,
            });
        }
        if let (Some(month), Some(day)) = (self.month, self.day) {
            let last = days_in_month(self.year, month);
            if day == 0 || day > last {
                return Err(DateError::NoSuchDay {
                    year: self.year,
                    month,
                    day,
                    month_name: Words::english().date(&PartialDate { day: None, ..*self }),
                    last,
                });
            }
        }
        Ok(())
    }

    /// How much of the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The ISO form with only the known parts: `1988`, `1988-02` or `1988-02-20`.
    pub fn iso(&self) -> String {
        self.to_string()
    }

    /// The first day the date may stand for, as a sortable `(year, month, day)`.
    pub fn start_key(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day the date may stand for, as a sortable `(year, month, day)`.
    pub fn end_key(&self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        (self.year, month, day)
    }

    /// A full `YYYY-MM-DD` for feeds and metadata (first day of an imprecise date).
    pub fn full_iso(&self) -> String {
        let (y, m, d) = self.start_key();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// Chronological order: earlier start first; at the same start, the more precise date first.
    pub fn chronological(&self, other: &PartialDate) -> Ordering {
        self.start_key()
            .cmp(&other.start_key())
            .then_with(|| other.precision().cmp(&self.precision()))
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A date as written in a data file: a string, or a TOML date literal.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum DateInput {
    /// `"1988-02"`.
    Text(String),
    /// `1988-02-20` (a TOML date literal).
    Toml(toml::value::Datetime),
    /// `1988` (a bare year).
    Year(i64),
}

impl DateInput {
    /// Parses the input into a [`PartialDate`].
    pub fn parse(&self) -> Result<PartialDate, DateError> {
        match self {
            DateInput::Text(text) => PartialDate::parse(text),
            DateInput::Toml(datetime) => PartialDate::parse(&datetime.to_string()),
            DateInput::Year(year) => PartialDate::parse(&year.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(
            Words::english().date(&PartialDate::parse("1988").unwrap()),
            "1988"
        );
        assert_eq!(
            Words::english().date(&PartialDate::parse("1988-02").unwrap()),
            "February 1988"
        );
        assert_eq!(
            Words::english().date(&PartialDate::parse("1988-02-20").unwrap()),
            "20 February 1988"
        );
        assert_eq!(
            PartialDate::parse("1988-02").unwrap().precision(),
            Precision::Month
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        let err = PartialDate::parse("2023-02-30").unwrap_err();
        assert!(
            err.to_string().contains("February 2023 has 28 days"),
            "{err}"
        );
        assert!(PartialDate::parse("2024-02-29").is_ok());
        assert!(PartialDate::parse("2023-13").is_err());
        assert!(PartialDate::parse("88").is_err());
        assert!(PartialDate::parse("1988-2-1").is_err());
        assert!(PartialDate::parse("").is_err());
    }

    #[test]
    fn orders_by_start_then_precision() {
        let year = PartialDate::parse("1988").unwrap();
        let day = PartialDate::parse("1988-01-01").unwrap();
        let month = PartialDate::parse("1988-01").unwrap();
        let mut dates = vec![year, month, day];
        dates.sort_by(PartialDate::chronological);
        assert_eq!(dates, vec![day, month, year]);
    }
}
