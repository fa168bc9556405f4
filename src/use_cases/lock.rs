//! The passphrase lock on a shared computer: everything kept here stored encrypted with a
//! passphrase the person chooses (the key derived from it with the recommended strength), or
//! stored plainly again.

use crate::storage::sealing::KdfParams;
use crate::storage::{KeyValueStore, LockError, Vault};

/// Encrypts everything kept here with `passphrase`, which opens it from then on.
pub fn set_lock<S: KeyValueStore>(vault: &mut Vault<S>, passphrase: &str) -> Result<(), LockError> {
    vault.set_passphrase(passphrase, KdfParams::RECOMMENDED)
}

/// Stores everything kept here unencrypted again.
pub fn remove_lock<S: KeyValueStore>(vault: &mut Vault<S>) -> Result<(), LockError> {
    vault.remove_passphrase()
}
