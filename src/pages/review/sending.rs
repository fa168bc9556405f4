//! Sending from the workspace: the reviewer sends the statement for comment, the final
//! statement to the headteacher and the training needs to the CPD leader; the reviewee sends
//! their reply (comments, sign-off or appeal). Each file carries the sign-offs on what it holds.

use leptos::prelude::*;

use super::{ReviewSection, Workspace};
use crate::components::{Banner, BannerKind, InPageLink, WhichContact};
use crate::domain::deadlines::in_a_sentence;
use crate::domain::people::Role;
use crate::domain::sections::Section;
use crate::domain::sign_off::before_sending;
use crate::pages::send::{EncryptChoice, Sending, Sent, SentNotice, send_bundle};
use crate::use_cases::sending::Addressee;
use crate::use_cases::sending::BundleKind;
use crate::use_cases::{identity, school, staff};

/// One way of sending from this review: the bundle, a heading and, for the headteacher and CPD
/// leader, the recipient's name to ask for.
struct Route {
    kind: BundleKind,
    heading: String,
    explain: String,
    asks_for: Option<String>,
    /// The name the school's settings give the recipient, filled in for the person.
    named: Option<String>,
}

/// Where the reviewer's and the reviewee's files go; training needs go to whoever the policy
/// names (`receiver`: the CPD leader, or seed 004's business manager).
fn routes(workspace: &Workspace, reviewee: &str, reviewer: &str, receiver: &str) -> Vec<Route> {
    let (headteacher, cpd_leader) = workspace
        .storage
        .with(|vault| school::named_in_settings(vault).ok())
        .flatten()
        .unwrap_or_default();
    // After the headteacher gave the review to someone else on the staff list, their name.
    let reviewer_now = workspace
        .stored()
        .and_then(|stored| {
            workspace
                .storage
                .with(|vault| staff::reviewer_now(vault, &stored.summary).ok())
        })
        .flatten()
        .flatten();
    match workspace.role {
        Some(Role::Reviewer) => vec![
            Route {
                kind: BundleKind::StatementForComment,
                heading: format!("Send the statement to {reviewee} for comment"),
                explain: "Sends the statement, the training needs and your sign-off. They add comments and sign, or appeal.".into(),
                asks_for: None,
                named: None,
            },
            Route {
                kind: BundleKind::FinalStatement,
                heading: "Send the final statement to the headteacher".into(),
                explain: "Once both of you have signed: the statement, training needs and both sign-offs.".into(),
                asks_for: Some("Headteacher’s name".into()),
                named: headteacher,
            },
            Route {
                kind: BundleKind::CpdNeeds,
                heading: format!("Send the training needs to the {}", in_a_sentence(receiver)),
                explain: "Only the training and development needs, nothing else from the review.".into(),
                asks_for: Some(format!("{receiver}’s name")),
                named: cpd_leader,
            },
            Route {
                kind: BundleKind::Handover,
                heading: "Hand the review to another reviewer".into(),
                explain: format!("If you can no longer be {reviewee}’s reviewer, the new reviewer carries on from where you are: the cycle does not start again. The file goes to them and to {reviewee}, and you keep the review to read. The new reviewer must be on your school’s staff list, or their contact card in your contacts."),
                asks_for: Some("New reviewer’s name".into()),
                named: reviewer_now,
            },
        ],
        Some(Role::Reviewee) => {
            let mut routes = vec![Route {
                kind: BundleKind::Reply,
                heading: format!("Send your reply to {reviewer}"),
                explain: "Sends your comments and your sign-off, or your appeal.".into(),
                asks_for: None,
                named: None,
            }];
            // The headteacher has given the review to someone else, and the reviewer may be away.
            if let Some(new_reviewer) = reviewer_now.filter(|name| name != reviewer) {
                routes.push(Route {
                    kind: BundleKind::Handover,
                    heading: format!("Pass your review to {new_reviewer}"),
                    explain: format!("The school’s staff list now gives your review to {new_reviewer}. If {reviewer} cannot hand it over (they are away), pass your copy on so {new_reviewer} carries on from where you are: the cycle does not start again. Your copy holds everything you and {reviewer} shared; {reviewer}’s private notes stay with them."),
                    asks_for: Some("New reviewer’s name".into()),
                    named: Some(new_reviewer),
                });
            }
            routes
        }
        _ => Vec::new(),
    }
}

