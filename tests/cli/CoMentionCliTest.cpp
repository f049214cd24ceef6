// The co-mention layer from the command line: path, neighbors and show fall back to it (and
// say so) when no relation connects; --co-mention switches it on in rank, render and export;
// long exports draw progress on a terminal only.

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <cctype>
#include <cstdio>
#include <string>

#include "CliRunner.h"

using skein::testing::run_skein;
using skein::testing::shell_quote;
using skein::testing::TempDir;

namespace {

rapidjson::Document parse_json(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str());
  REQUIRE_FALSE(document.HasParseError());
  return document;
}

const std::string kText =
    "Tony Blair and Michael Howard clashed over taxes. Michael Howard met Charles Kennedy in "
    "London.";
const std::string kFirst = "Tony Blair and Michael Howard clashed over taxes.";
const std::string kSecond = "Michael Howard met Charles Kennedy in London.";

// {"start":S,"end":E} of `needle` in kText, with "text" unless bare.
std::string span(const std::string& needle, bool bare = false) {
  const auto at = kText.find(needle);
  REQUIRE(at != std::string::npos);
  std::string json =
      R"({"start":)" + std::to_string(at) + R"(,"end":)" + std::to_string(at + needle.size());
  if (!bare) json += R"(,"text":")" + needle + "\"";
  return json + "}";
}

std::string entity(const std::string& label, const std::string& name) {
  std::string key;
  for (char c : name) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string mentions;
  for (auto at = kText.find(name); at != std::string::npos; at = kText.find(name, at + 1)) {
    if (!mentions.empty()) mentions += ",";
    mentions += R"({"start":)" + std::to_string(at) + R"(,"end":)" +
                std::to_string(at + name.size()) + R"(,"text":")" + name + "\"}";
  }
  return R"({"id":")" + label + ":" + key + R"(","label":")" + label + R"(","name":")" + name +
         R"(","mentions":[)" + mentions + "]}";
}

// One document: Blair and Howard share a sentence but no relation; Howard met Kennedy.
//   Tony Blair ~~co-mention~~ Michael Howard --met-with-- Charles Kennedy
std::string westminster_jsonl() {
  std::string evidence = span(kSecond);
  evidence.insert(evidence.size() - 1, R"(,"rule":"met")");
  return R"({"document":{"uri":"westminster.txt","title":"Westminster","published":"2005-03-01","text":")" +
         kText + R"("},"entities":[)" + entity("Person", "Tony Blair") + "," +
         entity("Person", "Michael Howard") + "," + entity("Person", "Charles Kennedy") + "," +
         entity("Place", "London") +
         R"(],"relations":[{"type":"met-with","source":"Person:michael howard","target":"Person:charles kennedy","evidence":[)" +
         evidence + R"(]}],"sentences":[)" + span(kFirst, true) + "," + span(kSecond, true) +
         "]}\n";
}

// A store in `dir` loaded from westminster_jsonl().
void load_store(const TempDir& dir) {
  dir.write("westminster.jsonl", westminster_jsonl());
  const auto loaded = run_skein("load westminster.jsonl", dir.path());
  INFO(loaded.err);
  REQUIRE(loaded.exit_code == 0);
}

}  // namespace

