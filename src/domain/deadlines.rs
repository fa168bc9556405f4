//! Deadlines: every due date of a review, derived from the policy in force and the dates things
//! happened on, and the agenda that tells one person what is overdue, due soon and coming up.

use chrono::{Duration, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

use super::calendar::{Period, PeriodUnit, Roll, SchoolCalendar};
use super::cycle::{Review, Stage, Suspension};
use super::dates::format_uk_date;
use super::documents::{AppealHearing, PayDecision};
use super::ids::Id;
use super::people::Role;
use super::policy::InterimReviews;

/// A deadline counts as "due soon" from this many working days before it.
pub const DUE_SOON_WORKING_DAYS: i64 = 3;
/// The agenda looks this many calendar days ahead for "coming up".
pub const LOOK_AHEAD_DAYS: i64 = 42;

/// What is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum DeadlineKind {
    MeetingNotice,
    PreReviewToReviewer,
    StatementToReviewee,
    RevieweeReply,
    StatementToHeadteacher,
    ObservationFeedback {
        observation: Id,
        observed_on: NaiveDate,
        /// Where the policy counts in hours (seed 003: "within 48 hours"), how many.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        within_hours: Option<u32>,
    },
    InterimReview {
        number: u32,
        /// Held only if the reviewer and reviewee choose to (seed 001's mid-year review).
        optional: bool,
    },
    /// The training needs sent to whoever plans training (the CPD leader, or as the policy names
    /// them), by the policy's date.
    TrainingNeedsSent {
        to: String,
    },
    SupportPlanReview,
    MonitoringEnds,
    PayDecision,
    /// The outcome of an appeal decided, within the school's limit from its lodging.
    AppealDecision,
    /// The last day the reviewee may appeal against the statement, where the school sets a limit.
    AppealBy,
}

impl fmt::Display for DeadlineKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeadlineKind::MeetingNotice => write!(f, "Give notice of the meeting"),
            DeadlineKind::PreReviewToReviewer => {
                write!(f, "Send your pre-review to your reviewer")
            }
            DeadlineKind::StatementToReviewee => {
                write!(f, "Send the statement and training needs to the reviewee")
            }
            DeadlineKind::RevieweeReply => {
                write!(f, "Comment on and sign the statement, or appeal")
            }
            DeadlineKind::StatementToHeadteacher => {
                write!(f, "Send the agreed statement to the headteacher")
            }
            DeadlineKind::ObservationFeedback {
                observed_on,
                within_hours: None,
                ..
            } => write!(
                f,
                "Give feedback on the observation of {}",
                format_uk_date(*observed_on)
            ),
            DeadlineKind::ObservationFeedback {
                observed_on,
                within_hours: Some(hours),
                ..
            } => write!(
                f,
                "Give feedback on the observation of {} within {hours} hours, by the time of day it was held",
                format_uk_date(*observed_on)
            ),
            DeadlineKind::InterimReview {
                number,
                optional: false,
            } => write!(f, "Hold interim review {number}"),
            DeadlineKind::InterimReview {
                number,
                optional: true,
            } => write!(f, "Hold interim review {number}, if you agree to have one"),
            DeadlineKind::TrainingNeedsSent { to } => {
                write!(f, "Send the training needs to the {}", in_a_sentence(to))
            }
            DeadlineKind::SupportPlanReview => write!(f, "Review progress on the support plan"),
            DeadlineKind::MonitoringEnds => {
                write!(
                    f,
                    "Decide the outcome of the support plan's monitoring period"
                )
            }
            DeadlineKind::PayDecision => write!(f, "Make the pay decision"),
            DeadlineKind::AppealDecision => write!(f, "Hear the appeal and decide its outcome"),
            DeadlineKind::AppealBy => write!(f, "Appeal against the statement, if you choose to"),
        }
    }
}

impl DeadlineKind {
    /// Which way the date moves when the school is closed on it. Dates something must be done
    /// *by* (notice before the meeting, the pre-review before it, the pay decision and the
    /// training needs by the policy's dates, an interim review by its term's end) move to the
    /// school day before, so acting on it is not late. Counts after an event (the meeting, a file
    /// sent, an observation) move forward, except a time in hours ([`Period::roll_after_event`]).
    pub fn roll(&self) -> Roll {
        match self {
            DeadlineKind::MeetingNotice
            | DeadlineKind::PreReviewToReviewer
            | DeadlineKind::PayDecision
            | DeadlineKind::TrainingNeedsSent { .. }
            | DeadlineKind::InterimReview { .. } => Roll::Before,
            DeadlineKind::ObservationFeedback {
                within_hours: Some(hours),
                ..
            } => Period::hours(*hours).roll_after_event(),
            _ => Roll::After,
        }
    }
}

