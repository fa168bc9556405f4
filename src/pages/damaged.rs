//! The page shown instead of every other when the person's name and keys, or the settings of
//! their passphrase lock, were found damaged: nothing is replaced until they choose what to do;
//! and the notices every page shows of saved items found damaged. Their code is fetched only
//! when something is damaged.

use leptos::prelude::*;

use crate::components::{Banner, BannerKind};
use crate::state::{StorageStatus, fresh_seed, use_storage};
use crate::use_cases::recovery;
use crate::use_cases::recovery::LockSettingsProblem;

/// What this module draws, once its code is in.
#[derive(Clone, Copy)]
enum Drawn {
    Page,
    Notices,
}

/// Draws `what` once its code has been fetched.
fn on_demand(what: Drawn) -> impl IntoView {
    let loaded = RwSignal::new(None::<Result<fn(Drawn) -> AnyView, crate::on_demand::NotFetched>>);
    leptos::task::spawn_local(async move {
        loaded.set(Some(damage_views().await));
    });
    move || match loaded.get() {
        None => matches!(what, Drawn::Page)
            .then(|| view! { <p role="status">"Opening the page…"</p> })
            .into_any(),
        Some(Ok(draw)) => draw(what),
        Some(Err(missing)) => view! {
            <Banner kind=BannerKind::Problem title="This page could not be opened">
                <p>{missing.sentence("says what to do about damaged data")}</p>
            </Banner>
        }
        .into_any(),
    }
}

#[component]
pub fn DamagedDataPage() -> impl IntoView {
    on_demand(Drawn::Page)
}

#[component]
pub fn DamageNotices() -> impl IntoView {
    on_demand(Drawn::Notices)
}

#[leptos::wasm_split::wasm_split(damaged, wasm_split_path = ::leptos::wasm_split, fallible)]
fn damage_views() -> Result<fn(Drawn) -> AnyView, crate::on_demand::NotFetched> {
    Ok(|what| match what {
        Drawn::Notices => view! { <Notices /> }.into_any(),
        Drawn::Page => {
            let storage = use_storage();
            (move || match storage.status.get() {
                StorageStatus::LockSettingsDamaged(problem) => {
                    view! { <LockSettingsDamaged problem=problem /> }.into_any()
                }
                _ => view! { <IdentityDamaged /> }.into_any(),
            })
            .into_any()
        }
    })
}

/// Saved items found damaged: those put back to their last good save, with when it was made, and
/// those set aside to download, each named as the person says it.
#[component]
fn Notices() -> impl IntoView {
    let storage = use_storage();
    let restored = move || storage.recovery.with(|recovery| recovery.restored.clone());
    let set_aside_not_restored = move || {
        let restored: Vec<String> = restored().into_iter().map(|item| item.item).collect();
        storage
            .set_aside
            .get()
            .iter()
            .filter_map(|item| {
                storage.with(|vault| recovery::describe_set_aside(vault, &item.original_key))
            })
            .filter(|item| !restored.contains(item))
            .collect::<Vec<_>>()
    };
    view! {
        <Show when=move || !restored().is_empty()>
            <Banner kind=BannerKind::Warning title="Some saved work was damaged and has been put back to an earlier save">
                <p>"Appraise found these damaged on this device and put back their last good save. Anything typed after that save could not be read: check these and add what is missing."</p>
                <ul class="list">
                    {move || restored().into_iter().map(|item| view! {
                        <li>{format!("{}: as saved at {} on {}", super::capitalised(&item.item), crate::browser::local_time(item.saved_at), crate::browser::local_date(item.saved_at))}</li>
                    }).collect_view()}
                </ul>
            </Banner>
        </Show>
        <Show when=move || !set_aside_not_restored().is_empty()>
            <Banner kind=BannerKind::Warning title="Some saved items could not be read">
                <p>"Appraise set these aside instead of deleting them, so you can download them:"</p>
                <ul class="list">
                    {move || set_aside_not_restored().into_iter().map(|item| view! { <li>{super::capitalised(&item)}</li> }).collect_view()}
                </ul>
                <p><a href="/data#set-aside">"Download or delete them"</a></p>
            </Banner>
        </Show>
    }
}

