//! The vault against the in-memory twin of `localStorage`: layout, revisions and other tabs,
//! quarantine, index repair, newer formats, full storage, the passphrase lock, wipe and backup.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use appraise::storage::backup::{BackupError, COPY_KIND, read_backup, restore, write_backup};
use appraise::storage::sealing::{KdfParams, SealingError};
use appraise::storage::{
    Expect, KeyValueStore, MemoryStore, OpenError, ReadError, StorageError, Vault, WriteError,
};
use chrono::{DateTime, TimeZone, Utc};
use serde_json::{Value, json};

/// Cheap key derivation so tests stay fast; the app uses KdfParams::RECOMMENDED.
const QUICK: KdfParams = KdfParams {
    memory_kib: 64,
    iterations: 1,
    parallelism: 1,
};

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 9, minute, 0).unwrap()
}

fn open(store: &MemoryStore, tab: &str) -> Vault<MemoryStore> {
    Vault::open(store.clone(), Box::new(common::Counter(0)), tab).unwrap()
}

fn draft(text: &str) -> Value {
    json!({ "key_successes": text })
}

#[test]
fn records_are_written_one_per_key_with_an_index_and_meta() {
    let store = MemoryStore::new();
    let mut vault = open(&store, "tab-a");
    let first = vault
        .write(
            "pre-review",
            "pre_review",
            &draft("Led phonics"),
            Expect::New,
            at(0),
        )
        .unwrap();
    assert_eq!((first.rev, first.writer.as_str()), (1, "tab-a"));
    let second = vault
        .write(
            "pre-review",
            "pre_review",
            &draft("Led phonics group"),
            Expect::Rev(1),
            at(1),
        )
        .unwrap();
    assert_eq!(second.rev, 2);

    assert_eq!(
        store.keys().unwrap(),
        [
            "appraise:index",
            "appraise:meta",
            "appraise:record:pre-review"
        ]
    );
    let meta: Value = serde_json::from_str(&store.get("appraise:meta").unwrap().unwrap()).unwrap();
    assert_eq!(meta["schema"], json!(1));
    let index: Value =
        serde_json::from_str(&store.get("appraise:index").unwrap().unwrap()).unwrap();
    assert_eq!(index["records"]["pre-review"]["rev"], json!(2));
    let record = vault.read("pre-review").unwrap().unwrap();
    assert_eq!(record.body, draft("Led phonics group"));
    assert_eq!(record.header.updated, at(1));
    assert_eq!(vault.read("nothing-here").unwrap(), None);
}

#[test]
fn a_write_over_another_tabs_newer_revision_is_refused_not_lost() {
    let store = MemoryStore::new();
    let mut tab_a = open(&store, "tab-a");
    let mut tab_b = open(&store, "tab-b");
    tab_a
        .write(
            "pre-review",
            "pre_review",
            &draft("from A"),
            Expect::New,
            at(0),
        )
        .unwrap();
    // Tab B read revision 1 and saves on top of it.
    tab_b
        .write(
            "pre-review",
            "pre_review",
            &draft("from B"),
            Expect::Rev(1),
            at(1),
        )
        .unwrap();
    // Tab A still thinks revision 1 is current: its save is refused and tells it what is there.
    let refused = tab_a
        .write(
            "pre-review",
            "pre_review",
            &draft("A again"),
            Expect::Rev(1),
            at(2),
        )
        .unwrap_err();
    let WriteError::ChangedElsewhere {
        current: Some(current),
    } = &refused
    else {
        panic!("{refused:?}")
    };
    assert_eq!((current.rev, current.writer.as_str()), (2, "tab-b"));
    assert!(refused.to_string().contains("another tab"));
    assert_eq!(
        tab_a.read("pre-review").unwrap().unwrap().body,
        draft("from B")
    );
    assert!(matches!(
        tab_a.write("pre-review", "pre_review", &draft("x"), Expect::New, at(3)),
        Err(WriteError::ChangedElsewhere { .. })
    ));
}

