//! Autosave for a document being edited: every change is kept in memory at once, written to
//! storage shortly after typing stops (at the latest a second after the first unsaved key, so a
//! crash loses little), and at once on leaving a field, the page or the tab. Every document is
//! kept as its mergeable state through [`editing`], so this tab's edits merge field by field with
//! what other tabs, devices and imported files wrote. A failed write keeps the text on screen and
//! says so; words not saved when the page is left are handed to the app ([`AppStorage`]), which
//! keeps them (across a reload too) and writes them as soon as there is room.

use leptos::prelude::*;
use serde_json::Value;
use std::time::Duration;

use crate::bundle::merge::DocumentState;
use crate::domain::documents::{Document, from_json, to_json};
use crate::domain::field_map::{FieldMap, FieldMapError, from_field_map, to_field_map};
use crate::state::{AppStorage, Unsaved};
use crate::use_cases::editing::{self, ChangedInTwoPlaces, PRE_REVIEW_KEY};
use crate::use_cases::reviews;

/// How long after the last keystroke a draft is saved.
pub const SAVE_DELAY: Duration = Duration::from_millis(400);
/// The longest typing goes on unsaved, in milliseconds, however fast the person types.
const LONGEST_UNSAVED_MS: f64 = 1000.0;

/// What the "saved" indicator says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Storage holds exactly what is on screen.
    Saved,
    /// Changes on screen are waiting to be written.
    Saving,
    /// The last write failed; the sentence says why. The text is still on screen.
    Failed(String),
}

/// One document open for editing.
#[derive(Clone, Copy)]
pub struct Draft {
    storage: AppStorage,
    /// The record key: the person's pre-review, or a review document's `review:<id>:<kind>`.
    key: StoredValue<String>,
    /// The kind of record the document is stored as.
    record_kind: &'static str,
    /// The blank document the stored fields are laid over (a copy may hold only some fields).
    blank: StoredValue<FieldMap>,
    /// The document as this tab last read or wrote it, with every edit made here recorded.
    state: StoredValue<DocumentState>,
    /// What this tab holds that storage may not: set while saving fails.
    unsaved: StoredValue<Option<DocumentState>>,
    to_body: fn(&FieldMap) -> Result<Value, FieldMapError>,
    /// What is on screen, as field paths.
    pub fields: RwSignal<FieldMap>,
    /// What `state` shows: the fields as last read or recorded here.
    base: StoredValue<FieldMap>,
    pub status: RwSignal<SaveStatus>,
    /// Fields changed in two places (two tabs, two devices), for the person to choose.
    pub conflicts: RwSignal<Vec<ChangedInTwoPlaces>>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    /// When the first change not yet saved was made (milliseconds since 1970).
    first_unsaved_at: StoredValue<Option<f64>>,
}

fn body_of<D: Document>(fields: &FieldMap) -> Result<Value, FieldMapError> {
    from_field_map::<D>(fields).map(|document| to_json(&document))
}

impl Draft {
    /// Opens the person's own pre-review, or starts from `blank` if there is none yet. One
    /// saved as the form itself, before documents were kept as mergeable states, is kept as one
    /// first (or, if that cannot be saved, held as unsaved words).
    pub fn open_pre_review<D: Document>(storage: AppStorage, blank: &D) -> Draft {
        let fields_of = |body: Value| from_json::<D>(body).ok().map(|form| to_field_map(&form));
        let not_kept = storage
            .with_mut(|vault| editing::keep_as_state(vault, PRE_REVIEW_KEY, D::KIND, fields_of))
            .and_then(Result::err);
        let draft = Draft::start(storage, PRE_REVIEW_KEY.to_owned(), D::KIND, blank);
        if let Some((state, _)) = not_kept {
            draft.take_back(state);
        }
        draft
    }

    /// Opens the document `D` of the review `review_id`, laid over `blank`.
    pub fn open_review_document<D: Document>(
        storage: AppStorage,
        review_id: &str,
        blank: &D,
    ) -> Draft {
        Draft::open_review_document_as(storage, review_id, D::KIND, blank)
    }

