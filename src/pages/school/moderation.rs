//! Moderation: for one cycle, each reviewer's ratings, objectives and pay recommendations beside
//! the school's, drawn as bar charts with the numbers in a table beneath each; the reviewers
//! whose pattern stands out, with why; and any two statements side by side.

use leptos::prelude::*;

use crate::use_cases::sending::ReviewFile;

use super::{CycleChoice, DeskRows, Reading, ReviewChoice, chosen_row};
use crate::autosave::{Draft, save_on_leaving};
use crate::components::{DocumentView, DraftTextArea, SaveIndicator};
use crate::domain::dates::format_uk_date;
use crate::domain::desk::DeskRow;
use crate::domain::documents::ProgressRating;
use crate::domain::documents::{Document, ModerationNote};
use crate::domain::moderation::{
    FEWEST_REVIEWS_COMPARED, Moderation, OBJECTIVES_GAP_FLAGGED_TENTHS, Pattern, SHARE_GAP_FLAGGED,
    moderation, tenths,
};
use crate::domain::people::Role;
use crate::domain::reading::{StatementShape, statement};
use crate::pages::send::{EncryptChoice, SentNotice, send_review_file};
use crate::state::use_storage;
use crate::use_cases::reviews;

#[component]
pub fn ModerationPage() -> impl IntoView {
    crate::pages::set_page_title("Moderation");
    let rows = DeskRows::read();
    let cycle = CycleChoice::new(rows);
    let reading = Reading::of(rows);
    let in_cycle = Memo::new(move |_| {
        let chosen = cycle.chosen();
        rows.with(|rows| {
            rows.as_ref()
                .and_then(|rows| rows.as_ref().ok())
                .map(|rows| {
                    rows.iter()
                        .filter(|row| Some(row.period) == chosen)
                        .cloned()
                        .collect::<Vec<DeskRow>>()
                })
                .unwrap_or_default()
        })
    });
    let figures = Memo::new(move |_| in_cycle.with(|rows| moderation(rows)));
    view! {
        <h1>"Moderation"</h1>
        <p>{format!("Each reviewer’s ratings, objectives and pay recommendations beside the whole school’s, for the reviews on your desk. A reviewer is flagged where a share differs from the school’s by {SHARE_GAP_FLAGGED} percentage points or more, or their objectives per review by {} or more; reviewers with fewer than {FEWEST_REVIEWS_COMPARED} reviews are not flagged. These figures are Appraise’s choice: no policy sets them.", tenths(OBJECTIVES_GAP_FLAGGED_TENTHS))}</p>
        {move || match reading.get() {
            Reading::Underway => view! { <p role="status">"Reading the reviews…"</p> }.into_any(),
            Reading::Failed(reason) => view! { <p class="problem">{reason}</p> }.into_any(),
            Reading::NothingHeld => view! {
                <p class="empty">"No reviews are on your desk yet, so there is nothing to compare."</p>
            }.into_any(),
            Reading::Done => view! {
                <div class="filters no-print">{cycle.select("moderation-cycle")}</div>
                {move || view! { <Findings figures=figures.get() /> }}
                {move || view! { <RatingsChart figures=figures.get() /> }}
                {move || view! { <ObjectivesChart figures=figures.get() /> }}
                <SideBySide rows=in_cycle />
                <ModerationNotes rows=in_cycle />
            }.into_any(),
        }}
    }
}

