#!/usr/bin/env bash
# Builds Appraise and serves it on http://127.0.0.1:8080, rebuilding when the source changes.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-tools.sh
exec trunk serve "$@"
