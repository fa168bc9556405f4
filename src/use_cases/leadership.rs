//! What the people who run appraisal see across the school's reviews held here: the cycles
//! they belong to and the governors' anonymised report for one.

use chrono::NaiveDate;

use super::RecordsError;
use super::reviews::{load_review, reviews};
use super::sign_offs::{sign_off_standings, statement_signed};
use crate::domain::cycle::{CyclePeriod, Review};
use crate::domain::governors::{GovernorsReport, governors_report};
use crate::domain::progress::stage_of;
use crate::storage::{KeyValueStore, Vault};

/// Every review held here, each at the stage worked out from its documents and sign-offs.
fn reviews_at_their_stage<S: KeyValueStore>(
    vault: &Vault<S>,
    today: NaiveDate,
) -> Result<Vec<Review>, RecordsError> {
    let keys = super::identity::identity(vault)?.map(|me| me.public_keys());
    let mut held = Vec::new();
    for stored in reviews(vault)? {
        let Some(mut review) = load_review(vault, stored.summary.id.as_str())? else {
            continue;
        };
        let standings = match &keys {
            Some(keys) => sign_off_standings(vault, &review, keys)?,
            None => Vec::new(),
        };
        review.state.stage = stage_of(&review, statement_signed(&standings), today);
        held.push(review);
    }
    Ok(held)
}

/// The cycles the reviews held here look back on, latest first.
pub fn cycles_held<S: KeyValueStore>(vault: &Vault<S>) -> Result<Vec<CyclePeriod>, RecordsError> {
    let mut cycles: Vec<CyclePeriod> = Vec::new();
    for stored in reviews(vault)? {
        let period = stored.summary.period;
        if !cycles.contains(&period) {
            cycles.push(period);
        }
    }
    cycles.sort_by_key(|cycle| std::cmp::Reverse(cycle.first_day));
    Ok(cycles)
}

/// The governors' report for the reviews held here of `cycle`, or `None` when none are held.
pub fn governors_report_for<S: KeyValueStore>(
    vault: &Vault<S>,
    cycle: CyclePeriod,
    today: NaiveDate,
) -> Result<Option<GovernorsReport>, RecordsError> {
    let calendar = super::identity::school_calendar(vault);
    let in_cycle: Vec<Review> = reviews_at_their_stage(vault, today)?
        .into_iter()
        .filter(|review| review.period == cycle)
        .collect();
    Ok((!in_cycle.is_empty()).then(|| governors_report(&in_cycle, &calendar)))
}
