//! The fuzz engine shared by the `fuzz` example and the bounded host test: seed files built at
//! run time (the golden fixtures, and bundles freshly written through the public API, signed and
//! encrypted), mutated at every layer by a seeded PRNG (raw bytes, the file's JSON, the
//! decrypted envelope, the signed payload re-signed, and emails around the file), then opened and
//! imported into an in-memory vault with every panic caught and recorded.
//!
//! Nothing about the file format is written down here: every seed comes from the fixtures on disk,
//! from `write_bundle` or from a contact card's `write`, the payload is read out with
//! `envelope::verify`, and the inner layers are rebuilt with `envelope::sign` and `sealed::seal`,
//! so the fuzzer follows the format when it changes. Files are opened with `open_file`, as the
//! import page opens them: bundles are then previewed, imported (and some undone), contact cards
//! added to the contacts, school settings files previewed and used, requests for another
//! reviewer kept.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::fmt;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use appraise::bundle::contacts::{Contacts, HowVerified};
use appraise::bundle::envelope::{self, Envelope};
use appraise::bundle::identity::{Identity, KeySeed, PublicKeys};
use appraise::bundle::merge::{DocumentState, Stamp};
use appraise::bundle::open::{MAX_FILE_BYTES, Opened, Received, Recipient, open_any, open_file};
use appraise::bundle::payload::{BundleKind, Party, Payload};
use appraise::bundle::sealed::{self, SealedBundle};
use appraise::bundle::sign_off::SignedSignOff;
use appraise::bundle::write_bundle;
use appraise::domain::field_map::to_field_map;
use appraise::domain::ids::Id;
use appraise::domain::people::Role;
use appraise::domain::sign_off::{SignOff, SignerRole};
use appraise::random::RandomSource;
use appraise::storage::{KeyValueStore, MemoryStore, Vault};
use appraise::use_cases::identity::StoredIdentity;
use appraise::use_cases::{identity, importing, reviews};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE_NO_PAD};
use chrono::{DateTime, TimeZone, Utc};
use serde_json::Value;

use crate::common;

/// How many panicking inputs are kept in the report and saved to disk; the rest are counted.
const KEPT_PANICS: usize = 20;

/// What to run.
pub struct Config {
    pub inputs: u64,
    pub seed: u64,
    /// Where the first panicking inputs are saved, as `<n>.bin` with a `<n>.txt` beside it.
    pub panics_dir: PathBuf,
    /// How many inputs pass between calls of the progress callback (0: never).
    pub progress_every: u64,
    /// How many threads share the inputs.
    pub threads: usize,
}

/// Where panicking inputs go unless told otherwise: `target/fuzz-panics/`.
pub fn default_panics_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-panics")
}

/// What one mutation family did over the run.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub tried: u64,
    pub opened: u64,
    pub imported: u64,
    pub panics: u64,
    /// Mutating, opening and importing, all together.
    pub time: Duration,
}

/// One panicking input.
#[derive(Debug, Clone)]
pub struct PanicCase {
    pub index: u64,
    pub mutation: String,
    /// "mutating", "opening" or "importing".
    pub stage: &'static str,
    pub message: String,
    pub saved: Option<PathBuf>,
}

/// The figures of a run.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub seed: u64,
    pub seed_files: usize,
    /// Seed files that open, unmutated, for the person they are addressed to.
    pub seed_files_opening: usize,
    pub inputs: u64,
    pub panics: u64,
    pub opened: u64,
    pub refused: u64,
    /// Of the opened: imported (or, for a contact card, added to the contacts), or refused by
    /// the use cases (unknown review, not a party...).
    pub imported: u64,
    pub import_refused: u64,
    /// Imports whose preview said something other than what the import then did.
    pub preview_differed: u64,
    pub slowest: Duration,
    pub slowest_mutation: String,
    pub slowest_index: u64,
    pub total: Duration,
    pub panic_cases: Vec<PanicCase>,
    pub by_family: BTreeMap<String, Tally>,
}

fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "seed: {}", self.seed)?;
        writeln!(
            f,
            "seed files: {} ({} open as written)",
            self.seed_files, self.seed_files_opening
        )?;
        writeln!(f, "inputs tried: {}", self.inputs)?;
        writeln!(f, "panics: {}", self.panics)?;
        writeln!(
            f,
            "opened: {} ({:.1}%)",
            self.opened,
            percent(self.opened, self.inputs)
        )?;
        writeln!(
            f,
            "refused: {} ({:.1}%)",
            self.refused,
            percent(self.refused, self.inputs)
        )?;
        writeln!(
            f,
            "imported (bundles) or added (contact cards): {} of the opened; refused: {}",
            self.imported, self.import_refused
        )?;
        writeln!(
            f,
            "previews that differed from their import: {}",
            self.preview_differed
        )?;
        writeln!(
            f,
            "slowest input: {:.1} ms ({}; input #{})",
            self.slowest.as_secs_f64() * 1000.0,
            self.slowest_mutation,
            self.slowest_index
        )?;
        writeln!(f, "total: {:.1} s", self.total.as_secs_f64())?;
        writeln!(
            f,
            "by mutation (tried / opened / imported / panics / seconds):"
        )?;
        for (family, tally) in &self.by_family {
            writeln!(
                f,
                "  {family}: {} / {} / {} / {} / {:.1}",
                tally.tried,
                tally.opened,
                tally.imported,
                tally.panics,
                tally.time.as_secs_f64()
            )?;
        }
        if !self.panic_cases.is_empty() {
            writeln!(f, "panicking inputs (the first {KEPT_PANICS}):")?;
        }
        for case in &self.panic_cases {
            let saved = case
                .saved
                .as_ref()
                .map_or_else(|| "not saved".to_owned(), |path| path.display().to_string());
            writeln!(
                f,
                "  {saved}: input #{} ({}), while {}: {}",
                case.index, case.mutation, case.stage, case.message
            )?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// The PRNG: splitmix64, so a run is the same on every machine and any input can be regenerated
// from the seed and its index alone.

#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The generator for input `index`: independent of every other input's draws.
    fn for_input(seed: u64, index: u64) -> Rng {
        let mut rng = Rng(seed ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03));
        rng.next_u64();
        rng
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn byte(&mut self) -> u8 {
        self.next_u64() as u8
    }
}

