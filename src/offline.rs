//! Offline support: registers the service worker that keeps a copy of the app in the browser.

/// Asks the browser to install `sw.js`, which precaches the app so it opens with no network.
/// Browsers without service workers (or with them disabled) still run the app online.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    // `serviceWorker` is missing outside secure contexts; checking first avoids a JS exception.
    let has_service_worker =
        js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if has_service_worker {
        // The promise is left to settle on its own: a failed registration only means no offline copy.
        let _ = navigator.service_worker().register("sw.js");
    }
}
