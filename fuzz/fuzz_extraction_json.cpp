// Fuzzes extraction_from_json_line, the reader behind `skein load`. Any input either throws
// skein::Error or gives an extraction that writes back (to_json_line) and reads again to the
// same line: a value the reader accepts is a value the writer can round-trip.

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/Error.h"
#include "core/ExtractionJson.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  skein::DocumentExtraction extraction;
  try {
    extraction = skein::extraction_from_json_line(line, "fuzz.jsonl", 1);
  } catch (const skein::Error&) {
    return 0;
  }
  const std::string written = skein::to_json_line(extraction);
  const auto again = skein::extraction_from_json_line(written, "rewritten.jsonl", 1);
  if (skein::to_json_line(again) != written) std::abort();
  return 0;
}
