//! The spec's rules: signing refused with empty required fields, sign-offs going out of date,
//! every warning, the SMART check, retention and the reviewer's review limit.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use appraise::domain::calendar::SchoolCalendar;
use appraise::domain::cycle::Review;
use appraise::domain::deadlines::DeadlineKind;
use appraise::domain::documents::{NewObjective, PayRecommendation, Statement};
use appraise::domain::people::{Person, Role};
use appraise::domain::period::CyclePeriod;
use appraise::domain::policy::AfterRetention;
use appraise::domain::retention::{destroy_from, past_retention};
use appraise::domain::sign_off::{
    SignOff, SignOffStatus, SignerRole, what_signing_the_statement_covers,
};
use appraise::domain::smart::{SmartMiss, smart_check};
use appraise::domain::validation::{
    ObjectiveLimit, Warning, objectives_over_limit, review_warnings, reviewer_load_warning,
    senior_reviewer_warning,
};
use common::{date, id};

fn secondary_review_with_statement() -> Review {
    let mut review = common::review(
        "secondary-support-staff",
        "Support staff",
        date(2026, 10, 1),
    );
    review.pay_eligible = true;
    let mut statement = common::statement();
    for assessment in &mut statement.standards {
        assessment.judgement = Some(appraise::domain::standards::StandardJudgement::Meets);
    }
    review.statement = Some(statement);
    review.cpd_needs = Some(common::cpd_needs());
    review
}

/// The warnings the reviewer of `review` sees on `today`.
fn reviewers_warnings(review: &Review, today: chrono::NaiveDate) -> Vec<Warning> {
    use appraise::domain::progress::{StatementSigned, stage_of};
    let calendar = SchoolCalendar::default();
    let stage = stage_of(review, StatementSigned::default(), today);
    let all = appraise::domain::deadlines::deadlines(review, stage, &calendar);
    review_warnings(
        review,
        &all,
        appraise::domain::people::Role::Reviewer,
        &calendar,
        today,
    )
}

#[test]
fn a_complete_statement_can_be_signed_and_stays_current() {
    let review = secondary_review_with_statement();
    let reviewer =
        SignOff::for_statement(&review, SignerRole::Reviewer, date(2026, 10, 30)).unwrap();
    assert_eq!(reviewer.signer.name, "Jo Lee");
    assert_eq!(reviewer.status(&review), SignOffStatus::Current);
    assert_eq!(reviewer.fingerprint.len(), 64);
    assert_eq!(reviewer.short_fingerprint().len(), 14);
    let cpd = SignOff::for_cpd_needs(&review, SignerRole::Reviewee, date(2026, 10, 30)).unwrap();
    assert_eq!(cpd.status(&review), SignOffStatus::Current);
}

#[test]
fn the_signer_is_told_what_their_signature_covers() {
    let review = secondary_review_with_statement();
    let mut statement = review.statement.unwrap();
    statement.previous_objectives[0].rating = None;
    let rated = statement.previous_objectives.len() - 1;
    let total = statement.previous_objectives.len();
    let new = statement.new_objectives.len();
    let cases = [
        (
            SignerRole::Reviewer,
            "everything except the reviewee’s comments",
        ),
        (SignerRole::Reviewee, "including your comments"),
    ];
    for (role, whose_words) in cases {
        let sentence = what_signing_the_statement_covers(&statement, role);
        let expected = format!(
            "{rated} of {total} previous objectives rated, {new} new objectives, {whose_words}."
        );
        assert!(sentence.contains(&expected), "{role:?}: {sentence}");
        assert!(sentence.ends_with("your sign-off shows as out of date and you sign again."));
    }
}

#[test]
fn signing_is_refused_for_each_empty_required_field() {
    let mut review = secondary_review_with_statement();
    let statement = review.statement.as_mut().unwrap();
    statement.meeting_date = None;
    statement.assessment = "  ".into();
    statement.previous_objectives[0].rating = None;
    statement.standards[4].judgement = None;
    statement.pay_recommendation = None;
    statement.new_objectives[1].success_criteria.clear();
    statement.new_objectives[2].objective.clear();
    statement.new_objectives[2].actions.clear();
    let refused =
        SignOff::for_statement(&review, SignerRole::Reviewer, date(2026, 10, 30)).unwrap_err();
    let paths: Vec<&str> = refused.missing.iter().map(|m| m.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "statement.meeting_date",
            "statement.previous_objectives[prev-1].rating",
            "statement.assessment",
            "statement.standards[safeguarding].judgement",
            "statement.pay_recommendation",
            "statement.new_objectives[obj-2].success_criteria",
            "statement.new_objectives[obj-3].objective",
            "statement.new_objectives[obj-3].actions",
        ]
    );
    let sentence = refused.to_string();
    assert!(
        sentence.starts_with(
            "This cannot be signed yet because these required answers are empty: Meeting date;"
        ),
        "{sentence}"
    );
    assert!(sentence.contains(
        "Judgement against the standard “Having regard to the need to safeguard pupils’ well-being”"
    ));
    assert!(sentence.ends_with("Fill them in, then sign."));

    review.statement.as_mut().unwrap().new_objectives.clear();
    let refused =
        SignOff::for_statement(&review, SignerRole::Reviewee, date(2026, 10, 30)).unwrap_err();
    assert!(
        refused
            .missing
            .iter()
            .any(|m| m.label == "At least one new objective")
    );

    review.statement = None;
    let refused =
        SignOff::for_statement(&review, SignerRole::Reviewee, date(2026, 10, 30)).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "This cannot be signed yet because this required answer is empty: the planning and review statement. Fill it in, then sign."
    );
}

