//! The policy editor's form: every figure of a [`Policy`] as a form holds it (text as typed,
//! ticks and choices), and reading it back into a policy with every problem tied to the field it
//! is about, in a sentence that names the field and says what to do.

use std::fmt;

use super::calendar::{Period, PeriodUnit};
use super::policy::{
    AfterRetention, AppealRoute, CycleOption, DayOfYear, Deadlines, Exclusion, InterimReviews,
    Policy, PolicyProblem, ReviewLimit, SupportPlanRules,
};
use super::presets;
use super::provenance::Figure;
use super::school::MOST_OBJECTIVES;

/// The ids of the form's fields that a problem can be about, so the error summary links to them.
pub mod field {
    pub const NAME: &str = "policy-name";
    pub const VERSION: &str = "policy-version";
    pub const SUMMARY: &str = "policy-summary";
    pub const SOURCE: &str = "policy-source";
    /// The button that adds a cycle: where a policy with no cycle (or too many) is pointed.
    pub const ADD_CYCLE: &str = "policy-add-cycle";
    pub const MAX_OBJECTIVES: &str = "policy-max-objectives";
    pub const OBJECTIVES_DETERMINED: &str = "policy-objectives-determined";
    pub const PAY_RECOMMENDED_BY: &str = "policy-pay-recommended-by";
    pub const MAX_OBSERVATIONS: &str = "policy-max-observations";
    pub const REVIEW_LIMIT: &str = "policy-review-limit";
    pub const TRAINING_BY: &str = "policy-training-by";
    pub const TRAINING_RECEIVER: &str = "policy-training-receiver";
    pub const RETENTION_YEARS: &str = "policy-retention-years";
}

/// The most cycles the form holds: each needs field ids of its own for the error summary.
pub const MOST_CYCLES: usize = 6;

/// The ids of one cycle's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CycleFields {
    pub group: &'static str,
    pub start: &'static str,
    pub length: &'static str,
    pub pay: &'static str,
}

macro_rules! cycle_fields {
    ($($n:literal),*) => {[$(CycleFields {
        group: concat!("policy-cycle-", $n, "-group"),
        start: concat!("policy-cycle-", $n, "-start"),
        length: concat!("policy-cycle-", $n, "-length"),
        pay: concat!("policy-cycle-", $n, "-pay"),
    }),*]};
}

/// The fields of the first, second, … cycle.
pub const CYCLE_FIELDS: [CycleFields; MOST_CYCLES] = cycle_fields!(1, 2, 3, 4, 5, 6);

/// The units a period may be counted in, in the order the form offers them.
pub const UNITS: [PeriodUnit; 5] = [
    PeriodUnit::WorkingDays,
    PeriodUnit::CalendarDays,
    PeriodUnit::Weeks,
    PeriodUnit::WorkingWeeks,
    PeriodUnit::Hours,
];

/// A unit in words, as the form offers it and its sentences say it.
pub fn unit_name(unit: PeriodUnit) -> &'static str {
    match unit {
        PeriodUnit::WorkingDays => "working days",
        PeriodUnit::CalendarDays => "days",
        PeriodUnit::Weeks => "weeks",
        PeriodUnit::WorkingWeeks => "working weeks",
        PeriodUnit::Hours => "hours",
    }
}

/// The most of a unit a period may be: about a year, or a week of hours (longer times are
/// counted in days).
fn most_of(unit: PeriodUnit) -> u32 {
    match unit {
        PeriodUnit::CalendarDays => 365,
        PeriodUnit::WorkingDays => 260,
        PeriodUnit::Weeks | PeriodUnit::WorkingWeeks => 52,
        PeriodUnit::Hours => 168,
    }
}

/// The most observations and reviews per reviewer a school may set as a limit, and the most
/// years it may keep records: beyond these a figure is a slip of the keyboard.
const MOST_OBSERVATIONS: u32 = 20;
const MOST_REVIEWS: u32 = 50;
const MOST_YEARS: u32 = 50;
const MOST_MONTHS: u32 = 24;

/// Each period the policy sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodField {
    Notice,
    Statement,
    Reply,
    RecordWithin,
    Headteacher,
    Feedback,
    PlanShortest,
    PlanLongest,
    PlanExtension,
    AppealWithin,
    AppealDecidedWithin,
}

