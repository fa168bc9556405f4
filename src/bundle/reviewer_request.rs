//! A reviewee's written request to the headteacher to replace their reviewer, stating their
//! professional reasons (seed 004, 6.4). It travels in the same envelope as every file, told
//! apart by its payload type, signed by the reviewee and locked for the headteacher, since the
//! reasons are confidential.

use serde::{Deserialize, Serialize};

use super::envelope::{self, REQUEST_TYPE};
use super::identity::{Identity, PublicKeys};
use crate::random::RandomSource;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewerRequest {
    /// Tells one request from another: a second copy of the same request is nothing new.
    pub request_id: String,
    pub made_at_millis: i64,
    /// Who asks, as the staff list names them.
    pub reviewee: String,
    /// The keys the request is signed with, which are the person asking.
    pub keys: PublicKeys,
    /// The reviewer they ask to be replaced, as the staff list names them.
    pub reviewer: String,
    /// Their professional reasons, in their words.
    pub reasons: String,
}

impl ReviewerRequest {
    /// The request as a file, signed by `identity` and locked for the headteacher.
    pub fn write(
        &self,
        identity: &Identity,
        headteacher: &PublicKeys,
        random: &mut dyn RandomSource,
    ) -> String {
        let envelope = envelope::signed_file(self, REQUEST_TYPE, identity);
        super::sealed_for(&envelope, &[*headteacher], identity, random)
    }

    /// A file name the headteacher can find: `appraise-reviewer-request-sam-patel.json`.
    pub fn file_name(&self) -> String {
        format!(
            "appraise-reviewer-request-{}.json",
            super::in_file_name(&self.reviewee)
        )
    }
}
