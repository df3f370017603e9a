#!/usr/bin/env bash
# Builds everything the demo needs, then serves the seed post-mortem as a
# blog post on http://127.0.0.1:8080/ (PORT=... to change).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh >/dev/null
exec node scripts/serve.mjs
