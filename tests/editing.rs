//! Two tabs of one browser saving the same document at once, as `localStorage` really behaves:
//! each tab reads its own cached view of storage, which other tabs' writes reach only later. No
//! word either tab saved may be lost, whatever the timing; and what opening the data finds
//! damaged is put back, and named, in the person's words.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use appraise::bundle::merge::DocumentState;
use appraise::domain::field_map::FieldMap;
use appraise::storage::{Expect, KeyValueStore, MemoryStore, StorageError, Vault};
use appraise::use_cases::editing::{self, PRE_REVIEW_KEY};
use appraise::use_cases::recovery;
use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;
use serde_json::{Value, json};

fn at(second: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap() + Duration::seconds(second)
}

/// One tab's view of the browser's storage: reads come from its own cache, writes go to the
/// cache and to storage. [`Tab::catch_up`] brings in the other tabs' writes, as the browser
/// eventually does.
#[derive(Clone)]
struct TabView {
    storage: MemoryStore,
    cache: Rc<RefCell<BTreeMap<String, String>>>,
}

impl TabView {
    fn of(storage: &MemoryStore) -> TabView {
        let view = TabView {
            storage: storage.clone(),
            cache: Rc::default(),
        };
        view.catch_up();
        view
    }

    fn catch_up(&self) {
        let mut cache = self.cache.borrow_mut();
        cache.clear();
        for key in self.storage.keys().unwrap() {
            cache.insert(key.clone(), self.storage.get(&key).unwrap().unwrap());
        }
    }
}

impl KeyValueStore for TabView {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.cache.borrow().get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage.set(key, value)?;
        self.cache
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.storage.remove(key)?;
        self.cache.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.cache.borrow().keys().cloned().collect())
    }
}

/// A tab with the pre-review open, as the autosave holds it.
struct Tab {
    view: TabView,
    vault: Vault<TabView>,
    seen: DocumentState,
    base: FieldMap,
    shown: FieldMap,
}

impl Tab {
    fn open(storage: &MemoryStore, name: &str) -> Tab {
        let view = TabView::of(storage);
        let vault = Vault::open(view.clone(), Box::new(common::Counter(0)), name).unwrap();
        let seen = editing::read(&vault, PRE_REVIEW_KEY)
            .unwrap()
            .unwrap_or_default();
        let base = seen.current();
        Tab {
            view,
            vault,
            shown: base.clone(),
            base,
            seen,
        }
    }

    fn catch_up(&mut self) {
        self.view.catch_up();
        self.vault.note_change_elsewhere("").unwrap();
    }

    fn type_into(&mut self, answer: &str, text: &str) {
        self.shown
            .insert(format!("pre_review.{answer}"), Value::String(text.into()));
    }

    fn save(&mut self, second: i64) {
        let saved = editing::save_edit(
            &mut self.vault,
            PRE_REVIEW_KEY,
            "pre_review",
            (&self.seen, None, &self.base, &self.shown),
            at(second),
        )
        .unwrap();
        self.base = saved.current();
        self.shown = self.base.clone();
        self.seen = saved;
    }
}

/// Every text each answer holds in `state`: the one shown and any kept beside it.
fn texts(state: &DocumentState, answer: &str) -> Vec<String> {
    let path = format!("pre_review.{answer}");
    let mut all: Vec<String> = state
        .current()
        .get(&path)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .into_iter()
        .collect();
    for conflict in state.conflicts().into_iter().filter(|c| c.path == path) {
        for version in conflict.others {
            if let Some(text) = version.value.as_ref().and_then(Value::as_str) {
                all.push(text.to_owned());
            }
        }
    }
    all
}

fn held_after_reopening(storage: &MemoryStore) -> DocumentState {
    let vault = Vault::open(storage.clone(), Box::new(common::Counter(0)), "reopened").unwrap();
    editing::read(&vault, PRE_REVIEW_KEY)
        .unwrap()
        .unwrap_or_default()
}