impl Deadline {
    /// What the calendar has to say about the due date: that the school is closed on it, naming
    /// the school day to act on, and that it was counted past the school's entered terms.
    pub fn calendar_note(&self, calendar: &SchoolCalendar) -> Option<String> {
        let notes = calendar.notes_on(self.due, self.kind.roll());
        (!notes.is_empty()).then(|| notes.join(". "))
    }
}

/// The calendar's notes for a list of a review's deadlines: each deadline's own (a closed day,
/// and a short mark where its date was counted past the entered terms), and the sentences
/// saying which terms are missing, once each rather than on every line.
pub fn notes_for_list<'a>(
    deadlines: impl IntoIterator<Item = &'a Deadline>,
    calendar: &SchoolCalendar,
) -> (Vec<Option<String>>, Vec<String>) {
    let mut missing: Vec<String> = Vec::new();
    let own = deadlines
        .into_iter()
        .map(|deadline| {
            let closed = calendar.closed_day_note(deadline.due, deadline.kind.roll());
            let Some(unentered) = calendar.unentered_note(deadline.due) else {
                return closed;
            };
            if !missing.contains(&unentered) {
                missing.push(unentered);
            }
            const MARK: &str = "Counted without your school’s dates";
            Some(closed.map_or(MARK.to_owned(), |closed| format!("{closed}. {MARK}")))
        })
        .collect();
    (own, missing)
}

/// A job title as it reads inside a sentence: "Business manager" → "business manager", while
/// "CPD leader" keeps its capitals.
pub fn in_a_sentence(title: &str) -> String {
    let mut chars = title.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if second.is_lowercase() => {
            first.to_lowercase().chain(title.chars().skip(1)).collect()
        }
        _ => title.to_owned(),
    }
}

/// One due date of one review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub review: Id,
    pub kind: DeadlineKind,
    /// Who must act.
    pub owner: Role,
    pub due: NaiveDate,
    pub done: bool,
}

/// How pressing an open deadline is on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    Overdue { working_days: i64 },
    DueToday,
    DueSoon { working_days: i64 },
    ComingUp,
}

impl fmt::Display for Urgency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days = |n: i64| {
            if n == 1 {
                "1 working day".to_string()
            } else {
                format!("{n} working days")
            }
        };
        match self {
            Urgency::Overdue { working_days: 0 } => write!(f, "Overdue"),
            Urgency::Overdue { working_days } => write!(f, "Overdue by {}", days(*working_days)),
            Urgency::DueToday => write!(f, "Due today"),
            Urgency::DueSoon { working_days } => write!(f, "Due in {}", days(*working_days)),
            Urgency::ComingUp => write!(f, "Coming up"),
        }
    }
}

/// An open deadline on someone's agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItem {
    pub deadline: Deadline,
    /// Whose review it is, for the reviewer's list.
    pub reviewee_name: String,
    pub urgency: Urgency,
    /// What the calendar says of the due date (a closed day, a date past the entered terms).
    pub calendar_note: Option<String>,
}

