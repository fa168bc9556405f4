//! The words on screen are the school's: every sentence the app can show (each string literal in
//! `src/` with a space in it, outside comments and unit tests) is read for words a member of
//! staff would not say — the project's own (seed, bundle, payload), a programmer's (field, JSON,
//! schema, null, parse) or a policy's numbering of months ("month 9"). A literal that only
//! looks like a sentence (a list of style classes, a file's type, a format's own name) is let
//! through by name below, with why.

#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

/// Words that are not the school's, matched whole and in any case.
const NOT_THE_SCHOOLS: [&str; 14] = [
    "seed",
    "seeds",
    "bundle",
    "bundles",
    "payload",
    "payloads",
    "field",
    "fields",
    "json",
    "schema",
    "null",
    "undefined",
    "parse",
    "parser",
];

/// Literals with a space that are never shown as words, with the reason.
const NOT_SHOWN: [(&str, &str); 4] = [
    (
        "Content-Type: application/json; name=\\\"appraise.json\\\"\\r\\nContent-Transfer-Encoding: base64",
        "an email's header, read when opening a saved email",
    ),
    (
        "appraise-sealed-bundle v1",
        "the sealed format's own name, inside the file",
    ),
    (
        "payloads serialise",
        "a message for a programmer if the impossible happens",
    ),
    (
        "sealed bundles serialise",
        "a message for a programmer if the impossible happens",
    ),
];

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

/// The string literals of one line of code, outside a trailing comment.
fn literals(line: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => break,
            // A character literal: '"' is not the start of a string.
            '\'' => {
                let rest: String = chars.clone().take(3).collect();
                if rest.starts_with("\"'") || rest.starts_with("\\\"'") {
                    chars.nth(rest.find('\'').unwrap_or(0));
                }
            }
            '"' => {
                let mut text = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            text.push(c);
                            if let Some(escaped) = chars.next() {
                                text.push(escaped);
                            }
                        }
                        '"' => break,
                        _ => text.push(c),
                    }
                }
                found.push(text);
            }
            _ => {}
        }
    }
    found
}

/// Whether a literal is a list of style classes ("field field--error") rather than words.
fn is_class_list(text: &str) -> bool {
    text.split(' ').all(|token| {
        !token.is_empty()
            && token
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c == '_')
    })
}

/// The words of `text` that are not the school's: whole words, not file endings (".json"),
/// not the placeholders of a format string ("{field}"), and "month" followed by its number.
fn not_the_schools(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut previous = String::new();
    let mut word = String::new();
    let mut before = ' ';
    let mut last = ' ';
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_alphanumeric() {
            if word.is_empty() {
                before = last;
            }
            word.push(c);
        } else if !word.is_empty() {
            let lower = word.to_lowercase();
            let ending_or_placeholder = before == '.' || before == '{' || c == '}';
            if NOT_THE_SCHOOLS.contains(&lower.as_str()) && !ending_or_placeholder {
                found.push(word.clone());
            }
            if (previous == "month" || previous == "months")
                && lower.chars().all(|c| c.is_ascii_digit())
            {
                found.push(format!("{previous} {word}"));
            }
            previous = lower;
            word.clear();
        }
        last = c;
    }
    found
}

#[test]
fn no_sentence_on_screen_uses_words_a_member_of_staff_would_not_say() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    let mut problems = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            // Unit tests sit at the end of a module: their strings are never shown.
            if line.trim() == "#[cfg(test)]" {
                break;
            }
            if line.trim_start().starts_with("//") {
                continue;
            }
            for literal in literals(line) {
                if !literal.contains(' ')
                    || is_class_list(&literal)
                    || NOT_SHOWN.iter().any(|(shown, _)| *shown == literal)
                {
                    continue;
                }
                let words = not_the_schools(&literal);
                if !words.is_empty() {
                    problems.push(format!(
                        "{}:{}: {words:?} in “{literal}”",
                        file.strip_prefix(&root).unwrap().display(),
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "words on screen a member of staff would not say:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_check_finds_the_words_it_is_for_and_lets_the_schools_through() {
    let cases: [(&str, &[&str]); 8] = [
        ("3 field(s) updated.", &["field"]),
        ("Open the bundle again", &["bundle"]),
        ("Local authority policy (seed 001)", &["seed"]),
        ("12 months from month 9", &["month 9"]),
        ("Choose the file ending in .json from the email", &[]),
        ("{} – {field}", &[]),
        ("Fill in these answers, then sign.", &[]),
        ("Reviewed over 12 months from September", &[]),
    ];
    for (text, expected) in cases {
        assert_eq!(not_the_schools(text), expected, "{text}");
    }
    assert_eq!(
        literals(r#"view! { <p class="field field--error">"Not valid JSON"</p> } // "a comment""#),
        ["field field--error", "Not valid JSON"]
    );
    assert!(is_class_list("field field--error"));
    assert!(!is_class_list("Fill in these fields"));
}
