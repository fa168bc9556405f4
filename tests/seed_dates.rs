//! Every date each preset gives, worked out by hand from its seed's own words on a school year
//! with every term, half-term and bank holiday entered (`common::terms_2026_27`), for meetings
//! at the start, the middle and the end of the school year. The working is in the comments.
//!
//! The calendar: summer term 13/04–22/07/2026 (half-term 25–29/05, Monday 25/05 a bank
//! holiday); autumn term Wed 02/09–Fri 18/12/2026 (half-term 26–30/10); spring term Tue
//! 05/01–Fri 26/03/2027 (half-term 15–19/02; 26/03 is Good Friday, so Thursday 25/03 is the
//! term's last school day); summer term Mon 12/04–Wed 21/07/2027 (half-term 31/05–04/06).
//! Between terms the school is closed; after 21/07/2027 nothing is entered, so weekdays are
//! counted and the date says so.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use appraise::domain::cycle::Review;
use appraise::domain::deadlines::{
    Deadline, DeadlineKind as K, deadlines, notes_for_list, termly_dates_unknown,
};
use appraise::domain::documents::Observation;
use appraise::domain::progress::{StatementSigned, stage_of};
use chrono::NaiveDate;
use common::{date, id, terms_2026_27};

const PAST_THE_TERMS: &str = "Counted without your school’s dates after 21/07/2027: ask the headteacher to publish next year’s terms";

/// A review under `key` for `group` with its meeting on `meeting`.
fn meeting(key: &str, group: &str, on: NaiveDate) -> Review {
    let mut review = common::review(key, group, on);
    review.dates.meeting_on = Some(on);
    review
}

fn all(review: &Review) -> Vec<Deadline> {
    let stage = stage_of(review, StatementSigned::default(), date(2026, 9, 1));
    deadlines(review, stage, &terms_2026_27())
}

/// The due date of `kind`, with what the calendar says of it.
fn due(review: &Review, kind: &K) -> (NaiveDate, Option<String>) {
    let deadline = all(review)
        .into_iter()
        .find(|deadline| &deadline.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} deadline"));
    (deadline.due, deadline.calendar_note(&terms_2026_27()))
}

fn on(day: NaiveDate) -> (NaiveDate, Option<String>) {
    (day, None)
}

fn past_the_terms(day: NaiveDate) -> (NaiveDate, Option<String>) {
    (day, Some(PAST_THE_TERMS.to_owned()))
}

fn interims(review: &Review) -> Vec<NaiveDate> {
    all(review)
        .into_iter()
        .filter(|deadline| matches!(deadline.kind, K::InterimReview { .. }))
        .map(|deadline| deadline.due)
        .collect()
}

fn has(review: &Review, wanted: fn(&K) -> bool) -> bool {
    all(review).iter().any(|deadline| wanted(&deadline.kind))
}

/// Seed 000 (early years): seed 001's counts as the school's choice (five and ten working days,
/// ten working days' notice), and "At the end of the first term of the performance management
/// cycle, the reviewer and the reviewee will meet" (5), objectives "for the coming term" (5.1).
#[test]
fn seed_000_early_years() {
    // Wed 16/09/2026 reviews 2025-26 and plans 2026-27.
    let start = meeting("early-years-setting", "All staff", date(2026, 9, 16));
    // Ten working days back: 15, 14, 11, 10, 9, 8, 7, 4, 3, 2 September.
    assert_eq!(due(&start, &K::MeetingNotice), on(date(2026, 9, 2)));
    assert_eq!(due(&start, &K::PreReviewToReviewer), on(date(2026, 9, 15)));
    // Five working days on: 17, 18, 21, 22, 23 September; ten: to 30 September.
    assert_eq!(due(&start, &K::StatementToReviewee), on(date(2026, 9, 23)));
    assert_eq!(
        due(&start, &K::StatementToHeadteacher),
        on(date(2026, 9, 30))
    );
    // The autumn and spring terms end in reviews; the summer term ends six weeks before the
    // cycle does, and the next annual review closes it.
    assert_eq!(
        interims(&start),
        vec![date(2026, 12, 18), date(2027, 3, 25)]
    );

    // Wed 10/02/2027, still in the first half of 2026-27, plans it: the autumn term is over and
    // the spring term has four days to its middle (14/02), so its end is the one review.
    let middle = meeting("early-years-setting", "All staff", date(2027, 2, 10));
    // 11, 12 February, half-term, 22, 23, 24; then 25, 26 February, 1, 2, 3 March.
    assert_eq!(due(&middle, &K::StatementToReviewee), on(date(2027, 2, 24)));
    assert_eq!(
        due(&middle, &K::StatementToHeadteacher),
        on(date(2027, 3, 3))
    );
    assert_eq!(interims(&middle), vec![date(2027, 3, 25)]);

    // Fri 16/07/2027 reviews 2026-27 and plans 2027-28, whose terms are not entered.
    let end = meeting("early-years-setting", "All staff", date(2027, 7, 16));
    // 19, 20, 21 July in term, then 22 and 23 counted as weekdays.
    assert_eq!(
        due(&end, &K::StatementToReviewee),
        past_the_terms(date(2027, 7, 23))
    );
    assert_eq!(
        due(&end, &K::StatementToHeadteacher),
        past_the_terms(date(2027, 7, 30))
    );
    assert!(interims(&end).is_empty());
    assert_eq!(
        termly_dates_unknown(&end, &terms_2026_27()).as_deref(),
        Some(
            "Termly reviews fall at the end of each term, and your school’s terms after 21/07/2027 are not entered, so those dates are not shown: ask the headteacher to publish the terms for 01/09/2027 to 31/08/2028"
        )
    );
}

