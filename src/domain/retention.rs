//! Retention: records are kept for the policy's number of years after the cycle ends; then,
//! as the policy says, the school may delete them (a minimum: seed 001 "Step 4", seed 004 8.2)
//! or they are destroyed (seed 003 "Retention of Records").

use chrono::{Months, NaiveDate};

use super::cycle::Review;

/// The first day on which the review's records are past their retention years.
pub fn destroy_from(review: &Review) -> Option<NaiveDate> {
    destroy_from_cycle(
        review.period.last_day,
        review.dates.finalised_on,
        review.policy.retention_years,
    )
}

/// The first day on which the records of a cycle that ended on `last_day` (or was finalised
/// later, on `finalised_on`) are past `years`.
pub fn destroy_from_cycle(
    last_day: NaiveDate,
    finalised_on: Option<NaiveDate>,
    years: u32,
) -> Option<NaiveDate> {
    let end = last_day.max(finalised_on.unwrap_or(last_day));
    end.checked_add_months(Months::new(years.saturating_mul(12)))?
        .succ_opt()
}

/// The reviews whose records are past their retention years on `today`, with the date.
pub fn past_retention(reviews: &[Review], today: NaiveDate) -> Vec<(&Review, NaiveDate)> {
    reviews
        .iter()
        .filter_map(|review| Some((review, destroy_from(review)?)))
        .filter(|(_, from)| *from <= today)
        .collect()
}
