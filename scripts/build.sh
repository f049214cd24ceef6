#!/usr/bin/env bash
# Configures and builds Skein into ./build (or $SKEIN_BUILD_DIR). Extra arguments go to cmake.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${SKEIN_BUILD_DIR:-build}"
launcher=(); command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# Paths below the checkout are hashed relative to it, so a fresh clone elsewhere (CI) reuses
# the compiler cache of an earlier build of the same sources.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
cmake -S . -B "$build_dir" -G Ninja "${launcher[@]}" -DCMAKE_BUILD_TYPE="${SKEIN_BUILD_TYPE:-Release}" "$@" >/dev/null
cmake --build "$build_dir" --parallel "$(nproc)"
