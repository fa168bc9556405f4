//! A support plan for performance below the expected standard (seed 002 8.1, seed 003
//! "Employees Experiencing Difficulties", seed 001 "Addressing Poor Performance", seed 000 6):
//! concerns and their likely causes, targets, support, monitoring, what follows if performance
//! does not improve, and the outcome. Formal capability suspends the appraisal cycle until the procedure ends.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Document, FormField, field};
use crate::domain::calendar::{Period, SchoolCalendar};
use crate::domain::cycle::Suspension;
use crate::domain::ids::Id;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportPlan {
    pub concerns: String,
    /// Seed 003: "establish the likely causes of poor performance including any outside factors".
    #[serde(default)]
    pub likely_causes: String,
    pub previous_discussions: String,
    pub reviewee_comments: String,
    pub targets: Vec<SupportTarget>,
    pub support_agreed: String,
    pub monitored_by: String,
    pub how_monitored: String,
    /// What follows success, and the process if there is no or not enough improvement: seed 001
    /// "the consequences for successful or unsuccessful completion of the plan", seed 002 8.1
    /// "the consequences and process if no, or insufficient, improvement is made", seed 003 "the
    /// implications and process if no, or insufficient, improvement is made".
    #[serde(default)]
    pub consequences: String,
    pub starts_on: Option<NaiveDate>,
    pub review_on: Option<NaiveDate>,
    /// Within the policy's range, e.g. 4–8 working weeks.
    pub monitoring_period: Period,
    /// Granted exceptionally, up to the policy's maximum.
    pub extension: Option<Period>,
    pub outcome: Option<SupportOutcome>,
    /// The day the outcome was decided.
    #[serde(default)]
    pub outcome_on: Option<NaiveDate>,
    /// The day the formal capability procedure ended, which lets the appraisal cycle go on.
    #[serde(default)]
    pub capability_ended_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportTarget {
    pub id: Id,
    pub target: String,
}

/// How a support plan ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupportOutcome {
    Improved,
    ContinueMonitoring,
    /// The formal capability procedure, which suspends the appraisal cycle.
    FormalCapability,
}

impl SupportOutcome {
    pub const ALL: [SupportOutcome; 3] = [
        SupportOutcome::Improved,
        SupportOutcome::ContinueMonitoring,
        SupportOutcome::FormalCapability,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SupportOutcome::Improved => "Performance has improved: the plan ends",
            SupportOutcome::ContinueMonitoring => "Continue monitoring",
            SupportOutcome::FormalCapability => "Move to the formal capability procedure",
        }
    }
}

impl SupportPlan {
    /// A new plan with `period` as its monitoring period (the policy's shortest, or the school's
    /// choice) and nothing written yet.
    pub fn blank(period: Period) -> SupportPlan {
        SupportPlan {
            concerns: String::new(),
            likely_causes: String::new(),
            previous_discussions: String::new(),
            reviewee_comments: String::new(),
            targets: Vec::new(),
            support_agreed: String::new(),
            monitored_by: String::new(),
            how_monitored: String::new(),
            consequences: String::new(),
            starts_on: None,
            review_on: None,
            monitoring_period: period,
            extension: None,
            outcome: None,
            outcome_on: None,
            capability_ended_on: None,
        }
    }

    /// A new plan under `policy`: monitoring for the policy's shortest period, or four weeks
    /// where it sets none (seed 003: "normally be for a period of four weeks"; otherwise the
    /// school's choice, which the reviewer changes on the form).
    pub fn blank_under(policy: &crate::domain::policy::Policy) -> SupportPlan {
        SupportPlan::blank(
            policy
                .support_plan
                .map_or(Period::weeks(4), |rules| rules.shortest),
        )
    }

    /// The last day of monitoring: the period from the start, then any extension; `None` until
    /// the plan has a start date.
    pub fn monitoring_ends(&self, calendar: &SchoolCalendar) -> Option<NaiveDate> {
        let ends = calendar.after(self.starts_on?, self.monitoring_period);
        Some(
            self.extension
                .map_or(ends, |extension| calendar.after(ends, extension)),
        )
    }

    /// The state the plan puts the cycle in: monitored while it runs (or continues), suspended
    /// under formal capability until that ends, nothing once performance has improved.
    pub fn suspension(&self) -> Option<Suspension> {
        match self.outcome {
            None | Some(SupportOutcome::ContinueMonitoring) => Some(Suspension::SupportPlan),
            Some(SupportOutcome::FormalCapability) if self.capability_ended_on.is_none() => {
                Some(Suspension::Capability)
            }
            Some(_) => None,
        }
    }

    /// The plan's text fields as the form shows them, in order.
    pub const TEXT_FIELDS: [FormField; 8] = [
        field(
            "concerns",
            "Concerns",
            "The aspects of performance below the expected standard, with examples.",
            false,
        ),
        field(
            "likely_causes",
            "Likely causes",
            "What you both think lies behind the concerns, including anything outside work.",
            true,
        ),
        field(
            "previous_discussions",
            "Previous discussions and support",
            "When the concerns were raised before, and the support already given.",
            true,
        ),
        field(
            "support_agreed",
            "Support agreed",
            "Training, coaching, resources or changes the school will provide.",
            false,
        ),
        field(
            "monitored_by",
            "Monitored by",
            "Who monitors progress against the targets.",
            false,
        ),
        field(
            "how_monitored",
            "How progress is monitored",
            "Observations, work scrutiny, regular meetings: what, and how often.",
            false,
        ),
        field(
            "consequences",
            "If performance does not improve",
            "What happens when the plan succeeds, and the process if there is no, or not enough, improvement, as explained to the reviewee.",
            false,
        ),
        field(
            "reviewee_comments",
            "Comments from the reviewee",
            "Your response to the concerns and the plan.",
            true,
        ),
    ];
}

impl Document for SupportPlan {
    const KIND: &'static str = "support_plan";
    const SCHEMA: u32 = 1;
}
