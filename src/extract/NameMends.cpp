#include "extract/NameMends.h"

#include <algorithm>
#include <string_view>

#include "extract/NameEvidence.h"

namespace skein::extract::name_mends {

namespace {

namespace tf = token_flags;
namespace lf = lexicon_flags;

constexpr std::uint32_t kInstitution = lf::kOrgHead | lf::kOrgSuffix;

// The head word's kind: an institution's ("Banks" as "bank" too), a place's, or neither.
std::uint32_t head_kind(const Knowledge& knowledge, const TokenView& v, std::uint32_t t) {
  const std::uint32_t flags = v.lex(t) & (kInstitution | lf::kPlaceSuffix);
  if (flags != 0 || !v.tok(t).has(tf::kCapital)) return flags;
  const std::string_view w = v.norm(t);
  if (w.size() < 4 || w.back() != 's') return 0;
  return knowledge.lexicon(w.substr(0, w.size() - 1)) & kInstitution;
}

// The end of the listed title phrase starting at token t when one of its kinds (titles.tsv's
// kind column) passes `accepts`, else 0.
std::uint32_t title_end(const Knowledge& knowledge, const TokenView& v, std::uint32_t t,
                        bool (*accepts)(std::string_view kind)) {
  if (t >= v.token_count() || !v.is_title_span(t)) return 0;
  const GazetteerSpan& span = v.span_starting(t);
  return knowledge.lists_title_of_kind(*span.entry, accepts) ? span.last : 0;
}
bool role_kind(std::string_view kind) { return kind != "honorific"; }
bool government_kind(std::string_view kind) { return kind == "government"; }
bool honorific_kind(std::string_view kind) { return kind == "honorific"; }

// The token right before a span starting at `first`: a capitalised word (not in capitals)
// glued to it by a space in the same sentence, after the previous span's end, that no title,
// listed name or calendar word claims. The joins below take such a word into the span.
bool free_word_before(const TokenView& v, std::uint32_t first, std::uint32_t previous_end) {
  if (first == 0 || first <= previous_end || !v.tok(first).has(tf::kSpaceBefore) ||
      v.tok(first).has(tf::kSentenceStart))
    return false;
  const std::uint32_t before = first - 1;
  return v.tok(before).has(tf::kCapital) && v.tok(before).has(tf::kWord) &&
         !v.tok(before).has(tf::kAllCaps) && !v.is_title_span(before) && !v.is_name_span(before) &&
         !is_calendar_word(v.norm(before));
}

}  // namespace

std::uint32_t role_title_end(const Knowledge& knowledge, const TokenView& v, std::uint32_t t) {
  return title_end(knowledge, v, t, role_kind);
}

bool institution_head(const Knowledge& knowledge, const TokenView& v, std::uint32_t t) {
  return (head_kind(knowledge, v, t) & kInstitution) != 0;
}

void join_cut_heads(const Knowledge& knowledge, const TokenView& v, const RuleSet& rules,
                    const NerLabels& labels, std::vector<TaggedSpan>& spans) {
  auto label_of = [](const TaggedSpan& span) { return static_cast<std::int32_t>(span.label); };
  // A word that may name which institution: capitalised, in the sentence, no name of its own.
  auto qualifier = [&](std::uint32_t t) {
    const Token& token = v.tok(t);
    if (!token.has(tf::kWord) || token.has(tf::kNumber) || token.has(tf::kPossessive) ||
        !v.capish(t) || v.is_code(t))
      return false;
    const std::string_view w = v.norm(t);
    if (is_calendar_word(w) || rules.in_word_set("not-a-name", w)) return false;
    return !v.initial_position(t) || !rules.in_word_set("sentence-opener", w);
  };
  std::vector<TaggedSpan> out;
  out.reserve(spans.size());
  for (TaggedSpan span : spans) {
    // "José Álvarez of the Spanish National Research Council" tagged as one person: the
    // person, and the institution after "of".
    // (One word, then "of" without "the", may be part of the institution's name: "Fraser of
    // Allander Institute".)
    if (label_of(span) == labels.person && (v.lex(span.last - 1) & kInstitution) != 0) {
      for (std::uint32_t k = span.first + 1; k + 2 < span.last; ++k) {
        if (v.norm(k) != "of") continue;
        const bool article = v.norm(k + 1) == "the";
        const std::uint32_t name = article ? k + 2 : k + 1;
        if (!v.capish(name) || (k - span.first < 2 && !article)) break;
        out.push_back({span.first, k, span.label, span.confidence});
        span.first = name;
        span.label = static_cast<std::uint32_t>(labels.organization);
        break;
      }
    }
    const std::int32_t label = label_of(span);
    const std::uint32_t kind = label == labels.misc ? 0 : head_kind(knowledge, v, span.last - 1);
    // A person's name may end on such a word: a place's ("Mike Lake"), a plural ("Dwain
    // Chambers"), a surname, or any after a given name ("Anna Church").
    bool personal = label == labels.person && ((v.lex(span.last - 1) & kInstitution) == 0 ||
                                               (v.lex(span.last - 1) & lf::kSurname) != 0);
    for (std::uint32_t t = span.first; t < span.last && label == labels.person && !personal; ++t)
      personal = (v.lex(t) & lf::kGivenName) != 0;
    if (kind == 0 || personal || !v.capish(span.first) || !v.tok(span.first).has(tf::kWord)) {
      out.push_back(span);
      continue;
    }
    // The tokens before it that no kept span claims, back to the previous name (a MISC span
    // may be taken in whole).
    std::size_t keep = out.size();
    std::uint32_t floor = 0;
    const bool institution = (kind & kInstitution) != 0;
    if (keep > 0 && label_of(out[keep - 1]) == labels.misc) {
      floor = out[keep - 1].first;
      if (keep > 1) floor = std::max(floor, out[keep - 2].last);
    } else if (keep > 0) {
      floor = out[keep - 1].last;
    }
    std::uint32_t first = span.first;
    while (first > floor && !v.tok(first).has(tf::kSentenceStart)) {
      const std::uint32_t t = first - 1;
      if (!v.tok(first).has(tf::kSpaceBefore)) {  // "Anti-" of "Anti-Doping Agency"
        if (v.norm(t) != "-" || t <= floor || v.tok(t).has(tf::kSentenceStart) || !qualifier(t - 1))
          break;
        first = t - 1;
      } else if (qualifier(t)) {
        first = t;
      } else if (v.norm(t) == "&" && t > floor && qualifier(t - 1)) {
        first = t - 1;
      } else {
        break;
      }
    }
    // Where the model cut words from an institution's name, a place tagged right before them
    // is part of it too ("Los Angeles" + "Superior" + "Court"; not a dateline's city before a
    // broadcaster the model read whole: "Havana Radio Reloj Network").
    if (institution && label != labels.person && first < span.first && keep > 0 &&
        label_of(out[keep - 1]) == labels.location && out[keep - 1].last == first &&
        v.tok(first).has(tf::kSpaceBefore) && !v.tok(first).has(tf::kSentenceStart))
      first = out[keep - 1].first;
    // "Daily Mail" + "&" + "General Trust": one name.
    if (institution && keep > 0 && first > 0 && label_of(out[keep - 1]) == labels.organization &&
        out[keep - 1].last + 1 == first && v.norm(first - 1) == "&")
      first = out[keep - 1].first;
    // "Musicians' Union", "Athletes' Commission": a plural's bare apostrophe before an
    // institution's word holds the name together (not "Arsenal's Emirates Stadium").
    if (institution && first == span.first && first >= 2 && v.tok(first - 1).has(tf::kPossessive) &&
        !v.tok(first - 1).has(tf::kSpaceBefore) &&
        v.text_of(first - 1, first).find_first_of("sS") == std::string::npos &&
        v.tok(first - 2).has(tf::kCapital) && !v.tok(first - 2).has(tf::kSentenceStart)) {
      first -= 2;
      // (The word the model tagged alone is taken in; a person's is left.)
      const bool tagged = keep > 0 && out[keep - 1].last > first;
      if (tagged && (out[keep - 1].first != first || label_of(out[keep - 1]) == labels.person))
        first = span.first;
    }
    const bool extended = first < span.first;
    if (extended) {
      while (keep > 0 && out[keep - 1].last > first) --keep;  // MISC, a place, "X &" taken in
      if (keep < out.size() && out[keep].first < first) {
        out.push_back(span);  // a span reaching in from before: leave both as they are
        continue;
      }
      out.resize(keep);
      span.first = first;
    }
    // (A place on an institution's suffix is an organisation the model read from "from" or
    // "in" before it: "technology from Lucent Technologies".)
    const bool suffix = (kind & lf::kOrgSuffix) != 0 &&
                        name_evidence::listed_on(v, span.first, span.last) == nullptr;
    if (label == labels.person || (label == labels.location && institution &&
                                   (kind & lf::kPlaceSuffix) == 0 && (extended || suffix)))
      span.label = static_cast<std::uint32_t>(labels.organization);
    out.push_back(span);
  }
  spans = std::move(out);
}

void join_saints_names(const Knowledge& knowledge, const TokenView& v, const NerLabels& labels,
                       std::vector<TaggedSpan>& spans) {
  std::vector<TaggedSpan> out;
  out.reserve(spans.size());
  for (std::size_t i = 0; i < spans.size(); ++i) {
    TaggedSpan span = spans[i];
    const std::string_view saint = v.norm(span.first);
    if (span.last - span.first == 2 && span.last + 1 < v.token_count() &&
        (saint == "st" || saint == "st." || saint == "saint") &&
        v.tok(span.first).has(tf::kCapital) && v.tok(span.last).has(tf::kPossessive)) {
      // The capitalised words after the possessive, to the last institution's or place's word.
      std::uint32_t end = 0;
      for (std::uint32_t t = span.last + 1;
           t < v.token_count() && t <= span.last + 4 && v.tok(t).has(tf::kCapital) &&
           v.tok(t).has(tf::kWord) && !v.tok(t).has(tf::kSentenceStart);
           ++t) {
        if (head_kind(knowledge, v, t) != 0) end = t + 1;
      }
      // The spans the name takes in must lie inside it.
      std::size_t next = i + 1;
      while (end != 0 && next < spans.size() && spans[next].first < end) {
        if (spans[next].last > end) end = 0;
        ++next;
      }
      if (end != 0) {
        span.last = end;
        span.label = static_cast<std::uint32_t>(
            institution_head(knowledge, v, end - 1) ? labels.organization : labels.location);
        i = next - 1;
      }
    }
    out.push_back(span);
  }
  spans = std::move(out);
}

void join_institutions_of(const Knowledge& knowledge, const TokenView& v, const RuleSet& rules,
                          const NerLabels& labels, std::vector<TaggedSpan>& spans) {
  const auto organization = static_cast<std::uint32_t>(labels.organization);
  auto is_person = [&](const TaggedSpan& span) {
    return static_cast<std::int32_t>(span.label) == labels.person;
  };
  std::vector<TaggedSpan> out;
  out.reserve(spans.size());
  for (TaggedSpan span : spans) {
    // A place named "<head> of ..." is an institution: "Shares in Royal Bank of Scotland".
    for (std::uint32_t t = span.first + 1; t + 1 < span.last; ++t) {
      if (static_cast<std::int32_t>(span.label) == labels.location && v.norm(t) == "of" &&
          v.tok(t - 1).has(tf::kCapital) && (head_kind(knowledge, v, t - 1) & lf::kOrgHead) != 0)
        span.label = organization;
    }
    std::uint32_t of = span.first;
    if (of >= 2 && v.norm(of - 1) == "the" && v.norm(of - 2) == "of")
      of -= 2;
    else if (of >= 1 && v.norm(of - 1) == "of")
      of -= 1;
    const std::uint32_t head = of - 1;
    if (of == span.first || of == 0 || is_person(span) || !v.tok(head).has(tf::kCapital) ||
        (head_kind(knowledge, v, head) & lf::kOrgHead) == 0 ||
        v.tok(span.first).has(tf::kSentenceStart)) {
      out.push_back(span);
      continue;
    }
    if (!out.empty() && out.back().last == of && out.back().first <= head) {
      // Only the head alone, an article allowed: "Queens College" of "the City University of
      // New York" is a name already, and so is "Pittsburgh-Corning Corp" of "Pittsburgh".
      // A longer name whose head is followed by "of" and a place is named after the place
      // ("Royal Bank" + "Scotland", "Tourism Authority" + "Thailand": CoNLL-2003's reading too).
      const std::uint32_t name_start =
          v.norm(out.back().first) == "the" ? out.back().first + 1 : out.back().first;
      const bool after_place = of + 1 == span.first &&
                               static_cast<std::int32_t>(span.label) == labels.location &&
                               static_cast<std::int32_t>(out.back().label) == labels.organization;
      if (is_person(out.back()) || (name_start != head && !after_place)) {
        out.push_back(span);
        continue;
      }
      out.back().last = span.last;  // "The Ministry" + "Defence"
      out.back().label = organization;
      continue;
    }
    // An untagged head: the capitalised words before it, and a MISC nationality span; not a
    // head glued to another name ("Chase Manhattan" + "Co of New York").
    auto nationality_at = [&](std::uint32_t end) {
      return !out.empty() && out.back().last == end &&
             static_cast<std::int32_t>(out.back().label) == labels.misc &&
             (v.lex(out.back().first) & lf::kDemonymWord) != 0;
    };
    if (!out.empty() && out.back().last >= head && !nationality_at(head)) {
      out.push_back(span);
      continue;
    }
    std::uint32_t first = head;
    const std::uint32_t floor = out.empty() ? 0 : out.back().last;
    while (first > floor && head - first < 3 && free_word_before(v, first, floor) &&
           !rules.in_word_set("sentence-opener", v.norm(first - 1)))
      --first;
    if (nationality_at(first)) {
      first = out.back().first;
      out.pop_back();
    }
    span.first = first;
    span.label = organization;
    out.push_back(span);
  }
  spans = std::move(out);
}

void join_article_names(const Knowledge& knowledge, const TokenView& v, const NerLabels& labels,
                        std::vector<TaggedSpan>& spans) {
  std::vector<TaggedSpan> out;
  out.reserve(spans.size());
  for (TaggedSpan span : spans) {
    const std::uint32_t the = v.norm(span.first) == "the" ? span.first
                              : span.first >= 1           ? span.first - 1
                                                          : 0;
    const std::uint32_t word = the - 1;
    const std::uint32_t previous_end = out.empty() ? 0 : out.back().last;
    // (The word may be listed as some place, and read as one: "Save" is a river and a town.
    // Then it is a common word: "London the Treasury" is no name.)
    const bool place_word = !out.empty() && out.back().first == word && previous_end == word + 1 &&
                            static_cast<std::int32_t>(out.back().label) == labels.location &&
                            (v.lex(word) & lf::kCommon) != 0;
    if (static_cast<std::int32_t>(span.label) == labels.organization && the >= 1 &&
        v.norm(the) == "the" && v.tok(the).has(tf::kLower) &&
        (word >= previous_end || place_word) && v.tok(word).has(tf::kCapital) &&
        !v.tok(word).has(tf::kAllCaps) && !v.tok(word).has(tf::kSentenceStart) &&
        !v.tok(the).has(tf::kSentenceStart) && !v.is_title_span(word) &&
        !is_calendar_word(v.norm(word)) && (v.lex(word) & (lf::kGivenName | lf::kSurname)) == 0 &&
        !(span.last == the + 2 && institution_head(knowledge, v, the + 1))) {
      span.first = word;
      if (place_word) out.pop_back();
    }
    out.push_back(span);
  }
  spans = std::move(out);
}

void names_after_roles(const Knowledge& knowledge, const TokenView& v, const RuleSet& rules,
                       const NerLabels& labels, std::vector<TaggedSpan>& spans) {
  auto role_end = [&](std::uint32_t t) { return role_title_end(knowledge, v, t); };
  // (A one-word title that is also a surname or a given name may be one: "King".) A
  // government role's portfolio is no organisation either: one common word after the role and
  // "for" or "of" ("Commissioner for Transport").
  auto portfolio = [&](const TaggedSpan& span) {
    if (span.last != span.first + 1 || span.first < 2 || (v.lex(span.first) & lf::kCommon) == 0 ||
        v.tok(span.first).has(tf::kAllCaps) ||
        static_cast<std::int32_t>(span.label) == labels.person ||
        (v.norm(span.first - 1) != "for" && v.norm(span.first - 1) != "of"))
      return false;
    for (std::uint32_t t = span.first >= 5 ? span.first - 5 : 0; t + 1 < span.first; ++t)
      if (title_end(knowledge, v, t, government_kind) == span.first - 1) return true;
    return false;
  };
  // So is a portfolio of common words before a government title ("Justice and Home Affairs
  // Commissioner Franco Frattini"; not an institution: "Home Office minister").
  auto portfolio_before = [&](const TaggedSpan& span) {
    if (span.last - span.first < 2 || static_cast<std::int32_t>(span.label) == labels.person ||
        span.last >= v.token_count() || title_end(knowledge, v, span.last, government_kind) == 0 ||
        name_evidence::listed_anywhere(knowledge, v, span.first, span.last))
      return false;
    // (An institution's word ends an institution's name: "Home Office"; "International" of
    // "International Development Secretary" opens a portfolio.)
    if (institution_head(knowledge, v, span.last - 1)) return false;
    for (std::uint32_t t = span.first; t < span.last; ++t) {
      if (rules.in_word_set("affiliation", v.norm(t)) ||
          ((v.lex(t) & lf::kCommon) == 0 && v.norm(t) != "and" && v.norm(t) != "&"))
        return false;
    }
    return true;
  };
  auto role_alone = [&](const TaggedSpan& span) {
    return role_end(span.first) == span.last &&
           (span.last - span.first > 1 ||
            (v.lex(span.first) & (lf::kSurname | lf::kGivenName)) == 0);
  };
  // A role read as the person it names ("Justice Minister" tagged, "Kenny MacAskill" not): the
  // capitalised words right after it, up to three and untagged, are that person when they open
  // on a given name or are two or more.
  std::vector<TaggedSpan> shifted;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const TaggedSpan& span = spans[i];
    if (static_cast<std::int32_t>(span.label) != labels.person || !role_alone(span)) continue;
    const auto limit =
        static_cast<std::uint32_t>(i + 1 < spans.size() ? spans[i + 1].first : v.token_count());
    std::uint32_t end = span.last;
    while (end < limit && end < span.last + 3 && v.tok(end).has(tf::kCapital) &&
           !v.tok(end).has(tf::kSentenceStart) && !v.is_title_span(end))
      ++end;
    // Not a compound's first part ("Rapper Jay" of "Jay-Z").
    const bool compound =
        end < v.token_count() && v.norm(end) == "-" && v.tok(end).start == v.tok(end - 1).end;
    // A tagged name right after the run is the person's last part: left to the relabelling below.
    const bool name_follows = end == limit && i + 1 < spans.size();
    if (end == span.last || compound || name_follows) continue;
    if ((end - span.last >= 2 || (v.lex(span.last) & lf::kGivenName) != 0) &&
        !name_evidence::listed_anywhere(knowledge, v, span.last, end))
      shifted.push_back({span.last, end, span.label, span.confidence});
  }
  std::erase_if(spans, [&](const TaggedSpan& span) {
    return portfolio_before(span) || role_alone(span) || portfolio(span);
  });
  if (!shifted.empty()) {
    spans.insert(spans.end(), shifted.begin(), shifted.end());
    std::sort(spans.begin(), spans.end(),
              [](const TaggedSpan& a, const TaggedSpan& b) { return a.first < b.first; });
  }
  // A one-word name right after a capitalised role's title, or after it and an untagged given
  // name, is a person's.
  std::uint32_t previous_end = 0;
  for (TaggedSpan& span : spans) {
    const auto label = static_cast<std::int32_t>(span.label);
    const std::uint32_t first = span.first;
    const bool given_before = first > previous_end && first >= 1 &&
                              (v.lex(first - 1) & lf::kGivenName) != 0 &&
                              v.tok(first - 1).has(tf::kCapital) && !v.is_title_span(first - 1);
    const std::uint32_t name_first = given_before ? first - 1 : first;
    bool after_role = false;
    for (std::uint32_t t = name_first >= 4 ? name_first - 4 : 0; t < name_first && !after_role; ++t)
      after_role = t >= previous_end && v.tok(t).has(tf::kCapital) && role_end(t) == name_first;
    if ((label == labels.organization || label == labels.location) && span.last == first + 1 &&
        after_role && !v.tok(first).has(tf::kAllCaps) &&
        !name_evidence::listed_anywhere(knowledge, v, first, span.last)) {
      span.first = name_first;
      span.label = static_cast<std::uint32_t>(labels.person);
    }
    previous_end = span.last;
  }
}

