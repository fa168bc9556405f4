#!/usr/bin/env bash
# The long fuzz run: a million mutated bundle files and emails (or as many as the first argument
# says) opened and imported, in release. The release profile aborts on panic, so this builds it
# with panic = "unwind" for the fuzzer to catch each panic and carry on.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_PROFILE_RELEASE_PANIC=unwind
cargo run --release --example fuzz -- "${1:-1000000}"
