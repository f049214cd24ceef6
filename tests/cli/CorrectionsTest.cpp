// `skein correct` end to end: each correction through the binary, its persistence across a
// re-load of a changed document and across `skein merge`, export -> apply onto another store,
// readable candidates for ambiguous names, and bad input (one line naming file:line, exit 2,
// store unchanged). Stores are filled with `skein load`, so the entity ids are the test's own
// and do not depend on what extraction decides.

#include <rapidjson/document.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "CliRunner.h"

using Catch::Matchers::Contains;
using skein::testing::read_file;
using skein::testing::run_skein;
using skein::testing::TempDir;

namespace {

struct Ent {
  std::string label, key, name;
};

std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// One `skein load` line: `entities` mentioned wherever their name occurs in `text`, and
// affiliated-with relations (person key, organisation key) supported by the whole text.
std::string document_line(
    const std::string& uri, const std::string& text, const std::vector<Ent>& entities,
    const std::vector<std::pair<std::string, std::string>>& affiliations = {}) {
  std::string line =
      "{\"document\":{\"uri\":\"" + uri + "\",\"text\":\"" + escaped(text) + "\"},\"entities\":[";
  for (std::size_t i = 0; i < entities.size(); ++i) {
    const Ent& e = entities[i];
    line += (i ? "," : "") + std::string("{\"id\":\"") + e.label + ":" + e.key + "\",\"label\":\"" +
            e.label + "\",\"name\":\"" + e.name + "\",\"mentions\":[";
    bool first = true;
    for (auto at = text.find(e.name); at != std::string::npos; at = text.find(e.name, at + 1)) {
      line += (first ? "" : ",") + std::string("{\"start\":") + std::to_string(at) +
              ",\"end\":" + std::to_string(at + e.name.size()) + ",\"text\":\"" + e.name + "\"}";
      first = false;
    }
    line += "]}";
  }
  line += "],\"relations\":[";
  for (std::size_t i = 0; i < affiliations.size(); ++i) {
    line += (i ? "," : "") + std::string("{\"type\":\"affiliated-with\",\"source\":\"Person:") +
            affiliations[i].first + "\",\"target\":\"Organization:" + affiliations[i].second +
            "\",\"evidence\":[{\"start\":0,\"end\":" + std::to_string(text.size()) +
            ",\"rule\":\"test\",\"text\":\"" + escaped(text) + "\",\"confidence\":0.7}]}";
  }
  return line + "]}\n";
}

const char* const kFirst = "UKIP wins. Roger Knapman leads UKIP.";
const char* const kSecond = "UKIP grows. Robert Kilroy-Silk joined UKIP.";

std::string first_line(const std::string& text = kFirst) {
  return document_line("bbc/1.txt", text,
                       {{"Organization", "ukip-1", "UKIP"}, {"Person", "knapman", "Roger Knapman"}},
                       {{"knapman", "ukip-1"}});
}
std::string second_line() {
  return document_line(
      "bbc/2.txt", kSecond,
      {{"Organization", "ukip-2", "UKIP"}, {"Person", "kilroy", "Robert Kilroy-Silk"}},
      {{"kilroy", "ukip-2"}});
}

rapidjson::Document json_of(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str());
  REQUIRE_FALSE(document.HasParseError());
  return document;
}

// `show --json` of an entity, or a null document when the command fails.
rapidjson::Document card(const TempDir& dir, const std::string& entity, const std::string& db) {
  auto result = run_skein("show --json --db " + db + " '" + entity + "'", dir.path());
  rapidjson::Document document;
  if (result.exit_code == 0) document.Parse(result.out.c_str());
  return document;
}

void load(const TempDir& dir, const std::string& db) {
  dir.write("docs.jsonl", first_line() + second_line());
  REQUIRE(run_skein("load --db " + db + " docs.jsonl", dir.path()).exit_code == 0);
}

}  // namespace

