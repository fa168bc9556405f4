//! Where a review has got to, read from what each person holds (both keep their own copy, so
//! the stage is worked out from the documents and sign-offs rather than stored), and what each
//! person in it must do next.

use chrono::NaiveDate;

use super::cycle::{Review, Stage, Suspension};
use super::documents::{Appeal, AppealHearing, PreReviewForm, Statement};
use super::people::Role;

/// Which sign-offs on the statement still cover it as it is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StatementSigned {
    pub by_reviewer: bool,
    pub by_reviewee: bool,
}

/// Whether the reviewer has begun writing the statement (more than the objectives carried over).
pub fn statement_started(statement: &Statement) -> bool {
    !statement.assessment.trim().is_empty()
        || !statement.new_objectives.is_empty()
        || statement
            .previous_objectives
            .iter()
            .any(|objective| objective.rating.is_some())
}

/// The stage the review has reached, as far as this copy shows.
pub fn stage_of(review: &Review, signed: StatementSigned, today: NaiveDate) -> Stage {
    // Once the appeal is decided, the statement (changed or confirmed) goes back for signing.
    let appealed = review.appeal.as_ref().is_some_and(Appeal::is_lodged)
        && !review
            .appeal_hearing
            .as_ref()
            .is_some_and(AppealHearing::is_decided);
    let pre_review_begun = review
        .pre_review
        .as_ref()
        .is_some_and(PreReviewForm::has_answers);
    if appealed {
        Stage::Appealed
    } else if signed.by_reviewer && signed.by_reviewee {
        Stage::SignedByBoth
    } else if signed.by_reviewer {
        Stage::WithReviewee
    } else if review.statement.as_ref().is_some_and(statement_started) {
        Stage::StatementDrafted
    } else if review.meeting_held(today) {
        Stage::MeetingHeld
    } else if pre_review_begun {
        Stage::Preparing
    } else {
        Stage::Invited
    }
}

/// The part a person plays in a review they hold: their own, if they are one of its two
/// parties; otherwise what they were sent makes it (the final statement goes to the
/// headteacher, the training needs alone to the CPD leader).
pub fn part_held(review: &Review, party: Option<Role>) -> Role {
    party.unwrap_or(if review.statement.is_none() {
        Role::CpdLeader
    } else {
        Role::Headteacher
    })
}

/// The stage in words for the person in `role`: the CPD leader holds training needs, not a
/// statement, so for them the stage is what they hold.
pub fn stage_label(stage: Stage, role: Role) -> &'static str {
    match role {
        Role::CpdLeader => "Training needs received",
        _ => stage.label(),
    }
}

/// The stage in words with anything beside it: a support plan running, or the cycle suspended
/// under formal capability (the CPD leader, who holds only training needs, is told neither).
pub fn stage_in_words(review: &Review, stage: Stage, role: Role) -> String {
    let label = stage_label(stage, role);
    match (review.state.suspension, role) {
        (_, Role::CpdLeader) | (None, _) => label.to_owned(),
        (Some(Suspension::SupportPlan), _) => format!("{label} (support plan running)"),
        (Some(Suspension::Capability), _) => {
            format!("Suspended under the formal capability procedure (at “{label}”)")
        }
    }
}

/// What the person in `role` must do next at `stage`, in a sentence, from the documents held.
pub fn next_step(review: &Review, stage: Stage, role: Role) -> &'static str {
    let pre_review_received = review
        .pre_review
        .as_ref()
        .is_some_and(PreReviewForm::has_answers);
    let pre_review_sent = review.dates.pre_review_sent_on.is_some();
    let suspended = review.state.suspension == Some(Suspension::Capability);
    match (stage, role) {
        (_, Role::CpdLeader) => {
            "Plan the training needs below into the school’s training programme. Nothing else of this review comes to you."
        }
        (_, Role::Reviewer) if suspended => {
            "The cycle is suspended under the formal capability procedure. When the procedure ends, record the date on the support plan and the cycle carries on."
        }
        _ if suspended => {
            "The cycle is suspended under the formal capability procedure: nothing in it is due until the procedure ends."
        }
        (Stage::Invited | Stage::Preparing, Role::Reviewee) if pre_review_sent => {
            "Your pre-review is sent. Bring your evidence to the meeting."
        }
        (Stage::Invited | Stage::Preparing, Role::Reviewee) => {
            "Prepare your pre-review and send it to your reviewer before the meeting."
        }
        (Stage::Invited | Stage::Preparing, Role::Reviewer) if pre_review_received => {
            "Read the reviewee’s pre-review, prepare for the meeting and hold it."
        }
        (Stage::Invited | Stage::Preparing, Role::Reviewer) => {
            "Prepare for the meeting; the reviewee’s pre-review arrives as a file to import."
        }
        (Stage::MeetingHeld | Stage::StatementDrafted, Role::Reviewer) => {
            "Write the statement and training needs, sign them and send them for comment."
        }
        (Stage::MeetingHeld | Stage::StatementDrafted, Role::Reviewee) => {
            "Your reviewer is writing the statement; it will arrive as a file to import."
        }
        (Stage::WithReviewee, Role::Reviewee) => {
            "Read the statement, add your comments, then sign it or appeal, and send your reply."
        }
        (Stage::WithReviewee, Role::Reviewer) => {
            "The statement is with the reviewee for comments and signature; their reply arrives as a file to import."
        }
        (Stage::SignedByBoth, Role::Reviewer) => {
            "Send the final statement to the headteacher and the training needs to the CPD leader."
        }
        (Stage::SignedByBoth | Stage::Final, Role::Headteacher) => {
            "Read the agreed statement. Nothing more is needed unless a pay decision or an appeal follows."
        }
        (Stage::SignedByBoth | Stage::Final, _) => "Nothing more is needed from you this cycle.",
        (Stage::Appealed, Role::Headteacher) => "Hear the appeal and record the decision.",
        (Stage::Appealed, _) => "The appeal goes to the headteacher, who hears it and decides.",
        (_, Role::Headteacher) => {
            "This statement is not signed by both as it stands. Ask the reviewer for the signed final statement."
        }
    }
}
