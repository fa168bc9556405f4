//! The headteacher's desk and moderation: a row per review with its stage, timeliness,
//! objectives and signing; filters and sorts; rows kept between storage changes and worked out
//! again only for the review a write touched; each reviewer's pattern beside the school's, with
//! the reviewers who stand out flagged and why.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use appraise::domain::calendar::SchoolCalendar;
use appraise::domain::cycle::Stage;
use appraise::domain::desk::{DeskColumn, DeskFilter, DeskRow, Timeliness, arrange};
use appraise::domain::documents::{PayRecommendation, ProgressRating};
use appraise::domain::moderation::{Flag, moderation};
use appraise::domain::progress::StatementSigned;
use appraise::storage::{MemoryStore, Vault};
use appraise::use_cases::leadership::Desk;
use appraise::use_cases::reviews;
use chrono::{TimeZone, Utc};
use common::{date, id};

const BOTH: StatementSigned = StatementSigned {
    by_reviewer: true,
    by_reviewee: true,
};

#[test]
fn a_row_shows_timeliness_against_the_policys_date_objectives_smart_misses_and_signing() {
    let mut review = common::review_with_statement();
    review.pay_eligible = true;
    review.policy.pay_progression = true;
    if let Some(statement) = review.statement.as_mut() {
        statement.new_objectives[0].success_criteria.clear();
    }
    let calendar = SchoolCalendar::default();
    let row = DeskRow::of(
        &review,
        Stage::SignedByBoth,
        BOTH,
        &calendar,
        date(2026, 11, 1),
    );
    assert_eq!(row.reviewee, "Sam Patel");
    assert_eq!(row.reviewer, "Jo Lee");
    assert_eq!(row.objectives, 3);
    assert_eq!(
        row.objectives_missing_smart, 1,
        "the one with no success criteria"
    );
    assert_eq!(row.ratings, [1, 0, 0, 0]);
    assert_eq!(row.pay_recommendation, Some(PayRecommendation::Progress));
    assert!(row.pay.is_some(), "eligible under a policy that links pay");
    assert!(row.signed_as_it_is);

    // The meeting held, the statement with the headteacher on or after the policy's date.
    review.dates.meeting_on = Some(date(2026, 10, 23));
    let due = DeskRow::of(
        &review,
        Stage::SignedByBoth,
        BOTH,
        &calendar,
        date(2026, 11, 1),
    )
    .due
    .expect("the local authority model sets a date");
    let on = |sent, today| {
        let mut review = review.clone();
        review.dates.sent_to_headteacher_on = sent;
        DeskRow::of(&review, Stage::SignedByBoth, BOTH, &calendar, today).timeliness
    };
    let mut received = review.clone();
    received.dates.sent_to_headteacher_on = Some(due);
    assert_eq!(
        DeskRow::of(&received, Stage::Final, BOTH, &calendar, due).timeliness_in_words(),
        format!(
            "On time (received {0}), due {0}",
            appraise::domain::dates::format_uk_date(due)
        )
    );
    assert_eq!(on(Some(due), due), Timeliness::OnTime);
    assert_eq!(on(due.succ_opt(), date(2027, 1, 1)), Timeliness::Late);
    assert_eq!(on(None, due), Timeliness::NotYetDue);
    assert_eq!(on(None, due.succ_opt().unwrap()), Timeliness::Overdue);

    let unsigned = DeskRow::of(
        &review,
        Stage::WithReviewee,
        StatementSigned::default(),
        &calendar,
        due,
    );
    assert!(!unsigned.signed_as_it_is);
    assert!(unsigned.needs_attention());
}

fn row(n: usize, reviewer: &str, ratings: [u32; 4], objectives: usize) -> DeskRow {
    let mut review = common::review_with_statement();
    review.id = id(&format!("review-{n}"));
    review.reviewee.name = format!("Reviewee {n:02}");
    review.reviewer.name = reviewer.into();
    review.reviewer.staff_id = id(&reviewer.to_lowercase().replace(' ', "-"));
    let mut row = DeskRow::of(
        &review,
        Stage::SignedByBoth,
        BOTH,
        &SchoolCalendar::default(),
        date(2026, 11, 1),
    );
    row.ratings = ratings;
    row.objectives = objectives;
    row.objectives_missing_smart = 0;
    row
}

