#pragma once
// Token-level questions every rule component asks of an annotated document: what a token is
// (capitalised, a code, a calendar word), its normalised form and lexicon flags, and the text
// and normalised key of a token range. One home for them; all inline and read-only.
//
// Thread-safety: a TokenView only reads its document.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/AnnotatedDocument.h"

namespace skein::extract {

// ASCII lower case (the gazetteer's keys and acronyms are ASCII where this is used).
inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

inline bool contains(const std::vector<std::string>& list, std::string_view word) {
  for (const std::string& w : list) {
    if (w == word) return true;
  }
  return false;
}

// Days and months: never places ("On Friday", "in March"), whatever a gazetteer says.
inline bool is_calendar_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "monday",  "tuesday",   "wednesday", "thursday", "friday",  "saturday", "sunday",
      "january", "february",  "march",     "april",    "may",     "june",     "july",
      "august",  "september", "october",   "november", "december"};
  for (const std::string_view x : kWords) {
    if (x == w) return true;
  }
  return false;
}

// A finite form of "be" ("is", "are", "am", "was", "were"): with "to" after it, a plan ("is to
// meet").
inline bool be_form(std::string_view word) {
  return word == "is" || word == "are" || word == "am" || word == "was" || word == "were";
}

// A courtesy title ("mr", "mrs", "ms", "miss", "messrs", "mme"; a final period allowed): never
// part of a person's name, and the name after it is a surname.
inline bool courtesy_title(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  return word == "mr" || word == "mrs" || word == "ms" || word == "miss" || word == "messrs" ||
         word == "mme";
}

// Whether every candidate of `entry` other than a title is a city or subdivision.
inline bool only_place_candidates(const PhraseEntry& entry) {
  bool place = false;
  for (const Candidate& c : entry.candidates) {
    if (c.kind == CandidateKind::kCity || c.kind == CandidateKind::kSubdivision)
      place = true;
    else if (c.kind != CandidateKind::kTitle)
      return false;
  }
  return place;
}

class TokenView {
 public:
  explicit TokenView(const AnnotatedDocument& document)
      : doc_(document), seg_(document.segmentation), text_(document.document.text) {}

  const Token& tok(std::uint32_t i) const { return seg_.tokens[i]; }
  std::string_view norm(std::uint32_t i) const { return seg_.norm_of(seg_.tokens[i]); }
  std::uint32_t lex(std::uint32_t i) const { return seg_.tokens[i].lexicon; }
  std::size_t token_count() const { return seg_.tokens.size(); }
  const std::string& text() const { return text_; }

