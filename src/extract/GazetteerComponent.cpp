#include "extract/GazetteerComponent.h"

#include <algorithm>

#include "extract/TokenHelpers.h"

namespace skein::extract {
namespace {

namespace tf = token_flags;
namespace lf = lexicon_flags;

// Whether tokens [first, last) are written as a name for `entry`.
bool name_case_ok(const TokenView& v, std::uint32_t first, std::uint32_t last,
                  const PhraseEntry& entry) {
  bool acronym = false;
  for (const Candidate& c : entry.candidates) {
    if (c.kind != CandidateKind::kTitle && (c.flags & candidate_flags::kAcronym) != 0)
      acronym = true;
  }
  if (!v.capish(first) || !(v.capish(last - 1) || v.tok(last - 1).has(tf::kNumber))) return false;
  bool all_caps = true;
  std::size_t letters = 0;
  for (std::uint32_t i = first; i < last; ++i) {
    if (!v.tok(i).has(tf::kWord)) continue;
    if ((v.lex(i) & lf::kConnector) != 0 && v.tok(i).has(tf::kLower)) continue;
    if (!v.tok(i).has(tf::kAllCaps)) all_caps = false;
    letters += v.tok(i).end - v.tok(i).start;
  }
  // An all-capitals surface matches a listed acronym, or a long enough name (datelines).
  if (all_caps && !acronym && letters < 4) return false;
  // Days and months are never places ("On Friday", "in March"), whatever a gazetteer says.
  if (last - first == 1 && is_calendar_word(v.norm(first))) return false;
  if (last - first == 1 && !acronym && (v.lex(first) & lf::kCommon) != 0) {
    // A capitalised common word standing first in the sentence is not a name, except a
    // country ("Turkey", "Chad").
    bool country = false;
    for (const Candidate& c : entry.candidates) {
      if (c.kind == CandidateKind::kCountry || c.kind == CandidateKind::kDemonym) country = true;
    }
    if (!country && v.initial_position(first)) return false;
    if (!country) {
      // Mid-sentence, a common word is a place only after a locative preposition.
      if (first == 0) return false;
      const std::string_view p = v.norm(first - 1);
      if (p != "in" && p != "at" && p != "from" && p != "to" && p != "near" && p != "of")
        return false;
    }
  }
  return true;
}

}  // namespace

GazetteerComponent::GazetteerComponent(std::string name, const ComponentContext& context,
                                       const ComponentOptions& options)
    : Component(std::move(name), options), knowledge_(context.knowledge) {}

void GazetteerComponent::process(AnnotatedDocument& document) const {
  const Segmentation& seg = document.segmentation;
  const TokenView v(document);
  std::vector<GazetteerSpan>& spans = document.gazetteer_spans;
  document.span_at.assign(seg.tokens.size(), -1);
  const std::size_t max_len = knowledge_.max_phrase_tokens();
  for (const Sentence& s : seg.sentences) {
    std::uint32_t i = s.first;
    while (i < s.last) {
      if ((v.lex(i) & lf::kPhraseStart) == 0) {
        ++i;
        continue;
      }
      const bool may_title = (v.lex(i) & lf::kTitleStart) != 0;
      if (!may_title && !v.capish(i)) {
        ++i;
        continue;
      }
      GazetteerSpan best;
      const std::uint32_t end =
          static_cast<std::uint32_t>(std::min<std::size_t>(s.last, i + max_len));
      for (std::uint32_t j = i + 1; j <= end; ++j) {
        const PhraseEntry* entry = knowledge_.phrase(seg.phrase(i, j));
        if (entry == nullptr) break;
        if (!entry->candidates.empty()) {
          bool has_title = false, has_name = false;
          for (const Candidate& c : entry->candidates) {
            (c.kind == CandidateKind::kTitle ? has_title : has_name) = true;
          }
          // A name must not end inside a hyphenated compound or before a possessive-less
          // continuation ("Korea" in "Korea-China" is fine: the hyphen is its own token).
          if (has_name && name_case_ok(v, i, j, *entry)) {
            best = {i, j, entry, false};
          } else if (has_title) {
            best = {i, j, entry, true};
          }
        }
        if (!entry->is_prefix) break;
      }
      if (best.entry != nullptr) {
        document.span_at[i] = static_cast<int>(spans.size());
        spans.push_back(best);
        i = best.last;
      } else {
        ++i;
      }
    }
  }
}

}  // namespace skein::extract
