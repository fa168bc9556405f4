//! The browser's `localStorage`, through gloo-storage, as a [`KeyValueStore`].

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use super::{KeyValueStore, StorageError};

/// `localStorage` for this site. Only made once storage is known to work, because gloo's
/// `LocalStorage::raw()` panics when the browser withholds it.
pub struct BrowserStore {
    _available: (),
}

impl BrowserStore {
    /// Checks that `localStorage` exists and accepts a write (some private modes refuse every
    /// write), then gives access to it. A storage that is merely full opens: what is saved can
    /// still be read, and the vault says it is full when a write is refused.
    pub fn open() -> Result<BrowserStore, StorageError> {
        let storage = web_sys::window()
            .ok_or(StorageError::Unavailable)?
            .local_storage()
            .map_err(|_| StorageError::Unavailable)?
            .ok_or(StorageError::Unavailable)?;
        let probe = "appraise-probe";
        match storage.set_item(probe, "1").map_err(storage_error) {
            Ok(()) | Err(StorageError::Full) => {}
            Err(_) => return Err(StorageError::Unavailable),
        }
        let _ = storage.remove_item(probe);
        Ok(BrowserStore { _available: () })
    }
}

fn storage_error(error: wasm_bindgen::JsValue) -> StorageError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(exception) if exception.name() == "QuotaExceededError" => StorageError::Full,
        Some(exception) => StorageError::Failed(exception.message()),
        None => StorageError::Failed("the browser gave no reason".into()),
    }
}

impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        LocalStorage::raw().get_item(key).map_err(storage_error)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        LocalStorage::raw()
            .set_item(key, value)
            .map_err(storage_error)
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        LocalStorage::raw().remove_item(key).map_err(storage_error)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let raw = LocalStorage::raw();
        let count = raw.length().map_err(storage_error)?;
        Ok((0..count)
            .filter_map(|i| raw.key(i).ok().flatten())
            .collect())
    }
}
