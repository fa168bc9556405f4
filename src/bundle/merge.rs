//! Merging what two people wrote, field by field, without a server.
//!
//! Each document is kept as a set of field paths (see [`crate::domain::field_map`]), and each
//! field as the versions nobody has yet seen replaced. A version carries a *dot* (the device that
//! wrote it and that device's write count) and a hybrid logical clock *stamp*. Each document keeps
//! a version vector: for every device, how many of its writes this copy has seen.
//!
//! Merging two copies keeps a version if the other copy also has it, or has not seen it yet
//! (its dot is beyond the other's version vector). So a field changed on one side since the
//! last exchange takes that side's value; an older copy never overwrites newer work; and a field
//! changed on both sides keeps both versions — a conflict, with a provisional winner (the later
//! stamp) until a person chooses. The merge is idempotent, commutative and associative, so the
//! order bundles arrive in does not matter.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

use crate::domain::field_map::FieldMap;

/// A hybrid logical clock reading: wall-clock milliseconds, and a counter for events within one
/// millisecond or when a clock runs behind a stamp it has seen.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Stamp {
    pub millis: i64,
    pub counter: u32,
}

impl Stamp {
    /// The next stamp after `self` at wall time `now_millis`.
    pub fn tick(self, now_millis: i64) -> Stamp {
        if now_millis > self.millis {
            Stamp {
                millis: now_millis,
                counter: 0,
            }
        } else {
            Stamp {
                millis: self.millis,
                counter: self.counter + 1,
            }
        }
    }
}

/// Which device wrote a version, and which of its writes it was.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Dot {
    pub device: String,
    pub counter: u64,
}

/// One written value of a field; `value: None` records that the field was removed (in JSON:
/// no `value` key; a JSON `null` is a value like any other).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldVersion {
    #[serde(
        default,
        deserialize_with = "present_value",
        skip_serializing_if = "Option::is_none"
    )]
    pub value: Option<Value>,
    pub dot: Dot,
    pub stamp: Stamp,
}

fn present_value<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Value>, D::Error> {
    Value::deserialize(deserializer).map(Some)
}

/// A field whose versions were written on both sides without either seeing the other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub path: String,
    /// The version shown until a person chooses: the latest stamp.
    pub provisional: FieldVersion,
    pub others: Vec<FieldVersion>,
}

/// One document's mergeable state.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DocumentState {
    /// Per device, how many of its writes this copy has seen.
    pub seen: BTreeMap<String, u64>,
    pub fields: BTreeMap<String, Vec<FieldVersion>>,
}

/// The most writes one device can be said to have made (2^48): more than anyone will type, and
/// far enough from the counters' limits that adding to them never overflows.
pub const MAX_WRITES: u64 = 1 << 48;
/// The latest a stamp may be (1 January 2100) and the most writes within one millisecond.
const MAX_STAMP_MILLIS: i64 = 4_102_444_800_000;
const MAX_STAMP_COUNTER: u32 = 1 << 30;

impl DocumentState {
    /// Whether every counter and stamp is within what real editing produces. A received copy
    /// claiming more (a crafted file) is refused, so later edits here can always count on.
    pub fn within_limits(&self) -> bool {
        self.seen.values().all(|count| *count <= MAX_WRITES)
            && self.fields.values().flatten().all(|version| {
                version.dot.counter <= MAX_WRITES
                    && version.stamp.millis <= MAX_STAMP_MILLIS
                    && version.stamp.counter <= MAX_STAMP_COUNTER
            })
    }

    fn covers(&self, dot: &Dot) -> bool {
        self.seen
            .get(&dot.device)
            .is_some_and(|seen| *seen >= dot.counter)
    }

