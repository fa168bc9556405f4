//! Comparing a new sender's fingerprint before their first file is trusted: the words (and the
//! digits) to read out, anyone already known by the same name beside them, and how the person
//! compared them.

use leptos::prelude::*;

use crate::components::{Banner, BannerKind};
use crate::use_cases::identity::{Contact, HowVerified, PublicKeys, Trust};

/// How the fingerprint was compared, as the person said: asked of a new sender only (`None`
/// for keys already confirmed), with the sentence to show when they have not said.
pub(super) fn comparison(
    trust: &Trust,
    how: Option<HowVerified>,
) -> Result<Option<HowVerified>, String> {
    match (trust, how) {
        (Trust::NewContact { .. }, None) => {
            Err("Say how you compared the fingerprint, or that you have not yet.".into())
        }
        (Trust::NewContact { .. }, how) => Ok(how),
        _ => Ok(None),
    }
}

#[component]
pub(super) fn FingerprintCheck(
    /// The file's place in the list, which keeps each file's choices apart.
    index: usize,
    sender: String,
    /// The sender's keys, whose fingerprint is compared.
    keys: PublicKeys,
    namesakes: Vec<Contact>,
    how: RwSignal<Option<HowVerified>>,
) -> impl IntoView {
    let choices = [
        (HowVerified::InPerson, "In person"),
        (HowVerified::ByPhone, "By phone"),
        (HowVerified::NotCompared, "I have not compared them yet"),
    ];
    view! {
        <Banner kind=BannerKind::Warning title=format!("First file from {sender}")>
            <p>{format!("Compare these eight words with {sender} by phone or in person before you trust this file; {sender} finds theirs under “You and your contacts”:")}</p>
            <p class="fingerprint-words" data-testid="sender-fingerprint-words">{keys.fingerprint_words()}</p>
            <p>"Or compare the digits:"</p>
            <p class="fingerprint" data-testid="sender-fingerprint">{keys.fingerprint()}</p>
            {namesakes.into_iter().map(|known| view! {
                <p data-testid="namesake">{format!(
                    "You already have a contact called {} (fingerprint words: {}). This file is signed with other keys: it is from someone else of the same name, or from {} on a new device. Comparing the words tells you which.",
                    known.described(), known.keys.fingerprint_words(), known.name
                )}</p>
            }).collect_view()}
            <fieldset class="fieldset">
                <legend class="fieldset__legend">"How did you compare them?"</legend>
                {choices.into_iter().map(|(choice, label)| {
                    let id = format!("how-{index}-{choice:?}");
                    view! {
                        <div class="radio">
                            <input type="radio" id=id.clone() name=format!("how-{index}") on:change=move |_| how.set(Some(choice)) />
                            <label for=id>{label}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </Banner>
    }
}
