//! The headteacher's to-do list on Home: each concern counted from the desk's rows as the page it
//! links to counts them, what is past its date first, the words in the address that narrow each
//! page, and the list worked out from a school year held on Pat's device.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use appraise::domain::calendar::SchoolCalendar;
use appraise::domain::cycle::{Stage, Suspension};
use appraise::domain::desk::{AppealStanding, DeskRow, PayStanding, Timeliness};
use appraise::domain::documents::{ModerationNote, PayDecision, PayDecisionMade};
use appraise::domain::progress::StatementSigned;
use appraise::domain::to_do::{Beyond, Concern, heads_to_do};
use appraise::storage::{MemoryStore, Vault};
use appraise::use_cases::{agenda, held};
use common::{date, id};

fn row(n: usize) -> DeskRow {
    let mut review = common::review_with_statement();
    review.id = id(&format!("review-{n}"));
    review.reviewee.name = format!("Reviewee {n:02}");
    let mut row = DeskRow::of(
        &review,
        Stage::SignedByBoth,
        StatementSigned {
            by_reviewer: true,
            by_reviewee: true,
        },
        &SchoolCalendar::default(),
        date(2026, 11, 1),
    );
    row.timeliness = Timeliness::OnTime;
    row
}

fn pay(due: Option<chrono::NaiveDate>, decided: bool) -> Option<PayStanding> {
    Some(PayStanding {
        due,
        decision: decided.then(|| PayDecision {
            decision: Some(PayDecisionMade::Progress),
            reason: "Objectives met.".into(),
            decided_on: Some(date(2026, 11, 20)),
        }),
        recommended_by: None,
        offered: PayDecisionMade::offered(false),
    })
}

#[test]
fn every_concern_is_named_in_the_address_by_one_word_read_back_the_same() {
    for concern in Concern::ALL {
        assert_eq!(Concern::from_word(concern.word()), Some(concern));
        assert!(!concern.narrowed_to().is_empty());
    }
    assert_eq!(Concern::from_word("everything"), None);
}

#[test]
fn each_line_counts_what_its_page_shows_with_what_is_past_its_date_first() {
    let today = date(2026, 12, 7);
    let mut rows: Vec<DeskRow> = (0..8).map(row).collect();
    rows[0].timeliness = Timeliness::Late;
    rows[1].timeliness = Timeliness::Overdue;
    rows[2].appeal = Some(AppealStanding {
        lodged_on: Some(date(2026, 11, 2)),
        due: Some(date(2026, 11, 23)),
        outcome: None,
    });
    rows[3].appeal = Some(AppealStanding {
        lodged_on: Some(date(2026, 11, 30)),
        due: Some(date(2026, 12, 21)),
        outcome: None,
    });
    rows[4].pay = pay(Some(date(2026, 12, 31)), false);
    rows[5].pay = pay(Some(date(2026, 12, 31)), true);
    rows[6].moderation_note = Some(ModerationNote {
        note: "Five objectives: is that fair?".into(),
        sent_on: Some(date(2026, 12, 1)),
        ..ModerationNote::default()
    });
    rows[7].suspension = Some(Suspension::SupportPlan);

    let lines = heads_to_do(
        &rows,
        Beyond {
            not_started: 2,
            past_retention: 0,
        },
        today,
    );
    let said: Vec<(Concern, usize, usize, &str)> = lines
        .iter()
        .map(|line| {
            (
                line.concern,
                line.count,
                line.overdue,
                line.sentence.as_str(),
            )
        })
        .collect();
    assert_eq!(
        said,
        [
            (
                Concern::AppealsToDecide,
                2,
                1,
                "2 appeals to decide, 1 past the school’s time limit (the first was due 23/11/2026)"
            ),
            (
                Concern::LateStatements,
                2,
                1,
                "2 final statements late: 1 not yet with you, 1 reached you after the policy’s date"
            ),
            (
                Concern::PayDecisionsLeft,
                1,
                0,
                "1 pay decision to make by the policy’s date, 31/12/2026"
            ),
            (
                Concern::NotesUnanswered,
                1,
                0,
                "1 moderation note not answered yet by the reviewer"
            ),
            (
                Concern::NotStarted,
                2,
                0,
                "2 reviews on the staff list not on your desk yet"
            ),
            (Concern::SupportPlans, 1, 0, "1 support plan running"),
        ]
    );
    for line in &lines {
        if matches!(line.concern, Concern::NotStarted) {
            continue;
        }
        let counted = rows.iter().filter(|row| line.concern.counts(row)).count();
        assert_eq!(
            counted, line.count,
            "{:?} counts as its page does",
            line.concern
        );
    }
}

#[test]
fn nothing_is_listed_when_nothing_needs_the_headteacher() {
    let rows: Vec<DeskRow> = (0..3).map(row).collect();
    assert!(heads_to_do(&rows, Beyond::default(), date(2026, 12, 7)).is_empty());
}

#[test]
fn a_school_year_on_pats_device_lists_the_appeal_kits_late_statements_pay_and_ana() {
    use common::school_year;
    let fresh = || Vault::open(MemoryStore::new(), Box::new(common::Counter(0)), "hill").unwrap();
    let mut pat = fresh();
    school_year::headteachers(&mut pat);
    let today = date(2026, 12, 7);
    let held = held::readable(&pat, today).unwrap();
    let lines = agenda::headteachers_to_do(&pat, &held, today).expect("Pat is the headteacher");
    let sentences: Vec<&str> = lines.iter().map(|line| line.sentence.as_str()).collect();
    assert_eq!(
        sentences,
        [
            "1 appeal to decide, 1 past the school’s time limit (the first was due 01/12/2026)",
            "10 final statements reached you after the policy’s date",
            "30 pay decisions to make by the policy’s date, 31/12/2026",
            "1 reviewer stands out in moderation: Ana Cole",
        ]
    );

    let mut ana = fresh();
    school_year::reviewers(&mut ana, &school_year::headteachers(&mut fresh()));
    let anas = held::readable(&ana, today).unwrap();
    assert_eq!(agenda::headteachers_to_do(&ana, &anas, today), None);
}