/// Every deadline of a review at `stage` (see [`super::progress::stage_of`]). Each date depends
/// only on facts every copy that shows it holds alike: the policy, the meeting date, and the day
/// each file was made. While the cycle is suspended under formal capability its clocks stop, so
/// only the support plan's own dates are listed.
pub fn deadlines(review: &Review, stage: Stage, calendar: &SchoolCalendar) -> Vec<Deadline> {
    let mut list = Vec::new();
    let mut add = |kind, owner, due, done| {
        list.push(Deadline {
            review: review.id.clone(),
            kind,
            owner,
            due,
            done,
        })
    };
    let rules = review.policy.deadlines;
    let dates = &review.dates;
    let suspended = review.suspension == Some(Suspension::Capability);
    let pay_due = pay_decision_due(review);

    if !suspended {
        if let Some(meeting) = dates.meeting_on {
            add(
                DeadlineKind::MeetingNotice,
                Role::Reviewer,
                calendar.before(meeting, rules.notice_before_meeting),
                dates.invited_on.is_some() || stage >= Stage::MeetingHeld,
            );
            // Seed 001 has the pre-review completed "before the meeting"; the working day before
            // leaves the reviewer time to read it (Appraise's reading, not a seed figure).
            add(
                DeadlineKind::PreReviewToReviewer,
                Role::Reviewee,
                calendar.before(meeting, Period::working_days(1)),
                dates.pre_review_sent_on.is_some()
                    || dates.statement_sent_on.is_some()
                    || stage >= Stage::MeetingHeld,
            );
            add(
                DeadlineKind::StatementToReviewee,
                Role::Reviewer,
                calendar.after(meeting, rules.statement_after_meeting),
                dates.statement_sent_on.is_some(),
            );
            // Seed 002 4.1-4.2: "Final reviews will be completed in time to allow for any pay
            // decisions to be made by …": the agreed statement reaches the headteacher by the
            // last school day before the pay date, when that comes sooner than the usual time.
            let usual = calendar.after(meeting, rules.headteacher_after_meeting);
            let in_time_for_pay = pay_due
                .filter(|pay| *pay >= meeting)
                .map(|pay| calendar.working_day_on_or_before(pay));
            add(
                DeadlineKind::StatementToHeadteacher,
                Role::Reviewer,
                in_time_for_pay.map_or(usual, |by| usual.min(by.max(meeting))),
                dates.sent_to_headteacher_on.is_some(),
            );
        }
        if let Some(sent) = dates.statement_sent_on {
            // A statement sent before the meeting it records is still commented on after it: a
            // deadline counted from the meeting never falls before the meeting.
            let from = dates.meeting_on.map_or(sent, |meeting| sent.max(meeting));
            let mut reply_due = calendar.after(from, rules.reply_after_statement);
            if let (Some(meeting), Some(within)) = (dates.meeting_on, rules.record_within) {
                reply_due = reply_due.min(calendar.after(meeting, within).max(from));
            }
            add(
                DeadlineKind::RevieweeReply,
                Role::Reviewee,
                reply_due,
                dates.reviewee_replied_on.is_some() || stage >= Stage::SignedByBoth,
            );
        }
        for observation in &review.observations {
            add(
                DeadlineKind::ObservationFeedback {
                    observation: observation.id.clone(),
                    observed_on: observation.date,
                    within_hours: (rules.observation_feedback.unit == PeriodUnit::Hours)
                        .then_some(rules.observation_feedback.amount),
                },
                Role::Reviewer,
                observation.feedback_due(rules.observation_feedback, calendar),
                observation.verbal_feedback_on.is_some()
                    && observation.written_feedback_on.is_some(),
            );
        }
        let optional = review.policy.interim_optional;
        for (number, due) in interim_review_dates(review, calendar)
            .into_iter()
            .enumerate()
        {
            let number = u32::try_from(number + 1).unwrap_or(u32::MAX);
            let held = review.interim_reviews.len() >= number as usize;
            add(
                DeadlineKind::InterimReview { number, optional },
                Role::Reviewer,
                due,
                held,
            );
        }
        if let (Some(by), Some(meeting)) = (review.policy.training_needs_by, dates.meeting_on)
            && let Some(due) = by.on_or_after(meeting)
        {
            add(
                DeadlineKind::TrainingNeedsSent {
                    to: review.policy.training_needs_receiver().to_owned(),
                },
                Role::Reviewer,
                due,
                dates.training_needs_sent_on.is_some(),
            );
        }
        if let Some(due) = pay_due {
            add(
                DeadlineKind::PayDecision,
                Role::Headteacher,
                due,
                review
                    .pay_decision
                    .as_ref()
                    .is_some_and(PayDecision::is_made),
            );
        }
        if let (Some(within), Some(sent), true) = (
            review.policy.appeal_within,
            dates.statement_sent_on,
            review.policy.appeals.allows_statement_appeal(),
        ) {
            add(
                DeadlineKind::AppealBy,
                Role::Reviewee,
                calendar.after(sent, within),
                review
                    .appeal
                    .as_ref()
                    .is_some_and(|appeal| appeal.lodged_on.is_some()),
            );
        }
        if let (Some(within), Some(lodged)) = (
            review.policy.appeal_decided_within,
            review.appeal.as_ref().and_then(|appeal| appeal.lodged_on),
        ) {
            add(
                DeadlineKind::AppealDecision,
                Role::Headteacher,
                calendar.after(lodged, within),
                review
                    .appeal_hearing
                    .as_ref()
                    .is_some_and(AppealHearing::is_decided),
            );
        }
    }
    if let Some(plan) = &review.support_plan {
        let decided = plan.outcome.is_some();
        if let Some(review_on) = plan.review_on {
            add(
                DeadlineKind::SupportPlanReview,
                Role::Reviewer,
                review_on,
                decided,
            );
        }
        if let Some(ends) = plan.monitoring_ends(calendar) {
            add(DeadlineKind::MonitoringEnds, Role::Reviewer, ends, decided);
        }
    }
    list.sort_by_key(|deadline| deadline.due);
    list
}

