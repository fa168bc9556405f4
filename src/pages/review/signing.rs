//! Sign-offs: what signing covers, signing it (refused, with every empty required field linked,
//! until the document is complete), and each sign-off held with whether it still covers the
//! document: current, out of date (and what changed) or not valid.

use leptos::prelude::*;

use super::{FieldLink, ReviewSection, Workspace};
use crate::components::{Banner, BannerKind};
use crate::domain::dates::format_uk_date;
use crate::domain::documents::{Document, Statement, document_title};
use crate::domain::field_map::summarise_paths;
use crate::domain::people::Role;
use crate::domain::sections::Section;
use crate::domain::sign_off::{
    SignOff, SignOffRefused, SignOffStatus, SignerRole, signing_before_the_meeting,
    what_signing_the_statement_covers,
};
use crate::use_cases::sign_offs;
use crate::use_cases::sign_offs::SignOffStanding;

/// What happened when the person last tried to sign.
#[derive(Clone)]
enum Signing {
    Signed(String),
    Refused(SignOffRefused),
    Failed(String),
}

/// Signs `document` as `role` on today's date, if it is complete, and keeps the sign-off.
fn sign(workspace: Workspace, document: &'static str, role: SignerRole) -> Signing {
    if let Err(reason) = workspace.save_all() {
        return Signing::Failed(reason);
    }
    let Some(review) = workspace.review.get_untracked() else {
        return Signing::Failed("The review could not be read.".into());
    };
    let today = crate::browser::today();
    let sign_off = match document {
        Statement::KIND => SignOff::for_statement(&review, role, today),
        _ => SignOff::for_cpd_needs(&review, role, today),
    };
    let sign_off = match sign_off {
        Ok(sign_off) => sign_off,
        Err(refused) => return Signing::Refused(refused),
    };
    let id = workspace.review_id.get_value();
    let kept = workspace
        .storage
        .with_mut(|vault| sign_offs::sign(vault, &id, sign_off, crate::browser::now()));
    match kept {
        Some(Ok(())) => {
            workspace
                .storage
                .announce_change(&format!("sign-offs:{id}"));
            Signing::Signed(format!(
                "You signed the {} on {}. Send it so the other person has your signature.",
                document_title(document).to_lowercase(),
                format_uk_date(today)
            ))
        }
        Some(Err(error)) => Signing::Failed(error.to_string()),
        None => Signing::Failed(crate::use_cases::NOT_OPEN.to_owned()),
    }
}

#[component]
pub(super) fn SignOffSection(workspace: Workspace) -> impl IntoView {
    let signing = RwSignal::new(None::<Signing>);
    let role = match workspace.role {
        Some(Role::Reviewer) => Some(SignerRole::Reviewer),
        Some(Role::Reviewee) => Some(SignerRole::Reviewee),
        _ => None,
    };
    let covers = move || {
        let statement = workspace.review.get()?.statement?;
        Some(what_signing_the_statement_covers(&statement, role?))
    };
    view! {
        <ReviewSection workspace=workspace section=Section::SignOffs>
            // Signing comes first, so "Sign-offs" in the contents leads straight to it.
            {move || role.map(|role| {
                // What this person has signed and still covers it needs no button.
                let to_sign = sign_offs::still_to_sign(&workspace.standings.get(), role);
                if to_sign.is_empty() {
                    return view! {
                        <p class="no-print" data-testid="all-signed">"You have signed everything that is yours to sign, and your sign-offs cover it as it is now."</p>
                    }.into_any();
                }
                let statement_to_sign = to_sign.contains(&Statement::KIND);
                view! {
                    <div class="no-print">
                    {statement_to_sign.then(|| view! {
                        <p>{covers}</p>
                        <BeforeTheMeeting workspace=workspace />
                    })}
                    <p>{format!("Your sign-off will be dated {}.", format_uk_date(crate::browser::today()))}</p>
                    <div class="button-group">
                        {to_sign.into_iter().map(|document| {
                            let label = if document == Statement::KIND { "Sign the statement" } else { "Sign the training needs" };
                            view! {
                                <button type="button" class="button" on:click=move |_| signing.set(Some(sign(workspace, document, role)))>{label}</button>
                            }
                        }).collect_view()}
                    </div>
                    </div>
                }.into_any()
            })}
            {move || signing.get().map(|outcome| match outcome {
                Signing::Signed(text) => view! { <Banner kind=BannerKind::Success title="Signed"><p>{text}</p></Banner> }.into_any(),
                Signing::Failed(text) => view! { <Banner kind=BannerKind::Problem title="Not signed"><p>{text}</p></Banner> }.into_any(),
                Signing::Refused(refused) => view! {
                    <div class="error-summary" role="alert" tabindex="-1">
                        <h2>"This cannot be signed yet"</h2>
                        {refused.over_limit.map(|limit| view! {
                            <p><FieldLink workspace=workspace path="statement.new_objectives".to_owned() text=limit.to_string() /></p>
                        })}
                        {(!refused.missing.is_empty()).then(|| view! {
                            <p>"Fill in these required answers, then sign:"</p>
                            <ul class="list">
                                {refused.missing.into_iter().map(|missing| view! {
                                    <li><FieldLink workspace=workspace path=missing.path text=missing.label /></li>
                                }).collect_view()}
                            </ul>
                        })}
                    </div>
                }.into_any(),
            })}
            {role.is_some().then(|| view! { <h3 class="heading-s">"Signed so far"</h3> })}
            <SignOffList standings=workspace.standings />
        </ReviewSection>
    }
}

