//! The benchmark's fixtures, shared by its native and browser halves: 300 final statements for
//! the headteacher, Pat Head, from ten reviewers, each a complete review with realistic text,
//! signed, carrying the reviewer's and reviewee's sign-offs, and encrypted to Pat; Pat's records
//! before importing them; and the core work timed (open, then import).

use appraise::bundle::contacts::{Contacts, HowVerified};
use appraise::bundle::identity::{Identity, KeySeed};
use appraise::bundle::merge::{DocumentState, Stamp};
use appraise::bundle::open::{Recipient, open};
use appraise::bundle::payload::{BundleKind, Party, Payload, ReviewSummary};
use appraise::bundle::sign_off::SignedSignOff;
use appraise::bundle::write_bundle;
use appraise::domain::field_map::to_field_map;
use appraise::domain::ids::Id;
use appraise::domain::people::Role;
use appraise::domain::sign_off::{SignOff, SignerRole};
use appraise::storage::{KeyValueStore, Vault};
use appraise::use_cases::identity::StoredIdentity;
use appraise::use_cases::{identity, importing};
use chrono::{TimeZone, Utc};

use super::common;

pub const BUNDLES: usize = 300;
const REVIEWERS: usize = 10;

pub fn headteacher() -> Identity {
    Identity::from_seed(&KeySeed([200; 32]))
}

fn reviewer(n: usize) -> (String, Identity) {
    (
        format!("Reviewer {}", n + 1),
        Identity::from_seed(&KeySeed([100 + n as u8; 32])),
    )
}

/// Review `n`: a complete statement and training needs, signed by both, from reviewer `n % 10`.
fn final_statement(n: usize) -> (Payload, Identity) {
    let (reviewer_name, reviewer_keys) = reviewer(n % REVIEWERS);
    let mut review = common::review(
        "la-support-staff",
        "Support staff",
        common::date(2026, 10, 1),
    );
    review.id = Id::new(format!("review-{n:03}")).expect("valid");
    review.reviewee.name = format!("Reviewee {n:03}");
    review.reviewer.name = reviewer_name.clone();
    let (_, statement, cpd_needs) = common::realistic_review_documents();
    review.statement = Some(statement.clone());
    review.cpd_needs = Some(cpd_needs.clone());
    let signed_on = common::date(2026, 11, 20);
    let reviewee_keys = Identity::from_seed(&KeySeed([(n % 50) as u8; 32]));
    let sign_offs = vec![
        SignedSignOff::sign(
            SignOff::for_statement(&review, SignerRole::Reviewer, signed_on).expect("complete"),
            &reviewer_keys,
        ),
        SignedSignOff::sign(
            SignOff::for_statement(&review, SignerRole::Reviewee, signed_on).expect("complete"),
            &reviewee_keys,
        ),
    ];
    let stamp = Stamp {
        millis: 1_795_000_000_000,
        counter: 0,
    };
    let state = |fields| {
        let mut state = DocumentState::default();
        state.record_edit(&fields, "reviewer-laptop", stamp);
        state
    };
    let payload = Payload {
        bundle_id: format!("final-{n:03}"),
        created_at_millis: stamp.millis,
        kind: BundleKind::FinalStatement,
        sender: Party {
            name: reviewer_name,
            staff_id: None,
            role: Role::Reviewer,
            keys: Some(reviewer_keys.public_keys()),
        },
        recipients: vec![Party {
            name: "Pat Head".into(),
            staff_id: None,
            role: Role::Headteacher,
            keys: Some(headteacher().public_keys()),
        }],
        review: ReviewSummary {
            reviewer_keys: Some(reviewer_keys.public_keys()),
            reviewee_keys: Some(reviewee_keys.public_keys()),
            ..common::summary_of(&review)
        },
        documents: [
            ("statement".to_owned(), state(to_field_map(&statement))),
            ("cpd_needs".to_owned(), state(to_field_map(&cpd_needs))),
        ]
        .into_iter()
        .collect(),
        sign_offs,
        settings_version: None,
    };
    (payload, reviewer_keys)
}

