//! FORMAT.md's test vectors, read out of the document and checked against the code, so the
//! text a second implementation is written from cannot drift from what Appraise writes and reads.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use appraise::bundle::contacts::Contacts;
use appraise::bundle::identity::{Identity, KeySeed};
use appraise::bundle::open::{Recipient, open};
use appraise::bundle::payload::Payload;
use appraise::bundle::sign_off::SignedSignOff;
use appraise::bundle::write_bundle;
use appraise::domain::sign_off::{SignOff, fingerprint};
use std::collections::BTreeMap;
use std::path::Path;

/// Every block in FORMAT.md opened with ```` ```text vector:<name> ````, as its `key: value`
/// lines (a value runs to the end of its line).
fn vectors() -> BTreeMap<String, BTreeMap<String, String>> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/FORMAT.md"))
        .expect("FORMAT.md is readable");
    let mut found = BTreeMap::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let Some(name) = line.strip_prefix("```text vector:") else {
            continue;
        };
        let block: BTreeMap<String, String> = lines
            .by_ref()
            .take_while(|line| *line != "```")
            .filter_map(|line| line.split_once(": "))
            .map(|(key, value)| (key.to_owned(), value.to_owned()))
            .collect();
        found.insert(name.trim().to_owned(), block);
    }
    found
}

fn vector(name: &str) -> BTreeMap<String, String> {
    vectors()
        .remove(name)
        .unwrap_or_else(|| panic!("FORMAT.md has no vector {name}"))
}

fn seed(hex: &str) -> KeySeed {
    let bytes: Vec<u8> = (0..hex.len())
        .step_by(2)
        .map(|at| u8::from_str_radix(&hex[at..at + 2], 16).expect("hex"))
        .collect();
    KeySeed(bytes.try_into().expect("32 bytes"))
}

#[test]
fn a_seed_gives_the_keys_key_id_and_fingerprint_format_md_says() {
    for name in ["identity: Jo", "identity: Sam"] {
        let v = vector(name);
        let keys = Identity::from_seed(&seed(&v["seed"])).public_keys();
        let json = serde_json::to_value(keys).unwrap();
        assert_eq!(json["signing"], v["signing"].as_str(), "{name}");
        assert_eq!(json["encryption"], v["encryption"].as_str(), "{name}");
        assert_eq!(keys.key_id(), v["keyid"], "{name}");
        assert_eq!(keys.fingerprint(), v["fingerprint"], "{name}");
        assert_eq!(keys.fingerprint_words(), v["words"], "{name}");
    }
}

#[test]
fn the_fingerprint_words_are_the_list_format_md_gives() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("FORMAT.md")).unwrap();
    let list = text
        .split("```text words\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("FORMAT.md lists the fingerprint words");
    let words: Vec<&str> = list.split_whitespace().collect();
    assert_eq!(words, appraise::bundle::words::WORDS.to_vec());
}

#[test]
fn a_sign_off_signs_the_bytes_format_md_says() {
    let v = vector("sign-off");
    let sign_off: SignOff = serde_json::from_str(&v["signed JSON"]).unwrap();
    assert_eq!(serde_json::to_string(&sign_off).unwrap(), v["signed JSON"]);
    assert_eq!(fingerprint(&sign_off.covered), v["fingerprint"]);
    assert_eq!(sign_off.fingerprint, v["fingerprint"]);
    let signer = Identity::from_seed(&seed(&v["signer seed"]));
    let signed = SignedSignOff::sign(sign_off, &signer);
    assert_eq!(signed.signature, v["signature"]);
    assert!(signed.signature_holds());
}

#[test]
fn a_small_bundle_is_written_and_opened_as_format_md_says() {
    let v = vector("bundle");
    let payload: Payload = serde_json::from_str(&v["payload JSON"]).unwrap();
    assert_eq!(serde_json::to_string(&payload).unwrap(), v["payload JSON"]);
    let sender = Identity::from_seed(&seed(&v["sender seed"]));
    let reader = Identity::from_seed(&seed(&v["recipient seed"]));
    let written = write_bundle(
        &payload,
        &sender,
        Some(&[reader.public_keys()]),
        &mut common::Counter(0),
    );
    let compact: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(compact.to_string(), v["file"]);
    let me = Recipient {
        identity: &reader,
        name: "Sam Patel",
        staff_id: &common::sams_id(),
    };
    let opened = open(v["file"].as_bytes(), &me, &Contacts::default()).unwrap();
    assert_eq!(opened.payload(), &payload);
}

