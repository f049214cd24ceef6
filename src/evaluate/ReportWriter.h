#pragma once
// Renders a Report for people (aligned tables) and for programs (one JSON object).
// Pure functions; thread-safe.
//
// JSON shape:
//   {"source","format","documents",
//    "entities":{"labels":[{"name","strict":{"tp","fp","fn","precision","recall","f1"},
//                           "lenient":{...}}], "micro":{"strict":{...},"lenient":{...}},
//                "span_normalization", "normalized_gold_mentions",        (when normalised)
//                "as_written":{"labels":[...], "micro":{...}}},           (same, raw spans)
//    "relations":{"types":[{"name","symmetric","covered","strict","lenient",
//                           "recall_by_original_type":{"Located_In":{"tp","fn","recall"}}}],
//                 "micro":{...}},
//    "errors":{"entities":[{"kind","side":"fp"|"fn","count","examples":[{"document","text",
//                           "predicted","gold","context"}]}], "relations":[...]},
//    "notes":{"reason": count}}

#include <cstddef>
#include <ostream>
#include <string>

#include "evaluate/Scorer.h"

namespace skein::evaluate {

// `max_examples` caps the examples printed per error group (0 = counts only).
void write_text_report(std::ostream& out, const Report& report, std::size_t max_examples);

std::string to_json(const Report& report, std::size_t max_examples);

}  // namespace skein::evaluate
