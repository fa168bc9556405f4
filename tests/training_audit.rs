//! The CPD leader's list: needs grouped by theme, and the CSV for the training audit, safe to
//! open in a spreadsheet.

mod common;

use appraise::domain::csv::csv_cell;
use appraise::domain::documents::{CpdNeed, CpdNeeds, CpdTheme};
use appraise::domain::training_audit::{NeedsOf, needs_by_theme, needs_csv};

fn needs(name: &str, list: &[(&str, &str, CpdTheme)]) -> NeedsOf {
    NeedsOf {
        reviewee: common::person_ref("sam", name, "Teaching assistant"),
        reviewer: common::person_ref("jo", "Jo Lee", "Year 2 leader"),
        needs: needs_form(list),
    }
}

/// A training needs form with `list` in it, and nobody's name typed in.
fn needs_form(list: &[(&str, &str, CpdTheme)]) -> CpdNeeds {
    CpdNeeds {
        name: String::new(),
        job_title: String::new(),
        reviewer: String::new(),
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

/// The CPD leader holds training needs from two reviews of two people both called Sam Patel,
/// whose forms both had "Sam Patel · Teaching assistant · Jo Lee" typed in: each row names its
/// own review's reviewee (with the job title the review began with) and reviewer.
#[test]
fn the_list_names_each_reviews_own_people_never_the_words_typed_into_the_form() {
    use appraise::bundle::merge::{DocumentState, Stamp};
    use appraise::domain::field_map::to_field_map;
    use appraise::storage::{MemoryStore, Vault};
    use appraise::use_cases::reviews::{self, StoredReview};
    use chrono::{TimeZone, Utc};
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap();
    let mut cpd = Vault::open(MemoryStore::new(), Box::new(common::Counter(0)), "cpd").unwrap();
    let typed = CpdNeeds {
        name: "Sam Patel".into(),
        job_title: "Teaching assistant".into(),
        reviewer: "Jo Lee".into(),
        ..needs_form(&[("Phonics training", "Course", CpdTheme::Safeguarding)])
    };
    for (n, reviewer, job_title) in [
        (1, "Ana Cole", "Year 6 teacher"),
        (2, "Kit Moss", "Science technician"),
    ] {
        let mut review = common::review(
            "la-support-staff",
            "Support staff",
            common::date(2026, 10, 1),
        );
        review.id = common::id(&format!("review-{n}"));
        review.reviewee = common::person_ref(&format!("sam-{n}"), "Sam Patel", job_title);
        review.reviewer = common::person_ref(&format!("r{n}"), reviewer, "");
        let summary = common::summary_of(&review);
        reviews::save_review(&mut cpd, &StoredReview::new(summary), now).unwrap();
        let mut state = DocumentState::default();
        state.record_edit(&to_field_map(&typed), "reviewer", Stamp::default());
        reviews::save_document(&mut cpd, review.id.as_str(), "cpd_needs", &state, now).unwrap();
    }
    // Home sums them up for the CPD leader: two reviews' needs, by theme.
    let today = common::date(2026, 12, 1);
    let held = appraise::use_cases::held::readable(&cpd, today).unwrap();
    let received = appraise::use_cases::agenda::training_needs_received(&cpd, &held, today)
        .expect("the CPD leader holds training needs");
    assert_eq!(received.reviews, 2);
    assert_eq!(received.themes, ["Safeguarding: 2 needs"]);
    let groups = needs_by_theme(&reviews::training_needs_held(&cpd).unwrap());
    let rows: Vec<(&str, &str, &str)> = groups[0]
        .needs
        .iter()
        .map(|row| {
            (
                row.name.as_str(),
                row.job_title.as_str(),
                row.reviewer.as_str(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("Sam Patel", "Science technician", "Kit Moss"),
            ("Sam Patel", "Year 6 teacher", "Ana Cole"),
        ]
    );
    let csv = needs_csv(&groups);
    assert!(
        csv.contains("\"Sam Patel\",\"Year 6 teacher\",\"Ana Cole\""),
        "{csv}"
    );
    assert!(!csv.contains("Jo Lee"), "{csv}");
}

#[test]
fn the_cpd_leaders_home_counts_the_needs_received_by_theme() {
    use appraise::domain::training_audit::themes_in_words;
    let received = [
        needs(
            "Sam Patel",
            &[
                ("Phonics", "Course", CpdTheme::SubjectOrCurriculum),
                ("Refresher", "Online", CpdTheme::Safeguarding),
            ],
        ),
        needs(
            "Ana Cole",
            &[("Refresher", "Online", CpdTheme::Safeguarding)],
        ),
    ];
    assert_eq!(
        themes_in_words(&needs_by_theme(&received)),
        [
            "Safeguarding: 2 needs",
            "Subject knowledge or curriculum: 1 need"
        ]
    );
}
