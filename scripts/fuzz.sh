#!/usr/bin/env bash
# Fuzzes the timeline parser, the layout, the importers and the post-mortem
# text reader (fuzz/: see fuzz/README.md) for a
# bounded time each and exits non-zero if any input panics, hangs or takes
# too much memory; the input is left in fuzz/artifacts/<target>/.
#
#   npm run fuzz                 every target for 10 minutes (the routine deep run)
#   FUZZ_SECONDS=45              seconds per target (CI's short run: scripts/test.sh)
#   FUZZ_TARGETS="parse layout import text"  which targets
#   FUZZ_ENGINE=auto             libfuzzer (cargo fuzz, coverage-guided), stable (the
#                                runner in fuzz/src/stable.rs: no cargo-fuzz needed), or
#                                auto: libfuzzer when `cargo fuzz` is installed
#   bash scripts/fuzz.sh --cmin  after a long run: merge what libFuzzer found into
#                                the committed corpus, minimized (cargo fuzz cmin)
#
# Both engines build in fuzz/target, never in the main target/. Inputs
# libFuzzer finds interesting go to fuzz/target/corpus/<target> (kept between
# runs, not committed); fuzz/corpus/<target> holds the committed, minimized
# corpus. The parse target also starts from www/examples and
# tests/fixtures/invalid themselves, the import target from tests/fixtures/feeds
# (no copies of them are kept).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-600}
read -r -a targets <<< "${FUZZ_TARGETS:-parse layout import text}"
engine=${FUZZ_ENGINE:-auto}
if [ "$engine" = auto ]; then
  if cargo fuzz --version >/dev/null 2>&1; then engine=libfuzzer; else engine=stable; fi
fi

# seeds <target>: the read-only seed folders of a target that exist.
seeds() {
  local dirs=("fuzz/corpus/$1")
  [ "$1" = parse ] && dirs+=(www/examples tests/fixtures/invalid)
  [ "$1" = import ] && dirs+=(tests/fixtures/feeds)
  for d in "${dirs[@]}"; do [ -d "$d" ] && echo "$d"; done
  return 0
}

if [ "${1:-}" = --cmin ]; then
  for t in "${targets[@]}"; do
    printf '\n== cmin %s\n' "$t"
    mkdir -p "fuzz/corpus/$t"
    [ -d "fuzz/target/corpus/$t" ] && cp -n "fuzz/target/corpus/$t"/* "fuzz/corpus/$t"/ 2>/dev/null || true
    before=$(ls "fuzz/corpus/$t" | wc -l)
    cargo fuzz cmin --sanitizer none -a "$t" "fuzz/corpus/$t"
    echo "fuzz/corpus/$t: $before inputs, $(ls "fuzz/corpus/$t" | wc -l) after cmin"
  done
  exit 0
fi

status=0
for t in "${targets[@]}"; do
  printf '\n== fuzz %s: %s s (%s)\n' "$t" "$seconds" "$engine"
  case "$engine" in
    libfuzzer)
      mkdir -p "fuzz/target/corpus/$t"
      args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 -len_control=0 -print_final_stats=1)
      case "$t" in
        parse) args+=(-max_len=65536 -dict=fuzz/parse.dict) ;;
        import) args+=(-max_len=65536 -dict=fuzz/import.dict) ;;
        text) args+=(-max_len=65536 -dict=fuzz/text.dict) ;;
        *) args+=(-max_len=4096) ;;
      esac
      mapfile -t dirs < <(seeds "$t")
      # --sanitizer none: no nightly needed. -a: overflow checks and debug assertions on.
      cargo fuzz run --sanitizer none -a "$t" "fuzz/target/corpus/$t" "${dirs[@]}" -- "${args[@]}" || status=1
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
