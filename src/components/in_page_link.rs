//! Links to a place on the page shown now.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// A link to the element with id `anchor` on this page, followed by the browser itself. The
/// document's base is the app's root (so its files load at any address), which would send a
/// bare `#anchor` to the home page; and the browser, unlike the router, also moves the
/// keyboard's starting point there and opens a folded section the target is in. `on_follow`
/// runs first.
#[component]
pub fn InPageLink(
    #[prop(into)] anchor: String,
    #[prop(optional)] on_follow: Option<Callback<()>>,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let location = use_location();
    let href = move || {
        let search = location.search.get();
        let query = if search.is_empty() { "" } else { "?" };
        format!("{}{query}{search}#{anchor}", location.pathname.get())
    };
    // `rel="external"` is how the router is told to leave a link to the browser.
    view! {
        <a href=href rel="external" class=class on:click=move |_| { if let Some(follow) = on_follow { follow.run(()) } }>
            {children()}
        </a>
    }
}