/// The domain's warning when the statement is signed before the meeting it records, with the
/// way to correct the date for the reviewer, who writes it.
#[component]
fn BeforeTheMeeting(workspace: Workspace) -> impl IntoView {
    let today = crate::browser::today();
    let warning = move || {
        let review = workspace.review.get()?;
        signing_before_the_meeting(review.dates.meeting_on, today)
    };
    let held_today = move |_| {
        workspace.statement.set(
            "statement.meeting_date",
            serde_json::Value::String(today.to_string()),
        );
        workspace.statement.save_now();
    };
    view! {
        {move || warning().map(|text| view! {
            <div class="warning-text" role="status" data-testid="before-the-meeting">
                <p>{text}</p>
                {workspace.is(Role::Reviewer).then(|| view! {
                    <p>
                        <button type="button" class="button button--secondary" on:click=held_today>
                            {format!("The meeting was held today: date it {}", format_uk_date(today))}
                        </button>
                        " or " <FieldLink workspace=workspace path="statement.meeting_date".to_owned() text="change the date of the review meeting".to_owned() />
                    </p>
                })}
            </div>
        })}
    }
}

/// Each sign-off held, and whether it still covers what it signed.
#[component]
pub(super) fn SignOffList(standings: Memo<Vec<SignOffStanding>>) -> impl IntoView {
    let describe = |standing: SignOffStanding| {
        let sign_off = &standing.signed.sign_off;
        let who = sign_off.describe();
        let (class, state, detail) = match &standing.status {
            SignOffStatus::Current => ("sign-off sign-off--current", "Current", String::new()),
            SignOffStatus::OutOfDate { changed } => (
                "sign-off sign-off--out-of-date",
                "Out of date",
                format!(
                    "Changed since it was signed: {}.",
                    summarise_paths(changed).join("; ")
                ),
            ),
            SignOffStatus::Superseded { upheld_on } => (
                "sign-off sign-off--out-of-date",
                "Superseded",
                format!(
                    "Given before the appeal was upheld on {}: the statement is revised and signed again.",
                    crate::domain::dates::format_uk_date(*upheld_on)
                ),
            ),
            SignOffStatus::Invalid => (
                "sign-off sign-off--invalid",
                "Not valid",
                "It was not made with the signer’s confirmed keys, or it has been altered. Ask them to sign again.".to_owned(),
            ),
        };
        let keys_note = (!standing.keys_confirmed).then(|| {
            format!(
                "You have not yet checked that this signature is really {}’s: compare their fingerprint ({}) with them in person or by phone, on the Contacts page.",
                sign_off.signer.name,
                standing.signed.keys.fingerprint()
            )
        });
        let fingerprint = format!(
            "Reference for checking a printed copy: {}",
            sign_off.short_fingerprint()
        );
        view! {
            <li class=class>
                <p><strong>{who}</strong>": " <span class="sign-off__state">{state}</span></p>
                {(!detail.is_empty()).then(|| view! { <p>{detail}</p> })}
                {keys_note.map(|note| view! { <p class="field__hint">{note}</p> })}
                <p class="field__hint sign-off__reference">{fingerprint}</p>
            </li>
        }
    };
    view! {
        <Show when=move || !standings.get().is_empty() fallback=|| view! { <p class="empty">"Nobody has signed yet."</p> }>
            <ul class="sign-offs" data-testid="sign-offs">
                {move || standings.get().into_iter().map(describe).collect_view()}
            </ul>
        </Show>
    }
}
