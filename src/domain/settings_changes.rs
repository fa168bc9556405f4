//! What a new version of the school's settings would change, a line each in the words the
//! settings page uses: terms and closures added, moved or removed, and the policy's figures.

use chrono::NaiveDate;

use super::calendar::SchoolCalendar;
use super::dates::format_uk_date;
use super::policy::{AppealRoute, InterimReviews, Policy};

/// Two dates as a span: "02/09/2026–18/12/2026", or one date for a single day.
fn span(first: NaiveDate, last: NaiveDate) -> String {
    if first == last {
        format_uk_date(first)
    } else {
        format!("{}–{}", format_uk_date(first), format_uk_date(last))
    }
}

/// What moving from one calendar to another changes, a line each, terms then closures, in the
/// order the calendars keep them (by date): "Autumn term: 02/09/2026–18/12/2026 added", "Closure
/// ‘Training day’ 04/01/2027 removed". A term (or a closure) whose name appears once on each side
/// with other dates is one line: "Spring term: 05/01/2027–26/03/2027 → 04/01/2027–26/03/2027".
pub fn calendar_changes(held: &SchoolCalendar, incoming: &SchoolCalendar) -> Vec<String> {
    let mut lines = named_spans_changes(&term_spans(held), &term_spans(incoming), |name| {
        format!("{name}:")
    });
    lines.extend(named_spans_changes(
        &closure_spans(held),
        &closure_spans(incoming),
        |name| format!("Closure ‘{name}’"),
    ));
    lines
}

/// A term or closure as the change list compares them: its name, first and last days.
type Span<'a> = (&'a str, NaiveDate, NaiveDate);

fn term_spans(calendar: &SchoolCalendar) -> Vec<Span<'_>> {
    calendar
        .terms
        .iter()
        .map(|t| (t.name.as_str(), t.first_day, t.last_day))
        .collect()
}

fn closure_spans(calendar: &SchoolCalendar) -> Vec<Span<'_>> {
    calendar
        .closures
        .iter()
        .map(|c| (c.name.as_str(), c.first_day, c.last_day))
        .collect()
}

/// The lines for one kind of named span (terms or closures): those only in `held` removed (or,
/// for a name found once on each side, moved), then those only in `incoming` added.
fn named_spans_changes(
    held: &[Span],
    incoming: &[Span],
    label: impl Fn(&str) -> String,
) -> Vec<String> {
    let removed: Vec<_> = held.iter().filter(|s| !incoming.contains(s)).collect();
    let added: Vec<_> = incoming.iter().filter(|s| !held.contains(s)).collect();
    let once = |list: &[&Span], name: &str| list.iter().filter(|s| s.0 == name).count() == 1;
    let moved = |name: &str| once(&removed, name) && once(&added, name);
    let mut lines = Vec::new();
    for old in &removed {
        lines.push(
            match added.iter().find(|new| new.0 == old.0 && moved(old.0)) {
                Some(new) => format!(
                    "{} {} → {}",
                    label(old.0),
                    span(old.1, old.2),
                    span(new.1, new.2)
                ),
                None => format!("{} {} removed", label(old.0), span(old.1, old.2)),
            },
        );
    }
    for new in added.iter().filter(|new| !moved(new.0)) {
        lines.push(format!("{} {} added", label(new.0), span(new.1, new.2)));
    }
    lines
}

