//! What a bundle carries: who sent it to whom, which review, the documents as mergeable field
//! states, and the sign-offs.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::identity::PublicKeys;
use super::merge::DocumentState;
use super::sign_off::SignedSignOff;
use crate::domain::ids::Id;
use crate::domain::people::{PersonRef, Role};
use crate::domain::period::CyclePeriod;
use crate::domain::policy::Policy;
use crate::domain::sign_off::SignerRole;

/// Why a bundle was sent, following the spec's "How bundles flow".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BundleKind {
    /// Reviewer → reviewee: the cycle, policy, meeting date, previous objectives and keys.
    Invitation,
    /// Reviewee → reviewer: the self-assessment.
    PreReview,
    /// Reviewer → reviewee: the draft statement, CPD needs and the reviewer's sign-off.
    StatementForComment,
    /// Reviewee → reviewer: comments, and a sign-off or an appeal.
    Reply,
    /// Reviewer → headteacher: the signed statement.
    FinalStatement,
    /// Reviewer → CPD leader: training needs only.
    CpdNeeds,
    /// Reviewer → a new reviewer and the reviewee: the review passes to the new reviewer and the
    /// cycle carries on (seed 004 6.6: it "will not begin again").
    Handover,
    /// Either party → the other: the cycle's observations (the observer's record and feedback;
    /// the reviewee's comments).
    Observations,
    /// Either party → the other: the interim reviews, with the sign-offs agreeing them.
    InterimReviews,
    /// Either party → the other: the support plan and its sign-offs. It goes to nobody else.
    SupportPlan,
    /// Reviewer → headteacher: a support plan whose outcome is the formal capability procedure.
    CapabilityReferral,
    /// Headteacher → reviewer: a note after moderating the statement; reviewer → headteacher:
    /// the answer to it.
    ModerationNote,
    /// Headteacher → reviewee and reviewer: the hearing of an appeal and its outcome.
    AppealOutcome,
}

impl BundleKind {
    pub fn label(self) -> &'static str {
        match self {
            BundleKind::Invitation => "invitation",
            BundleKind::PreReview => "pre-review",
            BundleKind::StatementForComment => "statement for comment",
            BundleKind::Reply => "reply to the statement",
            BundleKind::FinalStatement => "final statement",
            BundleKind::CpdNeeds => "training needs",
            BundleKind::Handover => "handover to a new reviewer",
            BundleKind::Observations => "observations",
            BundleKind::InterimReviews => "interim reviews",
            BundleKind::SupportPlan => "support plan",
            BundleKind::CapabilityReferral => "support plan for the headteacher",
            BundleKind::ModerationNote => "moderation note",
            BundleKind::AppealOutcome => "appeal outcome",
        }
    }

    /// The sign-offs on the statement this bundle should carry when it goes out: the
    /// reviewer's for comment, the reviewee's in a reply (unless they appeal instead), both on
    /// the final statement.
    pub fn sign_offs_needed(self, appealed: bool) -> &'static [(&'static str, SignerRole)] {
        match self {
            BundleKind::StatementForComment => &[("statement", SignerRole::Reviewer)],
            BundleKind::Reply if !appealed => &[("statement", SignerRole::Reviewee)],
            BundleKind::FinalStatement => &[
                ("statement", SignerRole::Reviewer),
                ("statement", SignerRole::Reviewee),
            ],
            _ => &[],
        }
    }

    /// The document kinds this bundle may carry; anything else in it is ignored.
    pub fn documents(self) -> &'static [&'static str] {
        match self {
            BundleKind::Invitation => &["statement"],
            BundleKind::PreReview => &["pre_review"],
            BundleKind::StatementForComment => &["statement", "cpd_needs"],
            BundleKind::Reply => &["statement", "cpd_needs", "appeal"],
            BundleKind::FinalStatement => &["statement", "cpd_needs", "appeal"],
            BundleKind::CpdNeeds => &["cpd_needs"],
            BundleKind::Handover => &[
                "pre_review",
                "statement",
                "cpd_needs",
                "appeal",
                "observations",
                "interim_reviews",
                "support_plan",
            ],
            BundleKind::Observations => &["observations"],
            BundleKind::InterimReviews => &["interim_reviews"],
            BundleKind::SupportPlan | BundleKind::CapabilityReferral => &["support_plan"],
            BundleKind::ModerationNote => &["moderation_note"],
            BundleKind::AppealOutcome => &["appeal_hearing"],
        }
    }
}

/// The sender or an intended recipient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    pub name: String,
    pub staff_id: Option<Id>,
    pub role: Role,
    /// Unknown for someone who has not yet sent anything (the reviewee, at invitation).
    pub keys: Option<PublicKeys>,
}

