//! Documents edited in this browser, kept as mergeable states ([`DocumentState`]) so that two
//! tabs, two devices and imported files all merge one way.
//!
//! Tabs of one browser do not see each other's last write at once: two tabs saving together
//! (both reloaded, or both closed) each write over the other's save. So each tab also keeps its
//! own copy of what it saved, `<key>~tab:<tab>`, written before the shared record: no other tab
//! writes that key, so it cannot be lost to a race. Reading a document merges the shared record
//! with every tab's copy; a field both tabs changed keeps both texts, as a conflict for the
//! person. Opening the app folds the copies into the shared record and, once they are old and
//! the shared record holds them, removes them.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{RecordsError, read_as};
use crate::bundle::merge::DocumentState;
use crate::domain::field_map::FieldMap;
use crate::storage::{Expect, KeyValueStore, Vault};

pub use crate::storage::backup::TAB_COPY_KIND;
/// The key of the person's own pre-review.
pub const PRE_REVIEW_KEY: &str = "pre-review";
/// A tab's copy is removed only once it is at least this old (its tab has surely saved
/// everything it will, or is idle with everything in the shared record).
const TAB_COPY_KEPT_FOR: Duration = Duration::seconds(30);

/// A tab's copy: the document's state as that tab last saved it, and the shared record's kind.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct TabCopy {
    of_kind: String,
    state: DocumentState,
}

const TAB_COPY_MARK: &str = "~tab:";

fn tab_copies_of(key: &str) -> String {
    format!("{key}{TAB_COPY_MARK}")
}

/// The document whose tab's copy is kept under `key`, if it is one.
pub fn copy_of(key: &str) -> Option<&str> {
    key.rsplit_once(TAB_COPY_MARK).map(|(document, _)| document)
}

/// The key of this tab's copy of `key`.
fn tab_copy_key<S: KeyValueStore>(vault: &Vault<S>, key: &str) -> String {
    format!("{}{}", tab_copies_of(key), vault.writer())
}

/// The shared record alone.
fn shared<S: KeyValueStore>(
    vault: &Vault<S>,
    key: &str,
) -> Result<Option<DocumentState>, RecordsError> {
    Ok(read_as(vault, key)?.map(|(state, _)| state))
}

/// Keeps a document saved before documents were kept as mergeable states (the pre-review) as
/// one: its fields (`fields_of` reads them from the document as it was) become one edit, made
/// when and where it was saved. Nothing changes for a document already kept as a state. If the
/// state cannot be written (a full browser), it is returned, to be kept with the unsaved words.
pub fn keep_as_state<S: KeyValueStore>(
    vault: &mut Vault<S>,
    key: &str,
    record_kind: &str,
    fields_of: impl Fn(Value) -> Option<FieldMap>,
) -> Result<(), (DocumentState, RecordsError)> {
    let Ok(Some(record)) = vault.read(key) else {
        return Ok(());
    };
    if serde_json::from_value::<DocumentState>(record.body.clone()).is_ok() {
        return Ok(());
    }
    let Some(fields) = fields_of(record.body) else {
        return Ok(());
    };
    let mut state = DocumentState::default();
    let stamp = crate::bundle::merge::Stamp {
        millis: record.header.updated.timestamp_millis(),
        counter: 0,
    };
    state.record_edit(&fields, &record.header.writer, stamp);
    vault
        .write(
            key,
            record_kind,
            &to_value(&state),
            Expect::Rev(record.header.rev),
            record.header.updated,
        )
        .map(|_| ())
        .map_err(|error| (state, RecordsError::Write(error)))
}

fn tab_copies<S: KeyValueStore>(vault: &Vault<S>, key: &str) -> Vec<(String, TabCopy)> {
    let prefix = tab_copies_of(key);
    let keys: Vec<String> = vault
        .list_prefixed(&prefix)
        .map(|(copy_key, _)| copy_key.to_owned())
        .collect();
    // A copy that cannot be read is left out: the shared record and the other copies stand.
    keys.into_iter()
        .filter_map(|copy_key| {
            let (copy, _) = read_as::<TabCopy, S>(vault, &copy_key).ok()??;
            Some((copy_key, copy))
        })
        .collect()
}

