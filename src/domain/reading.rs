//! Documents laid out for someone who reads them rather than fills them in: the reviewer reading
//! a pre-review, the reviewee, headteacher and CPD leader reading the statement and training
//! needs, and every printout. Labels speak about the author ("their"), choices are in words,
//! dates are dd/mm/yyyy, lists are lists, and every field of the document has its place, so
//! nothing written on one side goes unseen on the other.

use super::dates::format_uk_date;
use super::documents::{
    AppealHearing, AppealOutcome, CpdNeeds, FormField, PreReviewForm, Statement,
};
use super::standards::TEN_STANDARDS;

/// One piece of a document as it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// A heading inside the document, e.g. "New objective 2".
    Heading(String),
    /// A question and its answer; an empty answer reads as "Not filled in".
    Answer { label: String, text: String },
    /// A question answered with a list, e.g. the evidence the reviewee will bring.
    List { label: String, items: Vec<String> },
}

/// What an empty answer reads as.
pub const NOT_FILLED_IN: &str = "Not filled in";

pub(super) fn answer(label: impl Into<String>, text: impl Into<String>) -> Part {
    Part::Answer {
        label: label.into(),
        text: text.into().trim().to_owned(),
    }
}

/// Each of `fields` with its answer in `values` (an object of the document's fields).
pub(super) fn answers(parts: &mut Vec<Part>, fields: &[FormField], values: &serde_json::Value) {
    for field in fields {
        let text = values
            .get(field.name)
            .and_then(serde_json::Value::as_str)
            .unwrap_or("");
        parts.push(answer(field.label, text));
    }
}

pub(super) fn date_or_blank(day: Option<chrono::NaiveDate>) -> String {
    day.map(format_uk_date).unwrap_or_default()
}

/// The reviewee's pre-review as their reviewer reads it. Optional answers left blank are left
/// out; every other answer is shown, blank or not, so the reader sees what was not answered.
pub fn pre_review(form: &PreReviewForm) -> Vec<Part> {
    let values = super::documents::to_json(form);
    let mut parts = Vec::new();
    for field in PreReviewForm::TEXT_FIELDS {
        let text = values
            .get(field.name)
            .and_then(serde_json::Value::as_str)
            .unwrap_or("")
            .trim();
        if field.optional && text.is_empty() {
            continue;
        }
        parts.push(answer(PreReviewForm::label_for_reader(field.name), text));
    }
    parts.push(Part::List {
        label: "Evidence they will bring".into(),
        items: form
            .evidence
            .iter()
            .map(|item| item.description.trim().to_owned())
            .filter(|text| !text.is_empty())
            .collect(),
    });
    parts
}

/// Which optional parts of the statement the policy and the reviewee's eligibility call for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StatementShape {
    pub ten_standards: bool,
    /// The reviewer recommends pay on the statement.
    pub pay: bool,
    /// An honorarium is one of the recommendations offered.
    pub honorarium: bool,
}

impl StatementShape {
    /// The statement's parts for this review: the 10 standards where its policy uses them, the
    /// reviewer's pay recommendation where the policy links pay, the reviewee is eligible and
    /// the policy names nobody else to recommend.
    pub fn of(review: &super::cycle::Review) -> StatementShape {
        let policy = &review.policy;
        StatementShape {
            ten_standards: policy.ten_standards_apply,
            pay: policy.pay_progression
                && review.pay_eligible
                && policy.pay_recommended_by.is_none(),
            honorarium: policy.honorarium,
        }
    }

    /// The pay recommendations the reviewer may make.
    pub fn recommendations(self) -> Vec<super::documents::PayRecommendation> {
        use super::documents::PayRecommendation;
        PayRecommendation::ALL
            .into_iter()
            .filter(|made| self.honorarium || *made != PayRecommendation::Honorarium)
            .collect()
    }
}

/// The planning and review statement as it is read: the meeting, last cycle's objectives rated,
/// the assessment, the standards and pay where they apply, the new objectives, and the
/// reviewee's comments.
pub fn statement(statement: &Statement, shape: StatementShape) -> Vec<Part> {
    let mut parts = statement_by_reviewer(statement, shape);
    parts.push(Part::Heading("Reviewee’s comments".into()));
    parts.push(answer(
        "Comments from the reviewee",
        &statement.reviewee_comments,
    ));
    parts
}

