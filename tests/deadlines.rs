//! Each preset's deadlines on real dates, including a meeting on the Friday before half-term
//! and cycles that cross New Year, and the agenda each person sees on a given day.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use appraise::domain::calendar::{Closure, Period, SchoolCalendar};
use appraise::domain::cycle::{Review, Stage, Suspension};
use appraise::domain::deadlines::{
    DeadlineKind as K, Urgency, deadlines, pressing_for, termly_dates_unknown, urgency,
};
use appraise::domain::people::Role;
use appraise::domain::progress::{StatementSigned, stage_of};
use chrono::NaiveDate;
use common::{date, id};

fn calendar() -> SchoolCalendar {
    let closure = |name: &str, first, last| Closure {
        name: name.into(),
        first_day: first,
        last_day: last,
    };
    SchoolCalendar {
        closures: vec![
            closure("Autumn half-term", date(2026, 10, 26), date(2026, 10, 30)),
            closure("Christmas holiday", date(2026, 12, 21), date(2027, 1, 1)),
        ],
        terms: Vec::new(),
    }
}

/// The review's stage as its copy shows it, with no sign-offs held.
fn stage(review: &Review) -> Stage {
    stage_of(review, StatementSigned::default(), date(2026, 11, 20))
}

/// The due dates of the review's interim reviews, in order.
fn interim_dates(review: &Review, calendar: &SchoolCalendar) -> Vec<NaiveDate> {
    deadlines(review, stage(review), calendar)
        .into_iter()
        .filter(|d| matches!(d.kind, K::InterimReview { .. }))
        .map(|d| d.due)
        .collect()
}

fn due(review: &Review, kind: &K) -> NaiveDate {
    deadlines(review, stage(review), &calendar())
        .into_iter()
        .find(|d| &d.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} deadline"))
        .due
}

#[test]
fn la_model_meeting_on_the_friday_before_half_term() {
    let mut review = common::review("la-support-staff", "Support staff", date(2026, 10, 1));
    review.dates.meeting_on = Some(date(2026, 10, 23));
    let cases = [
        (K::MeetingNotice, date(2026, 10, 9)), // 10 working days before
        (K::StatementToReviewee, date(2026, 11, 6)), // 5 working days, half-term skipped
        (K::StatementToHeadteacher, date(2026, 11, 13)), // 10 working days
    ];
    for (kind, expected) in cases {
        assert_eq!(due(&review, &kind), expected, "{kind:?}");
    }

    review.dates.statement_sent_on = Some(date(2026, 11, 2));
    assert_eq!(due(&review, &K::RevieweeReply), date(2026, 11, 9));
}

#[test]
fn secondary_meeting_before_christmas_runs_into_the_new_year() {
    let mut review = common::review(
        "secondary-support-staff",
        "Support staff",
        date(2026, 12, 1),
    );
    review.dates.meeting_on = Some(date(2026, 12, 16));
    assert_eq!(due(&review, &K::StatementToReviewee), date(2027, 1, 6));
    assert_eq!(due(&review, &K::StatementToHeadteacher), date(2027, 1, 13));
    assert!(
        deadlines(&review, stage(&review), &calendar())
            .iter()
            .all(|d| !matches!(d.kind, K::InterimReview { .. } | K::PayDecision))
    );
}

