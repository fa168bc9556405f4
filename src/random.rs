//! Where random bytes come from, for keys, salts, nonces and ids: the browser's generator in the
//! app, a counter in tests. Both the bundles and the storage beneath the use cases take one, so
//! it sits below them both.

/// A source of random bytes; the app uses the browser's, tests their own.
pub trait RandomSource {
    fn fill(&mut self, bytes: &mut [u8]);
}

/// Random bytes from the browser's `crypto.getRandomValues`.
#[cfg(target_arch = "wasm32")]
pub struct BrowserRandom;

#[cfg(target_arch = "wasm32")]
impl RandomSource for BrowserRandom {
    fn fill(&mut self, bytes: &mut [u8]) {
        getrandom::getrandom(bytes).expect("the browser provides crypto.getRandomValues");
    }
}
