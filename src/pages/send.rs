//! Sending a document to the other person in a review: the file is signed, encrypted for them
//! (and for the sender, who can reopen it) unless the person chooses otherwise, downloaded with
//! a name they can find, and offered to the device's share sheet or an email. Signing and
//! encrypting are a download of their own, fetched the first time someone sends, so that the
//! pages that can send do not wait for them on a first visit.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::autosave::Draft;
use crate::browser::{download, file_stamp, fresh_id, now};
use crate::components::{Banner, BannerKind};
use crate::domain::field_map::FieldMap;
use crate::domain::people::Role;
use crate::on_demand::NotFetched;
use crate::random::BrowserRandom;
use crate::state::AppStorage;
use crate::use_cases::reviews::StoredReview;
use crate::use_cases::sending::BundleKind;
use crate::use_cases::{outgoing, reviews, sending};

/// What became of the last send.
#[derive(Clone)]
pub enum Sent {
    Done {
        name: String,
        /// What the file is, e.g. "pre-review", for the email's subject.
        what: &'static str,
        /// Who it is for; `None` for a contact card, which goes to any colleague who needs it.
        recipient: Option<String>,
        /// The recipient's email address, when their contact card has one.
        email: Option<String>,
        encrypted: bool,
        contents: String,
    },
    Failed(String),
}

/// What to send: a bundle of `kind` from the review, as `role`, with `text` recorded into the
/// review's documents first, for `recipient` (by default the review's other party), encrypted
/// for them unless `encrypt` is off.
pub struct Sending {
    pub review: StoredReview,
    pub kind: BundleKind,
    pub role: Role,
    pub text: FieldMap,
    pub recipient: Option<sending::Addressee>,
    pub encrypt: bool,
}

/// Signs, encrypts and downloads the bundle in the background, and shows the outcome in `sent`.
pub fn send_bundle(storage: AppStorage, sending: Sending, sent: RwSignal<Option<Sent>>) {
    leptos::task::spawn_local(async move {
        let outcome = sign_and_download(storage, sending)
            .await
            .unwrap_or_else(|missing| Sent::Failed(missing.sentence("signs and sends files")));
        sent.set(Some(outcome));
    });
}

/// Sends review `review_id`'s `file` as `role`, to whom that kind goes, and shows the outcome in
/// `sent`.
pub fn send_review_file(
    storage: AppStorage,
    review_id: &str,
    file: crate::use_cases::sending::ReviewFile,
    role: Role,
    encrypt: bool,
    sent: RwSignal<Option<Sent>>,
) {
    let held = storage
        .with(|vault| reviews::review(vault, review_id).ok().flatten())
        .flatten();
    let Some(review) = held else {
        sent.set(Some(Sent::Failed(
            "This review is no longer on this device.".into(),
        )));
        return;
    };
    let sending = Sending {
        review,
        kind: file.kind(),
        role,
        text: FieldMap::default(),
        recipient: None,
        encrypt,
    };
    send_bundle(storage, sending, sent);
}

/// The split point: everything this reaches (signing, encryption, the bundle format) is fetched
/// the first time it is called, and a failed fetch comes back as `NotFetched`.
#[leptos::wasm_split::wasm_split(sending, wasm_split_path = ::leptos::wasm_split, fallible)]
fn sign_and_download(storage: AppStorage, sending: Sending) -> Result<Sent, NotFetched> {
    Ok(sign_and_download_now(storage, sending))
}

