//! The five policy presets Appraise ships, one per source policy in `shared/seeds/`, named after
//! what each is. Every number comes from its document (section cited); where a document is
//! silent the preset uses the local-authority model's figure (seed 001) and says so.

use super::calendar::Period;
use super::policy::{
    AfterRetention, AppealRoute, CycleOption, DayOfYear, Deadlines, Exclusion, InterimReviews,
    Policy, ReviewLimit, SupportPlanRules,
};

/// Every preset, in the order a school is offered them.
pub fn all_presets() -> Vec<Policy> {
    vec![
        early_years_setting(),
        local_authority_support_staff(),
        academy_procedure(),
        trust_associate_staff(),
        secondary_support_staff(),
    ]
}

/// The preset with this key.
pub fn preset(key: &str) -> Option<Policy> {
    all_presets().into_iter().find(|policy| policy.key == key)
}

/// Seed 001's deadlines, used wherever another policy is silent: statement within 5 days of the
/// meeting, reviewee's reply within 5 days, to the headteacher within 10 days of the meeting
/// ("Checklist – after the meeting"). Counted as working days so that a July meeting does not
/// fall due in the summer closure; notice and observation feedback are not set by seed 001.
fn model_deadlines() -> Deadlines {
    Deadlines {
        notice_before_meeting: Period::working_days(10),
        statement_after_meeting: Period::working_days(5),
        reply_after_statement: Period::working_days(5),
        headteacher_after_meeting: Period::working_days(10),
        observation_feedback: Period::working_days(5),
        record_within: None,
    }
}

fn september_cycle(staff_group: &str) -> CycleOption {
    CycleOption {
        staff_group: staff_group.into(),
        start_month: 9,
        length_months: 12,
        pay_decision_by: None,
    }
}

/// Seed 000, early-years setting policy.
/// - Annual performance management with objectives agreed "for the coming term" (4.3) and an
///   end-of-term review meeting (5, 5.1): termly interim reviews.
/// - Shared team objectives (4.5) and success criteria (4.6) are supported by every objective.
/// - Silent on the start month (September, the EYFS year), deadlines, objective and observation
///   limits, pay and retention: seed 001's figures and six years apply, as the school's choice.
/// - No support-plan period ("an additional action plan is agreed", 6.1) and no appeal.
pub fn early_years_setting() -> Policy {
    Policy {
        key: "early-years-setting".into(),
        name: "Early years setting".into(),
        version: String::new(),
        summary: "A nursery or early-years setting: termly objectives with success criteria, including objectives shared by the team, reviewed each term.".into(),
        source: "Early years setting performance management policy".into(),
        cycles: vec![september_cycle("All staff")],
        interim_reviews: InterimReviews::Termly,
        interim_optional: false,
        deadlines: model_deadlines(),
        max_objectives: 3,
        objectives_limit_firm: false,
        max_observations: None,
        support_plan: None,
        pay_progression: false,
        ten_standards_apply: false,
        review_limit: None,
        // "between a member of the school’s/setting’s senior management team (the reviewer) and
        // the individual member of staff" (4.1).
        senior_reviewers: true,
        retention_years: 6,
        after_retention: AfterRetention::Minimum,
        appeals: AppealRoute::None,
        appeal_within: None,
        appeal_decided_within: None,
        training_needs_by: None,
        training_needs_receiver: None,
        objectives_determined_by: None,
        pay_recommended_by: None,
        honorarium: false,
        exclusions: Vec::new(),
    }
}