    /// Records this device's edit: every path whose value differs from what is shown now gets a
    /// new version that replaces all versions this copy has seen. Fields in conflict that the
    /// edit leaves as shown stay in conflict: only [`DocumentState::resolve`] settles them.
    pub fn record_edit(&mut self, now: &FieldMap, device: &str, stamp: Stamp) {
        let shown = self.current();
        let paths: BTreeSet<&String> = shown.keys().chain(now.keys()).collect();
        for path in paths {
            if shown.get(path) != now.get(path) {
                self.write(path, now.get(path).cloned(), device, stamp);
            }
        }
    }

    /// What `device`'s next edit goes onto, given what it last saw (`self`) and what is stored now.
    /// Normally its own copy. When the stored copy holds less than it saw, something was taken
    /// back (an import undone, a backup restored): the edit then goes onto the stored copy, so
    /// what was taken back does not return, keeping the device's write count so that no new
    /// write reuses a dot.
    pub fn edit_base(&self, stored: &DocumentState, device: &str) -> DocumentState {
        let went_back = self.seen.iter().any(|(seen_device, count)| {
            stored.seen.get(seen_device).is_none_or(|held| held < count)
        });
        if !went_back {
            return self.clone();
        }
        let mut base = stored.clone();
        if let Some(count) = self.seen.get(device) {
            let held = base.seen.entry(device.to_owned()).or_insert(0);
            *held = (*held).max(*count);
        }
        base
    }

    /// A person's choice for a field in conflict (or any field): it replaces every version seen.
    pub fn resolve(&mut self, path: &str, value: Option<Value>, device: &str, stamp: Stamp) {
        self.write(path, value, device, stamp);
    }

    fn write(&mut self, path: &str, value: Option<Value>, device: &str, stamp: Stamp) {
        let counter = self.seen.get(device).copied().unwrap_or(0) + 1;
        self.seen.insert(device.to_owned(), counter);
        let dot = Dot {
            device: device.to_owned(),
            counter,
        };
        self.fields
            .insert(path.to_owned(), vec![FieldVersion { value, dot, stamp }]);
    }

    /// Both copies joined: the result any order of merging would give.
    pub fn merge(&self, other: &DocumentState) -> DocumentState {
        let mut fields = BTreeMap::new();
        let paths: BTreeSet<&String> = self.fields.keys().chain(other.fields.keys()).collect();
        for path in paths {
            let mine = self.fields.get(path).map(Vec::as_slice).unwrap_or_default();
            let theirs = other
                .fields
                .get(path)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let mut kept: Vec<FieldVersion> = mine
                .iter()
                .filter(|v| theirs.contains(v) || !other.covers(&v.dot))
                .chain(
                    theirs
                        .iter()
                        .filter(|v| !mine.contains(v) && !self.covers(&v.dot)),
                )
                .cloned()
                .collect();
            kept.sort_by(|a, b| (a.stamp, &a.dot).cmp(&(b.stamp, &b.dot)));
            kept.dedup();
            if !kept.is_empty() {
                fields.insert(path.clone(), kept);
            }
        }
        let mut seen = self.seen.clone();
        for (device, counter) in &other.seen {
            let entry = seen.entry(device.clone()).or_insert(0);
            *entry = (*entry).max(*counter);
        }
        DocumentState { seen, fields }
    }

    fn winner(versions: &[FieldVersion]) -> Option<&FieldVersion> {
        versions
            .iter()
            .max_by(|a, b| (a.stamp, &a.dot).cmp(&(b.stamp, &b.dot)))
    }

    /// The fields as shown: each path's provisional winner, removed fields left out.
    pub fn current(&self) -> FieldMap {
        self.fields
            .iter()
            .filter_map(|(path, versions)| {
                Some((path.clone(), Self::winner(versions)?.value.clone()?))
            })
            .collect()
    }

    /// Every field whose surviving versions hold different values (two devices writing the same
    /// text is no conflict).
    pub fn conflicts(&self) -> Vec<Conflict> {
        self.fields
            .iter()
            .filter(|(_, versions)| versions.iter().any(|v| v.value != versions[0].value))
            .filter_map(|(path, versions)| {
                let provisional = Self::winner(versions)?.clone();
                let others = versions
                    .iter()
                    .filter(|v| **v != provisional)
                    .cloned()
                    .collect();
                Some(Conflict {
                    path: path.clone(),
                    provisional,
                    others,
                })
            })
            .collect()
    }

