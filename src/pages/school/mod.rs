//! The pages for the people who run appraisal across the school, at `/school/:page`, one
//! download for all of them: each page in the address table costs every first visit about 1 KiB,
//! and only a few people open these. The desk, moderation, appeals, pay decisions and the staff
//! list are fetched together when the first of them is opened; the desk's rows are shared
//! between them and kept while any of them is open.

mod appeals;
mod desk;
mod governors_report;
mod moderation;
mod pay;
mod staff_list;
mod training_needs;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{Banner, BannerKind};
use crate::domain::desk::DeskRow;
use crate::domain::period::CyclePeriod;
use crate::domain::to_do::Concern;
use crate::on_demand::NotFetched;
use crate::state::{AppStorage, use_storage};
use crate::use_cases::leadership::Desk;

/// The school page named in the address, or "not found".
#[component]
pub fn SchoolPage() -> impl IntoView {
    provide_context(DeskRows::new(use_storage()));
    let params = leptos_router::hooks::use_params_map();
    move || match params.with(|params| params.get("page")).as_deref() {
        Some("training-needs") => view! { <training_needs::TrainingNeeds /> }.into_any(),
        Some("governors-report") => view! { <governors_report::GovernorsReportPage /> }.into_any(),
        Some(page @ ("desk" | "moderation" | "appeals" | "pay" | "staff")) => {
            view! { <OnDemand page=page.to_owned() /> }.into_any()
        }
        _ => view! { <super::NotFoundPage /> }.into_any(),
    }
}

/// A page whose code is fetched the first time it is opened.
#[component]
fn OnDemand(page: String) -> impl IntoView {
    let loaded = RwSignal::new(None::<Result<fn(&str) -> AnyView, NotFetched>>);
    leptos::task::spawn_local(async move {
        loaded.set(Some(leadership_pages().await));
    });
    move || match loaded.get() {
        None => view! { <p role="status">"Opening the page…"</p> }.into_any(),
        Some(Ok(draw)) => draw(&page),
        Some(Err(missing)) => view! {
            <Banner kind=BannerKind::Problem title="This page could not be opened">
                <p>{missing.sentence("draws this page")}</p>
            </Banner>
        }
        .into_any(),
    }
}

/// The desk, moderation, appeals, pay decisions and the staff list: one download, since the
/// first four are worked out from the desk's rows and the desk reads the staff list.
#[leptos::wasm_split::wasm_split(leadership, wasm_split_path = ::leptos::wasm_split, fallible)]
fn leadership_pages() -> Result<fn(&str) -> AnyView, NotFetched> {
    Ok(|page| match page {
        "desk" => view! { <desk::DeskPage /> }.into_any(),
        "appeals" => view! { <appeals::AppealsPage /> }.into_any(),
        "pay" => view! { <pay::PayPage /> }.into_any(),
        "staff" => view! { <staff_list::StaffListPage /> }.into_any(),
        _ => view! { <moderation::ModerationPage /> }.into_any(),
    })
}

/// The desk's rows (or why they could not be read; `None` until first read), and the desk that
/// keeps them between storage changes, in context for the school's pages.
#[derive(Clone, Copy)]
struct DeskRows {
    storage: AppStorage,
    desk: StoredValue<Desk>,
    rows: RwSignal<Option<Result<Vec<DeskRow>, String>>>,
    /// Bumped by a page that wrote something the rows show.
    wrote: Trigger,
}

impl DeskRows {
    fn new(storage: AppStorage) -> DeskRows {
        DeskRows {
            storage,
            desk: StoredValue::new(Desk::default()),
            rows: RwSignal::new(None),
            wrote: Trigger::new(),
        }
    }

    /// Reads the rows again once `sent` says a file went out: sending records the day it went.
    fn after_sending(sent: RwSignal<Option<crate::pages::send::Sent>>) {
        let this = expect_context::<DeskRows>();
        Effect::new(move |_| {
            if matches!(sent.get(), Some(crate::pages::send::Sent::Done { .. })) {
                this.wrote.notify();
            }
        });
    }

    /// The rows, read now and again whenever storage changes.
    fn read() -> ReadSignal<Option<Result<Vec<DeskRow>, String>>> {
        let this = expect_context::<DeskRows>();
        Effect::new(move |_| {
            this.storage.changed_elsewhere.track();
            this.wrote.track();
            let today = crate::browser::today();
            let rows = this
                .storage
                .with(|vault| this.desk.try_update_value(|desk| desk.rows(vault, today)))
                .flatten()
                .unwrap_or_else(|| Ok(Vec::new()))
                .map_err(|error| error.to_string());
            this.rows.set(Some(rows));
        });
        this.rows.read_only()
    }
}

/// Where reading the desk's rows has got to: a page is drawn again only when this changes, not
/// each time a row does, so what the person chose and typed stays as it is.
#[derive(Clone, PartialEq)]
enum Reading {
    Underway,
    Failed(String),
    NothingHeld,
    Done,
}

impl Reading {
    fn of(rows: ReadSignal<Option<Result<Vec<DeskRow>, String>>>) -> Memo<Reading> {
        Memo::new(move |_| {
            rows.with(|rows| match rows {
                None => Reading::Underway,
                Some(Err(reason)) => Reading::Failed(reason.clone()),
                Some(Ok(rows)) if rows.is_empty() => Reading::NothingHeld,
                Some(Ok(_)) => Reading::Done,
            })
        })
    }
}