void drop_non_names(const Knowledge& knowledge, const TokenView& v, const RuleSet& rules,
                    const NerLabels& labels, std::vector<TaggedSpan>& spans) {
  // Words a listed title phrase holds, that start before the title's last word ("Defence" of
  // "Defence Secretary"), with no institution's word and no listed name of their own.
  auto inside_title = [&](const TaggedSpan& span) {
    for (std::uint32_t t = span.first >= 3 ? span.first - 3 : 0; t <= span.first; ++t) {
      if (!v.is_title_span(t) || v.span_starting(t).last <= span.last) continue;
      for (std::uint32_t k = span.first; k < span.last; ++k) {
        if (institution_head(knowledge, v, k)) return false;
      }
      return !name_evidence::listed_anywhere(knowledge, v, span.first, span.last);
    }
    return false;
  };
  // An honorific alone ("Lord" of "the Lord of the Rings"), unless its word is also a given
  // name. When an untagged capitalised word follows, the model cut the name short: "Lord" of
  // "Lord Browne" takes "Browne" and is a person.
  auto honorific_alone = [&](const TaggedSpan& span) {
    return (v.lex(span.first) & lf::kGivenName) == 0 &&
           title_end(knowledge, v, span.first, honorific_kind) == span.last;
  };
  for (std::size_t s = 0; s < spans.size(); ++s) {
    TaggedSpan& span = spans[s];
    const std::uint32_t next = span.last;
    if (honorific_alone(span) && next < v.token_count() && v.capish(next) &&
        v.tok(next).has(tf::kWord) && !v.is_title_span(next) &&
        (s + 1 == spans.size() || spans[s + 1].first > next)) {
      span.last = next + 1;
      span.label = static_cast<std::uint32_t>(labels.person);
    }
  }
  // A lone common word as a person ("Tory Parliamentary hopefuls"): no given name, surname or
  // courtesy title says so, nor a person of two words or more named here ending on it.
  std::vector<std::string_view> surnames_named;
  for (const TaggedSpan& span : spans) {
    if (static_cast<std::int32_t>(span.label) == labels.person && span.last - span.first >= 2 &&
        ((v.lex(span.first) & lf::kGivenName) != 0 || courtesy_title(v.norm(span.first))) &&
        !rules.in_word_set("affiliation", v.norm(span.first)))  // ("Tory" is a given name too)
      surnames_named.push_back(v.norm(span.last - 1));
  }
  auto common_word_person = [&](const TaggedSpan& span) {
    std::uint32_t t = span.first;  // (after a party's words: "Tory" goes from a person anyway)
    while (t + 1 < span.last && rules.in_word_set("affiliation", v.norm(t))) ++t;
    return static_cast<std::int32_t>(span.label) == labels.person && span.last == t + 1 &&
           t > span.first &&
           (v.lex(t) & (lf::kCommon | lf::kGivenName | lf::kSurname)) == lf::kCommon &&
           !v.tok(t).has(tf::kAllCaps) && (t == 0 || !courtesy_title(v.norm(t - 1))) &&
           std::find(surnames_named.begin(), surnames_named.end(), v.norm(t)) ==
               surnames_named.end();
  };
  // An opposition's portfolio: "Shadow Treasury chief secretary George Osborne".
  auto shadow = [&](const TaggedSpan& span) {
    return static_cast<std::int32_t>(span.label) == labels.organization &&
           v.norm(span.first) == "shadow";
  };
  auto non_name = [&](const TaggedSpan& span) {
    const std::uint32_t words = span.last - span.first;
    if (inside_title(span) || honorific_alone(span) || common_word_person(span) || shadow(span))
      return true;
    if (words == 1 && v.tok(span.first).end - v.tok(span.first).start == 1) return true;
    // A title's abbreviation alone: "Dr.", "Mr", "Gen." (not "Prince", which may be a name).
    const std::string_view w = v.norm(span.first);
    const bool abbreviation = courtesy_title(w) || v.tok(span.first).has(tf::kAbbrev) ||
                              w.back() == '.' || (words == 2 && v.norm(span.first + 1) == ".");
    return words <= 2 && abbreviation && (courtesy_title(w) || v.is_title_span(span.first)) &&
           (words == 1 || v.norm(span.first + 1) == ".");
  };
  spans.erase(std::remove_if(spans.begin(), spans.end(), non_name), spans.end());
}

