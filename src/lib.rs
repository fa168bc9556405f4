//! Appraise: staff appraisal for schools, as a client-only web app.
//!
//! - [`domain`] is the pure core: the appraisal cycle, its documents and rules. It compiles and
//!   is tested on the host, and never touches the browser, the clock or randomness.
//! - [`bundle`] is the file people exchange: signing, encryption, opening and merging.
//! - [`storage`] keeps records in the browser's storage (with an in-memory twin for tests).
//! - [`use_cases`] is what a person does with their records (importing, sending, signing),
//!   between the pages and the storage and bundles beneath.
//! - [`app`] and the page modules are the Leptos user interface; they exist only in the
//!   browser build (`wasm32`).

pub mod bundle;
pub mod domain;
pub mod random;
pub mod storage;
pub mod use_cases;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
mod auto_lock;
#[cfg(target_arch = "wasm32")]
mod autosave;
#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod on_demand;
#[cfg(target_arch = "wasm32")]
mod pages;
#[cfg(target_arch = "wasm32")]
mod state;
