//! The app's use cases on an in-memory vault: identity and contacts, reviews and their agenda,
//! importing files into reviews with a preview, protection against repeats and an exact undo,
//! sending, sign-offs and conflicts.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use appraise::bundle::contacts::{Contacts, HowVerified};
use appraise::bundle::identity::KeySeed;
use appraise::bundle::open::{Recipient, Verified, open};
use appraise::bundle::payload::{BundleKind, Payload};
use appraise::bundle::write_bundle;
use appraise::storage::{MemoryStore, Vault};
use appraise::use_cases::RecordsError;
use appraise::use_cases::identity::StoredIdentity;
use appraise::use_cases::{conflicts, identity, importing, reviews, sending, sign_offs};
use chrono::{DateTime, TimeZone, Utc};

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 10, minute, 0).unwrap()
}

/// Sam's browser, with Sam's identity (seed 2, as `common::sam()`).
fn sams_vault() -> Vault<MemoryStore> {
    let mut vault =
        Vault::open(MemoryStore::new(), Box::new(common::Counter(0)), "sam-tab").unwrap();
    let mut sam = StoredIdentity::new(KeySeed([2; 32]));
    sam.name = "Sam Patel".into();
    identity::save_identity(&mut vault, &sam, at(0)).unwrap();
    vault
}

/// Confirms `keys` as Jo Lee's in the vault's contacts (replacing any earlier keys for Jo).
fn confirm_as_jo(
    vault: &mut Vault<MemoryStore>,
    keys: appraise::bundle::identity::PublicKeys,
    how: HowVerified,
    now: DateTime<Utc>,
) {
    let mut contacts = identity::contacts(vault).unwrap();
    contacts.pin("Jo Lee", None, keys, how, 0);
    identity::save_contacts(vault, &contacts, now).unwrap();
}

fn received(payload: &Payload) -> Verified<Payload> {
    let file = write_bundle(
        payload,
        &common::jo(),
        Some(&[common::sam().public_keys()]),
        &mut common::Counter(3),
    );
    let me = Recipient {
        identity: &common::sam(),
        name: "Sam Patel",
        staff_id: &common::sams_id(),
    };
    open(file.as_bytes(), &me, &Contacts::default()).unwrap()
}

/// Pat's browser: the headteacher, outside the review (seed 3, as `common::stranger()`).
fn pats_vault() -> Vault<MemoryStore> {
    let mut vault =
        Vault::open(MemoryStore::new(), Box::new(common::Counter(0)), "pat-tab").unwrap();
    let mut pat = StoredIdentity::new(KeySeed([3; 32]));
    pat.name = "Pat Head".into();
    identity::save_identity(&mut vault, &pat, at(0)).unwrap();
    vault
}

/// Jo's browser, holding the review Jo started.
fn jos_vault_with_review() -> Vault<MemoryStore> {
    let mut jos = Vault::open(MemoryStore::new(), Box::new(common::Counter(0)), "jo-tab").unwrap();
    let review = common::statement_for_comment().review;
    reviews::start_review(&mut jos, review, &[], "jo-tab", at(0)).unwrap();
    jos
}

/// Opens a received file as `name` with no contacts pinned yet.
fn open_for(
    identity: &appraise::bundle::identity::Identity,
    name: &str,
    file: &str,
) -> Result<Verified<Payload>, appraise::bundle::error::BundleError> {
    open(
        file.as_bytes(),
        &Recipient {
            identity,
            name,
            staff_id: &common::id("me"),
        },
        &Contacts::default(),
    )
}

fn invitation() -> Payload {
    Payload {
        kind: BundleKind::Invitation,
        bundle_id: "invite-1".into(),
        ..common::statement_for_comment()
    }
}

#[test]
fn identity_and_contacts_are_kept_as_records() {
    let mut vault =
        Vault::open(MemoryStore::new(), Box::new(common::Counter(0)), "sam-tab").unwrap();
    assert_eq!(identity::identity(&vault).unwrap(), None);
    let mut identity = StoredIdentity::new(KeySeed([2; 32]));
    identity.set_profile(appraise::domain::school::Profile {
        name: "  Sam Patel ".into(),
        job_title: "Teaching assistant".into(),
        school: "Hill Primary".into(),
        roles: [appraise::domain::people::Role::Reviewee].into(),
        senior_leader: true,
    });
    assert_eq!(identity.name, "Sam Patel", "trimmed");
    // The domain's person carries the senior-team answer (which some review limits exempt) and
    // is known by the same key id every file from them carries.
    let person = identity.as_person();
    assert!(person.senior_leader);
    assert_eq!(
        person.staff_id.as_str(),
        appraise::bundle::identity::Identity::from_seed(&identity.seed)
            .public_keys()
            .key_id()
    );
    identity::save_identity(&mut vault, &identity, at(0)).unwrap();
    assert_eq!(identity::identity(&vault).unwrap(), Some(identity.clone()));
    // An identity kept before profiles existed still reads, with the rest blank.
    let older: StoredIdentity =
        serde_json::from_value(serde_json::json!({ "seed": identity.seed, "name": "Sam Patel" }))
            .unwrap();
    assert_eq!(older.job_title, "");
    assert!(older.roles.is_empty());
    assert!(!older.senior_leader);

    let calendar = appraise::domain::calendar::SchoolCalendar {
        closures: vec![
            appraise::domain::term_dates::closure_from("Half term", "26/10/2026", "30/10/2026")
                .unwrap(),
        ],
        terms: Vec::new(),
    };
    assert_eq!(identity::school_calendar(&vault), Default::default());
    let settings = appraise::domain::school::SchoolSettings {
        policy: appraise::domain::presets::preset("la-support-staff"),
        calendar: calendar.clone(),
        file_names: appraise::domain::school::FileNaming::FullName,
    };
    identity::save_school_settings(&mut vault, &settings, at(0)).unwrap();
    assert_eq!(identity::school_calendar(&vault), calendar);
    assert_eq!(identity::school_settings(&vault).unwrap(), settings);

    let mut contacts = identity::contacts(&vault).unwrap();
    contacts.pin(
        "Jo Lee",
        None,
        common::jo().public_keys(),
        HowVerified::InPerson,
        5,
    );
    identity::save_contacts(&mut vault, &contacts, at(1)).unwrap();
    assert_eq!(identity::contacts(&vault).unwrap(), contacts);

    // A contact holds the address their files are emailed to; confirming their keys again keeps
    // it, and it can be forgotten. Nobody is made up for an unknown name.
    let email = appraise::domain::people::EmailAddress::parse("jo.lee@hill.sch.uk").unwrap();
    let jo_keys = common::jo().public_keys();
    let jos = jo_keys.key_id();
    let email_of = |vault: &Vault<MemoryStore>| {
        identity::contacts(vault)
            .unwrap()
            .get(&jo_keys)
            .and_then(|jo| jo.email.clone())
    };
    identity::set_contact_email(&mut vault, &jos, Some(email.clone()), at(2)).unwrap();
    assert_eq!(email_of(&vault), Some(email.clone()));
    let mut contacts = identity::contacts(&vault).unwrap();
    contacts.pin("Jo Lee", None, jo_keys, HowVerified::ByPhone, 6);
    assert_eq!(contacts.get(&jo_keys).unwrap().email, Some(email.clone()));
    let strangers = common::stranger().public_keys().key_id();
    identity::set_contact_email(&mut vault, &strangers, Some(email), at(3)).unwrap();
    assert_eq!(identity::contacts(&vault).unwrap().by_key.len(), 1);
    identity::set_contact_email(&mut vault, &jos, None, at(4)).unwrap();
    assert_eq!(email_of(&vault), None);
}

#[test]
fn an_invitation_creates_the_review_and_a_repeat_changes_nothing() {
    let mut vault = sams_vault();
    let bundle = received(&invitation());
    let preview = importing::preview_import(&vault, &bundle).unwrap();
    assert!(preview.changes_anything());
    assert!(
        reviews::reviews(&vault).unwrap().is_empty(),
        "a preview changes nothing"
    );
    assert!(!reviews::any_held(&vault));

    let report = importing::import(&mut vault, &bundle, at(0)).unwrap();
    assert!(
        reviews::any_held(&vault),
        "the home page's cheap check sees the review"
    );
    assert_eq!(
        report, preview,
        "the preview shows exactly what the import does"
    );
    let reviews = reviews::reviews(&vault).unwrap();
    assert_eq!(reviews.len(), 1);
    assert_eq!(reviews::reviews_as_reviewee(&vault).unwrap(), reviews);
    // The invitation bound Sam's own keys to the reviewee's place, and Jo's to the reviewer's.
    assert_eq!(
        reviews[0].summary.reviewee_keys,
        Some(common::sam().public_keys())
    );
    assert_eq!(
        reviews[0].summary.reviewer_keys,
        Some(common::jo().public_keys())
    );
    assert_eq!(reviews[0].summary.reviewer.name, "Jo Lee");
    assert!(
        reviews::document(&vault, "review-1", "statement")
            .unwrap()
            .is_some()
    );
    assert!(importing::already_imported(&vault, "invite-1").unwrap());

    // A repeat is refused, and changes nothing (the merge itself is idempotent too: bundles.rs).
    let before = reviews::document(&vault, "review-1", "statement").unwrap();
    assert_eq!(
        importing::import(&mut vault, &bundle, at(1)).unwrap_err(),
        RecordsError::AlreadyImported
    );
    assert_eq!(
        reviews::document(&vault, "review-1", "statement").unwrap(),
        before
    );
}

