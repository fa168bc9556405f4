//! The school calendar: periods of time as policies state them ("5 working days", "2 weeks",
//! "48 hours"), working days that skip weekends and the school's closure dates, and the arithmetic
//! that turns "within 5 working days of the meeting" into a date.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The unit a policy counts a period in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodUnit {
    CalendarDays,
    /// Monday to Friday, skipping the school's closure dates.
    WorkingDays,
    /// Calendar weeks of seven days.
    Weeks,
    /// Weeks of five working days.
    WorkingWeeks,
    /// Hours, counted as whole calendar days rounded up (48 hours = 2 days): the app works with
    /// dates, not times of day.
    Hours,
}

/// A length of time as a policy states it, e.g. 5 working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub amount: u32,
    pub unit: PeriodUnit,
}

impl Period {
    pub const fn calendar_days(amount: u32) -> Period {
        Period {
            amount,
            unit: PeriodUnit::CalendarDays,
        }
    }
    pub const fn working_days(amount: u32) -> Period {
        Period {
            amount,
            unit: PeriodUnit::WorkingDays,
        }
    }
    pub const fn weeks(amount: u32) -> Period {
        Period {
            amount,
            unit: PeriodUnit::Weeks,
        }
    }
    pub const fn working_weeks(amount: u32) -> Period {
        Period {
            amount,
            unit: PeriodUnit::WorkingWeeks,
        }
    }
    pub const fn hours(amount: u32) -> Period {
        Period {
            amount,
            unit: PeriodUnit::Hours,
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (one, many) = match self.unit {
            PeriodUnit::CalendarDays => ("day", "days"),
            PeriodUnit::WorkingDays => ("working day", "working days"),
            PeriodUnit::Weeks => ("week", "weeks"),
            PeriodUnit::WorkingWeeks => ("working week", "working weeks"),
            PeriodUnit::Hours => ("hour", "hours"),
        };
        let unit = if self.amount == 1 { one } else { many };
        write!(f, "{} {unit}", self.amount)
    }
}

/// Days the school is closed (half-terms, holidays, training days), first and last day included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closure {
    pub name: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
}

/// A school's working calendar: weekends are never working days, nor are closure days.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolCalendar {
    pub closures: Vec<Closure>,
}

