#pragma once
// Runs the real Extractor over a gold Dataset and scores it: the one call behind
// `skein eval` and bench/eval_quality.
//
// Thread-safety: evaluate() may run concurrently with other calls; it uses the Extractor
// read-only (Extractor::extract is const and thread-safe).

#include <string>

#include "evaluate/GoldDataset.h"
#include "evaluate/Scorer.h"
#include "evaluate/TaggedCorpus.h"
#include "extract/Extractor.h"

namespace skein::evaluate {

// "conll04", "gold", "conll2003", "conllu", or "auto": by name, .jsonl/.ndjson -> gold,
// .json -> conll04, .conllu or a folder -> conllu, .conll or eng.* -> conll2003.
// Throws UsageError for an unknown format name or a name auto cannot place, and
// InputError (via the readers) for unreadable or malformed files.
std::string dataset_format(const std::string& path, const std::string& format = "auto");
Dataset read_dataset(const std::string& path, const std::string& format = "auto");
// The gold tokens of a CoNLL-2003, CoNLL-U or CoNLL04 file, to score a tagger alone.
TaggedCorpus read_tagged_corpus(const std::string& path, const std::string& format = "auto");

// Extracts every document of the dataset and scores the results.
Report evaluate(const Dataset& dataset, const extract::Extractor& extractor,
                const ScorerOptions& options = {});

}  // namespace skein::evaluate
