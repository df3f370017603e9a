#!/usr/bin/env bash
# Builds pkg/, the npm package as published: the wasm core (cargo, then
# wasm-bindgen at the version pinned in Cargo.toml, then wasm-opt), the ES
# modules of the JavaScript shell, the one-file script-tag bundle, and the
# JSON Schema.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --lib --target wasm32-unknown-unknown --release
rm -rf target/wasm-bindgen pkg
mkdir -p target/wasm-bindgen pkg
wasm-bindgen --target no-modules --no-typescript \
  --out-dir target/wasm-bindgen target/wasm32-unknown-unknown/release/incident_timeline.wasm
# Rust 1.95 emits these features; wasm-opt must be told. Stripping happens
# here, not in the cargo profile, because wasm-bindgen reads target_features.
npx --no-install wasm-opt -Oz \
  --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int \
  --enable-reference-types --enable-multivalue \
  --strip-debug --strip-producers --strip-target-features \
  target/wasm-bindgen/incident_timeline_bg.wasm -o pkg/incident_timeline_bg.wasm
node scripts/bundle.mjs
cp incident-timeline.schema.json pkg/
echo "built pkg/:"
ls -l pkg