#[test]
fn two_tabs_saving_different_answers_at_once_both_keep_their_words() {
    let storage = MemoryStore::new();
    let (mut first, mut second) = (Tab::open(&storage, "tab-1"), Tab::open(&storage, "tab-2"));
    first.type_into("key_successes", "Ran the eco council");
    second.type_into("career_goals", "HLTA within two years");
    // Both reloaded together: each saves without having seen the other's save.
    first.save(1);
    second.save(1);
    let shared: Value =
        serde_json::from_str(&storage.get("appraise:record:pre-review").unwrap().unwrap()).unwrap();
    assert_eq!(
        shared["writer"], "tab-2",
        "the second save wrote over the first one's record"
    );

    let held = held_after_reopening(&storage);
    assert_eq!(texts(&held, "key_successes"), ["Ran the eco council"]);
    assert_eq!(texts(&held, "career_goals"), ["HLTA within two years"]);
    assert!(held.conflicts().is_empty());
}

#[test]
fn two_tabs_saving_the_same_answer_at_once_keep_both_texts_for_the_person() {
    let storage = MemoryStore::new();
    let (mut first, mut second) = (Tab::open(&storage, "tab-1"), Tab::open(&storage, "tab-2"));
    first.type_into("key_successes", "Eco council, first tab");
    second.type_into("key_successes", "Eco council, second tab");
    first.save(1);
    second.save(1);
    let held = held_after_reopening(&storage);
    let mut both = texts(&held, "key_successes");
    both.sort();
    assert_eq!(both, ["Eco council, first tab", "Eco council, second tab"]);
    let asked = editing::changed_in_two_places(&held);
    assert_eq!(asked.len(), 1, "the person is asked to choose");
    assert_eq!(asked[0].path, "pre_review.key_successes");
    assert_eq!(
        asked[0].versions[0],
        held.current().get("pre_review.key_successes").cloned(),
        "the version shown in the form comes first"
    );
    assert_eq!(asked[0].versions.len(), 2);
}

#[test]
fn opening_folds_tabs_copies_in_and_later_removes_the_old_ones_the_record_holds() {
    let storage = MemoryStore::new();
    let (mut first, mut second) = (Tab::open(&storage, "tab-1"), Tab::open(&storage, "tab-2"));
    first.type_into("key_successes", "Ran the eco council");
    second.type_into("career_goals", "HLTA");
    first.save(1);
    second.save(1);
    let copies = |storage: &MemoryStore| {
        storage
            .keys()
            .unwrap()
            .into_iter()
            .filter(|key| key.contains("~tab:"))
            .count()
    };
    assert_eq!(copies(&storage), 2);

    let mut opened = Vault::open(storage.clone(), Box::new(common::Counter(0)), "tab-3").unwrap();
    assert_eq!(editing::fold_in_tab_copies(&mut opened, at(2)).unwrap(), 1);
    let shared: Value =
        serde_json::from_str(&storage.get("appraise:record:pre-review").unwrap().unwrap()).unwrap();
    assert_eq!(
        shared["writer"], "tab-3",
        "the record now holds both tabs' words"
    );
    assert_eq!(copies(&storage), 2, "copies younger than 30 seconds stay");

    assert_eq!(editing::fold_in_tab_copies(&mut opened, at(40)).unwrap(), 0);
    assert_eq!(copies(&storage), 0);
    let held = held_after_reopening(&storage);
    assert_eq!(texts(&held, "key_successes"), ["Ran the eco council"]);
    assert_eq!(texts(&held, "career_goals"), ["HLTA"]);
}

#[derive(Debug, Clone)]
enum Step {
    Type { tab: usize, answer: usize, word: u8 },
    Save { tab: usize },
    CatchUp { tab: usize },
    Reload { tab: usize },
}

const ANSWERS: [&str; 3] = ["key_successes", "factors_helped", "career_goals"];

fn steps() -> impl Strategy<Value = Vec<Step>> {
    let step = prop_oneof![
        3 => (0..3usize, 0..3usize, any::<u8>()).prop_map(|(tab, answer, word)| Step::Type { tab, answer, word }),
        3 => (0..3usize).prop_map(|tab| Step::Save { tab }),
        1 => (0..3usize).prop_map(|tab| Step::CatchUp { tab }),
        1 => (0..3usize).prop_map(|tab| Step::Reload { tab }),
    ];
    proptest::collection::vec(step, 1..40)
}