void join_compound_demonyms(const TokenView& v, const RuleSet& rules, const NerLabels& labels,
                            std::vector<TaggedSpan>& spans) {
  std::uint32_t previous_end = 0;
  for (TaggedSpan& span : spans) {
    if (static_cast<std::int32_t>(span.label) == labels.misc &&
        (v.lex(span.first) & lf::kDemonymWord) != 0 &&
        free_word_before(v, span.first, previous_end) && !v.initial_position(span.first - 1) &&
        !rules.in_word_set("sentence-opener", v.norm(span.first - 1)))
      --span.first;
    previous_end = span.last;
  }
}

void split_country_and_medium(const Knowledge& knowledge, const TokenView& v,
                              const NerLabels& labels, std::vector<TaggedSpan>& spans) {
  std::vector<TaggedSpan> out;
  out.reserve(spans.size());
  for (TaggedSpan span : spans) {
    out.push_back(span);
    const std::uint32_t k = span.last - 1;
    if (static_cast<std::int32_t>(span.label) != labels.organization || k <= span.first ||
        !v.tok(k).has(tf::kAllCaps) || v.tok(k).end - v.tok(k).start > 3 ||
        name_evidence::listed_anywhere(knowledge, v, k, span.last) ||
        name_evidence::kb_listed_organisation(knowledge, v, span.first, span.last))
      continue;
    const PhraseEntry* country = name_evidence::listed_on(v, span.first, k);
    if (country == nullptr || !name_evidence::has_candidate(*country, CandidateKind::kCountry))
      continue;
    // The acronym stays claimed, as MISC, so no rule reads it as a name of its own.
    out.back() = {span.first, k, static_cast<std::uint32_t>(labels.location), span.confidence};
    out.push_back({k, span.last, static_cast<std::uint32_t>(labels.misc), span.confidence});
  }
  spans = std::move(out);
}

