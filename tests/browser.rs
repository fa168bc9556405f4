//! Browser tests: run by wasm-bindgen-test in headless Chromium (see webdriver.json).

#![cfg(target_arch = "wasm32")]

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn local_storage_keeps_a_value_until_it_is_deleted() {
    let key = "appraise-test:round-trip";
    LocalStorage::set(key, "Key successes this year").expect("localStorage accepts a value");
    let read: String = LocalStorage::get(key).expect("the value reads back");
    assert_eq!(read, "Key successes this year");

    LocalStorage::delete(key);
    assert!(LocalStorage::get::<String>(key).is_err());
}

#[wasm_bindgen_test]
async fn the_app_shell_renders_header_navigation_and_a_page() {
    leptos::mount::mount_to_body(appraise::app::App);
    // The router renders the matched page once its first reactive tick has run.
    leptos::task::tick().await;
    let document = web_sys::window().unwrap().document().unwrap();

    let nav_links = document
        .query_selector_all("nav[aria-label='Main'] a")
        .unwrap();
    let names: Vec<String> = (0..nav_links.length())
        .filter_map(|i| nav_links.item(i)?.text_content())
        .collect();
    assert_eq!(names, ["Home", "How it works"]);

    let heading = document
        .query_selector("main#main-content h1")
        .unwrap()
        .expect("the page has a main heading");
    assert!(!heading.text_content().unwrap_or_default().is_empty());
}

mod vault_in_local_storage {
    use appraise::storage::browser::{BrowserRandom, BrowserStore};
    use appraise::storage::{Expect, KeyValueStore, StorageError, Vault, WriteError};
    use chrono::{TimeZone, Utc};
    use gloo_storage::{LocalStorage, Storage};
    use serde_json::json;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn fresh_vault() -> Vault<BrowserStore> {
        LocalStorage::clear();
        Vault::open(
            BrowserStore::open().unwrap(),
            Box::new(BrowserRandom),
            "test-tab",
        )
        .unwrap()
    }

    #[wasm_bindgen_test]
    fn records_round_trip_through_real_local_storage() {
        let mut vault = fresh_vault();
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
        let body = json!({ "key_successes": "Led the phonics group — 14 of 16 pupils" });
        vault
            .write("pre-review", "pre_review", &body, Expect::New, now)
            .unwrap();
        let raw = LocalStorage::raw()
            .get_item("appraise:record:pre-review")
            .unwrap()
            .unwrap();
        assert!(raw.contains("14 of 16 pupils"));

        let reopened = Vault::open(
            BrowserStore::open().unwrap(),
            Box::new(BrowserRandom),
            "other-tab",
        )
        .unwrap();
        assert_eq!(reopened.read("pre-review").unwrap().unwrap().body, body);
        assert!(reopened.usage().unwrap().appraise_bytes > raw.len());
        LocalStorage::clear();
    }

    #[wasm_bindgen_test]
    fn a_corrupt_entry_in_real_storage_is_set_aside_on_open() {
        let _ = fresh_vault();
        LocalStorage::raw()
            .set_item("appraise:record:broken", "{not json")
            .unwrap();
        let vault = Vault::open(
            BrowserStore::open().unwrap(),
            Box::new(BrowserRandom),
            "tab",
        )
        .unwrap();
        assert_eq!(vault.set_aside_on_open()[0].raw, "{not json");
        assert_eq!(
            LocalStorage::raw()
                .get_item("appraise:quarantine:record:broken")
                .unwrap()
                .as_deref(),
            Some("{not json")
        );
        LocalStorage::clear();
    }

    #[wasm_bindgen_test]
    fn a_full_local_storage_is_reported_as_full() {
        let mut vault = fresh_vault();
        let mut store = BrowserStore::open().unwrap();
        let megabyte = "x".repeat(1024 * 1024);
        let mut filled = 0;
        while store.set(&format!("filler-{filled}"), &megabyte).is_ok() {
            filled += 1;
            assert!(filled < 100, "localStorage never filled up");
        }
        assert_eq!(store.set("filler-last", &megabyte), Err(StorageError::Full));
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
        let result = vault.write(
            "draft",
            "pre_review",
            &json!({ "text": megabyte }),
            Expect::New,
            now,
        );
        assert_eq!(result, Err(WriteError::Storage(StorageError::Full)));
        LocalStorage::clear();
    }
}
