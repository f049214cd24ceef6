#include "extract/Segmenter.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>

#include "core/Utf8.h"

namespace skein::extract {
namespace {

// Character classes the scanner needs. ASCII is classified by table; other code points by ICU
// (u_isalpha and friends on the decoded code point), which only runs on non-ASCII text.
enum class Cls : std::uint8_t {
  kSpace,
  kNewline,
  kUpper,
  kLower,
  kLetter,  // a letter without case (CJK, Arabic, ...)
  kDigit,
  kApostrophe,  // ' and the right single quotation mark
  kHyphen,      // - and the Unicode hyphens and en dash
  kPeriod,
  kComma,
  kQuote,     // double quotes of every shape
  kOpen,      // ( [ {
  kClose,     // ) ] }
  kTerminal,  // ! ? and the ellipsis character
  kOther,
};

struct Char {
  char32_t cp;
  std::uint8_t len;
  Cls cls;
};

constexpr std::array<Cls, 128> make_ascii_table() {
  std::array<Cls, 128> t{};
  for (auto& c : t) c = Cls::kOther;
  t[' '] = t['\t'] = t['\r'] = t['\v'] = t['\f'] = Cls::kSpace;
  t['\n'] = Cls::kNewline;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = Cls::kUpper;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = Cls::kLower;
  for (int c = '0'; c <= '9'; ++c) t[c] = Cls::kDigit;
  t['\''] = Cls::kApostrophe;
  t['-'] = Cls::kHyphen;
  t['.'] = Cls::kPeriod;
  t[','] = Cls::kComma;
  t['"'] = Cls::kQuote;
  t['('] = t['['] = t['{'] = Cls::kOpen;
  t[')'] = t[']'] = t['}'] = Cls::kClose;
  t['!'] = t['?'] = Cls::kTerminal;
  return t;
}
constexpr std::array<Cls, 128> kAscii = make_ascii_table();

Cls classify_unicode(char32_t cp) {
  switch (cp) {
    case 0x2019:
    case 0x2018:
    case 0x02BC:
      return Cls::kApostrophe;
    case 0x2010:
    case 0x2011:
    case 0x2013:
      return Cls::kHyphen;
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x00AB:
    case 0x00BB:
      return Cls::kQuote;
    case 0x2026:
      return Cls::kTerminal;
    case 0x2028:
    case 0x2029:
    case 0x0085:
      return Cls::kNewline;
    case 0xFFFD:
      return Cls::kOther;
    default:
      break;
  }
  const auto c = static_cast<UChar32>(cp);
  if (u_isUWhiteSpace(c)) return Cls::kSpace;
  if (u_isalpha(c)) {
    if (u_isupper(c) || u_istitle(c)) return Cls::kUpper;
    if (u_islower(c)) return Cls::kLower;
    return Cls::kLetter;
  }
  if (u_isdigit(c)) return Cls::kDigit;
  // Combining marks continue the letter before them (decomposed accents).
  if (u_getCombiningClass(c) != 0) return Cls::kLower;
  return Cls::kOther;
}

// Decodes one code point (utf8::decode_at: malformed bytes are U+FFFD of length 1, so scanning
// always advances), ASCII through the table.
Char decode(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1, kAscii[b0]};
  const utf8::Decoded d = utf8::decode_at(s, i);
  return {d.code_point, static_cast<std::uint8_t>(d.length), classify_unicode(d.code_point)};
}

bool is_letter(Cls c) { return c == Cls::kUpper || c == Cls::kLower || c == Cls::kLetter; }
bool is_alnum(Cls c) { return is_letter(c) || c == Cls::kDigit; }

// Abbreviations that take a period. Titles and months never end a sentence; the company
// suffixes, "jr" and the state abbreviations may ("... bought by Acme Inc. The deal ...").
constexpr std::string_view kAbbrevNeverEnd[] = {
    "mr",   "mrs",  "ms",   "dr",   "prof",   "gen",    "gov",  "sen",  "rep",  "rev",
    "st",   "mt",   "ft",   "lt",   "col",    "capt",   "cpt",  "sgt",  "maj",  "adm",
    "cmdr", "cdr",  "pres", "hon",  "fr",     "messrs", "mme",  "mlle", "supt", "insp",
    "det",  "amb",  "sec",  "atty", "brig",   "gens",   "jan",  "feb",  "mar",  "apr",
    "jun",  "jul",  "aug",  "sep",  "sept",   "oct",    "nov",  "dec",  "no",   "nos",
    "vs",   "v",    "e.g",  "i.e",  "approx", "dept",   "univ", "assn", "bros", "vol",
    "ave",  "blvd", "rd",   "ste",  "fig",    "op",     "cf",   "al"};
constexpr std::string_view kAbbrevMayEnd[] = {
    "inc", "corp", "co", "ltd", "llc", "plc", "jr", "sr", "etc", "bros", "cos",
    // US state abbreviations in AP style (frequent in newswire datelines)
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans",
    "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore",
    "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "penn", "wisc"};

template <std::size_t N>
bool in_list(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

}  // namespace

bool is_builtin_abbreviation(std::string_view norm) {
  return in_list(kAbbrevNeverEnd, norm) || in_list(kAbbrevMayEnd, norm);
}

bool abbreviation_may_end_sentence(std::string_view norm) {
  if (in_list(kAbbrevMayEnd, norm)) return true;
  // Dotted forms such as "U.S." normalise to letters only ("us"); those may end a sentence.
  return false;
}

void append_normalized(std::string& out, std::string_view token_text, bool abbreviation) {
  std::size_t i = 0;
  while (i < token_text.size()) {
    const auto b = static_cast<unsigned char>(token_text[i]);
    if (b < 0x80) {
      ++i;
      if (b == '.' && abbreviation) continue;
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      continue;
    }
    const Char c = decode(token_text, i);
    i += c.len;
    switch (c.cls) {
      case Cls::kApostrophe:
        out.push_back('\'');
        break;
      case Cls::kHyphen:
        out.push_back('-');
        break;
      case Cls::kQuote:
        out.push_back('"');
        break;
      default:
        if (c.cp == 0x2014 || c.cp == 0x2015) {
          out += "--";
        } else if (c.cp == 0x2026) {
          out += "...";
        } else {
          utf8::append(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(c.cp))));
        }
    }
  }
}

