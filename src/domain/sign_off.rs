//! Sign-offs: a person's signature on the exact content of a document as it stood. If that
//! content changes afterwards the sign-off shows as out of date, with the fields that changed,
//! and must be given again. (The cryptographic signature that proves who signed travels in the
//! bundle; this records what was signed.)

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

use super::cycle::Review;
use super::documents::{
    CpdNeeds, Document, InterimReviewLog, Statement, SupportPlan, written_by_reviewee,
};
use super::field_map::{FieldMap, to_field_map};
use super::people::PersonRef;
use super::validation::{
    MissingField, ObjectiveLimit, missing_before_signing_cpd, missing_before_signing_interim,
    missing_before_signing_statement, missing_before_signing_support_plan, objectives_over_limit,
};

/// Who is signing, which decides what their signature covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignerRole {
    Reviewee,
    Reviewer,
}

/// A signature on a document's content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignOff {
    /// The document's kind, e.g. `statement`.
    pub document: String,
    pub role: SignerRole,
    pub signer: PersonRef,
    pub signed_on: NaiveDate,
    /// The fields covered, exactly as they were when signed.
    pub covered: FieldMap,
    /// SHA-256 of `covered`, hex.
    pub fingerprint: String,
}

/// Whether a sign-off still covers the document as it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignOffStatus {
    Current,
    /// The content changed after signing; these fields differ.
    OutOfDate {
        changed: Vec<String>,
    },
    /// Given before an appeal against the statement was upheld on this day: the statement is
    /// revised and signed again.
    Superseded {
        upheld_on: NaiveDate,
    },
    /// The record of what was signed does not match its own fingerprint: it has been altered.
    Invalid,
}

/// Signing was refused because required fields are empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignOffRefused {
    pub missing: Vec<MissingField>,
    /// More new objectives than a policy that admits no exception allows.
    pub over_limit: Option<ObjectiveLimit>,
}

impl fmt::Display for SignOffRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(limit) = &self.over_limit {
            write!(f, "{limit}")?;
            if self.missing.is_empty() {
                return Ok(());
            }
            write!(f, " ")?;
        }
        let labels: Vec<&str> = self.missing.iter().map(|m| m.label.as_str()).collect();
        write!(
            f,
            "This cannot be signed yet because {} {} empty: {}. Fill {} in, then sign.",
            if labels.len() == 1 {
                "this required answer"
            } else {
                "these required answers"
            },
            if labels.len() == 1 { "is" } else { "are" },
            labels.join("; "),
            if labels.len() == 1 { "it" } else { "them" },
        )
    }
}

impl std::error::Error for SignOffRefused {}

/// The reviewer's signature covers a document except the reviewee's own words, which are
/// written after the reviewer signs; the reviewee's covers everything.
fn covered<D: Document>(document: &D, role: SignerRole) -> FieldMap {
    let mut fields = to_field_map(document);
    if role == SignerRole::Reviewer {
        fields.retain(|path, _| !written_by_reviewee(path));
    }
    fields
}

/// The name a sign-off on one interim review goes under: `interim_reviews[<id>]`.
pub fn interim_review_document(id: &str) -> String {
    format!("{}[{id}]", InterimReviewLog::KIND)
}

/// The fields of the interim review `id` that `role`'s signature covers.
fn covered_interim(log: &InterimReviewLog, id: &str, role: SignerRole) -> Option<FieldMap> {
    log.items
        .iter()
        .any(|item| item.id.as_str() == id)
        .then(|| {
            let prefix = format!("{}.items[{id}]", InterimReviewLog::KIND);
            let mut fields = covered(log, role);
            fields.retain(|path, _| path.starts_with(&prefix));
            fields
        })
}