#[test]
fn a_file_for_a_review_not_held_here_is_refused() {
    let mut vault = sams_vault();
    let error = importing::import(
        &mut vault,
        &received(&common::statement_for_comment()),
        at(0),
    )
    .unwrap_err();
    assert_eq!(error, RecordsError::UnknownReview);
    assert!(error.to_string().contains("Import the first file you had for that review (the invitation, or for a headteacher the final statement)"));
}

#[test]
fn undo_restores_every_document_exactly_as_it_was() {
    let mut vault = sams_vault();
    importing::import(&mut vault, &received(&invitation()), at(0)).unwrap();
    let before = reviews::document(&vault, "review-1", "statement").unwrap();

    // The statement for comment changes the assessment.
    let mut payload = common::statement_for_comment();
    let state = payload.documents.get_mut("statement").unwrap();
    let mut fields = state.current();
    fields.insert(
        "statement.assessment".into(),
        serde_json::json!("Revised after the meeting."),
    );
    state.record_edit(
        &fields,
        "jo-laptop",
        appraise::bundle::merge::Stamp {
            millis: 1_795_000_100_000,
            counter: 0,
        },
    );
    let report = importing::import(&mut vault, &received(&payload), at(1)).unwrap();
    assert_eq!(report.changed["statement"], ["statement.assessment"]);
    assert_ne!(
        reviews::document(&vault, "review-1", "statement").unwrap(),
        before
    );

    importing::undo_import(&mut vault, "bundle-0001", at(2)).unwrap();
    assert_eq!(
        reviews::document(&vault, "review-1", "statement").unwrap(),
        before
    );
    assert!(!importing::already_imported(&vault, "bundle-0001").unwrap());
    let history = importing::imports(&vault).unwrap();
    assert_eq!(
        history
            .iter()
            .map(|i| (i.bundle_id.as_str(), i.undone))
            .collect::<Vec<_>>(),
        [("bundle-0001", true), ("invite-1", false)]
    );

    // Undoing the invitation removes the review it created.
    importing::undo_import(&mut vault, "invite-1", at(3)).unwrap();
    assert!(reviews::reviews(&vault).unwrap().is_empty());
    assert_eq!(
        reviews::document(&vault, "review-1", "statement").unwrap(),
        None
    );
    assert_eq!(
        importing::undo_import(&mut vault, "never-imported", at(4)),
        Err(RecordsError::NoSuchImport)
    );
}

#[test]
fn a_reviewee_sends_their_pre_review_encrypted_to_the_pinned_reviewer() {
    use appraise::bundle::payload::Party;
    use appraise::domain::field_map::to_field_map;
    use appraise::domain::people::Role;
    let mut vault = sams_vault();
    importing::import(&mut vault, &received(&invitation()), at(0)).unwrap();
    confirm_as_jo(
        &mut vault,
        common::jo().public_keys(),
        HowVerified::ByPhone,
        at(0),
    );

    let me = Party {
        name: "Sam Patel".into(),
        staff_id: None,
        role: Role::Reviewee,
        keys: Some(common::sam().public_keys()),
    };
    let text = to_field_map(&common::pre_review());
    let payload = sending::prepare_to_send(
        &mut vault,
        "review-1",
        sending::Outgoing {
            kind: BundleKind::PreReview,
            sender: me,
            text: text.clone(),
            recipient: None,
            bundle_id: "pre-1".into(),
        },
        "sam-tab",
        at(5),
    )
    .unwrap();
    assert_eq!(payload.recipients[0].name, "Jo Lee");
    assert_eq!(payload.recipients[0].keys, Some(common::jo().public_keys()));
    assert_eq!(payload.documents.keys().collect::<Vec<_>>(), ["pre_review"]);
    assert_eq!(payload.documents["pre_review"].current(), text);

    // Jo opens it and the pre-review merges into Jo's copy of the review.
    let file = write_bundle(
        &payload,
        &common::sam(),
        Some(payload.recipients[0].keys.as_slice()),
        &mut common::Counter(1),
    );
    let jo = common::jo();
    let opened = open_for(&jo, "Jo Lee", &file).unwrap();
    assert!(opened.was_encrypted());
    let mut jos = Vault::open(MemoryStore::new(), Box::new(common::Counter(0)), "jo-tab").unwrap();
    reviews::save_review(
        &mut jos,
        &reviews::StoredReview {
            summary: payload.review.clone(),
            invited_on: None,
            exchanged: Default::default(),
        },
        at(6),
    )
    .unwrap();
    let report = importing::import(&mut jos, &opened, at(6)).unwrap();
    assert!(report.refused.is_empty());
    assert_eq!(
        reviews::document(&jos, "review-1", "pre_review")
            .unwrap()
            .unwrap()
            .current(),
        text
    );

    assert_eq!(
        appraise::bundle::file_name(
            BundleKind::PreReview,
            "sp",
            2026,
            "20261122-0941",
            "bundle-3f2a"
        ),
        "appraise-pre-review-sp-2026-27-20261122-0941-3f2a.json"
    );
}

#[test]
fn a_reviewer_starts_a_review_and_invites_the_reviewee_by_name() {
    use appraise::bundle::payload::Party;
    use appraise::domain::people::Role;
    let mut vault =
        Vault::open(MemoryStore::new(), Box::new(common::Counter(0)), "jo-tab").unwrap();
    let summary = common::statement_for_comment().review;
    reviews::start_review(
        &mut vault,
        summary.clone(),
        &["Run the phonics group".into(), " ".into()],
        "jo-tab",
        at(0),
    )
    .unwrap();
    let statement = reviews::document(&vault, "review-1", "statement")
        .unwrap()
        .unwrap()
        .current();
    assert_eq!(
        statement["statement.previous_objectives[previous-1].objective"],
        serde_json::json!("Run the phonics group")
    );
    assert!(
        !statement.contains_key("statement.previous_objectives[previous-2].objective"),
        "blank lines are left out"
    );

    let me = Party {
        name: "Jo Lee".into(),
        staff_id: None,
        role: Role::Reviewer,
        keys: Some(common::jo().public_keys()),
    };
    let payload = sending::prepare_to_send(
        &mut vault,
        "review-1",
        sending::Outgoing {
            kind: BundleKind::Invitation,
            sender: me,
            text: Default::default(),
            recipient: None,
            bundle_id: "invite-2".into(),
        },
        "jo-tab",
        at(1),
    )
    .unwrap();
    assert_eq!(payload.recipients[0].name, "Sam Patel");
    assert_eq!(
        payload.recipients[0].keys, None,
        "the reviewee has no keys yet: addressed by name"
    );
    let file = write_bundle(&payload, &common::jo(), None, &mut common::Counter(0));
    let newcomer = common::person(7);
    let opened = open_for(&newcomer, "Sam Patel", &file).unwrap();
    let mut sams = sams_vault();
    importing::import(&mut sams, &opened, at(2)).unwrap();
    // Sam's copy binds Sam's own keys to the reviewee's place; Jo's were bound from the start.
    let mut expected = summary;
    expected.reviewee_keys = Some(common::sam().public_keys());
    assert_eq!(reviews::reviews(&sams).unwrap()[0].summary, expected);
}

