//! The school's staff list: keys it gives are confirmed for whoever holds it; a file in a listed
//! name signed by other keys is refused for every kind of file; keys replaced and leavers;
//! allocating reviewers within seed 004's limit (6.2); the list travelling in the school
//! settings file; a review started only by the reviewer the list gives; a file bringing a review
//! only from that reviewer.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use appraise::bundle::contacts::{Contacts, HowVerified, Trust, WithStaffList};
use appraise::bundle::error::BundleError;
use appraise::bundle::identity::{Identity, KeySeed};
use appraise::bundle::open::{Opened, Recipient, open, open_file};
use appraise::bundle::payload::{BundleKind, Party, Payload};
use appraise::bundle::school_file::keys_text;
use appraise::bundle::write_bundle;
use appraise::domain::people::Role;
use appraise::domain::policy::ReviewLimit;
use appraise::domain::school::SchoolSettings;
use appraise::domain::staff::{NewMember, NotAsListed, StaffList, StaffProblem};
use appraise::storage::{MemoryStore, Vault};
use appraise::use_cases::examining::{NotUsable, examine, examiner};
use appraise::use_cases::identity::StoredIdentity;
use appraise::use_cases::starting::{Field, NewReview, NotStarted, start};
use appraise::use_cases::{NotTheirReviewer, RecordsError, identity, school, staff};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use common::date;
use std::collections::BTreeSet;

fn at(day: u32, month: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, month, day, 9, 0, 0).unwrap()
}

fn pat() -> Identity {
    common::person(50)
}
fn ana() -> Identity {
    common::person(51)
}
/// Jo Lee's keys on a new device.
fn jos_new_keys() -> Identity {
    common::person(52)
}

fn member(name: &str, keys: &Identity, roles: &[Role]) -> NewMember {
    NewMember {
        staff_id: keys.public_keys().key_id(),
        name: name.into(),
        job_title: String::new(),
        roles: roles.iter().copied().collect(),
        keys: keys_text(&keys.public_keys()),
    }
}

fn staff_id(keys: &Identity) -> String {
    keys.public_keys().key_id()
}

/// Pat (headteacher), Jo and Ana (reviewers) and Sam, on the list from 01/09/2026, Jo
/// reviewing Sam.
fn the_list() -> StaffList {
    let mut list = StaffList::default();
    let joined = date(2026, 9, 1);
    for (name, keys, roles) in [
        ("Pat Head", pat(), vec![Role::Headteacher]),
        ("Jo Lee", common::jo(), vec![Role::Reviewer]),
        ("Ana Cole", ana(), vec![Role::Reviewer]),
        ("Sam Patel", common::sam(), vec![]),
    ] {
        list.add(member(name, &keys, &roles), joined).unwrap();
    }
    list.allocate(
        &staff_id(&common::sam()),
        Some(&staff_id(&common::jo())),
        None,
        joined,
    )
    .unwrap();
    list
}

/// A sender's name, keys and day of making, and what the list says of them.
type Case = (
    &'static str,
    Identity,
    NaiveDate,
    Result<Option<&'static str>, NotAsListed>,
);

#[test]
fn the_list_says_whether_a_sender_is_who_it_names() {
    let mut list = the_list();
    let jo = common::jo();
    let jos = staff_id(&jo);
    list.replace_keys(
        &jos,
        keys_text(&jos_new_keys().public_keys()),
        date(2026, 11, 10),
    )
    .unwrap();
    list.mark_left(&staff_id(&ana()), Some(date(2026, 12, 18)))
        .unwrap();
    let keys = |identity: &Identity| keys_text(&identity.public_keys());
    let cases: [Case; 8] = [
        (
            "Jo Lee",
            common::jo(),
            date(2026, 11, 9),
            Ok(Some("Jo Lee")),
        ),
        (
            "Jo Lee",
            common::jo(),
            date(2026, 11, 10),
            Err(NotAsListed::KeysReplaced {
                name: "Jo Lee".into(),
                on: date(2026, 11, 10),
            }),
        ),
        (
            "Jo Lee",
            jos_new_keys(),
            date(2026, 11, 10),
            Ok(Some("Jo Lee")),
        ),
        (
            "jo  LEE",
            common::stranger(),
            date(2026, 10, 1),
            Err(NotAsListed::OtherKeys {
                name: "Jo Lee".into(),
            }),
        ),
        ("Ana Cole", ana(), date(2026, 12, 18), Ok(Some("Ana Cole"))),
        (
            "Ana Cole",
            ana(),
            date(2026, 12, 19),
            Err(NotAsListed::Left {
                name: "Ana Cole".into(),
                on: date(2026, 12, 18),
            }),
        ),
        ("Kim Ray", common::stranger(), date(2026, 10, 1), Ok(None)),
        // Listed keys are the member's whatever name the file gives.
        (
            "Samuel Patel",
            common::sam(),
            date(2026, 10, 1),
            Ok(Some("Sam Patel")),
        ),
    ];
    for (name, identity, made_on, expected) in cases {
        let found = list
            .check_sender(name, &keys(&identity), made_on)
            .map(|member| member.map(|member| member.name.as_str()));
        assert_eq!(found, expected, "{name} on {made_on}");
    }
}