#[component]
pub(super) fn SendSection(workspace: Workspace) -> impl IntoView {
    let Some(stored) = workspace.stored() else {
        return ().into_any();
    };
    let role = workspace.role;
    let list = routes(
        &workspace,
        &stored.summary.reviewee.name,
        &stored.summary.reviewer.name,
        stored.summary.policy.training_needs_receiver(),
    );
    if list.is_empty() {
        return ().into_any();
    }
    let encrypt = RwSignal::new(true);
    // What became of the last file sent, said beside the button of the route that sent it.
    let sent = RwSignal::new(None::<Sent>);
    let sent_by = RwSignal::new(None::<BundleKind>);
    // The file whose sign-offs no longer hold, and why: shown once, then sent if asked again.
    let caution = RwSignal::new(None::<(BundleKind, Vec<String>)>);
    view! {
        <ReviewSection workspace=workspace section=Section::Send class="no-print">
            <EncryptChoice encrypt=encrypt id="review-send-encrypted" label="Encrypt the file so only the person you send it to (and you) can read it (recommended for email)" />
            {list.into_iter().map(|route| {
                let name = RwSignal::new(route.named.clone().unwrap_or_default());
                // With two contacts of the typed name, which one (by key id).
                let chosen = RwSignal::new(None::<String>);
                let stored = stored.clone();
                let field = format!("recipient-{:?}", route.kind).to_lowercase();
                let names_recipient = route.asks_for.is_some();
                let kind = route.kind;
                let send = move |event: leptos::ev::SubmitEvent| {
                    event.prevent_default();
                    sent_by.set(Some(kind));
                    sent.set(None);
                    if let Err(reason) = workspace.save_all() {
                        sent.set(Some(Sent::Failed(reason)));
                        return;
                    }
                    let recipient = names_recipient.then(|| name.get_untracked().trim().to_owned());
                    if recipient.as_deref() == Some("") {
                        sent.set(Some(Sent::Failed("Enter the name of the person you are sending it to.".into())));
                        return;
                    }
                    let addressee = match recipient.map(|name| addressee(&workspace, name, chosen.get_untracked())).transpose() {
                        Ok(addressee) => addressee,
                        Err(reason) => {
                            sent.set(Some(Sent::Failed(reason)));
                            return;
                        }
                    };
                    let warned = caution.get_untracked().is_some_and(|(kind, _)| kind == route.kind);
                    let cautions = cautions_before_sending(&workspace, route.kind);
                    if !warned && !cautions.is_empty() {
                        caution.set(Some((route.kind, cautions)));
                        return;
                    }
                    caution.set(None);
                    let role = role.unwrap_or(Role::Reviewer);
                    let sending = Sending {
                        review: stored.clone(),
                        kind: route.kind,
                        role,
                        text: Default::default(),
                        recipient: addressee,
                        encrypt: encrypt.get_untracked(),
                    };
                    send_bundle(workspace.storage, sending, sent);
                };
                view! {
                    <form class="send-route" on:submit=send>
                        <h3 class="heading-s">{route.heading.clone()}</h3>
                        <p>{route.explain.clone()}</p>
                        {route.asks_for.map(|label| view! {
                            <div class="field">
                                <label class="field__label" for=field.clone()>{label}</label>
                                <input class="field__input" type="text" id=field.clone() autocomplete="off" prop:value=move || name.get() on:input=move |e| name.set(event_target_value(&e)) />
                            </div>
                            <WhichContact storage=workspace.storage name=name chosen=chosen field=field.clone() />
                        })}
                        {move || caution.get().filter(|(kind, _)| *kind == route.kind).map(|(_, cautions)| view! {
                            <Banner kind=BannerKind::Warning title="The sign-offs do not match the statement as it is now">
                                <ul class="list">{cautions.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}</ul>
                                <p>"Sign again in " <InPageLink anchor="sign-offs">"Sign-offs"</InPageLink> " before you send, or send it anyway and the other person will see the sign-offs are out of date."</p>
                                <button type="submit" class="button button--secondary">"Send it anyway"</button>
                            </Banner>
                        })}
                        <button type="submit" class="button">{route.heading}</button>
                        <Show when=move || sent_by.get() == Some(route.kind)>
                            <SentNotice sent=sent />
                        </Show>
                    </form>
                }
            }).collect_view()}
        </ReviewSection>
    }
    .into_any()
}

/// What the person should know before sending a file of `kind`: its sign-offs out of date or
/// missing, worked out by the domain from the sign-offs held.
fn cautions_before_sending(workspace: &Workspace, kind: BundleKind) -> Vec<String> {
    let appealed = workspace
        .review
        .get_untracked()
        .and_then(|review| review.appeal)
        .is_some_and(|appeal| appeal.is_lodged());
    let standings = workspace.standings.get_untracked();
    let held: Vec<_> = standings
        .iter()
        .map(|standing| (&standing.signed.sign_off, &standing.status))
        .collect();
    before_sending(kind.documents(), kind.sign_offs_needed(appealed), &held)
}

/// Who the person typed: their contact (the only one of that name, or the one chosen among
/// several), whose card lets the file be locked for them; otherwise just the name.
fn addressee(
    workspace: &Workspace,
    name: String,
    chosen: Option<String>,
) -> Result<Addressee, String> {
    let found = workspace
        .storage
        .with(|vault| identity::contact_for(vault, &name, chosen.as_deref()))
        .unwrap_or(Ok(None))
        .map_err(|error| error.to_string())?;
    Ok(found.map_or(Addressee::Named(name), |contact| {
        Addressee::Contact(contact.keys.key_id())
    }))
}
