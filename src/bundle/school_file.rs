//! School settings files: the school's policy, its calendar (terms and closures) and the contact
//! cards of the headteacher and the CPD leader, published by whoever runs appraisal as one signed
//! file that staff import once, so that everyone counts deadlines with the same calendar. Here
//! too: whether a received version may replace the one held, and what it would change, in words.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

use super::card::ContactCard;
use super::envelope::{self, SETTINGS_TYPE};
use super::identity::{Identity, PublicKeys};
use crate::domain::calendar::SchoolCalendar;
use crate::domain::policy::Policy;
use crate::domain::school::{KeysText, Publication, SchoolSettings};
use crate::domain::settings_changes::{calendar_changes, policy_changes};
use crate::domain::staff::{StaffList, staff_changes};
use crate::domain::term_dates::checked_terms;

/// What a school settings file carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolSettingsFile {
    pub school: String,
    /// 1 for the first published, one more for each after.
    pub version: u32,
    pub published_on: NaiveDate,
    /// Whoever published the settings; its keys are the ones the file is signed with.
    pub published_by: ContactCard,
    pub policy: Policy,
    pub calendar: SchoolCalendar,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headteacher: Option<ContactCard>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpd_leader: Option<ContactCard>,
    /// The staff list: whoever uses these settings takes the keys it gives as confirmed.
    #[serde(default, skip_serializing_if = "StaffList::is_empty")]
    pub staff: StaffList,
}

impl SchoolSettingsFile {
    /// The settings as a file: signed, not encrypted (it holds nothing private, and it goes to
    /// every member of staff, some of whom the publisher has no keys for).
    pub fn write(&self, identity: &Identity) -> String {
        envelope::signed_file(self, SETTINGS_TYPE, identity)
    }

    /// A file name staff can find: `appraise-school-settings-hill-primary-v3.json`.
    pub fn file_name(&self) -> String {
        let school = super::in_file_name(&self.school);
        if school.is_empty() {
            format!("appraise-school-settings-v{}.json", self.version)
        } else {
            format!("appraise-school-settings-{school}-v{}.json", self.version)
        }
    }

    /// The record kept of this version once it is used.
    pub fn publication(&self) -> Publication {
        Publication {
            school: self.school.clone(),
            version: self.version,
            published_on: self.published_on,
            publisher: self.published_by.name.clone(),
            publisher_keys: keys_text(&self.published_by.keys),
            headteacher: self.headteacher.as_ref().map(|card| card.name.clone()),
            headteacher_keys: self.headteacher.as_ref().map(|card| keys_text(&card.keys)),
            cpd_leader: self.cpd_leader.as_ref().map(|card| card.name.clone()),
        }
    }

    /// Everything that makes the settings impossible to use, each a sentence: a policy with
    /// figures that cannot be right, terms that overlap or end before they start, a staff list
    /// that contradicts itself, a closure that ends before it starts.
    pub fn problems(&self) -> Vec<String> {
        let mut problems: Vec<String> = self
            .policy
            .problems()
            .iter()
            .map(ToString::to_string)
            .collect();
        if let Err(terms) = checked_terms(self.calendar.terms.clone()) {
            problems.extend(terms.iter().map(ToString::to_string));
        }
        problems.extend(self.staff.problems());
        problems.extend(
            self.calendar
                .closures
                .iter()
                .filter(|closure| closure.last_day < closure.first_day)
                .map(|closure| {
                    format!(
                        "The closure “{}” ends before it starts.",
                        closure.name.trim()
                    )
                }),
        );
        problems
    }
}

/// Keys as the text a file carries them in, which is how the held settings remember them.
pub fn keys_text(keys: &PublicKeys) -> KeysText {
    KeysText {
        signing: URL_SAFE_NO_PAD.encode(keys.signing),
        encryption: URL_SAFE_NO_PAD.encode(keys.encryption),
    }
}

/// The keys the held settings remember as text, as keys again; `None` if the text is damaged.
pub fn keys_from_text(text: &KeysText) -> Option<PublicKeys> {
    let bytes =
        |text: &str| -> Option<[u8; 32]> { URL_SAFE_NO_PAD.decode(text).ok()?.try_into().ok() };
    Some(PublicKeys {
        signing: bytes(&text.signing)?,
        encryption: bytes(&text.encryption)?,
    })
}

