//! Dates as school staff write and read them: UK style, day/month/year (`22/11/2026`).

use chrono::{Datelike, NaiveDate};
use std::fmt;

/// Why a typed date could not be understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Nothing was typed.
    Empty,
    /// The text is not three numbers separated by `/`.
    NotDayMonthYear(String),
    /// The year was not written with four digits.
    YearNotFourDigits(String),
    /// The numbers are not a real day, e.g. 31/02/2026.
    NoSuchDay(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Empty => write!(f, "Enter a date, for example 27/03/2027."),
            DateError::NotDayMonthYear(text) => write!(
                f,
                "“{text}” is not a date. Write the day, month and year as numbers with slashes, for example 27/03/2027."
            ),
            DateError::YearNotFourDigits(text) => write!(
                f,
                "The year in “{text}” must have four digits, for example 2027."
            ),
            DateError::NoSuchDay(text) => write!(
                f,
                "“{text}” is not a real day. Check the day and month, for example 27/03/2027."
            ),
        }
    }
}

impl std::error::Error for DateError {}

/// A date that may be left blank: `None` when nothing is typed, the day when one is, and the
/// problem when what is typed is no date.
pub fn parse_optional_uk_date(text: &str) -> Result<Option<NaiveDate>, DateError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_uk_date(text).map(Some)
    }
}

/// Reads a date typed as day/month/year. Spaces around the parts are ignored, and `-` or `.`
/// are accepted in place of `/` because people type them.
pub fn parse_uk_date(text: &str) -> Result<NaiveDate, DateError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(DateError::Empty);
    }
    let parts: Vec<&str> = trimmed.split(['/', '-', '.']).map(str::trim).collect();
    let [day, month, year] = parts.as_slice() else {
        return Err(DateError::NotDayMonthYear(trimmed.to_owned()));
    };
    let number = |part: &str| -> Result<u32, DateError> {
        if part.is_empty() || !part.chars().all(|c| c.is_ascii_digit()) {
            return Err(DateError::NotDayMonthYear(trimmed.to_owned()));
        }
        part.parse()
            .map_err(|_| DateError::NotDayMonthYear(trimmed.to_owned()))
    };
    let (day, month, year_number) = (number(day)?, number(month)?, number(year)?);
    if year.len() != 4 {
        return Err(DateError::YearNotFourDigits(trimmed.to_owned()));
    }
    let year_number =
        i32::try_from(year_number).map_err(|_| DateError::NoSuchDay(trimmed.to_owned()))?;
    NaiveDate::from_ymd_opt(year_number, month, day)
        .ok_or_else(|| DateError::NoSuchDay(trimmed.to_owned()))
}

/// The months by name, January first: how a policy's start month is shown and chosen.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Month `number` (1 for January) by name, or `None` for a number that is no month.
pub fn month_name(number: u32) -> Option<&'static str> {
    MONTHS
        .get(usize::try_from(number).ok()?.checked_sub(1)?)
        .copied()
}

/// Writes a date as `dd/mm/yyyy`, the way it appears on every form and printout.
pub fn format_uk_date(date: NaiveDate) -> String {
    // Written out rather than through chrono's format strings, whose machinery would be
    // downloaded for these two formats alone.
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

/// The day of the week in full, as people write it: "Monday".
pub fn weekday_name(date: NaiveDate) -> &'static str {
    match date.weekday() {
        chrono::Weekday::Mon => "Monday",
        chrono::Weekday::Tue => "Tuesday",
        chrono::Weekday::Wed => "Wednesday",
        chrono::Weekday::Thu => "Thursday",
        chrono::Weekday::Fri => "Friday",
        chrono::Weekday::Sat => "Saturday",
        chrono::Weekday::Sun => "Sunday",
    }
}

/// A count as an ordinal in words, "first" to "tenth", then "11th", "12th"…
pub fn ordinal(n: usize) -> String {
    const WORDS: [&str; 10] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    match n {
        1..=10 => WORDS[n - 1].to_owned(),
        _ => format!("{n}th"),
    }
}

/// Writes a date as `yyyymmdd`, the basic ISO 8601 form that calendar files use.
pub fn format_basic_iso_date(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn reads_what_people_type() {
        let cases = [
            ("27/03/2027", date(2027, 3, 27)),
            ("1/9/2026", date(2026, 9, 1)),
            (" 01 / 09 / 2026 ", date(2026, 9, 1)),
            ("29-02-2028", date(2028, 2, 29)),
            ("31.12.2026", date(2026, 12, 31)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_uk_date(text), Ok(expected), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_date_and_says_why() {
        let cases = [
            ("", DateError::Empty),
            ("   ", DateError::Empty),
            (
                "next Tuesday",
                DateError::NotDayMonthYear("next Tuesday".into()),
            ),
            ("12/2026", DateError::NotDayMonthYear("12/2026".into())),
            (
                "1/2/3/2026",
                DateError::NotDayMonthYear("1/2/3/2026".into()),
            ),
            ("+1/2/2026", DateError::NotDayMonthYear("+1/2/2026".into())),
            ("01/09/26", DateError::YearNotFourDigits("01/09/26".into())),
            ("31/02/2026", DateError::NoSuchDay("31/02/2026".into())),
            ("29/02/2027", DateError::NoSuchDay("29/02/2027".into())),
            ("01/13/2026", DateError::NoSuchDay("01/13/2026".into())),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_uk_date(text), Err(expected), "{text:?}");
        }
    }

    #[test]
    fn every_error_tells_the_person_what_to_write() {
        for error in [
            DateError::Empty,
            DateError::NotDayMonthYear("x".into()),
            DateError::YearNotFourDigits("1/1/26".into()),
            DateError::NoSuchDay("31/02/2026".into()),
        ] {
            assert!(error.to_string().contains("for example"), "{error}");
        }
    }

    #[test]
    fn a_date_that_may_be_blank_is_none_when_blank_and_refused_when_not_a_date() {
        assert_eq!(parse_optional_uk_date("  "), Ok(None));
        assert_eq!(
            parse_optional_uk_date("07/12/2026"),
            Ok(Some(date(2026, 12, 7)))
        );
        assert!(parse_optional_uk_date("31/02/2026").is_err());
    }

    #[test]
    fn months_are_named_from_one_for_january() {
        assert_eq!(month_name(1), Some("January"));
        assert_eq!(month_name(9), Some("September"));
        assert_eq!(month_name(0), None);
        assert_eq!(month_name(13), None);
    }

    #[test]
    fn formats_with_leading_zeros() {
        assert_eq!(format_uk_date(date(2026, 9, 1)), "01/09/2026");
        assert_eq!(format_basic_iso_date(date(2027, 1, 5)), "20270105");
    }

    proptest::proptest! {
        #[test]
        fn formatting_then_reading_gives_the_same_day(days in 0i64..80_000) {
            let day = date(1900, 1, 1) + chrono::Duration::days(days);
            proptest::prop_assert_eq!(parse_uk_date(&format_uk_date(day)), Ok(day));
        }
    }
}
