// SHA-256 through OpenSSL's libcrypto: document identity is computed for every document on
// every ingest (also for unchanged ones), and libcrypto's SHA extensions / AVX2 code hashes
// several times faster than portable code, which makes re-ingesting a corpus cheap.
#include "core/Sha256.h"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace skein {

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 failed in libcrypto");  // only on allocation failure
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(2 * std::size_t{length}, '0');
  for (std::size_t i = 0; i < length; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 0xF];
  }
  return hex;
}

}  // namespace skein
