//! Where each figure of a preset policy comes from: the source policy's own words and section
//! (`shared/seeds/`), or, where the policy says nothing, a choice Appraise makes for the school
//! and says so. Settings shows both, so a school can see which figures its policy fixes.

use super::policy::Policy;

/// A figure a policy sets, in the order Settings lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Cycle,
    InterimReviews,
    NoticeBeforeMeeting,
    StatementAfterMeeting,
    ReplyAfterStatement,
    HeadteacherAfterMeeting,
    ObservationFeedback,
    MaxObjectives,
    MaxObservations,
    SupportPlan,
    PayProgression,
    TenStandards,
    ReviewLimit,
    SeniorReviewers,
    Retention,
    Appeals,
    TrainingNeeds,
    LeftOut,
    ObjectivesDetermined,
}

impl Figure {
    pub const ALL: [Figure; 19] = [
        Figure::Cycle,
        Figure::InterimReviews,
        Figure::NoticeBeforeMeeting,
        Figure::StatementAfterMeeting,
        Figure::ReplyAfterStatement,
        Figure::HeadteacherAfterMeeting,
        Figure::ObservationFeedback,
        Figure::MaxObjectives,
        Figure::MaxObservations,
        Figure::SupportPlan,
        Figure::PayProgression,
        Figure::TenStandards,
        Figure::ReviewLimit,
        Figure::SeniorReviewers,
        Figure::Retention,
        Figure::Appeals,
        Figure::TrainingNeeds,
        Figure::LeftOut,
        Figure::ObjectivesDetermined,
    ];

    /// The figure's name, as Settings heads it.
    pub fn label(self) -> &'static str {
        match self {
            Figure::Cycle => "The cycle",
            Figure::InterimReviews => "Reviews between meetings",
            Figure::NoticeBeforeMeeting => "Notice of the meeting",
            Figure::StatementAfterMeeting => "Statement to the reviewee",
            Figure::ReplyAfterStatement => "Reviewee’s reply",
            Figure::HeadteacherAfterMeeting => "Statement to the headteacher",
            Figure::ObservationFeedback => "Feedback after an observation",
            Figure::MaxObjectives => "Most new objectives",
            Figure::MaxObservations => "Most observations",
            Figure::SupportPlan => "Support plan",
            Figure::PayProgression => "Pay progression",
            Figure::TenStandards => "The 10 standards",
            Figure::ReviewLimit => "Reviews per reviewer",
            Figure::SeniorReviewers => "Who leads a review",
            Figure::Retention => "Keeping records",
            Figure::Appeals => "Appeals",
            Figure::TrainingNeeds => "Training needs",
            Figure::LeftOut => "Who the policy leaves out",
            Figure::ObjectivesDetermined => "Objectives not agreed",
        }
    }
}

/// Where a figure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The policy's own words, where it says them, and anything Appraise reads into them.
    Policy {
        section: &'static str,
        words: &'static str,
        reading: &'static str,
    },
    /// The policy says nothing: Appraise's figure, which is the school's to keep or change.
    SchoolsChoice { why: &'static str },
}

impl Source {
    /// One sentence for Settings.
    pub fn describe(self) -> String {
        match self {
            Source::Policy {
                section,
                words,
                reading,
            } => {
                let reading = if reading.is_empty() {
                    String::new()
                } else {
                    format!(" {reading}")
                };
                format!("From the policy ({section}): “{words}”.{reading}")
            }
            Source::SchoolsChoice { why } => {
                format!("Your school’s choice, not in the policy: {why}")
            }
        }
    }
}

const fn policy(section: &'static str, words: &'static str) -> Source {
    Source::Policy {
        section,
        words,
        reading: "",
    }
}

const fn reading(section: &'static str, words: &'static str, reading: &'static str) -> Source {
    Source::Policy {
        section,
        words,
        reading,
    }
}

const fn choice(why: &'static str) -> Source {
    Source::SchoolsChoice { why }
}