#[test]
fn the_desk_filters_by_reviewer_and_attention_and_sorts_either_way() {
    let mut rows = vec![
        row(1, "Jo Lee", [1, 0, 0, 0], 3),
        row(2, "Ana Cole", [1, 0, 0, 0], 5),
        row(3, "Jo Lee", [1, 0, 0, 0], 4),
    ];
    rows[2].signed_as_it_is = false;
    let by = |filter: &DeskFilter, column, descending| -> Vec<String> {
        arrange(&rows, filter, column, descending)
            .into_iter()
            .map(|row| row.reviewee.clone())
            .collect()
    };
    let everyone = DeskFilter::default();
    assert_eq!(
        by(&everyone, DeskColumn::Objectives, true),
        ["Reviewee 02", "Reviewee 03", "Reviewee 01"]
    );
    assert_eq!(
        by(&everyone, DeskColumn::Reviewer, false),
        ["Reviewee 02", "Reviewee 01", "Reviewee 03"],
        "equal reviewers keep the reviewees' order"
    );
    let jos = DeskFilter {
        reviewer: Some(id("jo-lee")),
        ..DeskFilter::default()
    };
    assert_eq!(
        by(&jos, DeskColumn::Reviewee, false),
        ["Reviewee 01", "Reviewee 03"]
    );
    let attention = DeskFilter {
        needs_attention: true,
        ..DeskFilter::default()
    };
    assert_eq!(by(&attention, DeskColumn::Reviewee, false), ["Reviewee 03"]);
}

#[test]
fn moderation_sets_each_reviewers_pattern_beside_the_schools_and_flags_who_stands_out() {
    let mut rows = Vec::new();
    // Ana rates everything achieved and sets five objectives; Jo and Kit rate as most do.
    for n in 0..4 {
        rows.push(row(n, "Ana Cole", [3, 0, 0, 0], 5));
    }
    for n in 4..8 {
        rows.push(row(n, "Jo Lee", [1, 1, 1, 0], 3));
    }
    for n in 8..12 {
        rows.push(row(n, "Kit Moss", [1, 2, 0, 0], 3));
    }
    // Two reviews are too few to show a pattern, however far apart.
    for n in 12..14 {
        rows.push(row(n, "Mo Ahmed", [0, 0, 3, 0], 1));
    }
    let figures = moderation(&rows);
    assert_eq!(figures.school.reviews, 14);
    assert_eq!(figures.school.ratings, [20, 12, 10, 0]);
    assert_eq!(
        figures.school.rating_share(ProgressRating::Achieved),
        Some(48)
    );
    assert_eq!(figures.school.objectives_per_review_tenths(), Some(33));
    let names: Vec<&str> = figures
        .reviewers
        .iter()
        .map(|r| r.reviewer.as_str())
        .collect();
    assert_eq!(names, ["Ana Cole", "Jo Lee", "Kit Moss", "Mo Ahmed"]);
    let ana = &figures.reviewers[0];
    assert_eq!(
        ana.flags,
        [
            Flag::AchievedShare {
                theirs: 100,
                school: 48
            },
            Flag::ObjectivesPerReview {
                theirs: 50,
                school: 33
            },
        ]
    );
    assert_eq!(
        ana.flags[0].reason(),
        "Rated 100% of last cycle’s objectives achieved, against 48% across the school: check the ratings are judged the same way."
    );
    assert_eq!(
        ana.flags[1].reason(),
        "Set 5.0 new objectives per review, more than the school’s 3.3: check the workload is fair."
    );
    assert!(figures.reviewers[1].flags.is_empty());
    assert!(figures.reviewers[2].flags.is_empty());
    assert!(
        figures.reviewers[3].flags.is_empty(),
        "two reviews are not flagged"
    );
}

