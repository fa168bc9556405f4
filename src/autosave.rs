//! Autosave for a document being edited: every change is kept in memory at once, written to
//! storage shortly after typing stops (and at once on leaving a field, the page or the tab),
//! and merged field by field with changes another tab saved meanwhile. A failed write keeps
//! the text on screen and says so; nothing is silently dropped. A review document's edits go
//! into its mergeable state, the same one bundles merge into.

use leptos::prelude::*;
use serde_json::Value;
use std::time::Duration;

use crate::bundle::merge::DocumentState;
use crate::domain::documents::{Document, RecordError, from_json, to_json};
use crate::domain::field_map::{
    FieldMap, FieldMapError, from_field_map, merge_three_way, to_field_map,
};
use crate::state::AppStorage;
use crate::storage::backup::COPY_KIND;
use crate::storage::{Expect, WriteError};
use crate::use_cases;
use crate::use_cases::reviews;

/// How long after the last keystroke a draft is saved.
pub const SAVE_DELAY: Duration = Duration::from_millis(400);

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

/// A version of this record that another tab (or a restored backup) saved, kept beside it
/// because both sides changed the same fields.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptCopy {
    pub key: String,
    pub from: String,
    /// Fields whose text differs from the draft now: path → the copy's value.
    pub differences: Vec<(String, Value)>,
}

/// A review document's mergeable state as this tab last read or wrote it, and the blank document
/// its fields are laid over (a copy may hold only some fields).
#[derive(Clone)]
struct ReviewDocument {
    review: String,
    blank: FieldMap,
    state: DocumentState,
}

/// One document open for editing.
#[derive(Clone, Copy)]
pub struct Draft {
    storage: AppStorage,
    /// The record key: a plain record, or a review document's `review:<id>:<kind>`.
    key: StoredValue<String>,
    /// Set for a review document, whose edits are recorded as this tab's writes and merged with
    /// the stored state (so tabs, devices and bundles share one merge); unset for a plain record,
    /// which is written whole and merged three-way with other tabs.
    review_document: StoredValue<Option<ReviewDocument>>,
    kind: &'static str,
    to_body: fn(&FieldMap) -> Result<Value, FieldMapError>,
    to_fields: fn(&Value) -> Result<FieldMap, RecordError>,
    /// What is on screen, as field paths.
    pub fields: RwSignal<FieldMap>,
    /// What storage held when this tab last read or wrote it.
    base: StoredValue<FieldMap>,
    rev: StoredValue<Option<u64>>,
    pub status: RwSignal<SaveStatus>,
    pub kept_copies: RwSignal<Vec<KeptCopy>>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
}

fn body_of<D: Document>(fields: &FieldMap) -> Result<Value, FieldMapError> {
    from_field_map::<D>(fields).map(|document| to_json(&document))
}

fn fields_of<D: Document>(body: &Value) -> Result<FieldMap, RecordError> {
    from_json::<D>(body.clone()).map(|document| to_field_map(&document))
}

impl Draft {
    /// Opens the record `key`, or starts from `blank` if there is none yet.
    pub fn open<D: Document>(storage: AppStorage, key: &str, blank: &D) -> Draft {
        Draft::start(storage, key.to_owned(), D::KIND, None, blank)
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
        let review_document = ReviewDocument {
            review: review_id.to_owned(),
            blank: to_field_map(blank),
            state: DocumentState::default(),
        };
        let key = reviews::document_key(review_id, kind);
        Draft::start(storage, key, kind, Some(review_document), blank)
    }

    fn start<D: Document>(
        storage: AppStorage,
        key: String,
        kind: &'static str,
        review_document: Option<ReviewDocument>,
        blank: &D,
    ) -> Draft {
        let draft = Draft {
            storage,
            key: StoredValue::new(key),
            review_document: StoredValue::new(review_document),
            kind,
            to_body: body_of::<D>,
            to_fields: fields_of::<D>,
            fields: RwSignal::new(to_field_map(blank)),
            base: StoredValue::new(FieldMap::new()),
            rev: StoredValue::new(None),
            status: RwSignal::new(SaveStatus::Saved),
            kept_copies: RwSignal::new(Vec::new()),
            timer: StoredValue::new_local(None),
        };
        draft.load_from_storage();
        draft.follow_other_tabs();
        draft
    }

    fn key(&self) -> String {
        self.key.get_value()
    }

