//! One use case per thing a person does, each on an in-memory store: starting a review from what
//! was typed, making a file to send, examining and importing a file, backups, the passphrase lock
//! and changing the school's settings. The pages only draw, hold signals and download.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use appraise::bundle::contacts::HowVerified;
use appraise::bundle::identity::KeySeed;
use appraise::domain::cycle::Stage;
use appraise::storage::{MemoryStore, Vault};
use appraise::use_cases::examining::{Examined, NotUsable, examine, examiner, import_file};
use appraise::use_cases::identity::StoredIdentity;
use appraise::use_cases::outgoing::{FileRequest, make_file, note_downloaded};
use appraise::use_cases::sending::BundleKind;
use appraise::use_cases::starting::{Field, NewReview, NotStarted, start};
use appraise::use_cases::{RecordsError, backups, held, identity, lock, reviews};
use chrono::{DateTime, TimeZone, Utc};

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, 10, 0, 0).unwrap()
}

fn vault_of(seed: u8, name: &str, job_title: &str) -> Vault<MemoryStore> {
    let mut vault = Vault::open(MemoryStore::new(), Box::new(common::Counter(seed)), name).unwrap();
    let mut me = StoredIdentity::new(KeySeed([seed; 32]));
    me.name = name.into();
    me.job_title = job_title.into();
    identity::save_identity(&mut vault, &me, at(1)).unwrap();
    vault
}

fn new_review(name: &str, meeting: &str) -> NewReview {
    NewReview {
        reviewee_name: name.into(),
        reviewee_job_title: "Teaching assistant".into(),
        policy: appraise::domain::presets::preset("la-support-staff").unwrap(),
        staff_group: String::new(),
        meeting: meeting.into(),
        part_year_first: String::new(),
        part_year_last: String::new(),
        pay_eligible: None,
        left_out: Vec::new(),
        previous_objectives: "Lead the phonics group\n\nRun the library".into(),
        contact: None,
        listed: None,
        second_accepted: None,
    }
}

#[test]
fn starting_a_review_checks_what_was_typed_and_asks_before_a_second_one() {
    let mut jo = vault_of(1, "Jo Lee", "Year 2 leader");
    let refused = start(&mut jo, &new_review("  ", "31/02/2026"), "r1", "s1", at(2)).unwrap_err();
    let NotStarted::Fields(problems) = refused else {
        panic!("{refused:?}")
    };
    let fields: Vec<Field> = problems.iter().map(|(field, _)| *field).collect();
    assert_eq!(fields, [Field::RevieweeName, Field::MeetingDate]);
    assert_eq!(problems[0].1, "Enter the reviewee’s name.");

    let mut joiner = new_review("Sam Patel", "20/11/2026");
    joiner.part_year_first = "01/08/2026".into();
    assert!(matches!(
        start(&mut jo, &joiner, "r1", "s1", at(2)),
        Err(NotStarted::Fields(problems)) if problems[0].0 == Field::PartYearFirst
    ));

    let started = start(
        &mut jo,
        &new_review("Sam Patel", "20/11/2026"),
        "r1",
        "s1",
        at(2),
    )
    .unwrap();
    assert!(!started.invitation_locked, "Sam's contact card is not here");
    let summary = &started.review.summary;
    assert_eq!(summary.reviewer.name, "Jo Lee");
    assert_eq!(summary.reviewer.job_title, "Year 2 leader");
    assert_eq!(summary.reviewee.job_title, "Teaching assistant");
    assert_eq!(summary.meeting_on, Some(common::date(2026, 11, 20)));
    assert_eq!(
        summary.period.first_day,
        common::date(2025, 9, 1),
        "the cycle it looks back on"
    );
    let statement = reviews::load_review(&jo, "r1")
        .unwrap()
        .unwrap()
        .statement
        .unwrap();
    assert_eq!(
        statement.previous_objectives.len(),
        2,
        "blank lines left out"
    );

    // The same person again this cycle: warned once; starting again means a second review.
    let again = start(
        &mut jo,
        &new_review("sam patel", "25/11/2026"),
        "r2",
        "s2",
        at(3),
    );
    let Err(NotStarted::SecondReview { existing, warning }) = again else {
        panic!("{again:?}")
    };
    assert!(
        warning.starts_with("You already have a review of Sam Patel"),
        "{warning}"
    );
    let mut second = new_review("sam patel", "25/11/2026");
    second.second_accepted = Some(existing);
    start(&mut jo, &second, "r2", "s2", at(3)).unwrap();
    assert_eq!(reviews::reviews(&jo).unwrap().len(), 2);
}

