//! The pre-review form: the reviewee's self-assessment before the meeting (seed 001's
//! "Performance Management Pre-Review Meeting Form"), which the reviewer also keeps privately to
//! prepare.

use serde::{Deserialize, Serialize};

use super::Document;
use crate::domain::ids::Id;

/// Whose form this is: the reviewee's own, shared with the reviewer, or the reviewer's private
/// preparation notes, which never leave the reviewer's device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PreReviewAuthor {
    Reviewee,
    ReviewerPrivate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreReviewForm {
    pub author: PreReviewAuthor,
    pub name: String,
    pub job_title: String,
    /// Key successes and achievements over the last year, against previous objectives.
    pub key_successes: String,
    pub factors_helped: String,
    /// Factors that hindered achievements, with possible solutions.
    pub factors_hindered: String,
    pub training_last_year: String,
    /// School priorities and future key areas, linked to the job role and occupational standards.
    pub school_priorities: String,
    pub further_learning: String,
    pub job_description_amendments: String,
    pub career_goals: String,
    pub objective_ideas: String,
    pub evidence: Vec<EvidenceItem>,
    /// Optional: wellbeing and any support wanted (seed 003).
    pub wellbeing_support: String,
    /// Optional and confidential: disability and reasonable adjustments (seed 001 checklists).
    pub disability_adjustments: String,
}

/// A piece of evidence the reviewee brings, e.g. "Phonics tracking sheets, spring term".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceItem {
    pub id: Id,
    pub description: String,
}

impl Document for PreReviewForm {
    const KIND: &'static str = "pre_review";
    const SCHEMA: u32 = 1;
}

impl PreReviewForm {
    /// An empty form for a person, ready to fill in.
    pub fn blank(author: PreReviewAuthor, name: &str, job_title: &str) -> PreReviewForm {
        PreReviewForm {
            author,
            name: name.into(),
            job_title: job_title.into(),
            key_successes: String::new(),
            factors_helped: String::new(),
            factors_hindered: String::new(),
            training_last_year: String::new(),
            school_priorities: String::new(),
            further_learning: String::new(),
            job_description_amendments: String::new(),
            career_goals: String::new(),
            objective_ideas: String::new(),
            evidence: Vec::new(),
            wellbeing_support: String::new(),
            disability_adjustments: String::new(),
        }
    }
}