  // A dateline's place: tokens [first, last) open a line, and a date of three numbers ends it
  // ("MADRID 1996-08-30", "NEW YORK 1996/08/22"). It names where a wire story was filed: a
  // place, whatever the same words name elsewhere in the article (the club "Madrid", the
  // team "New York" of a standings table).
  bool dateline_place(std::uint32_t first, std::uint32_t last) const {
    if (first >= last || last >= token_count() || tok(last).has(token_flags::kNewlineBefore) ||
        (first > 0 && !tok(first).has(token_flags::kNewlineBefore)))
      return false;
    std::uint32_t end = last;
    while (end < token_count() && !tok(end).has(token_flags::kNewlineBefore)) ++end;
    const std::string_view date(text_.data() + tok(last).start, tok(end - 1).end - tok(last).start);
    int numbers = 0;
    for (std::size_t i = 0; i < date.size(); ++i) {
      const bool digit = date[i] >= '0' && date[i] <= '9';
      if (!digit && date[i] != '-' && date[i] != '/') return false;
      if (digit && (i == 0 || date[i - 1] < '0' || date[i - 1] > '9')) ++numbers;
    }
    return numbers == 3;
  }
  // A brand's spelling: a capital after a lower-case letter inside the word ("eBay", "PayPal",
  // "easyJet"). A name's word even when it opens in lower case.
  bool camel_case(std::uint32_t i) const {
    const Token& token = tok(i);
    for (std::uint32_t k = token.start + 1; k < token.end; ++k) {
      const char c = text_[k], before = text_[k - 1];
      if (c >= 'A' && c <= 'Z' && before >= 'a' && before <= 'z') return true;
    }
    return false;
  }
  bool capish(std::uint32_t i) const {
    return tok(i).has(token_flags::kCapital) || tok(i).has(token_flags::kAllCaps);
  }
  // An initial, with its full stop ("R.") or without ("W" of "George W Bush", "S" of "S Byrne").
  bool initial_letter(std::uint32_t i) const {
    return tok(i).has(token_flags::kInitial) ||
           (tok(i).has(token_flags::kCapital) && tok(i).end - tok(i).start == 1);
  }
  // A word of the rule files' org-suffix or org-head lists: an institution's word ("Bank",
  // "Institute", "Ministry", "Navy").
  bool institution_word(std::uint32_t i) const {
    return (lex(i) & (lexicon_flags::kOrgHead | lexicon_flags::kOrgSuffix)) != 0;
  }
  // A position where any word is capitalised: sentence start, after an opening quote, a colon
  // or a bracket.
  bool initial_position(std::uint32_t i) const {
    if (tok(i).has(token_flags::kSentenceStart)) return true;
    if (i == 0) return true;
    const std::string_view p = norm(i - 1);
    // A quote glued to a comma closes the quotation, and the sentence goes on ("...
    // generator," Renaissance Capital analyst Adam Landes said); one after a space opens one
    // ('observed, "With Fightstar').
    if ((p == "\"" || p == "'") && i >= 2 && norm(i - 2) == "," &&
        !tok(i - 1).has(token_flags::kSpaceBefore))
      return false;
    return p == "\"" || p == ":" || p == "(" || p == "'" || p == "--" || p == "-" || p == ";";
  }
  // A capitalised word that is only capitalised because of where it stands ("The", "During").
  bool positional_capital(std::uint32_t i, std::uint32_t sentence_last) const {
    namespace lf = lexicon_flags;
    if (!initial_position(i)) return false;
    const std::uint32_t l = lex(i);
    if ((l & lf::kCommon) == 0) return false;
    if ((l & (lf::kGivenName | lf::kSurname | lf::kSurnameFirst)) != 0 && i + 1 < sentence_last &&
        capish(i + 1) && (lex(i + 1) & lf::kCommon) == 0) {
      return false;  // "Park Jin met ...", "Will Smith said ..."
    }
    return true;
  }
  // The document text of tokens [first, last).
  std::string text_of(std::uint32_t first, std::uint32_t last) const {
    return text_.substr(tok(first).start, tok(last - 1).end - tok(first).start);
  }
  // Normalised name of tokens [first, last): spaces where the text has them, hyphens glued.
  std::string key_of(std::uint32_t first, std::uint32_t last) const {
    std::string out;
    for (std::uint32_t i = first; i < last; ++i) {
      if (i > first && tok(i).has(token_flags::kSpaceBefore)) out.push_back(' ');
      out += norm(i);
    }
    return out;
  }
  // A word mixing letters and digits ("PA2904034294", "B52"): a code, never part of a name
  // (hyphenated forms such as "COVID-19" are separate tokens and still join).
  bool is_code(std::uint32_t i) const {
    bool digit = false, letter = false;
    for (std::uint32_t b = tok(i).start; b < tok(i).end; ++b) {
      const char c = text_[b];
      if (c >= '0' && c <= '9')
        digit = true;
      else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
        letter = true;
    }
    return digit && letter;
  }
  // Words of a name: hyphenated parts count once, lower-case connectors and particles not.
  std::size_t word_count(std::uint32_t first, std::uint32_t last) const {
    namespace tf = token_flags;
    std::size_t n = 0;
    for (std::uint32_t i = first; i < last; ++i) {
      if (!tok(i).has(tf::kWord)) continue;
      if (tok(i).has(tf::kJoined) && i > first && tok(i - 1).has(tf::kJoined)) continue;
      if ((lex(i) & (lexicon_flags::kConnector | lexicon_flags::kPersonPrefix)) != 0 &&
          tok(i).has(tf::kLower)) {
        continue;
      }
      ++n;
    }
    return n;
  }

