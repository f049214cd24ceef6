#!/usr/bin/env bash
# Installs every Debian package Skein needs to build, run and test.
# Idempotent: apt-get update runs once, and only missing packages are installed.
set -euo pipefail

BUILD_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libboost-graph-dev rapidjson-dev libsqlitecpp-dev libsqlite3-dev
  libgraphviz-dev graphviz fonts-dejavu-core libicu-dev libssl-dev iso-codes catch2
)
# Tools the test suite uses as independent peers and validators. NetworkX's PageRank and
# spectral code import numpy and scipy, which python3-networkx only recommends: with
# --no-install-recommends they must be named here (a fresh machine lacked them).
# util-linux gives unshare and mount for the store-fault tests. clang-format-14 is what
# scripts/format-check.sh (run by .ci/run) checks the layout with; clang-tidy-14 reads .clang-tidy.
TEST_PACKAGES=(
  sqlite3 libxml2-utils python3 python3-networkx python3-numpy python3-scipy python3-igraph
  nodejs npm parallel clang libclang-rt-14-dev util-linux clang-format-14 clang-tidy-14
)

wanted=("${BUILD_PACKAGES[@]}")
if [[ "${1:-}" == "--with-test-tools" ]]; then
  wanted+=("${TEST_PACKAGES[@]}")
fi

missing=()
for pkg in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
# node may come from outside Debian's packages on some machines; then npm is there too.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  filtered=()
  for pkg in "${missing[@]}"; do
    [[ "$pkg" == nodejs || "$pkg" == npm ]] || filtered+=("$pkg")
  done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi

if ((${#missing[@]} == 0)); then
  echo "setup: all packages present"
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
echo "setup: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
