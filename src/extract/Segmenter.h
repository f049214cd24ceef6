#pragma once
// Segmentation: one pass over a document's text that yields tokens and sentences, each with
// UTF-8 byte offsets into that text, plus a normalised form of every token.
//
// Tokens:
//  - words: letters and digits; an internal apostrophe stays inside ("Xi'an", "O'Brien",
//    "didn't") except the possessive "'s", which is a token of its own ("China" "'s"; so is a
//    detached "'s" between spaces, as tokenised corpora write it: "China 's");
//    dotted abbreviations stay whole ("U.S.", "J.", "Dr.", "Jan."); numbers keep their inner
//    separators ("3.5", "1,000"); a hyphen splits a word into word, "-", word, with the
//    kJoined flag on the parts so "Suk-yeol" and "Korea-China" can be put back together.
//  - punctuation: one token per mark ("..." is one token).
// Normalised form (Token::norm): lower case, curly apostrophes and quotes folded to ASCII,
// dashes to "-", and the periods of an abbreviation dropped ("U.S." -> "us", "Dr." -> "dr"),
// so the text and the gazetteer phrases, segmented by the same function, meet on equal terms.
//
// Sentences end at a terminal mark (. ! ? ...) followed by a capitalised word, a digit, an
// opening quote or bracket, or a line break; an abbreviation ends one only before a capitalised
// common word ("in the U.S. The ..."). A blank line always ends a sentence, and so does a single
// line break unless the next line starts in lower case (a headline has no full stop). Excluded
// spans are skipped entirely and end the sentence they interrupt.
//
// Thread-safety: segment() is a pure function of its arguments.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Document.h"

namespace skein::extract {

namespace token_flags {
inline constexpr std::uint16_t kWord = 1u << 0;            // starts with a letter or digit
inline constexpr std::uint16_t kCapital = 1u << 1;         // first letter is upper case
inline constexpr std::uint16_t kLower = 1u << 2;           // first letter is lower case
inline constexpr std::uint16_t kAllCaps = 1u << 3;         // two or more letters, all upper case
inline constexpr std::uint16_t kNumber = 1u << 4;          // starts with a digit
inline constexpr std::uint16_t kAbbrev = 1u << 5;          // carries its own final period
inline constexpr std::uint16_t kSpaceBefore = 1u << 6;     // whitespace precedes it
inline constexpr std::uint16_t kNewlineBefore = 1u << 7;   // a line break precedes it
inline constexpr std::uint16_t kJoined = 1u << 8;          // part of a hyphenated compound
inline constexpr std::uint16_t kPossessive = 1u << 9;      // the possessive "'s" (or a bare "'")
inline constexpr std::uint16_t kSentenceStart = 1u << 10;  // first token of its sentence
inline constexpr std::uint16_t kInitial = 1u << 11;        // a single capital letter with a period
}  // namespace token_flags

struct Token {
  std::uint32_t start = 0;       // byte offset into the text
  std::uint32_t end = 0;         // end exclusive
  std::uint32_t norm_start = 0;  // offset of the normalised form in Segmentation::norm
  std::uint32_t norm_size = 0;
  std::uint16_t flags = 0;
  std::uint32_t lexicon = 0;  // filled by the recogniser (Lexicon flags); 0 here
  bool has(std::uint16_t flag) const { return (flags & flag) != 0; }
};

struct Sentence {
  std::uint32_t first = 0;  // first token index
  std::uint32_t last = 0;   // one past the last token index
  ByteSpan span;            // from the first token's start to the last token's end
};

struct Segmentation {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  // Normalised forms of all tokens, each followed by one space, so the tokens i..j of a
  // sentence form the contiguous phrase norm.substr(tokens[i].norm_start, ...) that the
  // gazetteer is keyed by.
  std::string norm;

  std::string_view norm_of(const Token& token) const {
    return std::string_view(norm).substr(token.norm_start, token.norm_size);
  }
  // The normalised phrase of tokens [first, last), words separated by single spaces.
  std::string_view phrase(std::uint32_t first, std::uint32_t last) const {
    const Token& a = tokens[first];
    const Token& b = tokens[last - 1];
    return std::string_view(norm).substr(a.norm_start, b.norm_start + b.norm_size - a.norm_start);
  }
  // Token t (t >= 1) continues the hyphenated compound of token t - 1: both are parts of one
  // and nothing separates them ("Mohi" "-" "Uddin").
  bool continues_compound(std::size_t t) const {
    return tokens[t].has(token_flags::kJoined) && tokens[t - 1].has(token_flags::kJoined) &&
           tokens[t - 1].end == tokens[t].start;
  }
  void clear() {
    tokens.clear();
    sentences.clear();
    norm.clear();
  }
};

struct SegmenterHooks {
  // True for normalised words that take a period as abbreviations ("dr", "gen", "jan").
  // Abbreviations that may also end a sentence ("inc", "us") are told by may_end_sentence.
  std::function<bool(std::string_view)> is_abbreviation;
  // True for normalised common words (a capitalised one after an abbreviation starts a new
  // sentence: "... the U.S. The ...").
  std::function<bool(std::string_view)> is_common_word;
  // True for normalised words that continue a name after a dotted abbreviation: a title or an
  // institution's word ("U.S. Ambassador", "U.S. Congress") is no new sentence. An abbreviated
  // word is never asked: "Grants, N.M. Ms. Calico left" is two sentences.
  std::function<bool(std::string_view)> continues_dotted_name;
};

// Built-in abbreviation lists (titles, months, company suffixes, US state abbreviations).
bool is_builtin_abbreviation(std::string_view norm);
bool abbreviation_may_end_sentence(std::string_view norm);

// Segments `text`, skipping `excluded` (sorted, non-overlapping). `out` is cleared first;
// its buffers are reused across calls.
void segment(std::string_view text, const std::vector<ByteSpan>& excluded,
             const SegmenterHooks& hooks, Segmentation& out);

// Appends the normalised form of a single token's text (lower case, folded punctuation,
// abbreviation periods dropped when `abbreviation`).
void append_normalized(std::string& out, std::string_view token_text, bool abbreviation);

// The normalised phrase of arbitrary text (a gazetteer name): segments it and joins the
// token forms with single spaces. Returns "" when the text has no tokens. With
// `as_written`, a space only where the text has one, as TokenView::key_of keys a span
// ("mcdonald's", "at&t"; spaced: "mcdonald 's", "at & t").
std::string normalize_phrase(std::string_view text, bool as_written = false);

}  // namespace skein::extract
