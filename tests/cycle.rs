//! The stages of a review: every legal move, every illegal one refused with its reason, and the
//! cycle periods of each preset.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use appraise::domain::cycle::{
    CycleEvent as E, CyclePeriod, CycleState, Stage as S, Suspension, TransitionError,
};
use appraise::domain::documents::SupportOutcome;
use appraise::domain::presets;
use appraise::domain::progress::StatementSigned;
use common::date;

const ALL_STAGES: [S; 8] = [
    S::Invited,
    S::Preparing,
    S::MeetingHeld,
    S::StatementDrafted,
    S::WithReviewee,
    S::SignedByBoth,
    S::Appealed,
    S::Final,
];
const MAIN_EVENTS: [E; 9] = [
    E::PreReviewStarted,
    E::MeetingHeld,
    E::StatementDrafted,
    E::StatementSentToReviewee,
    E::StatementReturnedForChanges,
    E::SignedByBoth,
    E::AppealLodged,
    E::AppealDecided,
    E::Finalised,
];

fn at(stage: S) -> CycleState {
    CycleState {
        stage,
        suspension: None,
    }
}

/// Every legal move on the main path; everything else is refused.
const LEGAL: [(S, E, S); 11] = [
    (S::Invited, E::PreReviewStarted, S::Preparing),
    (S::Invited, E::MeetingHeld, S::MeetingHeld),
    (S::Preparing, E::MeetingHeld, S::MeetingHeld),
    (S::MeetingHeld, E::StatementDrafted, S::StatementDrafted),
    (
        S::StatementDrafted,
        E::StatementSentToReviewee,
        S::WithReviewee,
    ),
    (
        S::WithReviewee,
        E::StatementReturnedForChanges,
        S::StatementDrafted,
    ),
    (S::WithReviewee, E::SignedByBoth, S::SignedByBoth),
    (S::WithReviewee, E::AppealLodged, S::Appealed),
    (S::SignedByBoth, E::AppealLodged, S::Appealed),
    (S::Appealed, E::AppealDecided, S::WithReviewee),
    (S::SignedByBoth, E::Finalised, S::Final),
];

#[test]
fn every_stage_and_event_pair_is_legal_exactly_when_listed() {
    for stage in ALL_STAGES {
        for event in MAIN_EVENTS {
            let expected = LEGAL
                .iter()
                .find(|(from, e, _)| *from == stage && *e == event);
            let result = at(stage).after(event);
            match (expected, stage) {
                (Some((_, _, to)), _) => assert_eq!(result, Ok(at(*to)), "{stage:?} + {event:?}"),
                (None, S::Final) => assert_eq!(
                    result,
                    Err(TransitionError::AlreadyFinal { event }),
                    "{event:?}"
                ),
                (None, _) => assert_eq!(
                    result,
                    Err(TransitionError::NotAtThisStage { event, stage }),
                    "{stage:?} + {event:?}"
                ),
            }
        }
    }
}

#[test]
fn a_support_plan_runs_beside_the_cycle_and_capability_suspends_it() {
    let planned = at(S::WithReviewee).after(E::SupportPlanStarted).unwrap();
    assert_eq!(planned.suspension, Some(Suspension::SupportPlan));
    // The cycle carries on under a support plan.
    let signed = planned.after(E::SignedByBoth).unwrap();
    assert_eq!(
        signed,
        CycleState {
            stage: S::SignedByBoth,
            suspension: Some(Suspension::SupportPlan)
        }
    );
    assert_eq!(
        signed.after(E::SupportPlanStarted),
        Err(TransitionError::SupportPlanAlreadyRunning)
    );

    let monitoring = signed
        .after(E::SupportPlanEnded(SupportOutcome::ContinueMonitoring))
        .unwrap();
    assert_eq!(monitoring, signed);
    let improved = signed
        .after(E::SupportPlanEnded(SupportOutcome::Improved))
        .unwrap();
    assert_eq!(improved, at(S::SignedByBoth));

    let capability = signed
        .after(E::SupportPlanEnded(SupportOutcome::FormalCapability))
        .unwrap();
    assert_eq!(capability.suspension, Some(Suspension::Capability));
    for event in MAIN_EVENTS {
        assert_eq!(
            capability.after(event),
            Err(TransitionError::Suspended { event })
        );
    }
    assert_eq!(
        capability.after(E::SupportPlanStarted),
        Err(TransitionError::Suspended {
            event: E::SupportPlanStarted
        })
    );
    assert_eq!(
        capability.after(E::CapabilityEnded),
        Ok(at(S::SignedByBoth))
    );
}