#[test]
fn standards_and_pay_are_required_only_where_the_policy_and_eligibility_say() {
    let mut review = common::review("la-support-staff", "Support staff", date(2026, 10, 1));
    review.statement = Some(Statement {
        pay_recommendation: None,
        ..common::statement()
    });
    review.pay_eligible = true; // the LA model has no link to pay
    assert!(SignOff::for_statement(&review, SignerRole::Reviewer, date(2026, 10, 30)).is_ok());

    let mut cpd = common::review("la-support-staff", "Support staff", date(2026, 10, 1));
    let mut needs = common::cpd_needs();
    needs.needs[1].action.clear();
    cpd.cpd_needs = Some(needs);
    let refused =
        SignOff::for_cpd_needs(&cpd, SignerRole::Reviewer, date(2026, 10, 30)).unwrap_err();
    assert_eq!(refused.missing[0].path, "cpd_needs.needs[need-2].action");
}

#[test]
fn changing_signed_content_puts_sign_offs_out_of_date_and_names_the_fields() {
    let mut review = secondary_review_with_statement();
    let reviewer =
        SignOff::for_statement(&review, SignerRole::Reviewer, date(2026, 10, 30)).unwrap();
    // The reviewee's comments are not covered by the reviewer's signature...
    review.statement.as_mut().unwrap().reviewee_comments = "I agree with the objectives.".into();
    assert_eq!(reviewer.status(&review), SignOffStatus::Current);
    // ...but they are by the reviewee's.
    let reviewee =
        SignOff::for_statement(&review, SignerRole::Reviewee, date(2026, 11, 2)).unwrap();
    assert_eq!(reviewee.status(&review), SignOffStatus::Current);

    let statement = review.statement.as_mut().unwrap();
    statement.new_objectives[0].success_criteria = "90% of pupils".into();
    statement.pay_recommendation = Some(PayRecommendation::DoNotProgress);
    let expected = SignOffStatus::OutOfDate {
        changed: vec![
            "statement.new_objectives[obj-1].success_criteria".into(),
            "statement.pay_recommendation".into(),
        ],
    };
    assert_eq!(reviewer.status(&review), expected);
    assert_eq!(reviewee.status(&review), expected);

    // Removing an objective shows its fields and the list as changed.
    review.statement.as_mut().unwrap().new_objectives.remove(2);
    let SignOffStatus::OutOfDate { changed } = reviewer.status(&review) else {
        panic!("still current")
    };
    assert!(changed.contains(&"statement.new_objectives".to_string()));
    assert!(changed.contains(&"statement.new_objectives[obj-3].objective".to_string()));
}

#[test]
fn a_field_added_to_the_statement_since_signing_changes_nothing_until_it_is_filled() {
    let mut review = secondary_review_with_statement();
    let reviewer =
        SignOff::for_statement(&review, SignerRole::Reviewer, date(2026, 10, 30)).unwrap();
    // An empty agreed date is left out of what is signed, as in a statement signed before
    // statements had one, so those sign-offs stay current.
    assert!(!reviewer.covered.contains_key("statement.next_review_on"));
    assert_eq!(reviewer.status(&review), SignOffStatus::Current);
    review.statement.as_mut().unwrap().next_review_on = Some(date(2027, 2, 11));
    assert_eq!(
        reviewer.status(&review),
        SignOffStatus::OutOfDate {
            changed: vec!["statement.next_review_on".into()]
        }
    );
}

#[test]
fn an_altered_sign_off_record_is_invalid() {
    let review = secondary_review_with_statement();
    let mut forged =
        SignOff::for_statement(&review, SignerRole::Reviewer, date(2026, 10, 30)).unwrap();
    forged.covered.insert(
        "statement.assessment".into(),
        serde_json::json!("Something else"),
    );
    assert_eq!(forged.status(&review), SignOffStatus::Invalid);
    let mut no_document =
        SignOff::for_cpd_needs(&review, SignerRole::Reviewer, date(2026, 10, 30)).unwrap();
    no_document.document = "appeal".into();
    assert_eq!(no_document.status(&review), SignOffStatus::Invalid);
}

fn period() -> CyclePeriod {
    CyclePeriod {
        first_day: date(2026, 9, 1),
        last_day: date(2027, 8, 31),
    }
}

fn objective(
    objective: &str,
    success_criteria: &str,
    by_when: Option<chrono::NaiveDate>,
) -> NewObjective {
    NewObjective {
        objective: objective.into(),
        success_criteria: success_criteria.into(),
        by_when,
        ..NewObjective::blank(id("obj-1"))
    }
}

