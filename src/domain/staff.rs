//! The school's staff list, which the headteacher keeps and publishes in the school settings:
//! each member with their roles, staff group, reviewer and keys. Whoever holds the list takes
//! the keys it gives as confirmed, so staff on it compare fingerprints with the headteacher
//! once rather than with each other. Here too: whether a file's sender is who the list says
//! (keys replaced, a leaver), and allocating reviewers within the policy's limit (seed 004, 6).
//!
//! The domain knows keys only as the text files carry them (`KeysText`): whether two are the
//! same is all the list needs.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

use super::dates::format_uk_date;
use super::people::{Role, name_key};
use super::policy::ReviewLimit;
use super::school::KeysText;

/// Everyone on the school's staff list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffList {
    pub members: Vec<StaffMember>,
}

/// A member of staff as the list holds them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    /// The list's own name for the member: the key id of the first keys listed for them, which
    /// stays when their keys change.
    pub staff_id: String,
    pub name: String,
    #[serde(default)]
    pub job_title: String,
    /// The staff group whose cycle their reviews follow (blank: the policy's first).
    #[serde(default)]
    pub staff_group: String,
    /// What they do in appraisal besides being reviewed.
    #[serde(default)]
    pub roles: BTreeSet<Role>,
    /// On the senior team, which some policies exempt from their review limit (seed 004, 6.2).
    #[serde(default)]
    pub senior_leader: bool,
    /// Their keys, oldest first: each in use from its date until the next one's.
    pub keys: Vec<ListedKeys>,
    /// The staff id of the person who reviews them, once allocated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewer: Option<String>,
    /// The day they left the school: files they made after it are refused, earlier ones stand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_on: Option<NaiveDate>,
}

/// Keys a member used from a day on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListedKeys {
    pub keys: KeysText,
    pub from: NaiveDate,
}

impl StaffMember {
    /// The keys they use now.
    pub fn current_keys(&self) -> Option<&KeysText> {
        self.keys.last().map(|listed| &listed.keys)
    }

    /// Whether they are still at the school on `day`.
    pub fn is_at_school(&self, day: NaiveDate) -> bool {
        self.left_on.is_none_or(|left| day <= left)
    }

    /// Whether `keys` are, or once were, theirs on the list.
    pub fn has_held(&self, keys: &KeysText) -> bool {
        self.keys.iter().any(|listed| listed.keys == *keys)
    }

    /// Whether they may review others: a reviewer or the headteacher.
    pub fn may_review(&self) -> bool {
        self.roles.contains(&Role::Reviewer) || self.roles.contains(&Role::Headteacher)
    }

    /// The member's name with their job title, which tells two people of one name apart.
    pub fn described(&self) -> String {
        if self.job_title.trim().is_empty() {
            self.name.clone()
        } else {
            format!("{}, {}", self.name, self.job_title)
        }
    }
}

/// Why a file's sender is not who the staff list says they are; the file is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotAsListed {
    /// In the name of someone on the list, signed with keys the list does not give them.
    OtherKeys { name: String },
    /// Made with keys the member replaced before the file was made.
    KeysReplaced { name: String, on: NaiveDate },
    /// Made after the member left the school.
    Left { name: String, on: NaiveDate },
}

impl fmt::Display for NotAsListed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotAsListed::OtherKeys { name } => write!(
                f,
                "This file says it is from {name}, but it is not signed with {name}’s keys on the school’s staff list, so it was not imported: someone else may have made it in their name. Ask {name} in person whether they sent it. If they have started again on a new device, they send the headteacher their new contact card, and the next school settings file brings their new keys."
            ),
            NotAsListed::KeysReplaced { name, on } => write!(
                f,
                "This file was made with keys {name} stopped using on {}, when the headteacher listed new ones, so it was not imported. Ask {name} to send it again from the device they use now.",
                format_uk_date(*on)
            ),
            NotAsListed::Left { name, on } => write!(
                f,
                "This file was made after {name} left the school on {}, so it was not imported. Their earlier files and signatures still stand; if this is a mistake, ask the headteacher.",
                format_uk_date(*on)
            ),
        }
    }
}

impl std::error::Error for NotAsListed {}