impl PeriodField {
    /// The period's name, as the form heads it and its sentences say it.
    pub fn label(self) -> &'static str {
        match self {
            PeriodField::Notice => Figure::NoticeBeforeMeeting.label(),
            PeriodField::Statement => Figure::StatementAfterMeeting.label(),
            PeriodField::Reply => Figure::ReplyAfterStatement.label(),
            PeriodField::RecordWithin => "Whole record completed within",
            PeriodField::Headteacher => Figure::HeadteacherAfterMeeting.label(),
            PeriodField::Feedback => Figure::ObservationFeedback.label(),
            PeriodField::PlanShortest => "Shortest monitoring period",
            PeriodField::PlanLongest => "Longest monitoring period",
            PeriodField::PlanExtension => "Longest extension",
            PeriodField::AppealWithin => "Time limit for an appeal",
            PeriodField::AppealDecidedWithin => "Time limit for deciding an appeal",
        }
    }

    /// The id of the box its number is typed in.
    pub fn amount_id(self) -> &'static str {
        match self {
            PeriodField::Notice => "policy-notice-amount",
            PeriodField::Statement => "policy-statement-amount",
            PeriodField::Reply => "policy-reply-amount",
            PeriodField::RecordWithin => "policy-record-within-amount",
            PeriodField::Headteacher => "policy-headteacher-amount",
            PeriodField::Feedback => "policy-feedback-amount",
            PeriodField::PlanShortest => "policy-plan-shortest-amount",
            PeriodField::PlanLongest => "policy-plan-longest-amount",
            PeriodField::PlanExtension => "policy-plan-extension-amount",
            PeriodField::AppealWithin => "policy-appeal-within-amount",
            PeriodField::AppealDecidedWithin => "policy-appeal-decided-amount",
        }
    }

    /// The id of the choice of unit.
    pub fn unit_id(self) -> &'static str {
        match self {
            PeriodField::Notice => "policy-notice-unit",
            PeriodField::Statement => "policy-statement-unit",
            PeriodField::Reply => "policy-reply-unit",
            PeriodField::RecordWithin => "policy-record-within-unit",
            PeriodField::Headteacher => "policy-headteacher-unit",
            PeriodField::Feedback => "policy-feedback-unit",
            PeriodField::PlanShortest => "policy-plan-shortest-unit",
            PeriodField::PlanLongest => "policy-plan-longest-unit",
            PeriodField::PlanExtension => "policy-plan-extension-unit",
            PeriodField::AppealWithin => "policy-appeal-within-unit",
            PeriodField::AppealDecidedWithin => "policy-appeal-decided-unit",
        }
    }

    /// Whether a blank number means the policy sets no such time.
    pub fn optional(self) -> bool {
        matches!(
            self,
            PeriodField::RecordWithin
                | PeriodField::AppealWithin
                | PeriodField::AppealDecidedWithin
        )
    }
}

/// A period as typed: the number as text and the unit chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodForm {
    pub amount: String,
    pub unit: PeriodUnit,
}

impl PeriodForm {
    fn of(period: Period) -> PeriodForm {
        PeriodForm {
            amount: period.amount.to_string(),
            unit: period.unit,
        }
    }

    /// A period the policy may leave out: blank, in `unit`, when it does.
    fn of_optional(period: Option<Period>, unit: PeriodUnit) -> PeriodForm {
        period.map_or(
            PeriodForm {
                amount: String::new(),
                unit,
            },
            PeriodForm::of,
        )
    }
}

/// One cycle as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CycleForm {
    pub staff_group: String,
    /// The month number as text (1 = January), as the form's choice of month holds it.
    pub start_month: String,
    pub length_months: String,
    /// dd/mm, or blank where pay is not decided after the cycle.
    pub pay_decision_by: String,
}

