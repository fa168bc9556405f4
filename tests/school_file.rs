//! School settings files, end to end on the host: the headteacher publishes, staff open the
//! file, see what it changes and use it; and every way one is refused (tampered with, signed by
//! someone other than the publisher it names, from another publisher, an older or the same
//! version, impossible figures, overlapping terms), with nothing held changed.

mod common;

use appraise::bundle::contacts::{HowVerified, Trust};
use appraise::bundle::error::{BundleError, LooksLike};
use appraise::bundle::identity::{Identity, KeySeed};
use appraise::bundle::open::{Opened, Recipient, Verified, open, open_any, open_file};
use appraise::bundle::school_file::{SchoolSettingsFile, SettingsRefused, keys_text};
use appraise::domain::calendar::{Period, SchoolCalendar};
use appraise::domain::ids::Id;
use appraise::domain::people::Role;
use appraise::domain::presets::preset;
use appraise::domain::school::SchoolSettings;
use appraise::domain::staff::{ListedKeys, StaffMember};
use appraise::domain::term_dates::{closure_from, term_from};
use appraise::random::RandomSource;
use appraise::storage::{MemoryStore, Vault};
use appraise::use_cases::identity::{self, StoredIdentity};
use appraise::use_cases::leadership;
use appraise::use_cases::school::{self, PublishProblem, SettingsImportError};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};

struct Counter(u8);
impl RandomSource for Counter {
    fn fill(&mut self, bytes: &mut [u8]) {
        for byte in bytes {
            self.0 = self.0.wrapping_add(1);
            *byte = self.0;
        }
    }
}

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 7, day, 10, 0, 0).unwrap()
}

fn date(text: &str) -> NaiveDate {
    appraise::domain::dates::parse_uk_date(text).unwrap()
}

fn keys(seed: u8) -> Identity {
    Identity::from_seed(&KeySeed([seed; 32]))
}

/// A browser profile for the person with key seed `seed`.
fn browser(seed: u8, name: &str, roles: &[Role]) -> Vault<MemoryStore> {
    let mut vault = Vault::open(
        MemoryStore::new(),
        Box::new(Counter(0)),
        &format!("tab-{seed}"),
    )
    .unwrap();
    let mut me = StoredIdentity::new(KeySeed([seed; 32]));
    me.name = name.into();
    me.job_title = "Headteacher".into();
    me.school = "Hill Primary".into();
    me.roles = roles.iter().copied().collect();
    identity::save_identity(&mut vault, &me, at(1)).unwrap();
    vault
}

/// The calendar of the autumn term 2026: two halves with half-term between them.
fn autumn() -> SchoolCalendar {
    SchoolCalendar {
        terms: vec![
            term_from("Autumn term 1", "02/09/2026", "23/10/2026").unwrap(),
            term_from("Autumn term 2", "02/11/2026", "18/12/2026").unwrap(),
        ],
        closures: vec![closure_from("Training day", "02/09/2026", "").unwrap()],
    }
}

/// Pat, the headteacher, with the support staff policy and the autumn calendar.
fn pats_browser() -> Vault<MemoryStore> {
    let mut pat = browser(3, "Pat Head", &[Role::Headteacher]);
    let settings = SchoolSettings {
        policy: preset("la-support-staff"),
        calendar: autumn(),
        ..SchoolSettings::default()
    };
    identity::save_school_settings(&mut pat, &settings, at(1)).unwrap();
    pat
}

/// Opens `file` as a school settings file in the browser of the person with seed `seed`.
fn opened(file: &str, seed: u8, vault: &Vault<MemoryStore>) -> Verified<SchoolSettingsFile> {
    let me = keys(seed);
    let staff_id = Id::new(me.public_keys().key_id()).unwrap();
    let recipient = Recipient {
        identity: &me,
        name: "Jo Lee",
        staff_id: &staff_id,
    };
    match open_file(
        file.as_bytes(),
        &recipient,
        &identity::contacts(vault).unwrap(),
    ) {
        Ok(Opened::Settings(settings)) => *settings,
        other => panic!("a school settings file opens as one: {other:?}"),
    }
}

