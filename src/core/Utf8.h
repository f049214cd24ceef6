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

// Replaces every ill-formed sequence with U+FFFD, one per maximal ill-formed subpart (the
// Unicode 15 section 3.9 practice, as browsers and ICU do); well-formed bytes are unchanged.
std::string repair(std::string_view bytes);

// Escapes control characters (and DEL) as \xNN so text never reaches a terminal raw: every C0
// control (tab and newline included) and DEL as \xNN, C1 controls (U+0080..U+009F) as \u00NN,
// and each byte of an ill-formed sequence as \xNN. Other UTF-8 is kept as is.
std::string printable(std::string_view bytes);

}  // namespace skein::utf8
