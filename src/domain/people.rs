//! People and the roles they hold in appraisal. One person can hold several roles: a reviewer
//! is usually somebody else's reviewee too.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

use super::ids::Id;

/// A name as it is compared: spaces folded and capitals ignored, so "sam  PATEL" is Sam Patel.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// What a person does in the appraisal process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The member of staff being appraised (the appraisee).
    Reviewee,
    /// Prepares and holds the meeting, writes the statement (the appraiser, usually the line manager).
    Reviewer,
    /// Hears appeals, moderates statements, receives final statements, makes pay decisions.
    Headteacher,
    /// Receives training and development needs only (the CPD leader or business manager).
    CpdLeader,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::Reviewee => "Reviewee",
            Role::Reviewer => "Reviewer",
            Role::Headteacher => "Headteacher or moderator",
            Role::CpdLeader => "CPD leader",
        }
    }
}

/// A member of staff as the app knows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub staff_id: Id,
    pub display_name: String,
    pub job_title: String,
    pub roles: BTreeSet<Role>,
    /// Members of the senior management team are exempt from some policies' review limits.
    pub senior_leader: bool,
}

/// The name and job title a document shows for a person, with their staff id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRef {
    pub staff_id: Id,
    pub name: String,
    pub job_title: String,
}

impl Person {
    pub fn as_ref(&self) -> PersonRef {
        PersonRef {
            staff_id: self.staff_id.clone(),
            name: self.display_name.clone(),
            job_title: self.job_title.clone(),
        }
    }

    pub fn holds(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}
