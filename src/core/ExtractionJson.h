#pragma once
// The JSONL contract of `skein extract` / `skein load`: one DocumentExtraction per line.
//
//   {"document":{"id","uri","title","published","sha256","text"},
//    "entities":[{"id","label","name","aliases":[],"props":{},"mentions":[{"start","end","text"}]}],
//    "relations":[{"type","source","target","confidence","basis":"text"|"knowledge",
//                  "props":{},"evidence":[{"start","end","rule","text","confidence"}]}]}
//
// Offsets are UTF-8 byte offsets into document.text, end exclusive. Writing is deterministic
// (same value -> same bytes) and produces a single line without a trailing newline.

#include <string>
#include <string_view>

#include "core/Extraction.h"

namespace skein {

std::string to_json_line(const DocumentExtraction& extraction);

// Parses one line. Throws InputError(source, line, reason) when the line is not valid JSON or
// does not follow the contract (missing fields, offsets outside the text, unknown ids, ...).
DocumentExtraction extraction_from_json_line(std::string_view line, const std::string& source,
                                             std::size_t line_number);

}  // namespace skein