#[test]
fn trust_two_weeks_notice_crosses_new_year_and_feedback_within_48_hours() {
    let mut review = common::review("trust-associate-staff", "Associate staff", date(2027, 1, 5));
    review.dates.meeting_on = Some(date(2027, 1, 14));
    review
        .observations
        .push(appraise::domain::documents::Observation {
            date: date(2027, 3, 5),
            ..common::observation()
        });
    assert_eq!(due(&review, &K::MeetingNotice), date(2026, 12, 31));
    assert_eq!(due(&review, &K::StatementToReviewee), date(2027, 1, 28));
    let feedback = K::ObservationFeedback {
        observation: id("obs-1"),
        observed_on: date(2027, 3, 5),
        within_hours: Some(48),
    };
    assert_eq!(due(&review, &feedback), date(2027, 3, 7));

    // "plan a programme of termly review meetings … leading up to the next annual review
    // meeting", which "takes place in January": the January meeting is early in the spring
    // term, so its end (Good Friday 26/03/2027, so Thu 25/03/2027) and the summer term's
    // (Wed 21/07/2027) are reviews; the autumn term's end is the next January meeting's.
    let terms = common::terms_2026_27();
    let interims = interim_dates(&review, &terms);
    assert_eq!(interims, vec![date(2027, 3, 25), date(2027, 7, 21)]);
    assert_eq!(
        termly_dates_unknown(&review, &terms).as_deref(),
        Some(
            "Termly reviews fall at the end of each term, and your school’s terms after 21/07/2027 are not entered, so those dates are not shown: ask the headteacher to publish the terms for 01/01/2027 to 31/12/2027"
        )
    );
}

#[test]
fn trust_june_cycle_interim_reviews_cross_new_year() {
    // The learning support staff's June to May period, its annual meeting in June 2026: the
    // summer term of 2026 is more than half over, so its end is not a review; the autumn term
    // ends Fri 18/12/2026 and the spring term Thu 25/03/2027 (Good Friday 26/03); the summer
    // term of 2027 runs past 31/05/2027, so the next annual meeting closes it.
    let mut review = common::review(
        "trust-associate-staff",
        "Learning support staff and teaching assistants (June cycle)",
        date(2026, 6, 1),
    );
    review.dates.meeting_on = Some(date(2026, 6, 10));
    let interims = interim_dates(&review, &common::terms_2026_27());
    assert_eq!(interims, vec![date(2026, 12, 18), date(2027, 3, 25)]);
}

#[test]
fn academy_pay_decisions_follow_each_staff_group() {
    let cases = [
        ("Teachers", date(2026, 3, 1), date(2026, 10, 31)),
        ("Headteacher", date(2026, 3, 1), date(2026, 12, 31)),
        ("Support staff", date(2026, 11, 22), date(2027, 3, 31)),
    ];
    for (group, day, expected) in cases {
        let mut review = common::review("academy-procedure", group, day);
        assert!(
            !deadlines(&review, stage(&review), &calendar())
                .iter()
                .any(|d| d.kind == K::PayDecision),
            "not eligible: no pay deadline"
        );
        review.pay_eligible = true;
        assert_eq!(due(&review, &K::PayDecision), expected, "{group}");
        let owner = deadlines(&review, stage(&review), &calendar())
            .into_iter()
            .find(|d| d.kind == K::PayDecision)
            .unwrap()
            .owner;
        assert_eq!(owner, Role::Headteacher);
    }
}

/// Seed 002 §4.1: "Final reviews will be completed in time to allow for any pay decisions to be
/// made by 31 October (31 December for headteachers)". A final review held in the autumn looks
/// back on the cycle that ended in August, so its pay decision is due that autumn, not a year on.
#[test]
fn an_autumn_final_review_has_its_pay_decision_that_autumn() {
    #[rustfmt::skip]
    let cases = [
        // (group, meeting, pay decision by, why)
        ("Teachers", date(2026, 10, 23), date(2026, 10, 31), "Friday before half-term: 31 October 2026"),
        ("Headteacher", date(2026, 12, 16), date(2026, 12, 31), "before Christmas: 31 December 2026"),
        ("Teachers", date(2026, 12, 16), date(2026, 10, 31), "held after the policy's date: already due"),
        ("Teachers", date(2027, 7, 14), date(2027, 10, 31), "a July review of the year ending in August"),
        ("Support staff", date(2027, 2, 22), date(2027, 3, 31), "April to March: February, its last quarter, before the pay date"),
    ];
    for (group, meeting, expected, why) in cases {
        let mut review = common::review("academy-procedure", group, meeting);
        review.pay_eligible = true;
        review.dates.meeting_on = Some(meeting);
        assert_eq!(due(&review, &K::PayDecision), expected, "{group}: {why}");
    }
}

