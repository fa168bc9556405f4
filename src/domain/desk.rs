//! The headteacher's desk: one row per review held, worked out once from the review (so the desk
//! can keep rows for reviews that have not changed), and the filters and sort orders the desk
//! offers over those rows.

use chrono::NaiveDate;
use std::cmp::Ordering;

use super::calendar::SchoolCalendar;
use super::cycle::{Review, Stage, Suspension};
use super::deadlines::{DeadlineKind, deadlines};
use super::documents::{
    AppealOutcome, ModerationNote, PayDecision, PayDecisionMade, PayRecommendation, ProgressRating,
};
use super::ids::Id;
use super::period::CyclePeriod;
use super::progress::StatementSigned;
use super::smart::smart_check;

/// Whether the statement reached the headteacher by the policy's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Timeliness {
    /// Not with the headteacher and past the policy's date.
    Overdue,
    /// With the headteacher, after the policy's date.
    Late,
    NotYetDue,
    OnTime,
    /// The policy sets no date for it.
    NoDate,
}

impl Timeliness {
    pub fn label(self) -> &'static str {
        match self {
            Timeliness::Overdue => "Overdue",
            Timeliness::Late => "Late",
            Timeliness::NotYetDue => "Not yet due",
            Timeliness::OnTime => "On time",
            Timeliness::NoDate => "No date in the policy",
        }
    }

    /// Whether the headteacher should look at it: a statement late or still missing.
    pub fn is_late(self) -> bool {
        matches!(self, Timeliness::Overdue | Timeliness::Late)
    }
}

/// What the desk shows of one review. Names are labels; the review id is what it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct DeskRow {
    pub review: Id,
    pub reviewee: String,
    /// The reviewee's staff id: their key id once their keys are known, which the staff list
    /// is matched on.
    pub reviewee_id: Id,
    /// The reviewee's job title, which tells two members of staff of one name apart.
    pub reviewee_job_title: String,
    pub reviewer: String,
    /// The reviewer's staff id, which tells two reviewers of one name apart.
    pub reviewer_id: Id,
    pub staff_group: String,
    pub period: CyclePeriod,
    pub stage: Stage,
    pub suspension: Option<Suspension>,
    pub timeliness: Timeliness,
    /// The policy's date for the statement to reach the headteacher, if it sets one.
    pub due: Option<NaiveDate>,
    /// The day the final statement the headteacher holds was made and sent, if it has come.
    pub received_on: Option<NaiveDate>,
    pub objectives: usize,
    /// New objectives that miss at least one SMART check.
    pub objectives_missing_smart: usize,
    /// How many of last cycle's objectives were rated each way, in `ProgressRating::ALL` order.
    pub ratings: [u32; 4],
    pub pay_recommendation: Option<PayRecommendation>,
    /// The pay decision to make, for a reviewee eligible for pay progression under a policy
    /// that links pay; `None` otherwise.
    pub pay: Option<PayStanding>,
    /// Whether both sign-offs on the statement cover it as it is now.
    pub signed_as_it_is: bool,
    /// The appeal lodged, if any, and its outcome once decided.
    pub appeal: Option<AppealStanding>,
    /// The headteacher's moderation note, if one was written.
    pub moderation_note: Option<ModerationNote>,
}

/// A pay decision to make: by when, and what was decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayStanding {
    pub due: Option<NaiveDate>,
    pub decision: Option<PayDecision>,
    /// Who recommends pay where the policy names someone other than the reviewer: then the
    /// headteacher records that recommendation, not a decision of their own.
    pub recommended_by: Option<String>,
    /// The decisions the policy offers.
    pub offered: Vec<PayDecisionMade>,
}

impl PayStanding {
    /// The decision, once it is recorded with its date.
    pub fn decided(&self) -> Option<PayDecisionMade> {
        self.decision
            .as_ref()
            .filter(|decision| decision.is_made())
            .and_then(|decision| decision.decision)
    }

    pub fn is_decided(&self) -> bool {
        self.decided().is_some()
    }
}

/// An appeal lodged: when, by when the school's limit has it decided, and its outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppealStanding {
    pub lodged_on: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub outcome: Option<AppealOutcome>,
}

impl AppealStanding {
    /// Whether the appeal is still undecided after the school's limit, on `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.outcome.is_none() && self.due.is_some_and(|due| due < today)
    }
}