/// Every field of a policy as the editor holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyForm {
    pub name: String,
    pub version: String,
    pub summary: String,
    pub source: String,
    pub cycles: Vec<CycleForm>,
    pub interim_reviews: InterimReviews,
    pub interim_optional: bool,
    pub notice: PeriodForm,
    pub statement: PeriodForm,
    pub reply: PeriodForm,
    /// Blank where the policy sets no time for the whole record.
    pub record_within: PeriodForm,
    pub headteacher: PeriodForm,
    pub feedback: PeriodForm,
    pub max_objectives: String,
    /// Whether signing is refused above the limit, rather than warned.
    pub objectives_limit_firm: bool,
    /// Who determines objectives that cannot be agreed; blank where the policy names nobody.
    pub objectives_determined_by: String,
    /// Blank for no limit.
    pub max_observations: String,
    /// Whether the policy says how long a support plan's monitoring runs.
    pub support_plan: bool,
    pub plan_shortest: PeriodForm,
    pub plan_longest: PeriodForm,
    pub plan_extension: PeriodForm,
    pub pay_progression: bool,
    /// Blank where the reviewer recommends pay on the statement.
    pub pay_recommended_by: String,
    pub honorarium: bool,
    pub ten_standards_apply: bool,
    /// Blank for no limit.
    pub review_limit: String,
    pub senior_leaders_exempt: bool,
    pub senior_reviewers: bool,
    pub retention_years: String,
    pub after_retention: AfterRetention,
    pub appeals: AppealRoute,
    /// Blank for no time limit.
    pub appeal_within: PeriodForm,
    pub appeal_decided_within: PeriodForm,
    /// dd/mm, or blank for when the statement is agreed.
    pub training_needs_by: String,
    /// Blank for the CPD leader.
    pub training_needs_receiver: String,
    /// Every kind of staff a policy may leave out, ticked or not: the policy's own first, in its
    /// order, so that reading the form back keeps that order.
    pub exclusions: Vec<(Exclusion, bool)>,
}

/// Who receives the training needs when the policy names nobody else.
const CPD_LEADER: &str = "CPD leader";

fn day_of_year(day: Option<DayOfYear>) -> String {
    day.map_or_else(String::new, |day| {
        format!("{:02}/{:02}", day.day, day.month)
    })
}

fn optional_number(number: Option<u32>) -> String {
    number.map_or_else(String::new, |n| n.to_string())
}

impl PolicyForm {
    /// The form showing `policy`.
    pub fn from_policy(policy: &Policy) -> PolicyForm {
        let deadlines = policy.deadlines;
        let plan = policy.support_plan;
        let plan_period = |pick: fn(SupportPlanRules) -> Period, unit| {
            PeriodForm::of_optional(plan.map(pick), unit)
        };
        let others = Exclusion::ALL
            .into_iter()
            .filter(|kind| !policy.exclusions.contains(kind));
        PolicyForm {
            name: policy.name.clone(),
            version: policy.version.clone(),
            summary: policy.summary.clone(),
            source: policy.source.clone(),
            cycles: policy
                .cycles
                .iter()
                .map(|cycle| CycleForm {
                    staff_group: cycle.staff_group.clone(),
                    start_month: cycle.start_month.to_string(),
                    length_months: cycle.length_months.to_string(),
                    pay_decision_by: day_of_year(cycle.pay_decision_by),
                })
                .collect(),
            interim_reviews: policy.interim_reviews,
            interim_optional: policy.interim_optional,
            notice: PeriodForm::of(deadlines.notice_before_meeting),
            statement: PeriodForm::of(deadlines.statement_after_meeting),
            reply: PeriodForm::of(deadlines.reply_after_statement),
            record_within: PeriodForm::of_optional(deadlines.record_within, PeriodUnit::Weeks),
            headteacher: PeriodForm::of(deadlines.headteacher_after_meeting),
            feedback: PeriodForm::of(deadlines.observation_feedback),
            max_objectives: policy.max_objectives.to_string(),
            objectives_limit_firm: policy.objectives_limit_firm,
            objectives_determined_by: policy.objectives_determined_by.clone().unwrap_or_default(),
            max_observations: optional_number(policy.max_observations),
            support_plan: plan.is_some(),
            plan_shortest: plan_period(|rules| rules.shortest, PeriodUnit::WorkingWeeks),
            plan_longest: plan_period(|rules| rules.longest, PeriodUnit::WorkingWeeks),
            plan_extension: plan_period(|rules| rules.longest_extension, PeriodUnit::Weeks),
            pay_progression: policy.pay_progression,
            pay_recommended_by: policy.pay_recommended_by.clone().unwrap_or_default(),
            honorarium: policy.honorarium,
            ten_standards_apply: policy.ten_standards_apply,
            review_limit: optional_number(policy.review_limit.map(|limit| limit.max_reviews)),
            senior_leaders_exempt: policy
                .review_limit
                .is_some_and(|limit| limit.senior_leaders_exempt),
            senior_reviewers: policy.senior_reviewers,
            retention_years: policy.retention_years.to_string(),
            after_retention: policy.after_retention,
            appeals: policy.appeals,
            appeal_within: PeriodForm::of_optional(policy.appeal_within, PeriodUnit::WorkingDays),
            appeal_decided_within: PeriodForm::of_optional(
                policy.appeal_decided_within,
                PeriodUnit::WorkingDays,
            ),
            training_needs_by: day_of_year(policy.training_needs_by),
            training_needs_receiver: policy.training_needs_receiver.clone().unwrap_or_default(),
            exclusions: policy
                .exclusions
                .iter()
                .map(|kind| (*kind, true))
                .chain(others.map(|kind| (kind, false)))
                .collect(),
        }
    }

