//! The policy editor's form: every preset read back unchanged, each kind of bad input refused
//! with a sentence naming its field, and blank optional fields meaning the policy sets none.

#![cfg(not(target_arch = "wasm32"))]

use appraise::domain::calendar::{Period, PeriodUnit};
use appraise::domain::policy::{AppealRoute, DayOfYear, Exclusion, InterimReviews, ReviewLimit};
use appraise::domain::policy_form::{CYCLE_FIELDS, PeriodField, PolicyForm, field};
use appraise::domain::presets::{all_presets, local_authority_support_staff, preset};

/// The local authority's preset as a school has adopted it, with its version.
fn adopted() -> PolicyForm {
    let mut form = PolicyForm::from_policy(&local_authority_support_staff());
    form.version = "2026, adopted 14/09/2026".into();
    form
}

/// The problems as (field, sentence), or an empty list for a policy that reads.
fn problems(form: &PolicyForm) -> Vec<(&'static str, String)> {
    form.to_policy("la-support-staff")
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|problem| (problem.field, problem.to_string()))
        .collect()
}

#[test]
fn every_preset_reads_back_unchanged_and_needs_no_version() {
    for policy in all_presets() {
        let form = PolicyForm::from_policy(&policy);
        assert_eq!(
            form.to_policy(&policy.key),
            Ok(policy.clone()),
            "{}",
            policy.key
        );
        assert_eq!(PolicyForm::from_policy(&policy), form, "{}", policy.key);
    }
}

/// A change a person makes to the form.
type Change = Box<dyn Fn(&mut PolicyForm)>;