#[test]
fn reviewers_are_allocated_within_the_policys_limit() {
    let limit = Some(ReviewLimit {
        max_reviews: 4,
        senior_leaders_exempt: true,
    });
    let today = date(2026, 9, 1);
    let mut list = the_list();
    let jo = staff_id(&common::jo());
    let others: Vec<Identity> = (60..66).map(common::person).collect();
    for (n, keys) in others.iter().enumerate() {
        list.add(member(&format!("Member {n}"), keys, &[]), today)
            .unwrap();
    }
    // Sam and three more make four for Jo; a fifth is refused.
    for keys in &others[..3] {
        list.allocate(&staff_id(keys), Some(&jo), limit, today)
            .unwrap();
    }
    assert_eq!(
        list.allocate(&staff_id(&others[3]), Some(&jo), limit, today),
        Err(StaffProblem::OverLimit {
            name: "Jo Lee".into(),
            limit: 4
        })
    );
    // Allocating someone Jo already has again is no new review.
    list.allocate(&staff_id(&others[0]), Some(&jo), limit, today)
        .unwrap();
    // On the senior team, the policy exempts them (seed 004, 6.2).
    let roles = BTreeSet::from([Role::Reviewer]);
    list.describe(&jo, "", roles, true).unwrap();
    list.allocate(&staff_id(&others[3]), Some(&jo), limit, today)
        .unwrap();
    assert_eq!(list.reviewees_of(&jo, today).len(), 5);

    let sam = staff_id(&common::sam());
    assert_eq!(
        list.allocate(&sam, Some(&sam), limit, today),
        Err(StaffProblem::OwnReviewer {
            name: "Sam Patel".into()
        })
    );
    assert_eq!(
        list.allocate(&jo, Some(&staff_id(&others[4])), limit, today),
        Err(StaffProblem::NotAReviewer {
            name: "Member 4".into()
        })
    );
    let ana = staff_id(&ana());
    list.mark_left(&ana, Some(date(2026, 8, 31))).unwrap_err();
    list.mark_left(&ana, Some(date(2026, 10, 31))).unwrap();
    assert_eq!(
        list.allocate(&sam, Some(&ana), limit, date(2026, 11, 2)),
        Err(StaffProblem::ReviewerLeft {
            name: "Ana Cole".into()
        })
    );
    // Keys already on the list are not added twice, under any name.
    assert_eq!(
        list.add(member("Someone Else", &common::sam(), &[]), today),
        Err(StaffProblem::KeysListed {
            name: "Sam Patel".into()
        })
    );
    assert!(list.problems().is_empty(), "{:?}", list.problems());
}

#[test]
fn each_member_stands_in_a_line_on_the_list() {
    let mut list = the_list();
    let standing = |list: &StaffList, keys: &Identity| {
        list.standing_in_words(list.member(&staff_id(keys)).unwrap())
    };
    assert_eq!(standing(&list, &common::sam()), "Reviewed by Jo Lee");
    assert_eq!(standing(&list, &pat()), "Reviewed by the governing body");
    assert_eq!(standing(&list, &ana()), "No reviewer chosen yet");
    list.replace_keys(
        &staff_id(&common::jo()),
        keys_text(&jos_new_keys().public_keys()),
        date(2026, 11, 10),
    )
    .unwrap();
    assert_eq!(
        standing(&list, &common::jo()),
        "No reviewer chosen yet. New keys from 10/11/2026"
    );
    list.mark_left(&staff_id(&ana()), Some(date(2026, 12, 18)))
        .unwrap();
    assert_eq!(standing(&list, &ana()), "Left the school on 18/12/2026");
}

