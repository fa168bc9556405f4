//! App-wide state in context: the vault holding this person's records, whether it can be used,
//! news of changes made in other tabs, what was found damaged on opening, and words that could
//! not be saved yet (kept in memory, and in this tab's session storage across a reload, until
//! there is room).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::time::Duration;

use crate::bundle::identity::{Identity, KeySeed};
use crate::bundle::merge::DocumentState;
use crate::random::BrowserRandom;
use crate::storage::browser::BrowserStore;
use crate::storage::{LockSettingsProblem, OpenError, Quarantined, Vault};
use crate::use_cases::recovery::{self, Recovery};
use crate::use_cases::{editing, identity};

/// Whether the person's data can be used right now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageStatus {
    Ready,
    /// A passphrase lock is set and the passphrase not yet given.
    Locked,
    /// The lock's settings are damaged: nothing opens until the person chooses what to do.
    LockSettingsDamaged(LockSettingsProblem),
    /// The person's name and keys are damaged: nothing goes on until they choose what to do.
    IdentityDamaged,
    /// The data cannot be opened; the sentence says why and what to do.
    CannotOpen(String),
}

/// A document's words that could not be saved, waiting for room.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Unsaved {
    pub key: String,
    pub record_kind: String,
    pub state: DocumentState,
}

/// How long after opening (or unlocking) other tabs' copies are folded in and kept words saved.
const TIDY_AFTER: Duration = Duration::from_secs(3);

/// Where unsaved words wait out a reload: this tab's session storage, which the browser keeps
/// apart from (and does not count against) the full local storage.
const SESSION_KEY: &str = "appraise-unsaved";

/// The person's storage, shared by every page.
#[derive(Clone, Copy)]
pub struct AppStorage {
    vault: StoredValue<Option<Vault<BrowserStore>>, LocalStorage>,
    pub status: RwSignal<StorageStatus>,
    /// The record key another tab changed last, with a counter so repeats are noticed.
    pub changed_elsewhere: RwSignal<(u64, String)>,
    /// Entries set aside because they could not be read.
    pub set_aside: RwSignal<Vec<Quarantined>>,
    /// What opening the data found damaged and put right (or could not).
    pub recovery: RwSignal<Recovery>,
    /// Some draft has changes not yet saved (auto-lock waits for these).
    pub unsaved: RwSignal<bool>,
    /// The browser's storage refused the last write because it is full.
    pub full: RwSignal<bool>,
    /// Counts up while a save waits for room: drafts whose save failed try again on each.
    pub try_again: RwSignal<u64>,
    /// Words of documents no longer on screen that could not be saved: by record key, each an
    /// [`Unsaved`] as JSON (read only by the code that saves them, fetched when first needed).
    kept: StoredValue<BTreeMap<String, String>>,
}

impl AppStorage {
    /// Opens the vault, puts right what it can, and starts listening for other tabs' changes.
    pub fn start() -> AppStorage {
        let tab = crate::browser::fresh_id("tab");
        let opened = BrowserStore::open()
            .map_err(OpenError::Storage)
            .and_then(|store| Vault::open(store, Box::new(BrowserRandom), &tab));
        let (vault, status) = match opened {
            Ok(vault) => (Some(vault), StorageStatus::Ready),
            Err(error) => (None, StorageStatus::CannotOpen(error.to_string())),
        };
        let storage = AppStorage {
            vault: StoredValue::new_local(vault),
            status: RwSignal::new(status),
            changed_elsewhere: RwSignal::new((0, String::new())),
            set_aside: RwSignal::new(Vec::new()),
            recovery: RwSignal::new(Recovery::default()),
            unsaved: RwSignal::new(false),
            full: RwSignal::new(false),
            try_again: RwSignal::new(0),
            kept: StoredValue::new(read_session_kept()),
        };
        let recovery = storage
            .with_mut(|vault| {
                vault.check_room();
                recovery::recover_after_opening(vault).unwrap_or_default()
            })
            .unwrap_or_default();
        storage.recovery.set(recovery);
        storage.refresh();
        storage.after_unlocking();
        storage.listen_to_other_tabs();
        storage.keep_trying_while_unsaved();
        storage.ask_before_leaving_unsaved();
        storage
    }

    /// Once the data is open: folds other tabs' copies into their documents and saves words
    /// kept from before a reload. Called on opening and after each unlock.
    /// Not at once, and only when there is something to do: reading already merges the copies,
    /// and a page left while the code was still coming would only have fetched it for nothing.
    pub fn after_unlocking(&self) {
        let something_to_do = self.status.get_untracked() == StorageStatus::Ready
            && (!self.kept.with_value(BTreeMap::is_empty)
                || self.with(editing::other_tabs_left_copies).unwrap_or(false));
        if something_to_do {
            let storage = *self;
            set_timeout(move || storage.tidy_soon(true), TIDY_AFTER);
        }
    }

