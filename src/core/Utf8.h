#pragma once
// UTF-8 helpers. All functions are pure and thread-safe.

#include <cstddef>
#include <string>
#include <string_view>

namespace skein::utf8 {

// Offset of the first byte that is not part of a well-formed UTF-8 sequence (overlong forms,
// surrogates and code points above U+10FFFF are ill-formed), or npos when all is well-formed.
std::size_t first_invalid(std::string_view bytes);
inline bool is_valid(std::string_view bytes) {
  return first_invalid(bytes) == std::string_view::npos;
}

// Replaces every ill-formed sequence with U+FFFD, one per maximal ill-formed subpart (the
// Unicode 15 section 3.9 practice, as browsers and ICU do); well-formed bytes are unchanged.
std::string repair(std::string_view bytes);

// Escapes control characters (and DEL) as \xNN so text never reaches a terminal raw: every C0
// control (tab and newline included) and DEL as \xNN, C1 controls (U+0080..U+009F) as \u00NN,
// and each byte of an ill-formed sequence as \xNN. Other UTF-8 is kept as is.
std::string printable(std::string_view bytes);

// ---- boundaries -------------------------------------------------------------------------
// The one home of "where may UTF-8 text be cut": every module that cuts, pads or counts
// characters uses these instead of testing bit patterns itself.

// True for a continuation byte (10xxxxxx): one that never starts a character.
inline bool is_continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

// True when `offset` (<= size) does not split a character: the end, or a byte that starts one.
inline bool is_boundary(std::string_view text, std::size_t offset) {
  return offset >= text.size() || !is_continuation(text[offset]);
}

// The nearest boundary at or before `offset` (clamped to the size).
inline std::size_t floor_boundary(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return text.size();
  while (offset > 0 && is_continuation(text[offset])) --offset;
  return offset;
}

// The nearest boundary at or after `offset` (clamped to the size).
inline std::size_t ceil_boundary(std::string_view text, std::size_t offset) {
  while (offset < text.size() && is_continuation(text[offset])) ++offset;
  return offset < text.size() ? offset : text.size();
}

// ---- code points -------------------------------------------------------------------------

struct Decoded {
  char32_t code_point;
  std::size_t length;  // bytes, at least 1
};

// The code point starting at `offset` (< size): a lead byte and the continuation bytes its
// pattern asks for. Any other byte (a stray continuation byte, a lead byte without its
// continuation bytes, F8..FF) decodes as U+FFFD of length 1, so a scan always advances. The
// value is not checked for overlong forms or surrogates: run is_valid or repair first where
// that matters.
inline Decoded decode_at(std::string_view text, std::size_t offset) {
  const auto lead = static_cast<unsigned char>(text[offset]);
  if (lead < 0x80) return {lead, 1};
  std::size_t length = 0;
  char32_t value = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    value = lead & 0x1Fu;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    value = lead & 0x0Fu;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    value = lead & 0x07u;
  } else {
    return {0xFFFD, 1};
  }
  if (offset + length > text.size()) return {0xFFFD, 1};
  for (std::size_t k = 1; k < length; ++k) {
    const char byte = text[offset + k];
    if (!is_continuation(byte)) return {0xFFFD, 1};
    value = (value << 6) | (static_cast<unsigned char>(byte) & 0x3Fu);
  }
  return {value, length};
}

// Appends the UTF-8 encoding of `code_point` (at most U+10FFFF).
void append(std::string& out, char32_t code_point);

// Characters as SQLite's length() counts them: bytes that are not continuation bytes (in
// well-formed text, the code points).
std::size_t length(std::string_view text);

// The byte offset where character number `count` starts (text.size() when there are fewer).
std::size_t offset_of_char(std::string_view text, std::size_t count);

// Code points of the text; an ill-formed byte counts as one unit (its own value), so edit
// distances still see "é" as one letter and never fail.
std::u32string code_points(std::string_view text);

}  // namespace skein::utf8
