#!/usr/bin/env bash
# Builds pkg/, the npm package as published: two wasm cores (the full one for
# the npm API and Node, the small widget one for the element alone), each
# through cargo, wasm-bindgen (the version pinned in Cargo.toml) and
# wasm-opt; the ES modules of the JavaScript shell; the one-file script-tag
# bundle; and the JSON Schema.
set -euo pipefail
cd "$(dirname "$0")/.."

# Assemble in target/pkg and swap it in at the end, so a server or test
# reading pkg/ never sees a half-built package.
out=target/pkg
rm -rf target/wasm-bindgen "$out"
mkdir -p target/wasm-bindgen "$out"

source scripts/wasm-build.sh

# build <name> [cargo flags]: target/wasm-bindgen/<name>.js + pkg/<name>_bg.wasm
build() {
  local name=$1
  shift
  cargo_wasm "$@"
  cp "$CARGO_WASM_OUT" "target/wasm-bindgen/$name.wasm"
  wasm-bindgen --target no-modules --no-typescript \
    --out-dir target/wasm-bindgen "target/wasm-bindgen/$name.wasm"
  node scripts/short-names.mjs "target/wasm-bindgen/${name}_bg.wasm" "target/wasm-bindgen/$name.js"
  # Stripping happens here, not in the cargo profile, because wasm-bindgen
  # reads target_features.
  local flags=("${WASM_OPT_FLAGS[@]}" --strip-debug --strip-producers --strip-target-features)
  npx --no-install wasm-opt "${flags[@]}" \
    "target/wasm-bindgen/${name}_bg.wasm" -o "target/wasm-bindgen/${name}_opt.wasm"
  # The functions in an order gzip squeezes better (docs/size.md).
  node scripts/order-functions.mjs "target/wasm-bindgen/${name}_opt.wasm" "$out/${name}_bg.wasm" -- "${flags[@]}"
}

build incident_timeline_widget --no-default-features
build incident_timeline
node scripts/bundle.mjs "$out"
cp incident-timeline.schema.json "$out/"
rm -rf pkg.old
[ -d pkg ] && mv pkg pkg.old
mv "$out" pkg
rm -rf pkg.old
echo "built pkg/:"
ls -l pkg
