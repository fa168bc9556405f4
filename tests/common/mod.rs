//! Realistic sample documents and reviews shared by the host tests.

#![allow(dead_code)] // each test file uses its own subset of the samples

use appraise::bundle::identity::{Identity, KeySeed};
use appraise::bundle::merge::{DocumentState, Stamp};
use appraise::bundle::payload::{BundleKind, Party, Payload, ReviewSummary};
use appraise::domain::calendar::{Closure, SchoolCalendar, Term};
use appraise::domain::documents::*;
use appraise::domain::field_map::to_field_map;
use appraise::domain::ids::Id;
use appraise::domain::people::Role;
use appraise::domain::standards::blank_assessments;
use appraise::random::RandomSource;
use chrono::NaiveDate;

pub mod school_year;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn id(text: &str) -> Id {
    Id::new(text).unwrap()
}

/// An English school's dates from the summer term of 2026 to the summer term of 2027, as a
/// headteacher would enter them: each term as the calendar prints it (the spring term "ends" on
/// Good Friday, a bank holiday), each half-term as a closure. Bank holidays are built in. After
/// Wednesday 21/07/2027 nothing is entered.
pub fn terms_2026_27() -> SchoolCalendar {
    let term = |name: &str, first_day, last_day| Term {
        name: name.into(),
        first_day,
        last_day,
    };
    let half_term = |name: &str, first_day, last_day| Closure {
        name: name.into(),
        first_day,
        last_day,
    };
    SchoolCalendar {
        closures: vec![
            half_term("Summer half-term", date(2026, 5, 25), date(2026, 5, 29)),
            half_term("Autumn half-term", date(2026, 10, 26), date(2026, 10, 30)),
            half_term("Spring half-term", date(2027, 2, 15), date(2027, 2, 19)),
            half_term("Summer half-term", date(2027, 5, 31), date(2027, 6, 4)),
        ],
        terms: vec![
            term("summer term", date(2026, 4, 13), date(2026, 7, 22)),
            term("autumn term", date(2026, 9, 2), date(2026, 12, 18)),
            term("spring term", date(2027, 1, 5), date(2027, 3, 26)),
            term("summer term", date(2027, 4, 12), date(2027, 7, 21)),
        ],
    }
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
        next_review_on: None,
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
        notice_given_on: Some(date(2026, 11, 13)),
        reviewee_comments: "Agreed about the pace; the group was new that week.".into(),
    }
}

pub fn observations() -> ObservationLog {
    ObservationLog {
        items: vec![observation()],
    }
}

pub fn interim_reviews() -> InterimReviewLog {
    InterimReviewLog {
        items: vec![interim_review()],
    }
}

pub fn interim_review() -> InterimReview {
    InterimReview {
        id: id("interim-1"),
        date: date(2027, 2, 10),
        not_held: false,
        progress: vec![ObjectiveProgress {
            id: id("obj-1"),
            objective: "Raise attainment in phonics".into(),
            reviewer_comment: "Two groups running.".into(),
            reviewee_comment: "The third starts after half-term.".into(),
        }],
        revised_objectives: vec![objective(4, Some(date(2027, 7, 16)))],
        wellbeing: "Workload manageable; asked to keep PPA on Fridays.".into(),
        notes: String::new(),
        reviewee_comments: String::new(),
    }
}