TEST_CASE("path falls back to co-mention when no chain of relations exists, and says so",
          "[cli][co-mention]") {
  TempDir dir;
  load_store(dir);
  auto text = run_skein("path 'Tony Blair' 'Charles Kennedy'", dir.path());
  INFO(text.out << text.err);
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("no chain of relations between Tony Blair and Charles "
                                       "Kennedy within 6 hops; falling back to co-mention"));
  CHECK_THAT(text.out, Catch::Contains("-[co-mention]-  co-mention: 1 shared sentence(s)"));
  CHECK_THAT(text.out, Catch::Contains(kFirst));
  CHECK_THAT(text.out, Catch::Contains("-[met-with]-  weight 1"));
  CHECK_THAT(text.out, Catch::Contains(kSecond));

  auto json = parse_json(run_skein("path 'Tony Blair' 'Charles Kennedy' --json", dir.path()).out);
  CHECK(json["co_mention_fallback"].GetBool());
  const auto& edges = json["paths"][0]["edges"];
  REQUIRE(edges.Size() == 2);
  CHECK(edges[0]["co_mention"].GetBool());
  CHECK(std::string(edges[0]["type"].GetString()) == "co-mention");
  CHECK(std::string(edges[0]["sentence"].GetString()) == kFirst);
  CHECK_FALSE(edges[1]["co_mention"].GetBool());
  CHECK(std::string(edges[1]["type"].GetString()) == "met-with");

  // A typed chain needs no fallback, and the hop shows the relation even though the pair is
  // co-mentioned too.
  auto typed = parse_json(
      run_skein("path 'Michael Howard' 'Charles Kennedy' --json --co-mention", dir.path()).out);
  CHECK_FALSE(typed["co_mention_fallback"].GetBool());
  CHECK(std::string(typed["paths"][0]["edges"][0]["type"].GetString()) == "met-with");

  // --co-mention mixes the layer in from the start: no fallback to announce.
  auto mixed = run_skein("path 'Tony Blair' 'Charles Kennedy' --co-mention", dir.path());
  CHECK(mixed.exit_code == 0);
  CHECK_THAT(mixed.out, !Catch::Contains("falling back"));
  CHECK_THAT(mixed.out, Catch::Contains("-[co-mention]-"));

  // Filters still apply to the fallback: only Place entities leaves no chain at all.
  auto none =
      run_skein("path 'Tony Blair' 'Charles Kennedy' --label Person --to 2004-01-01", dir.path());
  CHECK(none.exit_code == 2);
  CHECK_THAT(none.out, Catch::Contains("no path between Tony Blair and Charles Kennedy"));
}

TEST_CASE("neighbors falls back to co-mention for an entity no relation reaches",
          "[cli][co-mention]") {
  TempDir dir;
  load_store(dir);
  auto text = run_skein("neighbors 'Tony Blair'", dir.path());
  INFO(text.out << text.err);
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("Tony Blair has no relations; falling back to co-mention"));
  CHECK_THAT(text.out, Catch::Contains("Michael Howard"));
  CHECK_THAT(text.out, Catch::Contains("co-mention"));
  auto json = parse_json(run_skein("neighbors 'Tony Blair' --json", dir.path()).out);
  CHECK(json["co_mention_fallback"].GetBool());
  REQUIRE(json["neighbors"].Size() == 1);
  CHECK(std::string(json["neighbors"][0]["name"].GetString()) == "Michael Howard");
  CHECK(std::string(json["neighbors"][0]["relations"][0].GetString()) == "co-mention");
  // An entity with relations gets no fallback.
  auto kennedy = parse_json(run_skein("neighbors 'Charles Kennedy' --json", dir.path()).out);
  CHECK_FALSE(kennedy["co_mention_fallback"].GetBool());
  CHECK(kennedy["neighbors"].Size() == 1);
}

TEST_CASE("show lists co-mention links with their sentences when an entity has no relations",
          "[cli][co-mention]") {
  TempDir dir;
  load_store(dir);
  auto text = run_skein("show 'Tony Blair'", dir.path());
  INFO(text.out << text.err);
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("no relations"));
  CHECK_THAT(text.out, Catch::Contains("falling back to co-mention"));
  CHECK_THAT(
      text.out,
      Catch::Contains("co-mention -- Michael Howard [Person]  1 sentence(s) in 1 document(s)"));
  CHECK_THAT(text.out, Catch::Contains(kFirst));
  auto json = parse_json(run_skein("show 'Tony Blair' --json", dir.path()).out);
  CHECK(json["co_mention_fallback"].GetBool());
  REQUIRE(json["co_mentions"].Size() == 1);
  CHECK(std::string(json["co_mentions"][0]["other_name"].GetString()) == "Michael Howard");
  CHECK(json["co_mentions"][0]["sentences"].GetDouble() == 1);
  CHECK(std::string(json["co_mentions"][0]["evidence"][0]["sentence"].GetString()) == kFirst);

  // With relations: no co-mention section, unless asked for.
  auto kennedy = run_skein("show 'Charles Kennedy'", dir.path());
  CHECK_THAT(kennedy.out, Catch::Contains("met-with"));
  CHECK_THAT(kennedy.out, !Catch::Contains("co-mention"));
  auto asked = run_skein("show 'Charles Kennedy' --co-mention", dir.path());
  CHECK_THAT(asked.out, Catch::Contains("co-mention -- London [Place]"));
  CHECK_THAT(asked.out, !Catch::Contains("falling back"));
}

