//! The stages of a review, read off what each copy holds (every stage reachable), what each
//! person is told to do next, and the cycle periods of each preset.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use appraise::domain::period::CyclePeriod;
use appraise::domain::presets;
use appraise::domain::progress::StatementSigned;
use common::date;

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
            "the final statement with the headteacher",
            with(&|r| {
                r.statement = Some(common::statement());
                r.dates.sent_to_headteacher_on = Some(date(2026, 11, 20));
            }),
            signed(true, true),
            Stage::Final,
        ),
        (
            "an appeal outranks signatures",
            with(&|r| r.appeal = Some(common::appeal())),
            signed(true, false),
            Stage::Appealed,
        ),
        (
            "an appeal upheld: the statement is revised",
            with(&|r| {
                r.statement = Some(common::statement());
                r.appeal = Some(common::appeal());
                r.appeal_hearing = Some(common::appeal_hearing());
            }),
            signed(false, false),
            Stage::Revising,
        ),
        (
            "an appeal upheld, the revised statement signed again by the reviewer",
            with(&|r| {
                r.statement = Some(common::statement());
                r.appeal = Some(common::appeal());
                r.appeal_hearing = Some(common::appeal_hearing());
            }),
            signed(true, false),
            Stage::WithReviewee,
        ),
        (
            "an appeal not upheld: the statement goes back to be signed as it is",
            with(&|r| {
                r.statement = Some(common::statement());
                r.appeal = Some(common::appeal());
                r.appeal_hearing = Some(appraise::domain::documents::AppealHearing {
                    outcome: Some(appraise::domain::documents::AppealOutcome::NotUpheld),
                    ..common::appeal_hearing()
                });
            }),
            signed(true, false),
            Stage::WithReviewee,
        ),
        (
            "a final statement sent before the appeal was upheld is not the final one",
            with(&|r| {
                r.statement = Some(common::statement());
                r.appeal = Some(common::appeal());
                r.appeal_hearing = Some(common::appeal_hearing());
                r.dates.sent_to_headteacher_on = Some(date(2026, 11, 1));
            }),
            signed(true, true),
            Stage::SignedByBoth,
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
    review.dates.invited_on = Some(date(2026, 11, 2));
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
    let sent = |r: &mut Review| {
        r.statement = Some(common::statement());
        r.dates.statement_sent_on = Some(date(2026, 11, 20));
    };
    let cases: Vec<Case> = vec![
        (
            "reviewer, invitation not yet sent",
            with(&|r| r.dates.invited_on = None),
            Some(Role::Reviewer),
            nobody,
            "Invited",
            "Send the invitation",
        ),
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
            "reviewer, statement signed but not sent",
            with(&|r| r.statement = Some(common::statement())),
            Some(Role::Reviewer),
            reviewer_only,
            "With the reviewee for comments",
            "Send the signed statement",
        ),
        (
            "reviewer, statement with the reviewee",
            with(&sent),
            Some(Role::Reviewer),
            reviewer_only,
            "With the reviewee for comments",
            "their reply arrives",
        ),
        (
            "reviewer, signed by both",
            with(&sent),
            Some(Role::Reviewer),
            both,
            "Signed by both",
            "Send the final statement to the headteacher and the training needs",
        ),
        (
            "reviewer, the final statement sent: the step moves on",
            with(&|r| {
                sent(r);
                r.dates.sent_to_headteacher_on = Some(date(2026, 11, 22));
            }),
            Some(Role::Reviewer),
            both,
            "Final",
            "Send the training needs to the CPD leader",
        ),
        (
            "reviewer, both sent",
            with(&|r| {
                sent(r);
                r.dates.sent_to_headteacher_on = Some(date(2026, 11, 22));
                r.dates.training_needs_sent_on = Some(date(2026, 11, 22));
            }),
            Some(Role::Reviewer),
            both,
            "Final",
            "Nothing more is needed",
        ),
        (
            "reviewer, an appeal upheld",
            with(&|r| {
                sent(r);
                r.appeal = Some(common::appeal());
                r.appeal_hearing = Some(common::appeal_hearing());
            }),
            Some(Role::Reviewer),
            nobody,
            "Statement being revised after the appeal",
            "Revise the statement as its outcome says (“The assessment adds the phonics group.”)",
        ),
        (
            "reviewee, an appeal upheld",
            with(&|r| {
                sent(r);
                r.appeal = Some(common::appeal());
                r.appeal_hearing = Some(common::appeal_hearing());
            }),
            Some(Role::Reviewee),
            nobody,
            "Statement being revised after the appeal",
            "sign again",
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
    use appraise::domain::cycle::Stage;
    use appraise::domain::deadlines::{DeadlineKind, deadlines, pressing_for};
    use appraise::domain::people::Role;
    let mut review = common::review("la-support-staff", "Support staff", date(2026, 10, 1));
    review.dates.meeting_on = Some(date(2027, 1, 5));
    let today = date(2026, 11, 30);
    let pressing = |review: &appraise::domain::cycle::Review, role| {
        let calendar = SchoolCalendar::default();
        let all = deadlines(review, Stage::Invited, &calendar);
        pressing_for(review, &all, role, &calendar, today)
    };
    let due = pressing(&review, Role::Reviewee);
    assert_eq!(due.len(), 1, "{due:?}");
    assert_eq!(due[0].deadline.kind, DeadlineKind::PreReviewToReviewer);
    assert_eq!(
        due[0].deadline.due,
        date(2027, 1, 4),
        "the working day before the meeting"
    );
    assert!(
        pressing(&review, Role::Reviewer)
            .iter()
            .all(|item| item.deadline.kind != DeadlineKind::PreReviewToReviewer)
    );
    review.dates.pre_review_sent_on = Some(date(2026, 12, 1));
    assert!(pressing(&review, Role::Reviewee).is_empty());
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

/// An appeal reads as what it is: lodged after signing, or instead of signing.
#[test]
fn an_appeal_says_whether_it_came_after_signing_or_instead() {
    use appraise::domain::progress::appeal_in_words;
    let lodged = |day| appraise::domain::documents::Appeal {
        lodged_on: day,
        ..common::appeal()
    };
    #[rustfmt::skip]
    let cases = [
        (lodged(Some(date(2026, 11, 20))), Some(date(2026, 11, 18)),
         "The reviewee signed the statement on 18/11/2026 and appealed on 20/11/2026. The appeal is heard by the headteacher."),
        (lodged(Some(date(2026, 11, 20))), None,
         "The reviewee appealed on 20/11/2026 instead of signing. The appeal is heard by the headteacher."),
        (lodged(None), None,
         "The reviewee appeals against the statement. The appeal is heard by the headteacher."),
    ];
    for (appeal, signed, said) in cases {
        assert_eq!(appeal_in_words(&appeal, signed, "the headteacher"), said);
    }
}
