#!/usr/bin/env bash
# Rebuilds every learned model (POS and NER taggers, dependency parser) in data/models/ from the annotated corpora in ../shared/dev-data
# (train splits only), deterministically: the same corpora give byte-identical files. Prints
# each model's tagger-alone dev scores (the figures in data/README.md's model cards).
#   scripts/train-models.sh [DEV_DATA_DIR]      (builds skein first if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
dev_data="${1:-../shared/dev-data}"
build_dir="${SKEIN_BUILD_DIR:-build}"
if [[ ! -x "$build_dir/src/cli/skein" ]]; then
  SKEIN_BUILD_DIR="$build_dir" scripts/build.sh
fi
skein="$build_dir/src/cli/skein"
mkdir -p data/models
# The epoch counts are the ones the model cards report; change them there too.
"$skein" train pos --data "$dev_data" --epochs 8 --runs 3 --beam 2 -o data/models/pos.skm --knowledge data
"$skein" train ner --data "$dev_data" --epochs 10 --seed 2 --runs 3 --beam 2 --prune 8 -o data/models/ner.skm --knowledge data
"$skein" train parser --data "$dev_data" --epochs 10 -o data/models/parser.skm
sha256sum data/models/*.skm
