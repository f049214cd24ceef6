#include <catch2/catch.hpp>

#include "TempDir.h"
#include "core/Sha256.h"
#include "ingest/DocumentSource.h"

using namespace skein;
using skein::ingest::DocumentSource;
using skein::ingest::ReadOptions;
using skein::testing::TempDir;

namespace {

std::vector<Document> read_all(const std::string& path, Diagnostics& diagnostics,
                               ReadOptions options = {}) {
  DocumentSource source({path}, options);
  std::vector<Document> documents;
  while (auto doc = source.next(diagnostics)) documents.push_back(std::move(*doc));
  return documents;
}

}  // namespace

TEST_CASE("JSON Lines yield the good lines and report each bad one with its line number",
          "[ingest]") {
  TempDir dir;
  const std::string path = dir.write(
      "news.jsonl",
      R"({"id":"a1","title":" Talks ","text":"Wang Yi met Park Jin.","published":"2022-08-09T10:00:00+08:00"})"
      "\n"  // 1
      "\n"  // 2 blank
      R"({"text": "no closing brace")"
      "\n"  // 3
      R"({"title":"no text"})"
      "\n"  // 4
      R"(["an array"])"
      "\n"  // 5
      R"({"text":42})"
      "\n"       // 6
      "   \t\n"  // 7 blank
      R"({"text":"By url","url":"https://example.org/x","id":"u"})"
      "\n"  // 8
      R"({"text":"By line","published":"yesterday"})"
      "\n"  // 9
      R"({"text":"   "})"
      "\n"  // 10
      R"({"text":"Int id","id":17,"published":"20240229"})"
      "\n"  // 11
      R"({"text":"Bad title","title":["x"]})"
      "\n"  // 12
      R"({"text":"lone \udc00 surrogate"})"
      "\n"  // 13
      R"({"text":"nul \u0000 inside"})"
      "\n"                                               // 14
      "{\"text\":\"raw latin1 caf\xE9\"}\n"              // 15
      R"({"text":"last line, no newline","id":null})");  // 16
  Diagnostics diagnostics;
  const auto docs = read_all(path, diagnostics);

  REQUIRE(docs.size() == 5);
  CHECK(docs[0].id == "a1");
  CHECK(docs[0].uri == path + "#a1");
  CHECK(docs[0].title == "Talks");
  CHECK(docs[0].text == "Wang Yi met Park Jin.");
  CHECK(docs[0].sha256 == sha256_hex("Wang Yi met Park Jin."));
  CHECK(docs[0].published == "2022-08-09");
  CHECK(docs[1].uri == "https://example.org/x");
  CHECK(docs[1].id == "u");
  CHECK(docs[2].uri == path + "#L9");
  CHECK(docs[2].published.empty());
  CHECK(docs[2].title.empty());
  CHECK(docs[3].id == "17");
  CHECK(docs[3].uri == path + "#17");
  CHECK(docs[3].published == "2024-02-29");
  CHECK(docs[4].uri == path + "#L16");

  REQUIRE(diagnostics.size() == 9);
  const auto at = [&](std::size_t i, std::size_t line, const std::string& start) {
    CHECK(diagnostics[i].source == path);
    CHECK(diagnostics[i].line == line);
    CHECK_THAT(diagnostics[i].message, Catch::StartsWith(start));
  };
  at(0, 3, "invalid JSON at column");
  at(1, 4, "missing \"text\"");
  at(2, 5, "expected a JSON object");
  at(3, 6, "\"text\" must be a string");
  at(4, 10, "\"text\" is empty or only whitespace");
  at(5, 12, "\"title\" must be a string");
  at(6, 13, "\"text\" is not valid UTF-8");
  at(7, 14, "\"text\" contains a NUL character");
  at(8, 15, "invalid JSON at column");
}

TEST_CASE("JSON Lines accept CRLF endings, a byte order mark and every listed extension",
          "[ingest]") {
  TempDir dir;
  for (const std::string name : {"a.jsonl", "b.NDJSON", "c.json"}) {
    const std::string path =
        dir.write(name, "\xEF\xBB\xBF{\"text\":\"one\"}\r\n\r\n{\"text\":\"two\"}\r\n");
    Diagnostics diagnostics;
    const auto docs = read_all(path, diagnostics);
    INFO(name);
    CHECK(diagnostics.empty());
    REQUIRE(docs.size() == 2);
    CHECK(docs[0].text == "one");
    CHECK(docs[1].uri == path + "#L3");
  }
}

TEST_CASE("a JSON line longer than the limit is reported and the next line still read",
          "[ingest]") {
  TempDir dir;
  ReadOptions options;
  options.max_document_bytes = 100;  // lines may be up to 2 * 100 + 4096 bytes
  const std::string path =
      dir.write("long.jsonl", "{\"text\":\"" + std::string(5000, 'x') + "\"}\n" + "{\"text\":\"" +
                                  std::string(150, 'y') + "\"}\n" + "{\"text\":\"fits\"}\n");
  Diagnostics diagnostics;
  const auto docs = read_all(path, diagnostics, options);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].text == "fits");
  REQUIRE(diagnostics.size() == 2);
  CHECK(diagnostics[0].line == 1);
  CHECK_THAT(diagnostics[0].message, Catch::StartsWith("line longer than 4296 bytes"));
  CHECK(diagnostics[1].line == 2);
  CHECK_THAT(diagnostics[1].message, Catch::Contains("larger than the 100-byte document limit"));
}

TEST_CASE("JSON Lines documents get debris marked like text files", "[ingest]") {
  TempDir dir;
  const std::string path =
      dir.write("d.jsonl", R"({"text":"CFP\nXi met Yoon.\nShare this article"})"
                           "\n");
  Diagnostics diagnostics;
  const auto docs = read_all(path, diagnostics);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].excluded == std::vector<ByteSpan>{{0, 3}, {17, 35}});
}
