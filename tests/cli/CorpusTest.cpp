// The foundation's acceptance on real news: the BBC corpus (2,225 articles, at least one of
// them not valid UTF-8) is stored whole or reported file by file, and a second run changes
// nothing.

#include <rapidjson/document.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

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
  // The folder holds the 2,225 articles plus its README.TXT and SOURCE notes, which a folder
  // walk leaves out (named on the command line, or with --include, they are read).
  CHECK(field(stats_before, "documents") + static_cast<long long>(failures) == 2225);
  auto articles = run_skein("entities --json --limit 1", dir.path());  // store is readable
  CHECK(articles.exit_code == 0);
  CHECK(field(stats_before, "entities") > 1000);
  CHECK(field(stats_before, "relations") > 100);

  auto second = run_skein("ingest -q " + shell_quote(corpus.string()), dir.path());
  CHECK(second.out.find(" 0 new, 0 replaced") != std::string::npos);
  const auto stats_after = run_skein("stats --json", dir.path()).out;
  for (const char* table :
       {"documents", "entities", "aliases", "relations", "mentions", "evidence"}) {
    INFO(table);
    CHECK(field(stats_after, table) == field(stats_before, table));
  }
}

namespace {

// The graph of a store as sorted lines, independent of node ids and of which endpoint of a
// symmetric relation was stored first.
std::vector<std::string> graph_lines(const TempDir& dir, const std::string& db) {
  std::vector<std::string> lines;
  auto relations = run_skein("relations --json --limit 0 --db " + db, dir.path());
  REQUIRE(relations.exit_code == 0);
  rapidjson::Document json;
  json.Parse(relations.out.c_str());
  REQUIRE_FALSE(json.HasParseError());
  for (const auto& relation : json["relations"].GetArray()) {
    std::string source = relation["source"].GetString();
    std::string target = relation["target"].GetString();
    if (relation["symmetric"].GetBool() && target < source) std::swap(source, target);
    lines.push_back(std::string(relation["type"].GetString()) + " " + source + " " + target + " " +
                    std::to_string(relation["weight"].GetDouble()));
  }
  auto entities = run_skein("entities --json --limit 0 --db " + db, dir.path());
  json.Parse(entities.out.c_str());
  REQUIRE_FALSE(json.HasParseError());
  for (const auto& entity : json["entities"].GetArray()) {
    // The display name too: it must not depend on which document came first.
    lines.push_back(std::string(entity["id"].GetString()) + " " + entity["name"].GetString() + " " +
                    std::to_string(entity["mentions"].GetInt64()));
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

}  // namespace

TEST_CASE("shards ingested, extracted or merged in any order give the same graph as one ingest",
          "[cli][corpus]") {
  TempDir dir;
  const auto bbc = shared_dir() / "corpus" / "bbc";
  const auto business = shell_quote((bbc / "business").string());
  const auto tech = shell_quote((bbc / "tech").string());
  REQUIRE(run_skein("ingest -q --db all.db " + business + " " + tech, dir.path()).exit_code == 0);
  const auto expected = graph_lines(dir, "all.db");
  REQUIRE(expected.size() > 100);

  SECTION("merging shard stores, later shard first") {
    REQUIRE(run_skein("ingest -q --db tech.db " + tech, dir.path()).exit_code == 0);
    REQUIRE(run_skein("ingest -q --db business.db " + business, dir.path()).exit_code == 0);
    auto merged = run_skein("merge tech.db business.db -o merged.db", dir.path());
    INFO(merged.err);
    REQUIRE(merged.exit_code == 0);
    CHECK(graph_lines(dir, "merged.db") == expected);
  }
  SECTION("loading extracted shards in reverse order") {
    REQUIRE(run_skein("extract -o tech.jsonl " + tech, dir.path()).exit_code == 0);
    REQUIRE(run_skein("extract -o business.jsonl " + business, dir.path()).exit_code == 0);
    auto loaded = run_skein("load --db loaded.db tech.jsonl business.jsonl", dir.path());
    INFO(loaded.err);
    REQUIRE(loaded.exit_code == 0);
    CHECK(graph_lines(dir, "loaded.db") == expected);
  }
  SECTION("GNU parallel running the map step in shards, then load (docs/SCALE.md)") {
    // 40 files per job, two jobs at a time; shard files are loaded in whatever order ls gives.
    const std::string skein = shell_quote(SKEIN_BINARY);
    const std::string map_step = "find " + business + " " + tech +
                                 " -type f -name '*.txt' | sort | "
                                 "parallel --will-cite -j 2 -n 40 " +
                                 skein + " extract -o shard-{#}.jsonl {} && " + skein +
                                 " load --db sharded.db shard-*.jsonl";
    auto status = std::system(
        ("cd " + shell_quote(dir.path().string()) + " && { " + map_step + "; } >/dev/null 2>&1")
            .c_str());
    REQUIRE(status == 0);
    CHECK(graph_lines(dir, "sharded.db") == expected);
  }
  SECTION("ingesting the folders in the other order") {
    REQUIRE(
        run_skein("ingest -q --db reversed.db " + tech + " " + business, dir.path()).exit_code ==
        0);
    CHECK(graph_lines(dir, "reversed.db") == expected);
  }
  SECTION("names unknown to the knowledge files are one node across documents") {
    // No key depends on the document, and "Home Office" (named in several business and tech
    // articles) is one node.
    auto entities = run_skein("entities --json --limit 0 --db all.db", dir.path());
    rapidjson::Document json;
    json.Parse(entities.out.c_str());
    REQUIRE_FALSE(json.HasParseError());
    std::map<std::string, int> nodes_per_name;
    for (const auto& entity : json["entities"].GetArray()) {
      const std::string id = entity["id"].GetString();
      CHECK(id.find("@doc:") == std::string::npos);
      ++nodes_per_name[std::string(entity["label"].GetString()) + " " + entity["name"].GetString()];
    }
    CHECK(nodes_per_name["Place London"] == 1);
  }
  SECTION("ingesting with one or two extraction threads") {
    REQUIRE(run_skein("ingest -q --jobs 2 --db two.db " + business + " " + tech, dir.path())
                .exit_code == 0);
    CHECK(graph_lines(dir, "two.db") == expected);
  }
}

TEST_CASE("merge refuses to overwrite an existing store or merge a store into itself", "[cli]") {
  TempDir dir;
  dir.write("a.txt", "Talks\n\nJapan exports cars to Germany.\n");
  REQUIRE(run_skein("ingest -q --db a.db a.txt", dir.path()).exit_code == 0);
  CHECK(run_skein("merge a.db -o a.db", dir.path()).exit_code == 1);
  REQUIRE(run_skein("ingest -q --db b.db a.txt", dir.path()).exit_code == 0);
  auto existing = run_skein("merge a.db -o b.db", dir.path());
  CHECK(existing.exit_code == 1);
  CHECK(existing.err.find("b.db exists") != std::string::npos);
  CHECK(run_skein("merge a.db -o c.db", dir.path()).exit_code == 0);
}
