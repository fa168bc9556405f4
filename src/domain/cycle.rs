//! The appraisal cycle: one review of one reviewee by one reviewer under one policy for one
//! period, its dates and documents, and the stages of its main path.
//!
//! The main path is invited → preparing → meeting held → statement drafted → with reviewee →
//! signed by both → final, with an appeal possible once the reviewee has the statement, and a
//! statement to revise after an appeal upheld with changes. Beside it, a support plan may run at
//! any stage, and formal capability suspends the cycle. Each person keeps their own copy, so the
//! stage is never stored: [`super::progress::stage_of`] reads it off what a copy holds.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::documents::{
    Appeal, AppealHearing, CpdNeeds, InterimReview, MeetingChecklist, ModerationNote, NewObjective,
    Observation, PayDecision, PreReviewForm, Statement, SupportPlan,
};
use super::ids::Id;
use super::people::PersonRef;
use super::period::CyclePeriod;
use super::policy::{CycleOption, Policy};

/// Where a review has got to on its main path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Invited,
    Preparing,
    MeetingHeld,
    StatementDrafted,
    /// An appeal upheld in whole or part: the reviewer revises the statement and both sign again.
    Revising,
    WithReviewee,
    SignedByBoth,
    Appealed,
    Final,
}

impl Stage {
    pub fn label(self) -> &'static str {
        match self {
            Stage::Invited => "Invited",
            Stage::Preparing => "Preparing for the meeting",
            Stage::MeetingHeld => "Meeting held",
            Stage::StatementDrafted => "Statement being written",
            Stage::Revising => "Statement being revised after the appeal",
            Stage::WithReviewee => "With the reviewee for comments",
            Stage::SignedByBoth => "Signed by both",
            Stage::Appealed => "Appealed",
            Stage::Final => "Final",
        }
    }
}

/// A state beside the main path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Suspension {
    /// Performance is being monitored under a support plan; the cycle carries on.
    SupportPlan,
    /// The formal capability procedure: the cycle is suspended.
    Capability,
}

/// The dates things happened on, which start the policy's clocks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyDates {
    pub invited_on: Option<NaiveDate>,
    /// When the reviewee's pre-review was sent (on their side) or arrived (on the reviewer's).
    #[serde(default)]
    pub pre_review_sent_on: Option<NaiveDate>,
    /// The meeting date, planned or held.
    pub meeting_on: Option<NaiveDate>,
    pub statement_sent_on: Option<NaiveDate>,
    pub reviewee_replied_on: Option<NaiveDate>,
    pub sent_to_headteacher_on: Option<NaiveDate>,
    /// When the training needs went to whoever plans training.
    #[serde(default)]
    pub training_needs_sent_on: Option<NaiveDate>,
    pub finalised_on: Option<NaiveDate>,
}

/// Everything about one review: who, under which policy, where it has got to, and its documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub id: Id,
    pub reviewee: PersonRef,
    pub reviewer: PersonRef,
    /// The policy in force for this review, as it stood when the review began.
    pub policy: Policy,
    pub staff_group: String,
    pub period: CyclePeriod,
    /// Whether the reviewee is eligible for pay progression this cycle.
    pub pay_eligible: bool,
    /// The reviewee's own cycle where it is not the school's whole one (a joiner, a fixed-term
    /// contract): what the meeting plans instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_year: Option<CyclePeriod>,
    /// A support plan running, or the cycle suspended under formal capability, from the plan held.
    pub suspension: Option<Suspension>,
    pub dates: KeyDates,
    pub pre_review: Option<PreReviewForm>,
    /// The reviewer's private preparation; never exported.
    pub reviewer_notes: Option<PreReviewForm>,
    pub statement: Option<Statement>,
    pub cpd_needs: Option<CpdNeeds>,
    pub observations: Vec<Observation>,
    pub interim_reviews: Vec<InterimReview>,
    pub support_plan: Option<SupportPlan>,
    pub appeal: Option<Appeal>,
    /// The hearing of the appeal and its outcome, once recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appeal_hearing: Option<AppealHearing>,
    /// The headteacher's note after moderating the statement, and the reviewer's answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moderation_note: Option<ModerationNote>,
    /// The headteacher's pay decision, held on the headteacher's device only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pay_decision: Option<PayDecision>,
    pub checklist: MeetingChecklist,
}

impl Review {
    /// Whether the meeting has taken place by `today` (its date has come).
    pub fn meeting_held(&self, today: NaiveDate) -> bool {
        self.dates.meeting_on.is_some_and(|day| day <= today)
    }

    /// A new review at the invitation stage, with seed 001's meeting checklist.
    pub fn new(
        id: Id,
        reviewee: PersonRef,
        reviewer: PersonRef,
        policy: Policy,
        staff_group: &str,
        period: CyclePeriod,
    ) -> Review {
        Review {
            id,
            reviewee,
            reviewer,
            policy,
            staff_group: staff_group.into(),
            period,
            pay_eligible: false,
            part_year: None,
            suspension: None,
            dates: KeyDates::default(),
            pre_review: None,
            reviewer_notes: None,
            statement: None,
            cpd_needs: None,
            observations: Vec::new(),
            interim_reviews: Vec::new(),
            support_plan: None,
            appeal: None,
            appeal_hearing: None,
            moderation_note: None,
            pay_decision: None,
            checklist: MeetingChecklist::seed_001(),
        }
    }

    /// The day an appeal was upheld in whole or part, when it was: from then the statement is to
    /// be revised, and sign-offs given before it no longer stand.
    pub fn upheld_on(&self) -> Option<NaiveDate> {
        self.appeal_hearing
            .as_ref()
            .filter(|hearing| hearing.is_decided() && hearing.changes_statement())
            .and_then(|hearing| hearing.decided_on)
    }