#[test]
fn smart_check_gives_a_reason_for_each_miss() {
    let in_cycle = Some(date(2027, 3, 26));
    let cases: Vec<(NewObjective, Vec<SmartMiss>)> = vec![
        (
            objective(
                "Deliver phonics sessions to 12 pupils",
                "12 pupils reach the expected standard",
                in_cycle,
            ),
            vec![],
        ),
        (
            objective(
                "Introduce a reading log for Year 2",
                "Every pupil has one",
                in_cycle,
            ),
            vec![],
        ),
        (
            objective(
                "Completing a Level 3 qualification",
                "Certificate awarded",
                in_cycle,
            ),
            vec![],
        ),
        (
            objective("Improve attendance", "80% or above", in_cycle),
            vec![],
        ),
        (
            objective("Be better with parents", "Parents are happier", in_cycle),
            vec![SmartMiss::NoActionVerb, SmartMiss::NothingMeasurable],
        ),
        (
            objective("Run the breakfast club", "", in_cycle),
            vec![SmartMiss::NothingMeasurable, SmartMiss::NoSuccessCriteria],
        ),
        (
            objective("Lead three assemblies", "Three assemblies led", None),
            vec![SmartMiss::NoByWhenDate],
        ),
        (
            objective(
                "Lead three assemblies",
                "Three assemblies led",
                Some(date(2027, 9, 30)),
            ),
            vec![SmartMiss::ByWhenOutsideCycle {
                by_when: date(2027, 9, 30),
                period: period(),
            }],
        ),
        (
            objective("", "", None),
            vec![
                SmartMiss::NoActionVerb,
                SmartMiss::NothingMeasurable,
                SmartMiss::NoSuccessCriteria,
                SmartMiss::NoByWhenDate,
            ],
        ),
    ];
    for (objective, expected) in cases {
        assert_eq!(
            smart_check(&objective, &period()),
            expected,
            "{:?}",
            objective.objective
        );
    }
    assert_eq!(
        SmartMiss::ByWhenOutsideCycle {
            by_when: date(2027, 9, 30),
            period: period()
        }
        .to_string(),
        "The “by when” date 30/09/2027 is outside this cycle (01/09/2026 to 31/08/2027): choose a date within it."
    );
}

#[test]
fn review_warnings_cover_objectives_deadlines_observations_and_retention() {
    let mut review = secondary_review_with_statement();
    let statement = review.statement.as_mut().unwrap();
    statement.new_objectives.push(common::objective(4, None));
    review.dates.meeting_on = Some(date(2026, 10, 23));
    let warnings = reviewers_warnings(&review, date(2026, 10, 28));
    assert_eq!(
        warnings,
        vec![
            Warning::TooManyObjectives(ObjectiveLimit {
                count: 4,
                max: 3,
                firm: true,
                words: Some((
                    "2.3",
                    "In this school all staff will have no more than three objectives"
                )),
            }),
            Warning::ObjectiveNotSmart {
                objective: id("obj-4"),
                number: 4,
                misses: vec![SmartMiss::NoByWhenDate]
            },
            Warning::DeadlineNear {
                what: DeadlineKind::StatementToReviewee,
                due: date(2026, 10, 30),
                working_days: 2
            },
        ]
    );
    let later = reviewers_warnings(&review, date(2026, 11, 9));
    assert!(later.contains(&Warning::DeadlinePassed {
        what: DeadlineKind::StatementToReviewee,
        due: date(2026, 10, 30),
        working_days: 6
    }));

    let mut observed = common::review("trust-associate-staff", "Associate staff", date(2026, 3, 1));
    observed.observations = vec![
        common::observation(),
        appraise::domain::documents::Observation {
            id: id("obs-2"),
            ..common::observation()
        },
    ];
    // Too many observations is `between_meetings_checks`' to say, counted in the cycle they fall in.
    let warnings = reviewers_warnings(&observed, date(2026, 11, 20));
    let sentences: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert!(sentences.contains(&"“Give feedback on the observation of 20/11/2026 within 48 hours, by the time of day it was held” is due on 22/11/2026, before the next working day.".to_string()), "{sentences:?}");
    let on_the_day = reviewers_warnings(&observed, date(2026, 11, 22));
    assert!(on_the_day.contains(&Warning::DeadlineToday {
        what: DeadlineKind::ObservationFeedback {
            observation: id("obs-1"),
            observed_on: date(2026, 11, 20),
            within_hours: Some(48),
        },
        due: date(2026, 11, 22),
    }));
}