impl RandomSource for Rng {
    fn fill(&mut self, bytes: &mut [u8]) {
        for byte in bytes {
            *byte = self.byte();
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The people, the seed files and the vaults they are imported into.

struct Person {
    identity: Identity,
    name: &'static str,
    staff_id: Id,
    /// The key seed of `identity`, for the identity record kept in a seeded vault.
    key_seed: KeySeed,
}

fn people() -> Vec<Person> {
    let person = |seed: u8, identity: Identity, name: &'static str, staff_id: Id| {
        let key_seed = KeySeed([seed; 32]);
        assert!(
            Identity::from_seed(&key_seed).public_keys() == identity.public_keys(),
            "the sample identities come from their key seeds"
        );
        Person {
            identity,
            name,
            staff_id,
            key_seed,
        }
    };
    vec![
        person(1, common::jo(), "Jo Lee", common::id("jo")),
        person(2, common::sam(), "Sam Patel", common::sams_id()),
        person(4, common::person(4), "Pat Head", common::id("pat")),
        // The CPD leader of the golden files, who alone opens the training needs sent them.
        person(7, common::person(7), "Chris Train", common::id("chris")),
    ]
}

const JO: usize = 0;
const SAM: usize = 1;
const HEAD: usize = 2;

fn party(person: &Person, role: Role) -> Party {
    Party {
        name: person.name.into(),
        staff_id: Some(person.staff_id.clone()),
        role,
        keys: Some(person.identity.public_keys()),
    }
}

fn document(
    fields: appraise::domain::field_map::FieldMap,
    device: &str,
    millis: i64,
) -> DocumentState {
    let mut state = DocumentState::default();
    state.record_edit(&fields, device, Stamp { millis, counter: 0 });
    state
}

/// Bundles of every kind, written through the public API: (what, payload, signer, reader).
fn api_payloads(people: &[Person]) -> Vec<(&'static str, Payload, usize, usize)> {
    let review = common::review_with_statement();
    let sign = |role: SignerRole, by: usize| {
        let sign_off = SignOff::for_statement(&review, role, common::date(2026, 11, 2))
            .expect("the sample statement can be signed");
        SignedSignOff::sign(sign_off, &people[by].identity)
    };
    let base = common::statement_for_comment();

    let mut signed_for_comment = base.clone();
    signed_for_comment.bundle_id = "fuzz-for-comment".into();
    signed_for_comment.sign_offs = vec![sign(SignerRole::Reviewer, JO)];
    signed_for_comment.documents.insert(
        "cpd_needs".into(),
        document(
            to_field_map(&common::cpd_needs()),
            "jo-laptop",
            1_795_000_000_001,
        ),
    );

    let invitation = Payload {
        kind: BundleKind::Invitation,
        bundle_id: "fuzz-invitation".into(),
        ..base.clone()
    };

    let mut reply = base.clone();
    reply.kind = BundleKind::Reply;
    reply.bundle_id = "fuzz-reply".into();
    reply.sender = party(&people[SAM], Role::Reviewee);
    reply.recipients = vec![party(&people[JO], Role::Reviewer)];
    let mut statement = base.documents["statement"].clone();
    let mut fields = statement.current();
    fields.insert(
        "statement.reviewee_comments".into(),
        "I agree with my objectives.".into(),
    );
    statement.record_edit(
        &fields,
        "sam-phone",
        Stamp {
            millis: 1_795_100_000_000,
            counter: 0,
        },
    );
    reply.documents.insert("statement".into(), statement);
    reply.documents.insert(
        "appeal".into(),
        document(
            to_field_map(&common::appeal()),
            "sam-phone",
            1_795_100_000_001,
        ),
    );
    reply.sign_offs = vec![sign(SignerRole::Reviewee, SAM)];

    let mut pre_review = base.clone();
    pre_review.kind = BundleKind::PreReview;
    pre_review.bundle_id = "fuzz-pre-review".into();
    pre_review.sender = party(&people[SAM], Role::Reviewee);
    pre_review.recipients = vec![party(&people[JO], Role::Reviewer)];
    pre_review.documents = [(
        "pre_review".to_string(),
        document(
            to_field_map(&common::pre_review()),
            "sam-phone",
            1_794_900_000_000,
        ),
    )]
    .into_iter()
    .collect();

    let mut final_statement = signed_for_comment.clone();
    final_statement.kind = BundleKind::FinalStatement;
    final_statement.bundle_id = "fuzz-final".into();
    final_statement.recipients = vec![party(&people[HEAD], Role::Reviewer)];
    final_statement
        .sign_offs
        .push(sign(SignerRole::Reviewee, SAM));

    let mut training_needs = signed_for_comment.clone();
    training_needs.kind = BundleKind::CpdNeeds;
    training_needs.bundle_id = "fuzz-training-needs".into();
    training_needs.recipients = vec![party(&people[HEAD], Role::Reviewer)];
    training_needs.documents.remove("statement");
    training_needs.sign_offs.clear();

    vec![
        ("statement for comment", base, JO, SAM),
        (
            "statement for comment with sign-off",
            signed_for_comment,
            JO,
            SAM,
        ),
        ("invitation", invitation, JO, SAM),
        ("reply", reply, SAM, JO),
        ("pre-review", pre_review, SAM, JO),
        ("final statement", final_statement, JO, HEAD),
        ("training needs", training_needs, JO, HEAD),
    ]
}

/// A JSON document with the paths (JSON pointers) worth aiming at, found once per seed.
struct Doc {
    value: Value,
    all: Vec<String>,
    strings: Vec<String>,
    base64: Vec<String>,
    /// Paths whose parent is an object.
    members: Vec<String>,
    /// Paths whose parent is an array.
    elements: Vec<String>,
}

fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn unescape_pointer(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

fn looks_like_base64(text: &str) -> bool {
    text.len() >= 16
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl Doc {
    fn new(value: Value) -> Doc {
        let mut doc = Doc {
            value: Value::Null,
            all: Vec::new(),
            strings: Vec::new(),
            base64: Vec::new(),
            members: Vec::new(),
            elements: Vec::new(),
        };
        // Iterative, so no depth of document can exhaust the stack here.
        let mut stack: Vec<(String, &Value, u8)> = vec![(String::new(), &value, 0)];
        while let Some((path, node, parent)) = stack.pop() {
            match node {
                Value::Object(map) => {
                    for (key, child) in map {
                        stack.push((format!("{path}/{}", escape_pointer(key)), child, b'o'));
                    }
                }
                Value::Array(items) => {
                    for (i, child) in items.iter().enumerate() {
                        stack.push((format!("{path}/{i}"), child, b'a'));
                    }
                }
                Value::String(text) => {
                    doc.strings.push(path.clone());
                    if looks_like_base64(text) {
                        doc.base64.push(path.clone());
                    }
                }
                _ => {}
            }
            match parent {
                b'o' => doc.members.push(path.clone()),
                b'a' => doc.elements.push(path.clone()),
                _ => {}
            }
            doc.all.push(path);
        }
        doc.value = value;
        doc
    }
}

struct Seed {
    label: String,
    file: Vec<u8>,
    reader: usize,
    opens: bool,
    signer: Option<usize>,
    /// The keys the file is encrypted to, when it is encrypted and all of them are known.
    sealed_to: Option<Vec<PublicKeys>>,
    outer: Option<Doc>,
    /// The signed envelope inside an encrypted file, as JSON and as text.
    inner: Option<(Doc, Vec<u8>)>,
    /// The signed content (as `envelope::verify` gives it) and its payload type, to sign again.
    payload: Option<(Doc, String)>,
}

fn derive_seed(label: String, file: Vec<u8>, people: &[Person]) -> Seed {
    let outer: Option<Value> = serde_json::from_slice(&file).ok();
    let sealed: Option<SealedBundle> = outer
        .as_ref()
        .filter(|v| v.get("format").and_then(Value::as_str) == Some(sealed::SEALED_FORMAT))
        .and_then(|v| serde_json::from_value(v.clone()).ok());
    let (envelope_bytes, sealed_to) = match &sealed {
        Some(sealed) => {
            let bytes = people
                .iter()
                .find_map(|p| sealed::unseal(sealed, &p.identity).ok());
            let keys: Option<Vec<PublicKeys>> = sealed
                .recipients
                .iter()
                .map(|entry| {
                    people
                        .iter()
                        .map(|p| p.identity.public_keys())
                        .find(|keys| keys.key_id() == entry.keyid)
                })
                .collect();
            (bytes, keys)
        }
        None => (Some(file.clone()), None),
    };
    let envelope: Option<Envelope> = envelope_bytes
        .as_ref()
        .and_then(|bytes| serde_json::from_slice(bytes).ok());
    let verified = envelope.as_ref().and_then(|e| {
        let (keys, json) = envelope::verify(e).ok()?;
        let value: Value = serde_json::from_slice(&json).ok()?;
        Some((keys, value, e.payload_type.clone()))
    });
    let signer = verified.as_ref().and_then(|(keys, _, _)| {
        people
            .iter()
            .position(|p| p.identity.public_keys() == *keys)
    });
    let opening = |reader: usize| {
        let person = &people[reader];
        open_file(
            &file,
            &Recipient {
                identity: &person.identity,
                name: person.name,
                staff_id: &person.staff_id,
            },
            &Contacts::default(),
        )
        .is_ok()
    };
    // Someone other than the signer, when anyone can: a file opens for its own sender too.
    let reader = (0..people.len())
        .filter(|&p| Some(p) != signer)
        .chain(signer)
        .find(|&p| opening(p));
    let inner = match (&sealed, envelope_bytes) {
        (Some(_), Some(bytes)) => serde_json::from_slice(&bytes)
            .ok()
            .map(|value| (Doc::new(value), bytes)),
        _ => None,
    };
    Seed {
        label,
        opens: reader.is_some(),
        reader: reader.unwrap_or(SAM),
        signer,
        sealed_to: if sealed.is_some() { sealed_to } else { None },
        outer: outer.map(Doc::new),
        inner,
        payload: verified.map(|(_, value, payload_type)| (Doc::new(value), payload_type)),
        file,
    }
}

fn seeds(people: &[Person], rng: &mut Rng) -> Vec<Seed> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bundles");
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    fixtures.sort();
    let mut files: Vec<(String, Vec<u8>)> = fixtures
        .iter()
        .map(|path| {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let bytes = std::fs::read(path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            (format!("fixture {name}"), bytes)
        })
        .collect();
    for (what, payload, signer, reader) in api_payloads(people) {
        let identity = &people[signer].identity;
        let to = [people[reader].identity.public_keys()];
        files.push((
            format!("{what}, signed"),
            write_bundle(&payload, identity, None, rng).into_bytes(),
        ));
        files.push((
            format!("{what}, encrypted"),
            write_bundle(&payload, identity, Some(&to), rng).into_bytes(),
        ));
    }
    for (who, job_title) in [(JO, "Year 2 leader"), (HEAD, "Headteacher")] {
        let card = contact_card(&people[who], job_title);
        files.push((
            format!("contact card of {}, signed", people[who].name),
            card.clone().into_bytes(),
        ));
        // Cards travel signed only, but a sealed one is still opened: sealed to its reader.
        let to = [
            people[SAM].identity.public_keys(),
            people[who].identity.public_keys(),
        ];
        files.push((
            format!("contact card of {}, encrypted", people[who].name),
            reseal(card.as_bytes(), &to, rng),
        ));
    }
    files
        .into_iter()
        .map(|(label, file)| derive_seed(label, file, people))
        .collect()
}

/// A person's contact card file, made as the app makes it: from their stored identity.
fn contact_card(person: &Person, job_title: &str) -> String {
    let mut vault =
        Vault::open(MemoryStore::new(), Box::new(Rng::new(0)), "card-tab").expect("vault");
    let mut me = StoredIdentity::new(person.key_seed.clone());
    me.name = person.name.into();
    me.job_title = job_title.into();
    identity::save_identity(&mut vault, &me, now()).expect("identity saved");
    identity::my_card(&vault, now())
        .expect("identity readable")
        .expect("an identity, so a card")
        .write(&person.identity)
}

type Snapshot = BTreeMap<String, String>;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0)
        .single()
        .expect("a valid time")
}

fn vault_from(snapshot: &Snapshot, rng_seed: u64) -> Vault<MemoryStore> {
    let mut store = MemoryStore::new();
    for (key, value) in snapshot {
        store.set(key, value).expect("an unlimited store");
    }
    Vault::open(store, Box::new(Rng::new(rng_seed)), "fuzz-tab")
        .expect("a vault written here opens")
}

fn snapshot_of(store: &MemoryStore) -> Snapshot {
    store
        .keys()
        .expect("memory keys")
        .into_iter()
        .filter_map(|key| {
            let value = store.get(&key).expect("memory get")?;
            Some((key, value))
        })
        .collect()
}

/// Per person, an empty vault and one holding their identity and the review the seeds belong
/// to (Sam's from the invitation, Jo's started by Jo, the headteacher's from a final statement,
/// the CPD leader's from the golden training needs).
fn vaults(people: &[Person], seeds: &[Seed]) -> Vec<[Snapshot; 2]> {
    people
        .iter()
        .enumerate()
        .map(|(who, person)| {
            let store = MemoryStore::new();
            // Clones of a memory store share its entries, so `store` sees what the vault writes.
            let mut vault = Vault::open(store.clone(), Box::new(Rng::new(who as u64)), "seed-tab")
                .expect("vault");
            let mut me = StoredIdentity::new(person.key_seed.clone());
            me.name = person.name.into();
            identity::save_identity(&mut vault, &me, now()).expect("identity saved");
            let me = Recipient {
                identity: &person.identity,
                name: person.name,
                staff_id: &person.staff_id,
            };
            match who {
                JO => reviews::start_review(
                    &mut vault,
                    common::statement_for_comment().review,
                    &[],
                    "jo-tab",
                    now(),
                )
                .expect("review started"),
                _ => {
                    let wanted = match who {
                        SAM => "invitation, signed",
                        HEAD => "final statement, signed",
                        _ => "fixture golden-training-needs.json",
                    };
                    let seed = seeds
                        .iter()
                        .find(|seed| seed.label == wanted)
                        .expect("the seed that brings the review");
                    let Ok(Received::Bundle(bundle)) =
                        open_any(&seed.file, &me, &Contacts::default())
                    else {
                        panic!("{wanted} opens as a bundle");
                    };
                    importing::import(&mut vault, &bundle, now()).expect("it imports");
                }
            }
            [Snapshot::new(), snapshot_of(&store)]
        })
        .collect()
}

/// Contacts to open with: none yet, everyone confirmed, or everyone confirmed with other keys.
fn contact_sets(people: &[Person]) -> [Contacts; 3] {
    let mut right = Contacts::default();
    let mut wrong = Contacts::default();
    let stranger = common::stranger().public_keys();
    for person in people {
        right.pin(
            person.name,
            None,
            person.identity.public_keys(),
            HowVerified::InPerson,
            0,
        );
        wrong.pin(person.name, None, stranger, HowVerified::ByPhone, 0);
    }
    [Contacts::default(), right, wrong]
}

// ---------------------------------------------------------------------------------------------
// Mutations.

/// What was done to an input: its family (for the tallies), a detail, and anything stacked on.
struct Mutation {
    family: String,
    detail: String,
    extras: Vec<String>,
}

impl Mutation {
    fn new(family: impl Into<String>) -> Mutation {
        Mutation {
            family: family.into(),
            detail: String::new(),
            extras: Vec::new(),
        }
    }

    fn describe(&self) -> String {
        let mut text = self.family.clone();
        if !self.detail.is_empty() {
            text.push_str(", ");
            text.push_str(&self.detail);
        }
        for extra in &self.extras {
            text.push_str(" + ");
            text.push_str(extra);
        }
        text
    }
}

/// Bytes and text that make a parser's life hard, inserted raw.
const RAW_TOKENS: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"",
    b"\\",
    b",",
    b":",
    b"\\u",
    b"\\ud800",
    b"\0",
    b"\xff",
    b"\xc0\x80",
    b"\xed\xa0\x80",
    b"\xef\xbb\xbf",
    b"\xe2\x80\xae",
    b"\r\n",
    b"\n--",
    b"\n\n",
    b"null",
    b"1e400",
    b"-0",
    b"From: x\nContent-Type: text/plain\n",
];

/// Unusual text for string fields and keys.
const ODD_TEXT: &[&str] = &[
    "\u{202E}",
    "\u{202D}evil\u{202C}",
    "\u{2066}\u{2069}",
    "\0",
    "\u{FEFF}",
    "\u{200B}\u{200D}",
    "e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}",
    "👩🏽‍🏫",
    "🏳️‍🌈",
    "\u{1F600}",
    "\u{FFFD}",
    "\u{FFFF}",
    "\u{10FFFF}",
    "İı",
    "ß",
    "ﬃ",
    "\r\n",
    "\t",
    "\u{7F}\u{85}",
    "\u{2028}\u{2029}",
    "𝒜𝓅𝓅𝓇𝒶𝒾𝓈ℯ",
    "\\",
    "\"",
    "</script><script>",
    "%s%n%x",
    "../../",
    " ",
    "",
];

/// String literals a Rust string cannot hold (lone surrogates) and bad escapes, spliced raw.
const RAW_STRINGS: &[&str] = &[
    r#""\ud800""#,
    r#""\udc00""#,
    r#""\ud800\ud800""#,
    r#""x\ud83dy""#,
    r#""\udbff\u0041""#,
    r#""\u0000""#,
    r#""\uZZZZ""#,
    r#""\x41""#,
    r#""\u12""#,
    "\"tab\tinside\"",
    "\"new\nline\"",
    r#""unterminated\"#,
    r#""\""#,
];

/// Numbers at and past the edges of what the fields can hold, spliced raw.
const ODD_NUMBERS: &[&str] = &[
    "1e400",
    "-1e400",
    "1e-400",
    "-0",
    "-0.0",
    "0e0",
    "1E+2",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775808",
    "-9223372036854775809",
    "9223372036854775807",
    "4294967295",
    "4294967296",
    "-1",
    "1.5",
    "9007199254740993",
    "1.7976931348623157e308",
    "4.9e-324",
    "123456789012345678901234567890123456789",
    "01",
    "1.",
    ".5",
    "+1",
    "NaN",
    "Infinity",
    "0x10",
    "-",
];

fn insert_at_char_boundary(text: &str, at: usize, piece: &str) -> String {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let mut out = String::with_capacity(text.len() + piece.len());
    out.push_str(&text[..at]);
    out.push_str(piece);
    out.push_str(&text[at..]);
    out
}

/// Whitespace between the lines of pretty JSON.
const LINE_GAPS: &[&[u8]] = &[b"  ", b"\t", b"\r\n", b" \n "];
/// Bytes put before a file: a byte order mark, whitespace, junk.
const PREFIXES: &[&[u8]] = &[
    b"\xef\xbb\xbf",
    b"  \n\t",
    b"\xff\xfe",
    b"\0",
    b"garbage\n",
    b"\xe2\x80\xae",
];
/// Bytes put after a file.
const SUFFIXES: &[&[u8]] = &[b"\n", b"\n\n  ", b"}", b",", b"\0", b"{}", b"\xff"];

/// Damages raw bytes; `may_pad` allows padding past the size limit, which is only worth its
/// cost on the outermost layer (inside, it is refused the same way once sealed).
fn mutate_raw(bytes: &mut Vec<u8>, may_pad: bool, rng: &mut Rng) -> (&'static str, String) {
    let len = bytes.len();
    match rng.below(12) {
        0 => {
            let n = 1 + rng.below(8);
            for _ in 0..n {
                if len > 0 {
                    let at = rng.below(len);
                    bytes[at] ^= 1 << rng.below(8);
                }
            }
            ("raw: bits flipped", format!("{n}"))
        }
        1 => {
            let n = 1 + rng.below(16);
            let at = rng.below(len + 1);
            let inserted: Vec<u8> = (0..n).map(|_| rng.byte()).collect();
            bytes.splice(at..at, inserted);
            ("raw: random bytes inserted", format!("{n} at {at}"))
        }
        2 => {
            let token = *rng.pick(RAW_TOKENS);
            let at = rng.below(len + 1);
            bytes.splice(at..at, token.iter().copied());
            ("raw: token inserted", format!("at {at}"))
        }
        3 => {
            let at = rng.below(len + 1);
            let most = if rng.chance(80) { 16 } else { 4096 };
            let n = (1 + rng.below(most)).min(len - at);
            bytes.drain(at..at + n);
            ("raw: bytes deleted", format!("{n} at {at}"))
        }
        4 => {
            let at = rng.below(len + 1);
            bytes.truncate(at);
            ("raw: truncated", format!("to {at} bytes"))
        }
        5 => {
            let from = rng.below(len + 1);
            let n = rng.below(512).min(len - from);
            let chunk = bytes[from..from + n].to_vec();
            let at = rng.below(len + 1);
            bytes.splice(at..at, chunk);
            ("raw: chunk duplicated", format!("{n} bytes"))
        }
        6 => {
            // Whitespace at the start of lines of pretty JSON sits between tokens: harmless.
            let mut out = Vec::with_capacity(len + 64);
            for &byte in bytes.iter() {
                out.push(byte);
                if byte == b'\n' && rng.chance(30) {
                    let gap = *rng.pick(LINE_GAPS);
                    out.extend_from_slice(gap);
                }
            }
            *bytes = out;
            ("raw: whitespace between lines", String::new())
        }
        7 => {
            let mut out = Vec::with_capacity(len + len / 16);
            for &byte in bytes.iter() {
                if byte == b'\n' {
                    out.push(b'\r');
                }
                out.push(byte);
            }
            *bytes = out;
            ("raw: CRLF line endings", String::new())
        }
        8 => {
            let prefix = *rng.pick(PREFIXES);
            bytes.splice(0..0, prefix.iter().copied());
            ("raw: bytes before the file", String::new())
        }
        9 => {
            let suffix = *rng.pick(SUFFIXES);
            bytes.extend_from_slice(suffix);
            ("raw: bytes after the file", String::new())
        }
        10 if may_pad && rng.chance(5) => {
            let target = MAX_FILE_BYTES + 1 - len.min(MAX_FILE_BYTES);
            bytes.extend(std::iter::repeat_n(b' ', target));
            ("raw: padded past the size limit", String::new())
        }
        _ => {
            let a = rng.below(len + 1);
            let b = rng.below(len + 1);
            let (a, b) = (a.min(b), a.max(b));
            let n = rng.below(256).min(b - a).min(len - b);
            for i in 0..n {
                bytes.swap(a + i, b + i);
            }
            ("raw: chunks swapped", format!("{n} bytes"))
        }
    }
}

/// Damage to base64 text: (new text, what was done).
fn damage_base64(text: &str, rng: &mut Rng) -> (String, &'static str) {
    let bytes = URL_SAFE_NO_PAD.decode(text).ok();
    match rng.below(11) {
        0 => {
            let swapped: String = text
                .chars()
                .map(|c| match c {
                    '-' => '+',
                    '_' => '/',
                    other => other,
                })
                .collect();
            let text = if swapped == text {
                bytes.map_or(swapped, |b| STANDARD.encode(b))
            } else {
                swapped
            };
            (text, "base64 wrong alphabet")
        }
        1 => {
            let pad = *rng.pick(&["=", "==", "===", "A==", "=A"]);
            (format!("{text}{pad}"), "base64 padding")
        }
        2 => {
            let mut text = text.to_owned();
            if rng.chance(50) {
                text.pop();
            } else {
                text.push(*rng.pick(&['A', 'Q', '_', '-']));
            }
            (text, "base64 length")
        }
        3 => {
            let at = rng.below(text.len() + 1);
            let piece = *rng.pick(&[" ", "\n", "\r\n", "\t", "!", ".", "é", "\0", "=", "+", "/"]);
            (
                insert_at_char_boundary(text, at, piece),
                "base64 bad character",
            )
        }
        4 => {
            // A valid character changed: well-formed base64 of different bytes.
            const ALPHABET: &[u8] =
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            let mut chars = text.as_bytes().to_vec();
            if !chars.is_empty() {
                let at = rng.below(chars.len());
                chars[at] = *rng.pick(ALPHABET);
            }
            (
                String::from_utf8(chars).unwrap_or_default(),
                "base64 character changed",
            )
        }
        5 => {
            // An earlier stacked mutation may have put non-ASCII text here.
            let mut keep = rng.below(text.len() + 1);
            while !text.is_char_boundary(keep) {
                keep -= 1;
            }
            (text[..keep].to_owned(), "base64 truncated")
        }
        6 => (format!("{text}{text}"), "base64 doubled"),
        7 => (String::new(), "base64 emptied"),
        8 => {
            // The unused low bits of the last character set: strict decoders refuse them, lax
            // ones ignore them, so two readers could disagree about the same text.
            const ALPHABET: &[u8] =
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            let mut chars = text.as_bytes().to_vec();
            if chars.len().is_multiple_of(4) {
                // No unused bits at this length: one character fewer leaves two of them, now
                // holding data bits.
                chars.pop();
            } else if let Some(last) = chars.last_mut()
                && let Some(at) = ALPHABET.iter().position(|c| c == last)
            {
                *last = ALPHABET[at | 1];
            }
            (
                String::from_utf8(chars).unwrap_or_default(),
                "base64 non-canonical trailing bits",
            )
        }
        9 => {
            let text = bytes.map_or_else(|| text.to_owned(), |b| STANDARD.encode(b));
            (text, "base64 standard alphabet with padding")
        }
        _ => {
            let text = bytes.map_or_else(
                || text.to_owned(),
                |mut b| {
                    if !b.is_empty() {
                        let at = rng.below(b.len());
                        b[at] ^= 1 << rng.below(8);
                    }
                    URL_SAFE_NO_PAD.encode(b)
                },
            );
            (text, "base64 decoded bit flipped")
        }
    }
}

/// Text that stands for a raw splice until the document is serialised.
fn marker(splices: &[(String, String)]) -> String {
    format!("@@fuzz-splice-{}@@", splices.len())
}

fn split_parent(path: &str) -> Option<(&str, String)> {
    let at = path.rfind('/')?;
    Some((&path[..at], unescape_pointer(&path[at + 1..])))
}

fn different_type(value: &Value, rng: &mut Rng) -> Value {
    loop {
        let candidate = match rng.below(9) {
            0 => Value::String(String::new()),
            1 => Value::String("x".into()),
            2 => Value::from(0),
            3 => Value::from(rng.below(1000) as i64 - 500),
            4 => Value::from(1.5),
            5 => Value::Bool(rng.chance(50)),
            6 => Value::Null,
            7 => Value::Array(if rng.chance(50) {
                Vec::new()
            } else {
                vec![value.clone()]
            }),
            _ => {
                let mut map = serde_json::Map::new();
                if rng.chance(50) {
                    map.insert("x".into(), value.clone());
                }
                Value::Object(map)
            }
        };
        let same = std::mem::discriminant(&candidate) == std::mem::discriminant(value);
        if !same {
            return candidate;
        }
    }
}

fn deep_nesting(depth: usize, rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => format!("{}{}", "[".repeat(depth), "]".repeat(depth)),
        1 => format!("{}null{}", "{\"a\":".repeat(depth), "}".repeat(depth)),
        2 => format!(
            "{}0{}",
            "[{\"a\":".repeat(depth / 2),
            "}]".repeat(depth / 2)
        ),
        _ => "[".repeat(depth),
    }
}

