//! The page shown for an address the app does not have.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    super::set_page_title("Page not found");
    view! {
        <h1>"Page not found"</h1>
        <p>"If you typed the address, check it is correct. If you followed a link, it may be out of date."</p>
        <p><A href="/">"Go to the home page"</A></p>
    }
}
