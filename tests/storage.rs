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
            "appraise:meta-copy",
            "appraise:previous:pre-review",
            "appraise:record:pre-review"
        ]
    );
    assert_eq!(
        store.get("appraise:meta").unwrap(),
        store.get("appraise:meta-copy").unwrap(),
        "the lock's settings are kept twice"
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
    assert!(error.to_string().contains("download a copy now"));
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

/// Every stored entry of a record, with one character changed at `at` of its length, or cut
/// short there: what a failing disk or an interrupted write leaves.
fn damaged(raw: &str, fraction: f64, cut: bool) -> String {
    let chars: Vec<char> = raw.chars().collect();
    damaged_at(
        raw,
        ((chars.len() as f64 * fraction) as usize).min(chars.len() - 1),
        cut,
    )
}

/// The entry with the character at `at` changed, or cut short there.
fn damaged_at(raw: &str, at: usize, cut: bool) -> String {
    let chars: Vec<char> = raw.chars().collect();
    if cut {
        return chars[..at].iter().collect();
    }
    let mut changed = chars.clone();
    changed[at] = match chars[at] {
        'a' => 'b',
        '\u{4000}'..='\u{bffe}' => char::from_u32(chars[at] as u32 + 1).unwrap(),
        _ => 'a',
    };
    changed.into_iter().collect()
}

#[test]
fn one_character_changed_anywhere_or_a_record_cut_short_is_found_and_the_previous_save_restored() {
    for fraction in [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999] {
        for cut in [false, true] {
            let mut store = MemoryStore::new();
            let mut vault = open(&store, "tab");
            vault
                .write(
                    "pre-review",
                    "pre_review",
                    &draft("eco council"),
                    Expect::New,
                    at(0),
                )
                .unwrap();
            vault
                .write(
                    "pre-review",
                    "pre_review",
                    &draft("eco council and the choir"),
                    Expect::Rev(1),
                    at(1),
                )
                .unwrap();
            let raw = store.get("appraise:record:pre-review").unwrap().unwrap();
            let broken = damaged(&raw, fraction, cut);
            store.set("appraise:record:pre-review", &broken).unwrap();
            let case = format!("at {fraction}, cut {cut}");

            // Whatever the change, the record is never read as if it were the person's text.
            assert!(
                !matches!(vault.read("pre-review"), Ok(Some(record)) if record.body != draft("eco council and the choir")),
                "{case}"
            );
            let mut reopened = open(&store, "tab");
            assert_eq!(reopened.damaged_on_open().len(), 1, "{case}");
            let damage = &reopened.damaged_on_open()[0];
            assert_eq!(damage.key, "pre-review", "{case}");
            assert_eq!(damage.previous.as_ref().map(|h| h.rev), Some(1), "{case}");
            assert_eq!(
                reopened.set_aside_on_open()[0].raw,
                broken,
                "{case}: kept byte for byte"
            );
            assert_eq!(reopened.read("pre-review").unwrap(), None, "{case}");

            reopened.restore_previous("pre-review").unwrap();
            assert_eq!(
                reopened.read("pre-review").unwrap().unwrap().body,
                draft("eco council"),
                "{case}"
            );
            assert!(open(&store, "tab").damaged_on_open().is_empty(), "{case}");
        }
    }
}

#[test]
fn every_single_character_changed_and_every_length_cut_short_is_found() {
    let mut store = MemoryStore::new();
    let mut vault = open(&store, "tab");
    vault
        .write(
            "pre-review",
            "pre_review",
            &draft("eco council"),
            Expect::New,
            at(0),
        )
        .unwrap();
    let raw = store.get("appraise:record:pre-review").unwrap().unwrap();
    for at in 0..raw.chars().count() {
        for cut in [false, true] {
            store
                .set("appraise:record:pre-review", &damaged_at(&raw, at, cut))
                .unwrap();
            let vault = open(&store, "tab");
            assert_eq!(
                vault.read("pre-review").unwrap(),
                None,
                "at {at}, cut {cut}"
            );
            assert_eq!(vault.damaged_on_open().len(), 1, "at {at}, cut {cut}");
            store.set("appraise:record:pre-review", &raw).unwrap();
        }
    }
}

#[test]
fn records_written_before_checks_existed_are_read_and_given_one() {
    let mut store = MemoryStore::new();
    store
        .set(
            "appraise:record:pre-review",
            r#"{"schema":1,"kind":"pre_review","rev":1,"updated":"2026-11-22T09:00:00Z","writer":"t","body":{"key_successes":"old"}}"#,
        )
        .unwrap();
    let vault = open(&store, "tab");
    assert!(vault.damaged_on_open().is_empty());
    assert_eq!(
        vault.read("pre-review").unwrap().unwrap().body,
        draft("old")
    );
    let stored: Value =
        serde_json::from_str(&store.get("appraise:record:pre-review").unwrap().unwrap()).unwrap();
    assert!(stored["check"].is_string());
}

#[test]
fn a_full_browser_still_opens_and_shows_everything_saved_and_previous_saves_make_room() {
    let mut store = MemoryStore::new();
    let mut vault = open(&store, "tab");
    vault
        .write(
            "pre-review",
            "pre_review",
            &draft("saved before"),
            Expect::New,
            at(0),
        )
        .unwrap();
    vault
        .write(
            "pre-review",
            "pre_review",
            &draft("saved again"),
            Expect::Rev(1),
            at(1),
        )
        .unwrap();
    let used = vault.usage().unwrap().all_bytes;
    // Full to the brim: not one more character fits, and the index has gone missing.
    store.remove("appraise:index").unwrap();
    store.set_quota(Some(vault.usage().unwrap().all_bytes));
    let mut reopened = Vault::open(store.clone(), Box::new(common::Counter(0)), "tab").unwrap();
    assert_eq!(reopened.list().count(), 1, "the index is rebuilt in memory");
    assert_eq!(
        reopened.read("pre-review").unwrap().unwrap().body,
        draft("saved again")
    );

    // A write that fits once the previous save is dropped goes through.
    store.set_quota(Some(used));
    reopened
        .write(
            "pre-review",
            "pre_review",
            &draft("saved a third"),
            Expect::Rev(2),
            at(2),
        )
        .unwrap();
    assert!(!reopened.is_full());
    assert!(store.get("appraise:previous:pre-review").unwrap().is_none());

    // One that does not fit is refused, and the vault says it is full.
    let refused = reopened.write(
        "pre-review",
        "pre_review",
        &draft(&incompressible(2000)),
        Expect::Rev(3),
        at(3),
    );
    assert_eq!(refused, Err(WriteError::Storage(StorageError::Full)));
    assert!(reopened.is_full());
    assert_eq!(
        reopened.read("pre-review").unwrap().unwrap().body,
        draft("saved a third")
    );
}

#[test]
fn a_lock_set_in_one_tab_seals_what_every_other_tab_writes() {
    let store = MemoryStore::new();
    let mut first = open(&store, "tab-1");
    let mut second = open(&store, "tab-2");
    second
        .write(
            "pre-review",
            "pre_review",
            &draft("before the lock"),
            Expect::New,
            at(0),
        )
        .unwrap();
    first.note_change_elsewhere("").unwrap();
    first
        .set_passphrase("correct horse battery", QUICK)
        .unwrap();

    // The second tab was open all along: it writes nothing in the clear.
    assert_eq!(
        second.write(
            "statement",
            "statement",
            &draft("secret"),
            Expect::New,
            at(1)
        ),
        Err(WriteError::Locked)
    );
    assert!(second.is_locked());
    second.unlock("correct horse battery").unwrap();
    second
        .write(
            "statement",
            "statement",
            &draft("secret"),
            Expect::New,
            at(1),
        )
        .unwrap();
    assert_eq!(stored_form(&store, "statement"), ["sealed"]);
    assert_eq!(stored_form(&store, "pre-review"), ["sealed"]);
    assert!(
        store
            .keys()
            .unwrap()
            .iter()
            .all(|key| !key.starts_with("appraise:previous:")
                || stored_form_raw(&store, key) == ["sealed"]),
        "no earlier save is left in the clear"
    );

    // Removing the lock in one tab likewise stops the other sealing with the old key.
    first.remove_passphrase().unwrap();
    second
        .write(
            "statement",
            "statement",
            &draft("open again"),
            Expect::Anything,
            at(2),
        )
        .unwrap();
    assert_eq!(stored_form(&store, "statement"), ["packed"]);
}

fn stored_form_raw(store: &MemoryStore, full_key: &str) -> Vec<&'static str> {
    let record: Value = serde_json::from_str(&store.get(full_key).unwrap().unwrap()).unwrap();
    ["body", "packed", "sealed"]
        .into_iter()
        .filter(|form| record.get(form).is_some())
        .collect()
}