fn huge_string(rng: &mut Rng) -> String {
    let length = match rng.below(100) {
        0..=79 => 4096 + rng.below(60_000),
        80..=97 => 256 * 1024,
        _ => 1_500_000 + rng.below(1_500_000),
    };
    let unit = *rng.pick(&["a", "é", "\u{202E}", "👩🏽‍🏫", "\\", "\"", "\0", "ab "]);
    unit.repeat(length / unit.len().max(1))
}

/// One mutation of a JSON document in place; raw text goes to `splices`. Returns its name.
fn mutate_value(
    value: &mut Value,
    doc: &Doc,
    splices: &mut Vec<(String, String)>,
    rng: &mut Rng,
) -> (&'static str, String) {
    let any_path = |rng: &mut Rng| rng.pick(&doc.all).clone();
    match rng.below(100) {
        0..=12 => {
            let path = any_path(rng);
            if let Some(node) = value.pointer_mut(&path) {
                *node = different_type(node, rng);
            }
            ("type swap", path)
        }
        13..=19 if !doc.members.is_empty() => {
            let path = rng.pick(&doc.members).clone();
            if let Some((parent, key)) = split_parent(&path)
                && let Some(Value::Object(map)) = value.pointer_mut(parent)
            {
                map.remove(&key);
            }
            ("key removed", path)
        }
        20..=26 if !doc.members.is_empty() => {
            // serde_json's maps cannot hold a key twice: a marker key is renamed in the text.
            let path = rng.pick(&doc.members).clone();
            let twin = value.pointer(&path).cloned().unwrap_or(Value::Null);
            let twin = if rng.chance(50) {
                twin
            } else {
                different_type(&twin, rng)
            };
            if let Some((parent, key)) = split_parent(&path)
                && let Some(Value::Object(map)) = value.pointer_mut(parent)
            {
                let name = marker(splices);
                map.insert(name.clone(), twin);
                let quoted = serde_json::to_string(&key).unwrap_or_default();
                splices.push((format!("\"{name}\""), quoted));
            }
            ("key duplicated", path)
        }
        27..=31 if !doc.elements.is_empty() => {
            let path = rng.pick(&doc.elements).clone();
            if let Some((parent, index)) = split_parent(&path)
                && let Ok(index) = index.parse::<usize>()
                && let Some(Value::Array(items)) = value.pointer_mut(parent)
                && index < items.len()
            {
                match rng.below(3) {
                    0 => {
                        items.remove(index);
                    }
                    1 => {
                        let copy = items[index].clone();
                        items.insert(index, copy);
                    }
                    _ => items.truncate(index),
                }
            }
            ("array element removed or duplicated", path)
        }
        32..=36 => {
            let depth = *rng.pick(&[64, 127, 128, 129, 500, 2_000, 10_000, 100_000]);
            let path = any_path(rng);
            if let Some(node) = value.pointer_mut(&path) {
                let name = marker(splices);
                *node = Value::String(name.clone());
                splices.push((format!("\"{name}\""), deep_nesting(depth, rng)));
            }
            ("deep nesting", format!("{depth} levels at {path}"))
        }
        37..=46 => {
            let number = *rng.pick(ODD_NUMBERS);
            let path = any_path(rng);
            if let Some(node) = value.pointer_mut(&path) {
                let name = marker(splices);
                *node = Value::String(name.clone());
                splices.push((format!("\"{name}\""), number.to_owned()));
            }
            ("odd number", format!("{number} at {path}"))
        }
        47..=48 => {
            let path = any_path(rng);
            let text = huge_string(rng);
            let detail = format!("{} bytes at {path}", text.len());
            if let Some(node) = value.pointer_mut(&path) {
                *node = Value::String(text);
            }
            ("huge string", detail)
        }
        49..=62 if !doc.strings.is_empty() => {
            let path = rng.pick(&doc.strings).clone();
            let odd = if rng.chance(10) {
                format!("a{}", "\u{301}".repeat(1 + rng.below(5000)))
            } else {
                (*rng.pick(ODD_TEXT)).to_owned()
            };
            if let Some(Value::String(text)) = value.pointer_mut(&path) {
                *text = match rng.below(3) {
                    0 => odd,
                    1 => format!("{text}{odd}"),
                    _ => insert_at_char_boundary(text, rng.below(text.len() + 1), &odd),
                };
            }
            ("unusual Unicode", path)
        }
        63..=67 => {
            let literal = *rng.pick(RAW_STRINGS);
            let path = any_path(rng);
            if let Some(node) = value.pointer_mut(&path) {
                let name = marker(splices);
                *node = Value::String(name.clone());
                splices.push((format!("\"{name}\""), literal.to_owned()));
            }
            (
                "lone surrogate or bad escape",
                format!("{literal} at {path}"),
            )
        }
        68..=79 if !doc.base64.is_empty() => {
            let path = rng.pick(&doc.base64).clone();
            let mut what = "base64 damage";
            if let Some(Value::String(text)) = value.pointer_mut(&path) {
                let (damaged, how) = damage_base64(text, rng);
                *text = damaged;
                what = how;
            }
            (what, path)
        }
        80..=84 if !doc.members.is_empty() => {
            let path = rng.pick(&doc.members).clone();
            if let Some((parent, key)) = split_parent(&path)
                && let Some(Value::Object(map)) = value.pointer_mut(parent)
                && let Some(child) = map.remove(&key)
            {
                let renamed = match rng.below(4) {
                    0 => key.to_uppercase(),
                    1 => format!("{key} "),
                    2 => {
                        let odd = *rng.pick(ODD_TEXT);
                        insert_at_char_boundary(&key, rng.below(key.len() + 1), odd)
                    }
                    _ => String::new(),
                };
                map.insert(renamed, child);
            }
            ("key renamed", path)
        }
        85..=88 => {
            let path = any_path(rng);
            if let Some(node) = value.pointer_mut(&path) {
                *node = match rng.below(3) {
                    0 => Value::Object(serde_json::Map::new()),
                    1 => Value::Array(Vec::new()),
                    _ => Value::String(String::new()),
                };
            }
            ("emptied", path)
        }
        89..=93 => {
            // A value from elsewhere in the same document: well-typed often enough to get far.
            let from = any_path(rng);
            let to = any_path(rng);
            let moved = value.pointer(&from).cloned();
            if let (Some(moved), Some(node)) = (moved, value.pointer_mut(&to)) {
                *node = moved;
            }
            ("value from elsewhere", format!("{from} to {to}"))
        }
        _ => ("re-serialised as is", String::new()),
    }
}

