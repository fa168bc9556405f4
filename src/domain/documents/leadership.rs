//! The documents the headteacher writes on a review: a moderation note to the reviewer (who
//! answers it), the record of an appeal's hearing and its outcome, and the pay decision.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{AppealOutcome, Document};

/// The headteacher's note to the reviewer after moderating the statement, and the reviewer's
/// answer. The note is the headteacher's; the answer the reviewer's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ModerationNote {
    pub note: String,
    pub sent_on: Option<NaiveDate>,
    pub reply: String,
    pub answered_on: Option<NaiveDate>,
}

impl ModerationNote {
    /// Whether the reviewer still has a note to answer.
    pub fn awaits_answer(&self) -> bool {
        !self.note.trim().is_empty() && self.answered_on.is_none()
    }
}

impl Document for ModerationNote {
    const KIND: &'static str = "moderation_note";
    const SCHEMA: u32 = 1;
}

/// The hearing of an appeal and its outcome, recorded by whoever hears it (seed 001 "Appeals":
/// the headteacher "will confirm the reviewer’s assessment and/or objectives or agree to change
/// them").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct AppealHearing {
    pub heard_on: Option<NaiveDate>,
    /// Who attended, as the hearer writes it.
    pub attended: String,
    pub summary: String,
    pub outcome: Option<AppealOutcome>,
    /// What changes in the statement, for an appeal upheld in whole or part.
    pub changes: String,
    pub decided_on: Option<NaiveDate>,
}

impl AppealHearing {
    pub fn is_decided(&self) -> bool {
        self.outcome.is_some() && self.decided_on.is_some()
    }

    /// Whether the outcome changes the statement: an appeal upheld, or partly upheld.
    pub fn changes_statement(&self) -> bool {
        matches!(
            self.outcome,
            Some(super::AppealOutcome::Upheld | super::AppealOutcome::PartlyUpheld)
        )
    }
}

impl Document for AppealHearing {
    const KIND: &'static str = "appeal_hearing";
    const SCHEMA: u32 = 1;
}

/// The headteacher's pay decision for a reviewee eligible for pay progression (seed 002: by
/// 31 October, 31 December or 31 March).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PayDecision {
    pub decision: Option<PayDecisionMade>,
    pub reason: String,
    pub decided_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PayDecisionMade {
    Progress,
    DoNotProgress,
    /// Put off, for example until a support plan ends.
    Defer,
    /// Where the policy names one (seed 003): performance beyond what could reasonably be
    /// expected, with a sustained and substantial contribution.
    Honorarium,
}

impl PayDecisionMade {
    pub const ALL: [PayDecisionMade; 4] = [
        PayDecisionMade::Progress,
        PayDecisionMade::Honorarium,
        PayDecisionMade::DoNotProgress,
        PayDecisionMade::Defer,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PayDecisionMade::Progress => "Progress on the pay scale",
            PayDecisionMade::Honorarium => "Award an honorarium",
            PayDecisionMade::DoNotProgress => "Do not progress",
            PayDecisionMade::Defer => "Defer the decision",
        }
    }

    /// The decisions a policy offers: an honorarium only where it names one.
    pub fn offered(honorarium: bool) -> Vec<PayDecisionMade> {
        PayDecisionMade::ALL
            .into_iter()
            .filter(|made| honorarium || *made != PayDecisionMade::Honorarium)
            .collect()
    }
}

impl PayDecision {
    pub fn is_made(&self) -> bool {
        self.decision.is_some() && self.decided_on.is_some()
    }
}

impl Document for PayDecision {
    const KIND: &'static str = "pay_decision";
    const SCHEMA: u32 = 1;
}

/// Whether the field at `path` is the headteacher's to write: the moderation note (not the
/// reviewer's answer), the appeal hearing and the pay decision.
pub fn written_by_headteacher(path: &str) -> bool {
    path.starts_with("appeal_hearing.")
        || path.starts_with("pay_decision.")
        || path == "moderation_note.note"
        || path == "moderation_note.sent_on"
}