#[test]
fn records_past_retention_are_listed_from_the_day_after_the_period() {
    let mut old = common::review("trust-associate-staff", "Associate staff", date(2019, 6, 1));
    old.dates.meeting_on = Some(date(2019, 1, 20));
    assert_eq!(destroy_from(&old), Some(date(2026, 1, 1))); // cycle ended 31/12/2019, + 6 years
    let recent = common::review("trust-associate-staff", "Associate staff", date(2025, 6, 1));
    let reviews = [old, recent];
    let past: Vec<_> = past_retention(&reviews, date(2026, 11, 22))
        .into_iter()
        .map(|(r, d)| (r.period.first_day, d))
        .collect();
    assert_eq!(past, vec![(date(2019, 1, 1), date(2026, 1, 1))]);
    assert!(past_retention(&reviews, date(2025, 12, 31)).is_empty());
    let warnings = reviewers_warnings(&reviews[0], date(2026, 11, 22));
    let past = Warning::PastRetention {
        reviewee: "Sam Patel".into(),
        destroy_from: date(2026, 1, 1),
        years: 6,
        after: AfterRetention::Destroy,
    };
    assert!(warnings.contains(&past));
    assert_eq!(
        past.to_string(),
        "The records of Sam Patel’s review reached the policy’s 6 years on 01/01/2026, after which it says they are destroyed. Delete them from this device."
    );
}

/// Seeds 001 and 004 keep records "for a minimum of 6 years"; only seed 003 destroys them after
/// six. A minimum is said as one: the school may delete them, or keep them.
#[test]
fn a_minimum_retention_is_not_said_as_a_time_to_destroy() {
    use appraise::domain::presets::preset;
    #[rustfmt::skip]
    let cases = [
        ("early-years-setting", AfterRetention::Minimum),
        ("la-support-staff", AfterRetention::Minimum),
        ("academy-procedure", AfterRetention::Minimum),
        ("trust-associate-staff", AfterRetention::Destroy),
        ("secondary-support-staff", AfterRetention::Minimum),
    ];
    for (key, after) in cases {
        assert_eq!(preset(key).unwrap().after_retention, after, "{key}");
    }
    let mut old = common::review("la-support-staff", "Support staff", date(2019, 6, 1));
    old.dates.meeting_on = Some(date(2019, 6, 20));
    let warnings = reviewers_warnings(&old, date(2026, 11, 22));
    let sentence = warnings
        .iter()
        .find(|w| matches!(w, Warning::PastRetention { .. }))
        .unwrap()
        .to_string();
    assert_eq!(
        sentence,
        "The records of Sam Patel’s review have been kept for the policy’s minimum of 6 years (since 01/09/2025). Your school may now delete them from this device, or keep them longer."
    );
}

/// Jo Lee, a reviewer outside the senior team.
fn reviewer_jo() -> Person {
    Person {
        staff_id: id("jo"),
        display_name: "Jo Lee".into(),
        job_title: "Year 2 leader".into(),
        roles: [Role::Reviewer].into_iter().collect(),
        senior_leader: false,
    }
}

#[test]
fn a_reviewer_outside_the_senior_team_over_the_limit_is_warned() {
    let mut jo = reviewer_jo();
    let reviews: Vec<Review> = (1..=5)
        .map(|n| Review {
            id: id(&format!("review-{n}")),
            ..common::review(
                "secondary-support-staff",
                "Support staff",
                date(2026, 10, 1),
            )
        })
        .collect();
    let today = date(2026, 11, 22);
    assert_eq!(reviewer_load_warning(&jo, &reviews[..4], today), None);
    let warning = reviewer_load_warning(&jo, &reviews, today).unwrap();
    assert_eq!(
        warning,
        Warning::ReviewerOverLimit {
            reviewer: "Jo Lee".into(),
            count: 5,
            max: 4
        }
    );
    assert!(warning.to_string().contains("at most 4"));
    // Last year's reviews do not count this year.
    assert_eq!(reviewer_load_warning(&jo, &reviews, date(2027, 9, 2)), None);
    jo.senior_leader = true;
    assert_eq!(reviewer_load_warning(&jo, &reviews, today), None);
    // A policy with no limit never warns.
    let la: Vec<Review> = (1..=9)
        .map(|_| common::review("la-support-staff", "Support staff", date(2026, 10, 1)))
        .collect();
    jo.senior_leader = false;
    assert_eq!(reviewer_load_warning(&jo, &la, today), None);
}

/// Seed 000, 4.1: the review meeting "takes place between a member of the school’s/setting’s
/// senior management team (the reviewer) and the individual member of staff".
#[test]
fn a_reviewer_outside_the_senior_team_is_told_where_the_policy_has_a_senior_leader_lead() {
    let mut jo = reviewer_jo();
    let today = date(2026, 11, 22);
    let early_years = [common::review(
        "early-years-setting",
        "All staff",
        date(2026, 10, 1),
    )];
    let warning = senior_reviewer_warning(&jo, &early_years, today).unwrap();
    assert_eq!(
        warning.to_string(),
        "Jo Lee leads 1 review this cycle, but the policy has each review led by a member of the senior team. If you are on it, say so in Settings; if not, ask the headteacher who should lead it."
    );
    // Last year's review, a senior leader, and a policy without the rule: no warning.
    assert_eq!(
        senior_reviewer_warning(&jo, &early_years, date(2027, 9, 2)),
        None
    );
    let la = [common::review(
        "la-support-staff",
        "Support staff",
        date(2026, 10, 1),
    )];
    assert_eq!(senior_reviewer_warning(&jo, &la, today), None);
    jo.senior_leader = true;
    assert_eq!(senior_reviewer_warning(&jo, &early_years, today), None);
}

