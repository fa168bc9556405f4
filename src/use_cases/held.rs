//! "This review as I hold it": the one read model of a review that every page, Home, the desk,
//! the CPD leader's list and the governors' report draw from. It is worked out once from this
//! copy: the review and its documents, this person's part, how each sign-off stands, the stage,
//! every deadline with where it stands for this reader, and the next step.

use chrono::NaiveDate;

use super::RecordsError;
use super::reviews::{StoredReview, review, review_as_held};
use super::sign_offs::{SignOffStanding, sign_off_standings, statement_signed};
use crate::bundle::identity::PublicKeys;
use crate::domain::calendar::SchoolCalendar;
use crate::domain::cycle::{Review, Stage};
use crate::domain::deadlines::{
    AgendaItem, Deadline, Standing, deadlines, pressing_for, standing, termly_dates_unknown,
};
use crate::domain::people::Role;
use crate::domain::progress::{StatementSigned, next_step, part_held, stage_in_words, stage_of};
use crate::storage::{KeyValueStore, Vault};

/// One review as this person holds it, on one day.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldReview {
    pub stored: StoredReview,
    pub review: Review,
    /// This person's own place, when they are one of the review's two parties.
    pub party: Option<Role>,
    /// The part they play, parties or not (the headteacher, the CPD leader).
    pub part: Role,
    pub standings: Vec<SignOffStanding>,
    pub signed: StatementSigned,
    pub stage: Stage,
    /// Every deadline of the review, each with where it stands for this person.
    pub deadlines: Vec<(Deadline, Standing)>,
    /// This person's open deadlines, overdue first.
    pub due: Vec<AgendaItem>,
    /// Why some of the review's termly review dates cannot be given yet, if so.
    pub termly_dates_unknown: Option<String>,
}

impl HeldReview {
    /// What this person must do next, in a sentence.
    pub fn next_step(&self) -> String {
        next_step(&self.review, self.stage, self.part)
    }

    /// The stage in words for this person, with anything beside it.
    pub fn stage_in_words(&self) -> String {
        stage_in_words(&self.review, self.stage, self.part)
    }

    /// For the reviewer, when the headteacher's moderation note waits for their answer, the
    /// sentence saying so.
    pub fn moderation_note_waiting(&self) -> Option<String> {
        let waiting = self.part == Role::Reviewer
            && self
                .review
                .moderation_note
                .as_ref()
                .is_some_and(crate::domain::documents::ModerationNote::awaits_answer);
        waiting.then(|| {
            format!(
                "The headteacher sent a note after moderating {}’s statement: read it and answer it on the review.",
                self.review.reviewee.name
            )
        })
    }

    /// What the reviewee did about the statement, for whoever reads their appeal: signed and
    /// later appealed (with the day of their first signature, superseded or not), or appealed
    /// instead of signing. `None` without an appeal.
    pub fn appeal_in_words(&self) -> Option<String> {
        use crate::domain::documents::{Appeal, Document, Statement};
        use crate::domain::sign_off::SignerRole;
        let appeal = self
            .review
            .appeal
            .as_ref()
            .filter(|a| Appeal::is_lodged(a))?;
        let signed_on = self
            .standings
            .iter()
            .map(|standing| &standing.signed.sign_off)
            .filter(|sign_off| {
                sign_off.document == Statement::KIND && sign_off.role == SignerRole::Reviewee
            })
            .map(|sign_off| sign_off.signed_on)
            .min();
        Some(crate::domain::progress::appeal_in_words(
            appeal,
            signed_on,
            self.review.policy.appeals.heard_by(),
        ))
    }

    /// This person's deadlines to put in their own calendar: their open ones.
    pub fn my_open_deadlines(&self) -> Vec<Deadline> {
        self.deadlines
            .iter()
            .filter(|(deadline, _)| !deadline.done && deadline.owner == self.part)
            .map(|(deadline, _)| deadline.clone())
            .collect()
    }
}

/// A review held here that cannot be read, with what can be said of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub review_id: String,
    /// Whose review it is, when its summary could be read.
    pub reviewee: Option<String>,
    pub error: RecordsError,
}