/// SHA-256 (hex) of the fields as canonical JSON: keys in path order, no spaces.
pub fn fingerprint(fields: &FieldMap) -> String {
    let canonical = serde_json::to_vec(fields).expect("field maps always serialise");
    Sha256::digest(&canonical)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The sign-off on `document` when nothing required is `missing` from it; otherwise the refusal
/// naming each empty field.
fn sealed_if_complete<D: Document>(
    document: Option<&D>,
    missing: Vec<MissingField>,
    signer: &PersonRef,
    role: SignerRole,
    on: NaiveDate,
) -> Result<SignOff, SignOffRefused> {
    match document {
        Some(document) if missing.is_empty() => Ok(seal(document, role, signer, on)),
        _ => Err(SignOffRefused {
            missing,
            over_limit: None,
        }),
    }
}

fn seal<D: Document>(document: &D, role: SignerRole, signer: &PersonRef, on: NaiveDate) -> SignOff {
    let covered = covered(document, role);
    SignOff {
        document: D::KIND.into(),
        role,
        signer: signer.clone(),
        signed_on: on,
        fingerprint: fingerprint(&covered),
        covered,
    }
}

/// What signing the statement as it is now would record, in a sentence for the signer: how many
/// previous objectives are rated, how many new objectives there are, and whose words it holds
/// (the reviewer's signature leaves out the reviewee's comments, which are the reviewee's own).
pub fn what_signing_the_statement_covers(statement: &Statement, role: SignerRole) -> String {
    let rated = statement
        .previous_objectives
        .iter()
        .filter(|objective| objective.rating.is_some())
        .count();
    let whose_words = match role {
        SignerRole::Reviewer => "everything except the reviewee’s comments",
        SignerRole::Reviewee => "including your comments",
    };
    format!(
        "Signing records the statement exactly as it is now: {rated} of {} previous objectives \
         rated, {} new objectives, {whose_words}. If anything in it changes afterwards, your \
         sign-off shows as out of date and you sign again.",
        statement.previous_objectives.len(),
        statement.new_objectives.len(),
    )
}

impl SignerRole {
    /// The documents this part signs: the reviewer the statement and the training needs, the
    /// reviewee the statement.
    pub fn documents(self) -> &'static [&'static str] {
        match self {
            SignerRole::Reviewer => &[Statement::KIND, CpdNeeds::KIND],
            SignerRole::Reviewee => &[Statement::KIND],
        }
    }

    /// The part in words: "reviewer" or "reviewee".
    pub fn label(self) -> &'static str {
        match self {
            SignerRole::Reviewer => "reviewer",
            SignerRole::Reviewee => "reviewee",
        }
    }
}

/// What a person should know before sending a file whose sign-offs no longer hold: for each
/// document it carries, a sentence per sign-off that is out of date (what changed and who must
/// sign again) and per sign-off it needs but lacks. Empty when nothing stands in the way.
/// `held` is the sign-off standing for each document and role, with its state.
pub fn before_sending(
    carried: &[&str],
    needed: &[(&str, SignerRole)],
    held: &[(&SignOff, &SignOffStatus)],
) -> Vec<String> {
    let mut cautions = Vec::new();
    for (sign_off, status) in held {
        if !carried.contains(&sign_off.document_kind()) {
            continue;
        }
        if let SignOffStatus::OutOfDate { changed } = status {
            cautions.push(format!(
                "{}’s sign-off as {} on the {} is out of date: {} changed after {} signed on {}. {} must sign again.",
                sign_off.signer.name,
                sign_off.role.label(),
                super::documents::document_title(&sign_off.document).to_lowercase(),
                super::field_map::summarise_paths(changed).join("; "),
                sign_off.signer.name,
                super::dates::format_uk_date(sign_off.signed_on),
                sign_off.signer.name,
            ));
        }
    }
    for (document, role) in needed {
        let signed = held
            .iter()
            .any(|(sign_off, _)| sign_off.document == *document && sign_off.role == *role);
        if !signed {
            cautions.push(format!(
                "The {} is not signed by the {} yet.",
                super::documents::document_title(document).to_lowercase(),
                role.label()
            ));
        }
    }
    cautions
}

