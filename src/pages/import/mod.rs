//! "Import a file": bundles people send, chosen, dropped or pasted. Each is checked before
//! anything changes; the person sees what will change and who wrote it, confirms a new
//! sender's fingerprint, imports, and can undo any import. A colleague's contact card imports
//! here too, into the contacts, and the school settings file the headteacher publishes, after a
//! preview of what it changes.

mod card;
mod conflicts;
mod fingerprint;
mod school;

pub(in crate::pages) use conflicts::ConflictsToResolve;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use std::sync::Arc;
use wasm_bindgen_futures::JsFuture;

use crate::browser::now;
use crate::components::{Banner, BannerKind};
use crate::domain::field_map::summarise_paths;
use crate::state::{AppStorage, use_storage};
use crate::use_cases::examining::{
    ApplyReport, ContactCard, Examined, Examiner, Payload, ReviewerRequest, SchoolSettingsFile,
    Verified, examine, examiner, from_confirmed_sender, import_file, outcome_in_words,
};
use crate::use_cases::identity::HowVerified;
use crate::use_cases::{importing, reviewer_requests};

/// One file the person gave, and what became of it. Cheap to clone (the list is copied on every
/// change, and a bundle may be large).
#[derive(Clone)]
enum Item {
    Refused {
        file: String,
        reason: String,
    },
    Ready {
        file: String,
        bundle: Arc<Verified<Payload>>,
        preview: Arc<ApplyReport>,
    },
    Imported {
        file: String,
        bundle_id: String,
        summary: String,
    },
    Undone {
        file: String,
    },
    /// A file already imported here: information, not a problem.
    Repeat {
        file: String,
    },
    /// A colleague's contact card, waiting to be added to the contacts.
    Card {
        file: String,
        card: Arc<Verified<ContactCard>>,
    },
    CardAdded {
        file: String,
        name: String,
    },
    /// The school's settings, waiting for a decision once what they change is shown.
    Settings {
        file: String,
        settings: Arc<Verified<SchoolSettingsFile>>,
    },
    SettingsUsed {
        file: String,
        version: u32,
    },
    /// A request for another reviewer, waiting to be kept with the staff list.
    Request {
        file: String,
        request: Arc<Verified<ReviewerRequest>>,
    },
    RequestKept {
        file: String,
        name: String,
    },
}

/// Up to this many files in the list, each one's changes are shown unfolded.
const FEW_FILES: usize = 3;

/// How many checked files join the list at once.
const SHOWN_TOGETHER: usize = 25;

/// Checks one file as `examiner` (`None`: the person's data is not open) and says what it is.
fn check(storage: AppStorage, examiner: Option<&Examiner>, file: String, bytes: &[u8]) -> Item {
    let Some(examiner) = examiner else {
        return Item::Refused {
            file,
            reason: crate::use_cases::NOT_OPEN.to_owned(),
        };
    };
    let examined = storage.with(|vault| examine(vault, examiner, bytes));
    match examined {
        Some(Ok(Examined::ReviewFile {
            file: bundle,
            preview,
        })) => Item::Ready {
            file,
            bundle: Arc::new(*bundle),
            preview: Arc::new(preview),
        },
        Some(Ok(Examined::Repeat)) => Item::Repeat { file },
        Some(Ok(Examined::Card(card))) => Item::Card {
            file,
            card: Arc::new(*card),
        },
        Some(Ok(Examined::Settings(settings))) => Item::Settings {
            file,
            settings: Arc::new(*settings),
        },
        Some(Ok(Examined::ReviewerRequest(request))) => Item::Request {
            file,
            request: Arc::new(*request),
        },
        Some(Err(reason)) => Item::Refused {
            file,
            reason: reason.to_string(),
        },
        None => Item::Refused {
            file,
            reason: crate::use_cases::NOT_OPEN.to_owned(),
        },
    }
}

/// Who is examining files now, read once for a batch.
fn examiner_now(storage: AppStorage) -> Option<Examiner> {
    storage
        .with(|vault| examiner(vault).ok().flatten())
        .flatten()
}

