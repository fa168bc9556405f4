//! The CPD leader's list: every training need received, grouped by theme, with who needs it and
//! the action agreed, the policy's date for them, and the list as a CSV for the training audit.
//! It holds training needs only: the CPD leader never receives a statement.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{Banner, BannerKind};
use crate::domain::training_audit::{ThemeGroup, needs_by_theme, needs_csv};
use crate::state::use_storage;
use crate::use_cases::{agenda, reviews};

#[component]
pub(super) fn TrainingNeeds() -> impl IntoView {
    super::super::set_page_title("Training needs received");
    let storage = use_storage();
    let groups = Memo::new(move |_| {
        storage.changed_elsewhere.track();
        storage
            .with(|vault| reviews::training_needs_held(vault).map(|held| needs_by_theme(&held)))
            .unwrap_or_else(|| Ok(Vec::new()))
            .map_err(|error| error.to_string())
    });
    let due = storage
        .with(|vault| agenda::training_needs_due(vault, crate::browser::today()))
        .flatten();
    let download = move |_| {
        if let Ok(groups) = groups.get_untracked() {
            let name = format!("training-needs-{}.csv", crate::browser::file_stamp());
            let _ = crate::browser::download(&name, "text/csv;charset=utf-8", &needs_csv(&groups));
        }
    };
    view! {
        <h1>"Training needs received"</h1>
        <p>"Every training and development need that has reached you, grouped by theme, for the school’s training plan. Each comes from a review’s training needs form; nothing else of the review is here."</p>
        {due.map(|text| view! { <p>{text}</p> })}
        {move || match groups.get() {
            Err(reason) => view! {
                <Banner kind=BannerKind::Problem title="The training needs could not be read"><p>{reason}</p></Banner>
            }.into_any(),
            Ok(groups) if groups.is_empty() => view! {
                <p class="empty">"No training needs have reached you yet. Reviewers send them as files: "<A href="/import">"import them"</A>" as they arrive."</p>
            }.into_any(),
            Ok(groups) => view! {
                <p class="no-print">
                    <button type="button" class="button" on:click=download>"Download the list for a spreadsheet (CSV)"</button>
                </p>
                {groups.into_iter().map(|group| view! { <Theme group=group /> }).collect_view()}
            }.into_any(),
        }}
    }
}

/// One theme's needs as a table (cards on a phone).
#[component]
fn Theme(group: ThemeGroup) -> impl IntoView {
    let title = format!(
        "{} ({} {})",
        group.theme.label(),
        group.needs.len(),
        if group.needs.len() == 1 {
            "need"
        } else {
            "needs"
        }
    );
    view! {
        <h2 class="heading-m">{title.clone()}</h2>
        <div class="table-wrap">
            <table class="table table--cards">
                <caption class="visually-hidden">{title}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Job title"</th>
                        <th scope="col">"Need"</th>
                        <th scope="col">"Action agreed"</th>
                        <th scope="col">"Reviewer"</th>
                    </tr>
                </thead>
                <tbody>
                    {group.needs.into_iter().map(|row| view! {
                        <tr>
                            <th scope="row">{row.name}</th>
                            <td data-label="Job title">{row.job_title}</td>
                            <td data-label="Need">{row.need}</td>
                            <td data-label="Action agreed">{row.action}</td>
                            <td data-label="Reviewer">{row.reviewer}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
