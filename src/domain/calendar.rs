//! The school calendar: periods of time as policies state them ("5 working days", "2 weeks",
//! "48 hours"), working days that skip weekends, bank holidays and the school's closure dates,
//! and the arithmetic that turns "within 5 working days of the meeting" into a date.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::fmt;

use super::bank_holidays::bank_holiday;
use super::dates::{format_uk_date, weekday_name};

/// The unit a policy counts a period in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodUnit {
    CalendarDays,
    /// Monday to Friday, skipping bank holidays and the school's closure dates.
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

impl Period {
    /// Which way a date counted this long after an event moves off a day the school is closed:
    /// days and weeks to the first school day after; hours back to the last school day within
    /// them, since the next school day is past the hours (48 hours from a Friday observation
    /// end on Sunday: the Friday itself is the day to act).
    pub fn roll_after_event(self) -> Roll {
        if self.unit == PeriodUnit::Hours {
            Roll::Before
        } else {
            Roll::After
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

/// A term, first and last day included. Between one term and the next the school is on holiday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub name: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
}

/// A school's working calendar: weekends and bank holidays are never working days, nor are the
/// school's closure days, nor the holidays between its terms.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolCalendar {
    pub closures: Vec<Closure>,
    /// The school's terms in date order; left out of a calendar that has none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<Term>,
}

/// Which way a due date on a closed day moves to a school day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Roll {
    /// Something due *by* a fixed date: to the school day before.
    Before,
    /// A count *after* an event: to the school day after.
    After,
}

