//! The support plan: the reviewer writes the concerns, targets, support and monitoring, with
//! the period checked against the policy's range and the review date's clock; the reviewee adds
//! their comments; both sign; the outcome is recorded, and formal capability suspends the cycle
//! and sends the plan to the headteacher. The plan goes to nobody else.

use leptos::prelude::*;
use serde_json::Value;

use super::{Heading, Opened, RevieweeComments, SendDocument, SignOffs, Warnings};
use crate::components::{
    DocumentView, DraftChoice, DraftDate, DraftTextArea, DraftTextInput, RemoveButton, choices,
    field_id, focus_field,
};
use crate::domain::between_meetings;
use crate::domain::calendar::Period;
use crate::domain::dates::format_uk_date;
use crate::domain::documents::{Document, SupportOutcome, SupportPlan};
use crate::domain::people::Role;
use crate::domain::policy_form::{UNITS, unit_name};
use crate::domain::sign_off::SignOff;
use crate::domain::support_plan_checks::support_plan_warnings;
use crate::use_cases::sending::BundleKind;

const TARGETS: &str = "support_plan.targets";

#[component]
pub(super) fn SupportPlanView(opened: Opened) -> impl IntoView {
    let held = move || {
        opened
            .review
            .with(|r| r.as_ref().is_some_and(|r| r.support_plan.is_some()))
    };
    let starting = RwSignal::new(false);
    let shown = move || held() || starting.get();
    let writes = opened.is(Role::Reviewer);
    let start = move |_| {
        starting.set(true);
        opened.draft.set(
            "support_plan.starts_on",
            Value::String(crate::browser::today().to_string()),
        );
        opened.draft.save_now();
        focus_field("support_plan.concerns".to_owned());
    };
    let capability = Signal::derive(move || {
        opened
            .draft
            .value("support_plan.outcome".to_owned())
            .get()
            .as_str()
            == Some("formal_capability")
    });
    let range = opened.stored.with_value(|stored| {
        stored.summary.policy.support_plan.map_or(
            "The policy sets no period for support plans: agree one that gives a fair chance to improve.".to_owned(),
            |rules| format!(
                "The policy’s monitoring period is normally {} to {}, with an extension of at most {}.",
                rules.shortest, rules.longest, rules.longest_extension
            ),
        )
    });
    view! {
        <Heading opened=opened title="Support plan" />
        <p>
            "A support plan is for performance below the expected standard: what the concerns are, the targets, the support the school gives, and how progress is monitored. "
            {if opened.role.is_some() {
                format!("It stays between you and {}, unless it ends in the formal capability procedure, when it goes to the headteacher too.", opened.other_party())
            } else {
                "It stays between the reviewer and the reviewee; it came to you because it ended in the formal capability procedure.".to_owned()
            }}
        </p>
        // A plan may start at any point of the cycle, the year after the statement included.
        <Show when=shown fallback=move || if writes {
            view! {
                <p>"There is no support plan. Start one when concerns about performance have been discussed and support is to be agreed."</p>
                <p><button type="button" class="button" on:click=start>"Start a support plan"</button></p>
            }.into_any()
        } else {
            view! { <p class="empty">"There is no support plan for this review."</p> }.into_any()
        }>
            <p>{range.clone()}</p>
            <PlanWarnings opened=opened />
            {if writes {
                view! { <PlanForm opened=opened /> }.into_any()
            } else {
                view! { <PlanRead opened=opened /> }.into_any()
            }}
            <section class="panel">
                <SignOffs opened=opened document=SupportPlan::KIND.to_owned() what="support plan" make=|review, _, role, on| SignOff::for_support_plan(review, role, on) />
            </section>
            {(opened.role.is_some()).then(|| view! {
                <SendDocument opened=opened kind=BundleKind::SupportPlan what="support plan" signed=true to_headteacher=capability />
            })}
        </Show>
    }
}