    /// Folds every tab's copy into its document, once the code to do it is in: before a
    /// backup, which leaves the copies out.
    pub async fn fold_in_tab_copies(self) -> Result<(), crate::on_demand::NotFetched> {
        tidy(self, true).await.map(|_| ())
    }

    /// Runs [`tidy`] once its code is in: folding copies in and saving kept words need the
    /// merge, which a first visit does not wait for.
    fn tidy_soon(self, fold_copies: bool) {
        leptos::task::spawn_local(async move {
            // Pages read again only when a shared record took in words a tab's copy held.
            if tidy(self, fold_copies).await == Ok(true) {
                self.announce_change("");
            }
        });
    }

    /// Gives this browser profile its keys the first time they are needed: a fresh random seed
    /// stored as a record (so the lock encrypts it and backups include it). Never while the data
    /// is locked or damaged: a damaged identity is replaced only by the person's own choice.
    fn ensure_identity(&self) {
        if self.status.get_untracked() != StorageStatus::Ready {
            return;
        }
        self.with_mut(|vault| {
            if vault.is_locked() || !matches!(identity::identity(vault), Ok(None)) {
                return;
            }
            let identity = identity::StoredIdentity::new(fresh_seed());
            let _ = identity::save_identity(vault, &identity, crate::browser::now());
        });
    }

    /// This person's name and keys, once the data is open.
    pub fn identity(&self) -> Option<(identity::StoredIdentity, Identity)> {
        self.ensure_identity();
        let stored = self
            .with(|vault| identity::identity(vault).ok().flatten())
            .flatten()?;
        let identity = Identity::from_seed(&stored.seed);
        Some((stored, identity))
    }

    fn listen_to_other_tabs(self) {
        let handle = window_event_listener_untyped("storage", move |event| {
            let Some(event) = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(&event) else {
                return;
            };
            // `key` is null when another tab cleared everything (a wipe).
            let key = event.key().unwrap_or_default();
            if !key.is_empty() && !key.starts_with(crate::storage::APP_PREFIX) {
                return;
            }
            self.with_mut(|vault| {
                let _ = vault.note_change_elsewhere(&key);
            });
            self.refresh();
            // Another tab's own copy is followed by the document it saved: wait for that.
            if editing::copy_of(&key).is_some() {
                return;
            }
            let record = key
                .strip_prefix("appraise:record:")
                .unwrap_or_default()
                .to_owned();
            self.announce_change(&record);
            self.try_again.update(|tick| *tick += 1);
            if !self.kept.with_value(BTreeMap::is_empty) {
                self.tidy_soon(false);
            }
        });
        // The listener lives as long as the app.
        std::mem::forget(handle);
    }

    /// While anything waits to be saved, tries again every two seconds: room may have been made
    /// in this tab (a review removed) or outside Appraise.
    fn keep_trying_while_unsaved(self) {
        let retry = move || {
            let waiting = self.full.get_untracked()
                || !self.kept.with_value(BTreeMap::is_empty)
                || self.unsaved.get_untracked();
            if waiting {
                self.with_mut(|vault| vault.check_room());
                if !self.kept.with_value(BTreeMap::is_empty) {
                    self.tidy_soon(false);
                }
                self.try_again.update(|tick| *tick += 1);
            }
        };
        // The interval runs for the life of the app.
        let _ = set_interval_with_handle(retry, Duration::from_secs(2));
    }

    /// Asks "leave this page?" while words kept from a page since left are still unsaved (an
    /// open page's draft asks for its own).
    fn ask_before_leaving_unsaved(self) {
        let handle = window_event_listener_untyped("beforeunload", move |event| {
            if !self.kept.with_value(BTreeMap::is_empty) {
                event.prevent_default();
                if let Some(event) =
                    wasm_bindgen::JsCast::dyn_ref::<web_sys::BeforeUnloadEvent>(&event)
                {
                    event.set_return_value("Your latest changes are not saved.");
                }
            }
        });
        std::mem::forget(handle);
        // A page brought back from the browser's back-forward cache would show what it held
        // when it was left; load it afresh instead.
        let shown = window_event_listener_untyped("pageshow", move |event| {
            let restored = wasm_bindgen::JsCast::dyn_ref::<web_sys::PageTransitionEvent>(&event)
                .is_some_and(web_sys::PageTransitionEvent::persisted);
            if restored && let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        });
        std::mem::forget(shown);
    }

    /// Keeps the words of a document no longer on screen that could not be saved.
    pub fn keep_unsaved(&self, key: String, unsaved_json: String) {
        self.kept.update_value(|kept| {
            kept.insert(key, unsaved_json);
        });
        self.write_session_kept();
        self.unsaved.set(true);
    }

    /// Takes back the kept words of the document `key` (an [`Unsaved`] as JSON), when it is
    /// opened again.
    pub fn take_unsaved(&self, key: &str) -> Option<String> {
        let taken = self
            .kept
            .try_update_value(|kept| kept.remove(key))
            .flatten();
        if taken.is_some() {
            self.write_session_kept();
        }
        taken
    }