#[test]
fn unreadable_entries_are_set_aside_and_the_rest_opens() {
    let store = MemoryStore::new();
    let mut vault = open(&store, "tab");
    vault
        .write("good", "pre_review", &draft("safe"), Expect::New, at(0))
        .unwrap();
    let mut raw = store.clone();
    raw.set(
        "appraise:record:broken",
        "{\"schema\":1,\"kind\":\"pre_review\",\"rev\":3,",
    )
    .unwrap();
    raw.set("appraise:record:empty", "{\"schema\":1,\"kind\":\"x\",\"rev\":1,\"updated\":\"2026-11-22T09:00:00Z\",\"writer\":\"t\"}").unwrap();

    let reopened = open(&store, "tab");
    let set_aside: Vec<&str> = reopened
        .set_aside_on_open()
        .iter()
        .map(|q| q.original_key.as_str())
        .collect();
    assert_eq!(set_aside, ["record:broken", "record:empty"]);
    assert_eq!(
        reopened.set_aside_on_open()[0].raw,
        "{\"schema\":1,\"kind\":\"pre_review\",\"rev\":3,"
    );
    assert_eq!(reopened.read("good").unwrap().unwrap().body, draft("safe"));
    assert!(store.get("appraise:record:broken").unwrap().is_none());
    assert!(
        store
            .get("appraise:quarantine:record:broken")
            .unwrap()
            .is_some()
    );
    assert_eq!(reopened.set_aside().unwrap().len(), 2);

    let mut reopened = reopened;
    reopened.discard_set_aside("record:broken").unwrap();
    assert_eq!(reopened.set_aside().unwrap().len(), 1);

    // A corrupt meta entry is set aside too, and the records still open.
    raw.set("appraise:meta", "not json").unwrap();
    let again = open(&store, "tab");
    assert_eq!(again.set_aside_on_open()[0].original_key, "meta");
    assert_eq!(again.read("good").unwrap().unwrap().body, draft("safe"));
}

#[test]
fn a_stale_missing_or_corrupt_index_is_rebuilt_from_the_records() {
    let store = MemoryStore::new();
    let mut vault = open(&store, "tab");
    vault
        .write("a", "pre_review", &draft("one"), Expect::New, at(0))
        .unwrap();
    vault
        .write("b", "statement", &draft("two"), Expect::New, at(0))
        .unwrap();
    let mut raw = store.clone();
    let cases = [
        Some(
            "{\"schema\":1,\"records\":{\"a\":{\"kind\":\"pre_review\",\"rev\":1,\"updated\":\"2026-11-22T09:00:00Z\",\"writer\":\"tab\"},\"ghost\":{\"kind\":\"x\",\"rev\":1,\"updated\":\"2026-11-22T09:00:00Z\",\"writer\":\"tab\"}}}",
        ),
        Some("garbage"),
        None,
    ];
    for index in cases {
        match index {
            Some(text) => raw.set("appraise:index", text).unwrap(),
            None => raw.remove("appraise:index").unwrap(),
        }
        let reopened = open(&store, "tab");
        let keys: Vec<&str> = reopened.list().map(|(key, _)| key).collect();
        assert_eq!(keys, ["a", "b"], "{index:?}");
        let stored: Value =
            serde_json::from_str(&store.get("appraise:index").unwrap().unwrap()).unwrap();
        assert_eq!(stored["records"].as_object().unwrap().len(), 2);
    }
}

#[test]
fn data_from_a_newer_version_is_left_untouched() {
    let mut store = MemoryStore::new();
    store
        .set(
            "appraise:meta",
            "{\"schema\":2,\"lock\":null,\"last_backup\":null}",
        )
        .unwrap();
    store.set("appraise:record:x", "{\"future\":true}").unwrap();
    let error = Vault::open(store.clone(), Box::new(common::Counter(0)), "tab")
        .err()
        .unwrap();
    assert_eq!(error, OpenError::NewerVersion { found: 2 });
    assert!(error.to_string().contains("newer version of Appraise"));
    assert_eq!(
        store.get("appraise:record:x").unwrap().as_deref(),
        Some("{\"future\":true}")
    );
}

#[test]
fn a_full_store_refuses_the_write_and_keeps_the_last_saved_version() {
    let mut store = MemoryStore::new();
    let mut vault = open(&store, "tab");
    vault
        .write(
            "pre-review",
            "pre_review",
            &draft("short"),
            Expect::New,
            at(0),
        )
        .unwrap();
    let used = vault.usage().unwrap().all_bytes;
    store.set_quota(Some(used + 40));
    let mut vault = open(&store, "tab");
    let error = vault
        .write(
            "pre-review",
            "pre_review",
            &draft(&incompressible(400)),
            Expect::Rev(1),
            at(1),
        )
        .unwrap_err();
    assert_eq!(error, WriteError::Storage(StorageError::Full));
    assert!(error.to_string().contains("download them as a file"));
    assert_eq!(
        vault.read("pre-review").unwrap().unwrap().body,
        draft("short")
    );
}

#[test]
fn usage_counts_utf16_bytes_and_warns_at_seventy_per_cent() {
    let mut store = MemoryStore::new();
    let vault = open(&store, "tab");
    store.set("other-app", &"x".repeat(1000)).unwrap();
    let usage = vault.usage().unwrap();
    assert_eq!(
        usage.all_bytes - usage.appraise_bytes,
        2 * ("other-app".len() + 1000)
    );
    assert!(!usage.nearly_full());
    store
        .set(
            "other-app",
            &"x".repeat(appraise::storage::TYPICAL_QUOTA_BYTES * 7 / 20 + 10),
        )
        .unwrap();
    assert!(vault.usage().unwrap().nearly_full());
}

