//! What the reviews held here ask of this person as a whole: the policy's warnings about them
//! as a reviewer, and the headteacher's to-do list. Each review's own part, stage and deadlines
//! come from [`super::held`].

use chrono::NaiveDate;

use super::held::HeldReview;
use super::{identity, leadership, retention, staff};
use crate::domain::cycle::Review;
use crate::domain::dates::format_uk_date;
use crate::domain::deadlines::in_a_sentence;
use crate::domain::desk::DeskRow;
use crate::domain::people::Role;
use crate::domain::to_do::{Beyond, ToDoLine, heads_to_do, latest_cycle};
use crate::domain::training_audit::{needs_by_theme, themes_in_words};
use crate::domain::validation::{reviewer_load_warning, senior_reviewer_warning};
use crate::storage::{KeyValueStore, Vault};

/// The policy's warnings about this person as a reviewer: more reviews this cycle than it
/// allows, or leading reviews it has a member of the senior team lead.
pub fn reviewer_warnings<S: KeyValueStore>(
    vault: &Vault<S>,
    reviewing: &[Review],
    today: NaiveDate,
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

/// The headteacher's to-do list on `today`, worked out from the reviews already read for Home
/// (those on their desk: received as headteacher or reviewed by them), the staff list and the
/// retention rule; `None` for anyone who is neither the headteacher in their details nor holds a
/// statement sent to them as headteacher.
pub fn headteachers_to_do<S: KeyValueStore>(
    vault: &Vault<S>,
    held: &[HeldReview],
    today: NaiveDate,
) -> Option<Vec<ToDoLine>> {
    let received = held.iter().any(|mine| mine.part == Role::Headteacher);
    if !received && leadership::only_the_headteacher(vault).is_err() {
        return None;
    }
    let calendar = identity::school_calendar(vault);
    let rows: Vec<DeskRow> = held
        .iter()
        .filter(|mine| matches!(mine.part, Role::Reviewer | Role::Headteacher))
        .map(|mine| DeskRow::of(&mine.review, mine.stage, mine.signed, &calendar, today))
        .collect();
    let cycle = latest_cycle(&rows).or_else(|| staff::cycle_reviewed_on(vault, today).ok()?);
    let beyond = Beyond {
        not_started: cycle
            .and_then(|cycle| staff::awaited(vault, &rows, &cycle).ok())
            .map_or(0, |awaited| awaited.len()),
        past_retention: retention::retention(vault, today)
            .map_or(0, |standing| standing.past.len()),
    };
    Some(heads_to_do(&rows, beyond, today))
}

/// What the CPD leader's Home says of the training needs received: a line per theme, and when the
/// policy has them arrive; `None` for anyone holding no review as CPD leader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedsReceived {
    /// How many reviews' needs have arrived.
    pub reviews: usize,
    pub themes: Vec<String>,
    pub due: Option<String>,
}

/// The training needs received, for the CPD leader's Home on `today`, from the reviews already
/// read (those held as CPD leader, with training needs in them); `None` for anyone else.
pub fn training_needs_received<S: KeyValueStore>(
    vault: &Vault<S>,
    held: &[HeldReview],
    today: NaiveDate,
) -> Option<NeedsReceived> {
    // A review held without a statement reads as the CPD leader's; only those with training
    // needs in them are (the headteacher holding a capability referral holds none).
    let reviews = held
        .iter()
        .filter(|mine| mine.part == Role::CpdLeader && mine.review.cpd_needs.is_some())
        .count();
    if reviews == 0 {
        return None;
    }
    let needs = super::reviews::training_needs_held(vault).unwrap_or_default();
    Some(NeedsReceived {
        reviews,
        themes: themes_in_words(&needs_by_theme(&needs)),
        due: training_needs_due(vault, today),
    })
}

/// When the school's policy has reviewers send training needs, from `today`, in a sentence: "Your
/// school’s policy has reviewers send training needs to the CPD leader by 31/10/2026."
pub fn training_needs_due<S: KeyValueStore>(vault: &Vault<S>, today: NaiveDate) -> Option<String> {
    let policy = identity::school_settings(vault).ok()?.policy?;
    let day = policy.training_needs_by?.on_or_after(today)?;
    Some(format!(
        "Your school’s policy has reviewers send training needs to the {} by {}.",
        in_a_sentence(policy.training_needs_receiver()),
        format_uk_date(day)
    ))
}