/// The document as this browser holds it: the shared record merged with every tab's copy.
pub fn read<S: KeyValueStore>(
    vault: &Vault<S>,
    key: &str,
) -> Result<Option<DocumentState>, RecordsError> {
    let mut state = shared(vault, key)?;
    for (_, copy) in tab_copies(vault, key) {
        state = Some(match state {
            Some(held) => held.merge(&copy.state),
            None => copy.state,
        });
    }
    Ok(state)
}

/// An answer changed in two places without either seeing the other: each version's value
/// (`None` where it was emptied), the one shown now first, until the person keeps one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedInTwoPlaces {
    pub path: String,
    pub versions: Vec<Option<Value>>,
}

/// Every answer of `state` changed in two places.
pub fn changed_in_two_places(state: &DocumentState) -> Vec<ChangedInTwoPlaces> {
    state
        .conflicts()
        .into_iter()
        .map(|conflict| ChangedInTwoPlaces {
            path: conflict.path,
            versions: std::iter::once(conflict.provisional)
                .chain(conflict.others)
                .map(|version| version.value)
                .collect(),
        })
        .collect()
}

/// This tab's edit: the fields it changed from `base` (what it last read or wrote) to `mine`
/// (what is on screen), recorded onto what it last saw (`seen`) and merged with `stored`.
/// Changes made elsewhere meanwhile are kept; a field changed on both sides becomes a conflict.
pub fn with_edit(
    stored: &DocumentState,
    seen: &DocumentState,
    base: &FieldMap,
    mine: &FieldMap,
    device: &str,
    now: DateTime<Utc>,
) -> DocumentState {
    let mut edited = seen.edit_base(stored, device);
    let mut shown = edited.current();
    for path in base.keys().chain(mine.keys()) {
        if base.get(path) != mine.get(path) {
            match mine.get(path) {
                Some(value) => shown.insert(path.clone(), value.clone()),
                None => shown.remove(path),
            };
        }
    }
    let stamp = stored
        .latest_stamp()
        .max(edited.latest_stamp())
        .tick(now.timestamp_millis());
    edited.record_edit(&shown, device, stamp);
    stored.merge(&edited)
}

/// Saves an edit made in this tab and returns the document as it now stands, which is also
/// returned (with the reason) when it could not be saved, so the tab keeps every word. `edit` is
/// what the tab last saw (with its edits recorded), what it holds that storage may not (after a
/// failed save), the fields it showed then and the fields it shows now.
pub fn save_edit<S: KeyValueStore>(
    vault: &mut Vault<S>,
    key: &str,
    record_kind: &str,
    edit: (&DocumentState, Option<&DocumentState>, &FieldMap, &FieldMap),
    now: DateTime<Utc>,
) -> Result<DocumentState, (DocumentState, RecordsError)> {
    let (seen, unsaved, base, mine) = edit;
    let device = vault.writer().to_owned();
    let with_unsaved = |stored: DocumentState| match unsaved {
        Some(unsaved) => stored.merge(unsaved),
        None => stored,
    };
    match read(vault, key) {
        Ok(stored) => {
            let stored = with_unsaved(stored.unwrap_or_default());
            let merged = with_edit(&stored, seen, base, mine, &device, now);
            match write_state(vault, key, record_kind, &merged, now) {
                Ok(()) => Ok(merged),
                Err(error) => Err((merged, error)),
            }
        }
        Err(error) => {
            let held = with_unsaved(seen.clone());
            Err((with_edit(&held, seen, base, mine, &device, now), error))
        }
    }
}

/// Writes `state` merged with what is held (words kept in memory while they could not be
/// saved, for instance): this tab's copy first, then the shared record.
pub fn save<S: KeyValueStore>(
    vault: &mut Vault<S>,
    key: &str,
    record_kind: &str,
    state: &DocumentState,
    now: DateTime<Utc>,
) -> Result<DocumentState, RecordsError> {
    let held = read(vault, key)?;
    let merged = held.map_or_else(|| state.clone(), |held| held.merge(state));
    write_state(vault, key, record_kind, &merged, now)?;
    Ok(merged)
}

