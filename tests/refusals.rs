//! Every refusal a person can meet when a file is imported reads as a sentence in the school's
//! words: no code terms ("bundle", "payload", "keyid", "variant", parser positions, field names in
//! backticks), "a" and "an" where they belong, and what to do. The refusals are rendered from
//! every kind of error the importer returns, and from real bad files run through it.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use appraise::bundle::contacts::Contacts;
use appraise::bundle::error::{BundleError, LooksLike};
use appraise::bundle::open::{Recipient, open_file};
use appraise::bundle::school_file::SettingsRefused;
use appraise::domain::documents::RecordError;
use appraise::domain::people::Role;
use appraise::domain::staff::{NotAsListed, StaffProblem};
use appraise::use_cases::staff::StaffListError;
use appraise::use_cases::{NotTheirReviewer, RecordsError};

/// Words that belong to the code, not to a school.
const FORBIDDEN: [&str; 12] = [
    "bundle",
    "payload",
    "keyid",
    "key id",
    "variant",
    "serde",
    "eof",
    "json ",
    "expected one of",
    "line ",
    "column ",
    "`",
];

/// What is wrong with `sentence`, if anything.
fn faults(sentence: &str) -> Vec<String> {
    let lower = sentence.to_lowercase();
    // A file's ending, ".json", is what people see in their downloads; JSON itself is code.
    let without_endings = lower.replace(".json", "");
    let mut found: Vec<String> = FORBIDDEN
        .iter()
        .filter(|word| without_endings.contains(*word))
        .map(|word| format!("says “{}”", word.trim()))
        .collect();
    let words: Vec<&str> = lower.split_whitespace().collect();
    for pair in words.windows(2) {
        let next = pair[1].trim_start_matches(['“', '(', '‘']);
        let vowel = next.starts_with(['a', 'e', 'i', 'o', 'u']);
        // "a one-off", "a user", "an hour" are the exceptions a school would meet.
        let sounds_like_a_vowel = (vowel && !next.starts_with("one") && !next.starts_with("us"))
            || next.starts_with("hour");
        if pair[0] == "a" && sounds_like_a_vowel {
            found.push(format!("“a {next}”"));
        }
        if pair[0] == "an" && !sounds_like_a_vowel {
            found.push(format!("“an {next}”"));
        }
    }
    if !sentence.ends_with(['.', '!']) {
        found.push("does not end as a sentence".into());
    }
    found
}

