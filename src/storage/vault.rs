//! The vault: Appraise's records in the browser's storage, laid out as
//!
//! - `appraise:meta`: the storage schema version, the passphrase lock's settings, the date of the
//!   last backup; `appraise:meta-copy` is a second copy of it, because without the lock's salt
//!   nothing sealed can ever be opened again;
//! - `appraise:record:<key>`: one entry per record (a document, a review, the identity…) with its
//!   kind, revision, time of writing, which tab wrote it, and its body, compressed and packed
//!   densely ([`super::packing`]), and encrypted too when a passphrase lock is set;
//! - `appraise:previous:<key>`: the record's previous good revision, byte for byte, so that a
//!   damaged record loses at most its latest save (dropped first when storage is full);
//! - `appraise:index`: the list of records with their headers, written after the record itself
//!   and rebuilt from the records whenever it is found out of step;
//! - `appraise:quarantine:<key>`: entries that could not be read, kept byte for byte to download.
//!
//! Every record and both meta entries carry a `check` in front of the entry's JSON, taken over
//! that JSON exactly as written ([`Checked`], [`check_of`]). Any change to a stored entry (one
//! character, or the entry cut short) fails the check, so damage is never shown as if it were
//! the person's text.
//! Entries written before checks existed have none and are read as they are, then given one.
//!
//! Reading never needs room to write: a vault opens in a full browser and shows what is saved.
//! Before every write the vault reads the meta entry again, so a lock set (or removed) in another
//! tab takes effect here at once: this tab then writes nothing until it is unlocked.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

use super::migrations::{MIGRATIONS, run_migrations};
use super::packing::{compress, decompress, pack, unpack};
use super::sealing::{self, KdfParams, SealingError, SealingKey};
use super::{KeyValueStore, StorageError};
use crate::random::RandomSource;

/// Every key Appraise writes starts with this.
pub const APP_PREFIX: &str = "appraise:";
const META_KEY: &str = "appraise:meta";
const META_COPY_KEY: &str = "appraise:meta-copy";
const INDEX_KEY: &str = "appraise:index";
const RECORD_PREFIX: &str = "appraise:record:";
const PREVIOUS_PREFIX: &str = "appraise:previous:";
const QUARANTINE_PREFIX: &str = "appraise:quarantine:";
/// The current layout of stored data.
pub(super) const STORE_SCHEMA: u32 = 1;
/// Browsers give a site about 5 MiB of `localStorage` (counted in UTF-16, so 10 MB of bytes in
/// Chromium's accounting but 5 Mi characters); Appraise plans for the smaller figure.
pub const TYPICAL_QUOTA_BYTES: usize = 5 * 1024 * 1024;
/// Warn the person once storage is this full, in per cent.
pub const QUOTA_WARNING_PERCENT: usize = 70;
/// What the lock seals to check a passphrase before trusting it.
const LOCK_CHECK: &[u8] = b"appraise lock check";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Meta {
    schema: u32,
    lock: Option<LockSettings>,
    last_backup: Option<DateTime<Utc>>,
}

impl Meta {
    fn fresh() -> Meta {
        Meta {
            schema: STORE_SCHEMA,
            lock: None,
            last_backup: None,
        }
    }
}

/// The check of an entry's text: two 64-bit FNV-1a hashes of it (from different starting
/// values), base64url. It finds accidental damage (a changed character, an entry cut short) with
/// a chance of missing it of one in 2^128; it is no seal against someone who can edit storage,
/// which is what the passphrase lock's encryption is for.
fn check_of(text: &str) -> String {
    use base64::Engine;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let hash = |start: u64| {
        text.bytes().fold(start, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(PRIME)
        })
    };
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&hash(0xcbf2_9ce4_8422_2325).to_le_bytes());
    bytes[8..].copy_from_slice(&hash(0x6c62_272e_07bb_0142).to_le_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// An entry stored with its check in front: `{"check":"<check>",` and then the entry's own JSON
/// after its opening brace, the check taken over that JSON exactly as written. Entries written
/// before checks existed start `{"schema":` and are read as they are.
trait Checked: Serialize + for<'de> Deserialize<'de> {
    /// The entry as stored text, with its check.
    fn to_checked_text(&self) -> String {
        let plain = serde_json::to_string(self).expect("entries serialise");
        format!("{{\"check\":\"{}\",{}", check_of(&plain), &plain[1..])
    }

    /// The entry from stored text, and whether it carried a check; `None` if it is not such an
    /// entry or any character of it changed since it was written.
    fn from_checked_text(raw: &str) -> Option<(Self, bool)> {
        if raw.starts_with("{\"schema\":") {
            return Some((serde_json::from_str(raw).ok()?, false));
        }
        let (check, rest) = raw.strip_prefix("{\"check\":\"")?.split_once("\",")?;
        let plain = format!("{{{rest}");
        if check_of(&plain) != check {
            return None;
        }
        Some((serde_json::from_str(&plain).ok()?, true))
    }
}

impl Checked for Meta {}

impl Checked for StoredRecord {}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct LockSettings {
    salt: String,
    kdf: KdfParams,
    /// [`LOCK_CHECK`] sealed with the key, to tell a wrong passphrase at once.
    check: String,
}

/// What is known about a record without reading its (possibly encrypted) body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordHeader {
    pub kind: String,
    /// Raised by one on every write; another tab's write shows as a different revision.
    pub rev: u64,
    pub updated: DateTime<Utc>,
    /// The tab or device that wrote this revision.
    pub writer: String,
}