impl DeskRow {
    /// The row for `review` at `stage`, which `signed` says is signed (or not) as it stands, on
    /// `today`.
    pub fn of(
        review: &Review,
        stage: Stage,
        signed: StatementSigned,
        calendar: &SchoolCalendar,
        today: NaiveDate,
    ) -> DeskRow {
        let all = deadlines(review, stage, calendar);
        let due_for = |kind: DeadlineKind| {
            all.iter()
                .find(|deadline| deadline.kind == kind)
                .map(|deadline| deadline.due)
        };
        let deadline = all
            .iter()
            .find(|deadline| deadline.kind == DeadlineKind::StatementToHeadteacher);
        let sent = review.dates.sent_to_headteacher_on;
        let timeliness = match (&deadline, sent) {
            (None, _) => Timeliness::NoDate,
            (Some(deadline), Some(sent)) if sent <= deadline.due => Timeliness::OnTime,
            (Some(_), Some(_)) => Timeliness::Late,
            (Some(deadline), None) if today > deadline.due => Timeliness::Overdue,
            (Some(_), None) => Timeliness::NotYetDue,
        };
        let statement = review.statement.as_ref();
        let period = review.planned_period();
        let mut ratings = [0; 4];
        for rating in statement
            .into_iter()
            .flat_map(|statement| &statement.previous_objectives)
            .filter_map(|objective| objective.rating)
        {
            if let Some(slot) = ProgressRating::ALL.iter().position(|r| *r == rating) {
                ratings[slot] += 1;
            }
        }
        let new_objectives = statement.map_or(&[][..], |s| s.new_objectives.as_slice());
        DeskRow {
            review: review.id.clone(),
            reviewee: review.reviewee.name.clone(),
            reviewee_id: review.reviewee.staff_id.clone(),
            reviewee_job_title: review.reviewee.job_title.clone(),
            reviewer: review.reviewer.name.clone(),
            reviewer_id: review.reviewer.staff_id.clone(),
            staff_group: review.staff_group.clone(),
            period: review.period,
            stage,
            suspension: review.suspension,
            timeliness,
            due: deadline.map(|deadline| deadline.due),
            received_on: sent,
            objectives: new_objectives.len(),
            objectives_missing_smart: new_objectives
                .iter()
                .filter(|objective| !smart_check(objective, &period).is_empty())
                .count(),
            ratings,
            pay_recommendation: statement.and_then(|statement| statement.pay_recommendation),
            pay: (review.policy.pay_progression && review.pay_eligible).then(|| PayStanding {
                due: due_for(DeadlineKind::PayDecision),
                decision: review.pay_decision.clone(),
                recommended_by: review.policy.pay_recommended_by.clone(),
                offered: PayDecisionMade::offered(review.policy.honorarium),
            }),
            signed_as_it_is: signed.by_reviewer && signed.by_reviewee,
            appeal: review
                .appeal
                .as_ref()
                .filter(|appeal| appeal.is_lodged())
                .map(|appeal| AppealStanding {
                    lodged_on: appeal.lodged_on,
                    due: due_for(DeadlineKind::AppealDecision),
                    outcome: review
                        .appeal_hearing
                        .as_ref()
                        .filter(|hearing| hearing.is_decided())
                        .and_then(|hearing| hearing.outcome),
                }),
            moderation_note: review
                .moderation_note
                .clone()
                .filter(|note| !note.note.trim().is_empty()),
        }
    }

    /// The reviewee as a list names them: "Sam Patel, Teaching assistant".
    pub fn reviewee_in_words(&self) -> String {
        if self.reviewee_job_title.trim().is_empty() {
            self.reviewee.clone()
        } else {
            format!("{}, {}", self.reviewee, self.reviewee_job_title)
        }
    }

    /// Whether the statement reached the headteacher in time, in words: "On time (received
    /// 12/11/2026), due 13/11/2026".
    pub fn timeliness_in_words(&self) -> String {
        let label = match self.received_on {
            Some(day) => format!(
                "{} (received {})",
                self.timeliness.label(),
                super::dates::format_uk_date(day)
            ),
            None => self.timeliness.label().to_owned(),
        };
        match self.due {
            Some(due) => format!("{label}, due {}", super::dates::format_uk_date(due)),
            None => label,
        }
    }

