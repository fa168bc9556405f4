//! The school's settings on the import page: who published them (and the fingerprint to compare,
//! the first time), what using them would change, and the choice to use them or not. Checking,
//! describing and using a settings file is code of its own, fetched the first time one is opened.

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

use super::fingerprint::{FingerprintCheck, comparison};
use crate::browser::now;
use crate::domain::dates::format_uk_date;
use crate::on_demand::NotFetched;
use crate::state::AppStorage;
use crate::use_cases::examining::{SchoolSettingsFile, Verified};
use crate::use_cases::identity::HowVerified;
use crate::use_cases::school;

/// What the settings code is asked to do with a file.
#[derive(Clone, Copy)]
enum Asked {
    /// Check it and say what using it would change.
    Preview,
    /// Use it, the publisher's fingerprint compared as the person said (for someone new).
    Use(Option<HowVerified>),
}

/// The split point: checking, describing and using a settings file. The answer is what using the
/// file changes (nothing, once used), or the sentence saying why it cannot be used.
#[leptos::wasm_split::wasm_split(school_settings, wasm_split_path = ::leptos::wasm_split, fallible)]
fn settings_file(
    storage: AppStorage,
    settings: Arc<Verified<SchoolSettingsFile>>,
    asked: Asked,
) -> Result<Result<Vec<String>, String>, NotFetched> {
    let answer = match asked {
        Asked::Preview => storage
            .with(|vault| school::preview_settings(vault, &settings))
            .map(|result| result.map_err(|error| error.to_string())),
        Asked::Use(how) => storage
            .with_mut(|vault| school::use_settings(vault, &settings, how, now()))
            .map(|result| {
                result
                    .map(|()| Vec::new())
                    .map_err(|error| error.to_string())
            }),
    };
    Ok(answer.unwrap_or_else(|| Err(crate::use_cases::NOT_OPEN.to_owned())))
}

#[component]
pub(super) fn SettingsView(
    storage: AppStorage,
    index: usize,
    file: String,
    settings: Arc<Verified<SchoolSettingsFile>>,
    /// Called with the version once the settings are in use.
    used: Callback<u32>,
    declined: Callback<()>,
    /// Called with the sentence when the settings cannot be used.
    refused: Callback<String>,
) -> impl IntoView {
    let given = settings.payload().clone();
    let publisher = given.published_by.name.clone();
    let namesakes = settings.trust().namesakes().map(<[_]>::to_vec);
    let how = RwSignal::new(None::<HowVerified>);
    let problem = RwSignal::new(None::<String>);
    let changes = RwSignal::new(None::<Vec<String>>);
    {
        let settings = settings.clone();
        spawn_local(async move {
            match settings_file(storage, settings, Asked::Preview).await {
                Ok(Ok(lines)) => changes.set(Some(lines)),
                Ok(Err(reason)) => refused.run(reason),
                Err(missing) => refused.run(missing.sentence("checks school settings files")),
            }
        });
    }
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
            let settings = settings.clone();
            spawn_local(async move {
                let version = settings.payload().version;
                match settings_file(storage, settings, Asked::Use(compared)).await {
                    Ok(Ok(_)) => {
                        storage.announce_change("school");
                        used.run(version);
                    }
                    Ok(Err(sentence)) => problem.set(Some(sentence)),
                    Err(missing) => {
                        problem.set(Some(missing.sentence("uses school settings files")))
                    }
                }
            });
        }
    };
    let changed = move || {
        changes.get().map(|lines| {
            let count = lines.len();
            view! {
                <h3>{format!("What will change ({count})")}</h3>
                {if lines.is_empty() {
                    view! { <p>"Nothing in the policy, the term dates or the closures: only the version number."</p> }.into_any()
                } else {
                    view! {
                        <ul class="list" data-testid="settings-changes">
                            {lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            }
        })
    };
    view! {
        <section class="import-item" aria-label=format!("{file}: school settings")>
            <h2>{format!("School settings from {publisher}")}</h2>
            <p>{format!(
                "Version {} of the settings for {}, published on {}: the policy, term dates and closures everyone’s deadlines are counted with.",
                given.version, given.school, format_uk_date(given.published_on)
            )}</p>
            {namesakes.map(|namesakes| view! {
                <FingerprintCheck index=index sender=publisher.clone() keys=*settings.signer() namesakes=namesakes how=how />
            })}
            {move || changes.with(Option::is_none).then(|| view! { <p role="status">"Checking what these settings change…"</p> })}
            {changed}
            <p>"Using them replaces your policy, term dates and closures with these."</p>
            {move || problem.get().map(|text| view! { <p class="error-message" role="alert">{text}</p> })}
            <button type="button" class="button" disabled=move || changes.with(Option::is_none) on:click=accept>"Use these settings"</button>
            <button type="button" class="button button--secondary" on:click=move |_| declined.run(())>"Don’t use them"</button>
        </section>
    }
}