const NO_NOTICE: Source = choice("it states no notice period; ten working days is Appraise’s.");
const NO_LIMIT: Source = choice("it sets no limit, and neither does Appraise.");
const NOT_USED: Source = choice("it does not mention them, so they are not used.");
const NO_PAY: Source = choice("it does not link appraisal to pay.");
const NO_SUPPORT_PLAN_PERIOD: Source = choice(
    "it gives no period for a support plan, so nothing checks its length: a new plan starts at four weeks (Appraise’s choice, the trust policy’s usual period), which the reviewer and reviewee change to the period they agree.",
);
const NO_APPEAL: Source = choice(
    "it has no appeal against the statement, so Appraise offers none; a school that has one sets it here.",
);
const CPD_LEADER_NO_DATE: Source =
    choice("it names no date; the needs go to the CPD leader when the statement is agreed.");
const NOBODY_LEFT_OUT: Source = choice("it leaves nobody out, so a review can start for anyone.");
const MODEL_FEEDBACK: Source =
    choice("five working days is the academy procedure’s time (its 6.2).");
/// Seed 001 says "days" without saying which; working days keep a July meeting's statement
/// from falling due in the summer closure.
const WORKING_DAYS: &str = "Appraise counts these as working days, so that nothing falls due while the school is closed; the policy does not say which.";

