//! The fuzz command: `cargo run --release --example fuzz -- [inputs] [seed]` (or
//! `scripts/fuzz.sh [inputs]`) mutates bundle files and emails, opens and imports each one, prints
//! the figures and exits non-zero if any input panicked. Inputs default to 1,000,000 and the
//! seed is fixed, so a run can be repeated exactly.

#[path = "../common/mod.rs"]
mod common;
mod engine;

use std::process::ExitCode;

/// The seed used unless one is given: any fixed number keeps runs comparable.
const DEFAULT_SEED: u64 = 20_261_122;

/// A count or seed as people type it: `1000000`, `1_000_000`, `1e6` or `0x5eed`.
fn parse_number(text: &str) -> Option<u64> {
    let text = text.replace('_', "");
    if let Some(hex) = text.strip_prefix("0x") {
        return u64::from_str_radix(hex, 16).ok();
    }
    text.parse::<u64>().ok().or_else(|| {
        text.parse::<f64>()
            .ok()
            .filter(|n| *n >= 0.0)
            .map(|n| n as u64)
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") || args.len() > 2 {
        eprintln!("usage: fuzz [inputs (default 1000000)] [seed (default {DEFAULT_SEED})]");
        return ExitCode::from(2);
    }
    let number = |at: usize, default: u64| match args.get(at) {
        None => Some(default),
        Some(text) => parse_number(text),
    };
    let (Some(inputs), Some(seed)) = (number(0, 1_000_000), number(1, DEFAULT_SEED)) else {
        eprintln!("fuzz: the inputs and the seed must be whole numbers");
        return ExitCode::from(2);
    };
    if cfg!(panic = "abort") {
        eprintln!(
            "note: this build aborts on panic (the release profile), so the first panicking input \
             ends the run (it is still saved); scripts/fuzz.sh builds with panic = \"unwind\"."
        );
    }
    // One thread unless told otherwise: the machine is usually shared with other work.
    let threads = std::env::var("FUZZ_THREADS")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(1);
    let config = engine::Config {
        inputs,
        seed,
        panics_dir: engine::default_panics_dir(),
        progress_every: 100_000,
        threads,
    };
    let report = engine::run(&config, &mut engine::print_progress);
    print!("{report}");
    if report.panics > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
