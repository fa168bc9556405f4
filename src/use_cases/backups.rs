//! Backups: one file holding everything kept here, encrypted with a passphrase the person
//! chooses, named for the day it was made; and restoring one, which adds what is missing and
//! never deletes anything (where both differ, the newer is used and the other kept beside it).

use chrono::{DateTime, Utc};

use crate::random::RandomSource;
use crate::storage::backup::{BackupError, read_backup, restore, write_backup};
use crate::storage::sealing::KdfParams;
pub use crate::storage::sealing::MIN_PASSPHRASE_CHARS;
use crate::storage::{KeyValueStore, Vault};

/// A backup made and ready to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub name: String,
    pub contents: String,
}

/// Makes a backup of everything kept here, sealed with `passphrase`, named with `local_stamp`
/// (the local date and time, e.g. `2026-11-22-0941`). Every tab's copy of a document must be
/// folded into it first: the backup leaves the copies out.
pub fn make_backup<S: KeyValueStore>(
    vault: &mut Vault<S>,
    passphrase: &str,
    local_stamp: &str,
    random: &mut dyn RandomSource,
    now: DateTime<Utc>,
) -> Result<Backup, BackupError> {
    let contents = write_backup(vault, passphrase, KdfParams::RECOMMENDED, random, now)?;
    Ok(Backup {
        name: format!("appraise-backup-{local_stamp}.json"),
        contents,
    })
}

/// Restores the backup `text`, opened with `passphrase`, into what is kept here, and says what
/// it did.
pub fn restore_backup<S: KeyValueStore>(
    vault: &mut Vault<S>,
    text: &str,
    passphrase: &str,
    now: DateTime<Utc>,
) -> Result<String, BackupError> {
    let contents = read_backup(text, passphrase)?;
    let report = restore(vault, &contents, now)?;
    let mut lines = vec![format!(
        "{} added, {} updated from the backup, {} already the same.",
        report.added.len(),
        report.replaced_by_newer.len(),
        report.unchanged
    )];
    if !report.copies.is_empty() {
        lines.push(format!(
            "{} item(s) differed: the newer version is in use and the other is kept beside it to compare.",
            report.copies.len()
        ));
    }
    Ok(lines.join(" "))
}
