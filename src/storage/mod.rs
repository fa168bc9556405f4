//! Keeping a person's records in their own browser, so that no word they type is ever lost.
//!
//! - [`KeyValueStore`] is the one thing the rest needs from the browser: get, set, remove and
//!   list string values. [`MemoryStore`] is its in-memory twin for host tests (it can be given a
//!   quota to test "storage full"); `BrowserStore` wraps `localStorage` through gloo-storage.
//! - [`Vault`] lays records out under the `appraise:` prefix (one entry per record plus an
//!   index and a meta entry with the schema version), migrates old layouts on open, sets aside
//!   entries it cannot read, detects edits from another tab, and can encrypt everything at rest
//!   behind a passphrase ([`sealing`]).
//! - [`backup`] writes and reads the encrypted full-backup file, and restores by merging.

pub mod backup;
#[cfg(target_arch = "wasm32")]
pub mod browser;
mod memory;
mod migrations;
mod packing;
pub mod sealing;
mod vault;

pub use memory::MemoryStore;
pub use vault::{
    APP_PREFIX, Damaged, Expect, LockError, LockSettingsProblem, OpenError, QUOTA_WARNING_PERCENT,
    Quarantined, ReadError, Record, RecordHeader, TYPICAL_QUOTA_BYTES, Usage, Vault, WipeSummary,
    WriteError,
};

use std::fmt;

/// What can go wrong talking to the browser's storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// Storage cannot be used at all (blocked, or a private window that forbids it).
    Unavailable,
    /// The browser refused to store more: its quota is used up.
    Full,
    /// Anything else the browser reported.
    Failed(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => write!(
                f,
                "This browser is not letting Appraise save anything, so your work will be lost when you close the page. Leave private browsing, or allow this site to store data in your browser settings, then reload."
            ),
            StorageError::Full => write!(
                f,
                "Your browser’s storage is full, so your latest changes are not saved yet. They are still on screen and Appraise keeps them while this tab is open: download a copy now, then make room (delete reviews you no longer need under Your data, or clear other websites’ data in your browser settings). Appraise saves them as soon as there is room."
            ),
            StorageError::Failed(detail) => write!(
                f,
                "Your browser could not save your changes ({detail}). They are still on screen: download them as a file to keep them."
            ),
        }
    }
}

impl std::error::Error for StorageError {}

/// The browser's key–value storage, as little of it as Appraise needs.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&mut self, key: &str) -> Result<(), StorageError>;
    /// Every key, including those of other apps on the same site.
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}