/// Seed 003: the record "must, in all cases, be completed by no later than two weeks" of the
/// meeting: the reviewee's reply (five working days after the statement) never runs past it,
/// and the copy for the headteacher is not due before the reply.
#[test]
fn the_trusts_two_weeks_hold_the_whole_record() {
    let meeting = date(2026, 10, 23);
    #[rustfmt::skip]
    let cases = [
        // (statement sent, reply due, why)
        (date(2026, 10, 23), date(2026, 11, 6), "sent at the meeting: half-term takes a week, so the five working days end with the two weeks"),
        (date(2026, 11, 2), date(2026, 11, 6), "sent a week later: the reply is due when the two weeks end"),
        (date(2026, 11, 6), date(2026, 11, 6), "sent on the last day: due that day"),
        (date(2026, 11, 9), date(2026, 11, 9), "sent late: never due before it arrived"),
    ];
    for (sent, reply_due, why) in cases {
        let mut review = common::review("trust-associate-staff", "Associate staff", meeting);
        review.dates.meeting_on = Some(meeting);
        review.dates.statement_sent_on = Some(sent);
        assert_eq!(due(&review, &K::RevieweeReply), reply_due, "{why}");
        assert_eq!(
            due(&review, &K::StatementToReviewee),
            date(2026, 11, 6),
            "two weeks"
        );
        assert!(
            due(&review, &K::StatementToHeadteacher) >= reply_due.min(date(2026, 11, 6)),
            "{why}"
        );
    }
    // With no closure in the way, five working days end well inside the two weeks.
    let mut review = common::review(
        "trust-associate-staff",
        "Associate staff",
        date(2026, 11, 2),
    );
    review.dates.meeting_on = Some(date(2026, 11, 2));
    review.dates.statement_sent_on = Some(date(2026, 11, 3));
    assert_eq!(due(&review, &K::RevieweeReply), date(2026, 11, 10));
}

#[test]
fn academy_observation_feedback_in_five_working_days() {
    let mut review = common::review("academy-procedure", "Teachers", date(2026, 10, 1));
    review
        .observations
        .push(appraise::domain::documents::Observation {
            date: date(2026, 10, 22),
            verbal_feedback_on: None,
            ..common::observation()
        });
    let feedback = K::ObservationFeedback {
        observation: id("obs-1"),
        observed_on: date(2026, 10, 22),
        within_hours: None,
    };
    assert_eq!(due(&review, &feedback), date(2026, 11, 5)); // Thu + 5 wd over half-term
}

#[test]
fn early_years_termly_and_la_mid_year_reviews() {
    // Seed 000 §5: "At the end of the first term of the performance management cycle, the
    // reviewer and the reviewee will meet"; 5.1: objectives "for the coming term". Each term of
    // 2026-27 ends in a review except the summer term, which the next annual review closes.
    let termly = common::review("early-years-setting", "All staff", date(2026, 9, 10));
    let interims = |calendar: &SchoolCalendar| interim_dates(&termly, calendar);
    assert_eq!(
        interims(&common::terms_2026_27()),
        // The autumn term ends Fri 18/12/2026; the spring term on Good Friday 26/03/2027, so its
        // last school day is Thu 25/03/2027.
        vec![date(2026, 12, 18), date(2027, 3, 25)]
    );
    // Without the school's terms there is no end of term to name: no dates are made up, and
    // the review says why.
    assert!(interims(&calendar()).is_empty());
    assert_eq!(
        termly_dates_unknown(&termly, &calendar()).as_deref(),
        Some(
            "Termly reviews fall at the end of each term, and your school’s terms are not entered, so those dates are not shown: ask the headteacher to publish the terms for 01/09/2026 to 31/08/2027"
        )
    );
    assert_eq!(
        termly_dates_unknown(&termly, &common::terms_2026_27()),
        None
    );
    let mid_year = common::review("la-support-staff", "Support staff", date(2026, 9, 10));
    assert_eq!(
        due(
            &mid_year,
            &K::InterimReview {
                number: 1,
                optional: true
            }
        ),
        date(2027, 2, 26) // Sunday 28/02 moves back to the Friday
    );
    assert!(
        !deadlines(&mid_year, stage(&mid_year), &calendar())
            .iter()
            .any(|d| matches!(d.kind, K::InterimReview { number: 2, .. }))
    );
}

