//! Property-test strategies for every document: any content, however odd (empty, long, markup,
//! path-like text), with unique list item ids. Shared by the host tests that need them.

#![allow(dead_code)] // each test file uses its own subset

use super::common;
use appraise::domain::documents::*;
use proptest::prelude::*;

pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), ".{0,24}", "[a-z0-9\\[\\]. -]{0,12}"]
}

pub fn day() -> impl Strategy<Value = chrono::NaiveDate> {
    (2000i32..2100, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| common::date(y, m, d))
}

pub fn ids(
    prefix: &'static str,
    len: std::ops::Range<usize>,
) -> impl Strategy<Value = Vec<appraise::domain::ids::Id>> {
    ("[a-z0-9]{1,6}", len).prop_map(move |(tag, n)| {
        (0..n)
            .map(|i| common::id(&format!("{prefix}{tag}-{i}")))
            .collect()
    })
}

pub fn new_objective() -> impl Strategy<Value = NewObjective> {
    (
        text(),
        text(),
        text(),
        text(),
        proptest::option::of(day()),
        text(),
        text(),
        any::<bool>(),
    )
        .prop_map(
            |(
                objective,
                link,
                success_criteria,
                actions,
                by_when,
                support_needed,
                mid_year_comment,
                shared_with_team,
            )| NewObjective {
                objective,
                link,
                success_criteria,
                actions,
                by_when,
                support_needed,
                mid_year_comment,
                shared_with_team,
                ..NewObjective::blank(common::id("placeholder"))
            },
        )
}

pub fn with_ids<T>(
    items: Vec<T>,
    ids: Vec<appraise::domain::ids::Id>,
    set: impl Fn(&mut T, appraise::domain::ids::Id),
) -> Vec<T> {
    items
        .into_iter()
        .zip(ids)
        .map(|(mut item, id)| {
            set(&mut item, id);
            item
        })
        .collect()
}

pub fn statement() -> impl Strategy<Value = Statement> {
    let rating = prop_oneof![
        Just(None),
        Just(Some(ProgressRating::Achieved)),
        Just(Some(ProgressRating::NotAchieved))
    ];
    (
        proptest::option::of(day()),
        proptest::collection::vec((text(), rating, text()), 0..4),
        ids("prev", 0..4),
        proptest::collection::vec(new_objective(), 0..5),
        ids("obj", 0..5),
        (text(), text(), text(), any::<bool>()),
    )
        .prop_map(
            |(
                meeting_date,
                previous,
                previous_ids,
                objectives,
                objective_ids,
                (assessment, reviewer_comments, reviewee_comments, standards),
            )| {
                let previous_objectives = previous
                    .into_iter()
                    .zip(previous_ids)
                    .map(|((objective, rating, comment), id)| PreviousObjective {
                        id,
                        objective,
                        rating,
                        comment,
                    })
                    .collect();
                let standards = if standards {
                    appraise::domain::standards::blank_assessments()
                } else {
                    Vec::new()
                };
                Statement {
                    meeting_date,
                    assessment,
                    reviewer_comments,
                    reviewee_comments,
                    new_objectives: with_ids(objectives, objective_ids, |o, id| o.id = id),
                    pay_recommendation: None,
                    ..Statement::blank(previous_objectives, standards)
                }
            },
        )
}

pub fn pre_review() -> impl Strategy<Value = PreReviewForm> {
    (
        (text(), text(), text(), text(), text(), text()),
        (text(), text(), text(), text(), text(), text()),
        proptest::collection::vec(text(), 0..4),
        ids("ev", 0..4),
        any::<bool>(),
    )
        .prop_map(
            |(
                (
                    name,
                    job_title,
                    key_successes,
                    factors_helped,
                    factors_hindered,
                    training_last_year,
                ),
                (
                    school_priorities,
                    further_learning,
                    job_description_amendments,
                    career_goals,
                    objective_ideas,
                    wellbeing_support,
                ),
                evidence,
                evidence_ids,
                private,
            )| PreReviewForm {
                key_successes,
                factors_helped,
                factors_hindered,
                training_last_year,
                school_priorities,
                further_learning,
                job_description_amendments,
                career_goals,
                objective_ideas,
                wellbeing_support,
                evidence: evidence
                    .into_iter()
                    .zip(evidence_ids)
                    .map(|(description, id)| EvidenceItem { id, description })
                    .collect(),
                ..PreReviewForm::blank(
                    if private {
                        PreReviewAuthor::ReviewerPrivate
                    } else {
                        PreReviewAuthor::Reviewee
                    },
                    &name,
                    &job_title,
                )
            },
        )
}

