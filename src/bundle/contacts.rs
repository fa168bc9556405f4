//! Contacts: the people whose keys this person has confirmed, each known by their keys (a name
//! and job title are labels that may change, and two colleagues may share a name), with how the
//! fingerprint was checked and where their files are emailed.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::identity::PublicKeys;
use super::school_file::keys_text;
use crate::domain::people::EmailAddress;
pub use crate::domain::people::name_key;
use crate::domain::staff::{NotAsListed, StaffList, StaffMember};

/// How a person confirmed a contact's fingerprint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HowVerified {
    InPerson,
    ByPhone,
    /// Pinned on first use without comparing the fingerprint.
    NotCompared,
    /// Given by the school's staff list, whose publisher compared the fingerprint.
    StaffList,
}

impl HowVerified {
    pub fn label(self) -> &'static str {
        match self {
            HowVerified::InPerson => "Fingerprint compared in person",
            HowVerified::ByPhone => "Fingerprint compared by phone",
            HowVerified::NotCompared => "Fingerprint not compared yet",
            HowVerified::StaffList => "Confirmed by the school’s staff list",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// The name they send under now.
    pub name: String,
    #[serde(default)]
    pub job_title: String,
    pub keys: PublicKeys,
    pub verified: HowVerified,
    pub pinned_at_millis: i64,
    /// Where files for them are emailed, if the person has given it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<EmailAddress>,
    /// Names they sent under before, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_names: Vec<String>,
}

impl Contact {
    /// The contact's name with their job title, which tells two people of one name apart.
    pub fn described(&self) -> String {
        if self.job_title.trim().is_empty() {
            self.name.clone()
        } else {
            format!("{}, {}", self.name, self.job_title)
        }
    }
}

/// Confirmed contacts, by their key id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StoredContacts")]
pub struct Contacts {
    pub by_key: BTreeMap<String, Contact>,
}

/// Contacts as kept: by key id, or (as kept before people were known by their keys) by name,
/// which reads into the same map.
#[derive(Deserialize)]
struct StoredContacts {
    #[serde(default)]
    by_key: BTreeMap<String, Contact>,
    #[serde(default)]
    by_name: BTreeMap<String, Contact>,
}

impl From<StoredContacts> for Contacts {
    fn from(stored: StoredContacts) -> Contacts {
        let mut by_key = stored.by_key;
        for contact in stored.by_name.into_values() {
            by_key.entry(contact.keys.key_id()).or_insert(contact);
        }
        Contacts { by_key }
    }
}

/// What is known about a sender's keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trust {
    /// Keys confirmed earlier, as this contact's.
    Pinned(Contact),
    /// Never seen: the person must compare the fingerprint before the bundle is applied. Any
    /// contacts already known by the same name are someone else, or the same person with new
    /// keys (a new device): the comparison tells which.
    NewContact { namesakes: Vec<Contact> },
    /// Keys the school's staff list gives the sender, not yet among the contacts: confirmed by
    /// the headteacher who publishes the list.
    Listed(StaffMember),
    /// Sent by this person: their own file, opened again.
    Yours,
}

impl Trust {
    /// For someone new, anyone already known by their name (empty if nobody); `None` for keys
    /// already confirmed or this person's own.
    pub fn namesakes(&self) -> Option<&[Contact]> {
        match self {
            Trust::NewContact { namesakes } => Some(namesakes),
            _ => None,
        }
    }
}

impl Contacts {
    /// How far `keys` can be trusted; `name` is what the file calls its sender.
    pub fn trust(&self, name: &str, keys: &PublicKeys) -> Trust {
        match self.get(keys) {
            Some(contact) => Trust::Pinned(contact.clone()),
            None => Trust::NewContact {
                namesakes: self.named(name).into_iter().cloned().collect(),
            },
        }
    }

    /// The contact these keys belong to, if confirmed.
    pub fn get(&self, keys: &PublicKeys) -> Option<&Contact> {
        self.by_key
            .get(&keys.key_id())
            .filter(|contact| contact.keys == *keys)
    }

    /// Everyone confirmed under `name` (compared without case or extra spaces).
    pub fn named(&self, name: &str) -> Vec<&Contact> {
        let name = name_key(name);
        self.by_key
            .values()
            .filter(|contact| name_key(&contact.name) == name)
            .collect()
    }