fn refusal(error: SettingsImportError) -> SettingsRefused {
    match error {
        SettingsImportError::Refused(refused) => refused,
        SettingsImportError::Records(error) => panic!("{error}"),
    }
}

#[test]
fn staff_use_the_settings_the_headteacher_publishes_and_see_what_each_new_version_changes() {
    let mut pat = pats_browser();
    let first = school::publish(&mut pat, &keys(3), None, at(2)).unwrap();
    assert_eq!(first.version, 1);
    assert_eq!(
        first.file_name,
        "appraise-school-settings-hill-primary-v1.json"
    );
    assert_eq!(
        school::held_version(&pat).unwrap().unwrap().publisher,
        "Pat Head"
    );

    // Jo, a reviewer, has the policy and nothing else; the first file is from someone new.
    let mut jo = browser(1, "Jo Lee", &[Role::Reviewer]);
    let jos = SchoolSettings {
        policy: preset("la-support-staff"),
        ..SchoolSettings::default()
    };
    identity::save_school_settings(&mut jo, &jos, at(1)).unwrap();
    let file = opened(&first.contents, 1, &jo);
    assert!(matches!(file.trust(), Trust::NewContact { .. }));
    assert_eq!(
        school::preview_settings(&jo, &file).unwrap(),
        vec![
            "Autumn term 1: 02/09/2026–23/10/2026 added",
            "Autumn term 2: 02/11/2026–18/12/2026 added",
            "Closure ‘Training day’ 02/09/2026 added",
            "Headteacher: Pat Head added",
        ]
    );
    school::use_settings(&mut jo, &file, Some(HowVerified::InPerson), at(3)).unwrap();
    let held = identity::school_settings(&jo).unwrap();
    assert_eq!(held.calendar, autumn());
    assert_eq!(school::held_version(&jo).unwrap().unwrap().version, 1);
    let pat_as_contact = identity::contacts(&jo).unwrap();
    let pat_as_contact = pat_as_contact.get(&keys(3).public_keys()).unwrap();
    assert_eq!(
        (pat_as_contact.name.as_str(), pat_as_contact.verified),
        ("Pat Head", HowVerified::InPerson)
    );
    // The settings name the headteacher, and go on naming them if the card leaves the contacts.
    let headteacher = Some(("Pat Head".to_owned(), keys(3).public_keys()));
    assert_eq!(leadership::the_headteacher(&jo).unwrap(), headteacher);
    let kept = identity::contacts(&jo).unwrap();
    let mut without_pat = kept.clone();
    without_pat.by_key.clear();
    identity::save_contacts(&mut jo, &without_pat, at(3)).unwrap();
    assert_eq!(leadership::the_headteacher(&jo).unwrap(), headteacher);
    identity::save_contacts(&mut jo, &kept, at(3)).unwrap();
    // A statement due 5 working days after a meeting on Friday 23/10/2026 skips half-term.
    let calendar = identity::school_calendar(&jo);
    assert_eq!(
        calendar.after(date("23/10/2026"), Period::working_days(5)),
        date("06/11/2026")
    );

    // Version 2 adds a training day after half-term and names the CPD leader (Chris, a
    // contact of Pat's), who joins Jo's contacts too.
    let mut contacts = identity::contacts(&pat).unwrap();
    contacts.pin(
        "Chris Train",
        Some("Deputy head"),
        keys(4).public_keys(),
        HowVerified::InPerson,
        0,
    );
    identity::save_contacts(&mut pat, &contacts, at(4)).unwrap();
    let mut settings = identity::school_settings(&pat).unwrap();
    settings
        .calendar
        .closures
        .push(closure_from("Training day", "02/11/2026", "").unwrap());
    identity::save_school_settings(&mut pat, &settings, at(4)).unwrap();
    let chris = keys(4).public_keys().key_id();
    let second = school::publish(&mut pat, &keys(3), Some(&chris), at(5)).unwrap();
    assert_eq!(second.version, 2);
    let file = opened(&second.contents, 1, &jo);
    assert!(matches!(file.trust(), Trust::Pinned(_)));
    assert_eq!(
        school::preview_settings(&jo, &file).unwrap(),
        vec![
            "Closure ‘Training day’ 02/11/2026 added",
            "CPD leader: Chris Train added"
        ]
    );
    school::use_settings(&mut jo, &file, None, at(6)).unwrap();
    assert_eq!(school::held_version(&jo).unwrap().unwrap().version, 2);
    assert_eq!(
        identity::school_calendar(&jo).after(date("23/10/2026"), Period::working_days(5)),
        date("09/11/2026")
    );
    let chris_as_contact = identity::contacts(&jo).unwrap();
    let chris_as_contact = chris_as_contact.get(&keys(4).public_keys()).unwrap();
    assert_eq!(
        (chris_as_contact.name.as_str(), chris_as_contact.verified),
        ("Chris Train", HowVerified::NotCompared)
    );

    // The first version again is older, and the second is already in use: nothing changes.
    let before = (
        identity::school_settings(&jo).unwrap(),
        school::held_version(&jo).unwrap(),
    );
    let older = opened(&first.contents, 1, &jo);
    let refused = refusal(school::use_settings(&mut jo, &older, None, at(7)).unwrap_err());
    assert_eq!(
        refused.to_string(),
        "This is version 1 of the school settings; you already have version 2, which is newer. Keep using version 2: nothing has changed."
    );
    let same = opened(&second.contents, 1, &jo);
    assert_eq!(
        refusal(school::preview_settings(&jo, &same).unwrap_err()),
        SettingsRefused::AlreadyHeld { version: 2 }
    );
    assert_eq!(
        (
            identity::school_settings(&jo).unwrap(),
            school::held_version(&jo).unwrap()
        ),
        before
    );
}