  // Initials of the capitalised words of [i, j), in capitals: "Terminal High Altitude Area
  // Defense" -> "THAAD", "Standard & Poor's" -> "SP" (lower-case connectors, "&" and the
  // possessive give none).
  std::string initials(std::uint32_t i, std::uint32_t j) const {
    std::string out;
    for (std::uint32_t t = i; t < j; ++t) {
      if (!tok(t).has(token_flags::kWord)) continue;
      if ((lex(t) & lexicon_flags::kConnector) != 0 && tok(t).has(token_flags::kLower)) continue;
      const char c = text_[tok(t).start];
      out.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
    }
    return out;
  }
  // The letters of an acronym in brackets opening at token `open` ("(" "S&P" ")" -> "SP",
  // "(" "IMF" ")" -> "IMF"): one to three tokens glued together, capitals, "&" and periods
  // only, two letters or more. "" when the brackets hold anything else.
  std::string bracketed_acronym(std::uint32_t open) const {
    if (norm(open) != "(") return {};
    std::string letters;
    for (std::uint32_t t = open + 1; t < token_count() && t <= open + 4; ++t) {
      if (norm(t) == ")") return letters.size() >= 2 ? letters : std::string();
      if (t > open + 1 && tok(t).has(token_flags::kSpaceBefore)) return {};
      for (std::uint32_t b = tok(t).start; b < tok(t).end; ++b) {
        const char c = text_[b];
        if (c >= 'A' && c <= 'Z')
          letters.push_back(c);
        else if (c != '&' && c != '.')
          return {};
      }
    }
    return {};
  }

  // Tokens [first, last) are the long form of the acronym in brackets right after them, a
  // possessive allowed between: "Standard & Poor's (S&P)", "China Aviation Oil (CAO)".
  bool spelled_by_acronym(std::uint32_t first, std::uint32_t last) const {
    std::uint32_t open = last;
    while (open < token_count() && tok(open).has(token_flags::kPossessive)) ++open;
    if (open >= token_count()) return false;
    const std::string acronym = bracketed_acronym(open);
    return !acronym.empty() && initials(first, last) == acronym;
  }

  // Gazetteer spans (after the gazetteer component ran).
  bool is_title_span(std::uint32_t i) const {
    return doc_.span_at[i] >= 0 && doc_.gazetteer_spans[doc_.span_at[i]].title;
  }
  bool is_name_span(std::uint32_t i) const {
    return doc_.span_at[i] >= 0 && !doc_.gazetteer_spans[doc_.span_at[i]].title;
  }
  const GazetteerSpan& span_starting(std::uint32_t i) const {
    return doc_.gazetteer_spans[doc_.span_at[i]];
  }
  // A generational suffix after a name: "Jr", "Sr", "II", "III", "IV" (normalised).
  static bool is_name_suffix(std::string_view w) {
    return w == "jr" || w == "sr" || w == "ii" || w == "iii" || w == "iv";
  }
  // Whether the one-word title at token j (a title span) is a word of the name that runs from
  // token i to `last` rather than a title in front of it: "Martin Luther King Jr.", "Avihu
  // Bin-Nun", "John King said" ("General Motors" is an organisation's, handled elsewhere).
  bool title_inside_name(std::uint32_t i, std::uint32_t j, std::uint32_t last) const {
    if (j == i || span_starting(j).last != j + 1 || !tok(j).has(token_flags::kCapital))
      return false;
    if (tok(j).has(token_flags::kJoined) && tok(j - 1).has(token_flags::kJoined))
      return true;                                   // "Bin-Nun"
    if (is_name_suffix(norm(j))) return j - i >= 2;  // "King Jr."
    if (!tok(j - 1).has(token_flags::kWord) || !capish(j - 1)) return false;
    if ((lex(j - 1) & lexicon_flags::kGivenName) == 0 || (lex(j - 1) & lexicon_flags::kCommon) != 0)
      return false;
    // The word after must not start a new name ("John Minister Wang" is two).
    return j + 1 >= last || !capish(j + 1) || is_name_suffix(norm(j + 1));
  }
  // The title phrase (of up to three tokens) that ends right before token `first` ("producer"
  // in "executive producer Robbie Stamp"), or nullptr.
  const GazetteerSpan* title_ending_at(std::uint32_t first) const {
    for (std::uint32_t t = first >= 3 ? first - 3 : 0; t < first; ++t) {
      if (is_title_span(t) && span_starting(t).last == first) return &span_starting(t);
    }
    return nullptr;
  }

 private:
  const AnnotatedDocument& doc_;
  const Segmentation& seg_;
  const std::string& text_;
};

}  // namespace skein::extract
