//! One truth per review: under each preset, the reviewer and the reviewee each keep their own copy
//! in their own store, and files made by one (signed, encrypted, named, as the app makes them)
//! are opened and imported by the other days later. At every step, each deadline both copies
//! show has the same date; once the files have crossed, the same state. Neither copy counts the
//! other's deadline against its reader.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use appraise::bundle::contacts::Contacts;
use appraise::bundle::identity::{Identity, KeySeed};
use appraise::bundle::open::{Recipient, open};
use appraise::bundle::payload::BundleKind;
use appraise::domain::cycle::Stage;
use appraise::domain::deadlines::{Deadline, DeadlineKind, Standing, seen_by};
use appraise::domain::documents::Document;
use appraise::domain::field_map::to_field_map;
use appraise::domain::people::Role;
use appraise::domain::sign_off::{SignOff, SignerRole};
use appraise::storage::{MemoryStore, Vault};
use appraise::use_cases::held::{self, HeldReview};
use appraise::use_cases::identity::StoredIdentity;
use appraise::use_cases::outgoing::{FileRequest, MadeFile, make_file, note_downloaded};
use appraise::use_cases::{identity, importing, reviews, sign_offs};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use common::date;

/// 10:00 on `day` of November 2026 (`day` past 30 runs into December).
fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 1, 10, 0, 0).unwrap() + chrono::Days::new(u64::from(day - 1))
}

/// One person's browser.
struct Party {
    vault: Vault<MemoryStore>,
    keys: Identity,
    name: &'static str,
    role: Role,
}

impl Party {
    fn new(seed: u8, name: &'static str, role: Role) -> Party {
        let mut vault =
            Vault::open(MemoryStore::new(), Box::new(common::Counter(0)), name).unwrap();
        let mut me = StoredIdentity::new(KeySeed([seed; 32]));
        me.name = name.into();
        identity::save_identity(&mut vault, &me, at(1)).unwrap();
        Party {
            vault,
            keys: Identity::from_seed(&KeySeed([seed; 32])),
            name,
            role,
        }
    }

    /// Makes a file of `kind` on `day` as the app does, and notes it downloaded.
    fn sends(
        &mut self,
        kind: BundleKind,
        text: appraise::domain::field_map::FieldMap,
        encrypt: bool,
        day: u32,
    ) -> MadeFile {
        let request = FileRequest {
            review_id: "review-1".into(),
            kind,
            role: self.role,
            text,
            recipient: None,
            encrypt,
        };
        let file = make_file(
            &mut self.vault,
            &self.keys,
            request,
            &format!("{kind:?}-{day}"),
            "2026-11-01-1000",
            &mut common::Counter(9),
            at(day),
        )
        .unwrap();
        note_downloaded(&mut self.vault, &file, at(day)).unwrap();
        file
    }

    /// Opens `file` and imports it on `day`.
    fn imports(&mut self, file: &MadeFile, day: u32) {
        let me = Recipient {
            identity: &self.keys,
            name: self.name,
            staff_id: &common::id("me"),
        };
        let opened = open(file.contents.as_bytes(), &me, &Contacts::default()).unwrap();
        importing::import(&mut self.vault, &opened, at(day)).unwrap();
    }

    /// Writes `document` into the review as the page's autosave does.
    fn writes<D: Document>(&mut self, document: &D, day: u32) {
        common::write_document(&mut self.vault, "review-1", document, at(day));
    }

    /// Signs the statement as it stands on `day`.
    fn signs(&mut self, role: SignerRole, day: u32) {
        let review = reviews::load_review(&self.vault, "review-1")
            .unwrap()
            .unwrap();
        let on = at(day).date_naive();
        let sign_off = SignOff::for_statement(&review, role, on).unwrap();
        sign_offs::sign(&mut self.vault, "review-1", sign_off, at(day)).unwrap();
    }

    fn holds(&self, day: u32) -> HeldReview {
        held::open(&self.vault, "review-1", at(day).date_naive())
            .unwrap()
            .unwrap()
    }
}

