//! A reviewee's written request to the headteacher for another reviewer (seed 004, 6.4): making
//! it (their reasons, to the headteacher the school's settings name, locked for them), keeping a
//! received one beside the staff list, and marking it answered once the headteacher has decided
//! (by changing the reviewer on the staff list, or not). Changing the reviewer does not restart
//! the cycle (6.6).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

use super::identity::identity;
use super::staff::{kept_by_someone_else, staff_list};
use super::{RecordsError, read_as, write_as};
use crate::bundle::identity::Identity;
use crate::bundle::open::Verified;
pub use crate::bundle::reviewer_request::ReviewerRequest;
use crate::bundle::school_file::keys_text;
use crate::random::RandomSource;
use crate::storage::{KeyValueStore, Vault};

const PREFIX: &str = "reviewer-request:";

/// A request as the headteacher keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldRequest {
    pub request: ReviewerRequest,
    pub received_on: NaiveDate,
    /// The day the headteacher marked it answered; `None` while it waits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_on: Option<NaiveDate>,
}

/// Why a request was not made or kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestProblem {
    NoReasons,
    /// The person asking is not on the staff list held here.
    NotListed,
    /// The staff list gives the person asking no reviewer to replace.
    NoReviewer,
    /// No school settings name the headteacher to send it to.
    NoHeadteacher,
    /// Received by someone who does not keep the staff list.
    NotForYou {
        publisher: String,
    },
    /// Received from someone not on the staff list.
    SenderNotListed {
        name: String,
    },
    /// The request is no longer kept here.
    NoSuchRequest,
    Records(RecordsError),
}

impl fmt::Display for RequestProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestProblem::NoReasons => write!(
                f,
                "Write your reasons first: the headteacher decides from them, as your school’s policy asks."
            ),
            RequestProblem::NotListed => write!(
                f,
                "You are not on your school’s staff list yet, so there is no reviewer to replace. Ask the headteacher to add you, then import the school settings file they send."
            ),
            RequestProblem::NoReviewer => write!(
                f,
                "The staff list gives you no reviewer yet, so there is nobody to replace."
            ),
            RequestProblem::NoHeadteacher => write!(
                f,
                "Your school’s settings name no headteacher to send this to. Ask your headteacher for the school settings file and import it first."
            ),
            RequestProblem::NotForYou { publisher } => write!(
                f,
                "This request for another reviewer is for {publisher}, who keeps the staff list, so it was not kept here. Pass it on to them."
            ),
            RequestProblem::SenderNotListed { name } => write!(
                f,
                "This request for another reviewer is from {name}, who is not on the staff list, so it was not kept. Add them to the staff list first if they should be on it."
            ),
            RequestProblem::NoSuchRequest => write!(
                f,
                "That request is no longer kept here. Reload the page to see the requests as they are."
            ),
            RequestProblem::Records(error) => error.fmt(f),
        }
    }
}

impl From<RecordsError> for RequestProblem {
    fn from(error: RecordsError) -> Self {
        RequestProblem::Records(error)
    }
}

/// Whom a request from this person would go to: their reviewer on the staff list and the
/// headteacher the settings name; `None` when they cannot ask (not on the list, no reviewer, or
/// no headteacher known), or when they keep the list themselves.
pub fn who_is_asked<S: KeyValueStore>(
    vault: &Vault<S>,
) -> Result<Option<(String, String)>, RecordsError> {
    if kept_by_someone_else(vault)?.is_none() {
        return Ok(None);
    }
    let Some(me) = identity(vault)? else {
        return Ok(None);
    };
    let list = staff_list(vault)?;
    let Some((mine, _)) = list.holder_of(&keys_text(&me.public_keys())) else {
        return Ok(None);
    };
    let reviewer = list.reviewer_of(mine).map(|reviewer| reviewer.name.clone());
    let headteacher = super::leadership::the_headteacher(vault)?.map(|(name, _)| name);
    Ok(reviewer.zip(headteacher))
}

