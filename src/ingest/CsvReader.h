#pragma once
// Reads a CSV or TSV file with one document per record. Internal to the ingest module.
//
// Format: RFC 4180. The first record is the header naming the columns; fields are separated
// by ',' (CSV) or a tab (TSV); a field in double quotes may hold separators, line breaks and
// doubled quotes (""), and CRLF or LF ends a record. A UTF-8 BOM before the header is dropped.
// Blank lines between records are skipped. Column names are matched exactly after trimming.
//
// Per record: `text` from the text column (required), `id`, `title`, `published` from the
// optional id, title and date columns (an empty title falls back to the text's first line;
// the date is normalised as JSON Lines dates are). uri = "<path>#<id>" with an id column,
// else "<path>#L<line of the record's first line>".
// A malformed record (an unterminated or stray quote, a field count that differs from the
// header's, a record over the size limit, an empty or invalid text) is one Diagnostic with the
// file and the record's first line, and reading goes on with the next record. A header that
// lacks a named column, or no text column given at all, is one Diagnostic for the file,
// listing the columns it has.
//
// Thread-safety: one reader per thread.

#include <cstddef>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/Document.h"
#include "core/Error.h"

namespace skein::ingest {

struct CsvColumns {
  std::string text;   // column holding the document text; empty = not given (an error)
  std::string id;     // optional: the record's id (also names its uri)
  std::string title;  // optional: the record's title
  std::string date;   // optional: the record's publication date
};

bool is_csv_path(const std::string& path);  // *.csv, *.tsv, *.tab (any case)

class CsvReader {
 public:
  // Takes ownership of `file` (closed on destruction). `max_record_bytes` bounds one record.
  CsvReader(std::string source, std::FILE* file, const CsvColumns& columns,
            std::size_t max_record_bytes);
  ~CsvReader();
  CsvReader(CsvReader&&) noexcept;
  CsvReader& operator=(CsvReader&&) noexcept;

  struct Record {
    Document document;     // uri, id, title, published and text set; text not yet checked
    std::size_t line = 0;  // the record's first line, for a Diagnostic about its text
  };
  // The next record, or nullopt at the end of the file (or after a file-level problem).
  std::optional<Record> next(Diagnostics& diagnostics);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace skein::ingest
