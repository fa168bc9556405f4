#!/usr/bin/env bash
# Runs every check and test of Appraise, in the order a failure is cheapest to find:
# formatting and rules, lint, host tests, browser tests, release build and size, end to end.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-tools.sh

step() { printf '\n== %s\n' "$*"; }

step "formatting (cargo fmt --check)"
cargo fmt --check

step "the domain stays pure"
scripts/check-domain-purity.sh

step "lint, host (cargo clippy)"
cargo clippy --all-targets -- -D warnings
step "lint, browser (cargo clippy --target wasm32-unknown-unknown)"
cargo clippy --target wasm32-unknown-unknown --lib --bins --test browser -- -D warnings

step "host tests (cargo test)"
cargo test

step "browser tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser

step "release build (trunk build --release)"
trunk build --release

step "size gate: each page's first visit and the whole app (scripts/size-report.mjs)"
node scripts/size-report.mjs

step "end to end (Playwright driving Chromium against the release build)"
node --test --test-concurrency=1 tests/e2e/
