//! The vault: Appraise's records in the browser's storage, laid out as
//!
//! - `appraise:meta`: the storage schema version, the passphrase lock's settings, the date of the
//!   last backup;
//! - `appraise:record:<key>`: one entry per record (a document, a review, the identity…) with its
//!   kind, revision, time of writing, which tab wrote it, and its body, compressed and packed
//!   densely ([`super::packing`]), and encrypted too when a passphrase lock is set;
//! - `appraise:index`: the list of records with their headers, written after the record itself
//!   and rebuilt from the records whenever it is found out of step;
//! - `appraise:quarantine:<key>`: entries that could not be read, kept byte for byte to download.

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
const INDEX_KEY: &str = "appraise:index";
const RECORD_PREFIX: &str = "appraise:record:";
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
    /// Whether the body can be read without the lock's key; `None` if it is damaged.
    fn readable_without_key(&self) -> Option<bool> {
        match (&self.body, &self.packed, &self.sealed) {
            (_, _, Some(_)) => Some(false),
            (_, Some(packed), None) => unpacked_json(packed).map(|_| true),
            (Some(_), None, None) => Some(true),
            (None, None, None) => None,
        }
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
    index: Index,
    key: Option<SealingKey>,
    set_aside_on_open: Vec<Quarantined>,
    /// Inside [`Vault::batch`]: the index is written once at the end, not after every write.
    index_deferred: bool,
    index_dirty: bool,
}

impl<S: KeyValueStore> Vault<S> {
    /// Opens the vault: migrates an older layout, sets aside unreadable entries and rebuilds an
    /// index that is out of step. `writer` names this tab in the revisions it writes.
    pub fn open(
        mut store: S,
        random: Box<dyn RandomSource>,
        writer: &str,
    ) -> Result<Vault<S>, OpenError> {
        let mut set_aside = Vec::new();
        let meta = match store
            .get(META_KEY)?
            .map(|raw| (serde_json::from_str::<Meta>(&raw), raw))
        {
            None => Meta {
                schema: STORE_SCHEMA,
                lock: None,
                last_backup: None,
            },
            Some((Ok(meta), _)) => meta,
            Some((Err(_), raw)) => {
                set_aside.push(quarantine(&mut store, META_KEY, &raw)?);
                Meta {
                    schema: STORE_SCHEMA,
                    lock: None,
                    last_backup: None,
                }
            }
        };
        if meta.schema > STORE_SCHEMA {
            return Err(OpenError::NewerVersion { found: meta.schema });
        }
        let mut vault = Vault {
            store,
            random,
            writer: writer.to_owned(),
            meta,
            index: Index {
                schema: STORE_SCHEMA,
                records: BTreeMap::new(),
            },
            key: None,
            set_aside_on_open: set_aside,
            index_deferred: false,
            index_dirty: false,
        };
        if vault.meta.schema < STORE_SCHEMA {
            let Vault { store, meta, .. } = &mut vault;
            let store: &mut dyn KeyValueStore = store;
            let from = meta.schema;
            let mut record_version = |store: &mut dyn KeyValueStore, version: u32| {
                meta.schema = version;
                store.set(
                    META_KEY,
                    &serde_json::to_string(meta).expect("meta serialises"),
                )
            };
            run_migrations(store, from, MIGRATIONS, &mut record_version)?;
        }
        if vault.store.get(META_KEY)?.is_none() {
            vault.write_meta()?;
        }
        vault.rebuild_index()?;
        Ok(vault)
    }

