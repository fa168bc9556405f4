//! Who is using Appraise and their school's settings: the person's profile as they give it on
//! first run, the policy the school uses (a preset, possibly edited), its terms and the days it
//! is closed, which version of the published school settings they came from, and what a new
//! version would change, with the problems a form must name before any of it is kept.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

use super::calendar::{Closure, SchoolCalendar, Term};
use super::dates::{DateError, format_uk_date, parse_uk_date};
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
}

/// The most new objectives a school may set as its limit.
pub const MOST_OBJECTIVES: u32 = 10;

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
    Overlap {
        earlier: String,
        later: String,
    },
    TooLong {
        name: String,
    },
    EndsBeforeItStarts {
        name: String,
    },
    /// Runs across 31 August: a term falls within one school year.
    AcrossSchoolYears {
        name: String,
    },
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
            TermsProblem::AcrossSchoolYears { name } => write!(
                f,
                "The {name} runs past the end of the school year on 31 August. A term falls within one school year, September to August: check its dates."
            ),
            TermsProblem::EndsBeforeItStarts { name } => write!(
                f,
                "The {name} ends before it starts. Enter its last day on or after its first."
            ),
        }
    }
}

/// The year a school year starts in: September 2026 to August 2027 is 2026.
fn school_year(day: NaiveDate) -> i32 {
    use chrono::Datelike;
    if day.month() >= 9 {
        day.year()
    } else {
        day.year() - 1
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
        } else if school_year(term.first_day) != school_year(term.last_day) {
            problems.push(TermsProblem::AcrossSchoolYears {
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

/// Two dates as a span: "02/09/2026–18/12/2026", or one date for a single day.
fn span(first: NaiveDate, last: NaiveDate) -> String {
    if first == last {
        format_uk_date(first)
    } else {
        format!("{}–{}", format_uk_date(first), format_uk_date(last))
    }
}

/// What moving from one calendar to another changes, a line each, terms then closures, in the
/// order the calendars keep them (by date): "Autumn term: 02/09/2026–18/12/2026 added", "Closure
/// ‘Training day’ 04/01/2027 removed". A term (or a closure) whose name appears once on each side
/// with other dates is one line: "Spring term: 05/01/2027–26/03/2027 → 04/01/2027–26/03/2027".
pub fn calendar_changes(held: &SchoolCalendar, incoming: &SchoolCalendar) -> Vec<String> {
    let mut lines = named_spans_changes(&term_spans(held), &term_spans(incoming), |name| {
        format!("{name}:")
    });
    lines.extend(named_spans_changes(
        &closure_spans(held),
        &closure_spans(incoming),
        |name| format!("Closure ‘{name}’"),
    ));
    lines
}

/// A term or closure as the change list compares them: its name, first and last days.
type Span<'a> = (&'a str, NaiveDate, NaiveDate);

fn term_spans(calendar: &SchoolCalendar) -> Vec<Span<'_>> {
    calendar
        .terms
        .iter()
        .map(|t| (t.name.as_str(), t.first_day, t.last_day))
        .collect()
}

fn closure_spans(calendar: &SchoolCalendar) -> Vec<Span<'_>> {
    calendar
        .closures
        .iter()
        .map(|c| (c.name.as_str(), c.first_day, c.last_day))
        .collect()
}

/// The lines for one kind of named span (terms or closures): those only in `held` removed (or,
/// for a name found once on each side, moved), then those only in `incoming` added.
fn named_spans_changes(
    held: &[Span],
    incoming: &[Span],
    label: impl Fn(&str) -> String,
) -> Vec<String> {
    let removed: Vec<_> = held.iter().filter(|s| !incoming.contains(s)).collect();
    let added: Vec<_> = incoming.iter().filter(|s| !held.contains(s)).collect();
    let once = |list: &[&Span], name: &str| list.iter().filter(|s| s.0 == name).count() == 1;
    let moved = |name: &str| once(&removed, name) && once(&added, name);
    let mut lines = Vec::new();
    for old in &removed {
        lines.push(
            match added.iter().find(|new| new.0 == old.0 && moved(old.0)) {
                Some(new) => format!(
                    "{} {} → {}",
                    label(old.0),
                    span(old.1, old.2),
                    span(new.1, new.2)
                ),
                None => format!("{} {} removed", label(old.0), span(old.1, old.2)),
            },
        );
    }
    for new in added.iter().filter(|new| !moved(new.0)) {
        lines.push(format!("{} {} added", label(new.0), span(new.1, new.2)));
    }
    lines
}

/// What moving from the held policy (if any) to another changes, a line each, in the words
/// Settings uses: "Most new objectives: 3 → 4", "Statement to the reviewee: 5 working days → 10
/// working days". Anything else that differs is one closing line, so no change goes unmentioned.
pub fn policy_changes(held: Option<&Policy>, incoming: &Policy) -> Vec<String> {
    let Some(held) = held else {
        return vec![format!("Policy: {} (none chosen before)", incoming.name)];
    };
    let mut lines = Vec::new();
    let mut line = |label: &str, before: String, after: String| {
        if before != after {
            lines.push(format!("{label}: {before} → {after}"));
        }
    };
    line("Policy", held.name.clone(), incoming.name.clone());
    line(
        "Most new objectives",
        held.max_objectives.to_string(),
        incoming.max_objectives.to_string(),
    );
    let (old, new) = (&held.deadlines, &incoming.deadlines);
    let periods = [
        (
            "Notice of the meeting",
            old.notice_before_meeting,
            new.notice_before_meeting,
        ),
        (
            "Statement to the reviewee",
            old.statement_after_meeting,
            new.statement_after_meeting,
        ),
        (
            "Reviewee’s reply",
            old.reply_after_statement,
            new.reply_after_statement,
        ),
        (
            "Statement to the headteacher",
            old.headteacher_after_meeting,
            new.headteacher_after_meeting,
        ),
        (
            "Feedback after an observation",
            old.observation_feedback,
            new.observation_feedback,
        ),
    ];
    for (label, before, after) in periods {
        line(label, before.to_string(), after.to_string());
    }
    let within = |period: Option<super::calendar::Period>| {
        period.map_or_else(|| "no limit".to_owned(), |p| p.to_string())
    };
    line(
        "Whole record completed within",
        within(old.record_within),
        within(new.record_within),
    );
    line(
        "Keeping records",
        format!("{} years", held.retention_years),
        format!("{} years", incoming.retention_years),
    );
    let linked = |yes: bool| {
        if yes {
            "linked to appraisal"
        } else {
            "not linked"
        }
        .to_owned()
    };
    line(
        "Pay progression",
        linked(held.pay_progression),
        linked(incoming.pay_progression),
    );
    let assessed = |yes: bool| if yes { "assessed" } else { "not used" }.to_owned();
    line(
        "The 10 standards",
        assessed(held.ten_standards_apply),
        assessed(incoming.ten_standards_apply),
    );
    // Whatever is not named above: the held policy with the named figures taken from the new
    // one still differs from it.
    let mut rest = held.clone();
    rest.name.clone_from(&incoming.name);
    rest.max_objectives = incoming.max_objectives;
    rest.deadlines = incoming.deadlines;
    rest.retention_years = incoming.retention_years;
    rest.pay_progression = incoming.pay_progression;
    rest.ten_standards_apply = incoming.ten_standards_apply;
    if rest != *incoming {
        lines.push(
            "Other details of the policy change: Settings shows the policy in full once you use these settings."
                .to_owned(),
        );
    }
    lines
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
            (vec![term("summer term", "19/04/2027", "03/09/2027")],
                Some("The summer term runs past the end of the school year on 31 August. A term falls within one school year, September to August: check its dates.")),
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

    fn closure(name: &str, first: &str, last: &str) -> Closure {
        closure_from(name, first, last).unwrap()
    }

    #[test]
    fn a_new_calendar_is_described_a_line_for_each_change() {
        let autumn = term("Autumn term", "02/09/2026", "18/12/2026");
        let spring = term("Spring term", "05/01/2027", "26/03/2027");
        let half_term = closure("Half term", "26/10/2026", "30/10/2026");
        let training = closure("Training day", "04/01/2027", "");
        let calendar = |terms: &[&Term], closures: &[&Closure]| SchoolCalendar {
            terms: terms.iter().map(|t| (*t).clone()).collect(),
            closures: closures.iter().map(|c| (*c).clone()).collect(),
        };
        #[rustfmt::skip]
        let cases: Vec<(SchoolCalendar, SchoolCalendar, Vec<&str>)> = vec![
            (calendar(&[], &[]), calendar(&[], &[]), vec![]),
            (calendar(&[&autumn], &[&half_term]), calendar(&[&autumn], &[&half_term]), vec![]),
            (calendar(&[], &[]), calendar(&[&autumn], &[]), vec!["Autumn term: 02/09/2026–18/12/2026 added"]),
            (calendar(&[&autumn, &spring], &[]), calendar(&[&autumn], &[]), vec!["Spring term: 05/01/2027–26/03/2027 removed"]),
            (calendar(&[&autumn], &[]), calendar(&[&term("Autumn term", "02/09/2026", "16/12/2026")], &[]),
                vec!["Autumn term: 02/09/2026–18/12/2026 → 02/09/2026–16/12/2026"]),
            (calendar(&[], &[&training]), calendar(&[], &[]), vec!["Closure ‘Training day’ 04/01/2027 removed"]),
            (calendar(&[], &[&half_term]), calendar(&[], &[&half_term, &training]), vec!["Closure ‘Training day’ 04/01/2027 added"]),
            (calendar(&[], &[&half_term]), calendar(&[], &[&closure("Half term", "27/10/2026", "30/10/2026")]),
                vec!["Closure ‘Half term’ 26/10/2026–30/10/2026 → 27/10/2026–30/10/2026"]),
            // Two training days of one name: which moved cannot be told, so each is named.
            (calendar(&[], &[&training, &closure("Training day", "05/01/2027", "")]),
                calendar(&[], &[&closure("Training day", "06/01/2027", ""), &closure("Training day", "07/01/2027", "")]),
                vec!["Closure ‘Training day’ 04/01/2027 removed", "Closure ‘Training day’ 05/01/2027 removed",
                     "Closure ‘Training day’ 06/01/2027 added", "Closure ‘Training day’ 07/01/2027 added"]),
            // Terms first, then closures, each in the calendar's (date) order.
            (calendar(&[], &[]), calendar(&[&autumn, &spring], &[&half_term, &training]),
                vec!["Autumn term: 02/09/2026–18/12/2026 added", "Spring term: 05/01/2027–26/03/2027 added",
                     "Closure ‘Half term’ 26/10/2026–30/10/2026 added", "Closure ‘Training day’ 04/01/2027 added"]),
        ];
        for (held, incoming, expected) in cases {
            assert_eq!(
                calendar_changes(&held, &incoming),
                expected,
                "{held:?} → {incoming:?}"
            );
        }
    }

    #[test]
    fn a_new_policy_is_described_in_the_words_settings_uses() {
        let held = super::super::presets::all_presets().remove(0);
        let with = |change: &dyn Fn(&mut Policy)| {
            let mut policy = held.clone();
            change(&mut policy);
            policy
        };
        let other = super::super::presets::all_presets().remove(1);
        #[rustfmt::skip]
        let cases: Vec<(Option<&Policy>, Policy, Vec<String>)> = vec![
            (Some(&held), held.clone(), vec![]),
            (None, held.clone(), vec![format!("Policy: {} (none chosen before)", held.name)]),
            (Some(&held), with(&|p| p.max_objectives = held.max_objectives + 1),
                vec![format!("Most new objectives: {} → {}", held.max_objectives, held.max_objectives + 1)]),
            (Some(&held), with(&|p| p.deadlines.statement_after_meeting = super::super::calendar::Period::working_days(12)),
                vec![format!("Statement to the reviewee: {} → 12 working days", held.deadlines.statement_after_meeting)]),
            (Some(&held), with(&|p| p.retention_years = 7),
                vec![format!("Keeping records: {} years → 7 years", held.retention_years)]),
            (Some(&held), with(&|p| p.pay_progression = !held.pay_progression),
                vec![if held.pay_progression { "Pay progression: linked to appraisal → not linked" } else { "Pay progression: not linked → linked to appraisal" }.to_owned()]),
            (Some(&held), with(&|p| p.max_observations = Some(held.max_observations.unwrap_or(0) + 1)),
                vec!["Other details of the policy change: Settings shows the policy in full once you use these settings.".to_owned()]),
        ];
        for (held, incoming, expected) in cases {
            assert_eq!(policy_changes(held, &incoming), expected);
        }
        let to_other = policy_changes(Some(&held), &other);
        assert_eq!(
            to_other[0],
            format!("Policy: {} → {}", held.name, other.name)
        );
    }
}
