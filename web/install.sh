#!/usr/bin/env bash
# Installs the JavaScript libraries Skein's browser view inlines (sigma.js, graphology) and the
# DevTools-protocol client the browser tests drive Debian's chromium with (puppeteer-core;
# it never downloads a browser), pinned by package-lock.json. Called by scripts/setup.sh
# --with-web, scripts/test.sh and scripts/quickstart.sh; safe to run again.
# `skein export html` and `skein serve` read the libraries from web/node_modules (or, installed,
# from <prefix>/share/skein/web/); without them they stop with a one-line reason naming this
# script, and every other command works as before.
set -euo pipefail
cd "$(dirname "$0")"
export PUPPETEER_SKIP_DOWNLOAD=1
libraries=(node_modules/sigma/dist/sigma.min.js node_modules/graphology/dist/graphology.umd.min.js)
if [[ "${1:-}" == "--runtime" ]]; then
  # Only the libraries skein inlines; leaves an existing install (with the test driver) alone.
  if [[ -s ${libraries[0]} && -s ${libraries[1]} ]]; then
    echo "web libraries present in $(pwd)/node_modules"
    exit 0
  fi
  npm ci --omit=dev --no-audit --no-fund --loglevel=error
else
  npm ci --no-audit --no-fund --loglevel=error
fi
for file in "${libraries[@]}"; do
  [[ -s "$file" ]] || { echo "web/install.sh: $file is missing after npm ci" >&2; exit 1; }
done
echo "web libraries installed in $(pwd)/node_modules"
