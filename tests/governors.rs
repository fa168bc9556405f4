//! The governors' report identifies nobody: small groups are hidden, and so is one more where a
//! single hidden group could be worked out from the total.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use appraise::domain::cycle::{CycleEvent, Review};
use appraise::domain::documents::{CpdNeed, CpdTheme, PayRecommendation, Statement};
use appraise::domain::governors::{Count, governors_report};
use common::{date, id};

fn completed(n: usize, pay: PayRecommendation, themes: &[CpdTheme]) -> Review {
    let mut review = common::review("academy-procedure", "Support staff", date(2026, 10, 1));
    review.id = id(&format!("review-{n}"));
    for event in [
        CycleEvent::MeetingHeld,
        CycleEvent::StatementDrafted,
        CycleEvent::StatementSentToReviewee,
        CycleEvent::SignedByBoth,
    ] {
        review.record(event, date(2026, 11, 2)).unwrap();
    }
    review.statement = Some(Statement {
        pay_recommendation: Some(pay),
        ..common::statement()
    });
    let mut needs = common::cpd_needs();
    needs.needs = themes
        .iter()
        .enumerate()
        .map(|(i, theme)| CpdNeed {
            id: id(&format!("need-{i}")),
            need: "x".into(),
            action: "y".into(),
            theme: *theme,
        })
        .collect();
    review.cpd_needs = Some(needs);
    review
}

#[test]
fn counts_by_outcome_pay_and_training_theme_with_small_groups_hidden() {
    let mut reviews: Vec<Review> = (0..7)
        .map(|n| {
            completed(
                n,
                PayRecommendation::Progress,
                &[CpdTheme::Safeguarding, CpdTheme::DigitalSkills],
            )
        })
        .collect();
    reviews.push(completed(
        7,
        PayRecommendation::DoNotProgress,
        &[CpdTheme::Safeguarding],
    ));
    let mut appealed = completed(8, PayRecommendation::Progress, &[CpdTheme::Wellbeing]);
    appealed
        .record(CycleEvent::AppealLodged, date(2026, 11, 5))
        .unwrap();
    reviews.push(appealed);
    for n in 9..15 {
        let mut in_progress =
            common::review("academy-procedure", "Support staff", date(2026, 10, 1));
        in_progress.id = id(&format!("review-{n}"));
        reviews.push(in_progress);
    }

    let report = governors_report(&reviews);
    assert_eq!(report.reviews, Count::Shown(15));
    assert_eq!(
        report.by_outcome,
        vec![
            ("Completed and signed", Count::Shown(8)),
            ("Under appeal", Count::FewerThanFive),
            // Hidden too, so the appeal count cannot be worked out as 15 − 8 − 6.
            ("Still in progress", Count::FewerThanFive),
        ]
    );
    // One "do not progress" is hidden, and the other row with it, or 8 − 7 would reveal it.
    assert_eq!(
        report.by_pay_recommendation,
        vec![
            ("Recommend pay progression", Count::FewerThanFive),
            ("Do not recommend pay progression", Count::FewerThanFive),
        ]
    );
    assert_eq!(
        report.training_needs_by_theme,
        vec![
            ("Safeguarding", Count::Shown(8)),
            ("Digital skills", Count::FewerThanFive),
            ("Wellbeing", Count::FewerThanFive),
        ]
    );
    assert_eq!(Count::FewerThanFive.to_string(), "fewer than 5");
}

#[test]
fn a_very_small_school_shows_no_numbers_that_identify_anyone() {
    let reviews: Vec<Review> = (0..3)
        .map(|n| completed(n, PayRecommendation::Progress, &[CpdTheme::Other]))
        .collect();
    let report = governors_report(&reviews);
    assert_eq!(report.reviews, Count::FewerThanFive);
    assert!(
        report
            .by_outcome
            .iter()
            .all(|(_, count)| *count == Count::FewerThanFive)
    );
    assert!(governors_report(&[]).by_outcome.is_empty());
}