/// A record as stored: its header in the clear, its body in one of three forms.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct StoredRecord {
    schema: u32,
    #[serde(flatten)]
    header: RecordHeader,
    /// Plain JSON, as a person or a test may write it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    body: Option<Value>,
    /// The JSON compressed and packed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    packed: Option<String>,
    /// The JSON compressed, encrypted with the lock's key, and packed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sealed: Option<String>,
}

impl StoredRecord {
    /// The record from its stored text if it passes its check, with whether it carried one. A
    /// record written before checks existed is taken only if its body can be read (or, when
    /// sealed, is there to be opened); a checked one is exactly as written, so its body is not
    /// decoded here as well as when it is read.
    fn parse(raw: &str) -> Option<(StoredRecord, bool)> {
        let (record, checked) = StoredRecord::from_checked_text(raw)?;
        let intact = checked
            || match (&record.body, &record.packed, &record.sealed) {
                (_, _, Some(sealed)) => unpack(sealed).is_some(),
                (_, Some(packed), None) => unpacked_json(packed).is_some(),
                (Some(_), None, None) => true,
                (None, None, None) => false,
            };
        intact.then_some((record, checked))
    }
}

fn unpacked_json(packed: &str) -> Option<Value> {
    serde_json::from_slice(&decompress(&unpack(packed)?)?).ok()
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Index {
    schema: u32,
    records: BTreeMap<String, RecordHeader>,
}

/// A record as read: its header and its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub header: RecordHeader,
    pub body: Value,
}

/// An entry that could not be read, set aside under its own key with its text untouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quarantined {
    pub original_key: String,
    pub raw: String,
}

/// A record found damaged when the vault opened: set aside, with its previous good revision if
/// one is kept (restore it with [`Vault::restore_previous`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damaged {
    pub key: String,
    pub previous: Option<RecordHeader>,
}

/// The lock's settings could not be read, though the records need them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockSettingsProblem {
    /// The entry is damaged or missing, and the second copy holds a lock: use it (then unlock)
    /// with [`Vault::use_kept_lock_settings`], or restore a backup.
    DamagedCopyKept,
    /// The entry and its copy are damaged or missing, yet records are sealed: only a backup, or
    /// starting again, is left.
    Lost,
}

/// How much storage is used, in bytes as browsers count them (two per UTF-16 unit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    pub appraise_bytes: usize,
    pub all_bytes: usize,
}

impl Usage {
    /// How much of the typical quota is in use, in whole per cent.
    pub fn percent_of_quota(&self) -> usize {
        self.all_bytes * 100 / TYPICAL_QUOTA_BYTES
    }

    pub fn nearly_full(&self) -> bool {
        self.percent_of_quota() >= QUOTA_WARNING_PERCENT
    }
}

/// What "remove all my data from this device" will delete.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WipeSummary {
    /// Record kinds and how many of each.
    pub records_by_kind: BTreeMap<String, usize>,
    pub set_aside: usize,
    pub keys: usize,
}

/// Why the vault could not open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    Storage(StorageError),
    /// Written by a newer version of Appraise: opening it here could damage it.
    NewerVersion {
        found: u32,
    },
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::Storage(error) => error.fmt(f),
            OpenError::NewerVersion { found } => write!(
                f,
                "Your saved data was written by a newer version of Appraise (storage format {found}; this version reads up to {STORE_SCHEMA}). Reload the page to update Appraise. Nothing has been changed."
            ),
        }
    }
}

impl std::error::Error for OpenError {}

impl From<StorageError> for OpenError {
    fn from(error: StorageError) -> OpenError {
        OpenError::Storage(error)
    }
}

