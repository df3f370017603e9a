#!/usr/bin/env bash
# Runs every test: formatting and lints, the Rust tests (native), both wasm
# builds, and the Node and browser tests (headless Chromium; the core browser
# tests also in Firefox ESR and WebKitGTK's MiniBrowser, tests/browser/engines.test.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step setup
bash scripts/setup.sh --browser
step "cargo fmt --check"
cargo fmt --check
step "cargo clippy (native, all targets)"
cargo clippy --all-targets -- -D warnings
step "cargo clippy (native, all targets, without the full build)"
cargo clippy --all-targets --no-default-features -- -D warnings
step "cargo clippy (wasm: full and widget builds)"
cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings
step "cargo test"
cargo test
step "cargo test --no-default-features --lib (the widget's core: its own JSON tree, src/parse/json.rs)"
cargo test --no-default-features --lib
step "cargo bench --no-run (the README's benchmarks build)"
cargo bench --no-run
step "fuzz: every target (parse, layout, import, text), ${FUZZ_SECONDS:-45} s each (fuzz/, its own target dir)"
FUZZ_SECONDS=${FUZZ_SECONDS:-45} bash scripts/fuzz.sh
step "build pkg/"
bash scripts/build.sh
step "node and browser tests"
# A test that waits for something that never comes fails after 10 minutes
# instead of holding CI until its own limit.
node --test --test-concurrency=1 --test-timeout=600000 tests/
