#include <catch2/catch.hpp>
#include <string>

#include "core/Error.h"
#include "core/ExtractionJson.h"
#include "core/Sha256.h"

using namespace skein;

namespace {

// "Yoon met Wang Yi in Seoul." with a multibyte character so offsets are byte offsets.
DocumentExtraction sample() {
  DocumentExtraction x;
  x.document.id = "a1";
  x.document.uri = "news.jsonl#a1";
  x.document.title = "Talks";
  x.document.published = "2024-05-01";
  x.document.text = "Yoon met Wang Yi in Seoul \xE2\x80\x94 \"talks\".\nShare this";
  x.document.sha256 = sha256_hex(x.document.text);
  x.document.excluded = {{39, 49}};  // "Share this"
  Entity yoon{"Person:yoon",           "Person",          "yoon", "Yoon", {"President Yoon"},
              {{"role", "president"}}, {{{0, 4}, "Yoon"}}};
  Entity wang{"Person:wang yi", "Person", "wang yi", "Wang Yi", {}, {}, {{{9, 16}, "Wang Yi"}}};
  Entity seoul{"Place:geonames:1835848", "Place", "geonames:1835848", "Seoul", {}, {},
               {{{20, 25}, "Seoul"}}};
  x.entities = {yoon, wang, seoul};
  Relation met;
  met.type = "met-with";
  met.source = "Person:wang yi";
  met.target = "Person:yoon";
  met.confidence = 0.85;
  met.props = {{"modality", "asserted"}};
  met.evidence = {{{0, 38}, "met", x.document.text.substr(0, 38), 0.85}};
  x.relations = {met};
  return x;
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

std::string error_of(const std::string& line) {
  try {
    extraction_from_json_line(line, "x.jsonl", 7);
  } catch (const InputError& e) {
    CHECK(e.source() == "x.jsonl");
    CHECK(e.line() == 7);
    return e.what();
  }
  FAIL("no InputError for: " << line);
  return {};
}

}  // namespace

TEST_CASE("an extraction survives a JSON round trip unchanged", "[core]") {
  const DocumentExtraction x = sample();
  const std::string line = to_json_line(x);
  CHECK(line.find('\n') == std::string::npos);
  const DocumentExtraction back = extraction_from_json_line(line, "x.jsonl", 1);
  CHECK(back.document.id == x.document.id);
  CHECK(back.document.uri == x.document.uri);
  CHECK(back.document.title == x.document.title);
  CHECK(back.document.published == x.document.published);
  CHECK(back.document.text == x.document.text);
  CHECK(back.document.sha256 == x.document.sha256);
  CHECK(back.document.excluded == x.document.excluded);
  REQUIRE(back.entities.size() == 3);
  CHECK(back.entities[1].key == "wang yi");
  CHECK(back.entities[2].key == "geonames:1835848");
  CHECK(back.entities[0].aliases == x.entities[0].aliases);
  CHECK(back.entities[0].props == x.entities[0].props);
  CHECK(back.entities[2].mentions[0].span == ByteSpan{20, 25});
  REQUIRE(back.relations.size() == 1);
  CHECK(back.relations[0].confidence == 0.85);
  CHECK(back.relations[0].evidence[0].text == x.relations[0].evidence[0].text);
  // Writing what was read gives the same bytes: the format is deterministic.
  CHECK(to_json_line(back) == line);
}

TEST_CASE("confidences are written to six places, so what is read back writes out the same",
          "[core]") {
  // Found by fuzz_extraction_json: a confidence of 17 digits read one unit in the last place
  // off, so the line written from what was read ended ...524 instead of ...5241.
  DocumentExtraction x = sample();
  x.relations[0].evidence[0].confidence = 0.9700006303985241;
  const std::string line = to_json_line(x);
  CHECK(line.find(R"("confidence":0.970001})") != std::string::npos);
  const DocumentExtraction back = extraction_from_json_line(line, "x.jsonl", 1);
  CHECK(back.relations[0].evidence[0].confidence == 0.970001);
  CHECK(to_json_line(back) == line);
  // A long number in a file written elsewhere reads, and what it writes reads back the same.
  const std::string long_number = replace(line, "0.970001", "0.9700006303985240887659867");
  const std::string written = to_json_line(extraction_from_json_line(long_number, "x.jsonl", 1));
  CHECK(written == line);
  CHECK(to_json_line(extraction_from_json_line(written, "x.jsonl", 1)) == written);
}

TEST_CASE("the JSON line has a fixed field order and escapes control characters", "[core]") {
  const std::string line = to_json_line(sample());
  CHECK(line.rfind(R"({"document":{"id":"a1","uri":"news.jsonl#a1","title":"Talks",)", 0) == 0);
  CHECK(line.find(R"(\n)") != std::string::npos);
  CHECK(line.find("\xE2\x80\x94") != std::string::npos);  // non-ASCII stays raw UTF-8
  CHECK(line.find(R"("excluded":[{"start":39,"end":49}])") != std::string::npos);
  CHECK(line.find(R"("confidence":0.85,"basis":"text","props":{"modality":"asserted"})") !=
        std::string::npos);
}

TEST_CASE("writing text that is not UTF-8 is refused rather than producing bad JSON", "[core]") {
  DocumentExtraction x = sample();
  x.document.title = "caf\xE9";
  CHECK_THROWS_AS(to_json_line(x), Error);
}

TEST_CASE("a described mention is written as such and read back; absent reads as not described",
          "[core]") {
  DocumentExtraction x = sample();
  x.entities[1].mentions[0].described = true;
  const std::string line = to_json_line(x);
  CHECK(line.find("\"described\":true") != std::string::npos);
  CHECK(line.find("\"described\"") == line.rfind("\"described\""));  // only where true
  const DocumentExtraction back = extraction_from_json_line(line, "x.jsonl", 1);
  CHECK(back.entities[1].mentions[0].described);
  CHECK_FALSE(back.entities[0].mentions[0].described);
  CHECK(to_json_line(back) == line);
  CHECK_THAT(error_of(replace(line, "\"described\":true", "\"described\":\"yes\"")),
             Catch::Contains("entities[1].mentions[0].described: expected true or false"));
}

TEST_CASE("malformed extraction lines give precise reasons with source and line", "[core]") {
  const std::string good = to_json_line(sample());
  CHECK_THAT(error_of("{not json"), Catch::Contains("x.jsonl:7: invalid JSON at byte 1"));
  CHECK_THAT(error_of(good + " trailing"), Catch::Contains("invalid JSON"));
  CHECK_THAT(error_of("[1,2]"), Catch::Contains("expected an object"));
  CHECK_THAT(error_of(R"({"entities":[],"relations":[]})"),
             Catch::Contains("missing field \"document\""));
  CHECK_THAT(error_of(replace(good, R"("text":"Yoon met)", R"("txt":"Yoon met)")),
             Catch::Contains("document: missing field \"text\""));
  CHECK_THAT(error_of(replace(good, R"("title":"Talks")", R"("title":5)")),
             Catch::Contains("document.title: expected a string"));
  CHECK_THAT(error_of(replace(good, R"("start":9,"end":16)", R"("start":9,"end":999)")),
             Catch::Contains("entities[1].mentions[0].end: 999 is beyond the end of the text"));
  CHECK_THAT(error_of(replace(good, R"("start":9,"end":16)", R"("start":16,"end":9)")),
             Catch::Contains("entities[1].mentions[0]: start 16 is after end 9"));
  CHECK_THAT(error_of(replace(good, R"("start":9,"end":16)", R"("start":-1,"end":16)")),
             Catch::Contains("entities[1].mentions[0].start: expected a non-negative integer"));
  // Byte 27 is the second byte of the em dash.
  CHECK_THAT(error_of(replace(good, R"("start":20,"end":25,"text":"Seoul")",
                              R"("start":20,"end":27,"text":"Seoul")")),
             Catch::Contains("end: 27 is inside a UTF-8 character"));
  CHECK_THAT(
      error_of(replace(good, R"("text":"Wang Yi")", R"("text":"Wang Ye")")),
      Catch::Contains("entities[1].mentions[0].text: does not match the document text at [9, 16)"));
  CHECK_THAT(
      error_of(replace(good, R"("target":"Person:yoon")", R"("target":"Person:nobody")")),
      Catch::Contains("relations[0].target: \"Person:nobody\" is not among this line's entities"));
  CHECK_THAT(error_of(replace(good, R"("confidence":0.85,"basis")", R"("confidence":1.5,"basis")")),
             Catch::Contains("relations[0].confidence: must be in [0, 1]"));
  CHECK_THAT(error_of(replace(good, R"("rule":"met","text":"Yoon met Wang Yi in Seoul)",
                              R"("rule":"met","text":"Yoon met)")),
             Catch::Contains("relations[0].evidence[0].text: does not match"));
  CHECK_THAT(error_of(replace(good, R"("basis":"text")", R"("basis":"hearsay")")),
             Catch::Contains("relations[0].basis: must be \"text\" or \"knowledge\""));
  CHECK_THAT(error_of(replace(good, R"("id":"Person:wang yi")", R"("id":"Person:yoon")")),
             Catch::Contains("entities[1].id: duplicate entity id"));
  CHECK_THAT(error_of(replace(good, R"("id":"Person:wang yi")", R"("id":"Place:wang yi")")),
             Catch::Contains("is not \"<label>:<key>\""));
  CHECK_THAT(error_of(replace(good, R"("sha256":")", R"("sha256":"0)")),
             Catch::Contains("document.sha256: does not match"));
  CHECK_THAT(error_of(replace(good, R"("title":"Talks")", "\"title\":\"caf\xE9\"")),
             Catch::Contains("invalid JSON"));
  // Valid bytes, invalid text: a \u escape of a lone surrogate decodes to bytes that are not
  // UTF-8 (found by fuzz_extraction_json; the writer then refused what the reader accepted).
  CHECK_THAT(error_of(replace(good, R"("title":"Talks")", R"("title":"\udebe")")),
             Catch::Contains("document.title: not valid UTF-8"));
  CHECK_THAT(error_of(replace(good, R"("text":"Yoon met)", R"("text":"\udc00Yoon met)")),
             Catch::Contains("document.text: not valid UTF-8"));
  // A proper surrogate pair is one character and reads fine.
  CHECK_NOTHROW(extraction_from_json_line(
      replace(good, R"("title":"Talks")", R"("title":"\ud83d\ude00")"), "x.jsonl", 7));
}

TEST_CASE("deeply nested JSON is refused without recursing", "[core]") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  CHECK_THAT(error_of(deep), Catch::Contains("nested deeper than 16 levels"));
  // Brackets inside strings do not count as nesting.
  DocumentExtraction x = sample();
  x.document.title = std::string(40, '[');
  CHECK(extraction_from_json_line(to_json_line(x), "x.jsonl", 1).document.title ==
        x.document.title);
}

TEST_CASE("optional fields default and unknown fields are ignored", "[core]") {
  const std::string minimal =
      R"({"document":{"uri":"u","text":"Seoul"},"entities":[{"id":"Place:seoul","label":"Place","name":"Seoul","future":1}],)"
      R"("relations":[{"type":"located-in","source":"Place:seoul","target":"Place:seoul","evidence":[{"start":0,"end":5,"rule":"r","text":"Seoul"}]}]})";
  const DocumentExtraction x = extraction_from_json_line(minimal, "m.jsonl", 1);
  CHECK(x.document.sha256 == sha256_hex("Seoul"));
  CHECK(x.document.excluded.empty());
  CHECK(x.relations[0].confidence == 1.0);
  CHECK(x.relations[0].basis == "text");
  CHECK(x.relations[0].evidence[0].confidence == 1.0);
}

TEST_CASE("a mention's kind is written when set and read back, and optional when reading",
          "[core]") {
  DocumentExtraction x = sample();
  x.entities[0].mentions[0].kind = mention_kinds::kShort;
  const std::string line = to_json_line(x);
  CHECK(line.find("\"kind\":\"short\"") != std::string::npos);
  // Mentions without a kind write no field at all, so older readers see the same JSON.
  CHECK(line.find("\"kind\"") == line.rfind("\"kind\""));
  const DocumentExtraction back = extraction_from_json_line(line, "x.jsonl", 1);
  CHECK(back.entities[0].mentions[0].kind == "short");
  CHECK(back.entities[1].mentions[0].kind.empty());
  CHECK_THAT(error_of(replace(line, "\"kind\":\"short\"", "\"kind\":3")),
             Catch::Contains("entities[0].mentions[0].kind: expected a string"));
}

TEST_CASE(
    "an evidence row's component is written when set and read back, and optional when reading",
    "[core]") {
  DocumentExtraction x = sample();
  x.relations[0].evidence[0].component = "relation-rules";
  const std::string line = to_json_line(x);
  CHECK(line.find(R"("rule":"met","component":"relation-rules","text":)") != std::string::npos);
  const DocumentExtraction back = extraction_from_json_line(line, "x.jsonl", 1);
  CHECK(back.relations[0].evidence[0].component == "relation-rules");
  CHECK(back.relations[0].evidence[0].qualified_rule() == "relation-rules/met");
  // Older JSONL has no component: it reads as empty, and the row's rule stands alone.
  const DocumentExtraction old = extraction_from_json_line(to_json_line(sample()), "x.jsonl", 1);
  CHECK(old.relations[0].evidence[0].component.empty());
  CHECK(old.relations[0].evidence[0].qualified_rule() == "met");
  CHECK(to_json_line(sample()).find("\"component\"") == std::string::npos);
  CHECK_THAT(error_of(replace(line, R"("component":"relation-rules")", R"("component":1)")),
             Catch::Contains("relations[0].evidence[0].component: expected a string"));
}

TEST_CASE("sentences are written when known, read back, and checked like debris spans", "[core]") {
  DocumentExtraction x = sample();
  CHECK(to_json_line(x).find("\"sentences\"") == std::string::npos);  // none known: not written
  x.sentences = {{0, 38}, {39, 49}};
  const std::string line = to_json_line(x);
  CHECK(line.find(R"("sentences":[{"start":0,"end":38},{"start":39,"end":49}]})") !=
        std::string::npos);
  CHECK(extraction_from_json_line(line, "x.jsonl", 1).sentences == x.sentences);
  CHECK_THAT(error_of(replace(line, R"(},{"start":39,"end":49}])", R"(},{"start":30,"end":49}])")),
             Catch::Contains("sentences[1]: sentence spans must be ordered and must not overlap"));
  CHECK_THAT(error_of(replace(line, R"(},{"start":39,"end":49}])", R"(},{"start":39,"end":490}])")),
             Catch::Contains("sentences[1].end: expected an offset within the text"));
}
