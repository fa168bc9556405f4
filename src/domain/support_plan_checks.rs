//! A support plan checked against its policy's range (seed 002 8.1: monitoring "normally between
//! 4 and 8 working weeks", an extension "of not normally more than 4 weeks"; seed 003: "normally
//! be for a period of four weeks"): a period or extension outside it, and a review date before
//! the plan starts. "Normally" leaves room, so each is a warning with the policy's own words.

use chrono::NaiveDate;
use std::fmt;

use super::calendar::{Period, SchoolCalendar};
use super::dates::format_uk_date;
use super::documents::SupportPlan;
use super::policy::Policy;
use super::provenance::{Figure, Source, sources};

/// Something in a support plan the policy would not normally allow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SupportPlanWarning {
    ShorterThanPolicy {
        period: Period,
        shortest: Period,
        words: Option<&'static str>,
    },
    LongerThanPolicy {
        period: Period,
        longest: Period,
        words: Option<&'static str>,
    },
    ExtensionTooLong {
        extension: Period,
        longest: Period,
        words: Option<&'static str>,
    },
    ReviewBeforeStart {
        review_on: NaiveDate,
        starts_on: NaiveDate,
    },
}

/// The policy's words, quoted after a sentence, where it has them.
fn quoted(words: &Option<&'static str>) -> String {
    words.map_or_else(String::new, |words| format!(" The policy: “{words}”."))
}

impl fmt::Display for SupportPlanWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SupportPlanWarning::ShorterThanPolicy {
                period,
                shortest,
                words,
            } => write!(
                f,
                "The monitoring period of {period} is shorter than the policy’s {shortest}: give the reviewee at least that long, or record why not.{}",
                quoted(words)
            ),
            SupportPlanWarning::LongerThanPolicy {
                period,
                longest,
                words,
            } => write!(
                f,
                "The monitoring period of {period} is longer than the policy’s {longest}: shorten it, or record why it needs longer.{}",
                quoted(words)
            ),
            SupportPlanWarning::ExtensionTooLong {
                extension,
                longest,
                words,
            } if longest.amount == 0 => write!(
                f,
                "The plan is extended by {extension}, and the policy names no extension: record why it is needed.{}",
                quoted(words)
            ),
            SupportPlanWarning::ExtensionTooLong {
                extension,
                longest,
                words,
            } => write!(
                f,
                "The extension of {extension} is longer than the policy’s {longest}: shorten it, or record why it needs longer.{}",
                quoted(words)
            ),
            SupportPlanWarning::ReviewBeforeStart {
                review_on,
                starts_on,
            } => write!(
                f,
                "The review date, {}, is before the plan starts on {}: choose a review date after the start.",
                format_uk_date(*review_on),
                format_uk_date(*starts_on)
            ),
        }
    }
}

/// The words the preset `key` quotes for its support-plan period, if it quotes any.
fn policy_words(key: &str) -> Option<&'static str> {
    sources(key)?
        .into_iter()
        .find_map(|(figure, source)| match (figure, source) {
            (Figure::SupportPlan, Source::Policy { words, .. }) => Some(words),
            _ => None,
        })
}

/// What in `plan` falls outside `policy`'s range. Periods in different units are compared by
/// the day each ends on from the plan's start (or a fixed Monday before it has one).
pub fn support_plan_warnings(
    plan: &SupportPlan,
    policy: &Policy,
    calendar: &SchoolCalendar,
) -> Vec<SupportPlanWarning> {
    let mut warnings = Vec::new();
    if let (Some(review_on), Some(starts_on)) = (plan.review_on, plan.starts_on)
        && review_on < starts_on
    {
        warnings.push(SupportPlanWarning::ReviewBeforeStart {
            review_on,
            starts_on,
        });
    }
    let Some(rules) = policy.support_plan else {
        return warnings;
    };
    let start = plan
        .starts_on
        .unwrap_or(NaiveDate::from_ymd_opt(2027, 1, 4).expect("a fixed real date"));
    let ends = |period: Period| calendar.after(start, period);
    let words = policy_words(&policy.key);
    let period = plan.monitoring_period;
    if ends(period) < ends(rules.shortest) {
        warnings.push(SupportPlanWarning::ShorterThanPolicy {
            period,
            shortest: rules.shortest,
            words,
        });
    } else if ends(period) > ends(rules.longest) {
        warnings.push(SupportPlanWarning::LongerThanPolicy {
            period,
            longest: rules.longest,
            words,
        });
    }
    if let Some(extension) = plan.extension
        && ends(extension) > ends(rules.longest_extension)
    {
        warnings.push(SupportPlanWarning::ExtensionTooLong {
            extension,
            longest: rules.longest_extension,
            words,
        });
    }
    warnings
}
