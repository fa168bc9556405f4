//! A colleague's contact card on the import page: who they say they are, the fingerprint to
//! compare (for someone new), and adding them to the contacts.

use leptos::prelude::*;
use std::sync::Arc;

use super::fingerprint::{FingerprintCheck, comparison};
use crate::browser::now;
use crate::components::{Banner, BannerKind};
use crate::state::AppStorage;
use crate::use_cases::examining::{ContactCard, Verified};
use crate::use_cases::identity::{self, HowVerified, Trust};

#[component]
pub(super) fn CardView(
    storage: AppStorage,
    index: usize,
    file: String,
    card: Arc<Verified<ContactCard>>,
    /// Called with the contact's name once they are added.
    added: Callback<String>,
) -> impl IntoView {
    let given = card.payload().clone();
    if matches!(card.trust(), Trust::Yours) {
        return view! {
            <Banner kind=BannerKind::Information title=format!("{file} is your own contact card")>
                <p>"Send it to colleagues so they can confirm you; there is nothing to import."</p>
            </Banner>
        }
        .into_any();
    }
    let namesakes = card.trust().namesakes().map(<[_]>::to_vec);
    let new_contact = namesakes.is_some();
    let how = RwSignal::new(None::<HowVerified>);
    let problem = RwSignal::new(None::<String>);
    let add = {
        let (card, name) = (card.clone(), given.name.clone());
        move |_| {
            // Someone already confirmed keeps how they were confirmed; only their details change.
            let how_confirmed = match (comparison(card.trust(), how.get_untracked()), card.trust())
            {
                (Ok(Some(how)), _) => how,
                (Ok(None), Trust::Pinned(contact)) => contact.verified,
                (Ok(None), Trust::Listed(_)) => HowVerified::StaffList,
                (Ok(None), _) => return,
                (Err(sentence), _) => {
                    problem.set(Some(sentence));
                    return;
                }
            };
            let result =
                storage.with_mut(|vault| identity::add_card(vault, &card, how_confirmed, now()));
            match result {
                Some(Ok(())) => {
                    storage.announce_change("contacts");
                    added.run(name.clone());
                }
                Some(Err(error)) => problem.set(Some(error.to_string())),
                None => problem.set(Some(crate::use_cases::NOT_OPEN.to_owned())),
            }
        }
    };
    let roles: Vec<&str> = given.roles.iter().map(|role| role.label()).collect();
    let details = [
        ("Job title", given.job_title.clone()),
        ("School", given.school.clone()),
        ("Roles in appraisal", roles.join(", ")),
    ];
    let keys = *card.signer();
    let button = if new_contact {
        "Add to your contacts"
    } else {
        "Update their details"
    };
    view! {
        <section class="import-item" aria-label=format!("{file}: contact card")>
            <h2>{format!("Contact card from {}", given.name)}</h2>
            <dl class="summary-list">
                {details.into_iter().filter(|(_, value)| !value.trim().is_empty()).map(|(label, value)| view! {
                    <div><dt>{label}</dt><dd>{value}</dd></div>
                }).collect_view()}
            </dl>
            {namesakes.map(|namesakes| view! {
                <FingerprintCheck index=index sender=given.name.clone() keys=keys namesakes=namesakes how=how />
            })}
            {(!new_contact).then(|| view! { <p>{format!("{} is already in your contacts, confirmed with these keys.", given.name)}</p> })}
            {move || problem.get().map(|text| view! { <p class="error-message" role="alert">{text}</p> })}
            <button type="button" class="button" on:click=add>{button}</button>
        </section>
    }
    .into_any()
}