TEST_CASE("an ambiguous name lists readable candidates, and NAME#N or Label:Name picks one",
          "[cli][corrections]") {
  TempDir dir;
  dir.write("docs.jsonl",
            first_line() + second_line() +
                document_line("bbc/3.txt", "UKIP, said the man.", {{"Person", "ukip", "UKIP"}}));
  REQUIRE(run_skein("load docs.jsonl", dir.path()).exit_code == 0);
  auto ambiguous = run_skein("show UKIP", dir.path());
  CHECK(ambiguous.exit_code == 2);
  CHECK_THAT(ambiguous.err, Contains("'UKIP' is ambiguous: 3 entities carry it"));
  CHECK_THAT(ambiguous.err,
             Contains("#1  UKIP  [Organization]  2 mentions in 1 document (bbc/1.txt)  "
                      "Organization:ukip-1"));
  CHECK_THAT(ambiguous.err,
             Contains("#3  UKIP  [Person]  1 mention in 1 document (bbc/3.txt)  Person:ukip"));
  CHECK_THAT(ambiguous.err,
             Contains("pick one as 'UKIP#1', as Label:Name ('Person:UKIP') or by its id"));
  // Every command that takes an entity resolves the same way.
  CHECK(run_skein("neighbors UKIP", dir.path()).exit_code == 2);
  auto second = json_of(run_skein("show --json 'UKIP#2'", dir.path()).out);
  CHECK(std::string(second["id"].GetString()) == "Organization:ukip-2");
  auto person = json_of(run_skein("show --json Person:UKIP", dir.path()).out);
  CHECK(std::string(person["id"].GetString()) == "Person:ukip");
  CHECK_THAT(run_skein("show 'UKIP#9'", dir.path()).err, Contains("#9 is not one"));
  auto path = run_skein("path 'UKIP#1' 'Roger Knapman'", dir.path());
  CHECK(path.exit_code == 0);
}

TEST_CASE("correct merge, unmerge, rename, relabel, alias and distinct work end to end",
          "[cli][corrections]") {
  TempDir dir;
  load(dir, "skein.db");
  auto merge = run_skein("correct merge 'UKIP#1' Organization:ukip-2", dir.path());
  REQUIRE(merge.exit_code == 0);
  CHECK_THAT(merge.out, Contains("merged Organization:ukip-2 ('UKIP') into Organization:ukip-1"));
  auto merged = card(dir, "UKIP", "skein.db");
  REQUIRE(merged.IsObject());
  CHECK(merged["mentions"].GetInt64() == 4);
  CHECK(merged["relations"].Size() == 2);
  REQUIRE(merged["corrections"].Size() == 1);
  CHECK(std::string(merged["corrections"][0]["op"].GetString()) == "merge");
  CHECK_THAT(run_skein("show UKIP", dir.path()).out, Contains("corrections:"));

  auto undo = run_skein("correct unmerge Organization:ukip-2", dir.path());
  REQUIRE(undo.exit_code == 0);
  CHECK_THAT(undo.out, Contains("restored Organization:ukip-2 (UKIP, 2 mentions, 1 relations)"));
  CHECK(card(dir, "Organization:ukip-1", "skein.db")["mentions"].GetInt64() == 2);

  REQUIRE(run_skein("correct rename 'Roger Knapman' 'Roger Knapman MEP'", dir.path()).exit_code ==
          0);
  CHECK(std::string(card(dir, "Person:knapman", "skein.db")["name"].GetString()) ==
        "Roger Knapman MEP");
  REQUIRE(run_skein("correct relabel Person:kilroy Organization", dir.path()).exit_code == 0);
  CHECK(card(dir, "Organization:kilroy", "skein.db").IsObject());
  REQUIRE(run_skein("correct relabel Organization:kilroy Person", dir.path()).exit_code == 0);
  REQUIRE(run_skein("correct alias add Person:knapman 'R. Knapman'", dir.path()).exit_code == 0);
  CHECK(card(dir, "R. Knapman", "skein.db").IsObject());
  REQUIRE(run_skein("correct alias remove Person:knapman 'R. Knapman'", dir.path()).exit_code == 0);
  CHECK_FALSE(card(dir, "R. Knapman", "skein.db").IsObject());
  auto typo = run_skein("correct alias remove Person:knapman 'R Knapman'", dir.path());
  CHECK(typo.exit_code == 2);
  CHECK_THAT(typo.err, Contains("Person:knapman has no alias 'R Knapman'"));
  // An alias added then removed leaves only the removal, which a corrections file carries to
  // stores that never had the alias.
  REQUIRE(run_skein("correct export -o fixes.jsonl", dir.path()).exit_code == 0);
  load(dir, "fresh.db");
  CHECK(run_skein("correct --db fresh.db apply fixes.jsonl", dir.path()).exit_code == 0);
  REQUIRE(
      run_skein("correct distinct Organization:ukip-1 Organization:ukip-2", dir.path()).exit_code ==
      0);
  auto refused = run_skein("correct merge Organization:ukip-1 Organization:ukip-2", dir.path());
  CHECK(refused.exit_code == 2);
  CHECK_THAT(refused.err, Contains("marked distinct"));
  auto list = run_skein("correct list", dir.path());
  CHECK_THAT(list.out, Contains("renamed Person:knapman to 'Roger Knapman MEP'"));
  CHECK_THAT(list.out, Contains("Organization:ukip-1 and Organization:ukip-2 are distinct"));
}