#[test]
fn pre_reviews_sent_from_two_devices_conflict_until_the_reviewer_chooses() {
    use appraise::bundle::payload::Party;
    use appraise::domain::people::Role;
    use serde_json::json;
    // Jo's copy of the review, and Sam's two devices holding the same identity.
    let mut jos = jos_vault_with_review();
    let sam_as = || Party {
        name: "Sam Patel".into(),
        staff_id: None,
        role: Role::Reviewee,
        keys: Some(common::sam().public_keys()),
    };
    let send_from = |device: &str, text: &str, minute: u32| {
        let mut vault =
            Vault::open(MemoryStore::new(), Box::new(common::Counter(0)), device).unwrap();
        importing::import(&mut vault, &received(&invitation()), at(0)).unwrap();
        confirm_as_jo(
            &mut vault,
            common::jo().public_keys(),
            HowVerified::InPerson,
            at(0),
        );
        let fields: appraise::domain::field_map::FieldMap =
            [("pre_review.key_successes".to_string(), json!(text))]
                .into_iter()
                .collect();
        let payload = sending::prepare_to_send(
            &mut vault,
            "review-1",
            sending::Outgoing {
                kind: BundleKind::PreReview,
                sender: sam_as(),
                text: fields.clone(),
                recipient: None,
                bundle_id: format!("pre-{device}"),
            },
            device,
            at(minute),
        )
        .unwrap();
        let file = write_bundle(
            &payload,
            &common::sam(),
            Some(&[common::jo().public_keys()]),
            &mut common::Counter(1),
        );
        open_for(&common::jo(), "Jo Lee", &file).unwrap()
    };
    let from_laptop = send_from("sam-laptop", "Written on the laptop", 10);
    let from_phone = send_from("sam-phone", "Written on the phone", 11);
    importing::import(&mut jos, &from_laptop, at(12)).unwrap();
    let report = importing::import(&mut jos, &from_phone, at(13)).unwrap();
    assert_eq!(report.conflicts.len(), 1);

    let open_conflicts = conflicts::conflicts(&jos).unwrap();
    assert_eq!(open_conflicts.len(), 1);
    assert_eq!(open_conflicts[0].conflict.path, "pre_review.key_successes");
    assert_eq!(
        open_conflicts[0].conflict.provisional.value,
        Some(json!("Written on the phone")),
        "the later one shows until someone chooses"
    );

    conflicts::resolve(
        &mut jos,
        "review-1",
        "pre_review",
        "pre_review.key_successes",
        Some(json!("Written on the laptop")),
        at(14),
    )
    .unwrap();
    assert!(conflicts::conflicts(&jos).unwrap().is_empty());
    assert_eq!(
        reviews::document(&jos, "review-1", "pre_review")
            .unwrap()
            .unwrap()
            .current()["pre_review.key_successes"],
        json!("Written on the laptop")
    );
    // Importing either bundle again does not bring the conflict back.
    assert_eq!(
        importing::import(&mut jos, &from_phone, at(15)).unwrap_err(),
        RecordsError::AlreadyImported
    );
    assert!(conflicts::conflicts(&jos).unwrap().is_empty());
}

#[test]
fn the_senders_part_comes_from_the_review_held_here_not_from_the_bundle() {
    use appraise::bundle::payload::Party;
    use appraise::domain::people::Role;
    use serde_json::json;
    let mut jos = jos_vault_with_review();
    let jo = common::jo();
    let to_jo = |payload: &Payload| {
        let file = write_bundle(
            payload,
            &common::sam(),
            Some(&[jo.public_keys()]),
            &mut common::Counter(2),
        );
        open_for(&jo, "Jo Lee", &file).unwrap()
    };
    let jo_party = Party {
        name: "Jo Lee".into(),
        staff_id: None,
        role: Role::Reviewer,
        keys: Some(jo.public_keys()),
    };

    // Sam claims to be a reviewer in the bundle and rewrites the assessment: refused field by field.
    let mut claims_reviewer = common::statement_for_comment();
    claims_reviewer.kind = BundleKind::Reply;
    claims_reviewer.bundle_id = "reply-1".into();
    claims_reviewer.sender = Party {
        name: "Sam Patel".into(),
        staff_id: None,
        role: Role::Reviewer,
        keys: Some(common::sam().public_keys()),
    };
    claims_reviewer.recipients = vec![jo_party.clone()];
    let state = claims_reviewer.documents.get_mut("statement").unwrap();
    let mut fields = state.current();
    fields.insert("statement.assessment".into(), json!("Outstanding."));
    state.record_edit(
        &fields,
        "sam-phone",
        appraise::bundle::merge::Stamp {
            millis: 1_795_200_000_000,
            counter: 0,
        },
    );
    let report = importing::import(&mut jos, &to_jo(&claims_reviewer), at(1)).unwrap();
    assert!(report.refused.contains(&"statement.assessment".to_string()));

    // That first file bound Sam's keys to the reviewee's place.
    let held = reviews::review(&jos, "review-1").unwrap().unwrap().summary;
    assert_eq!(held.reviewee_keys, Some(common::sam().public_keys()));

    // Someone with other keys cannot change it at all: named as nobody in the review, they are
    // outside it; named as Sam, they are refused as not Sam, whose place has keys.
    let signed_by = |payload: &Payload, who: &appraise::bundle::identity::Identity| {
        let mut payload = payload.clone();
        payload.sender.keys = Some(who.public_keys());
        let file = write_bundle(
            &payload,
            who,
            Some(&[jo.public_keys()]),
            &mut common::Counter(4),
        );
        open_for(&jo, "Jo Lee", &file).unwrap()
    };
    let mut outsider = claims_reviewer.clone();
    outsider.bundle_id = "reply-2".into();
    outsider.sender.name = "Alex Kim".into();
    let error =
        importing::import(&mut jos, &signed_by(&outsider, &common::stranger()), at(2)).unwrap_err();
    assert_eq!(
        error,
        RecordsError::NotInReview {
            sender: "Alex Kim".into()
        }
    );
    assert!(
        error
            .to_string()
            .contains("neither the reviewer nor the reviewee")
    );
    let mut namesake = claims_reviewer.clone();
    namesake.bundle_id = "reply-3".into();
    let error =
        importing::import(&mut jos, &signed_by(&namesake, &common::stranger()), at(3)).unwrap_err();
    assert_eq!(
        error,
        RecordsError::NotTheirKeys {
            sender: "Sam Patel".into(),
            role: Role::Reviewee
        }
    );
    assert!(error.to_string().contains("the reviewee in this review"));

    // Sam renamed: the file is Sam's by keys, and only the label changes.
    let mut renamed = claims_reviewer.clone();
    renamed.bundle_id = "reply-4".into();
    renamed.sender.name = "Sam Patel-Jones".into();
    importing::import(&mut jos, &signed_by(&renamed, &common::sam()), at(4)).unwrap();
    let held = reviews::review(&jos, "review-1").unwrap().unwrap().summary;
    assert_eq!(held.reviewee.name, "Sam Patel-Jones");
    assert_eq!(held.reviewee_keys, Some(common::sam().public_keys()));
}

#[test]
fn a_review_held_here_loads_as_the_domain_sees_it_with_its_deadlines() {
    use appraise::domain::calendar::SchoolCalendar;
    use appraise::domain::cycle::Stage;
    use appraise::domain::deadlines::{DeadlineKind, deadlines};
    let mut vault = sams_vault();
    importing::import(&mut vault, &received(&invitation()), at(0)).unwrap();
    let review = reviews::load_review(&vault, "review-1").unwrap().unwrap();
    assert_eq!(review.reviewer.name, "Jo Lee");
    // Notice was given on the day the invitation's file was made.
    assert_eq!(review.dates.invited_on, Some(common::date(2026, 11, 18)));
    assert_eq!(review.statement.as_ref().unwrap().new_objectives.len(), 3);
    let due = deadlines(&review, Stage::Invited, &SchoolCalendar::default());
    let notice = due
        .iter()
        .find(|d| d.kind == DeadlineKind::MeetingNotice)
        .unwrap();
    assert!(notice.done, "the invitation was received");
    assert!(
        due.iter()
            .any(|d| d.kind == DeadlineKind::StatementToReviewee && !d.done)
    );
    assert_eq!(
        reviews::load_review(&vault, "no-such-review").unwrap(),
        None
    );
}

#[test]
fn a_persons_part_is_found_by_their_keys_and_by_name_only_where_no_keys_are_bound() {
    use appraise::domain::people::Role;
    let (jo, sam, stranger) = (
        common::jo().public_keys(),
        common::sam().public_keys(),
        common::stranger().public_keys(),
    );
    let mut review = common::statement_for_comment().review;
    assert_eq!(review.part_of(&jo, "Jo (new name)"), Some(Role::Reviewer));
    assert_eq!(review.part_of(&sam, " sam  PATEL"), Some(Role::Reviewee));
    assert_eq!(
        review.part_of(&stranger, "Jo Lee"),
        None,
        "Jo's place has keys"
    );
    review.bind(Role::Reviewee, sam, "Sam Patel-Jones");
    assert_eq!(review.reviewee.name, "Sam Patel-Jones", "the label follows");
    assert_eq!(review.part_of(&stranger, "Sam Patel-Jones"), None);
    assert_eq!(review.part_of(&sam, "S. Patel"), Some(Role::Reviewee));
}

