//! The year between meetings through the use cases: observations, interim reviews and support
//! plans written on each side, exchanged as files and merged, each person writing only their own
//! parts; their sign-offs; who may receive a support plan; and formal capability stopping the
//! cycle's clocks.

mod common;

use appraise::bundle::apply::ApplyReport;
use appraise::bundle::contacts::Contacts;
use appraise::bundle::identity::{Identity, KeySeed};
use appraise::bundle::merge::{DocumentState, Stamp};
use appraise::bundle::open::{Recipient, Verified, open};
use appraise::bundle::payload::{BundleKind, Party, Payload};
use appraise::bundle::write_bundle;
use appraise::domain::calendar::SchoolCalendar;
use appraise::domain::cycle::Suspension;
use appraise::domain::deadlines::{DeadlineKind, deadlines};
use appraise::domain::documents::{
    Document, InterimReviewLog, ObservationLog, SupportOutcome, SupportPlan,
};
use appraise::domain::field_map::to_field_map;
use appraise::domain::people::Role;
use appraise::domain::sign_off::{SignOff, SignOffStatus, SignerRole};
use appraise::storage::{MemoryStore, Vault};
use appraise::use_cases::identity::StoredIdentity;
use appraise::use_cases::{RecordsError, identity, importing, reviews, sending};
use chrono::{DateTime, TimeZone, Utc};

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, day, 10, 0, 0).unwrap()
}

fn vault_of(seed: u8, name: &str) -> Vault<MemoryStore> {
    let mut vault = Vault::open(MemoryStore::new(), Box::new(common::Counter(0)), name).unwrap();
    let mut me = StoredIdentity::new(KeySeed([seed; 32]));
    me.name = name.into();
    identity::save_identity(&mut vault, &me, at(1)).unwrap();
    vault
}

/// Jo (the reviewer) holding review-1, and Sam (the reviewee) holding it from Jo's invitation.
fn jo_and_sam() -> (Vault<MemoryStore>, Vault<MemoryStore>) {
    let mut jos = vault_of(1, "Jo Lee");
    let summary = common::statement_for_comment().review;
    reviews::start_review(&mut jos, summary, &[], "jo-tab", at(1)).unwrap();
    let mut sams = vault_of(2, "Sam Patel");
    let invitation = sends(&mut jos, Role::Reviewer, BundleKind::Invitation, None, 1);
    sam_imports(&invitation, &mut sams).unwrap();
    (jos, sams)
}

/// Records `document` as an edit in the vault's own tab, as the page's autosave does.
fn write<D: Document>(vault: &mut Vault<MemoryStore>, document: &D, day: u32) {
    common::write_document(vault, "review-1", document, at(day));
}

fn sends(
    vault: &mut Vault<MemoryStore>,
    role: Role,
    kind: BundleKind,
    recipient: Option<&str>,
    day: u32,
) -> Payload {
    let (name, keys) = match role {
        Role::Reviewer => ("Jo Lee", common::jo().public_keys()),
        _ => ("Sam Patel", common::sam().public_keys()),
    };
    let outgoing = sending::Outgoing {
        kind,
        sender: Party {
            name: name.into(),
            staff_id: None,
            role,
            keys: Some(keys),
        },
        text: Default::default(),
        recipient: recipient.map(|name| sending::Addressee::Named(name.into())),
        bundle_id: format!("{kind:?}-{day}-{name}"),
    };
    sending::prepare_to_send(vault, "review-1", outgoing, "tab", at(day)).unwrap()
}

/// The file `payload` signed by `from`, opened and imported by `to` (known as `to_name`).
fn deliver(
    payload: &Payload,
    from: &Identity,
    vault: &mut Vault<MemoryStore>,
    to: &Identity,
    to_name: &str,
) -> Result<ApplyReport, RecordsError> {
    let file = write_bundle(payload, from, None, &mut common::Counter(5));
    let opened: Verified<Payload> = open(
        file.as_bytes(),
        &Recipient {
            identity: to,
            name: to_name,
            staff_id: &common::id("me"),
        },
        &Contacts::default(),
    )
    .unwrap();
    importing::import(vault, &opened, at(2))
}

