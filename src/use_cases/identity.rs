//! Who this person is and whom they know: their identity (key seed, name, how they describe
//! themselves), the school's settings they keep, and their contacts.

use chrono::{DateTime, Utc};

use super::{RecordsError, read_as, write_as};
use crate::storage::{KeyValueStore, Vault};
use serde::{Deserialize, Serialize};

pub use crate::bundle::contacts::{Contact, Contacts, HowVerified, Trust};
pub use crate::bundle::identity::PublicKeys;
use crate::bundle::identity::{Identity, KeySeed};
use crate::domain::calendar::SchoolCalendar;
use crate::domain::people::{Person, Role};
use crate::domain::school::{Profile, SchoolSettings};

pub(super) const IDENTITY: &str = "identity";

pub(super) const CONTACTS: &str = "contacts";

pub(super) const SCHOOL: &str = "school";

/// Who this browser profile is: the seed their keys come from, the name they send under, and
/// how they describe themselves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredIdentity {
    pub seed: KeySeed,
    pub name: String,
    #[serde(default)]
    pub job_title: String,
    #[serde(default)]
    pub school: String,
    #[serde(default)]
    pub roles: std::collections::BTreeSet<Role>,
    #[serde(default)]
    pub senior_leader: bool,
    /// The public keys the seed gives, kept so that working out this person's part in each of
    /// hundreds of reviews does not derive them again each time (identities kept before this
    /// derive them when read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    keys: Option<PublicKeys>,
}

impl StoredIdentity {
    /// A new identity from its key seed, not yet described.
    pub fn new(seed: KeySeed) -> StoredIdentity {
        StoredIdentity {
            keys: Some(Identity::from_seed(&seed).public_keys()),
            seed,
            name: String::new(),
            job_title: String::new(),
            school: String::new(),
            roles: Default::default(),
            senior_leader: false,
        }
    }

    /// This person's public keys.
    pub fn public_keys(&self) -> PublicKeys {
        self.keys
            .unwrap_or_else(|| Identity::from_seed(&self.seed).public_keys())
    }

    pub fn profile(&self) -> Profile {
        Profile {
            name: self.name.clone(),
            job_title: self.job_title.clone(),
            school: self.school.clone(),
            roles: self.roles.clone(),
            senior_leader: self.senior_leader,
        }
    }

    pub fn set_profile(&mut self, profile: Profile) {
        self.name = profile.name.trim().to_owned();
        self.job_title = profile.job_title.trim().to_owned();
        self.school = profile.school.trim().to_owned();
        self.roles = profile.roles;
        self.senior_leader = profile.senior_leader;
    }

    /// This person as the domain knows them: their staff id is their key id, the same on every
    /// file they send.
    pub fn as_person(&self) -> Person {
        let keys = self.public_keys();
        Person {
            staff_id: crate::domain::ids::Id::new(keys.key_id()).expect("a key id is a valid id"),
            display_name: self.name.clone(),
            job_title: self.job_title.clone(),
            roles: self.roles.clone(),
            senior_leader: self.senior_leader,
        }
    }
}

pub fn identity<S: KeyValueStore>(
    vault: &Vault<S>,
) -> Result<Option<StoredIdentity>, RecordsError> {
    Ok(read_as(vault, IDENTITY)?.map(|(identity, _)| identity))
}

/// Whether an identity is held here, without reading it.
pub fn is_held<S: KeyValueStore>(vault: &Vault<S>) -> bool {
    vault.list().any(|(key, _)| key == IDENTITY)
}

pub fn save_identity<S: KeyValueStore>(
    vault: &mut Vault<S>,
    identity: &StoredIdentity,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    write_as(vault, IDENTITY, "identity", identity, now)
}

/// The school's policy and closures as this person keeps them.
pub fn school_settings<S: KeyValueStore>(vault: &Vault<S>) -> Result<SchoolSettings, RecordsError> {
    Ok(read_as(vault, SCHOOL)?
        .map(|(settings, _)| settings)
        .unwrap_or_default())
}

pub fn save_school_settings<S: KeyValueStore>(
    vault: &mut Vault<S>,
    settings: &SchoolSettings,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    write_as(vault, SCHOOL, "school", settings, now)
}

