//! The 10 standards of conduct expected of all staff (seed 004, 1.6), as data, and how a
//! statement records the assessment against each.

use serde::{Deserialize, Serialize};

use super::ids::Id;

/// One of the 10 standards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standard {
    /// Stable key used as the list-item id in a statement, e.g. `honesty-integrity`.
    pub key: &'static str,
    /// The policy's paragraph number.
    pub number: &'static str,
    /// The standard as the policy words it.
    pub text: &'static str,
}

/// Seed 004, 1.6.1–1.6.10, worded as in the policy.
pub const TEN_STANDARDS: [Standard; 10] = [
    Standard {
        key: "honesty-integrity",
        number: "1.6.1",
        text: "Acting with honesty and integrity",
    },
    Standard {
        key: "professional-relationships",
        number: "1.6.2",
        text: "Forging positive professional relationships",
    },
    Standard {
        key: "working-with-parents",
        number: "1.6.3",
        text: "Working with parents in the best interests of pupils",
    },
    Standard {
        key: "dignity-boundaries",
        number: "1.6.4",
        text: "Treating pupils with dignity and observing proper boundaries appropriate to the member of staff’s professional position",
    },
    Standard {
        key: "safeguarding",
        number: "1.6.5",
        text: "Having regard to the need to safeguard pupils’ well-being",
    },
    Standard {
        key: "tolerance-respect",
        number: "1.6.6",
        text: "Showing tolerance of and respect for the rights of others",
    },
    Standard {
        key: "british-values",
        number: "1.6.7",
        text: "Not undermining fundamental values of democracy, the rule of law, individual liberty and mutual respect and tolerance of those with different faiths and beliefs",
    },
    Standard {
        key: "school-ethos",
        number: "1.6.8",
        text: "Having proper regard for the ethos, policies and practices of the school",
    },
    Standard {
        key: "attendance-punctuality",
        number: "1.6.9",
        text: "Maintaining high standards in their own attendance and punctuality",
    },
    Standard {
        key: "statutory-frameworks",
        number: "1.6.10",
        text: "Acting within any statutory frameworks relevant to their respective roles",
    },
];

/// The reviewer's judgement against one standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StandardJudgement {
    Meets,
    PartlyMeets,
    DoesNotMeet,
}

impl StandardJudgement {
    pub const ALL: [StandardJudgement; 3] = [
        StandardJudgement::Meets,
        StandardJudgement::PartlyMeets,
        StandardJudgement::DoesNotMeet,
    ];

    pub fn label(self) -> &'static str {
        match self {
            StandardJudgement::Meets => "Meets the standard",
            StandardJudgement::PartlyMeets => "Partly meets the standard",
            StandardJudgement::DoesNotMeet => "Does not meet the standard",
        }
    }
}

/// The assessment against one standard; `id` is the standard's key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandardAssessment {
    pub id: Id,
    pub judgement: Option<StandardJudgement>,
    pub comment: String,
}

impl StandardAssessment {
    /// The standard this assessment is against, if the id is one of the 10.
    pub fn standard(&self) -> Option<&'static Standard> {
        TEN_STANDARDS.iter().find(|s| s.key == self.id.as_str())
    }
}

/// One blank assessment per standard, in the policy's order, to start a statement with.
pub fn blank_assessments() -> Vec<StandardAssessment> {
    TEN_STANDARDS
        .iter()
        .map(|standard| StandardAssessment {
            id: Id::new(standard.key).expect("standard keys are valid ids"),
            judgement: None,
            comment: String::new(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_standards_numbered_in_order_with_unique_keys() {
        let numbers: Vec<&str> = TEN_STANDARDS.iter().map(|s| s.number).collect();
        let expected: Vec<String> = (1..=10).map(|n| format!("1.6.{n}")).collect();
        assert_eq!(numbers, expected);
        let mut keys: Vec<&str> = TEN_STANDARDS.iter().map(|s| s.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), 10);
    }

    #[test]
    fn blank_assessments_cover_every_standard() {
        let blank = blank_assessments();
        assert_eq!(blank.len(), 10);
        assert!(
            blank
                .iter()
                .all(|a| a.standard().is_some() && a.judgement.is_none())
        );
        assert_eq!(
            blank[4].standard().unwrap().text,
            "Having regard to the need to safeguard pupils’ well-being"
        );
    }
}
