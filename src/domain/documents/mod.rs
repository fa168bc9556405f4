//! The documents of an appraisal, field for field as the spec and seed 001's forms have them,
//! and how each is written as JSON with its kind and schema version.
//!
//! List items (objectives, needs, evidence, observations, interim reviews, targets…) carry stable [`Id`]s, never
//! positions, so that two people's edits to the same list can be merged item by item.
//!
//! [`Id`]: super::ids::Id

mod appeal;
mod checklist;
mod cpd;
mod interim;
mod labels;
mod leadership;
mod observation;
mod pre_review;
mod statement;
mod support_plan;

pub use appeal::{Appeal, AppealHearer, AppealOutcome, appealable_entries};
pub use checklist::{ChecklistItem, MeetingChecklist, MeetingPhase, WhoActs};
pub use cpd::{CpdNeed, CpdNeeds, CpdTheme};
pub use interim::{InterimReview, InterimReviewLog, ObjectiveProgress};
pub use labels::{document_in_a_sentence, document_title, field_label};
pub use leadership::{
    AppealHearing, ModerationNote, PayDecision, PayDecisionMade, written_by_headteacher,
};
pub use observation::{Observation, ObservationLog};
pub use pre_review::{EvidenceItem, PreReviewAuthor, PreReviewForm};
pub use statement::{
    NewObjective, PayRecommendation, PreviousObjective, ProgressRating, Statement,
};
pub use support_plan::{SupportOutcome, SupportPlan, SupportTarget};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::fmt;

/// A document of the appraisal that can be stored, exchanged and merged.
pub trait Document: Serialize + DeserializeOwned {
    /// The document's name in JSON and the first segment of its field paths.
    const KIND: &'static str;
    /// The current shape of the document; raised whenever a field is added, renamed or removed.
    const SCHEMA: u32;
}

/// Why a JSON value could not be read as a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    NotAnObject,
    WrongKind {
        expected: &'static str,
        found: String,
    },
    MissingSchema,
    /// Written by a newer version of Appraise than this one.
    FutureSchema {
        kind: &'static str,
        found: u64,
        supported: u32,
    },
    /// An old schema this version cannot migrate.
    UnknownSchema {
        kind: &'static str,
        found: u64,
    },
    Malformed {
        kind: &'static str,
        detail: String,
    },
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::NotAnObject => write!(
                f,
                "This is not a document Appraise made: it has nothing in it to read. Check you chose the right file."
            ),
            RecordError::WrongKind { expected, found } => write!(
                f,
                "Appraise expected {} here but found {}. Check you chose the right file.",
                document_in_a_sentence(expected),
                document_in_a_sentence(found)
            ),
            RecordError::MissingSchema => write!(
                f,
                "This document does not say which version of Appraise wrote it, so it cannot be read safely. Ask the sender to send it again."
            ),
            RecordError::FutureSchema { kind, .. } => write!(
                f,
                "Part of this file ({}) was written by a newer version of Appraise. Reload the page to update Appraise, then try again.",
                title_in_a_sentence(kind)
            ),
            RecordError::UnknownSchema { kind, .. } => write!(
                f,
                "Part of this file ({}) was written by an early version of Appraise, which this one cannot read. Ask the sender to send it again from Appraise as it is now.",
                title_in_a_sentence(kind)
            ),
            RecordError::Malformed { kind, .. } => write!(
                f,
                "Part of this file ({}) is damaged or incomplete. Ask the sender to send it again.",
                title_in_a_sentence(kind)
            ),
        }
    }
}

impl std::error::Error for RecordError {}

/// A document's title inside a sentence: "planning and review statement".
fn title_in_a_sentence(kind: &str) -> String {
    document_title(kind).to_lowercase()
}

/// Whether the field at `path` is the reviewee's to write: their pre-review and appeal, and their
/// comments wherever a document has room for them. Everything else is the reviewer's.
pub fn written_by_reviewee(path: &str) -> bool {
    path.starts_with("pre_review.")
        || path.starts_with("appeal.")
        || path.ends_with(".reviewee_comments")
        || path.ends_with(".reviewee_comment")
}

/// The document as JSON: its fields plus `kind` and `schema`.
pub fn to_json<D: Document>(document: &D) -> Value {
    let mut value = serde_json::to_value(document).expect("documents always serialise");
    let fields = value
        .as_object_mut()
        .expect("documents serialise as objects");
    fields.insert("kind".into(), Value::from(D::KIND));
    fields.insert("schema".into(), Value::from(D::SCHEMA));
    value
}

/// Reads a document written by [`to_json`], refusing other kinds and newer schemas.
pub fn from_json<D: Document>(value: Value) -> Result<D, RecordError> {
    fields_as(check_kind_and_schema(value, D::KIND, D::SCHEMA)?)
}

/// The document from its fields alone (no `kind` or `schema`).
pub(crate) fn fields_as<D: Document>(fields: Value) -> Result<D, RecordError> {
    serde_json::from_value(fields).map_err(|error| RecordError::Malformed {
        kind: D::KIND,
        detail: error.to_string(),
    })
}

/// The fields of a document of `kind` at `schema`, with its `kind` and `schema` taken off, or
/// why it is not one. Not generic, so each kind of document adds only its own reading.
fn check_kind_and_schema(
    value: Value,
    expected: &'static str,
    supported: u32,
) -> Result<Value, RecordError> {
    let Value::Object(mut fields) = value else {
        return Err(RecordError::NotAnObject);
    };
    match fields.remove("kind") {
        Some(Value::String(kind)) if kind == expected => {}
        Some(other) => {
            let found = other
                .as_str()
                .map_or_else(|| other.to_string(), str::to_owned);
            return Err(RecordError::WrongKind { expected, found });
        }
        None => {
            return Err(RecordError::WrongKind {
                expected,
                found: "nothing".into(),
            });
        }
    }
    let schema = fields
        .remove("schema")
        .and_then(|schema| schema.as_u64())
        .ok_or(RecordError::MissingSchema)?;
    match schema.cmp(&u64::from(supported)) {
        std::cmp::Ordering::Equal => Ok(Value::Object(fields)),
        std::cmp::Ordering::Greater => Err(RecordError::FutureSchema {
            kind: expected,
            found: schema,
            supported,
        }),
        std::cmp::Ordering::Less => Err(RecordError::UnknownSchema {
            kind: expected,
            found: schema,
        }),
    }
}

/// How a free-text field appears on its form: the label a person reads and a hint under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormField {
    /// The field's name in the document (and the last part of its field path).
    pub name: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub optional: bool,
}

/// A form field's description, as the form tables write it.
pub(crate) const fn field(
    name: &'static str,
    label: &'static str,
    hint: &'static str,
    optional: bool,
) -> FormField {
    FormField {
        name,
        label,
        hint,
        optional,
    }
}

/// A document written out as plain text with its labels, so a person can keep or print every
/// word of it outside Appraise (for example when their browser's storage is full).
pub fn as_plain_text(title: &str, fields: &[FormField], values: &serde_json::Value) -> String {
    let mut text = format!("{title}\n{}\n", "=".repeat(title.chars().count()));
    for field in fields {
        let value = values
            .get(field.name)
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim();
        text.push_str(&format!(
            "\n{}\n{}\n",
            field.label,
            if value.is_empty() {
                "(left blank)"
            } else {
                value
            }
        ));
    }
    text
}