/// The date the pay decision is due by, for a reviewee eligible for pay progression under a
/// policy that dates it: the policy's day after the cycle the final review looks back on. Where
/// the policy decides pay by the cycle's own end (seed 002's support staff, by 31 March), a
/// meeting after that date is the next cycle's objective setting ("as soon as possible after the
/// start", 5.1), not a late final review: no decision is owed from it.
fn pay_decision_due(review: &Review) -> Option<NaiveDate> {
    if !(review.policy.pay_progression && review.pay_eligible) {
        return None;
    }
    let reviewed = review.reviewed_period();
    let due = review
        .cycle()?
        .pay_decision_by?
        .on_or_after(reviewed.last_day)?;
    let objective_setting = review
        .dates
        .meeting_on
        .is_some_and(|meeting| due < meeting && due <= reviewed.last_day);
    (!objective_setting).then_some(due)
}

/// When the interim reviews of the cycle being planned fall due: on the date agreed at the
/// meeting, if one was, and as the policy sets after it.
fn interim_review_dates(review: &Review, calendar: &SchoolCalendar) -> Vec<NaiveDate> {
    let agreed = review
        .statement
        .as_ref()
        .and_then(|statement| statement.next_review_on);
    let from_policy = policy_interim_dates(review, calendar);
    match agreed {
        // The date agreed at the meeting replaces the first the policy would set.
        Some(agreed) => std::iter::once(agreed)
            .chain(from_policy.into_iter().filter(|day| *day > agreed))
            .collect(),
        None => from_policy,
    }
}

/// A term ending this close before the cycle does is the cycle's last: the cycle ends in the
/// holiday after it (a summer holiday is about six weeks, a term is longer than eight).
const LAST_TERM_BEFORE_CYCLE_END: i64 = 56;

/// The interim reviews the policy sets in the cycle being planned, before anything is agreed.
///
/// Termly reviews (seed 000 §5: "At the end of the first term of the performance management
/// cycle"; seed 003: "a programme of termly review meetings … leading up to the next annual review
/// meeting") fall on the last school day of each of the school's terms that ends after the meeting
/// and within the cycle it plans, except the term the meeting is held in when less than half of it
/// is left, and the cycle's last term, which the next annual review closes (Appraise's reading of
/// "leading up to"). Where the school has entered no terms there are none to give: see
/// [`termly_dates_unknown`]. A mid-year review falls on the last school day before the cycle's
/// halfway point.
fn policy_interim_dates(review: &Review, calendar: &SchoolCalendar) -> Vec<NaiveDate> {
    let planned = review.planned_period();
    match review.policy.interim_reviews {
        InterimReviews::None => Vec::new(),
        InterimReviews::MidYear => {
            let length = review.cycle().map_or(12, |cycle| cycle.length_months);
            planned
                .first_day
                .checked_add_months(Months::new(length / 2))
                .and_then(|halfway| halfway.pred_opt())
                .map(|day| calendar.working_day_on_or_before(day))
                .into_iter()
                .collect()
        }
        InterimReviews::Termly => {
            let meeting = review.dates.meeting_on.unwrap_or(planned.first_day);
            calendar
                .terms_ending(planned.first_day, planned.last_day)
                .into_iter()
                .filter(|term| {
                    let halfway = term.first_day + (term.last_day - term.first_day) / 2;
                    meeting < halfway
                })
                .filter(|term| {
                    (planned.last_day - term.last_day).num_days() >= LAST_TERM_BEFORE_CYCLE_END
                })
                .map(|term| calendar.working_day_on_or_before(term.last_day))
                .collect()
        }
    }
}

/// Where the policy asks for termly reviews and the school has not entered the terms of the
/// cycle the meeting plans, the sentence saying why some or all of their dates are not given.
pub fn termly_dates_unknown(review: &Review, calendar: &SchoolCalendar) -> Option<String> {
    if review.policy.interim_reviews != InterimReviews::Termly {
        return None;
    }
    let planned = review.planned_period();
    let known = match calendar.entered_until() {
        Some(until) if until >= planned.last_day - Duration::days(LAST_TERM_BEFORE_CYCLE_END) => {
            return None;
        }
        Some(until) => format!(" after {}", format_uk_date(until)),
        None => String::new(),
    };
    Some(format!(
        "Termly reviews fall at the end of each term, and your school’s terms{known} are not entered, so those dates are not shown: ask the headteacher to publish the terms for {planned}"
    ))
}

