#include "evaluate/Evaluation.h"

#include "core/Error.h"
#include "evaluate/Conll04Reader.h"
#include "evaluate/GoldJsonlReader.h"

namespace skein::evaluate {
namespace {

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

Dataset read_dataset(const std::string& path, const std::string& format) {
  std::string chosen = format;
  if (chosen == "auto") {
    if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson")) chosen = "gold";
    else if (ends_with(path, ".json")) chosen = "conll04";
    else throw UsageError("cannot tell the format of " + path + " from its name: give --format conll04|gold");
  }
  if (chosen == "conll04") return read_conll04(path);
  if (chosen == "gold") return read_gold_jsonl(path);
  throw UsageError("unknown format '" + format + "' (expected conll04, gold or auto)");
}

Report evaluate(const Dataset& dataset, const extract::Extractor& extractor, const ScorerOptions& options) {
  Scorer scorer(dataset, options);
  // A dataset whose reader normalised gold spans is also scored against the spans as
  // written, from the same extractions, so a report never shows only the kinder figure.
  const bool both = !dataset.span_normalization.empty() && !options.as_written_spans;
  ScorerOptions written_options = options;
  written_options.as_written_spans = true;
  Scorer written(dataset, written_options);
  for (const auto& gold : dataset.documents) {
    const DocumentExtraction extraction = extractor.extract(gold.document);
    scorer.add(gold, extraction);
    if (both) written.add(gold, extraction);
  }
  Report report = scorer.report();
  if (both) {
    Report as_written = written.report();
    report.entities_as_written = std::move(as_written.entities);
    report.entity_micro_as_written = std::move(as_written.entity_micro);
  }
  return report;
}

}  // namespace skein::evaluate
