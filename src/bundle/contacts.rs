//! Contacts: the keys a person has pinned for the people they exchange bundles with, and how
//! each was checked. A later bundle from a known name with a different key is refused.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::error::BundleError;
use super::identity::PublicKeys;

/// How a person confirmed a contact's fingerprint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HowVerified {
    InPerson,
    ByPhone,
    /// Pinned on first use without comparing the fingerprint.
    NotCompared,
}

impl HowVerified {
    pub fn label(self) -> &'static str {
        match self {
            HowVerified::InPerson => "Fingerprint compared in person",
            HowVerified::ByPhone => "Fingerprint compared by phone",
            HowVerified::NotCompared => "Fingerprint not compared yet",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    pub keys: PublicKeys,
    pub verified: HowVerified,
    pub pinned_at_millis: i64,
    /// Where files for them are emailed, if the person has given it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<EmailAddress>,
}

/// Pinned contacts, by the name they send under (compared without case or extra spaces).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contacts {
    pub by_name: BTreeMap<String, Contact>,
}

/// What is known about a sender's keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trust {
    /// Keys pinned earlier for this name.
    Pinned(Contact),
    /// Never seen: the person must compare the fingerprint before the bundle is applied.
    NewContact,
    /// Sent by this person: their own file, opened again.
    Yours,
}

use crate::domain::people::EmailAddress;
pub use crate::domain::people::name_key;

impl Contacts {
    /// How far `keys` can be trusted as `name`'s; refused when the name is pinned to other keys.
    pub fn trust(&self, name: &str, keys: &PublicKeys) -> Result<Trust, BundleError> {
        match self.by_name.get(&name_key(name)) {
            Some(contact) if contact.keys == *keys => Ok(Trust::Pinned(contact.clone())),
            Some(contact) => Err(BundleError::KeyChanged {
                name: contact.name.clone(),
            }),
            None => Ok(Trust::NewContact),
        }
    }

    /// The keys confirmed as `name`'s, if any.
    pub fn keys_of(&self, name: &str) -> Option<PublicKeys> {
        self.by_name
            .get(&name_key(name))
            .map(|contact| contact.keys)
    }

    /// Whether `keys` are confirmed as belonging to someone other than `name`.
    pub fn confirmed_for_someone_else(&self, keys: &PublicKeys, name: &str) -> bool {
        let name = name_key(name);
        self.by_name
            .iter()
            .any(|(pinned, contact)| contact.keys == *keys && *pinned != name)
    }

    /// The email address kept for `name`, if any.
    pub fn email_of(&self, name: &str) -> Option<&EmailAddress> {
        self.by_name
            .get(&name_key(name))
            .and_then(|contact| contact.email.as_ref())
    }

    /// Keeps (or, with `None`, forgets) the email address for the contact `name`; false when
    /// there is no such contact.
    pub fn set_email(&mut self, name: &str, email: Option<EmailAddress>) -> bool {
        match self.by_name.get_mut(&name_key(name)) {
            Some(contact) => {
                contact.email = email;
                true
            }
            None => false,
        }
    }

    /// Pins `keys` for `name` after the person confirmed the fingerprint.
    pub fn pin(&mut self, name: &str, keys: PublicKeys, verified: HowVerified, now_millis: i64) {
        // Confirming again (in person after by phone, say) keeps the email address.
        let email = self.email_of(name).cloned();
        self.by_name.insert(
            name_key(name),
            Contact {
                name: name.trim().to_owned(),
                keys,
                verified,
                pinned_at_millis: now_millis,
                email,
            },
        );
    }
}