impl SchoolCalendar {
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        self.closed_for(day).is_none()
    }

    /// Why the school is closed on `day`, in words ("Saturday", "Boxing Day (substitute day)",
    /// "Autumn half-term"), or `None` on a working day.
    pub fn closed_for(&self, day: NaiveDate) -> Option<String> {
        match day.weekday() {
            Weekday::Sat => return Some("Saturday".into()),
            Weekday::Sun => return Some("Sunday".into()),
            _ => {}
        }
        if let Some(holiday) = bank_holiday(day) {
            return Some(holiday.into());
        }
        if let Some(closure) = self
            .closures
            .iter()
            .find(|closure| closure.first_day <= day && day <= closure.last_day)
        {
            return Some(closure.name.clone());
        }
        self.terms
            .windows(2)
            .find(|pair| pair[0].last_day < day && day < pair[1].first_day)
            .map(|pair| format!("the holiday after the {}", pair[0].name))
    }

    /// The last day of the last term the school has entered, if it has entered any.
    pub fn entered_until(&self) -> Option<NaiveDate> {
        self.terms.iter().map(|term| term.last_day).max()
    }

    /// Said of a date outside the school's entered terms: nothing says which of those days the
    /// school is open, so weekdays other than bank holidays and closures are counted as school
    /// days, and the person is told ("Counted without your school’s dates after 21/07/2027: ask
    /// the headteacher to publish next year’s terms"). `None` when the school has entered no
    /// terms (every date then reads that way, and Settings says so once) or the date is within
    /// them.
    pub fn unentered_note(&self, due: NaiveDate) -> Option<String> {
        let until = self.entered_until()?;
        let from = self.terms.iter().map(|term| term.first_day).min()?;
        if due > until {
            Some(format!(
                "Counted without your school’s dates after {}: ask the headteacher to publish next year’s terms",
                format_uk_date(until)
            ))
        } else if due < from {
            Some(format!(
                "Counted without your school’s dates before {}: ask the headteacher to add the term before it",
                format_uk_date(from)
            ))
        } else {
            None
        }
    }

    /// Everything the calendar says of `due`, a sentence each: that the school is closed then
    /// (naming the day to act on, `roll` deciding which), and that it lies outside the entered
    /// terms.
    pub fn notes_on(&self, due: NaiveDate, roll: Roll) -> Vec<String> {
        [self.closed_day_note(due, roll), self.unentered_note(due)]
            .into_iter()
            .flatten()
            .collect()
    }

    /// The terms that end from `first` to `last`, in date order.
    pub fn terms_ending(&self, first: NaiveDate, last: NaiveDate) -> Vec<&Term> {
        self.terms
            .iter()
            .filter(|term| first <= term.last_day && term.last_day <= last)
            .collect()
    }

    /// The last working day on or before `day`.
    pub fn working_day_on_or_before(&self, day: NaiveDate) -> NaiveDate {
        let mut day = day;
        while !self.is_working_day(day) {
            day = day
                .pred_opt()
                .expect("dates in use are far from the calendar's start");
        }
        day
    }

    /// Said of a due date the school is closed on (a deadline in calendar days or hours, or on a
    /// fixed date, can land on one), naming the school day to act on: for a date something is
    /// due *by*, the last school day before it ("Saturday 31/10/2026 is not a school day: the last
    /// school day before is Friday 30/10/2026"), since acting after it would be late; for a count
    /// *after* an event, the first school day after. `None` on a working day.
    pub fn closed_day_note(&self, due: NaiveDate, roll: Roll) -> Option<String> {
        let why = self.closed_for(due)?;
        let day = weekday_name(due);
        let why = if why == day {
            String::new()
        } else {
            format!(", {why},")
        };
        let (which, open) = match roll {
            Roll::Before => (
                "the last school day before",
                self.working_day_on_or_before(due),
            ),
            Roll::After => ("the first school day after", self.next_working_day(due)),
        };
        Some(format!(
            "{day} {}{why} is not a school day: {which} is {} {}",
            format_uk_date(due),
            weekday_name(open),
            format_uk_date(open)
        ))
    }

    /// The first working day on or after `day`.
    pub fn next_working_day(&self, day: NaiveDate) -> NaiveDate {
        day.iter_days()
            .find(|day| self.is_working_day(*day))
            .expect("every closure ends")
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
            terms: Vec::new(),
        }
    }

    #[test]
    fn the_days_between_terms_are_holidays() {
        let calendar = SchoolCalendar {
            closures: Vec::new(),
            terms: vec![
                Term {
                    name: "autumn term".into(),
                    first_day: date(2026, 9, 2),
                    last_day: date(2026, 12, 18),
                },
                Term {
                    name: "spring term".into(),
                    first_day: date(2027, 1, 5),
                    last_day: date(2027, 3, 26),
                },
            ],
        };
        assert_eq!(
            calendar.closed_for(date(2026, 12, 21)).as_deref(),
            Some("the holiday after the autumn term")
        );
        assert_eq!(
            calendar.closed_for(date(2027, 1, 4)).as_deref(),
            Some("the holiday after the autumn term")
        );
        assert_eq!(
            calendar.closed_for(date(2027, 1, 5)),
            None,
            "the first day of term"
        );
        assert_eq!(
            calendar.closed_for(date(2026, 12, 18)),
            None,
            "the last day of term"
        );
        assert_eq!(
            calendar.closed_for(date(2026, 8, 27)),
            None,
            "before the first term nothing is known"
        );
        assert_eq!(
            calendar.after(date(2026, 12, 17), Period::working_days(2)),
            date(2027, 1, 5)
        );
        let ending: Vec<NaiveDate> = calendar
            .terms_ending(date(2026, 9, 1), date(2027, 2, 28))
            .into_iter()
            .map(|term| term.last_day)
            .collect();
        assert_eq!(ending, vec![date(2026, 12, 18)]);
        assert_eq!(calendar.unentered_note(date(2027, 3, 1)), None);
        let last = calendar.entered_until().unwrap();
        assert_eq!(
            calendar.unentered_note(last + Duration::days(1)),
            Some(format!(
                "Counted without your school’s dates after {}: ask the headteacher to publish next year’s terms",
                format_uk_date(last)
            ))
        );
        assert_eq!(
            SchoolCalendar::default().unentered_note(date(2030, 1, 1)),
            None
        );
        let first = calendar.terms[0].first_day;
        assert_eq!(
            calendar.unentered_note(first - Duration::days(1)),
            Some(format!(
                "Counted without your school’s dates before {}: ask the headteacher to add the term before it",
                format_uk_date(first)
            ))
        );
        assert_eq!(
            calendar.working_day_on_or_before(date(2027, 1, 3)),
            date(2026, 12, 18)
        );
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
            (&plain, date(2026, 12, 30), Period::working_days(3), date(2027, 1, 5), "across New Year: 1 January is a bank holiday"),
            (&plain, date(2026, 12, 23), Period::working_days(2), date(2026, 12, 29), "Christmas Day and Boxing Day's substitute Monday"),
            (&plain, date(2027, 3, 25), Period::working_days(1), date(2027, 3, 30), "Good Friday and Easter Monday"),
            (&plain, date(2026, 8, 28), Period::working_days(1), date(2026, 9, 1), "the summer bank holiday"),
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

    #[test]
    fn why_a_day_is_closed() {
        let half_term = with_half_term();
        #[rustfmt::skip]
        let cases = [
            (date(2026, 10, 24), Some("Saturday")),
            (date(2026, 10, 25), Some("Sunday")),
            (date(2026, 10, 28), Some("Autumn half-term")),
            (date(2026, 12, 28), Some("Boxing Day (substitute day)")),
            (date(2026, 11, 2), None),
        ];
        for (day, why) in cases {
            assert_eq!(half_term.closed_for(day).as_deref(), why, "{day}");
        }
        assert_eq!(
            half_term.next_working_day(date(2026, 10, 25)),
            date(2026, 11, 2)
        );
        assert_eq!(
            half_term.next_working_day(date(2026, 11, 2)),
            date(2026, 11, 2)
        );
    }

    #[test]
    fn a_due_date_on_a_closed_day_says_so() {
        let half_term = with_half_term();
        #[rustfmt::skip]
        let cases = [
            (date(2026, 10, 25), Some("Sunday 25/10/2026 is not a school day: the first school day after is Monday 02/11/2026")),
            (date(2026, 10, 28), Some("Wednesday 28/10/2026, Autumn half-term, is not a school day: the first school day after is Monday 02/11/2026")),
            (date(2026, 12, 28), Some("Monday 28/12/2026, Boxing Day (substitute day), is not a school day: the first school day after is Tuesday 29/12/2026")),
            (date(2026, 10, 23), None),
        ];
        // Due by a date the school is closed on: the school day before.
        assert_eq!(
            half_term
                .closed_day_note(date(2026, 10, 31), Roll::Before)
                .as_deref(),
            Some(
                "Saturday 31/10/2026 is not a school day: the last school day before is Friday 23/10/2026"
            )
        );
        for (due, note) in cases {
            assert_eq!(
                half_term.closed_day_note(due, Roll::After).as_deref(),
                note,
                "{due}"
            );
        }
    }
}