/// Why the staff list was not changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffProblem {
    /// These keys are already someone's on the list.
    KeysListed {
        name: String,
    },
    NoSuchMember,
    /// A member cannot review themselves.
    OwnReviewer {
        name: String,
    },
    /// The chosen reviewer is not a reviewer or the headteacher on the list.
    NotAReviewer {
        name: String,
    },
    /// The chosen reviewer has left the school.
    ReviewerLeft {
        name: String,
    },
    /// The reviewer already holds as many reviews as the policy lets them (seed 004, 6.2).
    OverLimit {
        name: String,
        limit: u32,
    },
    /// A leaving date before their first keys were listed.
    LeftBeforeJoining {
        name: String,
    },
}

impl fmt::Display for StaffProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StaffProblem::KeysListed { name } => write!(
                f,
                "This contact card’s keys are already on the staff list, as {name}’s. Nothing has changed."
            ),
            StaffProblem::NoSuchMember => write!(
                f,
                "That member of staff is no longer on the staff list. Reload the page to see the list as it is."
            ),
            StaffProblem::OwnReviewer { name } => write!(
                f,
                "{name} cannot review themselves: choose someone else, or leave their reviewer unchosen for now."
            ),
            StaffProblem::NotAReviewer { name } => write!(
                f,
                "{name} is not a reviewer on the staff list. Tick “Reviewer” for them first, or choose someone else."
            ),
            StaffProblem::ReviewerLeft { name } => write!(
                f,
                "{name} has left the school, so cannot take on reviews. Choose someone else."
            ),
            StaffProblem::OverLimit { name, limit } => write!(
                f,
                "{name} already has {limit} reviews this cycle, the most your policy gives a reviewer outside the senior team. Choose someone else, or mark {name} as on the senior team if they are."
            ),
            StaffProblem::LeftBeforeJoining { name } => write!(
                f,
                "That leaving date is before {name} was added to the staff list: check the date."
            ),
        }
    }
}

impl std::error::Error for StaffProblem {}

/// A member as first added, from their contact card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMember {
    pub staff_id: String,
    pub name: String,
    pub job_title: String,
    pub roles: BTreeSet<Role>,
    pub keys: KeysText,
}

impl StaffList {
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    pub fn member(&self, staff_id: &str) -> Option<&StaffMember> {
        self.members
            .iter()
            .find(|member| member.staff_id == staff_id)
    }

    fn member_mut(&mut self, staff_id: &str) -> Result<&mut StaffMember, StaffProblem> {
        self.members
            .iter_mut()
            .find(|member| member.staff_id == staff_id)
            .ok_or(StaffProblem::NoSuchMember)
    }

    /// The member listed under `name` (compared without case or extra spaces).
    pub fn named(&self, name: &str) -> Option<&StaffMember> {
        let name = name_key(name);
        self.members
            .iter()
            .find(|member| name_key(&member.name) == name)
    }

    /// The member a review is for: by the reviewee's keys once the review knows them, by their
    /// name until then.
    pub fn reviewee(&self, keys: Option<&KeysText>, name: &str) -> Option<&StaffMember> {
        match keys {
            Some(keys) => self.holder_of(keys).map(|(member, _)| member),
            None => self.named(name),
        }
    }

    /// The member these keys are (or were) listed for, with the day they were replaced, if they
    /// were.
    pub fn holder_of(&self, keys: &KeysText) -> Option<(&StaffMember, Option<NaiveDate>)> {
        self.members.iter().find_map(|member| {
            let at = member.keys.iter().position(|listed| listed.keys == *keys)?;
            Some((member, member.keys.get(at + 1).map(|next| next.from)))
        })
    }

    /// Whether a file in the name `name`, signed with `keys` and made on `made_on`, is from the
    /// member the list gives: `Ok(Some(member))` when it is, `Ok(None)` when neither the keys
    /// nor the name are on the list (the reader compares fingerprints as with anyone), and the
    /// reason when the name is listed but the keys are not (or no longer) theirs.
    pub fn check_sender(
        &self,
        name: &str,
        keys: &KeysText,
        made_on: NaiveDate,
    ) -> Result<Option<&StaffMember>, NotAsListed> {
        if let Some((member, replaced_on)) = self.holder_of(keys) {
            if let Some(on) = replaced_on.filter(|on| made_on >= *on) {
                return Err(NotAsListed::KeysReplaced {
                    name: member.name.clone(),
                    on,
                });
            }
            if let Some(on) = member.left_on.filter(|on| made_on > *on) {
                return Err(NotAsListed::Left {
                    name: member.name.clone(),
                    on,
                });
            }
            return Ok(Some(member));
        }
        match self.named(name) {
            Some(member) => Err(NotAsListed::OtherKeys {
                name: member.name.clone(),
            }),
            None => Ok(None),
        }
    }

