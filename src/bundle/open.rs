//! Opening a received file: find the bundle (inside an email if need be), decrypt it, check the
//! signature on the exact bytes, and only then read the payload; check it names its signer as
//! sender and this person as a recipient, and how far the sender is trusted. Contact cards,
//! school settings files and requests for another reviewer travel in the same envelope and are
//! told apart by its payload type. Only a [`Verified`] payload can be merged, and only this
//! module can make one.

use serde_json::Value;

use super::card::ContactCard;
use super::contacts::{Directory, Trust};
use super::envelope::{self, Envelope};
use super::error::{BundleError, LooksLike};
use super::identity::{Identity, PublicKeys};
use super::merge::DocumentState;
use super::payload::Payload;
use super::reviewer_request::ReviewerRequest;
use super::school_file::SchoolSettingsFile;
use super::sealed::{self, SealedBundle};
use crate::domain::ids::Id;

/// The largest file accepted; a real bundle is a few tens of KB.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// A payload whose signature has been checked. It cannot be built outside this module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified<T> {
    inner: T,
    signer: PublicKeys,
    trust: Trust,
    encrypted: bool,
}

impl<T> Verified<T> {
    pub fn payload(&self) -> &T {
        &self.inner
    }
    pub fn signer(&self) -> &PublicKeys {
        &self.signer
    }
    pub fn trust(&self) -> &Trust {
        &self.trust
    }
    pub fn was_encrypted(&self) -> bool {
        self.encrypted
    }
}

/// Who is opening the file.
pub struct Recipient<'a> {
    pub identity: &'a Identity,
    pub name: &'a str,
    pub staff_id: &'a Id,
}

/// A received file, checked: a bundle for a review, or a colleague's contact card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Received {
    Bundle(Box<Verified<Payload>>),
    Card(Box<Verified<ContactCard>>),
}

/// Any file Appraise writes, checked: a bundle or contact card, or the school's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    Received(Received),
    Settings(Box<Verified<SchoolSettingsFile>>),
    /// A reviewee's request to the headteacher for another reviewer.
    ReviewerRequest(Box<Verified<ReviewerRequest>>),
}

/// Opens a received bundle for `me`, checking everything before the payload is trusted.
pub fn open(
    file: &[u8],
    me: &Recipient,
    known: &impl Directory,
) -> Result<Verified<Payload>, BundleError> {
    match open_any(file, me, known)? {
        Received::Bundle(bundle) => Ok(*bundle),
        Received::Card(_) => Err(BundleError::NotABundle(LooksLike::ContactCard)),
    }
}

/// Opens a received file, bundle or contact card, checking everything before it is trusted; a
/// school settings file is named as one.
pub fn open_any(
    file: &[u8],
    me: &Recipient,
    known: &impl Directory,
) -> Result<Received, BundleError> {
    match open_file(file, me, known)? {
        Opened::Received(received) => Ok(received),
        Opened::Settings(_) => Err(BundleError::NotABundle(LooksLike::SchoolSettings)),
        Opened::ReviewerRequest(_) => Err(BundleError::NotABundle(LooksLike::ReviewerRequest)),
    }
}

