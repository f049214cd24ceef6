#pragma once
// Reads Skein's gold annotation format (docs/gold-format.md): JSON Lines, one document per
// line, that users write by hand for their own documents.
//
//   {"id": "a01", "path": "a01.txt" | "text": "...", "title"?, "published"?,
//    "entities": [{"text": "Moreau", "label": "Person", "name"?: "Emmanuel Moreau", "optional"?:
//    true}
//               | {"start": 10, "end": 16, "label": "Country", "text"?: "France"}],
//    "relations": [{"type": "met-with", "source": 0 | "Emmanuel Moreau", "target": ...,
//                   "optional"?: true, "coref"?: true}]}
//
// - "path" is relative to the gold file's folder; the file's bytes become the text and its
//   first non-blank line the title. Page debris is marked as ingest would mark it.
// - An entity with "start"/"end" (UTF-8 byte offsets, end exclusive) is taken as given ("text",
//   if present, must equal the bytes there). An entity with only "text" is anchored: it is the
//   first whole-word occurrence of that text at or after the end of the previous entity in the
//   list, so entities are listed in text order and offsets need not be counted by hand.
// - "name" says which entity a mention refers to (default: its own text). Mentions with the
//   same label and name are one entity (one group).
// - A relation endpoint is an entity index (that mention's entity) or a name. A name shared
//   by entities of two labels is ambiguous and must be given as an index.
// - Labels: Person, Organization, Country, Place, or any other label (scored as given).
//   Relation types: met-with and trades-with (symmetric), located-in and affiliated-with
//   (directed), or any other type (directed).
// - "optional": true on an entity or relation marks a borderline item: the scorer neither
//   rewards nor penalises a prediction matching it, and missing it is no miss.
//   "coref": true on a relation marks one whose party is only a pronoun or description in the
//   evidence sentence; the report counts those found and missed. Both default to false.
// - Blank lines are skipped.
//
// Throws InputError "file:line: reason" naming the field on anything malformed: bad JSON,
// missing or mistyped fields, offsets outside the text or inside a UTF-8 character, anchored
// text not found, unknown or ambiguous relation endpoints, duplicate mentions or relations.
// Pure apart from reading files; thread-safe.

#include <string>
#include <string_view>

#include "evaluate/GoldDataset.h"

namespace skein::evaluate {

Dataset read_gold_jsonl(const std::string& path);

// `source` names the content in errors; "path" fields resolve against `base_dir`.
Dataset parse_gold_jsonl(std::string_view content, const std::string& source,
                         const std::string& base_dir);

}  // namespace skein::evaluate
