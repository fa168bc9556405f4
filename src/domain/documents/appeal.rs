//! An appeal against entries in the statement: heard by the headteacher, or by the governing
//! body when the headteacher is the reviewer (seed 001 "Appeals", seed 004 3.1).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Document, Statement};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appeal {
    /// The field paths of the statement entries appealed, e.g. `statement.assessment`.
    pub entries_appealed: Vec<String>,
    pub grounds: String,
    pub heard_by: AppealHearer,
    pub lodged_on: Option<NaiveDate>,
    pub outcome: Option<AppealOutcome>,
    pub outcome_notes: String,
    pub decided_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppealHearer {
    Headteacher,
    /// When the headteacher is the reviewer.
    GoverningBody,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppealOutcome {
    /// The entries are changed as the reviewee asked.
    Upheld,
    PartlyUpheld,
    /// The reviewer's entries are confirmed.
    NotUpheld,
}

/// The entries of `statement` a reviewee may appeal against: (field path, what it is called).
pub fn appealable_entries(statement: &Statement) -> Vec<(String, String)> {
    let mut entries = vec![(
        "statement.assessment".to_owned(),
        "The assessment against the job role".to_owned(),
    )];
    for (n, previous) in statement.previous_objectives.iter().enumerate() {
        entries.push((
            format!("statement.previous_objectives[{}].rating", previous.id),
            format!("The rating of last cycle’s objective {}", n + 1),
        ));
    }
    if !statement.standards.is_empty() {
        entries.push((
            "statement.standards".to_owned(),
            "The judgements against the 10 standards".to_owned(),
        ));
    }
    if statement.pay_recommendation.is_some() {
        entries.push((
            "statement.pay_recommendation".to_owned(),
            "The pay recommendation".to_owned(),
        ));
    }
    // "Any of the entries in their planning and review statements" (seed 001 "Appeals"; seed
    // 004 3.1): every entry the reviewer writes.
    for (path, label) in [
        ("statement.factors_helped", "The factors that helped"),
        ("statement.factors_hindered", "The factors that hindered"),
        (
            "statement.training_received",
            "The training and development received",
        ),
        (
            "statement.job_description_comments",
            "The comments on the job description",
        ),
        ("statement.career_goals", "The career goals"),
        ("statement.new_objectives", "The new objectives"),
        ("statement.reviewer_comments", "The reviewer’s comments"),
    ] {
        entries.push((path.to_owned(), label.to_owned()));
    }
    entries
}

impl AppealOutcome {
    pub const ALL: [AppealOutcome; 3] = [
        AppealOutcome::Upheld,
        AppealOutcome::PartlyUpheld,
        AppealOutcome::NotUpheld,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AppealOutcome::Upheld => "Upheld: the entries change as the reviewee asked",
            AppealOutcome::PartlyUpheld => "Partly upheld: some entries change",
            AppealOutcome::NotUpheld => "Not upheld: the reviewer’s entries stand",
        }
    }
}

impl Appeal {
    /// Whether the reviewee has appealed: grounds are written.
    pub fn is_lodged(&self) -> bool {
        !self.grounds.trim().is_empty()
    }

    /// What the entries this appeal names are called in `statement`, in the statement's order.
    pub fn entries_appealed_in(&self, statement: &Statement) -> Vec<String> {
        appealable_entries(statement)
            .into_iter()
            .filter(|(path, _)| self.entries_appealed.contains(path))
            .map(|(_, label)| label)
            .collect()
    }

    /// An appeal not yet written, to be heard by the headteacher.
    pub fn blank() -> Appeal {
        Appeal {
            entries_appealed: Vec::new(),
            grounds: String::new(),
            heard_by: AppealHearer::Headteacher,
            lodged_on: None,
            outcome: None,
            outcome_notes: String::new(),
            decided_on: None,
        }
    }
}

impl Document for Appeal {
    const KIND: &'static str = "appeal";
    const SCHEMA: u32 = 1;
}
