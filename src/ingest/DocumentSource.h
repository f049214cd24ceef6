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
//  - *.csv, *.tsv, *.tab        : one document per record, from the columns ReadOptions names
//                                 (CsvReader.h). uri = "<path>#<id>" or "<path>#L<line>".
//  - *.html, *.htm, *.xhtml, or a file that starts like an HTML page: the article's main text
//                                 as plain text, with title, date and author from the page's
//                                 metadata (HtmlReader.h).
//  - *.pdf, or a file that starts with "%PDF-": the text layer through poppler, a blank line
//                                 between paragraphs and pages (PdfReader.h).
//  - anything else              : a plain UTF-8 text file; title = first non-blank line,
//                                 uri = the path as given (joined with the directory walk).
// For HTML and PDF the stored `text` is the extracted plain text, so every offset points into
// it and its sha256 is the document's identity. Office files, images, archives and the like
// are reported with what to convert them with (pandoc, libreoffice, OCR).
// Problems with one document or line (unreadable file, invalid UTF-8, bad JSON line, empty
// text) become a Diagnostic naming the file and line, and reading goes on with the next one.
// Every returned Document has text exactly as given, sha256 set, and `excluded` debris marked.
//
// Decisions, in detail:
//  - Text is never repaired: a file that is not valid UTF-8 is skipped with the Diagnostic
//    "not valid UTF-8 at byte offset N; convert it to UTF-8 ..." (N counts from the file's
//    first byte), so no mangled text is ever stored silently. Likewise a NUL byte ("a binary
//    file, not text", with its offset), a UTF-16 byte order mark ("UTF-16 is not supported;
//    convert to UTF-8"), text that is empty or only whitespace, and a document larger than
//    max_document_bytes are each reported and skipped.
//  - A UTF-8 byte order mark at the start of a file (or of stdin, or of a JSONL file's first
//    line) is removed: it is an encoding signature, not text. `text`, its offsets and its
//    sha256 are those of the bytes after it; every other byte is kept as given (CRLF too).
//  - Plain-text title: the first non-blank line, trimmed of ASCII whitespace, skipping debris
//    lines (is_debris_line, and the lines marked in `excluded` when mark_debris is on): a
//    scraped page that starts with a "Download" button gets its headline as title, whether or
//    not debris is marked at read time.
//  - JSON Lines: blank lines are skipped but counted, so Diagnostic::line is the line number
//    an editor shows. "text" must be a string; "id" a string or integer; "title",
//    "published", "url" strings or null; anything else is a Diagnostic for that line. Unknown
//    fields are ignored. "published" is normalised to YYYY-MM-DD (see PublishedDate.h); a
//    value that is not an ISO date leaves `published` empty without a Diagnostic.
//  - Directories: symbolic links to files are read; symbolic links to directories are
//    followed, but each real directory is entered once (a second path to it, as in a link
//    loop, gets a Diagnostic and is skipped). Hidden entries (name starting with '.') are
//    skipped at every level below the directory given. Sockets, FIFOs and devices found in a
//    walk are passed over; named directly, any non-directory input is read as a file.
//  - "-" may be given once; a second "-" gets a Diagnostic. stdin is never closed.
//  - File stamps: a plain-text regular file's Document carries file_stamp (Document.h), from
//    fstat on the opened file before reading. When ReadOptions::skip_if_unchanged is set, a
//    plain-text regular file (walked or named; never a JSON Lines file, stdin, or a FIFO or
//    device named as input) is first stat'ed and offered to it; a file it accepts is not
//    opened, produces no Document, and is counted by skipped_unchanged().
//
// Thread-safety: one DocumentSource per thread.

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Document.h"
#include "core/Error.h"

namespace skein::ingest {

struct ReadOptions {
  bool mark_debris = true;  // fill Document::excluded
  // Larger documents are reported and skipped. A JSON line may be up to twice this plus 4 KiB
  // (escapes take room) before it is reported as too long without being held in memory.
  std::size_t max_document_bytes = 64u << 20;
  // Empty (the default): every file is read. Set: asked, on the thread calling next(), about
  // each plain-text regular file before it is opened, with its uri (the path as it would be
  // stored) and its current size and mtime (stat, following symbolic links); true skips the
  // file unread. An exception it throws propagates out of next() (it is the caller's failure,
  // not the file's) and the file is not read. Typically: "the store has this stamp for uri".
  std::function<bool(const std::string& uri, const FileStamp& stamp)> skip_if_unchanged;
  // CSV/TSV input (*.csv, *.tsv, *.tab): the columns to read (CsvReader.h). Without a text
  // column a CSV file is reported, with its column names, and not read.
  std::string csv_text_column;
  std::string csv_id_column;     // optional
  std::string csv_title_column;  // optional
  std::string csv_date_column;   // optional
  // Directory walks only (InputFilter.h): globs of files to read and to leave out. Notes
  // (README, SOURCE, LICENSE, ...) are left out unless an include pattern names them.
  std::vector<std::string> include;
  std::vector<std::string> exclude;
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

  // How many files skip_if_unchanged has skipped so far (they are neither returned nor
  // reported). A caller counting documents adds the increase after each next().
  std::size_t skipped_unchanged() const;

  // The note files (README, SOURCE, LICENSE, ...) that directory walks have passed over so
  // far, by path, so the caller can say so.
  const std::vector<std::string>& skipped_notes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Marks page debris in `document.excluded` (see Debris.cpp for the rules): whole lines that
// are a UI word ("Download", "CFP", "Search Trends"), share/follow/subscribe boilerplate, or a
// verbatim repeat of an earlier line (the first occurrence stays unmarked). Spans cover a
// line's visible content, never its newline. Spans already present are kept and merged, so
// calling it twice changes nothing. Text is not modified. Thread-safe for distinct documents.
void mark_debris(Document& document);

// True when one line, on its own, is page debris by the rules above that need no context (a
// UI word or share/follow boilerplate; not the repeat rule). Used to pick a title.
bool is_debris_line(std::string_view line);

}  // namespace skein::ingest