/// Where each figure of the preset `key` comes from, every figure once; `None` for a policy
/// that is not a preset (a school's own).
pub fn sources(key: &str) -> Option<[(Figure, Source); 19]> {
    use Figure as F;
    Some(match key {
        "early-years-setting" => [
            (
                F::Cycle,
                reading(
                    "3",
                    "undertaken on an annual basis for all staff with ongoing monitoring and support",
                    "It names no month: September, the early-years year, is the school’s choice.",
                ),
            ),
            (
                F::InterimReviews,
                policy(
                    "5",
                    "At the end of the first term of the performance management cycle",
                ),
            ),
            (F::NoticeBeforeMeeting, NO_NOTICE),
            (
                F::StatementAfterMeeting,
                choice(
                    "the written record is given “after the meeting” (4.8) with no time; five working days is Appraise’s reading of the local authority model’s “five days”.",
                ),
            ),
            (
                F::ReplyAfterStatement,
                choice(
                    "it has no reply period; five working days is Appraise’s reading of the local authority model’s “five days”.",
                ),
            ),
            (
                F::HeadteacherAfterMeeting,
                choice(
                    "it sends no copy to the headteacher within a time; ten working days is Appraise’s reading of the local authority model’s “within 10 days”.",
                ),
            ),
            (
                F::ObservationFeedback,
                choice(
                    "verbal feedback comes “as soon as possible after the observation session” (4.9); five working days is the academy procedure’s time (its 6.2).",
                ),
            ),
            (
                F::MaxObjectives,
                choice("it gives no limit; three is the local authority model’s recommendation."),
            ),
            (F::MaxObservations, NO_LIMIT),
            (F::SupportPlan, NO_SUPPORT_PLAN_PERIOD),
            (
                F::PayProgression,
                reading(
                    "3.3",
                    "celebrate and reward achievement",
                    "It does not link appraisal to pay.",
                ),
            ),
            (F::TenStandards, NOT_USED),
            (
                F::ReviewLimit,
                reading(
                    "3.6",
                    "distributed across the senior management team to avoid overburdening one member of staff",
                    "It gives no number, so Appraise sets none.",
                ),
            ),
            (
                F::SeniorReviewers,
                reading(
                    "4.1",
                    "the initial review meeting takes place between a member of the school’s/setting’s senior management team (the reviewer) and the individual member of staff (the reviewee)",
                    "Appraise warns a reviewer outside the senior team.",
                ),
            ),
            (
                F::Retention,
                choice("it gives no period; six years is the local authority model’s minimum."),
            ),
            (F::Appeals, NO_APPEAL),
            (
                F::TrainingNeeds,
                reading(
                    "4.8",
                    "information can be extracted for the purpose of drawing up training and development plans",
                    "It names no date; the needs go to the CPD leader when the statement is agreed.",
                ),
            ),
            (F::LeftOut, NOBODY_LEFT_OUT),
            (
                F::ObjectivesDetermined,
                choice("it says objectives are agreed and names nobody to decide them otherwise."),
            ),
        ],
        "la-support-staff" => [
            (
                F::Cycle,
                policy(
                    "Aim/Purpose",
                    "the performance management review takes place once a year and ties in with the academic year",
                ),
            ),
            (
                F::InterimReviews,
                reading(
                    "Aim/Purpose",
                    "you may wish to have a formal mid year review session",
                    "Optional in the policy, though Appraise still lists it among the deadlines.",
                ),
            ),
            (F::NoticeBeforeMeeting, NO_NOTICE),
            (
                F::StatementAfterMeeting,
                reading(
                    "Checklist - after the meeting",
                    "within 5 days of the meeting",
                    WORKING_DAYS,
                ),
            ),
            (
                F::ReplyAfterStatement,
                reading(
                    "Step 4",
                    "the reviewee has five days in which to do this and return to the reviewer",
                    WORKING_DAYS,
                ),
            ),
            (
                F::HeadteacherAfterMeeting,
                reading(
                    "Checklist - after the meeting",
                    "sent to headteacher within 10 days of the planning meeting taking place",
                    WORKING_DAYS,
                ),
            ),
            (F::ObservationFeedback, MODEL_FEEDBACK),
            (F::MaxObjectives, OBJECTIVE_LIMITS[0].source()),
            (F::MaxObservations, NO_LIMIT),
            (F::SupportPlan, NO_SUPPORT_PLAN_PERIOD),
            (F::PayProgression, NO_PAY),
            (F::TenStandards, NOT_USED),
            (F::ReviewLimit, NO_LIMIT),
            (
                F::SeniorReviewers,
                choice("it does not say who leads a review, so anyone the school chooses may."),
            ),
            (
                F::Retention,
                reading(
                    "Step 4",
                    "kept for a minimum of 6 years in the school",
                    "A minimum: after six years the records may be reviewed, not that they must go.",
                ),
            ),
            (
                F::Appeals,
                policy(
                    "Appeals",
                    "Where the headteacher is not the reviewer they will hear an appeal, if the headteacher is the reviewer the appeal will be heard by the Governing Body",
                ),
            ),
            (
                F::TrainingNeeds,
                reading(
                    "Aim/Purpose",
                    "submit CPD/training requirements to the school CPD leader who will have an opportunity to feed this information into the training audit in October",
                    "Appraise reads “in October” as by 31 October.",
                ),
            ),
            (
                F::LeftOut,
                reading(
                    "Background",
                    "or who are employed by an agency, those undergoing their probationary period or those subject to capability/disciplinary procedures",
                    "The sentence can be read either way; Appraise reads it as leaving all three out, as the other policies leave out staff on probation.",
                ),
            ),
            (
                F::ObjectivesDetermined,
                policy(
                    "Setting Performance Objectives",
                    "Where a joint determination cannot be made on objectives and outcomes the reviewer will make the determination however there will be a right of appeal",
                ),
            ),
        ],
        "academy-procedure" => [
            (
                F::Cycle,
                reading(
                    "4.1",
                    "The performance management cycle will run from September – August",
                    "Support staff run from April to March (4.2).",
                ),
            ),
            (
                F::InterimReviews,
                choice(
                    "progress is considered “throughout the year” and “There may also be formal review meetings during the year” (7.2), but none is required, so Appraise sets none; a date agreed at the meeting is kept.",
                ),
            ),
            (F::NoticeBeforeMeeting, NO_NOTICE),
            (
                F::StatementAfterMeeting,
                choice(
                    "it gives no time; five working days is Appraise’s reading of the local authority model’s “five days”.",
                ),
            ),
            (
                F::ReplyAfterStatement,
                choice(
                    "it gives no time; five working days is Appraise’s reading of the local authority model’s “five days”.",
                ),
            ),
            (
                F::HeadteacherAfterMeeting,
                choice(
                    "it gives no time; ten working days is Appraise’s reading of the local authority model’s “within 10 days”.",
                ),
            ),
            (
                F::ObservationFeedback,
                policy(
                    "6.2",
                    "Feedback on formal observations will be given verbally and in writing (on Bluesky) within five working days",
                ),
            ),
            (
                F::MaxObjectives,
                choice(
                    "objectives should be “reasonable having regard to the nature of the role” (5.2); three is the cap where the appraiser sets them (5.3), applied to all.",
                ),
            ),
            (
                F::MaxObservations,
                policy(
                    "6.1",
                    "no more than three observations per year for performance management purposes",
                ),
            ),
            (
                F::SupportPlan,
                policy(
                    "8.1",
                    "The period of monitoring will normally be between 4 and 8 working weeks … an extension of not normally more than 4 weeks",
                ),
            ),
            (
                F::PayProgression,
                reading(
                    "4.1",
                    "Final reviews will be completed in time to allow for any pay decisions to be made by 31 October (31 December for headteachers)",
                    "Support staff by 31 March (4.2). The agreed statement is due with the headteacher by then. The reviewer recommends in the end-of-year report, “A recommendation on pay (to the Headteacher where applicable)” (7.3), and the headteacher decides; the policy also says the headteacher makes the recommendations “on the Performance Management Statement” (3), which a school reading it that way sets in the policy editor.",
                ),
            ),
            (F::TenStandards, NOT_USED),
            (F::ReviewLimit, NO_LIMIT),
            (
                F::SeniorReviewers,
                reading(
                    "3.1",
                    "The headteacher will appoint appraisers for other staff",
                    "Anyone the headteacher appoints may lead a review.",
                ),
            ),
            (
                F::Retention,
                choice(
                    "data is “held in accordance with the school’s retention schedule” (9.1); six years is the local authority model’s minimum.",
                ),
            ),
            (F::Appeals, NO_APPEAL),
            (F::TrainingNeeds, CPD_LEADER_NO_DATE),
            (
                F::LeftOut,
                policy(
                    "2.1",
                    "those undergoing a probationary or statutory induction periods – the Performance Management Procedure will not normally apply",
                ),
            ),
            (
                F::ObjectivesDetermined,
                policy(
                    "5.3",
                    "if that is not possible, the appraiser will determine the objectives",
                ),
            ),
        ],
        "trust-associate-staff" => [
            (
                F::Cycle,
                reading(
                    "Performance and Development Period",
                    "The performance management period will normally run for twelve months from 1st January to 31st December",
                    "June to May for learning support staff at the named schools.",
                ),
            ),
            (
                F::InterimReviews,
                policy(
                    "Performance Management Review Meeting",
                    "plan a programme of termly review meetings",
                ),
            ),
            (
                F::NoticeBeforeMeeting,
                policy(
                    "Performance Management Review Meeting",
                    "giving at least two weeks’ notice",
                ),
            ),
            (
                F::StatementAfterMeeting,
                policy(
                    "Performance Management Review Meeting",
                    "completed by no later than two weeks",
                ),
            ),
            (
                F::ReplyAfterStatement,
                choice(
                    "the record is one joint record, “completed by no later than two weeks”, with no separate reply period; five working days is Appraise’s reading of the local authority model’s “five days”, and never after the two weeks.",
                ),
            ),
            (
                F::HeadteacherAfterMeeting,
                choice(
                    "the copy goes to the headteacher or operations director with no time of its own; two weeks matches the record’s.",
                ),
            ),
            (
                F::ObservationFeedback,
                policy(
                    "Regular Review Meetings",
                    "feedback will be provided within 48 hours",
                ),
            ),
            (F::MaxObjectives, OBJECTIVE_LIMITS[1].source()),
            (
                F::MaxObservations,
                policy(
                    "Regular Review Meetings",
                    "this will normally only take place on a formal basis once during the performance management cycle",
                ),
            ),
            (
                F::SupportPlan,
                reading(
                    "Employees Experiencing Difficulties",
                    "will normally be for a period of four weeks",
                    "It names no extension, so Appraise asks for a reason when a plan is extended; the plan may still be changed: “arrangements will be made to modify the support plan if appropriate”.",
                ),
            ),
            (
                F::PayProgression,
                reading(
                    "Links to Pay",
                    "The Headteachers or Operations Director will take account of the performance management outcomes in making recommendations on salary in accordance with the Trust Pay Policy",
                    "The headteacher records the recommendation, not the reviewer; it may be “recommending the award of an honorarium”. The policy gives no date.",
                ),
            ),
            (F::TenStandards, NOT_USED),
            (F::ReviewLimit, NO_LIMIT),
            (
                F::SeniorReviewers,
                reading(
                    "Appointing Reviewers",
                    "delegate responsibility to undertake staff performance management reviews to the relevant line manager",
                    "The line manager leads it.",
                ),
            ),
            (
                F::Retention,
                policy(
                    "Retention of Records",
                    "retained in a secure place for six years and then destroyed",
                ),
            ),
            (
                F::Appeals,
                reading(
                    "Links to Pay",
                    "Where an employee is aggrieved about a salary decision they will have the right to appeal in accordance with the Trust’s Pay Policy",
                    "There is no appeal against the record itself.",
                ),
            ),
            (F::TrainingNeeds, CPD_LEADER_NO_DATE),
            (
                F::LeftOut,
                policy(
                    "Scope",
                    "fixed term contracts of less than one term or those within their six-month probationary period",
                ),
            ),
            (
                F::ObjectivesDetermined,
                policy(
                    "Setting Objectives",
                    "if that is not possible, the Headteachers or Operations Director will determine the objectives",
                ),
            ),
        ],
        "secondary-support-staff" => [
            (
                F::Cycle,
                policy("7.2", "run on an annual basis from September to September"),
            ),
            (
                F::InterimReviews,
                choice("it asks for no review meetings between, so Appraise sets none."),
            ),
            (F::NoticeBeforeMeeting, NO_NOTICE),
            (
                F::StatementAfterMeeting,
                choice(
                    "its timeline annex is missing; five working days is Appraise’s reading of the local authority model’s “five days”.",
                ),
            ),
            (
                F::ReplyAfterStatement,
                choice(
                    "its timeline annex is missing; five working days is Appraise’s reading of the local authority model’s “five days”.",
                ),
            ),
            (
                F::HeadteacherAfterMeeting,
                choice(
                    "its timeline annex is missing; ten working days is Appraise’s reading of the local authority model’s “within 10 days”.",
                ),
            ),
            (F::ObservationFeedback, MODEL_FEEDBACK),
            (F::MaxObjectives, OBJECTIVE_LIMITS[2].source()),
            (F::MaxObservations, NO_LIMIT),
            (F::SupportPlan, NO_SUPPORT_PLAN_PERIOD),
            (
                F::PayProgression,
                policy("1.4", "Where staff are eligible for pay progression"),
            ),
            (
                F::TenStandards,
                policy(
                    "1.7",
                    "Support staff will be assessed against the ten standards",
                ),
            ),
            (
                F::ReviewLimit,
                policy(
                    "6.2",
                    "The maximum number of reviews that a reviewer other than members of the Senior Management Team will be expected to undertake per cycle is four",
                ),
            ),
            (
                F::SeniorReviewers,
                reading(
                    "6.2",
                    "a reviewer other than members of the Senior Management Team",
                    "Reviewers need not be on the senior team.",
                ),
            ),
            (
                F::Retention,
                reading(
                    "8.2",
                    "retained for a minimum period of 6 years",
                    "A minimum: after six years the records may be reviewed, not that they must go.",
                ),
            ),
            (
                F::Appeals,
                policy(
                    "3.1",
                    "postholders have a right of appeal to the Headteacher against any of the entries in their planning and review statements",
                ),
            ),
            (
                F::TrainingNeeds,
                reading(
                    "5.1",
                    "These needs will be communicated to the Business Manager",
                    "It names no date.",
                ),
            ),
            (
                F::LeftOut,
                policy(
                    "1.3",
                    "except those on contracts of less than one term and those undergoing induction",
                ),
            ),
            (
                F::ObjectivesDetermined,
                policy(
                    "2.2",
                    "where a joint determination cannot be made the reviewer will make the determination",
                ),
            ),
        ],
        _ => return None,
    })
}

