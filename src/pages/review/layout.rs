//! How the review page is laid out for working in: a contents list with where each section
//! stands (beside the sections on wide screens, so signing and sending are always one step
//! away), and sections that fold. A folded section's body stays findable: the browser's find,
//! and links to a field inside it, open it. Printouts show every section in full.

use leptos::prelude::*;

use super::Workspace;
use crate::components::{InPageLink, field_id, focus_field};
use crate::domain::sections::Section;

impl Workspace {
    fn is_folded(&self, section: Section) -> bool {
        self.folded.with(|folded| folded.contains(&section))
    }

    fn set_folded(&self, section: Section, fold: bool) {
        self.folded.update(|folded| {
            folded.retain(|other| *other != section);
            if fold {
                folded.push(section);
            }
        });
    }

    /// Where `section` stands, in a few words.
    fn state_of(&self, section: Section) -> Option<String> {
        self.sections.with(|shown| {
            shown
                .iter()
                .find(|state| state.section == section)
                .and_then(|state| state.state.clone())
        })
    }
}

/// The list of the sections this person sees, each with where it stands; following a link
/// opens the section if it is folded.
#[component]
pub(super) fn Contents(workspace: Workspace) -> impl IntoView {
    view! {
        <nav class="contents no-print" id="contents" aria-labelledby="contents-heading">
            <h2 class="contents__heading" id="contents-heading">"Contents"</h2>
            <ol class="contents__list">
                {move || workspace.sections.get().into_iter().map(|shown| {
                    let section = shown.section;
                    view! {
                        <li>
                            <SectionLink workspace=workspace section=section text=shown.title.to_owned() />
                            {shown.state.map(|state| view! { <span class="contents__state">{state}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </nav>
    }
}

/// On narrow screens, a bar at the foot of the screen with the contents, signing and sending
/// always one tap away; it makes way while the person types.
#[component]
pub(super) fn JumpBar(workspace: Workspace) -> impl IntoView {
    view! {
        <nav class="review-jump no-print" aria-label="Jump to">
            <InPageLink anchor="contents">"Contents"</InPageLink>
            {move || workspace.sections.with(|shown| {
                shown
                    .iter()
                    .filter(|state| matches!(state.section, Section::SignOffs | Section::Send))
                    .map(|state| view! { <SectionLink workspace=workspace section=state.section text=state.title.to_owned() /> })
                    .collect_view()
            })}
        </nav>
    }
}

/// A link to `section` that opens it if it is folded.
#[component]
pub(super) fn SectionLink(workspace: Workspace, section: Section, text: String) -> impl IntoView {
    view! {
        <InPageLink anchor=section.anchor() on_follow=Callback::new(move |()| workspace.set_folded(section, false))>{text}</InPageLink>
    }
}

/// A link to the field at `path` that opens its section if it is folded and puts the cursor
/// in the field.
#[component]
pub(super) fn FieldLink(workspace: Workspace, path: String, text: String) -> impl IntoView {
    let anchor = field_id(&path);
    let open = Callback::new(move |()| {
        if let Some(section) = Section::holding(&path) {
            workspace.set_folded(section, false);
        }
        focus_field(path.clone());
    });
    view! { <InPageLink anchor=anchor on_follow=open>{text}</InPageLink> }
}

/// One section of the review: its heading folds and unfolds it and says where it stands.
/// `class` adds to the section's classes (`no-print` for what stays on screen).
#[component]
pub(super) fn ReviewSection(
    workspace: Workspace,
    section: Section,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let anchor = section.anchor();
    let title = section.title(workspace.part);
    let heading = format!("{anchor}-heading");
    let labelled_by = heading.clone();
    let body = format!("{anchor}-body");
    let controls = body.clone();
    let folded = move || workspace.is_folded(section);
    view! {
        <section class=format!("section fold {class}") id=anchor aria-labelledby=labelled_by>
            <h2 class="fold__heading">
                <button
                    type="button"
                    class="fold__toggle"
                    aria-expanded=move || (!folded()).to_string()
                    aria-controls=controls
                    on:click=move |_| workspace.set_folded(section, !folded())
                >
                    <span class="fold__title" id=heading>{title}</span>
                    {move || workspace.state_of(section).map(|state| view! { <span class="fold__state">{state}</span> })}
                    <span class="fold__action no-print" aria-hidden="true">{move || if folded() { "Show" } else { "Hide" }}</span>
                </button>
            </h2>
            // `until-found` keeps a folded body findable: the browser opens it for find-in-page
            // and for links into it, and says so with `beforematch`.
            <div class="fold__body" id=body hidden=move || folded().then_some("until-found")
                on:beforematch=move |_: web_sys::Event| workspace.set_folded(section, false)>
                {children()}
                <p class="fold__to-contents no-print"><InPageLink anchor="contents">"Back to contents"</InPageLink></p>
            </div>
        </section>
    }
}
