//! The year between meetings, a page for each of its documents: observations, interim reviews
//! and the support plan. Each opens one review as this person holds it and shares the frame
//! here: the heading and the way back to the review, the formal capability notice, warnings,
//! sign-offs for the documents both people sign, and sending the document to the other party.

mod interim_reviews;
mod observations;
mod support_plan;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::autosave::{Draft, save_on_leaving};
use crate::components::{Banner, BannerKind, SaveIndicator};
use crate::domain::between_meetings::capability_notice;
use crate::domain::calendar::SchoolCalendar;
use crate::domain::cycle::{Review, Suspension};
use crate::domain::dates::format_uk_date;
use crate::domain::documents::{Document, InterimReviewLog, ObservationLog, SupportPlan};
use crate::domain::people::Role;
use crate::domain::sign_off::{SignOff, SignOffRefused, SignOffStatus, SignerRole};
use crate::pages::send::{EncryptChoice, Sending, Sent, SentNotice, send_bundle};
use crate::state::AppStorage;
use crate::use_cases::reviews::StoredReview;
use crate::use_cases::sending::Addressee;
use crate::use_cases::sending::BundleKind;
use crate::use_cases::sign_offs::SignOffStanding;
use crate::use_cases::{identity, reviews, sign_offs};

/// The page of the year between meetings at `/reviews/:id/:document`: observations, interim
/// reviews or the support plan. The three come as one download, fetched the first time any of
/// them is opened, so that the address table every first visit waits for grows by one page, not
/// three.
#[component]
pub fn BetweenMeetingsPage() -> impl IntoView {
    let params = leptos_router::hooks::use_params_map();
    let storage = crate::state::use_storage();
    move || {
        let (id, document) = params.with(|params| (params.get("id"), params.get("document")));
        let id = id.unwrap_or_default();
        let page = match document.as_deref() {
            Some("observations") => {
                Opened::open(storage, &id, |_| ObservationLog::default()).map(|opened| match opened
                    .role
                {
                    Some(_) => view! { <observations::Observations opened=opened /> }.into_any(),
                    None => between_the_parties("Observations"),
                })
            }
            Some("interim-reviews") => Opened::open(storage, &id, |_| InterimReviewLog::default())
                .map(|opened| match opened.role {
                    Some(_) => {
                        view! { <interim_reviews::InterimReviews opened=opened /> }.into_any()
                    }
                    None => between_the_parties("Interim reviews"),
                }),
            Some("support-plan") => Opened::open(storage, &id, |stored| {
                SupportPlan::blank_under(&stored.summary.policy)
            })
            .map(|opened| view! { <support_plan::SupportPlanView opened=opened /> }.into_any()),
            _ => return view! { <super::NotFoundPage /> }.into_any(),
        };
        page.unwrap_or_else(not_held)
    }
}

/// One review opened on a page of the year between meetings.
#[derive(Clone, Copy)]
pub(crate) struct Opened {
    storage: AppStorage,
    review_id: StoredValue<String>,
    stored: StoredValue<StoredReview>,
    /// This person's part (`None`: they only read, like the headteacher).
    role: Option<Role>,
    /// The page's document, open for editing.
    draft: Draft,
    /// The review as this person holds it, read again after every save and import.
    held: Memo<Option<crate::use_cases::held::HeldReview>>,
    /// The review as stored now, read again after every save and import.
    review: Memo<Option<Review>>,
    standings: Memo<Vec<SignOffStanding>>,
}

impl Opened {
    /// Opens review `id` with `D` as the page's document, laid over the blank `blank` makes for
    /// the review; `None` when the review is not held here.
    fn open<D: Document>(
        storage: AppStorage,
        id: &str,
        blank: impl FnOnce(&StoredReview) -> D,
    ) -> Option<Opened> {
        let stored = storage
            .with(|vault| reviews::review(vault, id).ok().flatten())
            .flatten()?;
        let draft = Draft::open_review_document(storage, id, &blank(&stored));
        save_on_leaving(draft);
        let held = super::held_review(storage, id.to_owned(), move || draft.status.track());
        let review = Memo::new(move |_| held.with(|held| held.as_ref().map(|h| h.review.clone())));
        let standings = Memo::new(move |_| {
            held.with(|held| held.as_ref().map(|h| h.standings.clone()))
                .unwrap_or_default()
        });
        let role = held.with_untracked(|held| held.as_ref().and_then(|held| held.party));
        Some(Opened {
            storage,
            review_id: StoredValue::new(id.to_owned()),
            stored: StoredValue::new(stored),
            role,
            draft,
            held,
            review,
            standings,
        })
    }