impl SchoolCalendar {
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
            && !self
                .closures
                .iter()
                .any(|closure| closure.first_day <= day && day <= closure.last_day)
    }

    /// The date `period` after `from`: "within 5 working days of the meeting" is due on the
    /// fifth working day after the meeting day.
    pub fn after(&self, from: NaiveDate, period: Period) -> NaiveDate {
        self.step(from, period, 1)
    }

    /// The date `period` before `to`: "2 weeks' notice of a meeting" means notice by this day.
    pub fn before(&self, to: NaiveDate, period: Period) -> NaiveDate {
        self.step(to, period, -1)
    }

    fn step(&self, from: NaiveDate, period: Period, direction: i64) -> NaiveDate {
        let amount = i64::from(period.amount);
        match period.unit {
            PeriodUnit::CalendarDays => from + Duration::days(direction * amount),
            PeriodUnit::Weeks => from + Duration::days(direction * 7 * amount),
            PeriodUnit::Hours => from + Duration::days(direction * ((amount + 23) / 24)),
            PeriodUnit::WorkingDays => self.step_working_days(from, amount, direction),
            PeriodUnit::WorkingWeeks => self.step_working_days(from, 5 * amount, direction),
        }
    }

    fn step_working_days(&self, from: NaiveDate, count: i64, direction: i64) -> NaiveDate {
        let mut day = from;
        let mut counted = 0;
        while counted < count {
            day += Duration::days(direction);
            if self.is_working_day(day) {
                counted += 1;
            }
        }
        day
    }

    /// Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier.
    /// "Due in 3 working days" is `working_days_until(today, due) == 3`.
    pub fn working_days_until(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let (start, end, sign) = if to >= from {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        let count = start
            .iter_days()
            .skip(1)
            .take_while(|day| *day <= end)
            .filter(|day| self.is_working_day(*day))
            .count();
        sign * i64::try_from(count).unwrap_or(i64::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Autumn half-term 2026 in many English schools: Monday 26 to Friday 30 October.
    fn with_half_term() -> SchoolCalendar {
        SchoolCalendar {
            closures: vec![Closure {
                name: "Autumn half-term".into(),
                first_day: date(2026, 10, 26),
                last_day: date(2026, 10, 30),
            }],
        }
    }

    #[test]
    fn periods_after_a_date() {
        let plain = SchoolCalendar::default();
        let half_term = with_half_term();
        #[rustfmt::skip]
        let cases = [
            // (calendar, from, period, expected, why)
            (&plain, date(2026, 11, 16), Period::working_days(5), date(2026, 11, 23), "Mon + 5 wd = next Mon"),
            (&plain, date(2026, 11, 20), Period::working_days(5), date(2026, 11, 27), "Fri + 5 wd skips the weekend"),
            (&plain, date(2026, 11, 21), Period::working_days(1), date(2026, 11, 23), "Sat + 1 wd = Mon"),
            (&plain, date(2026, 11, 20), Period::calendar_days(5), date(2026, 11, 25), "calendar days count weekends"),
            (&plain, date(2026, 11, 20), Period::weeks(2), date(2026, 12, 4), "2 weeks = 14 days"),
            (&plain, date(2026, 11, 2), Period::working_weeks(4), date(2026, 11, 30), "4 working weeks = 20 wd"),
            (&plain, date(2026, 11, 20), Period::hours(48), date(2026, 11, 22), "48 hours = 2 days"),
            (&plain, date(2026, 11, 20), Period::hours(25), date(2026, 11, 22), "25 hours rounds up to 2 days"),
            (&plain, date(2026, 11, 20), Period::working_days(0), date(2026, 11, 20), "zero is the same day"),
            (&half_term, date(2026, 10, 23), Period::working_days(5), date(2026, 11, 6), "Fri before half-term: the closure week does not count"),
            (&half_term, date(2026, 10, 23), Period::calendar_days(5), date(2026, 10, 28), "calendar days run through half-term"),
            (&plain, date(2026, 12, 30), Period::working_days(3), date(2027, 1, 4), "across New Year"),
        ];
        for (calendar, from, period, expected, why) in cases {
            assert_eq!(calendar.after(from, period), expected, "{why}");
        }
    }

    #[test]
    fn periods_before_a_date() {
        let plain = SchoolCalendar::default();
        assert_eq!(
            plain.before(date(2027, 1, 15), Period::weeks(2)),
            date(2027, 1, 1)
        );
        assert_eq!(
            plain.before(date(2026, 11, 23), Period::working_days(1)),
            date(2026, 11, 20)
        );
        assert_eq!(
            with_half_term().before(date(2026, 11, 2), Period::working_days(1)),
            date(2026, 10, 23)
        );
    }

    #[test]
    fn counting_working_days_between_dates() {
        let plain = SchoolCalendar::default();
        assert_eq!(
            plain.working_days_until(date(2026, 11, 20), date(2026, 11, 25)),
            3
        );
        assert_eq!(
            plain.working_days_until(date(2026, 11, 25), date(2026, 11, 20)),
            -3
        );
        assert_eq!(
            plain.working_days_until(date(2026, 11, 20), date(2026, 11, 20)),
            0
        );
        assert_eq!(
            with_half_term().working_days_until(date(2026, 10, 23), date(2026, 11, 2)),
            1
        );
    }

    #[test]
    fn periods_read_as_people_write_them() {
        assert_eq!(Period::working_days(5).to_string(), "5 working days");
        assert_eq!(Period::weeks(1).to_string(), "1 week");
        assert_eq!(Period::hours(48).to_string(), "48 hours");
    }

    proptest::proptest! {
        #[test]
        fn working_day_steps_land_on_working_days_and_count_back(offset in 0i64..3000, amount in 1u32..40) {
            let calendar = with_half_term();
            let from = date(2025, 1, 1) + Duration::days(offset);
            let due = calendar.after(from, Period::working_days(amount));
            proptest::prop_assert!(calendar.is_working_day(due));
            proptest::prop_assert_eq!(calendar.working_days_until(from, due), i64::from(amount));
        }
    }
}
