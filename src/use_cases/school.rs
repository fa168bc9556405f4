//! The school's settings as one signed file: publishing them (whoever runs appraisal; a new
//! version each time, kept here as the version in use), what a received version would change,
//! using it (its policy and calendar replace those held, and the headteacher and the CPD leader
//! join the contacts), and which version is held.

use chrono::{DateTime, Utc};
use std::collections::BTreeSet;
use std::fmt;

use super::identity::{
    contacts, identity, my_card, save_contacts, save_school_settings, school_settings,
};
use super::{RecordsError, read_as, write_as};
use crate::bundle::card::ContactCard;
use crate::bundle::contacts::HowVerified;
use crate::bundle::identity::Identity;
use crate::bundle::open::Verified;
use crate::bundle::school_file::{SchoolSettingsFile, SettingsRefused, changes, check, keys_text};
use crate::domain::people::Role;
use crate::domain::school::Publication;
use crate::storage::{KeyValueStore, Vault};

/// Which published version the school's policy and calendar held here came from. Kept beside
/// the settings rather than in them, so settings kept before publishing existed read unchanged.
const HELD_VERSION: &str = "school-settings-version";

/// The version of the school's settings in use here, and who published it; `None` when the
/// policy and calendar were set on this device alone.
pub fn held_version<S: KeyValueStore>(
    vault: &Vault<S>,
) -> Result<Option<Publication>, RecordsError> {
    Ok(read_as(vault, HELD_VERSION)?.map(|(held, _)| held))
}

fn save_held_version<S: KeyValueStore>(
    vault: &mut Vault<S>,
    publication: &Publication,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    write_as(
        vault,
        HELD_VERSION,
        "school_settings_version",
        publication,
        now,
    )
}

/// What a person is told when a file was made under a newer version of the school's settings
/// than the one they use (`held`), or `None` when theirs is as new.
pub fn newer_settings_notice(
    held: Option<&Publication>,
    made_under: Option<u32>,
) -> Option<String> {
    let made_under = made_under?;
    match held {
        Some(held) if held.version >= made_under => None,
        Some(held) => Some(format!(
            "This file was made under version {made_under} of the school settings; you have version {}: ask {} for the latest.",
            held.version, held.publisher
        )),
        None => Some(format!(
            "This file was made under version {made_under} of the school settings; you have none yet: ask your headteacher for the school settings file."
        )),
    }
}

/// Why the settings cannot be published yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublishProblem {
    NoName,
    NoSchool,
    NoPolicy,
    /// Figures or dates that cannot be right, each a sentence.
    Impossible(Vec<String>),
    Records(RecordsError),
}

impl fmt::Display for PublishProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PublishProblem::NoName => write!(
                f,
                "Enter your name under Your details first, so staff know who published the settings."
            ),
            PublishProblem::NoSchool => write!(
                f,
                "Enter your school’s name under Your details first: the settings file names it."
            ),
            PublishProblem::NoPolicy => write!(
                f,
                "Choose your school’s policy under Your details first: the settings file carries it."
            ),
            PublishProblem::Impossible(problems) => write!(
                f,
                "The settings cannot be published as they are. {} Correct this above, then publish again.",
                problems.join(" ")
            ),
            PublishProblem::Records(error) => error.fmt(f),
        }
    }
}

impl From<RecordsError> for PublishProblem {
    fn from(error: RecordsError) -> Self {
        PublishProblem::Records(error)
    }
}

/// A published version, ready to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub version: u32,
    pub file_name: String,
    pub contents: String,
}

/// Publishes the school's settings as held here (the policy, the terms and closures) as the next
/// version, signed by this person, naming them as headteacher if that is one of their roles and
/// the CPD leader (the contact with key id `cpd_leader`, or this person if that is their role);
/// the new version becomes the one in use here.
pub fn publish<S: KeyValueStore>(
    vault: &mut Vault<S>,
    keys: &Identity,
    cpd_leader: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Published, PublishProblem> {
    let me = identity(vault)?.ok_or(PublishProblem::NoName)?;
    let my_card = my_card(vault, now)?.ok_or(PublishProblem::NoName)?;
    if me.name.trim().is_empty() {
        return Err(PublishProblem::NoName);
    }
    if me.school.trim().is_empty() {
        return Err(PublishProblem::NoSchool);
    }
    let settings = school_settings(vault)?;
    let policy = settings.policy.clone().ok_or(PublishProblem::NoPolicy)?;
    let cpd_leader = match cpd_leader {
        Some(key_id) => {
            let contact = contacts(vault)?
                .by_key
                .remove(key_id)
                .ok_or(RecordsError::NoSuchContact)?;
            Some(ContactCard {
                name: contact.name,
                job_title: contact.job_title,
                school: me.school.clone(),
                roles: BTreeSet::from([Role::CpdLeader]),
                keys: contact.keys,
                made_at_millis: now.timestamp_millis(),
            })
        }
        None => me.roles.contains(&Role::CpdLeader).then(|| my_card.clone()),
    };
    let file = SchoolSettingsFile {
        school: me.school.clone(),
        version: held_version(vault)?.map_or(1, |held| held.version + 1),
        published_on: now.date_naive(),
        headteacher: me
            .roles
            .contains(&Role::Headteacher)
            .then(|| my_card.clone()),
        published_by: my_card,
        policy,
        calendar: settings.calendar.clone(),
        cpd_leader,
        staff: super::staff::staff_list(vault)?,
    };
    let problems = file.problems();
    if !problems.is_empty() {
        return Err(PublishProblem::Impossible(problems));
    }
    let contents = file.write(keys);
    save_held_version(vault, &file.publication(), now)?;
    Ok(Published {
        version: file.version,
        file_name: file.file_name(),
        contents,
    })
}

/// Why a received school settings file was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsImportError {
    Refused(SettingsRefused),
    Records(RecordsError),
}