TEST_CASE("corrections survive a re-load of a changed document and a merge of stores",
          "[cli][corrections]") {
  TempDir dir;
  load(dir, "skein.db");
  REQUIRE(
      run_skein("correct merge Organization:ukip-1 Organization:ukip-2", dir.path()).exit_code ==
      0);
  REQUIRE(run_skein("correct rename Organization:ukip-1 'UK Independence Party'", dir.path())
              .exit_code == 0);
  // The first document changes and is loaded again: its UKIP goes to the survivor.
  dir.write("changed.jsonl", first_line("UKIP wins again. Roger Knapman leads UKIP."));
  REQUIRE(run_skein("load changed.jsonl", dir.path()).exit_code == 0);
  auto after = card(dir, "UK Independence Party", "skein.db");
  REQUIRE(after.IsObject());
  CHECK(after["mentions"].GetInt64() == 4);
  CHECK(after["relations"].Size() == 2);
  CHECK_FALSE(card(dir, "Organization:ukip-2", "skein.db").IsObject());

  // Merging this store with another keeps the corrections and their effect.
  dir.write("other.jsonl", document_line("bbc/3.txt", "Nigel Farage joined UKIP.",
                                         {{"Organization", "ukip-2", "UKIP"},
                                          {"Person", "farage", "Nigel Farage"}},
                                         {{"farage", "ukip-2"}}));
  REQUIRE(run_skein("load --db other.db other.jsonl", dir.path()).exit_code == 0);
  auto merge = run_skein("merge skein.db other.db -o all.db", dir.path());
  REQUIRE(merge.exit_code == 0);
  CHECK_THAT(merge.out, Contains("2 corrections"));
  auto all = card(dir, "UK Independence Party", "all.db");
  REQUIRE(all.IsObject());
  CHECK(std::string(all["id"].GetString()) == "Organization:ukip-1");
  CHECK(all["mentions"].GetInt64() == 5);
  CHECK(all["relations"].Size() == 3);
  CHECK(all["corrections"].Size() == 2);
  // ...and the merge can still be undone there.
  REQUIRE(run_skein("correct --db all.db unmerge Organization:ukip-2", dir.path()).exit_code == 0);
  CHECK(card(dir, "Organization:ukip-2", "all.db")["mentions"].GetInt64() == 3);
}

