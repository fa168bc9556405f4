//! The planning and review statement: the record of the meeting, with ratings of last year's
//! objectives, the assessment, new objectives, pay recommendation and the reviewee's comments
//! (seed 001's "Planning and Review Statement", seed 004's Annex 3, seed 002 7.3).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Document, FormField, field};
use crate::domain::ids::Id;
use crate::domain::standards::StandardAssessment;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub meeting_date: Option<NaiveDate>,
    /// The date agreed at the meeting for the next review of progress ("the timing of the next
    /// review will be agreed", seed 000 4.7); left out of a statement that has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_review_on: Option<NaiveDate>,
    pub previous_objectives: Vec<PreviousObjective>,
    /// Assessment against the job role and the standards that apply.
    pub assessment: String,
    /// One entry per standard where the policy uses the 10 standards; empty otherwise.
    pub standards: Vec<StandardAssessment>,
    pub factors_helped: String,
    pub factors_hindered: String,
    /// Training and development received, and its impact.
    pub training_received: String,
    pub job_description_comments: String,
    pub career_goals: String,
    pub reviewer_comments: String,
    /// Only where the policy links to pay and the reviewee is eligible.
    pub pay_recommendation: Option<PayRecommendation>,
    pub pay_rationale: String,
    pub new_objectives: Vec<NewObjective>,
    /// The objectives could not be agreed, so whoever the policy names determined them; left out
    /// while they were agreed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub objectives_determined: bool,
    pub reviewee_comments: String,
}

/// Last cycle's objective, with the rating agreed at the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviousObjective {
    pub id: Id,
    pub objective: String,
    pub rating: Option<ProgressRating>,
    /// Comment on progress; where not achieved, the reasons (seed 003).
    pub comment: String,
}

/// How far an objective was achieved. No seed fixes a scale; these follow their wording
/// ("partially achieved", seed 000 5.2; "does not achieve", seed 003; revised in year, seed 002 5.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgressRating {
    Achieved,
    PartiallyAchieved,
    NotAchieved,
    RevisedOrWithdrawn,
}

impl ProgressRating {
    pub const ALL: [ProgressRating; 4] = [
        ProgressRating::Achieved,
        ProgressRating::PartiallyAchieved,
        ProgressRating::NotAchieved,
        ProgressRating::RevisedOrWithdrawn,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ProgressRating::Achieved => "Achieved",
            ProgressRating::PartiallyAchieved => "Partially achieved or good progress",
            ProgressRating::NotAchieved => "Not achieved",
            ProgressRating::RevisedOrWithdrawn => "Revised or withdrawn during the year",
        }
    }
}

/// The reviewer's pay-progression recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PayRecommendation {
    Progress,
    DoNotProgress,
    /// An honorarium where performance exceeds what could reasonably be expected (seed 003).
    Honorarium,
}

impl PayRecommendation {
    pub const ALL: [PayRecommendation; 3] = [
        PayRecommendation::Progress,
        PayRecommendation::DoNotProgress,
        PayRecommendation::Honorarium,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PayRecommendation::Progress => "Recommend pay progression",
            PayRecommendation::DoNotProgress => "Do not recommend pay progression",
            PayRecommendation::Honorarium => "Recommend an honorarium",
        }
    }
}

/// A new objective, as seed 001's statement table has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewObjective {
    pub id: Id,
    /// "What are my new objectives?"
    pub objective: String,
    /// "Link to School Improvement Plan / job role & occupational standards"
    pub link: String,
    /// "How will I know when I have achieved them?"
    pub success_criteria: String,
    /// "What will I do to achieve them?"
    pub actions: String,
    /// "By when?"
    pub by_when: Option<NaiveDate>,
    /// "What support, training or development will I need?"
    pub support_needed: String,
    /// "Mid year review comments (if applicable)"
    pub mid_year_comment: String,
    /// Shared by all members of the team (seed 000, 4.5).
    pub shared_with_team: bool,
}

impl NewObjective {
    pub fn blank(id: Id) -> NewObjective {
        NewObjective {
            id,
            objective: String::new(),
            link: String::new(),
            success_criteria: String::new(),
            actions: String::new(),
            by_when: None,
            support_needed: String::new(),
            mid_year_comment: String::new(),
            shared_with_team: false,
        }
    }
}

impl Document for Statement {
    const KIND: &'static str = "statement";
    const SCHEMA: u32 = 1;
}

impl Statement {
    /// The reviewer's free-text sections, in the order the statement shows them (seed 001's
    /// "Planning and Review Statement", seed 004's Annex 3).
    pub const TEXT_FIELDS: [FormField; 7] = [
        field(
            "assessment",
            "Assessment against the job role",
            "Performance over the cycle against the job description and the standards that apply, with the evidence discussed.",
            false,
        ),
        field("factors_helped", "What helped performance", "", true),
        field("factors_hindered", "What hindered performance", "", true),
        field(
            "training_received",
            "Training and development received, and its impact",
            "",
            true,
        ),
        field(
            "job_description_comments",
            "Comments on the job description",
            "Whether it still describes the role, and any changes agreed.",
            true,
        ),
        field("career_goals", "Career goals and aspirations", "", true),
        field("reviewer_comments", "Reviewer’s comments", "", true),
    ];

    /// The fields of one new objective, as seed 001's table heads them.
    pub const OBJECTIVE_FIELDS: [FormField; 5] = [
        field(
            "objective",
            "The objective",
            "What will be achieved, starting with an action: “Raise…”, “Lead…”, “Complete…”.",
            false,
        ),
        field(
            "link",
            "Link to the school improvement plan or job role",
            "",
            true,
        ),
        field(
            "success_criteria",
            "How will you know it is achieved?",
            "A measure: a number, a date, a finished piece of work.",
            false,
        ),
        field("actions", "What will be done to achieve it?", "", false),
        field(
            "support_needed",
            "Support, training or development needed",
            "",
            true,
        ),
    ];

    /// A blank statement, carrying last cycle's objectives to rate and, where the policy uses
    /// them, one blank assessment per standard.
    pub fn blank(
        previous_objectives: Vec<PreviousObjective>,
        standards: Vec<StandardAssessment>,
    ) -> Statement {
        Statement {
            meeting_date: None,
            next_review_on: None,
            previous_objectives,
            assessment: String::new(),
            standards,
            factors_helped: String::new(),
            factors_hindered: String::new(),
            training_received: String::new(),
            job_description_comments: String::new(),
            career_goals: String::new(),
            reviewer_comments: String::new(),
            pay_recommendation: None,
            pay_rationale: String::new(),
            new_objectives: Vec::new(),
            objectives_determined: false,
            reviewee_comments: String::new(),
        }
    }
}
