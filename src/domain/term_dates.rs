//! The school's term dates and closures as typed on the settings page: each read from the words
//! and dates given, and the terms checked together (no overlaps, none too long, none across two
//! school years), with the problems named in sentences for the form.

use chrono::NaiveDate;
use std::fmt;

use super::calendar::{Closure, SchoolCalendar, Term};
use super::dates::{DateError, format_uk_date, parse_uk_date};

/// What is wrong with a closure typed on the settings page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClosureProblem {
    NoName,
    FirstDay(DateError),
    LastDay(DateError),
    EndsBeforeItStarts,
}

impl fmt::Display for ClosureProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClosureProblem::NoName => {
                write!(f, "Enter what the closure is, for example “Half term”.")
            }
            ClosureProblem::FirstDay(error) => write!(f, "First day: {error}"),
            ClosureProblem::LastDay(error) => write!(f, "Last day: {error}"),
            ClosureProblem::EndsBeforeItStarts => write!(
                f,
                "The last day is before the first day. Enter the last day on or after the first."
            ),
        }
    }
}

/// A closure from what was typed (dates as dd/mm/yyyy; a one-day closure may leave the last day
/// blank), or every problem with it.
pub fn closure_from(
    name: &str,
    first_day: &str,
    last_day: &str,
) -> Result<Closure, Vec<ClosureProblem>> {
    let (name, first_day, last_day) = named_days(name, first_day, last_day)?;
    Ok(Closure {
        name,
        first_day,
        last_day,
    })
}

/// A term from what was typed, as a closure is (a term's last day may not be left blank), or
/// every problem with it.
pub fn term_from(name: &str, first_day: &str, last_day: &str) -> Result<Term, Vec<ClosureProblem>> {
    if last_day.trim().is_empty() {
        let mut problems = named_days(name, first_day, first_day)
            .err()
            .unwrap_or_default();
        problems.push(ClosureProblem::LastDay(DateError::Empty));
        return Err(problems);
    }
    let (name, first_day, last_day) = named_days(name, first_day, last_day)?;
    Ok(Term {
        name,
        first_day,
        last_day,
    })
}

/// A name and the first and last days of what it names, checked as the settings page needs.
fn named_days(
    name: &str,
    first_day: &str,
    last_day: &str,
) -> Result<(String, NaiveDate, NaiveDate), Vec<ClosureProblem>> {
    let mut problems = Vec::new();
    if name.trim().is_empty() {
        problems.push(ClosureProblem::NoName);
    }
    let first = parse_uk_date(first_day)
        .map_err(|error| problems.push(ClosureProblem::FirstDay(error)))
        .ok();
    let last: Option<NaiveDate> = if last_day.trim().is_empty() {
        first
    } else {
        parse_uk_date(last_day)
            .map_err(|error| problems.push(ClosureProblem::LastDay(error)))
            .ok()
    };
    match (first, last) {
        (Some(first), Some(last)) if problems.is_empty() => {
            if last < first {
                Err(vec![ClosureProblem::EndsBeforeItStarts])
            } else {
                Ok((name.trim().to_owned(), first, last))
            }
        }
        _ => Err(problems),
    }
}

/// The longest a term can be: a school year has three terms of about 13 weeks.
const LONGEST_TERM_DAYS: i64 = 20 * 7;

/// What is wrong with a school's list of terms as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TermsProblem {
    Overlap {
        earlier: String,
        later: String,
    },
    TooLong {
        name: String,
    },
    EndsBeforeItStarts {
        name: String,
    },
    /// Runs across 31 August: a term falls within one school year.
    AcrossSchoolYears {
        name: String,
    },
}

impl fmt::Display for TermsProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TermsProblem::Overlap { earlier, later } => write!(
                f,
                "The {later} starts before the {earlier} ends. Correct the dates so that one term ends before the next begins."
            ),
            TermsProblem::TooLong { name } => write!(
                f,
                "The {name} lasts more than 20 weeks, longer than any school term. Check its first and last days."
            ),
            TermsProblem::AcrossSchoolYears { name } => write!(
                f,
                "The {name} runs past the end of the school year on 31 August. A term falls within one school year, September to August: check its dates."
            ),
            TermsProblem::EndsBeforeItStarts { name } => write!(
                f,
                "The {name} ends before it starts. Enter its last day on or after its first."
            ),
        }
    }
}

/// The year a school year starts in: September 2026 to August 2027 is 2026.
fn school_year(day: NaiveDate) -> i32 {
    use chrono::Datelike;
    if day.month() >= 9 {
        day.year()
    } else {
        day.year() - 1
    }
}

