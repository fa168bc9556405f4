#!/usr/bin/env bash
# Installs every tool Appraise builds and tests with, from package registries only, and only
# what is missing: a second run on a ready machine takes a second or two.
# Source it (`. scripts/ensure-tools.sh`) so the PATH it sets carries on.
set -euo pipefail

appraise_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
trunk_version="0.21.14"
export PATH="$appraise_root/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '[tools] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown Rust target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $trunk_version"; then
  say "installing Trunk $trunk_version (about 17 minutes on two cores, once)"
  cargo install --locked trunk --version "$trunk_version"
fi

# wasm-bindgen-cli must be exactly the version the app links against, as pinned in Cargo.lock.
wasm_bindgen_version="$(grep -A1 '^name = "wasm-bindgen"$' "$appraise_root/Cargo.lock" | sed -n 's/^version = "\(.*\)"$/\1/p')"
if [ -z "$wasm_bindgen_version" ]; then
  echo "Cargo.lock does not pin wasm-bindgen; run 'cargo generate-lockfile' first." >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wasm_bindgen_version\$" ||
  ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $wasm_bindgen_version (about 4 minutes, once)"
  # Not --locked: the lockfile shipped with some versions names a yanked dependency.
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_version"
fi

# wasm-split cuts the app into one download per page (scripts/build-web.mjs). 0.2.4 is the
# first version whose split pages run with wasm-bindgen 0.2.128 and later.
wasm_split_version="0.2.4"
if ! cargo install --list | grep -q "^wasm_split_cli_support v$wasm_split_version:"; then
  say "installing wasm-split $wasm_split_version (about 3 minutes, once)"
  cargo install --locked wasm_split_cli_support --version "$wasm_split_version" --features build-binary
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Chromium and ChromeDriver from Debian"
  if [ "$(id -u)" -eq 0 ]; then sudo_if_needed=(); else sudo_if_needed=(sudo); fi
  "${sudo_if_needed[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_if_needed[@]}" apt-get install -y -qq chromium chromium-driver
fi

# npm ci when node_modules is missing or older than the lockfile.
if [ ! -f "$appraise_root/node_modules/.package-lock.json" ] ||
  [ "$appraise_root/package-lock.json" -nt "$appraise_root/node_modules/.package-lock.json" ]; then
  say "installing npm packages from package-lock.json"
  (cd "$appraise_root" && npm ci --no-audit --no-fund --loglevel=error)
fi
