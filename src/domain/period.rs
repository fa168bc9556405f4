//! The dates of one appraisal cycle: the school's cycle containing a day, the one a final
//! review looks back on and the one its meeting plans, and a joiner's or fixed-term contract's own
//! part of a cycle, with what is wrong with the dates typed for it.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

use super::policy::CycleOption;

/// The dates of one appraisal cycle, first and last day included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CyclePeriod {
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
}

impl CyclePeriod {
    /// The cycle of `option` that starts in `year`, e.g. September 2026 to August 2027.
    pub fn starting_in(option: &CycleOption, year: i32) -> Option<CyclePeriod> {
        let first_day = NaiveDate::from_ymd_opt(year, option.start_month, 1)?;
        let last_day = first_day
            .checked_add_months(Months::new(option.length_months))?
            .pred_opt()?;
        Some(CyclePeriod {
            first_day,
            last_day,
        })
    }

    /// The cycle of `option` that includes `day`.
    pub fn containing(option: &CycleOption, day: NaiveDate) -> Option<CyclePeriod> {
        let year = if day.month() >= option.start_month {
            day.year()
        } else {
            day.year() - 1
        };
        (year - 2..=year)
            .rev()
            .filter_map(|year| CyclePeriod::starting_in(option, year))
            .find(|period| period.contains(day))
    }

    /// The cycle a final review held on `meeting` looks back on: the cycle containing the meeting
    /// when the meeting falls in its last quarter (a July review of September to August, seed
    /// 001; a March review before seed 002's 31 March pay date for support staff), otherwise the
    /// cycle that last ended (an October review of the year that ended in August, seed 002 4.1;
    /// the trust's January meeting that "completes the previous year’s performance cycle", seed
    /// 003). A meeting in the middle of a cycle is a late review of the one before, not an early
    /// review of one with months still to run.
    pub fn reviewed_at(option: &CycleOption, meeting: NaiveDate) -> Option<CyclePeriod> {
        let containing = CyclePeriod::containing(option, meeting)?;
        let last_quarter = containing
            .first_day
            .checked_add_months(Months::new(option.length_months - option.length_months / 4))?;
        if meeting >= last_quarter {
            return Some(containing);
        }
        let before = containing
            .first_day
            .checked_sub_months(Months::new(option.length_months))?;
        CyclePeriod::containing(option, before)
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.first_day <= day && day <= self.last_day
    }
}

/// What is wrong with the dates of a part-year cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartYearProblem {
    EndsBeforeItStarts,
    /// `first_day` when only the first day is outside; otherwise the last day is at fault.
    OutsideTheCycle {
        cycle: CyclePeriod,
        first_day: bool,
    },
}

impl PartYearProblem {
    /// Whether the first day typed is the one to correct (otherwise the last).
    pub fn about_first_day(&self) -> bool {
        matches!(
            self,
            PartYearProblem::OutsideTheCycle {
                first_day: true,
                ..
            }
        )
    }
}

impl fmt::Display for PartYearProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartYearProblem::EndsBeforeItStarts => write!(
                f,
                "Their cycle ends before it starts. Enter a last day after the first."
            ),
            PartYearProblem::OutsideTheCycle { cycle, .. } => write!(
                f,
                "A part-year cycle falls within the cycle this meeting plans, {cycle}. Enter dates inside it, or leave them blank for the whole cycle."
            ),
        }
    }
}

/// A cycle as people read it: "01/09/2025 to 31/08/2026".
impl fmt::Display for CyclePeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} to {}",
            super::dates::format_uk_date(self.first_day),
            super::dates::format_uk_date(self.last_day)
        )
    }
}

impl CyclePeriod {
    /// The cycle a meeting on `meeting` plans: the one after the cycle it looks back on.
    pub fn planned_at(option: &CycleOption, meeting: NaiveDate) -> Option<CyclePeriod> {
        let reviewed = CyclePeriod::reviewed_at(option, meeting)?;
        CyclePeriod::containing(option, reviewed.last_day.succ_opt()?)
    }

    /// A joiner's or a fixed-term contract's own part of `self` (seed 002 2.1: "the cycle will
    /// be adjusted according to the start/duration of the contract"; seed 004 7.3: the
    /// headteacher sets a joiner's first cycle): `None` when neither day is given.
    pub fn part(
        self,
        first_day: Option<NaiveDate>,
        last_day: Option<NaiveDate>,
    ) -> Result<Option<CyclePeriod>, PartYearProblem> {
        if first_day.is_none() && last_day.is_none() {
            return Ok(None);
        }
        let part = CyclePeriod {
            first_day: first_day.unwrap_or(self.first_day),
            last_day: last_day.unwrap_or(self.last_day),
        };
        if part.last_day < part.first_day {
            return Err(PartYearProblem::EndsBeforeItStarts);
        }
        if !self.contains(part.first_day) || !self.contains(part.last_day) {
            return Err(PartYearProblem::OutsideTheCycle {
                cycle: self,
                first_day: self.contains(part.last_day),
            });
        }
        Ok(Some(part))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn cycle(start_month: u32) -> CycleOption {
        CycleOption {
            staff_group: "Teachers".into(),
            start_month,
            length_months: 12,
            pay_decision_by: None,
        }
    }

    #[test]
    fn a_final_review_looks_back_on_the_cycle_it_closes() {
        #[rustfmt::skip]
        let cases = [
            // (cycle starts in, meeting, first day of the cycle reviewed, why)
            (9, date(2026, 10, 23), date(2025, 9, 1), "autumn: the year that ended in August"),
            (9, date(2026, 12, 16), date(2025, 9, 1), "December is still the first half"),
            (9, date(2027, 3, 1), date(2025, 9, 1), "March is a late review of the year that ended"),
            (9, date(2027, 6, 1), date(2026, 9, 1), "from June, the last quarter: the cycle running now"),
            (9, date(2027, 7, 14), date(2026, 9, 1), "a July review of September to August"),
            (4, date(2027, 2, 22), date(2026, 4, 1), "April to March: February, before the 31 March pay date"),
            (4, date(2026, 11, 22), date(2025, 4, 1), "April to March: November is not yet its last quarter"),
            (4, date(2026, 5, 10), date(2025, 4, 1), "April to March: May looks back on the year before"),
            (1, date(2027, 1, 14), date(2026, 1, 1), "the trust's January meeting completes the previous year"),
            (1, date(2027, 7, 14), date(2026, 1, 1), "a July trust meeting is a late review of last year"),
            (1, date(2027, 11, 10), date(2027, 1, 1), "November: the year running, nearly over"),
            (6, date(2027, 5, 20), date(2026, 6, 1), "the June cycle's May meeting reviews the year ending"),
        ];
        for (start_month, meeting, first_day, why) in cases {
            let reviewed = CyclePeriod::reviewed_at(&cycle(start_month), meeting).unwrap();
            assert_eq!(reviewed.first_day, first_day, "{why}");
            let last_day = first_day
                .checked_add_months(Months::new(12))
                .unwrap()
                .pred_opt()
                .unwrap();
            assert_eq!(reviewed.last_day, last_day, "{why}: a whole year");
        }
    }
}
