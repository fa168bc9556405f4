//! Bank holidays in England and Wales, 2025 to 2030, as published by GOV.UK
//! (<https://www.gov.uk/bank-holidays>, "England and Wales"). No school works on them, so
//! every school calendar skips them when it counts working days. They are data rather than
//! rules because a government may add one (as for the coronation in 2023); the test below
//! checks the table against the rules that make every date in it.

use chrono::NaiveDate;

/// The first and last years the table covers.
pub const FIRST_YEAR: i32 = 2025;
pub const LAST_YEAR: i32 = 2030;

/// (year, month, day, name), in date order.
const BANK_HOLIDAYS: [(i32, u32, u32, &str); 48] = [
    (2025, 1, 1, "New Year’s Day"),
    (2025, 4, 18, "Good Friday"),
    (2025, 4, 21, "Easter Monday"),
    (2025, 5, 5, "Early May bank holiday"),
    (2025, 5, 26, "Spring bank holiday"),
    (2025, 8, 25, "Summer bank holiday"),
    (2025, 12, 25, "Christmas Day"),
    (2025, 12, 26, "Boxing Day"),
    (2026, 1, 1, "New Year’s Day"),
    (2026, 4, 3, "Good Friday"),
    (2026, 4, 6, "Easter Monday"),
    (2026, 5, 4, "Early May bank holiday"),
    (2026, 5, 25, "Spring bank holiday"),
    (2026, 8, 31, "Summer bank holiday"),
    (2026, 12, 25, "Christmas Day"),
    (2026, 12, 28, "Boxing Day (substitute day)"),
    (2027, 1, 1, "New Year’s Day"),
    (2027, 3, 26, "Good Friday"),
    (2027, 3, 29, "Easter Monday"),
    (2027, 5, 3, "Early May bank holiday"),
    (2027, 5, 31, "Spring bank holiday"),
    (2027, 8, 30, "Summer bank holiday"),
    (2027, 12, 27, "Christmas Day (substitute day)"),
    (2027, 12, 28, "Boxing Day (substitute day)"),
    (2028, 1, 3, "New Year’s Day (substitute day)"),
    (2028, 4, 14, "Good Friday"),
    (2028, 4, 17, "Easter Monday"),
    (2028, 5, 1, "Early May bank holiday"),
    (2028, 5, 29, "Spring bank holiday"),
    (2028, 8, 28, "Summer bank holiday"),
    (2028, 12, 25, "Christmas Day"),
    (2028, 12, 26, "Boxing Day"),
    (2029, 1, 1, "New Year’s Day"),
    (2029, 3, 30, "Good Friday"),
    (2029, 4, 2, "Easter Monday"),
    (2029, 5, 7, "Early May bank holiday"),
    (2029, 5, 28, "Spring bank holiday"),
    (2029, 8, 27, "Summer bank holiday"),
    (2029, 12, 25, "Christmas Day"),
    (2029, 12, 26, "Boxing Day"),
    (2030, 1, 1, "New Year’s Day"),
    (2030, 4, 19, "Good Friday"),
    (2030, 4, 22, "Easter Monday"),
    (2030, 5, 6, "Early May bank holiday"),
    (2030, 5, 27, "Spring bank holiday"),
    (2030, 8, 26, "Summer bank holiday"),
    (2030, 12, 25, "Christmas Day"),
    (2030, 12, 26, "Boxing Day"),
];

/// The bank holiday on `day`, by name, if there is one.
pub fn bank_holiday(day: NaiveDate) -> Option<&'static str> {
    use chrono::Datelike;
    BANK_HOLIDAYS
        .iter()
        .find(|(year, month, date, _)| {
            (*year, *month, *date) == (day.year(), day.month(), day.day())
        })
        .map(|(_, _, _, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Duration, Weekday};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    fn easter(year: i32) -> NaiveDate {
        let a = year % 19;
        let b = year / 100;
        let c = year % 100;
        let d = b / 4;
        let e = b % 4;
        let f = (b + 8) / 25;
        let g = (b - f + 1) / 3;
        let h = (19 * a + b - d - g + 15) % 30;
        let i = c / 4;
        let k = c % 4;
        let l = (32 + 2 * e + 2 * i - h - k) % 7;
        let m = (a + 11 * h + 22 * l) / 451;
        let month = (h + l - 7 * m + 114) / 31;
        let day = (h + l - 7 * m + 114) % 31 + 1;
        date(
            year,
            u32::try_from(month).unwrap(),
            u32::try_from(day).unwrap(),
        )
    }

    /// The first (or, from the month's end, last) Monday of a month.
    fn monday(year: i32, month: u32, last: bool) -> NaiveDate {
        let mut day = if last {
            date(year, month + 1, 1) - Duration::days(1)
        } else {
            date(year, month, 1)
        };
        while day.weekday() != Weekday::Mon {
            day += Duration::days(if last { -1 } else { 1 });
        }
        day
    }

    /// Next working day for a fixed holiday on a weekend, after any already taken.
    fn substitute(day: NaiveDate, taken: &[NaiveDate]) -> NaiveDate {
        let mut day = day;
        while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) || taken.contains(&day) {
            day += Duration::days(1);
        }
        day
    }

    /// The dates the Banking and Financial Dealings Act 1971 and the royal proclamations make.
    fn by_the_rules(year: i32) -> Vec<NaiveDate> {
        let new_year = substitute(date(year, 1, 1), &[]);
        let christmas = substitute(date(year, 12, 25), &[]);
        let boxing_day = substitute(date(year, 12, 26), &[christmas]);
        vec![
            new_year,
            easter(year) - Duration::days(2),
            easter(year) + Duration::days(1),
            monday(year, 5, false),
            monday(year, 5, true),
            monday(year, 8, true),
            christmas,
            boxing_day,
        ]
    }

    #[test]
    fn the_table_agrees_with_the_rules_every_year() {
        for year in FIRST_YEAR..=LAST_YEAR {
            let table: Vec<NaiveDate> = BANK_HOLIDAYS
                .iter()
                .filter(|(y, ..)| *y == year)
                .map(|(y, m, d, _)| date(*y, *m, *d))
                .collect();
            assert_eq!(table, by_the_rules(year), "{year}");
        }
    }

    #[test]
    fn every_bank_holiday_is_a_weekday_and_named() {
        for (year, month, day, name) in BANK_HOLIDAYS {
            let day = date(year, month, day);
            assert!(
                !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
                "{day}"
            );
            assert_eq!(bank_holiday(day), Some(name));
        }
        assert_eq!(
            bank_holiday(date(2026, 12, 26)),
            None,
            "a Saturday: the Monday is the holiday"
        );
        assert_eq!(
            bank_holiday(date(2026, 12, 28)),
            Some("Boxing Day (substitute day)")
        );
    }
}
