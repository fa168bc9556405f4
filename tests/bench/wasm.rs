//! The benchmark's browser half for the core work (run by `scripts/bench.sh`, not by the
//! tests): the same open and import as the native half, then the headteacher's desk, moderation
//! and governors' report over the 300 reviews, compiled to wasm and run in headless Chromium,
//! persisting to the browser's real local storage. Prints one JSON line.

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

/// The headteacher's work over the 300 reviews, as the native half does it, on the browser's
/// local storage: the median of five runs.
fn leadership_medians(files: &[String]) -> [f64; 4] {
    let runs: Vec<[f64; 4]> = (0..5)
        .map(|_| {
            LocalStorage::clear();
            let store = BrowserStore::open().unwrap();
            let mut vault = Vault::open(store, Box::new(BrowserRandom), "pat").unwrap();
            fixtures::headteachers_records(&mut vault);
            fixtures::open_and_import(&mut vault, files, js_sys::Date::now);
            fixtures::leadership_work(&mut vault, js_sys::Date::now)
        })
        .collect();
    LocalStorage::clear();
    std::array::from_fn(|figure| median(runs.iter().map(|run| run[figure]).collect()))
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
    let leadership = leadership_medians(&files);
    web_sys::console::log_1(
        &format!(
            "BENCH {{\"wasm_open_ms\":{open_ms:.1},\"wasm_merge_persist_ms\":{import_ms:.1},\"wasm_desk_ms\":{:.1},\"wasm_desk_after_a_change_ms\":{:.1},\"wasm_moderation_ms\":{:.3},\"wasm_governors_report_ms\":{:.1}}}",
            leadership[0], leadership[1], leadership[2], leadership[3]
        )
        .into(),
    );
}
