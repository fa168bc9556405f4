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

# The layers' arrows point one way: pages → use cases → bundle/storage → domain. The domain knows
# none of the others, bundle and storage not each other nor the use cases above them, and pages
# and components reach records and files only through the use cases.
check_layer() {
  local dir=$1 pattern=$2 why=$3
  local found
  found=$(grep -rnE "$pattern" "$dir" || true)
  if [ -n "$found" ]; then
    echo "$dir $why:" >&2
    echo "$found" >&2
    exit 1
  fi
}
check_layer src/domain 'crate::(bundle|storage|use_cases|pages|components|state)' 'must not reach up into the layers built on it'
check_layer src/bundle 'crate::(storage|use_cases|pages|components|state)' 'must not use storage or the layers above it'
check_layer src/storage 'crate::(bundle|use_cases|pages|components|state)' 'must not use bundles or the layers above it'
check_layer src/use_cases 'crate::(pages|components|state|autosave)' 'must not use the pages above it'
check_layer src/pages 'crate::(bundle|storage)::' 'must reach records and files only through the use cases'
check_layer src/components 'crate::(bundle|storage)::' 'must reach records and files only through the use cases'
echo "the layers point one way"
