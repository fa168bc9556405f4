//! Moderation (seed 004: the headteacher "moderates" statements for consistency; seed 002: pay
//! decisions must be fair and consistent): each reviewer's pattern of ratings, objectives and
//! pay recommendations beside the school's, and the reviewers whose pattern stands out, each
//! with the reason in a sentence.
//!
//! How far a pattern may differ before it is flagged is the app's choice, not a seed's: no seed
//! gives a figure. A reviewer with fewer than [`FEWEST_REVIEWS_COMPARED`] reviews is shown but
//! never flagged, since a handful of reviews shows no pattern.

use std::collections::BTreeMap;

use super::desk::DeskRow;
use super::documents::{PayRecommendation, ProgressRating};
use super::ids::Id;

/// A reviewer with fewer reviews than this is not flagged.
pub const FEWEST_REVIEWS_COMPARED: u32 = 3;
/// A share (of objectives achieved, of progression recommended, of objectives missing SMART)
/// this many percentage points from the school's is flagged.
pub const SHARE_GAP_FLAGGED: u32 = 25;
/// Objectives per review this far (in tenths) from the school's average is flagged.
pub const OBJECTIVES_GAP_FLAGGED_TENTHS: u32 = 10;

/// Ratings, objectives and pay recommendations counted over some reviews.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pattern {
    pub reviews: u32,
    /// Last cycle's objectives rated each way, in `ProgressRating::ALL` order.
    pub ratings: [u32; 4],
    pub objectives: u32,
    pub objectives_missing_smart: u32,
    /// Recommendations made, in `PayRecommendation::ALL` order.
    pub pay: [u32; 3],
}

impl Pattern {
    fn add(&mut self, row: &DeskRow) {
        self.reviews += 1;
        for (total, n) in self.ratings.iter_mut().zip(row.ratings) {
            *total += n;
        }
        self.objectives += u32::try_from(row.objectives).unwrap_or(u32::MAX);
        self.objectives_missing_smart +=
            u32::try_from(row.objectives_missing_smart).unwrap_or(u32::MAX);
        if let Some(slot) = row
            .pay_recommendation
            .and_then(|r| PayRecommendation::ALL.iter().position(|p| *p == r))
        {
            self.pay[slot] += 1;
        }
    }

    pub fn rated(&self) -> u32 {
        self.ratings.iter().sum()
    }

    /// The percentage of rated objectives rated `rating`, if any were rated.
    pub fn rating_share(&self, rating: ProgressRating) -> Option<u32> {
        let slot = ProgressRating::ALL.iter().position(|r| *r == rating)?;
        percent(self.ratings[slot], self.rated())
    }

    /// New objectives per review, in tenths (3.5 is 35).
    pub fn objectives_per_review_tenths(&self) -> Option<u32> {
        (self.reviews > 0).then(|| (self.objectives * 10 + self.reviews / 2) / self.reviews)
    }

    /// The percentage of recommendations that recommend progression or an honorarium.
    pub fn progression_share(&self) -> Option<u32> {
        percent(self.pay[0] + self.pay[2], self.pay.iter().sum())
    }

    pub fn smart_miss_share(&self) -> Option<u32> {
        percent(self.objectives_missing_smart, self.objectives)
    }
}

fn percent(part: u32, whole: u32) -> Option<u32> {
    (whole > 0).then(|| (part * 100 + whole / 2) / whole)
}

/// Tenths as words: 35 → "3.5".
pub fn tenths(value: u32) -> String {
    format!("{}.{}", value / 10, value % 10)
}

/// Why a reviewer's pattern stands out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    AchievedShare { theirs: u32, school: u32 },
    ObjectivesPerReview { theirs: u32, school: u32 },
    ProgressionShare { theirs: u32, school: u32 },
    SmartMisses { theirs: u32, school: u32 },
}

impl Flag {
    pub fn reason(self) -> String {
        let more_or_fewer =
            |theirs: u32, school: u32| if theirs > school { "more" } else { "fewer" };
        match self {
            Flag::AchievedShare { theirs, school } => format!(
                "Rated {theirs}% of last cycle’s objectives achieved, against {school}% across the school: check the ratings are judged the same way."
            ),
            Flag::ObjectivesPerReview { theirs, school } => format!(
                "Set {} new objectives per review, {} than the school’s {}: check the workload is fair.",
                tenths(theirs),
                more_or_fewer(theirs, school),
                tenths(school)
            ),
            Flag::ProgressionShare { theirs, school } => format!(
                "Recommended pay progression in {theirs}% of reviews, against {school}% across the school: check the recommendations are consistent."
            ),
            Flag::SmartMisses { theirs, school } => format!(
                "{theirs}% of their new objectives miss a SMART check, against {school}% across the school: check the objectives can be measured."
            ),
        }
    }
}

/// One reviewer's pattern and what stands out in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewerPattern {
    pub reviewer: String,
    pub reviewer_id: Id,
    pub pattern: Pattern,
    pub flags: Vec<Flag>,
}

/// The school's pattern and each reviewer's, by reviewer name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moderation {
    pub school: Pattern,
    pub reviewers: Vec<ReviewerPattern>,
}

fn apart(theirs: Option<u32>, school: Option<u32>, gap: u32) -> Option<(u32, u32)> {
    let (theirs, school) = (theirs?, school?);
    (theirs.abs_diff(school) >= gap).then_some((theirs, school))
}

/// The moderation figures for `rows` (usually one cycle's reviews).
pub fn moderation<'a>(rows: impl IntoIterator<Item = &'a DeskRow>) -> Moderation {
    let mut school = Pattern::default();
    let mut by_reviewer: BTreeMap<Id, (String, Pattern)> = BTreeMap::new();
    for row in rows {
        school.add(row);
        by_reviewer
            .entry(row.reviewer_id.clone())
            .or_insert_with(|| (row.reviewer.clone(), Pattern::default()))
            .1
            .add(row);
    }
    let mut reviewers: Vec<ReviewerPattern> = by_reviewer
        .into_iter()
        .map(|(reviewer_id, (reviewer, pattern))| ReviewerPattern {
            flags: flags(&pattern, &school),
            reviewer,
            reviewer_id,
            pattern,
        })
        .collect();
    reviewers.sort_by(|a, b| a.reviewer.cmp(&b.reviewer));
    Moderation { school, reviewers }
}

fn flags(theirs: &Pattern, school: &Pattern) -> Vec<Flag> {
    if theirs.reviews < FEWEST_REVIEWS_COMPARED {
        return Vec::new();
    }
    let achieved = |p: &Pattern| p.rating_share(ProgressRating::Achieved);
    [
        apart(achieved(theirs), achieved(school), SHARE_GAP_FLAGGED)
            .map(|(theirs, school)| Flag::AchievedShare { theirs, school }),
        apart(
            theirs.objectives_per_review_tenths(),
            school.objectives_per_review_tenths(),
            OBJECTIVES_GAP_FLAGGED_TENTHS,
        )
        .map(|(theirs, school)| Flag::ObjectivesPerReview { theirs, school }),
        apart(
            theirs.progression_share(),
            school.progression_share(),
            SHARE_GAP_FLAGGED,
        )
        .map(|(theirs, school)| Flag::ProgressionShare { theirs, school }),
        apart(
            theirs.smart_miss_share(),
            school.smart_miss_share(),
            SHARE_GAP_FLAGGED,
        )
        .map(|(theirs, school)| Flag::SmartMisses { theirs, school }),
    ]
    .into_iter()
    .flatten()
    .collect()
}