    pub fn period(&self, which: PeriodField) -> &PeriodForm {
        match which {
            PeriodField::Notice => &self.notice,
            PeriodField::Statement => &self.statement,
            PeriodField::Reply => &self.reply,
            PeriodField::RecordWithin => &self.record_within,
            PeriodField::Headteacher => &self.headteacher,
            PeriodField::Feedback => &self.feedback,
            PeriodField::PlanShortest => &self.plan_shortest,
            PeriodField::PlanLongest => &self.plan_longest,
            PeriodField::PlanExtension => &self.plan_extension,
            PeriodField::AppealWithin => &self.appeal_within,
            PeriodField::AppealDecidedWithin => &self.appeal_decided_within,
        }
    }

    pub fn period_mut(&mut self, which: PeriodField) -> &mut PeriodForm {
        match which {
            PeriodField::Notice => &mut self.notice,
            PeriodField::Statement => &mut self.statement,
            PeriodField::Reply => &mut self.reply,
            PeriodField::RecordWithin => &mut self.record_within,
            PeriodField::Headteacher => &mut self.headteacher,
            PeriodField::Feedback => &mut self.feedback,
            PeriodField::PlanShortest => &mut self.plan_shortest,
            PeriodField::PlanLongest => &mut self.plan_longest,
            PeriodField::PlanExtension => &mut self.plan_extension,
            PeriodField::AppealWithin => &mut self.appeal_within,
            PeriodField::AppealDecidedWithin => &mut self.appeal_decided_within,
        }
    }

    /// Adds a cycle of the usual length, September to August, for the person to name.
    pub fn add_cycle(&mut self) {
        self.cycles.push(CycleForm {
            staff_group: String::new(),
            start_month: "9".into(),
            length_months: "12".into(),
            pay_decision_by: String::new(),
        });
    }

    /// Whether the policy leaves out this kind of staff.
    pub fn leaves_out(&self, kind: Exclusion) -> bool {
        self.exclusions.contains(&(kind, true))
    }

    pub fn set_leaves_out(&mut self, kind: Exclusion, ticked: bool) {
        for (held, tick) in &mut self.exclusions {
            if *held == kind {
                *tick = ticked;
            }
        }
    }

    /// The policy the form holds, filed under the preset `key` it started from, or every
    /// problem with it; a version is not asked for (see [`PolicyForm::to_policy`]).
    pub fn read(&self, key: &str) -> Result<Policy, Vec<PolicyFormProblem>> {
        self.reading(key, false)
    }

    /// The policy to save: as [`PolicyForm::read`], and a school's own edit (anything that
    /// differs from the preset as shipped) must say which version it is, so staff can tell
    /// which policy a file was made under.
    pub fn to_policy(&self, key: &str) -> Result<Policy, Vec<PolicyFormProblem>> {
        self.reading(key, true)
    }

