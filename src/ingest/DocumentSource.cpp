// Reading is a small state machine so that next() returns one document at a time: an open
// JSON Lines stream is drained line by line, then the files a directory walk found, then the
// next input path. Only a directory's sorted list of file paths is ever held whole; file
// contents are read one document at a time and JSON Lines one line at a time.
//
// Every failure is turned into a Diagnostic at the point where the document is known, and
// next() additionally converts any escaping exception (e.g. bad_alloc on a huge line) into a
// Diagnostic, because the caller's contract is that reading goes on.
#include "ingest/DocumentSource.h"

#include <dirent.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <exception>
#include <filesystem>
#include <set>
#include <system_error>

#include "core/Sha256.h"
#include "core/Utf8.h"
#include "ingest/CsvReader.h"
#include "ingest/HtmlReader.h"
#include "ingest/InputFilter.h"
#include "ingest/PdfReader.h"
#include "ingest/PublishedDate.h"

namespace skein::ingest {
namespace fs = std::filesystem;
namespace {

constexpr const char* kStdinName = "<stdin>";

struct DirCloser {
  void operator()(DIR* dir) const { ::closedir(dir); }
};

struct FileCloser {
  void operator()(std::FILE* file) const {
    if (file != nullptr && file != stdin) std::fclose(file);  // stdin belongs to the process
  }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_blank(std::string_view s) { return std::all_of(s.begin(), s.end(), is_ascii_space); }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

// The extension as fs::path::extension() sees it (from the last '.' of the file name, unless
// the name starts with it), lowercased; found without building an fs::path, since every file
// of a walk is asked.
std::string lowercase_extension(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || name == "..") return {};
  std::string ext(name.substr(dot));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

bool is_json_lines_path(const std::string& path) {
  const std::string ext = lowercase_extension(path);
  return ext == ".jsonl" || ext == ".ndjson" || ext == ".json";
}

std::string errno_text(int error) { return std::strerror(error); }

FileStamp stamp_of(const struct stat& status) {
  return {
      static_cast<std::int64_t>(status.st_size),
      static_cast<std::int64_t>(status.st_mtim.tv_sec) * 1'000'000'000 + status.st_mtim.tv_nsec};
}

std::int64_t now_ns() {
  timespec now{};
  ::clock_gettime(CLOCK_REALTIME, &now);
  return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// An exception from ReadOptions::skip_if_unchanged, carried past next()'s conversion of
// exceptions into Diagnostics (it is the caller's failure, not the file's).
struct SkipCallbackError {
  std::exception_ptr error;
};

// Buffered line reader over a C stream, bounded: a line longer than the limit is consumed and
// reported as too long instead of being accumulated.
class LineStream {
 public:
  explicit LineStream(FilePtr file, std::string pending = {})
      : file_(std::move(file)), pending_(std::move(pending)) {}

  enum class Result { kLine, kTooLong, kEnd, kError };

  Result next_line(std::string& line, std::size_t limit) {
    line.clear();
    bool too_long = false;
    bool any = false;
    while (true) {
      if (pos_ == pending_.size()) {
        if (!fill()) {
          if (error_ != 0) return Result::kError;
          if (!any) return Result::kEnd;
          return too_long ? Result::kTooLong : Result::kLine;
        }
      }
      any = true;
      const std::size_t newline = pending_.find('\n', pos_);
      const std::size_t stop = newline == std::string::npos ? pending_.size() : newline;
      if (!too_long) {
        line.append(pending_, pos_, stop - pos_);
        if (line.size() > limit) {
          too_long = true;
          line.clear();
          line.shrink_to_fit();
        }
      }
      pos_ = stop;
      if (newline != std::string::npos) {
        ++pos_;
        return too_long ? Result::kTooLong : Result::kLine;
      }
    }
  }

  int error() const { return error_; }

 private:
  bool fill() {
    pending_.resize(kChunk);
    const std::size_t got = std::fread(pending_.data(), 1, kChunk, file_.get());
    pending_.resize(got);
    pos_ = 0;
    if (got == 0 && std::ferror(file_.get())) error_ = errno != 0 ? errno : EIO;
    return got > 0;
  }

  static constexpr std::size_t kChunk = 1 << 16;
  FilePtr file_;
  std::string pending_;
  std::size_t pos_ = 0;
  int error_ = 0;
};

// Reads a whole stream, up to limit + 1 bytes (so the caller can tell "too large").
bool read_all(std::FILE* file, std::size_t limit, std::string& out, int& error) {
  // One buffer per thread: zeroing a fresh 64 KiB per file cost more than reading small files.
  thread_local std::string chunk(1 << 16, '\0');
  while (out.size() <= limit) {
    const std::size_t got = std::fread(chunk.data(), 1, chunk.size(), file);
    out.append(chunk, 0, got);
    if (got < chunk.size()) {
      if (std::ferror(file)) {
        error = errno != 0 ? errno : EIO;
        return false;
      }
      break;
    }
  }
  return true;
}

// The checks every text body passes, whether from a file or a field of a record (`field`
// names it, as "\"text\"" or "the text column"; empty for a whole file). Returns the reason
// it cannot be used, or an empty string. `offset_base` shifts reported offsets to file offsets.
std::string text_problem(std::string_view text, std::size_t offset_base,
                         const std::string& field = {}) {
  if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
    const auto at = static_cast<std::size_t>(static_cast<const char*>(nul) - text.data());
    if (!field.empty()) return field + " contains a NUL character";
    return "contains a NUL byte at byte offset " + std::to_string(at + offset_base) +
           ": a binary file, not text";
  }
  if (const std::size_t bad = utf8::first_invalid(text); bad != std::string_view::npos) {
    if (field == "\"text\"") return field + " is not valid UTF-8 (an unpaired surrogate escape?)";
    if (!field.empty())
      return field +
             " is not valid UTF-8; convert the file to UTF-8 (for example iconv -f WINDOWS-1252 -t "
             "UTF-8)";
    return "not valid UTF-8 at byte offset " + std::to_string(bad + offset_base) +
           "; convert it to UTF-8 (for example iconv -f WINDOWS-1252 -t UTF-8)";
  }
  if (is_blank(text))
    return !field.empty() ? field + " is empty or only whitespace"
                          : "no text (empty or only whitespace)";
  return {};
}

// A file that is not text but a known format, named with what to turn it into text with;
// empty when the bytes and name say nothing.
std::string format_hint(const std::string& path, std::string_view bytes) {
  const std::string ext = lowercase_extension(path);
  const auto any_of = [&](std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), ext) != list.end();
  };
  if (any_of({".docx", ".doc", ".odt", ".rtf", ".epub", ".pages", ".wpd"}) ||
      bytes.starts_with("{\\rtf")) {
    return "a word-processor file (" + (ext.empty() ? std::string("RTF") : ext) +
           "), not text: convert it first, e.g. pandoc FILE -t plain -o FILE.txt";
  }
  if (any_of({".xlsx", ".xls", ".ods", ".pptx", ".ppt", ".odp"})) {
    return "an office file (" + ext +
           "), not text: convert it first, e.g. libreoffice --headless --convert-to " +
           (any_of({".xlsx", ".xls", ".ods"}) ? "csv" : "pdf") + " FILE";
  }
  if (bytes.starts_with("\x89PNG") || bytes.starts_with("\xFF\xD8\xFF") ||
      bytes.starts_with("GIF8") || bytes.starts_with("II*") || bytes.starts_with("MM\0*") ||
      any_of({".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".webp"})) {
    return "an image, not text: run OCR first, e.g. tesseract FILE out (or ocrmypdf for a scanned "
           "PDF)";
  }
  if (bytes.starts_with("\x1F\x8B") || bytes.starts_with("PK\x03\x04") ||
      bytes.starts_with("BZh") ||
      bytes.starts_with("\xFD"
                        "7zXZ") ||
      any_of({".gz", ".zip", ".bz2", ".xz", ".tar", ".tgz", ".7z"})) {
    return "an archive or compressed file, not text: unpack it and ingest the folder";
  }
  return {};
}

// Title of a plain-text document: its first non-blank line that is not marked as debris
// (a scraped page often starts with a "Download" button line).
std::string first_line_title(const Document& doc) {
  std::size_t start = 0;
  while (start < doc.text.size()) {
    std::size_t end = doc.text.find('\n', start);
    if (end == std::string::npos) end = doc.text.size();
    const std::string_view line = trim(std::string_view(doc.text).substr(start, end - start));
    if (!line.empty()) {
      const auto offset = static_cast<std::size_t>(line.data() - doc.text.data());
      const bool debris = is_debris_line(line) ||
                          std::any_of(doc.excluded.begin(), doc.excluded.end(),
                                      [&](const ByteSpan& span) { return span.contains(offset); });
      if (!debris) return std::string(line);
    }
    start = end + 1;
  }
  return {};
}

void finish_document(Document& doc, const ReadOptions& options) {
  doc.sha256 = sha256_hex(doc.text);
  if (options.mark_debris) mark_debris(doc);
}

// Turns the bytes of a plain-text input into a Document, or explains why not.
std::optional<Document> text_document(std::string bytes, const std::string& source,
                                      const ReadOptions& options, Diagnostics& diagnostics) {
  const auto report = [&](const std::string& reason) {
    diagnostics.push_back({source, 0, reason});
    return std::nullopt;
  };
  if (bytes.size() > options.max_document_bytes) {
    return report("larger than the " + std::to_string(options.max_document_bytes) +
                  "-byte document limit");
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    return report(
        "UTF-16 is not supported; convert to UTF-8 (for example iconv -f UTF-16 -t UTF-8)");
  }
  // A UTF-8 byte order mark is an encoding signature, not text: it is removed so that offsets
  // and the SHA-256 are those of the text itself (the same text with or without a BOM is the
  // same document).
  std::size_t bom = 0;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bom = 3;
    bytes.erase(0, 3);
  }
  const std::string ext = lowercase_extension(source);
  Document doc;
  doc.uri = source;
  if (ext == ".pdf" || looks_like_pdf(bytes)) {
    PdfText pdf = read_pdf(bytes);
    if (!pdf.problem.empty()) return report(pdf.problem);
    doc.text = std::move(pdf.text);
    doc.title = std::move(pdf.title);
    doc.author = std::move(pdf.author);
  } else if (const std::string hint = format_hint(source, bytes); !hint.empty()) {
    return report(hint);
  } else if ((ext == ".html" || ext == ".htm" || ext == ".xhtml" || looks_like_html(bytes)) &&
             bytes.find('\0') == std::string::npos) {
    // Before the UTF-8 check: a page may declare another charset, which libxml2 converts.
    HtmlArticle page = read_html(bytes);
    if (is_blank(page.text)) return report("an HTML page with no article text found in it");
    if (!utf8::is_valid(page.text))
      return report("an HTML page whose text is not valid UTF-8 after decoding");
    doc.text = std::move(page.text);
    doc.title = std::move(page.title);
    doc.published = std::move(page.published);
    doc.author = std::move(page.author);
  } else if (const std::string problem = text_problem(bytes, bom); !problem.empty()) {
    return report(problem);
  } else {
    doc.text = std::move(bytes);
  }
  finish_document(doc, options);
  if (doc.title.empty()) doc.title = first_line_title(doc);
  return doc;
}

std::optional<Document> read_text_file(const std::string& path, const ReadOptions& options,
                                       Diagnostics& diagnostics) {
  errno = 0;
  FilePtr file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    diagnostics.push_back({path, 0, "cannot open: " + errno_text(errno)});
    return std::nullopt;
  }
  // The stamp is taken from the open file before reading, so a write during the read leaves
  // the stored stamp older than the file and the next run reads it again. The clock is read
  // first: a file modified within kStampSettleSeconds of it gets no stamp (Document.h).
  const std::int64_t opened_ns = now_ns();
  std::optional<FileStamp> stamp;
  struct stat status {};
  if (::fstat(::fileno(file.get()), &status) == 0 && S_ISREG(status.st_mode)) {
    const auto size = static_cast<std::uintmax_t>(status.st_size);
    if (size > options.max_document_bytes) {
      diagnostics.push_back({path, 0,
                             "larger than the " + std::to_string(options.max_document_bytes) +
                                 "-byte document limit (" + std::to_string(size) + " bytes)"});
      return std::nullopt;
    }
    const FileStamp taken = stamp_of(status);
    if (taken.mtime_ns <= opened_ns - kStampSettleSeconds * 1'000'000'000) stamp = taken;
  }
  std::string bytes;
  int error = 0;
  if (!read_all(file.get(), options.max_document_bytes, bytes, error)) {
    diagnostics.push_back({path, 0, "cannot read: " + errno_text(error)});
    return std::nullopt;
  }
  auto doc = text_document(std::move(bytes), path, options, diagnostics);
  if (doc) doc->file_stamp = stamp;
  return doc;
}

// One JSON Lines input being read. Line numbers are 1-based and count every physical line,
// blank ones included, so a diagnostic points at the line an editor shows.
class JsonLinesReader {
 public:
  JsonLinesReader(std::string source, LineStream stream, std::size_t lines_before,
                  const ReadOptions& options)
      : source_(std::move(source)),
        stream_(std::move(stream)),
        line_number_(lines_before),
        options_(options) {}