/// Why a record could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    Storage(StorageError),
    /// The data is locked: unlock it with the passphrase first.
    Locked,
    /// The record cannot be read (it is set aside on the next open).
    Unreadable {
        key: String,
    },
    Sealing(SealingError),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Storage(error) => error.fmt(f),
            ReadError::Locked => {
                write!(f, "Your data is locked. Enter your passphrase to open it.")
            }
            ReadError::Unreadable { key } => write!(
                f,
                "The saved item “{key}” cannot be read. Reload the page: Appraise will set it aside so you can download it."
            ),
            ReadError::Sealing(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for ReadError {}

/// Why a record was not written. The caller still has the content: nothing is lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    Storage(StorageError),
    Locked,
    /// Another tab or window saved this record since it was read here.
    ChangedElsewhere {
        current: Option<RecordHeader>,
    },
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Storage(error) => error.fmt(f),
            WriteError::Locked => write!(
                f,
                "Your data is locked. Enter your passphrase, then your changes will be saved."
            ),
            WriteError::ChangedElsewhere { .. } => write!(
                f,
                "This was also changed in another tab or window. Both versions are kept: review the differences before carrying on."
            ),
        }
    }
}

impl std::error::Error for WriteError {}

impl From<StorageError> for WriteError {
    fn from(error: StorageError) -> WriteError {
        WriteError::Storage(error)
    }
}

/// The revision a write expects to replace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// The record must not exist yet.
    New,
    /// The record must still be at this revision.
    Rev(u64),
    /// Replace whatever is there (restoring, or after a person resolved a conflict).
    Anything,
}

fn record_key(key: &str) -> String {
    format!("{RECORD_PREFIX}{key}")
}

fn utf16_bytes(text: &str) -> usize {
    text.encode_utf16().count() * 2
}

/// Appraise's records in one browser's storage.
pub struct Vault<S: KeyValueStore> {
    store: S,
    random: Box<dyn RandomSource>,
    writer: String,
    meta: Meta,
    /// The meta entry's text as last read or written here, to notice another tab's change.
    meta_raw: Option<String>,
    /// Lock settings that could not be read although sealed records need them.
    lock_problem: Option<LockSettingsProblem>,
    /// The second copy of the meta entry, when the first is damaged and the copy holds a lock.
    kept_meta: Option<Meta>,
    index: Index,
    key: Option<SealingKey>,
    set_aside_on_open: Vec<Quarantined>,
    damaged_on_open: Vec<Damaged>,
    /// The last write was refused because the browser's storage is full.
    full: bool,
    /// Inside [`Vault::batch`]: the index is written once at the end, not after every write.
    index_deferred: bool,
    index_dirty: bool,
}

/// A meta entry as found: absent, readable, or there but unreadable.
enum FoundMeta {
    Missing,
    Good(Meta, String),
    Damaged(String),
}

fn find_meta<S: KeyValueStore>(store: &S, key: &str) -> Result<FoundMeta, OpenError> {
    let Some(raw) = store.get(key)? else {
        return Ok(FoundMeta::Missing);
    };
    // A newer layout may check differently: refuse it before judging it damaged.
    let schema = serde_json::from_str::<Value>(&raw)
        .ok()
        .and_then(|value| value.get("schema")?.as_u64());
    if let Some(found) = schema.filter(|schema| *schema > u64::from(STORE_SCHEMA)) {
        return Err(OpenError::NewerVersion {
            found: u32::try_from(found).unwrap_or(u32::MAX),
        });
    }
    Ok(match Meta::from_checked_text(&raw) {
        Some((meta, _)) => FoundMeta::Good(meta, raw),
        None => FoundMeta::Damaged(raw),
    })
}

