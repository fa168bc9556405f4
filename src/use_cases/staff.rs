//! The school's staff list as this person holds it: the headteacher (whoever publishes the school
//! settings) builds it from colleagues' contact cards, gives each member their roles, staff group
//! and reviewer, replaces keys and marks leavers; everyone else receives it with the settings.
//! Also: whom the list gives this person to review.

use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeSet;
use std::fmt;

use super::identity::{Contact, contacts, identity, school_settings};
use super::school::held_version;
use super::{RecordsError, read_as, write_as};
use crate::bundle::identity::PublicKeys;
use crate::bundle::school_file::keys_text;
use crate::domain::dates::{DateError, parse_optional_uk_date};
use crate::domain::desk::DeskRow;
use crate::domain::people::{Role, name_key};
use crate::domain::period::CyclePeriod;
use crate::domain::staff::{NewMember, StaffList, StaffMember, StaffProblem};
use crate::storage::{KeyValueStore, Vault};

const STAFF_LIST: &str = "staff-list";

/// The staff list held here: the one this person keeps, or the one the school's settings
/// brought; empty when there is none.
pub fn staff_list<S: KeyValueStore>(vault: &Vault<S>) -> Result<StaffList, RecordsError> {
    Ok(read_as(vault, STAFF_LIST)?
        .map(|(list, _)| list)
        .unwrap_or_default())
}

pub(super) fn save_staff_list<S: KeyValueStore>(
    vault: &mut Vault<S>,
    list: &StaffList,
    now: DateTime<Utc>,
) -> Result<(), RecordsError> {
    write_as(vault, STAFF_LIST, "staff_list", list, now)
}

/// Why the staff list was not changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffListError {
    Problem(StaffProblem),
    /// The list came with someone else's settings: only they change it.
    NotYours {
        publisher: String,
    },
    Date(DateError),
    Records(RecordsError),
}

impl fmt::Display for StaffListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StaffListError::Problem(problem) => problem.fmt(f),
            StaffListError::NotYours { publisher } => write!(
                f,
                "The staff list came with the school settings {publisher} publishes, so only {publisher} can change it. Ask them."
            ),
            StaffListError::Date(error) => error.fmt(f),
            StaffListError::Records(error) => error.fmt(f),
        }
    }
}

impl From<RecordsError> for StaffListError {
    fn from(error: RecordsError) -> Self {
        StaffListError::Records(error)
    }
}

impl From<StaffProblem> for StaffListError {
    fn from(problem: StaffProblem) -> Self {
        StaffListError::Problem(problem)
    }
}

/// Changes the list held here with `change`, if this person keeps it (they publish the school
/// settings, or none from anyone else are held); nothing is saved when the change is refused.
fn change<S: KeyValueStore>(
    vault: &mut Vault<S>,
    now: DateTime<Utc>,
    change: impl FnOnce(&mut StaffList) -> Result<(), StaffProblem>,
) -> Result<(), StaffListError> {
    if let Some(publisher) = kept_by_someone_else(vault)? {
        return Err(StaffListError::NotYours { publisher });
    }
    let mut list = staff_list(vault)?;
    change(&mut list)?;
    save_staff_list(vault, &list, now)?;
    Ok(())
}

/// Who keeps the staff list held here, when it is not this person: the publisher of the school
/// settings in use, who alone changes it. `None` when this person publishes them, or none from
/// anyone else are held.
pub(super) fn kept_by_someone_else<S: KeyValueStore>(
    vault: &Vault<S>,
) -> Result<Option<String>, RecordsError> {
    let Some(held) = held_version(vault)? else {
        return Ok(None);
    };
    let mine = identity(vault)?.map(|me| keys_text(&me.public_keys()));
    Ok((mine.as_ref() != Some(&held.publisher_keys)).then_some(held.publisher))
}

/// Adds the contact with `key_id` (or, with `None`, this person) to the staff list, with the
/// roles their card or profile gave and no reviewer yet.
pub fn add_member<S: KeyValueStore>(
    vault: &mut Vault<S>,
    key_id: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), StaffListError> {
    let new = match key_id {
        Some(key_id) => {
            let contact = contacts(vault)?
                .by_key
                .remove(key_id)
                .ok_or(RecordsError::NoSuchContact)?;
            NewMember {
                staff_id: contact.keys.key_id(),
                name: contact.name,
                job_title: contact.job_title,
                roles: BTreeSet::new(),
                keys: keys_text(&contact.keys),
            }
        }
        None => {
            let me = identity(vault)?.ok_or(RecordsError::NotOpen)?;
            let keys = me.public_keys();
            NewMember {
                staff_id: keys.key_id(),
                name: me.name,
                job_title: me.job_title,
                roles: me.roles,
                keys: keys_text(&keys),
            }
        }
    };
    change(vault, now, |list| list.add(new, now.date_naive()))
}

