//! Records kept for as long as the policy says (seeds 001, 003 and 004: six years; a minimum, or
//! then destroyed): the reviews held here that are past it, when the next fall due, and removing
//! a review's records from this device.

use chrono::NaiveDate;

use super::RecordsError;
use super::importing::imports_of;
use super::reviews::{review_key, reviews};
use super::sign_offs::sign_offs_key;
use crate::domain::retention::destroy_from_cycle;
use crate::domain::validation::Warning;
use crate::storage::{KeyValueStore, Vault};

/// A review held here past its retention years: its id and what the policy says, in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastRetention {
    pub review_id: String,
    pub warning: Warning,
}

/// Where the records held here stand on `today`: those past the policy's years, and the day the
/// next fall due with whose they are.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RetentionStanding {
    pub past: Vec<PastRetention>,
    pub next: Option<(NaiveDate, String)>,
}

/// The reviews held here past their retention years on `today`, read from their summaries alone
/// (the policy they ran under and their cycle), and the next to fall due.
pub fn retention<S: KeyValueStore>(
    vault: &Vault<S>,
    today: NaiveDate,
) -> Result<RetentionStanding, RecordsError> {
    let mut standing = RetentionStanding::default();
    for held in reviews(vault)? {
        let summary = &held.summary;
        let years = summary.policy.retention_years;
        let Some(from) = destroy_from_cycle(summary.period.last_day, None, years) else {
            continue;
        };
        if from <= today {
            standing.past.push(PastRetention {
                review_id: summary.id.to_string(),
                warning: Warning::PastRetention {
                    reviewee: summary.reviewee.name.clone(),
                    destroy_from: from,
                    years,
                    after: summary.policy.after_retention,
                },
            });
        } else if standing.next.as_ref().is_none_or(|(next, _)| from < *next) {
            standing.next = Some((from, summary.reviewee.name.clone()));
        }
    }
    Ok(standing)
}

/// Removes every record of the review `id` from this device: the review, its documents, its
/// sign-offs and the records of the files imported into it. Returns how many records went.
pub fn remove_review<S: KeyValueStore>(
    vault: &mut Vault<S>,
    id: &str,
) -> Result<usize, RecordsError> {
    let documents = format!("{}:", review_key(id));
    let mut keys: Vec<String> = vault
        .list()
        .map(|(key, _)| key.to_owned())
        .filter(|key| key == &review_key(id) || key.starts_with(&documents))
        .collect();
    keys.push(sign_offs_key(id));
    keys.extend(imports_of(vault, id)?);
    vault.batch(|vault| {
        let mut removed = 0;
        for key in &keys {
            if vault.read(key).map_err(RecordsError::Read)?.is_some() {
                vault
                    .remove(key)
                    .map_err(|error| RecordsError::Write(error.into()))?;
                removed += 1;
            }
        }
        Ok(removed)
    })
}