/// Jo, the reviewer, sends a bundle of `kind` for review-1 (to `recipient`, where it names one).
fn jo_sends(
    jos: &mut Vault<MemoryStore>,
    kind: BundleKind,
    recipient: &str,
    now: DateTime<Utc>,
) -> Payload {
    let outgoing = sending::Outgoing {
        kind,
        sender: appraise::bundle::payload::Party {
            name: "Jo Lee".into(),
            staff_id: None,
            role: appraise::domain::people::Role::Reviewer,
            keys: Some(common::jo().public_keys()),
        },
        text: Default::default(),
        recipient: Some(sending::Addressee::Named(recipient.into())),
        bundle_id: format!("{kind:?}"),
    };
    sending::prepare_to_send(jos, "review-1", outgoing, "jo-tab", now).unwrap()
}

/// Jo's final statement, with reviewee's comments `comments` written on `device`.
fn final_statement_with_comments(comments: &str, device: &str) -> Payload {
    let mut payload = statement_signed_by_jo();
    payload.kind = BundleKind::FinalStatement;
    let state = payload.documents.get_mut("statement").unwrap();
    let mut shown = state.current();
    shown.insert(
        "statement.reviewee_comments".into(),
        serde_json::json!(comments),
    );
    let stamp = appraise::bundle::merge::Stamp {
        millis: 1_795_000_100_000,
        counter: 0,
    };
    state.record_edit(&shown, device, stamp);
    payload
}

/// The statement for comment, carrying Jo's sign-off on the statement as it is in the bundle.
fn statement_signed_by_jo() -> Payload {
    use appraise::bundle::sign_off::SignedSignOff;
    use appraise::domain::sign_off::{SignOff, SignerRole};
    let mut payload = common::statement_for_comment();
    let review = common::review_with_statement();
    let sign_off =
        SignOff::for_statement(&review, SignerRole::Reviewer, common::date(2026, 11, 20))
            .expect("the sample statement is complete");
    payload.sign_offs = vec![SignedSignOff::sign(sign_off, &common::jo())];
    payload
}

#[test]
fn sign_offs_arrive_with_the_statement_travel_on_and_go_out_of_date_when_it_changes() {
    use appraise::domain::sign_off::SignOffStatus;
    let mut vault = sams_vault();
    let payload = statement_signed_by_jo();
    let mut forged = payload.sign_offs[0].clone();
    forged.sign_off.signed_on = common::date(2026, 11, 21);
    let mut with_forgery = payload.clone();
    with_forgery.sign_offs.push(forged);
    importing::import(&mut vault, &received(&invitation()), at(0)).unwrap();
    importing::import(&mut vault, &received(&with_forgery), at(1)).unwrap();
    assert_eq!(
        sign_offs::sign_offs(&vault, "review-1").unwrap(),
        payload.sign_offs,
        "the sign-off whose signature does not hold is not kept"
    );

    let sams_keys = common::sam().public_keys();
    let review = reviews::load_review(&vault, "review-1").unwrap().unwrap();
    let standings = sign_offs::sign_off_standings(&vault, &review, &sams_keys).unwrap();
    assert_eq!(standings.len(), 1);
    assert_eq!(standings[0].status, SignOffStatus::Current);
    assert!(
        !standings[0].keys_confirmed,
        "Jo's keys are not pinned here"
    );
    assert!(sign_offs::statement_signed(&standings).by_reviewer);
    assert!(!sign_offs::statement_signed(&standings).by_reviewee);
    // What is still each part's to sign: the reviewer's training needs, the reviewee's statement.
    use appraise::domain::sign_off::SignerRole;
    assert_eq!(
        sign_offs::still_to_sign(&standings, SignerRole::Reviewer),
        ["cpd_needs"]
    );
    assert_eq!(
        sign_offs::still_to_sign(&standings, SignerRole::Reviewee),
        ["statement"]
    );

    // Someone else confirmed under Jo's name changes nothing: the reviewer's place is bound to
    // the keys that signed the invitation. Confirming Jo's own keys marks the sign-off confirmed.
    confirm_as_jo(
        &mut vault,
        common::stranger().public_keys(),
        HowVerified::ByPhone,
        at(2),
    );
    let standings = sign_offs::sign_off_standings(&vault, &review, &sams_keys).unwrap();
    assert_eq!(standings[0].status, SignOffStatus::Current);
    assert!(!standings[0].keys_confirmed);
    confirm_as_jo(
        &mut vault,
        common::jo().public_keys(),
        HowVerified::ByPhone,
        at(2),
    );
    let standings = sign_offs::sign_off_standings(&vault, &review, &sams_keys).unwrap();
    assert!(standings[0].keys_confirmed);

    // A change to a signed field puts the sign-off out of date, naming the field.
    let mut state = reviews::document(&vault, "review-1", "statement")
        .unwrap()
        .unwrap();
    let mut shown = state.current();
    shown.insert(
        "statement.assessment".into(),
        serde_json::json!("Rewritten."),
    );
    state.record_edit(
        &shown,
        "sam-tab",
        appraise::bundle::merge::Stamp {
            millis: 1_900_000_000_000,
            counter: 0,
        },
    );
    reviews::save_document(&mut vault, "review-1", "statement", &state, at(3)).unwrap();
    let review = reviews::load_review(&vault, "review-1").unwrap().unwrap();
    let standings = sign_offs::sign_off_standings(&vault, &review, &sams_keys).unwrap();
    assert_eq!(
        payload.sign_offs[0].status(&review, &common::jo().public_keys()),
        SignOffStatus::OutOfDate {
            changed: vec!["statement.assessment".into()]
        }
    );
    assert_eq!(standings.len(), 1);

    // The reply carries every sign-off on the documents it holds; undo takes the import's away.
    let reply = sending::prepare_to_send(
        &mut vault,
        "review-1",
        sending::Outgoing {
            kind: BundleKind::Reply,
            sender: appraise::bundle::payload::Party {
                name: "Sam Patel".into(),
                staff_id: None,
                role: appraise::domain::people::Role::Reviewee,
                keys: Some(sams_keys),
            },
            text: Default::default(),
            recipient: None,
            bundle_id: "reply-1".into(),
        },
        "sam-tab",
        at(4),
    )
    .unwrap();
    assert_eq!(reply.sign_offs, payload.sign_offs);
    importing::undo_import(&mut vault, &with_forgery.bundle_id, at(5)).unwrap();
    assert!(sign_offs::sign_offs(&vault, "review-1").unwrap().is_empty());
}

#[test]
fn a_final_statement_goes_to_the_headteacher_named_and_training_needs_to_the_cpd_leader() {
    use appraise::domain::people::Role;
    let mut jos = jos_vault_with_review();
    for (kind, name, role) in [
        (BundleKind::FinalStatement, "Pat Head", Role::Headteacher),
        (BundleKind::CpdNeeds, "Chris Train", Role::CpdLeader),
    ] {
        let payload = jo_sends(&mut jos, kind, name, at(1));
        assert_eq!(payload.recipients[0].name, name);
        assert_eq!(payload.recipients[0].role, role);
        assert_eq!(payload.recipients[0].keys, None, "not a pinned contact");
    }
}

#[test]
fn a_final_statement_relays_the_reviewees_comments_which_their_sign_off_vouches_for() {
    use appraise::domain::sign_off::SignOffStatus;
    let payload = final_statement_with_comments("I agree.", "sam-phone");
    // Pat, the headteacher, is outside the review: Jo, the reviewer, passes on a field Jo does
    // not own, which Pat takes as Jo holds it.
    let mut vault = pats_vault();
    importing::import(&mut vault, &received(&payload), at(0)).unwrap();
    let review = reviews::load_review(&vault, "review-1").unwrap().unwrap();
    assert_eq!(
        review.statement.as_ref().unwrap().reviewee_comments,
        "I agree."
    );
    let standings =
        sign_offs::sign_off_standings(&vault, &review, &common::stranger().public_keys()).unwrap();
    assert_eq!(
        standings[0].status,
        SignOffStatus::Current,
        "the reviewer's sign-off leaves the comments out"
    );
}

