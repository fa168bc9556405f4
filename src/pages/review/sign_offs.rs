//! Sign-offs: what signing covers, signing it (refused, with every empty required field linked,
//! until the document is complete), and each sign-off held with whether it still covers the
//! document: current, out of date (and what changed) or not valid.

use leptos::prelude::*;

use super::Workspace;
use crate::bundle::sign_off::SignedSignOff;
use crate::components::{Banner, BannerKind, field_id};
use crate::domain::dates::format_uk_date;
use crate::domain::documents::{CpdNeeds, Document, Statement};
use crate::domain::field_map::summarise_paths;
use crate::domain::people::Role;
use crate::domain::sign_off::{
    SignOff, SignOffRefused, SignOffStatus, SignerRole, what_signing_the_statement_covers,
};
use crate::storage::records::{self, SignOffStanding};

/// What happened when the person last tried to sign.
#[derive(Clone)]
enum Signing {
    Signed(String),
    Refused(SignOffRefused),
    Failed(String),
}

fn document_label(kind: &str) -> &'static str {
    match kind {
        Statement::KIND => "Planning and review statement",
        CpdNeeds::KIND => "Training and development needs",
        _ => "Document",
    }
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
    let Some((_, identity)) = workspace.storage.identity() else {
        return Signing::Failed("Your data is not open, so nothing can be signed.".into());
    };
    let signed = SignedSignOff::sign(sign_off, &identity);
    let id = workspace.review_id.get_value();
    let kept = workspace
        .storage
        .with_mut(|vault| records::add_sign_off(vault, &id, signed, crate::browser::now()));
    match kept {
        Some(Ok(())) => {
            workspace
                .storage
                .announce_change(&format!("sign-offs:{id}"));
            Signing::Signed(format!(
                "You signed the {} on {}. Send it so the other person has your signature.",
                document_label(document).to_lowercase(),
                format_uk_date(today)
            ))
        }
        Some(Err(error)) => Signing::Failed(error.to_string()),
        None => Signing::Failed("Your data is not open, so nothing can be signed.".into()),
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
    let documents: &[&'static str] = match role {
        Some(SignerRole::Reviewer) => &[Statement::KIND, CpdNeeds::KIND],
        Some(SignerRole::Reviewee) => &[Statement::KIND],
        None => &[],
    };
    let covers = move || {
        let statement = workspace.review.get()?.statement?;
        Some(what_signing_the_statement_covers(&statement, role?))
    };
    view! {
        <section class="section" id="sign-offs" aria-labelledby="sign-offs-heading">
            <h2 id="sign-offs-heading">"Sign-offs"</h2>
            <SignOffList standings=workspace.standings />
            {role.map(|role| view! {
                <p>{covers}</p>
                <p>{format!("Your sign-off will be dated {}.", format_uk_date(crate::browser::today()))}</p>
                <div class="button-group">
                    {documents.iter().map(|document| {
                        let document = *document;
                        let label = if document == Statement::KIND { "Sign the statement" } else { "Sign the training needs" };
                        view! {
                            <button type="button" class="button" on:click=move |_| signing.set(Some(sign(workspace, document, role)))>{label}</button>
                        }
                    }).collect_view()}
                </div>
            })}
            {move || signing.get().map(|outcome| match outcome {
                Signing::Signed(text) => view! { <Banner kind=BannerKind::Success title="Signed"><p>{text}</p></Banner> }.into_any(),
                Signing::Failed(text) => view! { <Banner kind=BannerKind::Problem title="Not signed"><p>{text}</p></Banner> }.into_any(),
                Signing::Refused(refused) => view! {
                    <div class="error-summary" role="alert" tabindex="-1">
                        <h2>"This cannot be signed yet"</h2>
                        <p>"Fill in these required fields, then sign:"</p>
                        <ul class="list">
                            {refused.missing.into_iter().map(|missing| view! {
                                <li><a href=format!("#{}", field_id(&missing.path))>{missing.label}</a></li>
                            }).collect_view()}
                        </ul>
                    </div>
                }.into_any(),
            })}
        </section>
    }
}

/// Each sign-off held, and whether it still covers what it signed.
#[component]
pub(super) fn SignOffList(standings: Memo<Vec<SignOffStanding>>) -> impl IntoView {
    let describe = |standing: SignOffStanding| {
        let sign_off = &standing.signed.sign_off;
        let who = format!(
            "{} signed by {} ({}) on {}",
            document_label(&sign_off.document),
            sign_off.signer.name,
            match sign_off.role {
                SignerRole::Reviewer => "reviewer",
                SignerRole::Reviewee => "reviewee",
            },
            format_uk_date(sign_off.signed_on)
        );
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
            SignOffStatus::Invalid => (
                "sign-off sign-off--invalid",
                "Not valid",
                "It was not made with the signer’s confirmed keys, or it has been altered. Ask them to sign again.".to_owned(),
            ),
        };
        let keys_note = (!standing.keys_confirmed).then(|| {
            format!(
                "Made with keys you have not confirmed (fingerprint {}).",
                standing.signed.keys.fingerprint()
            )
        });
        let fingerprint = format!("Content fingerprint {}", sign_off.short_fingerprint());
        view! {
            <li class=class>
                <p><strong>{who}</strong>": " <span class="sign-off__state">{state}</span></p>
                {(!detail.is_empty()).then(|| view! { <p>{detail}</p> })}
                {keys_note.map(|note| view! { <p class="field__hint">{note}</p> })}
                <p class="field__hint">{fingerprint}</p>
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
