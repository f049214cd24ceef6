#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan, build-fuzz/) and runs each for a
# bounded time from its checked-in seed corpus fuzz/corpus/<target>/. Fails when a target
# finds a crash, a leak, a timeout or an out-of-memory; the input is kept in
# build-fuzz/artifacts/<target>/ (add it to the seeds and write a regression test).
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default 60, all targets)
#   SKEIN_FUZZ_BUILD_DIR=dir   build directory (default build-fuzz)
#   SKEIN_FUZZ_JOBS=N          targets run side by side (default 1)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  targets=(fuzz_document_source fuzz_extraction_json fuzz_segmenter fuzz_extractor fuzz_rules)
fi
build_dir="${SKEIN_FUZZ_BUILD_DIR:-build-fuzz}"
jobs="${SKEIN_FUZZ_JOBS:-1}"

launcher=(); command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"  # cache hits across clones (see build.sh)
CC=clang CXX=clang++ cmake -S fuzz -B "$build_dir" -G Ninja "${launcher[@]}" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSKEIN_FUZZ=ON >/dev/null
cmake --build "$build_dir" --target "${targets[@]}" --parallel "$(nproc)"

export UBSAN_OPTIONS="suppressions=$PWD/fuzz/ubsan.supp:halt_on_error=1:print_stacktrace=1"
export ASAN_OPTIONS="detect_leaks=1"

run_target() {
  local target="$1" seconds="$2" build_dir="$3"
  # Work on a copy: what the fuzzer adds stays in the build dir, the seeds stay small.
  local corpus="$build_dir/corpus/$target" artifacts="$build_dir/artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  cp -n fuzz/corpus/"$target"/* "$corpus"/ 2>/dev/null || true
  local log="$build_dir/$target.log"
  if ! "$build_dir/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" \
      >"$log" 2>&1; then
    echo "FAIL $target: see $log"
    grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -5
    return 1
  fi
  local runs
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  echo "ok   $target: ${runs:-?} executions in ${seconds} s"
}
export -f run_target

status=0
printf '%s\n' "${targets[@]}" |
  xargs -P "$jobs" -I{} bash -c 'run_target "$@"' _ {} "$seconds" "$build_dir" || status=1
exit $status
