#pragma once
// Reads documents from files, directories, JSONL and stdin, one at a time (bounded memory).
//
// Inputs, by path:
//  - "-"                        : stdin; JSONL when the first non-blank byte is '{', else one
//                                 plain-text document.
//  - a directory                : every regular file below it, recursively, in byte-wise
//                                 sorted path order (deterministic); hidden files skipped.
//  - *.jsonl, *.ndjson, *.json  : one JSON object per line: {"id","title","text","published",
//  (JSON Lines)                   "url"}, only "text" required. uri = url if given, else
//                                 "<path>#<id>" if id given, else "<path>#L<line>".
//  - anything else              : a plain UTF-8 text file; title = first non-blank line,
//                                 uri = the path as given (joined with the directory walk).
// Problems with one document or line (unreadable file, invalid UTF-8, bad JSON line, empty
// text) become a Diagnostic naming the file and line, and reading goes on with the next one.
// Every returned Document has text exactly as given, sha256 set, and `excluded` debris marked.
//
// Thread-safety: one DocumentSource per thread.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/Document.h"
#include "core/Error.h"

namespace skein::ingest {

struct ReadOptions {
  bool mark_debris = true;                          // fill Document::excluded
  std::size_t max_document_bytes = 64u << 20;       // larger documents are reported and skipped
};

class DocumentSource {
 public:
  explicit DocumentSource(std::vector<std::string> paths, ReadOptions options = {});
  ~DocumentSource();
  DocumentSource(const DocumentSource&) = delete;
  DocumentSource& operator=(const DocumentSource&) = delete;

  // The next document, or nullopt when every input is exhausted. Problems are appended to
  // `diagnostics`; they never throw.
  std::optional<Document> next(Diagnostics& diagnostics);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Marks page debris in `document.excluded` (see Debris.cpp for the rules). Idempotent.
void mark_debris(Document& document);

}  // namespace skein::ingest