#[test]
fn a_passphrase_encrypts_every_record_at_rest() {
    let store = MemoryStore::new();
    let mut vault = open(&store, "tab");
    vault
        .write(
            "pre-review",
            "pre_review",
            &draft("Confidential successes"),
            Expect::New,
            at(0),
        )
        .unwrap();
    assert_eq!(
        vault.set_passphrase("short", QUICK),
        Err(appraise::storage::LockError::Sealing(
            SealingError::PassphraseTooShort
        ))
    );
    vault
        .set_passphrase("correct horse battery", QUICK)
        .unwrap();
    vault
        .write(
            "statement",
            "statement",
            &draft("Also secret"),
            Expect::New,
            at(1),
        )
        .unwrap();
    assert_eq!(stored_form(&store, "pre-review"), ["sealed"]);
    assert_eq!(stored_form(&store, "statement"), ["sealed"]);

    let mut reopened = open(&store, "tab");
    assert!(reopened.is_locked());
    assert_eq!(reopened.read("pre-review"), Err(ReadError::Locked));
    assert_eq!(
        reopened.write("x", "x", &draft("x"), Expect::New, at(2)),
        Err(WriteError::Locked)
    );
    assert_eq!(
        reopened.unlock("wrong horse battery"),
        Err(SealingError::WrongPassphraseOrDamaged)
    );
    reopened.unlock("correct horse battery").unwrap();
    assert_eq!(
        reopened.read("pre-review").unwrap().unwrap().body,
        draft("Confidential successes")
    );
    reopened.lock();
    assert_eq!(reopened.read("statement"), Err(ReadError::Locked));

    reopened.unlock("correct horse battery").unwrap();
    reopened.remove_passphrase().unwrap();
    assert_eq!(stored_form(&store, "pre-review"), ["packed"]);
    let unlocked = open(&store, "tab");
    assert!(!unlocked.is_locked());
    assert_eq!(
        unlocked.read("pre-review").unwrap().unwrap().body,
        draft("Confidential successes")
    );
}

/// Which of the body's stored forms a record has: plain `body`, `packed` or `sealed`.
fn stored_form(store: &MemoryStore, key: &str) -> Vec<&'static str> {
    let raw = store
        .get(&format!("appraise:record:{key}"))
        .unwrap()
        .unwrap();
    let record: Value = serde_json::from_str(&raw).unwrap();
    ["body", "packed", "sealed"]
        .into_iter()
        .filter(|form| record.get(form).is_some())
        .collect()
}

/// Letters that do not compress, to fill storage for real.
fn incompressible(length: u32) -> String {
    (0..length)
        .map(|i| char::from(b'a' + ((i.wrapping_mul(2_654_435_761) >> 7) % 26) as u8))
        .collect()
}

#[test]
fn wipe_says_what_it_will_delete_and_leaves_nothing_under_the_prefix() {
    let mut store = MemoryStore::new();
    store.set("someone-else", "kept").unwrap();
    let mut vault = open(&store, "tab");
    vault
        .write("pre-review", "pre_review", &draft("a"), Expect::New, at(0))
        .unwrap();
    vault
        .write("statement-1", "statement", &draft("b"), Expect::New, at(0))
        .unwrap();
    vault
        .write("statement-2", "statement", &draft("c"), Expect::New, at(0))
        .unwrap();
    store.set("appraise:record:bad", "{").unwrap();
    let mut vault = open(&store, "tab");
    let summary = vault.wipe_summary().unwrap();
    assert_eq!(summary.records_by_kind.get("statement"), Some(&2));
    assert_eq!(summary.records_by_kind.get("pre_review"), Some(&1));
    assert_eq!(summary.set_aside, 1);
    assert_eq!(vault.wipe().unwrap(), summary.keys);
    assert_eq!(store.keys().unwrap(), ["someone-else"]);
}

