//! Realistic sample documents and reviews shared by the host tests.

#![allow(dead_code)] // each test file uses its own subset of the samples

use appraise::domain::documents::*;
use appraise::domain::ids::Id;
use appraise::domain::standards::blank_assessments;
use chrono::NaiveDate;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn id(text: &str) -> Id {
    Id::new(text).unwrap()
}

pub fn pre_review() -> PreReviewForm {
    PreReviewForm {
        key_successes:
            "Led the Year 2 phonics catch-up group: 14 of 16 pupils reached the expected standard."
                .into(),
        factors_helped: "Weekly planning time with the class teacher.".into(),
        factors_hindered:
            "Cover duties in the spring term. Possible solution: a protected slot on Tuesdays."
                .into(),
        training_last_year: "Read Write Inc. refresher (2 days); paediatric first aid.".into(),
        school_priorities: "Early reading (SIP priority 1); attendance.".into(),
        further_learning: "Speech and language interventions.".into(),
        job_description_amendments: "Add the phonics intervention role.".into(),
        career_goals: "HLTA status within two years.".into(),
        objective_ideas: "Run the Talk Boost programme for Reception.".into(),
        evidence: vec![
            EvidenceItem {
                id: id("ev-1"),
                description: "Phonics tracking sheets, spring term".into(),
            },
            EvidenceItem {
                id: id("ev-2"),
                description: "Parent feedback cards".into(),
            },
        ],
        wellbeing_support: String::new(),
        disability_adjustments: String::new(),
        ..PreReviewForm::blank(PreReviewAuthor::Reviewee, "Sam Patel", "Teaching assistant")
    }
}

pub fn objective(n: u32, by_when: Option<NaiveDate>) -> NewObjective {
    NewObjective {
        objective: format!("Deliver the Talk Boost programme to {n} Reception groups"),
        link: "SIP priority 1: early language".into(),
        success_criteria:
            "80% of pupils in the groups move up one band on the Talk Boost assessment".into(),
        actions: "Attend the Talk Boost training; run three 30-minute sessions a week".into(),
        by_when,
        support_needed: "Two days' training; a quiet room on Tuesday and Thursday mornings".into(),
        ..NewObjective::blank(id(&format!("obj-{n}")))
    }
}

pub fn statement() -> Statement {
    Statement {
        meeting_date: Some(date(2026, 10, 23)),
        assessment: "Sam has met the requirements of the role well and is a trusted member of the Year 2 team.".into(),
        factors_helped: "Planning time with the class teacher.".into(),
        factors_hindered: "Cover duties.".into(),
        training_received: "Read Write Inc. refresher: pupils' decoding improved visibly.".into(),
        job_description_comments: "Add the phonics intervention role.".into(),
        career_goals: "HLTA within two years.".into(),
        reviewer_comments: "A strong year.".into(),
        pay_recommendation: Some(PayRecommendation::Progress),
        pay_rationale: "All objectives achieved.".into(),
        new_objectives: vec![
            objective(1, Some(date(2027, 3, 26))),
            objective(2, Some(date(2027, 5, 21))),
            objective(3, Some(date(2027, 7, 16))),
        ],
        reviewee_comments: String::new(),
        ..Statement::blank(
            vec![PreviousObjective {
                id: id("prev-1"),
                objective: "Run the Year 2 phonics catch-up group".into(),
                rating: Some(ProgressRating::Achieved),
                comment: "14 of 16 pupils reached the expected standard.".into(),
            }],
            blank_assessments(),
        )
    }
}

pub fn cpd_needs() -> CpdNeeds {
    CpdNeeds {
        name: "Sam Patel".into(),
        job_title: "Teaching assistant".into(),
        reviewer: "Jo Lee".into(),
        needs: vec![
            CpdNeed {
                id: id("need-1"),
                need: "Talk Boost training".into(),
                action: "Book the March course".into(),
                theme: CpdTheme::SpecialEducationalNeeds,
            },
            CpdNeed {
                id: id("need-2"),
                need: "Safeguarding update".into(),
                action: "Annual online module".into(),
                theme: CpdTheme::Safeguarding,
            },
        ],
    }
}

pub fn observation() -> Observation {
    Observation {
        id: id("obs-1"),
        date: date(2026, 11, 20),
        observer: "Jo Lee".into(),
        focus: "Phonics group".into(),
        key_points: "Clear modelling; pace dipped in the last ten minutes.".into(),
        verbal_feedback_on: Some(date(2026, 11, 20)),
        written_feedback_on: None,
    }
}

pub fn interim_review() -> InterimReview {
    InterimReview {
        id: id("interim-1"),
        date: date(2027, 2, 10),
        progress: vec![ObjectiveProgress {
            id: id("obj-1"),
            comment: "Two groups running.".into(),
        }],
        revised_objectives: vec![objective(4, Some(date(2027, 7, 16)))],
        revisions_agreed_by_both: true,
    }
}

pub fn support_plan() -> SupportPlan {
    SupportPlan {
        concerns: "Timekeeping at the start of the day.".into(),
        previous_discussions: "Discussed at one-to-ones on 3 and 17 November.".into(),
        reviewee_comments: "Bus times changed in September.".into(),
        targets: vec![SupportTarget {
            id: id("target-1"),
            target: "Arrive by 8:30 on every working day".into(),
        }],
        support_agreed: "Start time moved to 8:40 on Mondays.".into(),
        monitored_by: "Jo Lee".into(),
        how_monitored: "Signing-in record, reviewed weekly".into(),
        starts_on: Some(date(2026, 11, 23)),
        review_on: Some(date(2026, 12, 18)),
        monitoring_period: appraise::domain::calendar::Period::working_weeks(4),
        extension: None,
        outcome: None,
    }
}

pub fn appeal() -> Appeal {
    Appeal {
        entries_appealed: vec![
            "statement.assessment".into(),
            "statement.new_objectives[obj-2].success_criteria".into(),
        ],
        grounds: "The assessment does not reflect the cover duties I took on.".into(),
        heard_by: AppealHearer::Headteacher,
        lodged_on: Some(date(2026, 11, 6)),
        outcome: None,
        outcome_notes: String::new(),
        decided_on: None,
    }
}

pub fn person_ref(
    staff_id: &str,
    name: &str,
    job_title: &str,
) -> appraise::domain::people::PersonRef {
    appraise::domain::people::PersonRef {
        staff_id: id(staff_id),
        name: name.into(),
        job_title: job_title.into(),
    }
}

/// A review under `policy_key`'s preset for the cycle containing `day`, at the invitation stage.
pub fn review(
    policy_key: &str,
    staff_group: &str,
    day: NaiveDate,
) -> appraise::domain::cycle::Review {
    use appraise::domain::cycle::{CyclePeriod, Review};
    let policy = appraise::domain::presets::preset(policy_key).unwrap();
    let period = CyclePeriod::containing(policy.cycle_for(staff_group).unwrap(), day).unwrap();
    Review::new(
        id("review-1"),
        person_ref("sam", "Sam Patel", "Teaching assistant"),
        person_ref("jo", "Jo Lee", "Year 2 leader"),
        policy,
        staff_group,
        period,
    )
}
