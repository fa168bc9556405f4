//! Documents as flat maps of stable field paths to JSON values, which is what the merge works on:
//! `statement.meeting_date`, `statement.new_objectives[obj-1].success_criteria`.
//!
//! - An object's fields become `parent.field`.
//! - A list whose items all carry a unique string `id` becomes one entry per item field,
//!   `parent[<id>].field`, plus the list's order as an array of ids at `parent` itself. Items are
//!   addressed by id, never by position, so two people editing different objectives never clash.
//! - Anything else (text, numbers, dates, `null`, lists of plain values, empty lists and objects)
//!   is a single entry.
//!
//! The conversion is lossless: `from_field_map(&to_field_map(&d)) == Ok(d)`.

use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;

use super::documents::{Document, RecordError};

/// Field path → value, ordered by path.
pub type FieldMap = BTreeMap<String, Value>;

/// Why a field map could not be turned back into a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldMapError {
    /// A path outside this document, or not written the way paths are written.
    BadPath(String),
    /// Two entries claim the same place, e.g. a value at `a` and a field at `a.b`.
    Clash(String),
    /// The fields do not make a valid document.
    Invalid(RecordError),
}

impl fmt::Display for FieldMapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldMapError::BadPath(path) => write!(
                f,
                "This file holds an answer that has no place in this form (“{path}”). Ask the sender to export it again."
            ),
            FieldMapError::Clash(path) => write!(
                f,
                "This file holds one answer twice, in different shapes (“{path}”). Ask the sender to export it again."
            ),
            FieldMapError::Invalid(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for FieldMapError {}

/// The document's fields as a flat map, every path starting with the document's kind.
pub fn to_field_map<D: Document>(document: &D) -> FieldMap {
    let mut map = FieldMap::new();
    let value = serde_json::to_value(document).expect("documents always serialise");
    flatten(D::KIND.to_owned(), value, &mut map);
    map
}

/// The document back from its flat map.
pub fn from_field_map<D: Document>(map: &FieldMap) -> Result<D, FieldMapError> {
    let value = unflatten(map, D::KIND)?;
    super::documents::fields_as::<D>(value).map_err(FieldMapError::Invalid)
}

/// The fields of the document of `kind` as one JSON object, from its flat map. Kept apart from
/// the generic part above so that each kind of document adds only its own reading.
fn unflatten(map: &FieldMap, kind: &str) -> Result<Value, FieldMapError> {
    let mut root = Node::Object(BTreeMap::new());
    for (path, value) in map {
        let segments = parse_path(path).ok_or_else(|| FieldMapError::BadPath(path.clone()))?;
        let Some((Segment::Field(first), rest)) = segments.split_first() else {
            return Err(FieldMapError::BadPath(path.clone()));
        };
        if first != kind || rest.is_empty() {
            return Err(FieldMapError::BadPath(path.clone()));
        }
        root.insert(rest, value.clone())
            .map_err(|()| FieldMapError::Clash(path.clone()))?;
    }
    Ok(root.into_value())
}

fn flatten(path: String, value: Value, map: &mut FieldMap) {
    match value {
        Value::Object(fields) if !fields.is_empty() => {
            for (name, field) in fields {
                flatten(format!("{path}.{name}"), field, map);
            }
        }
        Value::Array(items) if is_id_list(&items) => {
            let order = items
                .iter()
                .map(|item| item["id"].clone())
                .collect::<Vec<_>>();
            for item in items {
                let id = item["id"]
                    .as_str()
                    .expect("checked by is_id_list")
                    .to_owned();
                flatten(format!("{path}[{id}]"), item, map);
            }
            map.insert(path, Value::Array(order));
        }
        other => {
            map.insert(path, other);
        }
    }
}

fn is_id_list(items: &[Value]) -> bool {
    let ids: Vec<&str> = items
        .iter()
        .filter_map(|item| item.get("id")?.as_str())
        .filter(|id| is_path_safe(id))
        .collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    !items.is_empty() && ids.len() == items.len() && unique.len() == ids.len()
}

fn is_path_safe(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[derive(Debug, PartialEq, Eq)]
enum Segment {
    Field(String),
    Item(String),
}

/// `a.b[id].c` → `[Field(a), Field(b), Item(id), Field(c)]`.
fn parse_path(path: &str) -> Option<Vec<Segment>> {
    let mut segments = Vec::new();
    for part in path.split('.') {
        let (name, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
        if !is_path_safe(name) {
            return None;
        }
        segments.push(Segment::Field(name.to_owned()));
        while !rest.is_empty() {
            let close = rest.find(']')?;
            let id = rest.get(1..close)?;
            if !rest.starts_with('[') || !is_path_safe(id) {
                return None;
            }
            segments.push(Segment::Item(id.to_owned()));
            rest = &rest[close + 1..];
        }
    }
    Some(segments)
}

/// The document being rebuilt: plain values, objects, and id-addressed lists.
enum Node {
    Value(Value),
    Object(BTreeMap<String, Node>),
    List {
        order: Option<Vec<String>>,
        items: BTreeMap<String, Node>,
    },
}

impl Node {
    fn insert(&mut self, path: &[Segment], value: Value) -> Result<(), ()> {
        let Some((first, rest)) = path.split_first() else {
            return Err(());
        };
        let Segment::Field(name) = first else {
            return Err(());
        };
        let Node::Object(fields) = self else {
            return Err(());
        };
        match rest.first() {
            None => match fields.get_mut(name) {
                None => {
                    let node = match list_order(&value) {
                        Some(order) => Node::List {
                            order: Some(order),
                            items: BTreeMap::new(),
                        },
                        None => Node::Value(value),
                    };
                    fields.insert(name.clone(), node);
                    Ok(())
                }
                Some(Node::List {
                    order: order @ None,
                    ..
                }) => {
                    *order = Some(list_order(&value).ok_or(())?);
                    Ok(())
                }
                Some(_) => Err(()),
            },
            Some(Segment::Field(_)) => fields
                .entry(name.clone())
                .or_insert_with(|| Node::Object(BTreeMap::new()))
                .insert(rest, value),
            Some(Segment::Item(id)) => {
                let node = fields.entry(name.clone()).or_insert_with(|| Node::List {
                    order: None,
                    items: BTreeMap::new(),
                });
                // A list emptied on one device while another still holds items: the items are
                // kept (after the empty order), never the whole document lost.
                if matches!(node, Node::Value(Value::Array(order)) if order.is_empty()) {
                    *node = Node::List {
                        order: Some(Vec::new()),
                        items: BTreeMap::new(),
                    };
                }
                let Node::List { items, .. } = node else {
                    return Err(());
                };
                let item = items
                    .entry(id.clone())
                    .or_insert_with(|| Node::Object(BTreeMap::new()));
                if rest.len() == 1 {
                    return Err(());
                }
                item.insert(&rest[1..], value)
            }
        }
    }

    fn into_value(self) -> Value {
        match self {
            Node::Value(value) => value,
            Node::Object(fields) => Value::Object(
                fields
                    .into_iter()
                    .map(|(name, node)| (name, node.into_value()))
                    .collect::<Map<_, _>>(),
            ),
            // A list of plain ids with no items addressed under it was a plain list all along.
            Node::List {
                order: Some(order),
                items,
            } if items.is_empty() => Value::Array(order.into_iter().map(Value::from).collect()),
            Node::List { order, mut items } => {
                // Items named in the order come first, in that order; any others (an order lost in
                // a merge) follow by id, so no item is ever dropped.
                let mut values = Vec::with_capacity(items.len());
                for id in order.unwrap_or_default() {
                    if let Some(item) = items.remove(&id) {
                        values.push(item.into_value());
                    }
                }
                values.extend(items.into_values().map(Node::into_value));
                Value::Array(values)
            }
        }
    }
}

/// An array of path-safe strings may be a list's order; any other value is a plain value.
fn list_order(value: &Value) -> Option<Vec<String>> {
    let items = value.as_array()?;
    if items.is_empty() {
        return None;
    }
    items
        .iter()
        .map(|id| id.as_str().filter(|id| is_path_safe(id)).map(str::to_owned))
        .collect()
}

/// The fields of the item `id` in the list at `list_path` of `map`, with paths relative to the
/// item (`.objective`), which is how a new list item is added to a draft.
pub fn item_fields(map: &FieldMap, list_path: &str, id: &str) -> FieldMap {
    let prefix = format!("{list_path}[{id}]");
    map.iter()
        .filter_map(|(path, value)| {
            path.strip_prefix(&prefix)
                .map(|relative| (relative.to_owned(), value.clone()))
        })
        .collect()
}

/// Changed field paths as a short list for people: item ids and list bookkeeping left out, and
/// the same field of several list items counted once ("… New objective – What will be done to achieve it? (3)").
pub fn summarise_paths<'a>(paths: impl IntoIterator<Item = &'a String>) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for path in paths {
        if path.ends_with(".id") {
            continue;
        }
        let description = super::documents::field_label(path);
        match counts.iter_mut().find(|(d, _)| *d == description) {
            Some((_, count)) => *count += 1,
            None => counts.push((description, 1)),
        }
    }
    counts
        .into_iter()
        .map(|(description, count)| {
            if count == 1 {
                description
            } else {
                format!("{description} ({count})")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::summarise_paths;

    #[test]
    fn changes_are_summarised_once_per_field() {
        let paths: Vec<String> = [
            "statement.assessment",
            "statement.new_objectives",
            "statement.new_objectives[a].id",
            "statement.new_objectives[a].actions",
            "statement.new_objectives[b].actions",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            summarise_paths(&paths),
            [
                "Planning and review statement: Assessment against the job role",
                "Planning and review statement: New objectives",
                "Planning and review statement: New objective – What will be done to achieve it? (2)"
            ]
        );
    }

    #[test]
    fn items_outside_an_emptied_list_are_kept_not_the_document_lost() {
        use crate::domain::documents::PreReviewForm;
        let mut map = super::to_field_map(&PreReviewForm::blank(
            crate::domain::documents::PreReviewAuthor::Reviewee,
            "Sam",
            "TA",
        ));
        map.insert("pre_review.evidence".into(), serde_json::json!([]));
        map.insert(
            "pre_review.evidence[ev-1].id".into(),
            serde_json::json!("ev-1"),
        );
        map.insert(
            "pre_review.evidence[ev-1].description".into(),
            serde_json::json!("Tracking sheets"),
        );
        let form: PreReviewForm = super::from_field_map(&map).unwrap();
        assert_eq!(form.evidence.len(), 1);
        assert_eq!(form.evidence[0].description, "Tracking sheets");
    }
}
