//! The person's profile and the school's closures, as typed on the first-run and settings pages.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use appraise::domain::people::Role;
use appraise::domain::school::{Profile, ProfileProblem};
use appraise::domain::term_dates::{ClosureProblem, closure_from};
use common::date;

#[test]
fn a_profile_needs_a_name_and_a_role() {
    let cases = [
        (
            "",
            vec![],
            vec![ProfileProblem::NoName, ProfileProblem::NoRole],
        ),
        ("  ", vec![Role::Reviewee], vec![ProfileProblem::NoName]),
        ("Sam Patel", vec![], vec![ProfileProblem::NoRole]),
        ("Sam Patel", vec![Role::Reviewee, Role::Reviewer], vec![]),
    ];
    for (name, roles, expected) in cases {
        let profile = Profile {
            name: name.into(),
            roles: roles.into_iter().collect(),
            ..Profile::default()
        };
        assert_eq!(profile.problems(), expected, "{name:?}");
        for problem in expected {
            assert!(problem.to_string().ends_with('.'));
            assert!(problem.field().starts_with("profile-"));
        }
    }
}

#[test]
fn closures_are_read_from_uk_dates_with_every_problem_named() {
    let half_term = closure_from(" Half term ", "26/10/2026", "30/10/2026").unwrap();
    assert_eq!(half_term.name, "Half term");
    assert_eq!(
        (half_term.first_day, half_term.last_day),
        (date(2026, 10, 26), date(2026, 10, 30))
    );
    let training_day = closure_from("Training day", "4/1/2027", "").unwrap();
    assert_eq!(training_day.first_day, training_day.last_day, "one day");

    let refused = |name, first, last| closure_from(name, first, last).unwrap_err();
    assert_eq!(
        refused("Half term", "30/10/2026", "26/10/2026"),
        vec![ClosureProblem::EndsBeforeItStarts]
    );
    let all = refused("", "31/02/2027", "soon");
    assert_eq!(all.len(), 3);
    assert!(matches!(all[0], ClosureProblem::NoName));
    assert!(matches!(all[1], ClosureProblem::FirstDay(_)));
    assert!(matches!(all[2], ClosureProblem::LastDay(_)));
    for problem in all {
        assert!(problem.to_string().ends_with('.'), "{problem}");
    }
}

#[test]
fn file_names_carry_the_reviewee_as_the_school_chooses() {
    use appraise::domain::school::FileNaming;
    let cases = [
        (FileNaming::Initials, "Sam Patel", "sp"),
        (FileNaming::Initials, "Mary-Jane O’Neil", "mjo"),
        (FileNaming::FullName, "Sam  Patel", "sam-patel"),
        (FileNaming::FullName, "Zoë d’Arcy-Smith", "zoë-darcy-smith"),
        (FileNaming::FullName, "<script>", "script"),
        (FileNaming::Initials, "   ", "staff"),
    ];
    for (naming, name, expected) in cases {
        assert_eq!(naming.reviewee_in_file_name(name), expected, "{name}");
    }
    assert_eq!(FileNaming::default(), FileNaming::Initials);
}

#[test]
fn two_people_whose_names_make_one_file_name_are_told_apart_by_job_title_then_staff_id() {
    use appraise::domain::school::FileNaming;
    let person = |id: &str, name: &str, title: &str| common::person_ref(id, name, title);
    let sam = person("sam-1", "Sam Patel", "Teaching assistant");
    let others = [
        sam.clone(),
        person("sam-2", "Sam Patel", "Site officer"),
        person("sara", "Sara Price", "Teaching assistant"),
        person("jo", "Jo Lee", "Year 2 leader"),
    ];
    let cases = [
        // Alone in the school by name: the name as the school chose.
        (
            FileNaming::FullName,
            person("jo", "Jo Lee", "Year 2 leader"),
            "jo-lee",
        ),
        // Two Sam Patels: the job title tells them apart.
        (
            FileNaming::FullName,
            sam.clone(),
            "sam-patel-teaching-assistant",
        ),
        (
            FileNaming::FullName,
            others[1].clone(),
            "sam-patel-site-officer",
        ),
        // By initials Sara Price is "sp" as well, with Sam's job title: the staff id too.
        (
            FileNaming::Initials,
            sam.clone(),
            "sp-teaching-assistant-sam1",
        ),
        (FileNaming::Initials, others[1].clone(), "sp-site-officer"),
    ];
    for (naming, reviewee, expected) in cases {
        assert_eq!(
            naming.reviewee_among(&reviewee, &others),
            expected,
            "{reviewee:?}"
        );
    }
    // Nobody else held: the name alone.
    assert_eq!(
        FileNaming::Initials.reviewee_among(&sam, std::slice::from_ref(&sam)),
        "sp"
    );
}
