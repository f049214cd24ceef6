#!/usr/bin/env bash
# The main job on the bundled examples: set up, build, ingest examples/ into skein.db, print a
# summary, render the graph to SVG and export it (every format, and the browser view). The store is ./skein.db; diagrams and exports land in ./skein-out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-web
scripts/build.sh
bash examples/run.sh build/src/cli/skein skein.db skein-out