/// Seed 001, local-authority guidance for support staff.
/// - Once a year, tied to the academic year, meeting in July or September ("Aim/Purpose").
/// - Optional mid-year review ("Aim/Purpose": "a formal mid year review session").
/// - Statement within 5 days of the meeting, reviewee's reply within 5 days, to the headteacher
///   within 10 days of the planning meeting ("Checklist – after the meeting"; "Step 4").
/// - "A maximum of 3 objectives is recommended" ("Checklist – during the meeting").
/// - Documents kept "for a minimum of 6 years" ("Step 4"; "Confidentiality").
/// - Appeals to the headteacher, or the governing body when the headteacher is the reviewer
///   ("Appeals").
/// - Training needs reach the CPD leader for "the training audit in October" ("Aim/Purpose"):
///   read as by 31 October, the last day of that month.
/// - "Days" are not said to be working or calendar days; Appraise reads them as working days,
///   the usual meaning in school staff procedures, so that a July meeting's statement does not
///   fall due in the summer closure. A school that means calendar days changes them in Settings.
/// - The opening paragraph ("Background") names staff "employed by an agency, those undergoing
///   their probationary period or those subject to capability/disciplinary procedures" together;
///   Appraise reads the sentence as leaving all three out (the other seeds leave out staff on
///   probation too), and the school may change that.
pub fn local_authority_support_staff() -> Policy {
    Policy {
        key: "la-support-staff".into(),
        name: "Local authority model for support staff".into(),
        version: String::new(),
        summary: "The local authority's annual review for support staff: pre-review form, planning and review statement and CPD form, with the statement due 5 days after the meeting and at the headteacher within 10.".into(),
        source: "Local authority performance management guidance for support staff".into(),
        cycles: vec![september_cycle("Support staff")],
        interim_reviews: InterimReviews::MidYear,
        interim_optional: true,
        deadlines: model_deadlines(),
        max_objectives: 3,
        objectives_limit_firm: false,
        max_observations: None,
        support_plan: None,
        pay_progression: false,
        ten_standards_apply: false,
        review_limit: None,
        senior_reviewers: false,
        retention_years: 6,
        after_retention: AfterRetention::Minimum,
        appeals: AppealRoute::HeadteacherOrGoverningBody,
        appeal_within: None,
        appeal_decided_within: None,
        training_needs_by: Some(DayOfYear { day: 31, month: 10 }),
        training_needs_receiver: None,
        objectives_determined_by: Some("the reviewer".into()),
        pay_recommended_by: None,
        honorarium: false,
        exclusions: vec![
            Exclusion::AgencyStaff,
            Exclusion::Probation,
            Exclusion::CapabilityOrDisciplinary,
        ],
    }
}

/// Seed 002, academy appraisal procedure for all staff.
/// - Teachers September–August, pay decisions by 31 October, 31 December for the headteacher (4.1);
///   support staff April–March, pay decisions by 31 March (4.2).
/// - At most three objectives where the appraiser determines them (5.3).
/// - No more than three observations a year (6.1); feedback verbally and in writing within five
///   working days (6.2).
/// - Monitoring between 4 and 8 working weeks, extension not normally more than 4 weeks (8.1).
/// - Pay recommendation in the end-of-year report (7.3). Silent on statement deadlines and
///   retention ("the school's retention schedule", 9.1): seed 001's figures and six years apply.
/// - Not for staff in probation or induction (2.1); no appeal against the statement.
pub fn academy_procedure() -> Policy {
    Policy {
        key: "academy-procedure".into(),
        name: "Academy procedure: teachers and support staff".into(),
        version: String::new(),
        summary: "An academy's appraisal for all staff: teachers September to August (pay by 31 October), support staff April to March (pay by 31 March), at most three observations a year.".into(),
        source: "Academy appraisal procedure".into(),
        cycles: vec![
            CycleOption {
                staff_group: "Teachers".into(),
                start_month: 9,
                length_months: 12,
                pay_decision_by: Some(DayOfYear { day: 31, month: 10 }),
            },
            CycleOption {
                staff_group: "Support staff".into(),
                start_month: 4,
                length_months: 12,
                pay_decision_by: Some(DayOfYear { day: 31, month: 3 }),
            },
            CycleOption {
                staff_group: "Headteacher".into(),
                start_month: 9,
                length_months: 12,
                pay_decision_by: Some(DayOfYear { day: 31, month: 12 }),
            },
        ],
        interim_reviews: InterimReviews::None,
        interim_optional: false,
        deadlines: Deadlines {
            observation_feedback: Period::working_days(5),
            ..model_deadlines()
        },
        max_objectives: 3,
        objectives_limit_firm: false,
        max_observations: Some(3),
        // "normally between 4 and 8 working weeks", an extension "of not normally more than 4
        // weeks" (8.1).
        support_plan: Some(SupportPlanRules {
            shortest: Period::working_weeks(4),
            longest: Period::working_weeks(8),
            longest_extension: Period::weeks(4),
        }),
        pay_progression: true,
        ten_standards_apply: false,
        review_limit: None,
        senior_reviewers: false,
        retention_years: 6,
        after_retention: AfterRetention::Minimum,
        appeals: AppealRoute::None,
        appeal_within: None,
        appeal_decided_within: None,
        training_needs_by: None,
        training_needs_receiver: None,
        objectives_determined_by: Some("the appraiser".into()),
        pay_recommended_by: None,
        honorarium: false,
        exclusions: vec![Exclusion::Probation, Exclusion::Induction],
    }
}

