//! The page shown instead of every other when the person's name and keys, or the settings of
//! their passphrase lock, were found damaged: nothing is replaced until they choose what to do.

use leptos::prelude::*;

use crate::components::{Banner, BannerKind};
use crate::state::{StorageStatus, fresh_seed, use_storage};
use crate::storage::LockSettingsProblem;
use crate::use_cases::recovery;

#[component]
pub fn DamagedDataPage() -> impl IntoView {
    let storage = use_storage();
    move || match storage.status.get() {
        StorageStatus::LockSettingsDamaged(problem) => {
            view! { <LockSettingsDamaged problem=problem /> }.into_any()
        }
        _ => view! { <IdentityDamaged /> }.into_any(),
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
        None => problem_text.set(Some("Your data is not open. Reload the page.".into())),
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
                    <p>{format!("Appraise kept your previous save, from {}.", crate::browser::local_date(saved_at))}</p>
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