    /// Whether this copy holds a version of the field at `path` that `other` has not seen: a
    /// write `other` does not know of, as opposed to an older value it has since replaced.
    pub fn has_news_for(&self, other: &DocumentState, path: &str) -> bool {
        self.fields
            .get(path)
            .is_some_and(|versions| versions.iter().any(|version| !other.covers(&version.dot)))
    }

    /// Keeps only the fields `allowed` accepts; returns the paths it dropped.
    pub fn keep_only(&mut self, allowed: impl Fn(&str) -> bool) -> Vec<String> {
        let refused: Vec<String> = self
            .fields
            .keys()
            .filter(|path| !allowed(path))
            .cloned()
            .collect();
        for path in &refused {
            self.fields.remove(path);
        }
        refused
    }

    /// The latest stamp in this document, for the device's clock to move past.
    pub fn latest_stamp(&self) -> Stamp {
        self.fields
            .values()
            .flatten()
            .map(|v| v.stamp)
            .max()
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn fields(pairs: &[(&str, &str)]) -> FieldMap {
        pairs
            .iter()
            .map(|(p, v)| (p.to_string(), json!(v)))
            .collect()
    }

    fn at(millis: i64) -> Stamp {
        Stamp { millis, counter: 0 }
    }

    #[test]
    fn one_sided_changes_are_taken_and_both_sided_ones_conflict() {
        let mut reviewer = DocumentState::default();
        reviewer.record_edit(
            &fields(&[("s.a", "draft"), ("s.b", "two")]),
            "reviewer",
            at(1),
        );
        let mut reviewee = reviewer.clone();
        reviewee.record_edit(
            &fields(&[("s.a", "draft"), ("s.b", "two"), ("s.c", "comment")]),
            "reviewee",
            at(2),
        );
        reviewer.record_edit(
            &fields(&[("s.a", "final"), ("s.b", "two")]),
            "reviewer",
            at(3),
        );

        let merged = reviewer.merge(&reviewee);
        assert_eq!(
            merged.current(),
            fields(&[("s.a", "final"), ("s.b", "two"), ("s.c", "comment")])
        );
        assert!(merged.conflicts().is_empty());

        // Both change s.b: a conflict, the later stamp shown until someone chooses.
        let mut left = merged.clone();
        let mut right = merged.clone();
        left.record_edit(
            &fields(&[("s.a", "final"), ("s.b", "left"), ("s.c", "comment")]),
            "reviewer",
            at(10),
        );
        right.record_edit(
            &fields(&[("s.a", "final"), ("s.b", "right"), ("s.c", "comment")]),
            "reviewee",
            at(11),
        );
        let both = left.merge(&right);
        assert_eq!(both.current()["s.b"], json!("right"));
        let conflicts = both.conflicts();
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].others[0].value, Some(json!("left")));

        // Editing another field leaves the conflict for a person to settle.
        let mut edited = both.clone();
        let mut other_field = edited.current();
        other_field.insert("s.a".into(), json!("final, edited"));
        edited.record_edit(&other_field, "reviewer", at(12));
        assert_eq!(edited.conflicts().len(), 1);

