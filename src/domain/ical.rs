//! A review's meeting and open deadlines as an iCalendar (RFC 5545) file, so a person can add
//! them to whatever calendar they use. All-day events: the policies count in days.

use chrono::{DateTime, NaiveDate, Timelike, Utc};

use super::cycle::Review;
use super::dates::format_basic_iso_date;
use super::deadlines::Deadline;

/// Escapes text for an iCalendar value.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Folds a content line to at most 75 octets per line, as the format requires.
fn fold(line: &str) -> String {
    let mut folded = String::new();
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            folded.push_str("\r\n ");
            width = 1;
        }
        folded.push(c);
        width += c.len_utf8();
    }
    folded.push_str("\r\n");
    folded
}

fn event(uid: &str, day: NaiveDate, summary: &str, stamp: DateTime<Utc>) -> String {
    let next = day.succ_opt().unwrap_or(day);
    [
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{uid}@appraise.invalid"),
        format!(
            "DTSTAMP:{}T{:02}{:02}{:02}Z",
            format_basic_iso_date(stamp.date_naive()),
            stamp.hour(),
            stamp.minute(),
            stamp.second()
        ),
        format!("DTSTART;VALUE=DATE:{}", format_basic_iso_date(day)),
        format!("DTEND;VALUE=DATE:{}", format_basic_iso_date(next)),
        format!("SUMMARY:{}", escape(summary)),
        "TRANSP:TRANSPARENT".to_owned(),
        "END:VEVENT".to_owned(),
    ]
    .iter()
    .map(|line| fold(line))
    .collect()
}

/// The meeting (when set) and every deadline not yet met, as one calendar file. `now` stamps
/// the events; ids are stable per review, so importing again updates rather than duplicates.
pub fn calendar_for(review: &Review, deadlines: &[Deadline], now: DateTime<Utc>) -> String {
    let who = format!("{} with {}", review.reviewee.name, review.reviewer.name);
    let mut file = fold("BEGIN:VCALENDAR")
        + &fold("VERSION:2.0")
        + &fold("PRODID:-//Appraise//Appraisal dates//EN")
        + &fold("CALSCALE:GREGORIAN");
    if let Some(day) = review.dates.meeting_on {
        file += &event(
            &format!("{}-meeting", review.id),
            day,
            &format!("Appraisal meeting: {who}"),
            now,
        );
    }
    for deadline in deadlines.iter().filter(|d| !d.done) {
        file += &event(
            &format!("{}-{:?}", review.id, deadline.kind).to_lowercase(),
            deadline.due,
            &format!("Appraisal deadline: {} ({who})", deadline.kind),
            now,
        );
    }
    file + &fold("END:VCALENDAR")
}