    /// The policy, or every problem in the order of the page. Each figure that cannot be read
    /// counts as 0 (or none) while the policy's own rules are checked, and a rule it breaks is
    /// not said again.
    fn reading(&self, key: &str, saving: bool) -> Result<Policy, Vec<PolicyFormProblem>> {
        let mut read = Reading::default();
        let name = read.text(field::NAME, &self.name);
        let version = read.text(field::VERSION, &self.version);
        let summary = read.text(field::SUMMARY, &self.summary);
        let source = read.text(field::SOURCE, &self.source);
        let cycles = self.read_cycles(&mut read);
        let mut period = |which| self.read_period(&mut read, which).unwrap_or(ZERO_DAYS);
        let notice_before_meeting = period(PeriodField::Notice);
        let statement_after_meeting = period(PeriodField::Statement);
        let reply_after_statement = period(PeriodField::Reply);
        let record_within = self.read_period(&mut read, PeriodField::RecordWithin);
        let headteacher_after_meeting = self
            .read_period(&mut read, PeriodField::Headteacher)
            .unwrap_or(ZERO_DAYS);
        let max_objectives = read
            .whole(
                field::MAX_OBJECTIVES,
                &self.max_objectives,
                MOST_OBJECTIVES,
                || {
                    format!(
                        "{}: enter a whole number from 1 to {MOST_OBJECTIVES}.",
                        Figure::MaxObjectives.label()
                    )
                },
            )
            .unwrap_or(0);
        let max_observations = read.limit(
            field::MAX_OBSERVATIONS,
            &self.max_observations,
            MOST_OBSERVATIONS,
            Figure::MaxObservations.label(),
        );
        let deadlines = Deadlines {
            notice_before_meeting,
            statement_after_meeting,
            reply_after_statement,
            record_within,
            headteacher_after_meeting,
            observation_feedback: self
                .read_period(&mut read, PeriodField::Feedback)
                .unwrap_or(ZERO_DAYS),
        };
        let support_plan = self.support_plan.then(|| {
            let mut period = |which| self.read_period(&mut read, which).unwrap_or(ZERO_DAYS);
            SupportPlanRules {
                shortest: period(PeriodField::PlanShortest),
                longest: period(PeriodField::PlanLongest),
                longest_extension: period(PeriodField::PlanExtension),
            }
        });
        let review_limit = read
            .limit(
                field::REVIEW_LIMIT,
                &self.review_limit,
                MOST_REVIEWS,
                Figure::ReviewLimit.label(),
            )
            .map(|max_reviews| ReviewLimit {
                max_reviews,
                senior_leaders_exempt: self.senior_leaders_exempt,
            });
        let (appeal_within, appeal_decided_within) = if self.appeals.allows_statement_appeal() {
            (
                self.read_period(&mut read, PeriodField::AppealWithin),
                self.read_period(&mut read, PeriodField::AppealDecidedWithin),
            )
        } else {
            (None, None)
        };
        let training_needs_by = read.day_of_year(field::TRAINING_BY, &self.training_needs_by, || {
            "Training needs due by: enter a day and month, for example 31/10, or leave it blank if they go when the statement is agreed.".to_owned()
        });
        let receiver = read.text(field::TRAINING_RECEIVER, &self.training_needs_receiver);
        let determined_by = read.text(field::OBJECTIVES_DETERMINED, &self.objectives_determined_by);
        let pay_recommended_by = read.text(field::PAY_RECOMMENDED_BY, &self.pay_recommended_by);
        let retention_years = read
            .whole(
                field::RETENTION_YEARS,
                &self.retention_years,
                MOST_YEARS,
                || format!("Years records are kept: enter a whole number from 1 to {MOST_YEARS}."),
            )
            .unwrap_or(0);
        let policy = Policy {
            key: key.to_owned(),
            name,
            version,
            summary,
            source,
            cycles,
            interim_reviews: self.interim_reviews,
            interim_optional: self.interim_optional && self.interim_reviews != InterimReviews::None,
            deadlines,
            max_objectives,
            objectives_limit_firm: self.objectives_limit_firm,
            max_observations,
            support_plan,
            pay_progression: self.pay_progression,
            // Who recommends, and an honorarium, mean nothing where pay is not linked.
            pay_recommended_by: Some(pay_recommended_by)
                .filter(|who| self.pay_progression && !who.is_empty()),
            honorarium: self.pay_progression && self.honorarium,
            ten_standards_apply: self.ten_standards_apply,
            review_limit,
            senior_reviewers: self.senior_reviewers,
            retention_years,
            after_retention: self.after_retention,
            appeals: self.appeals,
            appeal_within,
            appeal_decided_within,
            training_needs_by,
            training_needs_receiver: Some(receiver)
                .filter(|named| !named.is_empty() && !named.eq_ignore_ascii_case(CPD_LEADER)),
            objectives_determined_by: Some(determined_by).filter(|who| !who.is_empty()),
            exclusions: self
                .exclusions
                .iter()
                .filter(|(_, ticked)| *ticked)
                .map(|(kind, _)| *kind)
                .collect(),
        };
        for problem in policy.problems() {
            let (at, also) = fields_of(&problem, &policy.cycles);
            if !read.has_problem(at) && also.is_none_or(|other| !read.has_problem(other)) {
                read.problem(at, problem.to_string());
            }
        }
        if saving && policy.version.is_empty() && !is_preset_as_shipped(&policy) {
            read.problem(field::VERSION, "Enter a version, for example “2026, adopted 14/09/2026”, so staff can tell which policy a file was made under.".to_owned());
        }
        if read.problems.is_empty() {
            Ok(policy)
        } else {
            Err(read.problems)
        }
    }

