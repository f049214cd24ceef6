// The hand-made BBC development gold (gold/bbc-dev/, docs/gold-format.md) must always load:
// a broken file would only be noticed when someone tunes against it. It points at the shared
// corpus (../shared/corpus/bbc) rather than copying the BBC's text.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "evaluate/GoldJsonlReader.h"

using namespace skein::evaluate;

namespace {

// The articles of one section ("business/050.txt" -> "business/050"), in FILES.txt order.
std::vector<std::string> listed_ids(const std::string& section) {
  std::ifstream in(SKEIN_SHARED_DIR "/dev-data/bbc-dev/FILES.txt");
  REQUIRE(in);
  std::vector<std::string> ids;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(section + "/", 0) == 0 && line.size() > 4)
      ids.push_back(line.substr(0, line.size() - 4));
  }
  return ids;
}

}  // namespace

TEST_CASE("every gold file under gold/bbc-dev loads without error", "[evaluate][gold]") {
  const std::filesystem::path dir = SKEIN_SOURCE_DIR "/gold/bbc-dev";
  REQUIRE(std::filesystem::is_directory(dir));
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".jsonl") continue;
    ++files;
    INFO(entry.path().string());
    const Dataset dataset = read_gold_jsonl(entry.path().string());
    for (const auto& gold : dataset.documents) {
      CHECK_FALSE(gold.mentions.empty());
    }
  }
  CHECK(files >= 1);
}

TEST_CASE("the business gold annotates the 57 business dev articles in FILES.txt order",
          "[evaluate][gold]") {
  const Dataset dataset = read_gold_jsonl(SKEIN_SOURCE_DIR "/gold/bbc-dev/business.jsonl");
  const auto expected = listed_ids("business");
  REQUIRE(expected.size() == 57);
  REQUIRE(dataset.documents.size() == 57);
  std::set<std::string> types;
  std::size_t optional = 0, coref = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const GoldDocument& gold = dataset.documents[i];
    CHECK(gold.document.id == expected[i]);
    // The text is the shared corpus file itself, so the offsets stay valid only while it does.
    CHECK(gold.document.uri.find("corpus/bbc/" + expected[i] + ".txt") != std::string::npos);
    CHECK_FALSE(gold.document.title.empty());
    for (const auto& relation : gold.relations) {
      types.insert(relation.type);
      optional += relation.optional;
      coref += relation.coref;
    }
  }
  CHECK(types == std::set<std::string>{"affiliated-with", "located-in", "met-with", "trades-with"});
  CHECK(optional > 0);
  CHECK(coref > 0);
}