/// The review a bundle belongs to, enough to create it on the other side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewSummary {
    pub id: Id,
    pub reviewee: PersonRef,
    pub reviewer: PersonRef,
    pub policy: Policy,
    pub staff_group: String,
    pub period: CyclePeriod,
    pub meeting_on: Option<chrono::NaiveDate>,
    pub pay_eligible: bool,
    /// The reviewee's own cycle where it is not the school's whole one: a joiner's first cycle
    /// or a fixed-term contract's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_year: Option<CyclePeriod>,
    /// Who reviewed before the review was handed over, earliest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub previous_reviewers: Vec<PreviousReviewer>,
    /// The reviewer's keys: a person is their keys, and from the invitation on only these keys
    /// act as the reviewer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewer_keys: Option<PublicKeys>,
    /// The reviewee's keys, once known (from their first file, after the fingerprint was
    /// compared); until then the reviewee is known by name and staff id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewee_keys: Option<PublicKeys>,
}

/// A reviewer who handed the review on, with the keys they reviewed under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviousReviewer {
    pub person: PersonRef,
    pub keys: Option<PublicKeys>,
    /// The day they handed it on.
    pub until: chrono::NaiveDate,
}

impl ReviewSummary {
    /// The review as it stands once handed to `reviewer` (known by `keys`) on `on`: the same
    /// review, cycle and documents, with the reviewer's place bound to the new keys.
    pub fn handed_to(
        &self,
        reviewer: PersonRef,
        keys: PublicKeys,
        on: chrono::NaiveDate,
    ) -> ReviewSummary {
        let mut summary = self.clone();
        summary.previous_reviewers.push(PreviousReviewer {
            person: self.reviewer.clone(),
            keys: self.reviewer_keys,
            until: on,
        });
        summary.reviewer = reviewer;
        summary.reviewer_keys = Some(keys);
        summary
    }

    /// The keys that handed the review on last, if it was.
    pub fn handed_over_by(&self) -> Option<PublicKeys> {
        self.previous_reviewers
            .last()
            .and_then(|previous| previous.keys)
    }

    /// The keys bound to `role`'s place in the review, if known.
    pub fn keys_of(&self, role: Role) -> Option<PublicKeys> {
        match role {
            Role::Reviewer => self.reviewer_keys,
            Role::Reviewee => self.reviewee_keys,
            _ => None,
        }
    }

    /// The person in `role`'s place.
    pub fn person(&self, role: Role) -> Option<&crate::domain::people::PersonRef> {
        match role {
            Role::Reviewer => Some(&self.reviewer),
            Role::Reviewee => Some(&self.reviewee),
            _ => None,
        }
    }

    /// Binds `keys` to `role`'s place and shows the name they now send under there.
    pub fn bind(&mut self, role: Role, keys: PublicKeys, name: &str) {
        let (slot, person) = match role {
            Role::Reviewer => (&mut self.reviewer_keys, &mut self.reviewer),
            Role::Reviewee => (&mut self.reviewee_keys, &mut self.reviewee),
            _ => return,
        };
        *slot = Some(keys);
        if !name.trim().is_empty() {
            person.name = name.trim().to_owned();
        }
    }

    /// The part played by the person with `keys` (who sends under `name`): by keys where the
    /// place is bound; by name only for a place no keys are bound to yet.
    pub fn part_of(&self, keys: &PublicKeys, name: &str) -> Option<Role> {
        let places = [Role::Reviewer, Role::Reviewee];
        places
            .into_iter()
            .find(|role| self.keys_of(*role) == Some(*keys))
            .or_else(|| {
                places.into_iter().find(|role| {
                    self.keys_of(*role).is_none()
                        && self.person(*role).is_some_and(|person| {
                            super::contacts::name_key(&person.name)
                                == super::contacts::name_key(name)
                        })
                })
            })
    }
}

impl Payload {
    /// The sender's job title as the review shows it (for a party to it), or empty.
    pub fn sender_job_title(&self) -> &str {
        self.review
            .person(self.sender.role)
            .map_or("", |person| person.job_title.as_str())
    }
}

/// The signed content of a bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payload {
    pub bundle_id: String,
    pub created_at_millis: i64,
    pub kind: BundleKind,
    pub sender: Party,
    pub recipients: Vec<Party>,
    pub review: ReviewSummary,
    /// Document kind → its mergeable state.
    pub documents: BTreeMap<String, DocumentState>,
    pub sign_offs: Vec<SignedSignOff>,
    /// The version of the school's settings the sender used when they made the file, so that
    /// someone with an older one is told; left out when they used none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings_version: Option<u32>,
}
