//! Stable identifiers for people, reviews and list items (objectives, needs, observations).
//!
//! Ids are made by the caller (the app draws them from randomness, tests write them by hand) and
//! are limited to letters, digits, `-` and `_`, so they can stand inside a field path such as
//! `statement.new_objectives[obj-1].success_criteria`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An identifier: 1–64 characters of ASCII letters, digits, `-` or `_`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Id(String);

/// Why some text cannot be an [`Id`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidId(pub String);

impl fmt::Display for InvalidId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "“{}” cannot be used as an identifier: use 1 to 64 letters, digits, hyphens or underscores.",
            self.0
        )
    }
}

impl std::error::Error for InvalidId {}

impl Id {
    pub fn new(text: impl Into<String>) -> Result<Id, InvalidId> {
        let text = text.into();
        let valid = !text.is_empty()
            && text.len() <= 64
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if valid {
            Ok(Id(text))
        } else {
            Err(InvalidId(text))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Id {
    type Error = InvalidId;
    fn try_from(text: String) -> Result<Id, InvalidId> {
        Id::new(text)
    }
}

impl From<Id> for String {
    fn from(id: Id) -> String {
        id.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_path_safe_text_only() {
        for good in ["obj-1", "A_b-9", "x"] {
            assert!(Id::new(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "has space",
            "dot.ted",
            "br[a]cket",
            "é",
            &"x".repeat(65),
        ] {
            assert_eq!(Id::new(bad), Err(InvalidId(bad.to_string())), "{bad}");
        }
    }

    #[test]
    fn an_invalid_id_in_json_is_refused() {
        assert!(serde_json::from_str::<Id>("\"obj 1\"").is_err());
        assert_eq!(
            serde_json::from_str::<Id>("\"obj-1\"").unwrap(),
            Id::new("obj-1").unwrap()
        );
    }
}