/// Mutates a document (sometimes more than once) and serialises it, compact or pretty, with the
/// raw splices in place. Returns the text, the first mutation's name and its detail.
fn mutate_doc(doc: &Doc, rng: &mut Rng) -> (Vec<u8>, &'static str, String) {
    let mut value = doc.value.clone();
    let mut splices = Vec::new();
    let (name, detail) = mutate_value(&mut value, doc, &mut splices, rng);
    let mut detail = detail;
    if rng.chance(15) {
        for _ in 0..1 + rng.below(3) {
            let (more, _) = mutate_value(&mut value, doc, &mut splices, rng);
            detail.push_str(" + ");
            detail.push_str(more);
        }
    }
    let mut text = if rng.chance(50) {
        serde_json::to_string_pretty(&value)
    } else {
        serde_json::to_string(&value)
    }
    .unwrap_or_default();
    for (quoted, raw) in &splices {
        text = text.replacen(quoted.as_str(), raw, 1);
    }
    (text.into_bytes(), name, detail)
}

fn reseal(envelope: &[u8], keys: &[PublicKeys], rng: &mut Rng) -> Vec<u8> {
    serde_json::to_string_pretty(&sealed::seal(envelope, keys, rng))
        .unwrap_or_default()
        .into_bytes()
}

/// The generated input and how it was made.
struct Input {
    bytes: Vec<u8>,
    mutation: Mutation,
}

