#include "extract/TokenAttributes.h"

#include <array>

#include "extract/Segmenter.h"

namespace skein::extract {
namespace {

struct LexiconAttribute {
  std::uint32_t flag;
  const char* name;
};
constexpr std::array<LexiconAttribute, 8> kLexicon = {{
    {lexicon_flags::kCommon, "lex=common"},
    {lexicon_flags::kGivenName, "lex=given"},
    {lexicon_flags::kSurname, "lex=surname"},
    {lexicon_flags::kSurnameFirst, "lex=surname_first"},
    {lexicon_flags::kPhraseStart, "lex=phrase_start"},
    {lexicon_flags::kTitleStart, "lex=title_start"},
    {lexicon_flags::kDemonymWord, "lex=demonym_word"},
    {lexicon_flags::kPersonPrefix, "lex=name_particle"},
}};

constexpr std::array<const char*, 7> kKinds = {"country", "demonym",      "subdivision", "city",
                                               "region",  "organization", "title"};
constexpr std::array<const char*, 4> kPositions = {"B", "I", "L", "U"};

// Ids: the lexicon attributes, then per kind "gaz=<kind>" followed by its four positions.
constexpr std::size_t kKindBase = kLexicon.size();
constexpr std::size_t kPerKind = 1 + kPositions.size();

std::vector<std::string> build_names() {
  std::vector<std::string> names;
  names.reserve(kKindBase + kKinds.size() * kPerKind);
  for (const auto& l : kLexicon) names.emplace_back(l.name);
  for (const char* kind : kKinds) {
    names.push_back(std::string("gaz=") + kind);
    for (const char* p : kPositions) names.push_back(std::string("gaz=") + p + "-" + kind);
  }
  return names;
}

}  // namespace

const std::vector<std::string>& TokenAttributes::attribute_names() {
  static const std::vector<std::string> names = build_names();
  return names;
}

void TokenAttributes::attributes_of(const std::string_view* norms, std::size_t count,
                                    SentenceAttributes& out) const {
  // Longest gazetteer match starting at each token, left to right; its kinds mark every token
  // it covers. per_token[k] holds bits of kind*4+position.
  thread_local std::vector<std::uint32_t> marks;
  marks.assign(count, 0);
  for (std::size_t i = 0; i < count;) {
    std::string& phrase = out.scratch;
    phrase.clear();
    std::size_t best_end = 0;
    const PhraseEntry* best = nullptr;
    for (std::size_t j = i; j < count && j - i < knowledge_.max_phrase_tokens(); ++j) {
      if (j > i) phrase += ' ';
      phrase.append(norms[j]);
      const PhraseEntry* entry = knowledge_.phrase(phrase);
      if (entry == nullptr) break;
      if (!entry->candidates.empty()) {
        best = entry;
        best_end = j + 1;
      }
      if (!entry->is_prefix) break;
    }
    if (best == nullptr) {
      ++i;
      continue;
    }
    for (const Candidate& c : best->candidates) {
      const auto kind = static_cast<std::size_t>(c.kind);
      for (std::size_t k = i; k < best_end; ++k) {
        const std::size_t position = best_end - i == 1 ? 3 : k == i ? 0 : k + 1 == best_end ? 2 : 1;
        marks[k] |= 1u << (kind * 4 + position);
      }
    }
    i = best_end;
  }
  out.ids.clear();
  out.offsets.clear();
  for (std::size_t k = 0; k < count; ++k) {
    out.offsets.push_back(static_cast<std::uint32_t>(out.ids.size()));
    const std::uint32_t flags = knowledge_.lexicon(norms[k]);
    for (std::size_t l = 0; l < kLexicon.size(); ++l) {
      if ((flags & kLexicon[l].flag) != 0) out.ids.push_back(static_cast<std::uint16_t>(l));
    }
    for (std::size_t kind = 0; kind < kKinds.size(); ++kind) {
      const std::uint32_t bits = (marks[k] >> (kind * 4)) & 0xFu;
      if (bits == 0) continue;
      const std::size_t base = kKindBase + kind * kPerKind;
      out.ids.push_back(static_cast<std::uint16_t>(base));
      for (std::size_t p = 0; p < kPositions.size(); ++p) {
        if ((bits & (1u << p)) != 0) out.ids.push_back(static_cast<std::uint16_t>(base + 1 + p));
      }
    }
  }
  out.offsets.push_back(static_cast<std::uint32_t>(out.ids.size()));
}

void TokenAttributes::attributes_of_words(const std::vector<std::string>& words,
                                          SentenceAttributes& out) const {
  thread_local std::string norm;
  thread_local std::vector<std::uint32_t> ends;
  thread_local std::vector<std::string_view> views;
  norm.clear();
  ends.clear();
  const auto is_letter_or_digit = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  for (const std::string& w : words) {
    const bool abbreviation = w.size() > 1 && w.back() == '.' &&
                              ((w[w.size() - 2] >= 'A' && w[w.size() - 2] <= 'Z') ||
                               (w[w.size() - 2] >= 'a' && w[w.size() - 2] <= 'z'));
    // A hyphen between two letters or digits splits a compound into its parts, as the
    // segmenter does ("Saint-Gall" -> "saint - gall", the gazetteer's form).
    std::size_t part = 0;
    for (std::size_t c = 1; c + 1 < w.size(); ++c) {
      if (w[c] != '-' || !is_letter_or_digit(w[c - 1]) || !is_letter_or_digit(w[c + 1])) continue;
      append_normalized(norm, std::string_view(w).substr(part, c - part), false);
      norm += " - ";
      part = c + 1;
    }
    append_normalized(norm, std::string_view(w).substr(part), abbreviation);
    ends.push_back(static_cast<std::uint32_t>(norm.size()));
  }
  views.clear();
  std::uint32_t start = 0;
  for (const std::uint32_t end : ends) {
    views.emplace_back(std::string_view(norm).substr(start, end - start));
    start = end;
  }
  attributes_of(views.data(), views.size(), out);
}

}  // namespace skein::extract