#[test]
fn support_plan_monitoring_with_extension() {
    let mut review = common::review("academy-procedure", "Support staff", date(2026, 11, 1));
    review.support_plan = Some(appraise::domain::documents::SupportPlan {
        extension: Some(Period::weeks(2)),
        ..common::support_plan()
    });
    // 23/11/2026 + 4 working weeks: 19 working days to the Christmas closure, the 20th on
    // Monday 4 January; then the 2-week extension.
    assert_eq!(due(&review, &K::MonitoringEnds), date(2027, 1, 18));
    assert_eq!(due(&review, &K::SupportPlanReview), date(2026, 12, 18));
}

#[test]
fn capability_stops_the_cycle_clocks_but_not_the_support_plan() {
    let mut review = common::review("la-support-staff", "Support staff", date(2026, 10, 1));
    review.dates.meeting_on = Some(date(2026, 10, 23));
    review.support_plan = Some(common::support_plan());
    review.suspension = Some(Suspension::Capability);
    let kinds: Vec<K> = deadlines(&review, stage(&review), &calendar())
        .into_iter()
        .map(|d| d.kind)
        .collect();
    assert_eq!(kinds, vec![K::SupportPlanReview, K::MonitoringEnds]);
}

#[test]
fn urgency_on_a_given_day() {
    let mut review = common::review("la-support-staff", "Support staff", date(2026, 10, 1));
    review.dates.meeting_on = Some(date(2026, 10, 23));
    let statement = deadlines(&review, stage(&review), &calendar())
        .into_iter()
        .find(|d| d.kind == K::StatementToReviewee)
        .unwrap();
    let cases = [
        (date(2026, 9, 1), None), // beyond the look-ahead
        (date(2026, 10, 23), Some(Urgency::ComingUp)),
        (
            date(2026, 11, 3),
            Some(Urgency::DueSoon { working_days: 3 }),
        ),
        (date(2026, 11, 6), Some(Urgency::DueToday)),
        (
            date(2026, 11, 9),
            Some(Urgency::Overdue { working_days: 1 }),
        ),
        (
            date(2026, 11, 13),
            Some(Urgency::Overdue { working_days: 5 }),
        ),
    ];
    for (today, expected) in cases {
        assert_eq!(urgency(&statement, &calendar(), today), expected, "{today}");
    }
    assert_eq!(
        Urgency::Overdue { working_days: 5 }.to_string(),
        "Overdue by 5 working days"
    );
    assert_eq!(
        Urgency::DueSoon { working_days: 1 }.to_string(),
        "Due in 1 working day"
    );

    review.dates.statement_sent_on = Some(date(2026, 11, 5));
    let done = deadlines(&review, stage(&review), &calendar())
        .into_iter()
        .find(|d| d.kind == K::StatementToReviewee)
        .unwrap();
    assert_eq!(urgency(&done, &calendar(), date(2026, 11, 13)), None);
}