fn mutate_outer(seed: &Seed, rng: &mut Rng) -> Input {
    match &seed.outer {
        Some(doc) if rng.chance(90) => {
            let (bytes, name, detail) = mutate_doc(doc, rng);
            let mut mutation = Mutation::new(format!("json: {name}"));
            mutation.detail = detail;
            Input { bytes, mutation }
        }
        _ => mutate_raw_input(seed, rng),
    }
}

fn mutate_raw_input(seed: &Seed, rng: &mut Rng) -> Input {
    let mut bytes = seed.file.clone();
    let (name, detail) = mutate_raw(&mut bytes, true, rng);
    let mut mutation = Mutation::new(name);
    mutation.detail = detail;
    Input { bytes, mutation }
}

/// The decrypted envelope mutated (as JSON, or as bytes) and sealed again to the same people.
fn mutate_inner(seed: &Seed, rng: &mut Rng) -> Option<Input> {
    let (doc, text) = seed.inner.as_ref()?;
    let keys = seed.sealed_to.as_ref()?;
    let (bytes, family, detail) = if rng.chance(75) {
        let (bytes, name, detail) = mutate_doc(doc, rng);
        (bytes, format!("inner json: {name}"), detail)
    } else {
        let mut bytes = text.clone();
        let (name, detail) = mutate_raw(&mut bytes, false, rng);
        (bytes, format!("inner {name}"), detail)
    };
    let mut mutation = Mutation::new(family);
    mutation.detail = detail;
    Some(Input {
        bytes: reseal(&bytes, keys, rng),
        mutation,
    })
}

