//! The pre-review form: the reviewee's self-assessment before the meeting (seed 001's
//! "Performance Management Pre-Review Meeting Form"), which the reviewer also keeps privately to
//! prepare.

use serde::{Deserialize, Serialize};

use super::{Document, FormField, field};
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
    /// The form's free-text fields in order, worded after seed 001's pre-review meeting form.
    pub const TEXT_FIELDS: [FormField; 13] = [
        field("name", "Your name", "", false),
        field("job_title", "Your job title", "", false),
        field(
            "key_successes",
            "Key successes and achievements over the last year",
            "Based on your previous objectives, if you had any.",
            false,
        ),
        field("factors_helped", "What helped you achieve them", "", false),
        field(
            "factors_hindered",
            "What got in the way, and possible solutions",
            "",
            false,
        ),
        field(
            "training_last_year",
            "Training and development over the last year",
            "Courses, qualifications, coaching or anything you learned on the job.",
            false,
        ),
        field(
            "school_priorities",
            "School priorities and future key areas for your role",
            "Link them to your job role and occupational standards.",
            false,
        ),
        field(
            "further_learning",
            "Areas for further learning and development",
            "",
            false,
        ),
        field(
            "job_description_amendments",
            "Suggested changes to your job description",
            "After reading your job description: anything that no longer matches what you do.",
            false,
        ),
        field(
            "career_goals",
            "Career goals and development opportunities",
            "",
            false,
        ),
        field(
            "objective_ideas",
            "Ideas for your new objectives",
            "Your reviewer will agree up to the policy’s maximum with you at the meeting.",
            false,
        ),
        field(
            "wellbeing_support",
            "Wellbeing and any support you would like",
            "Optional. Only you and your reviewer see this.",
            true,
        ),
        field(
            "disability_adjustments",
            "Disability and reasonable adjustments",
            "Optional and confidential: anything your reviewer should take into account.",
            true,
        ),
    ];

    /// A field's label as the reviewer reads it: about the reviewee, not addressed to them.
    pub fn label_for_reader(name: &str) -> &'static str {
        match name {
            "name" => "Name",
            "job_title" => "Job title",
            "key_successes" => "Key successes and achievements over the last year",
            "factors_helped" => "What helped them achieve them",
            "factors_hindered" => "What got in the way, and possible solutions",
            "training_last_year" => "Training and development over the last year",
            "school_priorities" => "School priorities and future key areas for their role",
            "further_learning" => "Areas for further learning and development",
            "job_description_amendments" => "Suggested changes to their job description",
            "career_goals" => "Career goals and development opportunities",
            "objective_ideas" => "Ideas for their new objectives",
            "evidence" => "Evidence they will bring",
            "wellbeing_support" => "Wellbeing and any support they would like",
            "disability_adjustments" => "Disability and reasonable adjustments",
            _ => "Another part of the pre-review form",
        }
    }

    /// Whether anything is written in the form beyond the name and job title: an answer, or a
    /// piece of evidence.
    pub fn has_answers(&self) -> bool {
        let values = super::to_json(self);
        let answered = Self::TEXT_FIELDS
            .iter()
            .filter(|field| !matches!(field.name, "name" | "job_title"))
            .any(|field| {
                values
                    .get(field.name)
                    .and_then(serde_json::Value::as_str)
                    .is_some_and(|text| !text.trim().is_empty())
            });
        answered
            || self
                .evidence
                .iter()
                .any(|item| !item.description.trim().is_empty())
    }

    /// The whole form as plain text with its labels, evidence included.
    pub fn to_plain_text(&self) -> String {
        let mut text =
            super::as_plain_text("Pre-review form", &Self::TEXT_FIELDS, &super::to_json(self));
        text.push_str("\nEvidence you will bring\n");
        if self.evidence.is_empty() {
            text.push_str("(none listed)\n");
        }
        for item in &self.evidence {
            text.push_str(&format!("- {}\n", item.description.trim()));
        }
        text
    }

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
