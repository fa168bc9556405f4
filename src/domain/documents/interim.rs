//! Interim reviews (mid-year or termly, seed 000 4.10, 001, 002 5.6, 003): progress on each
//! objective in both people's words, objectives revised or set for the coming term (seed 000's
//! termly team objectives), the wellbeing conversation seed 003 asks for, and an optional review
//! marked as not held. Revised objectives are agreed by both people signing the review, as the
//! statement is. All of a review's interim reviews are one document, an item each.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Document, FormField, NewObjective, field};
use crate::domain::ids::Id;

/// Every interim review of one review's cycle, in the order they were held.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterimReviewLog {
    pub items: Vec<InterimReview>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterimReview {
    pub id: Id,
    pub date: NaiveDate,
    /// An optional review (seed 001's mid-year one) both chose not to hold: recorded so its due
    /// date is settled, never overdue.
    #[serde(default)]
    pub not_held: bool,
    /// One entry for each objective in force when the review was started.
    pub progress: Vec<ObjectiveProgress>,
    /// Objectives changed or added, for the rest of the cycle or the coming term.
    pub revised_objectives: Vec<NewObjective>,
    /// The wellbeing conversation (seed 003: "discuss their wellbeing"), as the reviewer notes it.
    #[serde(default)]
    pub wellbeing: String,
    /// What else was discussed and agreed.
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub reviewee_comments: String,
}

/// Progress on one objective; `id` is the objective's id, `objective` its words when the
/// interim review began.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectiveProgress {
    pub id: Id,
    pub objective: String,
    pub reviewer_comment: String,
    pub reviewee_comment: String,
}

impl InterimReview {
    /// A new interim review on `date`, with a progress entry for each of `objectives`.
    pub fn started(id: Id, date: NaiveDate, objectives: &[NewObjective]) -> InterimReview {
        InterimReview {
            id,
            date,
            not_held: false,
            progress: objectives
                .iter()
                .map(|objective| ObjectiveProgress {
                    id: objective.id.clone(),
                    objective: objective.objective.clone(),
                    reviewer_comment: String::new(),
                    reviewee_comment: String::new(),
                })
                .collect(),
            revised_objectives: Vec::new(),
            wellbeing: String::new(),
            notes: String::new(),
            reviewee_comments: String::new(),
        }
    }

    /// The review's text fields as the form shows them.
    pub const TEXT_FIELDS: [FormField; 3] = [
        field(
            "wellbeing",
            "Wellbeing",
            "How the reviewee is, and any support agreed. Write only what they are content to have recorded.",
            true,
        ),
        field("notes", "Other points discussed and agreed", "", true),
        field(
            "reviewee_comments",
            "Comments from the reviewee",
            "Your own view of the review.",
            true,
        ),
    ];
}

impl Document for InterimReviewLog {
    const KIND: &'static str = "interim_reviews";
    const SCHEMA: u32 = 1;
}