/// Jo's file imported by Sam.
fn sam_imports(
    payload: &Payload,
    sams: &mut Vault<MemoryStore>,
) -> Result<ApplyReport, RecordsError> {
    deliver(payload, &common::jo(), sams, &common::sam(), "Sam Patel")
}

/// Sam's file imported by Jo.
fn jo_imports(
    payload: &Payload,
    jos: &mut Vault<MemoryStore>,
) -> Result<ApplyReport, RecordsError> {
    deliver(payload, &common::sam(), jos, &common::jo(), "Jo Lee")
}

fn observations(vault: &Vault<MemoryStore>) -> ObservationLog {
    let review = reviews::load_review(vault, "review-1").unwrap().unwrap();
    ObservationLog {
        items: review.observations,
    }
}

#[test]
fn an_observation_travels_to_the_reviewee_and_their_comments_come_back() {
    let (mut jos, mut sams) = jo_and_sam();
    let mut log = common::observations();
    log.items[0].reviewee_comments = String::new();
    write(&mut jos, &log, 3);
    let to_sam = sends(&mut jos, Role::Reviewer, BundleKind::Observations, None, 3);
    assert_eq!(to_sam.recipients[0].role, Role::Reviewee);
    sam_imports(&to_sam, &mut sams).unwrap();
    assert_eq!(observations(&sams), log, "Sam reads Jo's record whole");

    // Sam comments, and also tries to soften the key points: only the comments are Sam's.
    let mut sams_copy = log.clone();
    sams_copy.items[0].reviewee_comments = "The group was new that week.".into();
    sams_copy.items[0].key_points = "All fine.".into();
    write(&mut sams, &sams_copy, 4);
    // Meanwhile Jo records the written feedback.
    let mut jos_copy = log.clone();
    jos_copy.items[0].written_feedback_on = Some(common::date(2026, 11, 24));
    write(&mut jos, &jos_copy, 4);

    let to_jo = sends(&mut sams, Role::Reviewee, BundleKind::Observations, None, 5);
    assert_eq!(to_jo.recipients[0].role, Role::Reviewer);
    let report = jo_imports(&to_jo, &mut jos).unwrap();
    assert_eq!(report.refused, ["observations.items[obs-1].key_points"]);
    let merged = observations(&jos);
    assert_eq!(
        merged.items[0].reviewee_comments,
        "The group was new that week."
    );
    assert_eq!(merged.items[0].key_points, log.items[0].key_points);
    assert_eq!(
        merged.items[0].written_feedback_on,
        Some(common::date(2026, 11, 24)),
        "Jo's own later work is kept"
    );
}

#[test]
fn a_file_of_these_kinds_from_outside_the_review_is_refused() {
    let (mut jos, _) = jo_and_sam();
    write(&mut jos, &common::observations(), 3);
    let mut payload = sends(&mut jos, Role::Reviewer, BundleKind::Observations, None, 3);
    payload.sender.name = "Alex Stranger".into();
    payload.sender.keys = Some(common::stranger().public_keys());
    let mut sams = jo_and_sam().1;
    assert_eq!(
        deliver(
            &payload,
            &common::stranger(),
            &mut sams,
            &common::sam(),
            "Sam Patel"
        )
        .unwrap_err(),
        RecordsError::NotInReview {
            sender: "Alex Stranger".into()
        }
    );
}