/// Why a school settings file is not used; nothing held changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsRefused {
    /// Signed by someone other than whoever published the settings held.
    OtherPublisher {
        publisher: String,
        held_publisher: String,
    },
    /// An older version than the one held.
    Older { version: u32, held: u32 },
    /// The version held already.
    AlreadyHeld { version: u32 },
    /// Figures or dates that cannot be right, each a sentence.
    Impossible {
        publisher: String,
        problems: Vec<String>,
    },
}

impl fmt::Display for SettingsRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SettingsRefused::OtherPublisher {
                publisher,
                held_publisher,
            } => write!(
                f,
                "This school settings file says it is from {publisher}, but it is not signed with the keys of {held_publisher}, who published the school settings you use. Only {held_publisher} can publish new versions, so it was not used and nothing has changed. Check with {held_publisher} in person or by phone."
            ),
            SettingsRefused::Older { version, held } => write!(
                f,
                "This is version {version} of the school settings; you already have version {held}, which is newer. Keep using version {held}: nothing has changed."
            ),
            SettingsRefused::AlreadyHeld { version } => write!(
                f,
                "You already use version {version} of the school settings, so there is nothing to change."
            ),
            SettingsRefused::Impossible {
                publisher,
                problems,
            } => write!(
                f,
                "These school settings cannot be used, so nothing has changed. {} Ask {publisher} to correct this and publish the settings again.",
                problems.join(" ")
            ),
        }
    }
}

impl std::error::Error for SettingsRefused {}

/// Whether `incoming`, signed with `signer`'s keys, may replace the settings held (`held`, the
/// version in use, if any): the first from anyone (once the fingerprint is compared), later
/// ones only from the same keys, each newer than the last, with figures and dates that can be
/// right.
pub fn check(
    held: Option<&Publication>,
    incoming: &SchoolSettingsFile,
    signer: &PublicKeys,
) -> Result<(), SettingsRefused> {
    if let Some(held) = held {
        if held.publisher_keys != keys_text(signer) {
            return Err(SettingsRefused::OtherPublisher {
                publisher: incoming.published_by.name.clone(),
                held_publisher: held.publisher.clone(),
            });
        }
        if incoming.version < held.version {
            return Err(SettingsRefused::Older {
                version: incoming.version,
                held: held.version,
            });
        }
        if incoming.version == held.version {
            return Err(SettingsRefused::AlreadyHeld {
                version: held.version,
            });
        }
    }
    let problems = incoming.problems();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(SettingsRefused::Impossible {
            publisher: incoming.published_by.name.clone(),
            problems,
        })
    }
}

/// What using `incoming` instead of the settings held (from the version `published`, if any,
/// with the staff list `held_staff`) would change, a line each: the policy's figures, then the
/// terms and closures, then who the headteacher and the CPD leader are, then the staff list.
pub fn changes(
    held: &SchoolSettings,
    published: Option<&Publication>,
    held_staff: &StaffList,
    incoming: &SchoolSettingsFile,
) -> Vec<String> {
    let mut lines = match &held.policy {
        Some(policy) if *policy == incoming.policy => Vec::new(),
        policy => policy_changes(policy.as_ref(), &incoming.policy),
    };
    lines.extend(calendar_changes(&held.calendar, &incoming.calendar));
    let people = [
        (
            "Headteacher",
            published.and_then(|p| p.headteacher.as_deref()),
            incoming.headteacher.as_ref(),
        ),
        (
            "CPD leader",
            published.and_then(|p| p.cpd_leader.as_deref()),
            incoming.cpd_leader.as_ref(),
        ),
    ];
    for (role, before, after) in people {
        match (before, after.map(|card| card.name.as_str())) {
            (None, Some(name)) => lines.push(format!("{role}: {name} added")),
            (Some(name), None) => lines.push(format!("{role}: {name} removed")),
            (Some(before), Some(after)) if before != after => {
                lines.push(format!("{role}: {before} → {after}"))
            }
            _ => {}
        }
    }
    lines.extend(staff_changes(held_staff, &incoming.staff));
    lines
}
