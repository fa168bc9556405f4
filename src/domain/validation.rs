//! The rules of the spec's "Rules: errors and warnings" that concern reviews: hard errors that
//! refuse an action (signing with an empty required field) and warnings that are shown but never
//! block (too many objectives, objectives that miss SMART, deadlines passed or near, a reviewer
//! over their limit, records past retention; too many observations is `between_meetings_checks`'). Each is a typed value
//! with a sentence saying what is wrong and what to do. Bundle errors live with bundles.

use chrono::NaiveDate;
use std::fmt;

use super::calendar::SchoolCalendar;
use super::cycle::Review;
use super::dates::format_uk_date;
use super::deadlines::{Deadline, DeadlineKind, Urgency, urgency};
use super::documents::PayRecommendation;
use super::ids::Id;
use super::people::{Person, PersonRef, Role, name_key};
use super::period::CyclePeriod;
use super::policy::AfterRetention;
use super::retention::destroy_from;
use super::smart::{SmartMiss, smart_check};

/// A required field left empty, by its path and its label on the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingField {
    pub path: String,
    pub label: String,
}

fn missing(path: impl Into<String>, label: impl Into<String>) -> MissingField {
    MissingField {
        path: path.into(),
        label: label.into(),
    }
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// A statement with more new objectives than its policy's limit, in the policy's own words where
/// the school kept its preset's figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectiveLimit {
    pub count: usize,
    pub max: u32,
    /// The limit admits no exception: the statement cannot be signed until it is met.
    pub firm: bool,
    /// The policy's words and section, e.g. ("2.3", "In this school all staff will have no more
    /// than three objectives").
    pub words: Option<(&'static str, &'static str)>,
}

impl fmt::Display for ObjectiveLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ObjectiveLimit { count, max, .. } = self;
        let says = match self.words {
            Some((section, words)) => format!("the policy says “{words}” ({section})"),
            None => format!("the policy’s limit is {max}"),
        };
        if self.firm {
            write!(
                f,
                "There are {count} new objectives and {says}: combine or remove {} before the statement is signed.",
                *count - *max as usize
            )
        } else {
            write!(
                f,
                "There are {count} new objectives and {says}. Combine or remove some, or say in the statement why more are needed."
            )
        }
    }
}

/// How far the statement's new objectives go over the policy’s limit, if they do.
pub fn objectives_over_limit(review: &Review) -> Option<ObjectiveLimit> {
    let count = review.statement.as_ref()?.new_objectives.len();
    let policy = &review.policy;
    (count > policy.max_objectives as usize).then(|| ObjectiveLimit {
        count,
        max: policy.max_objectives,
        firm: policy.objectives_limit_firm,
        words: super::provenance::objective_limit_words(policy)
            .map(|limit| (limit.section, limit.words)),
    })
}

/// The statement's required fields that are empty; signing is refused until there are none.
pub fn missing_before_signing_statement(review: &Review) -> Vec<MissingField> {
    let Some(statement) = &review.statement else {
        return vec![missing("statement", "the planning and review statement")];
    };
    let mut list = Vec::new();
    if statement.meeting_date.is_none() {
        list.push(missing("statement.meeting_date", "Meeting date"));
    }
    for previous in &statement.previous_objectives {
        if previous.rating.is_none() {
            list.push(missing(
                format!("statement.previous_objectives[{}].rating", previous.id),
                format!(
                    "Rating for the previous objective “{}”",
                    previous.objective.trim()
                ),
            ));
        }
    }
    if blank(&statement.assessment) {
        list.push(missing(
            "statement.assessment",
            "Assessment against the job role",
        ));
    }
    if review.policy.ten_standards_apply {
        for assessment in statement.standards.iter().filter(|a| a.judgement.is_none()) {
            let name = assessment
                .standard()
                .map_or(assessment.id.as_str(), |s| s.text);
            list.push(missing(
                format!("statement.standards[{}].judgement", assessment.id),
                format!("Judgement against the standard “{name}”"),
            ));
        }
    }
    if super::reading::StatementShape::of(review).pay && statement.pay_recommendation.is_none() {
        list.push(missing(
            "statement.pay_recommendation",
            "Pay progression recommendation",
        ));
    }
    if statement.new_objectives.is_empty() {
        list.push(missing(
            "statement.new_objectives",
            "At least one new objective",
        ));
    }
    missing_in_objectives(
        "statement.new_objectives",
        "New objective",
        &statement.new_objectives,
        &mut list,
    );
    list
}