#[test]
fn the_desk_works_out_again_only_the_review_a_write_touched() {
    let mut vault = Vault::open(MemoryStore::new(), Box::new(common::Counter(0)), "tab").unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 30, 10, 0, 0).unwrap();
    for n in 0..12 {
        let mut summary = common::statement_for_comment().review;
        summary.id = id(&format!("review-{n}"));
        summary.reviewee.name = format!("Reviewee {n:02}");
        reviews::start_review(
            &mut vault,
            summary,
            &["Run the phonics group".into()],
            "tab",
            now,
        )
        .unwrap();
    }
    let today = date(2026, 11, 30);
    let mut desk = Desk::default();
    assert_eq!(desk.rows(&vault, today).unwrap().len(), 12);
    assert_eq!(desk.reviews_read, 12);
    desk.rows(&vault, today).unwrap();
    assert_eq!(desk.reviews_read, 12, "nothing changed, nothing read");

    // A write to one review reads that review again, and no other.
    let mut held = reviews::review(&vault, "review-3").unwrap().unwrap();
    held.summary.reviewee.name = "Ruth Bell".into();
    reviews::save_review(&mut vault, &held, now).unwrap();
    let rows = desk.rows(&vault, today).unwrap();
    assert_eq!(desk.reviews_read, 13);
    assert!(rows.iter().any(|row| row.reviewee == "Ruth Bell"));

    // A removed review leaves the desk; a new day works every row out again.
    appraise::use_cases::retention::remove_review(&mut vault, "review-5").unwrap();
    assert_eq!(desk.rows(&vault, today).unwrap().len(), 11);
    assert_eq!(desk.reviews_read, 13);
    desk.rows(&vault, today.succ_opt().unwrap()).unwrap();
    assert_eq!(desk.reviews_read, 24);
}

/// The passphrase of the school year's backups, which the end-to-end tests restore.
const PASSPHRASE: &str = "hill academy appraisal";

fn backup_of(vault: &mut Vault<MemoryStore>) -> String {
    appraise::storage::backup::write_backup(
        vault,
        PASSPHRASE,
        appraise::storage::sealing::KdfParams::RECOMMENDED,
        &mut common::Counter(7),
        Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap(),
    )
    .unwrap()
}

/// The school year's three browsers as backups under `tests/fixtures/leadership/`, rewritten by
/// `UPDATE_FIXTURES=1`: Pat's (30 reviews from three reviewers), Ana's (her ten) and Sam's (the
/// appeal). The end-to-end tests restore them rather than typing 30 reviews.
#[test]
fn the_school_years_backups_are_as_built() {
    use common::school_year::{self, REVIEWS};
    let fresh = || Vault::open(MemoryStore::new(), Box::new(common::Counter(0)), "hill").unwrap();
    let mut pat = fresh();
    let settings = school_year::headteachers(&mut pat);
    let mut ana = fresh();
    school_year::reviewers(&mut ana, &settings);
    let mut sam = fresh();
    school_year::appellants(&mut sam, &settings);
    assert_eq!(reviews::reviews(&pat).unwrap().len(), REVIEWS);

    pats_desk_is_the_school_years(&pat, REVIEWS);

    for (name, vault) in [
        ("headteacher", &mut pat),
        ("reviewer", &mut ana),
        ("appellant", &mut sam),
    ] {
        as_built(name, vault);
    }
}

/// Pat's desk on 30/11/2026 holds `staff` reviews, Kit's ten reached Pat late, and moderation
/// flags Ana alone; returns the rows.
fn pats_desk_is_the_school_years(pat: &Vault<MemoryStore>, staff: usize) -> Vec<DeskRow> {
    let rows = Desk::default().rows(pat, date(2026, 11, 30)).unwrap();
    assert_eq!(rows.len(), staff);
    let late = rows
        .iter()
        .filter(|row| row.timeliness == Timeliness::Late)
        .count();
    assert_eq!(
        late, 10,
        "Kit's ten reached Pat late, in a school of {staff}"
    );
    let flagged: Vec<String> = moderation(&rows)
        .reviewers
        .into_iter()
        .filter(|reviewer| !reviewer.flags.is_empty())
        .map(|reviewer| reviewer.reviewer)
        .collect();
    assert_eq!(flagged, ["Ana Cole"], "a school of {staff}");
    rows
}

/// Checks `vault`'s backup against `tests/fixtures/leadership/<name>-backup.json`, writing it
/// first under `UPDATE_FIXTURES=1`.
fn as_built(name: &str, vault: &mut Vault<MemoryStore>) {
    let dir =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/leadership");
    let path = dir.join(format!("{name}-backup.json"));
    let made = backup_of(vault);
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(&path, &made).unwrap();
    }
    let held = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {}: run with UPDATE_FIXTURES=1", path.display()));
    assert!(
        made == held,
        "{name}'s backup changed: run with UPDATE_FIXTURES=1 and review"
    );
}

