//! Observations: the reviewer arranges each (date, observer, focus, notice), records the key
//! points and when feedback was given, against the policy's feedback clock and its most a
//! cycle; the reviewee reads each and adds their comments.

use leptos::prelude::*;

use super::{Heading, Opened, RevieweeComments, SendDocument, Warnings};
use crate::components::{
    DocumentView, DraftDate, DraftTextArea, DraftTextInput, RemoveButton, focus_field,
};
use crate::domain::between_meetings;
use crate::domain::documents::{Observation, ObservationLog};
use crate::domain::field_map::{item_fields, to_field_map};
use crate::domain::ids::Id;
use crate::domain::people::Role;
use crate::use_cases::sending::BundleKind;

const ITEMS: &str = "observations.items";

#[component]
pub(super) fn Observations(opened: Opened) -> impl IntoView {
    let draft = opened.draft;
    let ids = draft.list_ids(ITEMS.to_owned());
    let rules = opened.stored.with_value(|stored| {
        let policy = &stored.summary.policy;
        let most = policy.max_observations.map_or(
            "The policy sets no limit on observations a cycle.".to_owned(),
            |max| match max {
                1 => "The policy allows one formal observation a cycle.".to_owned(),
                max => format!("The policy allows at most {max} formal observations a cycle."),
            },
        );
        format!(
            "{most} Feedback is due within {} of the observation.",
            policy.deadlines.observation_feedback
        )
    });
    let warnings = opened.warnings_about_observations(true);
    let arrange = move |_| {
        let id = crate::browser::fresh_id("observation");
        let Ok(item_id) = Id::new(id.clone()) else {
            return;
        };
        let log = ObservationLog {
            items: vec![Observation::arranged(item_id, crate::browser::today())],
        };
        draft.add_list_item(ITEMS, &id, item_fields(&to_field_map(&log), ITEMS, &id));
        focus_field(format!("{ITEMS}[{id}].date"));
    };
    let writes = opened.is(Role::Reviewer);
    view! {
        <Heading opened=opened title="Observations" />
        <p>{rules}</p>
        <Show when=move || ids.get().is_empty()>
            <p class="empty">{if writes { "No observations yet. Arrange one below." } else { "No observations have been recorded." }}</p>
        </Show>
        <For each=move || ids.get().into_iter().enumerate() key=|(number, id)| (*number, id.clone()) let((number, id))>
            {if writes {
                view! { <ObservationForm opened=opened number=number id=id /> }.into_any()
            } else {
                view! { <ObservationRead opened=opened number=number id=id /> }.into_any()
            }}
        </For>
        // Beside the observation just added, not at the top of a long list: a fourth over the
        // policy's three, or feedback late, is read where it was caused.
        <Warnings warnings=warnings />
        {writes.then(|| view! {
            <p class="no-print"><button type="button" class="button button--secondary" on:click=arrange>"Arrange an observation"</button></p>
        })}
        <SendDocument opened=opened kind=BundleKind::Observations what="observations" />
    }
}

/// The observation `id` as stored, if it reads.
fn observation(opened: Opened, id: &str) -> Option<Observation> {
    opened
        .review
        .get()?
        .observations
        .into_iter()
        .find(|observation| observation.id.as_str() == id)
}

/// When feedback on the observation is due, in a sentence.
fn feedback_due(opened: Opened, id: &str) -> Option<String> {
    let observation = observation(opened, id)?;
    let within = opened
        .stored
        .with_value(|s| s.summary.policy.deadlines.observation_feedback);
    Some(observation.feedback_due_in_words(within, &opened.calendar()))
}

/// The reviewer's form for one observation.
#[component]
fn ObservationForm(opened: Opened, number: usize, id: String) -> impl IntoView {
    let draft = opened.draft;
    let path = {
        let id = id.clone();
        move |field: &str| format!("{ITEMS}[{id}].{field}")
    };
    let [observer, focus, key_points, _] = Observation::TEXT_FIELDS;
    let comments = draft.text(path("reviewee_comments"));
    let due = {
        let id = id.clone();
        move || feedback_due(opened, &id)
    };
    view! {
        <fieldset class="fieldset objective">
            <legend class="fieldset__legend">{format!("Observation {}", number + 1)}</legend>
            <DraftDate draft=draft path=path("date") label="Date of the observation" required=true />
            <DraftTextInput draft=draft path=path(observer.name) label=observer.label hint=observer.hint />
            <DraftTextArea draft=draft path=path(focus.name) label=focus.label hint=focus.hint rows=2 />
            <DraftDate draft=draft path=path("notice_given_on") label="Notice given to the reviewee on" hint="Where the policy asks for notice. For example, 09/10/2026" />
            <DraftTextArea draft=draft path=path(key_points.name) label=key_points.label hint=key_points.hint rows=4 />
            <p class="field__hint" aria-live="polite">{due}</p>
            <DraftDate draft=draft path=path("verbal_feedback_on") label="Verbal feedback given on" />
            <DraftDate draft=draft path=path("written_feedback_on") label="Written feedback given on" />
            <h2 class="heading-s">"Comments from the reviewee"</h2>
            <RevieweeComments text=comments waiting="The reviewee adds their comments after reading the observation." />
            <RemoveButton draft=draft order_path=ITEMS.to_owned() id=id.clone() what=format!("observation {}", number + 1) />
        </fieldset>
    }
}

/// One observation for the reviewee (with their comments to write) or another reader.
#[component]
fn ObservationRead(opened: Opened, number: usize, id: String) -> impl IntoView {
    let comments = opened.is(Role::Reviewee);
    let parts = {
        let id = id.clone();
        move || {
            observation(opened, &id)
                .map(|observation| between_meetings::observation(&observation, comments))
                .unwrap_or_default()
        }
    };
    let field = &Observation::TEXT_FIELDS[3];
    view! {
        <section class="panel" aria-label=format!("Observation {}", number + 1)>
            <h2 class="heading-m">{format!("Observation {}", number + 1)}</h2>
            {move || view! { <DocumentView parts=parts() /> }}
            {comments.then(|| view! {
                <DraftTextArea draft=opened.draft path=format!("{ITEMS}[{id}].reviewee_comments") label=field.label hint=field.hint rows=4 />
            })}
        </section>
    }
}
