//! The headteacher's desk and moderation: a row per review with its stage, timeliness,
//! objectives and signing; filters and sorts; rows kept between storage changes and worked out
//! again only for the review a write touched; each reviewer's pattern beside the school's, with
//! the reviewers who stand out flagged and why.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use appraise::domain::calendar::SchoolCalendar;
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
    let row = DeskRow::of(&review, BOTH, &calendar, date(2026, 11, 1));
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
    let due = DeskRow::of(&review, BOTH, &calendar, date(2026, 11, 1))
        .due
        .expect("the local authority model sets a date");
    let on = |sent, today| {
        let mut review = review.clone();
        review.dates.sent_to_headteacher_on = sent;
        DeskRow::of(&review, BOTH, &calendar, today).timeliness
    };
    assert_eq!(on(Some(due), due), Timeliness::OnTime);
    assert_eq!(on(due.succ_opt(), date(2027, 1, 1)), Timeliness::Late);
    assert_eq!(on(None, due), Timeliness::NotYetDue);
    assert_eq!(on(None, due.succ_opt().unwrap()), Timeliness::Overdue);

    let unsigned = DeskRow::of(&review, StatementSigned::default(), &calendar, due);
    assert!(!unsigned.signed_as_it_is);
    assert!(unsigned.needs_attention());
}

fn row(n: usize, reviewer: &str, ratings: [u32; 4], objectives: usize) -> DeskRow {
    let mut review = common::review_with_statement();
    review.id = id(&format!("review-{n}"));
    review.reviewee.name = format!("Reviewee {n:02}");
    review.reviewer.name = reviewer.into();
    review.reviewer.staff_id = id(&reviewer.to_lowercase().replace(' ', "-"));
    let mut row = DeskRow::of(&review, BOTH, &SchoolCalendar::default(), date(2026, 11, 1));
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

    let rows = Desk::default().rows(&pat, date(2026, 11, 30)).unwrap();
    assert_eq!(rows.len(), REVIEWS);
    let late = rows
        .iter()
        .filter(|row| row.timeliness == Timeliness::Late)
        .count();
    assert_eq!(late, 10, "Kit's ten reached Pat late");
    let flagged: Vec<String> = moderation(&rows)
        .reviewers
        .into_iter()
        .filter(|reviewer| !reviewer.flags.is_empty())
        .map(|reviewer| reviewer.reviewer)
        .collect();
    assert_eq!(flagged, ["Ana Cole"]);

    let dir =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/leadership");
    for (name, vault) in [
        ("headteacher", &mut pat),
        ("reviewer", &mut ana),
        ("appellant", &mut sam),
    ] {
        let path = dir.join(format!("{name}-backup.json"));
        let made = backup_of(vault);
        if std::env::var_os("UPDATE_FIXTURES").is_some() {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &made).unwrap();
        }
        let held = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("missing {}: run with UPDATE_FIXTURES=1", path.display()));
        assert_eq!(
            made, held,
            "{name}'s backup changed: run with UPDATE_FIXTURES=1 and review"
        );
    }
}
