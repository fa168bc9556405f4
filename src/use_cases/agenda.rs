//! What the reviews held here ask of this person as a whole: the policy's warnings about them
//! as a reviewer. Each review's own part, stage and deadlines come from [`super::held`].

use super::identity;
use crate::domain::cycle::Review;
use crate::domain::validation::{reviewer_load_warning, senior_reviewer_warning};
use crate::storage::{KeyValueStore, Vault};

/// The policy's warnings about this person as a reviewer: more reviews this cycle than it
/// allows, or leading reviews it has a member of the senior team lead.
pub fn reviewer_warnings<S: KeyValueStore>(
    vault: &Vault<S>,
    reviewing: &[Review],
    today: chrono::NaiveDate,
) -> Vec<String> {
    let Some(me) = identity::identity(vault).ok().flatten() else {
        return Vec::new();
    };
    let me = me.as_person();
    [
        reviewer_load_warning(&me, reviewing, today),
        senior_reviewer_warning(&me, reviewing, today),
    ]
    .into_iter()
    .flatten()
    .map(|warning| warning.to_string())
    .collect()
}
