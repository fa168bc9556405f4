//! The pure core of Appraise: the appraisal cycle, its documents, policies and rules.
//!
//! Nothing here depends on the browser, reads the clock or uses randomness: callers pass
//! `today`, `now` and ids in, so every rule can be tested on the host with fixed dates.
//!
//! # The model in a page
//!
//! A school runs appraisal under a [`policy::Policy`]: the cycle's start month and length, the
//! deadlines, the limits on objectives, observations and reviews per reviewer, whether the 10
//! [`standards`] apply, pay decision dates and how long records are kept. It picks one of the
//! five [`presets`] (one per source policy) and may edit it; dates count in calendar days,
//! weeks, hours or working days, which skip weekends and the school's closures
//! ([`calendar::SchoolCalendar`]).
//!
//! A [`cycle::Review`] is one reviewee's appraisal by one reviewer under the policy in force for
//! one [`period::CyclePeriod`]. It moves along a fixed path of [`cycle::Stage`]s (invited →
//! preparing → meeting held → statement drafted → with reviewee → signed by both → final, or
//! appealed), with a support plan or formal capability beside it; [`cycle::CycleState::after`]
//! allows only legal moves and names the problem otherwise. Each person holds their own copy,
//! so [`progress`] reads the stage off the documents and sign-offs held.
//!
//! A review holds its [`documents`]: the reviewee's pre-review form and the reviewer's private
//! one, the planning and review statement with ratings of last year's objectives and new
//! objectives, training and development (CPD) needs, observations, interim reviews, a support
//! plan, an appeal, and the before/during/after meeting checklists. Each serialises to JSON with
//! its `kind` and `schema` version, and converts losslessly to a flat map of field paths
//! ([`field_map`]) which the merge of exchanged bundles works on; list items have stable ids.
//!
//! [`sign_off::SignOff`]s record exactly what each person signed; a later change shows the
//! sign-off as out of date. Signing is refused while required fields are empty
//! ([`validation`]), which also lists the warnings that never block: too many objectives, an
//! objective that misses [`smart`], a deadline passed or near ([`deadlines`]), a reviewer over
//! their limit, records past [`retention`]; a support plan outside its policy's range is warned
//! about in [`support_plan_checks`], too many observations in a cycle, an interim review or
//! observation feedback that does not fit in [`between_meetings_checks`], and [`between_meetings`] lays
//! observations, interim reviews and the support plan out for reading. The [`governors`]
//! report counts outcomes and training themes with small groups hidden; the headteacher's
//! [`desk`] has a row per review, [`moderation`] sets each reviewer's pattern beside the
//! school's, [`pay`] says what a pay decision needs, and [`to_do`] counts what needs the
//! headteacher for the top of Home.
//!
//! The headteacher keeps the [`staff`] list: who is on the staff, their keys, roles and
//! reviewer; whoever holds it takes those keys as confirmed and refuses files in a listed name
//! signed by other keys.

pub mod bank_holidays;
pub mod between_meetings;
pub mod between_meetings_checks;
pub mod calendar;
pub mod csv;
pub mod cycle;
pub mod dates;
pub mod deadlines;
pub mod desk;
pub mod documents;
pub mod field_map;
pub mod governors;
pub mod ical;
pub mod ids;
pub mod moderation;
pub mod pay;
pub mod people;
pub mod period;
pub mod policy;
pub mod policy_form;
pub mod presets;
pub mod progress;
pub mod provenance;
pub mod reading;
pub mod retention;
pub mod school;
pub mod sections;
pub mod settings_changes;
pub mod sign_off;
pub mod smart;
pub mod staff;
pub mod standards;
pub mod support_plan_checks;
pub mod term_dates;
pub mod to_do;
pub mod training_audit;
pub mod validation;
