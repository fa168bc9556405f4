//! Form fields bound to a field path of a draft: a label, an optional hint, and the control.
//! The control is updated from the draft only when the text changes elsewhere (another tab, a
//! kept copy taken back), never while the person types, so the caret never jumps.

use leptos::html::{Input, Textarea};
use leptos::prelude::*;
use serde_json::Value;

use crate::autosave::Draft;

/// A stable element id for a field path, e.g. `pre_review.key_successes` → `pre_review-key_successes`.
pub fn field_id(path: &str) -> String {
    path.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

fn keep_in_step<E>(
    node: NodeRef<E>,
    text: Memo<String>,
    get: fn(&E::Output) -> String,
    set: fn(&E::Output, &str),
) where
    E: leptos::html::ElementType + 'static,
    E::Output: Clone + 'static,
    NodeRef<E>: Get<Value = Option<E::Output>>,
{
    Effect::new(move |_| {
        let value = text.get();
        if let Some(element) = node.get()
            && get(&element) != value
        {
            set(&element, &value);
        }
    });
}

/// The label and hint every field has, around its control.
#[component]
fn FieldFrame(id: String, label: String, hint: &'static str, children: Children) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label class="field__label" for=id>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="field__hint" id=hint_id>{hint}</p> })}
            {children()}
        </div>
    }
}

/// What a control bound to `path` needs: its id, the hint's id if there is a hint, its text,
/// and the input handler that writes to the draft.
fn bind(
    draft: Draft,
    path: String,
    hint: &'static str,
) -> (
    String,
    Option<String>,
    Memo<String>,
    impl Fn(leptos::ev::Event) + 'static,
) {
    let id = field_id(&path);
    let described_by = (!hint.is_empty()).then(|| format!("{id}-hint"));
    let text = draft.text(path.clone());
    let on_input =
        move |event: leptos::ev::Event| draft.set(&path, Value::String(event_target_value(&event)));
    (id, described_by, text, on_input)
}

#[component]
pub fn DraftTextArea(
    draft: Draft,
    #[prop(into)] path: String,
    #[prop(into)] label: String,
    #[prop(default = "")] hint: &'static str,
    #[prop(default = 5)] rows: u32,
) -> impl IntoView {
    let (id, described_by, text, on_input) = bind(draft, path, hint);
    let node = NodeRef::<Textarea>::new();
    keep_in_step(node, text, |el| el.value(), |el, v| el.set_value(v));
    view! {
        <FieldFrame id=id.clone() label=label hint=hint>
            <textarea
                class="field__textarea"
                id=id.clone()
                name=id
                rows=rows
                node_ref=node
                aria-describedby=described_by
                prop:value=move || text.get_untracked()
                on:input=on_input
                on:blur=move |_| draft.save_now()
            ></textarea>
        </FieldFrame>
    }
}

#[component]
pub fn DraftTextInput(
    draft: Draft,
    #[prop(into)] path: String,
    #[prop(into)] label: String,
    #[prop(default = "")] hint: &'static str,
    #[prop(default = "")] autocomplete: &'static str,
) -> impl IntoView {
    let (id, described_by, text, on_input) = bind(draft, path, hint);
    let node = NodeRef::<Input>::new();
    keep_in_step(node, text, |el| el.value(), |el, v| el.set_value(v));
    view! {
        <FieldFrame id=id.clone() label=label hint=hint>
            <input
                class="field__input"
                type="text"
                id=id.clone()
                name=id
                node_ref=node
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                aria-describedby=described_by
                prop:value=move || text.get_untracked()
                on:input=on_input
                on:blur=move |_| draft.save_now()
            />
        </FieldFrame>
    }
}
