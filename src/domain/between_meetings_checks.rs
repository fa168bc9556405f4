//! The year between meetings checked against the review and its policy: an interim review dated
//! before the meeting that set the objectives it looks at, or outside the cycle that meeting
//! planned; observation feedback given after the policy's time (seed 002 6.2: "within five
//! working days"; seed 003: "within 48 hours"); more observations than the policy's most a cycle
//! (seed 002 6.1: "no more than three"; seed 003: one formal observation). Each is a warning with
//! a sentence, as a record may be entered late and an extra observation may have been agreed.

use chrono::NaiveDate;
use std::fmt;

use super::calendar::{Period, SchoolCalendar};
use super::cycle::Review;
use super::dates::format_uk_date;

/// Something recorded between meetings that does not fit the review or its policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BetweenMeetingsWarning {
    InterimBeforeMeeting {
        held_on: NaiveDate,
        meeting: NaiveDate,
    },
    InterimOutsideCycle {
        held_on: NaiveDate,
        first_day: NaiveDate,
        last_day: NaiveDate,
    },
    FeedbackLate {
        observed_on: NaiveDate,
        given_on: NaiveDate,
        due: NaiveDate,
        within: Period,
    },
    /// The observation on `observed_on` is number `number` of the cycle; the policy allows `max`.
    TooManyObservations {
        observed_on: NaiveDate,
        number: usize,
        max: u32,
    },
}

impl fmt::Display for BetweenMeetingsWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BetweenMeetingsWarning::InterimBeforeMeeting { held_on, meeting } => write!(
                f,
                "The interim review is dated {}, before the review meeting on {} that set the objectives it looks at: check the date.",
                format_uk_date(*held_on),
                format_uk_date(*meeting)
            ),
            BetweenMeetingsWarning::InterimOutsideCycle {
                held_on,
                first_day,
                last_day,
            } => write!(
                f,
                "The interim review is dated {}, outside the cycle it reviews, {} to {}: check the date.",
                format_uk_date(*held_on),
                format_uk_date(*first_day),
                format_uk_date(*last_day)
            ),
            BetweenMeetingsWarning::FeedbackLate {
                observed_on,
                given_on,
                due,
                within,
            } => write!(
                f,
                "Feedback on the observation of {} was given on {}, after the policy’s {within} (due {}). Record why, if there was a reason.",
                format_uk_date(*observed_on),
                format_uk_date(*given_on),
                format_uk_date(*due)
            ),
            BetweenMeetingsWarning::TooManyObservations {
                observed_on,
                number,
                max,
            } => write!(
                f,
                "The observation of {} is the {} this cycle, but the policy allows at most {max}. Hold it only if the reviewee agrees, and record why.",
                format_uk_date(*observed_on),
                super::dates::ordinal(*number)
            ),
        }
    }
}

impl BetweenMeetingsWarning {
    /// Whether the warning is about an observation (otherwise an interim review).
    pub fn about_observations(&self) -> bool {
        matches!(
            self,
            BetweenMeetingsWarning::FeedbackLate { .. }
                | BetweenMeetingsWarning::TooManyObservations { .. }
        )
    }
}

/// Every warning about `review`'s interim reviews and observations.
pub fn between_meetings_warnings(
    review: &Review,
    calendar: &SchoolCalendar,
) -> Vec<BetweenMeetingsWarning> {
    let mut warnings = Vec::new();
    let planned = review.planned_period();
    for interim in &review.interim_reviews {
        match review.dates.meeting_on {
            Some(meeting) if interim.date < meeting => {
                warnings.push(BetweenMeetingsWarning::InterimBeforeMeeting {
                    held_on: interim.date,
                    meeting,
                });
            }
            _ if !planned.contains(interim.date) => {
                warnings.push(BetweenMeetingsWarning::InterimOutsideCycle {
                    held_on: interim.date,
                    first_day: planned.first_day,
                    last_day: planned.last_day,
                });
            }
            _ => {}
        }
    }
    if let Some(max) = review.policy.max_observations {
        let mut in_cycle: Vec<NaiveDate> = review
            .observations
            .iter()
            .map(|observation| observation.date)
            .filter(|day| planned.contains(*day))
            .collect();
        in_cycle.sort();
        for (number, observed_on) in in_cycle.into_iter().enumerate().skip(max as usize) {
            warnings.push(BetweenMeetingsWarning::TooManyObservations {
                observed_on,
                number: number + 1,
                max,
            });
        }
    }
    let within = review.policy.deadlines.observation_feedback;
    for observation in &review.observations {
        let due = observation.feedback_due(within, calendar);
        let latest = [
            observation.verbal_feedback_on,
            observation.written_feedback_on,
        ]
        .into_iter()
        .flatten()
        .max();
        if let Some(given_on) = latest.filter(|given| *given > due) {
            warnings.push(BetweenMeetingsWarning::FeedbackLate {
                observed_on: observation.date,
                given_on,
                due,
                within,
            });
        }
    }
    warnings
}
