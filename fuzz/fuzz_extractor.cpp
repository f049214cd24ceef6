// Fuzzes the whole extractor (with the bundled data/ and schema/) on valid UTF-8 documents,
// debris marked as ingest marks it. The result must honour the extraction contract, which
// the strict JSON reader checks: writing it and reading it back must succeed (offsets inside
// the text, on boundaries, mention/evidence text equal to the text under the span, relation
// endpoints known, confidences in [0, 1]).

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "core/Error.h"
#include "core/ExtractionJson.h"
#include "core/Sha256.h"
#include "core/Utf8.h"
#include "extract/Extractor.h"
#include "ingest/DocumentSource.h"

namespace {
// Loaded once, before fuzzing starts: a broken data/ or schema/ is a setup error reported as
// such, not a "crash" of the first input.
std::optional<skein::extract::Extractor> extractor;
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  try {
    extractor.emplace();
  } catch (const skein::Error& error) {
    std::fprintf(stderr, "fuzz_extractor: cannot load the knowledge and rules: %s\n", error.what());
    std::exit(1);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  if (text.empty() || !skein::utf8::is_valid(text) || text.find('\0') != std::string::npos)
    return 0;
  skein::Document document;
  document.uri = "fuzz://input";
  document.sha256 = skein::sha256_hex(text);
  document.text = std::move(text);
  skein::ingest::mark_debris(document);
  const auto extraction = extractor->extract(document);
  const std::string line = skein::to_json_line(extraction);
  try {
    (void)skein::extraction_from_json_line(line, "extracted.jsonl", 1);
  } catch (const skein::Error& error) {
    // The extractor broke its own contract: say how, so the CI log alone names the fault.
    std::fprintf(stderr, "fuzz_extractor: contract broken: %s\n", error.what());
    std::abort();
  }
  return 0;
}