void segment(std::string_view text, const std::vector<ByteSpan>& excluded,
             const SegmenterHooks& hooks, Segmentation& out) {
  out.clear();
  const std::size_t n = text.size();
  std::size_t next_excluded = 0;
  std::size_t i = 0;
  bool space_before = true;
  int newlines = 0;
  bool force_break = false;
  bool joined_next = false;  // the previous token was a hyphen inside a compound
  enum class Pending { kNone, kStrong, kWeak } pending = Pending::kNone;
  bool pending_dotted = false;  // the weak end is a dotted form ("U.S.")
  std::uint32_t sentence_first = 0;

  auto close_sentence = [&](std::uint32_t last) {
    if (last > sentence_first) {
      Sentence s;
      s.first = sentence_first;
      s.last = last;
      s.span = {out.tokens[sentence_first].start, out.tokens[last - 1].end};
      out.sentences.push_back(s);
      out.tokens[sentence_first].flags |= token_flags::kSentenceStart;
    }
    sentence_first = last;
  };

  // Decides whether a sentence ends before the token about to be pushed, then pushes it.
  auto push = [&](Token t, Cls first_cls) {
    const auto index = static_cast<std::uint32_t>(out.tokens.size());
    if (space_before) t.flags |= token_flags::kSpaceBefore;
    if (newlines > 0) t.flags |= token_flags::kNewlineBefore;
    bool brk = false;
    if (force_break || newlines >= 2) {
      brk = true;
    } else if (newlines == 1) {
      brk = first_cls != Cls::kLower;
    } else if (pending == Pending::kStrong) {
      if (!space_before &&
          (first_cls == Cls::kClose || first_cls == Cls::kQuote || first_cls == Cls::kApostrophe)) {
        // A closing mark after the full stop stays in the sentence; the end stays pending.
        out.tokens.push_back(t);
        space_before = false;
        newlines = 0;
        return;
      }
      brk = first_cls != Cls::kLower && space_before;
    } else if (pending == Pending::kWeak) {
      brk = first_cls == Cls::kUpper && space_before && hooks.is_common_word &&
            hooks.is_common_word(out.norm_of(t)) &&
            !(pending_dotted && !t.has(token_flags::kAbbrev) && hooks.continues_dotted_name &&
              hooks.continues_dotted_name(out.norm_of(t)));
    }
    if (brk) close_sentence(index);
    pending = Pending::kNone;
    force_break = false;
    out.tokens.push_back(t);
    space_before = false;
    newlines = 0;
  };

  while (i < n) {
    // Skip excluded spans; they end the sentence they interrupt.
    while (next_excluded < excluded.size() && excluded[next_excluded].end <= i) ++next_excluded;
    std::size_t limit = n;
    if (next_excluded < excluded.size()) {
      const ByteSpan& ex = excluded[next_excluded];
      if (ex.start <= i) {
        i = std::min<std::size_t>(ex.end, n);
        force_break = true;
        space_before = true;
        ++next_excluded;
        continue;
      }
      limit = std::min<std::size_t>(ex.start, n);
    }

    const Char c = decode(text, i);
    if (c.cls == Cls::kSpace) {
      i += c.len;
      space_before = true;
      continue;
    }
    if (c.cls == Cls::kNewline) {
      i += c.len;
      space_before = true;
      ++newlines;
      continue;
    }

    Token t;
    t.start = static_cast<std::uint32_t>(i);
    t.norm_start = static_cast<std::uint32_t>(out.norm.size());

    if (is_alnum(c.cls)) {
      const bool number = c.cls == Cls::kDigit;
      std::size_t j = i + c.len;
      std::size_t segment_letters = 1;  // letters since the last inner period
      bool inner_period = false;
      bool any_lower = c.cls == Cls::kLower;
      std::size_t letters = is_letter(c.cls) ? 1 : 0;
      std::size_t upper = c.cls == Cls::kUpper ? 1 : 0;
      while (j < limit) {
        const Char d = decode(text, j);
        if (is_alnum(d.cls)) {
          j += d.len;
          ++segment_letters;
          if (is_letter(d.cls)) ++letters;
          if (d.cls == Cls::kUpper) ++upper;
          if (d.cls == Cls::kLower) any_lower = true;
          continue;
        }
        if (j + d.len >= limit) break;
        const Char e = decode(text, j + d.len);
        if (d.cls == Cls::kApostrophe && is_letter(e.cls)) {
          // "'s" followed by a non-letter is the possessive: split it off.
          if (e.cp == 's' || e.cp == 'S') {
            const std::size_t after = j + d.len + 1;
            if (after >= limit || !is_alnum(decode(text, after).cls)) break;
          }
          j += d.len;
          continue;
        }
        if (d.cls == Cls::kPeriod) {
          if (number && e.cls == Cls::kDigit) {
            j += 1;
            continue;
          }
          if (!number && segment_letters == 1 && is_letter(e.cls)) {
            // "U.S", "J.R.R": single letters joined by periods.
            const std::size_t after = j + 1 + e.len;
            if (after < limit && decode(text, after).cls == Cls::kPeriod) {
              j += 1;
              segment_letters = 0;
              inner_period = true;
              continue;
            }
          }
          break;
        }
        if (d.cls == Cls::kComma && number && e.cls == Cls::kDigit) {
          j += 1;
          continue;
        }
        break;
      }
      t.end = static_cast<std::uint32_t>(j);
      std::string_view word = text.substr(i, j - i);
      // A final period belongs to the token for dotted forms, initials and abbreviations.
      bool abbreviation = false;
      bool may_end = false;
      if (j < limit && text[j] == '.' && !number) {
        const bool more_dots = j + 1 < limit && text[j + 1] == '.';
        const bool alnum_after = j + 1 < limit && is_alnum(decode(text, j + 1).cls);
        if (!more_dots && !alnum_after) {
          if (inner_period) {
            abbreviation = true;
            may_end = true;
          } else if (letters == 1 && upper == 1 && word.size() <= 2) {
            abbreviation = true;
            t.flags |= token_flags::kInitial;
          } else {
            std::string lowered;
            append_normalized(lowered, word, false);
            if (is_builtin_abbreviation(lowered) ||
                (hooks.is_abbreviation && hooks.is_abbreviation(lowered))) {
              abbreviation = true;
              may_end = abbreviation_may_end_sentence(lowered);
            }
          }
        }
      }
      if (abbreviation) {
        t.end = static_cast<std::uint32_t>(j + 1);
        t.flags |= token_flags::kAbbrev;
        word = text.substr(i, j + 1 - i);
      }
      t.flags |= token_flags::kWord;
      if (number) t.flags |= token_flags::kNumber;
      if (c.cls == Cls::kUpper) t.flags |= token_flags::kCapital;
      if (c.cls == Cls::kLower) t.flags |= token_flags::kLower;
      if (letters >= 2 && !any_lower && upper == letters) t.flags |= token_flags::kAllCaps;
      if (joined_next) t.flags |= token_flags::kJoined;
      joined_next = false;
      append_normalized(out.norm, word, abbreviation);
      t.norm_size = static_cast<std::uint32_t>(out.norm.size() - t.norm_start);
      out.norm.push_back(' ');
      // A hyphen glued between two words marks a compound ("Suk-yeol", "Korea-China").
      const std::size_t after = t.end;
      bool compound = false;
      if (after + 1 < limit) {
        const Char h = decode(text, after);
        if (h.cls == Cls::kHyphen && after + h.len < limit &&
            is_alnum(decode(text, after + h.len).cls)) {
          compound = true;
        }
      }
      if (compound) t.flags |= token_flags::kJoined;
      push(t, c.cls);
      if (compound) {
        const Char h = decode(text, after);
        Token hy;
        hy.start = static_cast<std::uint32_t>(after);
        hy.end = static_cast<std::uint32_t>(after + h.len);
        hy.norm_start = static_cast<std::uint32_t>(out.norm.size());
        out.norm.push_back('-');
        hy.norm_size = 1;
        out.norm.push_back(' ');
        hy.flags = token_flags::kJoined;
        push(hy, Cls::kHyphen);
        i = after + h.len;
        joined_next = true;
        continue;
      }
      if (abbreviation && may_end) {
        pending = Pending::kWeak;
        pending_dotted = inner_period;
      }
      i = t.end;
      continue;
    }

    // Punctuation and symbols.
    std::size_t j = i + c.len;
    Cls cls = c.cls;
    bool possessive = false;
    if (c.cls == Cls::kApostrophe && space_before && !out.tokens.empty() &&
        (out.tokens.back().flags & token_flags::kWord) != 0 && j < limit &&
        (text[j] == 's' || text[j] == 'S') && j + 1 < limit &&
        (text[j + 1] == ' ' || text[j + 1] == '\n')) {
      // A detached "'s" between spaces is the possessive of tokenised text ("China 's"):
      // no word starts with an apostrophe and stops after the s.
      j += 1;
      possessive = true;
    } else if (c.cls == Cls::kApostrophe && !space_before && !out.tokens.empty()) {
      // "'s" after a word, or a bare "'" after a plural ("the countries' ties").
      if (j < limit && (text[j] == 's' || text[j] == 'S') &&
          (j + 1 >= limit || !is_alnum(decode(text, j + 1).cls))) {
        j += 1;
        possessive = true;
      } else if ((j >= limit || !is_alnum(decode(text, j).cls)) && t.start > 0 &&
                 (text[t.start - 1] == 's' || text[t.start - 1] == 'S')) {
        possessive = true;
      }
    } else if (c.cls == Cls::kPeriod) {
      while (j < limit && text[j] == '.') ++j;  // "..." is one token
      cls = Cls::kTerminal;
    } else if (c.cls == Cls::kHyphen && c.cp == '-') {
      while (j < limit && text[j] == '-') ++j;  // "--"
    }
    t.end = static_cast<std::uint32_t>(j);
    if (possessive) {
      out.norm += "'s";
      t.flags |= token_flags::kPossessive;
    } else {
      append_normalized(out.norm, text.substr(i, j - i), false);
    }
    t.norm_size = static_cast<std::uint32_t>(out.norm.size() - t.norm_start);
    out.norm.push_back(' ');
    joined_next = false;
    push(t, possessive ? Cls::kLower : c.cls);
    if (cls == Cls::kTerminal) pending = Pending::kStrong;
    i = j;
  }
  close_sentence(static_cast<std::uint32_t>(out.tokens.size()));
}

std::string normalize_phrase(std::string_view text, bool as_written) {
  // Reused per thread: loading normalises a few hundred thousand gazetteer names.
  thread_local Segmentation seg;
  static const SegmenterHooks kNoHooks{};
  static const std::vector<ByteSpan> kNothingExcluded{};
  segment(text, kNothingExcluded, kNoHooks, seg);
  std::string out;
  for (const Token& t : seg.tokens) {
    if (!out.empty() && (!as_written || t.has(token_flags::kSpaceBefore))) out.push_back(' ');
    out += seg.norm_of(t);
  }
  return out;
}

}  // namespace skein::extract
