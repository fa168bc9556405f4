//! The home page: the reviews this person takes part in and what is due, or where to start.
//! Reading every review and checking its sign-offs is code fetched when there are reviews to
//! read, so a first visit (with none) does not wait for it.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{Banner, BannerKind};
use crate::domain::cycle::Review;
use crate::domain::dates::format_uk_date;
use crate::domain::deadlines::AgendaItem;
use crate::domain::people::Role;
use crate::domain::to_do::{Concern, ToDoLine};
use crate::on_demand::NotFetched;
use crate::state::{AppStorage, use_storage};
use crate::use_cases::agenda::NeedsReceived;
use crate::use_cases::held::{self, HeldReview, Unreadable};
use crate::use_cases::{agenda, identity, reviews};

fn describe(item: &AgendaItem) -> String {
    let described = format!(
        "{}: {} ({})",
        item.deadline.kind,
        item.urgency,
        format_uk_date(item.deadline.due)
    );
    match &item.calendar_note {
        Some(note) => format!("{described}. {note}"),
        None => described,
    }
}

#[component]
pub fn HomePage() -> impl IntoView {
    super::set_page_title("Home");
    let storage = use_storage();
    let any_reviews = move || {
        storage.changed_elsewhere.track();
        storage.with(reviews::any_held).unwrap_or(false)
    };
    let set_up = move || {
        storage.changed_elsewhere.track();
        storage
            .with(|vault| identity::identity(vault).ok().flatten())
            .flatten()
            .is_some_and(|identity| !identity.name.trim().is_empty())
    };
    view! {
        <h1>"Your appraisal, on your device"</h1>
        <Show when=move || !set_up()>
            <div class="panel panel--start">
                <h2>"Set up Appraise"</h2>
                <p>"Tell Appraise who you are and which policy your school uses. It takes a minute."</p>
                <p><A href="/welcome" attr:class="button">"Set up Appraise"</A></p>
            </div>
        </Show>
        <Show when=any_reviews fallback=|| view! {
            <p class="lead">
                "Appraise helps school staff and their reviewers prepare for appraisal meetings, "
                "write the planning and review statement, agree objectives and training, and sign it off."
            </p>
            <div class="panel">
                <h2>"Where to start"</h2>
                <ul class="list">
                    <li>"Reviewers: " <A href="/reviews/new">"start a review"</A> " and email the invitation."</li>
                    <li>"Reviewees: " <A href="/import">"import the invitation"</A> " your reviewer sent, then prepare your pre-review."</li>
                </ul>
            </div>
            <div class="panel">
                <h2>"Private by design"</h2>
                <ul class="list">
                    <li>"Your forms and drafts are saved in this browser as you type."</li>
                    <li>"It works without an internet connection once it has opened here."</li>
                    <li>"You share a form by exporting a signed file and emailing it to the other person."</li>
                </ul>
            </div>
        }>
            <p><A href="/import" attr:class="button">"Import a file"</A></p>
            <YourReviews storage=storage />
        </Show>
        <p><A href="/how-it-works">"Find out how an appraisal cycle works in Appraise"</A></p>
    }
}