#[test]
fn side_moves_without_their_state_are_refused() {
    let end = E::SupportPlanEnded(SupportOutcome::Improved);
    assert_eq!(
        at(S::Preparing).after(end),
        Err(TransitionError::NoSupportPlan { event: end })
    );
    assert_eq!(
        at(S::Preparing).after(E::CapabilityEnded),
        Err(TransitionError::NotInCapability)
    );
    assert_eq!(
        at(S::Final).after(E::SupportPlanStarted),
        Err(TransitionError::AlreadyFinal {
            event: E::SupportPlanStarted
        })
    );
}

#[test]
fn refusals_say_what_to_do() {
    let errors = [
        TransitionError::NotAtThisStage {
            event: E::Finalised,
            stage: S::Preparing,
        },
        TransitionError::Suspended {
            event: E::MeetingHeld,
        },
        TransitionError::AlreadyFinal {
            event: E::AppealLodged,
        },
        TransitionError::NoSupportPlan {
            event: E::SupportPlanEnded(SupportOutcome::Improved),
        },
        TransitionError::NotInCapability,
        TransitionError::SupportPlanAlreadyRunning,
    ];
    for error in errors {
        let sentence = error.to_string();
        assert!(sentence.ends_with('.') && sentence.len() > 40, "{sentence}");
    }
    assert_eq!(
        errors[0].to_string(),
        "You cannot finalise the review while the review is at “Preparing for the meeting”. Finish the earlier steps first."
    );
}

#[test]
fn recording_events_notes_the_dates_the_clocks_start_from() {
    let mut review = common::review("la-support-staff", "Support staff", date(2026, 10, 1));
    review.record(E::MeetingHeld, date(2026, 10, 23)).unwrap();
    review
        .record(E::StatementDrafted, date(2026, 10, 24))
        .unwrap();
    review
        .record(E::StatementSentToReviewee, date(2026, 11, 2))
        .unwrap();
    review.record(E::SignedByBoth, date(2026, 11, 5)).unwrap();
    review.record(E::Finalised, date(2026, 11, 6)).unwrap();
    assert_eq!(review.dates.meeting_on, Some(date(2026, 10, 23)));
    assert_eq!(review.dates.statement_sent_on, Some(date(2026, 11, 2)));
    assert_eq!(review.dates.reviewee_replied_on, Some(date(2026, 11, 5)));
    assert_eq!(review.dates.finalised_on, Some(date(2026, 11, 6)));
    assert_eq!(review.state, at(S::Final));
    // A refused move changes nothing.
    let before = review.clone();
    assert!(review.record(E::MeetingHeld, date(2026, 12, 1)).is_err());
    assert_eq!(review, before);
}

#[test]
fn cycle_periods_of_each_preset() {
    #[rustfmt::skip]
    let cases = [
        ("secondary-support-staff", "Support staff", date(2026, 11, 22), date(2026, 9, 1), date(2027, 8, 31)),
        ("academy-procedure", "Teachers", date(2026, 8, 31), date(2025, 9, 1), date(2026, 8, 31)),
        ("academy-procedure", "Support staff", date(2027, 1, 10), date(2026, 4, 1), date(2027, 3, 31)),
        ("trust-associate-staff", "Associate staff", date(2026, 11, 22), date(2026, 1, 1), date(2026, 12, 31)),
        ("trust-associate-staff", "Learning support staff and teaching assistants (June cycle)", date(2027, 2, 1), date(2026, 6, 1), date(2027, 5, 31)),
        ("early-years-setting", "All staff", date(2026, 9, 1), date(2026, 9, 1), date(2027, 8, 31)),
    ];
    for (key, group, day, first, last) in cases {
        let policy = presets::preset(key).unwrap();
        let period = CyclePeriod::containing(policy.cycle_for(group).unwrap(), day).unwrap();
        assert_eq!(
            (period.first_day, period.last_day),
            (first, last),
            "{key} {group} on {day}"
        );
        assert!(period.contains(day));
    }
}