pub fn cpd_needs() -> impl Strategy<Value = CpdNeeds> {
    (
        text(),
        text(),
        text(),
        proptest::collection::vec((text(), text(), 0usize..10), 0..5),
        ids("need", 0..5),
    )
        .prop_map(|(name, job_title, reviewer, needs, need_ids)| CpdNeeds {
            name,
            job_title,
            reviewer,
            needs: needs
                .into_iter()
                .zip(need_ids)
                .map(|((need, action, theme), id)| CpdNeed {
                    id,
                    need,
                    action,
                    theme: CpdTheme::ALL[theme],
                })
                .collect(),
        })
}

pub fn observation() -> impl Strategy<Value = Observation> {
    (
        day(),
        text(),
        text(),
        text(),
        proptest::option::of(day()),
        proptest::option::of(day()),
        proptest::option::of(day()),
        text(),
    )
        .prop_map(
            |(
                date,
                observer,
                focus,
                key_points,
                notice_given_on,
                verbal_feedback_on,
                written_feedback_on,
                reviewee_comments,
            )| Observation {
                id: common::id("obs-1"),
                date,
                observer,
                focus,
                notice_given_on,
                key_points,
                verbal_feedback_on,
                written_feedback_on,
                reviewee_comments,
            },
        )
}

/// Up to three observations with distinct ids.
pub fn observations() -> impl Strategy<Value = ObservationLog> {
    (
        proptest::collection::vec(observation(), 0..3),
        ids("obs", 0..3),
    )
        .prop_map(|(items, item_ids)| ObservationLog {
            items: with_ids(items, item_ids, |o, id| o.id = id),
        })
}

pub fn interim_review() -> impl Strategy<Value = InterimReview> {
    (
        day(),
        proptest::collection::vec((text(), text()), 0..3),
        ids("obj", 0..3),
        proptest::collection::vec(new_objective(), 0..3),
        ids("rev", 0..3),
        any::<bool>(),
        text(),
        text(),
    )
        .prop_map(
            |(date, comments, progress_ids, revised, revised_ids, not_held, wellbeing, notes)| {
                InterimReview {
                    id: common::id("interim-1"),
                    date,
                    not_held,
                    progress: comments
                        .into_iter()
                        .zip(progress_ids)
                        .map(
                            |((reviewer_comment, reviewee_comment), id)| ObjectiveProgress {
                                id,
                                objective: "An objective".into(),
                                reviewer_comment,
                                reviewee_comment,
                            },
                        )
                        .collect(),
                    revised_objectives: with_ids(revised, revised_ids, |o, id| o.id = id),
                    wellbeing,
                    notes,
                    reviewee_comments: String::new(),
                }
            },
        )
}

/// Up to three interim reviews with distinct ids.
pub fn interim_reviews() -> impl Strategy<Value = InterimReviewLog> {
    (
        proptest::collection::vec(interim_review(), 0..3),
        ids("int", 0..3),
    )
        .prop_map(|(items, item_ids)| InterimReviewLog {
            items: with_ids(items, item_ids, |i, id| i.id = id),
        })
}

pub fn support_plan() -> impl Strategy<Value = SupportPlan> {
    (
        text(),
        text(),
        proptest::collection::vec(text(), 0..3),
        ids("t", 0..3),
        proptest::option::of(day()),
        1u32..9,
        proptest::option::of(0u32..5),
        prop_oneof![Just(None), Just(Some(SupportOutcome::FormalCapability))],
    )
        .prop_map(
            |(
                concerns,
                support_agreed,
                targets,
                target_ids,
                starts_on,
                weeks,
                extension,
                outcome,
            )| SupportPlan {
                concerns,
                support_agreed,
                targets: targets
                    .into_iter()
                    .zip(target_ids)
                    .map(|(target, id)| SupportTarget { id, target })
                    .collect(),
                starts_on,
                monitoring_period: appraise::domain::calendar::Period::working_weeks(weeks),
                extension: extension.map(appraise::domain::calendar::Period::weeks),
                outcome,
                ..common::support_plan()
            },
        )
}

pub fn appeal() -> impl Strategy<Value = Appeal> {
    (
        proptest::collection::vec(text(), 0..4),
        text(),
        any::<bool>(),
        proptest::option::of(day()),
    )
        .prop_map(
            |(entries_appealed, grounds, governors, decided_on)| Appeal {
                entries_appealed,
                grounds,
                decided_on,
                heard_by: if governors {
                    AppealHearer::GoverningBody
                } else {
                    AppealHearer::Headteacher
                },
                ..common::appeal()
            },
        )
}

pub fn checklist() -> impl Strategy<Value = MeetingChecklist> {
    proptest::collection::vec(any::<bool>(), 22).prop_map(|ticks| {
        let mut checklist = MeetingChecklist::seed_001();
        for (item, done) in checklist.items.iter_mut().zip(ticks) {
            item.done = done;
        }
        checklist
    })
}