    fn read_cycles(&self, read: &mut Reading) -> Vec<CycleOption> {
        if self.cycles.len() > MOST_CYCLES {
            read.problem(
                field::ADD_CYCLE,
                format!("A policy runs at most {MOST_CYCLES} cycles: remove one."),
            );
        }
        let mut cycles: Vec<CycleOption> = Vec::new();
        for (n, (cycle, ids)) in self.cycles.iter().zip(CYCLE_FIELDS).enumerate() {
            let n = n + 1;
            let staff_group = read.text(ids.group, &cycle.staff_group);
            let who = if staff_group.is_empty() {
                read.problem(
                    ids.group,
                    format!(
                        "Cycle {n}: enter the staff group it is for, for example “Support staff”."
                    ),
                );
                format!("staff group {n}")
            } else {
                if let Some(m) = cycles.iter().position(|c| c.staff_group == staff_group) {
                    read.problem(
                        ids.group,
                        format!(
                            "Cycle {n} is for {staff_group}, like cycle {}: give each cycle its own staff group.",
                            m + 1
                        ),
                    );
                }
                staff_group
            };
            let start_month = read
                .whole(ids.start, &cycle.start_month, 12, || {
                    format!("Start of the cycle for {who}: choose the month it starts in.")
                })
                .unwrap_or(0);
            let length_months = read
                .whole(ids.length, &cycle.length_months, MOST_MONTHS, || {
                    format!("Length of the cycle for {who}: enter a whole number of months from 1 to {MOST_MONTHS}, usually 12.")
                })
                .unwrap_or(0);
            let pay_decision_by = read.day_of_year(ids.pay, &cycle.pay_decision_by, || {
                format!("Pay decisions for {who}: enter a day and month, for example 31/10, or leave it blank if pay is not decided after this cycle.")
            });
            cycles.push(CycleOption {
                staff_group: who,
                start_month,
                length_months,
                pay_decision_by,
            });
        }
        read.seen(field::ADD_CYCLE);
        cycles
    }

    /// The period `which`, or `None` where it is left blank (if it may be) or cannot be read.
    fn read_period(&self, read: &mut Reading, which: PeriodField) -> Option<Period> {
        let typed = self.period(which);
        if which.optional() && typed.amount.trim().is_empty() {
            read.seen(which.amount_id());
            return None;
        }
        let most = most_of(typed.unit);
        let blank = if which.optional() {
            ", or leave it blank for no limit"
        } else {
            ""
        };
        read.whole(which.amount_id(), &typed.amount, most, || {
            format!(
                "{}: enter a whole number of {} from 0 to {most}{blank}.",
                which.label(),
                unit_name(typed.unit)
            )
        })
        .map(|amount| Period {
            amount,
            unit: typed.unit,
        })
    }
}

/// What an unreadable period counts as while the rest of the policy is checked.
const ZERO_DAYS: Period = Period::calendar_days(0);

/// Whether `policy` is the preset of its key exactly as shipped (which needs no version).
fn is_preset_as_shipped(policy: &Policy) -> bool {
    presets::preset(&policy.key).is_some_and(|preset| preset == *policy)
}