/// The signed payload mutated, signed again by its signer (and sealed again if it was), so the
/// mutation reaches the payload's reader and the import.
fn mutate_payload(seed: &Seed, people: &[Person], rng: &mut Rng) -> Option<Input> {
    let (doc, payload_type) = seed.payload.as_ref()?;
    let signer = &people[seed.signer?].identity;
    let (payload, name, detail) = mutate_doc(doc, rng);
    let signed = envelope::sign(&payload, payload_type, signer);
    let envelope = if rng.chance(50) {
        serde_json::to_string_pretty(&signed)
    } else {
        serde_json::to_string(&signed)
    }
    .unwrap_or_default()
    .into_bytes();
    // Sealing again costs as much as all the rest, and a payload is read the same way once
    // decrypted, so most re-signed payloads of encrypted seeds travel signed only.
    let bytes = match &seed.sealed_to {
        Some(keys) if rng.chance(25) => reseal(&envelope, keys, rng),
        _ => envelope,
    };
    let mut mutation = Mutation::new(format!("payload json: {name}"));
    mutation.detail = detail;
    Some(Input { bytes, mutation })
}

fn wrap_lines(text: &str, width: usize, eol: &str) -> String {
    let lines: Vec<&str> = text
        .as_bytes()
        .chunks(width.max(1))
        .map(|chunk| std::str::from_utf8(chunk).unwrap_or_default())
        .collect();
    lines.join(eol)
}

/// Quoted-printable as mail clients write it: lines of at most 76 with `=` soft breaks.
fn quoted_printable(bytes: &[u8], eol: &str) -> String {
    let mut out = String::with_capacity(bytes.len() * 11 / 10);
    let mut line = 0;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        i += 1;
        if byte == b'\r' && bytes.get(i) == Some(&b'\n') {
            continue;
        }
        if byte == b'\n' {
            out.push_str(eol);
            line = 0;
            continue;
        }
        let piece = if (33..=126).contains(&byte) && byte != b'=' || byte == b' ' {
            (byte as char).to_string()
        } else {
            format!("={byte:02X}")
        };
        if line + piece.len() > 75 {
            out.push('=');
            out.push_str(eol);
            line = 0;
        }
        line += piece.len();
        out.push_str(&piece);
    }
    out
}

fn email_headers(content_type: &str, eol: &str, rng: &mut Rng) -> String {
    let mut headers = vec![
        "Return-Path: <jo@school.example>".to_owned(),
        "From: Jo Lee <jo@school.example>".to_owned(),
        "To: Sam Patel <sam@school.example>".to_owned(),
        "Subject: Your statement for comment".to_owned(),
        "Date: Sun, 22 Nov 2026 09:41:00 +0000".to_owned(),
        "MIME-Version: 1.0".to_owned(),
        format!("Content-Type: {content_type}"),
    ];
    if rng.chance(30) {
        headers.remove(0);
    }
    if rng.chance(20) {
        headers.reverse();
    }
    headers.join(eol)
}

/// The file wrapped in an email, as a saved `.eml`: (email, what kind of wrapping).
fn wrap_in_email(file: &[u8], rng: &mut Rng) -> (Vec<u8>, &'static str) {
    let eol = if rng.chance(50) { "\r\n" } else { "\n" };
    let b = *rng.pick(&[
        "XYZ",
        "----=_Part_1234_5678.1795000000000",
        "=_b0undary",
        "simple boundary",
        "--",
    ]);
    let text = String::from_utf8_lossy(file).into_owned();
    let base64 = wrap_lines(&STANDARD.encode(file), 76, eol);
    let attachment = |encoding: &str, body: &str, charset: &str| {
        format!(
            "--{b}{eol}Content-Type: application/json; {charset}name=\"appraise-statement.json\"{eol}Content-Disposition: attachment; filename=\"appraise-statement.json\"{eol}Content-Transfer-Encoding: {encoding}{eol}{eol}{body}{eol}"
        )
    };
    let note = format!(
        "--{b}{eol}Content-Type: text/plain; charset=utf-8{eol}{eol}Here is your statement for comment.{eol}"
    );
    let multipart = |parts: &str, rng: &mut Rng| {
        format!(
            "{}{eol}{eol}This is a multi-part message in MIME format.{eol}{parts}--{b}--{eol}",
            email_headers(&format!("multipart/mixed; boundary=\"{b}\""), eol, rng)
        )
    };
    let (email, kind): (String, &'static str) = match rng.below(16) {
        0 | 1 => (
            multipart(&format!("{note}{}", attachment("base64", &base64, "")), rng),
            "email: base64 attachment",
        ),
        2 | 3 => (
            format!(
                "{}{eol}{eol}Here it is:{eol}{text}{eol}Thanks{eol}",
                email_headers("text/plain; charset=utf-8", eol, rng)
            ),
            "email: pasted in the body",
        ),
        4 => (
            multipart(
                &format!(
                    "{note}{}",
                    attachment("quoted-printable", &quoted_printable(file, eol), "")
                ),
                rng,
            ),
            "email: quoted-printable attachment",
        ),
        5 => (
            format!(
                "{}{eol}Content-Transfer-Encoding: quoted-printable{eol}{eol}Here it is:{eol}{}{eol}",
                email_headers("text/plain; charset=utf-8", eol, rng),
                quoted_printable(file, eol)
            ),
            "email: quoted-printable body",
        ),
        6 => {
            let inner = "INNER-b";
            let nested = format!(
                "--{b}{eol}Content-Type: multipart/alternative; boundary=\"{inner}\"{eol}{eol}--{inner}{eol}Content-Type: text/plain{eol}{eol}Hello{eol}--{inner}{eol}Content-Type: multipart/related; boundary=\"deeper\"{eol}{eol}--deeper{eol}Content-Type: application/json{eol}Content-Transfer-Encoding: base64{eol}{eol}{base64}{eol}--deeper--{eol}--{inner}--{eol}"
            );
            (multipart(&nested, rng), "email: nested multiparts")
        }
        7 => {
            let body = format!("{note}{}", attachment("base64", &base64, ""));
            (
                format!(
                    "{}{eol}{eol}{body}",
                    email_headers(&format!("multipart/mixed; boundary=\"{b}\""), eol, rng)
                ),
                "email: missing closing boundary",
            )
        }
        8 => {
            let body = format!("{note}{}--{b}--{eol}", attachment("base64", &base64, ""));
            (
                format!(
                    "{}{eol}{eol}{body}",
                    email_headers("multipart/mixed", eol, rng)
                ),
                "email: no boundary parameter",
            )
        }
        9 => {
            let body = format!("{note}{}--{b}--{eol}", attachment("base64", &base64, ""));
            (
                format!(
                    "{}{eol}{eol}{body}",
                    email_headers("multipart/mixed; boundary=\"other\"", eol, rng)
                ),
                "email: boundary mismatch",
            )
        }
        10 => {
            // Declared as one charset, written in another.
            let headers = email_headers("text/plain; charset=utf-16le", eol, rng);
            let mut bytes = format!("{headers}{eol}{eol}").into_bytes();
            if rng.chance(50) {
                bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            } else {
                bytes.extend(
                    text.chars()
                        .map(|c| if c.is_ascii() { c as u8 } else { b'?' }),
                );
                bytes.extend_from_slice("\u{e9}\u{202E}".as_bytes());
            }
            return (bytes, "email: wrong charset");
        }
        11 => {
            let bad_break = *rng.pick(&["= \n", "=\r", "\n", "=", "=G1\n"]);
            let broken = quoted_printable(file, eol).replace(&format!("={eol}"), bad_break);
            (
                multipart(
                    &format!("{note}{}", attachment("quoted-printable", &broken, "")),
                    rng,
                ),
                "email: broken quoted-printable soft breaks",
            )
        }
        12 => {
            let damaged = match rng.below(5) {
                0 => wrap_lines(&STANDARD_NO_PAD.encode(file), 76, eol),
                1 => wrap_lines(&URL_SAFE_NO_PAD.encode(file), 76, eol),
                2 => wrap_lines(&STANDARD.encode(file), 1 + rng.below(200), eol),
                3 => insert_at_char_boundary(&base64, rng.below(base64.len() + 1), "!*"),
                _ => base64[..rng.below(base64.len() + 1)].to_owned(),
            };
            (
                multipart(
                    &format!("{note}{}", attachment("base64", &damaged, "")),
                    rng,
                ),
                "email: damaged base64",
            )
        }
        13 => {
            let header = *rng.pick(&[
                "Content-Transfer-Encoding:base64",
                "CONTENT-TRANSFER-ENCODING: BASE64",
                "Content-Transfer-Encoding:\tbase64",
                "Content-Transfer-Encoding:\r\n base64",
                "Content-Transfer-Encoding: \"base64\"",
            ]);
            let part = format!(
                "--{b}{eol}Content-Type: application/json{eol}{header}{eol}{eol}{base64}{eol}"
            );
            (
                multipart(&format!("{note}{part}"), rng),
                "email: odd headers",
            )
        }
        14 => {
            let escaped = text
                .replace('&', "&amp;")
                .replace('"', "&quot;")
                .replace('<', "&lt;");
            (
                format!(
                    "{}{eol}{eol}<html><body><pre>{escaped}</pre></body></html>{eol}",
                    email_headers("text/html; charset=utf-8", eol, rng)
                ),
                "email: html body",
            )
        }
        _ => {
            let half = &file[..file.len() / 2];
            let first = attachment("base64", &wrap_lines(&STANDARD.encode(half), 76, eol), "");
            let second = attachment("8bit", &text, "charset=iso-8859-1; ");
            (
                multipart(&format!("{first}{second}{note}"), rng),
                "email: damaged then good attachment",
            )
        }
    };
    (email.into_bytes(), kind)
}