#[test]
fn each_person_sees_their_own_deadlines_overdue_first() {
    let mut sams = common::review("academy-procedure", "Support staff", date(2026, 10, 1));
    sams.pay_eligible = true;
    sams.dates.meeting_on = Some(date(2026, 11, 9));
    sams.dates.statement_sent_on = Some(date(2026, 11, 16));
    let mut alexs = common::review("academy-procedure", "Support staff", date(2026, 10, 1));
    alexs.id = id("review-2");
    alexs.reviewee = common::person_ref("alex", "Alex Kim", "Office manager");
    alexs.dates.meeting_on = Some(date(2026, 11, 2));
    let today = date(2026, 11, 20);
    let agenda = |review: &Review, role, today| {
        let all = deadlines(review, stage(review), &calendar());
        pressing_for(review, &all, role, &calendar(), today)
            .into_iter()
            .map(|item| (item.deadline.kind, item.reviewee_name, item.urgency))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        agenda(&alexs, Role::Reviewer, today),
        vec![
            (
                K::StatementToReviewee,
                "Alex Kim".into(),
                Urgency::Overdue { working_days: 9 }
            ),
            (
                K::StatementToHeadteacher,
                "Alex Kim".into(),
                Urgency::Overdue { working_days: 4 }
            ),
        ]
    );
    assert_eq!(
        agenda(&sams, Role::Reviewer, today),
        vec![(
            K::StatementToHeadteacher,
            "Sam Patel".into(),
            Urgency::DueSoon { working_days: 1 }
        )]
    );
    let sams_own: Vec<K> = agenda(&sams, Role::Reviewee, today)
        .into_iter()
        .map(|(kind, _, _)| kind)
        .collect();
    assert_eq!(sams_own, vec![K::RevieweeReply]);
    // A November meeting of April-to-March support staff is not the final review of a cycle
    // with months to run: it looks back on the cycle that ended in March, whose pay decision
    // was owed by then, so none is owed from it (the final review before 31 March owes it).
    assert!(agenda(&sams, Role::Headteacher, today).is_empty());
    assert!(agenda(&sams, Role::Headteacher, date(2027, 3, 29)).is_empty());
    let mut final_review = sams.clone();
    final_review.dates.meeting_on = Some(date(2027, 2, 22));
    final_review.dates.statement_sent_on = None;
    let heads_in_march: Vec<K> = agenda(&final_review, Role::Headteacher, date(2027, 3, 29))
        .into_iter()
        .map(|(kind, _, _)| kind)
        .collect();
    assert_eq!(heads_in_march, vec![K::PayDecision]);
}

#[test]
fn one_review_seen_from_each_side_lists_only_that_sides_deadlines() {
    let mut review = common::review("academy-procedure", "Support staff", date(2026, 10, 1));
    review.dates.meeting_on = Some(date(2026, 11, 2));

    review.dates.statement_sent_on = Some(date(2026, 11, 3));
    let today = date(2026, 11, 20);
    let kinds = |role| {
        let all = deadlines(&review, stage(&review), &calendar());
        pressing_for(&review, &all, role, &calendar(), today)
            .into_iter()
            .map(|i| (i.deadline.kind, i.urgency))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        kinds(Role::Reviewee),
        vec![(K::RevieweeReply, Urgency::Overdue { working_days: 8 })]
    );
    assert_eq!(
        kinds(Role::Reviewer),
        vec![(
            K::StatementToHeadteacher,
            Urgency::Overdue { working_days: 4 }
        )]
    );
}

#[test]
fn the_meeting_and_open_deadlines_make_a_calendar_file() {
    use appraise::domain::ical::calendar_for;
    use chrono::{TimeZone, Utc};
    let mut review = common::review("la-support-staff", "Support staff", date(2026, 10, 1));
    review.reviewee.name = "Sam Patel, TA; Year 2".into();
    review.dates.meeting_on = Some(date(2026, 12, 1));
    review.dates.invited_on = Some(date(2026, 11, 2));
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap();
    let file = calendar_for(
        &review,
        &deadlines(&review, stage(&review), &SchoolCalendar::default()),
        now,
    );
    assert!(file.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(file.ends_with("END:VCALENDAR\r\n"));
    assert!(
        file.lines().all(|line| line.len() <= 76),
        "lines are folded"
    );
    assert!(
        !file.replace("\r\n", "").contains('\n'),
        "every line ends CRLF"
    );
    let unfolded = file.replace("\r\n ", "");
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20261201\r\nDTEND;VALUE=DATE:20261202"));
    assert!(unfolded.contains("SUMMARY:Appraisal meeting: Sam Patel\\, TA\\; Year 2 with Jo Lee"));
    assert!(unfolded.contains("DTSTAMP:20261123T093000Z"));
    let open = deadlines(&review, stage(&review), &SchoolCalendar::default())
        .into_iter()
        .filter(|d| !d.done)
        .count();
    assert!(open > 0);
    assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), open + 1);
    assert_eq!(
        unfolded
            .matches("UID:review-1-meeting@appraise.invalid")
            .count(),
        1
    );
    assert_eq!(
        calendar_for(
            &review,
            &deadlines(&review, stage(&review), &SchoolCalendar::default()),
            now
        ),
        file,
        "repeatable"
    );
}