/// Whether a deadline of `kind` can ever be seen done on the copy of the person in `reader`'s
/// part: the final statement and the training needs go beyond the two parties, and the pay
/// decision never leaves the headteacher; the headteacher and the CPD leader hold only what is
/// sent to them.
pub fn seen_by(kind: &DeadlineKind, reader: Role) -> bool {
    match kind {
        DeadlineKind::StatementToHeadteacher => {
            matches!(reader, Role::Reviewer | Role::Headteacher)
        }
        DeadlineKind::TrainingNeedsSent { .. } => {
            matches!(reader, Role::Reviewer | Role::CpdLeader)
        }
        DeadlineKind::PayDecision => reader == Role::Headteacher,
        DeadlineKind::AppealDecision => reader != Role::CpdLeader,
        _ => matches!(reader, Role::Reviewer | Role::Reviewee),
    }
}

/// Where a deadline stands for the person reading one copy of the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Done,
    /// Open and the reader's own, with how pressing it is (`None`: further off than the agenda
    /// looks).
    Yours(Option<Urgency>),
    /// Open and someone else's: this copy sees it done when their file arrives, and never counts
    /// their lateness against the reader.
    Theirs,
    /// Someone else's, and nothing that shows it done ever reaches this copy.
    NotSeenHere,
    /// A step the person may choose to take (an interim review if both agree, an appeal) whose
    /// day has passed without it.
    Lapsed,
}

impl Standing {
    /// The standing in a few words, for the list of deadlines.
    pub fn describe(self, owner: Role) -> String {
        let owner = in_a_sentence(owner.label());
        match self {
            Standing::Done => "done".to_owned(),
            Standing::Yours(Some(urgency)) => in_a_sentence(&urgency.to_string()),
            Standing::Yours(None) => "not yet due".to_owned(),
            Standing::Theirs => format!("for the {owner} to do"),
            Standing::NotSeenHere => {
                format!("for the {owner}; your copy is not told when it is done")
            }
            Standing::Lapsed => "not taken up".to_owned(),
        }
    }
}

/// Where `deadline` stands on `today` for the person in `reader`'s part.
pub fn standing(
    deadline: &Deadline,
    reader: Role,
    calendar: &SchoolCalendar,
    today: NaiveDate,
) -> Standing {
    if deadline.done {
        return Standing::Done;
    }
    if !seen_by(&deadline.kind, reader) {
        return Standing::NotSeenHere;
    }
    if is_optional(&deadline.kind) && deadline.due < today {
        return Standing::Lapsed;
    }
    if deadline.owner != reader {
        return Standing::Theirs;
    }
    Standing::Yours(urgency(deadline, calendar, today))
}

/// A step the person may choose not to take.
fn is_optional(kind: &DeadlineKind) -> bool {
    matches!(
        kind,
        DeadlineKind::InterimReview { optional: true, .. } | DeadlineKind::AppealBy
    )
}

/// How pressing a deadline is on `today`; `None` once done or when further off than the look-ahead.
pub fn urgency(
    deadline: &Deadline,
    calendar: &SchoolCalendar,
    today: NaiveDate,
) -> Option<Urgency> {
    // An optional step not taken by its date was not wanted: it is never overdue.
    if deadline.done || (is_optional(&deadline.kind) && deadline.due < today) {
        return None;
    }
    let working_days = calendar.working_days_until(today, deadline.due);
    Some(if deadline.due < today {
        Urgency::Overdue {
            working_days: -working_days,
        }
    } else if deadline.due == today {
        Urgency::DueToday
    } else if working_days <= DUE_SOON_WORKING_DAYS {
        Urgency::DueSoon { working_days }
    } else if (deadline.due - today).num_days() <= LOOK_AHEAD_DAYS {
        Urgency::ComingUp
    } else {
        return None;
    })
}

/// What the person in `role` must do in this one review on `today`, overdue first: the open
/// deadlines among `deadlines` (the review's) that are theirs.
pub fn pressing_for(
    review: &Review,
    deadlines: &[Deadline],
    role: Role,
    calendar: &SchoolCalendar,
    today: NaiveDate,
) -> Vec<AgendaItem> {
    let mut items: Vec<AgendaItem> = deadlines
        .iter()
        .filter(|deadline| deadline.owner == role)
        .filter_map(|deadline| {
            let urgency = urgency(deadline, calendar, today)?;
            Some(AgendaItem {
                reviewee_name: review.reviewee.name.clone(),
                calendar_note: deadline.calendar_note(calendar),
                deadline: deadline.clone(),
                urgency,
            })
        })
        .collect();
    items.sort_by_key(|item| {
        (
            !matches!(item.urgency, Urgency::Overdue { .. }),
            item.deadline.due,
        )
    });
    items
}
