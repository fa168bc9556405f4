//! The governors' annual report: anonymised counts of review outcomes, statements on time, pay
//! recommendations (overall and by staff group) and training needs by theme (seed 004, 9.1: "no
//! information which would enable any individual to be identified"), and the report as CSV.
//!
//! Any group of fewer than five people is shown as "fewer than 5". Where only one group in a
//! breakdown would be hidden, the next smallest is hidden too, so a hidden count can never be
//! worked out by subtracting the others from the total; in the table of pay by staff group the
//! same holds down each column, whose total the overall pay breakdown shows. The report holds
//! labels and counts only: no name, id, job title or anything a person wrote.

use std::collections::BTreeMap;
use std::fmt;

use super::calendar::SchoolCalendar;
use super::cycle::{Review, Stage, Suspension};
use super::deadlines::{DeadlineKind, deadlines};
use super::documents::{CpdTheme, PayRecommendation};

/// The smallest group shown as a number.
pub const SMALLEST_GROUP_SHOWN: u32 = 5;

/// A count as the report shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Shown(u32),
    FewerThanFive,
}

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Count::Shown(n) => write!(f, "{n}"),
            Count::FewerThanFive => write!(f, "fewer than {SMALLEST_GROUP_SHOWN}"),
        }
    }
}

/// Where a review ended up, for counting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ReviewOutcome {
    Completed,
    Appealed,
    SupportPlan,
    CapabilityProcedure,
    InProgress,
}

impl ReviewOutcome {
    pub fn label(self) -> &'static str {
        match self {
            ReviewOutcome::Completed => "Completed and signed",
            ReviewOutcome::Appealed => "Under appeal",
            ReviewOutcome::SupportPlan => "Support plan in place",
            ReviewOutcome::CapabilityProcedure => "Formal capability procedure",
            ReviewOutcome::InProgress => "Still in progress",
        }
    }

    fn of(review: &Review) -> ReviewOutcome {
        match (review.state.suspension, review.state.stage) {
            (Some(Suspension::Capability), _) => ReviewOutcome::CapabilityProcedure,
            (Some(Suspension::SupportPlan), _) => ReviewOutcome::SupportPlan,
            (None, Stage::Appealed) => ReviewOutcome::Appealed,
            (None, Stage::SignedByBoth | Stage::Final) => ReviewOutcome::Completed,
            (None, _) => ReviewOutcome::InProgress,
        }
    }
}

