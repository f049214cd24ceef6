#pragma once
// Runs the learned taggers (learn/TaggerModel.h) over a segmented document: the run-time half
// of what `skein train` builds, shared by the POS and NER components and bench/tagger_speed.
//
//  - Each sentence of the Segmentation is tagged as one sequence; words are the tokens' text.
//  - With Compounds::kOneWord, a hyphenated compound of capitalised words or numbers that the
//    segmenter split ("Mohi-Uddin" into "Mohi", "-", "Uddin") is one word to the model, as
//    CoNLL-2003 tokenises it and the NER model was trained; its tag is spread back over the
//    parts ("U-PER" becomes B-, I-, L-PER), so a name never ends inside it. A compound with a
//    lower-case part ("Oscar-winner", "al-Qaeda") stays in parts: the model reads those better
//    so. With Compounds::kParts (POS, as UD tokenises) each part is a word.
//  - An NER model also gets each token's knowledge attributes from TokenAttributes (the same
//    function training used), computed from the tokens' normalised forms.
//  - A model trained with a document memory (TaggerModel::document_memory) also gets, per
//    capitalised word, the labels the model gave that word earlier in the same call (the
//    document), sentence by sentence and window by window in text order, as in training.
//  - NER tags (BILOU, or BIO) decode into spans with a label and the model's confidence: the
//    lowest per-token probability inside the span.
//
// Thread-safety: a DocumentTagger borrows its model (and Knowledge) and is immutable; tag()
// may run on many threads at once. Per-thread scratch lives in thread_local workspaces, one
// per model, so nothing is allocated per token once a thread has warmed up.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/Segmenter.h"
#include "extract/TokenAttributes.h"
#include "learn/DocumentMemory.h"
#include "learn/TaggerModel.h"

namespace skein::extract {

struct TaggedSpan {
  std::uint32_t first = 0, last = 0;  // tokens [first, last)
  std::uint32_t label = 0;            // index into DocumentTagger::labels()
  float confidence = 0;
  // The document's words say what the name is ("US supermarket giant Wal-Mart"), not the model
  // alone (set by the name mends, NameMends.h).
  bool described = false;
};

class DocumentTagger {
 public:
  enum class Compounds { kParts, kOneWord };

  // `attributes` is required for a model trained with attributes (NER) and null otherwise.
  DocumentTagger(const learn::TaggerModel& model, const TokenAttributes* attributes,
                 Compounds compounds = Compounds::kParts);

  // One tag index (into model.tags()) and one confidence per token of `segmentation`.
  void tag(std::string_view text, const Segmentation& segmentation,
           std::vector<std::uint16_t>& tags, std::vector<float>& confidence) const;
  // The same, but only the windows of each sentence within `radius` tokens of a token flagged
  // in `near` (one flag per token) are tagged, each window as its own sequence; every other
  // token gets the "O" tag (tag 0 in a model without one) with confidence 1. For
  // NER, where names hold a capitalised word, this skips most of the running text.
  void tag_near(std::string_view text, const Segmentation& segmentation,
                const std::vector<std::uint8_t>& near, std::uint32_t radius,
                std::vector<std::uint16_t>& tags, std::vector<float>& confidence) const;

  // The "O" tag's index (tag 0 in a model without one).
  std::uint16_t outside() const { return outside_; }
  // Span labels: the tag names without their B-/I-/L-/U- prefix ("PER", "ORG", ...).
  const std::vector<std::string>& labels() const { return labels_; }
  // Spans of a tag sequence from tag() (never crossing a sentence boundary, as tag() ends
  // every sentence outside a name).
  std::vector<TaggedSpan> spans(const std::vector<std::uint16_t>& tags,
                                const std::vector<float>& confidence) const;

 private:
  const learn::TaggerModel& model_;
  const TokenAttributes* attributes_;
  learn::DocumentMemory memory_prototype_;       // empty; copied per document
  std::vector<std::uint64_t> attribute_hashes_;  // by attribute id
  std::vector<std::string> labels_;
  std::vector<std::int32_t> label_of_tag_;  // -1 for O and non-entity tags
  std::vector<char> prefix_of_tag_;         // 'B', 'I', 'L', 'U' or 0
  Compounds compounds_;
  // A compound's tag spread over its parts: the first part's, a middle part's and the last
  // part's tag, by the compound's tag ("U-PER": "B-PER", "I-PER", "L-PER"; "O": "O").
  std::vector<std::uint16_t> first_part_, middle_part_, last_part_;
  std::uint16_t outside_ = 0;  // the "O" tag (tag 0 when there is none)
};

}  // namespace skein::extract
