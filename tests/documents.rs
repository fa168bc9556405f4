//! Documents as JSON and as flat field maps: golden fixtures (a format change is a visible
//! diff), errors for wrong or future formats, and lossless round trips for any content.

#![cfg(not(target_arch = "wasm32"))]

mod common;
mod strategies;

use appraise::domain::documents::*;
use appraise::domain::field_map::{FieldMapError, from_field_map, to_field_map};
use proptest::prelude::*;
use serde_json::{Value, json};
use std::fmt::Debug;
use std::path::PathBuf;
use strategies::*;

/// Compares the document's JSON with `tests/fixtures/documents/<kind>.json`; run with
/// `UPDATE_FIXTURES=1` to rewrite the fixture after an intended format change.
fn assert_matches_golden<D: Document + PartialEq + Debug>(document: &D) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/documents")
        .join(format!("{}.json", D::KIND));
    let written = serde_json::to_string_pretty(&to_json(document)).unwrap() + "\n";
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, &written).unwrap();
    }
    let golden = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing fixture {}: run with UPDATE_FIXTURES=1",
            path.display()
        )
    });
    assert_eq!(
        written,
        golden,
        "{} changed format: review the diff",
        D::KIND
    );
    let read: D = from_json(serde_json::from_str(&golden).unwrap()).unwrap();
    assert_eq!(&read, document);
}

fn assert_field_map_round_trip<D: Document + PartialEq + Debug>(document: &D) {
    let map = to_field_map(document);
    assert!(
        map.keys()
            .all(|path| path.starts_with(&format!("{}.", D::KIND)))
    );
    assert_eq!(from_field_map::<D>(&map).as_ref(), Ok(document));
}

#[test]
fn every_document_matches_its_golden_fixture_and_round_trips() {
    assert_matches_golden(&common::pre_review());
    assert_matches_golden(&common::statement());
    assert_matches_golden(&common::cpd_needs());
    assert_matches_golden(&common::observations());
    assert_matches_golden(&common::interim_reviews());
    assert_matches_golden(&common::support_plan());
    assert_matches_golden(&common::appeal());
    assert_matches_golden(&MeetingChecklist::seed_001());
    assert_matches_golden(&common::moderation_note());
    assert_matches_golden(&common::appeal_hearing());
    assert_matches_golden(&common::pay_decision());

    assert_field_map_round_trip(&common::pre_review());
    assert_field_map_round_trip(&common::statement());
    assert_field_map_round_trip(&common::cpd_needs());
    assert_field_map_round_trip(&common::observations());
    assert_field_map_round_trip(&common::interim_reviews());
    assert_field_map_round_trip(&common::support_plan());
    assert_field_map_round_trip(&common::appeal());
    assert_field_map_round_trip(&MeetingChecklist::seed_001());
    assert_field_map_round_trip(&common::moderation_note());
    assert_field_map_round_trip(&common::appeal_hearing());
    assert_field_map_round_trip(&common::pay_decision());
}

#[test]
fn list_items_are_addressed_by_id_with_their_order_kept() {
    let map = to_field_map(&common::statement());
    assert_eq!(
        map["statement.new_objectives[obj-2].success_criteria"],
        json!("80% of pupils in the groups move up one band on the Talk Boost assessment")
    );
    assert_eq!(
        map["statement.new_objectives"],
        json!(["obj-1", "obj-2", "obj-3"])
    );
    assert_eq!(map["statement.meeting_date"], json!("2026-10-23"));
    assert_eq!(
        map["statement.standards[safeguarding].judgement"],
        Value::Null
    );
    // A list of plain values is one field.
    let appeal = to_field_map(&common::appeal());
    assert_eq!(
        appeal["appeal.entries_appealed"].as_array().unwrap().len(),
        2
    );
}

#[test]
fn a_reordered_list_and_a_lost_order_keep_every_item() {
    let mut map = to_field_map(&common::statement());
    map.insert(
        "statement.new_objectives".into(),
        json!(["obj-3", "obj-1", "obj-2"]),
    );
    let reordered: Statement = from_field_map(&map).unwrap();
    let ids: Vec<&str> = reordered
        .new_objectives
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(ids, ["obj-3", "obj-1", "obj-2"]);

    map.insert("statement.new_objectives".into(), json!(["obj-2"]));
    let partly_ordered: Statement = from_field_map(&map).unwrap();
    let ids: Vec<&str> = partly_ordered
        .new_objectives
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(ids, ["obj-2", "obj-1", "obj-3"]);
}

