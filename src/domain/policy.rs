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
    /// The school's own version of the policy, e.g. "2026, adopted by governors 14/09/2026";
    /// empty for a preset as shipped.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub version: String,
    /// One sentence a school would recognise its policy by.
    pub summary: String,
    /// The document the numbers come from.
    pub source: String,
    /// The cycles the policy runs: the first is the usual one; others are for named staff groups.
    pub cycles: Vec<CycleOption>,
    pub interim_reviews: InterimReviews,
    /// Whether the reviews between meetings are the pair's to choose ("you may wish to have a
    /// formal mid year review", seed 001): then they are suggested, never overdue.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub interim_optional: bool,
    pub deadlines: Deadlines,
    /// The most new objectives a statement should set; more is a warning, or refused at signing
    /// where the limit is firm.
    pub max_objectives: u32,
    /// Whether the limit admits no exception ("all staff will have no more than three
    /// objectives", seed 004 2.3), rather than being recommended or normal.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub objectives_limit_firm: bool,
    /// The most formal observations in a cycle, where the policy sets one.
    pub max_observations: Option<u32>,
    /// How long a support plan's monitoring runs, where the policy says; left out of one that
    /// does not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_plan: Option<SupportPlanRules>,
    /// Whether the statement may recommend pay progression (for reviewees eligible for it).
    pub pay_progression: bool,
    /// Who recommends pay, where the policy names someone other than the reviewer (seed 003:
    /// "The Headteachers or Operations Director … making recommendations on salary"); the
    /// headteacher records it, and the statement asks the reviewer for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pay_recommended_by: Option<String>,
    /// Whether pay may include an honorarium (seed 003: "recommending the award of an
    /// honorarium").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub honorarium: bool,
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
    /// Who a reviewee appeals to against the statement, if anyone. Left out of a policy written
    /// before it, which meant the headteacher.
    #[serde(default, skip_serializing_if = "AppealRoute::is_headteacher")]
    pub appeals: AppealRoute,
    /// How long after receiving the statement an appeal may be lodged, where the school sets a
    /// limit (no seed does).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appeal_within: Option<Period>,
    /// How long after an appeal is lodged its outcome is decided, where the school sets a limit
    /// (no seed does: always the school's choice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appeal_decided_within: Option<Period>,
    /// The day each year by which training needs reach whoever plans training (seed 001: "in
    /// October each year").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub training_needs_by: Option<DayOfYear>,
    /// Who receives the training needs, where the policy names someone other than the CPD
    /// leader (seed 004: the business manager).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub training_needs_receiver: Option<String>,
    /// Who determines the objectives when reviewer and reviewee cannot agree them, where the
    /// policy says (seed 004 2.2: "the reviewer will make the determination").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objectives_determined_by: Option<String>,
    /// Staff the policy does not apply to (probation, induction, short contracts).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclusions: Vec<Exclusion>,
}

/// Who hears an appeal against the statement's entries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppealRoute {
    /// "A right of appeal to the Headteacher against any of the entries" (seed 004, 3.1).
    #[default]
    Headteacher,
    /// The headteacher, or the governing body when the headteacher is the reviewer (seed 001).
    HeadteacherOrGoverningBody,
    /// No appeal against the statement; a salary decision is appealed under the school's pay
    /// policy (seed 003), outside appraisal.
    PayPolicy,
    /// The policy has no appeal against the statement (seeds 000 and 002).
    None,
}

impl AppealRoute {
    fn is_headteacher(&self) -> bool {
        *self == AppealRoute::Headteacher
    }

    /// Whether a reviewee can appeal against the statement in Appraise.
    pub fn allows_statement_appeal(self) -> bool {
        matches!(
            self,
            AppealRoute::Headteacher | AppealRoute::HeadteacherOrGoverningBody
        )
    }

    /// Who hears the appeal, in words for the reviewee.
    pub fn heard_by(self) -> &'static str {
        match self {
            AppealRoute::Headteacher => "the headteacher",
            AppealRoute::HeadteacherOrGoverningBody => {
                "the headteacher, or the governing body when the headteacher is your reviewer"
            }
            AppealRoute::PayPolicy | AppealRoute::None => "nobody under this policy",
        }
    }

    /// What the reviewee is told about appealing, in one sentence.
    pub fn describe(self) -> &'static str {
        match self {
            AppealRoute::Headteacher => {
                "You may appeal to the headteacher against any entry in the statement."
            }
            AppealRoute::HeadteacherOrGoverningBody => {
                "You may appeal against any entry in the statement: to the headteacher, or to the governing body when the headteacher is your reviewer."
            }
            AppealRoute::PayPolicy => {
                "This policy has no appeal against the statement. If you are aggrieved about a salary decision, you may appeal under the school’s pay policy."
            }
            AppealRoute::None => {
                "This policy has no appeal against the statement. If you disagree, talk to your reviewer, or follow the school’s grievance procedure."
            }
        }
    }
}