/// Each person holds their own copy, so the stage is read off what is held: table of copies.
#[test]
fn the_stage_is_read_from_the_documents_and_sign_offs_held() {
    use appraise::domain::cycle::Stage;
    use appraise::domain::documents::{PreReviewAuthor, PreReviewForm};
    use appraise::domain::progress::{StatementSigned, stage_of};
    let today = date(2026, 11, 23);
    let invited = || {
        let mut review = common::review("la-support-staff", "Support staff", date(2026, 10, 1));
        review.dates.meeting_on = Some(date(2026, 12, 1));
        review
    };
    let with = |change: &dyn Fn(&mut appraise::domain::cycle::Review)| {
        let mut review = invited();
        change(&mut review);
        review
    };
    let signed = |by_reviewer, by_reviewee| StatementSigned {
        by_reviewer,
        by_reviewee,
    };
    let blank_statement = appraise::domain::documents::Statement::blank(Vec::new(), Vec::new());
    let cases = [
        (
            "just invited",
            invited(),
            signed(false, false),
            Stage::Invited,
        ),
        (
            "a pre-review with only a name and job title is not yet preparing",
            with(&|r| {
                r.pre_review = Some(PreReviewForm::blank(
                    PreReviewAuthor::Reviewee,
                    "Sam Patel",
                    "Teaching assistant",
                ));
            }),
            signed(false, false),
            Stage::Invited,
        ),
        (
            "a pre-review with some answers left blank is begun",
            with(&|r| {
                let mut form = common::pre_review();
                form.key_successes = String::new();
                r.pre_review = Some(form);
            }),
            signed(false, false),
            Stage::Preparing,
        ),
        (
            "pre-review begun",
            with(&|r| r.pre_review = Some(common::pre_review())),
            signed(false, false),
            Stage::Preparing,
        ),
        (
            "the meeting day has come",
            with(&|r| r.dates.meeting_on = Some(date(2026, 11, 20))),
            signed(false, false),
            Stage::MeetingHeld,
        ),
        (
            "a statement carried over but not begun",
            with(&|r| r.statement = Some(blank_statement.clone())),
            signed(false, false),
            Stage::Invited,
        ),
        (
            "statement begun",
            with(&|r| r.statement = Some(common::statement())),
            signed(false, false),
            Stage::StatementDrafted,
        ),
        (
            "reviewer signed",
            with(&|r| r.statement = Some(common::statement())),
            signed(true, false),
            Stage::WithReviewee,
        ),
        (
            "both signed",
            with(&|r| r.statement = Some(common::statement())),
            signed(true, true),
            Stage::SignedByBoth,
        ),
        (
            "an appeal outranks signatures",
            with(&|r| r.appeal = Some(common::appeal())),
            signed(true, false),
            Stage::Appealed,
        ),
    ];
    for (case, review, signed, expected) in cases {
        assert_eq!(stage_of(&review, signed, today), expected, "{case}");
    }
}

/// What each person reads as the stage and their next step, from the documents they hold: the
/// reviewer once the pre-review is in, the reviewee once theirs is sent, the headteacher with a
/// statement signed or not, and the CPD leader, who holds training needs only.
/// A review of Sam by Jo, invited, with the meeting on 28/12/2026.
fn invited_for_december() -> appraise::domain::cycle::Review {
    let mut review = common::review("la-support-staff", "Support staff", date(2026, 10, 1));
    review.dates.meeting_on = Some(date(2026, 12, 28));
    review
}

/// That review, changed by `change`.
fn invited_and(
    change: &dyn Fn(&mut appraise::domain::cycle::Review),
) -> appraise::domain::cycle::Review {
    let mut review = invited_for_december();
    change(&mut review);
    review
}

const NOBODY: StatementSigned = StatementSigned {
    by_reviewer: false,
    by_reviewee: false,
};
const BOTH: StatementSigned = StatementSigned {
    by_reviewer: true,
    by_reviewee: true,
};
const REVIEWER_ONLY: StatementSigned = StatementSigned {
    by_reviewer: true,
    by_reviewee: false,
};

