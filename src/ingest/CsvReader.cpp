// A byte-at-a-time state machine over a buffered stream: a record may span lines (quoted line
// breaks), so records, not lines, are the unit, and physical lines are counted as bytes pass.
#include "ingest/CsvReader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "ingest/PublishedDate.h"

namespace skein::ingest {
namespace {

std::string lowercase_extension(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  const std::size_t dot = path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
  std::string ext = path.substr(dot);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

std::string trim(const std::string& text) {
  const std::size_t start = text.find_first_not_of(" \t\r");
  if (start == std::string::npos) return {};
  return text.substr(start, text.find_last_not_of(" \t\r") - start + 1);
}

}  // namespace

bool is_csv_path(const std::string& path) {
  const std::string ext = lowercase_extension(path);
  return ext == ".csv" || ext == ".tsv" || ext == ".tab";
}

struct CsvReader::Impl {
  std::string source;
  std::FILE* file = nullptr;
  CsvColumns columns;
  std::size_t max_record_bytes = 0;
  char separator = ',';
  std::string buffer;
  std::size_t pos = 0;
  bool at_end = false;
  std::size_t line = 1;  // the physical line the next byte is on
  bool header_read = false;
  bool failed = false;  // a file-level problem: no more records
  std::size_t field_count = 0;
  int text_index = -1, id_index = -1, title_index = -1, date_index = -1;

  ~Impl() {
    if (file != nullptr) std::fclose(file);
  }

  int peek() {
    if (pos == buffer.size()) {
      if (at_end) return EOF;
      buffer.resize(1 << 16);
      const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), file);
      buffer.resize(got);
      pos = 0;
      if (got == 0) {
        at_end = true;
        return EOF;
      }
    }
    return static_cast<unsigned char>(buffer[pos]);
  }
  int get() {
    const int c = peek();
    if (c != EOF) {
      ++pos;
      if (c == '\n') ++line;
    }
    return c;
  }
  void skip_rest_of_line() {
    for (int c = get(); c != EOF && c != '\n'; c = get()) {
    }
  }

  enum class Status { kRecord, kEnd, kMalformed };

  // Reads one record into `fields`. On kMalformed, `problem` says why and the stream is left
  // at the start of the next line.
  Status read_record(std::vector<std::string>& fields, std::string& problem) {
    fields.clear();
    // Skip blank lines between records.
    while (peek() == '\n' || peek() == '\r') get();
    if (peek() == EOF) return Status::kEnd;
    std::size_t bytes = 0;
    std::string field;
    while (true) {
      field.clear();
      if (peek() == '"') {
        get();
        const std::size_t opened_on = line;
        while (true) {
          const int c = get();
          if (c == EOF) {
            problem =
                "a quoted field opened on line " + std::to_string(opened_on) + " is never closed";
            return Status::kMalformed;
          }
          if (c == '"') {
            if (peek() == '"') {
              get();
              field.push_back('"');
              continue;
            }
            break;
          }
          field.push_back(static_cast<char>(c));
          if (++bytes > max_record_bytes) {
            problem = "record larger than the " + std::to_string(max_record_bytes) +
                      "-byte document limit";
            skip_rest_of_line();
            return Status::kMalformed;
          }
        }
        const int after = peek();
        if (after == '\r') get();
        if (peek() != separator && peek() != '\n' && peek() != EOF) {
          problem = "text after a closing quote (a quote inside a field must be doubled: \"\")";
          skip_rest_of_line();
          return Status::kMalformed;
        }
      } else {
        while (true) {
          const int c = peek();
          if (c == EOF || c == '\n' || c == separator) break;
          get();
          if (c == '"') {
            problem =
                "a quote inside an unquoted field (quote the whole field and double the quote)";
            skip_rest_of_line();
            return Status::kMalformed;
          }
          field.push_back(static_cast<char>(c));
          if (++bytes > max_record_bytes) {
            problem = "record larger than the " + std::to_string(max_record_bytes) +
                      "-byte document limit";
            skip_rest_of_line();
            return Status::kMalformed;
          }
        }
        if (!field.empty() && field.back() == '\r' && (peek() == '\n' || peek() == EOF))
          field.pop_back();
      }
      fields.push_back(std::move(field));
      const int c = get();
      if (c == separator) continue;
      return Status::kRecord;  // '\n' or EOF
    }
  }

  std::string column_list(const std::vector<std::string>& header) const {
    std::string list;
    for (const std::string& name : header) list += (list.empty() ? "" : ", ") + name;
    return list;
  }