    /// Adds a member from their contact card, keys in use from `today`.
    pub fn add(&mut self, new: NewMember, today: NaiveDate) -> Result<(), StaffProblem> {
        if let Some((holder, _)) = self.holder_of(&new.keys) {
            return Err(StaffProblem::KeysListed {
                name: holder.name.clone(),
            });
        }
        self.members.push(StaffMember {
            staff_id: new.staff_id,
            name: new.name.trim().to_owned(),
            job_title: new.job_title.trim().to_owned(),
            staff_group: String::new(),
            roles: new.roles,
            senior_leader: false,
            keys: vec![ListedKeys {
                keys: new.keys,
                from: today,
            }],
            reviewer: None,
            left_on: None,
        });
        self.members
            .sort_by_key(|member| (name_key(&member.name), member.staff_id.clone()));
        Ok(())
    }

    /// The member's new keys from `on` (a lost device, a fresh start): files made with the old
    /// keys before that day still stand, later ones are refused.
    pub fn replace_keys(
        &mut self,
        staff_id: &str,
        keys: KeysText,
        on: NaiveDate,
    ) -> Result<(), StaffProblem> {
        if let Some((holder, _)) = self.holder_of(&keys) {
            return Err(StaffProblem::KeysListed {
                name: holder.name.clone(),
            });
        }
        let member = self.member_mut(staff_id)?;
        member.keys.push(ListedKeys { keys, from: on });
        Ok(())
    }

    /// Marks the member as having left on `on` (or, with `None`, as still at the school).
    pub fn mark_left(&mut self, staff_id: &str, on: Option<NaiveDate>) -> Result<(), StaffProblem> {
        let member = self.member_mut(staff_id)?;
        if let Some(on) = on
            && member.keys.first().is_some_and(|first| on < first.from)
        {
            return Err(StaffProblem::LeftBeforeJoining {
                name: member.name.clone(),
            });
        }
        member.left_on = on;
        Ok(())
    }

    /// Changes the member's staff group, roles and senior-team standing.
    pub fn describe(
        &mut self,
        staff_id: &str,
        staff_group: &str,
        roles: BTreeSet<Role>,
        senior_leader: bool,
    ) -> Result<(), StaffProblem> {
        let member = self.member_mut(staff_id)?;
        member.staff_group = staff_group.trim().to_owned();
        member.roles = roles;
        member.senior_leader = senior_leader;
        Ok(())
    }

    /// The members `reviewer` reviews who are still at the school on `today`.
    pub fn reviewees_of(&self, reviewer: &str, today: NaiveDate) -> Vec<&StaffMember> {
        self.members
            .iter()
            .filter(|member| member.reviewer.as_deref() == Some(reviewer))
            .filter(|member| member.is_at_school(today))
            .collect()
    }

    /// Where the member stands, in a line for the list: who reviews them (the governing body for
    /// the headteacher), or the day they left, and the day their newest keys took over.
    pub fn standing_in_words(&self, member: &StaffMember) -> String {
        let mut words = match (self.reviewer_of(member), member.left_on) {
            (_, Some(left)) => format!("Left the school on {}", format_uk_date(left)),
            (Some(reviewer), None) => format!("Reviewed by {}", reviewer.name),
            (None, None) if member.roles.contains(&Role::Headteacher) => {
                "Reviewed by the governing body".to_owned()
            }
            (None, None) => "No reviewer chosen yet".to_owned(),
        };
        if let [_, .., newest] = member.keys.as_slice() {
            words.push_str(&format!(". New keys from {}", format_uk_date(newest.from)));
        }
        words
    }

    /// The member's reviewer, as allocated.
    pub fn reviewer_of(&self, member: &StaffMember) -> Option<&StaffMember> {
        self.member(member.reviewer.as_deref()?)
    }

