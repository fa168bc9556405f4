//! The governors' annual report: anonymised counts of review outcomes and training needs by
//! theme (seed 004, 9.1: "no information which would enable any individual to be identified").
//!
//! Any group of fewer than five people is shown as "fewer than 5". Where only one group in a
//! breakdown would be hidden, the next smallest is hidden too, so a hidden count can never be
//! worked out by subtracting the others from the total.

use std::collections::BTreeMap;
use std::fmt;

use super::cycle::{Review, Stage, Suspension};
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
    pub by_pay_recommendation: Vec<(&'static str, Count)>,
    pub training_needs_by_theme: Vec<(&'static str, Count)>,
}

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

/// The anonymised report for the given reviews (usually one cycle's).
pub fn governors_report(reviews: &[Review]) -> GovernorsReport {
    let outcomes = count_by(reviews.iter().map(ReviewOutcome::of));
    let pay = count_by(
        reviews
            .iter()
            .filter_map(|review| review.statement.as_ref()?.pay_recommendation)
            .map(|recommendation| recommendation.label()),
    );
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
        by_pay_recommendation: suppress(
            [
                PayRecommendation::Progress,
                PayRecommendation::DoNotProgress,
                PayRecommendation::Honorarium,
            ]
            .iter()
            .map(|r| (r.label(), pay.get(r.label()).copied().unwrap_or(0)))
            .filter(|(_, n)| *n > 0)
            .collect(),
        ),
        training_needs_by_theme: suppress(
            CpdTheme::ALL
                .iter()
                .filter_map(|theme| Some((theme.label(), *themes.get(theme)?)))
                .collect(),
        ),
    }
}