/// The empty required fields of the objectives listed at `list_path`, each named "`name` 2: …".
fn missing_in_objectives(
    list_path: &str,
    name: &str,
    objectives: &[crate::domain::documents::NewObjective],
    list: &mut Vec<MissingField>,
) {
    for (number, objective) in objectives.iter().enumerate() {
        let n = number + 1;
        let path = |field: &str| format!("{list_path}[{}].{field}", objective.id);
        let required = [
            ("objective", &objective.objective, "the objective"),
            (
                "success_criteria",
                &objective.success_criteria,
                "how you will know it is achieved",
            ),
            ("actions", &objective.actions, "what will be done"),
        ];
        for (field, text, label) in required {
            if blank(text) {
                list.push(missing(path(field), format!("{name} {n}: {label}")));
            }
        }
    }
}

/// The support plan's required fields that are empty: what the concerns are, at least one
/// target, the support, who monitors and how, what follows if performance does not improve, and
/// when monitoring starts and is reviewed.
pub fn missing_before_signing_support_plan(review: &Review) -> Vec<MissingField> {
    let Some(plan) = &review.support_plan else {
        return vec![missing("support_plan", "the support plan")];
    };
    let mut list = Vec::new();
    let texts = [
        ("concerns", &plan.concerns, "Concerns"),
        ("support_agreed", &plan.support_agreed, "Support agreed"),
        ("monitored_by", &plan.monitored_by, "Monitored by"),
        (
            "how_monitored",
            &plan.how_monitored,
            "How progress is monitored",
        ),
        (
            "consequences",
            &plan.consequences,
            "If performance does not improve",
        ),
    ];
    for (field, text, label) in texts {
        if blank(text) {
            list.push(missing(format!("support_plan.{field}"), label));
        }
    }
    if plan.targets.iter().all(|target| blank(&target.target)) {
        list.push(missing("support_plan.targets", "At least one target"));
    }
    if plan.starts_on.is_none() {
        list.push(missing("support_plan.starts_on", "Monitoring starts on"));
    }
    if plan.review_on.is_none() {
        list.push(missing("support_plan.review_on", "Review date"));
    }
    list
}

/// The interim review `id`'s required fields that are empty: its revised objectives' own.
pub fn missing_before_signing_interim(review: &Review, id: &str) -> Vec<MissingField> {
    let Some(interim) = review
        .interim_reviews
        .iter()
        .find(|item| item.id.as_str() == id)
    else {
        return vec![missing("interim_reviews", "the interim review")];
    };
    let mut list = Vec::new();
    missing_in_objectives(
        &format!("interim_reviews.items[{id}].revised_objectives"),
        "Revised objective",
        &interim.revised_objectives,
        &mut list,
    );
    list
}

/// The training and development form's required fields that are empty.
pub fn missing_before_signing_cpd(review: &Review) -> Vec<MissingField> {
    let Some(needs) = &review.cpd_needs else {
        return vec![missing(
            "cpd_needs",
            "the training and development needs form",
        )];
    };
    let mut list = Vec::new();
    if blank(&needs.name) {
        list.push(missing("cpd_needs.name", "Name"));
    }
    for (number, need) in needs.needs.iter().enumerate() {
        let n = number + 1;
        if blank(&need.need) {
            list.push(missing(
                format!("cpd_needs.needs[{}].need", need.id),
                format!("Need {n}: the training or development need"),
            ));
        }
        if blank(&need.action) {
            list.push(missing(
                format!("cpd_needs.needs[{}].action", need.id),
                format!("Need {n}: the action to be taken"),
            ));
        }
    }
    list
}

