//! Every word Settings quotes from a policy is in that policy: each preset figure's quoted words
//! are found in its seed (`tests/fixtures/seeds/`, copies of `shared/seeds/`), and every phrase
//! quoted in a reading or in "your school's choice" is found in one of the seeds.

#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use appraise::domain::presets::all_presets;
use appraise::domain::provenance::{Source, sources};

/// Which seed each preset comes from.
const SEEDS: [(&str, &str); 5] = [
    ("early-years-setting", "000"),
    ("la-support-staff", "001"),
    ("academy-procedure", "002"),
    ("trust-associate-staff", "003"),
    ("secondary-support-staff", "004"),
];

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds")
}

fn seed_text(number: &str) -> String {
    let entry = std::fs::read_dir(seeds_dir())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| {
            path.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(number)
        })
        .unwrap_or_else(|| panic!("no seed {number}"));
    normalised(&std::fs::read_to_string(entry).unwrap())
}

/// Text compared as a reader would: curly quotes and dashes as plain ones, runs of spaces and
/// line breaks as one space, and the scan's misreadings mended as Settings quotes them ("15t"
/// and "315t" for "1st" and "31st", "Trust’'s" for "Trust’s").
fn normalised(text: &str) -> String {
    let plain: String = text
        .chars()
        .map(|c| match c {
            '’' | '‘' => '\'',
            '“' | '”' => '"',
            '–' | '—' => '-',
            c => c,
        })
        .collect();
    plain
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("315t ", "31st ")
        .replace("15t ", "1st ")
        .replace("''s", "'s")
}

/// The phrases between “ and ” in `text`.
fn quoted(text: &str) -> Vec<&str> {
    text.split('“')
        .skip(1)
        .filter_map(|rest| rest.split('”').next())
        .collect()
}

#[test]
fn the_seed_copies_are_the_shared_seeds() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    // A clean clone on its own has only the copies; beside the team's folder, they must agree.
    let Ok(entries) = std::fs::read_dir(&shared) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        let copy = seeds_dir().join(path.file_name().unwrap());
        assert_eq!(
            std::fs::read(&path).unwrap(),
            std::fs::read(&copy).unwrap_or_default(),
            "{} differs from its copy in tests/fixtures/seeds",
            path.display()
        );
    }
}

#[test]
fn every_quoted_word_is_in_the_policy_it_names() {
    let all_seeds: Vec<String> = SEEDS.iter().map(|(_, number)| seed_text(number)).collect();
    let mut checked = 0;
    let mut wrong = Vec::new();
    for policy in all_presets() {
        let (_, number) = SEEDS
            .iter()
            .find(|(key, _)| *key == policy.key)
            .expect("every preset has a seed");
        let own = seed_text(number);
        for (figure, source) in sources(&policy.key).expect("presets have sources") {
            let (words, sentences) = match source {
                Source::Policy { words, reading, .. } => (Some(words), vec![reading]),
                Source::SchoolsChoice { why } => (None, vec![why]),
            };
            // The policy's own words, in pieces where they leave words out ("…").
            for piece in words.into_iter().flat_map(|words| words.split('…')) {
                checked += 1;
                if !own.contains(&normalised(piece.trim())) {
                    wrong.push(format!("{} {figure:?}: “{}”", policy.key, piece.trim()));
                }
            }
            // Words quoted in a reading or a choice may come from any of the policies.
            for phrase in sentences.iter().flat_map(|sentence| quoted(sentence)) {
                checked += 1;
                let phrase = normalised(phrase);
                if !all_seeds.iter().any(|seed| seed.contains(&phrase)) {
                    wrong.push(format!("{} {figure:?}: “{phrase}”", policy.key));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "not in the policy:\n{}", wrong.join("\n"));
    assert!(checked > 60, "only {checked} phrases checked");
}