/// The report: each breakdown is a list of (label, count) rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GovernorsReport {
    pub reviews: Count,
    pub by_outcome: Vec<(&'static str, Count)>,
    /// Of the completed reviews, whose statement reached the headteacher by the policy's date.
    pub on_time: Vec<(&'static str, Count)>,
    pub by_pay_recommendation: Vec<(&'static str, Count)>,
    /// Staff group → its pay recommendations, in the order of `PAY_ROWS`.
    pub pay_by_staff_group: Vec<(String, Vec<(&'static str, Count)>)>,
    pub training_needs_by_theme: Vec<(&'static str, Count)>,
}

/// The pay recommendations counted, in the report's order.
const PAY_ROWS: [PayRecommendation; 3] = [
    PayRecommendation::Progress,
    PayRecommendation::DoNotProgress,
    PayRecommendation::Honorarium,
];

/// Hides small groups, and one more when exactly one would be hidden.
fn suppress(rows: Vec<(&'static str, u32)>) -> Vec<(&'static str, Count)> {
    let small = |n: u32| n > 0 && n < SMALLEST_GROUP_SHOWN;
    let mut hidden: Vec<bool> = rows.iter().map(|(_, n)| small(*n)).collect();
    if hidden.iter().filter(|h| **h).count() == 1 {
        let next_smallest = rows
            .iter()
            .enumerate()
            .filter(|(i, (_, n))| !hidden[*i] && *n > 0)
            .min_by_key(|(_, (_, n))| *n)
            .map(|(i, _)| i);
        if let Some(i) = next_smallest {
            hidden[i] = true;
        }
    }
    rows.into_iter()
        .zip(hidden)
        .map(|((label, n), hide)| {
            (
                label,
                if hide {
                    Count::FewerThanFive
                } else {
                    Count::Shown(n)
                },
            )
        })
        .collect()
}

fn count_by<K: Ord>(keys: impl Iterator<Item = K>) -> BTreeMap<K, u32> {
    let mut counts = BTreeMap::new();
    for key in keys {
        *counts.entry(key).or_insert(0) += 1;
    }
    counts
}

/// Whether the completed review's statement reached the headteacher by the policy's date.
fn sent_on_time(review: &Review, calendar: &SchoolCalendar) -> bool {
    let sent = review.dates.sent_to_headteacher_on;
    deadlines(review, calendar)
        .iter()
        .find(|deadline| deadline.kind == DeadlineKind::StatementToHeadteacher)
        .zip(sent)
        .is_some_and(|(deadline, sent)| sent <= deadline.due)
}

/// Hides, down each column of `table` (rows of counts in the same order), one more cell where
/// exactly one is hidden, since the column's total is shown elsewhere; until nothing changes.
fn suppress_columns(table: &mut [Vec<(&'static str, Count, u32)>]) {
    let columns = table.first().map_or(0, Vec::len);
    loop {
        let mut changed = false;
        for column in 0..columns {
            let hidden = table
                .iter()
                .filter(|row| row[column].1 == Count::FewerThanFive)
                .count();
            if hidden != 1 {
                continue;
            }
            let next_smallest = table
                .iter_mut()
                .filter(|row| matches!(row[column].1, Count::Shown(n) if n > 0))
                .min_by_key(|row| row[column].2);
            if let Some(row) = next_smallest {
                row[column].1 = Count::FewerThanFive;
                changed = true;
            }
        }
        if !changed {
            return;
        }
    }
}

/// The anonymised report for the given reviews (usually one cycle's), each at the stage worked
/// out from what is held, with the school's calendar for the policy's dates.
pub fn governors_report(reviews: &[Review], calendar: &SchoolCalendar) -> GovernorsReport {
    let outcomes = count_by(reviews.iter().map(ReviewOutcome::of));
    let pay = count_by(
        reviews
            .iter()
            .filter_map(|review| review.statement.as_ref()?.pay_recommendation)
            .map(|recommendation| recommendation.label()),
    );
    let completed: Vec<&Review> = reviews
        .iter()
        .filter(|review| ReviewOutcome::of(review) == ReviewOutcome::Completed)
        .collect();
    let on_time = completed
        .iter()
        .filter(|review| sent_on_time(review, calendar))
        .count();
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let by_group = count_by(reviews.iter().filter_map(|review| {
        let recommendation = review.statement.as_ref()?.pay_recommendation?;
        Some((review.staff_group.clone(), recommendation.label()))
    }));
    let groups: std::collections::BTreeSet<&String> = by_group.keys().map(|(g, _)| g).collect();
    let mut pay_table: Vec<Vec<(&'static str, Count, u32)>> = groups
        .iter()
        .map(|group| {
            let counts: Vec<(&'static str, u32)> = PAY_ROWS
                .iter()
                .map(|r| {
                    let n = by_group.get(&((*group).clone(), r.label())).copied();
                    (r.label(), n.unwrap_or(0))
                })
                .collect();
            suppress(counts.clone())
                .into_iter()
                .zip(counts)
                .map(|((label, shown), (_, n))| (label, shown, n))
                .collect()
        })
        .collect();
    suppress_columns(&mut pay_table);
    let themes = count_by(
        reviews
            .iter()
            .filter_map(|review| review.cpd_needs.as_ref())
            .flat_map(|needs| needs.needs.iter().map(|need| need.theme)),
    );
    let total = u32::try_from(reviews.len()).unwrap_or(u32::MAX);
    GovernorsReport {
        reviews: if total > 0 && total < SMALLEST_GROUP_SHOWN {
            Count::FewerThanFive
        } else {
            Count::Shown(total)
        },
        by_outcome: suppress(
            outcomes
                .into_iter()
                .map(|(outcome, n)| (outcome.label(), n))
                .collect(),
        ),
        on_time: if completed.is_empty() {
            Vec::new()
        } else {
            suppress(vec![
                ("Statement with the headteacher on time", count(on_time)),
                (
                    "Statement with the headteacher late",
                    count(completed.len() - on_time),
                ),
            ])
        },
        by_pay_recommendation: suppress(
            PAY_ROWS
                .iter()
                .map(|r| (r.label(), pay.get(r.label()).copied().unwrap_or(0)))
                .filter(|(_, n)| *n > 0)
                .collect(),
        ),
        pay_by_staff_group: groups
            .into_iter()
            .cloned()
            .zip(pay_table)
            .map(|(group, row)| {
                let shown = row
                    .into_iter()
                    .filter(|(_, _, n)| *n > 0)
                    .map(|(label, shown, _)| (label, shown))
                    .collect();
                (group, shown)
            })
            .collect(),
        training_needs_by_theme: suppress(
            CpdTheme::ALL
                .iter()
                .filter_map(|theme| Some((theme.label(), *themes.get(theme)?)))
                .collect(),
        ),
    }
}

impl GovernorsReport {
    /// Each part of the report with its heading, as the printout and the CSV lay it out.
    pub fn sections(&self) -> Vec<(String, Vec<(&'static str, Count)>)> {
        let mut sections = vec![
            (
                "Reviews".to_owned(),
                vec![("Reviews in the cycle", self.reviews)],
            ),
            ("Where reviews stand".to_owned(), self.by_outcome.clone()),
            ("Completed reviews".to_owned(), self.on_time.clone()),
            (
                "Pay recommendations".to_owned(),
                self.by_pay_recommendation.clone(),
            ),
        ];
        for (group, rows) in &self.pay_by_staff_group {
            sections.push((format!("Pay recommendations: {group}"), rows.clone()));
        }
        sections.push((
            "Training needs by theme".to_owned(),
            self.training_needs_by_theme.clone(),
        ));
        sections.retain(|(_, rows)| !rows.is_empty());
        sections
    }

    /// The report as CSV, a row per count: part, what is counted, count.
    pub fn csv(&self) -> String {
        let counts: Vec<(String, &'static str, String)> = self
            .sections()
            .into_iter()
            .flat_map(|(section, rows)| {
                rows.into_iter()
                    .map(move |(label, count)| (section.clone(), label, count.to_string()))
            })
            .collect();
        let mut rows = vec![vec!["Part", "Counted", "Count"]];
        rows.extend(
            counts
                .iter()
                .map(|(section, label, count)| vec![section.as_str(), *label, count.as_str()]),
        );
        super::csv::csv(&rows)
    }
}