/// The reviewer's parts of the statement, everything but the reviewee's comments: what the
/// reviewee reads before adding theirs.
pub fn statement_by_reviewer(statement: &Statement, shape: StatementShape) -> Vec<Part> {
    let mut parts = vec![answer(
        "Date of the review meeting",
        date_or_blank(statement.meeting_date),
    )];
    if let Some(next) = statement.next_review_on {
        parts.push(answer(
            "Date agreed for the next review",
            crate::domain::dates::format_uk_date(next),
        ));
    }
    parts.push(Part::Heading("Last cycle’s objectives".into()));
    if statement.previous_objectives.is_empty() {
        parts.push(answer(
            "Objectives",
            "There were no objectives from last cycle to review.",
        ));
    }
    for (number, objective) in statement.previous_objectives.iter().enumerate() {
        let number = number + 1;
        parts.push(answer(format!("Objective {number}"), &objective.objective));
        parts.push(answer(
            format!("Progress on objective {number}"),
            objective.rating.map(|r| r.label()).unwrap_or_default(),
        ));
        parts.push(answer(
            format!("Comment on objective {number}"),
            &objective.comment,
        ));
    }
    parts.push(Part::Heading("Assessment".into()));
    let values = super::documents::to_json(statement);
    answers(&mut parts, &Statement::TEXT_FIELDS, &values);
    if shape.ten_standards || !statement.standards.is_empty() {
        parts.push(Part::Heading("The 10 standards".into()));
        for assessment in &statement.standards {
            let label = TEN_STANDARDS
                .iter()
                .find(|standard| standard.key == assessment.id.as_str())
                .map_or_else(
                    || assessment.id.as_str().to_owned(),
                    |standard| format!("{} {}", standard.number, standard.text),
                );
            let mut text = assessment
                .judgement
                .map(|j| j.label())
                .unwrap_or_default()
                .to_owned();
            if !assessment.comment.trim().is_empty() {
                text = format!("{text}. {}", assessment.comment.trim());
            }
            parts.push(answer(label, text));
        }
    }
    if shape.pay || statement.pay_recommendation.is_some() || !statement.pay_rationale.is_empty() {
        parts.push(Part::Heading("Pay progression".into()));
        parts.push(answer(
            "Recommendation",
            statement
                .pay_recommendation
                .map(|p| p.label())
                .unwrap_or_default(),
        ));
        parts.push(answer(
            "Reasons for the recommendation",
            &statement.pay_rationale,
        ));
    }
    parts.push(Part::Heading("New objectives".into()));
    if statement.objectives_determined {
        parts.push(answer(
            "Agreement",
            "The objectives could not be agreed, so they were determined as the policy provides.",
        ));
    }
    if statement.new_objectives.is_empty() {
        parts.push(answer("New objectives", ""));
    }
    for (number, objective) in statement.new_objectives.iter().enumerate() {
        parts.push(Part::Heading(format!("New objective {}", number + 1)));
        let values = serde_json::to_value(objective).unwrap_or_default();
        answers(&mut parts, &Statement::OBJECTIVE_FIELDS, &values);
        parts.push(answer("By when?", date_or_blank(objective.by_when)));
        if objective.shared_with_team {
            parts.push(answer("Shared by the whole team", "Yes"));
        }
        if !objective.mid_year_comment.trim().is_empty() {
            parts.push(answer(
                "Mid-year review comment",
                &objective.mid_year_comment,
            ));
        }
    }
    parts
}

/// The training and development needs as the CPD leader (or anyone else) reads them.
pub fn cpd_needs(needs: &CpdNeeds) -> Vec<Part> {
    let mut parts = vec![
        answer("Name", &needs.name),
        answer("Job title", &needs.job_title),
        answer("Reviewer", &needs.reviewer),
    ];
    if needs.needs.is_empty() {
        parts.push(answer("Training needs", "No training needs recorded."));
    }
    for (number, need) in needs.needs.iter().enumerate() {
        parts.push(Part::Heading(format!("Need {}", number + 1)));
        parts.push(answer("Training or development need", &need.need));
        parts.push(answer("Action to be taken", &need.action));
        parts.push(answer("Theme", need.theme.label()));
    }
    parts
}

/// The hearing of an appeal and its outcome, as the reviewee, the reviewer and any printout
/// read it.
pub fn appeal_hearing(hearing: &AppealHearing) -> Vec<Part> {
    vec![
        answer("Outcome", hearing.outcome.map_or("", AppealOutcome::label)),
        answer("What changes in the statement", &hearing.changes),
        answer("Decided on", date_or_blank(hearing.decided_on)),
        answer("Heard on", date_or_blank(hearing.heard_on)),
        answer("Who attended", &hearing.attended),
        answer("Summary of the hearing", &hearing.summary),
    ]
}

/// Every word a reading shows, for checking that nothing written goes unseen.
pub fn all_text(parts: &[Part]) -> String {
    let mut text = String::new();
    for part in parts {
        match part {
            Part::Heading(heading) => text.push_str(heading),
            Part::Answer { label, text: said } => {
                text.push_str(label);
                text.push('\n');
                text.push_str(said);
            }
            Part::List { label, items } => {
                text.push_str(label);
                for item in items {
                    text.push('\n');
                    text.push_str(item);
                }
            }
        }
        text.push('\n');
    }
    text
}
