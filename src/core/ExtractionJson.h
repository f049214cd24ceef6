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
//
// Added to the contract (optional when reading, always written): "document":{"excluded":
// [{"start","end"}]} carries Document::excluded so debris marks survive extract -> load.
// Top-level "sentences":[{"start","end"}] carries DocumentExtraction::sentences (written when
// not empty; ordered, non-overlapping, within the text) so co-mention survives extract -> load.
// Entity "key" is not written: it is the part of "id" after "<label>:" and is derived from it.
//
// Reading is strict about what it uses and lenient about what it does not: every field named
// above is type-checked; "document.text", "document.uri", "entities", "relations", each
// entity's "id"/"label"/"name", each relation's "type"/"source"/"target" and at least one
// "evidence" entry, and each evidence "rule" and span are required, the rest default (confidence 1,
// basis "text", empty strings and lists). Unknown fields are ignored so newer writers stay
// readable. Checked: offsets start <= end <= text size and on UTF-8 character boundaries; each
// mention/evidence "text" equals the document text under its span; "sha256", when present, equals
// the text's hash (it is computed when absent); entity ids are "<label>:<key>" and unique; relation
// endpoints are entities of the same line; confidences in [0, 1]; nesting at most 16 levels;
// strings valid UTF-8. Errors name the field path, e.g. "relations[2].evidence[0].end: ...".
//
// Confidences are written to six decimal places, so a line read and written again is the same.
//
// Thread-safety: both functions are pure and may run concurrently.

#include <string>
#include <string_view>

#include "core/Extraction.h"

namespace skein {

// Throws skein::Error if a string is not valid UTF-8 or a confidence is not finite (both are
// bugs upstream: ingest validates text).
std::string to_json_line(const DocumentExtraction& extraction);

// Parses one line. Throws InputError(source, line, reason) when the line is not valid JSON or
// does not follow the contract (missing fields, offsets outside the text, unknown ids, ...).
DocumentExtraction extraction_from_json_line(std::string_view line, const std::string& source,
                                             std::size_t line_number);

}  // namespace skein
