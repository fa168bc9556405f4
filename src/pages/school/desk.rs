//! The headteacher's desk: every review held for a cycle in one table, filtered by reviewer,
//! staff group and what needs attention, in the order chosen; cards on a phone.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{
    CycleChoice, DeskRows, FIRST_ROWS, Narrowed, Reading, ShowTheRest, in_parts, narrowed,
};
use crate::components::{Banner, BannerKind};
use crate::domain::desk::{DeskColumn, DeskFilter, DeskRow, arrange};
use crate::domain::ids::Id;
use crate::domain::to_do::Concern;
use crate::state::use_storage;
use crate::use_cases::staff::{self, Awaited};

#[component]
pub fn DeskPage() -> impl IntoView {
    crate::pages::set_page_title("Reviews across the school");
    let rows = DeskRows::read();
    let cycle = CycleChoice::new(rows);
    let reading = Reading::of(rows);
    let concern = narrowed();
    let every_row = RwSignal::new(false);
    let reviewer = RwSignal::new(None::<Id>);
    let staff_group = RwSignal::new(None::<String>);
    let needs_attention = RwSignal::new(false);
    let order = RwSignal::new(0_usize);
    let choices = move |pick: fn(&DeskRow) -> (String, String)| {
        rows.with(|rows| {
            let mut seen: Vec<(String, String)> = rows
                .as_ref()
                .and_then(|rows| rows.as_ref().ok())
                .map(|rows| {
                    rows.iter()
                        .filter(|row| Some(row.period) == cycle.chosen())
                        .map(pick)
                        .collect()
                })
                .unwrap_or_default();
            seen.sort_by(|a, b| a.1.cmp(&b.1));
            seen.dedup();
            seen
        })
    };
    view! {
        <h1>"Reviews across the school"</h1>
        <p>"Every review held on this device that you received as headteacher or review yourself, for one cycle: where each stands, whether the statement reached you by the policy’s date, and whether both have signed it as it is now."</p>
        <p class="no-print">
            <A href="/school/moderation">"Moderation"</A>
            " · "
            <A href="/school/appeals">"Appeals"</A>
            " · "
            <A href="/school/pay">"Pay decisions"</A>
            " · "
            <A href="/school/governors-report">"The governors’ report"</A>
            " · "
            <A href="/school/staff">"The staff list"</A>
        </p>
        {move || match reading.get() {
            Reading::Underway => view! { <p role="status">"Reading the reviews…"</p> }.into_any(),
            Reading::Failed(reason) => view! {
                <Banner kind=BannerKind::Problem title="The reviews could not be read"><p>{reason}</p></Banner>
            }.into_any(),
            Reading::NothingHeld => {
                let awaited = use_storage()
                    .with(|vault| {
                        let cycle = staff::cycle_reviewed_on(vault, crate::browser::today()).ok()??;
                        staff::awaited(vault, &[], &cycle).ok()
                    })
                    .flatten()
                    .unwrap_or_default();
                view! {
                    <p class="empty">"No reviews are on your desk yet. Final statements reach you as files from reviewers: "<A href="/import">"import them"</A>" as they arrive."</p>
                    <NotOnTheDesk awaited=awaited />
                }.into_any()
            }
            Reading::Done => view! {
                <div class="filters no-print">
                    {cycle.select("desk-cycle")}
                    <div class="field">
                        <label class="field__label" for="desk-reviewer">"Reviewer"</label>
                        <select class="field__select" id="desk-reviewer" on:change=move |event| {
                            let value = event_target_value(&event);
                            reviewer.set(Id::new(value).ok());
                        }>
                            <option value="">"Every reviewer"</option>
                            {choices(|row| (row.reviewer_id.as_str().to_owned(), row.reviewer.clone()))
                                .into_iter()
                                .map(|(id, name)| view! { <option value=id>{name}</option> })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label class="field__label" for="desk-group">"Staff group"</label>
                        <select class="field__select" id="desk-group" on:change=move |event| {
                            let value = event_target_value(&event);
                            staff_group.set((!value.is_empty()).then_some(value));
                        }>
                            <option value="">"Every staff group"</option>
                            {choices(|row| (row.staff_group.clone(), row.staff_group.clone()))
                                .into_iter()
                                .map(|(group, _)| view! { <option value=group.clone()>{group.clone()}</option> })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label class="field__label" for="desk-order">"Sort by"</label>
                        <select class="field__select" id="desk-order" on:change=move |event| order.set(event_target_value(&event).parse().unwrap_or(0))>
                            {DeskColumn::ORDERS.iter().enumerate().map(|(index, (_, _, label))| view! {
                                <option value=index.to_string()>{*label}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="radio">
                        <input type="checkbox" id="desk-attention" on:change=move |event| needs_attention.set(event_target_checked(&event)) />
                        <label for="desk-attention">"Only reviews that need attention: late, or not signed by both as they stand"</label>
                    </div>
                </div>
                {move || {
                    let concern = concern.get();
                    every_row.track();
                    if concern == Some(Concern::NotStarted) {
                        return ().into_any();
                    }
                    let filter = DeskFilter {
                        cycle: cycle.chosen(),
                        reviewer: reviewer.get(),
                        staff_group: staff_group.get(),
                        needs_attention: needs_attention.get(),
                    };
                    let (column, descending, _) = DeskColumn::ORDERS[order.get().min(DeskColumn::ORDERS.len() - 1)];
                    rows.with(|rows| {
                        let rows = rows.as_ref().and_then(|rows| rows.as_ref().ok());
                        let counted = |row: &&DeskRow| concern.is_none_or(|concern| concern.counts(row));
                        let shown: Vec<DeskRow> = rows
                            .map(|rows| arrange(rows.iter().filter(counted), &filter, column, descending).into_iter().cloned().collect())
                            .unwrap_or_default();
                        view! {
                            {concern.map(|concern| view! { <Narrowed concern=concern count=shown.len() page="desk" /> })}
                            <DeskTable rows=shown cycle=filter.cycle every_row=every_row />
                        }
                    }).into_any()
                }}
                {move || cycle.chosen().map(|chosen| rows.with(|rows| {
                    let rows = rows.as_ref().and_then(|rows| rows.as_ref().ok()).map_or(&[][..], Vec::as_slice);
                    let awaited = use_storage()
                        .with(|vault| staff::awaited(vault, rows, &chosen).ok())
                        .flatten()
                        .unwrap_or_default();
                    let narrowed = (concern.get() == Some(Concern::NotStarted))
                        .then(|| view! { <Narrowed concern=Concern::NotStarted count=awaited.len() page="desk" /> });
                    view! { {narrowed} <NotOnTheDesk awaited=awaited /> }
                }))}
            }.into_any(),
        }}
    }
}

/// The members of the staff list whose reviews for the cycle have not reached the desk.
#[component]
fn NotOnTheDesk(awaited: Vec<Awaited>) -> impl IntoView {
    (!awaited.is_empty()).then(|| {
        let count = awaited.len();
        view! {
            <section class="section" aria-labelledby="awaited-heading">
                <h2 id="awaited-heading">{format!("Not on your desk yet ({count})")}</h2>
                <p>"On the staff list for this cycle, but no statement has reached you: the review may not have started, or the statement is still being written."</p>
                <ul class="list">
                    {awaited.into_iter().map(|Awaited { name, job_title, reviewer }| {
                        let who = if job_title.is_empty() { name } else { format!("{name}, {job_title}") };
                        let by = reviewer.map_or_else(|| "no reviewer chosen yet".to_owned(), |reviewer| format!("reviewer {reviewer}"));
                        view! { <li>{format!("{who}: {by}")}</li> }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// The reviews shown, a row each (a card on a phone): the first [`FIRST_ROWS`] until the
/// headteacher asks for `every_row`.
#[component]
fn DeskTable(
    rows: Vec<DeskRow>,
    cycle: Option<crate::domain::period::CyclePeriod>,
    every_row: RwSignal<bool>,
) -> impl IntoView {
    let caption = format!(
        "{} {} {}",
        rows.len(),
        if rows.len() == 1 { "review" } else { "reviews" },
        cycle.map_or_else(String::new, |cycle| format!("of the cycle {cycle}"))
    );
    let (rows, waiting) = in_parts(rows, every_row);
    let caption = if waiting > 0 {
        format!("{caption}, the first {FIRST_ROWS} shown")
    } else {
        caption
    };
    if rows.is_empty() {
        return view! { <p class="empty" role="status">"No reviews match what you chose. Choose every reviewer and staff group, or untick “Only reviews that need attention”."</p> }.into_any();
    }
    view! {
        <div class="table-wrap wide">
            <table class="table table--cards desk-table">
                <caption class="table__caption" aria-live="polite">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Reviewee"</th>
                        <th scope="col">"Reviewer"</th>
                        <th scope="col">"Staff group"</th>
                        <th scope="col">"Stage"</th>
                        <th scope="col">"Statement to you"</th>
                        <th scope="col">"New objectives"</th>
                        <th scope="col">"Missing SMART"</th>
                        <th scope="col">"Last cycle’s objectives"</th>
                        <th scope="col">"Pay recommendation"</th>
                        <th scope="col">"Signed by both as it is"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().enumerate().map(|(index, row)| {
                        let href = format!("/reviews/{}", row.review);
                        let timeliness = row.timeliness_in_words();
                        let pay = match (&row.pay, row.pay_recommendation) {
                            (None, _) => "Not eligible".to_owned(),
                            (Some(_), None) => "None yet".to_owned(),
                            (Some(_), Some(recommendation)) => recommendation.label().to_owned(),
                        };
                        let late = row.timeliness.is_late();
                        let (reviewee, stage, ratings) = (row.reviewee_in_words(), row.stage_in_words(), row.ratings_in_words());
                        view! {
                            <tr>
                                <th scope="row"><A href=href attr:id=format!("desk-row-{index}")>{reviewee}</A></th>
                                <td data-label="Reviewer">{row.reviewer.clone()}</td>
                                <td data-label="Staff group">{row.staff_group.clone()}</td>
                                <td data-label="Stage">{stage}</td>
                                <td data-label="Statement to you" class:overdue=late>{timeliness}</td>
                                <td data-label="New objectives">{row.objectives}</td>
                                <td data-label="Missing SMART">{row.objectives_missing_smart}</td>
                                <td data-label="Last cycle’s objectives">{ratings}</td>
                                <td data-label="Pay recommendation">{pay}</td>
                                <td data-label="Signed by both as it is">{if row.signed_as_it_is { "Yes" } else { "No" }}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <ShowTheRest waiting=waiting every_row=every_row first_of="desk-row" />
    }.into_any()
}
