#pragma once
// What a tagger said earlier in the same document about a capitalised word: the entity labels
// of the spans it stood in ("PER", "ORG", ... : tag names without their B-/I-/L-/U- prefix).
// A model trained with it (TrainerOptions::document_memory) reads them as attributes
// "mem=<label>" of a later capitalised token with the same word, so "Leeds" tagged an
// organisation in one sentence leans the same way in the next. The trainer fills it with its
// own predictions, as the tagger does at run time, so training sees the memory a tagger will
// have.
//
// Thread-safety: one per document being tagged; not shared.

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "learn/Features.h"

namespace skein::learn {

class DocumentMemory {
 public:
  // `tags` as the model's tag list; tags outside a BILOU or BIO scheme ("O") record nothing.
  explicit DocumentMemory(const std::vector<std::string>& tags);

  // Forgets everything: a new document starts.
  void clear() { seen_.clear(); }
  // Appends the memory attributes of `word` (nothing for an uncapitalised or unseen word).
  void recall(std::string_view word, std::vector<std::uint64_t>& out) const;
  // Records the capitalised words of tagged tokens: words[i] had tags[i].
  void remember(const TokenView* words, const std::uint16_t* tags, std::size_t count);

 private:
  static std::uint64_t key_of(std::string_view word);  // 0 when not capitalised

  std::vector<std::int32_t> label_of_tag_;                 // -1: no entity
  std::vector<std::uint64_t> label_hashes_;                // attribute_hash("mem=<label>") by label
  std::unordered_map<std::uint64_t, std::uint32_t> seen_;  // word key -> label bits
};

}  // namespace skein::learn
