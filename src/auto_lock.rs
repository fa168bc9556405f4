//! Auto-lock: on a shared computer, locked data locks itself again after a spell without use,
//! once every change is saved.

use leptos::prelude::*;
use std::time::Duration;

use crate::state::{AppStorage, StorageStatus};

/// Minutes without a key press, click or touch before the data locks.
pub const IDLE_MINUTES: i64 = 10;

pub fn start(storage: AppStorage) {
    let last_activity = StoredValue::new(crate::browser::now());
    for event in ["keydown", "pointerdown", "scroll"] {
        std::mem::forget(window_event_listener_untyped(event, move |_| {
            last_activity.set_value(crate::browser::now())
        }));
    }
    let check = move || {
        let idle =
            (crate::browser::now() - last_activity.get_value()).num_minutes() >= IDLE_MINUTES;
        let lockable = storage
            .with(|vault| vault.has_lock() && !vault.is_locked())
            .unwrap_or(false);
        if idle && lockable && !storage.unsaved.get_untracked() {
            storage.with_mut(|vault| vault.lock());
            storage.status.set(StorageStatus::Locked);
        }
    };
    // The interval runs for the life of the app.
    let _ = set_interval_with_handle(check, Duration::from_secs(30));
}
