// The reference outputs in exports/<format>/reference/ are what scripts/export-examples.sh
// makes from examples/ with the skein binary. This test runs that script with the binary just
// built into a scratch directory and compares every file byte for byte, so a change to a
// writer (or to extraction) that is not followed by regenerating the references fails here.

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <set>

#include "ExportTestSupport.h"

namespace fs = std::filesystem;
using namespace skein::exporters;

TEST_CASE("The reference exports in exports/ are what the current binary makes from examples/",
          "[exporters][reference]") {
  const std::string binary = SKEIN_BINARY;
  REQUIRE_FALSE(binary.empty());
  test::ScratchDir dir("reference");
  const std::string source = SKEIN_SOURCE_DIR;
  const auto result = test::run_process("SKEIN=" + test::shell_quote(binary) + " " +
                                        test::shell_quote(source + "/scripts/export-examples.sh") +
                                        " " + test::shell_quote(dir.path().string()));
  INFO(result.errors);
  REQUIRE(result.status == 0);
  std::size_t compared = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir.path())) {
    if (!entry.is_regular_file()) continue;
    const auto relative = fs::relative(entry.path(), dir.path());
    const auto reference = fs::path(source) / "exports" / relative;
    INFO("stale reference: " << reference.string()
                             << " (regenerate with scripts/export-examples.sh)");
    REQUIRE(fs::exists(reference));
    CHECK(test::read_file(reference.string()) == test::read_file(entry.path().string()));
    ++compared;
  }
  CHECK(compared >= 12);
}

TEST_CASE("Kuzu's shortest paths over the exported CSVs are the ones `skein path` finds",
          "[exporters][clients][cli]") {
  const std::string binary = SKEIN_BINARY;
  REQUIRE_FALSE(binary.empty());
  test::ScratchDir dir("cli-path");
  const std::string source = SKEIN_SOURCE_DIR;
  const std::string db = test::shell_quote(dir / "examples.db");
  const std::string skein = test::shell_quote(binary) + " --db " + db + " ";
  auto ingest = test::run_process("cd " + test::shell_quote(source) + " && " + skein +
                                  "ingest examples/articles");
  INFO(ingest.errors);
  REQUIRE(ingest.status == 0);
  auto exported = test::run_process(skein + "export neo4j -o " + test::shell_quote(dir / "neo4j"));
  INFO(exported.errors);
  REQUIRE(exported.status == 0);

  // Pairs across the biggest component of the examples (Seoul talks, Vietnam trade, ...).
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"Han Ji-woo", "France"}, {"Claire Moreau", "Vietnam"}, {"Seoul", "Germany"}};
  std::size_t compared = 0;
  for (const auto& [from, to] : pairs) {
    auto path = test::run_process(skein + "path " + test::shell_quote(from) + " " +
                                  test::shell_quote(to) + " --all --max-hops 0 --json");
    INFO(from << " -> " << to << ": " << path.errors);
    REQUIRE(path.status == 0);
    rapidjson::Document cli;
    cli.Parse(path.output.c_str());
    REQUIRE_FALSE(cli.HasParseError());
    if (cli["paths"].Empty()) continue;  // extraction may not join these (yet): nothing to compare
    std::set<std::vector<std::int64_t>> cli_paths;
    for (const auto& p : cli["paths"].GetArray()) {
      std::vector<std::int64_t> ids;
      for (const auto& node : p["nodes"].GetArray()) ids.push_back(node["id"].GetInt64());
      cli_paths.insert(ids);
    }
    const auto first = *cli_paths.begin();
    std::string from_id = "#",
                to_id = "#";  // appended: `"#" + std::string&&` trips GCC 12 -Wrestrict
    from_id += std::to_string(first.front());
    to_id += std::to_string(first.back());
    auto kuzu = test::run_node("load_kuzu.js", {dir / "neo4j", from_id, to_id});
    INFO(kuzu.errors);
    REQUIRE(kuzu.status == 0);
    rapidjson::Document json;
    json.Parse(kuzu.output.c_str());
    REQUIRE_FALSE(json.HasParseError());
    std::set<std::vector<std::int64_t>> kuzu_paths;
    for (const auto& p : json["allPaths"].GetArray()) {
      std::vector<std::int64_t> ids;
      for (const auto& id : p.GetArray()) ids.push_back(id.GetInt64());
      kuzu_paths.insert(ids);
    }
    if (!cli["truncated"].GetBool()) {
      CHECK(kuzu_paths == cli_paths);
    } else {
      for (const auto& ids : cli_paths) CHECK(kuzu_paths.count(ids) == 1);
    }
    ++compared;
  }
  CHECK(compared >= 1);
}
