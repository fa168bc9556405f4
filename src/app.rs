//! The application shell: header, navigation, the router's pages and the footer.

use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

use crate::pages::{HomePage, HowItWorksPage, NotFoundPage};

/// Mounts the app into `<body>` and starts offline support.
pub fn mount() {
    console_error_panic_hook::set_once();
    crate::offline::register_service_worker();
    leptos::mount::mount_to_body(App);
}

/// The whole app: every page shares the same header, navigation and footer.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <a class="skip-link" href="#main-content">"Skip to main content"</a>
            <header class="site-header">
                <div class="site-header__inner">
                    <A href="/" attr:class="site-header__name">"Appraise"</A>
                    <nav aria-label="Main">
                        <ul class="site-nav">
                            <li><A href="/" exact=true>"Home"</A></li>
                            <li><A href="/how-it-works">"How it works"</A></li>
                        </ul>
                    </nav>
                </div>
            </header>
            <main id="main-content" class="page" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/how-it-works") view=HowItWorksPage />
                </Routes>
            </main>
            <footer class="site-footer">
                <p>
                    "Your appraisal records stay in this browser on this device. "
                    "Nothing is sent anywhere unless you export a file yourself."
                </p>
            </footer>
        </Router>
    }
}
