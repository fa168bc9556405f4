//! The SMART check on a new objective: does it say what will be done (an action verb), how
//! success is measured (a number, a count, a named artefact or a judgement someone will make),
//! and by when (a date inside the cycle)? Tuned against a table of real objective wordings
//! (`tests/validation.rs`). Each miss is a reason the person can act on. It warns; it never blocks.

use std::fmt;

use super::dates::format_uk_date;
use super::documents::NewObjective;
use super::period::CyclePeriod;

/// One way an objective falls short of SMART.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SmartMiss {
    NoActionVerb,
    NothingMeasurable,
    NoSuccessCriteria,
    NoByWhenDate,
    ByWhenOutsideCycle {
        by_when: chrono::NaiveDate,
        period: CyclePeriod,
    },
}

impl fmt::Display for SmartMiss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SmartMiss::NoActionVerb => write!(
                f,
                "Say what will be done, starting with an action such as “deliver”, “complete” or “introduce”."
            ),
            SmartMiss::NothingMeasurable => write!(
                f,
                "Say how success will be measured: a number, a count (“every”, “three”) or something produced (“a report”, “a qualification”)."
            ),
            SmartMiss::NoSuccessCriteria => {
                write!(f, "Add how you will know the objective has been achieved.")
            }
            SmartMiss::NoByWhenDate => write!(f, "Add a “by when” date."),
            SmartMiss::ByWhenOutsideCycle { by_when, period } => write!(
                f,
                "The “by when” date {} is outside this cycle ({period}): choose a date within it.",
                format_uk_date(*by_when),
            ),
        }
    }
}

const ACTION_VERBS: &[&str] = &[
    "achieve",
    "attend",
    "audit",
    "build",
    "complete",
    "coordinate",
    "create",
    "deliver",
    "design",
    "develop",
    "embed",
    "ensure",
    "establish",
    "gain",
    "help",
    "implement",
    "improve",
    "increase",
    "introduce",
    "keep",
    "launch",
    "lead",
    "learn",
    "maintain",
    "manage",
    "mentor",
    "monitor",
    "observe",
    "organise",
    "plan",
    "prepare",
    "produce",
    "provide",
    "raise",
    "reduce",
    "review",
    "run",
    "set",
    "share",
    "support",
    "teach",
    "train",
    "update",
    "write",
];

const COUNT_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve",
    "twenty", "hundred", "half", "all", "every", "each", "weekly", "termly", "monthly", "daily",
    "percent",
];

/// Words that name a judgement someone will make, which is a measure a careful reviewer accepts:
/// "a session observed as secure by the English lead", "assessment passed".
const JUDGEMENTS: &[&str] = &[
    "agreed",
    "approved",
    "checked",
    "exam",
    "feedback",
    "judged",
    "moderated",
    "moderation",
    "observation",
    "observed",
    "passed",
    "rated",
    "signed",
];

const ARTEFACTS: &[&str] = &[
    "assessment",
    "audit",
    "award",
    "certificate",
    "checklist",
    "course",
    "display",
    "folder",
    "handbook",
    "log",
    "module",
    "newsletter",
    "nvq",
    "plan",
    "policy",
    "portfolio",
    "presentation",
    "qualification",
    "record",
    "register",
    "report",
    "scheme",
    "spreadsheet",
    "survey",
    "timetable",
    "tracker",
    "workshop",
];

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
}

/// "deliver" matches "deliver", "delivers", "delivering" and "delivered".
fn is_form_of(word: &str, base: &str) -> bool {
    let Some(ending) = word.strip_prefix(base.trim_end_matches('e')) else {
        return false;
    };
    matches!(
        ending,
        "" | "e" | "s" | "es" | "ing" | "ed" | "d" | "ning" | "ned"
    )
}

/// Words after which a verb's form describes a state, not an action: "be more organised".
const STATE_BEFORE: &[&str] = &["be", "been", "being", "feel", "more", "better", "well"];

fn has_action_verb(text: &str) -> bool {
    let words: Vec<String> = words(text).collect();
    words.iter().enumerate().any(|(n, word)| {
        let describes_a_state = n > 0 && STATE_BEFORE.contains(&words[n - 1].as_str());
        !describes_a_state && ACTION_VERBS.iter().any(|verb| is_form_of(word, verb))
    })
}

fn is_measurable(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit() || c == '%')
        || text.to_lowercase().contains("per cent")
        || words(text).any(|word| {
            COUNT_WORDS.contains(&word.as_str())
                || JUDGEMENTS.contains(&word.as_str())
                || ARTEFACTS.iter().any(|artefact| is_form_of(&word, artefact))
        })
}

/// Every way the objective misses SMART, in the order a person would fix them.
pub fn smart_check(objective: &NewObjective, period: &CyclePeriod) -> Vec<SmartMiss> {
    let mut misses = Vec::new();
    if !has_action_verb(&objective.objective) {
        misses.push(SmartMiss::NoActionVerb);
    }
    let measured = format!("{} {}", objective.objective, objective.success_criteria);
    if !is_measurable(&measured) {
        misses.push(SmartMiss::NothingMeasurable);
    }
    if objective.success_criteria.trim().is_empty() {
        misses.push(SmartMiss::NoSuccessCriteria);
    }
    match objective.by_when {
        None => misses.push(SmartMiss::NoByWhenDate),
        Some(by_when) if !period.contains(by_when) => misses.push(SmartMiss::ByWhenOutsideCycle {
            by_when,
            period: *period,
        }),
        Some(_) => {}
    }
    misses
}
