//! The reviews this person holds: each review's summary and the days its files went and came,
//! its documents' mergeable states, starting a review, and the review as the domain sees it.

use chrono::{DateTime, Utc};

use super::{RecordsError, read_as, write_as};
use crate::storage::{KeyValueStore, Vault};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::bundle::merge::DocumentState;
use crate::bundle::payload::{BundleKind, ReviewSummary};
use crate::domain::people::Role;

/// A review as this person holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredReview {
    pub summary: ReviewSummary,
    /// When the invitation arrived, on a reviewee's copy kept before files noted the day they
    /// were made (see `exchanged`); not set otherwise.
    #[serde(default)]
    pub invited_on: Option<chrono::NaiveDate>,
    /// The day the first file of each kind for this review held here was made (sent from here or
    /// imported), which stops the policy's clocks (statement sent, reply given, passed to the
    /// headteacher) on the same day on every copy.
    #[serde(default)]
    pub exchanged: BTreeMap<BundleKind, chrono::NaiveDate>,
}

impl StoredReview {
    /// A review held with nothing yet sent or received.
    pub fn new(summary: ReviewSummary) -> StoredReview {
        StoredReview {
            summary,
            invited_on: None,
            exchanged: BTreeMap::new(),
        }
    }

    /// Notes that a file of `kind` made on `made_on` went or came: the earliest such file's day
    /// stands, so two copies that both hold it agree. Whether anything changed.
    pub fn note_exchanged(&mut self, kind: BundleKind, made_on: chrono::NaiveDate) -> bool {
        match self.exchanged.get(&kind) {
            Some(day) if *day <= made_on => false,
            _ => {
                self.exchanged.insert(kind, made_on);
                true
            }
        }
    }
}

pub(super) fn review_key(id: &str) -> String {
    format!("review:{id}")
}

/// The record key of a review document.
pub fn document_key(review: &str, kind: &str) -> String {
    format!("review:{review}:{kind}")
}

pub fn review<S: KeyValueStore>(
    vault: &Vault<S>,
    id: &str,
) -> Result<Option<StoredReview>, RecordsError> {
    Ok(read_as(vault, &review_key(id))?.map(|(review, _)| review))
}

/// Every review held here.
/// Whether any review is held here, without reading one: enough for a page to choose between
/// where to start and the person's reviews while the reviews themselves are read.
pub fn any_held<S: KeyValueStore>(vault: &Vault<S>) -> bool {
    vault.list().any(|(_, header)| header.kind == "review")
}

pub fn reviews<S: KeyValueStore>(vault: &Vault<S>) -> Result<Vec<StoredReview>, RecordsError> {
    let keys: Vec<String> = vault
        .list()
        .filter(|(_, header)| header.kind == "review")
        .map(|(key, _)| key.to_owned())
        .collect();
    keys.iter()
        .filter_map(|key| read_as(vault, key).transpose())
        .map(|r| r.map(|(review, _)| review))
        .collect()
}

/// The reviews in which this person is the reviewee.
pub fn reviews_as_reviewee<S: KeyValueStore>(
    vault: &Vault<S>,
) -> Result<Vec<StoredReview>, RecordsError> {
    let mut mine = Vec::new();
    for review in reviews(vault)? {
        if my_part(vault, &review.summary)? == Some(Role::Reviewee) {
            mine.push(review);
        }
    }
    Ok(mine)
}

/// The part this person plays in the review: by their keys where its place is bound to keys,
/// by name only where no keys are bound yet.
pub fn my_part<S: KeyValueStore>(
    vault: &Vault<S>,
    summary: &ReviewSummary,
) -> Result<Option<Role>, RecordsError> {
    Ok(super::identity::identity(vault)?.and_then(|me| {
        let keys = me.public_keys();
        summary.part_of(&keys, &me.name)
    }))
}

pub fn save_review<S: KeyValueStore>(
    vault: &mut Vault<S>,
    review: &StoredReview,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    write_as(
        vault,
        &review_key(review.summary.id.as_str()),
        "review",
        review,
        now,
    )
}

pub fn document<S: KeyValueStore>(
    vault: &Vault<S>,
    review: &str,
    kind: &str,
) -> Result<Option<DocumentState>, RecordsError> {
    super::editing::read(vault, &document_key(review, kind))
}

pub fn save_document<S: KeyValueStore>(
    vault: &mut Vault<S>,
    review: &str,
    kind: &str,
    state: &DocumentState,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    write_as(
        vault,
        &document_key(review, kind),
        "review_document",
        state,
        now,
    )
}

/// Starts a review as its reviewer: stores it, with a statement that carries last cycle's
/// objectives to rate (and the 10 standards where the policy uses them), written by `device`.
pub fn start_review<S: KeyValueStore>(
    vault: &mut Vault<S>,
    summary: ReviewSummary,
    previous_objectives: &[String],
    device: &str,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    use crate::domain::documents::{PreviousObjective, Statement};
    let previous = previous_objectives
        .iter()
        .filter(|text| !text.trim().is_empty())
        .enumerate()
        .map(|(n, text)| PreviousObjective {
            id: crate::domain::ids::Id::new(format!("previous-{}", n + 1)).expect("a valid id"),
            objective: text.trim().to_owned(),
            rating: None,
            comment: String::new(),
        })
        .collect();
    let standards = if summary.policy.ten_standards_apply {
        crate::domain::standards::blank_assessments()
    } else {
        Vec::new()
    };
    let mut statement = Statement::blank(previous, standards);
    statement.meeting_date = summary.meeting_on;
    let mut state = DocumentState::default();
    let stamp = crate::bundle::merge::Stamp {
        millis: now.timestamp_millis(),
        counter: 0,
    };
    state.record_edit(
        &crate::domain::field_map::to_field_map(&statement),
        device,
        stamp,
    );
    let id = summary.id.as_str().to_owned();
    save_review(vault, &StoredReview::new(summary), now)?;
    save_document(vault, &id, "statement", &state, now)
}