/// A file of `kind` in Jo Lee's name, signed by `signer`, to Pat, made on `made_on`.
fn file_in_jos_name(kind: BundleKind, signer: &Identity, made_on: NaiveDate) -> String {
    let mut payload = common::statement_for_comment();
    payload.kind = kind;
    payload.bundle_id = format!("forged-{kind:?}");
    payload.created_at_millis = made_on
        .and_hms_opt(12, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp_millis();
    payload.documents.clear();
    from_the_reviewer_to_pat(payload, signer)
}

/// `payload` sent by `signer` as the review's reviewer, to Pat alone, locked for Pat.
fn from_the_reviewer_to_pat(mut payload: Payload, signer: &Identity) -> String {
    payload.sender.keys = Some(signer.public_keys());
    payload.review.reviewer_keys = Some(signer.public_keys());
    payload.recipients = vec![Party {
        name: "Pat Head".into(),
        staff_id: None,
        role: Role::Headteacher,
        keys: Some(pat().public_keys()),
    }];
    write_bundle(
        &payload,
        signer,
        Some(&[pat().public_keys()]),
        &mut common::Counter(9),
    )
}

const EVERY_KIND: [BundleKind; 13] = [
    BundleKind::Invitation,
    BundleKind::PreReview,
    BundleKind::StatementForComment,
    BundleKind::Reply,
    BundleKind::FinalStatement,
    BundleKind::CpdNeeds,
    BundleKind::Handover,
    BundleKind::Observations,
    BundleKind::InterimReviews,
    BundleKind::SupportPlan,
    BundleKind::CapabilityReferral,
    BundleKind::ModerationNote,
    BundleKind::AppealOutcome,
];

fn opened_by_pat(
    file: &str,
    list: &StaffList,
) -> Result<appraise::bundle::open::Verified<Payload>, BundleError> {
    let pat = pat();
    let me = Recipient {
        identity: &pat,
        name: "Pat Head",
        staff_id: &common::id("pat"),
    };
    let contacts = Contacts::default();
    open(
        file.as_bytes(),
        &me,
        &WithStaffList {
            contacts: &contacts,
            staff: list,
        },
    )
}

#[test]
fn a_file_in_a_listed_name_signed_by_other_keys_is_refused_for_every_kind() {
    let list = the_list();
    for kind in EVERY_KIND {
        let forged = file_in_jos_name(kind, &common::stranger(), date(2026, 10, 1));
        assert_eq!(
            opened_by_pat(&forged, &list).unwrap_err(),
            BundleError::NotAsListed(NotAsListed::OtherKeys {
                name: "Jo Lee".into()
            }),
            "{kind:?}"
        );
        // Jo's own file is confirmed by the list: nobody compares fingerprints.
        let genuine = file_in_jos_name(kind, &common::jo(), date(2026, 10, 1));
        let opened = opened_by_pat(&genuine, &list).unwrap();
        assert!(
            matches!(opened.trust(), Trust::Listed(member) if member.name == "Jo Lee"),
            "{kind:?}"
        );
    }
    // Without a list, the same forged file reaches the fingerprint question, as before.
    let forged = file_in_jos_name(
        BundleKind::FinalStatement,
        &common::stranger(),
        date(2026, 10, 1),
    );
    let pat = pat();
    let me = Recipient {
        identity: &pat,
        name: "Pat Head",
        staff_id: &common::id("pat"),
    };
    let opened = open(forged.as_bytes(), &me, &Contacts::default()).unwrap();
    assert!(matches!(opened.trust(), Trust::NewContact { .. }));
}

#[test]
fn replaced_keys_stand_for_files_made_before_the_change_only() {
    let mut list = the_list();
    list.replace_keys(
        &staff_id(&common::jo()),
        keys_text(&jos_new_keys().public_keys()),
        date(2026, 11, 10),
    )
    .unwrap();
    let before = file_in_jos_name(BundleKind::FinalStatement, &common::jo(), date(2026, 11, 9));
    assert!(opened_by_pat(&before, &list).is_ok());
    let after = file_in_jos_name(
        BundleKind::FinalStatement,
        &common::jo(),
        date(2026, 11, 10),
    );
    let refused = opened_by_pat(&after, &list).unwrap_err();
    assert!(
        refused
            .to_string()
            .starts_with("This file was made with keys Jo Lee stopped using on 10/11/2026"),
        "{refused}"
    );
    let new_device = file_in_jos_name(
        BundleKind::FinalStatement,
        &jos_new_keys(),
        date(2026, 11, 10),
    );
    assert!(opened_by_pat(&new_device, &list).is_ok());
}

fn vault_of(seed: u8, name: &str, roles: &[Role]) -> Vault<MemoryStore> {
    let mut vault = Vault::open(MemoryStore::new(), Box::new(common::Counter(seed)), name).unwrap();
    let mut me = StoredIdentity::new(KeySeed([seed; 32]));
    me.name = name.into();
    me.school = "Hill Academy".into();
    me.roles = roles.iter().copied().collect();
    identity::save_identity(&mut vault, &me, at(1, 9)).unwrap();
    vault
}

/// Pat's records: the staff list built from four cards (Pat's own among them), Jo allocated to
/// Sam, and the settings published. Returns Pat's vault and the settings file.
fn pats_school() -> (Vault<MemoryStore>, String) {
    let mut pats = vault_of(50, "Pat Head", &[Role::Headteacher]);
    let mut contacts = identity::contacts(&pats).unwrap();
    for (name, keys) in [
        ("Jo Lee", common::jo()),
        ("Ana Cole", ana()),
        ("Sam Patel", common::sam()),
    ] {
        contacts.pin(
            name,
            Some("Teacher"),
            keys.public_keys(),
            HowVerified::InPerson,
            0,
        );
    }
    identity::save_contacts(&mut pats, &contacts, at(1, 9)).unwrap();
    let settings = SchoolSettings {
        policy: Some(appraise::domain::presets::preset("secondary-support-staff").unwrap()),
        ..SchoolSettings::default()
    };
    identity::save_school_settings(&mut pats, &settings, at(1, 9)).unwrap();
    staff::add_member(&mut pats, None, at(1, 9)).unwrap();
    for unlisted in staff::unlisted_contacts(&pats).unwrap() {
        let key_id = unlisted.contact.keys.key_id();
        staff::add_member(&mut pats, Some(&key_id), at(1, 9)).unwrap();
    }
    assert!(staff::unlisted_contacts(&pats).unwrap().is_empty());
    for reviewer in [common::jo(), ana()] {
        staff::describe_member(
            &mut pats,
            &staff_id(&reviewer),
            "",
            BTreeSet::from([Role::Reviewer]),
            false,
            at(1, 9),
        )
        .unwrap();
    }
    staff::allocate(
        &mut pats,
        &staff_id(&common::sam()),
        Some(&staff_id(&common::jo())),
        at(1, 9),
    )
    .unwrap();
    let published = school::publish(&mut pats, &pat(), None, at(2, 9)).unwrap();
    (pats, published.contents)
}

/// `vault` (belonging to `keys`) uses the settings file, its publisher compared in person.
fn use_settings(vault: &mut Vault<MemoryStore>, keys: &Identity, file: &str) {
    let staff_id = common::id("me");
    let me = Recipient {
        identity: keys,
        name: "",
        staff_id: &staff_id,
    };
    let contacts = identity::contacts(vault).unwrap();
    let Ok(Opened::Settings(file)) = open_file(file.as_bytes(), &me, &contacts) else {
        panic!("the settings open");
    };
    school::use_settings(vault, &file, Some(HowVerified::InPerson), at(3, 9)).unwrap();
}

/// Pat's school as `pats_school` makes it, and Jo's records with the settings in use and Sam's
/// review started from Jo's allocation on 04/09/2026.
fn jos_review_of_sam() -> (
    Vault<MemoryStore>,
    String,
    Vault<MemoryStore>,
    appraise::use_cases::starting::Started,
) {
    let (pats, first) = pats_school();
    let mut jos = vault_of(1, "Jo Lee", &[Role::Reviewer]);
    use_settings(&mut jos, &common::jo(), &first);
    let sam = staff_id(&common::sam());
    let started = start(
        &mut jos,
        &new_review("Sam Patel", Some(sam)),
        "r1",
        "s1",
        at(4, 9),
    )
    .unwrap();
    (pats, first, jos, started)
}

#[test]
fn the_list_travels_in_the_settings_and_only_its_publisher_changes_it() {
    let (pats, file) = pats_school();
    let mut jos = vault_of(1, "Jo Lee", &[Role::Reviewer]);
    use_settings(&mut jos, &common::jo(), &file);
    let held = staff::staff_list(&jos).unwrap();
    assert_eq!(held, staff::staff_list(&pats).unwrap());
    assert_eq!(held.members.len(), 4);
    assert!(staff::am_listed(&jos).unwrap());
    let allocation = staff::my_allocation(&jos, date(2026, 9, 3)).unwrap();
    assert_eq!(
        allocation
            .iter()
            .map(|m| m.name.as_str())
            .collect::<Vec<_>>(),
        ["Sam Patel"]
    );
    // The headteacher who published them is the contact Jo compared in person.
    let contacts = identity::contacts(&jos).unwrap();
    assert_eq!(
        contacts.get(&pat().public_keys()).unwrap().verified,
        HowVerified::InPerson
    );
    let refused = staff::allocate(&mut jos, &staff_id(&common::sam()), None, at(4, 9)).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "The staff list came with the school settings Pat Head publishes, so only Pat Head can change it. Ask them."
    );
}