/// Seed 001 (local authority): "within 5 days of the meeting", "5 days" to reply, "within 10
/// days" to the headteacher, read as working days; the optional "formal mid year review"; the
/// training needs for "the training audit in October", read as by 31 October.
#[test]
fn seed_001_local_authority() {
    let start = meeting("la-support-staff", "Support staff", date(2026, 9, 16));
    assert_eq!(due(&start, &K::StatementToReviewee), on(date(2026, 9, 23)));
    assert_eq!(
        due(&start, &K::StatementToHeadteacher),
        on(date(2026, 9, 30))
    );
    let mut sent = start.clone();
    sent.dates.statement_sent_on = Some(date(2026, 9, 23));
    // 24, 25, 28, 29, 30 September.
    assert_eq!(due(&sent, &K::RevieweeReply), on(date(2026, 9, 30)));
    // Halfway through 2026-27 is 01/03/2027; Sunday 28/02 moves back to Friday 26/02.
    let mid_year = K::InterimReview {
        number: 1,
        optional: true,
    };
    assert_eq!(due(&start, &mid_year), on(date(2027, 2, 26)));
    // Saturday 31/10/2026, after half-term began: act by Friday 23/10.
    let to_cpd = K::TrainingNeedsSent {
        to: "CPD leader".into(),
    };
    assert_eq!(
        due(&start, &to_cpd),
        (
            date(2026, 10, 31),
            Some("Saturday 31/10/2026 is not a school day: the last school day before is Friday 23/10/2026".into())
        )
    );

    let middle = meeting("la-support-staff", "Support staff", date(2027, 2, 10));
    assert_eq!(due(&middle, &mid_year), on(date(2027, 2, 26)));
    assert_eq!(due(&middle, &K::StatementToReviewee), on(date(2027, 2, 24)));

    // A July meeting: the statement, the reply and the headteacher's copy all run past the
    // last entered day into days the school has not published.
    let end = meeting("la-support-staff", "Support staff", date(2027, 7, 16));
    assert_eq!(
        due(&end, &K::StatementToReviewee),
        past_the_terms(date(2027, 7, 23))
    );
    let mut sent = end.clone();
    sent.dates.statement_sent_on = Some(date(2027, 7, 23));
    assert_eq!(
        due(&sent, &K::RevieweeReply),
        past_the_terms(date(2027, 7, 30))
    );
    assert_eq!(
        due(&end, &K::StatementToHeadteacher),
        past_the_terms(date(2027, 7, 30))
    );
    // 2027-28's halfway: Tuesday 29/02/2028, a weekday not yet published.
    assert_eq!(due(&end, &mid_year), past_the_terms(date(2028, 2, 29)));
    // In the review's list each such date is marked, and the missing terms are said once.
    let (notes, missing) = notes_for_list(&all(&end), &terms_2026_27());
    assert_eq!(missing, vec![PAST_THE_TERMS.to_owned()]);
    assert!(notes.contains(&Some("Counted without your school’s dates".to_owned())));
    assert!(notes.contains(&Some("Sunday 31/10/2027 is not a school day: the last school day before is Friday 29/10/2027. Counted without your school’s dates".to_owned())));
}

