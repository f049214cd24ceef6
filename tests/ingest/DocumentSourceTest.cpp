#include <catch2/catch.hpp>

#include "TempDir.h"
#include "core/Sha256.h"
#include "ingest/DocumentSource.h"

using namespace skein;
using skein::ingest::DocumentSource;
using skein::ingest::ReadOptions;
using skein::testing::TempDir;

namespace {

std::vector<Document> read_all(std::vector<std::string> paths, Diagnostics& diagnostics, ReadOptions options = {}) {
  DocumentSource source(std::move(paths), options);
  std::vector<Document> documents;
  while (auto doc = source.next(diagnostics)) documents.push_back(std::move(*doc));
  return documents;
}

}  // namespace

TEST_CASE("a text file is read byte for byte with its hash, title and path", "[ingest]") {
  TempDir dir;
  const std::string bytes = "\n  \r\n  Seoul talks resume  \r\nWang Yi met Park Jin in Qingdao.\r\n\xE2\x80\x94 end";
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

TEST_CASE("unreadable documents are reported with path and reason and reading goes on", "[ingest]") {
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
  const auto docs = read_all({utf16, binary, missing, latin1, latin1_bom, blank, empty, good}, diagnostics);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].uri == good);
  REQUIRE(diagnostics.size() == 7);
  // Diagnostic::to_string() is not called here: GCC 12 -O3 raises a false -Wrestrict inside it
  // (see the report); source and message are what it joins.
  CHECK(diagnostics[0].source == utf16);
  CHECK(diagnostics[0].message == "UTF-16 is not supported; convert to UTF-8 (for example iconv -f UTF-16 -t UTF-8)");
  CHECK(diagnostics[1].source == binary);
  CHECK(diagnostics[1].message == "contains a NUL byte at byte offset 6: a binary file, not text");
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

TEST_CASE("the title skips leading debris lines", "[ingest]") {
  TempDir dir;
  const std::string path = dir.write("page.txt", "Download\n\nTaking ties forward\nBy a writer\n");
  Diagnostics diagnostics;
  auto docs = read_all({path}, diagnostics);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].title == "Taking ties forward");
  CHECK(docs[0].excluded == std::vector<ByteSpan>{{0, 8}});

  ReadOptions raw;
  raw.mark_debris = false;
  docs = read_all({path}, diagnostics, raw);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].title == "Download");
  CHECK(docs[0].excluded.empty());
}

TEST_CASE("an input list with nothing readable ends without throwing", "[ingest]") {
  Diagnostics diagnostics;
  DocumentSource source({"/nonexistent/skein/a.txt", "/nonexistent/skein/dir/"});
  CHECK_FALSE(source.next(diagnostics).has_value());
  CHECK_FALSE(source.next(diagnostics).has_value());  // stays exhausted
  CHECK(diagnostics.size() == 2);
}