#[test]
fn an_interim_review_is_agreed_by_both_sign_offs_each_covering_only_that_review() {
    let mut review = common::review_with_statement();
    let mut second = common::interim_review();
    second.id = common::id("interim-2");
    second.date = common::date(2027, 4, 1);
    review.interim_reviews = vec![common::interim_review(), second];
    let on = common::date(2027, 2, 10);
    let by_jo =
        SignOff::for_interim_review(&review, "interim-1", SignerRole::Reviewer, on).unwrap();
    assert_eq!(by_jo.document, "interim_reviews[interim-1]");
    assert_eq!(by_jo.document_kind(), "interim_reviews");
    assert!(
        by_jo
            .covered
            .keys()
            .all(|path| path.starts_with("interim_reviews.items[interim-1]")),
        "{:?}",
        by_jo.covered.keys()
    );
    assert!(
        !by_jo
            .covered
            .keys()
            .any(|path| path.ends_with(".reviewee_comment")),
        "the reviewee's words are theirs, written after the reviewer signs"
    );
    let by_sam =
        SignOff::for_interim_review(&review, "interim-1", SignerRole::Reviewee, on).unwrap();

    // The reviewee commenting leaves the reviewer's sign-off standing; the other review changing
    // leaves both; a revised objective changing puts both out of date.
    review.interim_reviews[0].progress[0].reviewee_comment = "Going well.".into();
    review.interim_reviews[1].notes = "Moved to April.".into();
    assert_eq!(by_jo.status(&review), SignOffStatus::Current);
    assert!(matches!(
        by_sam.status(&review),
        SignOffStatus::OutOfDate { .. }
    ));
    review.interim_reviews[0].revised_objectives[0].objective = "Something else".into();
    let SignOffStatus::OutOfDate { changed } = by_jo.status(&review) else {
        panic!("the revised objective changed");
    };
    assert_eq!(
        changed,
        ["interim_reviews.items[interim-1].revised_objectives[obj-4].objective"]
    );

    // A revised objective with nothing in it cannot be agreed.
    review.interim_reviews[0].revised_objectives[0].success_criteria = " ".into();
    let refused =
        SignOff::for_interim_review(&review, "interim-1", SignerRole::Reviewer, on).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "This cannot be signed yet because this required answer is empty: Revised objective 1: how you will know it is achieved. Fill it in, then sign."
    );
    assert!(SignOff::for_interim_review(&review, "interim-9", SignerRole::Reviewer, on).is_err());
}

#[test]
fn a_support_plan_stays_between_the_two_parties_until_formal_capability() {
    let (mut jos, mut sams) = jo_and_sam();
    let plan = SupportPlan {
        reviewee_comments: String::new(),
        ..common::support_plan()
    };
    write(&mut jos, &plan, 3);
    write(&mut jos, &common::cpd_needs(), 3);
    for kind in [
        BundleKind::CpdNeeds,
        BundleKind::FinalStatement,
        BundleKind::StatementForComment,
        BundleKind::Observations,
        BundleKind::InterimReviews,
    ] {
        let payload = sends(&mut jos, Role::Reviewer, kind, Some("Chris CPD"), 3);
        let carried = serde_json::to_string(&payload).unwrap();
        assert!(
            !carried.contains("Timekeeping"),
            "{kind:?} carries no support plan"
        );
    }
    let outgoing = sending::Outgoing {
        kind: BundleKind::CapabilityReferral,
        sender: Party {
            name: "Jo Lee".into(),
            staff_id: None,
            role: Role::Reviewer,
            keys: Some(common::jo().public_keys()),
        },
        text: Default::default(),
        recipient: Some(sending::Addressee::Named("Pat Head".into())),
        bundle_id: "referral".into(),
    };
    assert_eq!(
        sending::prepare_to_send(&mut jos, "review-1", outgoing.clone(), "jo-tab", at(3))
            .unwrap_err(),
        RecordsError::NotFormalCapability
    );

    // The plan goes to Sam, who comments; the monitoring ends in formal capability.
    let to_sam = sends(&mut jos, Role::Reviewer, BundleKind::SupportPlan, None, 3);
    sam_imports(&to_sam, &mut sams).unwrap();
    let held = reviews::load_review(&sams, "review-1").unwrap().unwrap();
    assert_eq!(held.support_plan.as_ref(), Some(&plan));
    assert_eq!(held.suspension, Some(Suspension::SupportPlan));

    let decided = SupportPlan {
        outcome: Some(SupportOutcome::FormalCapability),
        outcome_on: Some(common::date(2026, 12, 18)),
        ..plan.clone()
    };
    write(&mut jos, &decided, 18);
    let referral =
        sending::prepare_to_send(&mut jos, "review-1", outgoing, "jo-tab", at(18)).unwrap();
    assert_eq!(referral.recipients[0].role, Role::Headteacher);
    assert_eq!(
        referral.documents.keys().collect::<Vec<_>>(),
        ["support_plan"]
    );
    let mut pats = vault_of(3, "Pat Head");
    deliver(
        &referral,
        &common::jo(),
        &mut pats,
        &common::stranger(),
        "Pat Head",
    )
    .unwrap();
    let at_pats = reviews::load_review(&pats, "review-1").unwrap().unwrap();
    assert_eq!(at_pats.support_plan, Some(decided));
    assert!(
        at_pats.statement.is_none(),
        "the headteacher gets the plan, not the statement"
    );

    // A referral whose plan did not end in capability is refused on import, too.
    let mut not_capability = referral.clone();
    not_capability.bundle_id = "crafted".into();
    let state = not_capability.documents.get_mut("support_plan").unwrap();
    *state = DocumentState::default();
    state.record_edit(&to_field_map(&plan), "jo-tab", Stamp::default());
    assert_eq!(
        deliver(
            &not_capability,
            &common::jo(),
            &mut vault_of(3, "Pat Head"),
            &common::stranger(),
            "Pat Head"
        )
        .unwrap_err(),
        RecordsError::NotFormalCapability
    );
}