/// Opens any file Appraise writes (a bundle, a contact card or a school settings file),
/// checking everything before it is trusted.
pub fn open_file(
    file: &[u8],
    me: &Recipient,
    known: &impl Directory,
) -> Result<Opened, BundleError> {
    if file.len() > MAX_FILE_BYTES {
        return Err(BundleError::TooLarge {
            bytes: file.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let json = find_bundle_json(file)?;
    let value: Value = serde_json::from_slice(&json)
        .map_err(|e| BundleError::Malformed(format!("the text is not well formed: {e}")))?;
    let (envelope_bytes, encrypted) = match value.get("format").and_then(Value::as_str) {
        Some(sealed::SEALED_FORMAT) => {
            check_version(&value, sealed::SEALED_VERSION)?;
            let sealed: SealedBundle =
                serde_json::from_value(value).map_err(|e| BundleError::Malformed(e.to_string()))?;
            (sealed::unseal(&sealed, me.identity)?, true)
        }
        Some(envelope::FORMAT) => (json, false),
        _ => {
            return Err(BundleError::NotABundle(LooksLike::OtherProgram));
        }
    };
    let value: Value = serde_json::from_slice(&envelope_bytes)
        .map_err(|e| BundleError::Malformed(e.to_string()))?;
    check_version(&value, envelope::VERSION)?;
    let envelope: Envelope =
        serde_json::from_value(value).map_err(|e| BundleError::Malformed(e.to_string()))?;
    let (signer, payload_bytes) = envelope::verify(&envelope)?;
    if envelope.payload_type == envelope::CARD_TYPE {
        return open_card(&payload_bytes, signer, me, known, encrypted)
            .map(|card| Opened::Received(Received::Card(Box::new(card))));
    }
    if envelope.payload_type == envelope::SETTINGS_TYPE {
        return open_settings(&payload_bytes, signer, me, known, encrypted)
            .map(|settings| Opened::Settings(Box::new(settings)));
    }
    if envelope.payload_type == envelope::REQUEST_TYPE {
        return open_request(&payload_bytes, signer, me, known, encrypted)
            .map(|request| Opened::ReviewerRequest(Box::new(request)));
    }
    // Read through a JSON value, as stored records are, so the browser build carries one
    // deserialiser per type rather than two.
    let payload: Payload = serde_json::from_slice::<Value>(&payload_bytes)
        .and_then(serde_json::from_value)
        .map_err(|e| BundleError::Malformed(format!("its content is not readable: {e}")))?;
    if payload.sender.keys != Some(signer) {
        return Err(BundleError::SignerMismatch);
    }
    check_documents(&payload)?;
    // A file this person sent opens for them again (it is sealed for them too).
    let trust = if signer == me.identity.public_keys() {
        Trust::Yours
    } else {
        check_recipient(&payload, me)?;
        let made_on = made_on(payload.created_at_millis)?;
        known
            .check_sender(&payload.sender.name, &signer, made_on)
            .map_err(BundleError::NotAsListed)?;
        known.trust(&payload.sender.name, &signer)
    };
    Ok(Opened::Received(Received::Bundle(Box::new(Verified {
        inner: payload,
        signer,
        trust,
        encrypted,
    }))))
}

/// A contact card must be signed with the keys it gives.
fn open_card(
    bytes: &[u8],
    signer: PublicKeys,
    me: &Recipient,
    known: &impl Directory,
    encrypted: bool,
) -> Result<Verified<ContactCard>, BundleError> {
    let card: ContactCard = serde_json::from_slice::<Value>(bytes)
        .and_then(serde_json::from_value)
        .map_err(|e| BundleError::Malformed(format!("its content is not readable: {e}")))?;
    if card.keys != signer {
        return Err(BundleError::SignerMismatch);
    }
    let trust = if signer == me.identity.public_keys() {
        Trust::Yours
    } else {
        known.trust(&card.name, &signer)
    };
    Ok(Verified {
        inner: card,
        signer,
        trust,
        encrypted,
    })
}

/// A school settings file must be signed with its publisher's keys, and count its versions
/// from 1.
fn open_settings(
    bytes: &[u8],
    signer: PublicKeys,
    me: &Recipient,
    known: &impl Directory,
    encrypted: bool,
) -> Result<Verified<SchoolSettingsFile>, BundleError> {
    let settings: SchoolSettingsFile = serde_json::from_slice::<Value>(bytes)
        .and_then(serde_json::from_value)
        .map_err(|e| BundleError::Malformed(format!("its content is not readable: {e}")))?;
    if settings.published_by.keys != signer {
        return Err(BundleError::SignerMismatch);
    }
    if settings.version == 0 {
        return Err(BundleError::Malformed("its version number is 0".into()));
    }
    let trust = if signer == me.identity.public_keys() {
        Trust::Yours
    } else {
        known.trust(&settings.published_by.name, &signer)
    };
    Ok(Verified {
        inner: settings,
        signer,
        trust,
        encrypted,
    })
}

/// A request for another reviewer must be signed with the keys it gives, and is checked against
/// the staff list like any file in a colleague's name.
fn open_request(
    bytes: &[u8],
    signer: PublicKeys,
    me: &Recipient,
    known: &impl Directory,
    encrypted: bool,
) -> Result<Verified<ReviewerRequest>, BundleError> {
    let request: ReviewerRequest = serde_json::from_slice::<Value>(bytes)
        .and_then(serde_json::from_value)
        .map_err(|e| BundleError::Malformed(format!("its content is not readable: {e}")))?;
    if request.keys != signer {
        return Err(BundleError::SignerMismatch);
    }
    let trust = if signer == me.identity.public_keys() {
        Trust::Yours
    } else {
        let made_on = made_on(request.made_at_millis)?;
        known
            .check_sender(&request.reviewee, &signer, made_on)
            .map_err(BundleError::NotAsListed)?;
        known.trust(&request.reviewee, &signer)
    };
    Ok(Verified {
        inner: request,
        signer,
        trust,
        encrypted,
    })
}

/// The UTC day a file says it was made, which the staff list checks keys against.
fn made_on(millis: i64) -> Result<chrono::NaiveDate, BundleError> {
    chrono::DateTime::from_timestamp_millis(millis)
        .map(|at| at.date_naive())
        .ok_or_else(|| BundleError::Malformed("its time of making is impossible".into()))
}

fn check_version(value: &Value, supported: u64) -> Result<(), BundleError> {
    let version = value
        .get("version")
        .and_then(Value::as_u64)
        .ok_or_else(|| BundleError::Malformed("it has no format version".into()))?;
    envelope::check_version(version, supported)
}

/// Every document the payload carries must be one its kind carries, with its edit counters and
/// stamps within what real editing produces.
fn check_documents(payload: &Payload) -> Result<(), BundleError> {
    if !payload.documents.values().all(DocumentState::within_limits) {
        return Err(BundleError::Malformed(
            "its record of edits counts beyond anything real".into(),
        ));
    }
    let allowed = payload.kind.documents();
    match payload
        .documents
        .keys()
        .find(|document| !allowed.contains(&document.as_str()))
    {
        Some(document) => Err(BundleError::UnexpectedDocument {
            kind: payload.kind.label(),
            document: document.clone(),
        }),
        None => Ok(()),
    }
}

fn check_recipient(payload: &Payload, me: &Recipient) -> Result<(), BundleError> {
    let my_keys = me.identity.public_keys();
    let mine =
        payload
            .recipients
            .iter()
            .any(|recipient| match (&recipient.keys, &recipient.staff_id) {
                (Some(keys), _) => *keys == my_keys,
                (None, Some(id)) => id == me.staff_id,
                (None, None) => {
                    super::contacts::name_key(&recipient.name) == super::contacts::name_key(me.name)
                }
            });
    if mine {
        return Ok(());
    }
    let intended: Vec<&str> = payload.recipients.iter().map(|r| r.name.as_str()).collect();
    Err(BundleError::NotForYou {
        intended: if intended.is_empty() {
            "nobody".into()
        } else {
            intended.join(" and ")
        },
    })
}

/// The bundle's JSON bytes: the file itself, or the bundle attached to (or pasted into) an email.
fn find_bundle_json(file: &[u8]) -> Result<Vec<u8>, BundleError> {
    // Some editors and mail programs put a byte-order mark before UTF-8 text.
    let file = file.strip_prefix(b"\xef\xbb\xbf").unwrap_or(file);
    let text = String::from_utf8_lossy(file);
    let start = text.trim_start();
    if start.starts_with('{') {
        return Ok(file.to_vec());
    }
    if file.starts_with(b"%PDF") {
        return Err(BundleError::NotABundle(LooksLike::Pdf));
    }
    if file.starts_with(b"PK\x03\x04") {
        return Err(BundleError::NotABundle(LooksLike::OfficeOrZip));
    }
    if file.starts_with(b"\x89PNG")
        || file.starts_with(b"\xff\xd8\xff")
        || file.starts_with(b"GIF8")
    {
        return Err(BundleError::NotABundle(LooksLike::Picture));
    }
    if looks_like_email(&text) {
        return bundle_in_email(&text).ok_or(BundleError::NotABundle(LooksLike::EmailWithoutFile));
    }
    if start.to_lowercase().starts_with("<!doctype") || start.to_lowercase().starts_with("<html") {
        return Err(BundleError::NotABundle(LooksLike::WebPage));
    }
    if file.is_empty() {
        return Err(BundleError::NotABundle(LooksLike::Empty));
    }
    Err(BundleError::NotABundle(LooksLike::Unknown))
}

fn looks_like_email(text: &str) -> bool {
    let head: String = text.chars().take(4000).collect::<String>().to_lowercase();
    [
        "from:",
        "mime-version:",
        "received:",
        "return-path:",
        "subject:",
        "to:",
    ]
    .iter()
    .any(|header| head.starts_with(header) || head.contains(&format!("\n{header}")))
        && head.contains("content-type:")
}

/// A part's `Content-Transfer-Encoding`, lower case, however the header is spaced or folded.
fn transfer_encoding(headers: &str) -> String {
    // A folded header continues on lines that start with a space or tab.
    let unfolded = headers.replace("\n ", " ").replace("\n\t", " ");
    unfolded
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.trim()
                .eq_ignore_ascii_case("content-transfer-encoding")
                .then(|| value.trim().to_lowercase())
        })
        .unwrap_or_default()
}

/// The first Appraise file written out in `bytes`, with any text before and after it: each `{`
/// is tried as the start of one JSON value, and the first that reads as an Appraise file is
/// taken to where it ends, so braces in the text around it do not matter.
fn appraise_json_in(bytes: &[u8]) -> Option<Vec<u8>> {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, byte)| **byte == b'{')
        .find_map(|(start, _)| {
            let mut values =
                serde_json::Deserializer::from_slice(&bytes[start..]).into_iter::<Value>();
            let value = values.next()?.ok()?;
            is_appraise_file(&value).then(|| bytes[start..start + values.byte_offset()].to_vec())
        })
}

