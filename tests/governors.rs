//! The governors' report identifies nobody: small groups are hidden, and no hidden figure can be
//! worked out from the figures shown, by any adding and subtracting across the report's tables.
//! An attacker written here from the printed report alone tries every combination.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use appraise::domain::calendar::SchoolCalendar;
use appraise::domain::cycle::{Review, Stage, Suspension};
use appraise::domain::documents::{CpdNeed, CpdTheme, PayRecommendation, Statement};
use appraise::domain::governors::{Count, GovernorsReport, governors_report};
use common::{date, id};

/// Where a fixture's review stands.
#[derive(Clone, Copy)]
enum Standing {
    /// Completed, its final statement with the headteacher on time or late.
    Completed {
        on_time: bool,
    },
    Appealed,
    SupportPlan,
    InProgress,
}

fn review(
    n: usize,
    standing: Standing,
    group: &str,
    pay: Option<PayRecommendation>,
    themes: &[CpdTheme],
) -> (Review, Stage) {
    let mut review = common::review("academy-procedure", "Support staff", date(2026, 10, 1));
    review.id = id(&format!("review-{n}"));
    review.staff_group = group.into();
    review.dates.meeting_on = Some(date(2026, 11, 2));
    review.statement = Some(Statement {
        pay_recommendation: pay,
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
    let stage = match standing {
        Standing::Completed { on_time } => {
            let sent = if on_time {
                date(2026, 11, 3)
            } else {
                date(2027, 3, 1)
            };
            review.dates.sent_to_headteacher_on = Some(sent);
            Stage::Final
        }
        Standing::Appealed => Stage::Appealed,
        Standing::SupportPlan => {
            review.suspension = Some(Suspension::SupportPlan);
            Stage::SignedByBoth
        }
        Standing::InProgress => Stage::StatementDrafted,
    };
    (review, stage)
}

fn completed(n: usize, pay: PayRecommendation, themes: &[CpdTheme]) -> (Review, Stage) {
    review(
        n,
        Standing::Completed { on_time: true },
        "Support staff",
        Some(pay),
        themes,
    )
}

fn report(reviews: &[(Review, Stage)]) -> GovernorsReport {
    governors_report(reviews, &SchoolCalendar::default())
}

/// What someone reading the printed report knows: each figure's possible values, and the sums
/// the report's own headings tie together, as `Σ coefficient × figure = 0`.
struct Attacker {
    names: Vec<String>,
    ranges: Vec<(i64, i64)>,
    sums: Vec<Vec<(usize, i64)>>,
}

impl Attacker {
    fn reading(report: &GovernorsReport) -> Attacker {
        let mut attacker = Attacker {
            names: Vec::new(),
            ranges: Vec::new(),
            sums: Vec::new(),
        };
        let total = attacker.figure("Reviews in the cycle", report.reviews);
        let outcomes: Vec<usize> = report
            .by_outcome
            .iter()
            .map(|(label, count)| attacker.figure(label, *count))
            .collect();
        attacker.adds_up(total, &outcomes);
        let on_time: Vec<usize> = report
            .on_time
            .iter()
            .map(|(label, count)| attacker.figure(label, *count))
            .collect();
        if !on_time.is_empty() {
            let at = report
                .by_outcome
                .iter()
                .position(|(label, _)| *label == "Completed and signed")
                .expect("reviews on time or late are completed ones");
            attacker.adds_up(outcomes[at], &on_time);
        }
        for (label, count) in &report.by_pay_recommendation {
            let overall = attacker.figure(label, *count);
            let down: Vec<usize> = report
                .pay_by_staff_group
                .iter()
                .filter_map(|(group, row)| {
                    let (_, count) = row.iter().find(|(l, _)| l == label)?;
                    Some(attacker.figure(&format!("{group}: {label}"), *count))
                })
                .collect();
            attacker.adds_up(overall, &down);
        }
        attacker
    }

    fn figure(&mut self, name: &str, count: Count) -> usize {
        self.names.push(name.to_owned());
        self.ranges.push(match count {
            Count::Shown(n) => (i64::from(n), i64::from(n)),
            Count::FewerThanFive => (1, 4),
            // A row is printed only when it counts someone.
            Count::NotShown => (1, 500),
        });
        self.names.len() - 1
    }

    fn adds_up(&mut self, total: usize, parts: &[usize]) {
        let mut sum = vec![(total, 1)];
        sum.extend(parts.iter().map(|&part| (part, -1)));
        self.sums.push(sum);
    }

    /// Narrows every range by every sum until nothing changes; `false` if a sum cannot hold.
    fn narrow(&self, ranges: &mut [(i64, i64)]) -> bool {
        loop {
            let mut changed = false;
            for sum in &self.sums {
                for &(figure, sign) in sum {
                    // sign × figure = −Σ others.
                    let (mut low, mut high) = (0, 0);
                    for &(other, s) in sum.iter().filter(|(o, _)| *o != figure) {
                        let (lo, hi) = ranges[other];
                        low -= (s * lo).max(s * hi);
                        high -= (s * lo).min(s * hi);
                    }
                    let (from, to) = if sign > 0 { (low, high) } else { (-high, -low) };
                    let (lo, hi) = ranges[figure];
                    let narrowed = (lo.max(from), hi.min(to));
                    if narrowed.0 > narrowed.1 {
                        return false;
                    }
                    if narrowed != (lo, hi) {
                        ranges[figure] = narrowed;
                        changed = true;
                    }
                }
            }
            if !changed {
                return true;
            }
        }
    }

    /// Whether some whole set of figures fits every sum within `ranges`.
    fn fits(&self, mut ranges: Vec<(i64, i64)>) -> bool {
        if !self.narrow(&mut ranges) {
            return false;
        }
        let Some(open) = (0..ranges.len()).find(|&f| ranges[f].0 < ranges[f].1) else {
            return true;
        };
        let (lo, hi) = ranges[open];
        (lo..=hi).any(|value| {
            let mut tried = ranges.clone();
            tried[open] = (value, value);
            self.fits(tried)
        })
    }

    /// The hidden figures the report lets someone work out exactly, with the value.
    fn worked_out(&self, report_hides: &[bool]) -> Vec<(String, i64)> {
        let mut found = Vec::new();
        for figure in (0..self.ranges.len()).filter(|&f| report_hides[f]) {
            let mut ranges = self.ranges.clone();
            assert!(self.narrow(&mut ranges), "the report contradicts itself");
            let (lo, hi) = ranges[figure];
            let possible: Vec<i64> = (lo..=hi)
                .filter(|&value| {
                    let mut tried = self.ranges.clone();
                    tried[figure] = (value, value);
                    self.fits(tried)
                })
                .take(2)
                .collect();
            if possible.len() < 2 {
                found.push((self.names[figure].clone(), possible[0]));
            }
        }
        found
    }
}

/// Every hidden figure of the report, in the attacker's order.
fn hidden(report: &GovernorsReport) -> Vec<bool> {
    let mut counts = vec![report.reviews];
    counts.extend(report.by_outcome.iter().map(|(_, c)| *c));
    counts.extend(report.on_time.iter().map(|(_, c)| *c));
    for (label, count) in &report.by_pay_recommendation {
        counts.push(*count);
        counts.extend(
            report
                .pay_by_staff_group
                .iter()
                .filter_map(|(_, row)| row.iter().find(|(l, _)| l == label).map(|(_, c)| *c)),
        );
    }
    counts.into_iter().map(Count::is_hidden).collect()
}

/// A small school's year, the same each run: `seed` picks each review's standing, staff group and
/// pay recommendation.
fn school(seed: u64, size: usize) -> Vec<(Review, Stage)> {
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut next = |below: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % below
    };
    (0..size)
        .map(|n| {
            let standing = match next(10) {
                0 => Standing::Appealed,
                1 => Standing::SupportPlan,
                2 => Standing::InProgress,
                3 => Standing::Completed { on_time: false },
                _ => Standing::Completed { on_time: true },
            };
            let group = ["Teachers", "Support staff", "Leaders"][next(3) as usize];
            let pay = match next(6) {
                0 => None,
                1 => Some(PayRecommendation::DoNotProgress),
                2 => Some(PayRecommendation::Honorarium),
                _ => Some(PayRecommendation::Progress),
            };
            review(n, standing, group, pay, &[CpdTheme::Safeguarding])
        })
        .collect()
}

/// The school of the issue: 30 reviews, 29 completed (19 on time, 10 late), one appeal.
fn the_issues_school() -> Vec<(Review, Stage)> {
    (0..30)
        .map(|n| {
            let standing = match n {
                29 => Standing::Appealed,
                _ => Standing::Completed { on_time: n < 19 },
            };
            review(
                n,
                standing,
                "Support staff",
                Some(PayRecommendation::Progress),
                &[],
            )
        })
        .collect()
}

#[test]
fn no_hidden_figure_can_be_worked_out_by_differencing_across_the_tables() {
    let mut schools = vec![the_issues_school()];
    for seed in 0..200 {
        schools.push(school(seed, 6 + (seed as usize * 7) % 25));
    }
    for (n, reviews) in schools.iter().enumerate() {
        let report = report(reviews);
        let attacker = Attacker::reading(&report);
        let exposed = attacker.worked_out(&hidden(&report));
        assert!(
            exposed.is_empty(),
            "school {n}: {exposed:?} can be worked out from {report:#?}"
        );
    }
}

#[test]
fn fewer_than_five_is_said_only_of_small_groups_and_the_rest_hidden_are_not_shown() {
    // 29 completed and one appeal: the appeal is fewer than 5; the 29 are left out, never
    // called "fewer than 5".
    let report = report(&the_issues_school());
    let outcome = |label| {
        report
            .by_outcome
            .iter()
            .find(|(l, _)| *l == label)
            .unwrap()
            .1
    };
    assert_eq!(outcome("Under appeal"), Count::FewerThanFive);
    assert_ne!(outcome("Completed and signed"), Count::FewerThanFive);
    assert_eq!(
        report.reviews,
        Count::Shown(30),
        "the number of reviews is kept"
    );
    assert_eq!(
        report.by_pay_recommendation,
        vec![("Recommend pay progression", Count::Shown(30))]
    );
    // Across generated schools, "fewer than 5" is only ever said of a group of one to four: the
    // appeals, counted here from the fixtures, never more.
    for seed in 0..200 {
        let reviews = school(seed, 6 + (seed as usize * 7) % 25);
        let appeals = reviews
            .iter()
            .filter(|(review, stage)| *stage == Stage::Appealed && review.suspension.is_none())
            .count();
        let report = governors_report(&reviews, &SchoolCalendar::default());
        let shown = report
            .by_outcome
            .iter()
            .find(|(label, _)| *label == "Under appeal")
            .map(|(_, count)| *count);
        match shown {
            Some(Count::FewerThanFive) => assert!((1..5).contains(&appeals), "school {seed}"),
            Some(Count::Shown(n)) => assert_eq!(n as usize, appeals, "school {seed}"),
            Some(Count::NotShown) => assert!(appeals > 0, "school {seed}"),
            None => assert_eq!(appeals, 0, "school {seed}"),
        }
    }
    assert_eq!(Count::FewerThanFive.to_string(), "fewer than 5");
    assert_eq!(Count::NotShown.to_string(), "not shown");
}

#[test]
fn counts_by_outcome_pay_and_training_theme_with_small_groups_hidden() {
    let mut reviews: Vec<(Review, Stage)> = (0..7)
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
    reviews.push(review(
        8,
        Standing::Appealed,
        "Support staff",
        Some(PayRecommendation::Progress),
        &[CpdTheme::Wellbeing],
    ));
    for n in 9..15 {
        reviews.push(review(n, Standing::InProgress, "Support staff", None, &[]));
    }
    let report = report(&reviews);
    assert_eq!(report.reviews, Count::Shown(15));
    assert_eq!(
        report.by_outcome,
        vec![
            ("Completed and signed", Count::Shown(8)),
            ("Under appeal", Count::FewerThanFive),
            // Left out too, or the appeal would be 15 − 8 − 6.
            ("Still in progress", Count::NotShown),
        ]
    );
    assert_eq!(
        report.training_needs_by_theme,
        vec![
            ("Safeguarding", Count::Shown(8)),
            ("Digital skills", Count::Shown(7)),
            ("Wellbeing", Count::FewerThanFive),
        ]
    );
    let attacker = Attacker::reading(&report);
    assert_eq!(attacker.worked_out(&hidden(&report)), Vec::new());
}

#[test]
fn a_very_small_school_shows_no_numbers_that_identify_anyone() {
    let reviews: Vec<(Review, Stage)> = (0..3)
        .map(|n| completed(n, PayRecommendation::Progress, &[CpdTheme::Other]))
        .collect();
    let report = report(&reviews);
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
            reviews.push(review(
                n,
                Standing::Completed { on_time: n != 0 },
                group,
                Some(pay),
                &[],
            ));
            n += 1;
        }
    }
    let report = report(&reviews);
    let teachers = &report
        .pay_by_staff_group
        .iter()
        .find(|(group, _)| group == "Teachers")
        .unwrap()
        .1;
    assert!(
        teachers.iter().any(
            |(label, count)| *label == "Do not recommend pay progression"
                && *count == Count::FewerThanFive
        ),
        "{teachers:?}"
    );
    assert!(
        report.on_time.iter().any(
            |(label, count)| *label == "Statement with the headteacher late"
                && *count == Count::FewerThanFive
        ),
        "one late review is hidden: {:?}",
        report.on_time
    );
    let attacker = Attacker::reading(&report);
    assert_eq!(attacker.worked_out(&hidden(&report)), Vec::new());
}

#[test]
fn the_report_and_its_csv_hold_no_name_id_or_written_words() {
    let reviews: Vec<(Review, Stage)> = (0..12)
        .map(|n| completed(n, PayRecommendation::Progress, &[CpdTheme::Safeguarding]))
        .collect();
    let report = report(&reviews);
    let csv = report.csv();
    assert!(csv.starts_with('\u{feff}'));
    assert!(
        csv.contains("\"Where reviews stand\",\"Completed and signed\",\"12\""),
        "{csv}"
    );
    let (review, _) = &reviews[0];
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
    identifying.extend(reviews.iter().map(|(review, _)| review.id.to_string()));
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
