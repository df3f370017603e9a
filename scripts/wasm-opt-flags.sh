# The wasm-opt settings every build of the package uses, sourced by
# scripts/build.sh and scripts/size-breakdown.sh (so a size breakdown
# measures what ships).
#   Rust 1.95 emits these features; wasm-opt must be told.
#   -O2 before -Oz: measured smaller after gzip than -Oz alone.
#   --low-memory-unused: Rust places nothing in the first kilobyte of
#   memory (the stack comes first, from 1 MiB down), so constant offsets
#   fold into loads and stores (about 400 bytes gzip off the widget).
# shellcheck disable=SC2034
WASM_OPT_FLAGS=(
  -O2 -Oz --converge --low-memory-unused
  --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int
  --enable-reference-types --enable-multivalue
)