/// Whether `value` says it is one of Appraise's files.
fn is_appraise_file(value: &Value) -> bool {
    value
        .get("format")
        .and_then(Value::as_str)
        .is_some_and(|format| format.starts_with("appraise-"))
}

/// Decodes a quoted-printable body (RFC 2045): `=` at a line's end (spaces after it ignored)
/// joins it to the next, `=XX` is the byte XX; anything else is as it is.
fn quoted_printable(body: &str) -> Vec<u8> {
    let bytes = body.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] != b'=' {
            decoded.push(bytes[at]);
            at += 1;
            continue;
        }
        let rest = &bytes[at + 1..];
        let padding = rest
            .iter()
            .take_while(|byte| matches!(byte, b' ' | b'\t'))
            .count();
        if rest[padding..].starts_with(b"\n") {
            at += 2 + padding;
        } else if let Some(byte) = rest
            .get(..2)
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok())
        {
            decoded.push(byte);
            at += 3;
        } else {
            decoded.push(b'=');
            at += 1;
        }
    }
    decoded
}

/// The boundaries an email's multipart sections are separated by (RFC 2046), nested ones too.
fn boundaries(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    lower
        .match_indices("boundary=")
        .filter_map(|(at, found)| {
            let rest = &text[at + found.len()..];
            let value = match rest.strip_prefix('"') {
                Some(quoted) => quoted.split('"').next()?,
                None => rest.split([';', '\n', ' ', '\t']).next()?,
            };
            (!value.is_empty()).then(|| value.to_owned())
        })
        .collect()
}