/// Seed 002 (academy): pay decisions "by 31 October" for teachers and "by 31 March" for support
/// staff (4.1, 4.2), final reviews "completed in time to allow for any pay decisions", feedback
/// on an observation "within five working days" (6.2).
#[test]
fn seed_002_academy() {
    // Wed 14/10/2026 reviews 2025-26: pay by Saturday 31/10/2026, so the agreed statement is with
    // the headteacher by Friday 23/10, before half-term, sooner than ten working days (04/11).
    let mut teacher = meeting("academy-procedure", "Teachers", date(2026, 10, 14));
    teacher.pay_eligible = true;
    // Back from 14/10: 13, 12, 9, 8, 7, 6, 5, 2, 1 October, 30 September.
    assert_eq!(due(&teacher, &K::MeetingNotice), on(date(2026, 9, 30)));
    assert_eq!(
        due(&teacher, &K::StatementToReviewee),
        on(date(2026, 10, 21))
    );
    assert_eq!(
        due(&teacher, &K::StatementToHeadteacher),
        on(date(2026, 10, 23))
    );
    assert_eq!(
        due(&teacher, &K::PayDecision),
        (
            date(2026, 10, 31),
            Some("Saturday 31/10/2026 is not a school day: the last school day before is Friday 23/10/2026".into())
        )
    );

    // A December final review of 2025-26 has missed its 31 October: the decision is still owed,
    // and the statement goes to the headteacher in the usual ten working days, over Christmas:
    // 17, 18 December, then 5, 6, 7, 8, 11, 12, 13, 14 January.
    let mut late = meeting("academy-procedure", "Teachers", date(2026, 12, 16));
    late.pay_eligible = true;
    assert_eq!(due(&late, &K::PayDecision).0, date(2026, 10, 31));
    assert_eq!(
        due(&late, &K::StatementToHeadteacher),
        on(date(2027, 1, 14))
    );

    // Support staff, April to March: a February meeting is the final review of 2026-27; pay by
    // Wednesday 31/03/2027, in the Easter holiday: act by Thursday 25/03 (Good Friday 26/03).
    let mut support = meeting("academy-procedure", "Support staff", date(2027, 2, 10));
    support.pay_eligible = true;
    assert_eq!(
        due(&support, &K::PayDecision),
        (
            date(2027, 3, 31),
            Some("Wednesday 31/03/2027, the holiday after the spring term, is not a school day: the last school day before is Thursday 25/03/2027".into())
        )
    );
    assert_eq!(
        due(&support, &K::StatementToHeadteacher),
        on(date(2027, 3, 3))
    );
    // A May meeting sets 2027-28's objectives "as soon as possible after the start" (5.1): the
    // decision on 2026-27 was owed by 31 March, before it, and is not this meeting's.
    let mut objectives = meeting("academy-procedure", "Support staff", date(2027, 5, 12));
    objectives.pay_eligible = true;
    assert!(!has(&objectives, |kind| *kind == K::PayDecision));

    // Fri 16/07/2027 reviews 2026-27: pay by Sunday 31/10/2027, past the entered terms.
    let mut july = meeting("academy-procedure", "Teachers", date(2027, 7, 16));
    july.pay_eligible = true;
    assert_eq!(
        due(&july, &K::PayDecision),
        (
            date(2027, 10, 31),
            Some(format!(
                "Sunday 31/10/2027 is not a school day: the last school day before is Friday 29/10/2027. {PAST_THE_TERMS}"
            ))
        )
    );
    assert_eq!(
        due(&july, &K::StatementToHeadteacher),
        past_the_terms(date(2027, 7, 30))
    );
    // An observation on Thursday 15/07/2027: 16, 19, 20, 21 July, then 22 July counted.
    july.observations.push(Observation {
        date: date(2027, 7, 15),
        ..common::observation()
    });
    let feedback = K::ObservationFeedback {
        observation: id("obs-1"),
        observed_on: date(2027, 7, 15),
        within_hours: None,
    };
    assert_eq!(due(&july, &feedback), past_the_terms(date(2027, 7, 22)));
    assert!(!has(&july, |kind| matches!(kind, K::InterimReview { .. })));
}