fn new_review(name: &str, listed: Option<String>) -> NewReview {
    NewReview {
        reviewee_name: name.into(),
        reviewee_job_title: String::new(),
        policy: appraise::domain::presets::preset("secondary-support-staff").unwrap(),
        staff_group: String::new(),
        meeting: "05/10/2026".into(),
        part_year_first: String::new(),
        part_year_last: String::new(),
        pay_eligible: None,
        left_out: Vec::new(),
        previous_objectives: String::new(),
        contact: None,
        listed,
        second_accepted: None,
    }
}

#[test]
fn only_the_reviewer_the_list_gives_starts_a_review_and_it_is_locked_to_the_listed_keys() {
    let (_, file) = pats_school();
    let mut anas = vault_of(51, "Ana Cole", &[Role::Reviewer]);
    use_settings(&mut anas, &ana(), &file);
    let refused = start(
        &mut anas,
        &new_review("sam patel", None),
        "r1",
        "s1",
        at(4, 9),
    )
    .unwrap_err();
    let NotStarted::Fields(problems) = refused else {
        panic!("{refused:?}");
    };
    assert_eq!(problems[0].0, Field::RevieweeName);
    assert!(
        problems[0]
            .1
            .starts_with("The school’s staff list gives Sam Patel’s review to Jo Lee."),
        "{}",
        problems[0].1
    );

    let mut jos = vault_of(1, "Jo Lee", &[Role::Reviewer]);
    use_settings(&mut jos, &common::jo(), &file);
    let sam = staff::my_allocation(&jos, date(2026, 9, 4))
        .unwrap()
        .remove(0);
    let started = start(
        &mut jos,
        &new_review("Sam Patel", Some(sam.staff_id.clone())),
        "r1",
        "s1",
        at(4, 9),
    )
    .unwrap();
    assert!(started.invitation_locked);
    assert_eq!(
        started.review.summary.reviewee_keys,
        Some(common::sam().public_keys())
    );
    assert_eq!(started.review.summary.reviewee.job_title, "Teacher");
}

/// A final statement for Sam's review (which Pat does not hold), signed by `signer` in `name`.
fn final_statement_from(name: &str, signer: &Identity) -> String {
    let mut payload = common::statement_for_comment();
    payload.kind = BundleKind::FinalStatement;
    payload.bundle_id = format!("final-from-{name}");
    payload.sender.name = name.into();
    payload.review.reviewer.name = name.into();
    payload.review.reviewee_keys = Some(common::sam().public_keys());
    from_the_reviewer_to_pat(payload, signer)
}