impl<S: KeyValueStore> Vault<S> {
    /// Opens the vault: migrates an older layout, sets aside unreadable entries and rebuilds an
    /// index that is out of step. `writer` names this tab in the revisions it writes. Opening
    /// never depends on room to write: in a full browser it still reads everything.
    pub fn open(
        store: S,
        random: Box<dyn RandomSource>,
        writer: &str,
    ) -> Result<Vault<S>, OpenError> {
        let main = find_meta(&store, META_KEY)?;
        let copy = find_meta(&store, META_COPY_KEY)?;
        let mut vault = Vault {
            store,
            random,
            writer: writer.to_owned(),
            meta: Meta::fresh(),
            meta_raw: None,
            lock_problem: None,
            kept_meta: None,
            index: Index {
                schema: STORE_SCHEMA,
                records: BTreeMap::new(),
            },
            key: None,
            set_aside_on_open: Vec::new(),
            damaged_on_open: Vec::new(),
            full: false,
            index_deferred: false,
            index_dirty: false,
        };
        let any_sealed = vault.rebuild_index(true)?;
        match (main, copy) {
            (FoundMeta::Good(meta, raw), copy) => {
                if !matches!(&copy, FoundMeta::Good(_, copied) if *copied == raw) {
                    let _ = vault.store.set(META_COPY_KEY, &raw);
                }
                vault.meta = meta;
                vault.meta_raw = Some(raw);
            }
            (main, copy) => {
                if let FoundMeta::Damaged(raw) = &main {
                    vault.put_aside(META_KEY, raw);
                }
                match copy {
                    // The lock's settings survive only in the copy: the person chooses to use it.
                    FoundMeta::Good(kept, _) if kept.lock.is_some() => {
                        vault.kept_meta = Some(kept);
                        vault.lock_problem = Some(LockSettingsProblem::DamagedCopyKept);
                    }
                    _ if any_sealed => vault.lock_problem = Some(LockSettingsProblem::Lost),
                    // No lock anywhere, so the copy (or fresh settings) loses nothing.
                    FoundMeta::Good(kept, _) => {
                        vault.meta = kept;
                        let _ = vault.write_meta();
                    }
                    _ => {
                        let _ = vault.write_meta();
                    }
                }
            }
        }
        if vault.meta.schema < STORE_SCHEMA {
            let Vault { store, meta, .. } = &mut vault;
            let store: &mut dyn KeyValueStore = store;
            let from = meta.schema;
            let mut record_version = |store: &mut dyn KeyValueStore, version: u32| {
                meta.schema = version;
                let text = meta.to_checked_text();
                store.set(META_KEY, &text)?;
                store.set(META_COPY_KEY, &text)
            };
            run_migrations(store, from, MIGRATIONS, &mut record_version)?;
        }
        Ok(vault)
    }

    /// Reads every record's header and rebuilds the index from them, writing it if it was out
    /// of step. On opening (`on_open`) a damaged record is set aside and noted with its previous
    /// good revision, and a record written before checks existed is given one. Returns whether
    /// any record is sealed.
    fn rebuild_index(&mut self, on_open: bool) -> Result<bool, StorageError> {
        let mut records = BTreeMap::new();
        let mut any_sealed = false;
        for full_key in self.store.keys()? {
            let Some(key) = full_key.strip_prefix(RECORD_PREFIX) else {
                continue;
            };
            let Some(raw) = self.store.get(&full_key)? else {
                continue;
            };
            match StoredRecord::parse(&raw) {
                Some((record, checked)) => {
                    any_sealed |= record.sealed.is_some();
                    if on_open && !checked {
                        let _ = self.store.set(&full_key, &record.to_checked_text());
                    }
                    records.insert(key.to_owned(), record.header);
                }
                None if on_open => {
                    let previous = self.previous_record(key)?.map(|record| record.header);
                    self.put_aside(&full_key, &raw);
                    self.damaged_on_open.push(Damaged {
                        key: key.to_owned(),
                        previous,
                    });
                }
                None => {}
            }
        }
        let stored_index = self
            .store
            .get(INDEX_KEY)?
            .and_then(|raw| serde_json::from_str::<Index>(&raw).ok());
        self.index = Index {
            schema: STORE_SCHEMA,
            records,
        };
        if stored_index.map(|index| index.records) != Some(self.index.records.clone()) {
            // Out of step but not writable (a full browser): the index in memory serves.
            let _ = self.write_index();
        }
        Ok(any_sealed)
    }

    /// Moves an unreadable entry aside, keeping its text exactly. In a full browser it stays
    /// where it is (it is left out of the index all the same) and is still reported.
    fn put_aside(&mut self, full_key: &str, raw: &str) {
        let original = full_key.strip_prefix(APP_PREFIX).unwrap_or(full_key);
        let quarantine_key = format!("{QUARANTINE_PREFIX}{original}");
        if self.set_making_room(&quarantine_key, raw).is_ok() {
            let _ = self.store.remove(full_key);
        }
        self.set_aside_on_open.push(Quarantined {
            original_key: original.to_owned(),
            raw: raw.to_owned(),
        });
    }

    /// The previous good revision of a record, as stored (its body still sealed if locked).
    fn previous_record(&self, key: &str) -> Result<Option<StoredRecord>, StorageError> {
        Ok(self
            .store
            .get(&format!("{PREVIOUS_PREFIX}{key}"))?
            .and_then(|raw| StoredRecord::parse(&raw))
            .map(|(record, _)| record))
    }

    /// Writes the meta entry and its copy, after reading it again so that nothing another tab
    /// wrote there (a lock, a backup date) is undone.
    fn update_meta(&mut self, change: impl FnOnce(&mut Meta)) -> Result<(), StorageError> {
        self.refresh_meta()?;
        change(&mut self.meta);
        self.write_meta()
    }

    fn write_meta(&mut self) -> Result<(), StorageError> {
        let text = self.meta.to_checked_text();
        self.set_making_room(META_KEY, &text)?;
        self.meta_raw = Some(text.clone());
        self.set_making_room(META_COPY_KEY, &text)
    }