proptest! {
    /// Three tabs typing, saving, seeing each other's saves late or not at all, and reloading:
    /// every text a tab saved in an answer is still held there (shown, or kept beside it) unless
    /// a tab that had it on screen replaced it later.
    #[test]
    fn no_saved_word_is_ever_lost_between_tabs(steps in steps()) {
        let storage = MemoryStore::new();
        let mut tabs: Vec<Tab> = (0..3).map(|n| Tab::open(&storage, &format!("tab-{n}"))).collect();
        let mut reloads = 0;
        // Per answer, the texts saved that no later save by a tab that had seen them replaced.
        let mut must_hold: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for (second, step) in steps.into_iter().enumerate() {
            match step {
                Step::Type { tab, answer, word } => {
                    tabs[tab].type_into(ANSWERS[answer], &format!("tab {tab} wrote {word}"));
                }
                Step::Save { tab } => {
                    let before = tabs[tab].seen.clone();
                    let changed: Vec<(&str, String)> = ANSWERS.iter().filter_map(|answer| {
                        let path = format!("pre_review.{answer}");
                        let text = tabs[tab].shown.get(&path)?.as_str()?.to_owned();
                        (tabs[tab].base.get(&path) != tabs[tab].shown.get(&path)).then_some((*answer, text))
                    }).collect();
                    tabs[tab].save(second as i64);
                    for (answer, text) in changed {
                        // What this tab had seen in that answer (shown, or kept beside it as
                        // changed in two places) is replaced by its own text.
                        let seen_texts = texts(&before, answer);
                        let held = must_hold.entry(answer).or_default();
                        held.retain(|kept| !seen_texts.contains(kept));
                        held.push(text);
                    }
                }
                Step::CatchUp { tab } => tabs[tab].catch_up(),
                Step::Reload { tab } => {
                    reloads += 1;
                    tabs[tab] = Tab::open(&storage, &format!("tab-{tab}-reloaded-{reloads}"));
                }
            }
        }
        let held = held_after_reopening(&storage);
        for (answer, texts_saved) in must_hold {
            let now_held = texts(&held, answer);
            for text in texts_saved {
                prop_assert!(now_held.contains(&text), "{answer}: {text:?} lost; held {now_held:?}");
            }
        }
    }
}

#[test]
fn a_pre_review_saved_before_it_was_mergeable_reads_as_it_was() {
    let storage = MemoryStore::new();
    let mut vault = Vault::open(storage.clone(), Box::new(common::Counter(0)), "tab").unwrap();
    let form = common::pre_review();
    vault
        .write(
            PRE_REVIEW_KEY,
            "pre_review",
            &appraise::domain::documents::to_json(&form),
            Expect::New,
            at(0),
        )
        .unwrap();
    let fields_of = |body: Value| {
        appraise::domain::documents::from_json::<appraise::domain::documents::PreReviewForm>(body)
            .ok()
            .map(|form| appraise::domain::field_map::to_field_map(&form))
    };
    editing::keep_as_state(&mut vault, PRE_REVIEW_KEY, "pre_review", fields_of).unwrap();
    let held = editing::read(&vault, PRE_REVIEW_KEY).unwrap().unwrap();
    assert_eq!(
        held.current()["pre_review.key_successes"],
        json!(form.key_successes)
    );
    // Kept as a state once: doing it again changes nothing.
    let rev = vault
        .list()
        .find(|(key, _)| *key == PRE_REVIEW_KEY)
        .unwrap()
        .1
        .rev;
    editing::keep_as_state(&mut vault, PRE_REVIEW_KEY, "pre_review", fields_of).unwrap();
    assert_eq!(
        vault
            .list()
            .find(|(key, _)| *key == PRE_REVIEW_KEY)
            .unwrap()
            .1
            .rev,
        rev
    );
}