#[test]
fn bad_field_maps_are_refused_with_the_path_named() {
    let good = to_field_map(&common::cpd_needs());
    let cases: Vec<(&str, Value, FieldMapError)> = vec![
        (
            "statement.name",
            json!("x"),
            FieldMapError::BadPath("statement.name".into()),
        ),
        (
            "cpd_needs.needs[bad id].need",
            json!("x"),
            FieldMapError::BadPath("cpd_needs.needs[bad id].need".into()),
        ),
        (
            "cpd_needs.needs[need-1",
            json!("x"),
            FieldMapError::BadPath("cpd_needs.needs[need-1".into()),
        ),
        (
            "cpd_needs.name.first",
            json!("x"),
            FieldMapError::Clash("cpd_needs.name.first".into()),
        ),
    ];
    for (path, value, expected) in cases {
        let mut map = good.clone();
        map.insert(path.into(), value);
        assert_eq!(from_field_map::<CpdNeeds>(&map), Err(expected), "{path}");
    }
    let mut missing = good.clone();
    missing.remove("cpd_needs.reviewer");
    let error = from_field_map::<CpdNeeds>(&missing).unwrap_err();
    assert!(
        matches!(error, FieldMapError::Invalid(RecordError::Malformed { .. })),
        "{error:?}"
    );
    // The person reads a sentence; the parser's detail is kept for whoever debugs it.
    assert_eq!(
        error.to_string(),
        "Part of this file (training and development needs) is damaged or incomplete. Ask the sender to send it again."
    );
    assert!(format!("{error:?}").contains("reviewer"), "{error:?}");
}

#[test]
fn wrong_kinds_and_future_formats_are_refused_with_a_sentence() {
    let mut future = to_json(&common::cpd_needs());
    future["schema"] = json!(CpdNeeds::SCHEMA + 1);
    let mut old = to_json(&common::cpd_needs());
    old["schema"] = json!(0);
    let mut unversioned = to_json(&common::cpd_needs());
    unversioned.as_object_mut().unwrap().remove("schema");
    let cases = [
        (json!([1, 2]), RecordError::NotAnObject),
        (
            to_json(&common::observations()),
            RecordError::WrongKind {
                expected: "cpd_needs",
                found: "observations".into(),
            },
        ),
        (
            future,
            RecordError::FutureSchema {
                kind: "cpd_needs",
                found: 2,
                supported: 1,
            },
        ),
        (
            old,
            RecordError::UnknownSchema {
                kind: "cpd_needs",
                found: 0,
            },
        ),
        (unversioned, RecordError::MissingSchema),
    ];
    for (value, expected) in cases {
        let error = from_json::<CpdNeeds>(value).unwrap_err();
        assert_eq!(error, expected);
        assert!(error.to_string().ends_with('.'), "{error}");
    }
    assert!(
        RecordError::FutureSchema {
            kind: "statement",
            found: 2,
            supported: 1
        }
        .to_string()
        .contains("newer version of Appraise")
    );
}

// Property tests: any content, however odd, survives the flat map and JSON unchanged.

fn round_trips<D: Document + PartialEq + Debug>(document: &D) -> Result<(), TestCaseError> {
    let from_map = from_field_map::<D>(&to_field_map(document));
    prop_assert_eq!(from_map.as_ref(), Ok(document));
    let from_json = from_json::<D>(to_json(document));
    prop_assert_eq!(from_json.as_ref(), Ok(document));
    Ok(())
}

proptest! {
    #[test] fn any_statement_round_trips(d in statement()) { round_trips(&d)?; }
    #[test] fn any_pre_review_round_trips(d in pre_review()) { round_trips(&d)?; }
    #[test] fn any_cpd_needs_round_trip(d in cpd_needs()) { round_trips(&d)?; }
    #[test] fn any_observations_round_trip(d in observations()) { round_trips(&d)?; }
    #[test] fn any_interim_reviews_round_trip(d in interim_reviews()) { round_trips(&d)?; }
    #[test] fn any_support_plan_round_trips(d in support_plan()) { round_trips(&d)?; }
    #[test] fn any_appeal_round_trips(d in appeal()) { round_trips(&d)?; }
    #[test] fn any_checklist_round_trips(d in checklist()) { round_trips(&d)?; }
}