  bool read_header(Diagnostics& diagnostics) {
    header_read = true;
    if (peek() == 0xEF) {  // a UTF-8 BOM
      if (buffer.compare(pos, 3, "\xEF\xBB\xBF") == 0) pos += 3;
    }
    std::vector<std::string> header;
    std::string problem;
    const std::size_t header_line = line;
    const Status status = read_record(header, problem);
    if (status == Status::kEnd) {
      diagnostics.push_back({source, 0, "empty file: no header row"});
      return false;
    }
    if (status == Status::kMalformed) {
      diagnostics.push_back({source, header_line, "header row: " + problem});
      return false;
    }
    for (std::string& name : header) name = trim(name);
    field_count = header.size();
    const auto index_of = [&](const std::string& name) {
      const auto it = std::find(header.begin(), header.end(), name);
      return it == header.end() ? -1 : static_cast<int>(it - header.begin());
    };
    if (columns.text.empty()) {
      diagnostics.push_back(
          {source, 0,
           "a CSV file: name the column that holds the text with --text-column (its columns: " +
               column_list(header) + ")"});
      return false;
    }
    const std::pair<const std::string*, int*> wanted[] = {{&columns.text, &text_index},
                                                          {&columns.id, &id_index},
                                                          {&columns.title, &title_index},
                                                          {&columns.date, &date_index}};
    const char* options[] = {"--text-column", "--id-column", "--title-column", "--date-column"};
    for (std::size_t i = 0; i < 4; ++i) {
      if (wanted[i].first->empty()) continue;
      *wanted[i].second = index_of(*wanted[i].first);
      if (*wanted[i].second < 0) {
        diagnostics.push_back({source, header_line,
                               std::string("no column \"") + *wanted[i].first + "\" (" +
                                   options[i] + "); its columns: " + column_list(header)});
        return false;
      }
    }
    return true;
  }
};

CsvReader::CsvReader(std::string source, std::FILE* file, const CsvColumns& columns,
                     std::size_t max_record_bytes)
    : impl_(std::make_unique<Impl>()) {
  impl_->separator = lowercase_extension(source) == ".csv" ? ',' : '\t';
  impl_->source = std::move(source);
  impl_->file = file;
  impl_->columns = columns;
  impl_->max_record_bytes = max_record_bytes;
}

CsvReader::~CsvReader() = default;
CsvReader::CsvReader(CsvReader&&) noexcept = default;
CsvReader& CsvReader::operator=(CsvReader&&) noexcept = default;

std::optional<CsvReader::Record> CsvReader::next(Diagnostics& diagnostics) {
  Impl& in = *impl_;
  if (in.failed) return std::nullopt;
  if (!in.header_read && !in.read_header(diagnostics)) {
    in.failed = true;
    return std::nullopt;
  }
  std::vector<std::string> fields;
  while (true) {
    while (in.peek() == '\n' || in.peek() == '\r') in.get();
    const std::size_t record_line = in.line;
    std::string problem;
    const Impl::Status status = in.read_record(fields, problem);
    if (std::ferror(in.file)) {
      diagnostics.push_back(
          {in.source, record_line,
           std::string("cannot read: ") + std::strerror(errno != 0 ? errno : EIO)});
      in.failed = true;
      return std::nullopt;
    }
    if (status == Impl::Status::kEnd) return std::nullopt;
    if (status == Impl::Status::kMalformed) {
      diagnostics.push_back({in.source, record_line, problem});
      continue;
    }
    if (fields.size() != in.field_count) {
      diagnostics.push_back({in.source, record_line,
                             "has " + std::to_string(fields.size()) + " fields, the header " +
                                 std::to_string(in.field_count)});
      continue;
    }
    Record record;
    record.line = record_line;
    Document& doc = record.document;
    doc.text = std::move(fields[static_cast<std::size_t>(in.text_index)]);
    if (in.id_index >= 0) doc.id = trim(fields[static_cast<std::size_t>(in.id_index)]);
    if (in.title_index >= 0) doc.title = trim(fields[static_cast<std::size_t>(in.title_index)]);
    if (in.date_index >= 0)
      doc.published =
          normalize_published_date(trim(fields[static_cast<std::size_t>(in.date_index)]));
    doc.uri =
        doc.id.empty() ? in.source + "#L" + std::to_string(record_line) : in.source + "#" + doc.id;
    return record;
  }
}

}  // namespace skein::ingest