/// The terms in date order, or every problem with them taken together.
pub fn checked_terms(mut terms: Vec<Term>) -> Result<Vec<Term>, Vec<TermsProblem>> {
    terms.sort_by_key(|term| term.first_day);
    let mut problems = Vec::new();
    for term in &terms {
        if term.last_day < term.first_day {
            problems.push(TermsProblem::EndsBeforeItStarts {
                name: term.name.clone(),
            });
        } else if (term.last_day - term.first_day).num_days() > LONGEST_TERM_DAYS {
            problems.push(TermsProblem::TooLong {
                name: term.name.clone(),
            });
        } else if school_year(term.first_day) != school_year(term.last_day) {
            problems.push(TermsProblem::AcrossSchoolYears {
                name: term.name.clone(),
            });
        }
    }
    for pair in terms.windows(2) {
        if pair[1].first_day <= pair[0].last_day {
            problems.push(TermsProblem::Overlap {
                earlier: pair[0].name.clone(),
                later: pair[1].name.clone(),
            });
        }
    }
    if problems.is_empty() {
        Ok(terms)
    } else {
        Err(problems)
    }
}

/// The headteacher is reminded this many days before the last entered term ends.
pub const REMIND_BEFORE_LAST_TERM_ENDS: i64 = 42;

/// What the headteacher is told about the terms entered on `today`: that none are, or that the
/// last ends soon or has ended, since dates after it are counted without the school's holidays
/// and termly reviews after it cannot be dated. `None` while the terms entered run well ahead.
pub fn terms_reminder(calendar: &SchoolCalendar, today: NaiveDate) -> Option<String> {
    let Some(until) = calendar.entered_until() else {
        return Some("No terms are entered: deadlines are counted on every weekday except bank holidays and the closures below, and termly reviews cannot be dated. Add your school’s terms.".to_owned());
    };
    let ends = format_uk_date(until);
    if until < today {
        Some(format!(
            "Your school’s last term entered ended on {ends}. Add next year’s terms so that deadlines skip the holidays and termly reviews can be dated, then publish the settings to staff."
        ))
    } else if (until - today).num_days() <= REMIND_BEFORE_LAST_TERM_ENDS {
        Some(format!(
            "Your school’s terms are entered only until {ends}. Add next year’s terms before then so that deadlines skip the holidays and termly reviews can be dated, then publish the settings to staff."
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(name: &str, first: &str, last: &str) -> Term {
        term_from(name, first, last).unwrap()
    }

    #[test]
    fn terms_are_refused_with_a_sentence_naming_the_term() {
        #[rustfmt::skip]
        let cases = [
            (vec![term("autumn term", "02/09/2026", "18/12/2026"), term("spring term", "05/01/2027", "26/03/2027")], None),
            (vec![term("spring term", "05/01/2027", "26/03/2027"), term("autumn term", "02/09/2026", "18/12/2026")], None),
            (vec![term("autumn term", "02/09/2026", "18/12/2026"), term("spring term", "14/12/2026", "26/03/2027")],
                Some("The spring term starts before the autumn term ends. Correct the dates so that one term ends before the next begins.")),
            (vec![term("summer term", "19/04/2027", "03/09/2027")],
                Some("The summer term runs past the end of the school year on 31 August. A term falls within one school year, September to August: check its dates.")),
            (vec![term("autumn term", "02/09/2026", "26/03/2027")],
                Some("The autumn term lasts more than 20 weeks, longer than any school term. Check its first and last days.")),
        ];
        for (terms, problem) in cases {
            let checked = checked_terms(terms);
            match problem {
                None => {
                    let terms = checked.unwrap();
                    assert!(terms[0].first_day < terms[1].first_day, "sorted by date");
                }
                Some(sentence) => assert_eq!(checked.unwrap_err()[0].to_string(), sentence),
            }
        }
        assert_eq!(
            term_from("summer term", "12/04/2027", "").unwrap_err(),
            vec![ClosureProblem::LastDay(DateError::Empty)]
        );
        assert_eq!(
            term_from("summer term", "12/04/2027", "01/04/2027").unwrap_err(),
            vec![ClosureProblem::EndsBeforeItStarts]
        );
    }

    #[test]
    fn the_headteacher_is_reminded_before_the_last_term_entered_ends() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let summer = SchoolCalendar {
            terms: vec![term_from("Summer term", "12/04/2027", "21/07/2027").unwrap()],
            ..SchoolCalendar::default()
        };
        assert!(
            terms_reminder(&SchoolCalendar::default(), day(2027, 1, 4))
                .unwrap()
                .starts_with("No terms are entered")
        );
        assert_eq!(
            terms_reminder(&summer, day(2027, 6, 8)),
            None,
            "six weeks and a day ahead"
        );
        assert_eq!(
            terms_reminder(&summer, day(2027, 6, 9)).as_deref(),
            Some(
                "Your school’s terms are entered only until 21/07/2027. Add next year’s terms before then so that deadlines skip the holidays and termly reviews can be dated, then publish the settings to staff."
            )
        );
        assert!(
            terms_reminder(&summer, day(2027, 7, 22))
                .unwrap()
                .starts_with("Your school’s last term entered ended on 21/07/2027.")
        );
    }
}