/// Seed 003, multi-academy trust policy for associate staff.
/// - 1 January to 31 December; 1 June to 31 May for learning support staff and teaching
///   assistants at the two named schools ("Performance and Development Period").
/// - At least two weeks' notice of the meeting; the record completed within two weeks of the
///   annual review meeting ("Performance Management Review Meeting"), so the reviewee's reply
///   (five working days, the model's) is never due after the two weeks.
/// - Termly review meetings; one formal observation a cycle with feedback within 48 hours
///   ("Regular Review Meetings").
/// - No more than 3 objectives ("Setting Objectives"); support plan normally four weeks
///   ("Employees Experiencing Difficulties"); records kept six years then destroyed.
/// - Salary recommendations under the Trust Pay Policy ("Links to Pay"), with no date; a salary
///   decision is appealed under that pay policy, and there is no appeal against the record.
/// - Not for fixed-term contracts of less than one term or staff in their six-month probation
///   ("Scope").
pub fn trust_associate_staff() -> Policy {
    Policy {
        key: "trust-associate-staff".into(),
        name: "Multi-academy trust: associate staff".into(),
        version: String::new(),
        summary: "A trust's calendar-year review for associate staff: two weeks' notice, the record completed within two weeks, termly reviews, one observation with feedback within 48 hours.".into(),
        source: "Multi-academy trust performance management policy for associate staff".into(),
        cycles: vec![
            CycleOption {
                staff_group: "Associate staff".into(),
                start_month: 1,
                length_months: 12,
                pay_decision_by: None,
            },
            CycleOption {
                staff_group: "Learning support staff and teaching assistants (June cycle)".into(),
                start_month: 6,
                length_months: 12,
                pay_decision_by: None,
            },
        ],
        interim_reviews: InterimReviews::Termly,
        interim_optional: false,
        deadlines: Deadlines {
            notice_before_meeting: Period::weeks(2),
            statement_after_meeting: Period::weeks(2),
            reply_after_statement: Period::working_days(5),
            headteacher_after_meeting: Period::weeks(2),
            observation_feedback: Period::hours(48),
            // "completed by no later than two weeks": the reviewee's part too.
            record_within: Some(Period::weeks(2)),
        },
        max_objectives: 3,
        objectives_limit_firm: false,
        max_observations: Some(1),
        support_plan: Some(SupportPlanRules {
            shortest: Period::weeks(4),
            longest: Period::weeks(4),
            longest_extension: Period::weeks(0),
        }),
        pay_progression: true,
        ten_standards_apply: false,
        review_limit: None,
        senior_reviewers: false,
        retention_years: 6,
        after_retention: AfterRetention::Destroy,
        appeals: AppealRoute::PayPolicy,
        appeal_within: None,
        appeal_decided_within: None,
        training_needs_by: None,
        training_needs_receiver: None,
        objectives_determined_by: Some("the headteacher or Operations Director".into()),
        pay_recommended_by: Some("the headteacher or Operations Director".into()),
        honorarium: true,
        exclusions: vec![Exclusion::Probation, Exclusion::ShortContract],
    }
}