void drop_works(const TokenView& v, const RuleSet& rules, const NerLabels& labels,
                std::vector<TaggedSpan>& spans) {
  // A person's name never ends on a kind of work ("BBC Two's The Catherine Tate Show"), and no
  // name on a law's word ("Germany's Securities Trading Act"), nor is that word alone after
  // the law's capitalised words ("the Identity Cards" + "Bill" read as a person).
  std::erase_if(spans, [&](const TaggedSpan& span) {
    const std::string_view last = v.norm(span.last - 1);
    if (!v.tok(span.last - 1).has(tf::kCapital)) return false;
    if (span.last - span.first == 1)
      return static_cast<std::int32_t>(span.label) != labels.misc && span.first > 0 &&
             !v.tok(span.first).has(tf::kSentenceStart) &&
             v.tok(span.first - 1).has(tf::kCapital) && v.tok(span.first - 1).has(tf::kWord) &&
             rules.in_word_set("law-noun", last);
    return (static_cast<std::int32_t>(span.label) == labels.person &&
            rules.in_word_set("work-noun", last)) ||
           (static_cast<std::int32_t>(span.label) != labels.misc &&
            rules.in_word_set("law-noun", last));
  });
  // The titles: the capitalised words right after a kind of work, tagged or not. Not a name
  // after a courtesy title, which is a person's: "Budget documents show Mr Brown clawed back
  // £265m" (the verb "show") would drop every "Mr Brown" of the document.
  std::vector<std::string> works;
  const auto token_count = static_cast<std::uint32_t>(v.token_count());
  for (std::uint32_t t = 1; t < token_count; ++t) {
    if (!v.capish(t) || !v.tok(t).has(tf::kWord) || courtesy_title(v.norm(t)) ||
        !name_evidence::names_a_work(v, rules, t))
      continue;
    std::uint32_t end = t;
    while (end < token_count && end - t < 4 && v.capish(end) && v.tok(end).has(tf::kWord) &&
           (end == t || !v.tok(end).has(tf::kSentenceStart)))
      ++end;
    works.push_back(v.key_of(t, end));
  }
  if (works.empty()) return;
  spans.erase(std::remove_if(spans.begin(), spans.end(),
                             [&](const TaggedSpan& span) {
                               return static_cast<std::int32_t>(span.label) != labels.misc &&
                                      std::find(works.begin(), works.end(),
                                                v.key_of(span.first, span.last)) != works.end();
                             }),
              spans.end());
}

