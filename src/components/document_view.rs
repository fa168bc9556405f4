//! A document for reading: the parts the domain lays out (`domain::reading`) drawn as a
//! description list with headings, so a reader and a printout get paragraphs, not form boxes.

use leptos::prelude::*;

use crate::domain::reading::{NOT_FILLED_IN, Part};

/// Draws `parts`; headings inside the document are `h3` under the page section's `h2`.
#[component]
pub fn DocumentView(parts: Vec<Part>, #[prop(optional)] test_id: &'static str) -> impl IntoView {
    let test_id = (!test_id.is_empty()).then_some(test_id);
    view! {
        <div class="document" data-testid=test_id>
            {parts.into_iter().map(|part| match part {
                Part::Heading(text) => view! { <h3 class="document__heading">{text}</h3> }.into_any(),
                Part::Answer { label, text } => {
                    let blank = text.is_empty();
                    view! {
                        <dl class="document__entry">
                            <dt>{label}</dt>
                            <dd class="prose" class:document__blank=blank>{if blank { NOT_FILLED_IN.to_owned() } else { text }}</dd>
                        </dl>
                    }.into_any()
                }
                Part::List { label, items } => view! {
                    <dl class="document__entry">
                        <dt>{label}</dt>
                        <dd>
                            {if items.is_empty() {
                                view! { <span class="document__blank">"None listed"</span> }.into_any()
                            } else {
                                view! { <ul class="list">{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul> }.into_any()
                            }}
                        </dd>
                    </dl>
                }.into_any(),
            }).collect_view()}
        </div>
    }
}
