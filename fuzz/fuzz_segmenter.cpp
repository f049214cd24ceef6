// Fuzzes the segmenter on valid UTF-8 (the only text ingest lets through), with excluded
// spans taken from the input's first bytes. Checked: tokens lie inside the text, in order,
// outside excluded spans, on character boundaries; sentences cover whole token ranges.

#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "core/Utf8.h"
#include "extract/Segmenter.h"

namespace {
bool boundary(std::string_view text, std::size_t offset) {
  return offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xc0) != 0x80;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::size_t spans = data[0] % 4;
  if (size < 1 + spans * 2) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1 + spans * 2),
                              size - 1 - spans * 2);
  if (!skein::utf8::is_valid(text)) return 0;
  // Sorted, non-overlapping excluded spans on character boundaries.
  std::vector<skein::ByteSpan> excluded;
  std::size_t at = 0;
  for (std::size_t i = 0; i < spans && !text.empty(); ++i) {
    std::size_t start = at + data[1 + 2 * i] % (text.size() + 1);
    std::size_t end = start + data[2 + 2 * i];
    if (start > text.size()) break;
    if (end > text.size()) end = text.size();
    while (!boundary(text, start)) ++start;
    while (end < start || !boundary(text, end)) ++end;
    if (end > text.size()) break;
    excluded.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)});
    at = end;
  }
  skein::extract::SegmenterHooks hooks;
  hooks.is_abbreviation = [](std::string_view norm) {
    return skein::extract::is_builtin_abbreviation(norm);
  };
  hooks.is_common_word = [](std::string_view norm) { return norm == "the" || norm == "a"; };
  skein::extract::Segmentation out;
  skein::extract::segment(text, excluded, hooks, out);
  std::uint32_t previous_end = 0;
  for (const auto& token : out.tokens) {
    if (token.start >= token.end || token.end > text.size() || token.start < previous_end)
      std::abort();
    if (!boundary(text, token.start) || !boundary(text, token.end)) std::abort();
    if (static_cast<std::size_t>(token.norm_start) + token.norm_size > out.norm.size())
      std::abort();
    for (const auto& span : excluded) {
      if (token.start < span.end && span.start < token.end) std::abort();
    }
    previous_end = token.end;
  }
  std::uint32_t next_token = 0;
  for (const auto& sentence : out.sentences) {
    if (sentence.first < next_token || sentence.first >= sentence.last ||
        sentence.last > out.tokens.size()) {
      std::abort();
    }
    next_token = sentence.last;
  }
  (void)skein::extract::normalize_phrase(text.substr(0, 256));
  return 0;
}