/// Pat's data before the import: keys, name and the ten reviewers confirmed.
pub fn headteachers_records<S: KeyValueStore>(vault: &mut Vault<S>) {
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
    let mut identity = StoredIdentity::new(KeySeed([200; 32]));
    identity.name = "Pat Head".into();
    identity.roles = [Role::Headteacher].into();
    identity::save_identity(vault, &identity, now).unwrap();
    let mut contacts = Contacts::default();
    for n in 0..REVIEWERS {
        let (name, keys) = reviewer(n);
        contacts.pin(&name, None, keys.public_keys(), HowVerified::InPerson, 0);
    }
    identity::save_contacts(vault, &contacts, now).unwrap();
}

/// Every fixture file, signed and encrypted to Pat.
pub fn bundle_files() -> Vec<String> {
    let mut random = common::Counter(1);
    (0..BUNDLES)
        .map(|n| {
            let (payload, sender) = final_statement(n);
            write_bundle(
                &payload,
                &sender,
                Some(&[headteacher().public_keys()]),
                &mut random,
            )
        })
        .collect()
}

/// Opens (decrypts and verifies) then imports (merges and persists) every file as Pat;
/// `clock` reads milliseconds. Returns the milliseconds of each phase.
pub fn open_and_import<S: KeyValueStore>(
    vault: &mut Vault<S>,
    files: &[String],
    clock: impl Fn() -> f64,
) -> (f64, f64) {
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let pat = headteacher();
    let staff_id = Id::new(pat.public_keys().key_id()).unwrap();
    let me = Recipient {
        identity: &pat,
        name: "Pat Head",
        staff_id: &staff_id,
    };
    let contacts = identity::contacts(vault).unwrap();
    let started = clock();
    let opened: Vec<_> = files
        .iter()
        .map(|file| open(file.as_bytes(), &me, &contacts).expect("the fixture opens"))
        .collect();
    let verified = clock();
    // As the app's Import all does: one batch, so the index is written once.
    vault.batch(|vault| {
        for bundle in &opened {
            importing::import(vault, bundle, now).expect("the fixture imports");
        }
    });
    (verified - started, clock() - verified)
}

/// The headteacher's work over the reviews imported in `vault` (the bench's 300), timed with `clock`
/// (milliseconds): the desk worked out from nothing (every review read, its sign-offs checked),
/// the desk again after one review changed (that review alone read again), moderation from the
/// desk's rows, and the governors' report (which reads every review itself).
pub fn leadership_work<S: KeyValueStore>(
    vault: &mut Vault<S>,
    clock: impl Fn() -> f64,
) -> [f64; 4] {
    use appraise::use_cases::leadership::{Desk, governors_report_for};
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date");
    let count = appraise::use_cases::reviews::reviews(vault)
        .expect("readable")
        .len();
    let started = clock();
    let mut desk = Desk::default();
    let rows = desk.rows(vault, today).expect("the desk reads");
    let desk_ms = clock() - started;
    assert_eq!(rows.len(), count);

    let mut held = appraise::use_cases::reviews::review(vault, "review-000")
        .expect("readable")
        .expect("held");
    held.summary.reviewee.name = "Reviewee 000, renamed".into();
    let now = Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap();
    appraise::use_cases::reviews::save_review(vault, &held, now).expect("saved");
    let started = clock();
    desk.rows(vault, today).expect("the desk reads");
    let desk_again_ms = clock() - started;
    assert_eq!(desk.reviews_read, count + 1);

    // Too quick for a millisecond clock once: the mean of a hundred.
    let started = clock();
    for _ in 0..100 {
        let figures = appraise::domain::moderation::moderation(&rows);
        assert_eq!(figures.school.reviews as usize, count);
    }
    let moderation_ms = (clock() - started) / 100.0;

    let started = clock();
    let cycle = rows[0].period;
    governors_report_for(vault, cycle, today)
        .expect("the report reads")
        .expect("a report");
    let report_ms = clock() - started;
    [desk_ms, desk_again_ms, moderation_ms, report_ms]
}