/// The headteacher of a school of 60 and of one of 150, as backups the end-to-end tests restore
/// (`headteacher-60-backup.json`, `headteacher-150-backup.json`): a reviewer for each ten, Kit's
/// ten late, Ana alone standing out, and two members of staff named Sam Patel.
#[test]
fn the_larger_schools_backups_are_as_built() {
    use common::school_year::{self, LARGER};
    for staff in LARGER {
        let mut pat =
            Vault::open(MemoryStore::new(), Box::new(common::Counter(0)), "hill").unwrap();
        school_year::headteachers_of(&mut pat, staff);
        let rows = pats_desk_is_the_school_years(&pat, staff);
        let sams: Vec<String> = rows
            .iter()
            .filter(|row| row.reviewee == "Sam Patel")
            .map(|row| row.reviewee_in_words())
            .collect();
        assert_eq!(
            sams.len(),
            2,
            "two of one name, told apart by job title: {sams:?}"
        );
        assert_ne!(sams[0], sams[1]);
        as_built(&format!("headteacher-{staff}"), &mut pat);
    }
}

mod headteachers_files {
    //! Moderation notes and appeal outcomes come from the headteacher the school's settings name,
    //! and nobody else; the reviewer's answer brings only the answer; pay decisions are refused
    //! for anyone not eligible and until complete; the school's limit for deciding an appeal is a
    //! clock; the governors' report names nobody.

    use super::common::school_year::{self, APPEAL, REVIEWS};
    use super::common::{self, date};
    use appraise::bundle::identity::Identity;
    use appraise::bundle::open::{Recipient, open};
    use appraise::bundle::payload::{BundleKind, Party};
    use appraise::bundle::write_bundle;
    use appraise::domain::calendar::SchoolCalendar;
    use appraise::domain::cycle::Stage;
    use appraise::domain::deadlines::{DeadlineKind, deadlines};
    use appraise::domain::documents::{PayDecision, PayDecisionMade};
    use appraise::domain::governors::governors_report;
    use appraise::domain::ids::Id;
    use appraise::domain::pay::PayDecisionRefused;
    use appraise::domain::people::Role;
    use appraise::domain::progress::{StatementSigned, stage_of};
    use appraise::storage::{MemoryStore, Vault};
    use appraise::use_cases::leadership::{PayDecisionError, record_pay_decision};
    use appraise::use_cases::sending::{Outgoing, prepare_to_send};
    use appraise::use_cases::{RecordsError, identity, importing, reviews};
    use chrono::{DateTime, TimeZone, Utc};
    use serde_json::{Value, json};

