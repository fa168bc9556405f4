//! Contact cards: who a person is (name, job title, school, roles) with their public keys,
//! signed with those keys. A colleague who imports one and compares the fingerprint confirms
//! them before any review file has passed between them, which is how files reach the
//! headteacher and the CPD leader locked: neither has anything else to send first.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

use super::envelope::{self, CARD_TYPE};
use super::identity::{Identity, PublicKeys};
use crate::domain::people::Role;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactCard {
    pub name: String,
    pub job_title: String,
    pub school: String,
    pub roles: BTreeSet<Role>,
    /// The keys the card is signed with, which are the person.
    pub keys: PublicKeys,
    pub made_at_millis: i64,
}

impl ContactCard {
    /// The card as a file: signed, not encrypted (it holds nothing private, and its reader has
    /// no keys of the sender's yet).
    pub fn write(&self, identity: &Identity) -> String {
        envelope::signed_file(self, CARD_TYPE, identity)
    }

    /// A file name a colleague can find: `appraise-contact-card-pat-head.json`.
    pub fn file_name(&self) -> String {
        let who = super::in_file_name(&self.name);
        if who.is_empty() {
            "appraise-contact-card.json".to_owned()
        } else {
            format!("appraise-contact-card-{who}.json")
        }
    }
}
