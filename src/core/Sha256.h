#pragma once
// SHA-256 (FIPS 180-4) of a byte string, as lowercase hex. Thread-safe (no shared state).

#include <string>
#include <string_view>

namespace skein {

std::string sha256_hex(std::string_view bytes);

}  // namespace skein
