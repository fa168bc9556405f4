//! The CPD leader's list: needs grouped by theme, and the CSV for the training audit, safe to
//! open in a spreadsheet.

mod common;

use appraise::domain::csv::csv_cell;
use appraise::domain::documents::{CpdNeed, CpdNeeds, CpdTheme};
use appraise::domain::training_audit::{needs_by_theme, needs_csv};

fn needs(name: &str, list: &[(&str, &str, CpdTheme)]) -> CpdNeeds {
    CpdNeeds {
        name: name.into(),
        job_title: "Teaching assistant".into(),
        reviewer: "Jo Lee".into(),
        needs: list
            .iter()
            .enumerate()
            .map(|(n, (need, action, theme))| CpdNeed {
                id: common::id(&format!("need-{n}")),
                need: (*need).into(),
                action: (*action).into(),
                theme: *theme,
            })
            .collect(),
    }
}

#[test]
fn needs_are_grouped_by_theme_in_the_forms_order_and_sorted_by_name() {
    let received = [
        needs(
            "Sam Patel",
            &[
                (
                    "Team Teach refresher",
                    "Half-day course",
                    CpdTheme::BehaviourAndPastoral,
                ),
                (
                    "Safeguarding update",
                    "Online module",
                    CpdTheme::Safeguarding,
                ),
                ("  ", "A need left blank is not listed", CpdTheme::Other),
            ],
        ),
        needs(
            "Ana Cole",
            &[(
                "Safeguarding update",
                "Staff meeting",
                CpdTheme::Safeguarding,
            )],
        ),
    ];
    let groups = needs_by_theme(&received);
    let shape: Vec<(CpdTheme, Vec<&str>)> = groups
        .iter()
        .map(|group| {
            (
                group.theme,
                group.needs.iter().map(|row| row.name.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        [
            (CpdTheme::Safeguarding, vec!["Ana Cole", "Sam Patel"]),
            (CpdTheme::BehaviourAndPastoral, vec!["Sam Patel"]),
        ]
    );
    assert!(
        needs_by_theme(&[]).is_empty(),
        "nothing received, nothing listed"
    );
}

#[test]
fn the_csv_opens_safely_in_a_spreadsheet() {
    #[rustfmt::skip]
    let cases = [
        // (typed, written, why)
        ("Phonics", "\"Phonics\"", "every cell quoted"),
        ("Say \"hello\"", "\"Say \"\"hello\"\"\"", "quotes doubled"),
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"", "a formula stays text"),
        ("+44 20 7946 0000", "\"'+44 20 7946 0000\"", "a leading plus"),
        ("-1", "\"'-1\"", "a leading minus"),
        ("@SUM(A1)", "\"'@SUM(A1)\"", "a leading at sign"),
        ("\tTab", "\"'\tTab\"", "a leading tab"),
        ("Line one\r\nLine two", "\"Line one\nLine two\"", "a line break kept inside the quotes"),
        ("Café – Year 4", "\"Café – Year 4\"", "UTF-8 as typed"),
    ];
    for (typed, written, why) in cases {
        assert_eq!(csv_cell(typed), written, "{why}");
    }
    let groups = needs_by_theme(&[needs(
        "Sam Patel",
        &[("=1+1", "Course, \"advanced\"", CpdTheme::DigitalSkills)],
    )]);
    let csv = needs_csv(&groups);
    assert!(
        csv.starts_with('\u{feff}'),
        "a byte-order mark, so Excel reads UTF-8"
    );
    assert_eq!(
        csv.trim_start_matches('\u{feff}'),
        "\"Theme\",\"Name\",\"Job title\",\"Reviewer\",\"Need\",\"Action agreed\"\r\n\
         \"Digital skills\",\"Sam Patel\",\"Teaching assistant\",\"Jo Lee\",\"'=1+1\",\"Course, \"\"advanced\"\"\"\r\n"
    );
}