#[test]
fn a_file_made_examined_and_imported_with_its_sender_confirmed() {
    let mut jo = vault_of(1, "Jo Lee", "Year 2 leader");
    let mut sam = vault_of(2, "Sam Patel", "Teaching assistant");
    start(
        &mut jo,
        &new_review("Sam Patel", "20/11/2026"),
        "r1",
        "s1",
        at(2),
    )
    .unwrap();
    let request = FileRequest {
        review_id: "r1".into(),
        kind: BundleKind::Invitation,
        role: appraise::domain::people::Role::Reviewer,
        text: Default::default(),
        recipient: None,
        encrypt: true,
    };
    // Sam's keys are not known yet, so the invitation cannot be locked for Sam.
    let jo_keys = appraise::bundle::identity::Identity::from_seed(&KeySeed([1; 32]));
    let locked = make_file(
        &mut jo,
        &jo_keys,
        request.clone(),
        "b1",
        "2026-11-02-1000",
        &mut common::Counter(1),
        at(2),
    );
    assert_eq!(
        locked.unwrap_err(),
        RecordsError::CannotLockFor {
            name: "Sam Patel".into()
        }
    );
    let file = make_file(
        &mut jo,
        &jo_keys,
        FileRequest {
            encrypt: false,
            ..request
        },
        "b1",
        "2026-11-02-1000",
        &mut common::Counter(1),
        at(2),
    )
    .unwrap();
    assert!(
        file.name.starts_with("appraise-invitation-"),
        "{}",
        file.name
    );
    assert_eq!(
        (file.recipients.as_str(), file.encrypted),
        ("Sam Patel", false)
    );
    assert_eq!(file.made_on, common::date(2026, 11, 2));
    note_downloaded(&mut jo, &file, at(2)).unwrap();
    assert!(
        held::open(&jo, "r1", common::date(2026, 11, 3))
            .unwrap()
            .unwrap()
            .next_step()
            .starts_with("Prepare for the meeting")
    );

    let me = examiner(&sam).unwrap().unwrap();
    let Examined::ReviewFile {
        file: opened,
        preview,
    } = examine(&sam, &me, file.contents.as_bytes()).unwrap()
    else {
        panic!("a review's file")
    };
    assert!(preview.changes_anything());
    assert!(!appraise::use_cases::examining::from_confirmed_sender(
        &opened
    ));
    let report = import_file(&mut sam, &opened, Some(HowVerified::InPerson), at(5)).unwrap();
    assert!(appraise::use_cases::examining::outcome_in_words(&report).contains("answers updated"));
    let jo_contact = identity::contacts(&sam)
        .unwrap()
        .get(&jo_keys.public_keys())
        .cloned()
        .unwrap();
    assert_eq!(
        (jo_contact.name.as_str(), jo_contact.job_title.as_str()),
        ("Jo Lee", "Year 2 leader")
    );
    assert_eq!(
        jo_contact.pinned_at_millis,
        at(5).timestamp_millis(),
        "the day it was confirmed"
    );
    let me = examiner(&sam).unwrap().unwrap();
    assert!(matches!(
        examine(&sam, &me, file.contents.as_bytes()),
        Ok(Examined::Repeat)
    ));
    let damaged = examine(&sam, &me, b"{ not a file");
    assert!(matches!(damaged, Err(NotUsable::File(_))));
    assert!(!damaged.unwrap_err().to_string().is_empty());
    assert_eq!(
        held::open(&sam, "r1", common::date(2026, 11, 5))
            .unwrap()
            .unwrap()
            .stage,
        Stage::Invited
    );
}

#[test]
fn a_backup_restores_into_another_browser_and_the_lock_comes_and_goes() {
    let mut jo = vault_of(1, "Jo Lee", "Year 2 leader");
    start(
        &mut jo,
        &new_review("Sam Patel", "20/11/2026"),
        "r1",
        "s1",
        at(2),
    )
    .unwrap();
    let weak = backups::make_backup(
        &mut jo,
        "short",
        "2026-11-02-1000",
        &mut common::Counter(3),
        at(2),
    );
    assert!(weak.is_err(), "a passphrase too short is refused");
    let backup = backups::make_backup(
        &mut jo,
        "correct horse battery staple",
        "2026-11-02-1000",
        &mut common::Counter(3),
        at(2),
    )
    .unwrap();
    assert_eq!(backup.name, "appraise-backup-2026-11-02-1000.json");
    let mut fresh = Vault::open(MemoryStore::new(), Box::new(common::Counter(4)), "new").unwrap();
    let wrong =
        backups::restore_backup(&mut fresh, &backup.contents, "wrong passphrase here", at(3));
    assert!(wrong.is_err());
    let said = backups::restore_backup(
        &mut fresh,
        &backup.contents,
        "correct horse battery staple",
        at(3),
    )
    .unwrap();
    assert!(said.ends_with("already the same."), "{said}");
    assert!(reviews::review(&fresh, "r1").unwrap().is_some());

    lock::set_lock(&mut fresh, "a long enough passphrase").unwrap();
    assert!(fresh.has_lock());
    lock::remove_lock(&mut fresh).unwrap();
    assert!(!fresh.has_lock());
}

#[test]
fn the_school_settings_change_as_asked_and_are_kept() {
    let mut pat = vault_of(3, "Pat Head", "Headteacher");
    identity::change_school_settings(
        &mut pat,
        |settings| settings.file_names = appraise::domain::school::FileNaming::FullName,
        at(2),
    )
    .unwrap();
    assert_eq!(
        identity::school_settings(&pat).unwrap().file_names,
        appraise::domain::school::FileNaming::FullName
    );
}

#[test]
fn the_report_is_headed_with_the_schools_name_as_its_settings_give_it() {
    use appraise::use_cases::leadership::school_name;
    let mut pat = vault_of(3, "Pat Head", "Headteacher");
    assert_eq!(school_name(&pat).unwrap(), None);
    let mut me = identity::identity(&pat).unwrap().unwrap();
    me.school = "  Hill Primary ".into();
    identity::save_identity(&mut pat, &me, at(2)).unwrap();
    assert_eq!(school_name(&pat).unwrap().as_deref(), Some("Hill Primary"));
}
