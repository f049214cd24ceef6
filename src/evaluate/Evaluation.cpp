#include "evaluate/Evaluation.h"

#include <filesystem>

#include "core/Error.h"
#include "evaluate/Conll04Reader.h"
#include "evaluate/Conll2003Reader.h"
#include "evaluate/ConlluReader.h"
#include "evaluate/GoldJsonlReader.h"

namespace skein::evaluate {
namespace {

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::string dataset_format(const std::string& path, const std::string& format) {
  if (format != "auto") {
    if (format == "conll04" || format == "gold" || format == "conll2003" || format == "conllu")
      return format;
    throw UsageError("unknown format '" + format +
                     "' (expected conll04, gold, conll2003, conllu or auto)");
  }
  const std::string name = std::filesystem::path(path).filename().string();
  std::error_code ec;
  if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson")) return "gold";
  if (ends_with(path, ".json")) return "conll04";
  if (ends_with(path, ".conllu") || std::filesystem::is_directory(path, ec)) return "conllu";
  if (ends_with(path, ".conll") || name.rfind("eng.", 0) == 0) return "conll2003";
  throw UsageError("cannot tell the format of " + path +
                   " from its name: give --format conll04|gold|conll2003|conllu");
}

TaggedCorpus read_tagged_corpus(const std::string& path, const std::string& format) {
  const std::string chosen = dataset_format(path, format);
  if (chosen == "conll2003") return read_conll2003(path);
  if (chosen == "conllu") return read_conllu(path);
  if (chosen == "conll04") return tagged_from_conll04(read_conll04(path));
  throw UsageError(path + ": gold JSONL has no gold tokens to score a tagger alone on");
}

Dataset read_dataset(const std::string& path, const std::string& format) {
  const std::string chosen = dataset_format(path, format);
  if (chosen == "conll04") return read_conll04(path);
  if (chosen == "gold") return read_gold_jsonl(path);
  return to_dataset(read_tagged_corpus(path, chosen));
}

Report evaluate(const Dataset& dataset, const extract::Extractor& extractor,
                const ScorerOptions& options) {
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