/// The member `staff_id` uses the keys of the contact `key_id` from today: their old keys'
/// files made before today still stand, later ones are refused.
pub fn replace_keys<S: KeyValueStore>(
    vault: &mut Vault<S>,
    staff_id: &str,
    key_id: &str,
    now: DateTime<Utc>,
) -> Result<(), StaffListError> {
    let contact = contacts(vault)?
        .by_key
        .remove(key_id)
        .ok_or(RecordsError::NoSuchContact)?;
    change(vault, now, |list| {
        list.replace_keys(staff_id, keys_text(&contact.keys), now.date_naive())
    })
}

/// Marks the member as having left on the day typed (dd/mm/yyyy), or, left blank, as still at
/// the school.
pub fn mark_left<S: KeyValueStore>(
    vault: &mut Vault<S>,
    staff_id: &str,
    typed: &str,
    now: DateTime<Utc>,
) -> Result<(), StaffListError> {
    let on = parse_optional_uk_date(typed).map_err(StaffListError::Date)?;
    change(vault, now, |list| list.mark_left(staff_id, on))
}

/// The member's staff group, roles and place on the senior team, as the headteacher sets them.
pub fn describe_member<S: KeyValueStore>(
    vault: &mut Vault<S>,
    staff_id: &str,
    staff_group: &str,
    roles: BTreeSet<Role>,
    senior_leader: bool,
    now: DateTime<Utc>,
) -> Result<(), StaffListError> {
    change(vault, now, |list| {
        list.describe(staff_id, staff_group, roles, senior_leader)
    })
}

/// Makes `reviewer` (or nobody yet) the reviewer of `reviewee`, within the school policy's limit
/// on reviews per reviewer.
pub fn allocate<S: KeyValueStore>(
    vault: &mut Vault<S>,
    reviewee: &str,
    reviewer: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), StaffListError> {
    let limit = school_settings(vault)?
        .policy
        .and_then(|policy| policy.review_limit);
    change(vault, now, |list| {
        list.allocate(reviewee, reviewer, limit, now.date_naive())
    })
}

/// A contact not on the staff list, and the member of the same name it may be new keys for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unlisted {
    pub contact: Contact,
    pub namesake: Option<StaffMember>,
}

/// The contacts whose keys the staff list does not hold, each with any member of their name
/// (whose keys the card may replace), by name.
pub fn unlisted_contacts<S: KeyValueStore>(
    vault: &Vault<S>,
) -> Result<Vec<Unlisted>, RecordsError> {
    let list = staff_list(vault)?;
    Ok(super::identity::sorted_contacts(contacts(vault)?)
        .into_iter()
        .filter(|contact| list.holder_of(&keys_text(&contact.keys)).is_none())
        .map(|contact| Unlisted {
            namesake: list.named(&contact.name).cloned(),
            contact,
        })
        .collect())
}

/// Whether this person is on the staff list held here.
pub fn am_listed<S: KeyValueStore>(vault: &Vault<S>) -> Result<bool, RecordsError> {
    Ok(match identity(vault)? {
        Some(me) => staff_list(vault)?
            .holder_of(&keys_text(&me.public_keys()))
            .is_some(),
        None => false,
    })
}

/// The members the staff list gives this person to review, still at the school on `today`.
pub fn my_allocation<S: KeyValueStore>(
    vault: &Vault<S>,
    today: NaiveDate,
) -> Result<Vec<StaffMember>, RecordsError> {
    let Some(me) = identity(vault)? else {
        return Ok(Vec::new());
    };
    let list = staff_list(vault)?;
    let Some((mine, _)) = list.holder_of(&keys_text(&me.public_keys())) else {
        return Ok(Vec::new());
    };
    Ok(list
        .reviewees_of(&mine.staff_id, today)
        .into_iter()
        .cloned()
        .collect())
}

/// A member's keys now, as keys; `None` if the list's text of them is damaged.
pub fn member_keys(member: &StaffMember) -> Option<PublicKeys> {
    crate::bundle::school_file::keys_from_text(member.current_keys()?)
}

/// The staff list as its page shows it: each member with their reviewer's name and fingerprint
/// words, who may be chosen as a reviewer (with how many they review), the contacts not yet on
/// it, and whether this person keeps the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffOverview {
    pub members: Vec<MemberRow>,
    /// Members who may review and are still at the school: staff id, name and job title, and
    /// how many they review.
    pub reviewers: Vec<(String, String, usize)>,
    pub unlisted: Vec<Unlisted>,
    /// Whether this person is on the list themselves.
    pub me_listed: bool,
    /// Whether this person keeps the list (publishes the school settings), or only holds it.
    pub keeps_it: bool,
    /// The staff groups the school's policy has cycles for.
    pub staff_groups: Vec<String>,
    /// The policy's limit on reviews per reviewer, in a sentence, if it has one.
    pub limit: Option<String>,
}

/// A member as the staff list page shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    pub member: StaffMember,
    /// Who reviews them, or when they left, in a line.
    pub standing: String,
    pub fingerprint_words: String,
}