    /// Replaces what is on screen with what storage holds.
    fn load_from_storage(&self) {
        if self.review_document.with_value(Option::is_some) {
            return self.load_review_document();
        }
        let key = self.key();
        let read = self.storage.with(|vault| vault.read(&key));
        match read {
            Some(Ok(Some(record))) => match (self.to_fields)(&record.body) {
                Ok(fields) => {
                    self.base.set_value(fields.clone());
                    self.rev.set_value(Some(record.header.rev));
                    self.fields.set(fields);
                    self.status.set(SaveStatus::Saved);
                }
                Err(error) => self.status.set(SaveStatus::Failed(error.to_string())),
            },
            Some(Ok(None)) | None => {
                // Not stored (yet, or any more after a wipe elsewhere): the next save creates it.
                self.rev.set_value(None);
                self.base.set_value(self.fields.get_untracked());
            }
            Some(Err(error)) => self.status.set(SaveStatus::Failed(error.to_string())),
        }
        self.refresh_kept_copies();
    }

    /// When another tab saves this record: take its version if nothing here is unsaved,
    /// otherwise save now, which merges the two.
    fn follow_other_tabs(&self) {
        let draft = *self;
        Effect::new(move |previous: Option<u64>| {
            let (count, key) = draft.storage.changed_elsewhere.get();
            let concerns_me = key.is_empty()
                || key == draft.key()
                || key.starts_with(&format!("{}.copy-", draft.key()));
            if previous.is_some_and(|seen| seen != count) && concerns_me {
                if draft.status.get_untracked() == SaveStatus::Saved {
                    draft.load_from_storage();
                } else {
                    draft.save_now();
                }
            }
            count
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
        let draft = *self;
        self.timer.update_value(|timer| {
            if let Some(handle) = timer.take() {
                handle.clear();
            }
            *timer = set_timeout_with_handle(move || draft.save_now(), SAVE_DELAY).ok();
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
        let (Some(status), Some(fields)) = (
            self.status.try_get_untracked(),
            self.fields.try_get_untracked(),
        ) else {
            return;
        };
        if status == SaveStatus::Saved {
            return;
        }
        let status = match self.write(fields) {
            Ok(()) => SaveStatus::Saved,
            Err(sentence) => SaveStatus::Failed(sentence),
        };
        self.storage.unsaved.set(status != SaveStatus::Saved);
        self.status.set(status);
    }

    fn write(&self, mine: FieldMap) -> Result<(), String> {
        if self.review_document.with_value(Option::is_some) {
            return self.write_review_document(mine);
        }
        let key = self.key();
        let body = (self.to_body)(&mine).map_err(|error| error.to_string())?;
        let expect = self.rev.get_value().map_or(Expect::New, Expect::Rev);
        let now = crate::browser::now();
        let written = self
            .storage
            .with_mut(|vault| vault.write(&key, self.kind, &body, expect, now));
        match written {
            None => Err("Your data is not open, so this cannot be saved yet.".into()),
            Some(Ok(header)) => {
                self.rev.set_value(Some(header.rev));
                self.base.set_value(mine);
                Ok(())
            }
            Some(Err(WriteError::ChangedElsewhere { .. })) => self.merge_with_stored(mine),
            Some(Err(error)) => Err(error.to_string()),
        }
    }

    /// Another tab saved this record since this tab last read it: merge field by field. Where
    /// both changed the same field, this tab's text stays and the other is kept as a copy.
    fn merge_with_stored(&self, mine: FieldMap) -> Result<(), String> {
        let key = self.key();
        let theirs = self
            .storage
            .with(|vault| vault.read(&key))
            .ok_or("Your data is not open, so this cannot be saved yet.")?
            .map_err(|error| error.to_string())?
            .ok_or("This record was deleted in another tab.")?;
        let their_fields = (self.to_fields)(&theirs.body).map_err(|error| error.to_string())?;
        let merge = merge_three_way(&self.base.get_value(), &mine, &their_fields);
        let now = crate::browser::now();
        if !merge.conflicts.is_empty() {
            let copy_key = format!("{key}.copy-{}", now.timestamp_millis());
            let copy = serde_json::json!({ "of": key, "from": "another tab or window", "kind": self.kind, "updated": theirs.header.updated, "body": theirs.body });
            self.storage
                .with_mut(|vault| vault.write(&copy_key, COPY_KIND, &copy, Expect::New, now))
                .ok_or("Your data is not open.")?
                .map_err(|error| error.to_string())?;
        }
        let body = (self.to_body)(&merge.merged).map_err(|error| error.to_string())?;
        let header = self
            .storage
            .with_mut(|vault| {
                vault.write(&key, self.kind, &body, Expect::Rev(theirs.header.rev), now)
            })
            .ok_or("Your data is not open.")?
            .map_err(|error| error.to_string())?;
        self.rev.set_value(Some(header.rev));
        self.base.set_value(merge.merged.clone());
        self.fields.set(merge.merged);
        self.refresh_kept_copies();
        Ok(())
    }

    fn load_review_document(&self) {
        let Some(mut document) = self.review_document.get_value() else {
            return;
        };
        let read = self
            .storage
            .with(|vault| reviews::document(vault, &document.review, self.kind));
        match read {
            Some(Ok(state)) => {
                document.state = state.unwrap_or_default();
                let fields = Draft::shown(&document);
                self.review_document.set_value(Some(document));
                self.base.set_value(fields.clone());
                self.fields.set(fields);
                self.status.set(SaveStatus::Saved);
            }
            Some(Err(error)) => self.status.set(SaveStatus::Failed(error.to_string())),
            None => {}
        }
    }

    /// The fields as shown: the document's current values laid over its blank.
    fn shown(document: &ReviewDocument) -> FieldMap {
        let mut fields = document.blank.clone();
        fields.extend(document.state.current());
        fields
    }

    /// Records the fields this tab changed since it last read or wrote the document as this
    /// tab's edit, and merges that with what is stored now: changes made elsewhere meanwhile are
    /// kept, and a field changed on both sides becomes a conflict for the person to resolve.
    fn write_review_document(&self, mine: FieldMap) -> Result<(), String> {
        (self.to_body)(&mine).map_err(|error| error.to_string())?;
        let mut document = self
            .review_document
            .get_value()
            .ok_or("This is not a review document.")?;
        let base = self.base.get_value();
        let with_my_changes = |mut shown: FieldMap| {
            for path in base.keys().chain(mine.keys()) {
                if base.get(path) != mine.get(path) {
                    match mine.get(path) {
                        Some(value) => shown.insert(path.clone(), value.clone()),
                        None => shown.remove(path),
                    };
                }
            }
            shown
        };
        let now = crate::browser::now();
        let merged = self
            .storage
            .with_mut(|vault| {
                let stored =
                    reviews::document(vault, &document.review, self.kind)?.unwrap_or_default();
                let device = vault.writer().to_owned();
                let mut edited = document.state.edit_base(&stored, &device);
                let shown = with_my_changes(edited.current());
                let stamp = stored
                    .latest_stamp()
                    .max(edited.latest_stamp())
                    .tick(now.timestamp_millis());
                edited.record_edit(&shown, &device, stamp);
                let merged = stored.merge(&edited);
                reviews::save_document(vault, &document.review, self.kind, &merged, now)?;
                Ok::<_, use_cases::RecordsError>(merged)
            })
            .ok_or("Your data is not open, so this cannot be saved yet.")?
            .map_err(|error| error.to_string())?;
        document.state = merged;
        let fields = Draft::shown(&document);
        self.review_document.set_value(Some(document));
        self.base.set_value(fields.clone());
        if fields != mine {
            self.fields.set(fields);
        }
        Ok(())
    }

    fn refresh_kept_copies(&self) {
        let key = self.key();
        let prefix = format!("{key}.copy-");
        let now_fields = self.fields.get_untracked();
        let to_fields = self.to_fields;
        let copies = self
            .storage
            .with(|vault| {
                let keys: Vec<String> = vault
                    .list()
                    .filter(|(k, _)| k.starts_with(&prefix))
                    .map(|(k, _)| k.to_owned())
                    .collect();
                keys.into_iter()
                    .filter_map(|copy_key| {
                        let record = vault.read(&copy_key).ok()??;
                        let fields = to_fields(record.body.get("body")?).ok()?;
                        let differences = fields
                            .into_iter()
                            .filter(|(path, value)| {
                                value.is_string() && now_fields.get(path) != Some(value)
                            })
                            .collect();
                        let from = record
                            .body
                            .get("from")
                            .and_then(Value::as_str)
                            .unwrap_or("elsewhere")
                            .to_owned();
                        Some(KeptCopy {
                            key: copy_key,
                            from,
                            differences,
                        })
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        self.kept_copies.set(copies);
    }

    /// Deletes a kept copy once the person has taken what they want from it.
    pub fn discard_copy(&self, copy_key: &str) {
        let _ = self.storage.with_mut(|vault| vault.remove(copy_key));
        self.refresh_kept_copies();
    }

    /// The document as JSON, for downloading.
    pub fn body(&self) -> Option<Value> {
        (self.to_body)(&self.fields.get_untracked()).ok()
    }
}

/// Saves `draft` whenever the person leaves the tab or the page, and when the page unmounts
/// (a route change).
pub fn save_on_leaving(draft: Draft) {
    let on_hide = window_event_listener_untyped("visibilitychange", move |_| {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
        if hidden {
            draft.save_now();
        }
    });
    let on_pagehide = window_event_listener_untyped("pagehide", move |_| draft.save_now());
    on_cleanup(move || {
        draft.save_now();
        on_hide.remove();
        on_pagehide.remove();
    });
}