/// The document `D` of review `id` as it reads now, if one is held. A copy may hold only some
/// fields (the other party's own fields never reach it): they are laid over `blank` so it always
/// reads.
fn read_document<D: crate::domain::documents::Document, S: KeyValueStore>(
    vault: &Vault<S>,
    id: &str,
    blank: &D,
) -> Result<Option<D>, RecordsError> {
    Ok(document(vault, id, D::KIND)?.and_then(|state| {
        let mut fields = crate::domain::field_map::to_field_map(blank);
        fields.extend(state.current());
        crate::domain::field_map::from_field_map(&fields).ok()
    }))
}

/// Every review's training and development needs held here, with whose they are (the review's
/// own people, never the names typed into the form), without reading the rest of each review:
/// all a CPD leader holds, and what the training audit lists.
pub fn training_needs_held<S: KeyValueStore>(
    vault: &Vault<S>,
) -> Result<Vec<crate::domain::training_audit::NeedsOf>, RecordsError> {
    let mut held = Vec::new();
    for stored in reviews(vault)? {
        let blank = crate::domain::documents::CpdNeeds::blank_for(
            &stored.summary.reviewee,
            &stored.summary.reviewer,
        );
        if let Some(needs) = read_document(vault, stored.summary.id.as_str(), &blank)? {
            held.push(crate::domain::training_audit::NeedsOf {
                reviewee: stored.summary.reviewee.clone(),
                reviewer: stored.summary.reviewer.clone(),
                needs,
            });
        }
    }
    Ok(held)
}

/// The review as the domain knows it, with its documents read from their mergeable states, so
/// deadlines, warnings and sign-offs can be worked out.
pub fn load_review<S: KeyValueStore>(
    vault: &Vault<S>,
    id: &str,
) -> Result<Option<crate::domain::cycle::Review>, RecordsError> {
    match review(vault, id)? {
        Some(stored) => review_as_held(vault, stored).map(Some),
        None => Ok(None),
    }
}

/// The review `stored` (held here) as the domain knows it, with its documents read.
pub(super) fn review_as_held<S: KeyValueStore>(
    vault: &Vault<S>,
    stored: StoredReview,
) -> Result<crate::domain::cycle::Review, RecordsError> {
    use crate::domain::documents::{
        AppealHearing, CpdNeeds, InterimReviewLog, ModerationNote, ObservationLog, PayDecision,
        PreReviewAuthor, PreReviewForm, Statement, SupportPlan,
    };
    let id = stored.summary.id.as_str().to_owned();
    let id = id.as_str();
    let summary = stored.summary;
    let mut review = crate::domain::cycle::Review::new(
        summary.id,
        summary.reviewee,
        summary.reviewer,
        summary.policy,
        &summary.staff_group,
        summary.period,
    );
    review.pay_eligible = summary.pay_eligible;
    review.part_year = summary.part_year;
    review.dates.meeting_on = summary.meeting_on;
    let on = |kind| stored.exchanged.get(&kind).copied();
    // Notice is given by the invitation's file; a review kept before files noted their day
    // holds the day it arrived instead.
    review.dates.invited_on = on(BundleKind::Invitation).or(stored.invited_on);
    review.dates.pre_review_sent_on = on(BundleKind::PreReview);
    review.dates.statement_sent_on = on(BundleKind::StatementForComment);
    review.dates.reviewee_replied_on = on(BundleKind::Reply);
    review.dates.sent_to_headteacher_on = on(BundleKind::FinalStatement);
    review.dates.training_needs_sent_on = on(BundleKind::CpdNeeds);
    review.statement = read_document(vault, id, &Statement::blank(Vec::new(), Vec::new()))?;
    // The statement records the meeting: once it gives a date (corrected after the meeting was
    // moved, say), that date is the one the policy's clocks count from, on both sides.
    if let Some(day) = review.statement.as_ref().and_then(|s| s.meeting_date) {
        review.dates.meeting_on = Some(day);
    }
    review.pre_review = read_document(
        vault,
        id,
        &PreReviewForm::blank(PreReviewAuthor::Reviewee, "", ""),
    )?;
    let no_needs = CpdNeeds::blank_for(&review.reviewee, &review.reviewer);
    review.cpd_needs = read_document(vault, id, &no_needs)?;
    review.appeal = read_document(vault, id, &crate::domain::documents::Appeal::blank())?;
    review.appeal_hearing = read_document(vault, id, &AppealHearing::default())?;
    review.moderation_note = read_document(vault, id, &ModerationNote::default())?;
    review.pay_decision = read_document(vault, id, &PayDecision::default())?;
    let checklist = crate::domain::documents::MeetingChecklist::seed_001();
    review.checklist = read_document(vault, id, &checklist)?.unwrap_or(checklist);
    review.observations = read_document(vault, id, &ObservationLog::default())?
        .map(|log| log.items)
        .unwrap_or_default();
    review.interim_reviews = read_document(vault, id, &InterimReviewLog::default())?
        .map(|log| log.items)
        .unwrap_or_default();
    // Laid over the same blank the page opens the plan on, so a figure left as it started
    // reads the same on both.
    review.support_plan = read_document(vault, id, &SupportPlan::blank_under(&review.policy))?;
    review.suspension = review
        .support_plan
        .as_ref()
        .and_then(SupportPlan::suspension);
    Ok(review)
}
