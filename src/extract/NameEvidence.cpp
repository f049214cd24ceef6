#include "extract/NameEvidence.h"

#include <algorithm>

#include "extract/RelationChecks.h"

namespace skein::extract::name_evidence {

bool has_candidate(const PhraseEntry& entry, CandidateKind kind) {
  for (const Candidate& c : entry.candidates) {
    if (c.kind == kind) return true;
  }
  return false;
}

bool names_a_location(const PhraseEntry& entry) {
  for (const Candidate& c : entry.candidates) {
    if (c.kind != CandidateKind::kTitle && c.kind != CandidateKind::kOrganization) return true;
  }
  return false;
}

bool only_a_place(const PhraseEntry& entry) {
  return names_a_location(entry) && !has_candidate(entry, CandidateKind::kOrganization);
}

bool listed_acronym_in_text(const TokenView& v, std::uint32_t first, std::uint32_t last) {
  const PhraseEntry* entry = last == first + 1 ? listed_on(v, first, last) : nullptr;
  if (entry == nullptr || !v.tok(first).has(token_flags::kCapital)) return false;
  // No lower-case letter ("WHO", "G8"); the list's acronyms have two capitals or a digit.
  const Token& token = v.tok(first);
  const std::string_view written(v.text().data() + token.start, token.end - token.start);
  if (std::any_of(written.begin(), written.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
    return false;
  auto in_capitals = [&](std::uint32_t k) {
    return k < v.token_count() && v.tok(k).has(token_flags::kWord) &&
           v.tok(k).has(token_flags::kAllCaps);
  };
  if ((first > 0 && in_capitals(first - 1)) || in_capitals(last)) return false;
  return std::any_of(entry->candidates.begin(), entry->candidates.end(), [](const Candidate& c) {
    return c.kind == CandidateKind::kOrganization && (c.flags & candidate_flags::kAcronym) != 0;
  });
}

const PhraseEntry* listed_on(const TokenView& v, std::uint32_t first, std::uint32_t last) {
  return v.is_name_span(first) && v.span_starting(first).last == last ? v.span_starting(first).entry
                                                                      : nullptr;
}

bool listed_place(const TokenView& v, std::uint32_t first, std::uint32_t last) {
  const PhraseEntry* entry = listed_on(v, first, last);
  return entry != nullptr && names_a_location(*entry);
}

bool words_name_a_listed_place(const Knowledge& knowledge, const TokenView& v, std::uint32_t first,
                               std::uint32_t last) {
  const PhraseEntry* entry = knowledge.phrase(v.key_of(first, last));
  return entry != nullptr && names_a_location(*entry);
}

bool names_a_capital(const Knowledge& knowledge, const PhraseEntry& entry) {
  for (const Candidate& c : entry.candidates) {
    if (c.kind == CandidateKind::kCity && knowledge.cities()[c.index].capital) return true;
  }
  return false;
}

bool spaced_ampersand(const TokenView& v, std::uint32_t t) {
  return t > 0 && v.norm(t) == "&" && v.tok(t).start > v.tok(t - 1).end;
}

bool ampersand_name(const TokenView& v, std::uint32_t first, std::uint32_t last) {
  for (std::uint32_t t = first + 1; t + 1 < last; ++t) {
    if (spaced_ampersand(v, t)) return true;
  }
  return false;
}

bool described_as_company(const TokenView& v, const RuleSet& rules, std::uint32_t t) {
  const std::uint32_t end = static_cast<std::uint32_t>(v.token_count());
  if (t + 2 >= end || v.norm(t) != ",") return false;
  // An apposition starts on an article or a possessive ("who heads a plant genetics group" is
  // a clause about the name, not a description of it).
  const std::string_view first = v.norm(t + 1);
  if (first != "a" && first != "an" && first != "the" &&
      !v.tok(t + 2).has(token_flags::kPossessive))
    return false;
  // The description's head comes before any preposition: a company noun after one is another
  // phrase's ("Ken Perkins, an analyst at research firm RetailMetrics LLC").
  for (std::uint32_t k = t + 1; k < end && k <= t + 6; ++k) {
    const std::string_view w = v.norm(k);
    if (w == "," || w == "." || w == "at" || w == "of" || w == "for" || w == "with" || w == "in" ||
        w == "from")
      return false;
    // (Not a company noun that owns the head: "Smith, the company's founder".)
    if (v.tok(k).has(token_flags::kLower) && rules.in_word_set("org-noun", w))
      return k + 1 >= end || !v.tok(k + 1).has(token_flags::kPossessive);
  }
  return false;
}

bool reads_as_personal_name(const TokenView& v, std::uint32_t first, std::uint32_t last) {
  namespace lf = lexicon_flags;
  if ((v.lex(first) & lf::kGivenName) == 0) return false;
  if (v.title_ending_at(first) != nullptr) return true;  // "executive producer Robbie Stamp"
  const std::uint32_t end_flags = v.lex(last - 1);
  return last - first == 1 || (end_flags & lf::kCommon) == 0 || (end_flags & lf::kSurname) != 0;
}

bool after_company_noun(const TokenView& v, const RuleSet& rules, std::uint32_t first) {
  return first > 0 && v.tok(first - 1).has(token_flags::kLower) &&
         rules.in_word_set("org-noun", v.norm(first - 1));
}

bool named_as_workplace(const Knowledge& knowledge, const RuleSet& rules,
                        const AnnotatedDocument& document, const TokenView& v, std::uint32_t t,
                        std::uint32_t last) {
  // ("chief executive of the Frankfurt-based exchange", "leader of Devon county Labour group":
  // the name qualifies what follows; "mayor of Mohammadia" is a place's role.)
  bool title_before_of = false;
  for (std::uint32_t w = t >= 5 ? t - 5 : 0; t >= 2 && w + 1 < t && !title_before_of; ++w)
    title_before_of = v.is_title_span(w) && v.span_starting(w).last == t - 1;
  if (title_before_of && v.norm(t - 1) == "of" && names_a_role(knowledge, document, t - 2, t - 1) &&
      !rules.in_word_set("place-role", v.norm(t - 2)))
    return last >= v.token_count() ||
           (!v.tok(last).has(token_flags::kLower) && v.norm(last) != "-");
  std::uint32_t k = t;
  for (int skipped = 0; k > 0 && skipped < 2 && v.tok(k - 1).has(token_flags::kLower) &&
                        v.norm(k - 1) != "at" && v.norm(k - 1) != "for";
       ++skipped)
    --k;
  if (k == 0 || (v.norm(k - 1) != "at" && v.norm(k - 1) != "for")) return false;
  const std::uint32_t preposition = k - 1;
  for (std::uint32_t w = preposition; w > 0 && preposition - w < 5;) {
    --w;
    if (names_a_role(knowledge, document, w, w + 1)) return true;
    if (!v.tok(w).has(token_flags::kLower)) return false;
  }
  return false;
}

bool names_a_work(const TokenView& v, const RuleSet& rules, std::uint32_t first) {
  std::uint32_t before = first;
  const bool article = before > 0 && v.norm(before - 1) == "the";
  if (article) --before;
  if (article && before > 0 && v.norm(before - 1) == ",") --before;
  return before > 0 && v.tok(before - 1).has(token_flags::kLower) &&
         rules.in_word_set("work-noun", v.norm(before - 1));
}

bool kb_listed_organisation(const Knowledge& knowledge, const TokenView& v, std::uint32_t first,
                            std::uint32_t last) {
  return !knowledge.kb_organizations_named(v.key_of(first, last)).empty();
}

bool names_only_a_listed_body(const Knowledge& knowledge, const TokenView& v, std::uint32_t first,
                              std::uint32_t last) {
  // ("Mr Gartner", "President Ford": a title before the words makes them a person's.) The
  // lexicon is asked before the name is built: most people's names stop there.
  if (first > 0 && v.is_title_span(first - 1)) return false;
  for (std::uint32_t t = first; t < last; ++t) {
    if ((v.lex(t) &
         (lexicon_flags::kGivenName | lexicon_flags::kSurname | lexicon_flags::kCommon)) != 0)
      return false;
  }
  const std::string key = v.key_of(first, last);
  if (key.size() < 4) return false;
  const auto rows = knowledge.kb_organizations_named(key);
  return std::any_of(rows.begin(), rows.end(), [&](std::uint32_t row) {
    return knowledge.kb_organizations()[row].kind != "club";
  });
}

bool placed_by_word_before(const RuleSet& rules, const TokenView& v, std::uint32_t first) {
  if (first == 0) return false;
  const std::string_view before = v.norm(first - 1);
  if (before == "in") return first < 2 || !rules.in_word_set("holding-noun", v.norm(first - 2));
  return before == "near" || before == "outside" || before == "around";
}

bool small_town_named_like_a_body(const Knowledge& knowledge, const RuleSet& rules,
                                  const TokenView& v, const PhraseEntry& entry, std::uint32_t first,
                                  std::uint32_t last) {
  constexpr std::uint64_t kTown = 1'000'000;
  for (const Candidate& c : entry.candidates) {
    if (c.kind == CandidateKind::kOrganization || c.kind == CandidateKind::kTitle) continue;
    if (c.kind != CandidateKind::kCity) return false;
    const CityInfo& city = knowledge.cities()[c.index];
    if (city.capital || city.population >= kTown) return false;
  }
  if (!names_only_a_listed_body(knowledge, v, first, last)) return false;
  if (placed_by_word_before(rules, v, first)) return false;
  if (last + 1 < v.token_count() && v.norm(last) == ",") {
    const PhraseEntry* after = v.is_name_span(last + 1) ? v.span_starting(last + 1).entry : nullptr;
    if (after != nullptr && names_a_location(*after)) return false;
  }
  return true;
}

bool names_no_entity(const RuleSet& rules, std::string_view key) {
  return rules.in_word_set("genre", key) || rules.in_word_set("generic-acronym", key) ||
         rules.in_word_set("award", key) || rules.in_word_set("generic-body", key);
}

bool listed_anywhere(const Knowledge& knowledge, const TokenView& v, std::uint32_t first,
                     std::uint32_t last) {
  return listed_on(v, first, last) != nullptr || kb_listed_organisation(knowledge, v, first, last);
}

}  // namespace skein::extract::name_evidence