/// A statement written and sent a month before the meeting it records: the reviewee's reply is
/// still counted from the meeting, so no deadline counted from the meeting falls before it.
#[test]
fn a_statement_sent_before_the_meeting_is_replied_to_after_it() {
    let mut review = common::review("la-support-staff", "Support staff", date(2026, 10, 1));
    review.dates.meeting_on = Some(date(2027, 1, 5));
    review.dates.statement_sent_on = Some(date(2026, 11, 30));
    let reply = due(&review, &K::RevieweeReply);
    assert_eq!(reply, date(2027, 1, 12), "5 working days from the meeting");
    for deadline in deadlines(&review, stage(&review), &calendar()) {
        if !matches!(deadline.kind, K::MeetingNotice | K::PreReviewToReviewer) {
            assert!(deadline.due > date(2027, 1, 5), "{deadline:?}");
        }
    }
}

/// Every preset's meeting deadlines for two meetings, worked out by hand from each policy's words
/// (or the school's choice, where it says nothing: `domain::provenance`), with half-term
/// 26–30/10/2026 and a Christmas closure 21/12/2026–01/01/2027 (this file's `calendar()`):
/// Friday 23/10/2026, the day before half-term, and Wednesday 16/12/2026, before Christmas.
#[test]
fn each_presets_deadlines_for_a_meeting_before_half_term_and_before_christmas() {
    // (preset, staff group, meeting, notice by, pre-review by, statement by, to the headteacher by)
    #[rustfmt::skip]
    let cases = [
        // Seed 000 gives none of these: the model's 10 wd notice (Appraise's), 5 wd statement and
        // 10 wd headteacher copy (seed 001). Ten working days back from Fri 23/10 is Fri 09/10;
        // five forward skip half-term: Mon 02/11 to Fri 06/11; ten end Fri 13/11.
        ("early-years-setting", "All staff", date(2026, 10, 23), date(2026, 10, 9), date(2026, 10, 22), date(2026, 11, 6), date(2026, 11, 13)),
        // Seed 001: "within 5 days of the meeting", "within 10 days of the planning meeting"
        // (Checklist - after the meeting), counted as working days.
        ("la-support-staff", "Support staff", date(2026, 10, 23), date(2026, 10, 9), date(2026, 10, 22), date(2026, 11, 6), date(2026, 11, 13)),
        // Seed 002 gives no statement times: the model's.
        ("academy-procedure", "Teachers", date(2026, 10, 23), date(2026, 10, 9), date(2026, 10, 22), date(2026, 11, 6), date(2026, 11, 13)),
        // Seed 003: "at least two weeks’ notice", record "completed by no later than two weeks":
        // calendar weeks, through half-term.
        ("trust-associate-staff", "Associate staff", date(2026, 10, 23), date(2026, 10, 9), date(2026, 10, 22), date(2026, 11, 6), date(2026, 11, 6)),
        // Seed 004's timeline annex is lost: the model's.
        ("secondary-support-staff", "Support staff", date(2026, 10, 23), date(2026, 10, 9), date(2026, 10, 22), date(2026, 11, 6), date(2026, 11, 13)),
        // Wed 16/12: ten working days back is Wed 02/12; forward, Thu 17 and Fri 18/12, then
        // the closure to Fri 01/01, then Mon 04 to Wed 06/01 (five) and to Wed 13/01 (ten).
        ("early-years-setting", "All staff", date(2026, 12, 16), date(2026, 12, 2), date(2026, 12, 15), date(2027, 1, 6), date(2027, 1, 13)),
        ("la-support-staff", "Support staff", date(2026, 12, 16), date(2026, 12, 2), date(2026, 12, 15), date(2027, 1, 6), date(2027, 1, 13)),
        ("academy-procedure", "Headteacher", date(2026, 12, 16), date(2026, 12, 2), date(2026, 12, 15), date(2027, 1, 6), date(2027, 1, 13)),
        // Two calendar weeks after Wed 16/12 is Wed 30/12, inside the closure (said so below).
        ("trust-associate-staff", "Associate staff", date(2026, 12, 16), date(2026, 12, 2), date(2026, 12, 15), date(2026, 12, 30), date(2026, 12, 30)),
        ("secondary-support-staff", "Support staff", date(2026, 12, 16), date(2026, 12, 2), date(2026, 12, 15), date(2027, 1, 6), date(2027, 1, 13)),
    ];
    for (key, group, meeting, notice, pre_review, statement, headteacher) in cases {
        let mut review = common::review(key, group, meeting);
        review.dates.meeting_on = Some(meeting);
        let what = format!("{key}, meeting {meeting}");
        assert_eq!(due(&review, &K::MeetingNotice), notice, "{what}: notice");
        assert_eq!(
            due(&review, &K::PreReviewToReviewer),
            pre_review,
            "{what}: pre-review"
        );
        assert_eq!(
            due(&review, &K::StatementToReviewee),
            statement,
            "{what}: statement"
        );
        assert_eq!(
            due(&review, &K::StatementToHeadteacher),
            headteacher,
            "{what}: headteacher"
        );
    }

    // Dates the school is closed on say so, naming the school day to act by: the trust's two
    // weeks' notice ends in the Christmas closure, and seed 002's 31 October 2026 is a Saturday
    // in half-term week's weekend; both are due *by*, so the school day before.
    assert_eq!(
        calendar()
            .closed_day_note(date(2026, 12, 30), K::MeetingNotice.roll())
            .as_deref(),
        Some(
            "Wednesday 30/12/2026, Christmas holiday, is not a school day: the last school day before is Friday 18/12/2026"
        )
    );
    assert_eq!(
        calendar()
            .closed_day_note(date(2026, 10, 31), K::PayDecision.roll())
            .as_deref(),
        Some(
            "Saturday 31/10/2026 is not a school day: the last school day before is Friday 23/10/2026"
        )
    );
    // A count after an event moves forward.
    assert_eq!(
        calendar()
            .closed_day_note(date(2026, 12, 30), K::StatementToReviewee.roll())
            .as_deref(),
        Some(
            "Wednesday 30/12/2026, Christmas holiday, is not a school day: the first school day after is Monday 04/01/2027"
        )
    );
}