void parties_before_roles(const Knowledge& knowledge, const TokenView& v, const RuleSet& rules,
                          const NerLabels& labels, std::vector<TaggedSpan>& spans) {
  const auto n = static_cast<std::uint32_t>(v.token_count());
  const auto party_word = [&](std::uint32_t t) {
    return t < n && v.tok(t).has(tf::kCapital) && rules.in_word_set("affiliation", v.norm(t));
  };
  std::vector<TaggedSpan> out;
  out.reserve(spans.size() + 1);
  std::size_t next = 0;  // the first span not yet copied
  for (std::uint32_t t = 0; t < n; ++t) {
    while (next < spans.size() && spans[next].first <= t) out.push_back(spans[next++]);
    // A listed demonym before a role's title, untagged ("South Korean Foreign Minister Han
    // Ji-woo" opening a sentence): MISC, as the model reads demonyms, so its country qualifies
    // the role.
    if ((out.empty() || out.back().last <= t) && v.is_name_span(t) &&
        v.span_starting(t).first == t &&
        name_evidence::has_candidate(*v.span_starting(t).entry, CandidateKind::kDemonym)) {
      const std::uint32_t demonym_end = v.span_starting(t).last;
      if (demonym_end < n && (next == spans.size() || spans[next].first >= demonym_end) &&
          role_title_end(knowledge, v, demonym_end) != 0) {
        out.push_back({t, demonym_end, static_cast<std::uint32_t>(labels.misc), 1.0f});
        t = demonym_end - 1;
        continue;
      }
    }
    // Untagged, or opening a person's span that runs on through the title to the name.
    const bool opens_person = !out.empty() && out.back().first == t &&
                              static_cast<std::int32_t>(out.back().label) == labels.person;
    if (!party_word(t) || (!out.empty() && out.back().last > t && !opens_person)) continue;
    std::uint32_t end = t + 1;
    while (party_word(end)) ++end;
    const std::uint32_t title_last = end < n ? role_title_end(knowledge, v, end) : 0;
    if (title_last == 0 || (next < spans.size() && spans[next].first < end) ||
        (opens_person && out.back().last != end && out.back().last <= title_last))
      continue;
    const TaggedSpan party{t, end, static_cast<std::uint32_t>(labels.organization), 1.0f};
    if (opens_person && out.back().last == end) {
      out.back().label = party.label;  // the party's words alone, read as a person
    } else if (opens_person) {
      out.back().first = end;
      out.insert(out.end() - 1, party);
    } else {
      out.push_back(party);
    }
    t = end - 1;
  }
  while (next < spans.size()) out.push_back(spans[next++]);
  spans = std::move(out);
}

