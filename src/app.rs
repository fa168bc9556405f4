//! The application shell: header, navigation, the router's pages and the footer, with the
//! person's storage provided to every page.

use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::{Lazy, LazyRoute, lazy_route, path};

use crate::components::{Banner, BannerKind, InPageLink};
use crate::pages::{
    BetweenMeetingsPage, ContactsPage, DamagedDataPage, DataPage, HomePage, HowItWorksPage,
    ImportPage, NotFoundPage, PolicyEditorPage, PreparePage, ReviewPage, SchoolPage, SettingsPage,
    StartReviewPage, UnlockPage, WelcomePage,
};
use crate::state::{AppStorage, StorageStatus};

/// Mounts the app into `<body>`; boot.js registers the offline copy once the first page is up.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// The whole app: every page shares the same header, navigation and footer.
#[component]
pub fn App() -> impl IntoView {
    let storage = AppStorage::start();
    provide_context(storage);
    crate::auto_lock::start(storage);
    // Locked, or something the person must choose about (damaged keys or lock): that page
    // stands in for every other until it is settled.
    let ready = move || {
        matches!(
            storage.status.get(),
            StorageStatus::Ready | StorageStatus::CannotOpen(_)
        )
    };
    let stand_in = move || match storage.status.get() {
        StorageStatus::Locked => UnlockPage().into_any(),
        _ => DamagedDataPage().into_any(),
    };
    // A page not yet fetched opens when its code has come; meanwhile the last page stays.
    let (opening, set_opening) = signal(false);
    view! {
        <Router set_is_routing=set_opening>
            <InPageLink anchor="main-content" class="skip-link">"Skip to main content"</InPageLink>
            <header class="site-header">
                <div class="site-header__inner">
                    <A href="/" attr:class="site-header__name">"Appraise"</A>
                    <nav aria-label="Main">
                        <ul class="site-nav">
                            <li><A href="/" exact=true>"Home"</A></li>
                            <li><A href="/prepare">"Your pre-review"</A></li>
                            <li><A href="/reviews/new">"Start a review"</A></li>
                            <li><A href="/import">"Import a file"</A></li>
                            <li><A href="/contacts">"Contacts"</A></li>
                            <li><A href="/data">"Your data"</A></li>
                            <li><A href="/settings">"Settings"</A></li>
                            <li><A href="/how-it-works">"How it works"</A></li>
                        </ul>
                    </nav>
                </div>
            </header>
            <main id="main-content" class="page" tabindex="-1">
                <Show when=move || opening.get()>
                    <p class="page-opening" role="status">"Opening the page…"</p>
                </Show>
                <StorageNotices storage=storage />
                <Show when=ready fallback=stand_in>
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view={Lazy::<HomeRoute>::new()} />
                        <Route path=path!("/prepare") view={Lazy::<PrepareRoute>::new()} />
                        <Route path=path!("/reviews/new") view={Lazy::<StartReviewRoute>::new()} />
                        <Route path=path!("/reviews/:id") view={Lazy::<ReviewRoute>::new()} />
                        <Route path=path!("/reviews/:id/:document") view={Lazy::<BetweenMeetingsRoute>::new()} />
                        <Route path=path!("/import") view={Lazy::<ImportRoute>::new()} />
                        <Route path=path!("/contacts") view={Lazy::<ContactsRoute>::new()} />
                        <Route path=path!("/data") view={Lazy::<DataRoute>::new()} />
                        <Route path=path!("/how-it-works") view={Lazy::<HowItWorksRoute>::new()} />
                        <Route path=path!("/welcome") view={Lazy::<WelcomeRoute>::new()} />
                        <Route path=path!("/settings") view={Lazy::<SettingsRoute>::new()} />
                        <Route path=path!("/settings/policy") view={Lazy::<PolicyEditorRoute>::new()} />
                        <Route path=path!("/school/:page") view={Lazy::<SchoolRoute>::new()} />
                    </Routes>
                </Show>
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

/// Problems with storage that every page must show: it cannot be used, it is full or nearly
/// so, or saved items were found damaged (drawn by code fetched only when there are some).
#[component]
fn StorageNotices(storage: AppStorage) -> impl IntoView {
    // Not while a stand-in page says what is damaged and what to do about it.
    let any_damage = move || {
        matches!(
            storage.status.get(),
            StorageStatus::Ready | StorageStatus::CannotOpen(_)
        ) && (!storage.set_aside.with(Vec::is_empty)
            || storage
                .recovery
                .with(|recovery| !recovery.restored.is_empty()))
    };
    view! {
        {move || match storage.status.get() {
            StorageStatus::CannotOpen(reason) => Some(view! {
                <Banner kind=BannerKind::Problem title="Your work cannot be saved in this browser">
                    <p>{reason}</p>
                    <p>"You can still type, and download what you type as a file."</p>
                </Banner>
            }),
            _ => None,
        }}
        <Show when=move || storage.full.get()>
            <Banner kind=BannerKind::Problem title="Your browser’s storage is full">
                <p>"Appraise cannot save your latest changes until there is room. Everything saved before is safe, and what you type now stays on screen and is saved as soon as there is room: keep this tab open."</p>
                <p>
                    "To make room, "<A href="/data">"download a backup, then delete reviews you no longer need"</A>
                    ", or clear other websites’ data in your browser’s settings."
                </p>
            </Banner>
        </Show>
        <Show when=move || !storage.full.get() && storage.with(|vault| {
            storage.changed_elsewhere.track();
            vault.usage().is_ok_and(|usage| usage.nearly_full())
        }).unwrap_or(false)>
            <Banner kind=BannerKind::Warning title="Your browser’s storage is nearly full">
                <p>
                    "New work may soon fail to save. "
                    <A href="/data">"Make a backup and free some space"</A>
                </p>
            </Banner>
        </Show>
        <Show when=any_damage>
            <crate::pages::DamageNotices />
        </Show>
    }
}

/// Declares a page as its own download: the route's view is split into a separate WebAssembly
/// chunk that the browser fetches the first time the page is opened, so a first visit waits for
/// the shell and the page it opens, not for every page of the app.
macro_rules! page_on_demand {
    ($($route:ident => $page:ident),* $(,)?) => {$(
        struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                $page().into_any()
            }
        }
    )*};
}

page_on_demand! {
    HomeRoute => HomePage,
    PrepareRoute => PreparePage,
    StartReviewRoute => StartReviewPage,
    ReviewRoute => ReviewPage,
    BetweenMeetingsRoute => BetweenMeetingsPage,
    ImportRoute => ImportPage,
    ContactsRoute => ContactsPage,
    DataRoute => DataPage,
    HowItWorksRoute => HowItWorksPage,
    WelcomeRoute => WelcomePage,
    SettingsRoute => SettingsPage,
    PolicyEditorRoute => PolicyEditorPage,
    SchoolRoute => SchoolPage,
}