/// Something to look at; shown, never blocking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    TooManyObjectives(ObjectiveLimit),
    ObjectiveNotSmart {
        objective: Id,
        number: usize,
        misses: Vec<SmartMiss>,
    },
    DeadlinePassed {
        what: DeadlineKind,
        due: NaiveDate,
        working_days: i64,
    },
    DeadlineToday {
        what: DeadlineKind,
        due: NaiveDate,
    },
    /// Due within a few working days; 0 when it falls before the next working day.
    DeadlineNear {
        what: DeadlineKind,
        due: NaiveDate,
        working_days: i64,
    },
    /// No pay progression is recommended but no support plan is recorded (seed 003: withheld
    /// "only ... where the employee was previously made aware ... and has been given the
    /// opportunity and support to improve").
    PayWithheldWithoutSupport,
    ReviewerOverLimit {
        reviewer: String,
        count: usize,
        max: u32,
    },
    PastRetention {
        reviewee: String,
        destroy_from: NaiveDate,
        years: u32,
        after: AfterRetention,
    },
    /// A reviewer outside the senior team holds reviews under a policy that has a member of the
    /// senior team lead them.
    ReviewerNotSenior {
        reviewer: String,
        count: usize,
    },
    /// Starting a review of someone this reviewer already reviews in the same cycle.
    SecondReviewThisCycle {
        reviewee: String,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::TooManyObjectives(limit) => write!(f, "{limit}"),
            Warning::ObjectiveNotSmart { number, misses, .. } => {
                let reasons: Vec<String> = misses.iter().map(ToString::to_string).collect();
                write!(
                    f,
                    "New objective {number} is not yet SMART. {}",
                    reasons.join(" ")
                )
            }
            Warning::DeadlinePassed {
                what,
                due,
                working_days,
            } => write!(
                f,
                "“{what}” was due on {} ({} working day{} ago). Do it as soon as you can, or record why it is late.",
                format_uk_date(*due),
                working_days,
                if *working_days == 1 { "" } else { "s" }
            ),
            Warning::DeadlineToday { what, due } => {
                write!(f, "“{what}” is due today, {}.", format_uk_date(*due))
            }
            Warning::DeadlineNear {
                what,
                due,
                working_days: 0,
            } => write!(
                f,
                "“{what}” is due on {}, before the next working day.",
                format_uk_date(*due)
            ),
            Warning::DeadlineNear {
                what,
                due,
                working_days,
            } => write!(
                f,
                "“{what}” is due on {}, in {} working day{}.",
                format_uk_date(*due),
                working_days,
                if *working_days == 1 { "" } else { "s" }
            ),
            Warning::PayWithheldWithoutSupport => write!(
                f,
                "Pay progression is withheld only where the reviewee was told of the concerns beforehand and given support to improve. No support plan is recorded in this review: say in the reasons when they were told and what support they had."
            ),
            Warning::ReviewerOverLimit {
                reviewer,
                count,
                max,
            } => write!(
                f,
                "{reviewer} has {count} reviews this cycle but the policy expects at most {max} for a reviewer outside the senior team. Ask the headteacher to share some out."
            ),
            Warning::PastRetention {
                reviewee,
                destroy_from,
                years,
                after: AfterRetention::Minimum,
            } => write!(
                f,
                "The records of {reviewee}’s review have been kept for the policy’s minimum of {years} years (since {}). Your school may now delete them from this device, or keep them longer.",
                format_uk_date(*destroy_from)
            ),
            Warning::PastRetention {
                reviewee,
                destroy_from,
                years,
                after: AfterRetention::Destroy,
            } => write!(
                f,
                "The records of {reviewee}’s review reached the policy’s {years} years on {}, after which it says they are destroyed. Delete them from this device.",
                format_uk_date(*destroy_from)
            ),
            Warning::ReviewerNotSenior { reviewer, count } => write!(
                f,
                "{reviewer} leads {count} review{} this cycle, but the policy has each review led by a member of the senior team. If you are on it, say so in Settings; if not, ask the headteacher who should lead {}.",
                if *count == 1 { "" } else { "s" },
                if *count == 1 { "it" } else { "them" }
            ),
            Warning::SecondReviewThisCycle { reviewee } => write!(
                f,
                "You already have a review of {reviewee} in this cycle. Open it from Home instead, or start a second review only if you mean to."
            ),
        }
    }
}