#[test]
fn damaged_lock_settings_are_never_replaced_without_the_person() {
    let mut store = MemoryStore::new();
    let mut vault = open(&store, "tab");
    vault
        .write("identity", "identity", &draft("keys"), Expect::New, at(0))
        .unwrap();
    vault
        .set_passphrase("correct horse battery", QUICK)
        .unwrap();
    let meta = store.get("appraise:meta").unwrap().unwrap();

    // The entry damaged, its copy intact: locked until the person chooses the copy.
    store
        .set("appraise:meta", &damaged(&meta, 0.5, false))
        .unwrap();
    let mut reopened = open(&store, "tab");
    assert_eq!(
        reopened.lock_problem(),
        Some(appraise::storage::LockSettingsProblem::DamagedCopyKept)
    );
    assert!(reopened.is_locked());
    assert_eq!(reopened.read("identity"), Err(ReadError::Locked));
    assert_eq!(
        reopened.write("x", "x", &draft("x"), Expect::New, at(1)),
        Err(WriteError::Locked)
    );
    assert_eq!(reopened.set_aside_on_open()[0].original_key, "meta");
    reopened.use_kept_lock_settings().unwrap();
    assert!(reopened.is_locked(), "the passphrase is still asked for");
    reopened.unlock("correct horse battery").unwrap();
    assert_eq!(
        reopened.read("identity").unwrap().unwrap().body,
        draft("keys")
    );
    assert!(open(&store, "tab").lock_problem().is_none());

    // Both damaged (or gone) with sealed records: nothing is replaced, the lock is lost.
    for main in [None, Some(damaged(&meta, 0.3, true))] {
        match &main {
            Some(text) => store.set("appraise:meta", text).unwrap(),
            None => store.remove("appraise:meta").unwrap(),
        }
        store
            .set("appraise:meta-copy", &damaged(&meta, 0.8, false))
            .unwrap();
        let lost = open(&store, "tab");
        assert_eq!(
            lost.lock_problem(),
            Some(appraise::storage::LockSettingsProblem::Lost)
        );
        assert!(lost.is_locked());
        assert!(store.get("appraise:record:identity").unwrap().is_some());
    }
}