/// The school's working calendar (weekends and its closures), for every deadline.
/// Changes the school's settings kept here with `change`, and keeps them.
pub fn change_school_settings<S: KeyValueStore>(
    vault: &mut Vault<S>,
    change: impl FnOnce(&mut SchoolSettings),
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    let mut settings = school_settings(vault)?;
    change(&mut settings);
    save_school_settings(vault, &settings, now)
}

/// The school this person gave in their details; `None` when not given.
pub fn my_school<S: KeyValueStore>(vault: &Vault<S>) -> Option<String> {
    identity(vault)
        .ok()
        .flatten()
        .map(|me| me.school.trim().to_owned())
        .filter(|school| !school.is_empty())
}

pub fn school_calendar<S: KeyValueStore>(vault: &Vault<S>) -> SchoolCalendar {
    school_settings(vault)
        .map(|settings| settings.calendar)
        .unwrap_or_default()
}

pub fn contacts<S: KeyValueStore>(vault: &Vault<S>) -> Result<Contacts, RecordsError> {
    Ok(read_as(vault, CONTACTS)?
        .map(|(contacts, _)| contacts)
        .unwrap_or_default())
}

pub fn save_contacts<S: KeyValueStore>(
    vault: &mut Vault<S>,
    contacts: &Contacts,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    write_as(vault, CONTACTS, "contacts", contacts, now)
}

/// Keeps (or forgets) the email address files for the contact with `key_id` are sent to.
pub fn set_contact_email<S: KeyValueStore>(
    vault: &mut Vault<S>,
    key_id: &str,
    email: Option<crate::domain::people::EmailAddress>,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    let mut all = contacts(vault)?;
    if all.set_email(key_id, email) {
        save_contacts(vault, &all, now)?;
    }
    Ok(())
}

/// This person's contact card, to send to colleagues; `None` until they have an identity.
pub fn my_card<S: KeyValueStore>(
    vault: &Vault<S>,
    now: DateTime<Utc>,
) -> Result<Option<crate::bundle::card::ContactCard>, RecordsError> {
    Ok(identity(vault)?.map(|me| crate::bundle::card::ContactCard {
        keys: me.public_keys(),
        name: me.name,
        job_title: me.job_title,
        school: me.school,
        roles: me.roles,
        made_at_millis: now.timestamp_millis(),
    }))
}

/// Adds a colleague's contact card to the contacts after the person compared the fingerprint
/// (`how`); a card from someone already confirmed updates their name and job title.
pub fn add_card<S: KeyValueStore>(
    vault: &mut Vault<S>,
    card: &crate::bundle::open::Verified<crate::bundle::card::ContactCard>,
    how: crate::bundle::contacts::HowVerified,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    let given = card.payload();
    let mut all = contacts(vault)?;
    all.pin(
        &given.name,
        Some(&given.job_title),
        *card.signer(),
        how,
        now.timestamp_millis(),
    );
    save_contacts(vault, &all, now)
}

/// Everyone in the contacts called `name` (compared without case or extra spaces).
pub fn contacts_named<S: KeyValueStore>(
    vault: &Vault<S>,
    name: &str,
) -> Result<Vec<crate::bundle::contacts::Contact>, RecordsError> {
    Ok(contacts(vault)?.named(name).into_iter().cloned().collect())
}

/// The contact a file for `name` goes to, whose keys it can be locked to: the only contact of
/// that name, or among several the one `chosen` (by key id); `None` when nobody of that name is
/// a contact. With several and no choice, the person is asked which: neither is assumed.
pub fn contact_for<S: KeyValueStore>(
    vault: &Vault<S>,
    name: &str,
    chosen: Option<&str>,
) -> Result<Option<crate::bundle::contacts::Contact>, RecordsError> {
    let mut named = contacts_named(vault, name)?;
    match (named.len(), chosen) {
        (0 | 1, _) => Ok(named.pop()),
        (_, Some(key_id)) => Ok(named
            .into_iter()
            .find(|contact| contact.keys.key_id() == key_id)),
        (_, None) => Err(RecordsError::WhichContact {
            name: name.trim().to_owned(),
        }),
    }
}

/// Every contact, by name (compared without case or extra spaces), so two people of one name
/// sit together, told apart by job title and fingerprint.
pub fn sorted_contacts(contacts: Contacts) -> Vec<Contact> {
    let mut all: Vec<Contact> = contacts.by_key.into_values().collect();
    all.sort_by_key(|contact| crate::bundle::contacts::name_key(&contact.name));
    all
}
