#!/usr/bin/env bash
# Sets up (Debian packages and the npm clients the tests use), builds, and runs the whole
# test suite. This is the README's test command and what CI runs.
#   SKEIN_WERROR=ON      treat compiler warnings as errors (CI sets it)
#   SKEIN_SANITIZE=ON    build with clang, AddressSanitizer and UBSan (in build-asan/) and run
#                        the same suite under them
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh --with-test-tools
# The exporter tests load our output in real clients from the npm registry.
if [[ -f tests/exporters/js/install.sh ]]; then
  bash tests/exporters/js/install.sh
fi
# The browser view's libraries (inlined by `skein export html`) and the browser-test driver.
bash web/install.sh
# Fail now, with the full list, if anything the tests call is missing.
bash scripts/preflight.sh

build_dir=build
extra=()
if [[ "${SKEIN_SANITIZE:-OFF}" == ON ]]; then
  build_dir=build-asan
  # clang: GCC 12 with -fsanitize=address reports false -Wmaybe-uninitialized in <regex>.
  export CC=clang CXX=clang++
  # Only third-party code is suppressed; see each file for what and why.
  export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizer/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS="suppressions=$PWD/tests/sanitizer/ubsan.supp:print_stacktrace=1:halt_on_error=1"
  export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1"
  extra=(-DSKEIN_BUILD_BENCH=OFF)  # no test runs the benchmarks; the plain build has them
fi
SKEIN_BUILD_DIR=$build_dir SKEIN_BUILD_TYPE=${SKEIN_BUILD_TYPE:-Release} scripts/build.sh \
  -DSKEIN_WERROR="${SKEIN_WERROR:-OFF}" -DSKEIN_SANITIZE="${SKEIN_SANITIZE:-OFF}" "${extra[@]}"
ctest --test-dir "$build_dir" --output-on-failure --parallel "$(nproc)" --timeout 900