    /// The cycle option this review runs on.
    pub fn cycle(&self) -> Option<&CycleOption> {
        self.policy.cycle_for(&self.staff_group)
    }

    /// The cycle the meeting looks back on (see [`CyclePeriod::reviewed_at`]); before a meeting
    /// date is known, the review's own period.
    pub fn reviewed_period(&self) -> CyclePeriod {
        self.dates
            .meeting_on
            .zip(self.cycle())
            .and_then(|(meeting, cycle)| CyclePeriod::reviewed_at(cycle, meeting))
            .unwrap_or(self.period)
    }

    /// The objectives in force now: the statement's, each replaced by any later revision of it
    /// at an interim review, and any added there (seed 000's termly objectives).
    pub fn objectives_in_force(&self) -> Vec<NewObjective> {
        let mut objectives: Vec<NewObjective> = self
            .statement
            .as_ref()
            .map(|statement| statement.new_objectives.clone())
            .unwrap_or_default();
        for revised in self
            .interim_reviews
            .iter()
            .flat_map(|interim| &interim.revised_objectives)
        {
            objectives.retain(|objective| objective.id != revised.id);
            objectives.push(revised.clone());
        }
        objectives
    }

    /// The cycle the meeting is held in, which is the cycle whose workload it counts in (a
    /// reviewer's limit of reviews "per cycle", seed 004 6.2); before a meeting date is known,
    /// the review's own period.
    pub fn meeting_cycle(&self) -> CyclePeriod {
        self.dates
            .meeting_on
            .zip(self.cycle())
            .and_then(|(meeting, cycle)| CyclePeriod::containing(cycle, meeting))
            .unwrap_or(self.period)
    }

    /// The cycle the meeting plans: the one after the cycle it reviews, whose objectives and
    /// interim reviews it sets (seed 001: review and objective setting "in either July or
    /// September"; seed 002 5.1: objectives set before or soon after the cycle starts). Before a
    /// meeting date is known, the review's own period.
    pub fn planned_period(&self) -> CyclePeriod {
        if let Some(part_year) = self.part_year {
            return part_year;
        }
        if self.dates.meeting_on.is_none() {
            return self.period;
        }
        self.dates
            .meeting_on
            .zip(self.cycle())
            .and_then(|(meeting, cycle)| CyclePeriod::planned_at(cycle, meeting))
            .unwrap_or(self.period)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::period::PartYearProblem;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_meeting_plans_the_cycle_after_the_one_it_reviews() {
        let policy = crate::domain::presets::preset("la-support-staff").unwrap();
        let period = CyclePeriod::containing(&policy.cycles[0], date(2026, 7, 14)).unwrap();
        let mut review = Review::new(
            Id::new("r").unwrap(),
            PersonRef {
                staff_id: Id::new("sam").unwrap(),
                name: "Sam".into(),
                job_title: String::new(),
            },
            PersonRef {
                staff_id: Id::new("jo").unwrap(),
                name: "Jo".into(),
                job_title: String::new(),
            },
            policy,
            "Support staff",
            period,
        );
        assert_eq!(review.planned_period(), period, "no meeting date yet");
        // A joiner from January: the meeting plans their part of the year.
        let planned = CyclePeriod::planned_at(&review.policy.cycles[0], date(2027, 1, 15)).unwrap();
        assert_eq!(planned.first_day, date(2026, 9, 1));
        let joiner = planned.part(Some(date(2027, 1, 11)), None).unwrap();
        assert_eq!(
            joiner,
            Some(CyclePeriod {
                first_day: date(2027, 1, 11),
                last_day: date(2027, 8, 31)
            })
        );
        assert_eq!(planned.part(None, None), Ok(None));
        let at_fault = |first, last| {
            planned
                .part(Some(first), Some(last))
                .unwrap_err()
                .about_first_day()
        };
        assert!(
            !at_fault(date(2027, 1, 11), date(2027, 9, 30)),
            "the last day is outside"
        );
        assert!(
            at_fault(date(2026, 8, 1), date(2027, 1, 30)),
            "only the first day is outside"
        );
        assert!(
            !at_fault(date(2027, 3, 1), date(2027, 2, 1)),
            "ends before it starts"
        );
        assert_eq!(
            planned.part(Some(date(2027, 3, 1)), Some(date(2027, 2, 1))),
            Err(PartYearProblem::EndsBeforeItStarts)
        );
        assert_eq!(
            planned
                .part(None, Some(date(2027, 9, 30)))
                .unwrap_err()
                .to_string(),
            "A part-year cycle falls within the cycle this meeting plans, 01/09/2026 to 31/08/2027. Enter dates inside it, or leave them blank for the whole cycle."
        );
        review.part_year = joiner;
        review.dates.meeting_on = Some(date(2027, 1, 15));
        assert_eq!(review.planned_period(), joiner.unwrap());
        review.part_year = None;
        #[rustfmt::skip]
        let cases = [
            // (meeting, reviewed from, planned from)
            (date(2026, 7, 14), date(2025, 9, 1), date(2026, 9, 1)),
            (date(2026, 9, 22), date(2025, 9, 1), date(2026, 9, 1)),
            (date(2027, 7, 6), date(2026, 9, 1), date(2027, 9, 1)),
        ];
        for (meeting, reviewed, planned) in cases {
            review.dates.meeting_on = Some(meeting);
            assert_eq!(review.reviewed_period().first_day, reviewed, "{meeting}");
            assert_eq!(review.planned_period().first_day, planned, "{meeting}");
        }
    }
}
