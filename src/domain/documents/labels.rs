//! Field paths in the words the forms use, for import previews, out-of-date sign-offs, conflicts
//! and appeals: `statement.pay_rationale` reads "Planning and review statement: Reasons for the
//! recommendation", never the path itself.

use super::{
    CpdNeeds, Document, InterimReview, InterimReviewLog, Observation, ObservationLog,
    PreReviewForm, Statement, SupportPlan,
};

/// A document's name as people say it, by its kind (or, for a signed part of one, its kind and
/// the item: `interim_reviews[int-1]` is an interim review).
pub fn document_title(kind: &str) -> &'static str {
    match kind.split('[').next().unwrap_or(kind) {
        "statement" => "Planning and review statement",
        "cpd_needs" => "Training and development needs",
        "pre_review" => "Pre-review",
        "reviewer_notes" => "Your preparation",
        "appeal" => "Appeal",
        "checklist" => "Meeting checklist",
        "observations" => "Observations",
        "interim_reviews" => "Interim review",
        "support_plan" => "Support plan",
        "moderation_note" => "Moderation note",
        "appeal_hearing" => "Appeal hearing and outcome",
        "pay_decision" => "Pay decision",
        _ => "Document",
    }
}

/// A document of `kind` as it reads inside a sentence, with its article where it takes one: "a
/// planning and review statement", "an appeal", "observations".
pub fn document_in_a_sentence(kind: &str) -> String {
    let title = document_title(kind).to_lowercase();
    match kind.split('[').next().unwrap_or(kind) {
        // Plurals take no article; the reviewer's preparation is theirs, not the reader's.
        "cpd_needs" | "observations" => title,
        "reviewer_notes" => "the reviewer’s own preparation".to_owned(),
        _ if title.starts_with(['a', 'e', 'i', 'o', 'u']) => format!("an {title}"),
        _ => format!("a {title}"),
    }
}

