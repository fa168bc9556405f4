//! Pay decisions (seed 002 4.1 and 7.3: recommendations to the headteacher, decisions by
//! 31 October, 31 December or 31 March): who may have one, what a decision must say, what is
//! still to decide, and the list for the pay committee as CSV.

use chrono::NaiveDate;
use std::fmt;

use super::cycle::Review;
use super::dates::format_uk_date;
use super::desk::{DeskRow, PayStanding};
use super::documents::{PayDecision, PayDecisionMade, PayRecommendation};

/// Why a pay decision cannot be recorded; nothing held changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayDecisionRefused {
    /// The policy does not link appraisal to pay.
    PolicyHasNoPay,
    /// The reviewee is not eligible for pay progression this cycle.
    NotEligible {
        reviewee: String,
    },
    NoDecision,
    NoReason,
    NoDate,
    DateAhead {
        decided_on: NaiveDate,
    },
}

impl fmt::Display for PayDecisionRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PayDecisionRefused::PolicyHasNoPay => write!(
                f,
                "This review’s policy does not link appraisal to pay, so there is no pay decision to record."
            ),
            PayDecisionRefused::NotEligible { reviewee } => write!(
                f,
                "{reviewee} is not eligible for pay progression this cycle, so there is no pay decision to record. If that is wrong, the reviewer corrects it on the review."
            ),
            PayDecisionRefused::NoDecision => write!(
                f,
                "Choose the decision: progress, do not progress, or defer."
            ),
            PayDecisionRefused::NoReason => write!(
                f,
                "Give the reason for the decision: the pay committee and the reviewee will ask for it."
            ),
            PayDecisionRefused::NoDate => write!(f, "Enter the day the decision was made."),
            PayDecisionRefused::DateAhead { decided_on } => write!(
                f,
                "The decision is dated {}, which has not come yet: enter the day it was made.",
                format_uk_date(*decided_on)
            ),
        }
    }
}

impl std::error::Error for PayDecisionRefused {}

/// Whether `decision` can be recorded for `review` on `today`: only for a reviewee eligible for
/// pay progression under a policy that links pay, with a decision, its reason and its date.
pub fn check_pay_decision(
    review: &Review,
    decision: &PayDecision,
    today: NaiveDate,
) -> Result<(), PayDecisionRefused> {
    if !review.policy.pay_progression {
        return Err(PayDecisionRefused::PolicyHasNoPay);
    }
    if !review.pay_eligible {
        return Err(PayDecisionRefused::NotEligible {
            reviewee: review.reviewee.name.clone(),
        });
    }
    if decision.decision.is_none() {
        return Err(PayDecisionRefused::NoDecision);
    }
    if decision.reason.trim().is_empty() {
        return Err(PayDecisionRefused::NoReason);
    }
    match decision.decided_on {
        None => Err(PayDecisionRefused::NoDate),
        Some(day) if day > today => Err(PayDecisionRefused::DateAhead { decided_on: day }),
        Some(_) => Ok(()),
    }
}

/// The decision that accepts the reviewer's recommendation for `row`, when there is one to
/// accept: a decision still to make, a recommendation made by the reviewer (not one the policy
/// leaves to the headteacher), and a decision the policy offers.
pub fn accepting_the_recommendation(row: &DeskRow) -> Option<PayDecisionMade> {
    let pay = row.pay.as_ref().filter(|pay| !pay.is_decided())?;
    if pay.recommended_by.is_some() {
        return None;
    }
    let made = match row.pay_recommendation? {
        PayRecommendation::Progress => PayDecisionMade::Progress,
        PayRecommendation::DoNotProgress => PayDecisionMade::DoNotProgress,
        PayRecommendation::Honorarium => PayDecisionMade::Honorarium,
    };
    pay.offered.contains(&made).then_some(made)
}

/// The rows that have a pay decision to make, those still to decide first, each by its due date.
pub fn pay_rows<'a>(rows: impl IntoIterator<Item = &'a DeskRow>) -> Vec<&'a DeskRow> {
    let mut eligible: Vec<&DeskRow> = rows.into_iter().filter(|row| row.pay.is_some()).collect();
    eligible.sort_by(|a, b| {
        let key = |row: &DeskRow| {
            let pay = row.pay.as_ref();
            (
                pay.is_some_and(PayStanding::is_decided),
                pay.and_then(|pay| pay.due),
                row.reviewee.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    eligible
}

/// The pay committee's list as CSV: each eligible reviewee with the recommendation, the
/// decision and its reason. It holds pay data: the headteacher's, for the committee only.
pub fn pay_committee_csv(rows: &[&DeskRow]) -> String {
    let lines: Vec<[String; 8]> = rows
        .iter()
        .filter_map(|row| {
            let pay = row.pay.as_ref()?;
            let decision = pay.decision.as_ref();
            Some([
                row.reviewee.clone(),
                row.staff_group.clone(),
                row.reviewer.clone(),
                row.pay_recommendation
                    .map_or("None made", |r| r.label())
                    .to_owned(),
                decision
                    .and_then(|d| d.decision)
                    .map_or("Still to decide", |d| d.label())
                    .to_owned(),
                decision.map_or_else(String::new, |d| d.reason.clone()),
                decision
                    .and_then(|d| d.decided_on)
                    .map_or_else(String::new, format_uk_date),
                pay.due.map_or_else(String::new, format_uk_date),
            ])
        })
        .collect();
    let mut table = vec![vec![
        "Name",
        "Staff group",
        "Reviewer",
        "Recommendation",
        "Decision",
        "Reason",
        "Decided on",
        "Due by",
    ]];
    table.extend(
        lines
            .iter()
            .map(|line| line.iter().map(String::as_str).collect()),
    );
    super::csv::csv(&table)
}
