//! A bounded run of the fuzz engine (`tests/fuzz/engine.rs`) with a fixed seed: no input may
//! panic, and the mutations must be neither all fatal nor all harmless. The long run is
//! `scripts/fuzz.sh`.

#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "fuzz/engine.rs"]
mod engine;

/// Enough to reach every mutation family many times. A debug build mutates, opens and imports
/// about 150 inputs a second per core (the ciphers, compression and JSON are unoptimised there),
/// so 20,000 would take over two minutes on one core: 10,000 on two threads stay under a minute.
const INPUTS: u64 = 10_000;

#[test]
fn mutated_files_and_emails_never_panic_when_opened_or_imported() {
    let config = engine::Config {
        inputs: INPUTS,
        seed: 1,
        panics_dir: engine::default_panics_dir(),
        progress_every: 2_500,
        // Input n is the same on any number of threads; two keep a debug build under a minute.
        threads: 2,
    };
    let report = engine::run(&config, &mut engine::print_progress);
    println!("{report}");
    assert_eq!(
        report.seed_files_opening, report.seed_files,
        "every seed file opens before it is mutated"
    );
    assert_eq!(report.inputs, INPUTS);
    assert_eq!(report.panics, 0, "panicking inputs:\n{report}");
    let opened_share = report.opened as f64 / report.inputs as f64;
    assert!(
        (0.05..=0.8).contains(&opened_share),
        "opened {:.1}%: the mutations should be neither all fatal nor all harmless",
        100.0 * opened_share
    );
    assert!(
        report.imported > 0,
        "some opened inputs get as far as importing"
    );
    assert_eq!(
        report.preview_differed, 0,
        "an import does what its preview said"
    );
}
