#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "core/Error.h"
#include "evaluate/GoldJsonlReader.h"

using namespace skein::evaluate;

namespace {

std::string error_of(const std::string& content) {
  try {
    parse_gold_jsonl(content, "gold.jsonl", ".");
  } catch (const skein::InputError& error) {
    return error.what();
  }
  return "no error";
}

std::string span_text(const GoldDocument& gold, const GoldMention& mention) {
  return gold.document.text.substr(mention.span.start, mention.span.size());
}

}  // namespace

TEST_CASE("gold entities anchored by text are found in order, as whole words", "[evaluate]") {
  // "Moreau" first occurs inside "Moreaux": the whole-word rule must skip it.
  const std::string line =
      R"({"id": "a", "text": "The Moreaux farm. Moreau met José Álvarez in Kraków. President Moreau left.",)"
      R"( "entities": [{"text": "Moreau", "label": "Person"},)"
      R"( {"text": "José Álvarez", "label": "Person"}, {"text": "Kraków", "label": "Place"},)"
      R"( {"text": "President Moreau", "label": "Person", "name": "Moreau"}],)"
      R"( "relations": [{"type": "met-with", "source": "Moreau", "target": 1},)"
      R"( {"type": "located-in", "source": 1, "target": "Kraków"}]})";
  const Dataset dataset = parse_gold_jsonl("\n" + line + "\n", "gold.jsonl", ".");
  REQUIRE(dataset.documents.size() == 1);
  const GoldDocument& gold = dataset.documents[0];
  CHECK(gold.line == 2);
  CHECK(gold.document.uri == "gold.jsonl#a");
  REQUIRE(gold.mentions.size() == 4);
  CHECK(span_text(gold, gold.mentions[0]) == "Moreau");
  CHECK(gold.mentions[0].span.start == 18);
  CHECK(span_text(gold, gold.mentions[1]) == "José Álvarez");
  CHECK(gold.mentions[1].span == skein::ByteSpan{29, 43});  // é and Á take two bytes each
  CHECK(span_text(gold, gold.mentions[3]) == "President Moreau");
  CHECK(gold.mentions[3].span.start == 56);
  // "President Moreau" is named "Moreau", so it joins the first mention's entity.
  CHECK(gold.mentions[3].group == gold.mentions[0].group);
  CHECK(gold.group_count == 3);
  REQUIRE(gold.relations.size() == 2);
  CHECK(gold.relations[0].source == gold.mentions[0].group);
  CHECK(gold.relations[0].target == gold.mentions[1].group);
  CHECK(gold.relations[1].target == gold.mentions[2].group);
  CHECK(dataset.relation_type("met-with")->symmetric);
  CHECK_FALSE(dataset.relation_type("located-in")->symmetric);
}

TEST_CASE("gold entities with byte offsets are checked against their text", "[evaluate]") {
  const Dataset dataset = parse_gold_jsonl(
      R"({"text": "Zoë went to Gdańsk.", "entities": [{"start": 13, "end": 20, "label": "Place", "text": "Gdańsk"},)"
      R"( {"start": 0, "end": 4, "label": "Person"}], "relations": []})",
      "g.jsonl", ".");
  const GoldDocument& gold = dataset.documents.at(0);
  REQUIRE(gold.mentions.size() == 2);
  // Sorted by position whatever the listed order.
  CHECK(span_text(gold, gold.mentions[0]) == "Zoë");
  CHECK(span_text(gold, gold.mentions[1]) == "Gdańsk");
  CHECK(gold.document.uri == "g.jsonl#L1");
}

TEST_CASE("labels and relation types beyond Skein's are scored as given", "[evaluate]") {
  const Dataset dataset = parse_gold_jsonl(
      R"({"text": "Acme sued Bolt.", "entities": [{"text": "Acme", "label": "Company"}, {"text": "Bolt", "label": "Company"}],)"
      R"( "relations": [{"type": "sued", "source": 0, "target": 1}]})",
      "g.jsonl", ".");
  REQUIRE(dataset.class_of("Company") != nullptr);
  REQUIRE(dataset.relation_type("sued") != nullptr);
  CHECK_FALSE(dataset.relation_type("sued")->symmetric);
  CHECK(dataset.class_of("Person") != nullptr);
}

