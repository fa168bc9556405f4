//! Entry point: mounts the app in the browser page.

#[cfg(target_arch = "wasm32")]
fn main() {
    appraise::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Appraise runs in a web browser: start it with the serve command in the README.");
    std::process::exit(2);
}
