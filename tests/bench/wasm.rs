//! The benchmark's browser half for the core work (run by `scripts/bench.sh`, not by the
//! tests): the same open and import as the native half, compiled to wasm and run in headless
//! Chromium, persisting to the browser's real local storage. Prints one JSON line.

#![cfg(target_arch = "wasm32")]

#[path = "../common/mod.rs"]
mod common;
#[path = "fixtures.rs"]
mod fixtures;

use appraise::storage::Vault;
use appraise::storage::browser::{BrowserRandom, BrowserStore};
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

#[wasm_bindgen_test]
fn open_and_import_300_final_statements() {
    let files = fixtures::bundle_files();
    let clock = js_sys::Date::now;
    let mut runs = Vec::new();
    for _ in 0..5 {
        LocalStorage::clear();
        let store = BrowserStore::open().unwrap();
        let mut vault = Vault::open(store, Box::new(BrowserRandom), "pat").unwrap();
        fixtures::headteachers_records(&mut vault);
        runs.push(fixtures::open_and_import(&mut vault, &files, clock));
    }
    LocalStorage::clear();
    let open_ms = median(runs.iter().map(|r| r.0).collect());
    let import_ms = median(runs.iter().map(|r| r.1).collect());
    web_sys::console::log_1(
        &format!(
            "BENCH {{\"wasm_open_ms\":{open_ms:.1},\"wasm_merge_persist_ms\":{import_ms:.1}}}"
        )
        .into(),
    );
}
