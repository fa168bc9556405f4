#!/usr/bin/env bash
# The benchmark: builds the release app, generates the fixtures and the native figures, then
# measures the app in Chromium against floors measured in the same run. Prints every figure;
# details land in target/bench/results.json. Not part of the test command.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/ensure-tools.sh

trunk build --release
echo "[bench] what the wasm is made of"
node scripts/wasm-breakdown.mjs && node scripts/wasm-breakdown.mjs /prepare && node scripts/wasm-breakdown.mjs /
mkdir -p target/bench
echo "[bench] fixtures and native figures"
cargo run --quiet --profile native-bench --example bench -- target/bench > target/bench/native.json
echo "[bench] the same core work compiled to wasm, in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --release --target wasm32-unknown-unknown \
  --test bench_wasm -- --nocapture 2>&1 | sed -n 's/^.*BENCH //p' > target/bench/wasm.json
echo "[bench] storage density"
cargo test --quiet --test storage a_realistic_complete_review -- --nocapture 2>&1 |
  grep "storage density" > target/bench/density.txt
echo "[bench] browser figures (a few minutes)"
node scripts/bench.mjs