    /// Reads the meta entry again if another tab changed it. A lock set or removed elsewhere
    /// forgets this tab's key, so it writes nothing more until unlocked with the new lock.
    /// Returns whether anything changed.
    pub fn refresh_meta(&mut self) -> Result<bool, StorageError> {
        if self.lock_problem.is_some() {
            return Ok(false);
        }
        let raw = self.store.get(META_KEY)?;
        if raw == self.meta_raw {
            return Ok(false);
        }
        let Some((meta, _)) = raw.as_deref().and_then(Meta::from_checked_text) else {
            // Gone or damaged since this tab opened: keep what it knows, rewrite it later.
            return Ok(false);
        };
        if meta.lock != self.meta.lock {
            self.key = None;
        }
        self.meta = meta;
        self.meta_raw = raw;
        Ok(true)
    }

    fn write_index(&mut self) -> Result<(), StorageError> {
        self.store.set(
            INDEX_KEY,
            &serde_json::to_string(&self.index).expect("index serialises"),
        )
    }

    /// Sets a value; if the browser is full, drops the previous revisions kept of records (the
    /// least needed of what is stored) and tries once more.
    fn set_making_room(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        let result = match self.store.set(key, value) {
            Err(StorageError::Full) if self.drop_previous_revisions()? > 0 => {
                self.store.set(key, value)
            }
            other => other,
        };
        self.full = result == Err(StorageError::Full);
        result
    }

    fn drop_previous_revisions(&mut self) -> Result<usize, StorageError> {
        self.remove_all_under(PREVIOUS_PREFIX)
    }

    /// Removes every entry whose key starts with `prefix`; returns how many went.
    fn remove_all_under(&mut self, prefix: &str) -> Result<usize, StorageError> {
        let keys: Vec<String> = self
            .store
            .keys()?
            .into_iter()
            .filter(|key| key.starts_with(prefix))
            .collect();
        for key in &keys {
            self.store.remove(key)?;
        }
        Ok(keys.len())
    }

    /// Whether the last write was refused because the browser's storage is full.
    pub fn is_full(&self) -> bool {
        self.full
    }

    /// Whether the browser has room for one more small entry, found by writing one (and noted
    /// as [`Vault::is_full`]): so a storage already full is said to be before anything fails.
    pub fn check_room(&mut self) -> bool {
        const PROBE: &str = "appraise:probe";
        self.full = self.store.set(PROBE, "1") == Err(StorageError::Full);
        let _ = self.store.remove(PROBE);
        !self.full
    }

    /// Entries set aside because they could not be read, found when the vault was opened.
    pub fn set_aside_on_open(&self) -> &[Quarantined] {
        &self.set_aside_on_open
    }

    /// Records found damaged when the vault was opened, each with its previous good revision.
    pub fn damaged_on_open(&self) -> &[Damaged] {
        &self.damaged_on_open
    }

    /// Puts a record's previous good revision back in its place; the damaged one stays set
    /// aside. Returns the revision restored, if one was kept.
    pub fn restore_previous(&mut self, key: &str) -> Result<Option<RecordHeader>, StorageError> {
        let Some(previous) = self.store.get(&format!("{PREVIOUS_PREFIX}{key}"))? else {
            return Ok(None);
        };
        let Some((record, _)) = StoredRecord::parse(&previous) else {
            return Ok(None);
        };
        self.set_making_room(&record_key(key), &previous)?;
        self.index
            .records
            .insert(key.to_owned(), record.header.clone());
        let _ = self.index_changed();
        Ok(Some(record.header))
    }

    /// A record's previous good revision, read (the lock must be open if it is sealed).
    pub fn read_previous(&self, key: &str) -> Result<Option<Record>, ReadError> {
        let stored = self.previous_record(key).map_err(ReadError::Storage)?;
        stored
            .map(|stored| self.open_record(key, stored))
            .transpose()
    }

    /// Every entry currently set aside.
    pub fn set_aside(&self) -> Result<Vec<Quarantined>, StorageError> {
        let mut entries = Vec::new();
        for key in self.store.keys()? {
            if let Some(original) = key.strip_prefix(QUARANTINE_PREFIX) {
                entries.push(Quarantined {
                    original_key: original.to_owned(),
                    raw: self.store.get(&key)?.unwrap_or_default(),
                });
            }
        }
        Ok(entries)
    }

    /// Deletes a set-aside entry once the person has downloaded or dismissed it.
    pub fn discard_set_aside(&mut self, original_key: &str) -> Result<(), StorageError> {
        self.store
            .remove(&format!("{QUARANTINE_PREFIX}{original_key}"))
    }