impl Unreadable {
    /// The sentence for the person: which review, and what to do.
    pub fn sentence(&self) -> String {
        let which = self
            .reviewee
            .as_ref()
            .map_or("One of your reviews".to_owned(), |name| {
                format!("The review of {name}")
            });
        format!(
            "{which} cannot be read on this device: part of it is damaged. Restore it from a backup (Your data), or ask the other person in the review to send their latest file again and import it."
        )
    }
}

/// What every review read in one pass shares.
pub(super) struct Reading {
    /// This person's keys and the name they send under, which find their place in each review.
    me: Option<(PublicKeys, String)>,
    calendar: SchoolCalendar,
    today: NaiveDate,
}

impl Reading {
    pub(super) fn new<S: KeyValueStore>(
        vault: &Vault<S>,
        today: NaiveDate,
    ) -> Result<Reading, RecordsError> {
        Ok(Reading {
            me: super::identity::identity(vault)?.map(|me| (me.public_keys(), me.name)),
            calendar: super::identity::school_calendar(vault),
            today,
        })
    }

    pub(super) fn open<S: KeyValueStore>(
        &self,
        vault: &Vault<S>,
        id: &str,
    ) -> Result<Option<HeldReview>, RecordsError> {
        let Some(stored) = review(vault, id)? else {
            return Ok(None);
        };
        let review = review_as_held(vault, stored.clone())?;
        let party = self
            .me
            .as_ref()
            .and_then(|(keys, name)| stored.summary.part_of(keys, name));
        let part = part_held(&review, party);
        let standings = match &self.me {
            Some((keys, _)) => sign_off_standings(vault, &review, keys)?,
            None => Vec::new(),
        };
        let signed = statement_signed(&standings);
        let stage = stage_of(&review, signed, self.today);
        let all = deadlines(&review, stage, &self.calendar);
        let due = pressing_for(&review, &all, part, &self.calendar, self.today);
        let deadlines = all
            .into_iter()
            .map(|deadline| {
                let standing = standing(&deadline, part, &self.calendar, self.today);
                (deadline, standing)
            })
            .collect();
        Ok(Some(HeldReview {
            stored,
            party,
            part,
            standings,
            signed,
            stage,
            deadlines,
            due,
            termly_dates_unknown: termly_dates_unknown(&review, &self.calendar),
            review,
        }))
    }
}

/// Review `id` as this person holds it on `today`, if it is held here.
pub fn open<S: KeyValueStore>(
    vault: &Vault<S>,
    id: &str,
    today: NaiveDate,
) -> Result<Option<HeldReview>, RecordsError> {
    Reading::new(vault, today)?.open(vault, id)
}

/// Every review held here as this person holds it on `today`; one that cannot be read is listed
/// as such, never left out.
pub fn all<S: KeyValueStore>(
    vault: &Vault<S>,
    today: NaiveDate,
) -> Result<Vec<Result<HeldReview, Unreadable>>, RecordsError> {
    let reading = Reading::new(vault, today)?;
    let ids: Vec<String> = vault
        .list()
        .filter(|(_, header)| header.kind == "review")
        .filter_map(|(key, _)| key.strip_prefix("review:").map(str::to_owned))
        .collect();
    Ok(ids
        .into_iter()
        .filter_map(|id| match reading.open(vault, &id) {
            Ok(held) => held.map(Ok),
            Err(error) => Some(Err(Unreadable {
                reviewee: review(vault, &id)
                    .ok()
                    .flatten()
                    .map(|stored| stored.summary.reviewee.name),
                review_id: id,
                error,
            })),
        })
        .collect())
}

/// Every review held here that can be read, for counts across the school (the desk and the
/// governors' report say separately how many could not be).
pub fn readable<S: KeyValueStore>(
    vault: &Vault<S>,
    today: NaiveDate,
) -> Result<Vec<HeldReview>, RecordsError> {
    Ok(all(vault, today)?
        .into_iter()
        .filter_map(Result::ok)
        .collect())
}