  std::optional<Document> next(Diagnostics& diagnostics) {
    // JSON escapes can make a line longer than its decoded text; allow some room before
    // calling a line too long, and check the decoded text against the limit afterwards.
    const std::size_t line_limit = options_.max_document_bytes * 2 + 4096;
    std::string line;
    while (true) {
      const LineStream::Result result = stream_.next_line(line, line_limit);
      if (result == LineStream::Result::kEnd) return std::nullopt;
      if (result == LineStream::Result::kError) {
        diagnostics.push_back(
            {source_, line_number_ + 1, "cannot read: " + errno_text(stream_.error())});
        return std::nullopt;
      }
      ++line_number_;
      if (result == LineStream::Result::kTooLong) {
        diagnostics.push_back(
            {source_, line_number_, "line longer than " + std::to_string(line_limit) + " bytes"});
        continue;
      }
      if (line_number_ == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
      if (is_blank(line)) continue;
      std::string reason;
      std::optional<Document> doc = parse_line(line, reason);
      if (doc) return doc;
      diagnostics.push_back({source_, line_number_, reason});
    }
  }

 private:
  std::optional<Document> parse_line(const std::string& line, std::string& reason) const {
    rapidjson::Document json;
    constexpr unsigned kFlags =
        rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;
    json.Parse<kFlags>(line.data(), line.size());
    if (json.HasParseError()) {
      reason = std::string("invalid JSON at column ") + std::to_string(json.GetErrorOffset() + 1) +
               ": " + rapidjson::GetParseError_En(json.GetParseError());
      return std::nullopt;
    }
    if (!json.IsObject()) {
      reason = "expected a JSON object {\"text\": ...}";
      return std::nullopt;
    }
    // Optional string fields: absent or null means empty; another type is an error, not a guess.
    const auto string_field = [&](const char* name, std::string& out) {
      const auto it = json.FindMember(name);
      if (it == json.MemberEnd() || it->value.IsNull()) return true;
      if (it->value.IsString()) {
        out.assign(it->value.GetString(), it->value.GetStringLength());
        if (utf8::is_valid(out)) return true;
        reason = std::string("\"") + name + "\" is not valid UTF-8 (an unpaired surrogate escape?)";
        return false;
      }
      if (std::string_view(name) == "id" && (it->value.IsInt64() || it->value.IsUint64())) {
        out = it->value.IsInt64() ? std::to_string(it->value.GetInt64())
                                  : std::to_string(it->value.GetUint64());
        return true;
      }
      reason = std::string("\"") + name + "\" must be a string";
      return false;
    };

    const auto text = json.FindMember("text");
    if (text == json.MemberEnd()) {
      reason = "missing \"text\"";
      return std::nullopt;
    }
    if (!text->value.IsString()) {
      reason = "\"text\" must be a string";
      return std::nullopt;
    }
    Document doc;
    doc.text.assign(text->value.GetString(), text->value.GetStringLength());
    if (doc.text.size() > options_.max_document_bytes) {
      reason = "\"text\" is larger than the " + std::to_string(options_.max_document_bytes) +
               "-byte document limit";
      return std::nullopt;
    }
    reason = text_problem(doc.text, 0, "\"text\"");
    if (!reason.empty()) return std::nullopt;
    std::string published;
    std::string url;
    if (!string_field("id", doc.id) || !string_field("title", doc.title) ||
        !string_field("published", published) || !string_field("url", url)) {
      return std::nullopt;
    }
    doc.title = std::string(trim(doc.title));
    doc.published = normalize_published_date(published);
    if (!url.empty()) {
      doc.uri = url;
    } else if (!doc.id.empty()) {
      doc.uri = source_ + "#" + doc.id;
    } else {
      doc.uri = source_ + "#L" + std::to_string(line_number_);
    }
    finish_document(doc, options_);
    return doc;
  }

  std::string source_;
  LineStream stream_;
  std::size_t line_number_;
  const ReadOptions& options_;
};

}  // namespace

struct DocumentSource::Impl {
  // A regular file found by a walk, with the stamp the walk's stat saw (offered to
  // skip_if_unchanged without a second stat; a change since then is caught next run).
  struct WalkedFile {
    std::string path;
    FileStamp stamp;
  };

