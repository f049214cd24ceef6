// UTF-8 validation follows Unicode 15, table 3-7 (well-formed byte sequences): checking the
// second byte's range per lead byte rejects overlongs, surrogates and values above U+10FFFF
// without decoding. Repair replaces each "maximal subpart of an ill-formed subsequence" with one
// U+FFFD (Unicode 15, section 3.9, the practice the WHATWG encoding standard also follows), so
// the number of replacement characters matches what browsers and ICU show.
#include "core/Utf8.h"

#include <cstdint>

namespace skein::utf8 {
namespace {

struct Step {
  bool valid;
  std::size_t length;  // bytes of the sequence when valid, else of the maximal ill-formed subpart
};

// Allowed range for the byte after a lead byte (table 3-7); trailing bytes after it are 80..BF.
struct LeadInfo {
  std::size_t length;
  std::uint8_t second_low;
  std::uint8_t second_high;
};

LeadInfo lead_info(std::uint8_t lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return {2, 0x80, 0xBF};
  if (lead == 0xE0) return {3, 0xA0, 0xBF};  // below A0 would be overlong
  if (lead == 0xED) return {3, 0x80, 0x9F};  // above 9F would be a surrogate
  if (lead >= 0xE1 && lead <= 0xEF) return {3, 0x80, 0xBF};
  if (lead == 0xF0) return {4, 0x90, 0xBF};  // below 90 would be overlong
  if (lead == 0xF4) return {4, 0x80, 0x8F};  // above 8F would exceed U+10FFFF
  if (lead >= 0xF1 && lead <= 0xF3) return {4, 0x80, 0xBF};
  return {0, 0, 0};  // C0, C1, F5..FF and continuation bytes never start a sequence
}

Step step_at(std::string_view bytes, std::size_t pos) {
  const auto lead = static_cast<std::uint8_t>(bytes[pos]);
  if (lead < 0x80) return {true, 1};
  const LeadInfo info = lead_info(lead);
  if (info.length == 0) return {false, 1};
  std::size_t matched = 1;
  for (; matched < info.length; ++matched) {
    if (pos + matched >= bytes.size()) return {false, matched};
    const auto b = static_cast<std::uint8_t>(bytes[pos + matched]);
    const std::uint8_t low = matched == 1 ? info.second_low : std::uint8_t{0x80};
    const std::uint8_t high = matched == 1 ? info.second_high : std::uint8_t{0xBF};
    if (b < low || b > high) return {false, matched};
  }
  return {true, info.length};
}

void append_hex_escape(std::string& out, std::uint8_t byte) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += "\\x";
  out.push_back(kHex[byte >> 4]);
  out.push_back(kHex[byte & 0xF]);
}

}  // namespace

std::size_t first_invalid(std::string_view bytes) {
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    // ASCII fast path: most text is ASCII and needs no table lookups.
    if (static_cast<std::uint8_t>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const Step step = step_at(bytes, pos);
    if (!step.valid) return pos;
    pos += step.length;
  }
  return std::string_view::npos;
}

std::string repair(std::string_view bytes) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(bytes.size());
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    const Step step = step_at(bytes, pos);
    if (step.valid) {
      out.append(bytes.substr(pos, step.length));
    } else {
      out.append(kReplacement);
    }
    pos += step.length;
  }
  return out;
}

std::string printable(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    const auto lead = static_cast<std::uint8_t>(bytes[pos]);
    const Step step = step_at(bytes, pos);
    if (!step.valid) {
      // Stray bytes could be half of a terminal escape; show each one rather than pass it on.
      for (std::size_t i = 0; i < step.length; ++i) {
        append_hex_escape(out, static_cast<std::uint8_t>(bytes[pos + i]));
      }
    } else if (lead < 0x20 || lead == 0x7F) {
      append_hex_escape(out, lead);
    } else if (lead == 0xC2 && static_cast<std::uint8_t>(bytes[pos + 1]) < 0xA0) {
      // C1 controls (U+0080..U+009F): U+009B is CSI on some terminals. Escape the code point.
      out += "\\u00";
      static constexpr char kHex[] = "0123456789ABCDEF";
      const auto second = static_cast<std::uint8_t>(bytes[pos + 1]);
      out.push_back(kHex[second >> 4]);
      out.push_back(kHex[second & 0xF]);
    } else {
      out.append(bytes.substr(pos, step.length));
    }
    pos += step.length;
  }
  return out;
}

void append(std::string& out, char32_t code_point) {
  const auto cp = static_cast<std::uint32_t>(code_point);
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::size_t length(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) count += is_continuation(c) ? 0 : 1;
  return count;
}

std::size_t offset_of_char(std::string_view text, std::size_t count) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_continuation(text[i])) continue;
    if (seen == count) return i;
    ++seen;
  }
  return text.size();
}

std::u32string code_points(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t length = byte < 0x80         ? 1
                               : (byte >> 5) == 6  ? 2
                               : (byte >> 4) == 14 ? 3
                               : (byte >> 3) == 30 ? 4
                                                   : 1;
    char32_t value = length == 1 ? byte : byte & (0x3f >> (length - 1));
    std::size_t j = 1;
    for (; j < length && i + j < text.size(); ++j) {
      value = (value << 6) | (static_cast<unsigned char>(text[i + j]) & 0x3f);
    }
    out.push_back(value);
    i += j;
  }
  return out;
}

}  // namespace skein::utf8