/// The policy's range and the review date checked, and when monitoring ends.
#[component]
fn PlanWarnings(opened: Opened) -> impl IntoView {
    let warnings = Signal::derive(move || {
        let Some(review) = opened.review.get() else {
            return Vec::new();
        };
        review.support_plan.as_ref().map_or_else(Vec::new, |plan| {
            support_plan_warnings(plan, &review.policy, &opened.calendar())
                .into_iter()
                .map(|warning| warning.to_string())
                .collect()
        })
    });
    let ends = move || {
        let plan = opened.review.get()?.support_plan?;
        if plan.outcome.is_some() {
            return None;
        }
        let ends = plan.monitoring_ends(&opened.calendar())?;
        Some(format!(
            "Monitoring runs until {}; decide the outcome by then.",
            format_uk_date(ends)
        ))
    };
    view! {
        <p aria-live="polite">{ends}</p>
        <Warnings warnings=warnings />
    }
}

/// A whole number bound to `path`; what is typed is stored once it reads as one.
#[component]
fn AmountField(
    opened: Opened,
    path: &'static str,
    label: &'static str,
    hint: &'static str,
) -> impl IntoView {
    let draft = opened.draft;
    let value = draft.value(path.to_owned());
    let id = field_id(path);
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label class="field__label" for=id.clone()>{label}</label>
            <p class="field__hint" id=hint_id.clone()>{hint}</p>
            <input class="field__input field__input--number" type="text" inputmode="numeric" id=id aria-describedby=hint_id
                prop:value=move || value.get().as_u64().map(|n| n.to_string()).unwrap_or_default()
                on:input=move |event| {
                    let text = event_target_value(&event);
                    if let Ok(amount) = text.trim().parse::<u32>() {
                        draft.set(path, Value::from(amount));
                    }
                }
                on:blur=move |_| draft.save_now() />
        </div>
    }
}

