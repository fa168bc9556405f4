//! The school's settings on the import page: who published them (and the fingerprint to compare,
//! the first time), what using them would change, and the choice to use them or not.

use leptos::prelude::*;
use std::sync::Arc;

use super::fingerprint::{FingerprintCheck, comparison};
use crate::browser::now;
use crate::bundle::contacts::HowVerified;
use crate::bundle::open::Verified;
use crate::bundle::school_file::SchoolSettingsFile;
use crate::domain::dates::format_uk_date;
use crate::state::AppStorage;
use crate::use_cases::school;

#[component]
pub(super) fn SettingsView(
    storage: AppStorage,
    index: usize,
    file: String,
    settings: Arc<Verified<SchoolSettingsFile>>,
    changes: Arc<Vec<String>>,
    /// Called with the version once the settings are in use.
    used: Callback<u32>,
    declined: Callback<()>,
) -> impl IntoView {
    let given = settings.payload().clone();
    let publisher = given.published_by.name.clone();
    let namesakes = settings.trust().namesakes().map(<[_]>::to_vec);
    let how = RwSignal::new(None::<HowVerified>);
    let problem = RwSignal::new(None::<String>);
    let accept = {
        let settings = settings.clone();
        move |_| {
            let compared = match comparison(settings.trust(), how.get_untracked()) {
                Ok(compared) => compared,
                Err(sentence) => {
                    problem.set(Some(sentence));
                    return;
                }
            };
            match storage.with_mut(|vault| school::use_settings(vault, &settings, compared, now()))
            {
                Some(Ok(())) => {
                    storage.announce_change("school");
                    used.run(settings.payload().version);
                }
                Some(Err(error)) => problem.set(Some(error.to_string())),
                None => problem.set(Some("Your data is not open.".into())),
            }
        }
    };
    let count = changes.len();
    view! {
        <section class="import-item" aria-label=format!("{file}: school settings")>
            <h2>{format!("School settings from {publisher}")}</h2>
            <p>{format!(
                "Version {} of the settings for {}, published on {}: the policy, term dates and closures everyone’s deadlines are counted with.",
                given.version, given.school, format_uk_date(given.published_on)
            )}</p>
            {namesakes.map(|namesakes| view! {
                <FingerprintCheck index=index sender=publisher.clone() fingerprint=settings.signer().fingerprint() namesakes=namesakes how=how />
            })}
            <h3>{format!("What will change ({count})")}</h3>
            {if changes.is_empty() {
                view! { <p>"Nothing in the policy, the term dates or the closures: only the version number."</p> }.into_any()
            } else {
                view! {
                    <ul class="list" data-testid="settings-changes">
                        {changes.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <p>"Using them replaces your policy, term dates and closures with these."</p>
            {move || problem.get().map(|text| view! { <p class="error-message" role="alert">{text}</p> })}
            <button type="button" class="button" on:click=accept>"Use these settings"</button>
            <button type="button" class="button button--secondary" on:click=move |_| declined.run(())>"Don’t use them"</button>
        </section>
    }
}
