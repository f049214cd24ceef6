#!/usr/bin/env bash
# Rebuilds every trained model in data/models/ from the annotated data in ../shared/dev-data,
# deterministically: the same data and the same Skein give byte-identical model files (each
# trainer fixes its seed and walks its files in sorted order). Takes tens of minutes on one
# core; CI does not run it (a tiny model is trained in the test suite instead).
#   scripts/train-models.sh [MODEL...]   default: every model
set -euo pipefail
cd "$(dirname "$0")/.."
skein=${SKEIN_BINARY:-build/src/cli/skein}
[[ -x "$skein" ]] || { echo "train-models: build Skein first ($skein not found)" >&2; exit 1; }
data=${SKEIN_DEV_DATA:-../shared/dev-data}
models=("$@")
((${#models[@]})) || models=(parser)
mkdir -p data/models
for model in "${models[@]}"; do
  echo "train-models: $model"
  "$skein" train "$model" --data "$data" -o "data/models/$model.model"
  sha256sum "data/models/$model.model"
done