impl fmt::Display for SettingsImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SettingsImportError::Refused(refused) => refused.fmt(f),
            SettingsImportError::Records(error) => error.fmt(f),
        }
    }
}

impl From<RecordsError> for SettingsImportError {
    fn from(error: RecordsError) -> Self {
        SettingsImportError::Records(error)
    }
}

impl From<SettingsRefused> for SettingsImportError {
    fn from(refused: SettingsRefused) -> Self {
        SettingsImportError::Refused(refused)
    }
}

/// What using the received settings would change here, a line each, or why they cannot be used.
pub fn preview_settings<S: KeyValueStore>(
    vault: &Vault<S>,
    file: &Verified<SchoolSettingsFile>,
) -> Result<Vec<String>, SettingsImportError> {
    let published = held_version(vault)?;
    check(published.as_ref(), file.payload(), file.signer())?;
    Ok(changes(
        &school_settings(vault)?,
        published.as_ref(),
        &super::staff::staff_list(vault)?,
        file.payload(),
    ))
}

/// Uses the received settings: checked again, then the publisher is confirmed as a contact
/// (`how` they compared the fingerprint, for someone new), the headteacher and the CPD leader
/// the settings name join the contacts if they are not there yet (confirmed by the staff list
/// when it holds them; otherwise vouched for by the publisher, their own fingerprints not yet
/// compared), and the policy, calendar and staff list replace those held.
pub fn use_settings<S: KeyValueStore>(
    vault: &mut Vault<S>,
    file: &Verified<SchoolSettingsFile>,
    how: Option<HowVerified>,
    now: DateTime<Utc>,
) -> Result<(), SettingsImportError> {
    vault.batch(|vault| {
        let given = file.payload();
        check(held_version(vault)?.as_ref(), given, file.signer())?;
        let mine = identity(vault)?.map(|me| me.public_keys());
        let mut known = contacts(vault)?;
        let before = known.clone();
        let millis = now.timestamp_millis();
        if let Some(how) = how {
            let publisher = &given.published_by;
            known.pin(
                &publisher.name,
                Some(&publisher.job_title),
                *file.signer(),
                how,
                millis,
            );
        }
        for card in [&given.headteacher, &given.cpd_leader]
            .into_iter()
            .flatten()
        {
            if known.get(&card.keys).is_none() && Some(card.keys) != mine {
                let listed = given.staff.holder_of(&keys_text(&card.keys)).is_some();
                known.pin(
                    &card.name,
                    Some(&card.job_title),
                    card.keys,
                    if listed {
                        HowVerified::StaffList
                    } else {
                        HowVerified::NotCompared
                    },
                    millis,
                );
            }
        }
        if super::staff::staff_list(vault)? != given.staff {
            super::staff::save_staff_list(vault, &given.staff, now)?;
        }
        if known != before {
            save_contacts(vault, &known, now)?;
        }
        let mut held = school_settings(vault)?;
        held.policy = Some(given.policy.clone());
        held.calendar = given.calendar.clone();
        save_school_settings(vault, &held, now)?;
        // The version is noted last: cut short before it, the same file can be used again.
        save_held_version(vault, &given.publication(), now)?;
        Ok(())
    })
}

/// Whom a new member of staff sends their contact card to, so the headteacher can put them on
/// the staff list: the headteacher the school's settings name (with their email address, when
/// their card gave one); `None` without settings, or for the headteacher themselves.
pub fn card_goes_to<S: KeyValueStore>(
    vault: &Vault<S>,
) -> Result<Option<(String, Option<String>)>, RecordsError> {
    let mine = identity(vault)?.map(|me| me.public_keys());
    let Some((name, keys)) = super::leadership::the_headteacher(vault)? else {
        return Ok(None);
    };
    if Some(keys) == mine {
        return Ok(None);
    }
    let email = contacts(vault)?.get(&keys).and_then(|contact| {
        contact
            .email
            .as_ref()
            .map(|email| email.as_str().to_owned())
    });
    Ok(Some((name, email)))
}

/// The headteacher's and the CPD leader's names as the school's settings give them, to address
/// files to them without typing; `None` for either the settings do not name.
pub fn named_in_settings<S: KeyValueStore>(
    vault: &Vault<S>,
) -> Result<(Option<String>, Option<String>), RecordsError> {
    Ok(held_version(vault)?
        .map(|held| (held.headteacher, held.cpd_leader))
        .unwrap_or_default())
}