#[component]
fn LockSettingsDamaged(problem: LockSettingsProblem) -> impl IntoView {
    super::set_page_title("Your passphrase lock needs you");
    let storage = use_storage();
    let problem_text = RwSignal::new(None::<String>);
    let use_copy = move |_| match storage.with_mut(|vault| vault.use_kept_lock_settings()) {
        Some(Ok(())) => storage.refresh(),
        Some(Err(error)) => problem_text.set(Some(error.to_string())),
        None => {}
    };
    let start_again = move |_| {
        storage.with_mut(|vault| {
            let _ = vault.wipe();
        });
        storage.refresh();
        storage.announce_change("");
    };
    view! {
        <h1>"Your passphrase lock needs you"</h1>
        {match problem {
            LockSettingsProblem::DamagedCopyKept => view! {
                <p class="lead">"The settings that open your locked data were damaged on this device, so Appraise cannot ask for your passphrase with them. It keeps a second copy of those settings, which can still be read."</p>
                <p>"Use the second copy, then enter your passphrase as usual. Nothing else changes."</p>
                <button type="button" class="button" on:click=use_copy>"Use the second copy"</button>
            }.into_any(),
            LockSettingsProblem::Lost => view! {
                <p class="lead">"The settings that open your locked data were damaged on this device, and so was the second copy Appraise keeps. Your data is still here, encrypted, but it cannot be opened, even with your passphrase."</p>
                <p>"If you have a backup file, remove the locked data from this device, then restore the backup from Your data. Otherwise, start again: your reviewer or reviewees can send you their latest files again."</p>
            }.into_any(),
        }}
        {move || problem_text.get().map(|text| view! { <Banner kind=BannerKind::Problem title="That did not work"><p>{text}</p></Banner> })}
        <details class="details">
            <summary>"Remove the locked data and start again"</summary>
            <p>"This deletes everything Appraise keeps in this browser, including your keys. Files sent to your current keys cannot be opened afterwards: ask their senders to send them again once you have sent them your new contact card."</p>
            <button type="button" class="button button--warning" on:click=start_again>"Remove the locked data"</button>
        </details>
    }
}

#[component]
fn IdentityDamaged() -> impl IntoView {
    super::set_page_title("Your name and keys need you");
    let storage = use_storage();
    let kept = storage.with(recovery::kept_identity).flatten();
    let confirmed = RwSignal::new(false);
    let problem_text = RwSignal::new(None::<String>);
    let finish = move |result: Option<Result<(), String>>| match result {
        Some(Ok(())) => {
            storage.refresh();
            storage.announce_change("");
        }
        Some(Err(text)) => problem_text.set(Some(text)),
        None => problem_text.set(Some(crate::use_cases::NOT_OPEN.to_owned())),
    };
    let use_kept = move |_| {
        finish(storage.with_mut(|vault| {
            recovery::use_kept_identity(vault)
                .map(|_| ())
                .map_err(|e| e.to_string())
        }))
    };
    let new_keys = move |_| {
        if !confirmed.get_untracked() {
            problem_text.set(Some(
                "Tick the box to confirm you understand what new keys mean, then start again."
                    .into(),
            ));
            return;
        }
        finish(storage.with_mut(|vault| {
            recovery::start_again_with_new_keys(vault, fresh_seed(), crate::browser::now())
                .map_err(|e| e.to_string())
        }))
    };
    view! {
        <h1>"Your name and keys need you"</h1>
        <p class="lead">"The record of your name and your keys was damaged on this device. Your keys are who you are in Appraise: files sent to you are locked to them, and your reviews know you by them. Appraise has not replaced them."</p>
        <p>"The damaged record is set aside under Your data, so nothing is deleted. Choose how to go on."</p>
        {move || problem_text.get().map(|text| view! { <Banner kind=BannerKind::Problem title="That did not work"><p>{text}</p></Banner> })}
        {kept.map(|(identity, saved_at)| {
            let fingerprint = identity.public_keys().fingerprint();
            view! {
                <section class="section" aria-labelledby="kept-identity-heading">
                    <h2 id="kept-identity-heading">"Use the copy kept on this device"</h2>
                    <p>{format!("Appraise kept your previous save, from {} on {}.", crate::browser::local_time(saved_at), crate::browser::local_date(saved_at))}</p>
                    <dl class="summary-list">
                        <dt>"Name"</dt><dd>{if identity.name.is_empty() { "(no name given)".to_owned() } else { identity.name.clone() }}</dd>
                        <dt>"Fingerprint"</dt><dd data-testid="kept-fingerprint">{fingerprint}</dd>
                    </dl>
                    <button type="button" class="button" on:click=use_kept>"Use this copy"</button>
                </section>
            }
        })}
        <section class="section" aria-labelledby="backup-heading">
            <h2 id="backup-heading">"Restore a backup"</h2>
            <p>"A backup file from Your data holds your name and keys as they were then."</p>
            <super::data::Restore storage=storage />
        </section>
        <section class="section" aria-labelledby="new-keys-heading">
            <h2 id="new-keys-heading">"Start again with new keys"</h2>
            <p>"Only if neither of the above is possible. Files already sent to your old keys cannot be opened with new ones, and your reviews will not recognise you: send your new contact card to your reviewer, your reviewees and your headteacher, and ask them to send their latest files again."</p>
            <div class="field field--checkbox">
                <input type="checkbox" class="field__checkbox" id="new-keys-confirm" prop:checked=move || confirmed.get() on:change=move |event| confirmed.set(event_target_checked(&event)) />
                <label class="field__label field__label--inline" for="new-keys-confirm">"I understand that files sent to my old keys cannot be opened"</label>
            </div>
            <button type="button" class="button button--warning" on:click=new_keys>"Start again with new keys"</button>
        </section>
    }
}
