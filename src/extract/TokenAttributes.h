#pragma once
// What the knowledge files say about each token of a sentence, as attributes a learned tagger
// takes as features (never as decisions): the lexicon's word classes ("lex=given",
// "lex=surname", "lex=common", ...) and the gazetteer phrase covering the token, longest match
// first, with its kind and the token's place in it ("gaz=country", "gaz=B-country", ...).
//
// This is the one home of that mapping: the trainer (skein train) and the tagging components
// both call it, so a model always meets the attributes it was trained with. Changing the
// attributes => retrain the NER model.
//
// Attributes are small integer ids into attribute_names(); a tagger hashes each name once.
// Thread-safety: a TokenAttributes is read-only after construction (it borrows the Knowledge,
// which must outlive it); attributes_of() may run on many threads, each with its own output.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/Knowledge.h"

namespace skein::extract {

// Per-token attribute ids of one sentence: token i's ids are ids[offsets[i] .. offsets[i+1]).
struct SentenceAttributes {
  std::vector<std::uint16_t> ids;
  std::vector<std::uint32_t> offsets;
  std::string scratch;  // normalised phrase being looked up; reused
};

class TokenAttributes {
 public:
  explicit TokenAttributes(const Knowledge& knowledge) : knowledge_(knowledge) {}

  // Every attribute's name, indexed by id.
  static const std::vector<std::string>& attribute_names();

  // From normalised token forms (Segmenter's Token::norm / append_normalized).
  void attributes_of(const std::string_view* norms, std::size_t count,
                     SentenceAttributes& out) const;

  // From raw words of a tokenised corpus: normalises them as the segmenter would (a word with
  // a final period and a letter before it counts as an abbreviation; a hyphenated compound is
  // its parts around " - ", "saint - gall", as DocumentTagger shows a compound) and calls the
  // above.
  void attributes_of_words(const std::vector<std::string>& words, SentenceAttributes& out) const;

 private:
  const Knowledge& knowledge_;
};

}  // namespace skein::extract
