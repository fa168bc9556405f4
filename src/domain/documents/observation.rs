//! An observation record: who observed what, when, and when feedback was given. The policy
//! sets the most observations a cycle and the feedback deadline.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Document;
use crate::domain::ids::Id;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observation {
    pub id: Id,
    pub date: NaiveDate,
    pub observer: String,
    pub focus: String,
    pub key_points: String,
    pub verbal_feedback_on: Option<NaiveDate>,
    pub written_feedback_on: Option<NaiveDate>,
}

impl Document for Observation {
    const KIND: &'static str = "observation";
    const SCHEMA: u32 = 1;
}
