#!/usr/bin/env bash
# Fuzzes the timeline parser and the layout (fuzz/: see fuzz/README.md) for a
# bounded time each and exits non-zero if any input panics, hangs or takes
# too much memory; the input is left in fuzz/artifacts/<target>/.
#
#   FUZZ_SECONDS=60       seconds per target (default 60)
#   FUZZ_TARGETS="parse layout"
#   FUZZ_ENGINE=auto      libfuzzer (cargo fuzz, coverage-guided), stable (the
#                         runner in fuzz/src/stable.rs: no cargo-fuzz needed), or
#                         auto: libfuzzer when `cargo fuzz` is installed
#
# Both engines build in fuzz/target, never in the main target/. Inputs
# libFuzzer finds interesting go to fuzz/target/corpus/<target> (kept between
# runs, not committed); fuzz/corpus/<target> holds the committed seeds.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
read -r -a targets <<< "${FUZZ_TARGETS:-parse layout}"
engine=${FUZZ_ENGINE:-auto}
if [ "$engine" = auto ]; then
  if cargo fuzz --version >/dev/null 2>&1; then engine=libfuzzer; else engine=stable; fi
fi

status=0
for t in "${targets[@]}"; do
  printf '\n== fuzz %s: %s s (%s)\n' "$t" "$seconds" "$engine"
  case "$engine" in
    libfuzzer)
      mkdir -p "fuzz/target/corpus/$t"
      args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 -len_control=0 -print_final_stats=1)
      if [ "$t" = parse ]; then args+=(-max_len=65536 -dict=fuzz/parse.dict); else args+=(-max_len=4096); fi
      # --sanitizer none: no nightly needed. -a: overflow checks and debug assertions on.
      cargo fuzz run --sanitizer none -a "$t" "fuzz/target/corpus/$t" "fuzz/corpus/$t" -- "${args[@]}" || status=1
      ;;
    stable)
      cargo run --quiet --release --no-default-features --manifest-path fuzz/Cargo.toml --bin stable-fuzz -- "$t" "$seconds" || status=1
      ;;
    *)
      echo "FUZZ_ENGINE must be libfuzzer, stable or auto, not $engine" >&2
      exit 2
      ;;
  esac
done
if [ "$status" != 0 ]; then
  echo "fuzzing found a failure: see the input(s) in fuzz/artifacts/ and fuzz/README.md" >&2
fi
exit "$status"
