#include <fcntl.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <stdexcept>

#include "TempDir.h"
#include "core/Sha256.h"
#include "ingest/DocumentSource.h"

using namespace skein;
using skein::ingest::DocumentSource;
using skein::ingest::ReadOptions;
using skein::testing::TempDir;

namespace {

std::vector<Document> read_all(std::vector<std::string> paths, Diagnostics& diagnostics,
                               ReadOptions options = {}) {
  DocumentSource source(std::move(paths), options);
  std::vector<Document> documents;
  while (auto doc = source.next(diagnostics)) documents.push_back(std::move(*doc));
  return documents;
}

// Sets a file's modification time to `ns` nanoseconds since the epoch.
void set_mtime_ns(const std::string& path, std::int64_t ns) {
  const timespec times[2] = {
      {0, UTIME_OMIT},
      {static_cast<time_t>(ns / 1'000'000'000), static_cast<long>(ns % 1'000'000'000)}};
  REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
}

constexpr std::int64_t kLongAgo = 1'600'000'000'123'456'789;  // 2020-09-13, with nanoseconds

}  // namespace

TEST_CASE("a text file is read byte for byte with its hash, title and path", "[ingest]") {
  TempDir dir;
  const std::string bytes =
      "\n  \r\n  Seoul talks resume  \r\nWang Yi met Park Jin in Qingdao.\r\n\xE2\x80\x94 end";
  const std::string path = dir.write("a.txt", bytes);
  Diagnostics diagnostics;
  const auto docs = read_all({path}, diagnostics);
  REQUIRE(diagnostics.empty());
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].text == bytes);  // offsets are offsets into the file: nothing normalised
  CHECK(docs[0].sha256 == sha256_hex(bytes));
  CHECK(docs[0].title == "Seoul talks resume");
  CHECK(docs[0].uri == path);
  CHECK(docs[0].id.empty());
  CHECK(docs[0].published.empty());
}

TEST_CASE("a UTF-8 byte order mark is removed before hashing", "[ingest]") {
  TempDir dir;
  const std::string path = dir.write("bom.txt", "\xEF\xBB\xBFTitle\nBody text.");
  Diagnostics diagnostics;
  const auto docs = read_all({path}, diagnostics);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].text == "Title\nBody text.");
  CHECK(docs[0].sha256 == sha256_hex("Title\nBody text."));
  CHECK(docs[0].title == "Title");
}

TEST_CASE("unreadable documents are reported with path and reason and reading goes on",
          "[ingest]") {
  TempDir dir;
  const std::string utf16 = dir.write("utf16.txt", std::string("\xFF\xFET\0i\0t\0", 8));
  const std::string binary = dir.write("binary.txt", std::string("GIF89a\0\0\x01", 9));
  const std::string latin1 = dir.write("latin1.txt", "Caf\xE9 prices rose.");
  const std::string latin1_bom = dir.write("latin1_bom.txt", "\xEF\xBB\xBFNa\xEFve");
  const std::string blank = dir.write("blank.txt", " \n\t\r\n");
  const std::string empty = dir.write("empty.txt", "");
  const std::string good = dir.write("good.txt", "Good\nA fine article.");
  const std::string missing = dir.path("missing.txt");
  Diagnostics diagnostics;
  const auto docs =
      read_all({utf16, binary, missing, latin1, latin1_bom, blank, empty, good}, diagnostics);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].uri == good);
  REQUIRE(diagnostics.size() == 7);
  // Diagnostic::to_string() is not called here: GCC 12 -O3 raises a false -Wrestrict inside it
  // (see the report); source and message are what it joins.
  CHECK(diagnostics[0].source == utf16);
  CHECK(diagnostics[0].message ==
        "UTF-16 is not supported; convert to UTF-8 (for example iconv -f UTF-16 -t UTF-8)");
  CHECK(diagnostics[1].source == binary);
  // A GIF: named as an image with the OCR hint (tests/hardening has the bare NUL byte case).
  CHECK(
      diagnostics[1].message ==
      "an image, not text: run OCR first, e.g. tesseract FILE out (or ocrmypdf for a scanned PDF)");
  CHECK(diagnostics[2].source == missing);
  CHECK_THAT(diagnostics[2].message, Catch::Contains("No such file or directory"));
  CHECK(diagnostics[3].source == latin1);
  CHECK_THAT(diagnostics[3].message, Catch::StartsWith("not valid UTF-8 at byte offset 3;"));
  // The offset counts the byte order mark: it is where the byte is in the file.
  CHECK_THAT(diagnostics[4].message, Catch::StartsWith("not valid UTF-8 at byte offset 5;"));
  CHECK(diagnostics[5].source == blank);
  CHECK(diagnostics[5].message == "no text (empty or only whitespace)");
  CHECK(diagnostics[6].source == empty);
  CHECK(diagnostics[6].message == "no text (empty or only whitespace)");
  for (const Diagnostic& d : diagnostics) CHECK(d.line == 0);
}

TEST_CASE("documents above the size limit are reported and skipped", "[ingest]") {
  TempDir dir;
  const std::string big = dir.write("big.txt", std::string(100, 'x'));
  const std::string small = dir.write("small.txt", std::string(10, 'y'));
  ReadOptions options;
  options.max_document_bytes = 50;
  Diagnostics diagnostics;
  const auto docs = read_all({big, small}, diagnostics, options);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].uri == small);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].source == big);
  CHECK_THAT(diagnostics[0].message, Catch::StartsWith("larger than the 50-byte document limit"));
}

