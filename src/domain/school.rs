//! Who is using Appraise and their school's settings: the person's profile as they give it on
//! first run, the policy the school uses (a preset, possibly edited) and the days it is closed,
//! with the problems a form must name before any of it is kept.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

use super::calendar::{Closure, SchoolCalendar, Term};
use super::dates::{DateError, parse_uk_date};
use super::people::Role;
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
}

/// The most new objectives a school may set as its limit.
pub const MOST_OBJECTIVES: u32 = 10;

/// The limit on new objectives a review may carry, from what was typed, or why not.
pub fn objective_limit(typed: &str) -> Result<u32, ObjectiveLimitProblem> {
    match typed.trim().parse::<u32>() {
        Ok(number @ 1..=MOST_OBJECTIVES) => Ok(number),
        _ => Err(ObjectiveLimitProblem),
    }
}

/// The typed limit is not a whole number from 1 to [`MOST_OBJECTIVES`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectiveLimitProblem;

impl fmt::Display for ObjectiveLimitProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Enter a whole number of objectives from 1 to {MOST_OBJECTIVES}."
        )
    }
}

/// What is wrong with a closure typed on the settings page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClosureProblem {
    NoName,
    FirstDay(DateError),
    LastDay(DateError),
    EndsBeforeItStarts,
}

impl fmt::Display for ClosureProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClosureProblem::NoName => {
                write!(f, "Enter what the closure is, for example “Half term”.")
            }
            ClosureProblem::FirstDay(error) => write!(f, "First day: {error}"),
            ClosureProblem::LastDay(error) => write!(f, "Last day: {error}"),
            ClosureProblem::EndsBeforeItStarts => write!(
                f,
                "The last day is before the first day. Enter the last day on or after the first."
            ),
        }
    }
}

/// A closure from what was typed (dates as dd/mm/yyyy; a one-day closure may leave the last day
/// blank), or every problem with it.
pub fn closure_from(
    name: &str,
    first_day: &str,
    last_day: &str,
) -> Result<Closure, Vec<ClosureProblem>> {
    let (name, first_day, last_day) = named_days(name, first_day, last_day)?;
    Ok(Closure {
        name,
        first_day,
        last_day,
    })
}

/// A term from what was typed, as a closure is (a term's last day may not be left blank), or
/// every problem with it.
pub fn term_from(name: &str, first_day: &str, last_day: &str) -> Result<Term, Vec<ClosureProblem>> {
    if last_day.trim().is_empty() {
        let mut problems = named_days(name, first_day, first_day)
            .err()
            .unwrap_or_default();
        problems.push(ClosureProblem::LastDay(DateError::Empty));
        return Err(problems);
    }
    let (name, first_day, last_day) = named_days(name, first_day, last_day)?;
    Ok(Term {
        name,
        first_day,
        last_day,
    })
}

/// A name and the first and last days of what it names, checked as the settings page needs.
fn named_days(
    name: &str,
    first_day: &str,
    last_day: &str,
) -> Result<(String, NaiveDate, NaiveDate), Vec<ClosureProblem>> {
    let mut problems = Vec::new();
    if name.trim().is_empty() {
        problems.push(ClosureProblem::NoName);
    }
    let first = parse_uk_date(first_day)
        .map_err(|error| problems.push(ClosureProblem::FirstDay(error)))
        .ok();
    let last: Option<NaiveDate> = if last_day.trim().is_empty() {
        first
    } else {
        parse_uk_date(last_day)
            .map_err(|error| problems.push(ClosureProblem::LastDay(error)))
            .ok()
    };
    match (first, last) {
        (Some(first), Some(last)) if problems.is_empty() => {
            if last < first {
                Err(vec![ClosureProblem::EndsBeforeItStarts])
            } else {
                Ok((name.trim().to_owned(), first, last))
            }
        }
        _ => Err(problems),
    }
}

/// The longest a term can be: a school year has three terms of about 13 weeks.
const LONGEST_TERM_DAYS: i64 = 20 * 7;

/// What is wrong with a school's list of terms as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TermsProblem {
    Overlap { earlier: String, later: String },
    TooLong { name: String },
    EndsBeforeItStarts { name: String },
}

impl fmt::Display for TermsProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TermsProblem::Overlap { earlier, later } => write!(
                f,
                "The {later} starts before the {earlier} ends. Correct the dates so that one term ends before the next begins."
            ),
            TermsProblem::TooLong { name } => write!(
                f,
                "The {name} lasts more than 20 weeks, longer than any school term. Check its first and last days."
            ),
            TermsProblem::EndsBeforeItStarts { name } => write!(
                f,
                "The {name} ends before it starts. Enter its last day on or after its first."
            ),
        }
    }
}

/// The terms in date order, or every problem with them taken together.
pub fn checked_terms(mut terms: Vec<Term>) -> Result<Vec<Term>, Vec<TermsProblem>> {
    terms.sort_by_key(|term| term.first_day);
    let mut problems = Vec::new();
    for term in &terms {
        if term.last_day < term.first_day {
            problems.push(TermsProblem::EndsBeforeItStarts {
                name: term.name.clone(),
            });
        } else if (term.last_day - term.first_day).num_days() > LONGEST_TERM_DAYS {
            problems.push(TermsProblem::TooLong {
                name: term.name.clone(),
            });
        }
    }
    for pair in terms.windows(2) {
        if pair[1].first_day <= pair[0].last_day {
            problems.push(TermsProblem::Overlap {
                earlier: pair[0].name.clone(),
                later: pair[1].name.clone(),
            });
        }
    }
    if problems.is_empty() {
        Ok(terms)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(name: &str, first: &str, last: &str) -> Term {
        term_from(name, first, last).unwrap()
    }

    #[test]
    fn terms_are_refused_with_a_sentence_naming_the_term() {
        #[rustfmt::skip]
        let cases = [
            (vec![term("autumn term", "02/09/2026", "18/12/2026"), term("spring term", "05/01/2027", "26/03/2027")], None),
            (vec![term("spring term", "05/01/2027", "26/03/2027"), term("autumn term", "02/09/2026", "18/12/2026")], None),
            (vec![term("autumn term", "02/09/2026", "18/12/2026"), term("spring term", "14/12/2026", "26/03/2027")],
                Some("The spring term starts before the autumn term ends. Correct the dates so that one term ends before the next begins.")),
            (vec![term("autumn term", "02/09/2026", "26/03/2027")],
                Some("The autumn term lasts more than 20 weeks, longer than any school term. Check its first and last days.")),
        ];
        for (terms, problem) in cases {
            let checked = checked_terms(terms);
            match problem {
                None => {
                    let terms = checked.unwrap();
                    assert!(terms[0].first_day < terms[1].first_day, "sorted by date");
                }
                Some(sentence) => assert_eq!(checked.unwrap_err()[0].to_string(), sentence),
            }
        }
        assert_eq!(
            term_from("summer term", "12/04/2027", "").unwrap_err(),
            vec![ClosureProblem::LastDay(DateError::Empty)]
        );
        assert_eq!(
            term_from("summer term", "12/04/2027", "01/04/2027").unwrap_err(),
            vec![ClosureProblem::EndsBeforeItStarts]
        );
    }
}