#[test]
fn sending_and_receiving_stop_the_policys_clocks_and_undo_restarts_them() {
    use appraise::domain::deadlines::DeadlineKind;
    let done = |vault: &Vault<MemoryStore>, kind: DeadlineKind| {
        appraise::use_cases::held::open(vault, "review-1", common::date(2026, 11, 22))
            .unwrap()
            .unwrap()
            .deadlines
            .into_iter()
            .find(|(d, _)| d.kind == kind)
            .is_some_and(|(d, _)| d.done)
    };
    let mut vault = sams_vault();
    importing::import(&mut vault, &received(&invitation()), at(0)).unwrap();
    assert!(!done(&vault, DeadlineKind::StatementToReviewee));
    importing::import(
        &mut vault,
        &received(&common::statement_for_comment()),
        at(1),
    )
    .unwrap();
    assert!(
        done(&vault, DeadlineKind::StatementToReviewee),
        "the statement arrived"
    );
    // The day each file was made is noted, not the day it was imported (22/11): the sender's
    // copy notes the same day, so both count the policy's clocks alike. The import that
    // created the review notes its arrival too.
    let stored = reviews::review(&vault, "review-1").unwrap().unwrap();
    assert_eq!(
        stored.exchanged.get(&BundleKind::StatementForComment),
        Some(&common::date(2026, 11, 18))
    );
    assert_eq!(
        stored.exchanged.get(&BundleKind::Invitation),
        Some(&common::date(2026, 11, 18))
    );
    // An earlier file of the same kind, imported later, moves the day back; undoing it puts
    // the later day back.
    let mut earlier = common::statement_for_comment();
    earlier.bundle_id = "earlier".into();
    earlier.created_at_millis -= 2 * 86_400_000;
    importing::import(&mut vault, &received(&earlier), at(2)).unwrap();
    let day = |vault: &Vault<MemoryStore>| {
        reviews::review(vault, "review-1")
            .unwrap()
            .unwrap()
            .exchanged
            .get(&BundleKind::StatementForComment)
            .copied()
    };
    assert_eq!(day(&vault), Some(common::date(2026, 11, 16)));
    importing::undo_import(&mut vault, "earlier", at(3)).unwrap();
    assert_eq!(day(&vault), Some(common::date(2026, 11, 18)));
    importing::undo_import(&mut vault, "bundle-0001", at(4)).unwrap();
    assert!(!done(&vault, DeadlineKind::StatementToReviewee), "undone");
}

#[test]
fn private_preparation_and_checklists_never_leave_the_device() {
    use appraise::bundle::merge::{DocumentState, Stamp};
    let mut jos = jos_vault_with_review();
    for kind in ["reviewer_notes", "checklist"] {
        let mut state = DocumentState::default();
        let fields = [(format!("{kind}.private"), serde_json::json!("only for Jo"))]
            .into_iter()
            .collect();
        state.record_edit(&fields, "jo-tab", Stamp::default());
        reviews::save_document(&mut jos, "review-1", kind, &state, at(1)).unwrap();
    }
    for kind in [
        BundleKind::Invitation,
        BundleKind::StatementForComment,
        BundleKind::FinalStatement,
        BundleKind::CpdNeeds,
    ] {
        let payload = jo_sends(&mut jos, kind, "Pat Head", at(2));
        let carried = serde_json::to_string(&payload).unwrap();
        assert!(!carried.contains("only for Jo"), "{kind:?}");
    }
}

#[test]
fn only_someone_outside_the_review_takes_a_passed_on_review_whole() {
    let payload = final_statement_with_comments("Words Sam never wrote.", "jo-laptop");

    // Sam, a party, keeps ownership: Jo's bundle cannot put words in Sam's mouth.
    let mut vault = sams_vault();
    let mut sam = StoredIdentity::new(KeySeed([2; 32]));
    sam.name = "Sam Patel".into();
    identity::save_identity(&mut vault, &sam, at(0)).unwrap();
    let report = importing::import(&mut vault, &received(&payload), at(1)).unwrap();
    assert_eq!(report.refused, ["statement.reviewee_comments"]);

    // A final statement from the reviewee (signed with Sam's keys) is refused outright.
    let mut from_sam = payload.clone();
    from_sam.bundle_id = "final-from-sam".into();
    from_sam.sender.name = "Sam Patel".into();
    from_sam.sender.keys = Some(common::sam().public_keys());
    let file = write_bundle(&from_sam, &common::sam(), None, &mut common::Counter(6));
    let opened = open_for(&common::stranger(), "Pat Head", &file);
    let opened = opened
        .or_else(|_| open_for(&common::sam(), "Sam Patel", &file))
        .unwrap();
    assert_eq!(
        importing::import(&mut pats_vault(), &opened, at(2)).unwrap_err(),
        RecordsError::NotTheReviewer {
            sender: "Sam Patel".into()
        }
    );

    // The same file twice is refused, so its undo record stays true.
    assert_eq!(
        importing::import(&mut vault, &received(&payload), at(3)).unwrap_err(),
        RecordsError::AlreadyImported
    );
}

#[test]
fn undo_takes_back_only_what_the_import_brought() {
    use appraise::bundle::sign_off::SignedSignOff;
    use appraise::domain::sign_off::{SignOff, SignerRole};
    let mut vault = sams_vault();
    importing::import(&mut vault, &received(&invitation()), at(0)).unwrap();
    let payload = statement_signed_by_jo();
    importing::import(&mut vault, &received(&payload), at(1)).unwrap();
    let review = reviews::load_review(&vault, "review-1").unwrap().unwrap();
    let sign_off =
        SignOff::for_statement(&review, SignerRole::Reviewee, common::date(2026, 11, 22)).unwrap();
    // Signing signs with the keys held here: Sam's.
    sign_offs::sign(&mut vault, "review-1", sign_off.clone(), at(2)).unwrap();
    let mine = SignedSignOff::sign(sign_off, &common::sam());
    assert_eq!(
        sign_offs::sign_offs(&vault, "review-1").unwrap().last(),
        Some(&mine)
    );
    sending::note_sent(
        &mut vault,
        "review-1",
        BundleKind::Reply,
        at(3).date_naive(),
        at(3),
    )
    .unwrap();
    importing::undo_import(&mut vault, &payload.bundle_id, at(4)).unwrap();
    assert_eq!(
        sign_offs::sign_offs(&vault, "review-1").unwrap(),
        [mine],
        "Sam's own sign-off stays"
    );
    let held = reviews::review(&vault, "review-1").unwrap().unwrap();
    assert!(
        held.exchanged.contains_key(&BundleKind::Reply),
        "a later send stays noted"
    );
    assert!(
        !held
            .exchanged
            .contains_key(&BundleKind::StatementForComment)
    );
}

#[test]
fn a_sign_off_in_someone_elses_name_is_not_valid() {
    use appraise::bundle::sign_off::SignedSignOff;
    use appraise::domain::sign_off::{SignOff, SignOffStatus, SignerRole};
    // Pat, the headteacher, has confirmed Jo's keys but never met Sam's.
    let mut vault = sams_vault();
    confirm_as_jo(
        &mut vault,
        common::jo().public_keys(),
        HowVerified::InPerson,
        at(0),
    );
    let mut payload = statement_signed_by_jo();
    payload.kind = BundleKind::FinalStatement;
    let review = common::review_with_statement();
    // Jo signs in Sam's name with Jo's own keys.
    let forged =
        SignOff::for_statement(&review, SignerRole::Reviewee, common::date(2026, 11, 21)).unwrap();
    payload
        .sign_offs
        .push(SignedSignOff::sign(forged, &common::jo()));
    importing::import(&mut vault, &received(&payload), at(1)).unwrap();
    let held = reviews::load_review(&vault, "review-1").unwrap().unwrap();
    let standings =
        sign_offs::sign_off_standings(&vault, &held, &common::stranger().public_keys()).unwrap();
    let reviewee = standings
        .iter()
        .find(|s| s.signed.sign_off.role == SignerRole::Reviewee)
        .unwrap();
    assert_eq!(reviewee.status, SignOffStatus::Invalid);
    assert!(!sign_offs::statement_signed(&standings).by_reviewee);
    let reviewer = standings
        .iter()
        .find(|s| s.signed.sign_off.role == SignerRole::Reviewer)
        .unwrap();
    assert_eq!(reviewer.status, SignOffStatus::Current);
    assert!(reviewer.keys_confirmed);
}

// Every field written on one side is stored and shown on the other after the exchange.

mod strategies;
use appraise::domain::reading;
use proptest::prelude::*;

/// Every piece of free text in `document`'s fields, as the person wrote it (trimmed).
fn written_text<D: appraise::domain::documents::Document>(document: &D) -> Vec<String> {
    const NOT_FREE_TEXT: [&str; 6] = [
        ".id",
        ".author",
        ".rating",
        ".judgement",
        ".theme",
        ".pay_recommendation",
    ];
    appraise::domain::field_map::to_field_map(document)
        .into_iter()
        .filter(|(path, _)| !NOT_FREE_TEXT.iter().any(|end| path.ends_with(end)))
        .filter(|(path, _)| !path.ends_with("meeting_date") && !path.ends_with("by_when"))
        .filter_map(|(_, value)| value.as_str().map(|text| text.trim().to_owned()))
        .filter(|text| !text.is_empty())
        .collect()
}

