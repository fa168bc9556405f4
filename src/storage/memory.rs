//! The in-memory twin of the browser's storage, for host tests: it behaves like `localStorage`,
//! including refusing writes past a quota measured the way browsers measure it, and clones
//! share their entries the way two tabs of one site share `localStorage`.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::{KeyValueStore, StorageError};

/// `localStorage` in memory. The quota counts UTF-16 bytes of keys and values, as Chromium does.
#[derive(Debug, Clone, Default)]
pub struct MemoryStore {
    entries: Rc<RefCell<BTreeMap<String, String>>>,
    quota_bytes: Option<usize>,
}

fn utf16_bytes(text: &str) -> usize {
    text.encode_utf16().count() * 2
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// A store that refuses writes once keys and values would take more than `quota_bytes`.
    pub fn with_quota(quota_bytes: usize) -> MemoryStore {
        MemoryStore {
            entries: Rc::default(),
            quota_bytes: Some(quota_bytes),
        }
    }

    /// The same entries seen through a different quota, like the same site in a fuller browser.
    pub fn set_quota(&mut self, quota_bytes: Option<usize>) {
        self.quota_bytes = quota_bytes;
    }

    fn used_bytes_without(&self, key: &str) -> usize {
        self.entries
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| utf16_bytes(k) + utf16_bytes(v))
            .sum()
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(quota) = self.quota_bytes
            && self.used_bytes_without(key) + utf16_bytes(key) + utf16_bytes(value) > quota
        {
            return Err(StorageError::Full);
        }
        self.entries
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.entries.borrow().keys().cloned().collect())
    }
}