#[test]
fn a_backup_restores_by_merging_and_keeps_both_sides_of_a_difference() {
    let store = MemoryStore::new();
    let mut vault = open(&store, "laptop");
    vault
        .write("pre-review", "pre_review", &draft("v1"), Expect::New, at(0))
        .unwrap();
    vault
        .write("statement", "statement", &draft("s1"), Expect::New, at(0))
        .unwrap();
    vault
        .write("cpd", "cpd_needs", &draft("c1"), Expect::New, at(0))
        .unwrap();
    let file = write_backup(
        &mut vault,
        "backup passphrase",
        QUICK,
        &mut common::Counter(9),
        at(5),
    )
    .unwrap();
    assert_eq!(vault.last_backup(), Some(at(5)));
    assert!(!file.contains("v1"), "the backup is encrypted");

    assert_eq!(
        read_backup(&file, "not the passphrase"),
        Err(BackupError::Sealing(SealingError::WrongPassphraseOrDamaged))
    );
    assert_eq!(
        read_backup("{\"hello\":1}", "backup passphrase"),
        Err(BackupError::NotABackup)
    );
    assert_eq!(
        read_backup("%PDF-1.7", "backup passphrase"),
        Err(BackupError::NotABackup)
    );
    let future = file.replace("\"version\": 1", "\"version\": 9");
    assert_eq!(
        read_backup(&future, "backup passphrase"),
        Err(BackupError::FromNewerVersion { version: 9 })
    );
    let contents = read_backup(&file, "backup passphrase").unwrap();
    assert_eq!(contents.records.len(), 3);

    // Another device: one record missing, one older, one newer than the backup.
    let phone = MemoryStore::new();
    let mut other = open(&phone, "phone");
    other
        .write(
            "statement",
            "statement",
            &draft("s0 older"),
            Expect::New,
            Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap(),
        )
        .unwrap();
    other
        .write("cpd", "cpd_needs", &draft("c2 newer"), Expect::New, at(30))
        .unwrap();
    let report = restore(&mut other, &contents, at(40)).unwrap();
    assert_eq!(report.added, ["pre-review"]);
    assert_eq!(report.replaced_by_newer, ["statement"]);
    assert_eq!(report.kept_newer_here, ["cpd"]);
    assert_eq!(report.copies.len(), 2);
    assert_eq!(other.read("statement").unwrap().unwrap().body, draft("s1"));
    assert_eq!(other.read("cpd").unwrap().unwrap().body, draft("c2 newer"));
    let copy = other.read(&report.copies[0]).unwrap().unwrap();
    assert_eq!(copy.header.kind, COPY_KIND);
    assert_eq!(copy.body["body"], draft("c1"));
    assert_eq!(copy.body["from"], json!("the backup"));
    // Restoring the same backup again changes nothing more.
    let again = restore(&mut other, &contents, at(41)).unwrap();
    assert_eq!(again.added.len() + again.replaced_by_newer.len(), 0);
}

#[test]
fn a_realistic_complete_review_fits_many_times_in_five_mebibytes() {
    use appraise::domain::documents::to_json;
    let (pre, statement, cpd) = common::realistic_review_documents();
    let store = MemoryStore::new();
    let mut vault = open(&store, "tab");
    let empty = vault.usage().unwrap().appraise_bytes;
    vault
        .write(
            "review-1.pre-review",
            "pre_review",
            &to_json(&pre),
            Expect::New,
            at(0),
        )
        .unwrap();
    vault
        .write(
            "review-1.statement",
            "statement",
            &to_json(&statement),
            Expect::New,
            at(0),
        )
        .unwrap();
    vault
        .write(
            "review-1.cpd",
            "cpd_needs",
            &to_json(&cpd),
            Expect::New,
            at(0),
        )
        .unwrap();
    let bytes = vault.usage().unwrap().appraise_bytes - empty;
    let per_5_mib = appraise::storage::TYPICAL_QUOTA_BYTES / bytes;
    let words: usize = [to_json(&pre), to_json(&statement), to_json(&cpd)]
        .iter()
        .map(|v| v.to_string().split_whitespace().count())
        .sum();
    println!(
        "storage density: a complete review of about {words} words takes {bytes} bytes (UTF-16) in storage; {per_5_mib} fit in 5 MiB"
    );
    assert!(
        per_5_mib >= 500,
        "{per_5_mib} reviews per 5 MiB is below the goal of 500"
    );
}

#[test]
fn a_batch_writes_the_index_once_and_one_cut_short_is_repaired_on_opening() {
    let store = MemoryStore::new();
    let mut vault = open(&store, "tab-a");
    let index_lists = |key: &str| {
        store
            .get("appraise:index")
            .unwrap()
            .is_some_and(|index| index.contains(&format!("\"{key}\"")))
    };
    vault.batch(|vault| {
        for n in 0..3 {
            vault
                .write(
                    &format!("note-{n}"),
                    "note",
                    &draft("x"),
                    Expect::New,
                    at(0),
                )
                .unwrap();
        }
        assert!(
            !index_lists("note-2"),
            "not yet: the index waits for the batch to end"
        );
    });
    assert!(index_lists("note-2"));

    // Cut short: the record written, the index at the end never. Opening again finds it.
    let index_before = store.get("appraise:index").unwrap().unwrap();
    let mut cut_short = open(&store, "tab-b");
    cut_short.batch(|vault| {
        vault
            .write("note-3", "note", &draft("y"), Expect::New, at(1))
            .unwrap();
    });
    let mut store_handle = store.clone();
    store_handle.set("appraise:index", &index_before).unwrap();
    assert!(!index_lists("note-3"));
    let reopened = open(&store, "tab-c");
    assert!(reopened.list().any(|(key, _)| key == "note-3"));
}