/// A policy's own words on its objective limit, as its preset encodes them.
pub struct ObjectiveLimitWords {
    preset: &'static str,
    most: u32,
    firm: bool,
    pub section: &'static str,
    pub words: &'static str,
}

impl ObjectiveLimitWords {
    const fn source(&self) -> Source {
        policy(self.section, self.words)
    }
}

/// The presets whose policy words its objective limit, kept apart from [`sources`] so that a
/// statement's warning can quote them without every preset's provenance.
const OBJECTIVE_LIMITS: [ObjectiveLimitWords; 3] = [
    ObjectiveLimitWords {
        preset: "la-support-staff",
        most: 3,
        firm: false,
        section: "Checklist – during the meeting",
        words: "A maximum of 3 objectives is recommended",
    },
    ObjectiveLimitWords {
        preset: "trust-associate-staff",
        most: 3,
        firm: false,
        section: "Setting Objectives",
        words: "There should not normally be more than 3 objectives for the year",
    },
    ObjectiveLimitWords {
        preset: "secondary-support-staff",
        most: 3,
        firm: true,
        section: "2.3",
        words: "In this school all staff will have no more than three objectives",
    },
];

/// The policy's words on its objective limit, while the school keeps its preset's limit.
pub fn objective_limit_words(policy: &Policy) -> Option<&'static ObjectiveLimitWords> {
    OBJECTIVE_LIMITS.iter().find(|limit| {
        limit.preset == policy.key
            && limit.most == policy.max_objectives
            && limit.firm == policy.objectives_limit_firm
    })
}