#[test]
fn each_kind_of_bad_input_is_refused_with_a_sentence_naming_its_field() {
    let cycle = CYCLE_FIELDS[0];
    let plan = |form: &mut PolicyForm, shortest: &str, longest: &str| {
        form.support_plan = true;
        form.plan_shortest.amount = shortest.into();
        form.plan_longest.amount = longest.into();
        form.plan_extension.amount = "0".into();
    };
    #[rustfmt::skip]
    let cases: Vec<(&str, Change, &str, &str)> = vec![
        ("no name", Box::new(|f| f.name = "  ".into()), field::NAME,
            "Give the policy a name, for example “Support staff appraisal”."),
        ("an edit without a version", Box::new(|f| { f.version.clear(); f.max_objectives = "4".into(); }), field::VERSION,
            "Enter a version, for example “2026, adopted 14/09/2026”, so staff can tell which policy a file was made under."),
        ("no cycle", Box::new(|f| f.cycles.clear()), field::ADD_CYCLE,
            "Add at least one appraisal cycle with its start month."),
        ("a cycle for nobody", Box::new(|f| f.cycles[0].staff_group = " ".into()), cycle.group,
            "Cycle 1: enter the staff group it is for, for example “Support staff”."),
        ("two cycles for one group", Box::new(|f| { f.add_cycle(); f.cycles[1].staff_group = "Support staff".into(); }), CYCLE_FIELDS[1].group,
            "Cycle 2 is for Support staff, like cycle 1: give each cycle its own staff group."),
        ("a cycle of no months", Box::new(|f| f.cycles[0].length_months = "0".into()), cycle.length,
            "The cycle for Support staff lasts 0 months: a cycle lasts from 1 to 24 months, usually 12."),
        ("a cycle length in words", Box::new(|f| f.cycles[0].length_months = "a year".into()), cycle.length,
            "Length of the cycle for Support staff: enter a whole number of months from 1 to 24, usually 12."),
        ("a month that is not one", Box::new(|f| f.cycles[0].start_month = "13".into()), cycle.start,
            "Start of the cycle for Support staff: choose the month it starts in."),
        ("a month of 0", Box::new(|f| f.cycles[0].start_month = "0".into()), cycle.start,
            "The cycle for Support staff starts in a month numbered 0, and there is no such month: choose one from January to December."),
        ("a pay date in words", Box::new(|f| f.cycles[0].pay_decision_by = "end of October".into()), cycle.pay,
            "Pay decisions for Support staff: enter a day and month, for example 31/10, or leave it blank if pay is not decided after this cycle."),
        ("a pay date that is no day", Box::new(|f| f.cycles[0].pay_decision_by = "31/02".into()), cycle.pay,
            "The pay decision date for Support staff is not a real day of the year: check the day and month."),
        ("a deadline in words", Box::new(|f| f.statement.amount = "five".into()), PeriodField::Statement.amount_id(),
            "Statement to the reviewee: enter a whole number of working days from 0 to 260."),
        ("a deadline of over a year", Box::new(|f| { f.statement.unit = PeriodUnit::CalendarDays; f.statement.amount = "400".into(); }), PeriodField::Statement.amount_id(),
            "Statement to the reviewee: enter a whole number of days from 0 to 365."),
        ("a blank notice period", Box::new(|f| f.notice.amount = String::new()), PeriodField::Notice.amount_id(),
            "Notice of the meeting: enter a whole number of working days from 0 to 260."),
        ("feedback after a fortnight of hours", Box::new(|f| { f.feedback.unit = PeriodUnit::Hours; f.feedback.amount = "336".into(); }), PeriodField::Feedback.amount_id(),
            "Feedback after an observation: enter a whole number of hours from 0 to 168."),
        ("a negative record time", Box::new(|f| f.record_within.amount = "-2".into()), PeriodField::RecordWithin.amount_id(),
            "Whole record completed within: enter a whole number of weeks from 0 to 52, or leave it blank for no limit."),
        ("a record due before its statement", Box::new(|f| { f.record_within = f.statement.clone(); f.record_within.amount = "2".into(); }), PeriodField::RecordWithin.amount_id(),
            "The whole record is due within 2 working days of the meeting, but the statement only within 5 working days: make the record’s time at least as long as the statement’s."),
        ("no objectives", Box::new(|f| f.max_objectives = "0".into()), field::MAX_OBJECTIVES,
            "Allow at least one objective; most policies allow three."),
        ("too many objectives", Box::new(|f| f.max_objectives = "12".into()), field::MAX_OBJECTIVES,
            "Most new objectives: enter a whole number from 1 to 10."),
        ("no observations at all", Box::new(|f| f.max_observations = "0".into()), field::MAX_OBSERVATIONS,
            "Most observations: enter a whole number from 1 to 20, or leave it blank for no limit."),
        ("a support plan shorter at its longest", Box::new(move |f| plan(f, "8", "4")), PeriodField::PlanShortest.amount_id(),
            "The shortest support plan monitoring period is longer than the longest: swap them or correct one."),
        ("a support plan with no longest", Box::new(move |f| plan(f, "4", "")), PeriodField::PlanLongest.amount_id(),
            "Longest monitoring period: enter a whole number of working weeks from 0 to 52."),
        ("a review limit in words", Box::new(|f| f.review_limit = "four".into()), field::REVIEW_LIMIT,
            "Reviews per reviewer: enter a whole number from 1 to 50, or leave it blank for no limit."),
        ("an appeal time in words", Box::new(|f| f.appeal_within.amount = "ten".into()), PeriodField::AppealWithin.amount_id(),
            "Time limit for an appeal: enter a whole number of working days from 0 to 260, or leave it blank for no limit."),
        ("a training date with a year", Box::new(|f| f.training_needs_by = "31/10/2026".into()), field::TRAINING_BY,
            "Training needs due by: enter a day and month, for example 31/10, or leave it blank if they go when the statement is agreed."),
        ("a training date that is no day", Box::new(|f| f.training_needs_by = "30/02".into()), field::TRAINING_BY,
            "The date training needs are due by is not a real day of the year: check the day and month."),
        ("records kept no time", Box::new(|f| f.retention_years = "0".into()), field::RETENTION_YEARS,
            "Keep records for at least one year; most policies say six."),
        ("records kept for ever", Box::new(|f| f.retention_years = "100".into()), field::RETENTION_YEARS,
            "Years records are kept: enter a whole number from 1 to 50."),
    ];
    for (what, change, expected_field, expected) in cases {
        let mut form = adopted();
        change(&mut form);
        assert_eq!(
            problems(&form),
            vec![(expected_field, expected.to_owned())],
            "{what}"
        );
    }
}