#[test]
fn each_role_reads_its_own_stage_and_next_step_from_what_it_holds() {
    use appraise::domain::cycle::Review;
    use appraise::domain::people::Role;
    use appraise::domain::progress::{
        StatementSigned, next_step, part_held, stage_label, stage_of,
    };
    let today = date(2026, 11, 23);
    let (invited, with) = (invited_for_december, invited_and);
    let (nobody, both, reviewer_only) = (NOBODY, BOTH, REVIEWER_ONLY);
    let pre_review_in = |r: &mut Review| {
        r.pre_review = Some(common::pre_review());
        r.dates.pre_review_sent_on = Some(date(2026, 11, 20));
    };
    let cpd_only = |r: &mut Review| {
        r.statement = None;
        r.cpd_needs = Some(common::cpd_needs());
    };
    // (case, review, party in it, signatures, stage read, next step contains)
    type Case = (
        &'static str,
        Review,
        Option<Role>,
        StatementSigned,
        &'static str,
        &'static str,
    );
    let cases: Vec<Case> = vec![
        (
            "reviewer, nothing back yet",
            invited(),
            Some(Role::Reviewer),
            nobody,
            "Invited",
            "arrives as a file to import",
        ),
        (
            "reviewer, pre-review imported",
            with(&pre_review_in),
            Some(Role::Reviewer),
            nobody,
            "Preparing for the meeting",
            "Read the reviewee’s pre-review",
        ),
        (
            "reviewee, invited",
            invited(),
            Some(Role::Reviewee),
            nobody,
            "Invited",
            "Prepare your pre-review",
        ),
        (
            "reviewee, pre-review sent",
            with(&pre_review_in),
            Some(Role::Reviewee),
            nobody,
            "Preparing for the meeting",
            "Your pre-review is sent",
        ),
        (
            "reviewee, statement for comment",
            with(&|r| r.statement = Some(common::statement())),
            Some(Role::Reviewee),
            reviewer_only,
            "With the reviewee for comments",
            "sign it or appeal",
        ),
        (
            "reviewer, statement with the reviewee",
            with(&|r| r.statement = Some(common::statement())),
            Some(Role::Reviewer),
            reviewer_only,
            "With the reviewee for comments",
            "their reply arrives",
        ),
        (
            "reviewer, signed by both",
            with(&|r| r.statement = Some(common::statement())),
            Some(Role::Reviewer),
            both,
            "Signed by both",
            "Send the final statement to the headteacher",
        ),
        (
            "headteacher, signed final statement",
            with(&|r| r.statement = Some(common::statement())),
            None,
            both,
            "Signed by both",
            "Read the agreed statement",
        ),
        (
            "headteacher, sign-offs out of date",
            with(&|r| r.statement = Some(common::statement())),
            None,
            nobody,
            "Statement being written",
            "not signed by both as it stands",
        ),
        (
            "headteacher, an appeal",
            with(&|r| {
                r.statement = Some(common::statement());
                r.appeal = Some(common::appeal());
            }),
            None,
            reviewer_only,
            "Appealed",
            "Hear the appeal",
        ),
        (
            "CPD leader, training needs",
            with(&cpd_only),
            None,
            nobody,
            "Training needs received",
            "Plan the training needs",
        ),
    ];
    for (case, review, party, signed, stage_read, step) in cases {
        let role = part_held(&review, party);
        let stage = stage_of(&review, signed, today);
        assert_eq!(stage_label(stage, role), stage_read, "{case}");
        let said = next_step(&review, stage, role);
        assert!(said.contains(step), "{case}: {said}");
        assert!(said.ends_with('.'), "{case}: {said}");
    }
}

/// The reviewee's pre-review is due before a meeting five weeks away, so it is on their list;
/// once sent it is done.
#[test]
fn the_pre_review_is_due_before_the_meeting_on_the_reviewees_list() {
    use appraise::domain::calendar::SchoolCalendar;
    use appraise::domain::deadlines::{DeadlineKind, pressing_for};
    use appraise::domain::people::Role;
    let mut review = common::review("la-support-staff", "Support staff", date(2026, 10, 1));
    review.dates.meeting_on = Some(date(2027, 1, 5));
    let today = date(2026, 11, 30);
    let due = pressing_for(&review, Role::Reviewee, &SchoolCalendar::default(), today);
    assert_eq!(due.len(), 1, "{due:?}");
    assert_eq!(due[0].deadline.kind, DeadlineKind::PreReviewToReviewer);
    assert_eq!(
        due[0].deadline.due,
        date(2027, 1, 4),
        "the working day before the meeting"
    );
    assert!(
        pressing_for(&review, Role::Reviewer, &SchoolCalendar::default(), today)
            .iter()
            .all(|item| item.deadline.kind != DeadlineKind::PreReviewToReviewer)
    );
    review.dates.pre_review_sent_on = Some(date(2026, 12, 1));
    assert!(pressing_for(&review, Role::Reviewee, &SchoolCalendar::default(), today).is_empty());
}

