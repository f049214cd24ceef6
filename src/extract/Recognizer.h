#pragma once
// The per-document half of the extractor: recognition, resolution and relation rules over the
// segmentation of one document (see Extractor.h for the contract and DESIGN.md for the layers).
//
// Thread-safety: run() is const and keeps all its working state on the stack, so one
// Recognizer serves every thread. It borrows the Knowledge and RuleSet, which must outlive it.

#include <cstdint>
#include <string>
#include <vector>

#include "core/Extraction.h"
#include "extract/Extractor.h"
#include "extract/Knowledge.h"
#include "extract/Rules.h"
#include "extract/Segmenter.h"

namespace skein::extract {

class Recognizer {
 public:
  Recognizer(Knowledge& knowledge, const RuleSet& rules, const ExtractorOptions& options);

  DocumentExtraction run(const Document& document) const;

 private:
  const Knowledge& knowledge_;
  const RuleSet& rules_;
  ExtractorOptions options_;
  SegmenterHooks hooks_;
  std::vector<std::vector<const RelationRule*>> rules_by_type_;  // per relation type, in order
};

}  // namespace skein::extract
