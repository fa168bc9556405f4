//! Form pieces for pages that check what was typed before acting on it: the error summary at the
//! top linking to each problem, and a labelled text box showing its own error.

use leptos::prelude::*;

use super::InPageLink;

/// One problem with what was typed, tied to the id of the field it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

/// The message for `field`, if there is a problem with it.
pub fn error_for(errors: RwSignal<Vec<FieldError>>, field: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || {
        errors
            .get()
            .into_iter()
            .find(|e| e.field == field)
            .map(|e| e.message)
    })
}

/// "There is a problem", with a link to each field in error; focused when it appears.
#[component]
pub fn ErrorSummary(
    errors: RwSignal<Vec<FieldError>>,
    /// Only the first summary on a page keeps the default, which [`focus_error_summary`] finds.
    #[prop(default = "error-summary")]
    id: &'static str,
) -> impl IntoView {
    view! {
        <Show when=move || !errors.get().is_empty()>
            <div class="error-summary" role="alert" tabindex="-1" id=id>
                <h2>"There is a problem"</h2>
                <ul class="list">
                    {move || errors.get().into_iter().map(|e| view! { <li><InPageLink anchor=e.field>{e.message}</InPageLink></li> }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// Moves focus to the error summary once it is on screen, so screen readers announce it.
pub fn focus_error_summary() {
    crate::browser::focus_when_drawn("error-summary".to_owned());
}

/// A labelled text box with a hint and, when there is one, its error.
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    #[prop(default = "")] hint: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] error: Option<Signal<Option<String>>>,
    #[prop(default = "off")] autocomplete: &'static str,
) -> impl IntoView {
    let error = move || error.and_then(|e| e.get());
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = move || {
        let mut ids = Vec::new();
        if !hint.is_empty() {
            ids.push(hint_id.clone());
        }
        if error().is_some() {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    view! {
        <div class=move || if error().is_some() { "field field--error" } else { "field" }>
            <label class="field__label" for=id>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="field__hint" id=format!("{id}-hint")>{hint}</p> })}
            {move || error().map(|message| view! { <p class="error-message" id=format!("{id}-error")>{message}</p> })}
            <input class="field__input" type="text" id=id name=id autocomplete=autocomplete aria-describedby=described_by
                aria-invalid=move || error().is_some().then_some("true")
                prop:value=move || value.get() on:input=move |e| value.set(event_target_value(&e)) />
        </div>
    }
}