fn generate(seed: &Seed, people: &[Person], rng: &mut Rng) -> Input {
    let roll = rng.below(100);
    let mut input = match roll {
        0..=17 => mutate_raw_input(seed, rng),
        18..=32 => mutate_outer(seed, rng),
        33..=42 => mutate_inner(seed, rng).unwrap_or_else(|| mutate_outer(seed, rng)),
        43..=74 => mutate_payload(seed, people, rng).unwrap_or_else(|| mutate_outer(seed, rng)),
        _ => {
            // The seed itself, or an input already mutated at another layer, sent by email.
            let (inner, underneath) = if rng.chance(65) {
                (seed.file.clone(), None)
            } else {
                let inner = match rng.below(3) {
                    0 => mutate_raw_input(seed, rng),
                    1 => mutate_outer(seed, rng),
                    _ => {
                        mutate_payload(seed, people, rng).unwrap_or_else(|| mutate_outer(seed, rng))
                    }
                };
                (inner.bytes, Some(inner.mutation.describe()))
            };
            let (bytes, kind) = wrap_in_email(&inner, rng);
            let mut mutation = Mutation::new(kind);
            if let Some(underneath) = underneath {
                mutation.detail = format!("around {underneath}");
            }
            Input { bytes, mutation }
        }
    };
    if rng.chance(8) {
        let (name, _) = mutate_raw(&mut input.bytes, true, rng);
        input.mutation.extras.push(name.to_owned());
    }
    input
}

// ---------------------------------------------------------------------------------------------
// Running.

/// Where the current input has got to, for a panic's report.
#[derive(Clone, Copy)]
enum Stage {
    Mutating,
    Opening,
    Importing,
}

impl Stage {
    fn name(self) -> &'static str {
        match self {
            Stage::Mutating => "mutating",
            Stage::Opening => "opening",
            Stage::Importing => "importing",
        }
    }
}

struct Outcome {
    opened: bool,
    imported: Option<bool>,
    preview_differed: bool,
}

fn process(
    bytes: &[u8],
    reader: &Person,
    contacts: &Contacts,
    snapshot: &Snapshot,
    vault_seed: u64,
    stage: &Cell<Stage>,
) -> Outcome {
    stage.set(Stage::Opening);
    let me = Recipient {
        identity: &reader.identity,
        name: reader.name,
        staff_id: &reader.staff_id,
    };
    let Ok(opened) = open_file(bytes, &me, contacts) else {
        return Outcome {
            opened: false,
            imported: None,
            preview_differed: false,
        };
    };
    stage.set(Stage::Importing);
    let mut vault = vault_from(snapshot, vault_seed);
    let bundle = match opened {
        Opened::Settings(settings) => {
            let _ = appraise::use_cases::school::preview_settings(&vault, &settings);
            let used = appraise::use_cases::school::use_settings(
                &mut vault,
                &settings,
                Some(HowVerified::InPerson),
                now(),
            );
            return Outcome {
                opened: true,
                imported: Some(used.is_ok()),
                preview_differed: false,
            };
        }
        Opened::ReviewerRequest(request) => {
            let kept =
                appraise::use_cases::reviewer_requests::keep_request(&mut vault, &request, now());
            return Outcome {
                opened: true,
                imported: Some(kept.is_ok()),
                preview_differed: false,
            };
        }
        Opened::Received(Received::Bundle(bundle)) => bundle,
        Opened::Received(Received::Card(card)) => {
            let added = identity::add_card(&mut vault, &card, HowVerified::InPerson, now())
                .and_then(|()| identity::contacts(&vault));
            return Outcome {
                opened: true,
                imported: Some(added.is_ok()),
                preview_differed: false,
            };
        }
    };
    let _ = importing::already_imported(&vault, &bundle.payload().bundle_id);
    let preview = importing::preview_import(&vault, &bundle);
    let imported = importing::import(&mut vault, &bundle, now());
    let preview_differed = matches!((&preview, &imported), (Ok(p), Ok(i)) if p != i);
    if imported.is_ok() && vault_seed.is_multiple_of(4) {
        // Undoing must work on whatever was let in; a quarter of the imports are enough to show
        // it, and undoing costs as much as importing.
        let _ = importing::undo_import(&mut vault, &bundle.payload().bundle_id, now());
    }
    Outcome {
        opened: true,
        imported: Some(imported.is_ok()),
        preview_differed,
    }
}

/// The input being processed: (index, mutation, bytes, where to save it).
type InFlight = (u64, String, Vec<u8>, PathBuf);

thread_local! {
    /// The message of the last panic on this thread, left by the hook for the catcher.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
    /// In a `panic = "abort"` build the hook is the last code to run: it saves the input itself.
    static CURRENT: RefCell<Option<InFlight>> = const { RefCell::new(None) };
}

fn panic_message(info: &panic::PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    let text = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_owned());
    match info.location() {
        Some(at) => format!("{text} (at {}:{})", at.file(), at.line()),
        None => text,
    }
}

/// Saves a panicking input as `<n>.bin` (and what is known of it as `<n>.txt`), numbering
/// across threads; the first save of a run clears files an earlier run left.
fn save_panic(dir: &Path, saved: &Mutex<usize>, bytes: &[u8], about: &str) -> Option<PathBuf> {
    let mut saved = saved.lock().unwrap_or_else(|e| e.into_inner());
    if *saved == 0
        && let Ok(entries) = std::fs::read_dir(dir)
    {
        for entry in entries.flatten() {
            let path = entry.path();
            if path
                .extension()
                .is_some_and(|ext| ext == "bin" || ext == "txt")
            {
                let _ = std::fs::remove_file(path);
            }
        }
    }
    *saved += 1;
    std::fs::create_dir_all(dir).ok()?;
    let path = dir.join(format!("{}.bin", *saved));
    std::fs::write(&path, bytes).ok()?;
    let _ = std::fs::write(dir.join(format!("{}.txt", *saved)), about);
    Some(path)
}