fn sign_and_download_now(storage: AppStorage, sending: Sending) -> Sent {
    let Sending {
        review,
        kind,
        role,
        text,
        recipient,
        encrypt,
    } = sending;
    let Some((_, me)) = storage.identity() else {
        return Sent::Failed(crate::use_cases::NOT_OPEN.to_owned());
    };
    let request = outgoing::FileRequest {
        review_id: review.summary.id.as_str().to_owned(),
        kind,
        role,
        text,
        recipient,
        encrypt,
    };
    let made = storage.with_mut(|vault| {
        outgoing::make_file(
            vault,
            &me,
            request,
            &fresh_id("bundle"),
            &file_stamp(),
            &mut BrowserRandom,
            now(),
        )
    });
    let file = match made {
        Some(Ok(file)) => file,
        Some(Err(error)) => return Sent::Failed(error.to_string()),
        None => return Sent::Failed(crate::use_cases::NOT_OPEN.to_owned()),
    };
    if let Err(reason) = download(&file.name, "application/json", &file.contents) {
        return Sent::Failed(reason);
    }
    let noted = storage.with_mut(|vault| outgoing::note_downloaded(vault, &file, now()));
    storage.announce_change(&format!("review:{}", file.review_id));
    // The file is out either way; if the day cannot be noted, the clock only runs on. A handover
    // not noted would leave this device acting as the reviewer, so that is said.
    if kind == BundleKind::Handover
        && let Some(Err(error)) = noted
    {
        return Sent::Failed(format!(
            "The handover file was downloaded, but this device could not record it: {error} Send the file anyway; the new reviewer carries on from it."
        ));
    }
    Sent::Done {
        name: file.name,
        what: kind.label(),
        recipient: Some(file.recipients),
        email: file.email,
        encrypted: file.encrypted,
        contents: file.contents,
    }
}

/// Whether this browser can share files (mostly phones and tablets).
fn can_share() -> bool {
    web_sys::window()
        .map(|w| w.navigator())
        .and_then(|navigator| js_sys::Reflect::get(&navigator, &"canShare".into()).ok())
        .is_some_and(|function| function.is_function())
}

