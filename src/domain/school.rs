//! Who is using Appraise and their school's settings: the person's profile as they give it on
//! first run (with the problems the form names before it is kept), the policy the school uses (a
//! preset, possibly edited), its calendar, which version of the published school settings they
//! came from, and how files they send are named. Typing term dates and closures is
//! [`super::term_dates`]; what a new version of the settings changes, [`super::settings_changes`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

use super::calendar::SchoolCalendar;
use super::people::{PersonRef, Role};
use super::policy::Policy;

/// The person, as they describe themselves.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub name: String,
    pub job_title: String,
    pub school: String,
    pub roles: BTreeSet<Role>,
    /// On the senior leadership team, which some policies exempt from their review limit.
    #[serde(default)]
    pub senior_leader: bool,
}

/// What is wrong with a profile, tied to the field it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileProblem {
    NoName,
    NoRole,
    /// No policy chosen: nothing is preselected, so a school's policy is never guessed.
    NoPolicy,
}

impl ProfileProblem {
    /// The form field the problem is about.
    pub fn field(&self) -> &'static str {
        match self {
            ProfileProblem::NoName => "profile-name",
            ProfileProblem::NoRole => "profile-roles",
            ProfileProblem::NoPolicy => "policy",
        }
    }
}

impl fmt::Display for ProfileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProfileProblem::NoName => write!(f, "Enter your name, as colleagues know you."),
            ProfileProblem::NoRole => write!(
                f,
                "Choose at least one role: most staff are a reviewee, and some also review others."
            ),
            ProfileProblem::NoPolicy => write!(
                f,
                "Choose your school’s appraisal policy. If you are not sure which, ask whoever leads appraisal at your school."
            ),
        }
    }
}

impl Profile {
    pub fn problems(&self) -> Vec<ProfileProblem> {
        let mut problems = Vec::new();
        if self.name.trim().is_empty() {
            problems.push(ProfileProblem::NoName);
        }
        if self.roles.is_empty() {
            problems.push(ProfileProblem::NoRole);
        }
        problems
    }
}

/// The school's settings as this person keeps them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolSettings {
    /// The policy new reviews start under; `None` until chosen.
    pub policy: Option<Policy>,
    pub calendar: SchoolCalendar,
    /// How the reviewee is named in the names of files sent (the school's choice).
    #[serde(default)]
    pub file_names: FileNaming,
}

/// Which version of the school's settings the policy and calendar held came from, and who
/// published it: later versions are accepted only from the same keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Publication {
    pub school: String,
    /// 1 for the first published, one more for each after.
    pub version: u32,
    pub published_on: NaiveDate,
    /// The publisher's name, as their card gave it.
    pub publisher: String,
    /// The publisher's public keys as the file carries them (base64url text: the domain knows
    /// nothing of keys, only whether two are the same).
    pub publisher_keys: KeysText,
    /// The headteacher and the CPD leader the settings named, for the next version's preview.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headteacher: Option<String>,
    /// The headteacher's keys: only they send moderation notes and appeal outcomes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headteacher_keys: Option<KeysText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpd_leader: Option<String>,
}

/// A person's two public keys as text, exactly as files carry them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeysText {
    pub signing: String,
    pub encryption: String,
}

/// How a file's name says whose review it is, so a headteacher's downloads can be found: by
/// initials (the default, as file names show in email) or by full name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileNaming {
    #[default]
    Initials,
    FullName,
}

impl FileNaming {
    /// The reviewee as a file name shows them: `sp` or `sam-patel` for Sam Patel; letters and
    /// digits only, so every system can store the name.
    pub fn reviewee_in_file_name(self, name: &str) -> String {
        let words = name
            .split(|c: char| c.is_whitespace() || c == '-')
            .map(|word| {
                word.chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<String>()
            })
            .filter(|word| !word.is_empty());
        let part: Vec<String> = match self {
            FileNaming::Initials => words
                .filter_map(|word| word.chars().next())
                .map(|c| c.to_lowercase().collect())
                .collect(),
            FileNaming::FullName => words.map(|word| word.to_lowercase()).collect(),
        };
        let joiner = if self == FileNaming::Initials {
            ""
        } else {
            "-"
        };
        let text = part.join(joiner);
        if text.is_empty() {
            "staff".to_owned()
        } else {
            text
        }
    }

    /// The reviewee as a file name shows them among the `others` whose reviews are held here:
    /// their name as above, and where someone else's name gives the same (two Sam Patels, or a Sam
    /// Patel and a Sara Price by initials), their job title after it, and their staff id's first
    /// letters if that still does not tell them apart.
    pub fn reviewee_among(self, reviewee: &PersonRef, others: &[PersonRef]) -> String {
        let named = |person: &PersonRef| self.reviewee_in_file_name(&person.name);
        let mine = named(reviewee);
        let alike: Vec<&PersonRef> = others
            .iter()
            .filter(|other| other.staff_id != reviewee.staff_id && named(other) == mine)
            .collect();
        if alike.is_empty() {
            return mine;
        }
        let title = FileNaming::FullName.reviewee_in_file_name(&reviewee.job_title);
        let same_title = reviewee.job_title.trim().is_empty()
            || alike
                .iter()
                .any(|other| FileNaming::FullName.reviewee_in_file_name(&other.job_title) == title);
        let with_title = if reviewee.job_title.trim().is_empty() {
            mine
        } else {
            format!("{mine}-{title}")
        };
        if !same_title {
            return with_title;
        }
        let id: String = reviewee
            .staff_id
            .as_str()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .take(6)
            .collect::<String>()
            .to_lowercase();
        format!("{with_title}-{id}")
    }
}

/// The most new objectives a school may set as its limit.
pub const MOST_OBJECTIVES: u32 = 10;
