//! "Your pre-review": the reviewee's self-assessment before the meeting, saved as they type.

use leptos::prelude::*;
use serde_json::Value;

use crate::autosave::{Draft, save_on_leaving};
use crate::components::{
    Banner, BannerKind, DraftTextArea, DraftTextInput, RemoveButton, SaveFailureBanner,
    SaveIndicator, focus_field,
};
use crate::domain::documents::{Document, FormField, PreReviewAuthor, PreReviewForm, from_json};
use crate::state::use_storage;
use crate::use_cases::editing::ChangedInTwoPlaces;
use crate::use_cases::identity;

fn path(field: &str) -> String {
    format!("{}.{field}", PreReviewForm::KIND)
}

/// Offers every word of the draft as a text file.
fn download_draft(draft: Draft) {
    let Some(form) = draft
        .body()
        .and_then(|body| from_json::<PreReviewForm>(body).ok())
    else {
        return;
    };
    let name = format!(
        "appraise-pre-review-draft-{}.txt",
        crate::browser::file_stamp()
    );
    let _ = crate::browser::download(&name, "text/plain;charset=utf-8", &form.to_plain_text());
}

#[component]
pub fn PreparePage() -> impl IntoView {
    super::set_page_title("Your pre-review");
    let storage = use_storage();
    // The name and job title the person gave at set-up head the form; they can change them.
    // Read without creating keys: looking at the page should not make an identity.
    let me = storage
        .with(|vault| identity::identity(vault).ok().flatten())
        .flatten()
        .map(|stored| stored.profile())
        .unwrap_or_default();
    let draft = Draft::open_pre_review(
        storage,
        &PreReviewForm::blank(PreReviewAuthor::Reviewee, &me.name, &me.job_title),
    );
    for (field, known) in [("name", me.name), ("job_title", me.job_title)] {
        if draft.text(path(field)).get_untracked().trim().is_empty() && !known.trim().is_empty() {
            draft.set(&path(field), Value::String(known));
        }
    }
    save_on_leaving(draft);
    let download = Callback::new(move |()| download_draft(draft));
    let (required, optional): (Vec<&FormField>, Vec<&FormField>) = PreReviewForm::TEXT_FIELDS
        .iter()
        .filter(|field| !matches!(field.name, "name" | "job_title"))
        .partition(|field| !field.optional);

    view! {
        <h1>"Your pre-review"</h1>
        <p class="lead">
            "Think back over the year before your appraisal meeting. Your answers are saved on this device as you type; "
            "nothing is shared until you choose to send it."
        </p>
        <SaveFailureBanner draft=draft download=download />
        <ChangedInTwoPlaces draft=draft />
        <SaveIndicator draft=draft />
        <form class="form" on:submit=|event| event.prevent_default()>
            <DraftTextInput draft=draft path=path("name") label="Your name" autocomplete="name" />
            <DraftTextInput draft=draft path=path("job_title") label="Your job title" autocomplete="organization-title" />
            {required
                .into_iter()
                .map(|field| view! { <DraftTextArea draft=draft path=path(field.name) label=field.label hint=field.hint /> })
                .collect_view()}
            <EvidenceList draft=draft />
            <fieldset class="fieldset">
                <legend class="fieldset__legend">"Optional"</legend>
                {optional
                    .into_iter()
                    .map(|field| view! { <DraftTextArea draft=draft path=path(field.name) label=field.label hint=field.hint rows=3 /> })
                    .collect_view()}
            </fieldset>
        </form>
        <p>
            <button type="button" class="button button--secondary" on:click=move |_| download.run(())>
                "Download a copy as a text file"
            </button>
        </p>
        <super::send::SendPreReview storage=storage draft=draft />
    }
}

/// The evidence the reviewee will bring: a list they can add to and remove from.
#[component]
fn EvidenceList(draft: Draft) -> impl IntoView {
    let order_path = path("evidence");
    let ids = draft.list_ids(order_path.clone());
    let add = {
        let order_path = order_path.clone();
        move |_| {
            let id = crate::browser::fresh_id("evidence");
            let item = [
                (".id".to_owned(), Value::String(id.clone())),
                (".description".to_owned(), Value::String(String::new())),
            ];
            draft.add_list_item(&order_path, &id, item.into_iter().collect());
            focus_field(format!("{order_path}[{id}].description"));
        }
    };
    view! {
        <fieldset class="fieldset">
            <legend class="fieldset__legend">"Evidence you will bring"</legend>
            <p class="field__hint">"For example notes from one-to-ones, tracking sheets, feedback from parents or colleagues."</p>
            <Show when=move || ids.get().is_empty()>
                <p class="empty">"No evidence listed yet."</p>
            </Show>
            <For each=move || ids.get().into_iter().enumerate() key=|(number, id)| (*number, id.clone()) let((number, id))>
                <div class="list-item">
                    <DraftTextInput
                        draft=draft
                        path=format!("{order_path}[{id}].description")
                        label=format!("Evidence {}", number + 1)
                    />
                    <RemoveButton draft=draft order_path=order_path.clone() id=id what=format!("evidence {}", number + 1) />
                </div>
            </For>
            <button type="button" class="button button--secondary" on:click=add>"Add a piece of evidence"</button>
        </fieldset>
    }
}

/// Answers changed in two places (two tabs, or this device and a restored backup) without
/// either seeing the other: both texts are kept, and the person chooses.
#[component]
fn ChangedInTwoPlaces(draft: Draft) -> impl IntoView {
    let label_of = |path: &str| {
        let name = path.rsplit('.').next().unwrap_or(path);
        PreReviewForm::TEXT_FIELDS
            .iter()
            .find(|f| f.name == name)
            .map_or("Evidence", |f| f.label)
    };
    let conflict_view = move |changed: ChangedInTwoPlaces| {
        let label = label_of(&changed.path);
        view! {
            <div class="kept-copy" role="group" aria-label=label>
                <h3>{label}</h3>
                {changed
                    .versions
                    .into_iter()
                    .enumerate()
                    .map(|(number, value)| {
                        let text = value
                            .as_ref()
                            .and_then(Value::as_str)
                            .map_or_else(|| "(left empty)".to_owned(), str::to_owned);
                        let path = changed.path.clone();
                        let keep = move |_| draft.keep_version(&path, value.clone());
                        view! {
                            <blockquote class="kept-copy__text">{text}</blockquote>
                            <button type="button" class="button button--secondary" on:click=keep>
                                {if number == 0 { "Keep this version (in the form now)" } else { "Keep this version" }}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        }
    };
    view! {
        <Show when=move || !draft.conflicts.get().is_empty()>
            <Banner kind=BannerKind::Warning title="Some answers were changed in two places">
                <p>"These answers were changed in two tabs or windows at once. Both versions are kept: the later one is in the form until you choose."</p>
                {move || draft.conflicts.get().into_iter().map(conflict_view).collect_view()}
            </Banner>
        </Show>
    }
}
