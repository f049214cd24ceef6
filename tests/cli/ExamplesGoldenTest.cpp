// Golden tests on the bundled examples: the graph extracted from examples/articles is pinned
// in examples/expected/graph.txt (every entity and every relation with its weight and basis),
// and extraction quality against the hand-made annotations in examples/gold.jsonl must not fall
// below the floors measured when they were pinned.
//
// After an intended change to extraction, regenerate the pinned graph with
//   SKEIN_UPDATE_GOLDEN=1 build/tests/cli/skein_cli_tests '[golden]'
// and review the diff of examples/expected/graph.txt like any other change.

#include <rapidjson/document.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "CliRunner.h"

using skein::testing::run_skein;
using skein::testing::shell_quote;
using skein::testing::source_dir;
using skein::testing::TempDir;

namespace {

rapidjson::Document parse(const std::string& text) {
  rapidjson::Document json;
  json.Parse(text.c_str());
  REQUIRE_FALSE(json.HasParseError());
  return json;
}

std::string fixed(double value) {
  std::ostringstream out;
  out.precision(3);
  out << std::fixed << value;
  return out.str();
}

// One line per entity ("entity <id> <label> <name>") and per relation ("relation <type>
// <source> <-> or -> <target> weight <w> confidence <c> <basis>"), sorted: independent of
// node ids and of which end of a symmetric relation was stored first.
std::string graph_text(const TempDir& dir) {
  std::vector<std::string> lines;
  auto entities = parse(run_skein("entities --json --limit 0", dir.path()).out);
  for (const auto& entity : entities["entities"].GetArray()) {
    lines.push_back(std::string("entity ") + entity["id"].GetString() + " " +
                    entity["label"].GetString() + " " + entity["name"].GetString());
  }
  auto relations = parse(run_skein("relations --json --limit 0", dir.path()).out);
  for (const auto& relation : relations["relations"].GetArray()) {
    std::string source = relation["source"].GetString();
    std::string target = relation["target"].GetString();
    const bool symmetric = relation["symmetric"].GetBool();
    if (symmetric && target < source) std::swap(source, target);
    std::string basis = relation["text_basis"].GetBool() ? "text" : "";
    if (relation["knowledge_basis"].GetBool()) basis += basis.empty() ? "knowledge" : "+knowledge";
    lines.push_back("relation " + std::string(relation["type"].GetString()) + " " + source +
                    (symmetric ? " <-> " : " -> ") + target + " weight " +
                    fixed(relation["weight"].GetDouble()) + " confidence " +
                    fixed(relation["confidence"].GetDouble()) + " " + basis);
  }
  std::sort(lines.begin(), lines.end());
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  return text;
}

}  // namespace

TEST_CASE("the examples give exactly the pinned graph", "[cli][golden]") {
  TempDir dir;
  const auto articles = source_dir() / "examples" / "articles";
  auto ingest = run_skein("ingest -q " + shell_quote(articles.string()), dir.path());
  INFO(ingest.err);
  REQUIRE(ingest.exit_code == 0);
  const std::string actual = graph_text(dir);
  const auto pinned_path = source_dir() / "examples" / "expected" / "graph.txt";
  const char* update = std::getenv("SKEIN_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(pinned_path, std::ios::binary) << actual;
    WARN("rewrote " << pinned_path.string());
  }
  std::ifstream in(pinned_path, std::ios::binary);
  REQUIRE(in.good());
  const std::string pinned((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // Compare line sets first so a failure names the lines that differ.
  auto split = [](const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);) lines.push_back(line);
    return lines;
  };
  const auto want = split(pinned);
  const auto got = split(actual);
  std::vector<std::string> missing, unexpected;
  std::set_difference(want.begin(), want.end(), got.begin(), got.end(),
                      std::back_inserter(missing));
  std::set_difference(got.begin(), got.end(), want.begin(), want.end(),
                      std::back_inserter(unexpected));
  INFO("pinned but not extracted: " << missing.size()
                                    << ", extracted but not pinned: " << unexpected.size());
  for (const auto& line : missing) UNSCOPED_INFO("- " << line);
  for (const auto& line : unexpected) UNSCOPED_INFO("+ " << line);
  CHECK(missing.empty());
  CHECK(unexpected.empty());
}

TEST_CASE("extraction quality on the examples stays above its floors", "[cli][golden]") {
  TempDir dir;
  const auto gold = source_dir() / "examples" / "gold.jsonl";
  auto result = run_skein("eval --json --format gold " + shell_quote(gold.string()), dir.path());
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  auto report = parse(result.out);
  const double entity_f1 = report["entities"]["micro"]["strict"]["f1"].GetDouble();
  const double relation_precision = report["relations"]["micro"]["strict"]["precision"].GetDouble();
  const double relation_f1 = report["relations"]["micro"]["strict"]["f1"].GetDouble();
  // Floors a little under the figures when pinned. With the rules alone: entity F1 0.914,
  // relation precision 0.944, relation F1 0.773. With the learned "ner" component in the
  // default pipeline (it gains 0.15 entity F1 on the CoNLL-2003 dev split, 0.06 on CoNLL04 and
  // 0.09 on GUM, data the rules were never tuned on) these examples, the rules' own tuning set,
  // read entity F1 0.877, relation precision 0.842 and relation F1 0.711: the model splits or
  // mislabels some title-heavy names ("Ibarra" as an organisation), and their relations follow.
  CHECK(entity_f1 >= 0.86);
  CHECK(relation_precision >= 0.82);
  CHECK(relation_f1 >= 0.65);
}
