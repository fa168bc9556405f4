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
    use appraise::random::BrowserRandom;
    use appraise::storage::browser::BrowserStore;
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

    /// Cheap key derivation so the tests stay fast; the app uses `KdfParams::RECOMMENDED`.
    const QUICK: appraise::storage::sealing::KdfParams = appraise::storage::sealing::KdfParams {
        memory_kib: 64,
        iterations: 1,
        parallelism: 1,
    };

    fn reopen(tab: &str) -> Vault<BrowserStore> {
        Vault::open(BrowserStore::open().unwrap(), Box::new(BrowserRandom), tab).unwrap()
    }

    fn at(minute: u32) -> chrono::DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 7, 9, minute, 0).unwrap()
    }

    /// The pre-review saved twice, as the autosave saves it.
    fn pre_review_saved_twice(vault: &mut Vault<BrowserStore>) {
        use appraise::bundle::merge::DocumentState;
        use appraise::use_cases::editing::{self, PRE_REVIEW_KEY};
        let mut seen = DocumentState::default();
        let mut base = Default::default();
        for (minute, text) in [
            (0, "Ran the eco council"),
            (1, "Ran the eco council and the choir"),
        ] {
            let mut mine: appraise::domain::field_map::FieldMap = Default::default();
            mine.insert("pre_review.key_successes".into(), json!(text));
            mine.insert(
                "pre_review.career_goals".into(),
                json!("HLTA within two years"),
            );
            seen = editing::save_edit(
                vault,
                PRE_REVIEW_KEY,
                "pre_review",
                (&seen, None, &base, &mine),
                at(minute),
            )
            .unwrap();
            base = mine;
        }
    }

    #[wasm_bindgen_test]
    fn one_character_changed_anywhere_or_a_record_cut_short_is_found_said_and_the_last_good_save_recovered()
     {
        use appraise::use_cases::editing::{self, PRE_REVIEW_KEY};
        use appraise::use_cases::recovery;
        for (fraction, cut) in [(0.25, false), (0.5, false), (0.75, false), (0.8, true)] {
            let mut vault = fresh_vault();
            pre_review_saved_twice(&mut vault);
            let raw = LocalStorage::raw()
                .get_item("appraise:record:pre-review")
                .unwrap()
                .unwrap();
            let chars: Vec<char> = raw.chars().collect();
            let place = (chars.len() as f64 * fraction) as usize;
            let damaged: String = if cut {
                chars[..place].iter().collect()
            } else {
                let mut changed = chars.clone();
                changed[place] = if chars[place] == '_' { 'a' } else { '_' };
                changed.into_iter().collect()
            };
            LocalStorage::raw()
                .set_item("appraise:record:pre-review", &damaged)
                .unwrap();
            // This tab's own copy would cover the loss; take it away to see the record's own recovery.
            let copies: Vec<String> = (0..LocalStorage::raw().length().unwrap())
                .filter_map(|i| LocalStorage::raw().key(i).unwrap())
                .filter(|key| key.contains("~tab:"))
                .collect();
            for key in copies {
                LocalStorage::raw().remove_item(&key).unwrap();
            }

            let mut reopened = reopen("next-tab");
            let recovery = recovery::recover_after_opening(&mut reopened).unwrap();
            assert_eq!(recovery.restored.len(), 1, "{fraction} {cut}");
            assert_eq!(recovery.restored[0].item, "your pre-review");
            assert_eq!(recovery.restored[0].saved_at, at(0));
            let held = editing::read(&reopened, PRE_REVIEW_KEY)
                .unwrap()
                .unwrap()
                .current();
            assert_eq!(
                held["pre_review.key_successes"],
                json!("Ran the eco council"),
                "{fraction} {cut}"
            );
            assert_eq!(
                held["pre_review.career_goals"],
                json!("HLTA within two years")
            );
            assert_eq!(
                reopened.set_aside().unwrap()[0].raw,
                damaged,
                "the damaged save is kept, byte for byte, to download"
            );
        }
        LocalStorage::clear();
    }

    #[wasm_bindgen_test]
    fn a_full_local_storage_still_opens_and_reads_everything_saved() {
        let mut vault = fresh_vault();
        pre_review_saved_twice(&mut vault);
        let mut store = BrowserStore::open().unwrap();
        let mut filled = 0;
        let mut size = 1024 * 1024;
        while size > 0 {
            while store
                .set(&format!("filler-{filled}"), &"x".repeat(size))
                .is_ok()
            {
                filled += 1;
            }
            size /= 2;
        }
        let reopened = reopen("after-reload");
        let held = appraise::use_cases::editing::read(&reopened, "pre-review")
            .unwrap()
            .unwrap()
            .current();
        assert_eq!(
            held["pre_review.key_successes"],
            json!("Ran the eco council and the choir")
        );
        LocalStorage::clear();
    }

    #[wasm_bindgen_test]
    fn a_damaged_identity_or_lock_never_makes_new_keys_or_skips_the_passphrase() {
        use appraise::bundle::identity::KeySeed;
        use appraise::storage::LockSettingsProblem;
        use appraise::use_cases::{identity, recovery};
        let mut vault = fresh_vault();
        for minute in 0..2 {
            identity::save_identity(
                &mut vault,
                &identity::StoredIdentity::new(KeySeed([9; 32])),
                at(minute),
            )
            .unwrap();
        }
        let raw = LocalStorage::raw()
            .get_item("appraise:record:identity")
            .unwrap()
            .unwrap();
        LocalStorage::raw()
            .set_item(
                "appraise:record:identity",
                &raw.chars()
                    .take(raw.chars().count() / 2)
                    .collect::<String>(),
            )
            .unwrap();
        let mut reopened = reopen("tab");
        let found = recovery::recover_after_opening(&mut reopened).unwrap();
        assert!(found.identity_damaged);
        assert_eq!(
            identity::identity(&reopened).unwrap(),
            None,
            "no identity is put in its place"
        );
        assert_eq!(
            recovery::kept_identity(&reopened).unwrap().0.seed.0,
            [9; 32]
        );

        // The lock: its settings damaged, the passphrase is still asked for, with the kept copy.
        recovery::use_kept_identity(&mut reopened).unwrap();
        reopened
            .set_passphrase("staffroom kettle orange", QUICK)
            .unwrap();
        let meta = LocalStorage::raw()
            .get_item("appraise:meta")
            .unwrap()
            .unwrap();
        LocalStorage::raw()
            .set_item("appraise:meta", &meta.replace("salt", "sale"))
            .unwrap();
        let mut locked = reopen("tab");
        assert_eq!(
            locked.lock_problem(),
            Some(LockSettingsProblem::DamagedCopyKept)
        );
        assert!(locked.is_locked());
        assert!(
            identity::identity(&locked).is_err(),
            "nothing is read without the passphrase"
        );
        locked.use_kept_lock_settings().unwrap();
        assert!(locked.is_locked());
        locked.unlock("staffroom kettle orange").unwrap();
        assert_eq!(
            identity::identity(&locked).unwrap().unwrap().seed.0,
            [9; 32]
        );
        LocalStorage::clear();
    }

    #[wasm_bindgen_test]
    fn a_second_tab_open_while_the_lock_is_set_writes_only_sealed_records() {
        let mut first = fresh_vault();
        let mut second = reopen("second-tab");
        first
            .set_passphrase("staffroom kettle orange", QUICK)
            .unwrap();

        // The second tab, open all along, saves its pre-review: refused until unlocked, then sealed.
        let mut seen = Default::default();
        let mut mine: appraise::domain::field_map::FieldMap = Default::default();
        mine.insert(
            "pre_review.key_successes".into(),
            json!("Confidential: a difficult term"),
        );
        let attempt = appraise::use_cases::editing::save_edit(
            &mut second,
            "pre-review",
            "pre_review",
            (&seen, None, &Default::default(), &mine),
            at(2),
        );
        assert!(attempt.is_err(), "nothing is written in the clear");
        second.unlock("staffroom kettle orange").unwrap();
        seen = appraise::use_cases::editing::save_edit(
            &mut second,
            "pre-review",
            "pre_review",
            (&seen, None, &Default::default(), &mine),
            at(3),
        )
        .unwrap();
        assert!(!seen.current().is_empty());
        for i in 0..LocalStorage::raw().length().unwrap() {
            let key = LocalStorage::raw().key(i).unwrap().unwrap();
            let value = LocalStorage::raw().get_item(&key).unwrap().unwrap();
            assert!(
                !value.contains("Confidential"),
                "{key} holds the words in the clear"
            );
            if key.starts_with("appraise:record:") {
                assert!(value.contains("\"sealed\""), "{key} is not sealed: {value}");
            }
        }
        LocalStorage::clear();
    }
}
