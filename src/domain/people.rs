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

/// An email address as a person types it, checked only as far as a typing slip can be caught:
/// one `@` with something before it, a domain with a dot after it, and no spaces. Whether the
/// address reaches anyone is for the email program to find out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EmailAddress(String);

/// Why an email address was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailProblem {
    Spaces,
    NoAt,
    NoDomain,
}

impl std::fmt::Display for EmailProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            EmailProblem::Spaces => "An email address has no spaces in it. Check it and type it again.",
            EmailProblem::NoAt => "Enter the whole email address, with an @, like sam.patel@school.org.uk.",
            EmailProblem::NoDomain => "The part after the @ is the school’s or provider’s address, like school.org.uk: check it.",
        })
    }
}

impl std::error::Error for EmailProblem {}

impl EmailAddress {
    pub fn parse(text: &str) -> Result<EmailAddress, EmailProblem> {
        let text = text.trim();
        if text.chars().any(char::is_whitespace) {
            return Err(EmailProblem::Spaces);
        }
        let (local, domain) = text.rsplit_once('@').ok_or(EmailProblem::NoAt)?;
        if local.is_empty() || local.contains('@') {
            return Err(EmailProblem::NoAt);
        }
        let labels: Vec<_> = domain.split('.').collect();
        if labels.len() < 2 || labels.iter().any(|label| label.is_empty()) {
            return Err(EmailProblem::NoDomain);
        }
        Ok(EmailAddress(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for EmailAddress {
    type Error = EmailProblem;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        EmailAddress::parse(&text)
    }
}

impl From<EmailAddress> for String {
    fn from(address: EmailAddress) -> String {
        address.0
    }
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

#[cfg(test)]
mod email_tests {
    use super::*;

    #[test]
    fn email_addresses_are_taken_unless_a_slip_shows() {
        let cases = [
            ("sam.patel@school.org.uk", Ok("sam.patel@school.org.uk")),
            (
                "  jo.lee+appraisal@trust.sch.uk ",
                Ok("jo.lee+appraisal@trust.sch.uk"),
            ),
            ("o'brien@school.org.uk", Ok("o'brien@school.org.uk")),
            ("sam patel@school.org.uk", Err(EmailProblem::Spaces)),
            ("sam.patel", Err(EmailProblem::NoAt)),
            ("@school.org.uk", Err(EmailProblem::NoAt)),
            ("sam@@school.org.uk", Err(EmailProblem::NoAt)),
            ("sam@school", Err(EmailProblem::NoDomain)),
            ("sam@school.", Err(EmailProblem::NoDomain)),
            ("sam@.org.uk", Err(EmailProblem::NoDomain)),
        ];
        for (typed, expected) in cases {
            let got = EmailAddress::parse(typed);
            assert_eq!(
                got.as_ref().map(EmailAddress::as_str).map_err(|e| *e),
                expected,
                "{typed}"
            );
        }
        for problem in [
            EmailProblem::Spaces,
            EmailProblem::NoAt,
            EmailProblem::NoDomain,
        ] {
            assert!(problem.to_string().ends_with('.'), "{problem}");
        }
    }
}