        // A person resolves it: their choice replaces both versions everywhere it travels.
        let mut resolved = both.clone();
        resolved.resolve("s.b", Some(json!("left")), "reviewer", at(12));
        assert!(resolved.conflicts().is_empty());
        assert!(resolved.merge(&right).conflicts().is_empty());
        assert_eq!(right.merge(&resolved).current()["s.b"], json!("left"));
    }

    #[test]
    fn an_edit_goes_onto_what_is_stored_once_something_was_taken_back() {
        let mut stored = DocumentState::default();
        stored.record_edit(&fields(&[("s.a", "mine")]), "tab", at(1));
        let tab = stored.clone();

        // Nothing taken back: the tab carries on from its own copy.
        assert_eq!(tab.edit_base(&stored, "tab"), tab);

        // An import brought s.b from the reviewee, and the tab wrote once more (its second
        // write); then storage went back to before the import.
        let mut tab = stored.clone();
        tab.record_edit(
            &fields(&[("s.a", "mine"), ("s.b", "theirs")]),
            "reviewee",
            at(2),
        );
        tab.record_edit(
            &fields(&[("s.a", "mine, again"), ("s.b", "theirs")]),
            "tab",
            at(3),
        );
        let base = tab.edit_base(&stored, "tab");
        assert_eq!(
            base.current(),
            fields(&[("s.a", "mine")]),
            "what went back stays gone"
        );

        // The tab's next write is its third, never a second write with other content.
        let mut edited = base;
        edited.record_edit(&fields(&[("s.a", "mine, edited")]), "tab", at(4));
        assert_eq!(edited.seen["tab"], 3);
        assert_eq!(
            stored.merge(&edited).current(),
            fields(&[("s.a", "mine, edited")])
        );
    }

    #[test]
    fn the_same_text_written_on_two_devices_is_no_conflict() {
        let base = DocumentState::default();
        let (mut laptop, mut phone) = (base.clone(), base);
        laptop.record_edit(&fields(&[("p.name", "Sam")]), "laptop", at(1));
        phone.record_edit(&fields(&[("p.name", "Sam")]), "phone", at(2));
        let merged = laptop.merge(&phone);
        assert!(merged.conflicts().is_empty());
        assert_eq!(merged.current(), fields(&[("p.name", "Sam")]));
    }

    #[test]
    fn an_older_copy_never_overwrites_newer_work_and_removals_travel() {
        let mut mine = DocumentState::default();
        mine.record_edit(&fields(&[("d.x", "v1"), ("d.y", "keep")]), "a", at(1));
        let old = mine.clone();
        mine.record_edit(&fields(&[("d.x", "v2")]), "a", at(2));
        assert_eq!(mine.merge(&old), mine);
        assert_eq!(old.merge(&mine).current(), fields(&[("d.x", "v2")]));
    }

    /// A random history: edits on three devices, with exchanges between them.
    fn replicas() -> impl Strategy<Value = Vec<DocumentState>> {
        let step = (
            0usize..3,
            0usize..4,
            prop_oneof![Just(None), "[a-c]".prop_map(Some)],
            0usize..3,
            any::<bool>(),
        );
        proptest::collection::vec(step, 1..30).prop_map(|steps| {
            let mut copies = vec![DocumentState::default(); 3];
            for (i, (device, path, value, partner, exchange)) in steps.into_iter().enumerate() {
                if exchange {
                    copies[device] = copies[device].merge(&copies[partner]);
                } else {
                    let mut now = copies[device].current();
                    let path = format!("doc.f{path}");
                    match value {
                        Some(value) => now.insert(path, json!(value)),
                        None => now.remove(&path),
                    };
                    let stamp = copies[device].latest_stamp().tick(i as i64 / 2);
                    copies[device].record_edit(&now, &format!("device-{device}"), stamp);
                }
            }
            copies
        })
    }

    proptest! {
        #[test]
        fn merging_is_idempotent_commutative_and_associative(copies in replicas()) {
            let (a, b, c) = (&copies[0], &copies[1], &copies[2]);
            prop_assert_eq!(a.merge(a), a.clone());
            prop_assert_eq!(a.merge(b), b.merge(a));
            prop_assert_eq!(a.merge(b).merge(c), a.merge(&b.merge(c)));
            prop_assert_eq!(a.merge(b).merge(b), a.merge(b));
        }

        #[test]
        fn every_copy_agrees_once_all_have_met(copies in replicas()) {
            let all = copies[0].merge(&copies[1]).merge(&copies[2]);
            for copy in &copies {
                prop_assert_eq!(copy.merge(&all).current(), all.current());
            }
        }
    }
}
