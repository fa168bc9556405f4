//! The review page's sections as one person meets them: which sections they see, where each
//! stands in a few words, and which start folded because nothing in them is for this person to
//! do now. Folding is for the screen only: a printout always shows every section in full.

use super::cycle::{Review, Stage};
use super::documents::{Appeal, PreReviewForm, WhoActs};
use super::people::Role;
use super::progress::{StatementSigned, statement_started};
use crate::domain::dates::format_uk_date;

/// One section of the review page, in page order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    PreReview,
    Checklist,
    Statement,
    TrainingNeeds,
    SignOffs,
    Appeal,
    Send,
}

impl Section {
    /// The section's place on the page, for links to it.
    pub fn anchor(self) -> &'static str {
        match self {
            Section::PreReview => "pre-review",
            Section::Checklist => "checklist",
            Section::Statement => "statement",
            Section::TrainingNeeds => "cpd-needs",
            Section::SignOffs => "sign-offs",
            Section::Appeal => "appeal",
            Section::Send => "send",
        }
    }

    /// The section's heading for the person in `role`.
    pub fn title(self, role: Role) -> &'static str {
        match self {
            Section::PreReview => "Pre-review",
            Section::Checklist => "Meeting checklist",
            Section::Statement => "Planning and review statement",
            Section::TrainingNeeds => "Training and development needs",
            Section::SignOffs => "Sign-offs",
            Section::Appeal if role == Role::Reviewee => "Appeal against the statement",
            Section::Appeal => "Appeal from the reviewee",
            Section::Send => "Send",
        }
    }
}

impl Section {
    /// The section holding the field at `path` (a document's field path, `statement.…`).
    pub fn holding(path: &str) -> Option<Section> {
        let document = path.split(['.', '[']).next()?;
        match document {
            "pre_review" => Some(Section::PreReview),
            "statement" => Some(Section::Statement),
            "cpd_needs" => Some(Section::TrainingNeeds),
            "appeal" => Some(Section::Appeal),
            _ => None,
        }
    }

    /// The words of a link to the section, from the next step above it.
    pub fn go_to(self) -> &'static str {
        match self {
            Section::PreReview => "Go to the pre-review",
            Section::Checklist => "Go to the meeting checklist",
            Section::Statement => "Go to the statement",
            Section::TrainingNeeds => "Go to the training needs",
            Section::SignOffs => "Go to the sign-offs",
            Section::Appeal => "Go to the appeal",
            Section::Send => "Go to sending",
        }
    }
}

/// Where one section stands for one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionState {
    pub section: Section,
    pub title: &'static str,
    /// A few words on where it stands ("Signed by both", "3 of 13 ticked"), when there is
    /// anything to say.
    pub state: Option<String>,
    /// Whether it starts folded: nothing in it is for this person to do now.
    pub folded: bool,
}

/// The sections the person in `role` sees, in page order, each with where it stands. `party` is
/// whether they are the review's reviewer or reviewee (anyone else only reads what was sent);
/// `signed` is which sign-offs still cover the statement as it is now, and `needs_signed`
/// whether the reviewer's sign-off covers the training needs (all the CPD leader holds).
pub fn sections(
    review: &Review,
    role: Role,
    party: bool,
    stage: Stage,
    signed: StatementSigned,
    needs_signed: bool,
) -> Vec<SectionState> {
    let appealed = review.appeal.as_ref().is_some_and(Appeal::is_lodged);
    let own_sign_off = match role {
        Role::Reviewer => signed.by_reviewer,
        Role::Reviewee => signed.by_reviewee,
        _ => false,
    };
    // Once this person has signed (or appealed) their writing on the statement is done.
    let done_writing = party && (own_sign_off || (role == Role::Reviewee && appealed));
    let mut shown = Vec::new();
    let mut add = |section: Section, state: Option<String>, folded: bool| {
        shown.push(SectionState {
            section,
            title: section.title(role),
            state,
            folded,
        });
    };
    if party {
        let (state, folded) = pre_review(review, role, done_writing);
        add(Section::PreReview, Some(state), folded);
        let who = if role == Role::Reviewer {
            WhoActs::Reviewer
        } else {
            WhoActs::Reviewee
        };
        let (ticked, of) = review.checklist.ticked(who);
        add(
            Section::Checklist,
            Some(format!("{ticked} of {of} ticked")),
            ticked == of || done_writing,
        );
    }
    if role != Role::CpdLeader {
        add(
            Section::Statement,
            Some(statement(review, role, stage, signed)),
            done_writing,
        );
    }
    add(
        Section::TrainingNeeds,
        Some(training_needs(review)),
        done_writing,
    );
    let sign_offs = if role == Role::CpdLeader {
        let words = if needs_signed {
            "Training needs signed by the reviewer"
        } else {
            "Training needs not signed"
        };
        words.to_owned()
    } else if stage == Stage::Revising {
        "Signed before the appeal was upheld: both sign again".to_owned()
    } else {
        sign_offs(role, signed)
    };
    add(Section::SignOffs, Some(sign_offs), false);
    if role == Role::Reviewee {
        let received = review.statement.as_ref().is_some_and(statement_started);
        let (state, folded) = if !review.policy.appeals.allows_statement_appeal() {
            ("No appeal against the statement under this policy", true)
        } else if appealed {
            ("Written: it goes with your reply", false)
        } else if own_sign_off {
            ("You signed instead", true)
        } else if received {
            ("Only if you disagree with the statement", false)
        } else {
            ("Only once the statement arrives", true)
        };
        add(Section::Appeal, Some(state.to_owned()), folded);
    } else if appealed {
        add(Section::Appeal, Some("Lodged".to_owned()), false);
    }
    if party {
        add(Section::Send, None, false);
    }
    shown
}

