//! Fields two copies of a review changed differently, on the import page and in the review:
//! each version side by side, and the person's choice of which to keep.

use leptos::prelude::*;

use crate::browser::now;
use crate::domain::documents::field_label;
use crate::state::AppStorage;
use crate::use_cases::conflicts;

/// Fields two copies changed differently: each version side by side, and the person's choice.
#[component]
pub(in crate::pages) fn ConflictsToResolve(
    storage: AppStorage,
    /// Only this review's conflicts (the review workspace); every review's otherwise.
    #[prop(optional)]
    only_review: Option<String>,
) -> impl IntoView {
    let only_review = StoredValue::new(only_review);
    let open = move || {
        storage.changed_elsewhere.track();
        let mut open = storage
            .with(|vault| conflicts::conflicts(vault).unwrap_or_default())
            .unwrap_or_default();
        if let Some(review) = only_review.get_value() {
            open.retain(|conflict| conflict.review_id == review);
        }
        open
    };
    view! {
        <Show when=move || !open().is_empty()>
            <section class="section" aria-labelledby="conflicts-heading">
                <h2 id="conflicts-heading">"Changes that need you to choose"</h2>
                <p>"These answers were changed in two places without either seeing the other. Appraise shows the later one until you choose; nothing is lost."</p>
                {move || open().into_iter().map(|item| {
                    let title = format!("{}’s review: {}", item.reviewee, field_label(&item.conflict.path));
                    let label = title.clone();
                    let versions: Vec<_> = std::iter::once(item.conflict.provisional.clone()).chain(item.conflict.others.clone()).collect();
                    view! {
                        <div class="import-item" role="group" aria-label=label>
                            <h3>{title}</h3>
                            {versions.into_iter().enumerate().map(|(n, version)| {
                                let text = version.value.as_ref().map_or_else(|| "(removed)".to_string(), |v| v.as_str().map_or_else(|| v.to_string(), str::to_owned));
                                let (review, document, path, value) = (item.review_id.clone(), item.document.clone(), item.conflict.path.clone(), version.value.clone());
                                let keep = move |_| {
                                    let _ = storage.with_mut(|vault| conflicts::resolve(vault, &review, &document, &path, value.clone(), now()));
                                    storage.announce_change("");
                                };
                                view! {
                                    <blockquote class="kept-copy__text">{text}</blockquote>
                                    <button type="button" class="button button--secondary" on:click=keep>
                                        {if n == 0 { "Keep this version (shown now)" } else { "Keep this version" }}
                                    </button>
                                }
                            }).collect_view()}
                        </div>
                    }
                }).collect_view()}
            </section>
        </Show>
    }
}
