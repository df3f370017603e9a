#!/usr/bin/env bash
# Where the widget wasm's bytes go: builds it as scripts/build.sh does but
# keeps the name section (wasm-opt -g), then prints code size by crate and
# the largest functions (scripts/wasm-sizes.mjs; twiggy 0.7 panics on this
# wasm), first as Rust compiled it (each function on its own: crates are
# told apart), then after wasm-opt (what ships: much is inlined into the
# exported functions). `--markdown` prints the tables docs/size.md carries.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/size-breakdown
mkdir -p "$out"
source scripts/wasm-build.sh
cargo_wasm -q --no-default-features
cp "$CARGO_WASM_OUT" "$out/incident_timeline_widget.wasm"
wasm-bindgen --target no-modules --no-typescript --out-dir "$out" "$out/incident_timeline_widget.wasm"
npx --no-install wasm-opt "${WASM_OPT_FLAGS[@]}" -g \
  "$out/incident_timeline_widget_bg.wasm" -o "$out/named.wasm"
echo "## As compiled (before wasm-opt)"
echo
node scripts/wasm-sizes.mjs "$out/incident_timeline_widget_bg.wasm" "$@"
echo
echo "## As shipped (after wasm-opt)"
echo
node scripts/wasm-sizes.mjs "$out/named.wasm" "$@"