  std::vector<std::string> inputs;
  std::size_t next_input = 0;
  ReadOptions options;
  std::vector<WalkedFile> walked;  // regular files found under the current directory input
  std::size_t next_walked = 0;
  std::optional<JsonLinesReader> json_lines;
  std::optional<CsvReader> csv;
  std::string csv_path;  // the file `csv` reads
  bool stdin_used = false;
  std::size_t skipped_unchanged = 0;
  std::vector<std::string> skipped_notes;

  std::optional<Document> step(Diagnostics& diagnostics, bool& exhausted);
  // `stamp`: the file's size and mtime when it is known to be a regular file, else null.
  std::optional<Document> open_file(const std::string& path, const FileStamp* stamp,
                                    Diagnostics& diagnostics);
  std::optional<Document> open_stdin(Diagnostics& diagnostics);
  void walk(const std::string& root, Diagnostics& diagnostics);
};

// Collects the regular files below `root`. Directory symlinks are followed, but a directory is
// entered at most once (by its canonical path), which both breaks symlink loops and avoids
// reading the same files twice through two links.
void DocumentSource::Impl::walk(const std::string& root, Diagnostics& diagnostics) {
  walked.clear();
  next_walked = 0;
  const InputFilter filter(options.include, options.exclude);
  const std::string root_prefix = root.ends_with('/') ? root : root + '/';
  std::set<fs::path> visited;
  std::vector<fs::path> stack{fs::path(root)};
  while (!stack.empty()) {
    const fs::path dir = std::move(stack.back());
    stack.pop_back();
    std::error_code ec;
    const fs::path canonical = fs::canonical(dir, ec);
    if (ec) {
      diagnostics.push_back({dir.string(), 0, "cannot resolve directory: " + ec.message()});
      continue;
    }
    if (!visited.insert(canonical).second) {
      diagnostics.push_back(
          {dir.string(), 0,
           "directory already read through another path (symbolic link loop?); skipped"});
      continue;
    }
    // readdir and plain strings rather than fs::directory_iterator: a re-run that skips every
    // file spends most of its time here, and fs::path parses its components at every step.
    const std::unique_ptr<DIR, DirCloser> listing(::opendir(dir.c_str()));
    if (!listing) {
      const int error = errno;
      diagnostics.push_back({dir.string(), 0, "cannot list directory: " + errno_text(error)});
      continue;
    }
    // Joined as fs::path's operator/ does: no second separator after a trailing one.
    const std::string prefix = dir.native().ends_with('/') ? dir.native() : dir.native() + '/';
    std::vector<std::string> children;
    int list_error = 0;
    while (true) {
      errno = 0;  // readdir returns null both at the end and on an error
      const dirent* entry = ::readdir(listing.get());
      if (entry == nullptr) {
        list_error = errno;
        break;
      }
      if (entry->d_name[0] != '.')
        children.push_back(prefix + entry->d_name);  // hidden: .git, swap files, . and ..
    }
    if (list_error != 0) {
      diagnostics.push_back({dir.string(), 0, "cannot list directory: " + errno_text(list_error)});
    }
    // Children in sorted order, subdirectories pushed in reverse so they pop in sorted order:
    // which of two links to one directory is walked (and which path names its files) is then
    // deterministic, not up to the file system's listing order.
    std::sort(children.begin(), children.end());
    std::vector<fs::path> subdirectories;
    for (std::string& path : children) {
      struct stat status {};
      if (::stat(path.c_str(), &status) != 0) {  // follows symlinks
        const int error = errno;
        diagnostics.push_back({path, 0, "cannot read: " + errno_text(error)});
      } else if (S_ISDIR(status.st_mode)) {
        subdirectories.emplace_back(path);
      } else if (S_ISREG(status.st_mode)) {
        const std::string_view relative = std::string_view(path).substr(root_prefix.size());
        if (filter.accepts(relative)) {
          walked.push_back({std::move(path), stamp_of(status)});
        } else if (filter.is_skipped_note(relative)) {
          skipped_notes.push_back(std::move(path));
        }
      }
      // Sockets, FIFOs and devices inside a tree are not documents; they are passed over.
    }
    stack.insert(stack.end(), subdirectories.rbegin(), subdirectories.rend());
  }
  // std::string compares bytes as unsigned: byte-wise order
  std::sort(walked.begin(), walked.end(),
            [](const WalkedFile& a, const WalkedFile& b) { return a.path < b.path; });
}

std::optional<Document> DocumentSource::Impl::open_file(const std::string& path,
                                                        const FileStamp* stamp,
                                                        Diagnostics& diagnostics) {
  if (is_csv_path(path)) {
    errno = 0;
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) {
      diagnostics.push_back({path, 0, "cannot open: " + errno_text(errno)});
      return std::nullopt;
    }
    csv_path = path;
    csv.emplace(path, file,
                CsvColumns{options.csv_text_column, options.csv_id_column, options.csv_title_column,
                           options.csv_date_column},
                options.max_document_bytes);
    return std::nullopt;
  }
  if (!is_json_lines_path(path)) {
    if (stamp != nullptr && options.skip_if_unchanged) {
      bool skip = false;
      try {
        skip = options.skip_if_unchanged(path, *stamp);
      } catch (...) {
        throw SkipCallbackError{std::current_exception()};
      }
      if (skip) {
        ++skipped_unchanged;
        return std::nullopt;
      }
    }
    return read_text_file(path, options, diagnostics);
  }
  errno = 0;
  FilePtr file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    diagnostics.push_back({path, 0, "cannot open: " + errno_text(errno)});
    return std::nullopt;
  }
  json_lines.emplace(path, LineStream(std::move(file)), 0, options);
  return std::nullopt;
}

std::optional<Document> DocumentSource::Impl::open_stdin(Diagnostics& diagnostics) {
  if (stdin_used) {
    diagnostics.push_back({kStdinName, 0, "stdin (\"-\") given more than once; read once"});
    return std::nullopt;
  }
  stdin_used = true;
  // Peek at the leading blank bytes (and a BOM) to choose JSON Lines or plain text; what was
  // read is handed on so plain text keeps its bytes and JSON Lines its line numbers.
  std::string prefix;
  int c = 0;
  while ((c = std::getc(stdin)) != EOF) {
    prefix.push_back(static_cast<char>(c));
    const bool in_bom = prefix.size() <= 3 && std::string_view("\xEF\xBB\xBF").starts_with(prefix);
    if (!in_bom && !is_ascii_space(static_cast<char>(c))) break;
  }
  if (std::ferror(stdin)) {
    diagnostics.push_back({kStdinName, 0, "cannot read: " + errno_text(errno)});
    return std::nullopt;
  }
  if (!prefix.empty() && prefix.back() == '{') {
    const auto lines_before =
        static_cast<std::size_t>(std::count(prefix.begin(), prefix.end(), '\n'));
    const std::size_t last_newline = prefix.rfind('\n');
    std::string first_line_start =
        last_newline == std::string::npos ? prefix : prefix.substr(last_newline + 1);
    if (first_line_start.starts_with("\xEF\xBB\xBF")) first_line_start.erase(0, 3);
    json_lines.emplace(kStdinName, LineStream(FilePtr(stdin), std::move(first_line_start)),
                       lines_before, options);
    return std::nullopt;
  }
  int error = 0;
  if (!read_all(stdin, options.max_document_bytes, prefix, error)) {
    diagnostics.push_back({kStdinName, 0, "cannot read: " + errno_text(error)});
    return std::nullopt;
  }
  return text_document(std::move(prefix), kStdinName, options, diagnostics);
}

std::optional<Document> DocumentSource::Impl::step(Diagnostics& diagnostics, bool& exhausted) {
  exhausted = false;
  if (csv) {
    while (auto record = csv->next(diagnostics)) {
      Document& doc = record->document;
      if (const std::string problem = text_problem(doc.text, 0, "the text column");
          !problem.empty()) {
        diagnostics.push_back({csv_path, record->line, problem});
        continue;
      }
      finish_document(doc, options);
      if (doc.title.empty()) doc.title = first_line_title(doc);
      return std::move(record->document);
    }
    csv.reset();
    return std::nullopt;
  }
  if (json_lines) {
    if (auto doc = json_lines->next(diagnostics)) return doc;
    json_lines.reset();
    return std::nullopt;
  }
  if (next_walked < walked.size()) {
    const WalkedFile& file = walked[next_walked++];
    return open_file(file.path, &file.stamp, diagnostics);
  }
  if (next_input == inputs.size()) {
    exhausted = true;
    return std::nullopt;
  }
  const std::string& input = inputs[next_input++];
  if (input == "-") return open_stdin(diagnostics);
  struct stat status {};
  if (::stat(input.c_str(), &status) != 0) {
    const int error = errno;
    diagnostics.push_back({input, 0, "cannot read: " + errno_text(error)});
    return std::nullopt;
  }
  if (S_ISDIR(status.st_mode)) {
    walk(input, diagnostics);
    return std::nullopt;
  }
  // A named input that is not a directory is read whatever it is (a FIFO or /dev/fd/N too);
  // only a regular file has a stamp worth comparing.
  const FileStamp stamp = stamp_of(status);
  return open_file(input, S_ISREG(status.st_mode) ? &stamp : nullptr, diagnostics);
}

DocumentSource::DocumentSource(std::vector<std::string> paths, ReadOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->inputs = std::move(paths);
  impl_->options = std::move(options);
}

DocumentSource::~DocumentSource() = default;

std::size_t DocumentSource::skipped_unchanged() const { return impl_->skipped_unchanged; }

const std::vector<std::string>& DocumentSource::skipped_notes() const {
  return impl_->skipped_notes;
}

std::optional<Document> DocumentSource::next(Diagnostics& diagnostics) {
  while (true) {
    bool exhausted = false;
    try {
      if (auto doc = impl_->step(diagnostics, exhausted)) return doc;
    } catch (const SkipCallbackError& e) {
      std::rethrow_exception(e.error);
    } catch (const std::exception& e) {
      // Only resource exhaustion can get here; the input that caused it is abandoned.
      const std::string source =
          impl_->next_walked > 0 && impl_->next_walked <= impl_->walked.size()
              ? impl_->walked[impl_->next_walked - 1].path
              : (impl_->next_input > 0 ? impl_->inputs[impl_->next_input - 1] : std::string());
      diagnostics.push_back({source, 0, std::string("cannot read: ") + e.what()});
      impl_->json_lines.reset();
      impl_->csv.reset();
    }
    if (exhausted) return std::nullopt;
  }
}

}  // namespace skein::ingest
