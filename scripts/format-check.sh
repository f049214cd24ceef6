#!/usr/bin/env bash
# Checks that every C++ file under src/ tests/ bench/ fuzz/ is laid out as .clang-format says,
# with Debian's clang-format 14 (installed by scripts/setup.sh --with-test-tools), and that no
# file under src/ is longer than 800 lines (split it by what it does; src/README.md). Lists every
# file that fails and fails; changes nothing. To fix the layout in place:
#   bash scripts/format-check.sh --fix
# Called by .ci/run before the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
format=clang-format-14
if ! command -v "$format" >/dev/null 2>&1; then
  echo "format-check: $format is missing; run 'bash scripts/setup.sh --with-test-tools' as root" >&2
  exit 2
fi
mapfile -d '' files < <(git ls-files -z -- 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' \
  'bench/*.cpp' 'bench/*.h' 'fuzz/*.cpp' 'fuzz/*.h')
if [[ "${1:-}" == "--fix" ]]; then
  printf '%s\0' "${files[@]}" | xargs -0 -r -n 50 "$format" -i
  echo "format-check: formatted ${#files[@]} files"
  exit 0
fi
max_lines=800
long=()
for file in "${files[@]}"; do
  if [[ "$file" == src/* ]] && (($(wc -l <"$file") > max_lines)); then long+=("$file"); fi
done
if ((${#long[@]} > 0)); then
  echo "format-check: ${#long[@]} files under src/ are longer than $max_lines lines:" >&2
  printf '  %s\n' "${long[@]}" >&2
  exit 1
fi
bad=()
for file in "${files[@]}"; do
  if ! "$format" --dry-run -Werror "$file" >/dev/null 2>&1; then bad+=("$file"); fi
done
if ((${#bad[@]} > 0)); then
  echo "format-check: ${#bad[@]} of ${#files[@]} files differ from .clang-format:" >&2
  printf '  %s\n' "${bad[@]}" >&2
  echo "format-check: fix with 'bash scripts/format-check.sh --fix'" >&2
  exit 1
fi
echo "format-check: ${#files[@]} files match .clang-format"