#[test]
fn signing_before_the_meeting_is_warned_about_not_refused() {
    use appraise::domain::sign_off::signing_before_the_meeting;
    let warning = signing_before_the_meeting(Some(date(2027, 1, 5)), date(2026, 12, 7)).unwrap();
    assert!(warning.contains("05/01/2027"), "{warning}");
    assert!(warning.contains("correct the meeting date"), "{warning}");
    assert_eq!(
        signing_before_the_meeting(Some(date(2027, 1, 5)), date(2027, 1, 5)),
        None
    );
    assert_eq!(
        signing_before_the_meeting(Some(date(2027, 1, 5)), date(2027, 1, 6)),
        None
    );
    assert_eq!(signing_before_the_meeting(None, date(2027, 1, 6)), None);
}

/// Before a file goes out: each out-of-date sign-off on what it carries names who must sign
/// again and what changed; a sign-off it needs but lacks is named too.
#[test]
fn sending_with_out_of_date_sign_offs_says_what_changed_and_who_signs_again() {
    use appraise::domain::sign_off::{SignOff, SignOffStatus, SignerRole, before_sending};
    let review = common::review_with_statement();
    let jo = SignOff::for_statement(&review, SignerRole::Reviewer, date(2026, 11, 20)).unwrap();
    let sam = SignOff::for_statement(&review, SignerRole::Reviewee, date(2026, 11, 21)).unwrap();
    let out_of_date = SignOffStatus::OutOfDate {
        changed: vec!["statement.assessment".into()],
    };
    let both = [
        ("statement", SignerRole::Reviewer),
        ("statement", SignerRole::Reviewee),
    ];
    type Held<'a> = Vec<(&'a SignOff, &'a SignOffStatus)>;
    let cases: Vec<(&str, Held, Vec<String>)> = vec![
        ("both current", vec![(&jo, &SignOffStatus::Current), (&sam, &SignOffStatus::Current)], vec![]),
        (
            "both out of date",
            vec![(&jo, &out_of_date), (&sam, &out_of_date)],
            vec![
                "Jo Lee’s sign-off as reviewer on the planning and review statement is out of date: Planning and review statement: Assessment against the job role changed after Jo Lee signed on 20/11/2026. Jo Lee must sign again.".into(),
                "Sam Patel’s sign-off as reviewee on the planning and review statement is out of date: Planning and review statement: Assessment against the job role changed after Sam Patel signed on 21/11/2026. Sam Patel must sign again.".into(),
            ],
        ),
        (
            "the reviewee has not signed",
            vec![(&jo, &SignOffStatus::Current)],
            vec!["The planning and review statement is not signed by the reviewee yet.".into()],
        ),
    ];
    for (case, held, expected) in cases {
        assert_eq!(
            before_sending(&["statement", "cpd_needs"], &both, &held),
            expected,
            "{case}"
        );
    }
    // Training needs alone: the statement's sign-offs are not its concern.
    assert!(before_sending(&["cpd_needs"], &[], &[(&jo, &out_of_date)]).is_empty());
}

#[test]
fn a_second_review_of_the_same_person_in_the_same_cycle_is_warned_about() {
    use appraise::domain::validation::second_review_this_cycle;
    let review = common::review("la-support-staff", "Support staff", date(2026, 10, 1));
    let next_cycle = common::review("la-support-staff", "Support staff", date(2027, 10, 1));
    let held = [
        (&review.id, &review.reviewee, &review.period),
        (&next_cycle.id, &next_cycle.reviewee, &next_cycle.period),
    ];
    let (id, warning) = second_review_this_cycle(held, "  sam   PATEL ", &review.period).unwrap();
    assert_eq!(id, review.id);
    assert_eq!(
        warning.to_string(),
        "You already have a review of Sam Patel in this cycle. Open it from Home instead, or start a second review only if you mean to."
    );
    assert!(second_review_this_cycle(held, "Sam Patel", &next_cycle.period).is_some());
    assert!(second_review_this_cycle(held, "Sam Patil", &review.period).is_none());
    let other_cycle = common::review("la-support-staff", "Support staff", date(2028, 10, 1));
    assert!(second_review_this_cycle(held, "Sam Patel", &other_cycle.period).is_none());
}

