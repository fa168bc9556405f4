//! What needs the headteacher, as the top of Home: each concern counted from the desk's rows (and
//! the few the staff list and the retention rule add), a sentence with its number, and the word
//! in the address that makes the page it links to show exactly the reviews counted.

use chrono::NaiveDate;

use super::cycle::Suspension;
use super::dates::format_uk_date;
use super::desk::{DeskRow, PayStanding};
use super::moderation::moderation;
use super::period::CyclePeriod;

/// One thing the headteacher may need to act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Concern {
    /// Appeals without an outcome, overdue ones first.
    AppealsToDecide,
    /// Final statements that reached the headteacher late, or have not and are past due.
    LateStatements,
    /// Pay decisions not yet recorded.
    PayDecisionsLeft,
    /// Reviewers whose pattern moderation flags.
    ReviewersFlagged,
    /// Moderation notes sent and not yet answered.
    NotesUnanswered,
    /// Members of the staff list whose review has not reached the desk.
    NotStarted,
    /// Reviews with a support plan or the capability procedure running.
    SupportPlans,
    /// Reviews held past the policy's retention years.
    PastRetention,
}

impl Concern {
    /// Every concern in the order Home lists them: what has a legal clock first.
    pub const ALL: [Concern; 8] = [
        Concern::AppealsToDecide,
        Concern::LateStatements,
        Concern::PayDecisionsLeft,
        Concern::NotesUnanswered,
        Concern::ReviewersFlagged,
        Concern::NotStarted,
        Concern::SupportPlans,
        Concern::PastRetention,
    ];

    /// The word in a page's address (`?show=late`) that narrows it to this concern.
    pub fn word(self) -> &'static str {
        match self {
            Concern::AppealsToDecide => "undecided",
            Concern::LateStatements => "late",
            Concern::PayDecisionsLeft => "to-decide",
            Concern::ReviewersFlagged => "flagged",
            Concern::NotesUnanswered => "unanswered",
            Concern::NotStarted => "not-started",
            Concern::SupportPlans => "support-plans",
            Concern::PastRetention => "past-retention",
        }
    }

    /// The concern an address names, if any.
    pub fn from_word(word: &str) -> Option<Concern> {
        Concern::ALL
            .into_iter()
            .find(|concern| concern.word() == word)
    }

    /// What a page narrowed to this concern shows, for the line saying so.
    pub fn narrowed_to(self) -> &'static str {
        match self {
            Concern::AppealsToDecide => {
                "appeals not yet decided, those past the school’s time limit first"
            }
            Concern::LateStatements => {
                "final statements that reached you after the policy’s date or have not reached you"
            }
            Concern::PayDecisionsLeft => "pay decisions still to make",
            Concern::ReviewersFlagged => "the reviewers who stand out",
            Concern::NotesUnanswered => {
                "reviews whose moderation note the reviewer has not answered"
            }
            Concern::NotStarted => "members of staff whose review is not on your desk yet",
            Concern::SupportPlans => {
                "reviews with a support plan or the capability procedure running"
            }
            Concern::PastRetention => "records past the years your policy keeps them",
        }
    }

    /// Whether `row` is one this concern counts. Concerns that are not about single
    /// reviews (flagged reviewers, the staff list, retention) count no row.
    pub fn counts(self, row: &DeskRow) -> bool {
        match self {
            Concern::AppealsToDecide => row
                .appeal
                .as_ref()
                .is_some_and(|appeal| appeal.outcome.is_none()),
            Concern::LateStatements => row.timeliness.is_late(),
            Concern::PayDecisionsLeft => row
                .pay
                .as_ref()
                .is_some_and(|pay| !PayStanding::is_decided(pay)),
            Concern::NotesUnanswered => row
                .moderation_note
                .as_ref()
                .is_some_and(|note| note.awaits_answer()),
            Concern::SupportPlans => row.suspension.is_some(),
            Concern::ReviewersFlagged | Concern::NotStarted | Concern::PastRetention => false,
        }
    }

    /// Whether the page narrowed to this concern looks at one cycle (the desk's and
    /// moderation's) rather than every review held (appeals and pay decisions, whose pages list
    /// them all).
    fn in_one_cycle(self) -> bool {
        !matches!(self, Concern::AppealsToDecide | Concern::PayDecisionsLeft)
    }
}

/// What the desk's rows cannot tell: counted by the use cases from the staff list and the
/// retention rule.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Beyond {
    /// Members whose review for the latest cycle has not reached the desk.
    pub not_started: usize,
    /// Reviews held past their retention years.
    pub past_retention: usize,
}

/// One line of the to-do list: "3 appeals to decide, 1 overdue (since 01/12/2026)".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToDoLine {
    pub concern: Concern,
    pub count: usize,
    /// How many of them are past a legal or policy date, shown first and in red.
    pub overdue: usize,
    pub sentence: String,
}

