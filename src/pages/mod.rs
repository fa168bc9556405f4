//! One module per page of the app, plus what pages share.

mod between_meetings;
mod contacts;
mod damaged;
mod data;
mod home;
mod how_it_works;
mod import;
mod not_found;
mod policy_editor;
mod prepare;
mod review;
mod school;
mod school_calendar;
pub(crate) mod send;
mod settings;
mod start_review;
mod unlock;
mod welcome;

pub use between_meetings::BetweenMeetingsPage;
pub use contacts::ContactsPage;
pub use damaged::{DamageNotices, DamagedDataPage};
pub use data::DataPage;
pub use home::HomePage;
pub use how_it_works::HowItWorksPage;
pub use import::ImportPage;
pub use not_found::NotFoundPage;
pub use policy_editor::PolicyEditorPage;
pub use prepare::PreparePage;
pub use review::ReviewPage;
pub use school::SchoolPage;
pub use settings::SettingsPage;
pub use start_review::StartReviewPage;
pub use unlock::UnlockPage;
pub use welcome::WelcomePage;

/// Review `id` as this person holds it (see [`crate::use_cases::held`]), read again whenever
/// storage changes here or in another tab, and whenever `also` says (a draft saved).
fn held_review(
    storage: crate::state::AppStorage,
    id: String,
    also: impl Fn() + Send + Sync + 'static,
) -> leptos::prelude::Memo<Option<crate::use_cases::held::HeldReview>> {
    use leptos::prelude::*;
    Memo::new(move |_| {
        storage.changed_elsewhere.track();
        also();
        storage
            .with(|vault| crate::use_cases::held::open(vault, &id, crate::browser::today()).ok())
            .flatten()
            .flatten()
    })
}

/// Changes the school's settings kept here with `change` and tells the other tabs; the sentence
/// says why not.
fn change_school_settings(
    storage: crate::state::AppStorage,
    change: impl FnOnce(&mut crate::domain::school::SchoolSettings),
) -> Result<(), String> {
    storage
        .with_mut(|vault| {
            crate::use_cases::identity::change_school_settings(vault, change, crate::browser::now())
        })
        .ok_or_else(|| crate::use_cases::NOT_OPEN.to_owned())?
        .map_err(|error| error.to_string())?;
    storage.announce_change("school");
    Ok(())
}

/// Sets the browser tab's title, so each page is named for people using screen readers or tabs.
/// `text` with its first letter a capital, to start a heading or a line.
pub(crate) fn capitalised(text: &str) -> String {
    let mut letters = text.chars();
    letters
        .next()
        .map(|first| first.to_uppercase().chain(letters).collect())
        .unwrap_or_default()
}

pub(crate) fn set_page_title(page: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(&format!("{page} – Appraise"));
    }
}