#[test]
fn a_pre_review_as_plain_text_keeps_every_word_with_its_label() {
    let form = common::pre_review();
    let text = form.to_plain_text();
    assert!(text.ends_with("\nEvidence you will bring\n- Phonics tracking sheets, spring term\n- Parent feedback cards\n"));
    assert_eq!(
        text,
        as_plain_text(
            "Pre-review form",
            &PreReviewForm::TEXT_FIELDS,
            &to_json(&form)
        ) + "\nEvidence you will bring\n- Phonics tracking sheets, spring term\n- Parent feedback cards\n"
    );
    assert!(text.starts_with("Pre-review form\n===============\n"));
    assert!(text.contains("\nKey successes and achievements over the last year\nLed the Year 2 phonics catch-up group: 14 of 16 pupils reached the expected standard.\n"));
    assert!(text.contains("\nWellbeing and any support you would like\n(left blank)\n"));
    for field in PreReviewForm::TEXT_FIELDS {
        assert!(text.contains(field.label), "{}", field.label);
    }
}

#[test]
fn a_reviewee_may_appeal_against_each_entry_the_statement_holds() {
    use appraise::domain::documents::{PayRecommendation, appealable_entries};
    let mut statement = common::statement();
    statement.pay_recommendation = None;
    statement.standards.clear();
    let paths = |statement: &Statement| -> Vec<String> {
        appealable_entries(statement)
            .into_iter()
            .map(|(path, _)| path)
            .collect()
    };
    let plain = paths(&statement);
    assert_eq!(
        plain.first().map(String::as_str),
        Some("statement.assessment")
    );
    // "Any of the entries in their planning and review statements" (seed 001; seed 004 3.1).
    for entry in [
        "statement.new_objectives",
        "statement.factors_helped",
        "statement.factors_hindered",
        "statement.training_received",
        "statement.job_description_comments",
        "statement.career_goals",
        "statement.reviewer_comments",
    ] {
        assert!(plain.contains(&entry.to_owned()), "{entry}");
    }
    assert!(!plain.contains(&"statement.pay_recommendation".to_owned()));
    assert_eq!(
        plain
            .iter()
            .filter(|p| p.starts_with("statement.previous_objectives["))
            .count(),
        statement.previous_objectives.len()
    );
    statement.pay_recommendation = Some(PayRecommendation::Progress);
    statement.standards = appraise::domain::standards::blank_assessments();
    let fuller = paths(&statement);
    assert!(fuller.contains(&"statement.pay_recommendation".to_owned()));
    assert!(fuller.contains(&"statement.standards".to_owned()));
    for (_, label) in appealable_entries(&statement) {
        assert!(label.starts_with("The "), "{label}");
    }

    // An appeal names its entries by path; they read back by name, in the statement's order,
    // and a path the statement no longer holds is left out.
    let mut appeal = appraise::domain::documents::Appeal::blank();
    appeal.entries_appealed = vec![
        "statement.new_objectives".into(),
        "statement.assessment".into(),
        "statement.no_such_entry".into(),
    ];
    assert_eq!(
        appeal.entries_appealed_in(&statement),
        ["The assessment against the job role", "The new objectives"]
    );
}

#[test]
fn a_statement_reads_the_date_agreed_for_the_next_review_and_objectives_not_agreed() {
    use appraise::domain::reading::{StatementShape, all_text, statement_by_reviewer};
    let mut statement = common::statement();
    let plain = all_text(&statement_by_reviewer(
        &statement,
        StatementShape::default(),
    ));
    assert!(!plain.contains("Date agreed for the next review"));
    assert!(!plain.contains("could not be agreed"));
    statement.next_review_on = Some(common::date(2027, 2, 11));
    statement.objectives_determined = true;
    let read = all_text(&statement_by_reviewer(
        &statement,
        StatementShape::default(),
    ));
    assert!(read.contains("Date agreed for the next review"), "{read}");
    assert!(read.contains("11/02/2027"));
    assert!(read.contains(
        "The objectives could not be agreed, so they were determined as the policy provides."
    ));
}