#[test]
fn formal_capability_stops_the_cycles_clocks_until_it_ends() {
    let (mut jos, _) = jo_and_sam();
    write(&mut jos, &common::observations(), 3);
    let kinds = |vault: &Vault<MemoryStore>| {
        appraise::use_cases::held::open(vault, "review-1", common::date(2026, 11, 22))
            .unwrap()
            .unwrap()
            .deadlines
            .into_iter()
            .map(|(deadline, _)| deadline.kind)
            .collect::<Vec<_>>()
    };
    assert!(kinds(&jos).contains(&DeadlineKind::StatementToReviewee));
    let mut plan = SupportPlan {
        outcome: Some(SupportOutcome::FormalCapability),
        ..common::support_plan()
    };
    write(&mut jos, &plan, 18);
    let suspended = kinds(&jos);
    assert!(
        suspended.iter().all(|kind| matches!(
            kind,
            DeadlineKind::SupportPlanReview | DeadlineKind::MonitoringEnds
        )),
        "{suspended:?}"
    );
    plan.capability_ended_on = Some(common::date(2027, 3, 1));
    write(&mut jos, &plan, 19);
    let review = reviews::load_review(&jos, "review-1").unwrap().unwrap();
    assert_eq!(review.suspension, None);
    assert!(kinds(&jos).contains(&DeadlineKind::StatementToReviewee));
}

#[test]
fn interim_reviews_recorded_on_either_side_merge_item_by_item() {
    let (mut jos, mut sams) = jo_and_sam();
    let log = common::interim_reviews();
    write(&mut jos, &log, 3);
    let to_sam = sends(
        &mut jos,
        Role::Reviewer,
        BundleKind::InterimReviews,
        None,
        3,
    );
    sam_imports(&to_sam, &mut sams).unwrap();
    let mut sams_copy: InterimReviewLog = log.clone();
    sams_copy.items[0].progress[0].reviewee_comment = "Third group starts in January.".into();
    sams_copy.items[0].reviewee_comments = "A useful meeting.".into();
    write(&mut sams, &sams_copy, 4);
    let to_jo = sends(
        &mut sams,
        Role::Reviewee,
        BundleKind::InterimReviews,
        None,
        4,
    );
    let report = jo_imports(&to_jo, &mut jos).unwrap();
    assert!(report.refused.is_empty(), "{:?}", report.refused);
    let merged = reviews::load_review(&jos, "review-1").unwrap().unwrap();
    assert_eq!(merged.interim_reviews, sams_copy.items);
}

