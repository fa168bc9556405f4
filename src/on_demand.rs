//! Code fetched the first time it is needed rather than with the page (a split of its own: see
//! scripts/build-web.mjs), and what a person is told when it cannot be fetched.

/// The code could not be fetched: on a first visit, the network dropped before it came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotFetched;

impl From<leptos::wasm_split::SplitLoaderError> for NotFetched {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotFetched
    }
}

impl NotFetched {
    /// The sentence for the person: `what` the missing code does, e.g. "signs and sends files".
    pub fn sentence(self, what: &str) -> String {
        format!(
            "Appraise could not fetch the part of itself that {what}: check your connection and try again. Nothing you wrote is lost."
        )
    }
}
