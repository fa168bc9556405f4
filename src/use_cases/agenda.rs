//! What each review held here asks of this person: their part in it, its stage and what is due,
//! worked out from the documents and sign-offs held, for the home page to draw.

use super::{identity, reviews, sign_offs};
use crate::domain::cycle::{Review, Stage};
use crate::domain::deadlines::{AgendaItem, pressing_for};
use crate::domain::people::Role;
use crate::domain::progress::{part_held, stage_of};
use crate::domain::validation::{reviewer_load_warning, senior_reviewer_warning};
use crate::storage::{KeyValueStore, Vault};

/// A review as one person sees it: their part in it, its stage, what they must do next, and
/// their deadlines soonest first.
#[derive(Debug, Clone, PartialEq)]
pub struct MyReview {
    pub review: Review,
    pub role: Role,
    pub stage: Stage,
    pub due: Vec<AgendaItem>,
}

pub fn my_reviews<S: KeyValueStore>(vault: &Vault<S>, today: chrono::NaiveDate) -> Vec<MyReview> {
    let calendar = identity::school_calendar(vault);
    let me = identity::identity(vault).ok().flatten();
    let keys = me.map(|i| i.public_keys());
    reviews::reviews(vault)
        .unwrap_or_default()
        .iter()
        .filter_map(|stored| {
            let review = reviews::load_review(vault, stored.summary.id.as_str())
                .ok()
                .flatten()?;
            let party = reviews::my_part(vault, &stored.summary).ok().flatten();
            Some((review, party))
        })
        .map(|(review, party)| {
            let role = part_held(&review, party);
            let standings = keys
                .and_then(|keys| sign_offs::sign_off_standings(vault, &review, &keys).ok())
                .unwrap_or_default();
            let stage = stage_of(&review, sign_offs::statement_signed(&standings), today);
            let due = pressing_for(&review, role, &calendar, today);
            MyReview {
                review,
                role,
                stage,
                due,
            }
        })
        .collect()
}

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