pub fn support_plan() -> SupportPlan {
    SupportPlan {
        concerns: "Timekeeping at the start of the day.".into(),
        likely_causes: "The school bus now arrives at 8:35.".into(),
        previous_discussions: "Discussed at one-to-ones on 3 and 17 November.".into(),
        reviewee_comments: "Bus times changed in September.".into(),
        targets: vec![SupportTarget {
            id: id("target-1"),
            target: "Arrive by 8:30 on every working day".into(),
        }],
        support_agreed: "Start time moved to 8:40 on Mondays.".into(),
        monitored_by: "Jo Lee".into(),
        how_monitored: "Signing-in record, reviewed weekly".into(),
        consequences: "On time every day by 18/12: the plan ends. If not, monitoring goes on for up to four more weeks, then the formal capability procedure.".into(),
        starts_on: Some(date(2026, 11, 23)),
        review_on: Some(date(2026, 12, 18)),
        monitoring_period: appraise::domain::calendar::Period::working_weeks(4),
        extension: None,
        outcome: None,
        outcome_on: None,
        capability_ended_on: None,
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

/// The headteacher's note after moderating the statement, not yet answered.
pub fn moderation_note() -> ModerationNote {
    ModerationNote {
        note: "Check objective 2 against the evidence.".into(),
        sent_on: Some(date(2026, 11, 30)),
        ..ModerationNote::default()
    }
}

/// An appeal heard and partly upheld.
pub fn appeal_hearing() -> AppealHearing {
    AppealHearing {
        heard_on: Some(date(2026, 11, 24)),
        attended: "Sam Patel; Jo Lee; Pat Head.".into(),
        summary: "The phonics group's results were shown.".into(),
        outcome: Some(AppealOutcome::PartlyUpheld),
        changes: "The assessment adds the phonics group.".into(),
        decided_on: Some(date(2026, 11, 25)),
    }
}

/// A pay decision recorded with its reason.
pub fn pay_decision() -> PayDecision {
    PayDecision {
        decision: Some(PayDecisionMade::Progress),
        reason: "All three objectives achieved.".into(),
        decided_on: Some(date(2026, 11, 27)),
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
    use appraise::domain::cycle::Review;
    use appraise::domain::period::CyclePeriod;
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

/// The sample review (local authority support staff, cycle from October 2026) with the sample
/// statement written, ready to be signed.
pub fn review_with_statement() -> appraise::domain::cycle::Review {
    let mut review = review("la-support-staff", "Support staff", date(2026, 10, 1));
    review.statement = Some(statement());
    review
}

/// Prose of `words` words drawn pseudo-randomly from a working vocabulary of school writing,
/// so that it compresses about as well as what people really write.
pub fn prose(words: usize, seed: u64) -> String {
    const VOCABULARY: &str = "pupils the a of and to in with for on at by from as this that their our my I we they \
        phonics group reading writing maths progress support class teacher teaching assistant led weekly sessions \
        Year Reception attendance improved introduced new tracking sheet parents said children enjoyed training \
        speech language helped plan interventions time limited cover duties spring summer autumn term next year \
        would like develop skills HLTA behaviour safeguarding team meetings feedback observed lesson targets \
        achieved partially evidence records data assessment planning resources confidence independent vocabulary \
        small groups one-to-one SEND plans EHCP reviewed regularly communication colleagues leadership course \
        completed certificate online module first aid lunchtime playground supervision routines transitions \
        morning afternoon library catch-up booster tutoring intervention outcomes expected standard exceeded \
        working towards strengths areas development next steps agreed by end July December March April \
        because however although also therefore which when where while during after before since until";
    let vocabulary: Vec<&str> = VOCABULARY.split_whitespace().collect();
    let mut state = seed
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    let mut text = String::new();
    for i in 0..words {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let word = vocabulary[(state >> 33) as usize % vocabulary.len()];
        if i > 0 {
            text.push_str(if (state >> 20).is_multiple_of(13) {
                ". "
            } else {
                " "
            });
        }
        text.push_str(word);
    }
    text.push('.');
    text
}

/// A complete review's documents with realistic lengths: about 120 words in each main
/// free-text field, three objectives, three training needs.
pub fn realistic_review_documents() -> (PreReviewForm, Statement, CpdNeeds) {
    let mut pre = pre_review();
    for (n, field) in [
        &mut pre.key_successes,
        &mut pre.factors_helped,
        &mut pre.factors_hindered,
        &mut pre.training_last_year,
        &mut pre.school_priorities,
        &mut pre.further_learning,
        &mut pre.job_description_amendments,
        &mut pre.career_goals,
        &mut pre.objective_ideas,
        &mut pre.wellbeing_support,
    ]
    .into_iter()
    .enumerate()
    {
        *field = prose(120, n as u64);
    }
    let mut statement = statement();
    for (n, field) in [
        &mut statement.assessment,
        &mut statement.factors_helped,
        &mut statement.factors_hindered,
        &mut statement.training_received,
        &mut statement.job_description_comments,
        &mut statement.career_goals,
        &mut statement.reviewer_comments,
        &mut statement.reviewee_comments,
    ]
    .into_iter()
    .enumerate()
    {
        *field = prose(120, 20 + n as u64);
    }
    for (n, objective) in statement.new_objectives.iter_mut().enumerate() {
        objective.objective = prose(25, 40 + n as u64);
        objective.success_criteria = prose(40, 50 + n as u64);
        objective.actions = prose(40, 60 + n as u64);
        objective.support_needed = prose(25, 70 + n as u64);
    }
    let mut cpd = cpd_needs();
    cpd.needs.push(CpdNeed {
        id: id("need-3"),
        need: prose(20, 80),
        action: prose(20, 81),
        theme: CpdTheme::DigitalSkills,
    });
    (pre, statement, cpd)
}

/// Deterministic "random" bytes: tests need repeatable salts and nonces, not secret ones.
pub struct Counter(pub u8);
impl RandomSource for Counter {
    fn fill(&mut self, bytes: &mut [u8]) {
        for byte in bytes {
            self.0 = self.0.wrapping_add(1);
            *byte = self.0;
        }
    }
}

pub fn person(seed: u8) -> Identity {
    Identity::from_seed(&KeySeed([seed; 32]))
}

pub fn jo() -> Identity {
    person(1)
}
pub fn sam() -> Identity {
    person(2)
}
pub fn stranger() -> Identity {
    person(3)
}

pub fn sams_id() -> Id {
    id("sam")
}

/// What a bundle says of `review`, with its meeting on 23/10/2026.
pub fn summary_of(review: &appraise::domain::cycle::Review) -> ReviewSummary {
    ReviewSummary {
        id: review.id.clone(),
        reviewee: review.reviewee.clone(),
        reviewer: review.reviewer.clone(),
        policy: review.policy.clone(),
        staff_group: review.staff_group.clone(),
        period: review.period,
        meeting_on: Some(date(2026, 10, 23)),
        pay_eligible: false,
        part_year: None,
        previous_reviewers: Vec::new(),
        reviewer_keys: Some(jo().public_keys()),
        reviewee_keys: None,
    }
}

pub fn statement_for_comment() -> Payload {
    let review = review("la-support-staff", "Support staff", date(2026, 10, 1));
    let mut state = DocumentState::default();
    state.record_edit(
        &to_field_map(&statement()),
        "jo-laptop",
        Stamp {
            millis: 1_795_000_000_000,
            counter: 0,
        },
    );
    Payload {
        bundle_id: "bundle-0001".into(),
        created_at_millis: 1_795_000_000_000,
        kind: BundleKind::StatementForComment,
        sender: Party {
            name: "Jo Lee".into(),
            staff_id: Some(id("jo")),
            role: Role::Reviewer,
            keys: Some(jo().public_keys()),
        },
        recipients: vec![Party {
            name: "Sam Patel".into(),
            staff_id: Some(sams_id()),
            role: Role::Reviewee,
            keys: Some(sam().public_keys()),
        }],
        review: summary_of(&review),
        documents: [("statement".to_string(), state)].into_iter().collect(),
        sign_offs: Vec::new(),
        settings_version: None,
    }
}

/// Records `document` in review `review` as an edit in this vault's tab, through the autosave's
/// own use case (`editing::save_edit`): the other documents' fields, and anything written
/// elsewhere, stay as they are.
pub fn write_document<D: Document>(
    vault: &mut appraise::storage::Vault<appraise::storage::MemoryStore>,
    review: &str,
    document: &D,
    now: chrono::DateTime<chrono::Utc>,
) {
    use appraise::use_cases::{editing, reviews};
    let key = reviews::document_key(review, D::KIND);
    let seen = editing::read(vault, &key).unwrap().unwrap_or_default();
    let base = seen.current();
    let mut mine = base.clone();
    mine.retain(|path, _| !path.starts_with(&format!("{}.", D::KIND)));
    mine.extend(to_field_map(document));
    editing::save_edit(
        vault,
        &key,
        "review_document",
        (&seen, None, &base, &mine),
        now,
    )
    .unwrap();
}