    /// Keeps (or, with `None`, forgets) the email address for the contact with `key_id`; false
    /// when there is no such contact.
    pub fn set_email(&mut self, key_id: &str, email: Option<EmailAddress>) -> bool {
        match self.by_key.get_mut(key_id) {
            Some(contact) => {
                contact.email = email;
                true
            }
            None => false,
        }
    }

    /// Pins `keys` as the person who sends under `name` (and `job_title`, when known) after the
    /// fingerprint was compared. Confirming again keeps the email address; a new name is kept,
    /// with the old one among their earlier names.
    pub fn pin(
        &mut self,
        name: &str,
        job_title: Option<&str>,
        keys: PublicKeys,
        verified: HowVerified,
        now_millis: i64,
    ) {
        let name = name.trim().to_owned();
        match self.by_key.get_mut(&keys.key_id()) {
            Some(contact) if contact.keys == keys => {
                contact.verified = verified;
                contact.pinned_at_millis = now_millis;
                contact.rename(&name, job_title);
            }
            _ => {
                self.by_key.insert(
                    keys.key_id(),
                    Contact {
                        name,
                        job_title: job_title.unwrap_or_default().trim().to_owned(),
                        keys,
                        verified,
                        pinned_at_millis: now_millis,
                        email: None,
                        earlier_names: Vec::new(),
                    },
                );
            }
        }
    }

    /// Notes the name (and job title) a confirmed contact now sends under.
    pub fn note_name(&mut self, keys: &PublicKeys, name: &str, job_title: Option<&str>) {
        if let Some(contact) = self.by_key.get_mut(&keys.key_id())
            && contact.keys == *keys
        {
            contact.rename(name.trim(), job_title);
        }
    }
}

impl Contact {
    fn rename(&mut self, name: &str, job_title: Option<&str>) {
        if !name.is_empty() && name_key(name) != name_key(&self.name) {
            let earlier = std::mem::replace(&mut self.name, name.to_owned());
            self.earlier_names.push(earlier);
        }
        if let Some(title) = job_title.map(str::trim).filter(|title| !title.is_empty()) {
            self.job_title = title.to_owned();
        }
    }
}

/// Whom a person knows, for opening files: their contacts, and the school's staff list once the
/// settings bring one.
pub trait Directory {
    /// How far `keys` can be trusted; `name` is what the file calls its sender.
    fn trust(&self, name: &str, keys: &PublicKeys) -> Trust;

    /// Whether a review's file in the name `name`, signed with `keys` and made on `made_on`,
    /// may be from that person at all: refused when the staff list gives that name other keys.
    fn check_sender(
        &self,
        name: &str,
        keys: &PublicKeys,
        made_on: chrono::NaiveDate,
    ) -> Result<(), NotAsListed>;
}

impl Directory for Contacts {
    fn trust(&self, name: &str, keys: &PublicKeys) -> Trust {
        Contacts::trust(self, name, keys)
    }

    fn check_sender(
        &self,
        _: &str,
        _: &PublicKeys,
        _: chrono::NaiveDate,
    ) -> Result<(), NotAsListed> {
        Ok(())
    }
}

/// Contacts with the school's staff list: keys on the list are confirmed, and a listed name
/// signed by other keys is refused.
pub struct WithStaffList<'a> {
    pub contacts: &'a Contacts,
    pub staff: &'a StaffList,
}

impl Directory for WithStaffList<'_> {
    fn trust(&self, name: &str, keys: &PublicKeys) -> Trust {
        match (
            self.contacts.get(keys),
            self.staff.holder_of(&keys_text(keys)),
        ) {
            (Some(contact), _) => Trust::Pinned(contact.clone()),
            (None, Some((member, _))) => Trust::Listed(member.clone()),
            (None, None) => self.contacts.trust(name, keys),
        }
    }

    fn check_sender(
        &self,
        name: &str,
        keys: &PublicKeys,
        made_on: chrono::NaiveDate,
    ) -> Result<(), NotAsListed> {
        self.staff
            .check_sender(name, &keys_text(keys), made_on)
            .map(|_| ())
    }
}
