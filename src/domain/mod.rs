//! The pure core of Appraise: the appraisal cycle, its documents, policies and rules.
//!
//! Nothing here depends on the browser, reads the clock or uses randomness: callers pass
//! `today`, `now` and ids in, so every rule can be tested on the host with fixed dates.

pub mod calendar;
pub mod dates;
pub mod documents;
pub mod field_map;
pub mod ids;
pub mod people;
pub mod policy;
pub mod presets;
pub mod standards;