/// Whether the school has changed `figure` from the preset its policy started as.
pub fn changed_by_school(policy: &Policy, preset: &Policy, figure: Figure) -> bool {
    match figure {
        Figure::MaxObjectives => {
            (policy.max_objectives, policy.objectives_limit_firm)
                != (preset.max_objectives, preset.objectives_limit_firm)
        }
        Figure::Cycle => policy.cycles != preset.cycles,
        Figure::InterimReviews => policy.interim_reviews != preset.interim_reviews,
        Figure::NoticeBeforeMeeting => {
            policy.deadlines.notice_before_meeting != preset.deadlines.notice_before_meeting
        }
        Figure::StatementAfterMeeting => {
            policy.deadlines.statement_after_meeting != preset.deadlines.statement_after_meeting
        }
        Figure::ReplyAfterStatement => {
            (
                policy.deadlines.reply_after_statement,
                policy.deadlines.record_within,
            ) != (
                preset.deadlines.reply_after_statement,
                preset.deadlines.record_within,
            )
        }
        Figure::HeadteacherAfterMeeting => {
            policy.deadlines.headteacher_after_meeting != preset.deadlines.headteacher_after_meeting
        }
        Figure::ObservationFeedback => {
            policy.deadlines.observation_feedback != preset.deadlines.observation_feedback
        }
        Figure::MaxObservations => policy.max_observations != preset.max_observations,
        Figure::SupportPlan => policy.support_plan != preset.support_plan,
        Figure::PayProgression => policy.pay_progression != preset.pay_progression,
        Figure::TenStandards => policy.ten_standards_apply != preset.ten_standards_apply,
        Figure::ReviewLimit => policy.review_limit != preset.review_limit,
        Figure::SeniorReviewers => policy.senior_reviewers != preset.senior_reviewers,
        Figure::Retention => {
            (policy.retention_years, policy.after_retention)
                != (preset.retention_years, preset.after_retention)
        }
        Figure::Appeals => {
            (
                policy.appeals,
                policy.appeal_within,
                policy.appeal_decided_within,
            ) != (
                preset.appeals,
                preset.appeal_within,
                preset.appeal_decided_within,
            )
        }
        Figure::TrainingNeeds => {
            (policy.training_needs_by, policy.training_needs_receiver())
                != (preset.training_needs_by, preset.training_needs_receiver())
        }
        Figure::LeftOut => policy.exclusions != preset.exclusions,
        Figure::ObjectivesDetermined => {
            policy.objectives_determined_by != preset.objectives_determined_by
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::presets::all_presets;

    #[test]
    fn every_figure_of_every_preset_says_where_it_comes_from_once() {
        for preset in all_presets() {
            let sources = sources(&preset.key).unwrap_or_else(|| panic!("{}", preset.key));
            let figures: Vec<Figure> = sources.iter().map(|(figure, _)| *figure).collect();
            assert_eq!(
                figures,
                Figure::ALL,
                "{}: in Settings' order, each once",
                preset.key
            );
            for (figure, source) in sources {
                let sentence = source.describe();
                assert!(
                    sentence.ends_with('.'),
                    "{}: {figure:?}: {sentence}",
                    preset.key
                );
            }
        }
        assert!(sources("a-schools-own").is_none());
    }

    #[test]
    fn the_figures_a_policy_states_are_quoted_and_the_rest_are_the_schools_choice() {
        let quoted = |key: &str, figure: Figure| {
            sources(key)
                .unwrap()
                .into_iter()
                .find(|(f, _)| *f == figure)
                .map(|(_, source)| matches!(source, Source::Policy { .. }))
                .unwrap()
        };
        #[rustfmt::skip]
        let cases = [
            ("la-support-staff", Figure::StatementAfterMeeting, true, "within 5 days of the meeting"),
            ("la-support-staff", Figure::NoticeBeforeMeeting, false, "no notice period in any seed"),
            ("academy-procedure", Figure::StatementAfterMeeting, false, "seed 002 gives no statement deadline"),
            ("academy-procedure", Figure::ObservationFeedback, true, "within five working days (6.2)"),
            ("trust-associate-staff", Figure::ReplyAfterStatement, false, "one joint record, no reply period"),
            ("trust-associate-staff", Figure::Retention, true, "six years and then destroyed"),
            ("early-years-setting", Figure::SupportPlan, false, "no period in seed 000"),
            ("la-support-staff", Figure::Appeals, true, "the governing body when the headteacher reviews"),
            ("academy-procedure", Figure::Appeals, false, "no appeal in seed 002"),
            ("secondary-support-staff", Figure::TrainingNeeds, true, "the business manager (5.1)"),
            ("secondary-support-staff", Figure::ReviewLimit, true, "four reviews outside the senior team (6.2)"),
        ];
        for (key, figure, expected, why) in cases {
            assert_eq!(quoted(key, figure), expected, "{key}: {why}");
        }
    }

    #[test]
    fn a_figure_the_school_changed_is_known_as_changed() {
        let preset = crate::domain::presets::preset("la-support-staff").unwrap();
        let mut policy = preset.clone();
        assert!(
            !Figure::ALL
                .iter()
                .any(|f| changed_by_school(&policy, &preset, *f))
        );
        policy.max_objectives = 5;
        assert!(changed_by_school(&policy, &preset, Figure::MaxObjectives));
        assert!(!changed_by_school(&policy, &preset, Figure::Retention));
    }

    #[test]
    fn the_quoted_objective_limits_are_the_presets_own() {
        for limit in &OBJECTIVE_LIMITS {
            let preset = crate::domain::presets::preset(limit.preset).unwrap();
            assert_eq!(
                (preset.max_objectives, preset.objectives_limit_firm),
                (limit.most, limit.firm),
                "{}",
                limit.preset
            );
            assert!(objective_limit_words(&preset).is_some());
        }
    }
}
