#!/usr/bin/env bash
# Checks src/ with clang-tidy 14 (Debian's, installed by scripts/setup.sh --with-test-tools) and
# the checks in .clang-tidy, through the compile commands of ./build (configured here, with
# -DCMAKE_EXPORT_COMPILE_COMMANDS=ON, when they are missing). Lists every finding and fails when
# there is one; changes nothing.
#   bash scripts/tidy-check.sh                  # every .cpp under src/ (and the headers they use)
#   bash scripts/tidy-check.sh src/store/*.cpp  # some files
# Not run in CI: one clang-tidy pass over src/ (129 files) took 45 minutes on one core of a
# shared 2-core machine, which CI's 30-minute budget does not leave. Run it before a release or
# after a change that touches many files. SKEIN_TIDY_JOBS sets the parallelism (default 1: the
# machine stays usable for others).
set -euo pipefail
cd "$(dirname "$0")/.."
tidy=clang-tidy-14
if ! command -v "$tidy" >/dev/null 2>&1; then
  echo "tidy-check: $tidy is missing; run 'bash scripts/setup.sh --with-test-tools' as root" >&2
  exit 2
fi
build_dir="${SKEIN_BUILD_DIR:-build}"
if [[ ! -f "$build_dir/compile_commands.json" ]]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
fi
if (($# > 0)); then
  files=("$@")
else
  mapfile -t files < <(git ls-files -- 'src/*.cpp')
fi
# The build's flags are GCC's: clang must not stop at the GCC-only warnings (-Wno-restrict) or
# at RapidJSON's iterators, which C++20 calls ambiguous (clang-diagnostic-*, not a check).
extra=(-extra-arg=-Wno-unknown-warning-option -extra-arg=-Wno-ambiguous-reversed-operator)
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
printf '%s\n' "${files[@]}" |
  xargs -r -P "${SKEIN_TIDY_JOBS:-1}" -I{} "$tidy" -p "$build_dir" --quiet "${extra[@]}" {} \
    >"$log" 2>/dev/null || true
# A header's finding is reported by every file that includes it: count it once.
mapfile -t findings < <(grep -E '^[^ ].*:[0-9]+:[0-9]+: (warning|error):' "$log" | sort -u)
if ((${#findings[@]} > 0)); then
  printf '%s\n' "${findings[@]}" >&2
  echo "tidy-check: ${#findings[@]} findings in ${#files[@]} files (.clang-tidy)" >&2
  exit 1
fi
echo "tidy-check: ${#files[@]} files clean (.clang-tidy)"