/// Offers the file to the device's share sheet (phones and tablets), if it has one that takes files.
fn share(name: &str, contents: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let parts = js_sys::Array::of1(&contents.into());
    let Ok(file) = web_sys::File::new_with_str_sequence(&parts, name) else {
        return false;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"files".into(), &js_sys::Array::of1(&file));
    let _ = js_sys::Reflect::set(&data, &"title".into(), &"Appraisal file".into());
    let call = |method: &str| -> Option<wasm_bindgen::JsValue> {
        let function = js_sys::Reflect::get(&navigator, &method.into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        function.call1(&navigator, &data).ok()
    };
    if call("canShare").and_then(|can| can.as_bool()) != Some(true) {
        return false;
    }
    call("share").is_some()
}

/// "Send your pre-review": one button per review the person takes part in as reviewee.
#[component]
pub fn SendPreReview(storage: AppStorage, draft: Draft) -> impl IntoView {
    // Only the reviews in which this person is the reviewee: a reviewer does not send a pre-review.
    let reviews = move || {
        storage.changed_elsewhere.track();
        // Read without creating keys: looking at the page should not make an identity.
        storage
            .with(|vault| reviews::reviews_as_reviewee(vault).unwrap_or_default())
            .unwrap_or_default()
    };
    let encrypt = RwSignal::new(true);
    let sent = RwSignal::new(None::<Sent>);
    view! {
        <section class="section" aria-labelledby="send-heading">
            <h2 id="send-heading">"Send your pre-review"</h2>
            <Show when=move || !reviews().is_empty() fallback=|| view! {
                <p class="empty">"When your reviewer’s invitation arrives, import it and you can send your pre-review from here."</p>
            }>
                <EncryptChoice encrypt=encrypt id="send-encrypted" label="Encrypt it so only your reviewer (and you) can read it (recommended for email)" />
                {move || reviews().into_iter().map(|review| {
                    let reviewer = review.summary.reviewer.name.clone();
                    let label = format!("Send to {reviewer}");
                    view! {
                        <button type="button" class="button" on:click=move |_| {
                            draft.save_now();
                            let sending = Sending {
                                review: review.clone(),
                                kind: BundleKind::PreReview,
                                role: Role::Reviewee,
                                text: draft.fields.get_untracked(),
                                recipient: None,
                                encrypt: encrypt.get_untracked(),
                            };
                            send_bundle(storage, sending, sent);
                        }>
                            {label}
                        </button>
                    }
                }).collect_view()}
            </Show>
            <SentNotice sent=sent />
        </section>
    }
}

/// The choice to encrypt a file for its recipient, on unless the person turns it off.
#[component]
pub fn EncryptChoice(
    encrypt: RwSignal<bool>,
    id: &'static str,
    #[prop(into)] label: String,
) -> impl IntoView {
    view! {
        <div class="radio">
            <input type="checkbox" id=id prop:checked=move || encrypt.get() on:change=move |e| encrypt.set(event_target_checked(&e)) />
            <label for=id>{label}</label>
        </div>
    }
}

/// What happened to the last file sent: the file name and the ways to pass it on, or why not.
#[component]
pub fn SentNotice(sent: RwSignal<Option<Sent>>) -> impl IntoView {
    view! {
        {move || sent.get().map(|outcome| match outcome {
            Sent::Failed(reason) => view! { <Banner kind=BannerKind::Problem title="Not sent"><p>{reason}</p></Banner> }.into_any(),
            Sent::Done { name, what, recipient, email, encrypted, contents } => {
                let subject = format!("Appraisal: {what}");
                let (hello, attached, to_whom) = match &recipient {
                    Some(person) if what == "contact card" => (format!("Hello {person},"), format!("my {what}"), person.clone()),
                    Some(person) => (format!("Hello {person},"), format!("the {what} for our appraisal"), person.clone()),
                    None => ("Hello,".to_owned(), format!("my {what}"), "each colleague who needs it".to_owned()),
                };
                let body = format!(
                    "{hello}\n\nI have attached {attached}: {name}.\nTo open it, go to Appraise, choose Import a file, and choose the attachment.\n"
                );
                // The @ stays as it is, which every email program reads.
                let to = email.map(|address| address.split('@').map(mail_encode).collect::<Vec<_>>().join("@")).unwrap_or_default();
                let mailto = format!("mailto:{to}?subject={}&body={}", mail_encode(&subject), mail_encode(&body));
                let (share_name, share_contents) = (name.clone(), contents.clone());
                view! {
                    <Banner kind=BannerKind::Success title="Your file is ready to send">
                        <p data-testid="sent-file">{format!("Downloaded {name}{}{}.", recipient.map(|person| format!(" for {person}")).unwrap_or_default(), if encrypted { ", encrypted" } else { ", not encrypted" })}</p>
                        <p>{format!("Attach {name} to an email to {to_whom}: it is in your downloads folder. Or share it straight from this device.")}</p>
                        {can_share().then(|| view! {
                            <button type="button" class="button button--secondary" on:click=move |_| { share(&share_name, &share_contents); }>"Share the file"</button>
                        })}
                        <a class="button button--secondary" href=mailto>"Write an email"</a>
                    </Banner>
                }.into_any()
            }
        })}
    }
}

/// Text for a `mailto:` link's subject or body: everything but letters, digits and a few safe
/// marks is percent-encoded as UTF-8 (RFC 6068), so line breaks and apostrophes arrive intact.
fn mail_encode(text: &str) -> String {
    let mut encoded = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// Downloads this person's contact card, for `recipient` (name and email address, when it goes
/// to someone in particular, such as the headteacher) or any colleague who needs it, and says in
/// `sent` what became of it. Signing is fetched the first time, as for any file sent.
pub fn send_my_card(
    storage: AppStorage,
    recipient: Option<(String, Option<String>)>,
    sent: RwSignal<Option<Sent>>,
) {
    leptos::task::spawn_local(async move {
        let outcome = sign_my_card(storage, recipient)
            .await
            .unwrap_or_else(|missing| Sent::Failed(missing.sentence("makes your contact card")));
        sent.set(Some(outcome));
    });
}

/// The split point for signing a contact card.
#[leptos::wasm_split::wasm_split(card_sending, wasm_split_path = ::leptos::wasm_split, fallible)]
fn sign_my_card(
    storage: AppStorage,
    recipient: Option<(String, Option<String>)>,
) -> Result<Sent, NotFetched> {
    Ok(sign_my_card_now(storage, recipient))
}

fn sign_my_card_now(storage: AppStorage, recipient: Option<(String, Option<String>)>) -> Sent {
    let card = storage
        .with(|vault| {
            crate::use_cases::identity::my_card(vault, now())
                .ok()
                .flatten()
        })
        .flatten();
    match (card, storage.identity()) {
        (Some(card), Some((_, keys))) if !card.name.trim().is_empty() => {
            let contents = card.write(&keys);
            let name = card.file_name();
            match download(&name, "application/json", &contents) {
                Ok(()) => {
                    let (recipient, email) = recipient.unzip();
                    Sent::Done {
                        name,
                        what: "contact card",
                        recipient,
                        email: email.flatten(),
                        encrypted: false,
                        contents,
                    }
                }
                Err(reason) => Sent::Failed(reason),
            }
        }
        _ => {
            Sent::Failed("Enter your name above first, so colleagues know whose card it is.".into())
        }
    }
}
