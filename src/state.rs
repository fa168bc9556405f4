//! App-wide state in context: the vault holding this person's records, whether it can be used,
//! and news of changes made in other tabs.

use leptos::prelude::*;

use crate::bundle::identity::{Identity, KeySeed};
use crate::storage::browser::{BrowserRandom, BrowserStore};
use crate::storage::{APP_PREFIX, OpenError, Quarantined, Vault};
use crate::use_cases::identity;

/// Whether the person's data can be used right now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageStatus {
    Ready,
    /// A passphrase lock is set and the passphrase not yet given.
    Locked,
    /// The data cannot be opened; the sentence says why and what to do.
    CannotOpen(String),
}

/// The person's storage, shared by every page.
#[derive(Clone, Copy)]
pub struct AppStorage {
    vault: StoredValue<Option<Vault<BrowserStore>>, LocalStorage>,
    pub status: RwSignal<StorageStatus>,
    /// The record key another tab changed last, with a counter so repeats are noticed.
    pub changed_elsewhere: RwSignal<(u64, String)>,
    /// Entries set aside because they could not be read.
    pub set_aside: RwSignal<Vec<Quarantined>>,
    /// Some draft has changes not yet saved (auto-lock waits for these).
    pub unsaved: RwSignal<bool>,
}

impl AppStorage {
    /// Opens the vault and starts listening for other tabs' changes.
    pub fn start() -> AppStorage {
        let tab = crate::browser::fresh_id("tab");
        let opened = BrowserStore::open()
            .map_err(OpenError::Storage)
            .and_then(|store| Vault::open(store, Box::new(BrowserRandom), &tab));
        let (vault, status, set_aside) = match opened {
            Ok(vault) => {
                let status = if vault.is_locked() {
                    StorageStatus::Locked
                } else {
                    StorageStatus::Ready
                };
                let set_aside = vault.set_aside().unwrap_or_default();
                (Some(vault), status, set_aside)
            }
            Err(error) => (
                None,
                StorageStatus::CannotOpen(error.to_string()),
                Vec::new(),
            ),
        };
        let storage = AppStorage {
            vault: StoredValue::new_local(vault),
            status: RwSignal::new(status),
            changed_elsewhere: RwSignal::new((0, String::new())),
            set_aside: RwSignal::new(set_aside),
            unsaved: RwSignal::new(false),
        };
        storage.listen_to_other_tabs();
        storage
    }

    /// Gives this browser profile its keys the first time they are needed: a fresh random seed
    /// stored as a record (so the lock encrypts it and backups include it).
    fn ensure_identity(&self) {
        self.with_mut(|vault| {
            if vault.is_locked() || !matches!(identity::identity(vault), Ok(None)) {
                return;
            }
            let mut seed = [0u8; 32];
            crate::random::RandomSource::fill(&mut BrowserRandom, &mut seed);
            let identity = identity::StoredIdentity::new(KeySeed(seed));
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
            if !key.is_empty() && !key.starts_with(APP_PREFIX) {
                return;
            }
            self.vault.update_value(|vault| {
                if let Some(vault) = vault {
                    let _ = vault.reload_index();
                }
            });
            let record = key
                .strip_prefix("appraise:record:")
                .unwrap_or_default()
                .to_owned();
            self.announce_change(&record);
        });
        // The listener lives as long as the app.
        std::mem::forget(handle);
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

    /// Runs `f` with the vault to change it, when it is open.
    pub fn with_mut<R>(&self, f: impl FnOnce(&mut Vault<BrowserStore>) -> R) -> Option<R> {
        let mut result = None;
        self.vault
            .update_value(|vault| result = vault.as_mut().map(f));
        result
    }

    /// Re-reads what is set aside and whether the data is locked, after a change.
    pub fn refresh(&self) {
        if let Some((locked, set_aside)) =
            self.with(|v| (v.is_locked(), v.set_aside().unwrap_or_default()))
        {
            self.set_aside.set(set_aside);
            self.status.set(if locked {
                StorageStatus::Locked
            } else {
                StorageStatus::Ready
            });
        }
    }
}

/// The storage from context; the app provides it at the root.
pub fn use_storage() -> AppStorage {
    expect_context::<AppStorage>()
}