/// Staff a policy does not apply to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Exclusion {
    /// In their probationary period.
    Probation,
    /// Undergoing induction (newly qualified teachers).
    Induction,
    /// On a contract shorter than one term.
    ShortContract,
    /// Employed by an agency rather than the school.
    AgencyStaff,
    /// Subject to the capability or disciplinary procedure.
    CapabilityOrDisciplinary,
}

impl Exclusion {
    pub const ALL: [Exclusion; 5] = [
        Exclusion::Probation,
        Exclusion::Induction,
        Exclusion::ShortContract,
        Exclusion::AgencyStaff,
        Exclusion::CapabilityOrDisciplinary,
    ];

    /// The question a reviewer answers when starting a review.
    pub fn question(self) -> &'static str {
        match self {
            Exclusion::Probation => "The reviewee is in their probationary period",
            Exclusion::Induction => "The reviewee is undergoing induction",
            Exclusion::ShortContract => "The reviewee’s contract is for less than one term",
            Exclusion::AgencyStaff => "The reviewee is employed by an agency",
            Exclusion::CapabilityOrDisciplinary => {
                "The reviewee is subject to the capability or disciplinary procedure"
            }
        }
    }

    /// Whom it leaves out, as a list of them reads: "staff in their probationary period".
    pub fn staff(self) -> &'static str {
        match self {
            Exclusion::Probation => "staff in their probationary period",
            Exclusion::Induction => "staff undergoing induction",
            Exclusion::ShortContract => "staff on contracts of less than one term",
            Exclusion::AgencyStaff => "agency staff",
            Exclusion::CapabilityOrDisciplinary => {
                "staff subject to the capability or disciplinary procedure"
            }
        }
    }

    /// Why no review starts, in words for the reviewer.
    pub fn refusal(self) -> &'static str {
        match self {
            Exclusion::Probation => {
                "Your school’s policy does not apply to staff in their probationary period: their probation reviews take its place. Start their appraisal when probation ends."
            }
            Exclusion::Induction => {
                "Your school’s policy does not apply to staff undergoing induction: the induction process assesses them. Start their appraisal when induction ends."
            }
            Exclusion::ShortContract => {
                "Your school’s policy does not apply to staff on contracts of less than one term, so no review is started."
            }
            Exclusion::AgencyStaff => {
                "Your school’s policy does not apply to staff employed by an agency: their agency reviews their work, so no review is started."
            }
            Exclusion::CapabilityOrDisciplinary => {
                "Your school’s policy does not apply to staff subject to the capability or disciplinary procedure: that procedure takes its place. Start their appraisal when it ends."
            }
        }
    }
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
    NoSuchTrainingNeedsDate,
    RecordWithinShorterThanStatement { within: Period, statement: Period },
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
                "The cycle for {staff_group} starts in a month numbered {month}, and there is no such month: choose one from January to December."
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
            PolicyProblem::NoSuchTrainingNeedsDate => write!(
                f,
                "The date training needs are due by is not a real day of the year: check the day and month."
            ),
            PolicyProblem::RecordWithinShorterThanStatement { within, statement } => write!(
                f,
                "The whole record is due within {within} of the meeting, but the statement only within {statement}: make the record’s time at least as long as the statement’s."
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
        if let Some(day) = self.training_needs_by
            && NaiveDate::from_ymd_opt(2028, day.month, day.day).is_none()
        {
            problems.push(PolicyProblem::NoSuchTrainingNeedsDate);
        }
        let start = NaiveDate::from_ymd_opt(2027, 1, 4).expect("a fixed real date");
        let plain = super::calendar::SchoolCalendar::default();
        if let Some(rules) = self.support_plan
            && plain.after(start, rules.shortest) > plain.after(start, rules.longest)
        {
            problems.push(PolicyProblem::SupportPlanShortestAfterLongest);
        }
        let deadlines = self.deadlines;
        if let Some(within) = deadlines.record_within
            && plain.after(start, within) < plain.after(start, deadlines.statement_after_meeting)
        {
            problems.push(PolicyProblem::RecordWithinShorterThanStatement {
                within,
                statement: deadlines.statement_after_meeting,
            });
        }
        if self.retention_years == 0 {
            problems.push(PolicyProblem::NoRetention);
        }
        problems
    }

    /// The first of `answers` (what the reviewer says of the reviewee) the policy leaves out,
    /// which stops a review starting.
    pub fn leaves_out(&self, answers: &[Exclusion]) -> Option<Exclusion> {
        answers
            .iter()
            .copied()
            .find(|answer| self.exclusions.contains(answer))
    }

    /// Who receives the training needs, as the school calls them.
    pub fn training_needs_receiver(&self) -> &str {
        self.training_needs_receiver
            .as_deref()
            .unwrap_or("CPD leader")
    }

    /// The cycle for a staff group, or the policy's usual cycle when the group is not named.
    pub fn cycle_for(&self, staff_group: &str) -> Option<&CycleOption> {
        self.cycles
            .iter()
            .find(|cycle| cycle.staff_group == staff_group)
            .or_else(|| self.cycles.first())
    }
}