/// Seed 004, secondary school policy for support staff.
/// - The cycle runs "from September to September" (7.2).
/// - "No more than three objectives" (2.3).
/// - Assessed against the ten standards of 1.6 and the job description's competences (1.7).
/// - A reviewer outside the senior management team holds at most four reviews a cycle (6.2).
/// - Pay progression recommended where eligible (1.4, 8.1.4); statements kept at least six years (8.2).
/// - Its timeline annex was lost, so seed 001's deadlines apply.
/// - An appeal to the headteacher against any entry (3.1); training needs go to the business
///   manager (5.1); not for contracts of less than one term or staff undergoing induction (1.3).
pub fn secondary_support_staff() -> Policy {
    Policy {
        key: "secondary-support-staff".into(),
        name: "Secondary school: support staff".into(),
        version: String::new(),
        summary: "A secondary school's September-to-September cycle for support staff: at most three objectives, assessment against the ten standards, at most four reviews per reviewer outside the senior team.".into(),
        source: "Secondary school performance management policy for support staff".into(),
        cycles: vec![september_cycle("Support staff")],
        interim_reviews: InterimReviews::None,
        interim_optional: false,
        deadlines: model_deadlines(),
        max_objectives: 3,
        objectives_limit_firm: true,
        max_observations: None,
        support_plan: None,
        pay_progression: true,
        ten_standards_apply: true,
        review_limit: Some(ReviewLimit {
            max_reviews: 4,
            senior_leaders_exempt: true,
        }),
        senior_reviewers: false,
        retention_years: 6,
        after_retention: AfterRetention::Minimum,
        appeals: AppealRoute::Headteacher,
        appeal_within: None,
        appeal_decided_within: None,
        training_needs_by: None,
        training_needs_receiver: Some("Business manager".into()),
        objectives_determined_by: Some("the reviewer".into()),
        pay_recommended_by: None,
        honorarium: false,
        exclusions: vec![Exclusion::ShortContract, Exclusion::Induction],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::PeriodUnit;
    use crate::domain::policy::PolicyProblem;

    #[test]
    fn every_preset_is_a_sound_policy_with_a_unique_key() {
        let presets = all_presets();
        assert_eq!(presets.len(), 5);
        for policy in &presets {
            assert_eq!(policy.problems(), vec![], "{}", policy.name);
            assert_eq!(preset(&policy.key).as_ref(), Some(policy));
        }
    }

    #[test]
    fn la_model_deadlines_are_5_5_and_10_days() {
        let d = local_authority_support_staff().deadlines;
        assert_eq!(d.statement_after_meeting, Period::working_days(5));
        assert_eq!(d.reply_after_statement, Period::working_days(5));
        assert_eq!(d.headteacher_after_meeting, Period::working_days(10));
    }

    #[test]
    fn academy_cycles_pay_dates_and_limits() {
        let policy = academy_procedure();
        let teachers = policy.cycle_for("Teachers").unwrap();
        assert_eq!((teachers.start_month, teachers.length_months), (9, 12));
        assert_eq!(
            teachers.pay_decision_by,
            Some(DayOfYear { day: 31, month: 10 })
        );
        let support = policy.cycle_for("Support staff").unwrap();
        assert_eq!(support.start_month, 4);
        assert_eq!(
            support.pay_decision_by,
            Some(DayOfYear { day: 31, month: 3 })
        );
        assert_eq!(
            policy.cycle_for("Headteacher").unwrap().pay_decision_by,
            Some(DayOfYear { day: 31, month: 12 })
        );
        assert_eq!(policy.max_observations, Some(3));
        assert_eq!(
            policy.deadlines.observation_feedback,
            Period::working_days(5)
        );
        assert_eq!(
            policy.support_plan.unwrap().shortest,
            Period::working_weeks(4)
        );
        assert_eq!(
            policy.support_plan.unwrap().longest,
            Period::working_weeks(8)
        );
        assert_eq!(
            policy.support_plan.unwrap().longest_extension,
            Period::weeks(4)
        );
    }

    #[test]
    fn trust_calendar_year_notice_record_and_feedback() {
        let policy = trust_associate_staff();
        assert_eq!(policy.cycles[0].start_month, 1);
        assert_eq!(policy.cycles[1].start_month, 6);
        assert_eq!(policy.deadlines.notice_before_meeting, Period::weeks(2));
        assert_eq!(policy.deadlines.statement_after_meeting, Period::weeks(2));
        assert_eq!(
            policy.deadlines.observation_feedback.unit,
            PeriodUnit::Hours
        );
        assert_eq!(policy.deadlines.observation_feedback.amount, 48);
        assert_eq!(policy.max_observations, Some(1));
        assert_eq!(policy.support_plan.unwrap().shortest, Period::weeks(4));
        assert_eq!(policy.interim_reviews, InterimReviews::Termly);
    }

    #[test]
    fn secondary_standards_objectives_and_review_limit() {
        let policy = secondary_support_staff();
        assert_eq!(policy.cycles[0].start_month, 9);
        assert_eq!(policy.max_objectives, 3);
        assert!(policy.ten_standards_apply);
        assert_eq!(
            policy.review_limit,
            Some(ReviewLimit {
                max_reviews: 4,
                senior_leaders_exempt: true
            })
        );
    }

    #[test]
    fn early_years_reviews_termly() {
        assert_eq!(
            early_years_setting().interim_reviews,
            InterimReviews::Termly
        );
    }

    #[test]
    fn appeals_training_needs_support_plans_and_who_is_left_out_follow_each_policy() {
        use AppealRoute as A;
        use Exclusion as E;
        #[rustfmt::skip]
        let cases = [
            // (preset, appeal route, optional interims, training needs by, receiver, support plan?, left out)
            (early_years_setting(), A::None, false, None, "CPD leader", false, vec![]),
            (local_authority_support_staff(), A::HeadteacherOrGoverningBody, true, Some(DayOfYear { day: 31, month: 10 }), "CPD leader", false, vec![E::AgencyStaff, E::Probation, E::CapabilityOrDisciplinary]),
            (academy_procedure(), A::None, false, None, "CPD leader", true, vec![E::Probation, E::Induction]),
            (trust_associate_staff(), A::PayPolicy, false, None, "CPD leader", true, vec![E::Probation, E::ShortContract]),
            (secondary_support_staff(), A::Headteacher, false, None, "Business manager", false, vec![E::ShortContract, E::Induction]),
        ];
        for (policy, appeals, optional, by, receiver, plan, left_out) in cases {
            assert_eq!(policy.appeals, appeals, "{}", policy.key);
            assert_eq!(policy.interim_optional, optional, "{}", policy.key);
            assert_eq!(policy.training_needs_by, by, "{}", policy.key);
            assert_eq!(policy.training_needs_receiver(), receiver, "{}", policy.key);
            assert_eq!(policy.support_plan.is_some(), plan, "{}", policy.key);
            assert_eq!(policy.exclusions, left_out, "{}", policy.key);
            assert_eq!(
                policy.objectives_determined_by.is_some(),
                policy.key != "early-years-setting",
                "{}: who determines objectives not agreed",
                policy.key
            );
            assert!(policy.problems().is_empty(), "{}", policy.key);
        }
    }

    #[test]
    fn a_record_due_before_its_statement_is_an_impossible_figure() {
        let mut policy = trust_associate_staff();
        policy.deadlines.record_within = Some(Period::weeks(1));
        policy.training_needs_by = Some(DayOfYear { day: 30, month: 2 });
        assert_eq!(
            policy
                .problems()
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            vec![
                "The date training needs are due by is not a real day of the year: check the day and month.",
                "The whole record is due within 1 week of the meeting, but the statement only within 2 weeks: make the record’s time at least as long as the statement’s.",
            ]
        );
    }

    #[test]
    fn unknown_staff_group_falls_back_to_the_usual_cycle() {
        let policy = academy_procedure();
        assert_eq!(
            policy.cycle_for("Caretakers").unwrap().staff_group,
            "Teachers"
        );
    }

    #[test]
    fn an_edited_policy_with_mistakes_lists_each_problem() {
        let mut policy = secondary_support_staff();
        policy.name = " ".into();
        policy.cycles[0].start_month = 13;
        policy.cycles[0].length_months = 0;
        policy.cycles[0].pay_decision_by = Some(DayOfYear { day: 31, month: 2 });
        policy.max_objectives = 0;
        policy.support_plan = Some(SupportPlanRules {
            shortest: Period::working_weeks(10),
            longest: Period::working_weeks(8),
            longest_extension: Period::weeks(4),
        });
        policy.retention_years = 0;
        let group = "Support staff".to_string();
        assert_eq!(
            policy.problems(),
            vec![
                PolicyProblem::NoName,
                PolicyProblem::StartMonthOutOfRange {
                    staff_group: group.clone(),
                    month: 13
                },
                PolicyProblem::CycleLengthOutOfRange {
                    staff_group: group.clone(),
                    months: 0
                },
                PolicyProblem::NoSuchPayDate { staff_group: group },
                PolicyProblem::NoObjectivesAllowed,
                PolicyProblem::SupportPlanShortestAfterLongest,
                PolicyProblem::NoRetention,
            ]
        );
        policy.cycles.clear();
        assert!(policy.problems().contains(&PolicyProblem::NoCycle));
        for problem in policy.problems() {
            assert!(problem.to_string().ends_with('.'), "{problem}");
        }
    }
}
