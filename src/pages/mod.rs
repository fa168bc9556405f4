//! One module per page of the app, plus what pages share.

mod contacts;
mod damaged;
mod data;
mod home;
mod how_it_works;
mod import;
mod in_year;
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

pub use contacts::ContactsPage;
pub use damaged::{DamageNotices, DamagedDataPage};
pub use data::DataPage;
pub use home::HomePage;
pub use how_it_works::HowItWorksPage;
pub use import::ImportPage;
pub use in_year::BetweenMeetingsPage;
pub use not_found::NotFoundPage;
pub use policy_editor::PolicyEditorPage;
pub use prepare::PreparePage;
pub use review::ReviewPage;
pub use school::SchoolPage;
pub use settings::SettingsPage;
pub use start_review::StartReviewPage;
pub use unlock::UnlockPage;
pub use welcome::WelcomePage;

/// The sign-offs held on `review`, each with how it stands, following the review and any
/// sign-off that arrives (which changes the standings without changing the review).
fn standings_of(
    storage: crate::state::AppStorage,
    review: leptos::prelude::Memo<Option<crate::domain::cycle::Review>>,
) -> leptos::prelude::Memo<Vec<crate::use_cases::sign_offs::SignOffStanding>> {
    use leptos::prelude::*;
    Memo::new(move |_| {
        storage.changed_elsewhere.track();
        let Some(review) = review.get() else {
            return Vec::new();
        };
        let keys = storage
            .identity()
            .map(|(_, identity)| identity.public_keys());
        keys.and_then(|keys| {
            storage
                .with(|vault| {
                    crate::use_cases::sign_offs::sign_off_standings(vault, &review, &keys).ok()
                })
                .flatten()
        })
        .unwrap_or_default()
    })
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
