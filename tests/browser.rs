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
    assert_eq!(
        names,
        [
            "Home",
            "Your pre-review",
            "Start a review",
            "Import a file",
            "Contacts",
            "Your data",
            "Settings",
            "How it works"
        ]
    );

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
        assert!(
            raw.contains("\"packed\"") && !raw.contains("14 of 16 pupils"),
            "stored compressed: {raw}"
        );

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
        // Fill every last character of this site's storage.
        let mut filled = 0;
        let mut size = 1024 * 1024;
        while size > 0 {
            while store
                .set(&format!("filler-{filled}"), &"x".repeat(size))
                .is_ok()
            {
                filled += 1;
                assert!(filled < 1000, "localStorage never filled up");
            }
            size /= 2;
        }
        assert_eq!(store.set("filler-last", "x"), Err(StorageError::Full));
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap();
        let result = vault.write(
            "draft",
            "pre_review",
            // Letters that do not compress, so the record really needs the space.
            &json!({ "text": (0u32..1024 * 1024).map(|i| char::from(b'a' + ((i.wrapping_mul(2_654_435_761) >> 7) % 26) as u8)).collect::<String>() }),
            Expect::New,
            now,
        );
        assert_eq!(result, Err(WriteError::Storage(StorageError::Full)));
        LocalStorage::clear();
    }
}
