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

/// The label, hint and any error every field has, around its control.
#[component]
fn FieldFrame(
    id: String,
    label: String,
    hint: &'static str,
    #[prop(optional)] error: Option<Memo<Option<String>>>,
    children: Children,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let error = move || error.and_then(|e| e.get());
    let has_error = move || error().is_some();
    view! {
        <div class="field" class:field--error=has_error>
            <label class="field__label" for=id>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="field__hint" id=hint_id>{hint}</p> })}
            {move || error().map(|message| view! { <p class="error-message" id=error_id.clone()>{message}</p> })}
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

/// A text area.
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

/// Moves keyboard focus to the field for `path` once it is on screen (after adding a list item).
pub fn focus_field(path: String) {
    crate::browser::focus_when_drawn(field_id(&path));
}

/// "Remove" for one item of a list, naming the item for screen readers.
#[component]
pub fn RemoveButton(
    draft: Draft,
    order_path: String,
    id: String,
    #[prop(into)] what: String,
) -> impl IntoView {
    view! {
        <button type="button" class="button button--link" on:click=move |_| draft.remove_list_item(&order_path, &id)>
            "Remove"<span class="visually-hidden">{format!(" {what}")}</span>
        </button>
    }
}

/// One choice from a list (a rating, a judgement, a theme), stored as the option's value, or
/// `null` while none is chosen.
#[component]
pub fn DraftChoice(
    draft: Draft,
    #[prop(into)] path: String,
    #[prop(into)] label: String,
    #[prop(default = "")] hint: &'static str,
    /// (stored value, label shown)
    options: Vec<(String, &'static str)>,
) -> impl IntoView {
    let id = field_id(&path);
    let described_by = (!hint.is_empty()).then(|| format!("{id}-hint"));
    let chosen = draft.value(path.clone());
    let on_change = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        let value = if value.is_empty() {
            Value::Null
        } else {
            Value::String(value)
        };
        draft.set(&path, value);
        draft.save_now();
    };
    view! {
        <FieldFrame id=id.clone() label=label hint=hint>
            <select class="field__select" id=id.clone() name=id aria-describedby=described_by on:change=on_change>
                <option value="" selected=move || chosen.get().is_null()>"Choose…"</option>
                {options.into_iter().map(|(value, text)| {
                    let this = value.clone();
                    view! { <option value=value selected=move || chosen.get().as_str() == Some(this.as_str())>{text}</option> }
                }).collect_view()}
            </select>
        </FieldFrame>
    }
}

/// The options for a choice: each value as it is stored (its serde name) with its label.
pub fn choices<T: serde::Serialize + Copy>(
    all: &[T],
    label: fn(T) -> &'static str,
) -> Vec<(String, &'static str)> {
    all.iter()
        .map(|item| {
            let stored = serde_json::to_value(item)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            (stored, label(*item))
        })
        .collect()
}

/// A date typed as dd/mm/yyyy and stored as an ISO date; what cannot be read as a date is
/// kept on screen with a message saying what to type, and not stored. A `required` date (an
/// observation's, say, which the document cannot be read without) is never emptied: clearing it
/// keeps the date stored and asks for one.
#[component]
pub fn DraftDate(
    draft: Draft,
    #[prop(into)] path: String,
    #[prop(into)] label: String,
    #[prop(default = "For example, 27/03/2027")] hint: &'static str,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    use crate::domain::dates::{format_uk_date, parse_uk_date};
    let id = field_id(&path);
    let stored = draft.value(path.clone());
    let as_uk = move |value: &Value| {
        value
            .as_str()
            .and_then(|iso| iso.parse::<chrono::NaiveDate>().ok())
            .map(format_uk_date)
            .unwrap_or_default()
    };
    let typed = RwSignal::new(as_uk(&stored.get_untracked()));
    let problem = RwSignal::new(None::<String>);
    let shown_problem = Memo::new(move |_| problem.get());
    // Follow changes made elsewhere unless what is typed already means the same date.
    Effect::new(move |_| {
        let value = stored.get();
        if parse_uk_date(&typed.get_untracked())
            .ok()
            .map(|d| d.to_string())
            .as_deref()
            != value.as_str()
        {
            typed.set(as_uk(&value));
        }
    });
    let on_input = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        typed.set(text.clone());
        if text.trim().is_empty() && !required {
            draft.set(&path, Value::Null);
            problem.set(None);
        } else if let Ok(day) = parse_uk_date(&text) {
            draft.set(&path, Value::String(day.to_string()));
            problem.set(None);
        }
    };
    let on_blur = move |_| {
        let text = typed.get_untracked();
        problem.set(if text.trim().is_empty() && !required {
            None
        } else {
            parse_uk_date(&text).err().map(|error| error.to_string())
        });
        draft.save_now();
    };
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    view! {
        <FieldFrame id=id.clone() label=label hint=hint error=shown_problem>
            <input
                class="field__input field__input--date"
                type="text"
                inputmode="numeric"
                id=id.clone()
                name=id
                aria-invalid=move || problem.get().is_some().then_some("true")
                aria-describedby=move || if problem.get().is_some() { format!("{hint_id} {error_id}") } else { hint_id.clone() }
                prop:value=move || typed.get()
                on:input=on_input
                on:blur=on_blur
            />
        </FieldFrame>
    }
}

/// A yes/no question answered with a tick.
#[component]
pub fn DraftCheckbox(
    draft: Draft,
    #[prop(into)] path: String,
    #[prop(into)] label: String,
) -> impl IntoView {
    let id = field_id(&path);
    let ticked = draft.value(path.clone());
    view! {
        <div class="field field--checkbox">
            <input
                type="checkbox"
                class="field__checkbox"
                id=id.clone()

                prop:checked=move || ticked.get().as_bool() == Some(true)
                on:change=move |event| { draft.set(&path, Value::Bool(event_target_checked(&event))); draft.save_now(); }
            />
            <label class="field__label field__label--inline" for=id>{label}</label>
        </div>
    }
}
