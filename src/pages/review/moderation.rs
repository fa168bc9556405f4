//! The headteacher's moderation note on a review: on the reviewer's copy until they answer it
//! (their answer goes back to the headteacher as a file), and on the headteacher's copy with the
//! answer once it arrives.

use leptos::prelude::*;

use crate::use_cases::sending::ReviewFile;

use super::Workspace;
use crate::autosave::{Draft, save_on_leaving};
use crate::components::{DraftTextArea, SaveIndicator};
use crate::domain::dates::format_uk_date;
use crate::domain::documents::{Document, ModerationNote};
use crate::domain::people::Role;
use crate::pages::send::{EncryptChoice, SentNotice, send_review_file};

/// The note, if there is one, for the reviewer (to answer) or the headteacher (to read).
#[component]
pub(super) fn ModerationNoteShown(workspace: Workspace) -> impl IntoView {
    let note = Memo::new(move |_| {
        workspace
            .review
            .get()
            .and_then(|review| review.moderation_note)
            .filter(|note| !note.note.trim().is_empty())
    });
    // What became of the answer sent: it stays in view once the note shows as answered.
    let sent = RwSignal::new(None::<crate::pages::send::Sent>);
    move || {
        let note = note.get()?;
        let sent_on = note.sent_on.map(format_uk_date).unwrap_or_default();
        Some(match workspace.part {
            Role::Reviewer if note.awaits_answer() => {
                view! { <Answer workspace=workspace note=note.note sent_on=sent_on sent=sent /> }.into_any()
            }
            Role::Reviewer | Role::Headteacher => view! {
                <section class="banner banner--information" aria-labelledby="moderation-note-heading">
                    <h2 class="banner__title" id="moderation-note-heading">"Moderation note"</h2>
                    <div class="banner__body">
                    <p>{format!("The headteacher’s note of {sent_on}:")}</p>
                    <p class="prose" data-testid="moderation-note">{note.note}</p>
                    {match note.answered_on {
                        Some(day) => view! {
                            <p>{format!("The reviewer’s answer of {}:", format_uk_date(day))}</p>
                            <p class="prose" data-testid="moderation-answer">{note.reply}</p>
                        }.into_any(),
                        None => view! { <p>"Not answered yet."</p> }.into_any(),
                    }}
                    <SentNotice sent=sent />
                    </div>
                </section>
            }
            .into_any(),
            _ => ().into_any(),
        })
    }
}

/// The reviewer's answer to a note, written here and sent back to the headteacher.
#[component]
fn Answer(
    workspace: Workspace,
    note: String,
    sent_on: String,
    sent: RwSignal<Option<crate::pages::send::Sent>>,
) -> impl IntoView {
    let review_id = workspace.review_id.get_value();
    let draft =
        Draft::open_review_document(workspace.storage, &review_id, &ModerationNote::default());
    save_on_leaving(draft);
    let encrypt = RwSignal::new(true);
    let send = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        draft.save_now();
        send_review_file(
            workspace.storage,
            &workspace.review_id.get_value(),
            ReviewFile::ModerationNote,
            Role::Reviewer,
            encrypt.get_untracked(),
            sent,
        );
    };
    view! {
        <section class="banner banner--warning" aria-labelledby="moderation-note-heading">
            <h2 class="banner__title" id="moderation-note-heading">"The headteacher has a moderation note for you"</h2>
            <div class="banner__body">
            <p>{format!("Sent on {sent_on}, after moderating the school’s statements. Read it, change the statement if you agree, and answer it.")}</p>
            <p class="prose" data-testid="moderation-note">{note}</p>
            <form on:submit=send>
                <SaveIndicator draft=draft />
                <DraftTextArea draft=draft path=format!("{}.reply", ModerationNote::KIND) label="Your answer to the headteacher" rows=4 />
                <EncryptChoice encrypt=encrypt id="answer-encrypted" label="Encrypt the file so only the headteacher (and you) can read it (recommended for email)" />
                <button type="submit" class="button">"Send your answer to the headteacher"</button>
            </form>
            <SentNotice sent=sent />
            </div>
        </section>
    }
}