TEST_CASE(
    "the --co-mention option switches the layer on in rank, render and export, and it is off by "
    "default",
    "[cli][co-mention]") {
  TempDir dir;
  load_store(dir);
  auto degree_of_blair = [&](const std::string& options) {
    auto json = parse_json(run_skein("rank --by degree --top 0 --json " + options, dir.path()).out);
    for (const auto& row : json["ranking"].GetArray()) {
      if (std::string(row["name"].GetString()) == "Tony Blair") return row["degree"].GetInt();
    }
    return -1;
  };
  CHECK(degree_of_blair("") == 0);
  CHECK(degree_of_blair("--co-mention") == 1);

  auto dot = run_skein("render -f dot", dir.path());
  REQUIRE(dot.exit_code == 0);
  CHECK_THAT(dot.out, !Catch::Contains("Tony Blair"));
  auto dot_layer = run_skein("render -f dot --co-mention", dir.path());
  REQUIRE(dot_layer.exit_code == 0);
  CHECK_THAT(dot_layer.out, Catch::Contains("Tony Blair"));
  // The drawing labels the link "co mention" (relation labels read without hyphens).
  CHECK_THAT(dot_layer.out, Catch::Contains("Tony Blair — co mention — Michael Howard"));

  for (const std::string format : {"graphml", "json", "gexf"}) {
    auto plain = run_skein("export " + format + " --layout none", dir.path());
    REQUIRE(plain.exit_code == 0);
    CHECK_THAT(plain.out, !Catch::Contains("co-mention"));
    auto layer = run_skein("export " + format + " --layout none --co-mention", dir.path());
    REQUIRE(layer.exit_code == 0);
    CHECK_THAT(layer.out, Catch::Contains("co-mention"));
    CHECK_THAT(layer.out, Catch::Contains(kFirst));  // its sentences travel as evidence
  }
}

TEST_CASE("export draws progress on a terminal's stderr, never into a pipe", "[cli][co-mention]") {
  TempDir dir;
  load_store(dir);
  const auto piped = run_skein("export graphml -o out.graphml", dir.path());
  REQUIRE(piped.exit_code == 0);
  CHECK(piped.err.find('\r') == std::string::npos);
  CHECK_THAT(piped.err, Catch::Contains("skein export: 4 entities"));

  // script(1) runs the export on a pseudo-terminal and copies what the terminal showed.
  const std::string export_command =
      shell_quote(SKEIN_BINARY) + " export graphml -o tty.graphml --co-mention";
  const std::string command = "cd " + shell_quote(dir.path().string()) + " && script -qec " +
                              shell_quote(export_command) + " /dev/null";
  std::string shown;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    shown.append(buffer, n);
  REQUIRE(pclose(pipe) == 0);
  INFO(shown);
  CHECK_THAT(shown, Catch::Contains("\r\033[Klaying out 4 entities"));
  CHECK_THAT(shown, Catch::Contains("\r\033[Kentities 0 of 4"));
  CHECK_THAT(shown, Catch::Contains("skein export: 4 entities"));
  // The line is wiped before the summary.
  CHECK(shown.find("\r\033[Kskein export:") != std::string::npos);
}
