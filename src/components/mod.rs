//! Components shared by pages: form fields bound to a draft, the saved indicator, banners.

mod banner;
mod fields;
mod save_indicator;

pub use banner::{Banner, BannerKind};
pub use fields::{
    DraftCheckbox, DraftChoice, DraftDate, DraftTextArea, DraftTextInput, RemoveButton, choices,
    field_id, focus_field,
};
pub use save_indicator::{SaveFailureBanner, SaveIndicator};
