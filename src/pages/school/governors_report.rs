//! The governors' report (seed 004, 9.1): for one cycle of the reviews held here, anonymised
//! counts with small groups hidden, to print on A4 or download as CSV. It holds no name, id,
//! job title or anything a person wrote.

use leptos::prelude::*;

use crate::components::{Banner, BannerKind};
use crate::domain::governors::{GovernorsReport, SMALLEST_GROUP_SHOWN};
use crate::domain::period::CyclePeriod;
use crate::state::use_storage;
use crate::use_cases::leadership::{cycles_held, governors_report_for, school_name};

#[component]
pub(super) fn GovernorsReportPage() -> impl IntoView {
    super::super::set_page_title("The governors’ report");
    let storage = use_storage();
    let cycles = storage
        .with(|vault| cycles_held(vault).unwrap_or_default())
        .unwrap_or_default();
    let chosen = RwSignal::new(0_usize);
    let cycles = StoredValue::new(cycles);
    let report = RwSignal::new(None::<(CyclePeriod, Result<Option<Worked>, String>)>);
    Effect::new(move |_| {
        storage.changed_elsewhere.track();
        let Some(cycle) = cycles.with_value(|cycles| cycles.get(chosen.get()).copied()) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let worked_out = work_out(storage, cycle, crate::browser::today())
                .await
                .unwrap_or_else(|missing| Err(missing.sentence("works out the report")));
            report.set(Some((cycle, worked_out)));
        });
    });
    let download = move |_| {
        if let Some((cycle, Ok(Some(Worked { report, .. })))) = report.get_untracked() {
            use chrono::Datelike;
            let name = format!(
                "governors-report-{}-{:02}.csv",
                cycle.first_day.year(),
                cycle.last_day.year() % 100
            );
            let _ = crate::browser::download(&name, "text/csv;charset=utf-8", &report.csv());
        }
    };
    view! {
        <h1>"The governors’ report"</h1>
        <p>{format!("Counts of the reviews held on this device for one cycle, for the governing body. Any group of fewer than {SMALLEST_GROUP_SHOWN} is shown as “fewer than {SMALLEST_GROUP_SHOWN}”, and a figure that would let a hidden one be worked out from the others is “not shown”, so nobody can be identified. It holds no names and nothing anyone wrote.")}</p>
        {move || {
            let list = cycles.get_value();
            if list.is_empty() {
                return view! { <p class="empty">"There are no reviews on this device to report on yet."</p> }.into_any();
            }
            view! {
                <div class="field no-print">
                    <label class="field__label" for="report-cycle">"Cycle"</label>
                    <select class="field__select" id="report-cycle" on:change=move |event| chosen.set(event_target_value(&event).parse().unwrap_or(0))>
                        {list.iter().enumerate().map(|(index, cycle)| view! {
                            <option value=index.to_string() selected=move || chosen.get() == index>{cycle.to_string()}</option>
                        }).collect_view()}
                    </select>
                </div>
            }.into_any()
        }}
        {move || (report.get().is_none() && cycles.with_value(|list| !list.is_empty())).then(|| view! {
            <p role="status">"Working out the report…"</p>
        })}
        {move || report.get().map(|(cycle, report)| match report {
            Err(reason) => view! {
                <Banner kind=BannerKind::Problem title="The report could not be worked out"><p>{reason}</p></Banner>
            }.into_any(),
            Ok(None) => view! { <p class="empty">{format!("No reviews of the cycle {cycle} are held here.")}</p> }.into_any(),
            Ok(Some(Worked { report, school })) => view! {
                <div class="button-group no-print">
                    <button type="button" class="button" on:click=move |_| { let _ = web_sys::window().map(|w| w.print()); }>"Print the report"</button>
                    <button type="button" class="button button--secondary" on:click=download>"Download it for a spreadsheet (CSV)"</button>
                </div>
                <Report cycle=cycle report=report school=school />
            }.into_any(),
        })}
    }
}

/// The report worked out for a cycle, with the school's name for its heading.
#[derive(Clone)]
struct Worked {
    report: GovernorsReport,
    school: Option<String>,
}

/// Reads every review of `cycle` held here and works out the report: code of its own, fetched
/// when the report is first asked for, so the school's other pages do not wait for it.
#[leptos::wasm_split::wasm_split(governors_report, wasm_split_path = ::leptos::wasm_split, fallible)]
fn work_out(
    storage: crate::state::AppStorage,
    cycle: CyclePeriod,
    today: chrono::NaiveDate,
) -> Result<Result<Option<Worked>, String>, crate::on_demand::NotFetched> {
    Ok(storage
        .with(|vault| {
            let report = governors_report_for(vault, cycle, today)?;
            let school = school_name(vault)?;
            Ok(report.map(|report| Worked { report, school }))
        })
        .unwrap_or(Ok(None))
        .map_err(|error: crate::use_cases::RecordsError| error.to_string()))
}

/// The report's parts as tables.
#[component]
fn Report(cycle: CyclePeriod, report: GovernorsReport, school: Option<String>) -> impl IntoView {
    let made = format!(
        "Made on {} from the reviews held on the headteacher’s device.",
        crate::domain::dates::format_uk_date(crate::browser::today())
    );
    view! {
        <h2 class="heading-m">{match school {
            Some(school) => format!("{school}: appraisal, {cycle}"),
            None => format!("Appraisal, {cycle}"),
        }}</h2>
        <p data-testid="report-made">{made}</p>
        {report.sections().into_iter().map(|(heading, rows)| view! {
            <table class="table report-table">
                <caption class="report-table__caption">{heading}</caption>
                <thead><tr><th scope="col">"Counted"</th><th scope="col" class="report-table__count">"Number"</th></tr></thead>
                <tbody>
                    {rows.into_iter().map(|(label, count)| view! {
                        <tr><th scope="row">{label}</th><td class="report-table__count">{count.to_string()}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        }).collect_view()}
    }
}
