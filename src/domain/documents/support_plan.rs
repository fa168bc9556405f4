//! A support plan for performance below the expected standard (seed 002 8.1, seed 003
//! "Employees Experiencing Difficulties", seed 000 6): concerns, targets, support, monitoring
//! and the outcome. Formal capability suspends the appraisal cycle.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Document;
use crate::domain::calendar::Period;
use crate::domain::ids::Id;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportPlan {
    pub concerns: String,
    pub previous_discussions: String,
    pub reviewee_comments: String,
    pub targets: Vec<SupportTarget>,
    pub support_agreed: String,
    pub monitored_by: String,
    pub how_monitored: String,
    pub starts_on: Option<NaiveDate>,
    pub review_on: Option<NaiveDate>,
    /// Within the policy's range, e.g. 4–8 working weeks.
    pub monitoring_period: Period,
    /// Granted exceptionally, up to the policy's maximum.
    pub extension: Option<Period>,
    pub outcome: Option<SupportOutcome>,
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

impl Document for SupportPlan {
    const KIND: &'static str = "support_plan";
    const SCHEMA: u32 = 1;
}