fn pre_review(review: &Review, role: Role, done_writing: bool) -> (String, bool) {
    let answered = review
        .pre_review
        .as_ref()
        .is_some_and(PreReviewForm::has_answers);
    match (role, review.dates.pre_review_sent_on) {
        (Role::Reviewee, Some(day)) => (format!("Sent on {}", format_uk_date(day)), true),
        (Role::Reviewee, None) if answered => ("Started; not sent yet".to_owned(), false),
        (Role::Reviewee, None) => ("Not started".to_owned(), false),
        _ if answered => ("Received".to_owned(), done_writing),
        _ => ("Not received yet".to_owned(), done_writing),
    }
}

fn statement(review: &Review, role: Role, stage: Stage, signed: StatementSigned) -> String {
    let words = match (stage, role) {
        (Stage::Appealed, Role::Reviewee) => "You appealed",
        (Stage::Appealed, _) => "Appealed by the reviewee",
        (Stage::Revising, Role::Reviewer) => "To revise after the appeal, then sign again",
        (Stage::Revising, _) => "Being revised after the appeal",
        _ if signed.by_reviewer && signed.by_reviewee => "Signed by both",
        (_, Role::Reviewer) if signed.by_reviewer => "Signed by you; with the reviewee",
        (_, Role::Reviewer) if stage == Stage::StatementDrafted => "Being written",
        (_, Role::Reviewer) => "Not started",
        (_, Role::Reviewee) if signed.by_reviewee => "Signed by you",
        (_, Role::Reviewee) if review.statement.as_ref().is_some_and(statement_started) => {
            "Received: read it and add your comments"
        }
        (_, Role::Reviewee) => "Not received yet",
        _ => "Not signed by both",
    };
    words.to_owned()
}

fn training_needs(review: &Review) -> String {
    match review
        .cpd_needs
        .as_ref()
        .map_or(0, |needs| needs.needs.len())
    {
        0 => "None written yet".to_owned(),
        1 => "1 need".to_owned(),
        n => format!("{n} needs"),
    }
}

fn sign_offs(role: Role, signed: StatementSigned) -> String {
    let words = match (signed.by_reviewer, signed.by_reviewee, role) {
        (true, true, _) => "Signed by both",
        (true, false, Role::Reviewer) => "Signed by you; not yet by the reviewee",
        (true, false, Role::Reviewee) => "Signed by your reviewer; not yet by you",
        (true, false, _) => "Signed by the reviewer; not yet by the reviewee",
        (false, true, Role::Reviewee) => "Signed by you; the reviewer must sign again",
        (false, true, _) => "Signed by the reviewee; not by the reviewer",
        (false, false, _) => "Not signed yet",
    };
    words.to_owned()
}

/// The section where the person in `role` takes their next step at `stage`, when it is on the
/// review page.
pub fn next_section(stage: Stage, role: Role) -> Option<Section> {
    match (stage, role) {
        (_, Role::CpdLeader) => Some(Section::TrainingNeeds),
        (Stage::Appealed, Role::Headteacher | Role::Reviewer) => Some(Section::Appeal),
        (_, Role::Headteacher) => Some(Section::Statement),
        (Stage::Invited | Stage::Preparing, _) => Some(Section::PreReview),
        (Stage::MeetingHeld | Stage::StatementDrafted | Stage::Revising, Role::Reviewer) => {
            Some(Section::Statement)
        }
        (Stage::WithReviewee, Role::Reviewee) => Some(Section::Statement),
        (Stage::SignedByBoth, Role::Reviewer) => Some(Section::Send),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_found_in_the_section_of_its_document() {
        let cases = [
            ("statement.assessment", Some(Section::Statement)),
            (
                "statement.new_objectives[obj-1].measure",
                Some(Section::Statement),
            ),
            ("statement.meeting_date", Some(Section::Statement)),
            ("statement.next_review_on", Some(Section::Statement)),
            (
                "cpd_needs.needs[need-2].action",
                Some(Section::TrainingNeeds),
            ),
            ("pre_review.key_successes", Some(Section::PreReview)),
            ("appeal.grounds", Some(Section::Appeal)),
            ("meeting_checklist.items[share].done", None),
            ("", None),
        ];
        for (path, section) in cases {
            assert_eq!(Section::holding(path), section, "{path}");
        }
    }
}