/// The request, ready to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestFile {
    pub file_name: String,
    pub contents: String,
    pub headteacher: String,
}

/// Makes this person's request to replace their reviewer, with `reasons`, as a file signed with
/// `keys` and locked for the headteacher; `request_id` is fresh.
pub fn ask_for_another_reviewer<S: KeyValueStore>(
    vault: &Vault<S>,
    keys: &Identity,
    reasons: &str,
    request_id: &str,
    random: &mut dyn RandomSource,
    now: DateTime<Utc>,
) -> Result<RequestFile, RequestProblem> {
    let reasons = reasons.trim();
    if reasons.is_empty() {
        return Err(RequestProblem::NoReasons);
    }
    let list = staff_list(vault)?;
    let (mine, _) = list
        .holder_of(&keys_text(&keys.public_keys()))
        .ok_or(RequestProblem::NotListed)?;
    let reviewer = list.reviewer_of(mine).ok_or(RequestProblem::NoReviewer)?;
    let (headteacher, headteacher_keys) =
        super::leadership::the_headteacher(vault)?.ok_or(RequestProblem::NoHeadteacher)?;
    let request = ReviewerRequest {
        request_id: request_id.to_owned(),
        made_at_millis: now.timestamp_millis(),
        reviewee: mine.name.clone(),
        keys: keys.public_keys(),
        reviewer: reviewer.name.clone(),
        reasons: reasons.to_owned(),
    };
    Ok(RequestFile {
        file_name: request.file_name(),
        contents: request.write(keys, &headteacher_keys, random),
        headteacher,
    })
}

/// Keeps a received request beside the staff list: only for whoever keeps the list, and only
/// from someone on it. The same request again changes nothing.
pub fn keep_request<S: KeyValueStore>(
    vault: &mut Vault<S>,
    file: &Verified<ReviewerRequest>,
    now: DateTime<Utc>,
) -> Result<(), RequestProblem> {
    if let Some(publisher) = kept_by_someone_else(vault)? {
        return Err(RequestProblem::NotForYou { publisher });
    }
    let request = file.payload();
    if staff_list(vault)?
        .holder_of(&keys_text(file.signer()))
        .is_none()
    {
        return Err(RequestProblem::SenderNotListed {
            name: request.reviewee.clone(),
        });
    }
    let key = format!("{PREFIX}{}", request.request_id);
    if read_as::<HeldRequest, S>(vault, &key)?.is_some() {
        return Ok(());
    }
    let held = HeldRequest {
        request: request.clone(),
        received_on: now.date_naive(),
        answered_on: None,
    };
    write_as(vault, &key, "reviewer_request", &held, now)?;
    Ok(())
}

/// The requests kept here: those waiting first, then the newest.
pub fn requests<S: KeyValueStore>(vault: &Vault<S>) -> Result<Vec<HeldRequest>, RecordsError> {
    let keys: Vec<String> = vault
        .list()
        .filter(|(key, _)| key.starts_with(PREFIX))
        .map(|(key, _)| key.to_owned())
        .collect();
    let mut held = Vec::new();
    for key in keys {
        if let Some((request, _)) = read_as::<HeldRequest, S>(vault, &key)? {
            held.push(request);
        }
    }
    held.sort_by_key(|held| {
        (
            held.answered_on.is_some(),
            std::cmp::Reverse(held.request.made_at_millis),
        )
    });
    Ok(held)
}

/// Marks the request answered today: the headteacher has decided, and said so to the person.
pub fn mark_answered<S: KeyValueStore>(
    vault: &mut Vault<S>,
    request_id: &str,
    now: DateTime<Utc>,
) -> Result<(), RequestProblem> {
    let key = format!("{PREFIX}{request_id}");
    let Some((mut held, _)) = read_as::<HeldRequest, S>(vault, &key)? else {
        return Err(RequestProblem::NoSuchRequest);
    };
    held.answered_on = Some(now.date_naive());
    write_as(vault, &key, "reviewer_request", &held, now)?;
    Ok(())
}
