//! One module per page of the app, plus what pages share.

mod home;
mod how_it_works;
mod not_found;

pub use home::HomePage;
pub use how_it_works::HowItWorksPage;
pub use not_found::NotFoundPage;

/// Sets the browser tab's title, so each page is named for people using screen readers or tabs.
fn set_page_title(page: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(&format!("{page} – Appraise"));
    }
}