    fn is(&self, role: Role) -> bool {
        self.role == Some(role)
    }

    fn signer(&self) -> Option<SignerRole> {
        match self.role {
            Some(Role::Reviewer) => Some(SignerRole::Reviewer),
            Some(Role::Reviewee) => Some(SignerRole::Reviewee),
            _ => None,
        }
    }

    fn calendar(&self) -> SchoolCalendar {
        self.storage
            .with(identity::school_calendar)
            .unwrap_or_default()
    }

    /// The domain's warnings about the review's observations (or, with `false`, its interim
    /// reviews), following every change.
    fn warnings_about_observations(self, observations: bool) -> Signal<Vec<String>> {
        Signal::derive(move || {
            let Some(review) = self.review.get() else {
                return Vec::new();
            };
            crate::domain::between_meetings_checks::between_meetings_warnings(
                &review,
                &self.calendar(),
            )
            .into_iter()
            .filter(|warning| warning.about_observations() == observations)
            .map(|warning| warning.to_string())
            .collect()
        })
    }

    /// The review's other party, by name.
    fn other_party(&self) -> String {
        self.stored.with_value(|stored| match self.role {
            Some(Role::Reviewee) => stored.summary.reviewer.name.clone(),
            _ => stored.summary.reviewee.name.clone(),
        })
    }
}

/// The page for someone outside the review (the headteacher, the CPD leader), to whom
/// observations and interim reviews never travel.
fn between_the_parties(title: &'static str) -> AnyView {
    super::set_page_title(title);
    view! {
        <h1>{title}</h1>
        <p>"These stay between the reviewer and the reviewee, so they are not kept on your device."</p>
        <p><A href="/">"Go to your reviews"</A></p>
    }
    .into_any()
}

/// The page when the review is not here.
fn not_held() -> AnyView {
    super::set_page_title("Review not found");
    view! {
        <h1>"This review is not on this device"</h1>
        <p>"It may have been deleted, or it was started on another device or browser."</p>
        <p><A href="/">"Go to your reviews"</A></p>
    }
    .into_any()
}

/// The page's heading, whose review it is, the way back, and the saved indicator for writers.
#[component]
fn Heading(opened: Opened, title: &'static str) -> impl IntoView {
    let (reviewee, reviewer, id) = opened.stored.with_value(|stored| {
        (
            stored.summary.reviewee.name.clone(),
            stored.summary.reviewer.name.clone(),
            stored.summary.id.to_string(),
        )
    });
    let whose = match opened.role {
        Some(Role::Reviewee) => format!("Your review with {reviewer}"),
        _ => format!("{reviewee}’s review by {reviewer}"),
    };
    super::set_page_title(&format!("{title} – {reviewee}"));
    view! {
        <p class="back-link no-print"><A href=format!("/reviews/{id}")>{format!("Back to the review: {whose}")}</A></p>
        <h1>{title}<span class="heading-caption">{whose}</span></h1>
        {opened.role.is_some().then(|| view! { <SaveIndicator draft=opened.draft /> })}
        <CapabilityNotice opened=opened />
    }
}

/// While the cycle is suspended under formal capability, every page of the review says so:
/// what has stopped and what happens next.
#[component]
pub(crate) fn CapabilityNotice(opened: Opened) -> impl IntoView {
    move || {
        let review = opened.review.get()?;
        let suspended = review.suspension == Some(Suspension::Capability);
        let notice = capability_notice(review.support_plan.as_ref()?);
        suspended.then(|| {
            view! {
                <Banner kind=BannerKind::Warning title="The appraisal cycle is suspended">
                    {notice.into_iter().map(|text| view! { <p>{text}</p> }).collect_view()}
                </Banner>
            }
        })
    }
}

