//! Interim reviews: on the date agreed at the meeting or at the policy's term ends, both people
//! record progress on each objective, the reviewer notes the wellbeing conversation and any
//! objectives revised or set for the coming term, and both sign to agree them. An optional
//! review can be recorded as not held. The observations' key points are at hand.

use leptos::prelude::*;

use super::{Heading, Opened, SendDocument, SignOffs, Warnings};
use crate::components::{
    DocumentView, DraftCheckbox, DraftDate, DraftTextArea, ObjectiveFields, RemoveButton,
    add_objective, focus_field,
};
use crate::domain::between_meetings;
use crate::domain::cycle::Review;
use crate::domain::dates::format_uk_date;
use crate::domain::deadlines::DeadlineKind;
use crate::domain::documents::{InterimReview, InterimReviewLog};
use crate::domain::field_map::{item_fields, to_field_map};
use crate::domain::ids::Id;
use crate::domain::people::Role;
use crate::domain::sign_off::{SignOff, interim_review_document};
use crate::use_cases::sending::BundleKind;

const ITEMS: &str = "interim_reviews.items";

/// The interim reviews' due dates, each with where it stands, and the first still open.
fn due_dates(opened: Opened) -> (Vec<String>, Option<chrono::NaiveDate>) {
    let mut next = None;
    let deadlines = opened
        .held
        .with_untracked(|held| held.as_ref().map(|held| held.deadlines.clone()))
        .unwrap_or_default();
    let lines = deadlines
        .into_iter()
        .filter(|(deadline, _)| matches!(deadline.kind, DeadlineKind::InterimReview { .. }))
        .map(|(deadline, standing)| {
            let state = if deadline.done {
                "recorded".to_owned()
            } else {
                next.get_or_insert(deadline.due);
                standing.describe(deadline.owner)
            };
            format!(
                "{} – {}, {state}",
                deadline.kind,
                format_uk_date(deadline.due)
            )
        })
        .collect();
    (lines, next)
}

