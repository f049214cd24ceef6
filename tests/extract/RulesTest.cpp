// The rule-file format: what parses, and the file:line errors for what does not.
#include <catch2/catch.hpp>
#include <string>

#include "core/Error.h"
#include "extract/Rules.h"

using namespace skein;
using namespace skein::extract;

namespace {

std::string error_of(const std::string& text) {
  RuleSet rules;
  try {
    parse_rules(text, "test.rules", rules);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

const char* const kHeader = "relation met-with symmetric Person -- Person\n";

}  // namespace

TEST_CASE("A rule file declares relation types, rules, cues and word lists", "[extract][rules]") {
  RuleSet rules;
  parse_rules(
      "# comment\n"
      "relation met-with symmetric Person|Country -- Person|Country\n"
      "relation located-in directed Place|Organization -> Place.city|Country\n"
      "set compass east west\n"
      "rule met-with verb 0.8 : A ...3 met|meets with? B   # trailing comment\n"
      "rule located-in poss 0.9 also : $compass? B 's A:Place\n"
      "cue negation not never\n"
      "words org-suffix Agency\n",
      "test.rules", rules);
  REQUIRE(rules.types.size() == 2);
  CHECK(rules.types[0].symmetric);
  CHECK_FALSE(rules.types[1].symmetric);
  CHECK(rules.types[1].target[0].label == "Place");
  CHECK(rules.types[1].target[0].kind == "city");
  REQUIRE(rules.rules.size() == 2);
  const RelationRule& verb = rules.rules[0];
  CHECK(verb.confidence == Approx(0.8));
  REQUIRE(verb.items.size() == 5);
  CHECK(verb.items[1].type == PatternItem::Type::kSkip);
  CHECK(verb.items[1].max_skip == 3);
  CHECK(verb.items[2].words == std::vector<std::string>{"met", "meets"});
  CHECK(verb.items[3].optional);
  const RelationRule& poss = rules.rules[1];
  CHECK(poss.also);
  CHECK(poss.items[0].words == std::vector<std::string>{"east", "west"});
  CHECK(poss.items[0].optional);
  CHECK(poss.items[2].words == std::vector<std::string>{"'s"});
  CHECK(rules.negation_cues == std::vector<std::string>{"not", "never"});
  REQUIRE(rules.word_lists.size() == 1);
  CHECK(rules.word_lists[0].second == std::vector<std::string>{"agency"});
}

TEST_CASE("A relation type may be declared lasting, and nothing else after its labels",
          "[extract][rules]") {
  RuleSet rules;
  parse_rules(
      "relation located-in directed Place -> Country lasting\n"
      "relation met-with symmetric Person -- Person\n",
      "test.rules", rules);
  REQUIRE(rules.types.size() == 2);
  CHECK(rules.types[0].lasting);
  CHECK_FALSE(rules.types[1].lasting);
  CHECK(error_of("relation located-in directed Place -> Country forever\n") ==
        "test.rules:1: expected 'relation <name> symmetric|directed <labels> --|-> <labels> "
        "[lasting]'");
}

TEST_CASE("Malformed rule files name the file and line", "[extract][rules]") {
  CHECK(error_of("relation x sideways Person -- Person\n") ==
        "test.rules:1: expected 'symmetric' or 'directed', found 'sideways'");
  CHECK(error_of(std::string(kHeader) + "\nrule met-with verb 0.8 : A met\n") ==
        "test.rules:3: pattern needs both slots A and B");
  CHECK(error_of(std::string(kHeader) + "rule visited v 0.8 : A visited B\n") ==
        "test.rules:2: rule for undeclared relation 'visited'");
  CHECK(error_of(std::string(kHeader) + "rule met-with v 1.5 : A met B\n") ==
        "test.rules:2: confidence '1.5' is not a number in (0, 1]");
  CHECK(error_of(std::string(kHeader) + "rule met-with v 0.5 : A:Robot met B\n") ==
        "test.rules:2: unknown entity label 'Robot' (expected Person, Organization, Country or "
        "Place)");
  CHECK(error_of(std::string(kHeader) + "rule met-with v 0.5 : A ...99 B\n") ==
        "test.rules:2: bad skip '...99' (expected ...N with N in 1..20)");
  CHECK(error_of(std::string(kHeader) + "rule met-with v 0.5 : A $nowhere B\n") ==
        "test.rules:2: unknown word set '$nowhere' (declare it with 'set')");
  CHECK(error_of(std::string(kHeader) + kHeader) ==
        "test.rules:2: relation 'met-with' declared twice");
  CHECK(
      error_of("frobnicate all\n") ==
      "test.rules:1: unknown directive 'frobnicate' (expected relation, rule, set, cue or words)");
  CHECK(error_of(std::string(kHeader) + "rule met-with v 0.5 : ...2 A B\n") ==
        "test.rules:2: a pattern cannot start or end with a skip");
  CHECK(error_of(std::string(kHeader) + "rule met-with v 0.5 : A ^ B\n") ==
        "test.rules:2: '^' must be the first item");
  CHECK(error_of(std::string(kHeader) + "rule met-with v 0.5 : A $ B\n") ==
        "test.rules:2: '$' must be the last item");
  CHECK(error_of(std::string(kHeader) + "rule met-with v 0.5 : ^ ...2 A B $\n") ==
        "test.rules:2: a pattern cannot start or end with a skip");
}

TEST_CASE("Sentence anchors open and close a pattern", "[extract][rules]") {
  RuleSet rules;
  parse_rules(std::string(kHeader) + "rule met-with line 0.5 : ^ A met B $\n", "test.rules", rules);
  REQUIRE(rules.rules.size() == 1);
  const std::vector<PatternItem>& items = rules.rules[0].items;
  REQUIRE(items.size() == 5);
  CHECK(items.front().type == PatternItem::Type::kStart);
  CHECK(items.back().type == PatternItem::Type::kEnd);
}

TEST_CASE("Loading a directory without rule files is an input error", "[extract][rules]") {
  CHECK_THROWS_AS(load_rules(SKEIN_SOURCE_DIR "/tests/extract/fixtures/data"), InputError);
  const RuleSet rules = load_rules(SKEIN_SOURCE_DIR "/schema");
  CHECK(rules.type_index("met-with") >= 0);
  CHECK(rules.type_index("located-in") >= 0);
}

TEST_CASE("Rule flags parse once each, in any order", "[extract][rules]") {
  RuleSet rules;
  parse_rules(std::string(kHeader) + "rule met-with r 0.5 institution nolist also : A met B\n",
              "test.rules", rules);
  REQUIRE(rules.rules.size() == 1);
  CHECK(rules.rules[0].institution_source);
  CHECK(rules.rules[0].not_in_list);
  CHECK(rules.rules[0].also);
  const std::string expected =
      "test.rules:2: expected 'rule <relation> <name> <confidence> [also] [nolist] "
      "[institution] : <pattern>'";
  CHECK(error_of(std::string(kHeader) + "rule met-with r 0.5 nolist nolist : A met B\n") ==
        expected);
  CHECK(error_of(std::string(kHeader) + "rule met-with r 0.5 sometimes : A met B\n") == expected);
}