/// The reviewers whose pattern stands out, each reason a sentence.
#[component]
fn Findings(figures: Moderation) -> impl IntoView {
    let flagged: Vec<_> = figures
        .reviewers
        .into_iter()
        .filter(|reviewer| !reviewer.flags.is_empty())
        .collect();
    view! {
        <h2>"What stands out"</h2>
        {if flagged.is_empty() {
            view! { <p>"No reviewer’s pattern stands out from the school’s this cycle."</p> }.into_any()
        } else {
            view! {
                <ul class="list flagged">
                    {flagged.into_iter().map(|reviewer| view! {
                        <li>
                            <strong>{reviewer.reviewer}</strong>
                            <ul class="list">
                                {reviewer.flags.into_iter().map(|flag| view! { <li>{flag.reason()}</li> }).collect_view()}
                            </ul>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

/// The whole school first, then each reviewer: (label, pattern).
fn patterns(figures: &Moderation) -> Vec<(String, Pattern)> {
    std::iter::once(("Whole school".to_owned(), figures.school))
        .chain(
            figures
                .reviewers
                .iter()
                .map(|reviewer| (reviewer.reviewer.clone(), reviewer.pattern)),
        )
        .collect()
}

const RATING_CLASSES: [&str; 4] = [
    "chart__bar--achieved",
    "chart__bar--partly",
    "chart__bar--not",
    "chart__bar--revised",
];

/// Last cycle's objectives as rated: a bar per reviewer split by rating, each part its share.
#[component]
fn RatingsChart(figures: Moderation) -> impl IntoView {
    let rows = patterns(&figures);
    view! {
        <h2 id="ratings-chart">"Last cycle’s objectives, as rated"</h2>
        <ul class="chart__legend" aria-hidden="true">
            {ProgressRating::ALL.iter().zip(RATING_CLASSES).map(|(rating, class)| view! {
                <li><svg class="chart__key" viewBox="0 0 10 10"><rect class=class width="10" height="10" /></svg>{rating.label()}</li>
            }).collect_view()}
        </ul>
        <div class="chart" aria-hidden="true">
            {rows.iter().map(|(label, pattern)| {
                let rated = pattern.rated().max(1);
                let mut left = 0.0;
                let parts: Vec<_> = pattern.ratings.iter().zip(RATING_CLASSES).filter(|(n, _)| **n > 0).map(|(n, class)| {
                    let width = f64::from(*n) * 100.0 / f64::from(rated);
                    let part = view! { <rect class=class x=left.to_string() width=width.to_string() height="8" /> };
                    left += width;
                    part
                }).collect();
                view! {
                    <div class="chart__row">
                        <span class="chart__label">{label.clone()}</span>
                        <svg class="chart__bar" viewBox="0 0 100 8" preserveAspectRatio="none">{parts}</svg>
                    </div>
                }
            }).collect_view()}
        </div>
        <div class="table-wrap">
            <table class="table table--cards chart-table">
                <caption class="table__caption">"Last cycle’s objectives, as rated: the numbers"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Reviewer"</th>
                        <th scope="col">"Reviews"</th>
                        {ProgressRating::ALL.iter().map(|rating| view! { <th scope="col">{rating.label()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|(label, pattern)| view! {
                        <tr>
                            <th scope="row">{label}</th>
                            <td data-label="Reviews">{pattern.reviews}</td>
                            {ProgressRating::ALL.iter().zip(pattern.ratings).map(|(rating, n)| {
                                let share = pattern.rating_share(*rating).map_or_else(String::new, |share| format!(" ({share}%)"));
                                view! { <td data-label=rating.label()>{format!("{n}{share}")}</td> }
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// New objectives per review, a bar per reviewer with the school's average marked.
#[component]
fn ObjectivesChart(figures: Moderation) -> impl IntoView {
    let rows = patterns(&figures);
    let school = figures.school.objectives_per_review_tenths().unwrap_or(0);
    let widest = rows
        .iter()
        .filter_map(|(_, pattern)| pattern.objectives_per_review_tenths())
        .max()
        .unwrap_or(1)
        .max(1);
    let at = move |value: u32| f64::from(value) * 100.0 / f64::from(widest);
    view! {
        <h2>"New objectives per review, and pay"</h2>
        <p class="chart__note" aria-hidden="true">"The line marks the school’s average."</p>
        <div class="chart" aria-hidden="true">
            {rows.iter().map(|(label, pattern)| {
                let value = pattern.objectives_per_review_tenths().unwrap_or(0);
                view! {
                    <div class="chart__row">
                        <span class="chart__label">{format!("{label}: {}", tenths(value))}</span>
                        <svg class="chart__bar" viewBox="0 0 100 8" preserveAspectRatio="none">
                            <rect class="chart__bar--objectives" width=at(value).to_string() height="8" />
                            <line class="chart__average" x1=at(school).to_string() x2=at(school).to_string() y1="0" y2="8" />
                        </svg>
                    </div>
                }
            }).collect_view()}
        </div>
        <div class="table-wrap">
            <table class="table table--cards chart-table">
                <caption class="table__caption">"New objectives and pay recommendations: the numbers"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Reviewer"</th>
                        <th scope="col">"New objectives per review"</th>
                        <th scope="col">"Objectives missing SMART"</th>
                        <th scope="col">"Pay progression recommended"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|(label, pattern)| {
                        let share = |share: Option<u32>| share.map_or_else(|| "None made".to_owned(), |share| format!("{share}%"));
                        view! {
                            <tr>
                                <th scope="row">{label}</th>
                                <td data-label="New objectives per review">{pattern.objectives_per_review_tenths().map_or_else(String::new, tenths)}</td>
                                <td data-label="Objectives missing SMART">{share(pattern.smart_miss_share())}</td>
                                <td data-label="Pay progression recommended">{share(pattern.progression_share())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// A note to a statement's reviewer after moderating it, sent as a signed file and shown on
/// their copy of the review until they answer it.
#[component]
fn ModerationNotes(rows: Memo<Vec<DeskRow>>) -> impl IntoView {
    let noted = move || -> Vec<String> {
        rows.with(|rows| {
            rows.iter()
                .filter_map(|row| {
                    let note = row.moderation_note.as_ref()?;
                    Some(format!(
                        "{} (reviewed by {}): {}",
                        row.reviewee,
                        row.reviewer,
                        match note.answered_on {
                            Some(day) => format!("answered on {}", format_uk_date(day)),
                            None => "not answered yet".to_owned(),
                        }
                    ))
                })
                .collect()
        })
    };
    let chosen = RwSignal::new(String::new());
    view! {
        <section class="section no-print" aria-labelledby="notes-heading">
            <h2 id="notes-heading">"Moderation notes to reviewers"</h2>
            <p>"Where a statement needs a second look, write to its reviewer. The note goes as a signed file, locked for them, and shows on their copy of the review until they answer it."</p>
            {move || {
                let noted = noted();
                (!noted.is_empty()).then(|| view! {
                    <h3 class="heading-s">"Notes sent"</h3>
                    <ul class="list" data-testid="notes-sent">{noted.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                })
            }}
            <ReviewChoice id="note-review" label="Statement the note is about" placeholder="Choose a review" rows=rows chosen=chosen />
            {move || chosen_row(rows, chosen).map(|row| view! {
                <NoteToReviewer review_id=row.review.as_str().to_owned() reviewer=row.reviewer />
            })}
        </section>
    }
}

/// The note about one review, kept as it is typed, and sending it.
#[component]
fn NoteToReviewer(review_id: String, reviewer: String) -> impl IntoView {
    let storage = use_storage();
    let draft = Draft::open_review_document(storage, &review_id, &ModerationNote::default());
    save_on_leaving(draft);
    let encrypt = RwSignal::new(true);
    let sent = RwSignal::new(None);
    DeskRows::after_sending(sent);
    let send = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        draft.save_now();
        send_review_file(
            storage,
            &review_id,
            ReviewFile::ModerationNote,
            Role::Headteacher,
            encrypt.get_untracked(),
            sent,
        );
    };
    view! {
        <form on:submit=send>
            <SaveIndicator draft=draft />
            <DraftTextArea draft=draft path=format!("{}.note", ModerationNote::KIND) label=format!("Your note to {reviewer}") hint="What to look at again, and why: it is theirs to answer." rows=4 />
            <EncryptChoice encrypt=encrypt id="note-encrypted" label=format!("Encrypt the file so only {reviewer} (and you) can read it (recommended for email)") />
            <button type="submit" class="button">{format!("Send the note to {reviewer}")}</button>
        </form>
        <SentNotice sent=sent />
    }
}

/// Two statements of the cycle chosen by reviewee, side by side (one above the other on a phone).
#[component]
fn SideBySide(rows: Memo<Vec<DeskRow>>) -> impl IntoView {
    let storage = use_storage();
    let picked = [RwSignal::new(String::new()), RwSignal::new(String::new())];
    let shown = move |id: String| {
        (!id.is_empty()).then(|| {
            let review = storage
                .with(|vault| reviews::load_review(vault, &id).ok().flatten())
                .flatten();
            match review
                .as_ref()
                .and_then(|review| Some((review, review.statement.as_ref()?)))
            {
                Some((review, written)) => view! {
                    <DocumentView parts=statement(written, StatementShape::of(review)) />
                }
                .into_any(),
                None => {
                    view! { <p class="empty">"This review has no statement yet."</p> }.into_any()
                }
            }
        })
    };
    view! {
        <h2>"Two statements side by side"</h2>
        <p class="no-print">"Choose two reviews to read their statements together, for example two reviewers’ statements for the same role."</p>
        <div class="side-by-side">
            {[("First statement", "First review"), ("Second statement", "Second review")].into_iter().zip(picked).enumerate().map(|(n, ((region, label), chosen))| {
                let id = format!("compare-{n}");
                view! {
                    <section class="side-by-side__column" aria-label=region>
                        <ReviewChoice id=id label=label placeholder="Choose a review" rows=rows chosen=chosen />
                        {move || shown(chosen.get())}
                    </section>
                }
            }).collect_view()}
        </div>
    }
}
