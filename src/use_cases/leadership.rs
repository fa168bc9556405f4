//! What the people who run appraisal see across the school's reviews held here: the cycles
//! they belong to, the headteacher's desk (a row per review, kept between storage changes and
//! worked out again only for the reviews a change touched) and the governors' anonymised report.

use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeMap;

use super::RecordsError;
use super::held::Reading;
use super::reviews::{load_review, reviews};
use crate::bundle::identity::PublicKeys;
use crate::bundle::payload::ReviewSummary;
use crate::domain::cycle::{Review, Stage};
use crate::domain::dates::{DateError, parse_optional_uk_date};
use crate::domain::desk::DeskRow;
use crate::domain::documents::{Document, PayDecision, PayDecisionMade};
use crate::domain::field_map::to_field_map;
use crate::domain::governors::{GovernorsReport, governors_report};
use crate::domain::pay::{PayDecisionRefused, accepting_the_recommendation, check_pay_decision};
use crate::domain::people::Role;
use crate::domain::period::CyclePeriod;
use crate::domain::policy::AppealRoute;
use crate::storage::{KeyValueStore, Vault};

/// Record keys with the revision of each, as read.
type Revisions = Vec<(String, u64)>;

/// The desk's rows, kept between storage changes. Each row remembers the revisions of the
/// records it was worked out from (the review's own, its documents' and its sign-offs'); a row
/// is worked out again only when one of those changed, or when something every row depends on
/// did (this person's identity, their contacts, the school's calendar, or the day).
#[derive(Debug, Default)]
pub struct Desk {
    /// Review id → the revisions read, and its row (`None` for a review not on the desk).
    rows: BTreeMap<String, (Revisions, Option<DeskRow>)>,
    depends_on: Revisions,
    today: Option<NaiveDate>,
    /// How many reviews were read and checked since the desk was made: the test that it reads
    /// only what changed counts them.
    pub reviews_read: usize,
}

/// The review a record belongs to, by its key (`review:<id>`, `review:<id>:<kind>`,
/// `sign-offs:<id>`).
fn review_of_key(key: &str) -> Option<&str> {
    let id = key
        .strip_prefix("review:")
        .or_else(|| key.strip_prefix("sign-offs:"))?;
    Some(id.split(':').next().unwrap_or(id))
}

/// Records every row depends on: whose keys check the sign-offs, and the calendar.
const EVERY_ROW_READS: [&str; 3] = [
    super::identity::IDENTITY,
    super::identity::CONTACTS,
    super::identity::SCHOOL,
];

impl Desk {
    /// Every review held here as a row, working out again only the rows whose records changed.
    pub fn rows<S: KeyValueStore>(
        &mut self,
        vault: &Vault<S>,
        today: NaiveDate,
    ) -> Result<Vec<DeskRow>, RecordsError> {
        let mut revisions: BTreeMap<&str, Revisions> = BTreeMap::new();
        let mut depends_on = Vec::new();
        for (key, header) in vault.list() {
            if EVERY_ROW_READS.contains(&key) {
                depends_on.push((key.to_owned(), header.rev));
            } else if let Some(id) = review_of_key(key) {
                revisions
                    .entry(id)
                    .or_default()
                    .push((key.to_owned(), header.rev));
            }
        }
        if self.depends_on != depends_on || self.today != Some(today) {
            self.rows.clear();
            self.depends_on = depends_on;
            self.today = Some(today);
        }
        self.rows
            .retain(|id, _| revisions.contains_key(id.as_str()));
        let reading = Reading::new(vault, today)?;
        let calendar = super::identity::school_calendar(vault);
        for (id, mut read) in revisions {
            read.sort();
            if self.rows.get(id).is_some_and(|(held, _)| *held == read) {
                continue;
            }
            self.reviews_read += 1;
            // On the desk: the reviews this person reviews or received as headteacher, never
            // their own review or one they hold only the training needs of.
            let row = reading
                .open(vault, id)?
                .filter(|held| matches!(held.part, Role::Reviewer | Role::Headteacher))
                .map(|held| DeskRow::of(&held.review, held.stage, held.signed, &calendar, today));
            self.rows.insert(id.to_owned(), (read, row));
        }
        Ok(self
            .rows
            .values()
            .filter_map(|(_, row)| row.clone())
            .collect())
    }
}

