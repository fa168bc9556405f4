//! Components shared by pages: form fields bound to a draft, checked forms with an error
//! summary, the saved indicator, banners.

mod banner;
mod fields;
mod form;
mod save_indicator;

pub use banner::{Banner, BannerKind};
pub use fields::{
    DraftCheckbox, DraftChoice, DraftDate, DraftTextArea, DraftTextInput, RemoveButton, choices,
    field_id, focus_field,
};
pub use form::{ErrorSummary, FieldError, TextField, error_for, focus_error_summary};
pub use save_indicator::{SaveFailureBanner, SaveIndicator};