fn write_state<S: KeyValueStore>(
    vault: &mut Vault<S>,
    key: &str,
    record_kind: &str,
    merged: &DocumentState,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    let copy = TabCopy {
        of_kind: record_kind.to_owned(),
        state: merged.clone(),
    };
    let copy_key = tab_copy_key(vault, key);
    vault
        .write_copy(&copy_key, TAB_COPY_KIND, &to_value(&copy), now)
        .map_err(RecordsError::Write)?;
    vault
        .write(key, record_kind, &to_value(merged), Expect::Anything, now)
        .map_err(RecordsError::Write)?;
    Ok(())
}

/// A person's choice for a field in conflict: it replaces every version held.
pub fn resolve<S: KeyValueStore>(
    vault: &mut Vault<S>,
    key: &str,
    record_kind: &str,
    path: &str,
    value: Option<Value>,
    now: DateTime<Utc>,
) -> Result<DocumentState, RecordsError> {
    let mut state = read(vault, key)?.unwrap_or_default();
    let stamp = state.latest_stamp().tick(now.timestamp_millis());
    let device = vault.writer().to_owned();
    state.resolve(path, value, &device, stamp);
    write_state(vault, key, record_kind, &state, now)?;
    Ok(state)
}

/// Removes every tab's copy of `key`, when its shared record is put back as it was (an import
/// undone): the copies would otherwise bring back what was taken away.
pub fn discard_tab_copies<S: KeyValueStore>(
    vault: &mut Vault<S>,
    key: &str,
) -> Result<(), RecordsError> {
    let prefix = tab_copies_of(key);
    let keys: Vec<String> = vault
        .list_prefixed(&prefix)
        .map(|(copy_key, _)| copy_key.to_owned())
        .collect();
    for copy_key in keys {
        vault
            .remove(&copy_key)
            .map_err(|error| RecordsError::Write(error.into()))?;
    }
    Ok(())
}

/// Whether another tab (one open now, or one since closed) left copies to fold in.
pub fn other_tabs_left_copies<S: KeyValueStore>(vault: &Vault<S>) -> bool {
    let mine = vault.writer();
    vault
        .list()
        .any(|(_, header)| header.kind == TAB_COPY_KIND && header.writer != mine)
}

/// Folds every tab's copy into its document's shared record, and removes other tabs' copies at
/// least [`TAB_COPY_KEPT_FOR`] old that the shared record now holds whole. Returns how many
/// shared records it brought up to date. Run on opening, and before a backup (which leaves the
/// copies out).
pub fn fold_in_tab_copies<S: KeyValueStore>(
    vault: &mut Vault<S>,
    now: DateTime<Utc>,
) -> Result<usize, RecordsError> {
    let mine = vault.writer().to_owned();
    let copies: Vec<(String, String, String, DateTime<Utc>)> = vault
        .list()
        .filter(|(_, header)| header.kind == TAB_COPY_KIND)
        .filter_map(|(copy_key, header)| {
            let document = copy_of(copy_key)?;
            Some((
                copy_key.to_owned(),
                document.to_owned(),
                header.writer.clone(),
                header.updated,
            ))
        })
        .collect();
    let mut documents: Vec<String> = copies.iter().map(|(_, doc, _, _)| doc.clone()).collect();
    documents.sort();
    documents.dedup();
    let mut updated_records = 0;
    for document in &documents {
        let held = read(vault, document)?.unwrap_or_default();
        if shared(vault, document)?.as_ref() != Some(&held) {
            let kind = tab_copies(vault, document)
                .first()
                .map(|(_, copy)| copy.of_kind.clone())
                .unwrap_or_else(|| "review_document".to_owned());
            vault
                .write(document, &kind, &to_value(&held), Expect::Anything, now)
                .map_err(RecordsError::Write)?;
            updated_records += 1;
        }
    }
    for (copy_key, document, writer, updated) in copies {
        if writer == mine || now - updated < TAB_COPY_KEPT_FOR {
            continue;
        }
        let (Some(held), Some((_, copy))) = (
            shared(vault, &document)?,
            tab_copies(vault, &document)
                .into_iter()
                .find(|(key, _)| *key == copy_key),
        ) else {
            continue;
        };
        if held.merge(&copy.state) == held {
            vault
                .remove(&copy_key)
                .map_err(|error| RecordsError::Write(error.into()))?;
        }
    }
    Ok(updated_records)
}

fn to_value<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("documents serialise")
}
