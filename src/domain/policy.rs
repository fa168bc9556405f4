//! Policies as data: every number an appraisal policy sets, so that each deadline and warning is
//! derived from the policy in force rather than written into the app. A school picks one of the
//! [`presets`](super::presets) and may edit it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

use super::calendar::Period;

/// A school's appraisal policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policy {
    /// A stable key for the preset this policy started from, e.g. `la-support-staff`.
    pub key: String,
    pub name: String,
    /// One sentence a school would recognise its policy by.
    pub summary: String,
    /// The document the numbers come from.
    pub source: String,
    /// The cycles the policy runs: the first is the usual one; others are for named staff groups.
    pub cycles: Vec<CycleOption>,
    pub interim_reviews: InterimReviews,
    pub deadlines: Deadlines,
    /// The most new objectives a statement should set; more is a warning.
    pub max_objectives: u32,
    /// The most formal observations in a cycle, where the policy sets one.
    pub max_observations: Option<u32>,
    pub support_plan: SupportPlanRules,
    /// Whether the statement may recommend pay progression (for reviewees eligible for it).
    pub pay_progression: bool,
    /// Whether reviewees are assessed against the 10 standards (see [`super::standards`]).
    pub ten_standards_apply: bool,
    /// The most reviews one reviewer should hold in a cycle, where the policy sets one.
    pub review_limit: Option<ReviewLimit>,
    /// Whether the policy has reviews led by a member of the senior team (seed 000, 4.1). Left
    /// out of a policy that does not, as every policy written before it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub senior_reviewers: bool,
    /// Years records are kept after the cycle ends.
    pub retention_years: u32,
    /// What the years mean: a minimum, after which the school decides, or a time after which
    /// the records are destroyed. Left out of a policy written before it, which meant a minimum.
    #[serde(default, skip_serializing_if = "AfterRetention::is_minimum")]
    pub after_retention: AfterRetention,
}

/// What a policy says happens to a review's records once its retention years are up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AfterRetention {
    /// "Kept for a minimum of 6 years": from then on the school may delete them, or keep them.
    #[default]
    Minimum,
    /// "Retained … for six years and then destroyed".
    Destroy,
}

impl AfterRetention {
    fn is_minimum(&self) -> bool {
        *self == AfterRetention::Minimum
    }
}

/// One appraisal cycle a policy runs, e.g. teachers September–August.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleOption {
    /// Who runs on this cycle, e.g. "Support staff".
    pub staff_group: String,
    /// The month the cycle starts (1 = January); it starts on the 1st.
    pub start_month: u32,
    pub length_months: u32,
    /// The date pay decisions must be made by after the cycle, for staff eligible for pay progression.
    pub pay_decision_by: Option<DayOfYear>,
}

/// A day and month that recur each year, e.g. 31 October.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayOfYear {
    pub day: u32,
    pub month: u32,
}

impl DayOfYear {
    /// The first such day on or after `from`.
    pub fn on_or_after(self, from: NaiveDate) -> Option<NaiveDate> {
        use chrono::Datelike;
        (from.year()..=from.year() + 1)
            .filter_map(|year| NaiveDate::from_ymd_opt(year, self.month, self.day))
            .find(|day| *day >= from)
    }
}

/// Reviews of progress between annual meetings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InterimReviews {
    None,
    MidYear,
    Termly,
}

/// The legal clock of a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadlines {
    /// Notice the reviewee is given before the meeting.
    pub notice_before_meeting: Period,
    /// From the meeting until the statement (and CPD form) must reach the reviewee.
    pub statement_after_meeting: Period,
    /// From receiving the statement until the reviewee's comments and sign-off are due.
    pub reply_after_statement: Period,
    /// From the meeting until the agreed statement must reach the headteacher.
    pub headteacher_after_meeting: Period,
    /// From an observation until feedback (verbal and written) is due.
    pub observation_feedback: Period,
    /// Where the policy has the whole record (the statement and the reviewee's part) completed
    /// within a time of the meeting, that time: the reviewee's reply is never due after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_within: Option<Period>,
}

/// How long a support plan's monitoring runs when performance is below the expected standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportPlanRules {
    pub shortest: Period,
    pub longest: Period,
    pub longest_extension: Period,
}