    /// Opens a review document of type `D` kept under another kind: the reviewer's private
    /// preparation is a pre-review form, kept apart from the reviewee's.
    pub fn open_review_document_as<D: Document>(
        storage: AppStorage,
        review_id: &str,
        kind: &'static str,
        blank: &D,
    ) -> Draft {
        let key = reviews::document_key(review_id, kind);
        Draft::start(storage, key, "review_document", blank)
    }

    fn start<D: Document>(
        storage: AppStorage,
        key: String,
        record_kind: &'static str,
        blank: &D,
    ) -> Draft {
        let blank = to_field_map(blank);
        let draft = Draft {
            storage,
            key: StoredValue::new(key),
            record_kind,
            blank: StoredValue::new(blank.clone()),
            state: StoredValue::new(DocumentState::default()),
            unsaved: StoredValue::new(None),
            to_body: body_of::<D>,
            fields: RwSignal::new(blank.clone()),
            base: StoredValue::new(blank),
            status: RwSignal::new(SaveStatus::Saved),
            conflicts: RwSignal::new(Vec::new()),
            timer: StoredValue::new_local(None),
            first_unsaved_at: StoredValue::new(None),
        };
        draft.load_from_storage();
        if let Some(kept) = storage
            .take_unsaved(&draft.key())
            .and_then(|json| serde_json::from_str::<Unsaved>(&json).ok())
        {
            draft.take_back(kept.state);
        }
        draft.follow_other_tabs();
        draft
    }

    fn key(&self) -> String {
        self.key.get_value()
    }

    /// The fields as shown: the document's current values laid over its blank.
    fn shown(&self, state: &DocumentState) -> FieldMap {
        let mut fields = self.blank.get_value();
        fields.extend(state.current());
        fields
    }

    /// Replaces what is on screen with what storage holds.
    fn load_from_storage(&self) {
        let key = self.key();
        match self.storage.with(|vault| editing::read(vault, &key)) {
            Some(Ok(state)) => {
                self.hold(state.unwrap_or_default());
                self.status.set(SaveStatus::Saved);
            }
            Some(Err(error)) => self.status.set(SaveStatus::Failed(error.to_string())),
            None => {}
        }
    }

    /// Takes `state` as what this tab has read or written, and shows it.
    fn hold(&self, state: DocumentState) {
        let fields = self.shown(&state);
        self.conflicts.set(editing::changed_in_two_places(&state));
        self.state.set_value(state);
        self.base.set_value(fields.clone());
        if self.fields.with_untracked(|shown| *shown != fields) {
            self.fields.set(fields);
        }
    }

    /// Lays words this tab could not save earlier (on a page since left, or before a reload)
    /// back over what is stored, and saves them.
    fn take_back(&self, kept: DocumentState) {
        let state = self.state.get_value().merge(&kept);
        self.hold(state);
        self.unsaved.set_value(Some(kept));
        self.status.set(SaveStatus::Saving);
        self.save_now();
    }

    /// When another tab saves this document: take its version if nothing here is unsaved,
    /// otherwise save now, which merges the two. A save that failed is tried again whenever
    /// the app says there may be room.
    fn follow_other_tabs(&self) {
        let draft = *self;
        Effect::new(move |previous: Option<u64>| {
            let (count, key) = draft.storage.changed_elsewhere.get();
            let concerns_me = key.is_empty() || key == draft.key();
            if previous.is_some_and(|seen| seen != count) && concerns_me {
                if draft.status.get_untracked() == SaveStatus::Saved {
                    draft.load_from_storage();
                } else {
                    draft.save_now();
                }
            }
            count
        });
        Effect::new(move |previous: Option<u64>| {
            let tick = draft.storage.try_again.get();
            if previous.is_some_and(|seen| seen != tick)
                && matches!(draft.status.get_untracked(), SaveStatus::Failed(_))
            {
                draft.save_now();
            }
            tick
        });
    }

