//! The full backup: one file with every record (documents, contacts, identity), encrypted with
//! a passphrase of the person's choosing, and a restore that merges into what is already here
//! rather than replacing it. When both the backup and this browser hold different versions of
//! a record, the newer one is kept as the record and the other as a copy beside it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::fmt;

use super::KeyValueStore;
use super::sealing::{self, KdfParams, SealingError};
use super::vault::{Expect, ReadError, RecordHeader, Vault, WriteError};
use crate::random::RandomSource;

const BACKUP_FORMAT: &str = "appraise-backup";
const BACKUP_VERSION: u32 = 1;
/// Kind of the record that keeps the losing side of a restore.
pub const COPY_KIND: &str = "kept_copy";
/// The record kind of a tab's own copy of a document it edits: a working copy, whose content
/// its document holds once the copies are folded in, so backups leave it out.
pub const TAB_COPY_KIND: &str = "tab_copy";

#[derive(Debug, Serialize, Deserialize)]
struct BackupFile {
    format: String,
    version: u32,
    created: DateTime<Utc>,
    kdf: KdfParams,
    salt: String,
    sealed: String,
}

/// What a backup holds once opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupContents {
    pub created: DateTime<Utc>,
    pub records: Vec<BackupRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupRecord {
    pub key: String,
    pub header: RecordHeader,
    pub body: Value,
}

/// What a restore did, to tell the person.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RestoreReport {
    pub added: Vec<String>,
    pub replaced_by_newer: Vec<String>,
    pub unchanged: usize,
    /// Records where this browser's version was newer: kept, with the backup's kept as a copy.
    pub kept_newer_here: Vec<String>,
    /// The keys of the copies made.
    pub copies: Vec<String>,
}

/// Why a backup could not be made or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {
    NotABackup,
    FromNewerVersion { version: u32 },
    Sealing(SealingError),
    Read(ReadError),
    Write(WriteError),
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackupError::NotABackup => write!(
                f,
                "This file is not an Appraise backup. Choose the file whose name starts with “appraise-backup”."
            ),
            BackupError::FromNewerVersion { version } => write!(
                f,
                "This backup was made by a newer version of Appraise (backup format {version}). Reload the page to update Appraise, then restore it."
            ),
            BackupError::Sealing(SealingError::WrongPassphraseOrDamaged) => write!(
                f,
                "That passphrase does not open this backup. Check it and try again; if it is right, the file has been damaged."
            ),
            BackupError::Sealing(error) => error.fmt(f),
            BackupError::Read(error) => error.fmt(f),
            BackupError::Write(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for BackupError {}

/// Writes the encrypted backup file of every record and notes when it was made.
pub fn write_backup<S: KeyValueStore>(
    vault: &mut Vault<S>,
    passphrase: &str,
    kdf: KdfParams,
    random: &mut dyn RandomSource,
    now: DateTime<Utc>,
) -> Result<String, BackupError> {
    sealing::check_passphrase(passphrase).map_err(BackupError::Sealing)?;
    let records = vault
        .read_all()
        .map_err(BackupError::Read)?
        .into_iter()
        .filter(|(_, record)| record.header.kind != TAB_COPY_KIND)
        .map(|(key, record)| BackupRecord {
            key,
            header: record.header,
            body: record.body,
        })
        .collect();
    let contents = BackupContents {
        created: now,
        records,
    };
    let salt = sealing::fresh_salt(random);
    let key = sealing::derive_key(
        passphrase,
        &sealing::salt_bytes(&salt).map_err(BackupError::Sealing)?,
        kdf,
    )
    .map_err(BackupError::Sealing)?;
    let plain = serde_json::to_vec(&contents).expect("backups serialise");
    let file = BackupFile {
        format: BACKUP_FORMAT.into(),
        version: BACKUP_VERSION,
        created: now,
        kdf,
        salt,
        sealed: sealing::seal(&key, &plain, random),
    };
    vault
        .note_backup(now)
        .map_err(|error| BackupError::Write(WriteError::Storage(error)))?;
    Ok(serde_json::to_string_pretty(&file).expect("backups serialise"))
}

/// Opens a backup file with its passphrase.
pub fn read_backup(text: &str, passphrase: &str) -> Result<BackupContents, BackupError> {
    let raw: Value = serde_json::from_str(text).map_err(|_| BackupError::NotABackup)?;
    if raw.get("format") != Some(&json!(BACKUP_FORMAT)) {
        return Err(BackupError::NotABackup);
    }
    let version = raw.get("version").and_then(Value::as_u64).unwrap_or(0);
    if version > u64::from(BACKUP_VERSION) {
        return Err(BackupError::FromNewerVersion {
            version: u32::try_from(version).unwrap_or(u32::MAX),
        });
    }
    let file: BackupFile = serde_json::from_value(raw).map_err(|_| BackupError::NotABackup)?;
    let key = sealing::derive_key(
        passphrase,
        &sealing::salt_bytes(&file.salt).map_err(BackupError::Sealing)?,
        file.kdf,
    )
    .map_err(BackupError::Sealing)?;
    let plain = sealing::open(&key, &file.sealed).map_err(BackupError::Sealing)?;
    serde_json::from_slice(&plain).map_err(|_| BackupError::NotABackup)
}

/// Merges a backup into the vault: adds what is missing, keeps both versions where they differ.
pub fn restore<S: KeyValueStore>(
    vault: &mut Vault<S>,
    contents: &BackupContents,
    now: DateTime<Utc>,
) -> Result<RestoreReport, BackupError> {
    let mut report = RestoreReport::default();
    for incoming in &contents.records {
        let local = vault.read(&incoming.key).map_err(BackupError::Read)?;
        let write = |vault: &mut Vault<S>, key: &str, kind: &str, body: &Value, expect| {
            vault
                .write(key, kind, body, expect, now)
                .map_err(BackupError::Write)
        };
        match local {
            None => {
                write(
                    vault,
                    &incoming.key,
                    &incoming.header.kind,
                    &incoming.body,
                    Expect::New,
                )?;
                report.added.push(incoming.key.clone());
            }
            Some(local) if local.body == incoming.body => report.unchanged += 1,
            Some(local) => {
                let backup_is_newer = incoming.header.updated > local.header.updated;
                let (copy_of, copied_header, copied_body) = if backup_is_newer {
                    ("this browser", &local.header, &local.body)
                } else {
                    ("the backup", &incoming.header, &incoming.body)
                };
                let copy_key = format!("{}.copy-{}", incoming.key, now.timestamp_millis());
                let copy = json!({ "of": incoming.key, "from": copy_of, "kind": copied_header.kind, "updated": copied_header.updated, "body": copied_body });
                write(vault, &copy_key, COPY_KIND, &copy, Expect::Anything)?;
                report.copies.push(copy_key);
                if backup_is_newer {
                    write(
                        vault,
                        &incoming.key,
                        &incoming.header.kind,
                        &incoming.body,
                        Expect::Rev(local.header.rev),
                    )?;
                    report.replaced_by_newer.push(incoming.key.clone());
                } else {
                    report.kept_newer_here.push(incoming.key.clone());
                }
            }
        }
    }
    Ok(report)
}