#[test]
fn blank_optional_fields_mean_the_policy_sets_none() {
    let mut form = PolicyForm::from_policy(&preset("secondary-support-staff").unwrap());
    form.version = "Our own".into();
    form.cycles[0].pay_decision_by = "31/10".into();
    form.training_needs_by = "1/11".into();
    form.record_within.amount = "3".into();
    let filled = form.to_policy("secondary-support-staff").unwrap();
    assert_eq!(
        filled.cycles[0].pay_decision_by,
        Some(DayOfYear { day: 31, month: 10 })
    );
    assert_eq!(
        filled.training_needs_by,
        Some(DayOfYear { day: 1, month: 11 })
    );
    assert_eq!(filled.deadlines.record_within, Some(Period::weeks(3)));
    assert_eq!(
        filled.review_limit,
        Some(ReviewLimit {
            max_reviews: 4,
            senior_leaders_exempt: true
        })
    );
    assert_eq!(
        filled.training_needs_receiver.as_deref(),
        Some("Business manager")
    );

    for text in [
        &mut form.cycles[0].pay_decision_by,
        &mut form.training_needs_by,
        &mut form.record_within.amount,
        &mut form.review_limit,
        &mut form.training_needs_receiver,
        &mut form.max_observations,
        &mut form.appeal_within.amount,
    ] {
        text.clear();
    }
    let blank = form.to_policy("secondary-support-staff").unwrap();
    assert_eq!(blank.cycles[0].pay_decision_by, None);
    assert_eq!(blank.training_needs_by, None);
    assert_eq!(blank.deadlines.record_within, None);
    assert_eq!(blank.review_limit, None);
    assert_eq!(blank.training_needs_receiver, None);
    assert_eq!(blank.training_needs_receiver(), "CPD leader");
    assert_eq!(blank.max_observations, None);
    assert_eq!(blank.appeal_within, None);
}

#[test]
fn a_school_may_count_seed_001s_days_as_calendar_days() {
    let mut form = adopted();
    form.statement.unit = PeriodUnit::CalendarDays;
    let policy = form.to_policy("la-support-staff").unwrap();
    assert_eq!(
        policy.deadlines.statement_after_meeting,
        Period::calendar_days(5)
    );
    assert_eq!(policy.version, "2026, adopted 14/09/2026");
    assert_eq!(policy.key, "la-support-staff");
}

#[test]
fn every_problem_is_listed_once_in_the_order_of_the_page() {
    let mut form = adopted();
    form.version.clear();
    form.retention_years = "none".into();
    form.cycles[0].length_months = "0".into();
    form.name.clear();
    form.support_plan = true;
    form.plan_shortest.amount = "4".into();
    form.plan_longest.amount = "a month".into();
    form.plan_extension.amount = "0".into();
    let fields: Vec<&str> = problems(&form).into_iter().map(|(at, _)| at).collect();
    // The longest period cannot be read, so the shortest is not also said to be longer than it.
    assert_eq!(
        fields,
        vec![
            field::NAME,
            field::VERSION,
            CYCLE_FIELDS[0].length,
            PeriodField::PlanLongest.amount_id(),
            field::RETENTION_YEARS,
        ]
    );
}

#[test]
fn choices_ticks_and_the_policys_own_order_are_kept() {
    let mut form = adopted();
    form.interim_reviews = InterimReviews::None;
    form.appeals = AppealRoute::PayPolicy;
    form.appeal_within.amount = "10".into();
    form.set_leaves_out(Exclusion::ShortContract, true);
    form.set_leaves_out(Exclusion::Probation, false);
    form.set_leaves_out(Exclusion::Probation, true);
    form.training_needs_receiver = "cpd leader".into();
    let policy = form.to_policy("la-support-staff").unwrap();
    // Optional interim reviews and an appeal time mean nothing without reviews or an appeal.
    assert!(!policy.interim_optional);
    assert_eq!(policy.appeal_within, None);
    // Seed 001's three, in its order, then the one added; taking one off and on keeps its place.
    assert_eq!(
        policy.exclusions,
        vec![
            Exclusion::AgencyStaff,
            Exclusion::Probation,
            Exclusion::CapabilityOrDisciplinary,
            Exclusion::ShortContract
        ]
    );
    assert!(form.leaves_out(Exclusion::ShortContract) && !form.leaves_out(Exclusion::Induction));
    assert_eq!(policy.training_needs_receiver, None);
}

#[test]
fn an_unchanged_preset_needs_no_version_but_any_change_does() {
    let shipped = local_authority_support_staff();
    let form = PolicyForm::from_policy(&shipped);
    assert_eq!(form.to_policy(&shipped.key), Ok(shipped.clone()));
    let mut renamed = form.clone();
    renamed.name = "Our support staff appraisal".into();
    assert_eq!(
        renamed
            .to_policy(&shipped.key)
            .unwrap_err()
            .iter()
            .map(|problem| problem.field)
            .collect::<Vec<_>>(),
        vec![field::VERSION]
    );
    // Reading without saving (to mark what differs from the preset) asks for no version.
    assert!(renamed.read(&shipped.key).is_ok());
}
