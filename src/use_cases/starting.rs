//! Starting a review, as the reviewer fills in "Start a review": every check of what they typed
//! (the reviewee's name, the meeting date, a part-year cycle, whom the policy leaves out, a
//! second review of the same person this cycle), the cycle the meeting looks back on, pay
//! eligibility, the reviewee known by their keys when their contact card is here, and the review
//! kept with last cycle's objectives to rate.

use chrono::{DateTime, Utc};
use std::fmt;

use super::RecordsError;
use super::identity::{contact_for, identity};
use super::reviews::{StoredReview, reviews, start_review};
use crate::bundle::payload::ReviewSummary;
use crate::bundle::school_file::keys_text;
use crate::domain::dates::{parse_optional_uk_date, parse_uk_date};
use crate::domain::ids::Id;
use crate::domain::people::PersonRef;
use crate::domain::period::{CyclePeriod, PartYearProblem};
use crate::domain::policy::{Exclusion, Policy};
use crate::domain::staff::StaffMember;
use crate::domain::validation::second_review_this_cycle;
use crate::storage::{KeyValueStore, Vault};

/// What the reviewer typed and chose.
#[derive(Debug, Clone, PartialEq)]
pub struct NewReview {
    pub reviewee_name: String,
    pub reviewee_job_title: String,
    pub policy: Policy,
    /// The staff group whose cycle the review follows (the policy's first when blank).
    pub staff_group: String,
    /// The meeting date as typed, dd/mm/yyyy.
    pub meeting: String,
    /// A joiner's or fixed-term contract's own cycle, as typed; both blank for the whole cycle.
    pub part_year_first: String,
    pub part_year_last: String,
    /// Pay eligibility where the reviewer said; otherwise it follows the policy.
    pub pay_eligible: Option<bool>,
    /// What the reviewer says of the reviewee that the policy may leave out.
    pub left_out: Vec<Exclusion>,
    /// Last cycle's objectives, one a line.
    pub previous_objectives: String,
    /// Which of several contacts of the reviewee's name, by key id.
    pub contact: Option<String>,
    /// The member of the staff list chosen from those it gives this reviewer, by staff id.
    pub listed: Option<String>,
    /// The review of the same person this cycle the reviewer was already warned of: starting
    /// again means they want a second one.
    pub second_accepted: Option<Id>,
}

/// The fields of the form a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    RevieweeName,
    MeetingDate,
    LeftOut,
    PartYearFirst,
    PartYearLast,
}

/// Why the review was not started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotStarted {
    /// What was typed needs correcting: each field with its sentence.
    Fields(Vec<(Field, String)>),
    /// A review of the same person in the same cycle is held here; starting again starts a
    /// second one.
    SecondReview {
        existing: Id,
        warning: String,
    },
    Records(RecordsError),
}

impl fmt::Display for NotStarted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotStarted::Fields(problems) => {
                let sentences: Vec<&str> = problems.iter().map(|(_, s)| s.as_str()).collect();
                write!(f, "{}", sentences.join(" "))
            }
            NotStarted::SecondReview { warning, .. } => write!(f, "{warning}"),
            NotStarted::Records(error) => error.fmt(f),
        }
    }
}

impl From<RecordsError> for NotStarted {
    fn from(error: RecordsError) -> Self {
        NotStarted::Records(error)
    }
}

/// A review started: as kept, and whether its invitation can go locked to the reviewee (their
/// contact card is here).
#[derive(Debug, Clone, PartialEq)]
pub struct Started {
    pub review: StoredReview,
    pub invitation_locked: bool,
}