void join_given_name_before(const TokenView& v, const NerLabels& labels,
                            std::vector<TaggedSpan>& spans) {
  std::uint32_t previous_end = 0;
  for (TaggedSpan& span : spans) {
    if (static_cast<std::int32_t>(span.label) == labels.person &&
        free_word_before(v, span.first, previous_end) &&
        (v.lex(span.first - 1) & (lf::kGivenName | lf::kCommon)) == lf::kGivenName)
      --span.first;
    previous_end = span.last;
  }
}

void join_compound_tails(const TokenView& v, const NerLabels& labels,
                         std::vector<TaggedSpan>& spans) {
  const auto token_count = static_cast<std::uint32_t>(v.token_count());
  for (std::size_t s = 0; s < spans.size(); ++s) {
    TaggedSpan& span = spans[s];
    if (static_cast<std::int32_t>(span.label) != labels.person) continue;
    const std::uint32_t limit = s + 1 < spans.size() ? spans[s + 1].first : token_count;
    // The compound's parts after the span: "-" then a word, each glued to the one before.
    std::uint32_t end = span.last;
    const auto glued = [&](std::uint32_t t) {
      return t < limit && v.tok(t).has(tf::kJoined) && v.tok(t - 1).has(tf::kJoined) &&
             v.tok(t - 1).end == v.tok(t).start;
    };
    while (glued(end) && v.norm(end) == "-" && glued(end + 1) && v.tok(end + 1).has(tf::kLower) &&
           (v.lex(end + 1) & lf::kCommon) == 0)
      end += 2;
    span.last = end;
  }
}