#[test]
fn settings_from_anyone_but_their_publisher_are_refused_and_change_nothing() {
    let mut pat = pats_browser();
    let published = school::publish(&mut pat, &keys(3), None, at(2)).unwrap();
    let mut jo = browser(1, "Jo Lee", &[Role::Reviewer]);
    let file = opened(&published.contents, 1, &jo);
    school::use_settings(&mut jo, &file, Some(HowVerified::ByPhone), at(3)).unwrap();
    let before = (
        identity::school_settings(&jo).unwrap(),
        school::held_version(&jo).unwrap(),
    );

    // Sam publishes a version 2 of their own, under Pat's name: not from Pat's keys.
    let mut sam = browser(2, "Pat Head", &[Role::Headteacher]);
    identity::save_school_settings(&mut sam, &identity::school_settings(&pat).unwrap(), at(1))
        .unwrap();
    school::publish(&mut sam, &keys(2), None, at(4)).unwrap();
    let other = school::publish(&mut sam, &keys(2), None, at(4)).unwrap();
    assert_eq!(other.version, 2);
    let other = opened(&other.contents, 1, &jo);
    assert_eq!(
        refusal(
            school::use_settings(&mut jo, &other, Some(HowVerified::InPerson), at(5)).unwrap_err()
        )
        .to_string(),
        "This school settings file says it is from Pat Head, but it is not signed with the keys of Pat Head, who published the school settings you use. Only Pat Head can publish new versions, so it was not used and nothing has changed. Check with Pat Head in person or by phone."
    );
    assert_eq!(
        (
            identity::school_settings(&jo).unwrap(),
            school::held_version(&jo).unwrap()
        ),
        before
    );
    assert!(
        identity::contacts(&jo)
            .unwrap()
            .get(&keys(2).public_keys())
            .is_none()
    );
}

/// A settings file written by hand, signed by Pat.
fn pats_file(change: impl FnOnce(&mut SchoolSettingsFile)) -> String {
    let pat = pats_browser();
    let card = identity::my_card(&pat, at(2)).unwrap().unwrap();
    let mut file = SchoolSettingsFile {
        school: "Hill Primary".into(),
        version: 1,
        published_on: date("20/07/2026"),
        published_by: card.clone(),
        policy: preset("la-support-staff").unwrap(),
        calendar: autumn(),
        headteacher: Some(card),
        cpd_leader: None,
        staff: Default::default(),
    };
    change(&mut file);
    file.write(&keys(3))
}

