//! Sign-offs kept with each review: adding this person's own, joining those that arrive, and
//! how each stands against the documents as they are now.

use chrono::{DateTime, Utc};

use super::{RecordsError, read_as, write_as};
use crate::bundle::sign_off::SignedSignOff;
use crate::storage::{KeyValueStore, Vault};
use std::collections::BTreeMap;

use super::identity::contacts;

pub(super) fn sign_offs_key(review: &str) -> String {
    format!("sign-offs:{review}")
}

/// Every sign-off given on this review that is held here, oldest first.
pub fn sign_offs<S: KeyValueStore>(
    vault: &Vault<S>,
    review: &str,
) -> Result<Vec<SignedSignOff>, RecordsError> {
    Ok(read_as(vault, &sign_offs_key(review))?
        .map(|(list, _)| list)
        .unwrap_or_default())
}

pub(super) fn save_sign_offs<S: KeyValueStore>(
    vault: &mut Vault<S>,
    review: &str,
    list: &[SignedSignOff],
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    write_as(vault, &sign_offs_key(review), "sign_offs", &list, now)
}

/// The sign-offs held here joined with `incoming`: each one kept once, and only those whose
/// signature holds for the keys they carry (whether those are the signer's is checked on display).
pub(super) fn join_sign_offs(
    held: &[SignedSignOff],
    incoming: &[SignedSignOff],
) -> Vec<SignedSignOff> {
    let mut joined = held.to_vec();
    for signed in incoming {
        if signed.signature_holds() && !joined.contains(signed) {
            joined.push(signed.clone());
        }
    }
    joined.sort_by_key(|signed| signed.sign_off.signed_on);
    joined
}

/// Keeps this person's sign-off with the review, to travel in the next bundle they send.
pub fn add_sign_off<S: KeyValueStore>(
    vault: &mut Vault<S>,
    review: &str,
    signed: SignedSignOff,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    let list = join_sign_offs(&sign_offs(vault, review)?, &[signed]);
    save_sign_offs(vault, review, &list, now)
}

/// Signs `sign_off` with this person's keys and keeps it with the review's other sign-offs.
pub fn sign<S: KeyValueStore>(
    vault: &mut Vault<S>,
    review: &str,
    sign_off: crate::domain::sign_off::SignOff,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    let me = super::identity::identity(vault)?.ok_or(RecordsError::NotOpen)?;
    let keys = crate::bundle::identity::Identity::from_seed(&me.seed);
    add_sign_off(vault, review, SignedSignOff::sign(sign_off, &keys), now)
}

/// A sign-off as it stands now, for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignOffStanding {
    pub signed: SignedSignOff,
    pub status: crate::domain::sign_off::SignOffStatus,
    /// Whether the keys it was made with are the signer's confirmed keys (a pinned contact, or
    /// this person's own); if not, it is checked against the keys it carries.
    pub keys_confirmed: bool,
}

/// The sign-off that stands for each document and role, with whether it still covers the
/// document as it is now. A sign-off counts only if made with the keys bound to that role's place
/// in the review; while the place has no keys yet it is checked against the keys it carries, and
/// is not valid if those are the other party's (a reviewer signing in the reviewee's place).
/// `my_keys` are this person's own; they and confirmed contacts' keys count as confirmed. For
/// each document and role the best one stands: current before out of date before not valid,
/// then the latest.
pub fn sign_off_standings<S: KeyValueStore>(
    vault: &Vault<S>,
    review: &crate::domain::cycle::Review,
    my_keys: &crate::bundle::identity::PublicKeys,
) -> Result<Vec<SignOffStanding>, RecordsError> {
    use crate::domain::people::Role;
    use crate::domain::sign_off::{SignOffStatus, SignerRole};
    let contacts = contacts(vault)?;
    let Some(held) = super::reviews::review(vault, review.id.as_str())? else {
        return Ok(Vec::new());
    };
    let summary = held.summary;
    let rank = |status: &SignOffStatus| match status {
        SignOffStatus::Current => 3,
        SignOffStatus::OutOfDate { .. } => 2,
        SignOffStatus::Superseded { .. } => 1,
        SignOffStatus::Invalid => 0,
    };
    let mut standing: BTreeMap<(String, SignerRole), SignOffStanding> = BTreeMap::new();
    for signed in sign_offs(vault, review.id.as_str())? {
        let sign_off = &signed.sign_off;
        let (place, other) = match sign_off.role {
            SignerRole::Reviewer => (Role::Reviewer, Role::Reviewee),
            SignerRole::Reviewee => (Role::Reviewee, Role::Reviewer),
        };
        let bound = summary.keys_of(place);
        let status = match bound {
            Some(keys) => signed.status(review, &keys),
            None if summary.keys_of(other) == Some(signed.keys) => SignOffStatus::Invalid,
            None => signed.status(review, &signed.keys),
        };
        let keys_confirmed = signed.keys == *my_keys || contacts.get(&signed.keys).is_some();
        let candidate = SignOffStanding {
            keys_confirmed,
            status,
            signed,
        };
        let key = (
            candidate.signed.sign_off.document.clone(),
            candidate.signed.sign_off.role,
        );
        let better = standing.get(&key).is_none_or(|held| {
            (rank(&candidate.status), candidate.signed.sign_off.signed_on)
                >= (rank(&held.status), held.signed.sign_off.signed_on)
        });
        if better {
            standing.insert(key, candidate);
        }
    }
    Ok(standing.into_values().collect())
}

/// Which sign-offs on the statement still cover it, for working out the review's stage.
/// The documents `role` signs that no current sign-off of theirs covers: what is still theirs
/// to sign.
pub fn still_to_sign(
    standings: &[SignOffStanding],
    role: crate::domain::sign_off::SignerRole,
) -> Vec<&'static str> {
    role.documents()
        .iter()
        .copied()
        .filter(|document| !signed_as_it_is(standings, document, role))
        .collect()
}

/// Whether `role` has a sign-off on `document` that covers it as it is now.
pub fn signed_as_it_is(
    standings: &[SignOffStanding],
    document: &str,
    role: crate::domain::sign_off::SignerRole,
) -> bool {
    standings.iter().any(|standing| {
        standing.signed.sign_off.document == document
            && standing.signed.sign_off.role == role
            && standing.status == crate::domain::sign_off::SignOffStatus::Current
    })
}

pub fn statement_signed(standings: &[SignOffStanding]) -> crate::domain::progress::StatementSigned {
    use crate::domain::documents::{Document, Statement};
    use crate::domain::sign_off::SignerRole;
    crate::domain::progress::StatementSigned {
        by_reviewer: signed_as_it_is(standings, Statement::KIND, SignerRole::Reviewer),
        by_reviewee: signed_as_it_is(standings, Statement::KIND, SignerRole::Reviewee),
    }
}
