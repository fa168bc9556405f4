//! The meeting checklist (seed 001): before, during and after the meeting, the items for this
//! person's side, ticked as they go. It stays on this device.

use leptos::prelude::*;

use super::{ReviewSection, Workspace};
use crate::components::DraftCheckbox;
use crate::domain::documents::{Document, MeetingChecklist, MeetingPhase, WhoActs};
use crate::domain::people::Role;
use crate::domain::sections::Section;

#[component]
pub(super) fn ChecklistSection(workspace: Workspace) -> impl IntoView {
    let who = if workspace.is(Role::Reviewer) {
        WhoActs::Reviewer
    } else {
        WhoActs::Reviewee
    };
    let checklist = MeetingChecklist::seed_001();
    let phases = [
        (MeetingPhase::Before, "Before the meeting"),
        (MeetingPhase::During, "During the meeting"),
        (MeetingPhase::After, "After the meeting"),
    ];
    view! {
        <ReviewSection workspace=workspace section=Section::Checklist class="no-print">
            <p class="field__hint">"For you alone: ticks stay on this device."</p>
            {phases.into_iter().map(|(phase, heading)| {
                let items: Vec<_> = checklist.items_for(phase, who).cloned().collect();
                view! {
                    <fieldset class="fieldset">
                        <legend class="fieldset__legend">{heading}</legend>
                        {items.into_iter().map(|item| view! {
                            <DraftCheckbox
                                draft=workspace.checklist
                                path=format!("{}.items[{}].done", MeetingChecklist::KIND, item.id)
                                label=item.text
                            />
                        }).collect_view()}
                    </fieldset>
                }
            }).collect_view()}
        </ReviewSection>
    }
}
