//! Moving stored data from an older layout to the current one, one step at a time.
//!
//! Each step writes its new keys before removing old ones, so a step cut short (a closed tab, a
//! full disk) is simply run again on the next open; the stored schema version is raised only
//! after a step has fully succeeded. Nothing is ever lost to a failed migration.

use super::{KeyValueStore, StorageError};

/// One step from schema `to - 1` to schema `to`.
pub(super) struct Migration {
    pub to: u32,
    pub run: fn(&mut dyn KeyValueStore) -> Result<(), StorageError>,
}

/// The steps of this version of Appraise, oldest first. Schema 1 is the first layout, so there
/// are none yet; a new layout adds its step here and raises [`super::vault::STORE_SCHEMA`].
pub(super) const MIGRATIONS: &[Migration] = &[];

/// Runs every step after `from`, in order, calling `record_version` after each one succeeds.
/// Returns the schema reached; stops at the first failure, leaving the data as that step left it.
pub(super) fn run_migrations(
    store: &mut dyn KeyValueStore,
    from: u32,
    steps: &[Migration],
    record_version: &mut dyn FnMut(&mut dyn KeyValueStore, u32) -> Result<(), StorageError>,
) -> Result<u32, StorageError> {
    let mut version = from;
    for step in steps.iter().filter(|step| step.to > from) {
        (step.run)(store)?;
        record_version(store, step.to)?;
        version = step.to;
    }
    Ok(version)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryStore;

    /// Schema 2 renamed `old:*` keys to `new:*`; schema 3 upper-cased every `new:*` value.
    fn rename(store: &mut dyn KeyValueStore) -> Result<(), StorageError> {
        for key in store.keys()?.into_iter().filter(|k| k.starts_with("old:")) {
            let value = store.get(&key)?.unwrap_or_default();
            store.set(&key.replacen("old:", "new:", 1), &value)?;
            store.remove(&key)?;
        }
        Ok(())
    }

    fn shout(store: &mut dyn KeyValueStore) -> Result<(), StorageError> {
        for key in store.keys()?.into_iter().filter(|k| k.starts_with("new:")) {
            let value = store.get(&key)?.unwrap_or_default();
            store.set(&key, &value.to_uppercase())?;
        }
        Ok(())
    }

    const STEPS: &[Migration] = &[
        Migration { to: 2, run: rename },
        Migration { to: 3, run: shout },
    ];

    fn versioned(store: &mut dyn KeyValueStore, version: u32) -> Result<(), StorageError> {
        store.set("version", &version.to_string())
    }

    #[test]
    fn steps_run_in_order_from_the_stored_version() {
        let mut store = MemoryStore::new();
        store.set("old:a", "draft").unwrap();
        let reached = run_migrations(&mut store, 1, STEPS, &mut versioned).unwrap();
        assert_eq!(reached, 3);
        assert_eq!(store.keys().unwrap(), ["new:a", "version"]);
        assert_eq!(store.get("new:a").unwrap().as_deref(), Some("DRAFT"));
        assert_eq!(store.get("version").unwrap().as_deref(), Some("3"));

        // Already at schema 2: only the later step runs.
        let mut store = MemoryStore::new();
        store.set("new:b", "notes").unwrap();
        assert_eq!(
            run_migrations(&mut store, 2, STEPS, &mut versioned).unwrap(),
            3
        );
        assert_eq!(store.get("new:b").unwrap().as_deref(), Some("NOTES"));
    }

    #[test]
    fn a_step_cut_short_loses_nothing_and_runs_again() {
        // No room for even one renamed copy beside the originals: the step fails at once.
        let room = "old:a".len() + "draft".len() + "old:b".len() + "notes".len();
        let mut store = MemoryStore::with_quota(2 * room + 2);
        store.set("old:a", "draft").unwrap();
        store.set("old:b", "notes").unwrap();
        assert_eq!(
            run_migrations(&mut store, 1, STEPS, &mut versioned),
            Err(StorageError::Full)
        );
        assert_eq!(
            store.get("version").unwrap(),
            None,
            "the version is not raised"
        );
        let words: Vec<String> = store
            .keys()
            .unwrap()
            .iter()
            .map(|k| store.get(k).unwrap().unwrap())
            .collect();
        assert!(words.contains(&"draft".to_string()) && words.contains(&"notes".to_string()));

        // With room again, the same step finishes the job.
        store.set_quota(None);
        assert_eq!(run_migrations(&mut store, 1, STEPS, &mut versioned), Ok(3));
        assert_eq!(store.get("new:a").unwrap().as_deref(), Some("DRAFT"));
        assert_eq!(store.get("new:b").unwrap().as_deref(), Some("NOTES"));
        assert!(store.keys().unwrap().iter().all(|k| !k.starts_with("old:")));
    }
}
