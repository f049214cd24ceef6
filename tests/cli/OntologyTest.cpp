// The ontology (schema/*.rules, or the folder --rules names) is the one home of relation
// symmetry: the store files a type as the ontology that wrote it declares, and knows no
// symmetric type of its own.
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "CliRunner.h"

namespace skein::testing {
namespace {

// One `skein load` line: persons "Ada Lim" and "Bo Tan", and one relation of `type` from
// `source` to `target` (person keys), supported by the whole text.
std::string document_line(const std::string& uri, const std::string& type,
                          const std::string& source, const std::string& target) {
  const std::string text = "Ada Lim and Bo Tan signed.";
  return "{\"document\":{\"uri\":\"" + uri + "\",\"text\":\"" + text +
         "\"},\"entities\":[{\"id\":\"Person:ada lim\",\"label\":\"Person\",\"name\":\"Ada Lim\","
         "\"mentions\":[{\"start\":0,\"end\":7,\"text\":\"Ada Lim\"}]},{\"id\":\"Person:bo tan\","
         "\"label\":\"Person\",\"name\":\"Bo Tan\",\"mentions\":[{\"start\":12,\"end\":18,"
         "\"text\":\"Bo Tan\"}]}],\"relations\":[{\"type\":\"" +
         type + "\",\"source\":\"Person:" + source + "\",\"target\":\"Person:" + target +
         "\",\"evidence\":[{\"start\":0,\"end\":" + std::to_string(text.size()) +
         ",\"rule\":\"test\",\"text\":\"" + text + "\",\"confidence\":0.7}]}]}\n";
}

// The same relation stated both ways round, in two documents.
std::string both_ways(const std::string& type) {
  return document_line("a.txt", type, "ada lim", "bo tan") +
         document_line("b.txt", type, "bo tan", "ada lim");
}

struct Stored {
  std::string type;
  bool symmetric;
};

std::vector<Stored> relations(const TempDir& dir, const std::string& db) {
  const auto result = run_skein("relations --json --limit 0 --db " + db, dir.path());
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  rapidjson::Document json;
  json.Parse(result.out.c_str());
  REQUIRE_FALSE(json.HasParseError());
  std::vector<Stored> out;
  for (const auto& relation : json["relations"].GetArray()) {
    out.push_back({relation["type"].GetString(), relation["symmetric"].GetBool()});
  }
  return out;
}

// A copy of the bundled rules folder with `extra` appended to its ontology.
void write_rules(const TempDir& dir, const std::string& extra) {
  std::filesystem::create_directories(dir / "rules");
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "schema")) {
    if (entry.path().extension() == ".rules") {
      std::filesystem::copy_file(entry.path(), dir / "rules" / entry.path().filename());
    }
  }
  std::ofstream(dir / "rules" / "ontology.rules", std::ios::app) << extra;
}

}  // namespace

TEST_CASE("a type the ontology declares symmetric is stored once per pair", "[cli]") {
  TempDir dir;
  write_rules(dir, "relation allied-with symmetric Person -- Person\n");
  dir.write("docs.jsonl", both_ways("allied-with"));
  const auto loaded = run_skein("load --db custom.db --rules rules docs.jsonl", dir.path());
  INFO(loaded.err);
  REQUIRE(loaded.exit_code == 0);
  const auto stored = relations(dir, "custom.db");
  REQUIRE(stored.size() == 1);
  CHECK(stored[0].type == "allied-with");
  CHECK(stored[0].symmetric);

  // The bundled ontology does not declare it: the same lines stay two directed relations.
  REQUIRE(run_skein("load --db bundled.db docs.jsonl", dir.path()).exit_code == 0);
  const auto directed = relations(dir, "bundled.db");
  REQUIRE(directed.size() == 2);
  CHECK_FALSE(directed[0].symmetric);
  CHECK_FALSE(directed[1].symmetric);
}

TEST_CASE("met-with is symmetric because the ontology says so, not the store", "[cli]") {
  TempDir dir;
  dir.write("docs.jsonl", both_ways("met-with"));
  REQUIRE(run_skein("load --db bundled.db docs.jsonl", dir.path()).exit_code == 0);
  const auto bundled = relations(dir, "bundled.db");
  REQUIRE(bundled.size() == 1);
  CHECK(bundled[0].symmetric);

  // An ontology that declares met-with directed gets it directed in a new store.
  write_rules(dir, "");
  {
    std::ifstream in(dir / "rules" / "ontology.rules");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string from = "relation met-with        symmetric Person|Country|Organization --";
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(),
                 "relation met-with        directed  Person|Country|Organization ->");
    std::ofstream(dir / "rules" / "ontology.rules", std::ios::trunc) << text;
  }
  const auto loaded = run_skein("load --db directed.db --rules rules docs.jsonl", dir.path());
  INFO(loaded.err);
  REQUIRE(loaded.exit_code == 0);
  const auto directed = relations(dir, "directed.db");
  REQUIRE(directed.size() == 2);
  CHECK_FALSE(directed[0].symmetric);
  CHECK_FALSE(directed[1].symmetric);
}

}  // namespace skein::testing