fn assert_reads_well(sentences: impl IntoIterator<Item = String>) {
    let wrong: Vec<String> = sentences
        .into_iter()
        .filter_map(|sentence| {
            let faults = faults(&sentence);
            (!faults.is_empty()).then(|| format!("{sentence}\n    {}", faults.join("; ")))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "refusals that read wrongly:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_refusal_of_a_file_reads_as_the_schools_words() {
    let looks_like = [
        LooksLike::Pdf,
        LooksLike::OfficeOrZip,
        LooksLike::Picture,
        LooksLike::WebPage,
        LooksLike::Empty,
        LooksLike::EmailWithoutFile,
        LooksLike::OtherProgram,
        LooksLike::ContactCard,
        LooksLike::SchoolSettings,
        LooksLike::Unknown,
    ];
    let kinds = [
        "invitation",
        "pre-review",
        "observations",
        "interim reviews",
        "appeal outcome",
        "final statement",
    ];
    let documents = [
        "statement",
        "cpd_needs",
        "pre_review",
        "appeal",
        "observations",
        "interim_reviews",
        "support_plan",
        "moderation_note",
        "appeal_hearing",
        "pay_decision",
    ];
    let mut errors: Vec<BundleError> = looks_like
        .into_iter()
        .map(BundleError::NotABundle)
        .collect();
    errors.extend([
        BundleError::TooLarge {
            bytes: 9_000_000,
            limit: 4_194_304,
        },
        BundleError::Malformed("EOF while parsing a string at line 5 column 1690".into()),
        BundleError::FutureVersion { version: 2 },
        BundleError::RetiredVersion { version: 0 },
        BundleError::Unsigned,
        BundleError::SeveralSignatures,
        BundleError::BadSignature,
        BundleError::ChangedAfterSigning,
        BundleError::SignerMismatch,
        BundleError::NotForYou {
            intended: "Sam Patel".into(),
        },
        BundleError::EncryptedForSomeoneElse,
        BundleError::CannotDecrypt,
        BundleError::NotAsListed(NotAsListed::OtherKeys {
            name: "Jo Lee".into(),
        }),
        BundleError::NotAsListed(NotAsListed::KeysReplaced {
            name: "Jo Lee".into(),
            on: common::date(2026, 11, 10),
        }),
        BundleError::NotAsListed(NotAsListed::Left {
            name: "Ana Cole".into(),
            on: common::date(2026, 12, 18),
        }),
    ]);
    for kind in kinds {
        for document in documents {
            errors.push(BundleError::UnexpectedDocument {
                kind,
                document: document.into(),
            });
        }
    }
    assert_reads_well(errors.iter().map(ToString::to_string));

    let mut records: Vec<RecordError> = vec![RecordError::NotAnObject, RecordError::MissingSchema];
    for document in documents {
        let kind: &'static str = document;
        records.extend([
            RecordError::WrongKind {
                expected: kind,
                found: "statement".into(),
            },
            RecordError::FutureSchema {
                kind,
                found: 9,
                supported: 1,
            },
            RecordError::UnknownSchema { kind, found: 0 },
            RecordError::Malformed {
                kind,
                detail: "missing field `signatures`".into(),
            },
        ]);
    }
    assert_reads_well(records.iter().map(ToString::to_string));
}

#[test]
fn every_refusal_of_what_a_file_would_do_reads_as_the_schools_words() {
    let sender = || "Jo Lee".to_owned();
    let mut records = vec![
        RecordsError::Damaged("review:review-1".into()),
        RecordsError::NoSuchImport,
        RecordsError::NoSuchContact,
        RecordsError::WhichContact { name: sender() },
        RecordsError::AlreadyImported,
        RecordsError::NotTheReviewer { sender: sender() },
        RecordsError::UnknownReview,
        RecordsError::NotInReview { sender: sender() },
        RecordsError::HandoverToUnconfirmed { name: sender() },
        RecordsError::NotHandedToYou { reviewer: sender() },
        RecordsError::HandoverNotFromTheReviewer { reviewer: sender() },
        RecordsError::NotFormalCapability,
        RecordsError::NotTheHeadteacher { sender: sender() },
        RecordsError::NoHeadteacherKnown,
        RecordsError::OnlyTheHeadteacher,
        RecordsError::GoverningBodyHears,
        RecordsError::AppealNotDecided,
        RecordsError::NothingWritten,
        RecordsError::NotOpen,
        RecordsError::NoNameYet,
        RecordsError::CannotLockFor { name: sender() },
        RecordsError::CompareFirst { sender: sender() },
        RecordsError::NotTheirReviewer(Box::new(NotTheirReviewer {
            sender: sender(),
            reviewee: "Sam Patel".into(),
            reviewer: Some("Ana Cole".into()),
        })),
        RecordsError::NotTheirReviewer(Box::new(NotTheirReviewer {
            sender: sender(),
            reviewee: "Sam Patel".into(),
            reviewer: None,
        })),
    ];
    for role in [Role::Reviewer, Role::Reviewee] {
        records.push(RecordsError::NotYourKeys { role });
        records.push(RecordsError::NotTheirKeys {
            sender: sender(),
            role,
        });
    }
    assert_reads_well(records.iter().map(ToString::to_string));
    // Never told to check with themselves: a file in your own name says so.
    assert!(
        RecordsError::NotYourKeys {
            role: Role::Reviewer
        }
        .to_string()
        .starts_with("This file says it is from you, the reviewer in this review")
    );

    let settings = [
        SettingsRefused::OtherPublisher {
            publisher: "Pat Head".into(),
            held_publisher: "Chris Lowe".into(),
        },
        SettingsRefused::Older {
            version: 1,
            held: 2,
        },
        SettingsRefused::AlreadyHeld { version: 2 },
        SettingsRefused::Impossible {
            publisher: "Pat Head".into(),
            problems: vec!["The most new objectives must be at least 1.".into()],
        },
    ];
    assert_reads_well(settings.iter().map(ToString::to_string));

    let name = || "Jo Lee".to_owned();
    let staff = [
        StaffProblem::KeysListed { name: name() },
        StaffProblem::NoSuchMember,
        StaffProblem::OwnReviewer { name: name() },
        StaffProblem::NotAReviewer { name: name() },
        StaffProblem::ReviewerLeft { name: name() },
        StaffProblem::OverLimit {
            name: name(),
            limit: 4,
        },
        StaffProblem::LeftBeforeJoining { name: name() },
    ];
    assert_reads_well(staff.iter().map(ToString::to_string));
    assert_reads_well([StaffListError::NotYours {
        publisher: "Pat Head".into(),
    }
    .to_string()]);
    use appraise::use_cases::reviewer_requests::RequestProblem;
    let requests = [
        RequestProblem::NoReasons,
        RequestProblem::NotListed,
        RequestProblem::NoReviewer,
        RequestProblem::NoHeadteacher,
        RequestProblem::NotForYou {
            publisher: "Pat Head".into(),
        },
        RequestProblem::SenderNotListed { name: name() },
        RequestProblem::NoSuchRequest,
    ];
    assert_reads_well(requests.iter().map(ToString::to_string));
    assert_reads_well([BundleError::NotABundle(LooksLike::ReviewerRequest).to_string()]);
}

/// Real bad files, as people send them, through the importer itself.
#[test]
fn bad_files_through_the_importer_are_refused_in_the_schools_words() {
    let sam = common::sam();
    let me = Recipient {
        identity: &sam,
        name: "Sam Patel",
        staff_id: &common::sams_id(),
    };
    let signed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/bundles/statement-for-comment.signed.json"),
    )
    .unwrap();
    let files: Vec<Vec<u8>> = vec![
        b"%PDF-1.7 a statement".to_vec(),
        b"PK\x03\x04 a Word document".to_vec(),
        Vec::new(),
        b"From: Jo Lee\r\nSubject: Appraisal\r\nContent-Type: text/plain\r\n\r\nHere is the file.\r\n"
            .to_vec(),
        b"{\"name\": \"a spreadsheet export\"}".to_vec(),
        // Cut short, as a file saved while still downloading.
        signed.as_bytes()[..signed.len() / 2].to_vec(),
        // The right shape, a version from the future.
        signed.replacen("\"version\": 2", "\"version\": 7", 1).into_bytes(),
        // A signature field missing.
        signed.replacen("\"signatures\"", "\"signed\"", 1).into_bytes(),
        b"just some words".to_vec(),
    ];
    let refusals: Vec<String> = files
        .iter()
        .map(|file| {
            open_file(file, &me, &Contacts::default())
                .expect_err("refused")
                .to_string()
        })
        .collect();
    assert_reads_well(refusals.clone());
    assert!(
        refusals[3].starts_with("This is the text of an email"),
        "{}",
        refusals[3]
    );
    assert!(refusals[6].starts_with("This file was made by a newer version of Appraise."));
}