/// Every review held here, in the person's part: reviewees in a table, their own review and those
/// sent to them as cards. Read again whenever storage changes (another tab, an import).
#[component]
fn YourReviews(storage: AppStorage) -> impl IntoView {
    let agenda = RwSignal::new(None::<Result<Agenda, NotFetched>>);
    Effect::new(move |_| {
        storage.changed_elsewhere.track();
        leptos::task::spawn_local(async move {
            agenda.set(Some(read_agenda(storage, crate::browser::today()).await));
        });
    });
    move || match agenda.get() {
        None => view! { <p role="status">"Reading your reviews…"</p> }.into_any(),
        Some(Err(missing)) => view! {
            <Banner kind=BannerKind::Problem title="Your reviews cannot be shown yet">
                <p>{missing.sentence("reads your reviews")}</p>
            </Banner>
        }
        .into_any(),
        Some(Ok(Agenda {
            reviews,
            unreadable,
            warnings,
            to_do,
            needs,
        })) => {
            // The headteacher and the CPD leader read their many reviews through the list at the
            // top and the pages it links to; the cards wait, folded.
            let folded = to_do.is_some() || needs.is_some();
            let (reviewing, others): (Vec<HeldReview>, Vec<HeldReview>) = reviews
                .into_iter()
                .partition(|mine| mine.part == Role::Reviewer);
            let (own, sent_to_me): (Vec<HeldReview>, Vec<HeldReview>) = others
                .into_iter()
                .partition(|mine| mine.part == Role::Reviewee);
            view! {
                {warnings.into_iter().map(|text| view! { <p class="warning-text" role="status">{text}</p> }).collect_view()}
                {(!unreadable.is_empty()).then(|| view! {
                    <Banner kind=BannerKind::Problem title="A review cannot be read">
                        {unreadable.iter().map(|review| view! { <p>{review.sentence()}</p> }).collect_view()}
                        <p><A href="/data">"Go to your data and backups"</A></p>
                    </Banner>
                })}
                {to_do.map(|lines| view! { <WhatNeedsYou lines=lines /> })}
                {needs.map(|needs| view! { <NeedsReceivedPanel needs=needs /> })}
                {(!reviewing.is_empty()).then(|| view! { <Reviewees reviews=reviewing /> })}
                <ReviewCards heading="Your own review" reviews=own folded=false />
                {sent_to_me.iter().any(|mine| mine.part == Role::Headteacher).then(|| view! {
                    <h2>"Across the school"</h2>
                    <ul class="list">
                        <li><A href="/school/desk">"Reviews across the school: where each stands, on time or late"</A></li>
                        <li><A href="/school/moderation">"Moderation: compare reviewers’ ratings and objectives"</A></li>
                        <li><A href="/school/appeals">"Appeals: record each hearing and send the outcome"</A></li>
                        <li><A href="/school/pay">"Pay decisions, and the list for the pay committee"</A></li>
                        <li><A href="/school/governors-report">"The governors’ report: anonymised counts for a cycle, to print or download"</A></li>
                        <li><A href="/school/staff">"The staff list: who is on the staff, their keys and their reviewers"</A></li>
                    </ul>
                })}
                <ReviewCards heading="Sent to you" reviews=sent_to_me folded=folded />
            }
            .into_any()
        }
    }
}

/// The reviews as this person holds them, those that cannot be read, and the policy's warnings
/// about them as a reviewer.
#[derive(Clone)]
struct Agenda {
    reviews: Vec<HeldReview>,
    unreadable: Vec<Unreadable>,
    warnings: Vec<String>,
    /// The headteacher's to-do list; `None` for anyone else.
    to_do: Option<Vec<ToDoLine>>,
    /// The training needs received, for the CPD leader; `None` for anyone else.
    needs: Option<NeedsReceived>,
}

/// Reads every review and checks its sign-offs: for a headteacher holding a school's statements,
/// most of drawing this page, and code a first visit does not need.
#[leptos::wasm_split::wasm_split(agenda, wasm_split_path = ::leptos::wasm_split, fallible)]
fn read_agenda(storage: AppStorage, today: chrono::NaiveDate) -> Result<Agenda, NotFetched> {
    let agenda = storage.with(|vault| {
        let (reviews, unreadable): (Vec<_>, Vec<_>) = held::all(vault, today)
            .unwrap_or_default()
            .into_iter()
            .partition(Result::is_ok);
        let reviews: Vec<HeldReview> = reviews.into_iter().filter_map(Result::ok).collect();
        let reviewing: Vec<Review> = reviews
            .iter()
            .filter(|mine| mine.part == Role::Reviewer)
            .map(|mine| mine.review.clone())
            .collect();
        let warnings = agenda::reviewer_warnings(vault, &reviewing, today);
        let to_do = agenda::headteachers_to_do(vault, &reviews, today);
        let needs = agenda::training_needs_received(vault, &reviews, today);
        Agenda {
            reviews,
            unreadable: unreadable.into_iter().filter_map(Result::err).collect(),
            warnings,
            to_do,
            needs,
        }
    });
    Ok(agenda.unwrap_or(Agenda {
        reviews: Vec::new(),
        unreadable: Vec::new(),
        warnings: Vec::new(),
        to_do: None,
        needs: None,
    }))
}