/// The reviewee's comments as the reviewer reads them, or `waiting` while there are none.
#[component]
fn RevieweeComments(text: Memo<String>, waiting: &'static str) -> impl IntoView {
    move || {
        let comments = text.get();
        if comments.trim().is_empty() {
            view! { <p class="empty">{waiting}</p> }.into_any()
        } else {
            view! { <p class="prose">{comments}</p> }.into_any()
        }
    }
}

/// Warnings worked out by the domain, shown as they change; never blocking.
#[component]
fn Warnings(#[prop(into)] warnings: Signal<Vec<String>>) -> impl IntoView {
    view! {
        <div aria-live="polite">
            {move || {
                let list = warnings.get();
                (!list.is_empty()).then(|| view! {
                    <Banner kind=BannerKind::Warning title="Check these against the policy">
                        <ul class="list">{list.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}</ul>
                    </Banner>
                })
            }}
        </div>
    }
}

/// What happened when the person last tried to sign.
#[derive(Clone)]
enum Signing {
    Signed(String),
    Refused(SignOffRefused),
    Failed(String),
}

/// The sign-offs on `document` (`support_plan`, or one interim review's name) and, for a party
/// who has not signed it as it is now, the button to sign: `make` makes the sign-off from the
/// review as stored, or says what is missing.
#[component]
fn SignOffs(
    opened: Opened,
    document: String,
    what: &'static str,
    make: fn(&Review, &str, SignerRole, chrono::NaiveDate) -> Result<SignOff, SignOffRefused>,
) -> impl IntoView {
    let signing = RwSignal::new(None::<Signing>);
    let name = StoredValue::new(document);
    let on_document = move || {
        opened
            .standings
            .get()
            .into_iter()
            .filter(|standing| name.with_value(|name| standing.signed.sign_off.document == *name))
            .collect::<Vec<_>>()
    };
    let sign = move |_| {
        opened.draft.save_now();
        let outcome = (|| {
            let role = opened
                .signer()
                .ok_or(String::new())
                .map_err(Signing::Failed)?;
            let review = opened
                .review
                .get_untracked()
                .ok_or_else(|| Signing::Failed("The review could not be read.".into()))?;
            let today = crate::browser::today();
            let sign_off = name
                .with_value(|name| make(&review, name, role, today))
                .map_err(Signing::Refused)?;
            let id = opened.review_id.get_value();
            opened
                .storage
                .with_mut(|vault| sign_offs::sign(vault, &id, sign_off, crate::browser::now()))
                .ok_or_else(|| Signing::Failed(crate::use_cases::NOT_OPEN.to_owned()))?
                .map_err(|error| Signing::Failed(error.to_string()))?;
            opened.storage.announce_change(&format!("sign-offs:{id}"));
            Ok(Signing::Signed(format!(
                "You signed the {what} on {}. Send it so {} has your signature.",
                format_uk_date(today),
                opened.other_party()
            )))
        })();
        signing.set(Some(outcome.unwrap_or_else(|failed| failed)));
    };
    let mine_current = move || {
        opened.signer().is_some_and(|role| {
            on_document().iter().any(|standing| {
                standing.signed.sign_off.role == role && standing.status == SignOffStatus::Current
            })
        })
    };
    view! {
        <div class="sign-offs">
            <h3 class="heading-s">"Sign-offs"</h3>
            {move || {
                let held = on_document();
                if held.is_empty() {
                    view! { <p class="empty">{format!("Nobody has signed the {what} yet.")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="list">
                            {held.into_iter().map(|standing| {
                                let state = match &standing.status {
                                    SignOffStatus::Current => "covers it as it is now".to_owned(),
                                    SignOffStatus::OutOfDate { changed } => format!("out of date: {} changed since", crate::domain::field_map::summarise_paths(changed).join("; ")),
                                    SignOffStatus::Superseded { .. } => "superseded after the appeal".to_owned(),
                                    SignOffStatus::Invalid => "not valid".to_owned(),
                                };
                                view! { <li>{format!("{}: {state}.", standing.signed.sign_off.describe())}</li> }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <Show when=move || opened.signer().is_some() && !mine_current()>
                <p class="no-print">
                    <button type="button" class="button" on:click=sign>{format!("Sign the {what}")}</button>
                </p>
            </Show>
            {move || signing.get().map(|outcome| match outcome {
                Signing::Signed(text) => view! { <Banner kind=BannerKind::Success title="Signed"><p>{text}</p></Banner> }.into_any(),
                Signing::Failed(text) => view! { <Banner kind=BannerKind::Problem title="Not signed"><p>{text}</p></Banner> }.into_any(),
                Signing::Refused(refused) => view! {
                    <div class="error-summary" role="alert">
                        <h3 class="heading-s">"This cannot be signed yet"</h3>
                        <p>{refused.to_string()}</p>
                    </div>
                }.into_any(),
            })}
        </div>
    }
}

/// Sending the page's document to the review's other party, and, where `to_headteacher` says
/// so, to the headteacher.
#[component]
fn SendDocument(
    opened: Opened,
    kind: BundleKind,
    what: &'static str,
    /// Whether the document is signed, so the file carries sign-offs.
    #[prop(optional)]
    signed: bool,
    #[prop(optional)] to_headteacher: Option<Signal<bool>>,
) -> impl IntoView {
    let Some(role) = opened.role else {
        return ().into_any();
    };
    let encrypt = RwSignal::new(true);
    let sent = RwSignal::new(None::<Sent>);
    // The headteacher the school's settings name, filled in for the person.
    let headteacher = RwSignal::new(
        opened
            .storage
            .with(|vault| crate::use_cases::school::named_in_settings(vault).ok())
            .flatten()
            .and_then(|(headteacher, _)| headteacher)
            .unwrap_or_default(),
    );
    let other = opened.other_party();
    let send = move |kind: BundleKind, recipient: Option<Addressee>| {
        opened.draft.save_now();
        if matches!(
            opened.draft.status.get_untracked(),
            crate::autosave::SaveStatus::Failed(_)
        ) {
            sent.set(Some(Sent::Failed("Your latest changes could not be saved, so the file would not match what is on screen. See the message above, then try again.".into())));
            return;
        }
        let sending = Sending {
            review: opened.stored.get_value(),
            kind,
            role,
            text: Default::default(),
            recipient,
            encrypt: encrypt.get_untracked(),
        };
        send_bundle(opened.storage, sending, sent);
    };
    let to_other = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        send(kind, None);
    };
    let to_head = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let name = headteacher.get_untracked().trim().to_owned();
        if name.is_empty() {
            sent.set(Some(Sent::Failed("Enter the headteacher’s name.".into())));
            return;
        }
        let found = opened
            .storage
            .with(|vault| identity::contact_for(vault, &name, None))
            .unwrap_or(Ok(None));
        let addressee = match found {
            Ok(Some(contact)) => Addressee::Contact(contact.keys.key_id()),
            Ok(None) => Addressee::Named(name),
            Err(error) => {
                sent.set(Some(Sent::Failed(error.to_string())));
                return;
            }
        };
        send(BundleKind::CapabilityReferral, Some(addressee));
    };
    view! {
        <section class="panel no-print" aria-labelledby="send-heading">
            <h2 id="send-heading">"Send"</h2>
            <EncryptChoice encrypt=encrypt id="between-meetings-encrypted" label="Encrypt the file so only the person you send it to (and you) can read it (recommended for email)" />
            <form class="send-route" on:submit=to_other>
                <p>{format!("Sends the {what} to {other}{}. Nothing else from the review goes with it.", if signed { ", with the sign-offs given" } else { "" })}</p>
                <button type="submit" class="button">{format!("Send the {what} to {other}")}</button>
            </form>
            {to_headteacher.map(|shown| view! {
                <Show when=move || shown.get()>
                    <form class="send-route" on:submit=to_head>
                        <h3 class="heading-s">"Send the support plan to the headteacher"</h3>
                        <p>"The formal capability procedure is the headteacher’s to lead, so the support plan goes to them. It goes to nobody else."</p>
                        <div class="field">
                            <label class="field__label" for="headteacher-name">"Headteacher’s name"</label>
                            <input class="field__input" type="text" id="headteacher-name" autocomplete="off" prop:value=move || headteacher.get() on:input=move |e| headteacher.set(event_target_value(&e)) />
                        </div>
                        <button type="submit" class="button">"Send the support plan to the headteacher"</button>
                    </form>
                </Show>
            })}
            <SentNotice sent=sent />
        </section>
    }
    .into_any()
}
