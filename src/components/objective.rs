//! An objective's columns as the planning and review statement has them, bound to a draft, and
//! adding a blank one to a list: shared by the statement's new objectives and the objectives an
//! interim review revises or sets.

use leptos::prelude::*;

use super::{DraftCheckbox, DraftDate, DraftTextArea, focus_field};
use crate::autosave::Draft;
use crate::domain::documents::{NewObjective, Statement};
use crate::domain::field_map::{item_fields, to_field_map};
use crate::domain::ids::Id;

/// The objective at `at` (its field path, e.g. `statement.new_objectives[obj-1]`): what, the link,
/// how it will be known, what will be done, support, by when, and whether the team shares it.
#[component]
pub fn ObjectiveFields(draft: Draft, #[prop(into)] at: String) -> impl IntoView {
    view! {
        {Statement::OBJECTIVE_FIELDS.iter().map(|field| view! {
            <DraftTextArea draft=draft path=format!("{at}.{}", field.name) label=field.label hint=field.hint rows=2 />
        }).collect_view()}
        <DraftDate draft=draft path=format!("{at}.by_when") label="By when?" />
        <DraftCheckbox draft=draft path=format!("{at}.shared_with_team") label="Shared by the whole team" />
    }
}

/// Adds a blank objective at the end of the list at `list` and puts the cursor in it.
pub fn add_objective(draft: Draft, list: &str) {
    let id = crate::browser::fresh_id("objective");
    let Ok(objective_id) = Id::new(id.clone()) else {
        return;
    };
    let mut blank = Statement::blank(Vec::new(), Vec::new());
    blank.new_objectives.push(NewObjective::blank(objective_id));
    let fields = item_fields(&to_field_map(&blank), "statement.new_objectives", &id);
    draft.add_list_item(list, &id, fields);
    focus_field(format!("{list}[{id}].objective"));
}
