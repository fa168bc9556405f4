//! An interim review (mid-year or termly): progress on each objective, and objectives revised
//! where circumstances changed, which both parties must agree.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Document, NewObjective};
use crate::domain::ids::Id;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterimReview {
    pub id: Id,
    pub date: NaiveDate,
    pub progress: Vec<ObjectiveProgress>,
    pub revised_objectives: Vec<NewObjective>,
    /// Objectives may be revised in year only with both parties' agreement (seed 001, 002 5.6).
    pub revisions_agreed_by_both: bool,
}

/// Progress on one objective; `id` is the objective's id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectiveProgress {
    pub id: Id,
    pub comment: String,
}

impl Document for InterimReview {
    const KIND: &'static str = "interim_review";
    const SCHEMA: u32 = 1;
}
