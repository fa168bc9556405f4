//! Pay decisions: for each reviewee eligible for pay progression, the reviewer's recommendation
//! beside the headteacher's decision, by the policy's date; what is still to decide; recording a
//! decision; and the list for the pay committee as CSV. The headteacher's alone.

use leptos::prelude::*;
use std::collections::BTreeSet;

use super::{
    DeskRows, FIRST_ROWS, Narrowed, Reading, ReviewChoice, ShowTheRest, chosen_row, in_parts,
    narrowed,
};
use crate::components::{Banner, BannerKind};
use crate::domain::dates::format_uk_date;
use crate::domain::desk::{DeskRow, PayStanding};
use crate::domain::documents::PayDecisionMade;
use crate::domain::pay::accepting_the_recommendation;
use crate::domain::pay::{pay_committee_csv, pay_rows};
use crate::state::use_storage;
use crate::use_cases::leadership;

#[component]
pub fn PayPage() -> impl IntoView {
    crate::pages::set_page_title("Pay decisions");
    let storage = use_storage();
    let headteacher = storage
        .with(|vault| leadership::only_the_headteacher(vault).is_ok())
        .unwrap_or(false);
    if !headteacher {
        return view! {
            <h1>"Pay decisions"</h1>
            <p>{crate::use_cases::RecordsError::OnlyTheHeadteacher.to_string()}</p>
        }
        .into_any();
    }
    let rows = DeskRows::read();
    let concern = narrowed();
    let eligible = Memo::new(move |_| {
        rows.with(|rows| {
            rows.as_ref()
                .and_then(|rows| rows.as_ref().ok())
                .map(|rows| {
                    pay_rows(rows)
                        .into_iter()
                        .cloned()
                        .collect::<Vec<DeskRow>>()
                })
                .unwrap_or_default()
        })
    });
    let chosen = RwSignal::new(String::new());
    // The reviews the headteacher unticked from accepting in one go: each is decided on its own.
    let left_out = RwSignal::new(BTreeSet::<String>::new());
    let accepting = Accepting::new();
    let every_row = RwSignal::new(false);
    let reading = Reading::of(rows);
    let download = move |_| {
        let csv =
            eligible.with_untracked(|rows| pay_committee_csv(&rows.iter().collect::<Vec<_>>()));
        let name = format!("pay-decisions-{}.csv", crate::browser::file_stamp());
        let _ = crate::browser::download(&name, "text/csv;charset=utf-8", &csv);
    };
    view! {
        <h1>"Pay decisions"</h1>
        <p>"Each member of staff eligible for pay progression, with their reviewer’s recommendation and your decision, by your policy’s date. Pay decisions are yours alone: they stay on this device unless you download the list for the pay committee."</p>
        {move || {
            let list = eligible.get();
            if reading.get() == Reading::Underway {
                return view! { <p role="status">"Reading the reviews…"</p> }.into_any();
            }
            if list.is_empty() {
                return view! { <p class="empty">"No reviews on your desk are eligible for pay progression."</p> }.into_any();
            }
            let to_decide = list.iter().filter(|row| !row.pay.as_ref().is_some_and(PayStanding::is_decided)).count();
            // Narrowed from Home to those still to decide, the table shows only them; what is
            // still to decide is counted from every row either way.
            let concern = concern.get();
            every_row.track();
            let list: Vec<&DeskRow> = list.iter().filter(|row| concern.is_none_or(|concern| concern.counts(row))).collect();
            let shown = list.len();
            let (list, waiting) = in_parts(list, every_row);
            view! {
                {concern.map(|concern| view! { <Narrowed concern=concern count=shown page="pay" /> })}
                <p role="status" data-testid="still-to-decide">{match to_decide {
                    0 => "Every pay decision is recorded.".to_owned(),
                    1 => "1 pay decision is still to make.".to_owned(),
                    n => format!("{n} pay decisions are still to make."),
                }}</p>
                <p class="no-print"><button type="button" class="button button--secondary" on:click=download>"Download the list for the pay committee (CSV)"</button></p>
                <AcceptRecommendations eligible=eligible left_out=left_out form=accepting />
                <div class="table-wrap">
                    <table class="table table--cards">
                        <caption class="table__caption">{if waiting > 0 { format!("Still to decide first, then by the date due: the first {FIRST_ROWS} of {shown}") } else { "Still to decide first, then by the date due".to_owned() }}</caption>
                        <thead><tr><th scope="col" class="no-print">"Accept"</th><th scope="col">"Reviewee"</th><th scope="col">"Reviewer"</th><th scope="col">"Staff group"</th><th scope="col">"Recommendation"</th><th scope="col">"Decision"</th><th scope="col">"Due by"</th></tr></thead>
                        <tbody>
                            {list.into_iter().filter_map(|row| Some((row, row.pay.clone()?))).enumerate().map(|(index, (row, pay))| {
                                let decision = pay.decided().map_or("Still to decide", PayDecisionMade::label);
                                let reviewee = row.reviewee_in_words();
                                view! {
                                    <tr>
                                        <td data-label="Accept" class="no-print">{accepting_the_recommendation(row).map(|_| {
                                            let id = row.review.as_str().to_owned();
                                            let this = id.clone();
                                            view! {
                                                <input type="checkbox" class="table__tick" id=format!("accept-{id}") aria-label=format!("Accept the recommendation for {reviewee}")
                                                    prop:checked=move || left_out.with(|out| !out.contains(&this))
                                                    on:change=move |event| {
                                                        let ticked = event_target_checked(&event);
                                                        left_out.update(|out| { if ticked { out.remove(&id); } else { out.insert(id.clone()); } });
                                                    } />
                                            }
                                        })}</td>
                                        <th scope="row" id=format!("pay-row-{index}") tabindex="-1">{reviewee.clone()}</th>
                                        <td data-label="Reviewer">{row.reviewer.clone()}</td>
                                        <td data-label="Staff group">{row.staff_group.clone()}</td>
                                        <td data-label="Recommendation">{row.pay_recommendation.map_or(if pay.recommended_by.is_some() { "Yours, with the decision" } else { "None made" }, |r| r.label())}</td>
                                        <td data-label="Decision">{decision}</td>
                                        <td data-label="Due by">{pay.due.map_or_else(|| "No date in the policy".to_owned(), format_uk_date)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <ShowTheRest waiting=waiting every_row=every_row first_of="pay-row" />
            }.into_any()
        }}
        {move || eligible.with(|list| !list.is_empty()).then(|| view! {
            <ReviewChoice id="pay-review" label="Decision to record" placeholder="Choose a member of staff" rows=eligible chosen=chosen />
        })}
        {move || chosen_row(eligible, chosen).map(|row| view! { <Decide row=row /> })}
    }
    .into_any()
}

/// What is typed into accepting in one go, and what became of it: kept by the page, so that the
/// table drawn again (after recording, or a change in another tab) keeps them.
#[derive(Clone, Copy)]
struct Accepting {
    day: RwSignal<String>,
    reason: RwSignal<String>,
    outcome: RwSignal<Option<Result<Vec<leadership::Accepted>, String>>>,
}

impl Accepting {
    fn new() -> Accepting {
        Accepting {
            day: RwSignal::new(String::new()),
            reason: RwSignal::new(
                "The reviewer’s recommendation, accepted after reading the planning and review statement."
                    .to_owned(),
            ),
            outcome: RwSignal::new(None),
        }
    }
}

/// Accepting the reviewers' recommendations for every member of staff ticked, with one date and
/// one reason: the way to record most of a school's decisions at once, leaving the exceptions
/// (unticked) to be decided one by one below.
#[component]
fn AcceptRecommendations(
    eligible: Memo<Vec<DeskRow>>,
    left_out: RwSignal<BTreeSet<String>>,
    form: Accepting,
) -> impl IntoView {
    let Accepting {
        day,
        reason,
        outcome,
    } = form;
    let storage = use_storage();
    let rows = expect_context::<DeskRows>();
    let chosen = Memo::new(move |_| {
        eligible.with(|list| {
            list.iter()
                .filter(|row| accepting_the_recommendation(row).is_some())
                .map(|row| row.review.as_str().to_owned())
                .filter(|id| left_out.with(|out| !out.contains(id)))
                .collect::<Vec<String>>()
        })
    });
    let acceptable = Memo::new(move |_| {
        eligible.with(|list| {
            list.iter()
                .filter(|row| accepting_the_recommendation(row).is_some())
                .count()
        })
    });
    let accept = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let ids = chosen.get_untracked();
        let done = eligible.with_untracked(|list| {
            storage.with_mut(|vault| {
                leadership::accept_recommendations(
                    vault,
                    list,
                    &ids,
                    &reason.get_untracked(),
                    &day.get_untracked(),
                    crate::browser::now(),
                )
            })
        });
        outcome.set(Some(match done {
            Some(Ok(accepted)) => {
                rows.wrote.notify();
                Ok(accepted)
            }
            Some(Err(refused)) => Err(refused.to_string()),
            None => Err(crate::use_cases::NOT_OPEN.to_owned()),
        }));
    };
    move || {
        (acceptable.get() > 0 || outcome.with(Option::is_some)).then(|| view! {
        <section class="section no-print" aria-labelledby="accept-heading">
            <h2 id="accept-heading">"Accept the reviewers’ recommendations"</h2>
            {(acceptable.get_untracked() > 0).then(|| view! {
            <p>"Everyone ticked in the table below has their reviewer’s recommendation recorded as your decision, with this date and reason. Untick anyone you decide differently, and record their decision on its own further down."</p>
            <form on:submit=accept novalidate>
                <div class="field">
                    <label class="field__label" for="accept-day">"Date to record with each decision"</label>
                    <p class="field__hint" id="accept-day-hint">"For example, 30/11/2026"</p>
                    <input class="field__input field__input--date" type="text" id="accept-day" aria-describedby="accept-day-hint" prop:value=move || day.get() on:input=move |event| day.set(event_target_value(&event)) />
                </div>
                <div class="field">
                    <label class="field__label" for="accept-reason">"Reason to record with each decision"</label>
                    <textarea class="field__textarea" id="accept-reason" rows="3" prop:value=move || reason.get() on:input=move |event| reason.set(event_target_value(&event))></textarea>
                </div>
                <div class="button-group">
                    <button type="submit" class="button">{move || match chosen.with(Vec::len) {
                        0 => "Accept the recommendations ticked (none is yet)".to_owned(),
                        1 => "Accept the recommendation for 1 member of staff".to_owned(),
                        n => format!("Accept the recommendations for {n} members of staff"),
                    }}</button>
                    <button type="button" class="button button--secondary" on:click=move |_| left_out.set(BTreeSet::new())>"Tick everyone"</button>
                    <button type="button" class="button button--secondary" on:click=move |_| left_out.set(eligible.with_untracked(|list| list.iter().map(|row| row.review.as_str().to_owned()).collect()))>"Untick everyone"</button>
                </div>
            </form>
            })}
            {move || outcome.get().map(|outcome| match outcome {
                Ok(accepted) => view! {
                    <Banner kind=BannerKind::Success title=match accepted.len() { 1 => "1 pay decision recorded".to_owned(), n => format!("{n} pay decisions recorded") }>
                        <ul class="list" data-testid="accepted">
                            {accepted.into_iter().map(|done| view! {
                                <li>{format!("{} (reviewed by {}): {}", done.reviewee, done.reviewer, done.decision.label())}</li>
                            }).collect_view()}
                        </ul>
                    </Banner>
                }.into_any(),
                Err(problem) => view! { <Banner kind=BannerKind::Problem title="Not recorded"><p>{problem}</p></Banner> }.into_any(),
            })}
        </section>
    })
    }
}

/// Recording one decision: refused with a sentence (and nothing stored) until it is complete.
#[component]
fn Decide(row: DeskRow) -> impl IntoView {
    let storage = use_storage();
    let held = row
        .pay
        .as_ref()
        .and_then(|pay| pay.decision.clone())
        .unwrap_or_default();
    let decision = RwSignal::new(held.decision);
    let reason = RwSignal::new(held.reason);
    let day = RwSignal::new(held.decided_on.map(format_uk_date).unwrap_or_default());
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let rows = expect_context::<DeskRows>();
    let review_id = row.review.as_str().to_owned();
    let reviewee = row.reviewee_in_words();
    let record = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let recorded = storage.with_mut(|vault| {
            leadership::decide_pay(
                vault,
                &review_id,
                decision.get_untracked(),
                &reason.get_untracked(),
                &day.get_untracked(),
                crate::browser::now(),
            )
        });
        outcome.set(Some(match recorded {
            Some(Ok(())) => {
                rows.wrote.notify();
                Ok(format!("The decision for {reviewee} is recorded."))
            }
            Some(Err(refused)) => Err(refused.to_string()),
            None => Err(crate::use_cases::NOT_OPEN.to_owned()),
        }));
    };
    let recommendation = row.pay_recommendation.map_or("None made", |r| r.label());
    let (recommended_by, offered) = row
        .pay
        .as_ref()
        .map(|pay| (pay.recommended_by.clone(), pay.offered.clone()))
        .unwrap_or_default();
    let (heading, who, legend) = match &recommended_by {
        // The policy has the headteacher (or another named leader) recommend salary: what is
        // recorded here is that recommendation, made under the school's or trust's pay policy.
        Some(who) => (
            format!("Recommendation on salary for {}", row.reviewee),
            format!(
                "Your policy has {who} recommend salary, taking account of the review’s outcome; record the recommendation here. The reviewer makes none."
            ),
            "Recommendation",
        ),
        None => (
            format!("Pay decision for {}", row.reviewee),
            format!(
                "Reviewer’s recommendation ({}): {recommendation}.",
                row.reviewer
            ),
            "Decision",
        ),
    };
    view! {
        <section class="section" aria-labelledby="decide-heading">
            <h2 id="decide-heading">{heading}</h2>
            <p>{who}</p>
            <form on:submit=record novalidate>
                <fieldset class="fieldset">
                    <legend class="fieldset__legend">{legend}</legend>
                    {offered.into_iter().map(|made| {
                        let id = format!("pay-{made:?}").to_lowercase();
                        view! {
                            <div class="radio">
                                <input type="radio" name="pay-decision" id=id.clone() prop:checked=move || decision.get() == Some(made) on:change=move |_| decision.set(Some(made)) />
                                <label for=id>{made.label()}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="field">
                    <label class="field__label" for="pay-reason">"Reason for the decision"</label>
                    <textarea class="field__textarea" id="pay-reason" rows="4" prop:value=move || reason.get() on:input=move |event| reason.set(event_target_value(&event))></textarea>
                </div>
                <div class="field">
                    <label class="field__label" for="pay-day">"Date of the decision"</label>
                    <p class="field__hint" id="pay-day-hint">"For example, 30/11/2026"</p>
                    <input class="field__input field__input--date" type="text" id="pay-day" aria-describedby="pay-day-hint" prop:value=move || day.get() on:input=move |event| day.set(event_target_value(&event)) />
                </div>
                <button type="submit" class="button">"Record the decision"</button>
            </form>
            {move || outcome.get().map(|outcome| match outcome {
                Ok(done) => view! { <Banner kind=BannerKind::Success title="Recorded"><p>{done}</p></Banner> }.into_any(),
                Err(problem) => view! { <Banner kind=BannerKind::Problem title="Not recorded"><p>{problem}</p></Banner> }.into_any(),
            })}
        </section>
    }
}