fn assert_all_shown(written: &[String], shown: &str) -> Result<(), TestCaseError> {
    for text in written {
        prop_assert!(
            shown.contains(text.as_str()),
            "{text:?} is not shown in:\n{shown}"
        );
    }
    Ok(())
}

fn party(
    name: &str,
    role: appraise::domain::people::Role,
    keys: &appraise::bundle::identity::Identity,
) -> appraise::bundle::payload::Party {
    appraise::bundle::payload::Party {
        name: name.into(),
        staff_id: None,
        role,
        keys: Some(keys.public_keys()),
    }
}

/// Sends `text` as a bundle of `kind` from `from`'s vault and imports it into `to`'s, encrypted.
fn exchange(
    from: &mut Vault<MemoryStore>,
    sender: appraise::bundle::payload::Party,
    kind: BundleKind,
    text: appraise::domain::field_map::FieldMap,
    to: &mut Vault<MemoryStore>,
    (identity, name): (&appraise::bundle::identity::Identity, &str),
) {
    let signer = if sender.role == appraise::domain::people::Role::Reviewer {
        common::jo()
    } else {
        common::sam()
    };
    let outgoing = sending::Outgoing {
        kind,
        sender,
        text,
        recipient: None,
        bundle_id: format!("{kind:?}"),
    };
    let payload = sending::prepare_to_send(from, "review-1", outgoing, "device", at(5)).unwrap();
    let file = write_bundle(
        &payload,
        &signer,
        Some(&[identity.public_keys()]),
        &mut common::Counter(1),
    );
    let opened = open_for(identity, name, &file).unwrap();
    let report = importing::import(to, &opened, at(6)).unwrap();
    assert!(report.refused.is_empty(), "refused: {:?}", report.refused);
}

