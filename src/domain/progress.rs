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

/// The stage the review has reached, as far as this copy shows: the one stage model of a
/// review, worked out from what is held (the documents, the days files were made, and which
/// sign-offs cover the statement as it is now; sign-offs given before an appeal was upheld no
/// longer do).
pub fn stage_of(review: &Review, signed: StatementSigned, today: NaiveDate) -> Stage {
    let appeal_waiting = review.appeal.as_ref().is_some_and(Appeal::is_lodged)
        && !review
            .appeal_hearing
            .as_ref()
            .is_some_and(AppealHearing::is_decided);
    let pre_review_begun = review
        .pre_review
        .as_ref()
        .is_some_and(PreReviewForm::has_answers);
    let upheld_on = review.upheld_on();
    if appeal_waiting {
        Stage::Appealed
    } else if signed.by_reviewer && signed.by_reviewee && final_statement_sent(review) {
        Stage::Final
    } else if signed.by_reviewer && signed.by_reviewee {
        Stage::SignedByBoth
    } else if signed.by_reviewer {
        Stage::WithReviewee
    } else if upheld_on.is_some() {
        Stage::Revising
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

/// Whether the final statement reached the headteacher, after any revision an upheld appeal
/// asked for.
fn final_statement_sent(review: &Review) -> bool {
    let upheld_on = review.upheld_on();
    review
        .dates
        .sent_to_headteacher_on
        .is_some_and(|sent| upheld_on.is_none_or(|upheld| sent >= upheld))
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
    match (review.suspension, role) {
        (_, Role::CpdLeader) | (None, _) => label.to_owned(),
        (Some(Suspension::SupportPlan), _) => format!("{label} (support plan running)"),
        (Some(Suspension::Capability), _) => {
            format!("Suspended under the formal capability procedure (at “{label}”)")
        }
    }
}

/// What the person in `role` must do next at `stage`, in a sentence, from what this copy holds:
/// once a file has gone, the step moves on.
pub fn next_step(review: &Review, stage: Stage, role: Role) -> String {
    let pre_review_received = review
        .pre_review
        .as_ref()
        .is_some_and(PreReviewForm::has_answers);
    let dates = &review.dates;
    let suspended = review.suspension == Some(Suspension::Capability);
    let changes = review
        .appeal_hearing
        .as_ref()
        .map(|hearing| hearing.changes.trim())
        .filter(|changes| !changes.is_empty());
    let step = match (stage, role) {
        (_, Role::CpdLeader) => {
            "Plan the training needs below into the school’s training programme. Nothing else of this review comes to you."
        }
        (_, Role::Reviewer) if suspended => {
            "The cycle is suspended under the formal capability procedure. When the procedure ends, record the date on the support plan and the cycle carries on."
        }
        _ if suspended => {
            "The cycle is suspended under the formal capability procedure: nothing in it is due until the procedure ends."
        }
        (Stage::Invited | Stage::Preparing, Role::Reviewee)
            if dates.pre_review_sent_on.is_some() =>
        {
            "Your pre-review is sent. Bring your evidence to the meeting."
        }
        (Stage::Invited | Stage::Preparing, Role::Reviewee) => {
            "Prepare your pre-review and send it to your reviewer before the meeting."
        }
        (Stage::Invited | Stage::Preparing, Role::Reviewer) if dates.invited_on.is_none() => {
            "Send the invitation to the reviewee, so they can prepare their pre-review."
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
        (Stage::Revising, Role::Reviewer) => {
            return match changes {
                Some(changes) => format!(
                    "The appeal was upheld. Revise the statement as its outcome says (“{changes}”), sign it again and send it to the reviewee for comment."
                ),
                None => "The appeal was upheld. Revise the statement as its outcome says, sign it again and send it to the reviewee for comment.".to_owned(),
            };
        }
        (Stage::Revising, Role::Reviewee) => {
            "The appeal was upheld: your reviewer is revising the statement. It will arrive as a file to import, for you to read and sign again."
        }
        (Stage::Revising, _) => {
            "The appeal was upheld: the reviewer is revising the statement, and both sign it again."
        }
        (Stage::WithReviewee, Role::Reviewee) => {
            "Read the statement, add your comments, then sign it or appeal, and send your reply."
        }
        (Stage::WithReviewee, Role::Reviewer) if dates.statement_sent_on.is_none() => {
            "Send the signed statement and training needs to the reviewee for comment."
        }
        (Stage::WithReviewee, Role::Reviewer) => {
            "The statement is with the reviewee for comments and signature; their reply arrives as a file to import."
        }
        // Signed by both but not yet final: the final statement is still to go.
        (Stage::SignedByBoth, Role::Reviewer) if dates.training_needs_sent_on.is_some() => {
            "Send the final statement to the headteacher."
        }
        (Stage::SignedByBoth, Role::Reviewer) => {
            "Send the final statement to the headteacher and the training needs to the CPD leader."
        }
        (Stage::Final, Role::Reviewer) if dates.training_needs_sent_on.is_none() => {
            "Send the training needs to the CPD leader."
        }
        (Stage::SignedByBoth, Role::Reviewee) if dates.reviewee_replied_on.is_none() => {
            "Send your signed reply to your reviewer."
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
    };
    step.to_owned()
}

/// What the reviewee did about the statement, for whoever reads their appeal: signed and later
/// appealed, or appealed instead of signing, with the days, and who hears it.
pub fn appeal_in_words(
    appeal: &Appeal,
    reviewee_signed_on: Option<NaiveDate>,
    heard_by: &str,
) -> String {
    use super::dates::format_uk_date;
    let heard = format!("The appeal is heard by {heard_by}.");
    match (reviewee_signed_on, appeal.lodged_on) {
        (Some(signed), Some(lodged)) if signed <= lodged => format!(
            "The reviewee signed the statement on {} and appealed on {}. {heard}",
            format_uk_date(signed),
            format_uk_date(lodged)
        ),
        (_, Some(lodged)) => format!(
            "The reviewee appealed on {} instead of signing. {heard}",
            format_uk_date(lodged)
        ),
        (_, None) => format!("The reviewee appeals against the statement. {heard}"),
    }
}