#[test]
fn an_interim_review_sign_off_covers_the_fields_format_md_says() {
    use appraise::domain::sign_off::SignerRole;
    let v = vector("interim review sign-off");
    let mut review = common::review_with_statement();
    review.interim_reviews = common::interim_reviews().items;
    let on = common::date(2027, 2, 10);
    let sign_off =
        SignOff::for_interim_review(&review, &v["interim review"], SignerRole::Reviewer, on)
            .unwrap();
    assert_eq!(sign_off.document, v["document"]);
    assert_eq!(
        serde_json::to_string(&sign_off.covered).unwrap(),
        v["covered"]
    );
    let covered: appraise::domain::field_map::FieldMap =
        serde_json::from_str(&v["covered"]).unwrap();
    assert_eq!(fingerprint(&covered), v["fingerprint"]);
    assert_eq!(sign_off.fingerprint, v["fingerprint"]);
    // The reviewee's sign-off on it covers the same fields and their own words too.
    let theirs =
        SignOff::for_interim_review(&review, &v["interim review"], SignerRole::Reviewee, on)
            .unwrap();
    let only_theirs: Vec<&String> = theirs
        .covered
        .keys()
        .filter(|path| !covered.contains_key(*path))
        .collect();
    assert_eq!(
        only_theirs,
        [
            "interim_reviews.items[interim-1].progress[obj-1].reviewee_comment",
            "interim_reviews.items[interim-1].reviewee_comments",
        ]
    );
    assert!(covered.keys().all(|path| theirs.covered.contains_key(path)));
}

#[test]
fn a_file_is_made_on_the_utc_day_of_its_creation_time() {
    let v = vector("made day");
    let made_on = |millis: &str| {
        appraise::use_cases::outgoing::made_on(millis.parse().expect("milliseconds")).to_string()
    };
    assert_eq!(made_on(&v["created_at_millis"]), v["made on"]);
    assert_eq!(
        made_on(&v["created at 00:30 in London on 01/08/2026"]),
        v["made on (the UTC day)"]
    );
}

/// FORMAT.md's small-order key: a signature made of the identity point and a zero scalar is
/// valid for every message under a plain Ed25519 check, and a reader must refuse it.
#[test]
fn a_small_order_key_is_refused_though_a_plain_check_passes_it() {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use ed25519_dalek::{Signature, VerifyingKey};
    let v = vector("small-order key");
    let bytes = |text: &str| URL_SAFE_NO_PAD.decode(text).expect("base64url");
    let key = VerifyingKey::from_bytes(&bytes(&v["signing"]).try_into().unwrap()).unwrap();
    let signature = Signature::from_bytes(&bytes(&v["sig"]).try_into().unwrap());
    for message in [&b"any message"[..], b"another"] {
        assert!(key.verify_strict(message, &signature).is_err());
        let plain = ed25519_dalek::Verifier::verify(&key, message, &signature);
        assert!(plain.is_ok(), "the vector's point: a plain check passes it");
    }
    // In a real file, the golden statement re-signed this way.
    let golden = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/bundles/statement-for-comment.signed.json"
    ))
    .unwrap();
    let mut file: serde_json::Value = serde_json::from_str(&golden).unwrap();
    let encryption = file["signatures"][0]["keys"]["encryption"].clone();
    let keys: appraise::bundle::identity::PublicKeys = serde_json::from_value(serde_json::json!({
        "signing": v["signing"], "encryption": encryption
    }))
    .unwrap();
    file["signatures"][0] = serde_json::json!({
        "keyid": keys.key_id(), "sig": v["sig"], "keys": keys,
    });
    let sam = common::sam();
    let me = Recipient {
        identity: &sam,
        name: "Sam Patel",
        staff_id: &common::sams_id(),
    };
    let refused = open(file.to_string().as_bytes(), &me, &Contacts::default()).unwrap_err();
    assert_eq!(
        refused,
        appraise::bundle::error::BundleError::ChangedAfterSigning
    );
}

/// Every field path the code writes for the review's four documents (ids as `<id>`) is a row of
/// FORMAT.md's tables, so a second reader knows every field it will meet.
#[test]
fn every_path_of_the_reviews_documents_is_in_format_md() {
    use appraise::domain::field_map::to_field_map;
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/FORMAT.md")).unwrap();
    let (pre_review, mut statement, cpd_needs) = common::realistic_review_documents();
    statement.next_review_on = Some(common::date(2027, 2, 10));
    statement.objectives_determined = true;
    statement.standards = appraise::domain::standards::TEN_STANDARDS
        .iter()
        .map(|standard| appraise::domain::standards::StandardAssessment {
            id: common::id(standard.key),
            judgement: None,
            comment: String::new(),
        })
        .collect();
    let maps = [
        to_field_map(&pre_review),
        to_field_map(&statement),
        to_field_map(&cpd_needs),
        to_field_map(&common::appeal()),
    ];
    let id_in_brackets = |path: &str| {
        let mut out = String::new();
        let mut rest = path;
        while let Some(open) = rest.find('[') {
            let close = rest[open..].find(']').expect("a closing bracket") + open;
            out.push_str(&rest[..open]);
            out.push_str("[<id>]");
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    };
    let missing: Vec<String> = maps
        .iter()
        .flat_map(|map| map.keys())
        .map(|path| id_in_brackets(path.split_once('.').expect("kind.path").1))
        .filter(|path| !text.contains(&format!("| `{path}` |")))
        .collect();
    assert!(missing.is_empty(), "FORMAT.md has no row for {missing:?}");
}