    /// Reads every record's header, sets aside the unreadable, and writes the index if it was
    /// out of step with the records.
    fn rebuild_index(&mut self) -> Result<(), StorageError> {
        let mut records = BTreeMap::new();
        for full_key in self.store.keys()? {
            let Some(key) = full_key.strip_prefix(RECORD_PREFIX) else {
                continue;
            };
            let Some(raw) = self.store.get(&full_key)? else {
                continue;
            };
            match serde_json::from_str::<StoredRecord>(&raw) {
                Ok(record) if record.readable_without_key().is_some() => {
                    records.insert(key.to_owned(), record.header);
                }
                _ => {
                    let entry = quarantine(&mut self.store, &full_key, &raw)?;
                    self.set_aside_on_open.push(entry);
                }
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
            self.write_index()?;
        }
        Ok(())
    }

    fn write_meta(&mut self) -> Result<(), StorageError> {
        self.store.set(
            META_KEY,
            &serde_json::to_string(&self.meta).expect("meta serialises"),
        )
    }

    fn write_index(&mut self) -> Result<(), StorageError> {
        self.store.set(
            INDEX_KEY,
            &serde_json::to_string(&self.index).expect("index serialises"),
        )
    }

    /// Entries set aside because they could not be read, found when the vault was opened.
    pub fn set_aside_on_open(&self) -> &[Quarantined] {
        &self.set_aside_on_open
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
        self.meta.lock.is_some()
    }

    /// Whether the data is locked now (a lock is set up and the passphrase not yet given).
    pub fn is_locked(&self) -> bool {
        self.has_lock() && self.key.is_none()
    }

    /// The records in the index: key and header.
    pub fn list(&self) -> impl Iterator<Item = (&str, &RecordHeader)> {
        self.index
            .records
            .iter()
            .map(|(key, header)| (key.as_str(), header))
    }

    /// The header of a record as stored now, which may be newer than the index if another tab wrote it.
    pub fn current_header(&self, key: &str) -> Result<Option<RecordHeader>, StorageError> {
        Ok(self
            .store
            .get(&record_key(key))?
            .and_then(|raw| serde_json::from_str::<StoredRecord>(&raw).ok())
            .map(|record| record.header))
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
        let stored: StoredRecord =
            serde_json::from_str(&raw).map_err(|_| ReadError::Unreadable {
                key: key.to_owned(),
            })?;
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
        Ok(Some(Record {
            header: stored.header,
            body,
        }))
    }

    /// Writes a record if it is still at the revision expected, writing the record before the
    /// index. On any error nothing is lost: the caller keeps the content and can retry or download it.
    pub fn write(
        &mut self,
        key: &str,
        kind: &str,
        body: &Value,
        expect: Expect,
        now: DateTime<Utc>,
    ) -> Result<RecordHeader, WriteError> {
        if self.is_locked() {
            return Err(WriteError::Locked);
        }
        let current = self.current_header(key)?;
        let matches = match (expect, &current) {
            (Expect::Anything, _) | (Expect::New, None) => true,
            (Expect::Rev(rev), Some(header)) => header.rev == rev,
            _ => false,
        };
        if !matches {
            return Err(WriteError::ChangedElsewhere { current });
        }
        let header = RecordHeader {
            kind: kind.to_owned(),
            rev: current.map_or(1, |header| header.rev + 1),
            updated: now,
            writer: self.writer.clone(),
        };
        let stored = self.stored_record(header.clone(), body);
        self.store.set(
            &record_key(key),
            &serde_json::to_string(&stored).expect("records serialise"),
        )?;
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

    /// Deletes a record, then its index entry.
    pub fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.store.remove(&record_key(key))?;
        self.index.records.remove(key);
        self.index_changed()
    }

    /// Re-reads the index after another tab changed storage.
    pub fn reload_index(&mut self) -> Result<(), StorageError> {
        self.rebuild_index()
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
        self.meta.last_backup = Some(at);
        self.write_meta()
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
        let keys: Vec<String> = self
            .store
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(APP_PREFIX))
            .collect();
        for key in &keys {
            self.store.remove(key)?;
        }
        self.index.records.clear();
        self.meta = Meta {
            schema: STORE_SCHEMA,
            lock: None,
            last_backup: None,
        };
        self.key = None;
        Ok(keys.len())
    }

    /// Sets up the passphrase lock and encrypts every record with it. The lock's settings are
    /// written first, so a record sealed before an interruption can always be opened.
    pub fn set_passphrase(&mut self, passphrase: &str, kdf: KdfParams) -> Result<(), LockError> {
        sealing::check_passphrase(passphrase).map_err(LockError::Sealing)?;
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
        self.meta.lock = Some(LockSettings { salt, kdf, check });
        self.write_meta()?;
        self.key = Some(key);
        self.rewrite_all(records)
    }

    /// Removes the lock: every record is written back unencrypted, then the lock's settings go.
    pub fn remove_passphrase(&mut self) -> Result<(), LockError> {
        if self.is_locked() {
            return Err(LockError::Locked);
        }
        let records = self.read_all()?;
        self.key = None;
        self.rewrite_all(records)?;
        self.meta.lock = None;
        self.write_meta().map_err(LockError::Storage)
    }

    /// Forgets the key: the data stays encrypted until the passphrase is given again.
    pub fn lock(&mut self) {
        if self.has_lock() {
            self.key = None;
        }
    }

    /// Opens the data with the passphrase.
    pub fn unlock(&mut self, passphrase: &str) -> Result<(), SealingError> {
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
            self.store.set(
                &record_key(&key),
                &serde_json::to_string(&stored).expect("records serialise"),
            )?;
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

/// Moves an unreadable entry under the quarantine prefix, keeping its text exactly.
fn quarantine<S: KeyValueStore>(
    store: &mut S,
    full_key: &str,
    raw: &str,
) -> Result<Quarantined, StorageError> {
    let original = full_key.strip_prefix(APP_PREFIX).unwrap_or(full_key);
    store.set(&format!("{QUARANTINE_PREFIX}{original}"), raw)?;
    store.remove(full_key)?;
    Ok(Quarantined {
        original_key: original.to_owned(),
        raw: raw.to_owned(),
    })
}
