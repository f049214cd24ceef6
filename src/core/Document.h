#pragma once
// The unit of input: one article or report, exactly as it was given.
//
// Contract: `text` is never altered after reading. Every offset anywhere in Skein (mentions,
// evidence, excluded debris) is a UTF-8 byte offset into `text`, end exclusive, so evidence can
// always be shown in place. `sha256` is the lowercase hex SHA-256 of `text`: the identity of
// the content. `uri` is the identity of the source (a path, or path#id / url for JSONL).

#include <cstddef>
#include <string>
#include <vector>

namespace skein {

// A half-open byte range [start, end) into a document's text.
struct ByteSpan {
  std::size_t start = 0;
  std::size_t end = 0;

  std::size_t size() const { return end - start; }
  bool contains(std::size_t offset) const { return offset >= start && offset < end; }
  bool overlaps(const ByteSpan& other) const { return start < other.end && other.start < end; }
  friend bool operator==(const ByteSpan&, const ByteSpan&) = default;
};

struct Document {
  std::string id;         // the input's own id (JSONL "id"); empty when it has none
  std::string uri;        // where it came from; unique per document in a store
  std::string title;      // first line of a text file, or JSONL "title"; may be empty
  std::string published;  // ISO 8601 date (YYYY-MM-DD) when known, else empty
  std::string text;       // the text exactly as given (valid UTF-8 after reading)
  std::string sha256;     // lowercase hex SHA-256 of text
  // Page debris (share buttons, "Download", repeated captions) that extraction must skip.
  // Sorted, non-overlapping; the bytes stay in `text` so offsets never shift.
  std::vector<ByteSpan> excluded;
};

}  // namespace skein
