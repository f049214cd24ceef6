#pragma once
// UTF-8 helpers. All functions are pure and thread-safe.

#include <cstddef>
#include <string>
#include <string_view>

namespace skein::utf8 {

// Offset of the first byte that is not part of a well-formed UTF-8 sequence (overlong forms,
// surrogates and code points above U+10FFFF are ill-formed), or npos when all is well-formed.
std::size_t first_invalid(std::string_view bytes);
inline bool is_valid(std::string_view bytes) { return first_invalid(bytes) == std::string_view::npos; }

// Replaces every ill-formed sequence with U+FFFD.
std::string repair(std::string_view bytes);

// Escapes control characters (and DEL) as \xNN so text never reaches a terminal raw.
std::string printable(std::string_view bytes);

}  // namespace skein::utf8