TEST_CASE("the title skips leading debris lines, also when debris is not marked at read time",
          "[ingest]") {
  TempDir dir;
  const std::string path = dir.write("page.txt", "Download\n\nTaking ties forward\nBy a writer\n");
  Diagnostics diagnostics;
  auto docs = read_all({path}, diagnostics);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].title == "Taking ties forward");
  CHECK(docs[0].excluded == std::vector<ByteSpan>{{0, 8}});

  ReadOptions raw;
  raw.mark_debris = false;  // as skein ingest reads (the pipeline marks debris later)
  docs = read_all({path}, diagnostics, raw);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].title == "Taking ties forward");
  CHECK(docs[0].excluded.empty());
}

TEST_CASE("an input list with nothing readable ends without throwing", "[ingest]") {
  Diagnostics diagnostics;
  DocumentSource source({"/nonexistent/skein/a.txt", "/nonexistent/skein/dir/"});
  CHECK_FALSE(source.next(diagnostics).has_value());
  CHECK_FALSE(source.next(diagnostics).has_value());  // stays exhausted
  CHECK(diagnostics.size() == 2);
}

TEST_CASE("a settled plain-text file carries its size and mtime, a fresh one and JSONL do not",
          "[ingest]") {
  TempDir dir;
  const std::string old_file = dir.write("old.txt", "Seoul talks resume.\n");
  set_mtime_ns(old_file, kLongAgo);
  const std::string fresh = dir.write("fresh.txt", "Written just now.\n");  // mtime: now
  const std::string lines = dir.write("lines.jsonl", "{\"text\":\"one\"}\n");
  set_mtime_ns(lines, kLongAgo);
  Diagnostics diagnostics;
  const auto docs = read_all({old_file, fresh, lines}, diagnostics);
  REQUIRE(diagnostics.empty());
  REQUIRE(docs.size() == 3);
  REQUIRE(docs[0].file_stamp.has_value());
  CHECK(*docs[0].file_stamp == FileStamp{20, kLongAgo});
  // Written within kStampSettleSeconds: a second same-size write in the same mtime tick could
  // not be told apart, so no stamp vouches for it.
  CHECK_FALSE(docs[1].file_stamp.has_value());
  CHECK_FALSE(docs[2].file_stamp.has_value());  // a JSON Lines record is not a whole file
}

TEST_CASE("a file the skip filter accepts is not read, not returned, and counted", "[ingest]") {
  //   root/a.txt  root/b.txt (skipped)  root/c.jsonl (2 records)  root/sub/d.txt; named e.txt
  TempDir dir;
  const std::string a = dir.write("root/a.txt", "Alpha text.");
  // b.txt holds a NUL byte: were it read, it would be a diagnostic.
  const std::string b_bytes("Bravo\0text, longer.", 19);
  const std::string b = dir.write("root/b.txt", b_bytes);
  const std::string c = dir.write("root/c.jsonl", "{\"text\":\"one\"}\n{\"text\":\"two\"}\n");
  const std::string d = dir.write("root/sub/d.txt", "Delta.");
  const std::string e = dir.write("e.txt", "Echo.");
  for (const std::string& path : {a, b, c, d, e}) set_mtime_ns(path, kLongAgo);

  std::vector<std::pair<std::string, FileStamp>> offered;
  ReadOptions options;
  options.skip_if_unchanged = [&](const std::string& uri, const FileStamp& stamp) {
    offered.emplace_back(uri, stamp);
    return uri == b;
  };
  DocumentSource source({dir.path("root"), e}, options);
  Diagnostics diagnostics;
  std::vector<std::string> uris;
  CHECK(source.skipped_unchanged() == 0);
  while (auto doc = source.next(diagnostics)) uris.push_back(doc->uri);
  CHECK(diagnostics.empty());  // b.txt was never opened
  CHECK(uris == std::vector<std::string>{a, c + "#L1", c + "#L2", d, e});
  CHECK(source.skipped_unchanged() == 1);
  // Every plain-text file is offered with its stat, the JSON Lines file never.
  REQUIRE(offered.size() == 4);
  CHECK(offered[0].first == a);
  CHECK(offered[1].first == b);
  CHECK(offered[1].second == FileStamp{static_cast<std::int64_t>(b_bytes.size()), kLongAgo});
  CHECK(offered[2].first == d);
  CHECK(offered[3].first == e);
  CHECK(offered[3].second == FileStamp{5, kLongAgo});
}

TEST_CASE("a failing skip filter stops next() with its own exception", "[ingest]") {
  TempDir dir;
  const std::string a = dir.write("a.txt", "Alpha.");
  ReadOptions options;
  options.skip_if_unchanged = [](const std::string&, const FileStamp&) -> bool {
    throw std::runtime_error("store is gone");
  };
  DocumentSource source({a}, options);
  Diagnostics diagnostics;
  CHECK_THROWS_WITH(source.next(diagnostics), "store is gone");  // not a per-file diagnostic
  CHECK(diagnostics.empty());
}

TEST_CASE("a named input that is not a regular file is never offered to the skip filter",
          "[ingest]") {
  // A device, a FIFO or stdin has no size and mtime that say anything about its content.
  bool asked = false;
  ReadOptions options;
  options.skip_if_unchanged = [&](const std::string&, const FileStamp&) {
    asked = true;
    return true;
  };
  DocumentSource source({"/dev/null"}, options);
  Diagnostics diagnostics;
  CHECK_FALSE(source.next(diagnostics).has_value());
  CHECK_FALSE(asked);
  CHECK(source.skipped_unchanged() == 0);
  REQUIRE(diagnostics.size() == 1);  // read, and found empty
  CHECK_THAT(diagnostics[0].message, Catch::Contains("no text"));
}