/// Every warning about one review on `today` for the person in `reader`'s part, whose own
/// deadlines among `deadlines` (the review's) are the only ones they are warned about.
pub fn review_warnings(
    review: &Review,
    deadlines: &[Deadline],
    reader: Role,
    calendar: &SchoolCalendar,
    today: NaiveDate,
) -> Vec<Warning> {
    let mut warnings = Vec::new();
    if let Some(statement) = &review.statement {
        if let Some(limit) = objectives_over_limit(review) {
            warnings.push(Warning::TooManyObjectives(limit));
        }
        if statement.pay_recommendation == Some(PayRecommendation::DoNotProgress)
            && review.support_plan.is_none()
        {
            warnings.push(Warning::PayWithheldWithoutSupport);
        }
        for (index, objective) in statement.new_objectives.iter().enumerate() {
            let misses = smart_check(objective, &review.planned_period());
            if !misses.is_empty() {
                warnings.push(Warning::ObjectiveNotSmart {
                    objective: objective.id.clone(),
                    number: index + 1,
                    misses,
                });
            }
        }
    }
    for deadline in deadlines.iter().filter(|deadline| deadline.owner == reader) {
        let deadline = deadline.clone();
        match urgency(&deadline, calendar, today) {
            Some(Urgency::Overdue { working_days }) => warnings.push(Warning::DeadlinePassed {
                what: deadline.kind,
                due: deadline.due,
                working_days,
            }),
            Some(Urgency::DueToday) => warnings.push(Warning::DeadlineToday {
                what: deadline.kind,
                due: deadline.due,
            }),
            Some(Urgency::DueSoon { working_days }) => warnings.push(Warning::DeadlineNear {
                what: deadline.kind,
                due: deadline.due,
                working_days,
            }),
            Some(Urgency::ComingUp) | None => {}
        }
    }
    if let Some(destroy_from) = destroy_from(review)
        && destroy_from <= today
    {
        warnings.push(Warning::PastRetention {
            reviewee: review.reviewee.name.clone(),
            destroy_from,
            years: review.policy.retention_years,
            after: review.policy.after_retention,
        });
    }
    warnings
}

/// Whether `reviewer` holds more reviews in the cycle running on `today` than their policy allows.
pub fn reviewer_load_warning(
    reviewer: &Person,
    reviews: &[Review],
    today: NaiveDate,
) -> Option<Warning> {
    let theirs: Vec<&Review> = reviews
        .iter()
        .filter(|review| {
            review.reviewer.staff_id == reviewer.staff_id && review.meeting_cycle().contains(today)
        })
        .collect();
    let limit = theirs
        .iter()
        .find_map(|review| review.policy.review_limit)?;
    if limit.senior_leaders_exempt && reviewer.senior_leader {
        return None;
    }
    (theirs.len() > limit.max_reviews as usize).then(|| Warning::ReviewerOverLimit {
        reviewer: reviewer.display_name.clone(),
        count: theirs.len(),
        max: limit.max_reviews,
    })
}

/// Whether `reviewer`, outside the senior team, leads reviews running on `today` under a policy
/// that has a member of the senior team lead each one.
pub fn senior_reviewer_warning(
    reviewer: &Person,
    reviews: &[Review],
    today: NaiveDate,
) -> Option<Warning> {
    if reviewer.senior_leader {
        return None;
    }
    let count = reviews
        .iter()
        .filter(|review| {
            review.reviewer.staff_id == reviewer.staff_id
                && review.meeting_cycle().contains(today)
                && review.policy.senior_reviewers
        })
        .count();
    (count > 0).then(|| Warning::ReviewerNotSenior {
        reviewer: reviewer.display_name.clone(),
        count,
    })
}

/// The review among `held` (each as its id, reviewee and cycle) that already reviews the person
/// named `reviewee` in `period`, by name written alike (spaces and capitals aside), with the
/// warning to show before a second one is started.
pub fn second_review_this_cycle<'a>(
    held: impl IntoIterator<Item = (&'a Id, &'a PersonRef, &'a CyclePeriod)>,
    reviewee: &str,
    period: &CyclePeriod,
) -> Option<(Id, Warning)> {
    held.into_iter()
        .find(|(_, person, cycle)| *cycle == period && name_key(&person.name) == name_key(reviewee))
        .map(|(id, person, _)| {
            (
                id.clone(),
                Warning::SecondReviewThisCycle {
                    reviewee: person.name.clone(),
                },
            )
        })
}