#[component]
pub(super) fn InterimReviews(opened: Opened) -> impl IntoView {
    let draft = opened.draft;
    let ids = draft.list_ids(ITEMS.to_owned());
    let optional = opened
        .stored
        .with_value(|stored| stored.summary.policy.interim_optional);
    let warnings = opened.warnings_about_observations(false);
    let add = move |not_held: bool| {
        let Some(review) = opened.review.get_untracked() else {
            return;
        };
        let id = crate::browser::fresh_id("interim");
        let Ok(item_id) = Id::new(id.clone()) else {
            return;
        };
        let on = due_dates(opened).1.unwrap_or_else(crate::browser::today);
        let mut interim = InterimReview::started(item_id, on, &review.objectives_in_force());
        interim.not_held = not_held;
        let log = InterimReviewLog {
            items: vec![interim],
        };
        draft.add_list_item(ITEMS, &id, item_fields(&to_field_map(&log), ITEMS, &id));
        focus_field(format!("{ITEMS}[{id}].date"));
    };
    let writes = opened.is(Role::Reviewer);
    view! {
        <Heading opened=opened title="Interim reviews" />
        {move || opened.review.get().map(|review| {
            let (lines, _) = due_dates(opened);
            let points = between_meetings::key_points(&review);
            let unknown = opened
                .held
                .with_untracked(|held| held.as_ref().and_then(|held| held.termly_dates_unknown.clone()));
            view! {
                {unknown.map(|note| view! { <p class="hint" data-testid="termly-dates-unknown">{note}"."</p> })}
                {if lines.is_empty() {
                    view! { <p>"No interim review is dated yet; hold one whenever you both find it useful."</p> }.into_any()
                } else {
                    view! {
                        <h2 class="heading-m">"When they are due"</h2>
                        <ul class="list deadlines">{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                    }.into_any()
                }}
                {(!points.is_empty()).then(|| view! {
                    <aside class="panel" aria-labelledby="key-points-heading">
                        <h2 class="heading-s" id="key-points-heading">"Key points from observations"</h2>
                        <ul class="list">{points.into_iter().map(|point| view! { <li>{point}</li> }).collect_view()}</ul>
                    </aside>
                })}
            }
        })}
        <Warnings warnings=warnings />
        <Show when=move || ids.get().is_empty()>
            <p class="empty">"No interim reviews recorded yet."</p>
        </Show>
        <For each=move || ids.get().into_iter().enumerate() key=|(number, id)| (*number, id.clone()) let((number, id))>
            <InterimReviewItem opened=opened number=number id=id />
        </For>
        {writes.then(|| view! {
            <div class="button-group no-print">
                <button type="button" class="button button--secondary" on:click=move |_| add(false)>"Record an interim review"</button>
                {optional.then(|| view! {
                    <button type="button" class="button button--secondary" on:click=move |_| add(true)>"Record that the optional review was not held"</button>
                })}
            </div>
        })}
        <SendDocument opened=opened kind=BundleKind::InterimReviews what="interim reviews" signed=true />
    }
}

/// The interim review `id` as stored, if it reads.
fn interim(opened: Opened, id: &str) -> Option<InterimReview> {
    opened
        .review
        .get()?
        .interim_reviews
        .into_iter()
        .find(|interim| interim.id.as_str() == id)
}

fn sign_interim(
    review: &Review,
    document: &str,
    role: crate::domain::sign_off::SignerRole,
    on: chrono::NaiveDate,
) -> Result<SignOff, crate::domain::sign_off::SignOffRefused> {
    let id = document
        .strip_prefix("interim_reviews[")
        .and_then(|rest| rest.strip_suffix(']'))
        .unwrap_or(document);
    SignOff::for_interim_review(review, id, role, on)
}

/// One interim review: the reviewer's form, or the reviewee's reading with their own words to
/// write; both sign it.
#[component]
fn InterimReviewItem(opened: Opened, number: usize, id: String) -> impl IntoView {
    let draft = opened.draft;
    let item = format!("{ITEMS}[{id}]");
    let not_held = draft.value(format!("{item}.not_held"));
    let title = move || {
        let held = if not_held.get().as_bool() == Some(true) {
            " (not held)"
        } else {
            ""
        };
        format!("Interim review {}{held}", number + 1)
    };
    let writes = opened.is(Role::Reviewer);
    let progress_ids = draft.list_ids(format!("{item}.progress"));
    let [wellbeing, notes, comments] = InterimReview::TEXT_FIELDS;
    let item_at = StoredValue::new(item.clone());
    let body = if writes {
        view! {
            <DraftDate draft=draft path=format!("{item}.date") label="Date of the review" required=true />
            {opened.stored.with_value(|s| s.summary.policy.interim_optional).then(|| view! {
                <DraftCheckbox draft=draft path=format!("{item}.not_held") label="Not held: we chose not to have this optional review" />
            })}
            <Show when=move || not_held.get().as_bool() != Some(true)>
                <h3 class="heading-s">"Progress on each objective"</h3>
                <Show when=move || progress_ids.get().is_empty()>
                    <p class="empty">"No objectives were in force when this review was recorded: write progress under other points, or set objectives below."</p>
                </Show>
                <For each=move || progress_ids.get() key=|id| id.clone() let(objective)>
                    {
                        let at = format!("{}.progress[{objective}]", item_at.get_value());
                        let words = draft.text(format!("{at}.objective"));
                        let theirs = draft.text(format!("{at}.reviewee_comment"));
                        view! {
                            <div class="objective">
                                <p><strong>"Objective: "</strong>{move || words.get()}</p>
                                <DraftTextArea draft=draft path=format!("{at}.reviewer_comment") label="Progress, as you see it" rows=3 />
                                <p class="field__hint">"The reviewee’s view: " {move || { let t = theirs.get(); if t.trim().is_empty() { "not written yet".to_owned() } else { t } }}</p>
                            </div>
                        }
                    }
                </For>
                <RevisedObjectives opened=opened item=item_at.get_value() />
                <DraftTextArea draft=draft path=format!("{}.{}", item_at.get_value(), wellbeing.name) label=wellbeing.label hint=wellbeing.hint rows=3 />
                <DraftTextArea draft=draft path=format!("{}.{}", item_at.get_value(), notes.name) label=notes.label hint=notes.hint rows=3 />
            </Show>
            <RemoveButton draft=draft order_path=ITEMS.to_owned() id=id.clone() what=format!("interim review {}", number + 1) />
        }
        .into_any()
    } else {
        let reviewee = opened.is(Role::Reviewee);
        let read_id = id.clone();
        let parts = move || {
            interim(opened, &read_id)
                .map(|interim| between_meetings::interim_review(&interim, reviewee))
                .unwrap_or_default()
        };
        view! {
            {move || view! { <DocumentView parts=parts() /> }}
            {(reviewee).then(|| view! {
                <Show when=move || not_held.get().as_bool() != Some(true)>
                    <h3 class="heading-s">"Your view of your progress"</h3>
                    <For each=move || progress_ids.get() key=|id| id.clone() let(objective)>
                        {
                            let at = format!("{}.progress[{objective}]", item_at.get_value());
                            let words = draft.text(format!("{at}.objective"));
                            view! {
                                <DraftTextArea draft=draft path=format!("{at}.reviewee_comment") label=format!("Progress on “{}”", words.get_untracked().trim()) rows=3 />
                            }
                        }
                    </For>
                    <DraftTextArea draft=draft path=format!("{}.{}", item_at.get_value(), comments.name) label=comments.label hint=comments.hint rows=3 />
                </Show>
            })}
        }
        .into_any()
    };
    view! {
        <section class="panel" aria-label=title>
            <h2 class="heading-m">{title}</h2>
            {body}
            <Show when=move || not_held.get().as_bool() != Some(true)>
                <SignOffs opened=opened document=interim_review_document(&id) what="interim review" make=sign_interim />
            </Show>
        </section>
    }
}

/// Objectives revised at the review or set for the coming term (seed 000's termly team
/// objectives), with the statement's columns.
#[component]
fn RevisedObjectives(opened: Opened, item: String) -> impl IntoView {
    let draft = opened.draft;
    let list = format!("{item}.revised_objectives");
    let ids = draft.list_ids(list.clone());
    let add = {
        let list = list.clone();
        move |_| add_objective(draft, &list)
    };
    view! {
        <h3 class="heading-s">"Objectives revised or set for the coming term"</h3>
        <p class="field__hint">"Only where circumstances changed, or for the term ahead. Both of you sign the review to agree them."</p>
        <For each=move || ids.get().into_iter().enumerate() key=|(number, id)| (*number, id.clone()) let((number, id))>
            {
                let at = format!("{list}[{id}]");
                view! {
                    <fieldset class="fieldset objective">
                        <legend class="fieldset__legend">{format!("Revised objective {}", number + 1)}</legend>
                        <ObjectiveFields draft=draft at=at />
                        <RemoveButton draft=draft order_path=list.clone() id=id.clone() what=format!("revised objective {}", number + 1) />
                    </fieldset>
                }
            }
        </For>
        <p><button type="button" class="button button--secondary" on:click=add>"Add a revised or new objective"</button></p>
    }
}