#[component]
pub fn ImportPage() -> impl IntoView {
    super::set_page_title("Import a file");
    let storage = use_storage();
    let items = RwSignal::new(Vec::<Item>::new());
    let progress = RwSignal::new(None::<(usize, usize)>);
    let pasted = RwSignal::new(String::new());

    let take_files = move |files: web_sys::FileList| {
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        let total = files.len();
        clear_finished(items);
        spawn_local(async move {
            let examiner = examiner_now(storage);
            // Checked files join the list a few at a time: drawing the list after every one of
            // hundreds of files would cost more than checking them.
            let mut checked = Vec::new();
            for (index, file) in files.into_iter().enumerate() {
                progress.set(Some((index + 1, total)));
                let text = JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                checked.push(check(
                    storage,
                    examiner.as_ref(),
                    file.name(),
                    text.as_bytes(),
                ));
                if checked.len() == SHOWN_TOGETHER || index + 1 == total {
                    items.update(|list| list.append(&mut checked));
                }
            }
            progress.set(None);
        });
    };
    let on_choose = move |event: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&event);
        if let Some(files) = input.files() {
            take_files(files);
        }
        input.set_value("");
    };
    let on_drop = move |event: leptos::ev::DragEvent| {
        event.prevent_default();
        if let Some(files) = event.data_transfer().and_then(|transfer| transfer.files()) {
            take_files(files);
        }
    };
    let on_paste = move |_| {
        let text = pasted.get_untracked();
        let examiner = examiner_now(storage);
        clear_finished(items);
        items.update(|list| {
            list.push(check(
                storage,
                examiner.as_ref(),
                "Pasted text".into(),
                text.as_bytes(),
            ))
        });
        pasted.set(String::new());
    };

    view! {
        <div class="drop-area" on:dragover=|event: leptos::ev::DragEvent| event.prevent_default() on:drop=on_drop>
            <h1>"Import a file"</h1>
            <p class="lead">"Import a file someone sent you: an invitation, a pre-review, a statement, a reply, a colleague’s contact card, or your school’s settings. Nothing changes until you have seen what it contains."</p>
            <div class="field">
                <label class="field__label" for="import-files">"Choose files"</label>
                <p class="field__hint" id="import-files-hint">"Files ending in .json, or an email saved as .eml. You can choose several, or drop them anywhere on this page."</p>
                <input class="field__file" type="file" id="import-files" multiple accept=".json,.eml,application/json,message/rfc822"
                    aria-describedby="import-files-hint" on:change=on_choose />
            </div>
            <div class="field">
                <label class="field__label" for="import-paste">"Or paste the text of a file"</label>
                <textarea class="field__textarea" id="import-paste" rows=4 prop:value=move || pasted.get()
                    on:input=move |e| pasted.set(event_target_value(&e))></textarea>
            </div>
            <button type="button" class="button button--secondary" on:click=on_paste>"Check the pasted text"</button>
            {move || progress.get().map(|(at, of)| view! { <p role="status" data-testid="import-progress">{format!("Checking file {at} of {of}…")}</p> })}
            <ImportAll storage=storage items=items />
            <For each=move || items.get().into_iter().enumerate().rev() key=|(index, item)| (*index, item_state(item)) let((index, item))>
                <ItemView storage=storage items=items index=index item=item />
            </For>
            <ConflictsToResolve storage=storage />
            <ImportHistory storage=storage />
        </div>
    }
}

/// Whether a checked file can be imported without a question: its sender's keys are confirmed.
fn ready_to_import(item: &Item) -> bool {
    matches!(item, Item::Ready { bundle, .. } if from_confirmed_sender(bundle))
}