/// The reviewer's form.
#[component]
fn PlanForm(opened: Opened) -> impl IntoView {
    let draft = opened.draft;
    let [
        concerns,
        causes,
        previous,
        support,
        monitored_by,
        how,
        consequences,
        _,
    ] = SupportPlan::TEXT_FIELDS;
    let target_ids = draft.list_ids(TARGETS.to_owned());
    let add_target = move |_| {
        let id = crate::browser::fresh_id("target");
        let fields = [
            (".id".to_owned(), Value::String(id.clone())),
            (".target".to_owned(), Value::String(String::new())),
        ]
        .into_iter()
        .collect();
        draft.add_list_item(TARGETS, &id, fields);
        focus_field(format!("{TARGETS}[{id}].target"));
    };
    let extension = draft.value("support_plan.extension".to_owned());
    let extension_unit = opened.stored.with_value(|stored| {
        stored
            .summary
            .policy
            .support_plan
            .map_or(crate::domain::calendar::PeriodUnit::Weeks, |rules| {
                rules.longest_extension.unit
            })
    });
    let capability = move || {
        draft
            .value("support_plan.outcome".to_owned())
            .get()
            .as_str()
            == Some("formal_capability")
    };
    let comments = draft.text("support_plan.reviewee_comments".to_owned());
    view! {
        <div class="panel">
            <DraftTextArea draft=draft path="support_plan.concerns" label=concerns.label hint=concerns.hint />
            <DraftTextArea draft=draft path="support_plan.likely_causes" label=causes.label hint=causes.hint rows=3 />
            <DraftTextArea draft=draft path="support_plan.previous_discussions" label=previous.label hint=previous.hint rows=3 />
            <h2 class="heading-m">"Targets"</h2>
            <Show when=move || target_ids.get().is_empty()>
                <p class="empty">"No targets yet."</p>
            </Show>
            <For each=move || target_ids.get().into_iter().enumerate() key=|(n, id)| (*n, id.clone()) let((number, id))>
                <div class="objective">
                    <DraftTextArea draft=draft path=format!("{TARGETS}[{id}].target") label=format!("Target {}", number + 1) rows=2 />
                    <RemoveButton draft=draft order_path=TARGETS.to_owned() id=id.clone() what=format!("target {}", number + 1) />
                </div>
            </For>
            <p><button type="button" class="button button--secondary" on:click=add_target>"Add a target"</button></p>
            <DraftTextArea draft=draft path="support_plan.support_agreed" label=support.label hint=support.hint rows=3 />
            <DraftTextInput draft=draft path="support_plan.monitored_by" label=monitored_by.label hint=monitored_by.hint />
            <DraftTextArea draft=draft path="support_plan.how_monitored" label=how.label hint=how.hint rows=3 />
            <DraftTextArea draft=draft path="support_plan.consequences" label=consequences.label hint=consequences.hint rows=3 />
            <h2 class="heading-m">"Monitoring"</h2>
            <DraftDate draft=draft path="support_plan.starts_on" label="Monitoring starts on" />
            <AmountField opened=opened path="support_plan.monitoring_period.amount" label="Monitoring period" hint="How many, in the unit below." />
            <DraftChoice draft=draft path="support_plan.monitoring_period.unit" label="Counted in" options=choices(&UNITS, unit_name) />
            <div class="field">
                <label class="field__label" for="support-plan-extension">{format!("Extension, in {}", unit_name(extension_unit))}</label>
                <p class="field__hint" id="support-plan-extension-hint">"Only if granted, exceptionally. Leave empty for none."</p>
                <input class="field__input field__input--number" type="text" inputmode="numeric" id="support-plan-extension" aria-describedby="support-plan-extension-hint"
                    prop:value=move || extension.get().get("amount").and_then(Value::as_u64).map(|n| n.to_string()).unwrap_or_default()
                    on:input=move |event| {
                        let text = event_target_value(&event);
                        // Empty or nought is no extension; anything else is stored once it reads as
                        // a whole number.
                        let value = match text.trim() {
                            "" | "0" => Value::Null,
                            typed => match typed.parse::<u32>() {
                                Ok(amount) => serde_json::to_value(Period { amount, unit: extension_unit }).unwrap_or(Value::Null),
                                Err(_) => return,
                            },
                        };
                        draft.set("support_plan.extension", value);
                    }
                    on:blur=move |_| draft.save_now() />
            </div>
            <DraftDate draft=draft path="support_plan.review_on" label="Review date" />
            <h2 class="heading-m">"Comments from the reviewee"</h2>
            <RevieweeComments text=comments waiting="The reviewee adds their comments after reading the plan." />
            <h2 class="heading-m">"Outcome"</h2>
            <DraftChoice draft=draft path="support_plan.outcome" label="Outcome of the monitoring" hint="Record it at the review, once you have both discussed progress." options=choices(&SupportOutcome::ALL, SupportOutcome::label) />
            <DraftDate draft=draft path="support_plan.outcome_on" label="Outcome decided on" />
            <Show when=capability>
                <p>"The formal capability procedure suspends the appraisal cycle. When the procedure ends, record the date here and the cycle carries on."</p>
                <DraftDate draft=draft path="support_plan.capability_ended_on" label="Formal capability procedure ended on" hint="Leave empty while it runs. For example, 27/03/2027" />
            </Show>
        </div>
    }
}

/// The plan for the reviewee (with their comments to write) or the headteacher.
#[component]
fn PlanRead(opened: Opened) -> impl IntoView {
    let reviewee = opened.is(Role::Reviewee);
    let parts = move || {
        opened
            .review
            .get()
            .and_then(|review| review.support_plan)
            .map(|plan| between_meetings::support_plan(&plan, reviewee))
            .unwrap_or_default()
    };
    let comments = SupportPlan::TEXT_FIELDS[7];
    view! {
        <section class="panel" aria-label="The support plan">
            {move || view! { <DocumentView parts=parts() /> }}
            {reviewee.then(|| view! {
                <DraftTextArea draft=opened.draft path="support_plan.reviewee_comments" label=comments.label hint=comments.hint rows=4 />
            })}
        </section>
    }
}
