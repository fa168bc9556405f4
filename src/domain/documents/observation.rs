//! Observations of the reviewee's work: who observed what and when, the notice given, the key
//! points to bring to the next meeting, when verbal and written feedback were given, and the
//! reviewee's comments. The policy sets the most observations a cycle and the feedback deadline
//! (seed 002 6.1–6.2, seed 003); seed 000 4.9 has the key points noted for the end-of-term meeting.
//! All of a review's observations are one document, an item each, so two people's edits to
//! different observations (or different fields of one) merge without clashing.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Document, FormField, field};
use crate::domain::calendar::{Period, PeriodUnit, SchoolCalendar};
use crate::domain::dates::{format_uk_date, weekday_name};
use crate::domain::ids::Id;

/// Every observation of one review's cycle, in the order they were arranged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObservationLog {
    pub items: Vec<Observation>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observation {
    pub id: Id,
    pub date: NaiveDate,
    pub observer: String,
    pub focus: String,
    /// When the reviewee was told of it, where the policy asks for notice.
    #[serde(default)]
    pub notice_given_on: Option<NaiveDate>,
    pub key_points: String,
    pub verbal_feedback_on: Option<NaiveDate>,
    pub written_feedback_on: Option<NaiveDate>,
    /// The reviewee's own words on the observation and its feedback.
    #[serde(default)]
    pub reviewee_comments: String,
}

impl Observation {
    /// A new observation on `date`, with nothing recorded yet.
    pub fn arranged(id: Id, date: NaiveDate) -> Observation {
        Observation {
            id,
            date,
            observer: String::new(),
            focus: String::new(),
            notice_given_on: None,
            key_points: String::new(),
            verbal_feedback_on: None,
            written_feedback_on: None,
            reviewee_comments: String::new(),
        }
    }

    /// When feedback on it is due, `within` the policy's time of the observation.
    pub fn feedback_due(&self, within: Period, calendar: &SchoolCalendar) -> NaiveDate {
        calendar.after(self.date, within)
    }

    /// When feedback is due, in a sentence for the observation's form. A time in hours ends at
    /// the time of day the observation was held; when the school is closed then, the feedback is
    /// given by the last school day before, since the next one is past the hours ("Feedback is
    /// due by the same time on Sunday 25/10/2026 (48 hours after the observation). Sunday
    /// 25/10/2026 is not a school day: the last school day before is Friday 23/10/2026.").
    pub fn feedback_due_in_words(&self, within: Period, calendar: &SchoolCalendar) -> String {
        let due = self.feedback_due(within, calendar);
        let when = if within.unit == PeriodUnit::Hours {
            format!(
                "the same time on {} {}",
                weekday_name(due),
                format_uk_date(due)
            )
        } else {
            format_uk_date(due)
        };
        let notes: String = calendar
            .notes_on(due, within.roll_after_event())
            .iter()
            .map(|note| format!(" {note}."))
            .collect();
        format!("Feedback is due by {when} ({within} after the observation).{notes}")
    }

    /// The observation's text fields as the form shows them.
    pub const TEXT_FIELDS: [FormField; 4] = [
        field(
            "observer",
            "Observer",
            "Who observes: the reviewer, or another colleague the school chose.",
            false,
        ),
        field(
            "focus",
            "Focus",
            "What the observation looks at, agreed in advance: a lesson, a group, a routine.",
            false,
        ),
        field(
            "key_points",
            "Key points",
            "Strengths and points to develop, to bring to the next review meeting.",
            true,
        ),
        field(
            "reviewee_comments",
            "Comments from the reviewee",
            "Your response to the observation and its feedback.",
            true,
        ),
    ];
}

impl Document for ObservationLog {
    const KIND: &'static str = "observations";
    const SCHEMA: u32 = 1;
}
