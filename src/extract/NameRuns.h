#pragma once
// The recogniser's questions about runs of capitalised words in one annotated document: where
// a name starts and ends, what the words around it say (titles, appositions, speech verbs,
// a state or country qualifying a place, a source line), and what kind of word a token is.
// Reads the tokens and gazetteer layers only; the MentionRecognizer decides with the answers.
//
// Thread-safety: a NameRuns only reads its document, knowledge and rules.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/AnnotatedDocument.h"
#include "extract/Rules.h"
#include "extract/TokenHelpers.h"

namespace skein::extract {

// The ISO 3166-2 code of a US state's AP abbreviation as the segmenter normalises it ("conn"
// -> "US-CT"), or "".
std::string_view ap_state_code(std::string_view norm);

class NameRuns : public TokenView {
 public:
  NameRuns(const AnnotatedDocument& document, const Knowledge& knowledge, const RuleSet& rules)
      : TokenView(document),
        k_(knowledge),
        rules_(rules),
        seg_(document.segmentation),
        spans_(document.gazetteer_spans),
        span_at_(document.span_at) {}

  bool honorific_title(const GazetteerSpan& span) const;
  int ap_state_at(std::uint32_t i) const;
  bool qualifier_after(std::uint32_t j, std::uint32_t last, int& state, int& country) const;
  bool starts_run(std::uint32_t i, std::uint32_t sentence_last) const;
  bool korean_given_name_part(std::uint32_t run_first, std::uint32_t k) const;
  std::uint32_t extend_run(std::uint32_t i, std::uint32_t last) const;
  bool person_apposition_after(std::uint32_t j, std::uint32_t last) const;
  bool apposition_after(std::uint32_t j, std::uint32_t last) const;
  bool person_evidence(std::uint32_t i, std::uint32_t j, int anchor, std::uint32_t last) const;
  bool sentence_all_caps(std::uint32_t sentence) const;
  static bool not_an_organization_acronym(std::string_view w);
  static bool is_institution_word(std::string_view w);
  bool listed_in(const PhraseEntry& entry, int state, int country) const;
  bool source_line_at(std::uint32_t i, std::uint32_t k, std::uint32_t j, std::uint32_t last) const;
  bool strong_person(std::uint32_t i, std::uint32_t j) const;

 protected:
  const Knowledge& k_;
  const RuleSet& rules_;
  const Segmentation& seg_;
  const std::vector<GazetteerSpan>& spans_;
  const std::vector<int>& span_at_;
};

}  // namespace skein::extract
