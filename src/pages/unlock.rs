//! The unlock screen, shown instead of every page while the data is locked.

use leptos::prelude::*;

use crate::components::{Banner, BannerKind, InPageLink};
use crate::state::use_storage;

#[component]
pub fn UnlockPage() -> impl IntoView {
    super::set_page_title("Unlock your data");
    let storage = use_storage();
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);
    let unlock = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        working.set(true);
        error.set(None);
        // Key derivation takes a moment: let the "Unlocking…" message paint first.
        set_timeout(
            move || {
                let result = storage.with_mut(|vault| vault.unlock(&passphrase.get_untracked()));
                working.set(false);
                match result {
                    Some(Ok(())) => {
                        passphrase.set(String::new());
                        storage.refresh();
                        storage.after_unlocking();
                    }
                    Some(Err(problem)) => error.set(Some(problem.to_string())),
                    None => error.set(Some(
                        "Your data could not be opened. Reload the page.".into(),
                    )),
                }
            },
            std::time::Duration::from_millis(30),
        );
    };
    view! {
        <h1>"Unlock your data"</h1>
        <p class="lead">"Your appraisal data on this device is locked with a passphrase."</p>
        {move || error.get().map(|text| view! {
            <Banner kind=BannerKind::Problem title="There is a problem"><p><InPageLink anchor="unlock-passphrase">{text}</InPageLink></p></Banner>
        })}
        <form class="form" on:submit=unlock>
            <div class=move || if error.get().is_some() { "field field--error" } else { "field" }>
                <label class="field__label" for="unlock-passphrase">"Passphrase"</label>
                <input
                    class="field__input"
                    type="password"
                    id="unlock-passphrase"
                    autocomplete="current-password"
                    autofocus
                    prop:value=move || passphrase.get()
                    on:input=move |e| passphrase.set(event_target_value(&e))
                />
            </div>
            <button type="submit" class="button" disabled=move || working.get()>
                {move || if working.get() { "Unlocking…" } else { "Unlock" }}
            </button>
        </form>
        <p>"Forgotten it? Your data cannot be recovered without the passphrase, but you can restore a backup after removing the locked data from "<a href="/data">"Your data"</a>"."</p>
    }
}