#[test]
fn a_meeting_sets_interim_reviews_at_the_term_ends_of_the_cycle_it_plans() {
    let calendar = common::terms_2026_27();
    // An autumn meeting reviews 2025-26 and plans 2026-27: its termly reviews close the autumn
    // and spring terms of 2026-27; the summer term ends at the next annual review.
    let mut review = common::review("early-years-setting", "All staff", date(2026, 10, 1));
    review.dates.meeting_on = Some(date(2026, 10, 23));
    let interims = interim_dates(&review, &calendar);
    assert_eq!(interims, vec![date(2026, 12, 18), date(2027, 3, 25)]);

    // A July meeting under the local-authority model plans the year from September: its
    // optional mid-year review is suggested for February 2027, not overdue on the day.
    let mut july = common::review("la-support-staff", "Support staff", date(2026, 7, 1));
    july.dates.meeting_on = Some(date(2026, 7, 14));
    let mid_year = deadlines(&july, stage(&july), &calendar)
        .into_iter()
        .find(|d| matches!(d.kind, K::InterimReview { .. }))
        .unwrap();
    assert_eq!(mid_year.due, date(2027, 2, 26));
    assert_eq!(
        mid_year.kind.to_string(),
        "Hold interim review 1, if you agree to have one"
    );
    assert!(
        urgency(&mid_year, &calendar, date(2026, 7, 14)).is_none(),
        "months away"
    );
    assert_eq!(
        urgency(&mid_year, &calendar, date(2027, 2, 24)),
        Some(Urgency::DueSoon { working_days: 2 })
    );
    assert!(
        urgency(&mid_year, &calendar, date(2027, 3, 1)).is_none(),
        "never overdue"
    );
}