    const LENA: &str = "hill-review-00";
    const SAM: &str = "hill-review-03";

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 30, 10, 0, 0).unwrap()
    }

    /// Every deadline of review `id` as the vault's owner holds it.
    fn held_deadlines(
        vault: &Vault<MemoryStore>,
        id: &str,
    ) -> Vec<appraise::domain::deadlines::Deadline> {
        appraise::use_cases::held::open(vault, id, date(2026, 11, 30))
            .unwrap()
            .unwrap()
            .deadlines
            .into_iter()
            .map(|(deadline, _)| deadline)
            .collect()
    }

    fn browsers() -> (Vault<MemoryStore>, Vault<MemoryStore>, Vault<MemoryStore>) {
        let fresh =
            || Vault::open(MemoryStore::new(), Box::new(common::Counter(0)), "hill").unwrap();
        let (mut pat, mut ana, mut sam) = (fresh(), fresh(), fresh());
        let settings = school_year::headteachers(&mut pat);
        school_year::reviewers(&mut ana, &settings);
        school_year::appellants(&mut sam, &settings);
        (pat, ana, sam)
    }

    /// Types `fields` into the review's document `kind`, as a page does.
    fn write(vault: &mut Vault<MemoryStore>, review: &str, kind: &str, fields: &[(&str, Value)]) {
        let mut state = reviews::document(vault, review, kind)
            .unwrap()
            .unwrap_or_default();
        let mut shown = state.current();
        for (path, value) in fields {
            shown.insert(format!("{kind}.{path}"), value.clone());
        }
        let stamp = state.latest_stamp().tick(now().timestamp_millis());
        state.record_edit(&shown, "tab", stamp);
        reviews::save_document(vault, review, kind, &state, now()).unwrap();
    }

    fn send(
        vault: &mut Vault<MemoryStore>,
        review: &str,
        kind: BundleKind,
        from: (&str, Role, &Identity),
    ) -> Result<String, RecordsError> {
        let (name, role, keys) = from;
        let outgoing = Outgoing {
            kind,
            sender: Party {
                name: name.into(),
                staff_id: None,
                role,
                keys: Some(keys.public_keys()),
            },
            text: Default::default(),
            recipient: None,
            bundle_id: format!("{kind:?}-{name}"),
        };
        let payload = prepare_to_send(vault, review, outgoing, "tab", now())?;
        let to: Vec<_> = payload.recipients.iter().filter_map(|p| p.keys).collect();
        Ok(write_bundle(
            &payload,
            keys,
            Some(&to),
            &mut common::Counter(3),
        ))
    }

    fn import(
        vault: &mut Vault<MemoryStore>,
        me: (&str, &Identity),
        file: &str,
    ) -> Result<(), RecordsError> {
        let staff_id = Id::new(me.1.public_keys().key_id()).unwrap();
        let recipient = Recipient {
            identity: me.1,
            name: me.0,
            staff_id: &staff_id,
        };
        let contacts = identity::contacts(vault).unwrap();
        let bundle = open(file.as_bytes(), &recipient, &contacts).expect("the file opens");
        importing::import(vault, &bundle, now()).map(|_| ())
    }

    #[test]
    fn a_moderation_note_comes_from_the_headteacher_alone_and_the_answer_brings_only_the_answer() {
        let (mut pat, mut ana, _) = browsers();
        let pat_keys = school_year::headteacher();
        let (_, _, ana_keys) = school_year::reviewer(0);
        let (_, _, jo_keys) = school_year::reviewer(1);
        assert_eq!(
            send(
                &mut pat,
                LENA,
                BundleKind::ModerationNote,
                ("Pat Head", Role::Headteacher, &pat_keys)
            ),
            Err(RecordsError::NothingWritten)
        );
        write(
            &mut pat,
            LENA,
            "moderation_note",
            &[("note", json!("Check objective 2."))],
        );
        let note = send(
            &mut pat,
            LENA,
            BundleKind::ModerationNote,
            ("Pat Head", Role::Headteacher, &pat_keys),
        )
        .unwrap();

        // A note in Pat's name signed with Jo's keys is refused, and Ana's copy is as it was.
        let before = reviews::document(&ana, LENA, "moderation_note").unwrap();
        let mut jos = Vault::open(MemoryStore::new(), Box::new(common::Counter(0)), "jo").unwrap();
        school_year::headteachers(&mut jos);
        write(
            &mut jos,
            LENA,
            "moderation_note",
            &[("note", json!("Rate them all lower."))],
        );
        let forged = send(
            &mut jos,
            LENA,
            BundleKind::ModerationNote,
            ("Pat Head", Role::Headteacher, &jo_keys),
        )
        .unwrap();
        assert_eq!(
            import(&mut ana, ("Ana Cole", &ana_keys), &forged),
            Err(RecordsError::NotTheHeadteacher {
                sender: "Pat Head".into()
            })
        );
        assert_eq!(
            reviews::document(&ana, LENA, "moderation_note").unwrap(),
            before
        );

        import(&mut ana, ("Ana Cole", &ana_keys), &note).unwrap();
        let held = reviews::load_review(&ana, LENA).unwrap().unwrap();
        let arrived = held.moderation_note.unwrap();
        assert_eq!(arrived.note, "Check objective 2.");
        assert_eq!(arrived.sent_on, Some(date(2026, 11, 30)));
        assert!(arrived.awaits_answer());

        // Ana's answer, with a changed note, changes only the answer on Pat's copy.
        write(
            &mut ana,
            LENA,
            "moderation_note",
            &[
                ("reply", json!("It stands.")),
                ("note", json!("Nothing to check.")),
            ],
        );
        let answer = send(
            &mut ana,
            LENA,
            BundleKind::ModerationNote,
            ("Ana Cole", Role::Reviewer, &ana_keys),
        )
        .unwrap();
        import(&mut pat, ("Pat Head", &pat_keys), &answer).unwrap();
        let answered = reviews::load_review(&pat, LENA)
            .unwrap()
            .unwrap()
            .moderation_note
            .unwrap();
        assert_eq!(answered.note, "Check objective 2.");
        assert_eq!(answered.reply, "It stands.");
        assert_eq!(answered.answered_on, Some(date(2026, 11, 30)));
        assert!(!answered.awaits_answer());

        // A reviewer cannot send an appeal outcome.
        assert_eq!(
            send(
                &mut ana,
                SAM,
                BundleKind::AppealOutcome,
                ("Ana Cole", Role::Headteacher, &ana_keys)
            ),
            Err(RecordsError::OnlyTheHeadteacher)
        );
    }

    #[test]
    fn an_appeal_outcome_reaches_the_reviewee_and_ends_the_appeal_against_the_schools_clock() {
        let (mut pat, _, mut sam) = browsers();
        let pat_keys = school_year::headteacher();
        let sam_keys = school_year::reviewee(APPEAL);
        let calendar = SchoolCalendar::default();
        let review = reviews::load_review(&pat, SAM).unwrap().unwrap();
        let clock = held_deadlines(&pat, SAM)
            .into_iter()
            .find(|deadline| deadline.kind == DeadlineKind::AppealDecision)
            .expect("the school sets a limit");
        assert_eq!(
            (clock.due, clock.owner, clock.done),
            (date(2026, 12, 1), Role::Headteacher, false)
        );

        let standing = |review: &appraise::domain::cycle::Review| {
            appraise::domain::desk::DeskRow::of(
                review,
                Stage::Appealed,
                StatementSigned::default(),
                &calendar,
                date(2026, 12, 2),
            )
            .appeal
            .expect("appealed")
        };
        assert!(standing(&review).is_overdue(date(2026, 12, 2)));
        assert!(!standing(&review).is_overdue(date(2026, 12, 1)));
        write(
            &mut pat,
            SAM,
            "appeal_hearing",
            &[
                ("heard_on", json!("2026-11-24")),
                ("summary", json!("Heard.")),
            ],
        );
        assert_eq!(
            send(
                &mut pat,
                SAM,
                BundleKind::AppealOutcome,
                ("Pat Head", Role::Headteacher, &pat_keys)
            ),
            Err(RecordsError::AppealNotDecided)
        );
        write(
            &mut pat,
            SAM,
            "appeal_hearing",
            &[
                ("outcome", json!("partly_upheld")),
                ("decided_on", json!("2026-11-25")),
                ("changes", json!("The assessment adds the phonics group.")),
            ],
        );
        let outcome = send(
            &mut pat,
            SAM,
            BundleKind::AppealOutcome,
            ("Pat Head", Role::Headteacher, &pat_keys),
        )
        .unwrap();
        let held = reviews::load_review(&pat, SAM).unwrap().unwrap();
        assert!(!standing(&held).is_overdue(date(2026, 12, 2)), "decided");
        assert!(
            held_deadlines(&pat, SAM)
                .iter()
                .any(|d| d.kind == DeadlineKind::AppealDecision && d.done)
        );

        let before = reviews::load_review(&sam, SAM).unwrap().unwrap();
        assert_eq!(
            stage_of(&before, StatementSigned::default(), date(2026, 11, 30)),
            Stage::Appealed
        );
        import(&mut sam, ("Sam Patel", &sam_keys), &outcome).unwrap();
        let after = reviews::load_review(&sam, SAM).unwrap().unwrap();
        let hearing = after.appeal_hearing.clone().unwrap();
        assert_eq!(hearing.changes, "The assessment adds the phonics group.");
        assert_ne!(
            stage_of(&after, StatementSigned::default(), date(2026, 11, 30)),
            Stage::Appealed,
            "decided: the statement goes back for signing"
        );
    }

    #[test]
    fn an_appeal_is_dated_the_day_the_reply_carrying_it_is_made() {
        let (_, mut ana, mut sam) = browsers();
        let sam_keys = school_year::reviewee(APPEAL);
        let (_, _, ana_keys) = school_year::reviewer(0);
        write(&mut sam, SAM, "appeal", &[("lodged_on", Value::Null)]);
        let reply = send(
            &mut sam,
            SAM,
            BundleKind::Reply,
            ("Sam Patel", Role::Reviewee, &sam_keys),
        )
        .unwrap();
        let lodged = |vault: &Vault<MemoryStore>| {
            reviews::load_review(vault, SAM)
                .unwrap()
                .unwrap()
                .appeal
                .unwrap()
                .lodged_on
        };
        assert_eq!(lodged(&sam), Some(date(2026, 11, 30)));
        import(&mut ana, ("Ana Cole", &ana_keys), &reply).unwrap();
        assert_eq!(
            lodged(&ana),
            Some(date(2026, 11, 30)),
            "and the reviewer's copy says so"
        );
    }

    #[test]
    fn the_schools_time_limit_for_appealing_is_a_clock_for_the_reviewee() {
        let mut review = common::review_with_statement();
        review.policy.appeals = appraise::domain::policy::AppealRoute::Headteacher;
        review.policy.appeal_within = Some(appraise::domain::calendar::Period::working_days(5));
        review.dates.statement_sent_on = Some(date(2026, 11, 2));
        let calendar = SchoolCalendar::default();
        let appeal_by = |review: &appraise::domain::cycle::Review| {
            deadlines(review, Stage::WithReviewee, &calendar)
                .into_iter()
                .find(|deadline| deadline.kind == DeadlineKind::AppealBy)
        };
        let clock = appeal_by(&review).expect("the school sets a limit");
        assert_eq!(
            (clock.due, clock.owner, clock.done),
            (date(2026, 11, 9), Role::Reviewee, false),
            "five working days after the statement came"
        );
        review.appeal = Some(common::appeal());
        assert!(appeal_by(&review).unwrap().done, "appealed");
        review.policy.appeal_within = None;
        assert!(appeal_by(&review).is_none(), "no limit, no clock");
    }

    #[test]
    fn when_the_headteacher_is_the_reviewer_the_governing_body_hears_the_appeal() {
        let (mut pat, _, _) = browsers();
        let pat_keys = school_year::headteacher();
        let mut held = reviews::review(&pat, SAM).unwrap().unwrap();
        held.summary.policy.appeals =
            appraise::domain::policy::AppealRoute::HeadteacherOrGoverningBody;
        held.summary.reviewer_keys = Some(pat_keys.public_keys());
        reviews::save_review(&mut pat, &held, now()).unwrap();
        write(
            &mut pat,
            SAM,
            "appeal_hearing",
            &[
                ("outcome", json!("upheld")),
                ("decided_on", json!("2026-11-25")),
            ],
        );
        assert_eq!(
            send(
                &mut pat,
                SAM,
                BundleKind::AppealOutcome,
                ("Pat Head", Role::Headteacher, &pat_keys)
            ),
            Err(RecordsError::GoverningBodyHears)
        );
    }

    #[test]
    fn a_pay_decision_is_refused_for_someone_not_eligible_and_until_it_has_its_reason_and_date() {
        let (mut pat, _, _) = browsers();
        let decision = |reason: &str| PayDecision {
            decision: Some(PayDecisionMade::Defer),
            reason: reason.into(),
            decided_on: Some(date(2026, 11, 27)),
        };
        let refused = |error| match error {
            Err(PayDecisionError::Refused(refused)) => refused,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            refused(record_pay_decision(
                &mut pat,
                LENA,
                &decision(""),
                "tab",
                now()
            )),
            PayDecisionRefused::NoReason
        );
        let mut held = reviews::review(&pat, LENA).unwrap().unwrap();
        held.summary.pay_eligible = false;
        reviews::save_review(&mut pat, &held, now()).unwrap();
        let refusal = refused(record_pay_decision(
            &mut pat,
            LENA,
            &decision("Support plan running."),
            "tab",
            now(),
        ));
        assert_eq!(
            refusal.to_string(),
            "Lena Ward is not eligible for pay progression this cycle, so there is no pay decision to record. If that is wrong, the reviewer corrects it on the review."
        );
        assert_eq!(
            reviews::document(&pat, LENA, "pay_decision").unwrap(),
            None,
            "nothing stored"
        );
        // As typed on the page: a day that is no day is refused before anything else.
        assert!(matches!(
            appraise::use_cases::leadership::decide_pay(
                &mut pat,
                "hill-review-01",
                Some(PayDecisionMade::Defer),
                "Support plan running.",
                "31/02/2026",
                now()
            ),
            Err(PayDecisionError::Date(_))
        ));

        record_pay_decision(
            &mut pat,
            "hill-review-01",
            &decision("Support plan running."),
            "tab",
            now(),
        )
        .unwrap();
        let review = reviews::load_review(&pat, "hill-review-01")
            .unwrap()
            .unwrap();
        assert!(review.pay_decision.as_ref().unwrap().is_made());
        assert!(
            held_deadlines(&pat, "hill-review-01")
                .iter()
                .any(|d| d.kind == DeadlineKind::PayDecision && d.done)
        );
    }

    #[test]
    fn the_reviewers_recommendations_are_accepted_in_one_go_with_exceptions_left_and_nothing_half_done()
     {
        use appraise::domain::pay::accepting_the_recommendation;
        use appraise::use_cases::leadership::{AcceptingError, Desk, accept_recommendations};
        let (mut pat, _, _) = browsers();
        let rows = Desk::default().rows(&pat, date(2026, 11, 30)).unwrap();
        // Sam Patel's (the appeal) is the exception, decided on its own.
        let chosen: Vec<String> = rows
            .iter()
            .filter(|row| row.reviewee != "Sam Patel")
            .map(|row| row.review.as_str().to_owned())
            .collect();
        let reason = "The reviewer’s recommendation, accepted.";

        // Refused as a whole: no date, or a date ahead. Nothing is recorded.
        for (day, refusal) in [
            ("", PayDecisionRefused::NoDate),
            (
                "01/12/2026",
                PayDecisionRefused::DateAhead {
                    decided_on: date(2026, 12, 1),
                },
            ),
        ] {
            assert_eq!(
                accept_recommendations(&mut pat, &rows, &chosen, reason, day, now()),
                Err(AcceptingError::Refused(refusal))
            );
        }
        assert_eq!(
            accept_recommendations(&mut pat, &rows, &[], reason, "30/11/2026", now()),
            Err(AcceptingError::NoneChosen)
        );
        let decided = |pat: &Vault<MemoryStore>| {
            reviews::reviews(pat)
                .unwrap()
                .iter()
                .filter(|held| {
                    reviews::load_review(pat, held.summary.id.as_str())
                        .unwrap()
                        .unwrap()
                        .pay_decision
                        .is_some_and(|decision| decision.is_made())
                })
                .count()
        };
        assert!(matches!(
            accept_recommendations(&mut pat, &rows, &chosen, reason, "31/11/2026", now()),
            Err(AcceptingError::Date(_))
        ));
        assert_eq!(decided(&pat), 0, "nothing half done");

        let accepted =
            accept_recommendations(&mut pat, &rows, &chosen, reason, "30/11/2026", now()).unwrap();
        assert_eq!(accepted.len(), REVIEWS - 1);
        assert_eq!(decided(&pat), REVIEWS - 1);
        let lena = &accepted
            .iter()
            .find(|done| done.reviewee.starts_with("Lena Ward"))
            .unwrap();
        assert_eq!(
            (
                lena.reviewee.as_str(),
                lena.reviewer.as_str(),
                lena.decision
            ),
            (
                "Lena Ward, Site officer",
                "Ana Cole",
                PayDecisionMade::Progress
            )
        );
        // Each decision is the recommendation: Jo's reviewee 12 was recommended not to progress.
        let rows = Desk::default().rows(&pat, date(2026, 11, 30)).unwrap();
        let twelve = rows
            .iter()
            .find(|row| row.review.as_str() == "hill-review-12")
            .unwrap();
        let made = twelve.pay.as_ref().and_then(|pay| pay.decided());
        assert_eq!(made, Some(PayDecisionMade::DoNotProgress));
        assert_eq!(
            accepting_the_recommendation(twelve),
            None,
            "already decided"
        );
        // Accepting again what is decided is refused, naming who.
        assert_eq!(
            accept_recommendations(&mut pat, &rows, &chosen[..1], reason, "30/11/2026", now())
                .unwrap_err()
                .to_string(),
            "Lena Ward, Site officer has no reviewer’s recommendation to accept: untick them and record their decision on its own below."
        );
    }

    #[test]
    fn the_governors_report_of_the_school_year_holds_no_name_id_or_fingerprint() {
        let (pat, _, _) = browsers();
        let held: Vec<_> = appraise::use_cases::held::readable(&pat, date(2026, 11, 30))
            .unwrap()
            .into_iter()
            .map(|held| (held.review, held.stage))
            .collect();
        assert_eq!(held.len(), REVIEWS);
        let csv = governors_report(&held, &SchoolCalendar::default()).csv();
        assert!(csv.contains("\"Reviews in the cycle\",\"30\""), "{csv}");
        let mut identifying: Vec<String> = Vec::new();
        for (review, _) in &held {
            for person in [&review.reviewee, &review.reviewer] {
                identifying.extend([
                    person.name.clone(),
                    person.staff_id.as_str().to_owned(),
                    person.job_title.clone(),
                ]);
            }
            identifying.push(review.id.as_str().to_owned());
        }
        let mut keys = vec![school_year::headteacher()];
        keys.extend((0..3).map(|n| school_year::reviewer(n).2));
        keys.extend((0..REVIEWS).map(school_year::reviewee));
        for keys in keys {
            let public = keys.public_keys();
            identifying.extend([public.fingerprint(), public.key_id()]);
        }
        identifying.extend(["Pat Head".to_owned(), "Hill Academy".to_owned()]);
        for word in identifying.iter().filter(|word| !word.is_empty()) {
            assert!(!csv.contains(word.as_str()), "the report holds {word}");
        }
    }
}