void trim_scores_and_possessives(const Knowledge& knowledge, const TokenView& v,
                                 const NerLabels& labels, std::vector<TaggedSpan>& spans) {
  const auto token_count = static_cast<std::uint32_t>(v.token_count());
  // Tokens [first, last) stand somewhere in the document without a possessive after them.
  auto used_bare = [&](std::uint32_t first, std::uint32_t last) {
    const std::uint32_t n = last - first;
    for (std::uint32_t t = 0; t + n <= token_count; ++t) {
      if (t == first || (t + n < token_count && v.tok(t + n).has(tf::kPossessive))) continue;
      std::uint32_t k = 0;
      while (k < n && v.norm(t + k) == v.norm(first + k)) ++k;
      if (k == n) return true;
    }
    return false;
  };
  // A number, or a hyphen glued to one ("7-5").
  auto numeric = [&](std::uint32_t t) {
    return v.tok(t).has(tf::kNumber) || (v.norm(t) == "-" && !v.tok(t).has(tf::kSpaceBefore));
  };
  for (TaggedSpan& span : spans) {
    // "Standard & Poor" + "'s": a firm named with "&" that the document never writes without
    // the possessive holds it.
    if (span.last < token_count && v.tok(span.last).has(tf::kPossessive) &&
        !v.tok(span.last).has(tf::kSpaceBefore) &&
        static_cast<std::int32_t>(span.label) == labels.organization &&
        name_evidence::ampersand_name(v, span.first, span.last) &&
        !used_bare(span.first, span.last))
      ++span.last;
    if (span.last - span.first < 2) continue;
    const std::uint32_t end = span.last - 1;
    // "Na Li 7-5": a score after a name; a person's name never ends on a number.
    std::uint32_t cut = span.last;
    bool score = span.last + 1 < token_count && v.norm(span.last) == "-" &&
                 !v.tok(span.last).has(tf::kSpaceBefore) && v.tok(span.last + 1).has(tf::kNumber);
    while (cut > span.first + 1 && numeric(cut - 1)) {
      --cut;
      score = score || v.norm(cut) == "-";
    }
    // "Brian Monteith MSP": a title in capitals after a person's name is no part of it.
    if (static_cast<std::int32_t>(span.label) == labels.person && v.tok(end).has(tf::kAllCaps) &&
        v.is_title_span(end) && v.span_starting(end).last == span.last)
      cut = std::min(cut, end);
    if (cut < span.last && (score || static_cast<std::int32_t>(span.label) == labels.person))
      span.last = cut;
    else if (v.tok(end).has(tf::kPossessive) &&
             (used_bare(span.first, end) ||
              name_evidence::listed_anywhere(knowledge, v, span.first, end)))
      span.last = end;  // "the BBC's high-definition group" where the article writes "BBC";
                        // "the US's trade deficit": "US" is listed
  }
  // "the UK's Royal Bank of Scotland" read as one name: the listed place, then the name.
  std::vector<TaggedSpan> out;
  out.reserve(spans.size());
  for (TaggedSpan span : spans) {
    std::uint32_t possessive = span.first + 1;
    while (possessive + 1 < span.last && !v.tok(possessive).has(tf::kPossessive)) ++possessive;
    if (possessive + 1 < span.last && name_evidence::listed_place(v, span.first, possessive) &&
        static_cast<std::int32_t>(span.label) != labels.location) {
      out.push_back(
          {span.first, possessive, static_cast<std::uint32_t>(labels.location), span.confidence});
      span.first = possessive + 1;
    }
    out.push_back(span);
  }
  spans = std::move(out);
}

