# How the package's wasm is built, sourced by scripts/build.sh and
# scripts/size-breakdown.sh (so a size breakdown measures what ships).
#
# cargo_wasm [cargo flags]: the library for wasm32, release, into
# target/wasm-std/wasm32-unknown-unknown/release/incident_timeline.wasm.
#   The standard library is rebuilt for size (-Zbuild-std, with its
#   `optimize_for_size` feature: smaller sorts and formatting), panics abort
#   at once without formatting a message (-Cpanic=immediate-abort: the
#   message machinery and every panic's file name and line go), and derived
#   Debug impls are empty (-Zfmt-debug=none; nothing the wasm writes uses
#   Debug). Together about 6.4 KB gzip off the widget (docs/size.md).
#   Without the reference-types feature, wasm-bindgen keeps JavaScript
#   values in a table of its glue instead of an externref table, and needs
#   no externref shim around each export: 0.9 KB gzip less for the two
#   files together.
#   These are unstable flags: RUSTC_BOOTSTRAP=1 lets the pinned stable
#   toolchain take them, for these two builds only (tests, clippy and the
#   CLI build as usual). They need the rust-src component
#   (scripts/setup.sh adds it). Their own target dir keeps these builds from
#   invalidating the ordinary wasm32 builds' cache.
cargo_wasm() {
  if [ ! -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library/std" ]; then
    echo "warning: no rust-src component (rustup component add rust-src): building the" \
      "wasm with the prebuilt standard library, about 7 KB gzip heavier" >&2
    cargo build --lib --target wasm32-unknown-unknown --release --target-dir target/wasm-std "$@"
    return
  fi
  RUSTC_BOOTSTRAP=1 \
    RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none -Ctarget-feature=-reference-types" \
    cargo build --lib --target wasm32-unknown-unknown --release --target-dir target/wasm-std \
    -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size "$@"
}
CARGO_WASM_OUT=target/wasm-std/wasm32-unknown-unknown/release/incident_timeline.wasm

# The wasm-opt settings.
#   Rust 1.95 emits these features; wasm-opt must be told.
#   -O2 before -Oz: measured smaller after gzip than -Oz alone.
#   --low-memory-unused: Rust places nothing in the first kilobyte of
#   memory (the stack comes first, from 1 MiB down), so constant offsets
#   fold into loads and stores (about 400 bytes gzip off the widget).
#   Inlining kept to small functions: by default wasm-opt inlines every
#   function that has one caller, however large, so most of the layout and
#   drawing became one 38 KB `chart_draw`. Kept apart, the widget is 2.6 KB
#   gzip smaller (the full core 9 KB), and its cold first draw faster (the
#   render phase at 1,000 events 80 -> 64 ms in the anchor bench, A/B):
#   V8 compiles wasm lazily, a function at a time, and moves busy functions
#   to its optimizing compiler one by one (docs/size.md).
# shellcheck disable=SC2034
WASM_OPT_FLAGS=(
  -O2 -Oz --converge --low-memory-unused
  --one-caller-inline-max-function-size=20 --always-inline-max-function-size=5
  --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int
  --enable-reference-types --enable-multivalue
)
