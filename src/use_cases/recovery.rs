//! Putting right what was found damaged when the data opened, and naming saved items in the
//! person's own words ("your pre-review", "the planning and review statement of Sam Patel's
//! review"), never by their storage keys.
//!
//! A damaged record goes back to its previous good save, and the person is told which item and
//! from when. The identity is never put back, or replaced, without the person choosing: without
//! their keys, files sent to them cannot be opened and their reviews are bound to keys they no
//! longer hold, so a damaged identity stops the app until they choose.

use chrono::{DateTime, Utc};

use super::RecordsError;
use super::editing::PRE_REVIEW_KEY;
use super::identity::{CONTACTS, IDENTITY, SCHOOL, StoredIdentity};
use crate::domain::documents::document_title;
pub use crate::storage::LockSettingsProblem;
use crate::storage::{KeyValueStore, Vault};

/// A record put back to its previous good save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The item, as the person says it.
    pub item: String,
    /// When the save now shown was made.
    pub saved_at: DateTime<Utc>,
}

/// What opening the data found damaged, and what was done about it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Recovery {
    /// Items put back; those with no earlier save to go back to stay set aside.
    pub restored: Vec<Restored>,
    /// The identity (name and keys) is damaged and waits for the person's choice.
    pub identity_damaged: bool,
}

/// Puts every damaged record but the identity back to its previous good save. Another tab's
/// copy of a document needs nothing: the document itself holds what it held.
pub fn recover_after_opening<S: KeyValueStore>(
    vault: &mut Vault<S>,
) -> Result<Recovery, RecordsError> {
    let mut recovery = Recovery::default();
    for damaged in vault.damaged_on_open().to_vec() {
        if damaged.key == IDENTITY {
            recovery.identity_damaged = vault.current_header(IDENTITY).ok().flatten().is_none();
            continue;
        }
        if super::editing::copy_of(&damaged.key).is_some() {
            continue;
        }
        if let Some(header) = vault
            .restore_previous(&damaged.key)
            .map_err(|error| RecordsError::Write(error.into()))?
        {
            recovery.restored.push(Restored {
                item: describe(vault, &damaged.key),
                saved_at: header.updated,
            });
        }
    }
    Ok(recovery)
}

/// The identity's previous good save, for the person to choose: `None` if none is kept or it
/// cannot be read.
pub fn kept_identity<S: KeyValueStore>(
    vault: &Vault<S>,
) -> Option<(StoredIdentity, DateTime<Utc>)> {
    let record = vault.read_previous(IDENTITY).ok()??;
    let identity = serde_json::from_value(record.body).ok()?;
    Some((identity, record.header.updated))
}

/// Starts again with new keys, as the person chose: the damaged identity stays set aside.
pub fn start_again_with_new_keys<S: KeyValueStore>(
    vault: &mut Vault<S>,
    seed: crate::bundle::identity::KeySeed,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    super::identity::save_identity(vault, &StoredIdentity::new(seed), now)
}

/// Puts the identity's previous good save back, as the person chose.
pub fn use_kept_identity<S: KeyValueStore>(vault: &mut Vault<S>) -> Result<bool, RecordsError> {
    Ok(vault
        .restore_previous(IDENTITY)
        .map_err(|error| RecordsError::Write(error.into()))?
        .is_some())
}

/// A saved item as the person says it, from its record key.
pub fn describe<S: KeyValueStore>(vault: &Vault<S>, key: &str) -> String {
    if let Some(document) = super::editing::copy_of(key) {
        return format!(
            "a copy of {} saved in another tab",
            describe(vault, document)
        );
    }
    match key {
        IDENTITY => return "your name and keys".into(),
        PRE_REVIEW_KEY => return "your pre-review".into(),
        CONTACTS => return "your contacts".into(),
        SCHOOL => return "your school’s settings".into(),
        _ => {}
    }
    // The name alone, read without the whole review's reader (this runs as the app opens).
    let review_of = |id: &str| {
        let record = vault.read(&format!("review:{id}")).ok().flatten();
        let name = record
            .as_ref()
            .and_then(|record| record.body.pointer("/summary/reviewee/name")?.as_str());
        match name {
            Some(name) => format!("{name}’s review"),
            None => "one of your reviews".into(),
        }
    };
    if let Some(rest) = key.strip_prefix("review:") {
        return match rest.split_once(':') {
            Some((id, kind)) => format!(
                "the {} in {}",
                document_title(kind).to_ascii_lowercase(),
                review_of(id)
            ),
            None => review_of(rest),
        };
    }
    if let Some(id) = key.strip_prefix("sign-offs:") {
        return format!("the sign-offs in {}", review_of(id));
    }
    if key.starts_with("import:") {
        return "the record of a file you imported".into();
    }
    "a saved item".into()
}

/// An entry set aside, as the person says it, from its original key (`record:<key>` or `meta`).
pub fn describe_set_aside<S: KeyValueStore>(vault: &Vault<S>, original_key: &str) -> String {
    match original_key.strip_prefix("record:") {
        Some(key) => describe(vault, key),
        None if original_key == "meta" || original_key == "meta-copy" => {
            "your passphrase lock’s settings and the date of your last backup".into()
        }
        None => "a saved item".into(),
    }
}