/// The cycle a page shows, chosen from those of the desk's rows, latest first.
#[derive(Clone, Copy)]
struct CycleChoice {
    cycles: Memo<Vec<CyclePeriod>>,
    chosen: RwSignal<usize>,
}

impl CycleChoice {
    fn new(rows: ReadSignal<Option<Result<Vec<DeskRow>, String>>>) -> CycleChoice {
        let cycles = Memo::new(move |_| {
            let mut cycles: Vec<CyclePeriod> = rows.with(|rows| {
                rows.as_ref()
                    .and_then(|rows| rows.as_ref().ok())
                    .map(|rows| rows.iter().map(|row| row.period).collect())
                    .unwrap_or_default()
            });
            cycles.sort_by_key(|cycle| std::cmp::Reverse(cycle.first_day));
            cycles.dedup();
            cycles
        });
        CycleChoice {
            cycles,
            chosen: RwSignal::new(0),
        }
    }

    fn chosen(self) -> Option<CyclePeriod> {
        self.cycles
            .with(|cycles| cycles.get(self.chosen.get()).copied())
    }

    /// The cycle as a labelled choice.
    fn select(self, id: &'static str) -> impl IntoView {
        view! {
            <div class="field">
                <label class="field__label" for=id>"Cycle"</label>
                <select class="field__select" id=id on:change=move |event| self.chosen.set(event_target_value(&event).parse().unwrap_or(0))>
                    {move || self.cycles.get().iter().enumerate().map(|(index, cycle)| view! {
                        <option value=index.to_string() selected=move || self.chosen.get() == index>{cycle.to_string()}</option>
                    }).collect_view()}
                </select>
            </div>
        }
    }
}

/// A choice of one of `rows` by reviewee and reviewer, in name order; the review's id goes to
/// `chosen` (empty for none).
#[component]
fn ReviewChoice(
    #[prop(into)] id: String,
    label: &'static str,
    placeholder: &'static str,
    rows: Memo<Vec<DeskRow>>,
    chosen: RwSignal<String>,
) -> impl IntoView {
    let choices = Memo::new(move |_| {
        rows.with(|rows| {
            let mut choices: Vec<(String, String)> = rows
                .iter()
                .map(|row| {
                    let name = format!("{} (reviewed by {})", row.reviewee, row.reviewer);
                    (row.review.as_str().to_owned(), name)
                })
                .collect();
            choices.sort_by(|a, b| a.1.cmp(&b.1));
            choices
        })
    });
    view! {
        <div class="field no-print">
            <label class="field__label" for=id.clone()>{label}</label>
            <select class="field__select" id=id on:change=move |event| chosen.set(event_target_value(&event))>
                <option value="">{placeholder}</option>
                {move || choices.get().into_iter().map(|(id, name)| {
                    let this = id.clone();
                    view! { <option value=id selected=move || chosen.get() == this>{name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// The row of `rows` chosen, read without following `rows`: a page draws its form again only for
/// another choice, so what was just recorded or sent stays in view.
fn chosen_row(rows: Memo<Vec<DeskRow>>, chosen: RwSignal<String>) -> Option<DeskRow> {
    let id = chosen.get();
    rows.with_untracked(|rows| rows.iter().find(|row| row.review.as_str() == id).cloned())
}

/// The concern the address narrows a page to (`?show=late`, from a line of Home's to-do list),
/// followed as the address changes.
fn narrowed() -> Memo<Option<Concern>> {
    let query = leptos_router::hooks::use_query_map();
    Memo::new(move |_| {
        query
            .with(|query| query.get("show"))
            .and_then(|word| Concern::from_word(&word))
    })
}

/// The line saying a page shows only what a to-do line counted, how many, and the way back to
/// everything on `page`.
#[component]
fn Narrowed(concern: Concern, count: usize, page: &'static str) -> impl IntoView {
    view! {
        <p class="narrowed no-print" data-testid="narrowed">
            <strong>{format!("Showing only {} ({count}).", concern.narrowed_to())}</strong>
            " "
            <A href=format!("/school/{page}")>"Show them all"</A>
        </p>
    }
}

/// How many rows a long list (the desk, pay decisions) draws before "Show the other …": a
/// school's 30 at once, a larger school's list (a card each on a phone) in parts.
const FIRST_ROWS: usize = 30;

/// `rows` cut to the first [`FIRST_ROWS`] unless `every_row` is set, and how many wait.
fn in_parts<T>(mut rows: Vec<T>, every_row: RwSignal<bool>) -> (Vec<T>, usize) {
    let waiting = if every_row.get_untracked() {
        0
    } else {
        rows.len().saturating_sub(FIRST_ROWS)
    };
    rows.truncate(rows.len() - waiting);
    (rows, waiting)
}

/// "Show the other 30 reviews": draws the rest, and gives the focus to the first row it brings
/// (the element `{first_of}-30`), as the button goes with them.
#[component]
fn ShowTheRest(waiting: usize, every_row: RwSignal<bool>, first_of: &'static str) -> impl IntoView {
    (waiting > 0).then(|| {
        view! {
            <p class="no-print">
                <button type="button" class="button button--secondary" on:click=move |_| {
                    every_row.set(true);
                    crate::browser::focus_when_drawn(format!("{first_of}-{FIRST_ROWS}"));
                }>
                    {format!("Show the other {waiting} {}", if waiting == 1 { "review" } else { "reviews" })}
                </button>
            </p>
        }
    })
}