/// How far a run has got, for progress lines.
pub struct Progress {
    pub inputs: u64,
    pub panics: u64,
    pub opened: u64,
    pub elapsed: Duration,
}

/// What the threads of a run share.
struct Shared<'a> {
    config: &'a Config,
    saved: Mutex<usize>,
    inputs: AtomicU64,
    panics: AtomicU64,
    opened: AtomicU64,
}

/// Prints how far a run has got, on standard error.
pub fn print_progress(so_far: &Progress) {
    eprintln!(
        "… {} inputs, {} panics, {} opened, {:.0} s",
        so_far.inputs,
        so_far.panics,
        so_far.opened,
        so_far.elapsed.as_secs_f64()
    );
}

/// Runs the fuzzer, on `config.threads` threads; `progress` is called about every
/// `config.progress_every` inputs. Input `n` is the same whatever the number of threads.
pub fn run(config: &Config, progress: &mut dyn FnMut(&Progress)) -> Report {
    let started = Instant::now();
    let shared = Shared {
        config,
        saved: Mutex::new(0),
        inputs: AtomicU64::new(0),
        panics: AtomicU64::new(0),
        opened: AtomicU64::new(0),
    };
    let previous_hook = panic::take_hook();
    panic::set_hook(Box::new(|info| {
        let message = panic_message(info);
        if cfg!(panic = "abort") {
            CURRENT.with(|current| {
                if let Ok(current) = current.try_borrow()
                    && let Some((index, mutation, bytes, dir)) = current.as_ref()
                {
                    let about = format!("input #{index} ({mutation}): {message}\n");
                    let saved = save_panic(dir, &Mutex::new(0), bytes, &about);
                    eprintln!("panic, and this build aborts on panic: {about}saved to {saved:?}");
                }
            });
        }
        LAST_PANIC.with(|last| *last.borrow_mut() = Some(message));
    }));

    let threads = config.threads.max(1) as u64;
    let reports: Vec<Report> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                let shared = &shared;
                let from = config.inputs * t / threads;
                let to = config.inputs * (t + 1) / threads;
                scope.spawn(move || work(shared, from..to))
            })
            .collect();
        let mut next_progress = config.progress_every;
        while workers.iter().any(|w| !w.is_finished()) {
            std::thread::sleep(Duration::from_millis(200));
            let inputs = shared.inputs.load(Ordering::Relaxed);
            if config.progress_every > 0 && inputs >= next_progress {
                next_progress = (inputs / config.progress_every + 1) * config.progress_every;
                progress(&Progress {
                    inputs,
                    panics: shared.panics.load(Ordering::Relaxed),
                    opened: shared.opened.load(Ordering::Relaxed),
                    elapsed: started.elapsed(),
                });
            }
        }
        workers
            .into_iter()
            .map(|w| w.join().expect("a fuzz thread catches its panics"))
            .collect()
    });
    panic::set_hook(previous_hook);

    let mut report = Report::default();
    for part in reports {
        report.absorb(part);
    }
    report.panic_cases.sort_by_key(|case| case.index);
    report.panic_cases.truncate(KEPT_PANICS);
    report.total = started.elapsed();
    report
}

impl Report {
    fn absorb(&mut self, part: Report) {
        self.seed = part.seed;
        self.seed_files = part.seed_files;
        self.seed_files_opening = part.seed_files_opening;
        self.inputs += part.inputs;
        self.panics += part.panics;
        self.opened += part.opened;
        self.refused += part.refused;
        self.imported += part.imported;
        self.import_refused += part.import_refused;
        self.preview_differed += part.preview_differed;
        if part.slowest > self.slowest {
            self.slowest = part.slowest;
            self.slowest_mutation = part.slowest_mutation;
            self.slowest_index = part.slowest_index;
        }
        self.panic_cases.extend(part.panic_cases);
        for (family, tally) in part.by_family {
            let mine = self.by_family.entry(family).or_default();
            mine.tried += tally.tried;
            mine.opened += tally.opened;
            mine.imported += tally.imported;
            mine.panics += tally.panics;
            mine.time += tally.time;
        }
    }
}

/// One thread's share of the inputs. Everything with shared state inside (the vaults' memory
/// stores) is built here, on the thread that uses it.
fn work(shared: &Shared, indexes: std::ops::Range<u64>) -> Report {
    let config = shared.config;
    let people = people();
    let mut setup_rng = Rng::new(config.seed);
    let seeds = seeds(&people, &mut setup_rng);
    let vaults = vaults(&people, &seeds);
    let contacts = contact_sets(&people);
    let mut report = Report {
        seed: config.seed,
        seed_files: seeds.len(),
        seed_files_opening: seeds.iter().filter(|seed| seed.opens).count(),
        ..Report::default()
    };
    let stage = Cell::new(Stage::Mutating);
    for index in indexes {
        let input_started = Instant::now();
        let mut rng = Rng::for_input(config.seed, index);
        let seed = &seeds[rng.below(seeds.len())];
        let reader = &people[seed.reader];
        let contacts = rng.pick(&contacts);
        let snapshot = &vaults[seed.reader][rng.below(2)];
        let vault_seed = rng.next_u64();
        stage.set(Stage::Mutating);
        let input =
            panic::catch_unwind(AssertUnwindSafe(|| generate(seed, &people, &mut rng))).ok();
        let (outcome, elapsed) = match &input {
            Some(input) => {
                if cfg!(panic = "abort") {
                    CURRENT.with(|current| {
                        *current.borrow_mut() = Some((
                            index,
                            input.mutation.describe(),
                            input.bytes.clone(),
                            config.panics_dir.clone(),
                        ));
                    });
                }
                let clock = Instant::now();
                let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
                    process(&input.bytes, reader, contacts, snapshot, vault_seed, &stage)
                }));
                (outcome.map_err(drop), clock.elapsed())
            }
            None => (Err(()), Duration::ZERO),
        };
        let family = input.as_ref().map_or_else(
            || "mutation itself".to_owned(),
            |i| i.mutation.family.clone(),
        );
        let tally = report.by_family.entry(family).or_default();
        tally.tried += 1;
        report.inputs += 1;
        match outcome {
            Ok(outcome) => {
                if outcome.opened {
                    report.opened += 1;
                    tally.opened += 1;
                    shared.opened.fetch_add(1, Ordering::Relaxed);
                } else {
                    report.refused += 1;
                }
                match outcome.imported {
                    Some(true) => {
                        report.imported += 1;
                        tally.imported += 1;
                    }
                    Some(false) => report.import_refused += 1,
                    None => {}
                }
                report.preview_differed += u64::from(outcome.preview_differed);
            }
            Err(()) => {
                report.panics += 1;
                tally.panics += 1;
                shared.panics.fetch_add(1, Ordering::Relaxed);
                match stage.get() {
                    Stage::Importing => {
                        report.opened += 1;
                        tally.opened += 1;
                        shared.opened.fetch_add(1, Ordering::Relaxed);
                    }
                    Stage::Opening => report.refused += 1,
                    Stage::Mutating => {}
                }
                let message = LAST_PANIC
                    .with(|last| last.borrow_mut().take())
                    .unwrap_or_default();
                if report.panic_cases.len() < KEPT_PANICS {
                    let mutation = input
                        .as_ref()
                        .map_or_else(|| "(mutating)".to_owned(), |i| i.mutation.describe());
                    let about = format!(
                        "input #{index} of seed {} from {}, opened as {} with {} vault\nmutation: {mutation}\nwhile {}: {message}\n",
                        config.seed,
                        seed.label,
                        reader.name,
                        if snapshot.is_empty() {
                            "an empty"
                        } else {
                            "a seeded"
                        },
                        stage.get().name(),
                    );
                    let saved = input.as_ref().and_then(|input| {
                        save_panic(&config.panics_dir, &shared.saved, &input.bytes, &about)
                    });
                    report.panic_cases.push(PanicCase {
                        index,
                        mutation,
                        stage: stage.get().name(),
                        message,
                        saved,
                    });
                }
            }
        }
        tally.time += input_started.elapsed();
        shared.inputs.fetch_add(1, Ordering::Relaxed);
        if elapsed > report.slowest
            && let Some(input) = &input
        {
            report.slowest = elapsed;
            report.slowest_mutation = input.mutation.describe();
            report.slowest_index = index;
        }
    }
    report
}
