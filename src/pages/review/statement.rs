//! The planning and review statement: the reviewer writes it (last cycle's objectives rated, the
//! assessment, the 10 standards where the policy uses them, new objectives with live SMART
//! hints, the pay recommendation where it applies); the reviewee reads it as a document and adds
//! their comments; anyone else, and every printout, reads it as a document.

use leptos::prelude::*;

use super::{ReviewSection, Workspace};
use crate::components::{
    DocumentView, DraftCheckbox, DraftChoice, DraftDate, DraftTextArea, ObjectiveFields,
    RemoveButton, SaveIndicator, add_objective, choices,
};
use crate::domain::documents::{PayRecommendation, ProgressRating, Statement};
use crate::domain::people::Role;
use crate::domain::reading::{self, StatementShape};
use crate::domain::sections::Section;
use crate::domain::smart::smart_check;
use crate::domain::standards::{StandardJudgement, TEN_STANDARDS};
use crate::domain::validation::review_warnings;
use crate::use_cases::identity;

const PREVIOUS: &str = "statement.previous_objectives";
const STANDARDS: &str = "statement.standards";
const NEW: &str = "statement.new_objectives";

#[component]
pub(super) fn StatementSection(workspace: Workspace) -> impl IntoView {
    let shape = workspace
        .review
        .with_untracked(|review| review.as_ref().map(StatementShape::of))
        .unwrap_or_default();
    // The statement as a document: what the reviewee, the headteacher and every printout read.
    let document = move |with_comments: bool| {
        move || {
            workspace
                .review
                .get()
                .and_then(|review| review.statement)
                .map(|statement| {
                    let parts = if with_comments {
                        reading::statement(&statement, shape)
                    } else {
                        reading::statement_by_reviewer(&statement, shape)
                    };
                    view! { <DocumentView parts=parts test_id="statement-document" /> }
                })
        }
    };
    let body = match workspace.role {
        Some(Role::Reviewer) => view! {
            <div class="no-print"><StatementForm workspace=workspace shape=shape /></div>
            <div class="print-only">{document(true)}</div>
        }
        .into_any(),
        Some(Role::Reviewee) => view! {
            <p class="no-print">"Your reviewer writes the statement. Read it here, then add your comments at the end."</p>
            {document(false)}
            <h3 class="heading-m">"Your comments"</h3>
            <SaveIndicator draft=workspace.statement />
            <DraftTextArea
                draft=workspace.statement
                path="statement.reviewee_comments"
                label="Your comments on the statement"
                hint="Anything you want on record about the meeting or the statement. Your reviewer and the headteacher read them."
            />
        }
        .into_any(),
        _ => document(true).into_any(),
    };
    view! {
        <ReviewSection workspace=workspace section=Section::Statement>
            {body}
        </ReviewSection>
    }
}