/// The field a policy's problem is about, and the other field it compares with, if any.
fn fields_of(
    problem: &PolicyProblem,
    cycles: &[CycleOption],
) -> (&'static str, Option<&'static str>) {
    let cycle = |matches: &dyn Fn(&CycleOption) -> bool| {
        cycles
            .iter()
            .position(matches)
            .and_then(|n| CYCLE_FIELDS.get(n))
            .copied()
    };
    let field = match problem {
        PolicyProblem::NoName => field::NAME,
        PolicyProblem::NoCycle => field::ADD_CYCLE,
        PolicyProblem::StartMonthOutOfRange { staff_group, month } => {
            cycle(&|c| c.staff_group == *staff_group && c.start_month == *month)
                .map_or(field::ADD_CYCLE, |ids| ids.start)
        }
        PolicyProblem::CycleLengthOutOfRange {
            staff_group,
            months,
        } => cycle(&|c| c.staff_group == *staff_group && c.length_months == *months)
            .map_or(field::ADD_CYCLE, |ids| ids.length),
        PolicyProblem::NoSuchPayDate { staff_group } => {
            cycle(&|c| c.staff_group == *staff_group && c.pay_decision_by.is_some())
                .map_or(field::ADD_CYCLE, |ids| ids.pay)
        }
        PolicyProblem::NoSuchTrainingNeedsDate => field::TRAINING_BY,
        PolicyProblem::RecordWithinShorterThanStatement { .. } => {
            return (
                PeriodField::RecordWithin.amount_id(),
                Some(PeriodField::Statement.amount_id()),
            );
        }
        PolicyProblem::NoObjectivesAllowed => field::MAX_OBJECTIVES,
        PolicyProblem::SupportPlanShortestAfterLongest => {
            return (
                PeriodField::PlanShortest.amount_id(),
                Some(PeriodField::PlanLongest.amount_id()),
            );
        }
        PolicyProblem::NoRetention => field::RETENTION_YEARS,
    };
    (field, None)
}

/// Something wrong with the form: the field it is about, and a sentence naming the field and
/// what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyFormProblem {
    pub field: &'static str,
    sentence: String,
}

impl fmt::Display for PolicyFormProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.sentence)
    }
}

/// Reading the form field by field: the problems found, in the order of the page, and the fields
/// in the order they were read (the order of the page).
#[derive(Default)]
struct Reading {
    problems: Vec<PolicyFormProblem>,
    order: Vec<&'static str>,
}

impl Reading {
    fn seen(&mut self, field: &'static str) {
        if !self.order.contains(&field) {
            self.order.push(field);
        }
    }

    /// A problem with `field`, listed after those with fields above it on the page (the
    /// policy's own checks come after every field is read).
    fn problem(&mut self, field: &'static str, sentence: String) {
        self.seen(field);
        let place = |field: &'static str| self.order.iter().position(|seen| *seen == field);
        let at = self
            .problems
            .iter()
            .position(|listed| place(listed.field) > place(field))
            .unwrap_or(self.problems.len());
        self.problems
            .insert(at, PolicyFormProblem { field, sentence });
    }

    fn has_problem(&self, field: &'static str) -> bool {
        self.problems.iter().any(|problem| problem.field == field)
    }

    fn text(&mut self, field: &'static str, typed: &str) -> String {
        self.seen(field);
        typed.trim().to_owned()
    }

    /// A whole number up to `most`, or the problem `sentence` says.
    fn whole(
        &mut self,
        field: &'static str,
        typed: &str,
        most: u32,
        sentence: impl FnOnce() -> String,
    ) -> Option<u32> {
        self.seen(field);
        let number = typed
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|number| *number <= most);
        if number.is_none() {
            self.problem(field, sentence());
        }
        number
    }

    /// A limit from 1 to `most`, or none where it is left blank.
    fn limit(&mut self, field: &'static str, typed: &str, most: u32, label: &str) -> Option<u32> {
        self.seen(field);
        if typed.trim().is_empty() {
            return None;
        }
        let sentence = || {
            format!(
                "{label}: enter a whole number from 1 to {most}, or leave it blank for no limit."
            )
        };
        match self.whole(field, typed, most, sentence) {
            Some(0) => {
                self.problem(field, sentence());
                None
            }
            number => number,
        }
    }

    /// A day and month typed as dd/mm, or none where it is left blank. Whether it is a real
    /// day is the policy's own check.
    fn day_of_year(
        &mut self,
        field: &'static str,
        typed: &str,
        sentence: impl FnOnce() -> String,
    ) -> Option<DayOfYear> {
        self.seen(field);
        let typed = typed.trim();
        if typed.is_empty() {
            return None;
        }
        let number = |part: &str| {
            let part = part.trim();
            (!part.is_empty() && part.len() <= 2 && part.chars().all(|c| c.is_ascii_digit()))
                .then(|| part.parse::<u32>().ok())
                .flatten()
        };
        let parts: Vec<&str> = typed.split(['/', '-', '.']).collect();
        let day = match parts.as_slice() {
            [day, month] => number(day)
                .zip(number(month))
                .map(|(day, month)| DayOfYear { day, month }),
            _ => None,
        };
        if day.is_none() {
            self.problem(field, sentence());
        }
        day
    }
}