/// The staff list page's read of the records, on `today`.
pub fn overview<S: KeyValueStore>(
    vault: &Vault<S>,
    today: NaiveDate,
) -> Result<StaffOverview, RecordsError> {
    let list = staff_list(vault)?;
    let keeps_it = kept_by_someone_else(vault)?.is_none();
    let policy = school_settings(vault)?.policy;
    let members = list
        .members
        .iter()
        .map(|member| MemberRow {
            standing: list.standing_in_words(member),
            fingerprint_words: member_keys(member)
                .map(|keys| keys.fingerprint_words())
                .unwrap_or_default(),
            member: member.clone(),
        })
        .collect();
    let reviewers = list
        .members
        .iter()
        .filter(|member| member.may_review() && member.is_at_school(today))
        .map(|member| {
            let load = list.reviewees_of(&member.staff_id, today).len();
            (member.staff_id.clone(), member.described(), load)
        })
        .collect();
    Ok(StaffOverview {
        members,
        reviewers,
        unlisted: unlisted_contacts(vault)?,
        me_listed: am_listed(vault)?,
        keeps_it,
        staff_groups: policy
            .as_ref()
            .map(|policy| {
                policy
                    .cycles
                    .iter()
                    .map(|cycle| cycle.staff_group.clone())
                    .collect()
            })
            .unwrap_or_default(),
        limit: policy.and_then(|policy| policy.review_limit).map(|limit| {
            let exempt = if limit.senior_leaders_exempt {
                " outside the senior team"
            } else {
                ""
            };
            format!(
                "Your policy gives a reviewer{exempt} at most {} reviews a cycle.",
                limit.max_reviews
            )
        }),
    })
}

/// A member of staff whose review for a cycle is not on the desk: no statement has reached
/// this person, and they do not review it themselves (it may not have started).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Awaited {
    pub name: String,
    pub job_title: String,
    pub reviewer: Option<String>,
}

/// The members of the staff list, at the school during `cycle` and on it by their staff group,
/// whose reviews for it are not among the desk's `rows` (matched by their keys, or by name for
/// a review started before their keys were known); this person is left out, as their own review
/// is never on their desk.
pub fn awaited<S: KeyValueStore>(
    vault: &Vault<S>,
    rows: &[DeskRow],
    cycle: &CyclePeriod,
) -> Result<Vec<Awaited>, RecordsError> {
    let list = staff_list(vault)?;
    let Some(policy) = school_settings(vault)?.policy else {
        return Ok(Vec::new());
    };
    let mine = identity(vault)?.map(|me| keys_text(&me.public_keys()));
    let in_cycle: Vec<&DeskRow> = rows.iter().filter(|row| row.period == *cycle).collect();
    let held = |member: &StaffMember| {
        let ids: Vec<String> = member
            .keys
            .iter()
            .filter_map(|listed| crate::bundle::school_file::keys_from_text(&listed.keys))
            .map(|keys| keys.key_id())
            .collect();
        in_cycle.iter().any(|row| {
            ids.iter().any(|id| row.reviewee_id.as_str() == id)
                || name_key(&row.reviewee) == name_key(&member.name)
        })
    };
    let on_cycle = |member: &StaffMember| {
        policy
            .cycle_for(&member.staff_group)
            .or_else(|| policy.cycles.first())
            .and_then(|option| CyclePeriod::containing(option, cycle.first_day))
            == Some(*cycle)
    };
    Ok(list
        .members
        .iter()
        .filter(|member| member.current_keys() != mine.as_ref())
        .filter(|member| member.is_at_school(cycle.first_day))
        .filter(|member| on_cycle(member) && !held(member))
        .map(|member| Awaited {
            name: member.name.clone(),
            job_title: member.job_title.clone(),
            reviewer: list
                .reviewer_of(member)
                .map(|reviewer| reviewer.name.clone()),
        })
        .collect())
}

/// The cycle a meeting held on `today` would review, under the school's policy's first cycle:
/// the desk's cycle before any review has reached it.
pub fn cycle_reviewed_on<S: KeyValueStore>(
    vault: &Vault<S>,
    today: NaiveDate,
) -> Result<Option<CyclePeriod>, RecordsError> {
    Ok(school_settings(vault)?
        .policy
        .and_then(|policy| CyclePeriod::reviewed_at(policy.cycles.first()?, today)))
}

/// The reviewer the staff list now gives the reviewee of `summary` (by their keys, or by name
/// while those are unknown), when that is not this person: whom a review is handed to after the
/// headteacher changed the reviewer (seed 004, 6.5).
pub fn reviewer_now<S: KeyValueStore>(
    vault: &Vault<S>,
    summary: &crate::bundle::payload::ReviewSummary,
) -> Result<Option<String>, RecordsError> {
    let list = staff_list(vault)?;
    let reviewee_keys = summary.reviewee_keys.as_ref().map(keys_text);
    let reviewee = list.reviewee(reviewee_keys.as_ref(), &summary.reviewee.name);
    let mine = identity(vault)?.map(|me| keys_text(&me.public_keys()));
    Ok(reviewee
        .and_then(|reviewee| list.reviewer_of(reviewee))
        .filter(|reviewer| reviewer.current_keys() != mine.as_ref())
        .map(|reviewer| reviewer.name.clone()))
}