/// What moving from the held policy (if any) to another changes, a line each, in the words
/// Settings uses: "Most new objectives: 3 → 4", "Statement to the reviewee: 5 working days → 10
/// working days". Anything else that differs is one closing line, so no change goes unmentioned.
pub fn policy_changes(held: Option<&Policy>, incoming: &Policy) -> Vec<String> {
    let Some(held) = held else {
        return vec![format!("Policy: {} (none chosen before)", incoming.name)];
    };
    let mut lines = Vec::new();
    let mut line = |label: &str, before: String, after: String| {
        if before != after {
            lines.push(format!("{label}: {before} → {after}"));
        }
    };
    line("Policy", held.name.clone(), incoming.name.clone());
    line(
        "Most new objectives",
        held.max_objectives.to_string(),
        incoming.max_objectives.to_string(),
    );
    let (old, new) = (&held.deadlines, &incoming.deadlines);
    let periods = [
        (
            "Notice of the meeting",
            old.notice_before_meeting,
            new.notice_before_meeting,
        ),
        (
            "Statement to the reviewee",
            old.statement_after_meeting,
            new.statement_after_meeting,
        ),
        (
            "Reviewee’s reply",
            old.reply_after_statement,
            new.reply_after_statement,
        ),
        (
            "Statement to the headteacher",
            old.headteacher_after_meeting,
            new.headteacher_after_meeting,
        ),
        (
            "Feedback after an observation",
            old.observation_feedback,
            new.observation_feedback,
        ),
    ];
    for (label, before, after) in periods {
        line(label, before.to_string(), after.to_string());
    }
    let within = |period: Option<super::calendar::Period>| {
        period.map_or_else(|| "no limit".to_owned(), |p| p.to_string())
    };
    line(
        "Whole record completed within",
        within(old.record_within),
        within(new.record_within),
    );
    line(
        "Keeping records",
        format!("{} years", held.retention_years),
        format!("{} years", incoming.retention_years),
    );
    let linked = |yes: bool| {
        if yes {
            "linked to appraisal"
        } else {
            "not linked"
        }
        .to_owned()
    };
    line(
        "Pay progression",
        linked(held.pay_progression),
        linked(incoming.pay_progression),
    );
    let assessed = |yes: bool| if yes { "assessed" } else { "not used" }.to_owned();
    line(
        "The 10 standards",
        assessed(held.ten_standards_apply),
        assessed(incoming.ten_standards_apply),
    );
    let limit = |limit: Option<u32>| limit.map_or_else(|| "no limit".to_owned(), |n| n.to_string());
    line(
        "Most observations a cycle",
        limit(held.max_observations),
        limit(incoming.max_observations),
    );
    let firm = |firm: bool| if firm { "a rule" } else { "a guide" }.to_owned();
    line(
        "The objective limit",
        firm(held.objectives_limit_firm),
        firm(incoming.objectives_limit_firm),
    );
    let reviews = |limit: Option<super::policy::ReviewLimit>| match limit {
        None => "no limit".to_owned(),
        Some(limit) if limit.senior_leaders_exempt => {
            format!("{} (the senior team exempt)", limit.max_reviews)
        }
        Some(limit) => limit.max_reviews.to_string(),
    };
    line(
        "Most reviews per reviewer",
        reviews(held.review_limit),
        reviews(incoming.review_limit),
    );
    let between = |policy: &Policy| {
        let kind = match policy.interim_reviews {
            InterimReviews::None => "none",
            InterimReviews::MidYear => "one at mid-year",
            InterimReviews::Termly => "one each term",
        };
        if policy.interim_optional && policy.interim_reviews != InterimReviews::None {
            format!("{kind}, if both choose")
        } else {
            kind.to_owned()
        }
    };
    line("Reviews between meetings", between(held), between(incoming));
    let plan = |rules: Option<super::policy::SupportPlanRules>| {
        rules.map_or_else(
            || "no period set".to_owned(),
            |rules| {
                format!(
                    "{} to {}, extended by up to {}",
                    rules.shortest, rules.longest, rules.longest_extension
                )
            },
        )
    };
    line(
        "Support plan monitoring",
        plan(held.support_plan),
        plan(incoming.support_plan),
    );
    line(
        "Appeals heard by",
        appeals(held.appeals).to_owned(),
        appeals(incoming.appeals).to_owned(),
    );
    line(
        "Time to appeal",
        within(held.appeal_within),
        within(incoming.appeal_within),
    );
    line(
        "Appeal decided within",
        within(held.appeal_decided_within),
        within(incoming.appeal_decided_within),
    );
    let due = |day: Option<super::policy::DayOfYear>| {
        day.and_then(|day| {
            let month = chrono::Month::try_from(u8::try_from(day.month).ok()?).ok()?;
            Some(format!("{} {}", day.day, month.name()))
        })
        .unwrap_or_else(|| "no date".to_owned())
    };
    line(
        "Training needs due by",
        due(held.training_needs_by),
        due(incoming.training_needs_by),
    );
    line(
        "Training needs go to",
        held.training_needs_receiver().to_owned(),
        incoming.training_needs_receiver().to_owned(),
    );
    let left_out = |policy: &Policy| {
        if policy.exclusions.is_empty() {
            "nobody".to_owned()
        } else {
            policy
                .exclusions
                .iter()
                .map(|exclusion| exclusion.staff())
                .collect::<Vec<_>>()
                .join("; ")
        }
    };
    line(
        "Who the policy leaves out",
        left_out(held),
        left_out(incoming),
    );
    let cycles = |policy: &Policy| {
        policy
            .cycles
            .iter()
            .map(|cycle| {
                let month = u8::try_from(cycle.start_month)
                    .ok()
                    .and_then(|month| chrono::Month::try_from(month).ok())
                    .map_or("?", |month| month.name());
                format!(
                    "{}: from {month}, {} months",
                    cycle.staff_group, cycle.length_months
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    line("Cycles", cycles(held), cycles(incoming));
    // Whatever is not named above: the held policy with the named figures taken from the new
    // one still differs from it.
    let mut rest = held.clone();
    rest.name.clone_from(&incoming.name);
    rest.max_objectives = incoming.max_objectives;
    rest.deadlines = incoming.deadlines;
    rest.retention_years = incoming.retention_years;
    rest.pay_progression = incoming.pay_progression;
    rest.ten_standards_apply = incoming.ten_standards_apply;
    rest.max_observations = incoming.max_observations;
    rest.objectives_limit_firm = incoming.objectives_limit_firm;
    rest.review_limit = incoming.review_limit;
    rest.interim_reviews = incoming.interim_reviews;
    rest.interim_optional = incoming.interim_optional;
    rest.support_plan = incoming.support_plan;
    rest.appeals = incoming.appeals;
    rest.appeal_within = incoming.appeal_within;
    rest.appeal_decided_within = incoming.appeal_decided_within;
    rest.training_needs_by = incoming.training_needs_by;
    rest.training_needs_receiver
        .clone_from(&incoming.training_needs_receiver);
    rest.exclusions.clone_from(&incoming.exclusions);
    rest.cycles.clone_from(&incoming.cycles);
    if rest != *incoming {
        lines.push(
            "Other details of the policy change: Settings shows the policy in full once you use these settings."
                .to_owned(),
        );
    }
    lines
}

/// Who hears an appeal against the statement under `route`, in the change list's words.
fn appeals(route: AppealRoute) -> &'static str {
    match route {
        AppealRoute::Headteacher => "the headteacher",
        AppealRoute::HeadteacherOrGoverningBody => {
            "the headteacher, or the governing body when the headteacher reviews"
        }
        AppealRoute::PayPolicy => "the pay policy, for pay decisions only",
        AppealRoute::None => "nobody: no appeal",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::{Closure, Term};
    use crate::domain::term_dates::{closure_from, term_from};

    fn term(name: &str, first: &str, last: &str) -> Term {
        term_from(name, first, last).unwrap()
    }

    fn closure(name: &str, first: &str, last: &str) -> Closure {
        closure_from(name, first, last).unwrap()
    }

    #[test]
    fn a_new_calendar_is_described_a_line_for_each_change() {
        let autumn = term("Autumn term", "02/09/2026", "18/12/2026");
        let spring = term("Spring term", "05/01/2027", "26/03/2027");
        let half_term = closure("Half term", "26/10/2026", "30/10/2026");
        let training = closure("Training day", "04/01/2027", "");
        let calendar = |terms: &[&Term], closures: &[&Closure]| SchoolCalendar {
            terms: terms.iter().map(|t| (*t).clone()).collect(),
            closures: closures.iter().map(|c| (*c).clone()).collect(),
        };
        #[rustfmt::skip]
        let cases: Vec<(SchoolCalendar, SchoolCalendar, Vec<&str>)> = vec![
            (calendar(&[], &[]), calendar(&[], &[]), vec![]),
            (calendar(&[&autumn], &[&half_term]), calendar(&[&autumn], &[&half_term]), vec![]),
            (calendar(&[], &[]), calendar(&[&autumn], &[]), vec!["Autumn term: 02/09/2026–18/12/2026 added"]),
            (calendar(&[&autumn, &spring], &[]), calendar(&[&autumn], &[]), vec!["Spring term: 05/01/2027–26/03/2027 removed"]),
            (calendar(&[&autumn], &[]), calendar(&[&term("Autumn term", "02/09/2026", "16/12/2026")], &[]),
                vec!["Autumn term: 02/09/2026–18/12/2026 → 02/09/2026–16/12/2026"]),
            (calendar(&[], &[&training]), calendar(&[], &[]), vec!["Closure ‘Training day’ 04/01/2027 removed"]),
            (calendar(&[], &[&half_term]), calendar(&[], &[&half_term, &training]), vec!["Closure ‘Training day’ 04/01/2027 added"]),
            (calendar(&[], &[&half_term]), calendar(&[], &[&closure("Half term", "27/10/2026", "30/10/2026")]),
                vec!["Closure ‘Half term’ 26/10/2026–30/10/2026 → 27/10/2026–30/10/2026"]),
            // Two training days of one name: which moved cannot be told, so each is named.
            (calendar(&[], &[&training, &closure("Training day", "05/01/2027", "")]),
                calendar(&[], &[&closure("Training day", "06/01/2027", ""), &closure("Training day", "07/01/2027", "")]),
                vec!["Closure ‘Training day’ 04/01/2027 removed", "Closure ‘Training day’ 05/01/2027 removed",
                     "Closure ‘Training day’ 06/01/2027 added", "Closure ‘Training day’ 07/01/2027 added"]),
            // Terms first, then closures, each in the calendar's (date) order.
            (calendar(&[], &[]), calendar(&[&autumn, &spring], &[&half_term, &training]),
                vec!["Autumn term: 02/09/2026–18/12/2026 added", "Spring term: 05/01/2027–26/03/2027 added",
                     "Closure ‘Half term’ 26/10/2026–30/10/2026 added", "Closure ‘Training day’ 04/01/2027 added"]),
        ];
        for (held, incoming, expected) in cases {
            assert_eq!(
                calendar_changes(&held, &incoming),
                expected,
                "{held:?} → {incoming:?}"
            );
        }
    }

    #[test]
    fn a_new_policy_is_described_in_the_words_settings_uses() {
        let held = super::super::presets::all_presets().remove(0);
        let with = |change: &dyn Fn(&mut Policy)| {
            let mut policy = held.clone();
            change(&mut policy);
            policy
        };
        let other = super::super::presets::all_presets().remove(1);
        #[rustfmt::skip]
        let cases: Vec<(Option<&Policy>, Policy, Vec<String>)> = vec![
            (Some(&held), held.clone(), vec![]),
            (None, held.clone(), vec![format!("Policy: {} (none chosen before)", held.name)]),
            (Some(&held), with(&|p| p.max_objectives = held.max_objectives + 1),
                vec![format!("Most new objectives: {} → {}", held.max_objectives, held.max_objectives + 1)]),
            (Some(&held), with(&|p| p.deadlines.statement_after_meeting = super::super::calendar::Period::working_days(12)),
                vec![format!("Statement to the reviewee: {} → 12 working days", held.deadlines.statement_after_meeting)]),
            (Some(&held), with(&|p| p.retention_years = 7),
                vec![format!("Keeping records: {} years → 7 years", held.retention_years)]),
            (Some(&held), with(&|p| p.pay_progression = !held.pay_progression),
                vec![if held.pay_progression { "Pay progression: linked to appraisal → not linked" } else { "Pay progression: not linked → linked to appraisal" }.to_owned()]),
            (Some(&held), with(&|p| p.max_observations = Some(held.max_observations.unwrap_or(0) + 1)),
                vec![format!("Most observations a cycle: {} → {}", held.max_observations.map_or_else(|| "no limit".to_owned(), |n| n.to_string()), held.max_observations.unwrap_or(0) + 1)]),
            (Some(&held), with(&|p| p.appeal_within = Some(super::super::calendar::Period::working_days(10))),
                vec![format!("Time to appeal: {} → 10 working days", held.appeal_within.map_or_else(|| "no limit".to_owned(), |p| p.to_string()))]),
            (Some(&held), with(&|p| p.exclusions = vec![super::super::policy::Exclusion::Probation, super::super::policy::Exclusion::AgencyStaff]),
                vec![format!("Who the policy leaves out: {} → staff in their probationary period; agency staff", if held.exclusions.is_empty() { "nobody".to_owned() } else { held.exclusions.iter().map(|e| e.staff()).collect::<Vec<_>>().join("; ") })]),
            (Some(&held), with(&|p| p.summary = "Another summary".into()),
                vec!["Other details of the policy change: Settings shows the policy in full once you use these settings.".to_owned()]),
        ];
        for (held, incoming, expected) in cases {
            assert_eq!(policy_changes(held, &incoming), expected);
        }
        let to_other = policy_changes(Some(&held), &other);
        assert_eq!(
            to_other[0],
            format!("Policy: {} → {}", held.name, other.name)
        );
    }
}