TEST_CASE("corrections export to JSON Lines and apply to another store, all or nothing",
          "[cli][corrections]") {
  TempDir dir;
  load(dir, "a.db");
  load(dir, "b.db");
  REQUIRE(run_skein("correct --db a.db merge Organization:ukip-1 Organization:ukip-2", dir.path())
              .exit_code == 0);
  REQUIRE(run_skein("correct --db a.db alias add Person:knapman Knapman", dir.path()).exit_code ==
          0);
  auto exported = run_skein("correct --db a.db export -o fixes.jsonl", dir.path());
  REQUIRE(exported.exit_code == 0);
  const std::string fixes = read_file(dir / "fixes.jsonl");
  CHECK_THAT(fixes, Contains("{\"op\":\"merge\",\"entity\":\"Organization:ukip-2\",\"into\":"
                             "\"Organization:ukip-1\""));
  CHECK_THAT(fixes, Contains("{\"op\":\"alias-add\",\"entity\":\"Person:knapman\",\"alias\":"
                             "\"Knapman\",\"created_at\":\""));
  auto applied = run_skein("correct --db b.db apply fixes.jsonl", dir.path());
  REQUIRE(applied.exit_code == 0);
  CHECK_THAT(applied.out, Contains("applied 2 correction(s)"));
  CHECK(card(dir, "UKIP", "b.db")["mentions"].GetInt64() == 4);
  CHECK(card(dir, "Knapman", "b.db").IsObject());
  // A correction carried over keeps the time it was made.
  dir.write("dated.jsonl",
            "{\"op\":\"alias-add\",\"entity\":\"Person:knapman\",\"alias\":\"RK\","
            "\"created_at\":\"2020-01-02T03:04:05Z\"}\n");
  REQUIRE(run_skein("correct --db b.db apply dated.jsonl", dir.path()).exit_code == 0);
  CHECK_THAT(run_skein("correct --db b.db list", dir.path()).out,
             Contains("2020-01-02T03:04:05Z  added alias 'RK' to Person:knapman"));
  // Applying it again changes nothing.
  CHECK_THAT(run_skein("correct --db b.db apply fixes.jsonl", dir.path()).out,
             Contains("applied 0 correction(s)"));

  // Bad files: one line naming file and line, exit 2, and the store unchanged.
  load(dir, "c.db");
  const std::string before = run_skein("correct --db c.db list --json", dir.path()).out;
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"{\"op\":\"alias-add\",\"entity\":\"Person:knapman\",\"alias\":\"K\"}\n{not json\n",
       "bad.jsonl:2: not JSON"},
      {"{\"op\":\"alias-add\",\"entity\":\"Person:knapman\",\"alias\":\"K\"}\n"
       "{\"op\":\"merge\",\"entity\":\"Organization:nobody\",\"into\":\"Organization:ukip-1\"}\n",
       "bad.jsonl:2: c.db: no entity Organization:nobody"},
      {"\n{\"op\":\"split\",\"entity\":\"Person:knapman\"}\n", "bad.jsonl:2: unknown op 'split'"},
      {"{\"op\":\"rename\",\"entity\":\"Person:knapman\"}\n",
       "bad.jsonl:1: needs a string \"name\""},
  };
  for (const auto& [content, message] : bad) {
    dir.write("bad.jsonl", content);
    auto result = run_skein("correct --db c.db apply bad.jsonl", dir.path());
    INFO(content);
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Contains(message));
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
    CHECK(run_skein("correct --db c.db list --json", dir.path()).out == before);
    CHECK_FALSE(card(dir, "K", "c.db").IsObject());
  }
  auto unknown = run_skein("correct --db c.db merge UKIP#1 Nobody", dir.path());
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, Contains("no entity named 'Nobody'"));
  CHECK(run_skein("correct --db c.db frobnicate", dir.path()).exit_code == 1);
  CHECK(run_skein("correct --db c.db apply missing.jsonl", dir.path()).exit_code == 2);
}

