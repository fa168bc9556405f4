//! One module per page of the app, plus what pages share.

mod contacts;
mod data;
mod home;
mod how_it_works;
mod import;
mod in_year;
mod not_found;
mod policy_editor;
mod prepare;
mod review;
mod school_calendar;
mod send;
mod settings;
mod start_review;
mod unlock;
mod welcome;

pub use contacts::ContactsPage;
pub use data::DataPage;
pub use home::HomePage;
pub use how_it_works::HowItWorksPage;
pub use import::ImportPage;
pub use in_year::BetweenMeetingsPage;
pub use not_found::NotFoundPage;
pub use policy_editor::PolicyEditorPage;
pub use prepare::PreparePage;
pub use review::ReviewPage;
pub use settings::SettingsPage;
pub use start_review::StartReviewPage;
pub use unlock::UnlockPage;
pub use welcome::WelcomePage;

/// Sets the browser tab's title, so each page is named for people using screen readers or tabs.
fn set_page_title(page: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(&format!("{page} – Appraise"));
    }
}
