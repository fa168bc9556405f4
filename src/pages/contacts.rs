//! "You and your contacts": the name this person sends files under, their fingerprint to read
//! out to colleagues, and the people whose keys they have confirmed.

use leptos::prelude::*;

use crate::browser::{local_date, now};
use crate::domain::people::EmailAddress;
use crate::pages::send::{Sent, SentNotice, send_my_card};
use crate::state::use_storage;
use crate::use_cases::identity;

#[component]
pub fn ContactsPage() -> impl IntoView {
    super::set_page_title("You and your contacts");
    let storage = use_storage();
    let identity = storage.identity();
    let name = RwSignal::new(
        identity
            .as_ref()
            .map(|(stored, _)| stored.name.clone())
            .unwrap_or_default(),
    );
    let keys = identity.as_ref().map(|(_, keys)| keys.public_keys());
    let words = keys
        .map(|keys| keys.fingerprint_words())
        .unwrap_or_default();
    let fingerprint = keys.map(|keys| keys.fingerprint()).unwrap_or_default();
    let saved = RwSignal::new(false);
    let save_name = move |_| {
        let result = storage.with_mut(|vault| {
            let mut stored = identity::identity(vault).ok().flatten()?;
            stored.name = name.get_untracked().trim().to_owned();
            identity::save_identity(vault, &stored, now()).ok()
        });
        saved.set(result.flatten().is_some());
    };
    let contacts = move || {
        storage.changed_elsewhere.track();
        storage
            .with(|vault| identity::contacts(vault).unwrap_or_default())
            .unwrap_or_default()
    };
    view! {
        <h1>"You and your contacts"</h1>
        <section class="section" aria-labelledby="you-heading">
            <h2 id="you-heading">"You"</h2>
            <div class="field">
                <label class="field__label" for="identity-name">"Your name, as colleagues know you"</label>
                <p class="field__hint" id="identity-name-hint">"It goes on every file you send, so your reviewer knows it is from you."</p>
                <input class="field__input" type="text" id="identity-name" autocomplete="name" aria-describedby="identity-name-hint"
                    prop:value=move || name.get()
                    on:input=move |e| { saved.set(false); name.set(event_target_value(&e)) }
                    on:change=save_name />
            </div>
            <Show when=move || saved.get()>
                <p class="save-indicator" role="status">"Name saved"</p>
            </Show>
            <h3>"Your fingerprint"</h3>
            <p>"When someone imports your first file, Appraise asks them to compare these eight words with you by phone or in person (or the digits below them):"</p>
            <p class="fingerprint-words" data-testid="my-fingerprint-words">{words}</p>
            <p class="fingerprint" data-testid="my-fingerprint">{fingerprint}</p>
            <YourCard />
        </section>
        <section class="section" aria-labelledby="contacts-heading">
            <h2 id="contacts-heading">"People you exchange files with"</h2>
            <Show when=move || !contacts().by_key.is_empty() fallback=|| view! {
                <p class="empty">"Nobody yet. When you import someone’s first file, you confirm their fingerprint and they appear here."</p>
            }>
                <table class="table table--cards">
                    <caption class="visually-hidden">"Contacts and their fingerprints"</caption>
                    <thead><tr><th scope="col">"Name"</th><th scope="col">"Email address"</th><th scope="col">"Fingerprint"</th><th scope="col">"How it was checked"</th><th scope="col">"Since"</th></tr></thead>
                    <tbody>
                        {move || identity::sorted_contacts(contacts()).into_iter().map(|contact| view! {
                            <tr>
                                <th scope="row">
                                    {contact.described()}
                                    {(!contact.earlier_names.is_empty()).then(|| view! {
                                        <span class="field__hint">{format!(" (earlier: {})", contact.earlier_names.join(", "))}</span>
                                    })}
                                </th>
                                <td data-label="Email address"><ContactEmail key_id=contact.keys.key_id() name=contact.name.clone() email=contact.email.map(String::from).unwrap_or_default() /></td>
                                <td data-label="Fingerprint"><span class="fingerprint-words">{contact.keys.fingerprint_words()}</span><br /><span class="fingerprint">{contact.keys.fingerprint()}</span></td>
                                <td data-label="How it was checked">{contact.verified.label()}</td>
                                // A contact kept without the day it was confirmed says so, never 01/01/1970.
                                <td data-label="Since">{chrono::DateTime::from_timestamp_millis(contact.pinned_at_millis).filter(|_| contact.pinned_at_millis > 0).map_or_else(|| "Not recorded".to_owned(), local_date)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

/// The email address files for one contact go to, saved when the person leaves the field; an
/// address with a slip in it is kept on screen and not saved, with what to check.
#[component]
fn ContactEmail(key_id: String, name: String, email: String) -> impl IntoView {
    let storage = use_storage();
    let id = format!("contact-email-{key_id}");
    let problem = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let label = format!("Email address for {name}");
    let save = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        let email = match text.trim() {
            "" => None,
            typed => match EmailAddress::parse(typed) {
                Ok(email) => Some(email),
                Err(reason) => {
                    problem.set(Some(reason.to_string()));
                    return;
                }
            },
        };
        let kept =
            storage.with_mut(|vault| identity::set_contact_email(vault, &key_id, email, now()));
        match kept {
            Some(Ok(())) => {
                problem.set(None);
                saved.set(true);
            }
            Some(Err(error)) => problem.set(Some(error.to_string())),
            None => problem.set(Some(crate::use_cases::NOT_OPEN.to_owned())),
        }
    };
    let hint = format!("{id}-problem");
    let described_by = hint.clone();
    view! {
        <div class=move || if problem.get().is_some() { "field field--error" } else { "field" }>
            <label class="visually-hidden" for=id.clone()>{label}</label>
            {move || problem.get().map(|text| view! { <p class="error-message" id=hint.clone()>{text}</p> })}
            <input class="field__input" type="email" id=id autocomplete="off" value=email
                aria-invalid=move || problem.get().is_some().to_string()
                aria-describedby=move || problem.get().is_some().then(|| described_by.clone())
                on:input=move |_| saved.set(false)
                on:change=save />
            <Show when=move || saved.get()>
                <p class="save-indicator" role="status">"Saved"</p>
            </Show>
        </div>
    }
}

/// Sending this person's contact card, so colleagues can confirm them before any review file
/// passes between them (the headteacher and the CPD leader send theirs to reviewers).
#[component]
fn YourCard() -> impl IntoView {
    let storage = use_storage();
    let sent = RwSignal::new(None::<Sent>);
    let send = move |_| send_my_card(storage, None, sent);
    view! {
        <h3>"Your contact card"</h3>
        <p>"Colleagues who have had no file from you yet (a headteacher or CPD leader sending to reviewers, say) import your card and compare your fingerprint. After that, files they send you are locked so only you can read them."</p>
        <button type="button" class="button button--secondary" on:click=send>"Send your contact card"</button>
        <SentNotice sent=sent />
    }
}
