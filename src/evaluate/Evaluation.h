#pragma once
// Runs the real Extractor over a gold Dataset and scores it: the one call behind
// `skein eval` and bench/eval_quality.
//
// Thread-safety: evaluate() may run concurrently with other calls; it uses the Extractor
// read-only (Extractor::extract is const and thread-safe).

#include <string>

#include "evaluate/GoldDataset.h"
#include "evaluate/Scorer.h"
#include "extract/Extractor.h"

namespace skein::evaluate {

// "conll04", "gold", or "auto": by extension, .jsonl/.ndjson -> gold, .json -> conll04.
// Throws UsageError for an unknown format name or an extension auto cannot place, and
// InputError (via the readers) for unreadable or malformed files.
Dataset read_dataset(const std::string& path, const std::string& format = "auto");

// Extracts every document of the dataset and scores the results.
Report evaluate(const Dataset& dataset, const extract::Extractor& extractor,
                const ScorerOptions& options = {});

}  // namespace skein::evaluate