/// Imports every checked file from confirmed senders at once (a headteacher receiving a term's
/// final statements need not press Import for each); files from new senders still wait for
/// their fingerprint to be compared.
#[component]
fn ImportAll(storage: AppStorage, items: RwSignal<Vec<Item>>) -> impl IntoView {
    let ready = move || items.with(|list| list.iter().filter(|i| ready_to_import(i)).count());
    let outcome = RwSignal::new(None::<String>);
    let import_all = move |_| {
        let stamp = now();
        let mut list = items.get_untracked();
        let (mut imported, mut refused) = (0, 0);
        storage.with_mut(|vault| {
            vault.batch(|vault| {
                for item in list.iter_mut().filter(|i| ready_to_import(i)) {
                    let Item::Ready { file, bundle, .. } = item else {
                        continue;
                    };
                    let file = file.clone();
                    *item = match import_file(vault, bundle, None, stamp) {
                        Ok(report) => {
                            imported += 1;
                            Item::Imported {
                                file,
                                bundle_id: bundle.payload().bundle_id.clone(),
                                summary: outcome_in_words(&report),
                            }
                        }
                        Err(error) => {
                            refused += 1;
                            Item::Refused {
                                file,
                                reason: error.to_string(),
                            }
                        }
                    };
                }
            })
        });
        items.set(list);
        storage.announce_change("");
        outcome.set(Some(if refused == 0 {
            format!("{imported} file(s) imported.")
        } else {
            format!("{imported} file(s) imported; {refused} could not be, as each says below.")
        }));
    };
    view! {
        <Show when=move || { ready() >= 2 }>
            <p>
                <button type="button" class="button" data-testid="import-all" on:click=import_all>
                    {move || format!("Import all {} files from people you have confirmed", ready())}
                </button>
            </p>
        </Show>
        {move || outcome.get().map(|text| view! { <p class="save-indicator" role="status" data-testid="import-all-outcome">{text}</p> })}
    }
}

/// Before new files are checked, what earlier ones came to (imported, refused, repeats) is
/// cleared, so messages do not pile up; files still waiting to be imported stay.
fn clear_finished(items: RwSignal<Vec<Item>>) {
    items.update(|list| {
        list.retain(|item| {
            matches!(
                item,
                Item::Ready { .. }
                    | Item::Card { .. }
                    | Item::Settings { .. }
                    | Item::Request { .. }
            )
        })
    });
}

fn item_state(item: &Item) -> u8 {
    match item {
        Item::Refused { .. } => 0,
        Item::Ready { .. } | Item::Card { .. } | Item::Settings { .. } | Item::Request { .. } => 1,
        Item::Imported { .. }
        | Item::CardAdded { .. }
        | Item::SettingsUsed { .. }
        | Item::RequestKept { .. } => 2,
        Item::Undone { .. } => 3,
        Item::Repeat { .. } => 4,
    }
}