#[test]
fn a_final_statement_brings_a_review_only_from_the_listed_reviewer() {
    let (pats, _) = pats_school();
    let examiner = examiner(&pats).unwrap().unwrap();
    // Forged in Jo's name: refused before anything else is asked.
    let forged = final_statement_from("Jo Lee", &common::stranger());
    let Err(NotUsable::File(BundleError::NotAsListed(NotAsListed::OtherKeys { name }))) =
        examine(&pats, &examiner, forged.as_bytes())
    else {
        panic!("a forged final statement is refused");
    };
    assert_eq!(name, "Jo Lee");
    // Ana is on the list, but is not Sam's reviewer.
    let from_ana = final_statement_from("Ana Cole", &ana());
    let Err(NotUsable::Records(refused)) = examine(&pats, &examiner, from_ana.as_bytes()) else {
        panic!("a final statement from someone else's reviewer is refused");
    };
    assert_eq!(
        refused,
        RecordsError::NotTheirReviewer(Box::new(NotTheirReviewer {
            sender: "Ana Cole".into(),
            reviewee: "Sam Patel".into(),
            reviewer: Some("Jo Lee".into()),
        }))
    );
    // Jo's own is previewed, no fingerprint asked.
    let from_jo = final_statement_from("Jo Lee", &common::jo());
    assert!(examine(&pats, &examiner, from_jo.as_bytes()).is_ok());
}

