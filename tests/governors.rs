//! The governors' report identifies nobody: small groups are hidden, and so is one more where a
//! single hidden group could be worked out from the total.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use appraise::domain::calendar::SchoolCalendar;
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

    let report = governors_report(&reviews, &SchoolCalendar::default());
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
    let report = governors_report(&reviews, &SchoolCalendar::default());
    assert_eq!(report.reviews, Count::FewerThanFive);
    assert!(
        report
            .by_outcome
            .iter()
            .all(|(_, count)| *count == Count::FewerThanFive)
    );
    assert!(
        governors_report(&[], &SchoolCalendar::default())
            .by_outcome
            .is_empty()
    );
}

#[test]
fn pay_by_staff_group_hides_small_groups_down_each_column_and_on_time_is_counted() {
    // Teachers: 6 progress, 1 do not; support staff: 5 progress, 6 do not.
    let mut reviews = Vec::new();
    let mut n = 0;
    for (group, pay, count) in [
        ("Teachers", PayRecommendation::Progress, 6),
        ("Teachers", PayRecommendation::DoNotProgress, 1),
        ("Support staff", PayRecommendation::Progress, 5),
        ("Support staff", PayRecommendation::DoNotProgress, 6),
    ] {
        for _ in 0..count {
            let mut review = completed(n, pay, &[]);
            review.staff_group = group.into();
            // Sent to the headteacher the day after the meeting: on time.
            review.dates.sent_to_headteacher_on = Some(date(2026, 11, 3));
            reviews.push(review);
            n += 1;
        }
    }
    reviews[0].dates.sent_to_headteacher_on = Some(date(2027, 3, 1));
    let report = governors_report(&reviews, &SchoolCalendar::default());
    let teachers = &report
        .pay_by_staff_group
        .iter()
        .find(|(group, _)| group == "Teachers")
        .unwrap()
        .1;
    let support = &report
        .pay_by_staff_group
        .iter()
        .find(|(group, _)| group == "Support staff")
        .unwrap()
        .1;
    // The teachers' single "do not" is hidden, and their "progress" with it (6 + 1 known from
    // the column); the support staff's "do not" too, or 7 − 6 would give the teachers' away, and
    // then their "progress", so that row cannot be worked out either.
    assert_eq!(
        teachers,
        &vec![
            ("Recommend pay progression", Count::FewerThanFive),
            ("Do not recommend pay progression", Count::FewerThanFive),
        ]
    );
    assert!(
        support.iter().any(
            |(label, count)| *label == "Do not recommend pay progression"
                && *count == Count::FewerThanFive
        ),
        "{support:?}"
    );
    assert_eq!(
        report.on_time,
        vec![
            (
                "Statement with the headteacher on time",
                Count::FewerThanFive
            ),
            ("Statement with the headteacher late", Count::FewerThanFive),
        ],
        "one late review is hidden, and the on-time count with it"
    );
}

#[test]
fn the_report_and_its_csv_hold_no_name_id_or_written_words() {
    let reviews: Vec<Review> = (0..12)
        .map(|n| completed(n, PayRecommendation::Progress, &[CpdTheme::Safeguarding]))
        .collect();
    let report = governors_report(&reviews, &SchoolCalendar::default());
    let csv = report.csv();
    assert!(csv.starts_with('\u{feff}'));
    assert!(
        csv.contains("\"Where reviews stand\",\"Completed and signed\",\"12\""),
        "{csv}"
    );
    let review = &reviews[0];
    let statement = review.statement.as_ref().unwrap();
    let mut identifying: Vec<String> = vec![
        review.reviewee.name.clone(),
        review.reviewee.staff_id.to_string(),
        review.reviewee.job_title.clone(),
        review.reviewer.name.clone(),
        review.reviewer.staff_id.to_string(),
        review.reviewer.job_title.clone(),
        statement.assessment.clone(),
        common::jo().public_keys().key_id(),
        common::sam().public_keys().key_id(),
    ];
    identifying.extend(reviews.iter().map(|review| review.id.to_string()));
    identifying.extend(statement.new_objectives.iter().map(|o| o.objective.clone()));
    let printed: String = report
        .sections()
        .iter()
        .map(|(heading, rows)| format!("{heading} {rows:?}"))
        .collect();
    for text in identifying.iter().filter(|text| !text.trim().is_empty()) {
        assert!(!csv.contains(text.as_str()), "the CSV holds {text}");
        assert!(!printed.contains(text.as_str()), "the report holds {text}");
    }
}