/// A change made to a settings file before it is signed.
type Change = Box<dyn FnOnce(&mut SchoolSettingsFile)>;

#[test]
fn impossible_figures_and_overlapping_terms_are_refused_with_a_sentence() {
    #[rustfmt::skip]
    let cases: Vec<(Change, &str)> = vec![
        (Box::new(|file| file.policy.max_objectives = 0),
            "These school settings cannot be used, so nothing has changed. Allow at least one objective; most policies allow three. Ask Pat Head to correct this and publish the settings again."),
        (Box::new(|file| file.calendar.terms.push(term_from("Spring term", "14/12/2026", "26/03/2027").unwrap())),
            "These school settings cannot be used, so nothing has changed. The Spring term starts before the Autumn term 2 ends. Correct the dates so that one term ends before the next begins. Ask Pat Head to correct this and publish the settings again."),
        (Box::new(|file| file.calendar.terms[0].last_day = date("01/09/2026")),
            "These school settings cannot be used, so nothing has changed. The Autumn term 1 ends before it starts. Enter its last day on or after its first. Ask Pat Head to correct this and publish the settings again."),
        (Box::new(|file| file.calendar.closures[0].last_day = date("01/09/2026")),
            "These school settings cannot be used, so nothing has changed. The closure “Training day” ends before it starts. Ask Pat Head to correct this and publish the settings again."),
        (Box::new(|file| file.staff.members.push(StaffMember {
            staff_id: "sam".into(),
            name: "Sam Patel".into(),
            job_title: String::new(),
            staff_group: String::new(),
            roles: Default::default(),
            senior_leader: false,
            keys: vec![ListedKeys { keys: keys_text(&keys(2).public_keys()), from: date("01/09/2026") }],
            reviewer: Some("kim".into()),
            left_on: None,
        })),
            "These school settings cannot be used, so nothing has changed. The staff list names a reviewer for Sam Patel who is not on it. Ask Pat Head to correct this and publish the settings again."),
    ];
    for (change, sentence) in cases {
        let mut jo = browser(1, "Jo Lee", &[Role::Reviewer]);
        let file = opened(&pats_file(change), 1, &jo);
        let before = identity::school_settings(&jo).unwrap();
        assert_eq!(
            refusal(
                school::use_settings(&mut jo, &file, Some(HowVerified::InPerson), at(3))
                    .unwrap_err()
            )
            .to_string(),
            sentence
        );
        assert_eq!(identity::school_settings(&jo).unwrap(), before);
        assert!(identity::contacts(&jo).unwrap().by_key.is_empty());
    }
}

#[test]
fn a_settings_file_that_was_altered_or_names_another_signer_does_not_open() {
    let jo = keys(1);
    let staff_id = Id::new(jo.public_keys().key_id()).unwrap();
    let me = Recipient {
        identity: &jo,
        name: "Jo Lee",
        staff_id: &staff_id,
    };
    let contacts = appraise::bundle::contacts::Contacts::default();
    let file = pats_file(|_| {});

    // Where a bundle or a contact card is expected, it is named for what it is.
    let named = BundleError::NotABundle(LooksLike::SchoolSettings);
    assert_eq!(open(file.as_bytes(), &me, &contacts).unwrap_err(), named);
    assert_eq!(
        open_any(file.as_bytes(), &me, &contacts).unwrap_err(),
        named
    );

    let mut envelope: serde_json::Value = serde_json::from_str(&file).unwrap();
    let payload = envelope["payload"].as_str().unwrap().to_owned();
    let flipped = if payload.as_bytes()[40] == b'A' {
        "B"
    } else {
        "A"
    };
    envelope["payload"] = format!("{}{flipped}{}", &payload[..40], &payload[41..]).into();
    assert_eq!(
        open_file(envelope.to_string().as_bytes(), &me, &contacts).unwrap_err(),
        BundleError::ChangedAfterSigning
    );

    // Signed by Sam, in Pat's name (with Pat's keys on the card).
    let pat = pats_browser();
    let card = identity::my_card(&pat, at(2)).unwrap().unwrap();
    let forged = SchoolSettingsFile {
        school: "Hill Primary".into(),
        version: 9,
        published_on: date("20/07/2026"),
        published_by: card,
        policy: preset("la-support-staff").unwrap(),
        calendar: autumn(),
        headteacher: None,
        cpd_leader: None,
        staff: Default::default(),
    }
    .write(&keys(2));
    assert_eq!(
        open_file(forged.as_bytes(), &me, &contacts).unwrap_err(),
        BundleError::SignerMismatch
    );
    let zero = pats_file(|file| file.version = 0);
    assert!(matches!(
        open_file(zero.as_bytes(), &me, &contacts).unwrap_err(),
        BundleError::Malformed(_)
    ));
}