/// Seed 003 (trust): "at least two weeks’ notice", the record "completed by no later than two
/// weeks from the date of the annual review meeting", "a programme of termly review meetings …
/// leading up to the next annual review meeting", feedback "within 48 hours".
#[test]
fn seed_003_trust() {
    // The January meeting of the calendar-year cycle: reviews 2026, plans 2027.
    let january = meeting(
        "trust-associate-staff",
        "Associate staff",
        date(2027, 1, 14),
    );
    assert_eq!(
        due(&january, &K::MeetingNotice),
        (
            date(2026, 12, 31),
            Some("Thursday 31/12/2026, the holiday after the autumn term, is not a school day: the last school day before is Friday 18/12/2026".into())
        )
    );
    assert_eq!(
        due(&january, &K::StatementToReviewee),
        on(date(2027, 1, 28))
    );
    assert_eq!(
        due(&january, &K::StatementToHeadteacher),
        on(date(2027, 1, 28))
    );
    let mut sent = january.clone();
    sent.dates.statement_sent_on = Some(date(2027, 1, 25));
    // Five working days would be Monday 01/02; the two weeks end on Thursday 28/01.
    assert_eq!(due(&sent, &K::RevieweeReply), on(date(2027, 1, 28)));
    // A cycle to December: the spring term (early in which the meeting falls) and the summer
    // term end in reviews; the autumn term's end is the next January meeting's.
    assert_eq!(
        interims(&january),
        vec![date(2027, 3, 25), date(2027, 7, 21)]
    );

    // A cycle to May: the June meeting is past the middle of the summer term of 2026; the
    // autumn and spring terms end in reviews; the summer term of 2027 runs past 31 May.
    let june = meeting(
        "trust-associate-staff",
        "Learning support staff and teaching assistants (June cycle)",
        date(2026, 6, 10),
    );
    assert_eq!(interims(&june), vec![date(2026, 12, 18), date(2027, 3, 25)]);
    // Two weeks before, Wednesday 27/05/2026, is half-term (and Monday 25/05 a bank holiday).
    assert_eq!(
        due(&june, &K::MeetingNotice),
        (
            date(2026, 5, 27),
            Some("Wednesday 27/05/2026, Summer half-term, is not a school day: the last school day before is Friday 22/05/2026".into())
        )
    );
    assert_eq!(due(&june, &K::StatementToReviewee), on(date(2026, 6, 24)));

    // Forty-eight hours from an observation on Friday 23/10/2026, the afternoon before
    // half-term, end on Sunday: the Friday itself is the day to give it, not Monday 02/11.
    let mut observed = meeting(
        "trust-associate-staff",
        "Associate staff",
        date(2026, 1, 15),
    );
    let friday = Observation {
        date: date(2026, 10, 23),
        ..common::observation()
    };
    observed.observations.push(friday.clone());
    let feedback = K::ObservationFeedback {
        observation: id("obs-1"),
        observed_on: date(2026, 10, 23),
        within_hours: Some(48),
    };
    let sunday =
        "Sunday 25/10/2026 is not a school day: the last school day before is Friday 23/10/2026";
    assert_eq!(
        due(&observed, &feedback),
        (date(2026, 10, 25), Some(sunday.into()))
    );
    assert_eq!(
        feedback.to_string(),
        "Give feedback on the observation of 23/10/2026 within 48 hours, by the time of day it was held"
    );
    assert_eq!(
        friday.feedback_due_in_words(
            observed.policy.deadlines.observation_feedback,
            &terms_2026_27()
        ),
        format!(
            "Feedback is due by the same time on Sunday 25/10/2026 (48 hours after the observation). {sunday}."
        )
    );
}

/// Seed 004 (secondary): its timeline annex is lost, so seed 001's counts apply; no reviews
/// between meetings and no pay date.
#[test]
fn seed_004_secondary() {
    let mut december = meeting(
        "secondary-support-staff",
        "Support staff",
        date(2026, 12, 16),
    );
    december.pay_eligible = true;
    // Back from 16/12: 15, 14, 11, 10, 9, 8, 7, 4, 3, 2 December.
    assert_eq!(due(&december, &K::MeetingNotice), on(date(2026, 12, 2)));
    // 17, 18 December; the school is closed until Tuesday 05/01/2027; 5, 6, 7 January.
    assert_eq!(
        due(&december, &K::StatementToReviewee),
        on(date(2027, 1, 7))
    );
    assert_eq!(
        due(&december, &K::StatementToHeadteacher),
        on(date(2027, 1, 14))
    );
    assert!(!has(&december, |kind| matches!(
        kind,
        K::InterimReview { .. } | K::PayDecision
    )));

    let july = meeting(
        "secondary-support-staff",
        "Support staff",
        date(2027, 7, 16),
    );
    assert_eq!(
        due(&july, &K::StatementToReviewee),
        past_the_terms(date(2027, 7, 23))
    );
}