/// Every deadline both copies show has the same date, and, when `crossed`, the same state; and
/// neither copy shows the other's open deadline as its reader's own.
fn agree(jo: &Party, sam: &Party, day: u32, crossed: bool, step: &str) {
    let (jos, sams) = (jo.holds(day), sam.holds(day));
    let find = |list: &[(Deadline, Standing)], kind: &DeadlineKind| {
        list.iter()
            .find(|(deadline, _)| deadline.kind == *kind)
            .cloned()
    };
    let mut compared = 0;
    for (deadline, standing) in &jos.deadlines {
        if let Some((theirs, their_standing)) = find(&sams.deadlines, &deadline.kind) {
            compared += 1;
            assert_eq!(
                deadline.due, theirs.due,
                "{step}: {} is due on different days",
                deadline.kind
            );
            let both_see =
                seen_by(&deadline.kind, Role::Reviewer) && seen_by(&deadline.kind, Role::Reviewee);
            if crossed && both_see {
                assert_eq!(
                    deadline.done, theirs.done,
                    "{step}: {} is done on one copy only",
                    deadline.kind
                );
            }
            for (standing, reader) in [
                (standing, Role::Reviewer),
                (&their_standing, Role::Reviewee),
            ] {
                if deadline.owner != reader {
                    assert!(
                        !matches!(standing, Standing::Yours(_)),
                        "{step}: {} is shown as the {reader:?}'s own",
                        deadline.kind
                    );
                }
            }
        }
    }
    assert!(compared > 0, "{step}: the copies share no deadline");
}

fn exchange(preset: &str) {
    let policy = appraise::domain::presets::preset(preset).unwrap();
    let group = policy.cycles[0].staff_group.clone();
    let meeting: NaiveDate = date(2026, 11, 10);
    let mut review = common::review(preset, &group, meeting);
    review.dates.meeting_on = Some(meeting);
    let summary = appraise::bundle::payload::ReviewSummary {
        meeting_on: Some(meeting),
        pay_eligible: review.policy.pay_progression,
        ..common::summary_of(&review)
    };
    let mut jo = Party::new(1, "Jo Lee", Role::Reviewer);
    let mut sam = Party::new(2, "Sam Patel", Role::Reviewee);
    reviews::start_review(&mut jo.vault, summary, &[], "jo", at(1)).unwrap();

    // Jo invites on 2/11; the invitation cannot be locked for Sam, whose keys Jo has not met.
    let invitation = jo.sends(BundleKind::Invitation, Default::default(), false, 2);
    sam.imports(&invitation, 5);
    agree(&jo, &sam, 5, true, "after the invitation");

    // Sam's pre-review on 6/11, imported by Jo on 9/11.
    let pre_review = to_field_map(&common::pre_review());
    let file = sam.sends(BundleKind::PreReview, pre_review, true, 6);
    agree(&jo, &sam, 6, false, "the pre-review on its way");
    jo.imports(&file, 9);
    agree(&jo, &sam, 9, true, "after the pre-review");

    // The statement, signed by Jo on 12/11, imported by Sam four days later.
    let standards = if review.policy.ten_standards_apply {
        appraise::domain::standards::blank_assessments()
            .into_iter()
            .map(|standard| appraise::domain::standards::StandardAssessment {
                judgement: Some(appraise::domain::standards::StandardJudgement::Meets),
                ..standard
            })
            .collect()
    } else {
        Vec::new()
    };
    let statement = appraise::domain::documents::Statement {
        meeting_date: Some(meeting),
        standards,
        ..common::statement()
    };
    jo.writes(&statement, 11);
    jo.writes(&common::cpd_needs(), 11);
    jo.signs(SignerRole::Reviewer, 12);
    let file = jo.sends(
        BundleKind::StatementForComment,
        Default::default(),
        true,
        12,
    );
    agree(&jo, &sam, 13, false, "the statement on its way");
    sam.imports(&file, 16);
    agree(&jo, &sam, 16, true, "after the statement");
    assert_eq!(jo.holds(16).stage, Stage::WithReviewee);
    assert_eq!(sam.holds(16).stage, Stage::WithReviewee);

    // Sam signs and replies on 18/11; Jo imports on 23/11.
    sam.signs(SignerRole::Reviewee, 18);
    let file = sam.sends(BundleKind::Reply, Default::default(), true, 18);
    jo.imports(&file, 23);
    agree(&jo, &sam, 23, true, "after the reply");
    assert_eq!(sam.holds(23).stage, Stage::SignedByBoth);
    assert_eq!(jo.holds(23).stage, Stage::SignedByBoth);
    assert!(
        jo.holds(23)
            .next_step()
            .starts_with("Send the final statement"),
        "{preset}"
    );

    // Months later, Sam's copy never holds the final statement's sending: it is the reviewer's,
    // and never shown as overdue to Sam.
    let sams = sam.holds(200);
    let (_, standing) = sams
        .deadlines
        .iter()
        .find(|(deadline, _)| deadline.kind == DeadlineKind::StatementToHeadteacher)
        .expect("every policy sets when the headteacher has the statement");
    assert_eq!(*standing, Standing::NotSeenHere, "{preset}");
}

#[test]
fn both_copies_show_the_same_dates_under_every_preset() {
    for policy in appraise::domain::presets::all_presets() {
        exchange(&policy.key);
    }
}