/// The label for a field of `kind`, by its name and the list it sits in (if any).
fn label_in(kind: &str, list: Option<&str>, name: &str) -> Option<&'static str> {
    let from_table = |fields: &[super::FormField]| {
        fields
            .iter()
            .find(|field| field.name == name)
            .map(|field| field.label)
    };
    match (kind, list, name) {
        (Statement::KIND, None, "meeting_date") => Some("Date of the review meeting"),
        (Statement::KIND, None, "next_review_on") => Some("Date agreed for the next review"),
        (Statement::KIND, None, "previous_objectives") => Some("Last cycle’s objectives"),
        (Statement::KIND, None, "standards") => Some("The 10 standards"),
        (Statement::KIND, None, "pay_recommendation") => Some("Pay recommendation"),
        (Statement::KIND, None, "pay_rationale") => Some("Reasons for the pay recommendation"),
        (Statement::KIND, None, "new_objectives") => Some("New objectives"),
        (Statement::KIND, None, "objectives_determined") => Some("Objectives not agreed"),
        (Statement::KIND, None, "reviewee_comments") => Some("Comments from the reviewee"),
        (Statement::KIND, None, _) => from_table(&Statement::TEXT_FIELDS),
        (Statement::KIND, Some("previous_objectives"), "objective") => Some("the objective"),
        (Statement::KIND, Some("previous_objectives"), "rating") => Some("progress"),
        (Statement::KIND, Some("previous_objectives"), "comment") => Some("comment on progress"),
        (Statement::KIND, Some("standards"), "judgement") => Some("judgement"),
        (Statement::KIND, Some("standards"), "comment") => Some("comment"),
        (Statement::KIND, Some("new_objectives"), "by_when") => Some("By when?"),
        (Statement::KIND, Some("new_objectives"), "shared_with_team") => {
            Some("Shared by the whole team")
        }
        (Statement::KIND, Some("new_objectives"), "mid_year_comment") => {
            Some("Mid-year review comment")
        }
        (Statement::KIND, Some("new_objectives"), _) => from_table(&Statement::OBJECTIVE_FIELDS),
        (PreReviewForm::KIND | "reviewer_notes", None, "evidence") => Some("Evidence list"),
        (PreReviewForm::KIND | "reviewer_notes", Some("evidence"), "description") => {
            Some("a piece of evidence")
        }
        (PreReviewForm::KIND, None, _) => Some(PreReviewForm::label_for_reader(name)),
        ("reviewer_notes", None, _) => from_table(&PreReviewForm::TEXT_FIELDS),
        (CpdNeeds::KIND, None, "name") => Some("Name"),
        (CpdNeeds::KIND, None, "job_title") => Some("Job title"),
        (CpdNeeds::KIND, None, "reviewer") => Some("Reviewer"),
        (CpdNeeds::KIND, None, "needs") => Some("Training needs"),
        (CpdNeeds::KIND, Some("needs"), "need") => Some("Training or development need"),
        (CpdNeeds::KIND, Some("needs"), "action") => Some("Action to be taken"),
        (CpdNeeds::KIND, Some("needs"), "theme") => Some("Theme"),
        ("appeal", None, "entries_appealed") => Some("Entries appealed against"),
        ("appeal", None, "grounds") => Some("Grounds for the appeal"),
        ("checklist", Some("items"), "done") => Some("an item ticked"),
        (ObservationLog::KIND, Some("items"), "date") => Some("Date of the observation"),
        (ObservationLog::KIND, Some("items"), "notice_given_on") => Some("Notice given on"),
        (ObservationLog::KIND, Some("items"), "verbal_feedback_on") => {
            Some("Verbal feedback given on")
        }
        (ObservationLog::KIND, Some("items"), "written_feedback_on") => {
            Some("Written feedback given on")
        }
        (ObservationLog::KIND, Some("items"), _) => from_table(&Observation::TEXT_FIELDS),
        (InterimReviewLog::KIND, Some("items"), "date") => Some("Date of the review"),
        (InterimReviewLog::KIND, Some("items"), "not_held") => Some("Not held"),
        (InterimReviewLog::KIND, Some("items"), _) => from_table(&InterimReview::TEXT_FIELDS),
        (InterimReviewLog::KIND, Some("progress"), "reviewer_comment") => {
            Some("progress, as the reviewer sees it")
        }
        (InterimReviewLog::KIND, Some("progress"), "reviewee_comment") => {
            Some("progress, as the reviewee sees it")
        }
        (InterimReviewLog::KIND, Some("revised_objectives"), "by_when") => Some("By when?"),
        (InterimReviewLog::KIND, Some("revised_objectives"), "shared_with_team") => {
            Some("Shared by the whole team")
        }
        (InterimReviewLog::KIND, Some("revised_objectives"), _) => {
            from_table(&Statement::OBJECTIVE_FIELDS)
        }
        (SupportPlan::KIND, None, "targets") => Some("Targets"),
        (SupportPlan::KIND, Some("targets"), "target") => Some("the target"),
        (SupportPlan::KIND, None, "starts_on") => Some("Monitoring starts on"),
        (SupportPlan::KIND, None, "review_on") => Some("Review date"),
        (SupportPlan::KIND, None, "outcome") => Some("Outcome"),
        (SupportPlan::KIND, None, "outcome_on") => Some("Outcome decided on"),
        (SupportPlan::KIND, None, "capability_ended_on") => {
            Some("Formal capability procedure ended on")
        }
        (SupportPlan::KIND, None, _) => from_table(&SupportPlan::TEXT_FIELDS),
        ("moderation_note", None, "note") => Some("The headteacher’s note"),
        ("moderation_note", None, "sent_on") => Some("Sent on"),
        ("moderation_note", None, "reply") => Some("The reviewer’s answer"),
        ("moderation_note", None, "answered_on") => Some("Answered on"),
        ("appeal_hearing", None, "heard_on") => Some("Date of the hearing"),
        ("appeal_hearing", None, "attended") => Some("Who attended"),
        ("appeal_hearing", None, "summary") => Some("Summary of the hearing"),
        ("appeal_hearing", None, "outcome") => Some("Outcome"),
        ("appeal_hearing", None, "changes") => Some("What changes in the statement"),
        ("appeal_hearing", None, "decided_on") => Some("Date of the decision"),
        ("pay_decision", None, "decision") => Some("Decision"),
        ("pay_decision", None, "reason") => Some("Reason for the decision"),
        ("pay_decision", None, "decided_on") => Some("Date of the decision"),
        _ => None,
    }
}

