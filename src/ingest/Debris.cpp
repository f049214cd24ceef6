// Page debris: the words a scraper copies from buttons, credits and widgets along with the
// article. The rules are deliberately line-based and conservative, since a missed "Download"
// costs nothing downstream while an excluded sentence loses a fact:
//  1. A line that is exactly a UI word or photo-agency credit from kUiLines (case-insensitive,
//     Unicode spaces folded). Real sentences are never a single button label.
//  2. A short line that starts like share/follow/subscribe/sign-up boilerplate (kBoilerplate-
//     Prefixes), a "Follow ... on <network>" line, or a whole-line parenthesised editor's note
//     that asks readers to contact or follow the site (an e-mail address, "contact us",
//     "on Twitter").
//  3. A line repeated verbatim earlier in the document (a photo caption printed twice, a
//     subheading echoed): the repeats are marked, the first occurrence stays extractable.
// Only the line's visible content is marked (not its surrounding spaces or newline), and the
// result is merged with spans already present, which makes mark_debris idempotent.
#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <unordered_set>

#include "ingest/DocumentSource.h"

namespace skein::ingest {
namespace {

// Lines that are nothing but a button, widget heading or picture credit. Lowercase, single
// spaces. Checked against the 2,225 BBC articles (none of their lines is one of these) and the
// CGTN article in ../shared/corpus (Download, CFP, Search Trends).
constexpr std::string_view kUiLines[] = {"download",
                                         "cfp",
                                         "search trends",
                                         "share",
                                         "share this",
                                         "share this article",
                                         "share this story",
                                         "share article",
                                         "tweet",
                                         "print",
                                         "email",
                                         "e-mail",
                                         "advertisement",
                                         "advertising",
                                         "subscribe",
                                         "follow",
                                         "follow us",
                                         "related",
                                         "related stories",
                                         "related articles",
                                         "related news",
                                         "related content",
                                         "read more",
                                         "read more:",
                                         "more",
                                         "comments",
                                         "comment",
                                         "trending",
                                         "trending now",
                                         "top stories",
                                         "most read",
                                         "most popular",
                                         "back to top",
                                         "skip to content",
                                         "skip to main content",
                                         "menu",
                                         "close",
                                         "loading",
                                         "loading...",
                                         "sign in",
                                         "log in",
                                         "sign up",
                                         "newsletter",
                                         "getty images",
                                         "afp",
                                         "reuters",
                                         "xinhua",
                                         "ap photo",
                                         "photo",
                                         "video",
                                         "image",
                                         "listen",
                                         "watch",
                                         "copy link",
                                         "copied",
                                         "facebook",
                                         "twitter",
                                         "whatsapp",
                                         "linkedin",
                                         "weibo",
                                         "wechat",
                                         "hot search"};

// Starts of lines that are sharing or subscription prompts. Applied only to short lines
// (kMaxBoilerplateBytes) so a long paragraph that happens to open with "Follow..." is kept.
constexpr std::string_view kBoilerplatePrefixes[] = {
    "share this",       "share on ",        "click here",          "subscribe to ",
    "subscribe for ",   "sign up for our",  "sign up to our",      "sign up for the",
    "download our app", "download the app", "all rights reserved", "copyright \xC2\xA9"};

constexpr std::string_view kNetworks[] = {" on twitter",  " on facebook", " on instagram",
                                          " on linkedin", " on youtube",  " on weibo",
                                          " on wechat",   " on telegram", " on tiktok"};

constexpr std::size_t kMaxBoilerplateBytes = 200;

// Unicode spaces a web page uses for layout (NBSP, the U+2000 block, narrow NBSP, ideographic
// space). Returns the byte length of the space at `pos`, or 0.
std::size_t space_length(std::string_view s, std::size_t pos) {
  const auto byte = [&](std::size_t i) {
    return i < s.size() ? static_cast<unsigned char>(s[i]) : 0u;
  };
  const unsigned b0 = byte(pos);
  if (b0 == ' ' || b0 == '\t' || b0 == '\r' || b0 == '\f' || b0 == '\v') return 1;
  if (b0 == 0xC2 && byte(pos + 1) == 0xA0) return 2;
  if (b0 == 0xE2 && byte(pos + 1) == 0x80 && (byte(pos + 2) <= 0x8B || byte(pos + 2) == 0xAF))
    return 3;
  if (b0 == 0xE3 && byte(pos + 1) == 0x80 && byte(pos + 2) == 0x80) return 3;
  return 0;
}

// Lowercases ASCII and folds every run of spaces to one ' '; the input is already trimmed.
std::string fold(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (std::size_t i = 0; i < line.size();) {
    if (const std::size_t n = space_length(line, i)) {
      if (out.empty() || out.back() != ' ') out.push_back(' ');
      i += n;
      continue;
    }
    const char c = line[i++];
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

bool contains_email(std::string_view s) {
  for (std::size_t at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1)) {
    // local@domain.tld: a word character before, and a dot somewhere in the word after.
    if (at == 0 || s[at - 1] == ' ' || s[at - 1] == '(') continue;
    const std::size_t end = s.find(' ', at);
    const std::string_view domain =
        s.substr(at + 1, end == std::string_view::npos ? end : end - at - 1);
    if (domain.find('.') != std::string_view::npos && domain.find('.') > 0) return true;
  }
  return false;
}

bool is_boilerplate(std::string_view folded) {
  if (std::find(std::begin(kUiLines), std::end(kUiLines), folded) != std::end(kUiLines))
    return true;
  const auto has = [&](std::string_view needle) {
    return folded.find(needle) != std::string_view::npos;
  };
  const auto mentions_network = [&] {
    return std::any_of(std::begin(kNetworks), std::end(kNetworks),
                       [&](std::string_view n) { return has(n); });
  };
  if (folded.size() <= kMaxBoilerplateBytes) {
    for (std::string_view prefix : kBoilerplatePrefixes) {
      if (folded.starts_with(prefix)) return true;
    }
    if ((folded.starts_with("follow ") || folded.starts_with("like us ")) && mentions_network())
      return true;
  }
  // "(If you want to contribute ..., please contact us at opinions@cgtn.com. Follow @x on
  // Twitter ...)": the whole line is one parenthetical addressed to the reader.
  const bool parenthesised =
      folded.starts_with("(") && (folded.ends_with(")") || folded.ends_with(")."));
  if (parenthesised && folded.find(')') == folded.rfind(')')) {
    if (has("contact us") || has("write to us") || contains_email(folded) || mentions_network())
      return true;
  }
  return false;
}

void add_span(std::vector<ByteSpan>& spans, ByteSpan span) {
  if (span.start < span.end) spans.push_back(span);
}

// Sorts and merges overlapping or touching spans.
std::vector<ByteSpan> normalized(std::vector<ByteSpan> spans) {
  std::sort(spans.begin(), spans.end(), [](const ByteSpan& a, const ByteSpan& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  std::vector<ByteSpan> out;
  for (const ByteSpan& span : spans) {
    if (!out.empty() && span.start <= out.back().end) {
      out.back().end = std::max(out.back().end, span.end);
    } else {
      out.push_back(span);
    }
  }
  return out;
}

std::string_view trim_spaces(std::string_view line) {
  while (!line.empty()) {
    const std::size_t n = space_length(line, 0);
    if (n == 0) break;
    line.remove_prefix(n);
  }
  while (!line.empty()) {
    std::size_t n = 0;
    for (std::size_t len = 1; len <= 3 && len <= line.size(); ++len) {
      if (space_length(line, line.size() - len) == len) {
        n = len;
        break;
      }
    }
    if (n == 0) break;
    line.remove_suffix(n);
  }
  return line;
}

}  // namespace

bool is_debris_line(std::string_view line) {
  const std::string_view visible = trim_spaces(line);
  return !visible.empty() && is_boilerplate(fold(visible));
}

void mark_debris(Document& document) {
  const std::string_view text = document.text;
  std::vector<ByteSpan> spans = document.excluded;
  std::unordered_set<std::string_view> seen_lines;
  std::size_t line_start = 0;
  while (line_start < text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    // Trim layout spaces on both ends so the span covers only what is visible.
    std::size_t start = line_start;
    while (start < line_end) {
      const std::size_t n = space_length(text, start);
      if (n == 0) break;
      start += n;
    }
    std::size_t end = line_end;
    while (end > start) {
      // Spaces are 1-3 bytes; test each possible length ending at `end`.
      std::size_t n = 0;
      for (std::size_t len = 1; len <= 3 && len <= end - start; ++len) {
        if (space_length(text, end - len) == len) {
          n = len;
          break;
        }
      }
      if (n == 0) break;
      end -= n;
    }
    if (start < end) {
      const std::string_view line = text.substr(start, end - start);
      const bool repeated = !seen_lines.insert(line).second;
      if (repeated || is_boilerplate(fold(line))) add_span(spans, {start, end});
    }
    line_start = line_end + 1;
  }
  document.excluded = normalized(std::move(spans));
}

}  // namespace skein::ingest