    /// Makes `reviewer` (or, with `None`, nobody yet) the reviewer of `reviewee`: someone on the
    /// list who may review, still at the school, not the reviewee, and within `limit` unless on
    /// the senior team where the policy exempts it (seed 004, 6.2). Changing a reviewer does not
    /// restart the reviewee's cycle (6.6): the review keeps its dates.
    pub fn allocate(
        &mut self,
        reviewee: &str,
        reviewer: Option<&str>,
        limit: Option<ReviewLimit>,
        today: NaiveDate,
    ) -> Result<(), StaffProblem> {
        let name = self
            .member(reviewee)
            .ok_or(StaffProblem::NoSuchMember)?
            .name
            .clone();
        if let Some(reviewer) = reviewer {
            let chosen = self.member(reviewer).ok_or(StaffProblem::NoSuchMember)?;
            if chosen.staff_id == reviewee {
                return Err(StaffProblem::OwnReviewer { name });
            }
            if !chosen.may_review() {
                return Err(StaffProblem::NotAReviewer {
                    name: chosen.name.clone(),
                });
            }
            if !chosen.is_at_school(today) {
                return Err(StaffProblem::ReviewerLeft {
                    name: chosen.name.clone(),
                });
            }
            let others = self
                .reviewees_of(reviewer, today)
                .iter()
                .filter(|member| member.staff_id != reviewee)
                .count();
            if let Some(limit) = limit
                && !(limit.senior_leaders_exempt && chosen.senior_leader)
                && others >= limit.max_reviews as usize
            {
                return Err(StaffProblem::OverLimit {
                    name: chosen.name.clone(),
                    limit: limit.max_reviews,
                });
            }
        }
        self.member_mut(reviewee)?.reviewer = reviewer.map(str::to_owned);
        Ok(())
    }

    /// What makes a received list impossible to use, each a sentence: a member with no keys,
    /// two members with one staff id or one set of keys, a reviewer who is not on the list.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut ids = BTreeSet::new();
        let mut keys = BTreeSet::new();
        for member in &self.members {
            if member.keys.is_empty() {
                problems.push(format!("The staff list gives no keys for {}.", member.name));
            }
            if !ids.insert(member.staff_id.as_str()) {
                problems.push(format!(
                    "The staff list has two entries for {}.",
                    member.name
                ));
            }
            if member
                .keys
                .iter()
                .any(|listed| !keys.insert((&listed.keys.signing, &listed.keys.encryption)))
            {
                problems.push(format!(
                    "The staff list gives {}’s keys to someone else too.",
                    member.name
                ));
            }
            if let Some(reviewer) = &member.reviewer
                && self.member(reviewer).is_none()
            {
                problems.push(format!(
                    "The staff list names a reviewer for {} who is not on it.",
                    member.name
                ));
            }
        }
        problems
    }
}

/// What a new version of the list changes, a line each, for the settings file's preview.
pub fn staff_changes(before: &StaffList, after: &StaffList) -> Vec<String> {
    let mut lines = Vec::new();
    let reviewer_name = |list: &StaffList, member: &StaffMember| {
        list.reviewer_of(member)
            .map(|reviewer| reviewer.name.clone())
    };
    for member in &after.members {
        let Some(held) = before.member(&member.staff_id) else {
            lines.push(format!("Staff list: {} added", member.described()));
            continue;
        };
        if member.keys.len() > held.keys.len()
            && let Some(keys) = member.keys.last()
        {
            lines.push(format!(
                "Staff list: {} has new keys from {}",
                member.name,
                format_uk_date(keys.from)
            ));
        }
        if member.left_on != held.left_on {
            lines.push(match member.left_on {
                Some(on) => format!("Staff list: {} left on {}", member.name, format_uk_date(on)),
                None => format!("Staff list: {} is at the school again", member.name),
            });
        }
        let (was, now) = (reviewer_name(before, held), reviewer_name(after, member));
        if was != now {
            let name = |reviewer: Option<String>| reviewer.unwrap_or_else(|| "nobody yet".into());
            lines.push(format!(
                "Staff list: {}’s reviewer {} → {}",
                member.name,
                name(was),
                name(now)
            ));
        }
    }
    lines.extend(
        before
            .members
            .iter()
            .filter(|held| after.member(&held.staff_id).is_none())
            .map(|held| format!("Staff list: {} removed", held.described())),
    );
    lines
}