/// What one item of a list in `kind` is called, for "New objective 2"-style labels.
fn item_name(kind: &str, list: &str) -> &'static str {
    match (kind, list) {
        (_, "previous_objectives") => "Last cycle’s objective",
        (_, "new_objectives") => "New objective",
        (_, "revised_objectives") => "Revised objective",
        (_, "progress") => "Objective",
        (_, "targets") => "Target",
        (_, "standards") => "Standard",
        (_, "needs") => "Training need",
        (_, "evidence") => "Evidence",
        (ObservationLog::KIND, "items") => "Observation",
        (InterimReviewLog::KIND, "items") => "Interim review",
        (_, "items") => "Checklist item",
        _ => "Item",
    }
}

/// A field path in the words of the form that shows it, with its document:
/// `statement.new_objectives[obj-2].success_criteria` → "Planning and review statement: New
/// objective – How will you know it is achieved?".
pub fn field_label(path: &str) -> String {
    let mut segments = path.split('.');
    let kind = segments.next().unwrap_or_default();
    let rest: Vec<&str> = segments.collect();
    let title = document_title(kind);
    let in_words = |name: &str| name.replace('_', " ");
    let label = match rest.as_slice() {
        [] => return title.to_owned(),
        [name] if !name.contains('[') => label_in(kind, None, name)
            .map(str::to_owned)
            .unwrap_or_else(|| in_words(name)),
        [.., item, name] if item.contains('[') => {
            let list = item.split('[').next().unwrap_or(item);
            let field = if *name == "id" {
                "added or removed".to_owned()
            } else {
                label_in(kind, Some(list), name)
                    .map(str::to_owned)
                    .unwrap_or_else(|| in_words(name))
            };
            format!("{} – {field}", item_name(kind, list))
        }
        _ => rest
            .iter()
            .map(|part| in_words(part.split('[').next().unwrap_or(part)))
            .collect::<Vec<_>>()
            .join(", "),
    };
    format!("{title}: {label}")
}

#[cfg(test)]
mod tests {
    use super::field_label;

    #[test]
    fn paths_read_as_the_forms_label_them() {
        let cases = [
            (
                "statement.pay_rationale",
                "Planning and review statement: Reasons for the pay recommendation",
            ),
            (
                "statement.reviewer_comments",
                "Planning and review statement: Reviewer’s comments",
            ),
            (
                "statement.reviewee_comments",
                "Planning and review statement: Comments from the reviewee",
            ),
            (
                "statement.assessment",
                "Planning and review statement: Assessment against the job role",
            ),
            (
                "statement.new_objectives[obj-2].success_criteria",
                "Planning and review statement: New objective – How will you know it is achieved?",
            ),
            (
                "statement.new_objectives[obj-2].by_when",
                "Planning and review statement: New objective – By when?",
            ),
            (
                "statement.previous_objectives[prev-1].rating",
                "Planning and review statement: Last cycle’s objective – progress",
            ),
            (
                "cpd_needs.needs",
                "Training and development needs: Training needs",
            ),
            (
                "cpd_needs.needs[need-1].need",
                "Training and development needs: Training need – Training or development need",
            ),
            (
                "pre_review.factors_helped",
                "Pre-review: What helped them achieve them",
            ),
            (
                "pre_review.evidence[ev-1].description",
                "Pre-review: Evidence – a piece of evidence",
            ),
            ("appeal.grounds", "Appeal: Grounds for the appeal"),
            (
                "observations.items[obs-1].written_feedback_on",
                "Observations: Observation – Written feedback given on",
            ),
            (
                "interim_reviews.items[int-1].progress[obj-1].reviewee_comment",
                "Interim review: Objective – progress, as the reviewee sees it",
            ),
            (
                "interim_reviews.items[int-1].wellbeing",
                "Interim review: Interim review – Wellbeing",
            ),
            ("support_plan.concerns", "Support plan: Concerns"),
            (
                "support_plan.targets[t-1].target",
                "Support plan: Target – the target",
            ),
        ];
        for (path, expected) in cases {
            assert_eq!(field_label(path), expected, "{path}");
        }
        for path in ["statement", "mystery.some_field", "statement.a.b.c"] {
            assert!(!field_label(path).is_empty());
            assert!(!field_label(path).contains('_'), "{path}");
        }
    }
}
