//! Training and development (CPD) needs: what the reviewer and reviewee agreed, each with the
//! action to be taken and a broad theme. This is the only part the CPD leader receives.

use leptos::prelude::*;
use serde_json::Value;

use super::{ReviewSection, Workspace};
use crate::autosave::Draft;
use crate::components::{
    DocumentView, DraftChoice, DraftTextArea, DraftTextInput, RemoveButton, SaveIndicator, choices,
    focus_field,
};
use crate::domain::documents::CpdTheme;
use crate::domain::people::Role;
use crate::domain::reading;
use crate::domain::sections::Section;

const NEEDS: &str = "cpd_needs.needs";

#[component]
pub(super) fn CpdSection(workspace: Workspace) -> impl IntoView {
    let document = move || {
        workspace
            .review
            .get()
            .and_then(|review| review.cpd_needs)
            .map(|needs| view! { <DocumentView parts=reading::cpd_needs(&needs) test_id="cpd-document" /> })
    };
    let body = if workspace.is(Role::Reviewer) {
        view! {
            <div class="no-print"><CpdForm draft=workspace.cpd_needs /></div>
            <div class="print-only">{document}</div>
        }
        .into_any()
    } else {
        document.into_any()
    };
    let receiver = workspace
        .review
        .with_untracked(|review| {
            review.as_ref().map(|review| {
                crate::domain::deadlines::in_a_sentence(review.policy.training_needs_receiver())
            })
        })
        .unwrap_or_else(|| "CPD leader".into());
    let about = if workspace.part == Role::CpdLeader {
        "The needs agreed at the review, for you to plan into the school’s training. Nothing else of the review comes to you.".to_owned()
    } else {
        format!("Only this part goes to the {receiver}, who plans training for the whole school.")
    };
    view! {
        <ReviewSection workspace=workspace section=Section::TrainingNeeds>
            <p>{about}</p>
            {body}
        </ReviewSection>
    }
}

/// The training needs as the reviewer writes them.
#[component]
fn CpdForm(draft: Draft) -> impl IntoView {
    let ids = draft.list_ids(NEEDS.to_owned());
    let add = move |_| {
        let id = crate::browser::fresh_id("need");
        let theme = serde_json::to_value(CpdTheme::Other).unwrap_or(Value::Null);
        let item = [
            (".id", Value::String(id.clone())),
            (".need", Value::String(String::new())),
            (".action", Value::String(String::new())),
            (".theme", theme),
        ]
        .into_iter()
        .map(|(path, value)| (path.to_owned(), value))
        .collect();
        draft.add_list_item(NEEDS, &id, item);
        focus_field(format!("{NEEDS}[{id}].need"));
    };
    view! {
        <SaveIndicator draft=draft />
        <DraftTextInput draft=draft path="cpd_needs.name" label="Name" />
        <DraftTextInput draft=draft path="cpd_needs.job_title" label="Job title" />
        <Show when=move || ids.get().is_empty()>
            <p class="empty">"No training needs recorded yet."</p>
        </Show>
        <For each=move || ids.get().into_iter().enumerate() key=|(number, id)| (*number, id.clone()) let((number, id))>
            <fieldset class="fieldset objective">
                <legend class="fieldset__legend">{format!("Need {}", number + 1)}</legend>
                <DraftTextArea draft=draft path=format!("{NEEDS}[{id}].need") label="Training or development need" rows=2 />
                <DraftTextArea draft=draft path=format!("{NEEDS}[{id}].action") label="Action to be taken" hint="Who will arrange it, and by when." rows=2 />
                <DraftChoice draft=draft path=format!("{NEEDS}[{id}].theme") label="Theme" hint="Used to plan training across the school." options=choices(&CpdTheme::ALL, CpdTheme::label) />
                <RemoveButton draft=draft order_path=NEEDS.to_owned() id=id.clone() what=format!("need {}", number + 1) />
            </fieldset>
        </For>
        <button type="button" class="button button--secondary" on:click=add>"Add a training need"</button>
    }
}
