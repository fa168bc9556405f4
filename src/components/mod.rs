//! Components shared by pages: form fields bound to a draft, checked forms with an error
//! summary, the saved indicator, banners, and documents laid out for reading.

mod banner;
mod document_view;
mod fields;
mod form;
mod in_page_link;
mod objective;
mod save_indicator;
mod which_contact;

pub use banner::{Banner, BannerKind};
pub use document_view::DocumentView;
pub use fields::{
    DraftCheckbox, DraftChoice, DraftDate, DraftTextArea, DraftTextInput, RemoveButton, choices,
    field_id, focus_field,
};
pub use form::{ErrorSummary, FieldError, TextField, error_for, focus_error_summary};
pub use in_page_link::InPageLink;
pub use objective::{ObjectiveFields, add_objective};
pub use save_indicator::{SaveFailureBanner, SaveIndicator};
pub use which_contact::WhichContact;