/// The page that shows exactly what a line of the to-do list counts.
fn page_for(concern: Concern) -> String {
    let page = match concern {
        Concern::AppealsToDecide => "appeals",
        Concern::PayDecisionsLeft => "pay",
        Concern::ReviewersFlagged => "moderation",
        Concern::PastRetention => return "/data".to_owned(),
        Concern::LateStatements
        | Concern::NotesUnanswered
        | Concern::NotStarted
        | Concern::SupportPlans => "desk",
    };
    format!("/school/{page}?show={}", concern.word())
}

/// The headteacher's to-do list: a sentence with its number for each thing that needs them,
/// what is past a date first and marked, each a link to the page showing just those reviews.
#[component]
fn WhatNeedsYou(lines: Vec<ToDoLine>) -> impl IntoView {
    view! {
        <section class="panel panel--to-do" aria-labelledby="to-do-heading">
            <h2 id="to-do-heading">"What needs you"</h2>
            {if lines.is_empty() {
                view! { <p data-testid="to-do-empty">"Nothing needs you today: no appeal, late statement, pay decision or moderation note is waiting."</p> }.into_any()
            } else {
                view! {
                    <ul class="to-do">
                        {lines.into_iter().map(|line| {
                            let overdue = line.overdue > 0;
                            view! {
                                <li class="to-do__line" class:to-do__line--overdue=overdue>
                                    {overdue.then(|| view! { <strong class="tag tag--overdue">"Past its date:"</strong> " " })}
                                    <A href=page_for(line.concern)>{line.sentence}</A>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// A reviewer's reviewees in a table: stage, next deadline (overdue in red), objectives.
#[component]
fn Reviewees(reviews: Vec<HeldReview>) -> impl IntoView {
    let notes: Vec<(String, String)> = reviews
        .iter()
        .filter_map(|mine| {
            let text = mine.moderation_note_waiting()?;
            Some((format!("/reviews/{}", mine.review.id), text))
        })
        .collect();
    view! {
        <h2>"Your reviewees"</h2>
        {notes.into_iter().map(|(href, text)| view! {
            <p class="warning-text" data-testid="moderation-note-waiting">{text}" " <A href=href>"Open the review"</A></p>
        }).collect_view()}
        <div class="table-wrap">
            <table class="table table--cards">
                <caption class="visually-hidden">"The reviews you are the reviewer for"</caption>
                <thead>
                    <tr><th scope="col">"Reviewee"</th><th scope="col">"Stage"</th><th scope="col">"Next deadline"</th><th scope="col">"New objectives"</th></tr>
                </thead>
                <tbody>
                    {reviews.into_iter().map(|mine| {
                        let href = format!("/reviews/{}", mine.review.id);
                        let next = mine.due.first().map(|item| (describe(item), matches!(item.urgency, crate::domain::deadlines::Urgency::Overdue { .. })));
                        let objectives = mine.review.statement.as_ref().map_or(0, |s| s.new_objectives.len());
                        let stage = mine.stage_in_words();
                        view! {
                            <tr>
                                <th scope="row"><A href=href>{described(&mine.review.reviewee)}</A></th>
                                <td data-label="Stage">{stage}</td>
                                {match next {
                                    Some((text, true)) => view! { <td data-label="Next deadline" class="overdue">{text}</td> }.into_any(),
                                    Some((text, false)) => view! { <td data-label="Next deadline">{text}</td> }.into_any(),
                                    None => view! { <td data-label="Next deadline">"None in the next six weeks"</td> }.into_any(),
                                }}
                                <td data-label="New objectives">{objectives}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The CPD leader's summary of the training needs received: how many reviews' needs, a line per
/// theme, the policy's date, and the way to the whole list.
#[component]
fn NeedsReceivedPanel(needs: NeedsReceived) -> impl IntoView {
    let NeedsReceived {
        reviews,
        themes,
        due,
    } = needs;
    view! {
        <section class="panel panel--to-do" aria-labelledby="needs-heading">
            <h2 id="needs-heading">"Training needs received"</h2>
            <p>{format!("From {reviews} {}, by theme:", if reviews == 1 { "review" } else { "reviews" })}</p>
            <ul class="list" data-testid="needs-by-theme">
                {themes.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
            {due.map(|text| view! { <p>{text}</p> })}
            <p><A href="/school/training-needs">"See every training need by theme, and download them for the training audit"</A></p>
        </section>
    }
}

/// A group of review cards under its own heading, when there are any; `folded` behind a summary
/// that counts them (the headteacher's and the CPD leader's many, read through the list at the top
/// and the pages it links to instead).
#[component]
fn ReviewCards(heading: &'static str, reviews: Vec<HeldReview>, folded: bool) -> impl IntoView {
    (!reviews.is_empty()).then(|| {
        let count = reviews.len();
        let cards = reviews
            .into_iter()
            .map(|mine| view! { <ReviewCard mine=mine /> })
            .collect_view();
        let cards = if folded {
            view! {
                <details class="details">
                    <summary class="details__summary">{format!("Each review on its own ({count})")}</summary>
                    {cards}
                </details>
            }
            .into_any()
        } else {
            cards.into_any()
        };
        view! {
            <h2>{heading}</h2>
            {cards}
        }
    })
}

/// One review the person takes part in as reviewee (or only reads): stage, next step, deadlines.
/// Its people are named as their own files name them, with job titles, so two colleagues of one
/// name are told apart.
#[component]
fn ReviewCard(mine: HeldReview) -> impl IntoView {
    let review = &mine.review;
    let heading = match mine.part {
        Role::Reviewee => format!("Your review with {}", mine.review.reviewer.name),
        Role::CpdLeader => format!("Training needs of {}", mine.review.reviewee.name),
        _ => format!(
            "{}’s review by {}",
            mine.review.reviewee.name, mine.review.reviewer.name
        ),
    };
    // Job titles tell apart two colleagues of one name.
    let who = match mine.part {
        Role::Reviewee => format!("Reviewer: {}.", described(&mine.review.reviewer)),
        _ => format!(
            "{}, reviewed by {}.",
            described(&mine.review.reviewee),
            described(&mine.review.reviewer)
        ),
    };
    let details = format!(
        "Cycle {}. Meeting {}. Stage: {}.",
        review.period,
        review
            .dates
            .meeting_on
            .map_or("not yet set".to_string(), |day| format!(
                "on {}",
                format_uk_date(day)
            )),
        mine.stage_in_words()
    );
    let step = mine.next_step();
    let href = format!("/reviews/{}", review.id);
    let label = heading.clone();
    let note = mine.moderation_note_waiting();
    view! {
        <section class="panel" aria-label=label>
            <h3>{heading}</h3>
            <p data-testid="review-people">{who}</p>
            <p>{details}</p>
            <p><strong>"Next: "</strong>{step}</p>
            {note.map(|text| view! { <p class="warning-text" data-testid="moderation-note-waiting">{text}</p> })}
            {if mine.due.is_empty() {
                view! { <p>"Nothing is due for you in the next six weeks."</p> }.into_any()
            } else {
                view! { <ul class="list">{mine.due.iter().map(|item| view! { <li>{describe(item)}</li> }).collect_view()}</ul> }.into_any()
            }}
            <p><A href=href>"Open this review"</A></p>
        </section>
    }
}

/// A person as a list names them: "Sam Patel (Teaching assistant)".
fn described(person: &crate::domain::people::PersonRef) -> String {
    if person.job_title.trim().is_empty() {
        person.name.clone()
    } else {
        format!("{} ({})", person.name, person.job_title)
    }
}