void join_ampersand_names(const TokenView& v, const NerLabels& labels,
                          std::vector<TaggedSpan>& spans) {
  const auto n = static_cast<std::uint32_t>(v.token_count());
  const auto capital_word = [&](std::uint32_t t) {
    return t < n && v.capish(t) && v.tok(t).has(tf::kWord) && !v.tok(t).has(tf::kSentenceStart);
  };
  // "Henman & Murray" are Tim Henman and Andy Murray.
  const std::vector<std::string_view> surnames = surnames_named_in_full(v, labels, spans);
  const auto surname = [&](std::uint32_t t) {
    return std::find(surnames.begin(), surnames.end(), v.norm(t)) != surnames.end();
  };
  std::vector<TaggedSpan> out;
  out.reserve(spans.size());
  for (std::size_t i = 0; i < spans.size(); ++i) {
    TaggedSpan span = spans[i];
    if (static_cast<std::int32_t>(span.label) == labels.misc) {
      out.push_back(span);
      continue;
    }
    bool joined = name_evidence::ampersand_name(v, span.first, span.last);
    const std::uint32_t amp = span.last;
    const bool next_after = i + 1 < spans.size() && spans[i + 1].first == amp + 1 &&
                            static_cast<std::int32_t>(spans[i + 1].label) != labels.misc;
    if (!joined && amp + 1 < n && name_evidence::spaced_ampersand(v, amp) &&
        capital_word(amp + 1) &&
        !(static_cast<std::int32_t>(span.label) == labels.location &&
          name_evidence::listed_place(v, span.first, span.last)) &&
        !(span.last == span.first + 1 && surname(span.first))) {
      std::uint32_t end = amp + 1;
      if (next_after) {
        end = spans[i + 1].last;
      } else {
        const std::uint32_t stop = i + 1 < spans.size() ? spans[i + 1].first : n;
        while (end < stop && end < amp + 4 && capital_word(end)) ++end;
      }
      const bool full_name = (v.lex(amp + 1) & lf::kGivenName) != 0 && end > amp + 2 &&
                             (v.lex(span.first) & lf::kGivenName) != 0;
      if (!full_name) {
        span.last = end;
        if (next_after) {
          span.confidence = std::min(span.confidence, spans[i + 1].confidence);
          ++i;
        }
        joined = true;
      }
    }
    // "Ant" + "&" + "Dec" with the first word left untagged: up to three capitalised words
    // before the "&" (not a surname of someone named in full: "Henman & Murray").
    const std::uint32_t previous_end = out.empty() ? 0 : out.back().last;
    if (!joined && span.first >= 2 && name_evidence::spaced_ampersand(v, span.first - 1) &&
        span.first - 2 >= previous_end && v.capish(span.first - 2) &&
        v.tok(span.first - 2).has(tf::kWord) && !surname(span.first - 2) &&
        !(span.last == span.first + 1 && surname(span.first))) {
      std::uint32_t first = span.first - 2;
      while (first > previous_end && span.first - 1 - first < 3 && capital_word(first - 1)) --first;
      span.first = first;
      joined = true;
    }
    if (joined) span.label = static_cast<std::uint32_t>(labels.organization);
    out.push_back(span);
  }
  spans = std::move(out);
}

void mend(const Knowledge& knowledge, const TokenView& v, const RuleSet& rules,
          const NerLabels& labels, std::vector<TaggedSpan>& spans) {
  split_at_semicolons(v, spans);
  split_at_titles(knowledge, v, rules, labels, spans);
  split_names_at_of(v, rules, labels, spans);
  trim_scores_and_possessives(knowledge, v, labels, spans);
  join_cut_heads(knowledge, v, rules, labels, spans);
  join_saints_names(knowledge, v, labels, spans);
  join_institutions_of(knowledge, v, rules, labels, spans);
  join_article_names(knowledge, v, labels, spans);
  names_after_roles(knowledge, v, rules, labels, spans);
  join_given_name_before(v, labels, spans);
  parties_before_roles(knowledge, v, rules, labels, spans);
  join_compound_tails(v, labels, spans);
  join_ampersand_names(v, labels, spans);
  join_compound_demonyms(v, rules, labels, spans);
  drop_non_names(knowledge, v, rules, labels, spans);
  split_country_and_medium(knowledge, v, labels, spans);
  drop_works(v, rules, labels, spans);
  relabel_short_forms(knowledge, v, labels, spans);
  relabel_list_mates(v, labels, spans);
  relabel_events(v, rules, labels, spans);
  relabel_sportsmen(knowledge, v, labels, spans);
  relabel_located_persons(v, labels, spans);
  relabel_employers(v, rules, labels, spans);
  tag_camel_case_companies(knowledge, v, labels, spans);
  relabel_organisation_first_words(v, labels, spans);
  relabel_companies_by_their_words(knowledge, v, rules, labels, spans);
  relabel_by_kind_nouns(knowledge, v, rules, labels, spans);
  relabel_written_acronyms(v, labels, spans);
  relabel_demonyms(v, labels, spans);
}

}  // namespace skein::extract::name_mends
