//! Fields two copies changed differently, waiting for a person to choose, and settling them.

use chrono::{DateTime, Utc};

use super::RecordsError;
use crate::storage::{KeyValueStore, Vault};
use serde_json::Value;

use super::reviews::{document, reviews};

/// A field of a review document that two copies changed differently, waiting for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenConflict {
    pub review_id: String,
    pub reviewee: String,
    pub document: String,
    pub conflict: crate::bundle::merge::Conflict,
}

/// Every conflict in every review held here.
pub fn conflicts<S: KeyValueStore>(vault: &Vault<S>) -> Result<Vec<OpenConflict>, RecordsError> {
    let mut open = Vec::new();
    for review in reviews(vault)? {
        let id = review.summary.id.as_str();
        let prefix = format!("review:{id}:");
        let kinds: Vec<String> = vault
            .list_prefixed(&prefix)
            .filter(|(_, header)| header.kind != super::editing::TAB_COPY_KIND)
            .filter_map(|(key, _)| key.strip_prefix(&prefix).map(str::to_owned))
            .collect();
        for kind in kinds {
            for conflict in document(vault, id, &kind)?
                .map(|state| state.conflicts())
                .unwrap_or_default()
            {
                open.push(OpenConflict {
                    review_id: id.to_owned(),
                    reviewee: review.summary.reviewee.name.clone(),
                    document: kind.clone(),
                    conflict,
                });
            }
        }
    }
    Ok(open)
}

/// Settles a conflict with the version the person chose; the choice travels in later bundles.
pub fn resolve<S: KeyValueStore>(
    vault: &mut Vault<S>,
    review_id: &str,
    kind: &str,
    path: &str,
    value: Option<Value>,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    document(vault, review_id, kind)?.ok_or(RecordsError::UnknownReview)?;
    super::editing::resolve(
        vault,
        &super::reviews::document_key(review_id, kind),
        "review_document",
        path,
        value,
        now,
    )
    .map(|_| ())
}