/// Real objective wordings (after the seeds' examples and typical teacher and support-staff
/// objectives, each with a by-when date inside the cycle unless shown) with the verdict a careful
/// reviewer would give. The SMART check is a hint, tuned to agree with this table.
#[test]
fn the_smart_hint_agrees_with_a_careful_reviewer_on_real_objectives() {
    use SmartMiss::{
        NoActionVerb as Verb, NoSuccessCriteria as Criteria, NothingMeasurable as Measure,
    };
    let cases: [(&str, &str, &[SmartMiss]); 33] = [
        (
            "Raise the reading age of the Year 7 catch-up group by 6 months",
            "Reading ages measured in July",
            &[],
        ),
        (
            "Complete the level 3 teaching assistant qualification",
            "Certificate awarded",
            &[],
        ),
        (
            "Lead a phonics workshop for parents",
            "Workshop held and feedback collected",
            &[],
        ),
        (
            "The new TA delivers a session observed as secure by the English lead",
            "The English lead’s observation judges the session secure",
            &[],
        ),
        (
            "The new TA delivers a session observed as secure by the English lead",
            "",
            &[Criteria],
        ),
        (
            "Improve attendance of the Year 9 group to 95%",
            "Attendance data each half term",
            &[],
        ),
        (
            "Reduce lateness in the morning register",
            "No more than two late marks a term",
            &[],
        ),
        (
            "Introduce a new filing system for SEN records",
            "All records filed in the new system and checked by the SENCo",
            &[],
        ),
        (
            "Deliver first aid training to all midday supervisors",
            "Every supervisor holds a current certificate",
            &[],
        ),
        (
            "Support pupils with EHCPs in maths lessons",
            "Each pupil meets their termly EHCP targets",
            &[],
        ),
        (
            "Train as a mental health first aider",
            "Course passed and certificate received",
            &[],
        ),
        (
            "Set up a lunchtime reading club for Year 3",
            "Club running weekly with at least 10 pupils",
            &[],
        ),
        (
            "Update the school website’s policies page",
            "Page checked by the business manager and signed off",
            &[],
        ),
        (
            "Manage the stock of classroom resources",
            "A stock audit shows no shortages",
            &[],
        ),
        (
            "Mentor the new apprentice through their first year",
            "Apprentice’s reviews show they are on track, with feedback from their tutor",
            &[],
        ),
        ("Achieve Level 2 in English and maths", "Exam passed", &[]),
        (
            "Ensure my safeguarding training is up to date",
            "Online module completed by 31 December",
            &[],
        ),
        (
            "Complete the EYFS profile moderation for Reception",
            "Judgements agreed with the local authority moderator",
            &[],
        ),
        (
            "Plan and run a sports day for Key Stage 1",
            "Sports day held in June with every class taking part",
            &[],
        ),
        (
            "Reduce the number of pupils needing 1:1 support at lunchtime",
            "From 8 to 5 by July",
            &[],
        ),
        ("Gain HLTA status", "HLTA assessment passed", &[]),
        (
            "Deliver Talk Boost to 2 Reception groups",
            "80% of pupils move up one band",
            &[],
        ),
        (
            "Observe good practice in another school’s nursery",
            "A written report of the visit shared at a team meeting",
            &[],
        ),
        (
            "Develop my confidence in using the interactive whiteboard",
            "I use it in lessons",
            &[Measure],
        ),
        ("Be more organised", "Feel more organised", &[Verb, Measure]),
        ("Continue to work hard", "", &[Verb, Measure, Criteria]),
        ("Improve behaviour", "Behaviour is better", &[Measure]),
        (
            "Support the class teacher",
            "The teacher is happy",
            &[Measure],
        ),
        (
            "Work on my time management",
            "Better time management",
            &[Verb, Measure],
        ),
        (
            "Increase parental engagement",
            "More parents come to events",
            &[Measure],
        ),
        ("Keep the library tidy", "It looks tidy", &[Measure]),
        (
            "Help children settle at lunchtimes",
            "",
            &[Measure, Criteria],
        ),
        ("To be a good role model", "", &[Verb, Measure, Criteria]),
    ];
    for (objective, criteria, expected) in cases {
        let wording = NewObjective {
            objective: objective.into(),
            success_criteria: criteria.into(),
            by_when: Some(date(2027, 6, 30)),
            ..NewObjective::blank(id("obj-1"))
        };
        assert_eq!(
            smart_check(&wording, &period()),
            expected,
            "{objective} / {criteria}"
        );
    }
}

#[test]
fn withholding_pay_without_a_support_plan_is_warned_about() {
    let mut review = secondary_review_with_statement();
    let withheld = |review: &Review| {
        reviewers_warnings(review, date(2026, 10, 28)).contains(&Warning::PayWithheldWithoutSupport)
    };
    review.statement.as_mut().unwrap().pay_recommendation = Some(PayRecommendation::Progress);
    assert!(!withheld(&review));
    review.statement.as_mut().unwrap().pay_recommendation = Some(PayRecommendation::DoNotProgress);
    assert!(withheld(&review));
    assert!(
        Warning::PayWithheldWithoutSupport
            .to_string()
            .contains("given support to improve")
    );
    review.support_plan = Some(common::support_plan());
    assert!(!withheld(&review), "the support given is on record");
}