    /// The text at `path` as a signal for a field.
    pub fn text(&self, path: String) -> Memo<String> {
        let fields = self.fields;
        Memo::new(move |_| {
            fields.with(|map| {
                map.get(&path)
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned()
            })
        })
    }

    /// The value at `path` (`null` when absent) as a signal, for choices, dates and ticks.
    pub fn value(&self, path: String) -> Memo<Value> {
        let fields = self.fields;
        Memo::new(move |_| fields.with(|map| map.get(&path).cloned().unwrap_or(Value::Null)))
    }

    /// The item ids of the list whose order is kept at `order_path`, in order.
    pub fn list_ids(&self, order_path: String) -> Memo<Vec<String>> {
        let fields = self.fields;
        Memo::new(move |_| {
            fields.with(|map| {
                map.get(&order_path)
                    .and_then(Value::as_array)
                    .map(|ids| {
                        ids.iter()
                            .filter_map(|id| id.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default()
            })
        })
    }

    /// Adds an item at the end of the list at `order_path`: `item` holds its fields, with paths
    /// relative to the item (e.g. `.description`).
    pub fn add_list_item(&self, order_path: &str, id: &str, item: FieldMap) {
        let (order_path, id) = (order_path.to_owned(), id.to_owned());
        self.edit(move |fields| {
            for (relative, value) in item {
                fields.insert(format!("{order_path}[{id}]{relative}"), value);
            }
            let mut order = fields
                .get(&order_path)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            order.push(Value::String(id));
            fields.insert(order_path, Value::Array(order));
        });
    }

    /// Removes the item `id` and all its fields from the list at `order_path`.
    pub fn remove_list_item(&self, order_path: &str, id: &str) {
        let item = format!("{order_path}[{id}].");
        let (order_path, id) = (order_path.to_owned(), id.to_owned());
        self.edit(move |fields| {
            fields.retain(|key, _| !key.starts_with(&item));
            if let Some(Value::Array(order)) = fields.get_mut(&order_path) {
                order.retain(|value| value.as_str() != Some(id.as_str()));
            }
        });
    }

    /// Puts `value` in, or takes it out of, the list of texts at `path` (e.g. the entries an
    /// appeal names), keeping the others in their order.
    pub fn set_in_list(&self, path: &str, value: &str, present: bool) {
        let (path, value) = (path.to_owned(), value.to_owned());
        self.edit(move |fields| {
            let mut list = fields
                .get(&path)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            list.retain(|held| held.as_str() != Some(value.as_str()));
            if present {
                list.push(Value::String(value));
            }
            fields.insert(path, Value::Array(list));
        });
    }

    /// Sets the value at `path` and schedules a save.
    pub fn set(&self, path: &str, value: Value) {
        self.fields.update(|map| {
            map.insert(path.to_owned(), value);
        });
        self.changed();
    }

    /// Changes several fields at once (adding or removing list items) and schedules a save.
    pub fn edit(&self, change: impl FnOnce(&mut FieldMap)) {
        self.fields.update(change);
        self.changed();
    }

    fn changed(&self) {
        self.status.set(SaveStatus::Saving);
        self.storage.unsaved.set(true);
        let now = js_sys::Date::now();
        let first = *self.first_unsaved_at.get_value().get_or_insert(now);
        self.first_unsaved_at.set_value(Some(first));
        let left = (first + LONGEST_UNSAVED_MS - now).max(0.0);
        let delay = SAVE_DELAY.min(Duration::from_millis(left as u64));
        let draft = *self;
        self.timer.update_value(|timer| {
            if let Some(handle) = timer.take() {
                handle.clear();
            }
            *timer = set_timeout_with_handle(move || draft.save_now(), delay).ok();
        });
    }

    /// Writes what is on screen now, unless it is already saved.
    pub fn save_now(&self) {
        self.timer.update_value(|timer| {
            if let Some(handle) = timer.take() {
                handle.clear();
            }
        });
        // A timer can outlive its page; the page saved everything as it closed.
        let (Some(status), Some(mine)) = (
            self.status.try_get_untracked(),
            self.fields.try_get_untracked(),
        ) else {
            return;
        };
        if status == SaveStatus::Saved {
            return;
        }
        self.first_unsaved_at.set_value(None);
        let status = match self.write(mine) {
            Ok(()) => SaveStatus::Saved,
            Err(sentence) => SaveStatus::Failed(sentence),
        };
        self.storage.unsaved.set(status != SaveStatus::Saved);
        self.status.set(status);
    }

    /// Records the fields changed since this tab last read or wrote the document as this tab's
    /// edit and saves it merged with what is stored now. If that fails the edit stays recorded
    /// here, so the next attempt (or the app, once the page is left) saves it with the rest.
    fn write(&self, mine: FieldMap) -> Result<(), String> {
        (self.to_body)(&mine).map_err(|error| error.to_string())?;
        let key = self.key();
        let (seen, base, unsaved) = (
            self.state.get_value(),
            self.base.get_value(),
            self.unsaved.get_value(),
        );
        let now = crate::browser::now();
        let saved = self
            .storage
            .with_mut(|vault| {
                editing::save_edit(
                    vault,
                    &key,
                    self.record_kind,
                    (&seen, unsaved.as_ref(), &base, &mine),
                    now,
                )
            })
            .ok_or_else(|| crate::use_cases::NOT_OPEN.to_owned())?;
        match saved {
            Ok(state) => {
                self.unsaved.set_value(None);
                self.hold(state);
                Ok(())
            }
            Err((state, error)) => {
                self.unsaved.set_value(Some(state.clone()));
                self.conflicts.set(editing::changed_in_two_places(&state));
                self.state.set_value(state);
                self.base.set_value(mine);
                Err(error.to_string())
            }
        }
    }

    /// After a last save on leaving: hands anything still unsaved to the app, which keeps it
    /// (across a reload too) and writes it once there is room.
    fn hand_over_unsaved(&self) {
        if let Some(Some(state)) = self.unsaved.try_get_value() {
            let unsaved = Unsaved {
                key: self.key(),
                record_kind: self.record_kind.to_owned(),
                state,
            };
            let json = serde_json::to_string(&unsaved).expect("documents serialise");
            self.storage.keep_unsaved(unsaved.key, json);
        }
    }

    /// Keeps `value` for the field at `path`, which two places changed differently.
    pub fn keep_version(&self, path: &str, value: Option<Value>) {
        self.save_now();
        let key = self.key();
        let now = crate::browser::now();
        let kept = self
            .storage
            .with_mut(|vault| editing::resolve(vault, &key, self.record_kind, path, value, now));
        match kept {
            Some(Ok(state)) => {
                self.hold(state);
                self.status.set(SaveStatus::Saved);
            }
            Some(Err(error)) => self.status.set(SaveStatus::Failed(error.to_string())),
            None => {}
        }
    }

    /// The document as JSON, for downloading.
    pub fn body(&self) -> Option<Value> {
        (self.to_body)(&self.fields.get_untracked()).ok()
    }
}

/// Saves `draft` whenever the person leaves the tab or the page, and when the page unmounts (a
/// route change); hands over what could not be saved. While words are unsaved, closing or
/// reloading the page asks first.
pub fn save_on_leaving(draft: Draft) {
    let on_hide = window_event_listener_untyped("visibilitychange", move |_| {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
        if hidden {
            draft.save_now();
        }
    });
    let on_before_unload = window_event_listener_untyped("beforeunload", move |event| {
        draft.save_now();
        if draft.status.try_get_untracked() != Some(SaveStatus::Saved) {
            event.prevent_default();
            if let Some(event) = wasm_bindgen::JsCast::dyn_ref::<web_sys::BeforeUnloadEvent>(&event)
            {
                event.set_return_value("Your latest changes are not saved.");
            }
        }
    });
    let on_pagehide = window_event_listener_untyped("pagehide", move |_| {
        draft.save_now();
        draft.hand_over_unsaved();
    });
    on_cleanup(move || {
        draft.save_now();
        draft.hand_over_unsaved();
        on_hide.remove();
        on_before_unload.remove();
        on_pagehide.remove();
    });
}
