#!/usr/bin/env bash
# Installs what building and testing need and is missing on this machine:
# the wasm target and the standard library's source, wasm-bindgen-cli at the version Cargo.lock pins, the npm
# dev dependencies, and (with --browser) Chromium, its driver, the fonts
# the chart's text metrics assume, Hugo (for the static-site tests in
# tests/packaging/, whose npm projects install themselves on first use), and
# the other two engines the shared browser tests run in: Firefox ESR (driven
# over WebDriver BiDi) and WebKitGTK's MiniBrowser with WebKitWebDriver, run
# under Xvfb.
# Safe to run again: it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
# The package's wasm rebuilds the standard library for size (scripts/wasm-build.sh).
if ! rustup component list --installed | grep -qx rust-src; then
  rustup component add rust-src
fi

# One place pins wasm-bindgen: Cargo.toml (`=x.y.z`); the CLI must match the lock.
want=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  echo "installing wasm-bindgen-cli $want (have: ${have:-none})"
  cargo install wasm-bindgen-cli --version "$want"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ]; then
  # The coverage-guided engine of scripts/fuzz.sh (stable toolchain, about
  # 1.5 minutes to build once); without it fuzz.sh uses its stable runner.
  if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --version 0.13.2 --locked ||
      cargo install cargo-fuzz --version 0.13.2 ||
      echo "cargo-fuzz could not be installed: scripts/fuzz.sh will use its stable runner" >&2
  fi
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  fc-list 2>/dev/null | grep -qi "Liberation Sans" || missing+=(fonts-liberation)
  command -v hugo >/dev/null || missing+=(hugo)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || missing+=(xvfb)
  command -v xauth >/dev/null || missing+=(xauth) # xvfb-run needs it; xvfb only recommends it
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
    else
      echo "missing: ${missing[*]} — install them (apt-get install ${missing[*]}) and run again" >&2
      exit 1
    fi
  fi
fi
