#pragma once
// Token-level annotated corpora, the shape the tagger trainer and the tagger-alone scorer use:
// sentences of gold tokens with their UPOS tags and their named-entity spans, whatever file
// they came from (CoNLL-2003, CoNLL-U, CoNLL04 JSON; see Conll2003Reader.h, ConlluReader.h).
//
// Entity labels are the CoNLL set: "PER", "ORG", "LOC" are scored; "MISC" spans are kept but
// never scored (a prediction overlapping one counts neither way). Spans marked `unscored`
// (GUM's mentions that are not named person/place/organisation names) are also left out of
// scoring and are not names to learn.
//
// All values; no thread-safety concerns beyond those of std containers.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/Document.h"
#include "evaluate/GoldDataset.h"

namespace skein::evaluate {

struct TokenSpan {
  std::uint32_t first = 0;  // first token
  std::uint32_t last = 0;   // one past the last token
  std::string label;        // "PER", "ORG", "LOC", "MISC"
};

struct TaggedSentence {
  std::string text;  // the sentence as text (tokens joined as the file says)
  std::vector<std::string> words;
  std::vector<ByteSpan> offsets;    // of each word in `text`
  std::vector<std::string> upos;    // one per word, or empty when the corpus has none
  std::vector<TokenSpan> entities;  // named entities, sorted, non-overlapping
  std::vector<TokenSpan> unscored;  // spans not scored and not learned from
  std::size_t line = 0;             // line of the first token in the file
};

struct TaggedDocument {
  std::string id;
  std::vector<TaggedSentence> sentences;
};

struct TaggedCorpus {
  std::string source;
  std::string format;         // "conll2003", "conllu", "conll04"
  bool has_pos = false;       // UPOS tags present
  bool has_entities = false;  // entity spans annotated
  std::vector<TaggedDocument> documents;
};

// The corpus as a gold Dataset for `skein eval` through the extractor: one Document per
// corpus document, its sentences joined by line breaks; PER -> Person, ORG -> Organization,
// LOC -> Location (Country or Place); MISC and unscored spans become UnscoredSpans, and a
// prediction on them alone counts neither way (Dataset::unscored_spans_neutral).
Dataset to_dataset(const TaggedCorpus& corpus);

// A CoNLL04 Dataset (Conll04Reader.h) as a TaggedCorpus: its text is the tokens joined by
// single spaces, so the tokens come back by splitting it; Peop/Org/Loc become PER/ORG/LOC and
// Other becomes MISC.
TaggedCorpus tagged_from_conll04(const Dataset& dataset);

// BIO and BILOU tags of a sentence's entity spans ("U-PER", ...), and back: spans from a tag
// sequence (ill-formed sequences are read leniently: a stray I-/L- opens a span).
std::vector<std::string> entity_tags(const TaggedSentence& sentence, bool bilou);
std::vector<TokenSpan> spans_from_tags(const std::vector<std::string>& tags);

}  // namespace skein::evaluate
