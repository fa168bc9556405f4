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