/// The statement as the reviewer writes it: every field, saved as they type.
#[component]
fn StatementForm(workspace: Workspace, shape: StatementShape) -> impl IntoView {
    let draft = workspace.statement;
    let warnings = move || {
        workspace
            .held
            .get()
            .map(|held| {
                let calendar = workspace
                    .storage
                    .with(identity::school_calendar)
                    .unwrap_or_default();
                let deadlines: Vec<_> = held.deadlines.into_iter().map(|(d, _)| d).collect();
                review_warnings(
                    &held.review,
                    &deadlines,
                    held.part,
                    &calendar,
                    crate::browser::today(),
                )
                .into_iter()
                .filter(|warning| {
                    use crate::domain::validation::Warning as W;
                    matches!(
                        warning,
                        W::TooManyObjectives(_) | W::PayWithheldWithoutSupport
                    )
                })
                .map(|warning| warning.to_string())
                .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let previous = draft.list_ids(PREVIOUS.to_owned());
    view! {
        <SaveIndicator draft=draft />
        <DraftDate draft=draft path="statement.meeting_date" label="Date of the review meeting" />
        <DraftDate draft=draft path="statement.next_review_on" label="Date agreed for the next review" hint="If you agreed when to meet next to review progress, for example 11/02/2027. It replaces the first interim review the policy sets." />
        <h3 class="heading-m">"Last cycle’s objectives"</h3>
        <Show when=move || previous.get().is_empty()>
            <p class="empty">"There were no objectives from last cycle to review."</p>
        </Show>
        <For each=move || previous.get().into_iter().enumerate() key=|(number, id)| (*number, id.clone()) let((number, id))>
            <div class="objective">
                <h4 class="heading-s">{format!("Objective {}", number + 1)}</h4>
                <p class="prose">{draft.text(format!("{PREVIOUS}[{id}].objective"))}</p>
                <DraftChoice
                    draft=draft
                    path=format!("{PREVIOUS}[{id}].rating")
                    label=format!("Progress on objective {}", number + 1)
                    options=choices(&ProgressRating::ALL, ProgressRating::label)
                />
                <DraftTextArea
                    draft=draft
                    path=format!("{PREVIOUS}[{id}].comment")
                    label=format!("Comment on objective {}", number + 1)
                    hint="Where it was not achieved, the reasons."
                    rows=3
                />
            </div>
        </For>
        <h3 class="heading-m">"Assessment"</h3>
        {Statement::TEXT_FIELDS.iter().map(|field| view! {
            <DraftTextArea draft=draft path=format!("statement.{}", field.name) label=field.label hint=field.hint />
        }).collect_view()}
        {shape.ten_standards.then(|| view! { <Standards workspace=workspace /> })}
        {shape.pay.then(|| view! {
            <h3 class="heading-m">"Pay progression"</h3>
            <DraftChoice draft=draft path="statement.pay_recommendation" label="Pay recommendation" options=choices(&shape.recommendations(), PayRecommendation::label) />
            <DraftTextArea draft=draft path="statement.pay_rationale" label="Reasons for the recommendation" rows=3 />
        })}
        <NewObjectives workspace=workspace />
        <div class="warnings" aria-live="polite">
            {move || warnings().into_iter().map(|text| view! { <p class="warning-text">{text}</p> }).collect_view()}
        </div>
        <h3 class="heading-m">"Reviewee’s comments"</h3>
        {move || {
            let comments = draft.text("statement.reviewee_comments".to_owned()).get();
            if comments.trim().is_empty() {
                view! { <p class="empty">"The reviewee adds their comments after reading the statement."</p> }.into_any()
            } else {
                view! { <p class="prose" data-testid="reviewee-comments">{comments}</p> }.into_any()
            }
        }}
    }
}

/// The judgement against each of the 10 standards.
#[component]
fn Standards(workspace: Workspace) -> impl IntoView {
    let draft = workspace.statement;
    let ids = draft.list_ids(STANDARDS.to_owned());
    view! {
        <h3 class="heading-m">"The 10 standards"</h3>
        <For each=move || ids.get() key=|id| id.clone() let(id)>
            {
                let text = TEN_STANDARDS.iter().find(|s| s.key == id).map_or(id.clone(), |s| format!("{} {}", s.number, s.text));
                view! {
                    <div class="objective">
                        <DraftChoice draft=draft path=format!("{STANDARDS}[{id}].judgement") label=text options=choices(&StandardJudgement::ALL, StandardJudgement::label) />
                    </div>
                }
            }
        </For>
    }
}

/// The new objectives: add, remove, each with the statement's columns and SMART hints.
#[component]
fn NewObjectives(workspace: Workspace) -> impl IntoView {
    let draft = workspace.statement;
    let ids = draft.list_ids(NEW.to_owned());
    let max = workspace
        .review
        .get_untracked()
        .map_or(0, |review| review.policy.max_objectives);
    let add = move |_| add_objective(draft, NEW);
    view! {
        <h3 class="heading-m">"New objectives"</h3>
        <p class="field__hint">{format!("Agree up to {max} objectives. Each should be specific, measurable, achievable, relevant and time-bound.")}</p>
        <Show when=move || ids.get().is_empty()>
            <p class="empty">"No new objectives yet."</p>
        </Show>
        <For each=move || ids.get().into_iter().enumerate() key=|(number, id)| (*number, id.clone()) let((number, id))>
            <fieldset class="fieldset objective">
                <legend class="fieldset__legend">{format!("New objective {}", number + 1)}</legend>
                <ObjectiveFields draft=draft at=format!("{NEW}[{id}]") />
                <SmartHints workspace=workspace id=id.clone() />
                <RemoveButton draft=draft order_path=NEW.to_owned() id=id.clone() what=format!("new objective {}", number + 1) />
            </fieldset>
        </For>
        <button type="button" class="button button--secondary" on:click=add>"Add a new objective"</button>
        {workspace.review.with_untracked(|review| review.as_ref().and_then(|review| review.policy.objectives_determined_by.clone())).map(|who| view! {
            <DraftCheckbox draft=draft path="statement.objectives_determined" label=format!("We could not agree the objectives, so {who} determined them, as the policy provides") />
        })}
    }
}

/// What the objective misses of SMART, worked out by the domain as the reviewer types.
#[component]
fn SmartHints(workspace: Workspace, id: String) -> impl IntoView {
    let draft = workspace.statement;
    let misses = move || {
        let period = workspace
            .review
            .with_untracked(|r| r.as_ref().map(crate::domain::cycle::Review::planned_period))?;
        let statement = draft
            .fields
            .with(|fields| crate::domain::field_map::from_field_map::<Statement>(fields).ok())?;
        let objective = statement
            .new_objectives
            .iter()
            .find(|objective| objective.id.as_str() == id)?;
        if objective.objective.trim().is_empty() {
            return None;
        }
        Some(
            smart_check(objective, &period)
                .into_iter()
                .map(|miss| miss.to_string())
                .collect::<Vec<_>>(),
        )
    };
    view! {
        <div class="smart-hints" aria-live="polite">
            {move || misses().filter(|list| !list.is_empty()).map(|list| view! {
                <p class="smart-hints__title">"To make this objective SMART:"</p>
                <ul class="list">{list.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}</ul>
            })}
        </div>
    }
}
