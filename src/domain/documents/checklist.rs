//! The before / during / after meeting checklists for reviewer and reviewee, with seed 001's
//! items ("Performance management review – checklist for the reviewer and the reviewee").

use serde::{Deserialize, Serialize};

use super::Document;
use crate::domain::ids::Id;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingChecklist {
    pub items: Vec<ChecklistItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistItem {
    pub id: Id,
    pub phase: MeetingPhase,
    pub who: WhoActs,
    pub text: String,
    pub done: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingPhase {
    Before,
    During,
    After,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WhoActs {
    Reviewer,
    Reviewee,
    Both,
}

impl Document for MeetingChecklist {
    const KIND: &'static str = "checklist";
    const SCHEMA: u32 = 1;
}

const SEED_001_ITEMS: [(&str, MeetingPhase, WhoActs, &str); 26] = {
    use MeetingPhase::{After, Before, During};
    use WhoActs::{Both, Reviewee, Reviewer};
    [
        (
            "before-schedule",
            Before,
            Reviewer,
            "Schedule the review meeting, allowing appropriate time",
        ),
        (
            "before-book-room",
            Before,
            Reviewer,
            "Book a private meeting place that allows confidential, free discussion",
        ),
        (
            "before-gather-evidence",
            Before,
            Reviewer,
            "Gather evidence: notes of previous meetings and supervisions, the job description, previously agreed objectives and previous feedback",
        ),
        (
            "before-send-pre-review",
            Before,
            Reviewer,
            "Give the reviewee the pre-review form and make sure they are clear about its use and the key areas to include",
        ),
        (
            "before-ask-objectives",
            Before,
            Reviewer,
            "Ask the reviewee to consider areas for new objectives",
        ),
        (
            "before-disability",
            Before,
            Reviewer,
            "Consider the reviewee’s achievements in light of any known disabilities and reasonable adjustments made",
        ),
        (
            "before-initial-assessment",
            Before,
            Reviewer,
            "Make an initial assessment with your own pre-review form: performance against objectives, strengths and anything that affected performance",
        ),
        (
            "before-potential-objectives",
            Before,
            Reviewer,
            "Consider potential objectives related to the school improvement plan and key policies",
        ),
        (
            "before-equality",
            Before,
            Reviewer,
            "Consider disability, gender and race implications in identifying potential objectives",
        ),
        (
            "before-development",
            Before,
            Reviewer,
            "Consider development needs and how they may best be met",
        ),
        (
            "before-reviewee-evidence",
            Before,
            Reviewee,
            "Prepare evidence: notes from previous meetings, achievement against objectives, successes, areas for development, career thoughts",
        ),
        (
            "before-reviewee-form",
            Before,
            Reviewee,
            "Complete the pre-review meeting form",
        ),
        (
            "before-reviewee-objectives",
            Before,
            Reviewee,
            "Consider what new objectives may be appropriate given school priorities",
        ),
        (
            "during-self-assessment",
            During,
            Reviewer,
            "Start with the reviewee’s self-assessment",
        ),
        (
            "during-agree-positives",
            During,
            Reviewer,
            "Identify areas of clear agreement, focusing first on positive outcomes",
        ),
        (
            "during-ratings",
            During,
            Reviewer,
            "Explain the basis of your assessment and, where possible, agree ratings; where you still differ, the reviewee can give more information for you to consider",
        ),
        (
            "during-new-objectives",
            During,
            Reviewer,
            "Agree new objectives (a maximum of 3 is recommended) and how success will be measured",
        ),
        (
            "during-development-priorities",
            During,
            Reviewer,
            "Agree priorities for development and who will take action",
        ),
        (
            "during-adjustments",
            During,
            Reviewer,
            "Discuss any disability and agree and record reasonable adjustments",
        ),
        (
            "during-schedule-reviews",
            During,
            Reviewer,
            "Schedule any future review sessions, such as observations for teaching assistants or a mid-year review",
        ),
        ("during-feedback", During, Both, "Share feedback"),
        (
            "after-complete-forms",
            After,
            Reviewer,
            "Complete the statement and the training and development needs form and pass them to the reviewee within the policy’s deadline",
        ),
        (
            "after-reviewee-reply",
            After,
            Reviewer,
            "Tell the reviewee how long they have to add their comments and return the statement",
        ),
        (
            "after-appeal",
            After,
            Reviewer,
            "Tell the reviewee how they may appeal if they are not happy with the outcome, as your policy allows",
        ),
        (
            "after-signatures",
            After,
            Reviewer,
            "Make sure both of you have signed the forms, and give the reviewee a copy",
        ),
        (
            "after-headteacher",
            After,
            Reviewer,
            "Send the agreed statement to the headteacher and training needs to the CPD leader, and keep a copy confidentially",
        ),
    ]
};

impl MeetingChecklist {
    /// Seed 001's checklist, nothing ticked.
    pub fn seed_001() -> MeetingChecklist {
        MeetingChecklist {
            items: SEED_001_ITEMS
                .iter()
                .map(|(id, phase, who, text)| ChecklistItem {
                    id: Id::new(*id).expect("checklist ids are valid"),
                    phase: *phase,
                    who: *who,
                    text: (*text).into(),
                    done: false,
                })
                .collect(),
        }
    }

    /// The items for one phase and person (items for both people included).
    pub fn items_for(
        &self,
        phase: MeetingPhase,
        who: WhoActs,
    ) -> impl Iterator<Item = &ChecklistItem> {
        self.items.iter().filter(move |item| {
            item.phase == phase && (item.who == who || item.who == WhoActs::Both)
        })
    }

    /// How many of this person's items are ticked, out of how many.
    pub fn ticked(&self, who: WhoActs) -> (usize, usize) {
        let mine: Vec<_> = self
            .items
            .iter()
            .filter(|item| item.who == who || item.who == WhoActs::Both)
            .collect();
        (mine.iter().filter(|item| item.done).count(), mine.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_001_checklist_has_each_phase_for_each_side() {
        let checklist = MeetingChecklist::seed_001();
        let count = |phase, who| checklist.items_for(phase, who).count();
        assert_eq!(count(MeetingPhase::Before, WhoActs::Reviewer), 10);
        assert_eq!(count(MeetingPhase::Before, WhoActs::Reviewee), 3);
        assert_eq!(count(MeetingPhase::During, WhoActs::Reviewer), 8);
        assert_eq!(count(MeetingPhase::During, WhoActs::Reviewee), 1);
        assert_eq!(count(MeetingPhase::After, WhoActs::Reviewer), 5);
        assert!(checklist.items.iter().all(|item| !item.done));
    }
}