/// Starts the review `new` describes, as this person, with `review_id` (fresh) and the reviewee
/// known by `staff_id` (fresh) unless their contact card gives their keys.
pub fn start<S: KeyValueStore>(
    vault: &mut Vault<S>,
    new: &NewReview,
    review_id: &str,
    staff_id: &str,
    now: DateTime<Utc>,
) -> Result<Started, NotStarted> {
    let me = identity(vault)?.ok_or(RecordsError::NotOpen)?;
    let mut problems = Vec::new();
    let reviewee_name = new.reviewee_name.trim().to_owned();
    if reviewee_name.is_empty() {
        problems.push((Field::RevieweeName, "Enter the reviewee’s name.".to_owned()));
    }
    let meeting_on = parse_uk_date(&new.meeting)
        .map_err(|error| problems.push((Field::MeetingDate, error.to_string())))
        .ok();
    if me.name.trim().is_empty() {
        problems.push((
            Field::RevieweeName,
            "Add your own name on the Contacts page first, so the reviewee knows the invitation is from you.".to_owned(),
        ));
    }
    if let Some(exclusion) = new.policy.leaves_out(&new.left_out) {
        problems.push((Field::LeftOut, exclusion.refusal().to_owned()));
    }
    let (Some(meeting_on), true) = (meeting_on, problems.is_empty()) else {
        return Err(NotStarted::Fields(problems));
    };
    let my_keys = me.public_keys();
    // A reviewee on the staff list is known by the keys it gives; otherwise by their contact
    // card when it is here.
    let listed = listed_reviewee(vault, new, &reviewee_name, &my_keys)?;
    let known = match &listed {
        Some(member) => super::staff::member_keys(member),
        None => contact_for(vault, &reviewee_name, new.contact.as_deref())
            .map_err(|error| NotStarted::Fields(vec![(Field::RevieweeName, error.to_string())]))?
            .map(|contact| contact.keys),
    };
    let (reviewee_name, staff_group) = match &listed {
        Some(member) if new.staff_group.trim().is_empty() => {
            (member.name.clone(), member.staff_group.clone())
        }
        Some(member) => (member.name.clone(), new.staff_group.clone()),
        None => (reviewee_name, new.staff_group.clone()),
    };
    let job_title = match (&listed, new.reviewee_job_title.trim()) {
        (Some(member), "") => member.job_title.clone(),
        (_, typed) => typed.to_owned(),
    };
    let cycle = new
        .policy
        .cycle_for(&staff_group)
        .or_else(|| new.policy.cycles.first())
        .cloned()
        .ok_or_else(|| NotStarted::Fields(vec![(Field::MeetingDate, "The policy sets no cycle for this member of staff. Choose another policy, or add a cycle for their staff group in Settings.".to_owned())]))?;
    // A review is filed under the cycle its meeting looks back on.
    let period = CyclePeriod::reviewed_at(&cycle, meeting_on).ok_or_else(|| {
        NotStarted::Fields(vec![(
            Field::MeetingDate,
            "That meeting date is too far from today. Check the year.".to_owned(),
        )])
    })?;
    let part_year = part_year(&cycle, meeting_on, new)?;
    let held = reviews(vault)?;
    let second = second_review_this_cycle(
        held.iter()
            .map(|r| (&r.summary.id, &r.summary.reviewee, &r.summary.period)),
        &reviewee_name,
        &period,
    );
    if let Some((existing, warning)) = second
        && new.second_accepted.as_ref() != Some(&existing)
    {
        return Err(NotStarted::SecondReview {
            existing,
            warning: warning.to_string(),
        });
    }
    let summary = ReviewSummary {
        id: Id::new(review_id).expect("fresh ids are valid ids"),
        reviewee: PersonRef {
            staff_id: Id::new(known.map_or_else(|| staff_id.to_owned(), |keys| keys.key_id()))
                .expect("fresh ids and key ids are valid ids"),
            name: reviewee_name,
            job_title,
        },
        reviewer: PersonRef {
            staff_id: Id::new(my_keys.key_id()).expect("key ids are valid ids"),
            name: me.name.clone(),
            job_title: me.job_title.clone(),
        },
        staff_group: cycle.staff_group.clone(),
        pay_eligible: new.policy.pay_progression
            && new.pay_eligible.unwrap_or(new.policy.pay_progression),
        policy: new.policy.clone(),
        period,
        meeting_on: Some(meeting_on),
        part_year,
        previous_reviewers: Vec::new(),
        reviewer_keys: Some(my_keys),
        reviewee_keys: known,
    };
    let objectives: Vec<String> = new.previous_objectives.lines().map(str::to_owned).collect();
    let device = vault.writer().to_owned();
    start_review(vault, summary.clone(), &objectives, &device, now)?;
    Ok(Started {
        review: StoredReview::new(summary),
        invitation_locked: known.is_some(),
    })
}

/// The member of the staff list the review is for: the one chosen from this reviewer's
/// allocation, or the one of the name typed. Someone the list gives to another reviewer is
/// refused, naming who (seed 004, 6.1: the headteacher delegates each review); someone not on
/// the list, or with no list held, is `None`.
fn listed_reviewee<S: KeyValueStore>(
    vault: &Vault<S>,
    new: &NewReview,
    reviewee_name: &str,
    my_keys: &crate::bundle::identity::PublicKeys,
) -> Result<Option<StaffMember>, NotStarted> {
    let list = super::staff::staff_list(vault)?;
    let member = match &new.listed {
        Some(staff_id) => list.member(staff_id),
        None => list.named(reviewee_name),
    };
    let Some(member) = member else {
        return Ok(None);
    };
    let reviewer = list.reviewer_of(member);
    let mine = keys_text(my_keys);
    if reviewer.is_some_and(|reviewer| reviewer.current_keys() == Some(&mine)) {
        return Ok(Some(member.clone()));
    }
    let sentence = match reviewer {
        Some(reviewer) => format!(
            "The school’s staff list gives {}’s review to {}. If that should change, ask the headteacher to change the staff list and send you the new school settings file.",
            member.name, reviewer.name
        ),
        None => format!(
            "The school’s staff list gives {} no reviewer yet. Ask the headteacher to make you their reviewer and send you the new school settings file.",
            member.name
        ),
    };
    Err(NotStarted::Fields(vec![(Field::RevieweeName, sentence)]))
}

/// The reviewee's own part of the cycle the meeting plans, from the days typed.
fn part_year(
    cycle: &crate::domain::policy::CycleOption,
    meeting_on: chrono::NaiveDate,
    new: &NewReview,
) -> Result<Option<CyclePeriod>, NotStarted> {
    let day = |typed: &str, field: Field| {
        parse_optional_uk_date(typed)
            .map_err(|error| NotStarted::Fields(vec![(field, error.to_string())]))
    };
    let first = day(&new.part_year_first, Field::PartYearFirst)?;
    let last = day(&new.part_year_last, Field::PartYearLast)?;
    let Some(planned) = CyclePeriod::planned_at(cycle, meeting_on) else {
        return Ok(None);
    };
    planned
        .part(first, last)
        .map_err(|problem: PartYearProblem| {
            let field = if problem.about_first_day() {
                Field::PartYearFirst
            } else {
                Field::PartYearLast
            };
            NotStarted::Fields(vec![(field, problem.to_string())])
        })
}