/// A warning (never a refusal) when a statement is signed before the meeting it records: the
/// meeting may have been held early and its date not corrected, or it is still to come.
pub fn signing_before_the_meeting(
    meeting_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<String> {
    let meeting = meeting_on.filter(|meeting| *meeting > today)?;
    Some(format!(
        "The review meeting is dated {}, after today. The statement records a meeting that has \
         happened: if it was held earlier, correct the meeting date before signing; otherwise \
         sign after the meeting.",
        super::dates::format_uk_date(meeting)
    ))
}

impl SignOff {
    /// The kind of document signed: `interim_reviews` for a sign-off on one interim review.
    pub fn document_kind(&self) -> &str {
        self.document.split('[').next().unwrap_or(&self.document)
    }

    /// The sign-off in a line: what, by whom in which part, and when.
    pub fn describe(&self) -> String {
        format!(
            "{} signed by {} ({}) on {}",
            super::documents::document_title(&self.document),
            self.signer.name,
            self.role.label(),
            super::dates::format_uk_date(self.signed_on)
        )
    }

    /// Signs the review's statement, or refuses with every empty required field and any new
    /// objectives over a limit that admits no exception.
    pub fn for_statement(
        review: &Review,
        role: SignerRole,
        on: NaiveDate,
    ) -> Result<SignOff, SignOffRefused> {
        if let Some(limit) = objectives_over_limit(review).filter(|limit| limit.firm) {
            return Err(SignOffRefused {
                missing: missing_before_signing_statement(review),
                over_limit: Some(limit),
            });
        }
        sealed_if_complete(
            review.statement.as_ref(),
            missing_before_signing_statement(review),
            signer(review, role),
            role,
            on,
        )
    }

    /// Signs the review's training and development needs, or refuses with every empty required field.
    pub fn for_cpd_needs(
        review: &Review,
        role: SignerRole,
        on: NaiveDate,
    ) -> Result<SignOff, SignOffRefused> {
        sealed_if_complete(
            review.cpd_needs.as_ref(),
            missing_before_signing_cpd(review),
            signer(review, role),
            role,
            on,
        )
    }

    /// Signs the review's support plan, or refuses with every empty required field.
    pub fn for_support_plan(
        review: &Review,
        role: SignerRole,
        on: NaiveDate,
    ) -> Result<SignOff, SignOffRefused> {
        sealed_if_complete(
            review.support_plan.as_ref(),
            missing_before_signing_support_plan(review),
            signer(review, role),
            role,
            on,
        )
    }

    /// Signs the interim review `id`, agreeing its progress notes and any revised objectives, or
    /// refuses with every empty required field.
    pub fn for_interim_review(
        review: &Review,
        id: &str,
        role: SignerRole,
        on: NaiveDate,
    ) -> Result<SignOff, SignOffRefused> {
        let missing = missing_before_signing_interim(review, id);
        let log = InterimReviewLog {
            items: review.interim_reviews.clone(),
        };
        match covered_interim(&log, id, role) {
            Some(covered) if missing.is_empty() => Ok(SignOff {
                document: interim_review_document(id),
                role,
                signer: signer(review, role).clone(),
                signed_on: on,
                fingerprint: fingerprint(&covered),
                covered,
            }),
            _ => Err(SignOffRefused {
                missing,
                over_limit: None,
            }),
        }
    }

    /// Whether this sign-off still covers the review's document as it is now.
    pub fn status(&self, review: &Review) -> SignOffStatus {
        if fingerprint(&self.covered) != self.fingerprint {
            return SignOffStatus::Invalid;
        }
        if self.document == Statement::KIND
            && let Some(upheld_on) = review.upheld_on()
            && self.signed_on < upheld_on
        {
            return SignOffStatus::Superseded { upheld_on };
        }
        let interim = self
            .document
            .strip_prefix(&format!("{}[", InterimReviewLog::KIND))
            .and_then(|rest| rest.strip_suffix(']'));
        let now = match (self.document.as_str(), interim) {
            (_, Some(id)) => covered_interim(
                &InterimReviewLog {
                    items: review.interim_reviews.clone(),
                },
                id,
                self.role,
            ),
            (Statement::KIND, _) => review.statement.as_ref().map(|d| covered(d, self.role)),
            (CpdNeeds::KIND, _) => review.cpd_needs.as_ref().map(|d| covered(d, self.role)),
            (SupportPlan::KIND, _) => review.support_plan.as_ref().map(|d| covered(d, self.role)),
            _ => None,
        };
        let Some(now) = now else {
            return SignOffStatus::Invalid;
        };
        let mut changed: Vec<String> = now
            .iter()
            .filter(|(path, value)| self.covered.get(*path) != Some(value))
            .map(|(path, _)| path.clone())
            .chain(
                self.covered
                    .keys()
                    .filter(|path| !now.contains_key(*path))
                    .cloned(),
            )
            .collect();
        changed.sort();
        if changed.is_empty() {
            SignOffStatus::Current
        } else {
            SignOffStatus::OutOfDate { changed }
        }
    }

    /// The first 12 hex digits of the fingerprint, in groups of four, for printed footers.
    pub fn short_fingerprint(&self) -> String {
        let head: Vec<String> = self.fingerprint.as_bytes()[..12]
            .chunks(4)
            .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
            .collect();
        head.join(" ")
    }
}

fn signer(review: &Review, role: SignerRole) -> &PersonRef {
    match role {
        SignerRole::Reviewee => &review.reviewee,
        SignerRole::Reviewer => &review.reviewer,
    }
}
