//! The year between meetings as people read it: observations, interim reviews and the support
//! plan laid out as documents, a line on each for the review's overview, the key points to bring
//! to the next meeting, and what formal capability means for the cycle.

use super::cycle::{Review, Suspension};
use super::dates::format_uk_date;
use super::documents::{
    InterimReview, Observation, Statement, SupportOutcome, SupportPlan, to_json,
};
use super::reading::{Part, answer, answers, date_or_blank as on};

/// One observation as the reviewee (and a printout) reads it. The reviewee's own comments are
/// left out when `without_comments`, for the reviewee, who writes them beside it.
pub fn observation(observation: &Observation, without_comments: bool) -> Vec<Part> {
    let mut parts = vec![
        answer("Date", format_uk_date(observation.date)),
        answer("Observer", observation.observer.clone()),
        answer("Focus", observation.focus.clone()),
        answer("Notice given on", on(observation.notice_given_on)),
        answer("Key points", observation.key_points.clone()),
        answer(
            "Verbal feedback given on",
            on(observation.verbal_feedback_on),
        ),
        answer(
            "Written feedback given on",
            on(observation.written_feedback_on),
        ),
    ];
    reviewee_comments(&mut parts, &observation.reviewee_comments, without_comments);
    parts
}

/// The reviewee's own comments, unless the reader is the reviewee, who writes them beside it.
fn reviewee_comments(parts: &mut Vec<Part>, text: &str, without_comments: bool) {
    if !without_comments {
        parts.push(answer("Comments from the reviewee", text));
    }
}

/// One interim review as it is read: progress on each objective in both people's words, the
/// objectives revised, wellbeing and other points. The reviewee's own words are left out when
/// `without_comments`.
pub fn interim_review(interim: &InterimReview, without_comments: bool) -> Vec<Part> {
    let mut parts = vec![answer("Date", format_uk_date(interim.date))];
    if interim.not_held {
        parts.push(answer(
            "Held",
            "Not held: the reviewer and reviewee chose not to have this optional review.",
        ));
        return parts;
    }
    for progress in &interim.progress {
        parts.push(Part::Heading(format!(
            "Objective: {}",
            progress.objective.trim()
        )));
        parts.push(answer(
            "Progress, as the reviewer sees it",
            progress.reviewer_comment.clone(),
        ));
        if !without_comments {
            parts.push(answer(
                "Progress, as the reviewee sees it",
                progress.reviewee_comment.clone(),
            ));
        }
    }
    for (number, objective) in interim.revised_objectives.iter().enumerate() {
        parts.push(Part::Heading(format!("Revised objective {}", number + 1)));
        let values = serde_json::to_value(objective).unwrap_or_default();
        answers(&mut parts, &Statement::OBJECTIVE_FIELDS, &values);
        parts.push(answer("By when?", on(objective.by_when)));
        if objective.shared_with_team {
            parts.push(answer("Team objective", "Shared by the whole team"));
        }
    }
    parts.push(answer("Wellbeing", interim.wellbeing.clone()));
    parts.push(answer(
        "Other points discussed and agreed",
        interim.notes.clone(),
    ));
    reviewee_comments(&mut parts, &interim.reviewee_comments, without_comments);
    parts
}

