#!/usr/bin/env bash
# Fails if src/domain uses the browser, the UI framework, the clock or randomness: the core must
# stay pure so that every rule is testable on the host with fixed dates.
set -euo pipefail
cd "$(dirname "$0")/.."
found=$(grep -rnE '\b(leptos|leptos_router|web_sys|js_sys|gloo|gloo_storage|wasm_bindgen)::|^\s*use (leptos|web_sys|js_sys|gloo|wasm_bindgen)|Utc::now|Local::now|SystemTime::now|Instant::now|thread_rng|OsRng|getrandom' src/domain || true)
if [ -n "$found" ]; then
  echo "src/domain must not use the browser, the clock or randomness; pass them in instead:" >&2
  echo "$found" >&2
  exit 1
fi
echo "src/domain is pure"