fn full_statement() -> impl Strategy<Value = appraise::domain::documents::Statement> {
    use appraise::domain::documents::PayRecommendation;
    let text = strategies::text;
    (
        strategies::statement(),
        (text(), text(), text(), text(), text(), text()),
        proptest::option::of(proptest::sample::select(PayRecommendation::ALL.to_vec())),
    )
        .prop_map(
            |(mut statement, (helped, hindered, training, job, career, pay), recommendation)| {
                statement.factors_helped = helped;
                statement.factors_hindered = hindered;
                statement.training_received = training;
                statement.job_description_comments = job;
                statement.career_goals = career;
                statement.pay_rationale = pay;
                statement.pay_recommendation = recommendation;
                // The reviewee's own words travel the other way, in the reply.
                statement.reviewee_comments = String::new();
                statement
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_answer_and_piece_of_evidence_in_a_pre_review_reaches_the_reviewer(form in strategies::pre_review()) {
        use appraise::domain::documents::{PreReviewAuthor, PreReviewForm};
        use appraise::domain::people::Role;
        let form = PreReviewForm { author: PreReviewAuthor::Reviewee, ..form };
        let mut sams = sams_vault();
        importing::import(&mut sams, &received(&invitation()), at(0)).unwrap();
        let mut jos = jos_vault_with_review();
        let text = appraise::domain::field_map::to_field_map(&form);
        exchange(&mut sams, party("Sam Patel", Role::Reviewee, &common::sam()), BundleKind::PreReview, text, &mut jos, (&common::jo(), "Jo Lee"));

        let held = reviews::load_review(&jos, "review-1").unwrap().unwrap().pre_review;
        prop_assert_eq!(held.as_ref(), Some(&form));
        prop_assert_eq!(form.has_answers(), !written_text(&form).iter().all(|t| t == form.name.trim() || t == form.job_title.trim()));
        assert_all_shown(&written_text(&form), &reading::all_text(&reading::pre_review(&form)))?;
    }

    #[test]
    fn every_field_of_the_statement_and_training_needs_reaches_the_reviewee_and_their_comments_come_back(
        statement in full_statement(),
        needs in strategies::cpd_needs(),
        comments in strategies::text(),
    ) {
        use appraise::domain::people::Role;
        use appraise::domain::reading::StatementShape;
        let mut jos = jos_vault_with_review();
        let mut sams = sams_vault();
        let jo = party("Jo Lee", Role::Reviewer, &common::jo());
        exchange(&mut jos, jo.clone(), BundleKind::Invitation, Default::default(), &mut sams, (&common::sam(), "Sam Patel"));
        let mut text = appraise::domain::field_map::to_field_map(&statement);
        text.extend(appraise::domain::field_map::to_field_map(&needs));
        exchange(&mut jos, jo, BundleKind::StatementForComment, text, &mut sams, (&common::sam(), "Sam Patel"));

        let held = reviews::load_review(&sams, "review-1").unwrap().unwrap();
        prop_assert_eq!(held.statement.as_ref(), Some(&statement));
        prop_assert_eq!(held.cpd_needs.as_ref(), Some(&needs));
        let shape = StatementShape { ten_standards: true, pay: true, honorarium: true };
        let shown = reading::all_text(&reading::statement(&statement, shape)) + &reading::all_text(&reading::cpd_needs(&needs));
        assert_all_shown(&written_text(&statement), &shown)?;
        assert_all_shown(&written_text(&needs), &shown)?;
        for objective in &statement.previous_objectives {
            if let Some(rating) = objective.rating {
                prop_assert!(shown.contains(rating.label()));
            }
        }
        for objective in &statement.new_objectives {
            if let Some(day) = objective.by_when {
                prop_assert!(shown.contains(&appraise::domain::dates::format_uk_date(day)));
            }
        }

        // The reviewee's comments go back in the reply and are shown to the reviewer.
        let mut reply = held.statement.clone().unwrap();
        reply.reviewee_comments = comments.clone();
        exchange(&mut sams, party("Sam Patel", Role::Reviewee, &common::sam()), BundleKind::Reply, appraise::domain::field_map::to_field_map(&reply), &mut jos, (&common::jo(), "Jo Lee"));
        let back = reviews::load_review(&jos, "review-1").unwrap().unwrap().statement.unwrap();
        prop_assert_eq!(&back, &reply);
        assert_all_shown(&written_text(&back), &reading::all_text(&reading::statement(&back, shape)))?;
    }
}

/// A file Jo sent opens for Jo again and imports as nothing new; a sign-off in a file whose
/// signature does not hold is named in the preview and not kept.
#[test]
fn your_own_sent_file_reopens_and_a_bad_sign_off_is_named_not_dropped() {
    let mut jos = jos_vault_with_review();
    let payload = jo_sends(
        &mut jos,
        BundleKind::StatementForComment,
        "Sam Patel",
        at(1),
    );
    let file = write_bundle(
        &payload,
        &common::jo(),
        Some(&[common::sam().public_keys()]),
        &mut common::Counter(5),
    );
    let mine = open_for(&common::jo(), "Jo Lee", &file).expect("Jo reopens it");
    let preview = importing::preview_import(&jos, &mine).unwrap();
    assert!(!preview.changes_anything(), "{preview:?}");
    importing::import(&mut jos, &mine, at(2)).unwrap();

    let mut forged = statement_signed_by_jo();
    forged.bundle_id = "forged-sign-off".into();
    let signature = &mut forged.sign_offs[0].signature;
    let first = if signature.starts_with('A') { "B" } else { "A" };
    signature.replace_range(0..1, first);
    let mut sams = sams_vault();
    importing::import(&mut sams, &received(&invitation()), at(3)).unwrap();
    let bundle = received(&forged);
    let preview = importing::preview_import(&sams, &bundle).unwrap();
    assert_eq!(
        preview.invalid_sign_offs,
        ["Planning and review statement signed by Jo Lee (reviewer) on 20/11/2026"]
    );
    importing::import(&mut sams, &bundle, at(4)).unwrap();
    assert!(sign_offs::sign_offs(&sams, "review-1").unwrap().is_empty());
}

/// The read model reads each review held here as this person's: Jo's own started review is
/// Jo's to review, at the invitation stage, with the invitation to send next; and a review that
/// cannot be read is listed as such, never left out.
#[test]
fn each_review_is_read_with_its_part_stage_and_next_step_and_a_damaged_one_is_named() {
    use appraise::use_cases::held;
    let mut jos = jos_vault_with_review();
    let mut me = StoredIdentity::new(KeySeed([1; 32]));
    me.name = "Jo Lee".into();
    identity::save_identity(&mut jos, &me, at(0)).unwrap();
    let mine = held::all(&jos, common::date(2026, 9, 10)).unwrap();
    assert_eq!(mine.len(), 1);
    let mine = mine[0].as_ref().unwrap();
    assert_eq!(mine.part, appraise::domain::people::Role::Reviewer);
    assert_eq!(mine.stage, appraise::domain::cycle::Stage::Invited);
    assert!(
        mine.next_step().starts_with("Send the invitation"),
        "{}",
        mine.next_step()
    );

    // The statement's record is damaged: the review is still listed, by name, with what to do.
    jos.write(
        "review:review-1:statement",
        "review_document",
        &serde_json::json!({ "not": "a document" }),
        appraise::storage::Expect::Anything,
        at(1),
    )
    .unwrap();
    let listed = held::all(&jos, common::date(2026, 9, 10)).unwrap();
    let unreadable = listed[0].as_ref().unwrap_err();
    assert_eq!(unreadable.reviewee.as_deref(), Some("Sam Patel"));
    assert!(
        unreadable
            .sentence()
            .starts_with("The review of Sam Patel cannot be read")
    );
}

/// Two members of staff called Sarah Jones, reviewed by Jo: each Sarah's files land in her own
/// review, never the other's, because each place is bound to the keys of the Sarah whose first
/// file reached it; and what Jo sends each is locked for that Sarah alone.
#[test]
fn two_staff_of_one_name_exchange_files_and_nothing_crosses_between_their_reviews() {
    use appraise::bundle::error::BundleError;
    use appraise::bundle::payload::Party;
    use appraise::domain::people::Role;
    let jo = common::jo();
    let mut jos = Vault::open(MemoryStore::new(), Box::new(common::Counter(0)), "jo-tab").unwrap();
    let mut me = StoredIdentity::new(KeySeed([1; 32]));
    me.name = "Jo Lee".into();
    identity::save_identity(&mut jos, &me, at(0)).unwrap();
    let sarahs = [
        (11u8, "review-a", "Sarah A's successes"),
        (12, "review-b", "Sarah B's successes"),
    ];
    let jo_party = Party {
        name: "Jo Lee".into(),
        staff_id: None,
        role: Role::Reviewer,
        keys: Some(jo.public_keys()),
    };
    for (seed, id, words) in sarahs {
        // Jo starts the review and sends the invitation, addressed by name.
        let mut summary = common::statement_for_comment().review;
        summary.id = appraise::domain::ids::Id::new(id).unwrap();
        summary.reviewee.name = "Sarah Jones".into();
        reviews::start_review(&mut jos, summary, &[], "jo-tab", at(1)).unwrap();
        let invitation = sending::prepare_to_send(
            &mut jos,
            id,
            sending::Outgoing {
                kind: BundleKind::Invitation,
                sender: jo_party.clone(),
                text: Default::default(),
                recipient: None,
                bundle_id: format!("invite-{id}"),
            },
            "jo-tab",
            at(1),
        )
        .unwrap();
        let file = write_bundle(&invitation, &jo, None, &mut common::Counter(1));
        // Sarah imports it, and sends her pre-review back, locked for Jo.
        let sarah = common::person(seed);
        let mut hers = Vault::open(
            MemoryStore::new(),
            Box::new(common::Counter(0)),
            "sarah-tab",
        )
        .unwrap();
        let mut stored = StoredIdentity::new(KeySeed([seed; 32]));
        stored.name = "Sarah Jones".into();
        identity::save_identity(&mut hers, &stored, at(0)).unwrap();
        let opened = open_for(&sarah, "Sarah Jones", &file).unwrap();
        importing::import(&mut hers, &opened, at(2)).unwrap();
        let text = [(
            "pre_review.key_successes".to_owned(),
            serde_json::json!(words),
        )]
        .into_iter()
        .collect();
        let pre_review = sending::prepare_to_send(
            &mut hers,
            id,
            sending::Outgoing {
                kind: BundleKind::PreReview,
                sender: Party {
                    name: "Sarah Jones".into(),
                    staff_id: None,
                    role: Role::Reviewee,
                    keys: Some(sarah.public_keys()),
                },
                text,
                recipient: None,
                bundle_id: format!("pre-review-{id}"),
            },
            "sarah-tab",
            at(3),
        )
        .unwrap();
        assert_eq!(pre_review.recipients[0].keys, Some(jo.public_keys()));
        let keys = [jo.public_keys()];
        let file = write_bundle(&pre_review, &sarah, Some(&keys), &mut common::Counter(2));
        importing::import(&mut jos, &open_for(&jo, "Jo Lee", &file).unwrap(), at(4)).unwrap();
    }
    let words_in = |jos: &Vault<MemoryStore>, id: &str| {
        reviews::load_review(jos, id)
            .unwrap()
            .unwrap()
            .pre_review
            .unwrap()
            .key_successes
    };
    assert_eq!(words_in(&jos, "review-a"), "Sarah A's successes");
    assert_eq!(words_in(&jos, "review-b"), "Sarah B's successes");

    // Sarah A's file for Sarah B's review is refused, naming whose place it claims.
    let mut crossing = sending::prepare_to_send(
        &mut jos,
        "review-b",
        sending::Outgoing {
            kind: BundleKind::StatementForComment,
            sender: jo_party.clone(),
            text: Default::default(),
            recipient: None,
            bundle_id: "for-b".into(),
        },
        "jo-tab",
        at(5),
    )
    .unwrap();
    // What Jo sends Sarah B is locked for her keys alone.
    assert_eq!(
        crossing.recipients[0].keys,
        Some(common::person(12).public_keys())
    );
    let locked = write_bundle(
        &crossing,
        &jo,
        Some(&[common::person(12).public_keys()]),
        &mut common::Counter(3),
    );
    assert_eq!(
        open_for(&common::person(11), "Sarah Jones", &locked).unwrap_err(),
        BundleError::EncryptedForSomeoneElse
    );
    crossing.kind = BundleKind::Reply;
    crossing.bundle_id = "a-into-b".into();
    crossing.sender = Party {
        name: "Sarah Jones".into(),
        staff_id: None,
        role: Role::Reviewee,
        keys: Some(common::person(11).public_keys()),
    };
    crossing.recipients = vec![jo_party];
    let file = write_bundle(
        &crossing,
        &common::person(11),
        None,
        &mut common::Counter(4),
    );
    assert_eq!(
        importing::import(&mut jos, &open_for(&jo, "Jo Lee", &file).unwrap(), at(6)).unwrap_err(),
        RecordsError::NotTheirKeys {
            sender: "Sarah Jones".into(),
            role: Role::Reviewee
        }
    );
    assert_eq!(words_in(&jos, "review-b"), "Sarah B's successes");
}

/// Pat, the headteacher, has nothing to send Jo but a contact card: once Jo adds it (after
/// comparing the fingerprint), the final statement goes locked to Pat, who opens it, and to
/// nobody else. A card signed with other keys than it gives is refused; a card is not a bundle.
#[test]
fn a_contact_card_lets_the_final_statement_go_locked_to_the_headteacher() {
    use appraise::bundle::error::{BundleError, LooksLike};
    use appraise::bundle::open::{Received, open_any};
    let pat = common::stranger();
    let card = identity::my_card(&pats_vault(), at(0)).unwrap().unwrap();
    assert_eq!(card.name, "Pat Head");
    assert_eq!(card.file_name(), "appraise-contact-card-pat-head.json");
    let file = card.write(&pat);
    let jo = common::jo();
    let me = Recipient {
        identity: &jo,
        name: "Jo Lee",
        staff_id: &common::id("jo"),
    };
    let Received::Card(opened) = open_any(file.as_bytes(), &me, &Contacts::default()).unwrap()
    else {
        panic!("a contact card opens as a card");
    };
    assert!(matches!(
        opened.trust(),
        appraise::bundle::contacts::Trust::NewContact { .. }
    ));
    assert_eq!(
        open(file.as_bytes(), &me, &Contacts::default()).unwrap_err(),
        BundleError::NotABundle(LooksLike::ContactCard)
    );
    let mut forged = card.clone();
    forged.keys = common::sam().public_keys();
    assert_eq!(
        open_any(forged.write(&pat).as_bytes(), &me, &Contacts::default()).unwrap_err(),
        BundleError::SignerMismatch
    );

    let mut jos = jos_vault_with_review();
    identity::add_card(&mut jos, &opened, HowVerified::ByPhone, at(1)).unwrap();
    let contacts = identity::contacts(&jos).unwrap();
    assert_eq!(contacts.get(&pat.public_keys()).unwrap().name, "Pat Head");
    let outgoing = sending::Outgoing {
        kind: BundleKind::FinalStatement,
        sender: appraise::bundle::payload::Party {
            name: "Jo Lee".into(),
            staff_id: None,
            role: appraise::domain::people::Role::Reviewer,
            keys: Some(jo.public_keys()),
        },
        text: Default::default(),
        recipient: Some(sending::Addressee::Contact(pat.public_keys().key_id())),
        bundle_id: "final-1".into(),
    };
    let payload =
        sending::prepare_to_send(&mut jos, "review-1", outgoing, "jo-tab", at(2)).unwrap();
    assert_eq!(payload.recipients[0].keys, Some(pat.public_keys()));
    let locked = write_bundle(
        &payload,
        &jo,
        Some(&[pat.public_keys()]),
        &mut common::Counter(8),
    );
    let opened = open_for(&pat, "Pat Head", &locked).unwrap();
    assert!(opened.was_encrypted());
    let mut pats = pats_vault();
    importing::import(&mut pats, &opened, at(3)).unwrap();
    assert_eq!(
        open_for(&common::sam(), "Sam Patel", &locked).unwrap_err(),
        BundleError::EncryptedForSomeoneElse
    );
}

/// A file is locked to a contact found by name: the only one of that name, or with two of one
/// name the one chosen; with two and no choice the person is asked which.
#[test]
fn a_name_finds_the_contact_to_lock_a_file_for_or_asks_which() {
    let mut jos = jos_vault_with_review();
    let mut contacts = identity::contacts(&jos).unwrap();
    let (sarah_a, sarah_b) = (
        common::person(11).public_keys(),
        common::person(12).public_keys(),
    );
    contacts.pin(
        "Sarah Jones",
        Some("Teaching assistant"),
        sarah_a,
        HowVerified::InPerson,
        0,
    );
    contacts.pin(
        "Pat Head",
        None,
        common::stranger().public_keys(),
        HowVerified::ByPhone,
        0,
    );
    identity::save_contacts(&mut jos, &contacts, at(1)).unwrap();
    let found = |jos: &Vault<MemoryStore>, name, chosen: Option<&str>| {
        identity::contact_for(jos, name, chosen).map(|found| found.map(|contact| contact.keys))
    };
    assert_eq!(
        found(&jos, " pat HEAD", None),
        Ok(Some(common::stranger().public_keys()))
    );
    assert_eq!(found(&jos, "Sarah Jones", None), Ok(Some(sarah_a)));
    assert_eq!(found(&jos, "Alex Kim", None), Ok(None));
    let mut contacts = identity::contacts(&jos).unwrap();
    contacts.pin(
        "Sarah Jones",
        Some("Year 4 teacher"),
        sarah_b,
        HowVerified::InPerson,
        0,
    );
    identity::save_contacts(&mut jos, &contacts, at(2)).unwrap();
    let asked = found(&jos, "Sarah Jones", None).unwrap_err();
    assert_eq!(
        asked,
        RecordsError::WhichContact {
            name: "Sarah Jones".into()
        }
    );
    assert!(asked.to_string().contains("choose which one you mean"));
    assert_eq!(
        found(&jos, "Sarah Jones", Some(&sarah_b.key_id())),
        Ok(Some(sarah_b))
    );
}

/// Seed 004 6.4-6.6: the reviewer is changed and the cycle "will not begin again". Jo hands Sam's
/// review to Pat: Pat takes it whole as its reviewer, Sam's copy binds the reviewer's place to
/// Pat's keys (so Jo's files no longer act as the reviewer's), and Jo keeps it to read.
#[test]
fn a_review_handed_to_a_new_reviewer_carries_on_under_their_keys() {
    use appraise::domain::people::Role;
    let (jo, pat, sam) = (common::jo(), common::stranger(), common::sam());
    let mut sams = sams_vault();
    importing::import(&mut sams, &received(&invitation()), at(0)).unwrap();
    let mut jos = jos_vault_with_review();
    let hand_over = |jos: &mut Vault<MemoryStore>, to: sending::Addressee| {
        let outgoing = sending::Outgoing {
            kind: BundleKind::Handover,
            sender: appraise::bundle::payload::Party {
                name: "Jo Lee".into(),
                staff_id: None,
                role: Role::Reviewer,
                keys: Some(jo.public_keys()),
            },
            text: Default::default(),
            recipient: Some(to),
            bundle_id: "handover-1".into(),
        };
        sending::prepare_to_send(jos, "review-1", outgoing, "jo-tab", at(5))
    };
    // Only to someone whose keys Jo has confirmed.
    assert_eq!(
        hand_over(&mut jos, sending::Addressee::Named("Pat Head".into())).unwrap_err(),
        RecordsError::HandoverToUnconfirmed {
            name: "Pat Head".into()
        }
    );
    let card = identity::my_card(&pats_vault(), at(0)).unwrap().unwrap();
    let Ok(appraise::bundle::open::Received::Card(card)) = appraise::bundle::open::open_any(
        card.write(&pat).as_bytes(),
        &Recipient {
            identity: &jo,
            name: "Jo Lee",
            staff_id: &common::id("jo"),
        },
        &Contacts::default(),
    ) else {
        panic!("Pat's card opens");
    };
    identity::add_card(&mut jos, &card, HowVerified::InPerson, at(1)).unwrap();
    let payload = hand_over(
        &mut jos,
        sending::Addressee::Contact(pat.public_keys().key_id()),
    )
    .unwrap();
    assert_eq!(payload.review.reviewer.name, "Pat Head");
    assert_eq!(payload.review.reviewer_keys, Some(pat.public_keys()));
    assert_eq!(payload.review.handed_over_by(), Some(jo.public_keys()));
    assert_eq!(
        payload.review.period,
        common::statement_for_comment().review.period,
        "the same cycle"
    );
    assert!(payload.documents.contains_key("statement"));
    let names: Vec<&str> = payload.recipients.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Pat Head", "Sam Patel"]);
    sending::note_handed_over(&mut jos, &payload.review, at(6)).unwrap();
    let held = reviews::review(&jos, "review-1").unwrap().unwrap();
    assert_eq!(
        reviews::my_part(&jos, &held.summary).unwrap(),
        None,
        "Jo now reads it"
    );

    let file = write_bundle(&payload, &jo, None, &mut common::Counter(4));
    // Pat takes the review whole, as its reviewer.
    let mut pats = pats_vault();
    let for_pat = open_for(&pat, "Pat Head", &file).unwrap();
    importing::import(&mut pats, &for_pat, at(7)).unwrap();
    let pats_copy = reviews::review(&pats, "review-1").unwrap().unwrap();
    assert_eq!(
        reviews::my_part(&pats, &pats_copy.summary).unwrap(),
        Some(Role::Reviewer)
    );
    assert!(
        reviews::document(&pats, "review-1", "statement")
            .unwrap()
            .is_some()
    );
    // Sam's copy now knows Pat as the reviewer; a later file signed by Jo claims a place that is
    // no longer Jo's.
    let for_sam = open(
        file.as_bytes(),
        &Recipient {
            identity: &sam,
            name: "Sam Patel",
            staff_id: &common::sams_id(),
        },
        &Contacts::default(),
    )
    .unwrap();
    importing::import(&mut sams, &for_sam, at(8)).unwrap();
    let sams_copy = reviews::review(&sams, "review-1").unwrap().unwrap();
    assert_eq!(sams_copy.summary.reviewer_keys, Some(pat.public_keys()));
    assert_eq!(
        sams_copy.summary.previous_reviewers[0].person.name,
        "Jo Lee"
    );
    let late = Payload {
        bundle_id: "late-from-jo".into(),
        ..common::statement_for_comment()
    };
    assert!(matches!(
        importing::import(&mut sams, &received(&late), at(9)).unwrap_err(),
        RecordsError::NotInReview { .. } | RecordsError::NotTheirKeys { .. }
    ));
    // A handover signed by anyone but the reviewer is refused, naming the sender.
    let forged = write_bundle(
        &Payload {
            bundle_id: "handover-forged".into(),
            sender: appraise::bundle::payload::Party {
                keys: Some(sam.public_keys()),
                ..payload.sender.clone()
            },
            ..payload.clone()
        },
        &sam,
        None,
        &mut common::Counter(5),
    );
    assert_eq!(
        importing::import(
            &mut pats_vault(),
            &open_for(&pat, "Pat Head", &forged).unwrap(),
            at(10)
        )
        .unwrap_err()
        .to_string(),
        "This file hands the review to a new reviewer, but it was not signed with the keys of its reviewer, Jo Lee. Only the reviewer hands a review on: do not import it, and check with Jo Lee by phone or in person."
    );
}
