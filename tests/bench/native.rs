//! The benchmark's native half (run by `scripts/bench.sh`, not by the tests): writes the
//! fixtures under the directory given (default `target/bench`), `bundles/final-NNN.json` and
//! `headteacher-backup.json` (Pat's records as a backup file, to restore in the browser), then
//! opens and imports the 300 files natively into an in-memory vault exactly as the browser does,
//! then works out the headteacher's desk, moderation and the governors' report over them, and
//! prints the median timings of five runs as one JSON line.

#[path = "../common/mod.rs"]
mod common;
#[path = "fixtures.rs"]
mod fixtures;

use appraise::storage::sealing::KdfParams;
use appraise::storage::{MemoryStore, Vault};
use chrono::{TimeZone, Utc};
use fixtures::BUNDLES;

/// The passphrase of the backup the browser half restores.
const PASSPHRASE: &str = "bench passphrase for pat";
use std::time::Instant;

fn pats_vault() -> Vault<MemoryStore> {
    let mut vault = Vault::open(MemoryStore::new(), Box::new(common::Counter(9)), "pat").unwrap();
    fixtures::headteachers_records(&mut vault);
    vault
}

/// The median of five runs of the headteacher's work over the 300 reviews, each on a fresh
/// copy of Pat's records.
fn leadership_medians(files: &[String], clock: impl Fn() -> f64 + Copy) -> [f64; 4] {
    let runs: Vec<[f64; 4]> = (0..5)
        .map(|_| {
            let mut vault = pats_vault();
            fixtures::open_and_import(&mut vault, files, clock);
            fixtures::leadership_work(&mut vault, clock)
        })
        .collect();
    std::array::from_fn(|figure| median(runs.iter().map(|run| run[figure]).collect()))
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/bench".into());
    let bundles_dir = format!("{out}/bundles");
    std::fs::create_dir_all(&bundles_dir).expect("the bench directory can be made");
    let files = fixtures::bundle_files();
    for (n, file) in files.iter().enumerate() {
        std::fs::write(format!("{bundles_dir}/final-{n:03}.json"), file).unwrap();
    }
    let backup = appraise::storage::backup::write_backup(
        &mut pats_vault(),
        PASSPHRASE,
        KdfParams::RECOMMENDED,
        &mut common::Counter(5),
        Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap(),
    )
    .expect("the backup is written");
    std::fs::write(format!("{out}/headteacher-backup.json"), backup).unwrap();

    let origin = Instant::now();
    let clock = || origin.elapsed().as_secs_f64() * 1000.0;
    let runs: Vec<(f64, f64)> = (0..5)
        .map(|_| fixtures::open_and_import(&mut pats_vault(), &files, clock))
        .collect();
    let open_ms = median(runs.iter().map(|r| r.0).collect());
    let import_ms = median(runs.iter().map(|r| r.1).collect());
    let bytes: usize = files.iter().map(String::len).sum();
    let leadership = leadership_medians(&files, clock);
    println!(
        "{{\"bundles\":{BUNDLES},\"bundle_bytes\":{bytes},\"open_ms\":{open_ms:.1},\"merge_persist_ms\":{import_ms:.1},\"desk_ms\":{:.1},\"desk_after_a_change_ms\":{:.1},\"moderation_ms\":{:.3},\"governors_report_ms\":{:.1},\"passphrase\":\"{PASSPHRASE}\"}}",
        leadership[0], leadership[1], leadership[2], leadership[3]
    );
}