/// A cap on how many reviews one reviewer holds per cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewLimit {
    pub max_reviews: u32,
    /// Whether members of the senior management team are exempt (seed 004, 6.2).
    pub senior_leaders_exempt: bool,
}

/// Something wrong with an edited policy, in words for the person editing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolicyProblem {
    NoName,
    NoCycle,
    StartMonthOutOfRange { staff_group: String, month: u32 },
    CycleLengthOutOfRange { staff_group: String, months: u32 },
    NoSuchPayDate { staff_group: String },
    NoObjectivesAllowed,
    SupportPlanShortestAfterLongest,
    NoRetention,
}

impl fmt::Display for PolicyProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PolicyProblem::NoName => write!(
                f,
                "Give the policy a name, for example “Support staff appraisal”."
            ),
            PolicyProblem::NoCycle => {
                write!(f, "Add at least one appraisal cycle with its start month.")
            }
            PolicyProblem::StartMonthOutOfRange { staff_group, month } => write!(
                f,
                "The cycle for {staff_group} starts in month {month}: choose a month from 1 (January) to 12 (December)."
            ),
            PolicyProblem::CycleLengthOutOfRange {
                staff_group,
                months,
            } => write!(
                f,
                "The cycle for {staff_group} lasts {months} months: a cycle lasts from 1 to 24 months, usually 12."
            ),
            PolicyProblem::NoSuchPayDate { staff_group } => write!(
                f,
                "The pay decision date for {staff_group} is not a real day of the year: check the day and month."
            ),
            PolicyProblem::NoObjectivesAllowed => write!(
                f,
                "Allow at least one objective; most policies allow three."
            ),
            PolicyProblem::SupportPlanShortestAfterLongest => write!(
                f,
                "The shortest support plan monitoring period is longer than the longest: swap them or correct one."
            ),
            PolicyProblem::NoRetention => write!(
                f,
                "Keep records for at least one year; most policies say six."
            ),
        }
    }
}

impl Policy {
    /// Problems that would make the policy's deadlines or warnings meaningless.
    pub fn problems(&self) -> Vec<PolicyProblem> {
        let mut problems = Vec::new();
        if self.name.trim().is_empty() {
            problems.push(PolicyProblem::NoName);
        }
        if self.cycles.is_empty() {
            problems.push(PolicyProblem::NoCycle);
        }
        for cycle in &self.cycles {
            let staff_group = cycle.staff_group.clone();
            if !(1..=12).contains(&cycle.start_month) {
                problems.push(PolicyProblem::StartMonthOutOfRange {
                    staff_group: staff_group.clone(),
                    month: cycle.start_month,
                });
            }
            if !(1..=24).contains(&cycle.length_months) {
                problems.push(PolicyProblem::CycleLengthOutOfRange {
                    staff_group: staff_group.clone(),
                    months: cycle.length_months,
                });
            }
            if let Some(pay) = cycle.pay_decision_by {
                // 2028 is a leap year, so 29 February counts as a real day.
                if NaiveDate::from_ymd_opt(2028, pay.month, pay.day).is_none() {
                    problems.push(PolicyProblem::NoSuchPayDate { staff_group });
                }
            }
        }
        if self.max_objectives == 0 {
            problems.push(PolicyProblem::NoObjectivesAllowed);
        }
        let start = NaiveDate::from_ymd_opt(2027, 1, 4).expect("a fixed real date");
        let plain = super::calendar::SchoolCalendar::default();
        if plain.after(start, self.support_plan.shortest)
            > plain.after(start, self.support_plan.longest)
        {
            problems.push(PolicyProblem::SupportPlanShortestAfterLongest);
        }
        if self.retention_years == 0 {
            problems.push(PolicyProblem::NoRetention);
        }
        problems
    }

    /// The cycle for a staff group, or the policy's usual cycle when the group is not named.
    pub fn cycle_for(&self, staff_group: &str) -> Option<&CycleOption> {
        self.cycles
            .iter()
            .find(|cycle| cycle.staff_group == staff_group)
            .or_else(|| self.cycles.first())
    }
}