#[test]
fn words_that_did_not_fit_are_kept_and_saved_once_there_is_room() {
    let storage = MemoryStore::new();
    let mut tab = Tab::open(&storage, "tab");
    tab.type_into("key_successes", "Saved before the browser filled up");
    tab.save(0);
    let mut full = storage.clone();
    full.set_quota(Some(tab.vault.usage().unwrap().all_bytes));
    let mut tab = Tab::open(&full, "tab");
    tab.type_into("career_goals", "Typed while the browser was full");
    let (kept, error) = editing::save_edit(
        &mut tab.vault,
        PRE_REVIEW_KEY,
        "pre_review",
        (&tab.seen, None, &tab.base, &tab.shown),
        at(1),
    )
    .unwrap_err();
    assert!(error.to_string().contains("storage is full"), "{error}");
    assert_eq!(
        texts(&kept, "career_goals"),
        ["Typed while the browser was full"]
    );
    assert!(texts(&held_after_reopening(&storage), "career_goals").is_empty());

    // Room is made: the same tab saves what it kept.
    tab.view.storage.set_quota(None);
    let mut tab = Tab {
        vault: Vault::open(tab.view.clone(), Box::new(common::Counter(0)), "tab").unwrap(),
        ..tab
    };
    editing::save(&mut tab.vault, PRE_REVIEW_KEY, "pre_review", &kept, at(2)).unwrap();
    let held = held_after_reopening(&storage);
    assert_eq!(
        texts(&held, "career_goals"),
        ["Typed while the browser was full"]
    );
    assert_eq!(
        texts(&held, "key_successes"),
        ["Saved before the browser filled up"]
    );
}

#[test]
fn damaged_records_go_back_to_their_last_good_save_named_in_the_persons_words_but_never_the_identity()
 {
    let mut storage = MemoryStore::new();
    let mut tab = Tab::open(&storage, "tab");
    tab.type_into("key_successes", "First save");
    tab.save(0);
    tab.type_into("key_successes", "Second save");
    tab.save(1);
    for save in 0..2 {
        appraise::use_cases::identity::save_identity(
            &mut tab.vault,
            &appraise::use_cases::identity::StoredIdentity::new(
                appraise::bundle::identity::KeySeed([7; 32]),
            ),
            at(save),
        )
        .unwrap();
    }
    for key in ["appraise:record:pre-review", "appraise:record:identity"] {
        let raw = storage.get(key).unwrap().unwrap();
        let cut: String = raw.chars().take(raw.chars().count() * 4 / 5).collect();
        storage.set(key, &cut).unwrap();
    }

    let mut reopened = Vault::open(storage.clone(), Box::new(common::Counter(0)), "tab-2").unwrap();
    let recovery = recovery::recover_after_opening(&mut reopened).unwrap();
    assert!(recovery.identity_damaged);
    assert_eq!(recovery.restored.len(), 1);
    assert_eq!(recovery.restored[0].item, "your pre-review");
    assert_eq!(recovery.restored[0].saved_at, at(0));
    let held = editing::read(&reopened, PRE_REVIEW_KEY).unwrap().unwrap();
    // The tab's own copy still held the latest save, so nothing was lost at all.
    assert_eq!(texts(&held, "key_successes"), ["Second save"]);

    // The identity waits for the person: nothing new was made, the kept copy is offered.
    assert_eq!(
        appraise::use_cases::identity::identity(&reopened).unwrap(),
        None
    );
    let (kept, _) = recovery::kept_identity(&reopened).unwrap();
    assert_eq!(kept.seed.0, [7; 32]);
    assert!(recovery::use_kept_identity(&mut reopened).unwrap());
    assert_eq!(
        appraise::use_cases::identity::identity(&reopened)
            .unwrap()
            .unwrap()
            .seed
            .0,
        [7; 32]
    );
    let named: Vec<String> = reopened
        .set_aside()
        .unwrap()
        .iter()
        .map(|item| recovery::describe_set_aside(&reopened, &item.original_key))
        .collect();
    assert_eq!(named, ["your name and keys", "your pre-review"]);
}