    /// Whether the headteacher should look at this review: the statement late or missing, or
    /// not signed by both as it stands.
    pub fn needs_attention(&self) -> bool {
        self.timeliness.is_late() || !self.signed_as_it_is
    }

    /// Last cycle's objectives as rated, in words: "2 achieved, 1 partially achieved".
    pub fn ratings_in_words(&self) -> String {
        let words = [
            "achieved",
            "partially achieved",
            "not achieved",
            "revised or withdrawn",
        ];
        let said: Vec<String> = self
            .ratings
            .iter()
            .zip(words)
            .filter(|(n, _)| **n > 0)
            .map(|(n, word)| format!("{n} {word}"))
            .collect();
        if said.is_empty() {
            "None rated".to_owned()
        } else {
            said.join(", ")
        }
    }

    /// The stage in words, with any support plan or capability procedure beside it.
    pub fn stage_in_words(&self) -> String {
        match self.suspension {
            None => self.stage.label().to_owned(),
            Some(Suspension::SupportPlan) => {
                format!("{} (support plan running)", self.stage.label())
            }
            Some(Suspension::Capability) => {
                "Suspended under the formal capability procedure".to_owned()
            }
        }
    }
}

/// Which rows the desk shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeskFilter {
    pub cycle: Option<CyclePeriod>,
    /// A reviewer's staff id.
    pub reviewer: Option<Id>,
    pub staff_group: Option<String>,
    /// Only reviews late, overdue or not signed by both as they stand.
    pub needs_attention: bool,
}

impl DeskFilter {
    pub fn shows(&self, row: &DeskRow) -> bool {
        self.cycle.is_none_or(|cycle| row.period == cycle)
            && self
                .reviewer
                .as_ref()
                .is_none_or(|id| row.reviewer_id == *id)
            && self
                .staff_group
                .as_ref()
                .is_none_or(|group| row.staff_group == *group)
            && (!self.needs_attention || row.needs_attention())
    }
}

/// A column the desk sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeskColumn {
    Reviewee,
    Reviewer,
    StaffGroup,
    Stage,
    OnTime,
    Objectives,
    SmartMisses,
}

impl DeskColumn {
    /// The orders the desk offers: the column, whether descending, and what it is called.
    pub const ORDERS: [(DeskColumn, bool, &'static str); 7] = [
        (DeskColumn::Reviewee, false, "Reviewee, A to Z"),
        (DeskColumn::Reviewer, false, "Reviewer, A to Z"),
        (DeskColumn::StaffGroup, false, "Staff group, A to Z"),
        (DeskColumn::Stage, false, "Stage, earliest first"),
        (DeskColumn::OnTime, false, "Statement to you, overdue first"),
        (DeskColumn::Objectives, true, "New objectives, most first"),
        (
            DeskColumn::SmartMisses,
            true,
            "Objectives missing SMART, most first",
        ),
    ];

    fn compare(self, a: &DeskRow, b: &DeskRow) -> Ordering {
        match self {
            DeskColumn::Reviewee => a.reviewee.cmp(&b.reviewee),
            DeskColumn::Reviewer => a.reviewer.cmp(&b.reviewer),
            DeskColumn::StaffGroup => a.staff_group.cmp(&b.staff_group),
            DeskColumn::Stage => a.stage.cmp(&b.stage),
            DeskColumn::OnTime => a.timeliness.cmp(&b.timeliness),
            DeskColumn::Objectives => a.objectives.cmp(&b.objectives),
            DeskColumn::SmartMisses => a.objectives_missing_smart.cmp(&b.objectives_missing_smart),
        }
    }
}

/// The rows `filter` shows, sorted by `column` (then by reviewee, so equal rows keep one order),
/// reversed when `descending`.
pub fn arrange<'a>(
    rows: impl IntoIterator<Item = &'a DeskRow>,
    filter: &DeskFilter,
    column: DeskColumn,
    descending: bool,
) -> Vec<&'a DeskRow> {
    let mut shown: Vec<&DeskRow> = rows.into_iter().filter(|row| filter.shows(row)).collect();
    shown.sort_by(|a, b| {
        let order = column
            .compare(a, b)
            .then_with(|| a.reviewee.cmp(&b.reviewee))
            .then_with(|| a.review.as_str().cmp(b.review.as_str()));
        if descending { order.reverse() } else { order }
    });
    shown
}
