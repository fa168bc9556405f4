//! The governors' annual report: anonymised counts of review outcomes, statements on time, pay
//! recommendations (overall and by staff group) and training needs by theme (seed 004, 9.1: "no
//! information which would enable any individual to be identified"), and the report as CSV.
//!
//! Any group of fewer than five people is shown as "fewer than 5". Figures of the report are tied
//! together (the reviews are the sum of where they stand; the completed ones are those on time
//! and late; each pay recommendation is the sum of it down the staff groups), so a hidden figure
//! could be worked out from shown ones by adding and subtracting, across tables too. Wherever one
//! could, one more figure is left out ("not shown"), the smallest that stops it, until none can
//! be. The report holds labels and counts only: no name, id, job title or anything a person wrote.

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
    /// A group of one to four people.
    FewerThanFive,
    /// Left out because, with the figures shown, it would let a small group be worked out.
    NotShown,
}

impl Count {
    pub fn is_hidden(self) -> bool {
        !matches!(self, Count::Shown(_))
    }
}

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Count::Shown(n) => write!(f, "{n}"),
            Count::FewerThanFive => write!(f, "fewer than {SMALLEST_GROUP_SHOWN}"),
            Count::NotShown => write!(f, "not shown"),
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
    const ALL: [ReviewOutcome; 5] = [
        ReviewOutcome::Completed,
        ReviewOutcome::Appealed,
        ReviewOutcome::SupportPlan,
        ReviewOutcome::CapabilityProcedure,
        ReviewOutcome::InProgress,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ReviewOutcome::Completed => "Completed and signed",
            ReviewOutcome::Appealed => "Under appeal",
            ReviewOutcome::SupportPlan => "Support plan in place",
            ReviewOutcome::CapabilityProcedure => "Formal capability procedure",
            ReviewOutcome::InProgress => "Still in progress",
        }
    }

    fn of(review: &Review, stage: Stage) -> ReviewOutcome {
        match (review.suspension, stage) {
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

fn count_by<K: Ord>(keys: impl Iterator<Item = K>) -> BTreeMap<K, u32> {
    let mut counts = BTreeMap::new();
    for key in keys {
        *counts.entry(key).or_insert(0) += 1;
    }
    counts
}

/// Whether the completed review's statement reached the headteacher by the policy's date.
fn sent_on_time(review: &Review, stage: Stage, calendar: &SchoolCalendar) -> bool {
    let sent = review.dates.sent_to_headteacher_on;
    deadlines(review, stage, calendar)
        .iter()
        .find(|deadline| deadline.kind == DeadlineKind::StatementToHeadteacher)
        .zip(sent)
        .is_some_and(|(deadline, sent)| sent <= deadline.due)
}

/// The figures of a report, each a count of one row, and how they add up: a total is the sum of
/// its parts. A row counted as zero is left out of the report, and so out of every sum.
#[derive(Debug, Default)]
struct Figures {
    values: Vec<u32>,
    sums: Vec<(usize, Vec<usize>)>,
    /// The figure governors look for first (the reviews in the cycle): left out only when
    /// nothing else will do.
    headline: Option<usize>,
}

impl Figures {
    /// Adds a figure and returns where it is, or `None` for a zero (a row left out).
    fn add(&mut self, value: u32) -> Option<usize> {
        (value > 0).then(|| {
            self.values.push(value);
            self.values.len() - 1
        })
    }

    /// Records that `total` is the sum of `parts` (those of them shown at all).
    fn adds_up(&mut self, total: Option<usize>, parts: &[Option<usize>]) {
        if let Some(total) = total {
            self.sums
                .push((total, parts.iter().flatten().copied().collect()));
        }
    }

    /// How each figure is shown: groups of fewer than five hidden, then one more figure left out
    /// wherever a hidden one could be worked out from those shown, until none can.
    fn protect(&self) -> Vec<Count> {
        let mut counts: Vec<Count> = self
            .values
            .iter()
            .map(|&n| {
                if n < SMALLEST_GROUP_SHOWN {
                    Count::FewerThanFive
                } else {
                    Count::Shown(n)
                }
            })
            .collect();
        while let Some(exposed) =
            (0..self.values.len()).find(|&cell| self.worked_out(cell, &counts))
        {
            let Some(hide) = self.next_to_hide(exposed, &counts) else {
                // Nothing shown is left to hide near it: every figure tied to it is hidden.
                break;
            };
            counts[hide] = Count::NotShown;
        }
        counts
    }

    /// The figure to leave out so that `exposed` can no longer be worked out: of the figures
    /// shown in sums with a hidden figure (the headline last of all), the smallest that does it
    /// alone, else the smallest in a sum with `exposed`, else the smallest.
    fn next_to_hide(&self, exposed: usize, counts: &[Count]) -> Option<usize> {
        let mut candidates: Vec<usize> = self
            .sums
            .iter()
            .map(|(total, parts)| std::iter::once(*total).chain(parts.iter().copied()))
            .filter(|cells| cells.clone().any(|cell| counts[cell].is_hidden()))
            .flatten()
            .filter(|&cell| !counts[cell].is_hidden())
            .collect();
        candidates.sort_by_key(|&cell| (self.values[cell], cell));
        candidates.dedup();
        if candidates.len() > 1 {
            candidates.retain(|&cell| Some(cell) != self.headline);
        }
        let with_exposed = |cell: usize| {
            self.sums.iter().any(|(total, parts)| {
                let holds = |c: usize| *total == c || parts.contains(&c);
                holds(cell) && holds(exposed)
            })
        };
        let alone = candidates.iter().copied().find(|&cell| {
            let mut trial = counts.to_vec();
            trial[cell] = Count::NotShown;
            !self.worked_out(exposed, &trial)
        });
        alone
            .or_else(|| candidates.iter().copied().find(|&cell| with_exposed(cell)))
            .or_else(|| candidates.first().copied())
    }

    /// Whether hidden figure `cell` can be worked out from the shown ones: by adding and
    /// subtracting across the sums, or because a sum leaves it only one value (every row shown
    /// counts at least one, and "fewer than 5" at most four).
    fn worked_out(&self, cell: usize, counts: &[Count]) -> bool {
        counts[cell].is_hidden()
            && (self.solvable(cell, counts) || self.pinned_by_bounds(cell, counts))
    }

    /// Whether the sums, as equations in the hidden figures, fix `cell`: its unit row lies in
    /// their span (Gaussian elimination over the rationals; the sums are small).
    fn solvable(&self, cell: usize, counts: &[Count]) -> bool {
        let hidden: Vec<usize> = (0..counts.len())
            .filter(|&c| counts[c].is_hidden())
            .collect();
        let column = |c: usize| hidden.iter().position(|&h| h == c);
        let mut rows: Vec<Vec<f64>> = self
            .sums
            .iter()
            .map(|(total, parts)| {
                let mut row = vec![0.0; hidden.len()];
                if let Some(at) = column(*total) {
                    row[at] += 1.0;
                }
                for part in parts {
                    if let Some(at) = column(*part) {
                        row[at] -= 1.0;
                    }
                }
                row
            })
            .collect();
        let rank_without = rank(&mut rows.clone());
        let mut unit = vec![0.0; hidden.len()];
        if let Some(at) = column(cell) {
            unit[at] = 1.0;
        }
        rows.push(unit);
        rank(&mut rows) == rank_without
    }

    /// Whether the sums, with the bounds each hidden figure lies within (every row shown counts
    /// at least one, and "fewer than 5" at most four), leave `cell` a single value: each sum
    /// narrows the range of each of its figures from the others', until nothing changes.
    fn pinned_by_bounds(&self, cell: usize, counts: &[Count]) -> bool {
        const UNBOUNDED: i64 = 1_000_000;
        let mut ranges: Vec<(i64, i64)> = counts
            .iter()
            .zip(&self.values)
            .map(|(count, &value)| match count {
                Count::Shown(_) => (i64::from(value), i64::from(value)),
                Count::FewerThanFive => (1, i64::from(SMALLEST_GROUP_SHOWN) - 1),
                Count::NotShown => (1, UNBOUNDED),
            })
            .collect();
        // Each sum as signed figures adding to zero: total − parts = 0.
        let signed: Vec<Vec<(usize, i64)>> = self
            .sums
            .iter()
            .map(|(total, parts)| {
                std::iter::once((*total, 1))
                    .chain(parts.iter().map(|&part| (part, -1)))
                    .collect()
            })
            .collect();
        loop {
            let mut changed = false;
            for sum in &signed {
                for &(figure, sign) in sum {
                    let (mut low, mut high) = (0, 0);
                    for &(other, s) in sum.iter().filter(|(other, _)| *other != figure) {
                        let (lo, hi) = ranges[other];
                        low -= (s * lo).max(s * hi);
                        high -= (s * lo).min(s * hi);
                    }
                    // sign × figure lies in [low, high].
                    let (from, to) = if sign > 0 { (low, high) } else { (-high, -low) };
                    let (lo, hi) = ranges[figure];
                    let narrowed = (lo.max(from), hi.min(to));
                    if narrowed != (lo, hi) && narrowed.0 <= narrowed.1 {
                        ranges[figure] = narrowed;
                        changed = true;
                    }
                }
            }
            if !changed {
                return ranges[cell].0 == ranges[cell].1;
            }
        }
    }
}

/// The rank of `rows`, reduced in place.
fn rank(rows: &mut [Vec<f64>]) -> usize {
    let columns = rows.first().map_or(0, Vec::len);
    let mut rank = 0;
    for column in 0..columns {
        let Some(pivot) = (rank..rows.len()).find(|&r| rows[r][column].abs() > 1e-9) else {
            continue;
        };
        rows.swap(rank, pivot);
        let pivot_row = rows[rank].clone();
        for (r, row) in rows.iter_mut().enumerate() {
            if r != rank && row[column].abs() > 1e-9 {
                let factor = row[column] / pivot_row[column];
                for (value, pivot_value) in row.iter_mut().zip(&pivot_row) {
                    *value -= factor * pivot_value;
                }
            }
        }
        rank += 1;
    }
    rank
}

/// The anonymised report for the given reviews (usually one cycle's), each with the stage its
/// copy shows, with the school's calendar for the policy's dates.
pub fn governors_report(reviews: &[(Review, Stage)], calendar: &SchoolCalendar) -> GovernorsReport {
    let (figures, layout) = figures_of(reviews, calendar);
    let counts = figures.protect();
    layout.fill(&counts)
}

/// Rows of a table, each with where its figure sits among the report's figures (`None`: a zero,
/// left out).
type Placed = Vec<(&'static str, Option<usize>)>;

/// Where each row's figure sits among the report's figures.
struct Layout {
    reviews: Option<usize>,
    by_outcome: Placed,
    on_time: Placed,
    by_pay_recommendation: Placed,
    pay_by_staff_group: Vec<(String, Placed)>,
    training_needs_by_theme: Placed,
}

impl Layout {
    fn fill(self, counts: &[Count]) -> GovernorsReport {
        let rows = |rows: Placed| -> Vec<(&'static str, Count)> {
            rows.into_iter()
                .filter_map(|(label, at)| Some((label, counts[at?])))
                .collect()
        };
        GovernorsReport {
            reviews: self.reviews.map_or(Count::Shown(0), |at| counts[at]),
            by_outcome: rows(self.by_outcome),
            on_time: rows(self.on_time),
            by_pay_recommendation: rows(self.by_pay_recommendation),
            pay_by_staff_group: self
                .pay_by_staff_group
                .into_iter()
                .map(|(group, row)| (group, rows(row)))
                .collect(),
            training_needs_by_theme: rows(self.training_needs_by_theme),
        }
    }
}

/// Every figure of the report for `reviews`, how they add up, and where each row's sits.
fn figures_of(reviews: &[(Review, Stage)], calendar: &SchoolCalendar) -> (Figures, Layout) {
    let number = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let mut figures = Figures::default();
    let outcomes = count_by(
        reviews
            .iter()
            .map(|(review, stage)| ReviewOutcome::of(review, *stage)),
    );
    let total = figures.add(number(reviews.len()));
    figures.headline = total;
    let by_outcome: Placed = ReviewOutcome::ALL
        .iter()
        .map(|outcome| {
            let n = outcomes.get(outcome).copied().unwrap_or(0);
            (outcome.label(), figures.add(n))
        })
        .collect();
    let parts: Vec<Option<usize>> = by_outcome.iter().map(|(_, at)| *at).collect();
    figures.adds_up(total, &parts);

    let completed: Vec<&(Review, Stage)> = reviews
        .iter()
        .filter(|(review, stage)| ReviewOutcome::of(review, *stage) == ReviewOutcome::Completed)
        .collect();
    let on_time_count = completed
        .iter()
        .filter(|(review, stage)| sent_on_time(review, *stage, calendar))
        .count();
    let on_time = vec![
        (
            "Statement with the headteacher on time",
            figures.add(number(on_time_count)),
        ),
        (
            "Statement with the headteacher late",
            figures.add(number(completed.len() - on_time_count)),
        ),
    ];
    figures.adds_up(by_outcome[0].1, &[on_time[0].1, on_time[1].1]);

    let recommendation = |review: &Review| review.statement.as_ref()?.pay_recommendation;
    let pay = count_by(
        reviews
            .iter()
            .filter_map(|(review, _)| recommendation(review))
            .map(PayRecommendation::label),
    );
    let by_pay_recommendation: Placed = PAY_ROWS
        .iter()
        .map(|r| {
            let n = pay.get(r.label()).copied().unwrap_or(0);
            (r.label(), figures.add(n))
        })
        .collect();
    let by_group = count_by(reviews.iter().filter_map(|(review, _)| {
        Some((review.staff_group.clone(), recommendation(review)?.label()))
    }));
    let groups: std::collections::BTreeSet<&String> = by_group.keys().map(|(g, _)| g).collect();
    let pay_by_staff_group: Vec<(String, Placed)> = groups
        .into_iter()
        .map(|group| {
            let row = PAY_ROWS
                .iter()
                .map(|r| {
                    let n = by_group.get(&(group.clone(), r.label())).copied();
                    let n = n.unwrap_or(0);
                    (r.label(), figures.add(n))
                })
                .collect();
            (group.clone(), row)
        })
        .collect();
    for (column, (_, total)) in by_pay_recommendation.iter().enumerate() {
        let down: Vec<Option<usize>> = pay_by_staff_group
            .iter()
            .map(|(_, row)| row[column].1)
            .collect();
        figures.adds_up(*total, &down);
    }

    let themes = count_by(
        reviews
            .iter()
            .filter_map(|(review, _)| review.cpd_needs.as_ref())
            .flat_map(|needs| needs.needs.iter().map(|need| need.theme)),
    );
    let training_needs_by_theme = CpdTheme::ALL
        .iter()
        .map(|theme| {
            let n = themes.get(theme).copied().unwrap_or(0);
            (theme.label(), figures.add(n))
        })
        .collect();
    let layout = Layout {
        reviews: total,
        by_outcome,
        on_time: if completed.is_empty() {
            Vec::new()
        } else {
            on_time
        },
        by_pay_recommendation,
        pay_by_staff_group,
        training_needs_by_theme,
    };
    (figures, layout)
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