#[test]
fn a_support_plan_outside_its_policys_range_is_warned_about_in_the_policys_words() {
    use appraise::domain::calendar::Period;
    use appraise::domain::documents::SupportPlan;
    use appraise::domain::support_plan_checks::support_plan_warnings;
    let plain = SchoolCalendar::default();
    let academy = appraise::domain::presets::preset("academy-procedure").unwrap();
    let trust = appraise::domain::presets::preset("trust-associate-staff").unwrap();
    let early_years = appraise::domain::presets::preset("early-years-setting").unwrap();
    let plan = |period, extension| SupportPlan {
        monitoring_period: period,
        extension,
        ..common::support_plan()
    };
    const RANGE: &str = " The policy: “The period of monitoring will normally be between 4 and 8 working weeks … an extension of not normally more than 4 weeks”.";
    #[rustfmt::skip]
    let cases: [(&appraise::domain::policy::Policy, SupportPlan, Vec<String>); 8] = [
        (&academy, plan(Period::working_weeks(4), None), vec![]),
        (&academy, plan(Period::weeks(6), Some(Period::weeks(4))), vec![]),
        (&academy, plan(Period::weeks(2), None),
            vec![format!("The monitoring period of 2 weeks is shorter than the policy’s 4 working weeks: give the reviewee at least that long, or record why not.{RANGE}")]),
        (&academy, plan(Period::working_weeks(10), None),
            vec![format!("The monitoring period of 10 working weeks is longer than the policy’s 8 working weeks: shorten it, or record why it needs longer.{RANGE}")]),
        (&academy, plan(Period::working_weeks(6), Some(Period::weeks(6))),
            vec![format!("The extension of 6 weeks is longer than the policy’s 4 weeks: shorten it, or record why it needs longer.{RANGE}")]),
        (&trust, plan(Period::weeks(6), None),
            vec!["The monitoring period of 6 weeks is longer than the policy’s 4 weeks: shorten it, or record why it needs longer. The policy: “will normally be for a period of four weeks”.".to_owned()]),
        (&trust, plan(Period::weeks(4), Some(Period::weeks(2))),
            vec!["The plan is extended by 2 weeks, and the policy names no extension: record why it is needed. The policy: “will normally be for a period of four weeks”.".to_owned()]),
        // Seed 000 sets no period, so any the pair agree is the plan's own.
        (&early_years, plan(Period::weeks(12), Some(Period::weeks(8))), vec![]),
    ];
    for (policy, plan, expected) in cases {
        let said: Vec<String> = support_plan_warnings(&plan, policy, &plain)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            said, expected,
            "{} {:?}",
            policy.key, plan.monitoring_period
        );
    }
    let backwards = SupportPlan {
        review_on: Some(date(2026, 11, 20)),
        ..common::support_plan()
    };
    assert_eq!(
        support_plan_warnings(&backwards, &academy, &plain)[0].to_string(),
        "The review date, 20/11/2026, is before the plan starts on 23/11/2026: choose a review date after the start."
    );
}

#[test]
fn interim_reviews_and_observation_feedback_that_do_not_fit_are_warned_about() {
    use appraise::domain::between_meetings_checks::between_meetings_warnings;
    use appraise::domain::documents::{InterimReview, Observation};
    let plain = SchoolCalendar::default();
    // An academy support-staff review (April to March) met on 22/04/2026: it plans 2026-27.
    let mut review = common::review("academy-procedure", "Support staff", date(2026, 4, 22));
    review.dates.meeting_on = Some(date(2026, 4, 22));
    let said = |review: &Review| -> Vec<String> {
        between_meetings_warnings(review, &plain)
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    let interim = |day| InterimReview {
        date: day,
        ..common::interim_review()
    };
    review.interim_reviews = vec![interim(date(2026, 10, 14))];
    assert_eq!(said(&review), Vec::<String>::new());
    review.interim_reviews = vec![interim(date(2026, 3, 2)), interim(date(2027, 5, 4))];
    assert_eq!(
        said(&review),
        [
            "The interim review is dated 02/03/2026, before the review meeting on 22/04/2026 that set the objectives it looks at: check the date.",
            "The interim review is dated 04/05/2027, outside the cycle it reviews, 01/04/2026 to 31/03/2027: check the date.",
        ]
    );
    // Seed 002 6.2: feedback "within five working days": Friday 16/10/2026 is due Friday 23/10.
    review.interim_reviews.clear();
    let observed = |written| Observation {
        date: date(2026, 10, 16),
        verbal_feedback_on: Some(date(2026, 10, 16)),
        written_feedback_on: Some(written),
        ..common::observation()
    };
    review.observations = vec![observed(date(2026, 10, 23))];
    assert_eq!(said(&review), Vec::<String>::new());
    review.observations = vec![observed(date(2026, 11, 2))];
    assert_eq!(
        said(&review),
        [
            "Feedback on the observation of 16/10/2026 was given on 02/11/2026, after the policy’s 5 working days (due 23/10/2026). Record why, if there was a reason."
        ]
    );
}

#[test]
fn an_observation_beyond_the_policys_most_a_cycle_is_warned_about() {
    use appraise::domain::between_meetings_checks::between_meetings_warnings;
    use appraise::domain::documents::Observation;
    let plain = SchoolCalendar::default();
    // Seed 002 6.1: "no more than three" a year; the academy's support staff plan April to March.
    let mut review = common::review("academy-procedure", "Support staff", date(2026, 4, 22));
    review.dates.meeting_on = Some(date(2026, 4, 22));
    let observed = |n: u32, day| Observation {
        id: common::id(&format!("obs-{n}")),
        date: day,
        verbal_feedback_on: Some(day),
        written_feedback_on: Some(day),
        ..common::observation()
    };
    review.observations = vec![
        observed(1, date(2026, 6, 10)),
        observed(2, date(2026, 10, 7)),
        observed(3, date(2027, 1, 13)),
        // Before the cycle: counted in the one before, not this.
        observed(0, date(2026, 3, 4)),
    ];
    assert!(between_meetings_warnings(&review, &plain).is_empty());
    review.observations.push(observed(4, date(2027, 2, 24)));
    let said: Vec<String> = between_meetings_warnings(&review, &plain)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        said,
        [
            "The observation of 24/02/2027 is the fourth this cycle, but the policy allows at most 3. Hold it only if the reviewee agrees, and record why."
        ]
    );
    // Seed 003 allows one formal observation.
    let mut trust = common::review(
        "trust-associate-staff",
        "Associate staff",
        date(2026, 1, 15),
    );
    trust.dates.meeting_on = Some(date(2026, 1, 15));
    let planned = trust.planned_period();
    trust.observations = vec![
        observed(1, planned.first_day.succ_opt().unwrap()),
        observed(2, planned.last_day.pred_opt().unwrap()),
    ];
    assert_eq!(between_meetings_warnings(&trust, &plain).len(), 1);
}