namespace {

// Document `n` naming "Acme" once as `label` (keyed by its name, as extraction keys a name the
// knowledge files lack), with a person (affiliated with it where it is an Organization).
std::string acme_line(int n, const std::string& label) {
  const std::string number = std::to_string(n);
  const std::string person = "Jane Roe" + number;
  const std::string text = person + " joined Acme.";
  std::vector<std::pair<std::string, std::string>> affiliations;
  if (label == "Organization") affiliations.emplace_back("roe" + number, "acme");
  return document_line("acme/" + number + ".txt", text,
                       {{label, "acme", "Acme"}, {"Person", "roe" + number, person}}, affiliations);
}

// "id mentions" of every entity of a store, sorted.
std::vector<std::string> entity_lines(const TempDir& dir, const std::string& db) {
  auto result = run_skein("entities --json --limit 0 --db " + db, dir.path());
  REQUIRE(result.exit_code == 0);
  auto json = json_of(result.out);
  std::vector<std::string> lines;
  for (const auto& entity : json["entities"].GetArray()) {
    lines.push_back(std::string(entity["id"].GetString()) + " " +
                    std::to_string(entity["mentions"].GetInt64()));
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

}  // namespace

TEST_CASE("a name the documents label differently is decided by a corpus vote, in any order",
          "[cli][corrections][votes]") {
  TempDir dir;
  // Acme is an Organization in documents 0-5 and a Place in document 6.
  std::string first, second;
  for (int n = 0; n < 7; ++n) {
    (n % 2 == 0 ? first : second) += acme_line(n, n == 6 ? "Place" : "Organization");
  }
  dir.write("first.jsonl", first);
  dir.write("second.jsonl", second);
  REQUIRE(run_skein("load --db all.db first.jsonl second.jsonl", dir.path()).exit_code == 0);
  const auto expected = entity_lines(dir, "all.db");
  CHECK(std::count(expected.begin(), expected.end(), "Organization:acme 7") == 1);
  CHECK(std::none_of(expected.begin(), expected.end(),
                     [](const std::string& line) { return line.rfind("Place:acme", 0) == 0; }));

  // The shards loaded apart (one of them 3 Organization vs 1 Place: no vote there), merged
  // either way round, and the files loaded the other way round give the same entities.
  REQUIRE(run_skein("load --db first.db first.jsonl", dir.path()).exit_code == 0);
  REQUIRE(run_skein("load --db second.db second.jsonl", dir.path()).exit_code == 0);
  REQUIRE(run_skein("merge first.db second.db -o ab.db", dir.path()).exit_code == 0);
  REQUIRE(run_skein("merge second.db first.db -o ba.db", dir.path()).exit_code == 0);
  REQUIRE(run_skein("load --db reversed.db second.jsonl first.jsonl", dir.path()).exit_code == 0);
  CHECK(entity_lines(dir, "ab.db") == expected);
  CHECK(entity_lines(dir, "ba.db") == expected);
  CHECK(entity_lines(dir, "reversed.db") == expected);

  // The fold is shown, marked as the vote's, and is no correction of the user's to export.
  auto list = run_skein("correct --db all.db list", dir.path());
  CHECK_THAT(list.out,
             Contains("label decided by corpus vote: 6 Organization vs 1 Place mentions"));
  auto show = run_skein("show --db all.db Acme", dir.path());
  CHECK_THAT(show.out, Contains("label decided by corpus vote"));
  auto exported = run_skein("correct --db all.db export -o -", dir.path());
  CHECK(exported.out.empty());

  // The user undoes it: the two are recorded distinct, and a later vote leaves them apart.
  auto undo = run_skein("correct --db all.db unmerge Place:acme", dir.path());
  INFO(undo.err);
  REQUIRE(undo.exit_code == 0);
  CHECK_THAT(undo.out, Contains("are distinct"));
  dir.write("more.jsonl", acme_line(7, "Organization"));
  REQUIRE(run_skein("load --db all.db more.jsonl", dir.path()).exit_code == 0);
  const auto after = entity_lines(dir, "all.db");
  CHECK(std::count(after.begin(), after.end(), "Organization:acme 7") == 1);
  CHECK(std::count(after.begin(), after.end(), "Place:acme 1") == 1);
}