#[test]
fn without_a_list_new_keys_in_a_known_name_are_not_imported_uncompared() {
    let mut pats = vault_of(50, "Pat Head", &[Role::Headteacher]);
    let mut contacts = identity::contacts(&pats).unwrap();
    contacts.pin(
        "Jo Lee",
        None,
        common::jo().public_keys(),
        HowVerified::InPerson,
        0,
    );
    identity::save_contacts(&mut pats, &contacts, at(1, 9)).unwrap();
    let examiner = examiner(&pats).unwrap().unwrap();
    let forged = final_statement_from("Jo Lee", &common::stranger());
    let Ok(appraise::use_cases::examining::Examined::ReviewFile { file, .. }) =
        examine(&pats, &examiner, forged.as_bytes())
    else {
        panic!("the file is previewed with the fingerprint question");
    };
    assert_eq!(file.trust().namesakes().map(<[_]>::len), Some(1));
    let refused = appraise::use_cases::examining::import_file(
        &mut pats,
        &file,
        Some(HowVerified::NotCompared),
        at(5, 9),
    )
    .unwrap_err();
    assert_eq!(
        refused,
        RecordsError::CompareFirst {
            sender: "Jo Lee".into()
        }
    );
    assert!(
        appraise::use_cases::reviews::reviews(&pats)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn the_desk_lists_members_whose_reviews_have_not_reached_it() {
    use appraise::domain::calendar::SchoolCalendar;
    use appraise::domain::cycle::Stage;
    use appraise::domain::desk::DeskRow;
    use appraise::domain::progress::StatementSigned;
    let (pats, _) = pats_school();
    let today = date(2026, 10, 5);
    let cycle = staff::cycle_reviewed_on(&pats, today).unwrap().unwrap();
    let names = |rows: &[DeskRow]| -> Vec<(String, Option<String>)> {
        staff::awaited(&pats, rows, &cycle)
            .unwrap()
            .into_iter()
            .map(|awaited| (awaited.name, awaited.reviewer))
            .collect()
    };
    // Pat's own review is never on Pat's desk, so Pat is not awaited.
    assert_eq!(
        names(&[]),
        [
            ("Ana Cole".to_owned(), None),
            ("Jo Lee".to_owned(), None),
            ("Sam Patel".to_owned(), Some("Jo Lee".to_owned())),
        ]
    );
    let mut review = common::review_with_statement();
    review.reviewee.staff_id = common::id(&common::sam().public_keys().key_id());
    review.reviewee.name = "S. Patel".into();
    review.period = cycle;
    let both = StatementSigned {
        by_reviewer: true,
        by_reviewee: true,
    };
    let row = DeskRow::of(
        &review,
        Stage::SignedByBoth,
        both,
        &SchoolCalendar::default(),
        today,
    );
    assert_eq!(names(&[row]).len(), 2, "Sam's statement is on the desk");
}

#[test]
fn a_new_version_of_the_settings_says_what_it_changes_on_the_staff_list() {
    let (mut pats, first) = pats_school();
    let mut jos = vault_of(1, "Jo Lee", &[Role::Reviewer]);
    use_settings(&mut jos, &common::jo(), &first);
    let sam = staff_id(&common::sam());
    staff::allocate(&mut pats, &sam, Some(&staff_id(&ana())), at(10, 9)).unwrap();
    staff::mark_left(&mut pats, &staff_id(&ana()), "31/08/2027", at(10, 9)).unwrap();
    let mut contacts = identity::contacts(&pats).unwrap();
    contacts.pin(
        "Jo Lee",
        None,
        jos_new_keys().public_keys(),
        HowVerified::InPerson,
        0,
    );
    contacts.pin(
        "Kim Ray",
        Some("Librarian"),
        common::person(70).public_keys(),
        HowVerified::InPerson,
        0,
    );
    identity::save_contacts(&mut pats, &contacts, at(10, 9)).unwrap();
    staff::replace_keys(
        &mut pats,
        &staff_id(&common::jo()),
        &jos_new_keys().public_keys().key_id(),
        at(11, 9),
    )
    .unwrap();
    staff::add_member(
        &mut pats,
        Some(&common::person(70).public_keys().key_id()),
        at(11, 9),
    )
    .unwrap();
    let second = school::publish(&mut pats, &pat(), None, at(12, 9)).unwrap();

    let staff_id = common::id("me");
    let jo = common::jo();
    let me = Recipient {
        identity: &jo,
        name: "Jo Lee",
        staff_id: &staff_id,
    };
    let contacts = identity::contacts(&jos).unwrap();
    let Ok(Opened::Settings(file)) = open_file(second.contents.as_bytes(), &me, &contacts) else {
        panic!("the second version opens");
    };
    let lines = school::preview_settings(&jos, &file).unwrap();
    let staff: Vec<&str> = lines
        .iter()
        .map(String::as_str)
        .filter(|line| line.starts_with("Staff list"))
        .collect();
    assert_eq!(
        staff,
        [
            "Staff list: Ana Cole left on 31/08/2027",
            "Staff list: Jo Lee has new keys from 11/09/2026",
            "Staff list: Kim Ray, Librarian added",
            "Staff list: Sam Patel’s reviewer Jo Lee → Ana Cole",
        ]
    );
}

#[test]
fn a_member_on_a_new_device_takes_their_place_in_a_review_once_the_list_has_their_keys() {
    let (mut pats, _, mut jos, started) = jos_review_of_sam();
    let sam = staff_id(&common::sam());
    let sams_new_device = common::person(71);
    let mut contacts = identity::contacts(&pats).unwrap();
    contacts.pin(
        "Sam Patel",
        None,
        sams_new_device.public_keys(),
        HowVerified::InPerson,
        0,
    );
    identity::save_contacts(&mut pats, &contacts, at(10, 9)).unwrap();
    staff::replace_keys(
        &mut pats,
        &sam,
        &sams_new_device.public_keys().key_id(),
        at(11, 9),
    )
    .unwrap();
    let second = school::publish(&mut pats, &pat(), None, at(11, 9)).unwrap();
    use_settings(&mut jos, &common::jo(), &second.contents);

    let pre_review_from = |keys: &Identity, id: &str| {
        let mut payload = common::statement_for_comment();
        payload.kind = BundleKind::PreReview;
        payload.bundle_id = id.into();
        payload.created_at_millis = at(12, 9).timestamp_millis();
        payload.documents.clear();
        payload.review = started.review.summary.clone();
        payload.sender = Party {
            name: "Sam Patel".into(),
            staff_id: None,
            role: Role::Reviewee,
            keys: Some(keys.public_keys()),
        };
        payload.recipients = vec![Party {
            name: "Jo Lee".into(),
            staff_id: None,
            role: Role::Reviewer,
            keys: Some(common::jo().public_keys()),
        }];
        write_bundle(
            &payload,
            keys,
            Some(&[common::jo().public_keys()]),
            &mut common::Counter(7),
        )
    };
    let examiner = examiner(&jos).unwrap().unwrap();
    let old = pre_review_from(&common::sam(), "old-device");
    let Err(NotUsable::File(BundleError::NotAsListed(NotAsListed::KeysReplaced { .. }))) =
        examine(&jos, &examiner, old.as_bytes())
    else {
        panic!("the old device's file made after the change is refused");
    };
    let new = pre_review_from(&sams_new_device, "new-device");
    let Ok(appraise::use_cases::examining::Examined::ReviewFile { file, .. }) =
        examine(&jos, &examiner, new.as_bytes())
    else {
        panic!("the new device's file is previewed");
    };
    assert!(matches!(file.trust(), Trust::Listed(_)));
    appraise::use_cases::examining::import_file(&mut jos, &file, None, at(13, 9)).unwrap();
    let held = appraise::use_cases::reviews::review(&jos, "r1")
        .unwrap()
        .unwrap();
    assert_eq!(
        held.summary.reviewee_keys,
        Some(sams_new_device.public_keys())
    );
}

#[test]
fn a_reviewee_asks_in_writing_for_another_reviewer_and_the_headteacher_keeps_and_answers_it() {
    use appraise::use_cases::examining::Examined;
    use appraise::use_cases::reviewer_requests::{self, RequestProblem};
    let (mut pats, file) = pats_school();
    let mut sams = vault_of(2, "Sam Patel", &[Role::Reviewee]);
    use_settings(&mut sams, &common::sam(), &file);
    assert_eq!(
        reviewer_requests::who_is_asked(&sams).unwrap(),
        Some(("Jo Lee".to_owned(), "Pat Head".to_owned()))
    );
    let ask = |vault: &Vault<MemoryStore>, keys: &Identity, reasons: &str| {
        reviewer_requests::ask_for_another_reviewer(
            vault,
            keys,
            reasons,
            "request-1",
            &mut common::Counter(4),
            at(20, 9),
        )
    };
    assert_eq!(
        ask(&sams, &common::sam(), "  ").unwrap_err(),
        RequestProblem::NoReasons
    );
    let request = ask(
        &sams,
        &common::sam(),
        "Jo and I job-share the same class, so Jo cannot observe me fairly.",
    )
    .unwrap();
    assert_eq!(
        request.file_name,
        "appraise-reviewer-request-sam-patel.json"
    );
    assert_eq!(request.headteacher, "Pat Head");

    // Only the headteacher can open it: it is locked for them.
    let mut jos = vault_of(1, "Jo Lee", &[Role::Reviewer]);
    use_settings(&mut jos, &common::jo(), &file);
    let jos_examiner = examiner(&jos).unwrap().unwrap();
    assert!(matches!(
        examine(&jos, &jos_examiner, request.contents.as_bytes()),
        Err(NotUsable::File(BundleError::EncryptedForSomeoneElse))
    ));

    let pats_examiner = examiner(&pats).unwrap().unwrap();
    let Ok(Examined::ReviewerRequest(opened)) =
        examine(&pats, &pats_examiner, request.contents.as_bytes())
    else {
        panic!("Pat opens the request");
    };
    assert_eq!(opened.payload().reviewer, "Jo Lee");
    assert!(matches!(
        opened.trust(),
        Trust::Pinned(_) | Trust::Listed(_)
    ));
    reviewer_requests::keep_request(&mut pats, &opened, at(21, 9)).unwrap();
    reviewer_requests::keep_request(&mut pats, &opened, at(22, 9)).unwrap();
    let held = reviewer_requests::requests(&pats).unwrap();
    assert_eq!(held.len(), 1, "the same request twice is one request");
    assert_eq!(held[0].received_on, date(2026, 9, 21));
    assert_eq!(held[0].answered_on, None);

    // Pat changes the reviewer (6.5) and marks the request answered.
    staff::describe_member(
        &mut pats,
        &staff_id(&ana()),
        "",
        BTreeSet::from([Role::Reviewer]),
        false,
        at(23, 9),
    )
    .unwrap();
    staff::allocate(
        &mut pats,
        &staff_id(&common::sam()),
        Some(&staff_id(&ana())),
        at(23, 9),
    )
    .unwrap();
    reviewer_requests::mark_answered(&mut pats, "request-1", at(23, 9)).unwrap();
    assert_eq!(
        reviewer_requests::requests(&pats).unwrap()[0].answered_on,
        Some(date(2026, 9, 23))
    );

    // Someone else writing in Sam's name is refused by the list.
    let forged = reviewer_requests::ReviewerRequest {
        request_id: "forged".into(),
        made_at_millis: at(20, 9).timestamp_millis(),
        reviewee: "Sam Patel".into(),
        keys: common::stranger().public_keys(),
        reviewer: "Jo Lee".into(),
        reasons: "Forged.".into(),
    }
    .write(
        &common::stranger(),
        &pat().public_keys(),
        &mut common::Counter(2),
    );
    assert!(matches!(
        examine(&pats, &pats_examiner, forged.as_bytes()),
        Err(NotUsable::File(BundleError::NotAsListed(
            NotAsListed::OtherKeys { .. }
        )))
    ));
    // Someone not on the list cannot ask: there is no reviewer of theirs to replace.
    let kims = vault_of(70, "Kim Ray", &[Role::Reviewee]);
    assert_eq!(
        ask(&kims, &common::person(70), "Reasons.").unwrap_err(),
        RequestProblem::NotListed
    );
}

/// Seed 004, 6.5: the headteacher gives Sam's review to Ana; Jo hands it over by name, with no
/// card of Ana's (the list confirms her keys), and Ana takes it whole in the same cycle (6.6).
#[test]
fn a_review_is_handed_to_the_reviewer_the_list_now_gives_without_their_card() {
    use appraise::bundle::payload::Party;
    use appraise::use_cases::sending::{self, Addressee, Outgoing};
    let (mut pats, _, mut jos, started) = jos_review_of_sam();
    let sam = staff_id(&common::sam());
    let summary = &started.review.summary;
    assert_eq!(
        staff::reviewer_now(&jos, summary).unwrap(),
        None,
        "Jo is the reviewer"
    );
    staff::allocate(&mut pats, &sam, Some(&staff_id(&ana())), at(10, 9)).unwrap();
    let second = school::publish(&mut pats, &pat(), None, at(10, 9)).unwrap();
    use_settings(&mut jos, &common::jo(), &second.contents);
    // The page offers the new reviewer's name to hand the review to.
    assert_eq!(
        staff::reviewer_now(&jos, summary).unwrap(),
        Some("Ana Cole".to_owned())
    );
    let outgoing = |to: &str| Outgoing {
        kind: BundleKind::Handover,
        sender: Party {
            name: "Jo Lee".into(),
            staff_id: None,
            role: Role::Reviewer,
            keys: Some(common::jo().public_keys()),
        },
        text: Default::default(),
        recipient: Some(Addressee::Named(to.into())),
        bundle_id: "handover-1".into(),
    };
    // Someone on neither the list nor the contacts still needs their card first.
    assert_eq!(
        sending::prepare_to_send(&mut jos, "r1", outgoing("Kit Moss"), "jo-tab", at(11, 9))
            .unwrap_err(),
        RecordsError::HandoverToUnconfirmed {
            name: "Kit Moss".into()
        }
    );
    let payload =
        sending::prepare_to_send(&mut jos, "r1", outgoing("ana cole"), "jo-tab", at(11, 9))
            .unwrap();
    assert_eq!(payload.review.reviewer.name, "Ana Cole");
    assert_eq!(payload.review.reviewer_keys, Some(ana().public_keys()));
    assert_eq!(payload.review.period, started.review.summary.period);
    let file = write_bundle(
        &payload,
        &common::jo(),
        Some(&[ana().public_keys()]),
        &mut common::Counter(3),
    );
    let mut anas = vault_of(51, "Ana Cole", &[Role::Reviewer]);
    use_settings(&mut anas, &ana(), &second.contents);
    let examiner = examiner(&anas).unwrap().unwrap();
    let Ok(appraise::use_cases::examining::Examined::ReviewFile { file, .. }) =
        examine(&anas, &examiner, file.as_bytes())
    else {
        panic!("Ana previews the handover");
    };
    assert!(matches!(file.trust(), Trust::Listed(_)));
    appraise::use_cases::examining::import_file(&mut anas, &file, None, at(12, 9)).unwrap();
    let held = appraise::use_cases::reviews::review(&anas, "r1")
        .unwrap()
        .unwrap();
    assert_eq!(held.summary.reviewer_keys, Some(ana().public_keys()));
    assert_eq!(held.summary.period, started.review.summary.period);
}

/// Seed 004, 6.5 with the reviewer away: Sam passes their own copy to Ana, whom the list now
/// gives Sam's review, and Ana takes it in the same cycle; while Ana's list still gives Sam to
/// Jo, it is refused.
#[test]
fn a_reviewee_passes_their_review_to_the_new_reviewer_when_the_old_one_is_away() {
    use appraise::bundle::payload::Party;
    use appraise::use_cases::examining::{Examined, import_file};
    use appraise::use_cases::sending::{self, Addressee, Outgoing};
    let (mut pats, first, mut jos, _) = jos_review_of_sam();
    let sam = staff_id(&common::sam());
    let party = |name: &str, role: Role, keys: &Identity| Party {
        name: name.into(),
        staff_id: None,
        role,
        keys: Some(keys.public_keys()),
    };
    let invitation = sending::prepare_to_send(
        &mut jos,
        "r1",
        Outgoing {
            kind: BundleKind::Invitation,
            sender: party("Jo Lee", Role::Reviewer, &common::jo()),
            text: Default::default(),
            recipient: None,
            bundle_id: "invitation-1".into(),
        },
        "jo-tab",
        at(4, 9),
    )
    .unwrap();
    let invitation = write_bundle(
        &invitation,
        &common::jo(),
        Some(&[common::sam().public_keys()]),
        &mut common::Counter(1),
    );
    let mut sams = vault_of(2, "Sam Patel", &[Role::Reviewee]);
    use_settings(&mut sams, &common::sam(), &first);
    let examiner_of = |vault: &Vault<MemoryStore>| examiner(vault).unwrap().unwrap();
    let Ok(Examined::ReviewFile { file, .. }) =
        examine(&sams, &examiner_of(&sams), invitation.as_bytes())
    else {
        panic!("Sam previews the invitation");
    };
    import_file(&mut sams, &file, None, at(5, 9)).unwrap();

    staff::allocate(&mut pats, &sam, Some(&staff_id(&ana())), at(10, 9)).unwrap();
    let second = school::publish(&mut pats, &pat(), None, at(10, 9)).unwrap();
    use_settings(&mut sams, &common::sam(), &second.contents);
    let held = appraise::use_cases::reviews::review(&sams, "r1")
        .unwrap()
        .unwrap();
    assert_eq!(
        staff::reviewer_now(&sams, &held.summary).unwrap(),
        Some("Ana Cole".to_owned())
    );
    let handover = sending::prepare_to_send(
        &mut sams,
        "r1",
        Outgoing {
            kind: BundleKind::Handover,
            sender: party("Sam Patel", Role::Reviewee, &common::sam()),
            text: Default::default(),
            recipient: Some(Addressee::Named("Ana Cole".into())),
            bundle_id: "passed-on".into(),
        },
        "sam-tab",
        at(11, 9),
    )
    .unwrap();
    let file = write_bundle(
        &handover,
        &common::sam(),
        Some(&[ana().public_keys()]),
        &mut common::Counter(2),
    );
    // Before the headteacher's new list reaches Ana, it still gives Sam to Jo: refused.
    let mut before = vault_of(51, "Ana Cole", &[Role::Reviewer]);
    use_settings(&mut before, &ana(), &first);
    let refused = examine(&before, &examiner_of(&before), file.as_bytes()).unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("the school’s staff list gives Sam Patel’s review to Jo Lee"),
        "{refused}"
    );

    let mut anas = vault_of(51, "Ana Cole", &[Role::Reviewer]);
    use_settings(&mut anas, &ana(), &second.contents);
    let Ok(Examined::ReviewFile { file, .. }) =
        examine(&anas, &examiner_of(&anas), file.as_bytes())
    else {
        panic!("Ana previews Sam's copy");
    };
    import_file(&mut anas, &file, None, at(12, 9)).unwrap();
    let anas_copy = appraise::use_cases::reviews::review(&anas, "r1")
        .unwrap()
        .unwrap();
    assert_eq!(anas_copy.summary.reviewer_keys, Some(ana().public_keys()));
    assert_eq!(
        anas_copy.summary.reviewee_keys,
        Some(common::sam().public_keys())
    );
    assert_eq!(
        anas_copy.summary.period, held.summary.period,
        "the cycle carries on"
    );
    assert_eq!(
        anas_copy.summary.previous_reviewers[0].person.name,
        "Jo Lee"
    );
}