/// The headteacher as the school's settings held here name them (name and keys, their keys
/// found among the contacts the settings added), or this person when they are the headteacher.
pub fn the_headteacher<S: KeyValueStore>(
    vault: &Vault<S>,
) -> Result<Option<(String, PublicKeys)>, RecordsError> {
    if let Some(me) = super::identity::identity(vault)?
        && me.roles.contains(&Role::Headteacher)
    {
        return Ok(Some((me.name.clone(), me.public_keys())));
    }
    let Some(held) = super::school::held_version(vault)? else {
        return Ok(None);
    };
    let Some(named) = held.headteacher_keys else {
        return Ok(None);
    };
    let in_contacts = super::identity::contacts(vault)?
        .by_key
        .into_values()
        .find(|contact| crate::bundle::school_file::keys_text(&contact.keys) == named)
        .map(|contact| (contact.name, contact.keys));
    // The settings name the headteacher even when their card has since left the contacts.
    Ok(in_contacts.or_else(|| {
        crate::bundle::school_file::keys_from_text(&named)
            .map(|keys| (held.headteacher.unwrap_or_default(), keys))
    }))
}

/// Whether the appeal in the review `summary` goes to the governing body rather than to the
/// headteacher (whose keys are `headteacher`): the policy says so when the headteacher is the
/// reviewer (seed 001 "Appeals").
pub fn governing_body_hears(summary: &ReviewSummary, headteacher: &PublicKeys) -> bool {
    summary.policy.appeals == AppealRoute::HeadteacherOrGoverningBody
        && summary.reviewer_keys == Some(*headteacher)
}

/// Refuses anyone but the headteacher: for moderation notes, appeal outcomes and pay decisions.
pub fn only_the_headteacher<S: KeyValueStore>(vault: &Vault<S>) -> Result<(), RecordsError> {
    let me = super::identity::identity(vault)?;
    if me.is_some_and(|me| me.roles.contains(&Role::Headteacher)) {
        Ok(())
    } else {
        Err(RecordsError::OnlyTheHeadteacher)
    }
}

/// Why a pay decision was not recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayDecisionError {
    /// The date typed is no date.
    Date(DateError),
    Refused(PayDecisionRefused),
    Records(RecordsError),
}

impl std::fmt::Display for PayDecisionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PayDecisionError::Date(problem) => problem.fmt(f),
            PayDecisionError::Refused(refused) => refused.fmt(f),
            PayDecisionError::Records(error) => error.fmt(f),
        }
    }
}

impl From<RecordsError> for PayDecisionError {
    fn from(error: RecordsError) -> Self {
        PayDecisionError::Records(error)
    }
}

/// Records the headteacher's pay `decision` for review `review_id`, as an edit by `device`, once
/// the domain accepts it; refused for anyone but the headteacher, and nothing changes then.
pub fn record_pay_decision<S: KeyValueStore>(
    vault: &mut Vault<S>,
    review_id: &str,
    decision: &PayDecision,
    device: &str,
    now: DateTime<Utc>,
) -> Result<(), PayDecisionError> {
    only_the_headteacher(vault)?;
    let review = load_review(vault, review_id)?.ok_or(RecordsError::UnknownReview)?;
    check_pay_decision(&review, decision, now.date_naive()).map_err(PayDecisionError::Refused)?;
    let mut state =
        super::reviews::document(vault, review_id, PayDecision::KIND)?.unwrap_or_default();
    let stamp = state.latest_stamp().tick(now.timestamp_millis());
    state.record_edit(&to_field_map(decision), device, stamp);
    super::reviews::save_document(vault, review_id, PayDecision::KIND, &state, now)?;
    Ok(())
}

/// Records the headteacher's pay decision for review `review_id` as typed on the page: what was
/// decided, the reason, and the day (dd/mm/yyyy, blank until they give it).
pub fn decide_pay<S: KeyValueStore>(
    vault: &mut Vault<S>,
    review_id: &str,
    decision: Option<PayDecisionMade>,
    reason: &str,
    typed_day: &str,
    now: DateTime<Utc>,
) -> Result<(), PayDecisionError> {
    let decision = PayDecision {
        decision,
        reason: reason.to_owned(),
        decided_on: parse_optional_uk_date(typed_day).map_err(PayDecisionError::Date)?,
    };
    let device = vault.writer().to_owned();
    record_pay_decision(vault, review_id, &decision, &device, now)
}

/// A pay decision recorded by accepting the reviewer's recommendation, for the confirmation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    /// The reviewee with their job title.
    pub reviewee: String,
    pub reviewer: String,
    pub decision: PayDecisionMade,
}

