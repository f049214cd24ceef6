#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "core/Error.h"
#include "evaluate/Conll04Reader.h"

using namespace skein::evaluate;

namespace {

// orig_id 1954 of conll04_dev.json, verbatim.
const std::string kMorganCity = R"([{"tokens": ["Ten", "oil", "workers", "were", "missing", "off",
 "Morgan", "City", ",", "La.", ",", "after", "their", "rig", "capsized", "while", "heading",
 "inland", "Monday", "to", "escape", "the", "storm."],
 "tags": ["O", "O", "O", "O", "O", "O", "B-Loc", "L-Loc", "O", "U-Loc", "O", "O", "O", "O", "O",
 "O", "O", "O", "O", "O", "O", "O", "O"],
 "relations": [{"head": 0, "tail": 1, "type": "Located_In"}], "orig_id": 1954}])";

std::string error_of(const std::string& json) {
  try {
    parse_conll04(json, "dev.json");
  } catch (const skein::InputError& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("CoNLL04 tokens are joined by single spaces and BILOU tags become byte spans",
          "[evaluate]") {
  const Dataset dataset = parse_conll04(kMorganCity, "/data/conll04_dev.json");
  REQUIRE(dataset.documents.size() == 1);
  const GoldDocument& gold = dataset.documents[0];
  CHECK(gold.document.text ==
        "Ten oil workers were missing off Morgan City , La. , after their rig capsized while "
        "heading inland Monday to escape the storm.");
  CHECK(gold.document.uri == "conll04_dev.json#1954");
  CHECK(gold.document.sha256.size() == 64);
  REQUIRE(gold.mentions.size() == 2);
  // "Ten oil workers were missing off " is 33 bytes.
  CHECK(gold.mentions[0].span == skein::ByteSpan{33, 44});
  CHECK(gold.mentions[0].name == "Morgan City");
  CHECK(gold.mentions[0].label == "Location");
  CHECK(gold.mentions[1].span == skein::ByteSpan{47, 50});
  CHECK(gold.mentions[1].name == "La.");
  REQUIRE(gold.relations.size() == 1);
  CHECK(gold.relations[0].type == "located-in");
  CHECK(gold.relations[0].original_type == "Located_In");
  CHECK(gold.relations[0].source == gold.mentions[0].group);
  CHECK(gold.relations[0].target == gold.mentions[1].group);
  // Loc is scored as Location, which accepts either Skein label.
  REQUIRE(dataset.class_of("Country") != nullptr);
  CHECK(dataset.class_of("Country")->name == "Location");
  CHECK(dataset.class_of("Place")->name == "Location");
  CHECK(dataset.class_of("Title") == nullptr);
}

TEST_CASE(
    "a sentence's full stop glued to a gold span's last word is trimmed, an abbreviation's is not",
    "[evaluate]") {
  const std::string json = R"([
 {"tokens": ["He", "lives", "near", "Boise."], "tags": ["O", "O", "O", "U-Loc"], "orig_id": 1},
 {"tokens": ["He", "lives", "in", "Omaha", ",", "Neb."], "tags": ["O", "O", "O", "U-Loc", "O", "U-Loc"], "orig_id": 2},
 {"tokens": ["She", "went", "to", "the", "U.S."], "tags": ["O", "O", "O", "O", "U-Loc"], "orig_id": 3},
 {"tokens": ["Near", "Boise.", "It", "is", "hot", "."], "tags": ["O", "U-Loc", "O", "O", "O", "O"], "orig_id": 4}])";
  const Dataset dataset = parse_conll04(json, "dev.json");
  REQUIRE(dataset.documents.size() == 4);
  CHECK_FALSE(dataset.span_normalization.empty());
  CHECK_FALSE(dataset.scores_demonyms);
  const GoldMention& boise = dataset.documents[0].mentions[0];
  CHECK(boise.name == "Boise");
  CHECK(boise.span == skein::ByteSpan{14, 19});
  CHECK(boise.as_written == skein::ByteSpan{14, 20});
  // A state abbreviation and a dotted form keep their period.
  const GoldMention& neb = dataset.documents[1].mentions[1];
  CHECK(neb.name == "Neb.");
  CHECK(neb.span == neb.as_written);
  CHECK(dataset.documents[2].mentions[0].name == "U.S.");
  // An item may hold two sentences: the first one's full stop is trimmed too.
  CHECK(dataset.documents[3].mentions[0].name == "Boise");
}