/// The cycle the desk and moderation open on: the latest of the rows.
pub fn latest_cycle(rows: &[DeskRow]) -> Option<CyclePeriod> {
    rows.iter()
        .map(|row| row.period)
        .max_by_key(|cycle| cycle.first_day)
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// The headteacher's to-do list on `today`: a line for each concern with something in it, in
/// [`Concern::ALL`] order, overdue ones before the rest. Empty when nothing needs them.
pub fn heads_to_do(rows: &[DeskRow], beyond: Beyond, today: NaiveDate) -> Vec<ToDoLine> {
    let cycle = latest_cycle(rows);
    let in_scope = |concern: Concern| {
        rows.iter()
            .filter(move |row| !concern.in_one_cycle() || Some(row.period) == cycle)
            .filter(move |row| concern.counts(row))
    };
    let mut lines: Vec<ToDoLine> = Concern::ALL
        .into_iter()
        .filter_map(|concern| {
            let (count, overdue, sentence) = match concern {
                Concern::AppealsToDecide => {
                    let open: Vec<&DeskRow> = in_scope(concern).collect();
                    let overdue: Vec<NaiveDate> = open
                        .iter()
                        .filter_map(|row| row.appeal.as_ref())
                        .filter(|appeal| appeal.is_overdue(today))
                        .filter_map(|appeal| appeal.due)
                        .collect();
                    let mut sentence = plural(open.len(), "appeal to decide", "appeals to decide");
                    if let Some(first) = overdue.iter().min() {
                        sentence.push_str(&format!(
                            ", {} past the school’s time limit (the first was due {})",
                            overdue.len(),
                            format_uk_date(*first)
                        ));
                    }
                    (open.len(), overdue.len(), sentence)
                }
                Concern::LateStatements => {
                    let late: Vec<&DeskRow> = in_scope(concern).collect();
                    let missing = late
                        .iter()
                        .filter(|row| row.timeliness == super::desk::Timeliness::Overdue)
                        .count();
                    let sentence = if missing == 0 {
                        format!(
                            "{} reached you after the policy’s date",
                            plural(late.len(), "final statement", "final statements")
                        )
                    } else {
                        format!(
                            "{} late: {missing} not yet with you, {} reached you after the policy’s date",
                            plural(late.len(), "final statement", "final statements"),
                            late.len() - missing
                        )
                    };
                    (late.len(), missing, sentence)
                }
                Concern::PayDecisionsLeft => {
                    let left: Vec<&DeskRow> = in_scope(concern).collect();
                    let first_due = left
                        .iter()
                        .filter_map(|row| row.pay.as_ref()?.due)
                        .min();
                    let overdue = left
                        .iter()
                        .filter(|row| {
                            row.pay
                                .as_ref()
                                .and_then(|pay| pay.due)
                                .is_some_and(|due| due < today)
                        })
                        .count();
                    let mut sentence =
                        plural(left.len(), "pay decision to make", "pay decisions to make");
                    if let Some(due) = first_due {
                        sentence.push_str(&format!(
                            " by the policy’s date, {}",
                            format_uk_date(due)
                        ));
                    }
                    (left.len(), overdue, sentence)
                }
                Concern::NotesUnanswered => {
                    let count = in_scope(concern).count();
                    let sentence = format!(
                        "{} not answered yet by the reviewer",
                        plural(count, "moderation note", "moderation notes")
                    );
                    (count, 0, sentence)
                }
                Concern::ReviewersFlagged => {
                    let in_cycle: Vec<&DeskRow> = rows
                        .iter()
                        .filter(|row| Some(row.period) == cycle)
                        .collect();
                    let flagged: Vec<String> = moderation(in_cycle)
                        .reviewers
                        .into_iter()
                        .filter(|reviewer| !reviewer.flags.is_empty())
                        .map(|reviewer| reviewer.reviewer)
                        .collect();
                    let sentence = format!(
                        "{} stand{} out in moderation: {}",
                        plural(flagged.len(), "reviewer", "reviewers"),
                        if flagged.len() == 1 { "s" } else { "" },
                        flagged.join(", ")
                    );
                    (flagged.len(), 0, sentence)
                }
                Concern::NotStarted => (
                    beyond.not_started,
                    0,
                    format!(
                        "{} on the staff list not on your desk yet",
                        plural(beyond.not_started, "review", "reviews")
                    ),
                ),
                Concern::SupportPlans => {
                    let running: Vec<&DeskRow> = in_scope(concern).collect();
                    let capability = running
                        .iter()
                        .filter(|row| row.suspension == Some(Suspension::Capability))
                        .count();
                    let mut sentence =
                        plural(running.len(), "support plan running", "support plans running");
                    if capability > 0 {
                        sentence.push_str(&format!(
                            ", {capability} under the formal capability procedure"
                        ));
                    }
                    (running.len(), 0, sentence)
                }
                Concern::PastRetention => (
                    beyond.past_retention,
                    beyond.past_retention,
                    format!(
                        "{} past the years your policy keeps them",
                        plural(beyond.past_retention, "review’s records", "reviews’ records")
                    ),
                ),
            };
            (count > 0).then_some(ToDoLine {
                concern,
                count,
                overdue,
                sentence,
            })
        })
        .collect();
    lines.sort_by_key(|line| line.overdue == 0);
    lines
}