TEST_CASE("a gold document given by path is read relative to the gold file with its title",
          "[evaluate]") {
  const auto dir = std::filesystem::temp_directory_path() / "skein_gold_reader_test";
  std::filesystem::create_directories(dir);
  {
    std::ofstream(dir / "story.txt") << "Talks in Gdańsk\n\nPoland and France met in Gdańsk.\n";
    std::ofstream(dir / "gold.jsonl")
        << R"({"path": "story.txt", "entities": [{"text": "Gdańsk", "label": "Place"},)"
        << R"( {"text": "Poland", "label": "Country"}, {"text": "France", "label": "Country"},)"
        << R"( {"text": "Gdańsk", "label": "Place"}], "relations": [{"type": "met-with", "source": "Poland", "target": "France"}]})"
        << "\n";
  }
  const Dataset dataset = read_gold_jsonl((dir / "gold.jsonl").string());
  const GoldDocument& gold = dataset.documents.at(0);
  CHECK(gold.document.title == "Talks in Gdańsk");
  CHECK(gold.document.uri == (dir / "story.txt").string());
  REQUIRE(gold.mentions.size() == 4);
  CHECK(gold.mentions[0].group == gold.mentions[3].group);
  CHECK(gold.relations.at(0).type == "met-with");
  std::filesystem::remove_all(dir);
}

TEST_CASE("optional and coref flags are read from entities and relations, false by default",
          "[evaluate]") {
  const Dataset dataset = parse_gold_jsonl(
      R"({"text": "The Polish banker Moreau met Adler.", "entities": [{"text": "Polish", "label": "Country",)"
      R"( "name": "Poland", "optional": true}, {"text": "Moreau", "label": "Person"}, {"text": "Adler", "label": "Person"}],)"
      R"( "relations": [{"type": "met-with", "source": 1, "target": 2, "coref": true},)"
      R"( {"type": "affiliated-with", "source": 1, "target": 0, "optional": true, "coref": false}]})",
      "gold.jsonl", ".");
  const GoldDocument& gold = dataset.documents.at(0);
  REQUIRE(gold.mentions.size() == 3);
  CHECK(gold.mentions[0].optional);
  CHECK_FALSE(gold.mentions[1].optional);
  REQUIRE(gold.relations.size() == 2);
  CHECK(gold.relations[0].coref);
  CHECK_FALSE(gold.relations[0].optional);
  CHECK(gold.relations[1].optional);
  CHECK_FALSE(gold.relations[1].coref);
  CHECK(
      error_of(
          R"({"text": "Poland.", "entities": [{"text": "Poland", "label": "Country", "optional": 1}], "relations": []})") ==
      "gold.jsonl:1: entities[0].optional: expected true or false");
  CHECK(
      error_of(
          R"({"text": "Poland, France.", "entities": [{"text": "Poland", "label": "Country"}, {"text": "France", "label": "Country"}],)"
          R"( "relations": [{"type": "met-with", "source": 0, "target": 1, "coref": "yes"}]})") ==
      "gold.jsonl:1: relations[0].coref: expected true or false");
}