#[component]
fn ItemView(
    storage: AppStorage,
    items: RwSignal<Vec<Item>>,
    index: usize,
    item: Item,
) -> impl IntoView {
    let set = move |item: Item| items.update(|list| list[index] = item);
    let few = items.with_untracked(|list| list.len() <= FEW_FILES);
    match item {
        Item::Card { file, card } => view! {
            <card::CardView storage=storage index=index file=file.clone() card=card
                added=Callback::new(move |name: String| set(Item::CardAdded { file: file.clone(), name })) />
        }
        .into_any(),
        Item::CardAdded { file, name } => view! {
            <Banner kind=BannerKind::Success title=format!("{file}: contact added")>
                <p>{format!("{name} is in your contacts. Files you send them can now be locked so only they can read them.")}</p>
            </Banner>
        }
        .into_any(),
        Item::Settings { file, settings } => {
            let (used_file, declined_file, refused_file) = (file.clone(), file.clone(), file.clone());
            view! {
                <school::SettingsView storage=storage index=index file=file settings=settings
                    used=Callback::new(move |version: u32| set(Item::SettingsUsed { file: used_file.clone(), version }))
                    declined=Callback::new(move |()| set(Item::Refused { file: declined_file.clone(), reason: "You chose not to use these settings: nothing has changed.".into() }))
                    refused=Callback::new(move |reason: String| set(Item::Refused { file: refused_file.clone(), reason })) />
            }
            .into_any()
        }
        Item::SettingsUsed { file, version } => view! {
            <Banner kind=BannerKind::Success title=format!("{file}: school settings in use")>
                <p>{format!("You now use version {version} of the school settings. Deadlines are counted with its term dates and closures.")}</p>
                {needs_details().then(|| view! {
                    <p><A href="/welcome" attr:class="button">"Next: tell Appraise who you are"</A></p>
                })}
            </Banner>
        }
        .into_any(),
        Item::Request { file, request } => {
            let given = request.payload().clone();
            let name = given.reviewee.clone();
            let keep = move |_| {
                let kept = storage.with_mut(|vault| reviewer_requests::keep_request(vault, &request, now()));
                set(match kept {
                    Some(Ok(())) => {
                        storage.announce_change("reviewer-request");
                        Item::RequestKept { file: file.clone(), name: name.clone() }
                    }
                    Some(Err(problem)) => Item::Refused { file: file.clone(), reason: problem.to_string() },
                    None => Item::Refused { file: file.clone(), reason: crate::use_cases::NOT_OPEN.to_owned() },
                });
            };
            view! {
                <section class="import-item" aria-label=format!("Request from {} for another reviewer", given.reviewee)>
                    <h2>{format!("Request from {} for another reviewer", given.reviewee)}</h2>
                    <p>{format!("{} asks you to replace their reviewer, {}, for these reasons:", given.reviewee, given.reviewer)}</p>
                    <blockquote class="quote">{given.reasons}</blockquote>
                    <p>"Keep it with the staff list, where you answer it: change their reviewer there (the review does not start again), or keep the reviewer and tell them why."</p>
                    <button type="button" class="button" on:click=keep>"Keep it with the staff list"</button>
                </section>
            }
            .into_any()
        }
        Item::RequestKept { file, name } => view! {
            <Banner kind=BannerKind::Success title=format!("{file}: request kept")>
                <p>{format!("{name}’s request for another reviewer is on the staff list page.")}</p>
                <p><A href="/school/staff">"Answer it on the staff list"</A></p>
            </Banner>
        }
        .into_any(),
        Item::Refused { file, reason } => view! {
            <Banner kind=BannerKind::Problem title=format!("{file} was not imported")><p>{reason}</p></Banner>
        }
        .into_any(),
        Item::Repeat { file } => view! {
            <Banner kind=BannerKind::Information title=format!("{file} is already imported")><p>"There is nothing more to do: everything in it is already here."</p></Banner>
        }
        .into_any(),
        Item::Undone { file } => view! {
            <Banner kind=BannerKind::Information title=format!("{file}: import undone")><p>"Everything it changed is back as it was."</p></Banner>
        }
        .into_any(),
        Item::Imported { file, bundle_id, summary } => {
            let undo = move |_| {
                let result = storage.with_mut(|vault| importing::undo_import(vault, &bundle_id, now()));
                if let Some(Ok(())) = result {
                    set(Item::Undone { file: file.clone() });
                }
            };
            view! {
                <Banner kind=BannerKind::Success title="Imported">
                    <p>{summary}</p>
                    <button type="button" class="button button--secondary" on:click=undo>"Undo this import"</button>
                </Banner>
            }
            .into_any()
        }
        Item::Ready { file, bundle, preview } => {
            let payload = bundle.payload().clone();
            let namesakes = bundle.trust().namesakes().map(<[_]>::to_vec);
            let how = RwSignal::new(None::<HowVerified>);
            let problem = RwSignal::new(None::<String>);
            let keys = *bundle.signer();
            let sender = payload.sender.name.clone();
            let changed = summarise_paths(preview.changed.values().flatten());
            let refused = summarise_paths(&preview.refused);
            // Told, not refused: the file is still the sender's words, but deadlines here may
            // be counted with an older calendar than theirs.
            let newer_settings = storage
                .with(|vault| crate::use_cases::school::held_version(vault).ok().flatten())
                .and_then(|held| crate::use_cases::school::newer_settings_notice(held.as_ref(), payload.settings_version));
            let confirm = {
                let (bundle, preview, file) = (bundle.clone(), preview.clone(), file.clone());
                move |_| {
                    let compared = match fingerprint::comparison(bundle.trust(), how.get_untracked()) {
                        Ok(compared) => compared,
                        Err(sentence) => {
                            problem.set(Some(sentence));
                            return;
                        }
                    };
                    match storage.with_mut(|vault| import_file(vault, &bundle, compared, now())) {
                        Some(Ok(_)) => {
                            storage.announce_change("");
                            set(Item::Imported { file: file.clone(), bundle_id: bundle.payload().bundle_id.clone(), summary: outcome_in_words(&preview) });
                        }
                        Some(Err(error)) => problem.set(Some(error.to_string())),
                        None => problem.set(Some(crate::use_cases::NOT_OPEN.to_owned())),
                    }
                }
            };
            let period = payload.review.period.to_string();
            let label = format!("{file}: ready to import");
            let (sender_for_check, sender_for_changes) = (sender.clone(), sender.clone());
            let decline = move |_| set(Item::Refused { file: file.clone(), reason: "You chose not to import it.".into() });
            view! {
                <section class="import-item" aria-label=label>
                    <h2>{format!("{} from {}", super::capitalised(payload.kind.label()), sender)}</h2>
                    <p>{format!("For the review of {} by {}, cycle {}. {}", payload.review.reviewee.name, payload.review.reviewer.name, period,
                        if bundle.was_encrypted() { "It was encrypted for you." } else { "It was not encrypted." })}</p>
                    {newer_settings.map(|notice| view! {
                        <Banner kind=BannerKind::Warning title="Newer school settings"><p data-testid="newer-settings">{notice}</p></Banner>
                    })}
                    {namesakes.map(|namesakes| view! {
                        <fingerprint::FingerprintCheck index=index sender=sender_for_check keys=keys namesakes=namesakes how=how />
                    })}
                    {if changed.is_empty() {
                        view! {
                            <h3>{format!("What will change, as written by {sender_for_changes}")}</h3>
                            <p>"Nothing: everything in this file is already here."</p>
                        }.into_any()
                    } else {
                        // Open for a file or two; folded when many arrive at once, so the page
                        // stays quick and short (each still opens to show every change).
                        let count = changed.len();
                        view! {
                            <details class="changes" open=few>
                                <summary><h3 class="changes__heading">{format!("What will change, as written by {sender_for_changes} ({count})")}</h3></summary>
                                <ul class="list">{changed.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                            </details>
                        }.into_any()
                    }}
                    {(!refused.is_empty()).then(|| view! {
                        <p>{format!("Not applied, because {} may not change them: {}.", payload.sender.name, refused.join("; "))}</p>
                    })}
                    {(!preview.invalid_sign_offs.is_empty()).then(|| view! {
                        <Banner kind=BannerKind::Warning title="A signature in this file is not valid">
                            <p>{format!("{}: it does not match what was signed, so it is not kept. Ask {} to send the file again; the signer may need to sign again.", preview.invalid_sign_offs.join("; "), payload.sender.name)}</p>
                        </Banner>
                    })}
                    {move || problem.get().map(|text| view! { <p class="error-message" role="alert">{text}</p> })}
                    <button type="button" class="button" on:click=confirm>"Import"</button>
                    <button type="button" class="button button--secondary" on:click=decline>"Do not import"</button>
                </section>
            }
            .into_any()
        }
    }
}

/// Earlier imports on this device, each of which can be undone.
#[component]
fn ImportHistory(storage: AppStorage) -> impl IntoView {
    let history = move || {
        storage.changed_elsewhere.track();
        storage
            .with(|vault| importing::imports(vault).unwrap_or_default())
            .unwrap_or_default()
    };
    view! {
        <Show when=move || !history().is_empty()>
            <section class="section" aria-labelledby="history-heading">
                <h2 id="history-heading">"Imported on this device"</h2>
                <ul class="list">
                    {move || history().into_iter().map(|record| {
                        let id = record.bundle_id.clone();
                        let undo = move |_| {
                            let _ = storage.with_mut(|vault| importing::undo_import(vault, &id, now()));
                            storage.announce_change("");
                        };
                        let what = format!("{} from {}, {}", super::capitalised(record.kind.label()), record.sender, crate::browser::local_date(record.imported_at));
                        view! {
                            <li>
                                {what.clone()}
                                {if record.undone {
                                    view! { " (undone)" }.into_any()
                                } else {
                                    view! { " " <button type="button" class="button button--link" on:click=undo>"Undo"<span class="visually-hidden">{format!(" the import: {what}")}</span></button> }.into_any()
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

/// Whether this person has not yet said who they are: after the school's settings, set-up goes
/// on with their details.
fn needs_details() -> bool {
    crate::state::use_storage()
        .with(|vault| crate::use_cases::identity::identity(vault).ok().flatten())
        .flatten()
        .is_none_or(|me| me.name.trim().is_empty())
}