    /// The tab or device this vault writes as, e.g. in merge versions.
    pub fn writer(&self) -> &str {
        &self.writer
    }

    /// Whether a passphrase lock is set up.
    pub fn has_lock(&self) -> bool {
        self.meta.lock.is_some() || self.lock_problem.is_some()
    }

    /// Whether the data is locked now (a lock is set up and the passphrase not yet given, or the
    /// lock's settings cannot be read).
    pub fn is_locked(&self) -> bool {
        self.lock_problem.is_some() || (self.meta.lock.is_some() && self.key.is_none())
    }

    /// Why the lock's settings cannot be used, if they cannot.
    pub fn lock_problem(&self) -> Option<LockSettingsProblem> {
        self.lock_problem
    }

    /// Uses the second copy of the lock's settings in place of the damaged entry; the data
    /// then opens with the passphrase as before.
    pub fn use_kept_lock_settings(&mut self) -> Result<(), StorageError> {
        let Some(kept) = self.kept_meta.take() else {
            return Ok(());
        };
        self.meta = kept;
        self.lock_problem = None;
        self.key = None;
        self.write_meta()
    }

    /// The records in the index: key and header.
    pub fn list(&self) -> impl Iterator<Item = (&str, &RecordHeader)> {
        self.index
            .records
            .iter()
            .map(|(key, header)| (key.as_str(), header))
    }