#[test]
fn training_needs_reach_the_cpd_leader_by_october_under_the_local_authority_model() {
    let mut review = common::review("la-support-staff", "Support staff", date(2026, 7, 1));
    review.dates.meeting_on = Some(date(2026, 7, 14));
    let to_cpd = K::TrainingNeedsSent {
        to: "CPD leader".into(),
    };
    assert_eq!(due(&review, &to_cpd), date(2026, 10, 31));
    assert_eq!(
        to_cpd.to_string(),
        "Send the training needs to the CPD leader"
    );
    assert_eq!(
        K::TrainingNeedsSent {
            to: "Business manager".into()
        }
        .to_string(),
        "Send the training needs to the business manager"
    );
    assert_eq!(
        calendar()
            .closed_day_note(
                date(2026, 10, 31),
                K::TrainingNeedsSent {
                    to: "Business manager".into()
                }
                .roll()
            )
            .as_deref(),
        Some(
            "Saturday 31/10/2026 is not a school day: the last school day before is Friday 23/10/2026"
        )
    );
    review.dates.training_needs_sent_on = Some(date(2026, 9, 20));
    assert!(
        deadlines(&review, stage(&review), &calendar())
            .iter()
            .find(|d| d.kind == to_cpd)
            .unwrap()
            .done
    );
    // No other preset sets a date.
    let secondary = common::review("secondary-support-staff", "Support staff", date(2026, 7, 1));
    assert!(
        !deadlines(&secondary, stage(&secondary), &calendar())
            .iter()
            .any(|d| matches!(d.kind, K::TrainingNeedsSent { .. }))
    );
}

#[test]
fn the_date_agreed_at_the_meeting_is_the_next_interim_review() {
    // Seed 000 4.7: "the timing of the next review will be agreed".
    let mut review = common::review("early-years-setting", "All staff", date(2026, 10, 1));
    review.dates.meeting_on = Some(date(2026, 10, 23));
    review.statement = Some(appraise::domain::documents::Statement {
        next_review_on: Some(date(2027, 2, 11)),
        ..common::statement()
    });
    let interims = interim_dates(&review, &common::terms_2026_27());
    // The agreed 11/02/2027 replaces the autumn term's end; the spring term's end follows.
    assert_eq!(interims, vec![date(2027, 2, 11), date(2027, 3, 25)]);

    // Under a policy with no interim reviews, an agreed date is still a date to keep.
    let mut secondary = common::review(
        "secondary-support-staff",
        "Support staff",
        date(2026, 10, 1),
    );
    secondary.statement = review.statement.clone();
    assert_eq!(
        due(
            &secondary,
            &K::InterimReview {
                number: 1,
                optional: false
            }
        ),
        date(2027, 2, 11)
    );
}

/// A date something is due *by*, on a day the school is closed, names the school day before it
/// (acting on the day after would be late); a count after an event names the day after.
#[test]
fn a_due_by_date_on_a_closed_day_names_the_school_day_before() {
    let mut review = common::review("academy-procedure", "Teachers", date(2026, 10, 1));
    review.pay_eligible = true;
    review.dates.meeting_on = Some(date(2026, 10, 14));
    let calendar = SchoolCalendar::default();
    let all = deadlines(&review, stage(&review), &calendar);
    let pay = all
        .iter()
        .find(|d| d.kind == K::PayDecision)
        .expect("seed 002 sets a pay date");
    assert_eq!(pay.due, date(2026, 10, 31), "31 October, a Saturday");
    assert_eq!(
        pay.calendar_note(&calendar).as_deref(),
        Some(
            "Saturday 31/10/2026 is not a school day: the last school day before is Friday 30/10/2026"
        )
    );
    let on_the_agenda = pressing_for(
        &review,
        &all,
        Role::Headteacher,
        &calendar,
        date(2026, 10, 20),
    );
    assert_eq!(
        on_the_agenda[0].calendar_note.as_deref(),
        pay.calendar_note(&calendar).as_deref(),
        "Home says the same"
    );
}
