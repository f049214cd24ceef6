// The foundation's acceptance on real news: the BBC corpus (2,225 articles, at least one of
// them not valid UTF-8) is stored whole or reported file by file, and a second run changes
// nothing.

#include <rapidjson/document.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <regex>
#include <sstream>

#include "CliRunner.h"

using skein::testing::run_skein;
using skein::testing::shared_dir;
using skein::testing::shell_quote;
using skein::testing::TempDir;

namespace {

long long field(const std::string& json, const char* name) {
  rapidjson::Document document;
  document.Parse(json.c_str());
  REQUIRE_FALSE(document.HasParseError());
  return document[name].GetInt64();
}

std::size_t count_lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST_CASE("the BBC corpus is stored or reported document by document, and re-ingest adds nothing",
          "[cli][corpus]") {
  TempDir dir;
  const auto corpus = shared_dir() / "corpus" / "bbc";
  REQUIRE(std::filesystem::is_directory(corpus));

  auto first = run_skein("ingest -q " + shell_quote(corpus.string()), dir.path());
  // Every failure is one line naming the file that could not be read.
  const std::size_t failures = count_lines(first.err);
  std::regex failure_line(R"(skein ingest: .*/bbc/[a-z]+/[0-9]+\.txt: .+)");
  std::istringstream lines(first.err);
  for (std::string line; std::getline(lines, line);) {
    INFO(line);
    CHECK(std::regex_match(line, failure_line));
  }
  CHECK(first.exit_code == (failures > 0 ? 2 : 0));

  const auto stats_before = run_skein("stats --json", dir.path()).out;
  // The folder holds the 2,225 articles plus its README.TXT and SOURCE notes, which are text
  // files too and are stored like any other.
  CHECK(field(stats_before, "documents") + static_cast<long long>(failures) == 2225 + 2);
  auto articles = run_skein("entities --json --limit 1", dir.path());  // store is readable
  CHECK(articles.exit_code == 0);
  CHECK(field(stats_before, "entities") > 1000);
  CHECK(field(stats_before, "relations") > 100);

  auto second = run_skein("ingest -q " + shell_quote(corpus.string()), dir.path());
  CHECK(second.out.find(" 0 new, 0 replaced") != std::string::npos);
  const auto stats_after = run_skein("stats --json", dir.path()).out;
  for (const char* table : {"documents", "entities", "aliases", "relations", "mentions", "evidence"}) {
    INFO(table);
    CHECK(field(stats_after, table) == field(stats_before, table));
  }
}
