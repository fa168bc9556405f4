//! The CPD leader's list for the training audit (seed 001: training needs feed the school's
//! training plan; seed 004 Annex 4: the business manager receives them): every training need
//! received, grouped by theme, with who needs it and the action agreed, and the list as a CSV a
//! spreadsheet opens safely ([`super::csv`]).

use super::documents::{CpdNeeds, CpdTheme};
use super::people::PersonRef;

/// One review's training needs with whose they are: the review's own reviewee and reviewer (as
/// their files name them), never the names typed into the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedsOf {
    pub reviewee: PersonRef,
    pub reviewer: PersonRef,
    pub needs: CpdNeeds,
}

/// One need, with whose it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedRow {
    pub name: String,
    pub job_title: String,
    pub reviewer: String,
    pub need: String,
    pub action: String,
}

/// The needs of one theme, by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeGroup {
    pub theme: CpdTheme,
    pub needs: Vec<NeedRow>,
}

/// Every need in `received`, grouped by theme in the form's order, each group sorted by name (then
/// job title and reviewer, which tell two people of one name apart); themes with no needs are
/// left out, and so are needs with nothing written.
pub fn needs_by_theme(received: &[NeedsOf]) -> Vec<ThemeGroup> {
    CpdTheme::ALL
        .iter()
        .map(|theme| {
            let mut needs: Vec<NeedRow> = received
                .iter()
                .flat_map(|whose| {
                    whose
                        .needs
                        .needs
                        .iter()
                        .filter(|need| need.theme == *theme && !need.need.trim().is_empty())
                        .map(move |need| NeedRow {
                            name: whose.reviewee.name.trim().to_owned(),
                            job_title: whose.reviewee.job_title.trim().to_owned(),
                            reviewer: whose.reviewer.name.trim().to_owned(),
                            need: need.need.trim().to_owned(),
                            action: need.action.trim().to_owned(),
                        })
                })
                .collect();
            needs.sort_by(|a, b| {
                (&a.name, &a.job_title, &a.reviewer, &a.need).cmp(&(
                    &b.name,
                    &b.job_title,
                    &b.reviewer,
                    &b.need,
                ))
            });
            ThemeGroup {
                theme: *theme,
                needs,
            }
        })
        .filter(|group| !group.needs.is_empty())
        .collect()
}

/// The needs received, a line per theme for the CPD leader's Home: "Safeguarding: 30 needs".
pub fn themes_in_words(groups: &[ThemeGroup]) -> Vec<String> {
    groups
        .iter()
        .map(|group| {
            let count = group.needs.len();
            format!(
                "{}: {count} {}",
                group.theme.label(),
                if count == 1 { "need" } else { "needs" }
            )
        })
        .collect()
}

/// The list as CSV for the training audit: a header row, then a row per need.
pub fn needs_csv(groups: &[ThemeGroup]) -> String {
    let mut rows = vec![vec![
        "Theme",
        "Name",
        "Job title",
        "Reviewer",
        "Need",
        "Action agreed",
    ]];
    for group in groups {
        for row in &group.needs {
            rows.push(vec![
                group.theme.label(),
                &row.name,
                &row.job_title,
                &row.reviewer,
                &row.need,
                &row.action,
            ]);
        }
    }
    super::csv::csv(&rows)
}