/// Seed 004 2.3 ("all staff will have no more than three objectives") admits no exception: a
/// fourth objective is warned about and the statement cannot be signed. Seed 001's "A maximum of
/// 3 objectives is recommended" warns in its own words and lets the statement be signed.
#[test]
fn an_objective_limit_refuses_or_warns_as_the_policy_words_it() {
    let mut firm = secondary_review_with_statement();
    firm.dates.meeting_on = Some(date(2026, 10, 23));
    firm.statement
        .as_mut()
        .unwrap()
        .new_objectives
        .push(common::objective(4, Some(date(2027, 6, 30))));
    let refused = SignOff::for_statement(&firm, SignerRole::Reviewer, date(2026, 10, 23))
        .expect_err("a fourth objective under a firm limit");
    assert!(refused.missing.is_empty());
    assert_eq!(
        refused.to_string(),
        "There are 4 new objectives and the policy says “In this school all staff will have no more than three objectives” (2.3): combine or remove 1 before the statement is signed."
    );

    let mut recommended = firm.clone();
    recommended.policy = appraise::domain::presets::preset("la-support-staff").unwrap();
    recommended.staff_group = "Support staff".into();
    recommended.pay_eligible = false;
    let limit = objectives_over_limit(&recommended).unwrap();
    assert_eq!(
        limit.to_string(),
        "There are 4 new objectives and the policy says “A maximum of 3 objectives is recommended” (Checklist – during the meeting). Combine or remove some, or say in the statement why more are needed."
    );
    assert!(SignOff::for_statement(&recommended, SignerRole::Reviewer, date(2026, 10, 23)).is_ok());

    // A school that changes the figure is no longer quoting the policy.
    recommended.policy.max_objectives = 2;
    assert_eq!(
        objectives_over_limit(&recommended).unwrap().to_string(),
        "There are 4 new objectives and the policy’s limit is 2. Combine or remove some, or say in the statement why more are needed."
    );
}

/// Seed 003 "Links to Pay": the headteacher or Operations Director recommends salary, which may
/// be an honorarium; the reviewer's statement asks for no recommendation. Seed 002 has the
/// reviewer recommend, with no honorarium.
#[test]
fn pay_is_recommended_by_whom_the_policy_names_with_an_honorarium_only_where_it_names_one() {
    use appraise::domain::documents::PayDecisionMade;
    use appraise::domain::reading::StatementShape;
    let mut trust = common::review("trust-associate-staff", "Associate staff", date(2027, 1, 5));
    trust.pay_eligible = true;
    trust.statement = Some(common::statement());
    let shape = StatementShape::of(&trust);
    assert!(!shape.pay, "the reviewer is not asked");
    assert!(
        !appraise::domain::validation::missing_before_signing_statement(&trust)
            .iter()
            .any(|missing| missing.path == "statement.pay_recommendation")
    );
    assert_eq!(
        PayDecisionMade::offered(trust.policy.honorarium),
        vec![
            PayDecisionMade::Progress,
            PayDecisionMade::Honorarium,
            PayDecisionMade::DoNotProgress,
            PayDecisionMade::Defer
        ]
    );
    assert_eq!(
        trust.policy.pay_recommended_by.as_deref(),
        Some("the headteacher or Operations Director")
    );

    let mut academy = common::review("academy-procedure", "Teachers", date(2026, 10, 1));
    academy.pay_eligible = true;
    academy.statement = Some(common::statement());
    let shape = StatementShape::of(&academy);
    assert!(shape.pay, "the reviewer recommends (7.3)");
    assert_eq!(
        shape.recommendations(),
        vec![
            PayRecommendation::Progress,
            PayRecommendation::DoNotProgress
        ]
    );
    assert!(
        !PayDecisionMade::offered(academy.policy.honorarium).contains(&PayDecisionMade::Honorarium)
    );
}