TEST_CASE("CoNLL04 relation indexes count Other entities but Other is not scored", "[evaluate]") {
  // Entities in order: 0 John Smith (Peop), 1 Newsweek (Other), 2 Boston (Loc), 3 Acme Corp (Org)
  const std::string json = R"([{"tokens": ["John", "Smith", "read", "Newsweek", "in", "Boston",
    "at", "Acme", "Corp", "."],
    "tags": ["B-Peop", "L-Peop", "O", "U-Other", "O", "U-Loc", "O", "B-Org", "L-Org", "O"],
    "relations": [{"head": 0, "tail": 2, "type": "Live_In"}, {"head": 3, "tail": 2, "type": "OrgBased_In"},
                  {"head": 0, "tail": 3, "type": "Work_For"}], "orig_id": 7}])";
  const Dataset dataset = parse_conll04(json, "x.json");
  const GoldDocument& gold = dataset.documents.at(0);
  REQUIRE(gold.mentions.size() == 3);
  REQUIRE(gold.unscored.size() == 1);
  CHECK(gold.unscored[0].label == "Other");
  CHECK(gold.document.text.substr(gold.unscored[0].span.start, gold.unscored[0].span.size()) ==
        "Newsweek");
  auto name_of_group = [&](std::size_t group) {
    for (const auto& m : gold.mentions) {
      if (m.group == group) return m.name;
    }
    return std::string("?");
  };
  REQUIRE(gold.relations.size() == 3);
  CHECK(gold.relations[0].type == "Live_In");
  CHECK(name_of_group(gold.relations[0].source) == "John Smith");
  CHECK(name_of_group(gold.relations[0].target) == "Boston");
  CHECK(gold.relations[1].type == "located-in");
  CHECK(gold.relations[1].original_type == "OrgBased_In");
  CHECK(name_of_group(gold.relations[1].source) == "Acme Corp");
  CHECK(gold.relations[2].type == "affiliated-with");
  CHECK(name_of_group(gold.relations[2].target) == "Acme Corp");
  CHECK_FALSE(dataset.relation_type("Live_In")->covered);
  CHECK(dataset.relation_type("located-in")->covered);
}

TEST_CASE("malformed CoNLL04 input is an error naming the file and the place", "[evaluate]") {
  CHECK(error_of("[\n{\"tokens\": [\"a\"],\n \"tags\": [\"O\"],,\n}]") ==
        "dev.json:3: invalid JSON: Missing a name for object member.");
  CHECK(error_of(R"([{"tokens": ["a", "b"], "tags": ["O"], "orig_id": 4}])") ==
        "dev.json: sentence 0 (orig_id 4): tokens and tags differ in length (2 vs 1)");
  CHECK(error_of(R"([{"tokens": ["a", "b"], "tags": ["O", "I-Loc"], "orig_id": 4}])") ==
        "dev.json: sentence 0 (orig_id 4): tags[1]: I-Loc does not continue an entity of type Loc");
  CHECK(error_of(R"([{"tokens": ["a", "b"], "tags": ["B-Loc", "L-Org"]}])") ==
        "dev.json: sentence 0: tags[1]: L-Org does not continue an entity of type Org");
  CHECK(error_of(R"([{"tokens": ["a"], "tags": ["B-Loc"]}])") ==
        "dev.json: sentence 0: the last entity is not closed by L-");
  CHECK(error_of(R"([{"tokens": ["a"], "tags": ["U-Misc"]}])") ==
        "dev.json: sentence 0: tags[0]: unknown entity type 'Misc'");
  CHECK(
      error_of(
          R"([{"tokens": ["a"], "tags": ["U-Loc"], "relations": [{"head": 0, "tail": 1, "type": "Located_In"}]}])") ==
      "dev.json: sentence 0: relations[0]: entity index out of range (the sentence has 1 "
      "entities)");
  CHECK(
      error_of(
          R"([{"tokens": ["a", "b"], "tags": ["U-Loc", "U-Loc"], "relations": [{"head": 0, "tail": 1, "type": "Near"}]}])") ==
      "dev.json: sentence 0: relations[0]: unknown relation type 'Near'");
  CHECK(error_of(R"({"tokens": []})") == "dev.json: expected a JSON list of sentences");
}

TEST_CASE("the CoNLL04 dev split reads with the documented counts", "[evaluate]") {
  const Dataset dataset = read_conll04(SKEIN_SHARED_DIR "/dev-data/conll04/conll04_dev.json");
  CHECK(dataset.documents.size() == 231);
  std::map<std::string, std::size_t> mentions, relations;
  std::size_t unscored = 0;
  for (const auto& gold : dataset.documents) {
    for (const auto& m : gold.mentions) ++mentions[m.label];
    for (const auto& r : gold.relations) ++relations[r.original_type];
    unscored += gold.unscored.size();
  }
  // B- plus U- tags per type in the file.
  CHECK(mentions["Person"] == 283);
  CHECK(mentions["Organization"] == 170);
  CHECK(mentions["Location"] == 322);
  CHECK(unscored == 118);
  CHECK(relations["Located_In"] == 65);
  CHECK(relations["OrgBased_In"] == 76);
  CHECK(relations["Work_For"] == 69);
  CHECK(relations["Live_In"] == 91);
  CHECK(relations["Kill"] == 42);
  // Gold spans ending in a sentence's full stop ("Boise."), trimmed by the reader; the
  // abbreviations ("Mich.", "Jr.") and dotted forms keep theirs.
  std::size_t trimmed = 0;
  for (const auto& gold : dataset.documents) {
    for (const auto& m : gold.mentions) trimmed += m.span != m.as_written;
  }
  CHECK(trimmed == 23);
}

TEST_CASE("a missing CoNLL04 file is an input error naming it", "[evaluate]") {
  CHECK_THROWS_WITH(read_conll04("/nonexistent/c.json"), "/nonexistent/c.json: cannot open file");
}