#[test]
fn settings_cannot_be_published_without_a_school_or_a_policy() {
    let mut pat = browser(3, "Pat Head", &[Role::Headteacher]);
    assert_eq!(
        school::publish(&mut pat, &keys(3), None, at(2)).unwrap_err(),
        PublishProblem::NoPolicy
    );
    let mut me = identity::identity(&pat).unwrap().unwrap();
    me.school = " ".into();
    identity::save_identity(&mut pat, &me, at(2)).unwrap();
    assert_eq!(
        school::publish(&mut pat, &keys(3), None, at(2)).unwrap_err(),
        PublishProblem::NoSchool
    );
    assert_eq!(school::held_version(&pat).unwrap(), None);
}

#[test]
fn a_file_made_under_newer_settings_is_named_as_such() {
    let held = |version| appraise::domain::school::Publication {
        school: "Hill Primary".into(),
        version,
        published_on: date("15/07/2026"),
        publisher: "Pat Head".into(),
        publisher_keys: appraise::bundle::school_file::keys_text(&keys(3).public_keys()),
        headteacher: None,
        headteacher_keys: None,
        cpd_leader: None,
    };
    #[rustfmt::skip]
    let cases = [
        (Some(held(2)), Some(3), Some("This file was made under version 3 of the school settings; you have version 2: ask Pat Head for the latest.")),
        (None, Some(1), Some("This file was made under version 1 of the school settings; you have none yet: ask your headteacher for the school settings file.")),
        (Some(held(3)), Some(3), None),
        (Some(held(4)), Some(3), None),
        (Some(held(4)), None, None),
        (None, None, None),
    ];
    for (held, made_under, notice) in cases {
        assert_eq!(
            school::newer_settings_notice(held.as_ref(), made_under).as_deref(),
            notice
        );
    }
}

#[test]
fn files_sent_name_the_settings_version_they_were_made_under() {
    use appraise::bundle::payload::{BundleKind, Party};
    use appraise::use_cases::{reviews, sending};
    let mut jo = browser(1, "Jo Lee", &[Role::Reviewer]);
    let review = common::statement_for_comment().review;
    reviews::start_review(&mut jo, review.clone(), &[], "tab-1", at(1)).unwrap();
    let sent_under = |jo: &mut Vault<MemoryStore>| {
        let outgoing = sending::Outgoing {
            kind: BundleKind::StatementForComment,
            sender: Party {
                name: "Jo Lee".into(),
                staff_id: None,
                role: Role::Reviewer,
                keys: Some(keys(1).public_keys()),
            },
            text: Default::default(),
            recipient: None,
            bundle_id: "statement-1".into(),
        };
        sending::prepare_to_send(jo, review.id.as_str(), outgoing, "tab-1", at(4))
            .unwrap()
            .settings_version
    };
    assert_eq!(sent_under(&mut jo), None, "no settings in use: left out");
    let published = school::publish(&mut pats_browser(), &keys(3), None, at(2)).unwrap();
    let file = opened(&published.contents, 1, &jo);
    school::use_settings(&mut jo, &file, Some(HowVerified::InPerson), at(3)).unwrap();
    assert_eq!(sent_under(&mut jo), Some(1));
}
