#!/usr/bin/env bash
# Installs every Debian package Skein needs to build, run and test.
# Idempotent: apt-get update runs once, and only missing packages are installed.
set -euo pipefail

BUILD_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libboost-graph-dev rapidjson-dev libsqlitecpp-dev libsqlite3-dev
  libgraphviz-dev graphviz fonts-dejavu-core libicu-dev libssl-dev iso-codes catch2
  libxml2-dev libpoppler-cpp-dev libcpp-httplib-dev
)
# Tools the test suite uses as independent peers and validators. NetworkX's PageRank and
# spectral code import numpy and scipy, which python3-networkx only recommends: with
# --no-install-recommends they must be named here (a fresh machine lacked them).
# util-linux gives unshare and mount for the store-fault tests. python3-reportlab writes the
# PDF reports the ingest tests read back (with fonts-dejavu-core's TrueType font). chromium
# (Debian's, never a downloaded build) runs the browser view's tests headless, driven by
# puppeteer-core from web/. clang-format-14 is what scripts/format-check.sh (run by .ci/run)
# checks the layout with; clang-tidy-14 reads .clang-tidy.
TEST_PACKAGES=(
  sqlite3 libxml2-utils python3 python3-networkx python3-numpy python3-scipy python3-igraph
  nodejs npm parallel clang libclang-rt-14-dev util-linux python3-reportlab chromium
  clang-format-14 clang-tidy-14
)

# `skein export html` and `skein serve` inline JavaScript libraries from the npm registry
# (web/install.sh); --with-web installs node and npm for that and runs it.
WEB_PACKAGES=(nodejs npm)

wanted=("${BUILD_PACKAGES[@]}")
with_web=false
for option in "$@"; do
  case $option in
    --with-test-tools) wanted+=("${TEST_PACKAGES[@]}") ;;
    --with-web) wanted+=("${WEB_PACKAGES[@]}"); with_web=true ;;
  esac
done
install_web() {
  if $with_web; then bash "$(dirname "$0")/../web/install.sh" --runtime; fi
}

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
  install_web
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
echo "setup: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
install_web
