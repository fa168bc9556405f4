//! The pages for the people who run appraisal across the school, at `/school/:page`, one
//! download for all of them: each page in the address table costs every first visit about 1 KiB,
//! and only a few people open these.

mod governors_report;
mod training_needs;

use leptos::prelude::*;

/// The school page named in the address, or "not found".
#[component]
pub fn SchoolPage() -> impl IntoView {
    let params = leptos_router::hooks::use_params_map();
    move || match params.with(|params| params.get("page")).as_deref() {
        Some("training-needs") => view! { <training_needs::TrainingNeeds /> }.into_any(),
        Some("governors-report") => view! { <governors_report::GovernorsReportPage /> }.into_any(),
        _ => view! { <super::NotFoundPage /> }.into_any(),
    }
}