#[test]
fn an_optional_mid_year_review_recorded_as_not_held_settles_its_date_and_is_never_overdue() {
    use appraise::domain::deadlines::urgency;
    use appraise::domain::documents::InterimReview;
    // Seed 001: an optional formal mid-year review.
    let mut review = common::review(
        "la-support-staff",
        "Support staff",
        common::date(2026, 10, 1),
    );
    review.dates.meeting_on = Some(common::date(2026, 10, 14));
    let calendar = SchoolCalendar::default();
    let mid_year = |review: &appraise::domain::cycle::Review| {
        let stage = appraise::domain::cycle::Stage::SignedByBoth;
        deadlines(review, stage, &calendar)
            .into_iter()
            .find(|deadline| matches!(deadline.kind, DeadlineKind::InterimReview { .. }))
            .expect("the policy has a mid-year review")
    };
    let due = mid_year(&review);
    assert_eq!(
        due.kind,
        DeadlineKind::InterimReview {
            number: 1,
            optional: true
        }
    );
    assert!(!due.done);
    let long_after = due.due + chrono::Days::new(60);
    assert_eq!(urgency(&due, &calendar, long_after), None, "never overdue");

    review.interim_reviews.push(InterimReview {
        not_held: true,
        ..InterimReview::started(common::id("mid-year"), due.due, &[])
    });
    assert!(
        mid_year(&review).done,
        "recorded as not held, it is settled"
    );
    assert!(
        appraise::domain::between_meetings::interim_review(&review.interim_reviews[0], false)
            .iter()
            .any(|part| matches!(part, appraise::domain::reading::Part::Answer { text, .. } if text.starts_with("Not held"))),
        "and reads as not held"
    );
}

#[test]
fn the_objectives_in_force_follow_each_revision_and_the_clocks_come_from_one_rule() {
    use appraise::domain::documents::{InterimReview, NewObjective};
    let mut review = common::review_with_statement();
    let first = review.statement.as_ref().unwrap().new_objectives[0].clone();
    let mut revised = NewObjective {
        objective: "Run two phonics groups".into(),
        ..first.clone()
    };
    let added = common::objective(9, None);
    let mut interim = InterimReview::started(common::id("int-1"), common::date(2027, 2, 10), &[]);
    interim.revised_objectives = vec![revised.clone(), added.clone()];
    review.interim_reviews = vec![interim];
    let in_force = review.objectives_in_force();
    let count = review.statement.as_ref().unwrap().new_objectives.len();
    assert_eq!(in_force.len(), count + 1, "one replaced, one added");
    assert!(in_force.contains(&revised) && in_force.contains(&added));
    assert!(!in_force.contains(&first));
    revised.objective = "A later revision".into();
    let mut later = InterimReview::started(common::id("int-2"), common::date(2027, 4, 1), &[]);
    later.revised_objectives = vec![revised.clone()];
    review.interim_reviews.push(later);
    assert_eq!(
        review
            .objectives_in_force()
            .iter()
            .filter(|objective| objective.id == first.id)
            .collect::<Vec<_>>(),
        [&revised],
        "the latest revision stands"
    );

    // Four working weeks from Monday 23/11/2026, then two calendar weeks of extension.
    let calendar = SchoolCalendar::default();
    let mut plan = common::support_plan();
    assert_eq!(
        plan.monitoring_ends(&calendar),
        Some(common::date(2026, 12, 21))
    );
    plan.extension = Some(appraise::domain::calendar::Period::weeks(2));
    assert_eq!(
        plan.monitoring_ends(&calendar),
        Some(common::date(2027, 1, 4))
    );
    plan.starts_on = None;
    assert_eq!(plan.monitoring_ends(&calendar), None);
}
