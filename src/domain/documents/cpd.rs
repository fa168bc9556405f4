//! Training and development (CPD) needs: the only part of a review the CPD leader receives
//! (seed 001's "Training and Development Needs/CPD" form; seed 004 Annex 4).

use serde::{Deserialize, Serialize};

use super::Document;
use crate::domain::ids::Id;
use crate::domain::people::PersonRef;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CpdNeeds {
    pub name: String,
    pub job_title: String,
    pub reviewer: String,
    pub needs: Vec<CpdNeed>,
}

/// One training or development need and the action to be taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CpdNeed {
    pub id: Id,
    pub need: String,
    pub action: String,
    /// The broad area, used to count needs in the governors' anonymised report.
    pub theme: CpdTheme,
}

/// Broad areas of training, for planning and for the governors' report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CpdTheme {
    Safeguarding,
    SpecialEducationalNeeds,
    BehaviourAndPastoral,
    SubjectOrCurriculum,
    DigitalSkills,
    HealthAndSafety,
    LeadershipAndManagement,
    QualificationOrAccreditation,
    Wellbeing,
    Other,
}

impl CpdTheme {
    pub const ALL: [CpdTheme; 10] = [
        CpdTheme::Safeguarding,
        CpdTheme::SpecialEducationalNeeds,
        CpdTheme::BehaviourAndPastoral,
        CpdTheme::SubjectOrCurriculum,
        CpdTheme::DigitalSkills,
        CpdTheme::HealthAndSafety,
        CpdTheme::LeadershipAndManagement,
        CpdTheme::QualificationOrAccreditation,
        CpdTheme::Wellbeing,
        CpdTheme::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CpdTheme::Safeguarding => "Safeguarding",
            CpdTheme::SpecialEducationalNeeds => "Special educational needs and disabilities",
            CpdTheme::BehaviourAndPastoral => "Behaviour and pastoral care",
            CpdTheme::SubjectOrCurriculum => "Subject knowledge or curriculum",
            CpdTheme::DigitalSkills => "Digital skills",
            CpdTheme::HealthAndSafety => "Health and safety, first aid",
            CpdTheme::LeadershipAndManagement => "Leadership and management",
            CpdTheme::QualificationOrAccreditation => "Qualification or accreditation",
            CpdTheme::Wellbeing => "Wellbeing",
            CpdTheme::Other => "Other",
        }
    }
}

impl CpdNeeds {
    /// The form with no needs yet, headed with the reviewee's and reviewer's names.
    pub fn blank_for(reviewee: &PersonRef, reviewer: &PersonRef) -> CpdNeeds {
        CpdNeeds {
            name: reviewee.name.clone(),
            job_title: reviewee.job_title.clone(),
            reviewer: reviewer.name.clone(),
            needs: Vec::new(),
        }
    }
}

impl Document for CpdNeeds {
    const KIND: &'static str = "cpd_needs";
    const SCHEMA: u32 = 1;
}