    /// Saves every kept document that now fits.
    fn save_kept_now(&self) {
        if self.status.get_untracked() != StorageStatus::Ready {
            return;
        }
        let now = crate::browser::now();
        let kept: Vec<(String, String)> = self
            .kept
            .with_value(|kept| kept.iter().map(|(k, v)| (k.clone(), v.clone())).collect());
        for (key, json) in kept {
            let Ok(unsaved) = serde_json::from_str::<Unsaved>(&json) else {
                continue;
            };
            let saved = self.with_mut(|vault| {
                editing::save(
                    vault,
                    &unsaved.key,
                    &unsaved.record_kind,
                    &unsaved.state,
                    now,
                )
            });
            if matches!(saved, Some(Ok(_))) {
                self.kept.update_value(|kept| {
                    kept.remove(&key);
                });
                self.announce_change(&key);
            }
        }
        self.write_session_kept();
    }

    /// Mirrors the kept words into session storage, unless a passphrase lock is set: locked
    /// data is never written anywhere unencrypted, so those words wait in memory only.
    fn write_session_kept(&self) {
        let Some(session) = web_sys::window().and_then(|w| w.session_storage().ok().flatten())
        else {
            return;
        };
        let locked_data = self.with(|vault| vault.has_lock()).unwrap_or(true);
        let kept = self.kept.with_value(|kept| kept.clone());
        if kept.is_empty() || locked_data {
            let _ = session.remove_item(SESSION_KEY);
        } else if let Ok(text) = serde_json::to_string(&kept) {
            let _ = session.set_item(SESSION_KEY, &text);
        }
    }

    /// Tells every page that `record` changed (empty: many records, e.g. after an import, a
    /// restore or a wipe), so drafts and lists read storage again.
    pub fn announce_change(&self, record: &str) {
        self.changed_elsewhere.update(|(count, last)| {
            *count += 1;
            record.clone_into(last);
        });
    }

    /// Runs `f` with the vault when it is open.
    pub fn with<R>(&self, f: impl FnOnce(&Vault<BrowserStore>) -> R) -> Option<R> {
        self.vault.with_value(|vault| vault.as_ref().map(f))
    }

    /// Runs `f` with the vault to change it, when it is open; notes whether storage is full.
    pub fn with_mut<R>(&self, f: impl FnOnce(&mut Vault<BrowserStore>) -> R) -> Option<R> {
        let mut result = None;
        let mut full = false;
        self.vault.update_value(|vault| {
            if let Some(vault) = vault.as_mut() {
                result = Some(f(vault));
                full = vault.is_full();
            }
        });
        if self.full.get_untracked() != full {
            self.full.set(full);
        }
        result
    }

    /// Re-reads what is set aside and whether the data can be used, after a change.
    pub fn refresh(&self) {
        let Some((status, set_aside)) = self.with(|vault| {
            let status = if let Some(problem) = vault.lock_problem() {
                StorageStatus::LockSettingsDamaged(problem)
            } else if vault.is_locked() {
                StorageStatus::Locked
            } else if self.recovery.with_untracked(|r| r.identity_damaged)
                && !identity::is_held(vault)
            {
                StorageStatus::IdentityDamaged
            } else {
                StorageStatus::Ready
            };
            (status, vault.set_aside().unwrap_or_default())
        }) else {
            return;
        };
        if self.set_aside.with_untracked(|held| *held != set_aside) {
            self.set_aside.set(set_aside);
        }
        if self.status.get_untracked() != status {
            self.status.set(status);
        }
    }
}

/// Folds other tabs' copies into their documents (when `fold_copies`) and saves kept words that
/// now fit: the merge this needs is fetched the first time, not with the first page.
#[leptos::wasm_split::wasm_split(tidying, wasm_split_path = ::leptos::wasm_split, fallible)]
fn tidy(storage: AppStorage, fold_copies: bool) -> Result<bool, crate::on_demand::NotFetched> {
    let mut updated = 0;
    if fold_copies {
        let now = crate::browser::now();
        updated = storage
            .with_mut(|vault| editing::fold_in_tab_copies(vault, now).unwrap_or(0))
            .unwrap_or(0);
    }
    storage.save_kept_now();
    Ok(updated > 0)
}

fn read_session_kept() -> BTreeMap<String, String> {
    web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .and_then(|session| session.get_item(SESSION_KEY).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// A fresh random key seed.
pub fn fresh_seed() -> KeySeed {
    let mut seed = [0u8; 32];
    crate::random::RandomSource::fill(&mut BrowserRandom, &mut seed);
    KeySeed(seed)
}

/// The storage from context; the app provides it at the root.
pub fn use_storage() -> AppStorage {
    expect_context::<AppStorage>()
}