/// An email's parts, each with its headers: split at the lines that are exactly a boundary
/// (`--boundary`, or `--boundary--` at the end), never at other lines that start `--`, which a
/// quoted-printable or plain text body may hold. An email without boundaries is one part.
fn mime_parts(text: &str) -> Vec<String> {
    let boundaries = boundaries(text);
    let is_boundary = |line: &str| {
        let line = line.trim_end();
        boundaries.iter().any(|boundary| {
            line.strip_prefix("--")
                .and_then(|rest| rest.strip_prefix(boundary.as_str()))
                .is_some_and(|end| end.is_empty() || end == "--")
        })
    };
    let mut parts = vec![String::new()];
    for line in text.lines() {
        if is_boundary(line) {
            parts.push(String::new());
        } else if let Some(part) = parts.last_mut() {
            part.push_str(line);
            part.push('\n');
        }
    }
    parts
}

/// Looks through an email's parts for an Appraise file, attached (base64 or quoted-printable)
/// or pasted into its text.
fn bundle_in_email(text: &str) -> Option<Vec<u8>> {
    mime_parts(&text.replace("\r\n", "\n"))
        .iter()
        .find_map(|part| {
            let (headers, body) = part.split_once("\n\n")?;
            let decoded = match transfer_encoding(headers).as_str() {
                "base64" => {
                    let compact: String = body.chars().filter(|c| !c.is_whitespace()).collect();
                    base64::Engine::decode(&base64::engine::general_purpose::STANDARD, compact)
                        .ok()?
                }
                "quoted-printable" => quoted_printable(body),
                _ => body.as_bytes().to_vec(),
            };
            appraise_json_in(&decoded)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"{"format":"appraise-bundle","version":2,"note":"a--b {not the end}"}"#;

    fn email(boundary: &str, parts: &[(&str, &str)]) -> String {
        let mut text = format!(
            "From: Jo Lee <jo@school.example>\r\nSubject: Appraisal\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n"
        );
        for (headers, body) in parts {
            text.push_str(&format!("--{boundary}\r\n{headers}\r\n\r\n{body}\r\n"));
        }
        text.push_str(&format!("--{boundary}--\r\n"));
        text
    }

    #[test]
    fn a_quoted_printable_line_starting_with_two_dashes_is_not_a_boundary() {
        // The soft line break (`=` at a line's end) falls just before "--b": that line starts
        // with two dashes but is not the boundary, so the file is found whole.
        let encoded = FILE.replace("a--b", "a=\r\n--b");
        let text = email(
            "b1_xyz",
            &[(
                "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable",
                &encoded,
            )],
        );
        assert_eq!(bundle_in_email(&text).as_deref(), Some(FILE.as_bytes()));
    }

    #[test]
    fn braces_in_the_text_around_a_pasted_file_do_not_matter() {
        let body = format!("Hello {{Sam}}, here it is:\r\n\r\n{FILE}\r\n\r\nThanks {{Jo}} :-}}");
        let text = email("b2", &[("Content-Type: text/plain", &body)]);
        assert_eq!(bundle_in_email(&text).as_deref(), Some(FILE.as_bytes()));
        // And in an email with no parts at all.
        let plain = format!("From: Jo\r\nContent-Type: text/plain\r\n\r\n{{a}} {FILE} {{b}}");
        assert_eq!(bundle_in_email(&plain).as_deref(), Some(FILE.as_bytes()));
    }

    #[test]
    fn an_attachment_in_a_nested_part_is_found() {
        let attached = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, FILE);
        let wrapped: String = attached
            .as_bytes()
            .chunks(20)
            .map(|line| format!("{}\r\n", String::from_utf8_lossy(line)))
            .collect();
        let inner = email(
            "inner",
            &[
                (
                    "Content-Type: text/plain",
                    "See the attachment.\r\n--\r\nJo",
                ),
                (
                    "Content-Type: application/json; name=\"appraise.json\"\r\nContent-Transfer-Encoding: base64",
                    &wrapped,
                ),
            ],
        );
        let (_, inner_body) = inner.split_once("\r\n\r\n").unwrap();
        let text = email(
            "outer",
            &[(
                "Content-Type: multipart/mixed; boundary=\"inner\"",
                inner_body,
            )],
        );
        assert_eq!(bundle_in_email(&text).as_deref(), Some(FILE.as_bytes()));
    }
}
