#pragma once
// Reads CoNLL04 in the JSON layout of SpERT-style code: a JSON list of sentences
//   {"tokens": [...], "tags": [BILOU per token], "relations": [{"head","tail","type"}], "orig_id"}
//
// Mapping to a Dataset (decisions, documented in docs/gold-format.md):
//  - text = tokens joined by single spaces, verbatim ("-LCB-" stays as written); each sentence
//    is one Document with uri "<file name>#<orig_id>".
//  - BILOU tags become mention spans from the first token's first byte to the last token's end.
//    Peop -> class Person, Org -> Organization, Loc -> Location (accepts Country or Place).
//    Other is not scored: its spans become UnscoredSpans, and predictions overlapping them are
//    false positives (standard practice: the extractor claimed an entity of a scored class
//    where the gold says it is none).
//  - relations index entities in order of appearance, Other included. Located_In and
//    OrgBased_In -> located-in, Work_For -> affiliated-with (all directed); Live_In and Kill
//    are kept under their own names as uncovered types. A relation touching an Other entity
//    is dropped (none exist in the distributed splits).
//  - every mention is its own group (CoNLL04 has no coreference).
//
// Throws InputError naming the file (and the line, for JSON syntax errors; the sentence index
// and orig_id otherwise) on malformed input: bad JSON, tokens/tags length mismatch, an
// ill-formed BILOU sequence, an unknown tag or relation type, a relation index out of range.
// Pure functions; thread-safe.

#include <string>
#include <string_view>

#include "evaluate/GoldDataset.h"

namespace skein::evaluate {

Dataset read_conll04(const std::string& path);

// `source` names the content in errors and document uris.
Dataset parse_conll04(std::string_view json, const std::string& source);

}  // namespace skein::evaluate
