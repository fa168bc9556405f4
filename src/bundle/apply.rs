//! Applying a verified bundle to what is here: each document it carries is merged field by
//! field, after dropping the fields its sender's role does not own (the reviewee writes their
//! pre-review, their comments and any appeal; the headteacher a moderation note, an appeal's
//! hearing and the pay decision; the reviewer writes everything else).

use std::collections::BTreeMap;

use super::merge::{Conflict, DocumentState};
use super::open::Verified;
use super::payload::Payload;
use crate::domain::people::Role;

/// Who may write a field, by its path.
pub fn owner_of(path: &str) -> Role {
    if crate::domain::documents::written_by_headteacher(path) {
        Role::Headteacher
    } else if crate::domain::documents::written_by_reviewee(path) {
        Role::Reviewee
    } else {
        Role::Reviewer
    }
}

/// An empty text, list or missing value: saying nothing about a field is not trying to change it.
fn is_blank(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::Null => true,
        serde_json::Value::String(text) => text.is_empty(),
        serde_json::Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

/// Whose words a bundle may bring here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writer {
    /// A party to the review, by their part in it as held here: only the fields that part owns.
    Party(Role),
    /// The reviewer passing the review on to someone outside it (the headteacher, the CPD leader):
    /// both parties' words as the reviewer holds them. The reviewee's sign-off, travelling with
    /// them, shows whether their words are as they signed them.
    Relay,
}

/// What applying a bundle did (or would do: the preview uses the same function).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ApplyReport {
    /// Per document kind, the field paths whose shown value changes.
    pub changed: BTreeMap<String, Vec<String>>,
    /// Fields the sender's role does not own, which were not applied.
    pub refused: Vec<String>,
    /// Sign-offs in the file whose signature does not hold, described, which were not kept.
    pub invalid_sign_offs: Vec<String>,
    pub conflicts: Vec<Conflict>,
}

impl ApplyReport {
    pub fn changes_anything(&self) -> bool {
        self.changed.values().any(|paths| !paths.is_empty())
    }
}

/// Merges the bundle's documents into `local` (document kind → state) and reports what changed.
/// `writer` comes from the sender's part in the review as this person holds it, never from the
/// role the bundle claims for itself.
pub fn apply(
    local: &mut BTreeMap<String, DocumentState>,
    bundle: &Verified<Payload>,
    writer: Writer,
) -> ApplyReport {
    let payload = bundle.payload();
    let may_write = |path: &str| match writer {
        Writer::Relay => true,
        Writer::Party(role) => owner_of(path) == role,
    };
    let mut report = ApplyReport {
        invalid_sign_offs: payload
            .sign_offs
            .iter()
            .filter(|signed| !signed.signature_holds())
            .map(|signed| signed.sign_off.describe())
            .collect(),
        ..ApplyReport::default()
    };
    for (kind, incoming) in &payload.documents {
        let before = local.get(kind).cloned().unwrap_or_default();
        // Fields the sender may not write carry no information: whatever the bundle says about
        // them is replaced by what is here, so it can neither change nor delete them.
        // A sender's copy that is merely older than ours in such a field (a date the reviewer
        // recorded since) is not reported: only a write this copy has not seen is.
        let mut incoming = incoming.clone();
        let (theirs, ours) = (incoming.current(), before.current());
        let news: Vec<String> = incoming
            .fields
            .keys()
            .filter(|path| incoming.has_news_for(&before, path))
            .cloned()
            .collect();
        for path in incoming.keep_only(may_write) {
            let says_something =
                ours.contains_key(&path) || !theirs.get(&path).is_none_or(is_blank);
            if news.contains(&path) && says_something && theirs.get(&path) != ours.get(&path) {
                report.refused.push(path.clone());
            }
            if let Some(versions) = before.fields.get(&path) {
                incoming.fields.insert(path, versions.clone());
            }
        }
        for (path, versions) in &before.fields {
            if !may_write(path) && !incoming.fields.contains_key(path) {
                incoming.fields.insert(path.clone(), versions.clone());
            }
        }
        let after = before.merge(&incoming);
        let (shown_before, shown_after) = (before.current(), after.current());
        let changed: Vec<String> = shown_before
            .keys()
            .chain(shown_after.keys())
            .filter(|path| shown_before.get(*path) != shown_after.get(*path))
            .cloned()
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        report.conflicts.extend(
            after
                .conflicts()
                .into_iter()
                .filter(|c| !before.conflicts().contains(c)),
        );
        report.changed.insert(kind.clone(), changed);
        local.insert(kind.clone(), after);
    }
    report
}