    /// The records whose keys start with `prefix`, without looking at the others.
    pub fn list_prefixed<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a RecordHeader)> {
        self.index
            .records
            .range::<str, _>((
                std::ops::Bound::Included(prefix),
                std::ops::Bound::Unbounded,
            ))
            .take_while(move |(key, _)| key.starts_with(prefix))
            .map(|(key, header)| (key.as_str(), header))
    }

    /// The header of a record as stored now, which may be newer than the index if another tab
    /// wrote it; `None` if there is none or it is damaged.
    pub fn current_header(&self, key: &str) -> Result<Option<RecordHeader>, StorageError> {
        Ok(self
            .store
            .get(&record_key(key))?
            .and_then(|raw| StoredRecord::parse(&raw))
            .map(|(record, _)| record.header))
    }

    /// Reads a record as it is stored now.
    pub fn read(&self, key: &str) -> Result<Option<Record>, ReadError> {
        let Some(raw) = self
            .store
            .get(&record_key(key))
            .map_err(ReadError::Storage)?
        else {
            return Ok(None);
        };
        let (stored, _) = StoredRecord::parse(&raw).ok_or_else(|| ReadError::Unreadable {
            key: key.to_owned(),
        })?;
        self.open_record(key, stored).map(Some)
    }

    fn open_record(&self, key: &str, stored: StoredRecord) -> Result<Record, ReadError> {
        if self.is_locked() {
            return Err(ReadError::Locked);
        }
        let unreadable = || ReadError::Unreadable {
            key: key.to_owned(),
        };
        let body = match (stored.body, stored.packed, stored.sealed) {
            (_, _, Some(sealed)) => {
                let key_material = self.key.as_ref().ok_or(ReadError::Locked)?;
                let sealed = unpack(&sealed).ok_or_else(unreadable)?;
                let plain =
                    sealing::open_bytes(key_material, &sealed).map_err(ReadError::Sealing)?;
                serde_json::from_slice(&decompress(&plain).ok_or_else(unreadable)?)
                    .map_err(|_| unreadable())?
            }
            (_, Some(packed), None) => unpacked_json(&packed).ok_or_else(unreadable)?,
            (Some(body), None, None) => body,
            (None, None, None) => return Err(unreadable()),
        };
        Ok(Record {
            header: stored.header,
            body,
        })
    }

    /// Writes a record if it is still at the revision expected, keeping the revision it
    /// replaces as the previous one, and writing the record before the index. On any error
    /// nothing is lost: the caller keeps the content and can retry or download it.
    pub fn write(
        &mut self,
        key: &str,
        kind: &str,
        body: &Value,
        expect: Expect,
        now: DateTime<Utc>,
    ) -> Result<RecordHeader, WriteError> {
        self.refresh_meta()?;
        if self.is_locked() {
            return Err(WriteError::Locked);
        }
        let current_raw = self.store.get(&record_key(key))?;
        let current = current_raw
            .as_deref()
            .and_then(StoredRecord::parse)
            .map(|(record, _)| record.header);
        let matches = match (expect, &current) {
            (Expect::Anything, _) | (Expect::New, None) => true,
            (Expect::Rev(rev), Some(header)) => header.rev == rev,
            _ => false,
        };
        if !matches {
            return Err(WriteError::ChangedElsewhere { current });
        }
        if let (Some(raw), Some(_)) = (&current_raw, &current) {
            // Kept if there is room; dropped first when there is not.
            let _ = self.store.set(&format!("{PREVIOUS_PREFIX}{key}"), raw);
        }
        self.put_record(
            key,
            kind,
            body,
            current.map_or(1, |header| header.rev + 1),
            now,
        )
    }

    /// Writes a record whatever is there, keeping no previous revision: for records that are
    /// themselves copies (another tab's edits, a version kept beside a conflict).
    pub fn write_copy(
        &mut self,
        key: &str,
        kind: &str,
        body: &Value,
        now: DateTime<Utc>,
    ) -> Result<RecordHeader, WriteError> {
        self.refresh_meta()?;
        if self.is_locked() {
            return Err(WriteError::Locked);
        }
        let rev = self.current_header(key)?.map_or(1, |header| header.rev + 1);
        self.put_record(key, kind, body, rev, now)
    }

    fn put_record(
        &mut self,
        key: &str,
        kind: &str,
        body: &Value,
        rev: u64,
        now: DateTime<Utc>,
    ) -> Result<RecordHeader, WriteError> {
        let header = RecordHeader {
            kind: kind.to_owned(),
            rev,
            updated: now,
            writer: self.writer.clone(),
        };
        let stored = self.stored_record(header.clone(), body);
        self.set_making_room(&record_key(key), &stored.to_checked_text())?;
        self.index.records.insert(key.to_owned(), header.clone());
        // A failed index write is repaired from the records on the next open; the record is safe.
        let _ = self.index_changed();
        Ok(header)
    }

    /// Writes the index now, or at the end of the batch under way.
    fn index_changed(&mut self) -> Result<(), StorageError> {
        if self.index_deferred {
            self.index_dirty = true;
            Ok(())
        } else {
            self.write_index()
        }
    }

    /// Runs `work`, writing the index once at the end instead of after each of its writes (an
    /// import writes many records, and the index lists them all). Records are written as the
    /// work goes, so if it is cut short the index is rebuilt from them when the vault next opens.
    pub fn batch<R>(&mut self, work: impl FnOnce(&mut Self) -> R) -> R {
        let outer = self.index_deferred;
        self.index_deferred = true;
        let result = work(self);
        self.index_deferred = outer;
        if !outer && self.index_dirty {
            self.index_dirty = false;
            let _ = self.write_index();
        }
        result
    }

    fn stored_record(&mut self, header: RecordHeader, body: &Value) -> StoredRecord {
        let compressed = compress(&serde_json::to_vec(body).expect("values serialise"));
        let (packed, sealed) = match &self.key {
            Some(key) => (
                None,
                Some(pack(&sealing::seal_bytes(
                    key,
                    &compressed,
                    self.random.as_mut(),
                ))),
            ),
            None => (Some(pack(&compressed)), None),
        };
        StoredRecord {
            schema: STORE_SCHEMA,
            header,
            body: None,
            packed,
            sealed,
        }
    }

    /// Deletes a record and its previous revision, then its index entry.
    pub fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.store.remove(&record_key(key))?;
        self.store.remove(&format!("{PREVIOUS_PREFIX}{key}"))?;
        self.index.records.remove(key);
        self.full = false;
        self.index_changed()
    }

    /// Takes in a change another tab made to the entry `full_key` (every entry when empty, as
    /// after a wipe): the meta entry is read again, a record's header updated in the index.
    pub fn note_change_elsewhere(&mut self, full_key: &str) -> Result<(), StorageError> {
        if full_key.is_empty() {
            self.refresh_meta()?;
            return self.rebuild_index(false).map(|_| ());
        }
        if full_key == META_KEY {
            return self.refresh_meta().map(|_| ());
        }
        if let Some(key) = full_key.strip_prefix(RECORD_PREFIX) {
            match self.current_header(key)? {
                Some(header) => self.index.records.insert(key.to_owned(), header),
                None => self.index.records.remove(key),
            };
        }
        Ok(())
    }

    /// Storage used by Appraise and by everything on this site.
    pub fn usage(&self) -> Result<Usage, StorageError> {
        let mut usage = Usage {
            appraise_bytes: 0,
            all_bytes: 0,
        };
        for key in self.store.keys()? {
            let bytes =
                utf16_bytes(&key) + self.store.get(&key)?.map_or(0, |value| utf16_bytes(&value));
            usage.all_bytes += bytes;
            if key.starts_with(APP_PREFIX) {
                usage.appraise_bytes += bytes;
            }
        }
        Ok(usage)
    }

    /// When the last full backup was made.
    pub fn last_backup(&self) -> Option<DateTime<Utc>> {
        self.meta.last_backup
    }

    pub(super) fn note_backup(&mut self, at: DateTime<Utc>) -> Result<(), StorageError> {
        self.update_meta(|meta| meta.last_backup = Some(at))
    }

    /// What [`Vault::wipe`] would delete, for the confirmation.
    pub fn wipe_summary(&self) -> Result<WipeSummary, StorageError> {
        let mut summary = WipeSummary::default();
        for (_, header) in self.list() {
            *summary
                .records_by_kind
                .entry(header.kind.clone())
                .or_insert(0) += 1;
        }
        for key in self.store.keys()? {
            if key.starts_with(APP_PREFIX) {
                summary.keys += 1;
                if key.starts_with(QUARANTINE_PREFIX) {
                    summary.set_aside += 1;
                }
            }
        }
        Ok(summary)
    }

    /// Deletes every Appraise entry from this browser; returns how many were removed.
    pub fn wipe(&mut self) -> Result<usize, StorageError> {
        let removed = self.remove_all_under(APP_PREFIX)?;
        self.index.records.clear();
        self.meta = Meta::fresh();
        self.meta_raw = None;
        self.lock_problem = None;
        self.kept_meta = None;
        self.key = None;
        self.full = false;
        Ok(removed)
    }

    /// Sets up the passphrase lock and encrypts every record with it. The lock's settings are
    /// written first, so a record sealed before an interruption can always be opened. Previous
    /// revisions, kept unencrypted, are dropped.
    pub fn set_passphrase(&mut self, passphrase: &str, kdf: KdfParams) -> Result<(), LockError> {
        sealing::check_passphrase(passphrase).map_err(LockError::Sealing)?;
        self.refresh_meta()?;
        if self.is_locked() {
            return Err(LockError::Locked);
        }
        let records = self.read_all()?;
        let salt = sealing::fresh_salt(self.random.as_mut());
        let key = sealing::derive_key(
            passphrase,
            &sealing::salt_bytes(&salt).map_err(LockError::Sealing)?,
            kdf,
        )
        .map_err(LockError::Sealing)?;
        let check = sealing::seal(&key, LOCK_CHECK, self.random.as_mut());
        self.update_meta(|meta| meta.lock = Some(LockSettings { salt, kdf, check }))?;
        self.key = Some(key);
        self.drop_previous_revisions()?;
        self.rewrite_all(records)
    }

    /// Removes the lock: every record is written back unencrypted, then the lock's settings go.
    pub fn remove_passphrase(&mut self) -> Result<(), LockError> {
        self.refresh_meta()?;
        if self.is_locked() {
            return Err(LockError::Locked);
        }
        let records = self.read_all()?;
        self.key = None;
        self.drop_previous_revisions()?;
        self.rewrite_all(records)?;
        self.update_meta(|meta| meta.lock = None)
            .map_err(LockError::Storage)
    }

    /// Forgets the key: the data stays encrypted until the passphrase is given again.
    pub fn lock(&mut self) {
        if self.has_lock() {
            self.key = None;
        }
    }

    /// Opens the data with the passphrase.
    pub fn unlock(&mut self, passphrase: &str) -> Result<(), SealingError> {
        let _ = self.refresh_meta();
        let Some(lock) = &self.meta.lock else {
            return Ok(());
        };
        let key = sealing::derive_key(passphrase, &sealing::salt_bytes(&lock.salt)?, lock.kdf)?;
        if sealing::open(&key, &lock.check)? != LOCK_CHECK {
            return Err(SealingError::WrongPassphraseOrDamaged);
        }
        self.key = Some(key);
        Ok(())
    }

    /// Every record, decrypted.
    pub fn read_all(&self) -> Result<Vec<(String, Record)>, ReadError> {
        let mut records = Vec::new();
        for key in self.index.records.keys() {
            if let Some(record) = self.read(key)? {
                records.push((key.clone(), record));
            }
        }
        Ok(records)
    }

    fn rewrite_all(&mut self, records: Vec<(String, Record)>) -> Result<(), LockError> {
        for (key, record) in records {
            let stored = self.stored_record(record.header, &record.body);
            self.set_making_room(&record_key(&key), &stored.to_checked_text())?;
        }
        Ok(())
    }
}

/// Why the lock could not be set up or removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockError {
    Storage(StorageError),
    Sealing(SealingError),
    Locked,
    Read(ReadError),
}

impl fmt::Display for LockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LockError::Storage(error) => error.fmt(f),
            LockError::Sealing(error) => error.fmt(f),
            LockError::Locked => write!(f, "Unlock your data with your current passphrase first."),
            LockError::Read(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for LockError {}

impl From<StorageError> for LockError {
    fn from(error: StorageError) -> LockError {
        LockError::Storage(error)
    }
}

impl From<ReadError> for LockError {
    fn from(error: ReadError) -> LockError {
        LockError::Read(error)
    }
}