/// The support plan as it is read, every field in the form's order.
pub fn support_plan(plan: &SupportPlan, without_comments: bool) -> Vec<Part> {
    let values = to_json(plan);
    let mut parts = Vec::new();
    // The targets come after what was discussed before, as on the form.
    let (before, after) = SupportPlan::TEXT_FIELDS.split_at(3);
    answers(&mut parts, before, &values);
    parts.push(Part::List {
        label: "Targets".into(),
        items: plan
            .targets
            .iter()
            .map(|target| target.target.trim().to_owned())
            .filter(|target| !target.is_empty())
            .collect(),
    });
    let shown: Vec<_> = after
        .iter()
        .filter(|field| !(without_comments && field.name == "reviewee_comments"))
        .copied()
        .collect();
    answers(&mut parts, &shown, &values);
    parts.push(answer("Monitoring starts on", on(plan.starts_on)));
    parts.push(answer(
        "Monitoring period",
        plan.monitoring_period.to_string(),
    ));
    parts.push(answer(
        "Extension",
        plan.extension.map_or("None".to_owned(), |e| e.to_string()),
    ));
    parts.push(answer("Review date", on(plan.review_on)));
    parts.push(answer(
        "Outcome",
        plan.outcome
            .map_or("Not decided yet", SupportOutcome::label),
    ));
    if plan.outcome.is_some() {
        parts.push(answer("Outcome decided on", on(plan.outcome_on)));
    }
    if plan.outcome == Some(SupportOutcome::FormalCapability) {
        parts.push(answer(
            "Formal capability procedure ended on",
            on(plan.capability_ended_on),
        ));
    }
    parts
}

/// The key points of the observations since the meeting that set the objectives, with their
/// dates, to bring to the next interim or annual meeting.
pub fn key_points(review: &Review) -> Vec<String> {
    let since = review.dates.meeting_on;
    let mut observed: Vec<&Observation> = review
        .observations
        .iter()
        .filter(|observation| since.is_none_or(|meeting| observation.date >= meeting))
        .filter(|observation| !observation.key_points.trim().is_empty())
        .collect();
    observed.sort_by_key(|observation| observation.date);
    observed
        .into_iter()
        .map(|observation| {
            let focus = observation.focus.trim();
            let about = if focus.is_empty() {
                String::new()
            } else {
                format!(" ({focus})")
            };
            format!(
                "{}{about}: {}",
                format_uk_date(observation.date),
                observation.key_points.trim()
            )
        })
        .collect()
}

/// Where the year between meetings stands, a line for each of its documents.
pub fn where_it_stands(review: &Review) -> [String; 3] {
    let count = |n: usize, one: &str, many: &str| match n {
        0 => format!("No {many} recorded"),
        1 => format!("1 {one} recorded"),
        n => format!("{n} {many} recorded"),
    };
    let observations = match review.policy.max_observations {
        Some(max) => format!(
            "{} (the policy allows {max} a cycle)",
            count(review.observations.len(), "observation", "observations")
        ),
        None => count(review.observations.len(), "observation", "observations"),
    };
    let interims = count(
        review.interim_reviews.len(),
        "interim review",
        "interim reviews",
    );
    let plan = match &review.support_plan {
        None => "No support plan".to_owned(),
        Some(plan) => match (plan.outcome, plan.suspension()) {
            (_, Some(Suspension::Capability)) => {
                "Ended in the formal capability procedure: the cycle is suspended".to_owned()
            }
            (Some(SupportOutcome::Improved), _) => "Ended: performance improved".to_owned(),
            (Some(SupportOutcome::FormalCapability), _) => {
                "Ended in formal capability, which has since ended".to_owned()
            }
            _ => match plan.review_on {
                Some(day) => format!("Running: review on {}", format_uk_date(day)),
                None => "Being written".to_owned(),
            },
        },
    };
    [observations, interims, plan]
}

/// What formal capability means for the cycle, in sentences for every page of the review.
pub fn capability_notice(plan: &SupportPlan) -> Vec<String> {
    let suspended = plan.outcome_on.map_or("is suspended".to_owned(), |day| {
        format!("has been suspended since {}", format_uk_date(day))
    });
    vec![
        format!(
            "The support plan ended in the formal capability procedure, so the appraisal cycle {suspended}."
        ),
        "Its deadlines have stopped: the statement, the reviewee’s reply, passing the statement to the headteacher, observation feedback, interim reviews, training needs and the pay decision are not due while the procedure runs.".to_owned(),
        "What happens next follows the school’s capability procedure, which the headteacher leads. When it ends, the reviewer records the date on the support plan and the cycle carries on from where it stopped.".to_owned(),
    ]
}
