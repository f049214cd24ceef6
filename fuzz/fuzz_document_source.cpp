// Fuzzes the document readers (plain text and JSON Lines) through DocumentSource on a file,
// as `skein ingest` reads them. The first byte picks the reader (odd: .jsonl, even: .txt).
// Checked: no crash, and every returned document keeps DocumentSource's promises: text is
// valid UTF-8, non-empty, NUL-free, and its excluded spans lie inside it, sorted.

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

#include "core/Utf8.h"
#include "ingest/DocumentSource.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool jsonl = (data[0] & 1) != 0;
  // One scratch file per fuzzing process, rewritten for each input.
  static const std::string base = "/tmp/skein-fuzz-" + std::to_string(getpid());
  const std::string path = base + (jsonl ? ".jsonl" : ".txt");
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  }
  skein::ingest::ReadOptions options;
  options.max_document_bytes = 1 << 16;  // small, so the too-long paths are reachable
  skein::ingest::DocumentSource source({path}, options);
  skein::Diagnostics diagnostics;
  while (auto document = source.next(diagnostics)) {
    const std::string& text = document->text;
    if (text.empty() || !skein::utf8::is_valid(text) || text.find('\0') != std::string::npos ||
        document->sha256.size() != 64) {
      std::abort();
    }
    std::size_t previous_end = 0;
    for (const auto& span : document->excluded) {
      if (span.start > span.end || span.end > text.size() || span.start < previous_end)
        std::abort();
      previous_end = span.end;
    }
  }
  for (const auto& diagnostic : diagnostics) {
    if (diagnostic.source != path) std::abort();  // every problem names the file
  }
  std::remove(path.c_str());
  return 0;
}
