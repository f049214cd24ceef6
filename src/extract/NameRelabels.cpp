#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>

#include "extract/NameEvidence.h"
#include "extract/NameMends.h"

// The relabelling mends of NameMends.h: labels the words around a span correct.

namespace skein::extract::name_mends {

namespace tf = token_flags;
namespace lf = lexicon_flags;

void relabel_short_forms(const Knowledge& knowledge, const TokenView& v, const NerLabels& labels,
                         std::vector<TaggedSpan>& spans) {
  // A given name stands in a person's span before its last word; the span may still hold the
  // title trimmed later ("Argentine President Martín Ibarra").
  auto given_name_before_last = [&](const TaggedSpan& span) {
    for (std::uint32_t t = span.first; t + 1 < span.last; ++t) {
      if ((v.lex(t) & lf::kGivenName) != 0 && v.tok(t).has(tf::kCapital)) return true;
    }
    return false;
  };
  // The last words of the people (with a given name) and organisations named so far.
  std::vector<std::pair<std::string_view, std::uint32_t>> last_words;
  for (TaggedSpan& span : spans) {
    const auto label = static_cast<std::int32_t>(span.label);
    if (span.last - span.first >= 2 && v.tok(span.last - 1).has(tf::kCapital) &&
        ((label == labels.person && given_name_before_last(span) &&
          !name_evidence::listed_anywhere(knowledge, v, span.first, span.last)) ||
         (label == labels.organization && !institution_head(knowledge, v, span.last - 1)))) {
      last_words.emplace_back(v.norm(span.last - 1), span.label);
      continue;
    }
    if ((label != labels.location && label != labels.organization) || span.last - span.first != 1 ||
        v.tok(span.first).has(tf::kAllCaps))
      continue;
    // A listed place stays one, and a listed organisation or one named by a common word ("Sky",
    // "United"); "Ibarra" is also a city, which makes it no company.
    if (label == labels.organization && (v.lex(span.first) & lf::kCommon) != 0) continue;
    const PhraseEntry* listed = name_evidence::listed_on(v, span.first, span.last);
    if (label == labels.location
            ? name_evidence::listed_anywhere(knowledge, v, span.first, span.last)
            : name_evidence::listed_anywhere(knowledge, v, span.first, span.last) &&
                  (listed == nullptr || !name_evidence::only_a_place(*listed)))
      continue;
    const std::string_view w = v.norm(span.first);
    const auto named = std::find_if(last_words.rbegin(), last_words.rend(),
                                    [&](const auto& entry) { return entry.first == w; });
    // An unlisted organisation is a person's short form only: "Rojas and Ibarra signed" after
    // "Martín Ibarra".
    if (named != last_words.rend() &&
        (label == labels.location || static_cast<std::int32_t>(named->second) == labels.person))
      span.label = named->second;
  }
}

void relabel_organisation_first_words(const TokenView& v, const NerLabels& labels,
                                      std::vector<TaggedSpan>& spans) {
  std::vector<std::string_view> personal;  // first and last words of people named in full
  for (const TaggedSpan& span : spans) {
    if (static_cast<std::int32_t>(span.label) != labels.person || span.last - span.first < 2)
      continue;
    personal.push_back(v.norm(span.first));
    personal.push_back(v.norm(span.last - 1));
  }
  std::vector<std::string_view> first_words;  // of the organisations named so far
  for (TaggedSpan& span : spans) {
    const auto label = static_cast<std::int32_t>(span.label);
    const std::string_view w = v.norm(span.first);
    if (!v.tok(span.first).has(tf::kCapital) || v.tok(span.first).has(tf::kAllCaps) ||
        (v.lex(span.first) & lf::kDemonymWord) != 0)
      continue;
    if (label == labels.organization && span.last - span.first >= 2) {
      first_words.push_back(w);
    } else if (label == labels.person && span.last == span.first + 1 &&
               (span.first == 0 || !v.is_title_span(span.first - 1)) &&
               std::find(first_words.begin(), first_words.end(), w) != first_words.end() &&
               std::find(personal.begin(), personal.end(), w) == personal.end()) {
      span.label = static_cast<std::uint32_t>(labels.organization);
    }
  }
}

namespace {

// The words of the people the document names in full (two words or more).
std::vector<std::string_view> words_of_people_named_in_full(const TokenView& v,
                                                            const NerLabels& labels,
                                                            const std::vector<TaggedSpan>& spans) {
  std::vector<std::string_view> words;
  for (const TaggedSpan& span : spans) {
    if (static_cast<std::int32_t>(span.label) != labels.person || span.last - span.first < 2)
      continue;
    for (std::uint32_t t = span.first; t < span.last; ++t) words.push_back(v.norm(t));
  }
  return words;
}

// A lone capitalised word read as a person, not in capitals throughout and no nationality word:
// what the relabels below may find is none.
bool lone_person(const TokenView& v, const NerLabels& labels, const TaggedSpan& span) {
  return static_cast<std::int32_t>(span.label) == labels.person && span.last == span.first + 1 &&
         v.tok(span.first).has(tf::kCapital) && !v.tok(span.first).has(tf::kAllCaps) &&
         (v.lex(span.first) & lf::kDemonymWord) == 0;
}

// A lone capitalised word read as a place that no list knows as one, not in capitals
// throughout and no nationality word: a company's name the model may misread ("the Yugansk
// unit"), as it misreads others as people.
bool lone_unlisted_place(const Knowledge& knowledge, const TokenView& v, const NerLabels& labels,
                         const TaggedSpan& span) {
  return static_cast<std::int32_t>(span.label) == labels.location && span.last == span.first + 1 &&
         v.tok(span.first).has(tf::kCapital) && !v.tok(span.first).has(tf::kAllCaps) &&
         (v.lex(span.first) & lf::kDemonymWord) == 0 &&
         !name_evidence::words_name_a_listed_place(knowledge, v, span.first, span.last);
}

// The words that name people here: those of the people named in full, and lone people's
// words after a title ("Mr Glazer").
std::vector<std::string_view> words_naming_people(const TokenView& v, const NerLabels& labels,
                                                  const std::vector<TaggedSpan>& spans) {
  std::vector<std::string_view> words = words_of_people_named_in_full(v, labels, spans);
  for (const TaggedSpan& span : spans) {
    if (lone_person(v, labels, span) && span.first > 0 && v.is_title_span(span.first - 1))
      words.push_back(v.norm(span.first));
  }
  return words;
}

// Per token, the index of the span holding it, or -1.
std::vector<int> span_of_tokens(const TokenView& v, const std::vector<TaggedSpan>& spans) {
  std::vector<int> out(v.token_count(), -1);
  for (std::size_t s = 0; s < spans.size(); ++s)
    std::fill(out.begin() + spans[s].first, out.begin() + spans[s].last, static_cast<int>(s));
  return out;
}

// Adds `found` (spans over untagged tokens) to `spans`, keeping them in text order.
void add_spans(const std::vector<TaggedSpan>& found, std::vector<TaggedSpan>& spans) {
  if (found.empty()) return;
  spans.insert(spans.end(), found.begin(), found.end());
  std::sort(spans.begin(), spans.end(),
            [](const TaggedSpan& a, const TaggedSpan& b) { return a.first < b.first; });
}

bool has_word(const std::vector<std::string_view>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

}  // namespace

void relabel_companies_by_their_words(const Knowledge& knowledge, const TokenView& v,
                                      const RuleSet& rules, const NerLabels& labels,
                                      std::vector<TaggedSpan>& spans) {
  // `sites`: a part that is also a place counts ("its Longbridge plant" names where the plant
  // is, where Longbridge reads as a place).
  auto part_noun = [&](std::uint32_t t, bool sites) {
    return t < v.token_count() && v.tok(t).has(tf::kLower) &&
           rules.in_word_set("company-part-noun", v.norm(t)) &&
           (sites || !rules.in_word_set("company-site-noun", v.norm(t)));
  };
  // The words around the name over tokens [first, last) say "a company"; `which` admits the
  // weakest sign, ", which" after it. A name read as a place takes neither that nor a site.
  auto company_words = [&](std::uint32_t first, std::uint32_t last, bool which,
                           bool read_as_place = false) {
    const std::uint32_t next = last;
    const auto count = static_cast<std::uint32_t>(v.token_count());
    // "chief executive of Panlogic", "analyst at Gartner" (not "best actor for Cheadle", nor
    // "director of Leigh's film").
    if (first >= 2 && (v.norm(first - 1) == "at" || v.norm(first - 1) == "of") &&
        v.tok(first - 2).has(tf::kLower) &&
        rules.in_word_set("works-at-title", v.norm(first - 2)) &&
        (next >= count || !v.tok(next).has(tf::kPossessive)))
      return true;
    if (next >= count) return false;
    if (v.tok(next).has(tf::kPossessive)) {
      // "Cairn's shares", "Hexal's US affiliate": the part within three words; or a title only an
      // employer has ("T-Mobile's chief executive").
      for (std::uint32_t k = next + 1; k < count && k <= next + 4; ++k) {
        if (part_noun(k, !read_as_place) ||
            (v.tok(k).has(tf::kLower) && rules.in_word_set("employer-title", v.norm(k))))
          return true;
        if (!v.tok(k).has(tf::kWord)) break;
      }
      return false;
    }
    if (part_noun(next, !read_as_place)) return true;  // "its Sandoz unit"
    // "Renault boss hails 'great year'", "a Gartner analyst said".
    if (v.tok(next).has(tf::kLower) && rules.in_word_set("employer-title", v.norm(next)))
      return true;
    // "Renault, which owns 44%" (not "The Passion of the Christ, which took $370m": a title's
    // last word).
    if (which && v.norm(next) == "," && next + 1 < count && v.norm(next + 1) == "which")
      return first == 0 || v.norm(first - 1) != "the";
    // "Australian airline Qantas", "file-sharing network Napster", "shares in Equant". (A kind
    // of body may also be people's: "economist team Jim and Margaret Cuthbert".)
    if (first >= 1 && v.tok(first - 1).has(tf::kLower) &&
        (rules.in_word_set("org-noun", v.norm(first - 1)) ||
         (rules.in_word_set("org-kind-noun", v.norm(first - 1)) &&
          (v.lex(first) & lf::kGivenName) == 0)))
      return true;
    // "Motorola, the US mobile handset and infrastructure maker, says": an apposition after the
    // name whose head is a company noun (no possessive in it but the world's: "Ellison, the
    // firm's founder").
    if (v.norm(next) == "," && next + 2 < count &&
        (v.norm(next + 1) == "the" || v.norm(next + 1) == "a" || v.norm(next + 1) == "an")) {
      for (std::uint32_t k = next + 2, end = std::min(count, next + 9);
           k < end && v.tok(k).has(tf::kWord); ++k) {
        // Past a possessive or a preposition the noun is no longer the phrase's head ("the
        // firm's two main shareholders", "the man behind the Argonaut games group").
        if ((v.tok(k).has(tf::kPossessive) && v.norm(k - 1) != "world") ||
            rules.in_word_set("preposition", v.norm(k)))
          break;
        if (!v.tok(k).has(tf::kLower) || !rules.in_word_set("org-noun", v.norm(k))) continue;
        // The head: nothing follows but punctuation or a relative clause ("group Liberty" names
        // another).
        if (k + 1 >= count ||
            (!v.tok(k + 1).has(tf::kWord) && !v.tok(k + 1).has(tf::kPossessive)) ||
            v.norm(k + 1) == "which" || v.norm(k + 1) == "that")
          return true;
      }
    }
    // "The world's largest retailer, Wal-Mart, has agreed": an apposition closed on both sides.
    if (first >= 2 && v.norm(first - 1) == "," && v.tok(first - 2).has(tf::kLower) &&
        rules.in_word_set("org-noun", v.norm(first - 2)) && v.norm(next) == ",")
      return true;
    // "retailers such as Wal-Mart", "firms like Amazon": one of the companies named.
    const bool such_as = first >= 3 && v.norm(first - 1) == "as" && v.norm(first - 2) == "such";
    if ((such_as || (first >= 2 && v.norm(first - 1) == "like")) &&
        rules.in_word_set("org-noun-plural", v.norm(first - (such_as ? 3 : 2))))
      return true;
    return first >= 2 && v.norm(first - 1) == "in" &&
           rules.in_word_set("holding-noun", v.norm(first - 2));
  };
  // Names of two words or more read as a person that no given name opens ("Time Warner's
  // fourth quarter profits"), by the words around one of their mentions, every mention; not by
  // ", which" ("a trumpet which belonged to Dizzy Gillespie, which is expected to fetch").
  std::vector<std::string> named_companies;
  for (const TaggedSpan& span : spans) {
    // (The mention the words describe may be one the model read right.)
    const auto label = static_cast<std::int32_t>(span.label);
    if ((label == labels.person || label == labels.organization) && span.last - span.first >= 2 &&
        (v.lex(span.first) & lf::kGivenName) == 0 && !v.is_title_span(span.first) &&
        (span.first == 0 || !v.is_title_span(span.first - 1)) &&
        company_words(span.first, span.last, false))
      named_companies.push_back(v.key_of(span.first, span.last));
  }
  relabel_named_organisations(v, labels, named_companies, {}, labels.person, spans);
  // So are names of two words or more read as a place no list knows ("The world's biggest
  // retailer Wal-Mart"), by the stronger signs around any of their mentions, tagged or not, in
  // every place-read mention.
  auto unlisted_place_name = [&](const TaggedSpan& span) {
    return static_cast<std::int32_t>(span.label) == labels.location &&
           span.last - span.first >= 2 &&
           (v.lex(span.last - 1) & lf::kPlaceSuffix) == 0 &&  // "High Street sales"
           !name_evidence::words_name_a_listed_place(knowledge, v, span.first, span.last);
  };
  std::vector<std::string> placed_companies;
  for (const TaggedSpan& span : spans) {
    if (!unlisted_place_name(span)) continue;
    const std::uint32_t length = span.last - span.first;
    const std::string key = v.key_of(span.first, span.last);
    for (std::uint32_t t = 0; t + length <= v.token_count(); ++t) {
      if (v.norm(t) == v.norm(span.first) && v.key_of(t, t + length) == key &&
          company_words(t, t + length, false, true)) {
        placed_companies.push_back(key);
        break;
      }
    }
  }
  relabel_named_organisations(v, labels, placed_companies, {}, labels.location, spans);
  // Words read as a person alone, or as a place no list knows.
  auto misread = [&](const TaggedSpan& span) {
    return lone_person(v, labels, span) || lone_unlisted_place(knowledge, v, labels, span);
  };
  std::vector<std::string_view> lone, read_as_person;
  for (const TaggedSpan& span : spans) {
    if (misread(span)) lone.push_back(v.norm(span.first));
    if (lone_person(v, labels, span)) read_as_person.push_back(v.norm(span.first));
  }
  if (lone.empty()) return;
  // Every capitalised mention of such a word counts, tagged or not ("Cairn's shares" may be
  // left untagged where "Cairn" alone is a person).
  std::vector<std::string_view> companies;
  for (std::uint32_t t = 0; t < v.token_count(); ++t) {
    if (!v.tok(t).has(tf::kCapital) || !has_word(lone, v.norm(t))) continue;
    const bool place_only = !has_word(read_as_person, v.norm(t));
    if (company_words(t, t + 1, !place_only, place_only)) companies.push_back(v.norm(t));
  }
  const std::vector<std::string_view> personal = words_naming_people(v, labels, spans);
  for (TaggedSpan& span : spans) {
    const std::string_view w = v.norm(span.first);
    if (misread(span) && has_word(companies, w) && !has_word(personal, w)) {
      span.label = static_cast<std::uint32_t>(labels.organization);
      span.described = true;
    }
  }
}

void relabel_written_acronyms(const TokenView& v, const NerLabels& labels,
                              std::vector<TaggedSpan>& spans) {
  // The initials of every run of three capitalised words or more (lower-case connectors
  // allowed inside), and of the run without its first word or two ("The" or "Despite the
  // ..."): the tagger may have left the long form untagged or cut it.
  std::vector<std::string> acronyms;
  const auto capitalised = [&](std::uint32_t t) {
    return t < v.token_count() && v.tok(t).has(tf::kWord) && v.tok(t).has(tf::kCapital);
  };
  const auto connector = [&](std::uint32_t t) {
    return t < v.token_count() && v.tok(t).has(tf::kLower) && (v.lex(t) & lf::kConnector) != 0;
  };
  for (std::uint32_t t = 0; t < v.token_count();) {
    if (!capitalised(t)) {
      ++t;
      continue;
    }
    std::uint32_t end = t + 1;
    while (capitalised(end) || (connector(end) && capitalised(end + 1))) ++end;
    for (std::uint32_t from = t; from < end && from <= t + 2; ++from) {
      std::string letters = v.initials(from, end);
      if (letters.size() >= 3) acronyms.push_back(std::move(letters));
    }
    t = end;
  }
  if (acronyms.empty()) return;
  for (TaggedSpan& span : spans) {
    if (!lone_person(v, labels, span)) continue;
    std::string word(v.norm(span.first));
    for (char& c : word) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    if (std::find(acronyms.begin(), acronyms.end(), word) != acronyms.end())
      span.label = static_cast<std::uint32_t>(labels.organization);
  }
}

void relabel_by_kind_nouns(const Knowledge& knowledge, const TokenView& v, const RuleSet& rules,
                           const NerLabels& labels, std::vector<TaggedSpan>& spans) {
  const auto place = static_cast<std::uint32_t>(labels.location);
  const auto organization = static_cast<std::uint32_t>(labels.organization);
  const auto misc = static_cast<std::uint32_t>(labels.misc);
  auto in_set = [&](std::uint32_t t, std::string_view set) {
    return t < v.token_count() && rules.in_word_set(set, v.norm(t));
  };
  auto person = [&](const TaggedSpan& span) {
    return static_cast<std::int32_t>(span.label) == labels.person;
  };
  for (TaggedSpan& span : spans) {
    if (span.last - span.first < 2 || !v.tok(span.last - 1).has(tf::kCapital)) continue;
    if (person(span) && in_set(span.last - 1, "venue-noun")) span.label = place;
    if ((person(span) || span.label == organization) && in_set(span.last - 1, "structure-noun") &&
        !name_evidence::kb_listed_organisation(knowledge, v, span.first, span.last))
      span.label = place;
  }
  const std::vector<std::string_view> personal = words_naming_people(v, labels, spans);
  // The lower-case word after a lone word, past the closing mark of quotes around it ("'Veritas'
  // party", where the closing "'" reads as a bare possessive).
  auto kind_after = [&](std::uint32_t t) {
    std::uint32_t next = t + 1;
    const auto quote = [&](std::uint32_t k) { return v.norm(k) == "'" || v.norm(k) == "\""; };
    if (t > 0 && quote(t - 1) && next < v.token_count() &&
        (quote(next) ||
         (v.tok(next).has(tf::kPossessive) && v.tok(next).end == v.tok(next).start + 1)))
      ++next;
    return next < v.token_count() && v.tok(next).has(tf::kLower) ? next : std::uint32_t{UINT32_MAX};
  };
  std::vector<std::pair<std::string_view, std::uint32_t>> relabelled;  // word -> label
  for (const TaggedSpan& span : spans) {
    if (!lone_person(v, labels, span) || has_word(personal, v.norm(span.first))) continue;
    const std::uint32_t kind = kind_after(span.first);
    if (in_set(kind, "venue-noun")) relabelled.emplace_back(v.norm(span.first), place);
    if (in_set(kind, "party-noun")) relabelled.emplace_back(v.norm(span.first), organization);
    if (in_set(kind, "product-noun")) relabelled.emplace_back(v.norm(span.first), misc);
  }
  for (TaggedSpan& span : spans) {
    if (!lone_person(v, labels, span)) continue;
    for (const auto& [word, label] : relabelled) {
      if (v.norm(span.first) == word) span.label = label;
    }
  }
}

std::vector<std::string_view> surnames_named_in_full(const TokenView& v, const NerLabels& labels,
                                                     const std::vector<TaggedSpan>& spans) {
  std::vector<std::string_view> surnames;
  for (const TaggedSpan& span : spans) {
    if (static_cast<std::int32_t>(span.label) == labels.person && span.last - span.first >= 2)
      surnames.push_back(v.norm(span.last - 1));
  }
  return surnames;
}

void relabel_list_mates(const TokenView& v, const NerLabels& labels,
                        std::vector<TaggedSpan>& spans) {
  auto person = [&](const TaggedSpan& span) {
    return static_cast<std::int32_t>(span.label) == labels.person;
  };
  auto letter = [&](std::uint32_t t) {  // "A" in "A Goode", "O." in "O. Smith"
    if (v.norm(t) == "." && t > 0) --t;
    return v.tok(t).end - v.tok(t).start == 1 && v.tok(t).has(tf::kCapital);
  };
  auto lone_unnamed_person = [&](const TaggedSpan& span) {
    constexpr std::uint32_t kPersonal = lf::kGivenName | lf::kSurname | lf::kCommon;
    return person(span) && span.last == span.first + 1 && (v.lex(span.first) & kPersonal) == 0 &&
           !v.tok(span.first).has(tf::kAllCaps) &&
           (span.first == 0 || (!v.is_title_span(span.first - 1) && !letter(span.first - 1)));
  };
  // A lone word read as a person that may name a place: no given name nor common word (a
  // surname may be a place's name too: "Wandsworth"), after no title.
  auto lone_place_name = [&](const TaggedSpan& span) {
    return person(span) && span.last == span.first + 1 &&
           (v.lex(span.first) & (lf::kGivenName | lf::kCommon)) == 0 &&
           !v.tok(span.first).has(tf::kAllCaps) &&
           (span.first == 0 || (!v.is_title_span(span.first - 1) && !letter(span.first - 1)));
  };
  // "and" or "or" right before or after the span: a comma alone may end an opening phrase
  // ("In Athens, Psacharopoulos said").
  auto joined_by_and = [&](const TaggedSpan& span) {
    const auto conjunction = [&](std::uint32_t t) {
      return t < v.token_count() && (v.norm(t) == "and" || v.norm(t) == "or");
    };
    return (span.first > 0 && conjunction(span.first - 1)) || conjunction(span.last);
  };
  // Spans i and i + 1 are neighbours in a list: only ",", "and" or "or" between them.
  auto listed_together = [&](std::size_t i) {
    const std::uint32_t gap = spans[i + 1].first - spans[i].last;
    if (gap == 0 || gap > 2 || v.tok(spans[i + 1].first).has(tf::kSentenceStart)) return false;
    for (std::uint32_t t = spans[i].last; t < spans[i + 1].first; ++t) {
      const std::string_view w = v.norm(t);
      if (w != "," && w != "and" && w != "or") return false;
    }
    return gap == 1 || v.norm(spans[i].last) == ",";
  };
  // "Foxx" after "Jamie Foxx" is his.
  const std::vector<std::string_view> surnames = surnames_named_in_full(v, labels, spans);
  auto named_in_full = [&](const TaggedSpan& span) {
    return std::find(surnames.begin(), surnames.end(), v.norm(span.first)) != surnames.end();
  };
  std::vector<std::string_view> organisations;
  for (std::size_t first = 0; first < spans.size();) {
    std::size_t last = first;
    while (last + 1 < spans.size() && listed_together(last)) ++last;
    std::size_t lone = spans.size(), organisation_mates = 0, place_mates = 0;
    bool mixed = false;
    for (std::size_t i = first; i <= last; ++i) {
      const auto label = static_cast<std::int32_t>(spans[i].label);
      if ((lone_unnamed_person(spans[i]) || lone_place_name(spans[i])) &&
          !named_in_full(spans[i]) && lone == spans.size()) {
        lone = i;
      } else if (label == labels.organization) {
        ++organisation_mates;
      } else if (label == labels.location) {
        ++place_mates;
      } else {
        mixed = true;
      }
    }
    if (lone == spans.size() || mixed) {
      first = last + 1;
      continue;
    }
    if (organisation_mates > 0 && place_mates == 0 && lone_unnamed_person(spans[lone])) {
      spans[lone].label = static_cast<std::uint32_t>(labels.organization);
      organisations.push_back(v.norm(spans[lone].first));
    } else if (place_mates > 0 && organisation_mates == 0 && lone_place_name(spans[lone]) &&
               joined_by_and(spans[lone])) {
      spans[lone].label = static_cast<std::uint32_t>(labels.location);
    }
    first = last + 1;
  }
  if (organisations.empty()) return;
  for (TaggedSpan& span : spans) {
    if (lone_unnamed_person(span) && std::find(organisations.begin(), organisations.end(),
                                               v.norm(span.first)) != organisations.end())
      span.label = static_cast<std::uint32_t>(labels.organization);
  }
}

void relabel_events(const TokenView& v, const RuleSet& rules, const NerLabels& labels,
                    std::vector<TaggedSpan>& spans) {
  std::vector<std::string_view> first_words;  // of the names relabelled, "Argonaut Games"
  for (TaggedSpan& span : spans) {
    const auto label = static_cast<std::int32_t>(span.label);
    if ((label == labels.person || label == labels.location) && span.last > span.first &&
        v.tok(span.last - 1).has(tf::kCapital) &&
        rules.in_word_set("event-noun", v.norm(span.last - 1))) {
      span.label = static_cast<std::uint32_t>(labels.organization);
      if (label == labels.person && span.last - span.first >= 2)
        first_words.push_back(v.norm(span.first));
    }
    // A league read as MISC, as CoNLL-2003 reads them ("Premier League"): a name of two words
    // or more ending on an institution's word is an organisation.
    if (label == labels.misc && span.last >= span.first + 2 &&
        v.tok(span.last - 1).has(tf::kCapital) &&
        (v.lex(span.last - 1) & (lf::kOrgSuffix | lf::kOrgHead)) != 0)
      span.label = static_cast<std::uint32_t>(labels.organization);
  }
  // Its first word alone, read as a person too, is its short form: "Argonaut" for the games
  // maker (not a given name: "Jesse Owens Awards" leaves Jesse).
  for (TaggedSpan& span : spans) {
    if (static_cast<std::int32_t>(span.label) == labels.person && span.last == span.first + 1 &&
        (v.lex(span.first) & lf::kGivenName) == 0 &&
        std::find(first_words.begin(), first_words.end(), v.norm(span.first)) != first_words.end())
      span.label = static_cast<std::uint32_t>(labels.organization);
  }
}

void relabel_sportsmen(const Knowledge& knowledge, const TokenView& v, const NerLabels& labels,
                       std::vector<TaggedSpan>& spans) {
  for (TaggedSpan& span : spans) {
    if (static_cast<std::int32_t>(span.label) != labels.location || span.first < 2 ||
        span.last - span.first < 2 || !v.tok(span.first - 1).has(tf::kPossessive))
      continue;
    // The country's name ends at the possessive ("South Africa's").
    const std::uint32_t possessive = span.first - 1;
    const PhraseEntry* country = nullptr;
    for (std::uint32_t k = possessive >= 3 ? possessive - 3 : 0; k < possessive && !country; ++k)
      country = name_evidence::listed_on(v, k, possessive);
    if (country == nullptr || !name_evidence::has_candidate(*country, CandidateKind::kCountry) ||
        ((v.lex(span.first) & lf::kGivenName) == 0 &&
         ((v.lex(span.first) & lf::kCommon) != 0 || (v.lex(span.last - 1) & lf::kSurname) == 0)) ||
        (v.lex(span.last - 1) & lf::kPlaceSuffix) != 0 ||
        name_evidence::listed_anywhere(knowledge, v, span.first, span.last))
      continue;
    span.label = static_cast<std::uint32_t>(labels.person);
  }
}

void relabel_located_persons(const TokenView& v, const NerLabels& labels,
                             std::vector<TaggedSpan>& spans) {
  constexpr std::uint32_t kPersonal = lf::kGivenName | lf::kSurname | lf::kCommon;
  // A place or country starts at token t: listed, or tagged as a location.
  auto place_at = [&](std::uint32_t t) {
    if (v.is_name_span(t) && name_evidence::names_a_location(*v.span_starting(t).entry))
      return true;
    return std::any_of(spans.begin(), spans.end(), [&](const TaggedSpan& span) {
      return span.first == t && static_cast<std::int32_t>(span.label) == labels.location;
    });
  };
  // "the Azzurri in Rome" names a team or a show, "Saab and Vauxhall in Europe" a list's
  // last member: its kind is the list's, not the in-phrase's.
  auto after_list_word = [&](std::uint32_t t) {
    const std::string_view w = v.norm(t - 1);
    return w == "the" || w == "and" || w == "or" || w == ",";
  };
  const std::vector<std::string_view> surnames = surnames_named_in_full(v, labels, spans);
  for (TaggedSpan& span : spans) {
    const std::uint32_t t = span.first;
    if (static_cast<std::int32_t>(span.label) != labels.person || span.last != t + 1 ||
        t + 2 >= v.token_count() || v.norm(t + 1) != "in" || (v.lex(t) & kPersonal) != 0 ||
        v.tok(t).has(tf::kAllCaps) || (t > 0 && (v.is_title_span(t - 1) || after_list_word(t))) ||
        std::find(surnames.begin(), surnames.end(), v.norm(t)) != surnames.end() ||
        !place_at(t + 2))
      continue;
    span.label = static_cast<std::uint32_t>(labels.location);
  }
}

void relabel_employers(const TokenView& v, const RuleSet& rules, const NerLabels& labels,
                       std::vector<TaggedSpan>& spans) {
  auto person = [&](const TaggedSpan& span) {
    return static_cast<std::int32_t>(span.label) == labels.person;
  };
  std::vector<std::string> employers;  // keys of the names read so
  for (std::size_t i = 0; i + 1 < spans.size(); ++i) {
    const std::uint32_t t = spans[i].last;
    // (The model may have read this mention right and the name's others as a person.)
    const bool organization = static_cast<std::int32_t>(spans[i].label) == labels.organization;
    if ((!person(spans[i]) && !organization) || !person(spans[i + 1]) || t >= v.token_count() ||
        v.tok(t).has(tf::kCapital) || !v.tok(t - 1).has(tf::kCapital) ||
        v.tok(t - 1).has(tf::kPossessive))
      continue;
    // The title: a listed one, or a word of the set alone that no title list holds ("Yukos
    // boss Mikhail Khodorkovsky").
    const std::uint32_t title_end = v.is_title_span(t) ? v.span_starting(t).last : t + 1;
    if (!rules.in_word_set("employer-title", v.norm(title_end - 1))) continue;
    std::uint32_t next = title_end;
    if (next < v.token_count() && v.norm(next) == ",") ++next;
    if (spans[i + 1].first == next) employers.push_back(v.key_of(spans[i].first, spans[i].last));
  }
  // Every mention of the employer's name read as a person ("Charlton midfielder Graham Stuart"
  // ... "on loan from Charlton"), unless a person named in full here has its one word.
  if (employers.empty()) return;
  relabel_named_organisations(v, labels, employers, words_of_people_named_in_full(v, labels, spans),
                              labels.person, spans);
}

void relabel_named_organisations(const TokenView& v, const NerLabels& labels,
                                 const std::vector<std::string>& names,
                                 const std::vector<std::string_view>& kept_words,
                                 std::int32_t read_as, std::vector<TaggedSpan>& spans) {
  if (names.empty()) return;
  for (TaggedSpan& span : spans) {
    if (static_cast<std::int32_t>(span.label) != read_as || span.first >= span.last ||
        std::find(names.begin(), names.end(), v.key_of(span.first, span.last)) == names.end())
      continue;
    if (span.last - span.first > 1 || !has_word(kept_words, v.norm(span.first))) {
      span.label = static_cast<std::uint32_t>(labels.organization);
      span.described = true;
    }
  }
}

void relabel_demonyms(const TokenView& v, const NerLabels& labels, std::vector<TaggedSpan>& spans) {
  for (TaggedSpan& span : spans) {
    if (static_cast<std::int32_t>(span.label) != labels.organization) continue;
    const PhraseEntry* entry = name_evidence::listed_on(v, span.first, span.last);
    if (entry != nullptr && name_evidence::has_candidate(*entry, CandidateKind::kDemonym) &&
        !name_evidence::has_candidate(*entry, CandidateKind::kOrganization))
      span.label = static_cast<std::uint32_t>(labels.misc);
  }
}

void one_label_per_name(const TokenView& v, const NerLabels& labels,
                        std::vector<TaggedSpan>& spans) {
  auto slot = [&](std::int32_t label) {
    return label == labels.person         ? 0
           : label == labels.organization ? 1
           : label == labels.location     ? 2
                                          : 3;
  };
  std::unordered_map<std::string, std::array<float, 4>> votes;
  for (TaggedSpan& span : spans) {
    if (span.first >= span.last) continue;
    if (v.dateline_place(span.first, span.last)) {
      if (name_evidence::listed_place(v, span.first, span.last))
        span.label = static_cast<std::uint32_t>(labels.location);
      continue;
    }
    auto& vote =
        votes.try_emplace(v.key_of(span.first, span.last), std::array<float, 4>{}).first->second;
    vote[slot(static_cast<std::int32_t>(span.label))] += span.confidence;
  }
  const std::int32_t by_slot[] = {labels.person, labels.organization, labels.location};
  for (TaggedSpan& span : spans) {
    if (span.first >= span.last || static_cast<std::int32_t>(span.label) == labels.misc ||
        v.dateline_place(span.first, span.last))
      continue;
    const auto& vote = votes[v.key_of(span.first, span.last)];
    const std::size_t best =
        static_cast<std::size_t>(std::max_element(vote.begin(), vote.begin() + 3) - vote.begin());
    if (vote[best] > vote[slot(static_cast<std::int32_t>(span.label))])
      span.label = static_cast<std::uint32_t>(by_slot[best]);
  }
}

void relabel_constituencies(const TokenView& v, const RuleSet& rules, const NerLabels& labels,
                            std::vector<TaggedSpan>& spans) {
  for (TaggedSpan& span : spans) {
    std::uint32_t t = span.first;
    if (t > 0 && v.norm(t - 1) == "the") --t;
    if (t >= 2 && v.norm(t - 1) == "for" && rules.in_word_set("constituency-role", v.norm(t - 2)) &&
        static_cast<std::int32_t>(span.label) != labels.misc)
      span.label = static_cast<std::uint32_t>(labels.location);
  }
}

void tag_camel_case_companies(const Knowledge& knowledge, const TokenView& v,
                              const NerLabels& labels, std::vector<TaggedSpan>& spans) {
  const std::vector<int> tagged = span_of_tokens(v, spans);
  const std::vector<std::string_view> personal = words_of_people_named_in_full(v, labels, spans);
  const auto organization = static_cast<std::uint32_t>(labels.organization);
  std::vector<TaggedSpan> found;
  for (std::uint32_t t = 0; t < v.token_count(); ++t) {
    if (!v.tok(t).has(tf::kWord) || v.tok(t).has(tf::kAllCaps) || !v.camel_case(t)) continue;
    const auto listed_as_written = [&](std::uint32_t end) {
      const std::string word = v.text_of(t, end);
      const auto rows = knowledge.kb_organizations_named(v.key_of(t, end));
      return std::any_of(rows.begin(), rows.end(), [&](std::uint32_t row) {
        return knowledge.kb_organizations()[row].name == word;
      });
    };
    const int s = tagged[t];
    const bool lone = s >= 0 && spans[s].first == t && spans[s].last == t + 1;
    const std::uint32_t next = t + 1;
    // A name that holds its possessive ("McDonald's"), untagged or read alone as a person or
    // MISC without it; not the surname of someone named in full ("Trevor McDonald's show").
    if ((s < 0 || (lone && static_cast<std::int32_t>(spans[s].label) != labels.location)) &&
        next < v.token_count() && tagged[next] < 0 && v.tok(next).has(tf::kPossessive) &&
        !v.tok(next).has(tf::kSpaceBefore) &&
        std::find(personal.begin(), personal.end(), v.norm(t)) == personal.end() &&
        listed_as_written(next + 1)) {
      if (s >= 0)
        spans[s] = {t, next + 1, organization, spans[s].confidence};
      else
        found.push_back({t, next + 1, organization, 1.0f});
      continue;
    }
    // Untagged, or read as MISC alone (a product's name, as the model sees it).
    if ((s >= 0 && (!lone || static_cast<std::int32_t>(spans[s].label) != labels.misc)) ||
        !listed_as_written(next))
      continue;
    if (s >= 0)
      spans[s].label = organization;
    else
      found.push_back({t, next, organization, 1.0f});
  }
  add_spans(found, spans);
}

void tag_untagged_workplaces(const Knowledge& knowledge, const RuleSet& rules,
                             const AnnotatedDocument& document, const TokenView& v,
                             const NerLabels& labels, std::vector<TaggedSpan>& spans) {
  const std::vector<int> tagged = span_of_tokens(v, spans);
  const auto count = static_cast<std::uint32_t>(v.token_count());
  const auto free_capital = [&](std::uint32_t t) {
    return t < count && tagged[t] < 0 && v.tok(t).has(tf::kWord) && v.tok(t).has(tf::kCapital) &&
           !v.is_title_span(t);
  };
  // The words before `first` say someone works at [first, end): a lower-case title and "of"
  // ("general secretary of Unison"; a capitalised one names a portfolio: "Commissioner for
  // Transport", "Minister of Discord"), or "at" after a title ("chief economist at Fact and
  // Opinion Economics"); never "for" ("best actor for Unforgiven").
  const auto workplace = [&](std::uint32_t first, std::uint32_t end) {
    if (first < 2 || !name_evidence::named_as_workplace(knowledge, rules, document, v, first, end))
      return false;
    if (v.norm(first - 1) == "of") return v.tok(first - 2).has(tf::kLower);
    return v.norm(first - 1) == "at" || (v.norm(first - 1) == "the" && v.norm(first - 2) == "at");
  };
  // The name goes on past the run, or qualifies what follows: a word glued to it ("Shopping" of
  // "Shopping.com", "ASK" of "ASK-Raymond James"), a possessive ("a member of The Game's
  // entourage"), or a connector ("the Forum for the Future").
  const auto goes_on = [&](std::uint32_t end) {
    if (end >= count) return false;
    const std::string_view next = v.norm(end);
    if (v.tok(end).has(tf::kPossessive) || next == "for" || next == "of" || next == "and" ||
        next == "&")
      return true;
    return !v.tok(end).has(tf::kSpaceBefore) && next != "," && next != ";" && next != ":" &&
           next != ")" && next != "\"" &&
           (next != "." || (end + 1 < count && !v.tok(end + 1).has(tf::kSpaceBefore)));
  };
  std::vector<TaggedSpan> found;
  std::vector<std::size_t> joined;  // places tagged right after a run, now part of its name
  for (std::uint32_t t = 2; t < count; ++t) {
    if (!free_capital(t) || free_capital(t - 1) || v.initial_position(t) ||
        (v.lex(t) & lf::kGivenName) != 0 || is_calendar_word(v.norm(t)))
      continue;
    // The run, through "and", "&" or "of" between capitalised words ("Fact and Opinion
    // Economics").
    std::uint32_t last = t + 1;
    for (;;) {
      while (free_capital(last)) ++last;
      const std::string_view joint = last < count ? v.norm(last) : std::string_view();
      if ((joint != "and" && joint != "&" && joint != "of") || !free_capital(last + 1)) break;
      last += 2;
    }
    if (name_evidence::listed_anywhere(knowledge, v, t, last) ||
        name_evidence::words_name_a_listed_place(knowledge, v, t, last))
      continue;
    const int after = last < count ? tagged[last] : -1;
    const bool place_after = after >= 0 &&
                             static_cast<std::int32_t>(spans[after].label) == labels.location &&
                             spans[after].first == last;
    const std::uint32_t end = place_after ? spans[after].last : last;
    if (goes_on(end) || !workplace(t, end)) continue;
    TaggedSpan span{t, end, static_cast<std::uint32_t>(labels.organization), 1.0f};
    span.described = true;
    found.push_back(span);
    if (place_after) joined.push_back(static_cast<std::size_t>(after));
    t = end;
  }
  std::sort(joined.rbegin(), joined.rend());
  for (std::size_t s : joined) spans.erase(spans.begin() + static_cast<std::ptrdiff_t>(s));
  add_spans(found, spans);
}

}  // namespace skein::extract::name_mends
