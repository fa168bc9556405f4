//! The saved indicator, which always tells the truth about what storage holds, and the banner
//! shown when a save fails, with the way out: download every word as a file.

use leptos::prelude::*;

use super::{Banner, BannerKind};
use crate::autosave::{Draft, SaveStatus};

#[component]
pub fn SaveIndicator(draft: Draft) -> impl IntoView {
    let text = move || match draft.status.get() {
        SaveStatus::Saved => "All changes saved on this device",
        SaveStatus::Saving => "Saving…",
        SaveStatus::Failed(_) => "Not saved: see the message above",
    };
    let class = move || match draft.status.get() {
        SaveStatus::Failed(_) => "save-indicator save-indicator--failed",
        _ => "save-indicator",
    };
    view! { <p class=class role="status" aria-live="polite" data-testid="save-indicator">{text}</p> }
}

/// Shown while the last save failed. `download` offers the draft as a file.
#[component]
pub fn SaveFailureBanner(draft: Draft, download: Callback<()>) -> impl IntoView {
    let reason = move || match draft.status.get() {
        SaveStatus::Failed(reason) => Some(reason),
        _ => None,
    };
    view! {
        <Show when=move || reason().is_some()>
            <Banner kind=BannerKind::Problem title="Your latest changes are not saved">
                <p>{reason}</p>
                <p>"Your text is still here. Keep this page open and download a copy so nothing is lost."</p>
                <button type="button" class="button" on:click=move |_| download.run(())>
                    "Download your draft"
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| draft.save_now()>
                    "Try saving again"
                </button>
            </Banner>
        </Show>
    }
}
