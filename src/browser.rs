//! Small things the UI asks of the browser: the time now, fresh ids, and saving a file.

use chrono::{DateTime, Utc};
use wasm_bindgen::JsCast;

/// The current time from the browser's clock.
pub fn now() -> DateTime<Utc> {
    let millis = js_sys::Date::now() as i64;
    DateTime::from_timestamp_millis(millis).unwrap_or_default()
}

/// A fresh random identifier, e.g. for a new list item or this tab.
pub fn fresh_id(prefix: &str) -> String {
    let mut bytes = [0u8; 8];
    getrandom::getrandom(&mut bytes).expect("the browser provides crypto.getRandomValues");
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{prefix}-{hex}")
}

/// Offers `contents` to the person as a downloaded file called `file_name`.
pub fn download(file_name: &str, mime_type: &str, contents: &str) -> Result<(), String> {
    let fail = |_| "Your browser did not allow the download. Copy the text instead.".to_string();
    let parts = js_sys::Array::of1(&contents.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime_type);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("No page to download from.")?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    web_sys::Url::revoke_object_url(&url).map_err(fail)?;
    Ok(())
}

/// A file name stamp from the local date and time, e.g. `2026-11-22-0941`.
pub fn file_stamp() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}-{:02}{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// Local time of day as `hh:mm`.
pub fn local_time(at: DateTime<Utc>) -> String {
    let date = js_sys::Date::new(&(at.timestamp_millis() as f64).into());
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// Local date as `dd/mm/yyyy`.
pub fn local_date(at: DateTime<Utc>) -> String {
    let date = js_sys::Date::new(&(at.timestamp_millis() as f64).into());
    format!(
        "{:02}/{:02}/{:04}",
        date.get_date(),
        date.get_month() + 1,
        date.get_full_year()
    )
}

/// Today's date where the person is.
pub fn today() -> chrono::NaiveDate {
    let date = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
    )
    .unwrap_or_default()
}

/// Moves keyboard focus to the element with `id` once it is on screen (after the view that
/// draws it has run).
pub fn focus_when_drawn(id: String) {
    leptos::prelude::request_animation_frame(move || {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id));
        if let Some(element) =
            element.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = element.focus();
        }
    });
}