/// The review page's sections for each person: which they see, where each stands in words,
/// and which start folded because nothing in them is theirs to do now (the reviewer's
/// writing once they have signed; the reviewee's appeal once they have signed instead).
#[test]
fn each_role_sees_its_sections_with_where_they_stand_and_finished_ones_folded() {
    use appraise::domain::cycle::Review;
    use appraise::domain::documents::WhoActs;
    use appraise::domain::people::Role;
    use appraise::domain::progress::{StatementSigned, part_held, stage_of};
    use appraise::domain::sections::{Section as X, next_section, sections};
    let today = date(2026, 11, 23);
    let (invited, with) = (invited_for_december, invited_and);
    let (nobody, both, reviewer_only) = (NOBODY, BOTH, REVIEWER_ONLY);
    let written = |r: &mut Review| {
        r.pre_review = Some(common::pre_review());
        r.dates.pre_review_sent_on = Some(date(2026, 11, 20));
        r.statement = Some(common::statement());
        r.cpd_needs = Some(common::cpd_needs());
    };
    let ticked_all = |r: &mut Review| {
        for item in &mut r.checklist.items {
            item.done = item.who != WhoActs::Reviewee;
        }
    };
    // (case, review, party, signatures, [(section, state contains, folded)], next section)
    type Case = (
        &'static str,
        Review,
        Option<Role>,
        StatementSigned,
        Vec<(X, &'static str, bool)>,
        Option<X>,
    );
    let cases: Vec<Case> = vec![
        (
            "reviewer, invited",
            invited(),
            Some(Role::Reviewer),
            nobody,
            vec![
                (X::PreReview, "Not received yet", false),
                (X::Checklist, "0 of 23 ticked", false),
                (X::Statement, "Not started", false),
                (X::TrainingNeeds, "None written yet", false),
                (X::SignOffs, "Not signed yet", false),
                (X::Send, "", false),
            ],
            Some(X::PreReview),
        ),
        (
            "reviewer, every checklist item ticked",
            with(&ticked_all),
            Some(Role::Reviewer),
            nobody,
            vec![
                (X::PreReview, "Not received yet", false),
                (X::Checklist, "23 of 23 ticked", true),
                (X::Statement, "Not started", false),
                (X::TrainingNeeds, "None written yet", false),
                (X::SignOffs, "Not signed yet", false),
                (X::Send, "", false),
            ],
            Some(X::PreReview),
        ),
        (
            "reviewee, pre-review sent",
            with(&|r| {
                r.pre_review = Some(common::pre_review());
                r.dates.pre_review_sent_on = Some(date(2026, 11, 20));
            }),
            Some(Role::Reviewee),
            nobody,
            vec![
                (X::PreReview, "Sent on 20/11/2026", true),
                (X::Checklist, "0 of 4 ticked", false),
                (X::Statement, "Not received yet", false),
                (X::TrainingNeeds, "None written yet", false),
                (X::SignOffs, "Not signed yet", false),
                (X::Appeal, "Only once the statement arrives", true),
                (X::Send, "", false),
            ],
            Some(X::PreReview),
        ),
        (
            "reviewer, signed and with the reviewee",
            with(&written),
            Some(Role::Reviewer),
            reviewer_only,
            vec![
                (X::PreReview, "Received", true),
                (X::Checklist, "0 of 23 ticked", true),
                (X::Statement, "Signed by you; with the reviewee", true),
                (X::TrainingNeeds, "need", true),
                (X::SignOffs, "Signed by you; not yet by the reviewee", false),
                (X::Send, "", false),
            ],
            None,
        ),
        (
            "reviewee, statement for comment",
            with(&written),
            Some(Role::Reviewee),
            reviewer_only,
            vec![
                (X::PreReview, "Sent on 20/11/2026", true),
                (X::Checklist, "0 of 4 ticked", false),
                (
                    X::Statement,
                    "Received: read it and add your comments",
                    false,
                ),
                (X::TrainingNeeds, "need", false),
                (
                    X::SignOffs,
                    "Signed by your reviewer; not yet by you",
                    false,
                ),
                (X::Appeal, "Only if you disagree", false),
                (X::Send, "", false),
            ],
            Some(X::Statement),
        ),
        (
            "reviewee, signed",
            with(&written),
            Some(Role::Reviewee),
            both,
            vec![
                (X::PreReview, "Sent on", true),
                (X::Checklist, "0 of 4 ticked", true),
                (X::Statement, "Signed by both", true),
                (X::TrainingNeeds, "need", true),
                (X::SignOffs, "Signed by both", false),
                (X::Appeal, "You signed instead", true),
                (X::Send, "", false),
            ],
            None,
        ),
        (
            "reviewee, appealed",
            with(&|r| {
                written(r);
                r.appeal = Some(common::appeal());
            }),
            Some(Role::Reviewee),
            reviewer_only,
            vec![
                (X::PreReview, "Sent on", true),
                (X::Checklist, "0 of 4 ticked", true),
                (X::Statement, "You appealed", true),
                (X::TrainingNeeds, "need", true),
                (X::SignOffs, "Signed by your reviewer", false),
                (X::Appeal, "Written: it goes with your reply", false),
                (X::Send, "", false),
            ],
            None,
        ),
        (
            "headteacher, final statement",
            with(&written),
            None,
            both,
            vec![
                (X::Statement, "Signed by both", false),
                (X::TrainingNeeds, "need", false),
                (X::SignOffs, "Signed by both", false),
            ],
            Some(X::Statement),
        ),
        (
            "headteacher, an appeal",
            with(&|r| {
                written(r);
                r.appeal = Some(common::appeal());
            }),
            None,
            reviewer_only,
            vec![
                (X::Statement, "Appealed by the reviewee", false),
                (X::TrainingNeeds, "need", false),
                (
                    X::SignOffs,
                    "Signed by the reviewer; not yet by the reviewee",
                    false,
                ),
                (X::Appeal, "Lodged", false),
            ],
            Some(X::Appeal),
        ),
        (
            "CPD leader, training needs only",
            with(&|r| r.cpd_needs = Some(common::cpd_needs())),
            None,
            reviewer_only,
            vec![
                (X::TrainingNeeds, "need", false),
                (X::SignOffs, "Training needs signed by the reviewer", false),
            ],
            Some(X::TrainingNeeds),
        ),
    ];
    for (case, review, party, signed, expected, next) in cases {
        let role = part_held(&review, party);
        let stage = stage_of(&review, signed, today);
        // The reviewer signs the training needs with the statement.
        let shown = sections(
            &review,
            role,
            party.is_some(),
            stage,
            signed,
            signed.by_reviewer,
        );
        let listed: Vec<_> = shown.iter().map(|state| state.section).collect();
        let wanted: Vec<_> = expected.iter().map(|(section, ..)| *section).collect();
        assert_eq!(listed, wanted, "{case}");
        for (state, (section, words, folded)) in shown.iter().zip(&expected) {
            let said = state.state.clone().unwrap_or_default();
            assert!(said.contains(words), "{case}, {section:?}: {said}");
            assert_eq!(state.folded, *folded, "{case}, {section:?} folded");
        }
        assert_eq!(next_section(stage, role), next, "{case}: next section");
    }
}

#[test]
fn a_reviewee_is_told_when_their_policy_has_no_appeal_against_the_statement() {
    use appraise::domain::progress::stage_of;
    use appraise::domain::sections::{Section, sections};
    let today = date(2026, 11, 23);
    let appeal_state = |key: &str| {
        let mut review = common::review(key, "All staff", date(2026, 10, 1));
        review.statement = Some(common::statement());
        let stage = stage_of(&review, NOBODY, today);
        sections(
            &review,
            appraise::domain::people::Role::Reviewee,
            true,
            stage,
            NOBODY,
            false,
        )
        .into_iter()
        .find(|shown| shown.section == Section::Appeal)
        .and_then(|shown| shown.state)
        .unwrap_or_default()
    };
    assert_eq!(
        appeal_state("early-years-setting"),
        "No appeal against the statement under this policy"
    );
    assert_eq!(
        appeal_state("la-support-staff"),
        "Only if you disagree with the statement"
    );
}