TEST_CASE("malformed gold lines are errors naming the file, the line and the field", "[evaluate]") {
  const std::string ok = R"({"text": "Poland and France.", "entities": [], "relations": []})";
  CHECK(
      error_of(ok + "\n{\"text\": \"x\", \"entities\": [{\"text\": \"x\"}], \"relations\": []}") ==
      "gold.jsonl:2: entities[0].label: missing");
  CHECK(error_of(ok + "\n\n{\"text\": \"x\" \"entities\": []}") ==
        "gold.jsonl:3: invalid JSON at column 14: Missing a comma or '}' after an object member.");
  CHECK(error_of(R"({"entities": [], "relations": []})") ==
        "gold.jsonl:1: give exactly one of \"text\" and \"path\"");
  CHECK(
      error_of(
          R"({"text": "Poland and Poland.", "entities": [{"text": "Poland", "label": "Country"},)"
          R"( {"text": "Poland", "label": "Country"}, {"text": "Poland", "label": "Country"}], "relations": []})") ==
      "gold.jsonl:1: entities[2].text: \"Poland\" not found as a whole word after byte 17 "
      "(anchored entities must be listed in text order)");
  CHECK(
      error_of(
          R"({"text": "Poland.", "entities": [{"start": 0, "end": 9, "label": "Country"}], "relations": []})") ==
      "gold.jsonl:1: entities[0].start/end: [0, 9) is empty or outside the text (7 bytes)");
  CHECK(
      error_of(
          R"({"text": "Zoë.", "entities": [{"start": 0, "end": 3, "label": "Person"}], "relations": []})") ==
      "gold.jsonl:1: entities[0].start/end: inside a UTF-8 character");
  CHECK(
      error_of(
          R"({"text": "Poland.", "entities": [{"start": 0, "end": 6, "label": "Country", "text": "Polan"}], "relations": []})") ==
      "gold.jsonl:1: entities[0].text: \"Polan\" differs from the text at [0, 6): \"Poland\"");
  CHECK(
      error_of(
          R"({"text": "Georgia and Georgia.", "entities": [{"text": "Georgia", "label": "Country"},)"
          R"( {"text": "Georgia", "label": "Place"}], "relations": [{"type": "met-with", "source": "Georgia", "target": 0}]})") ==
      "gold.jsonl:1: relations[0].source: name \"Georgia\" is ambiguous (Country, Place): use the "
      "entity's index");
  CHECK(
      error_of(
          R"({"text": "Poland.", "entities": [{"text": "Poland", "label": "Country"}], "relations": [{"type": "met-with", "source": 0, "target": 3}]})") ==
      "gold.jsonl:1: relations[0].target: entity index 3 out of range (1 entities)");
  CHECK(
      error_of(
          R"({"text": "Poland, France.", "entities": [{"text": "Poland", "label": "Country"}, {"text": "France", "label": "Country"}],)"
          R"( "relations": [{"type": "met-with", "source": 0, "target": 1}, {"type": "met-with", "source": "France", "target": "Poland"}]})") ==
      "gold.jsonl:1: relations[1]: duplicate relation");
  CHECK(
      error_of(
          R"({"text": "Poland.", "entities": [{"text": "Poland", "label": "Country"}], "relations": [{"type": "x", "source": "Spain", "target": 0}]})") ==
      "gold.jsonl:1: relations[0].source: no entity named \"Spain\"");
  CHECK(error_of(R"({"path": "missing.txt", "entities": [], "relations": []})") ==
        "gold.jsonl:1: path: cannot open ./missing.txt");
  CHECK(error_of("") == "gold.jsonl: no documents");
}

TEST_CASE("the examples' gold annotations read and cover every relation type", "[evaluate]") {
  const Dataset dataset = read_gold_jsonl(SKEIN_SOURCE_DIR "/examples/gold.jsonl");
  CHECK(dataset.documents.size() == 10);
  std::set<std::string> types, labels;
  for (const auto& gold : dataset.documents) {
    for (const auto& relation : gold.relations) types.insert(relation.type);
    for (const auto& mention : gold.mentions) labels.insert(mention.label);
    CHECK_FALSE(gold.document.title.empty());
  }
  CHECK(types == std::set<std::string>{"affiliated-with", "located-in", "met-with", "trades-with"});
  CHECK(labels == std::set<std::string>{"Country", "Organization", "Person", "Place"});
}

TEST_CASE("the example in docs/gold-format.md reads as documented", "[evaluate]") {
  std::ifstream in(SKEIN_SOURCE_DIR "/docs/gold-format.md");
  REQUIRE(in);
  const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto begin = doc.find("```json\n");
  REQUIRE(begin != std::string::npos);
  const auto end = doc.find("\n```", begin);
  std::string json = doc.substr(begin + 8, end - begin - 8);
  std::replace(json.begin(), json.end(), '\n', ' ');  // the page shows one line as several
  const Dataset dataset = parse_gold_jsonl(json, "gold-format.md", ".");
  const GoldDocument& gold = dataset.documents.at(0);
  REQUIRE(gold.mentions.size() == 7);
  CHECK(span_text(gold, gold.mentions[5]) == "France");
  CHECK(gold.mentions[5].group == gold.mentions[1].group);  // "French" names France too
  CHECK(gold.group_count == 5);  // Han, France, Moreau, Seoul, South Korea
  REQUIRE(gold.relations.size() == 2);
  CHECK(gold.relations[1].source == gold.mentions[2].group);
}
