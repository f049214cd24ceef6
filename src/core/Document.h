#pragma once
// The unit of input: one article or report, exactly as it was given.
//
// Contract: `text` is never altered after reading. Every offset anywhere in Skein (mentions,
// evidence, excluded debris) is a UTF-8 byte offset into `text`, end exclusive, so evidence can
// always be shown in place. `sha256` is the lowercase hex SHA-256 of `text`: the identity of
// the content. `uri` is the identity of the source (a path, or path#id / url for JSONL).
//
// `file_stamp` is set only for a document that is one whole plain-text file (never for a JSON
// Lines record, stdin, or a FIFO or device named as input): the file's size and modification
// time, taken with fstat on the opened file *before* its bytes were read, so a file written
// while it was being read carries the older stamp and is read again next time. It is left
// unset when the modification time is not safely in the past (see kStampSettleSeconds): a
// second write in the same timestamp tick, with the same size, would otherwise look unchanged.
// A store keeps the stamp next to the sha256 so a later ingest can trust "same path, same
// size, same mtime" and skip the file without reading it.

#include <cstddef>
#include <cstdint>
#include <optional>
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

// What a file looked like when it was read: st_size and st_mtim in nanoseconds since the epoch.
struct FileStamp {
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

// A file modified less than this many seconds before it was opened gets no stamp: file systems
// keep mtime in ticks (a few ms on ext4; 1-2 s on some network and FAT file systems), and two
// same-size writes within one tick leave identical stamps (git's "racily clean" problem).
inline constexpr std::int64_t kStampSettleSeconds = 2;

struct Document {
  std::string id;         // the input's own id (JSONL "id"); empty when it has none
  std::string uri;        // where it came from; unique per document in a store
  std::string title;      // first line of a text file, or JSONL "title"; may be empty
  std::string published;  // ISO 8601 date (YYYY-MM-DD) when known, else empty
  std::string author;     // byline from an HTML page's or PDF's metadata; empty when unknown
  std::string text;       // the text exactly as given (valid UTF-8 after reading)
  std::string sha256;     // lowercase hex SHA-256 of text
  // Page debris (share buttons, "Download", repeated captions) that extraction must skip.
  // Sorted, non-overlapping; the bytes stay in `text` so offsets never shift.
  std::vector<ByteSpan> excluded;
  // Size and mtime of the file this whole document was read from, when trustworthy (above).
  std::optional<FileStamp> file_stamp;
};

}  // namespace skein