/// Why the reviewers' recommendations were not accepted in one go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AcceptingError {
    NoneChosen,
    /// The date typed is no date: nothing was recorded.
    Date(DateError),
    /// A chosen reviewee has no recommendation to accept (none made, one the policy leaves to
    /// the headteacher, or the decision already recorded).
    NothingToAccept {
        reviewee: String,
    },
    /// The decision would be refused (no reason, no date, a date ahead): nothing was recorded.
    Refused(PayDecisionRefused),
    /// Storage refused part-way: the decisions named were recorded, the rest were not.
    Stopped {
        recorded: Vec<String>,
        error: PayDecisionError,
    },
}

impl std::fmt::Display for AcceptingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AcceptingError::NoneChosen => write!(
                f,
                "No one is chosen. Tick the members of staff whose reviewer’s recommendation you accept."
            ),
            AcceptingError::NothingToAccept { reviewee } => write!(
                f,
                "{reviewee} has no reviewer’s recommendation to accept: untick them and record their decision on its own below."
            ),
            AcceptingError::Date(problem) => write!(f, "Nothing was recorded. {problem}"),
            AcceptingError::Refused(refused) => write!(f, "Nothing was recorded. {refused}"),
            AcceptingError::Stopped { recorded, error } if recorded.is_empty() => {
                write!(f, "Nothing was recorded. {error}")
            }
            AcceptingError::Stopped { recorded, error } => write!(
                f,
                "The decisions for {} were recorded; the rest were not. {error}",
                recorded.join(", ")
            ),
        }
    }
}

/// Records, for each review of `rows` whose id is in `chosen`, the decision that accepts the
/// reviewer's recommendation, with one `reason` and the day typed: every decision is checked
/// before any is recorded, so a refusal leaves everything as it was. Returns who was recorded,
/// with what.
pub fn accept_recommendations<S: KeyValueStore>(
    vault: &mut Vault<S>,
    rows: &[DeskRow],
    chosen: &[String],
    reason: &str,
    typed_day: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Accepted>, AcceptingError> {
    let decided_on = parse_optional_uk_date(typed_day).map_err(AcceptingError::Date)?;
    let stopped = |recorded: &[Accepted], error: PayDecisionError| AcceptingError::Stopped {
        recorded: recorded.iter().map(|done| done.reviewee.clone()).collect(),
        error,
    };
    only_the_headteacher(vault).map_err(|error| stopped(&[], error.into()))?;
    let mut decisions = Vec::new();
    for row in rows
        .iter()
        .filter(|row| chosen.iter().any(|id| id == row.review.as_str()))
    {
        let made =
            accepting_the_recommendation(row).ok_or_else(|| AcceptingError::NothingToAccept {
                reviewee: row.reviewee_in_words(),
            })?;
        let decision = PayDecision {
            decision: Some(made),
            reason: reason.to_owned(),
            decided_on,
        };
        let review = load_review(vault, row.review.as_str())
            .and_then(|review| review.ok_or(RecordsError::UnknownReview))
            .map_err(|error| stopped(&[], error.into()))?;
        check_pay_decision(&review, &decision, now.date_naive())
            .map_err(AcceptingError::Refused)?;
        decisions.push((row, made, decision));
    }
    if decisions.is_empty() {
        return Err(AcceptingError::NoneChosen);
    }
    let device = vault.writer().to_owned();
    let mut recorded = Vec::new();
    for (row, made, decision) in decisions {
        record_pay_decision(vault, row.review.as_str(), &decision, &device, now)
            .map_err(|error| stopped(&recorded, error))?;
        recorded.push(Accepted {
            reviewee: row.reviewee_in_words(),
            reviewer: row.reviewer.clone(),
            decision: made,
        });
    }
    Ok(recorded)
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
    let in_cycle: Vec<(Review, Stage)> = super::held::readable(vault, today)?
        .into_iter()
        .filter(|held| held.review.period == cycle)
        .map(|held| (held.review, held.stage))
        .collect();
    Ok((!in_cycle.is_empty()).then(|| governors_report(&in_cycle, &calendar)))
}

/// The school's name for what is printed (the governors' report, a statement): as the school
/// settings in use name it, or as this person gave it in their details.
pub fn school_name<S: KeyValueStore>(vault: &Vault<S>) -> Result<Option<String>, RecordsError> {
    let published = super::school::held_version(vault)?
        .map(|held| held.school.trim().to_owned())
        .filter(|school| !school.is_empty());
    Ok(published.or_else(|| super::identity::my_school(vault)))
}
