// Injection: a store whose entity names and evidence sentences carry quotes, markup, Cypher
// and SQL fragments, newlines, control characters, ANSI escapes, a right-to-left override and
// emoji, built end to end through `skein load` (extraction only makes entities from what it
// recognises). Every output is then read back by a real reader (check_outputs.py: xmllint,
// Graphviz, Python's json and csv, NetworkX, a Cypher literal scanner) and must keep every
// name exactly; terminal tables must hold no raw control bytes.

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "HardeningSupport.h"

using skein::hardening::has_raw_control;
using skein::hardening::Outcome;
using skein::hardening::run;
using skein::hardening::run_shell;
using skein::testing::shell_quote;
using skein::testing::TempDir;

namespace {

const std::vector<std::string> kHostileNames = {
    "Robert \"Bobby\" O'Neil",
    "<script>alert('x')</script>",
    "\"; DROP TABLE nodes; --",
    "'}) DETACH DELETE n //",
    "Line\nBreak\r\nCorp",
    "Bell\x07Tab\tNUL-free\x01\x1f\x7f",
    "\x1b[31mRed\x1b[0m Alert",
    "\xe2\x80\xae"
    "gnp.exe Holdings",  // U+202E RIGHT-TO-LEFT OVERRIDE
    "\xf0\x9f\xa6\x84 Unicorn \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9",  // emoji, ZWJ
    "Back\\slash & <amp> ]]> --> {curly} $param",
    "Comma, Semi; Pipe| \"Quote\"",
    "\xc2\x85"
    "C1 next-line \xc2\x9b"
    "31m",  // C1 controls NEL and CSI
};

std::string extraction_line() {
  // One document: a sentence per adjacent pair of names, so every entity has a relation whose
  // evidence sentence holds two hostile names.
  std::string text;
  struct Span {
    std::size_t start, end;
  };
  std::vector<std::vector<Span>> mentions(kHostileNames.size());
  std::vector<Span> sentences;
  for (std::size_t i = 0; i < kHostileNames.size(); ++i) {
    const auto& a = kHostileNames[i];
    const auto& b = kHostileNames[(i + 1) % kHostileNames.size()];
    const std::size_t start = text.size();
    mentions[i].push_back({text.size(), text.size() + a.size()});
    text += a + " met ";
    mentions[(i + 1) % kHostileNames.size()].push_back({text.size(), text.size() + b.size()});
    text += b;
    sentences.push_back({start, text.size()});
    text += ". ";
  }
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  auto str = [&](const std::string& s) {
    w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
  };
  auto id = [](std::size_t i) {
    // Labels met-with may link (schema/ontology.rules): load refuses a relation that contradicts
    // them.
    return std::string(i % 3 == 0   ? "Person"
                       : i % 3 == 1 ? "Organization"
                                    : "Country") +
           ":" + kHostileNames[i];
  };
  w.StartObject();
  w.Key("document");
  w.StartObject();
  w.Key("uri");
  str("hostile://\"doc\"\n<1>");
  w.Key("title");
  str("\x1b[2J<title>\"Evil\" & 'Co'\n");
  w.Key("published");
  str("2024-01-02");
  w.Key("text");
  str(text);
  w.EndObject();
  w.Key("entities");
  w.StartArray();
  for (std::size_t i = 0; i < kHostileNames.size(); ++i) {
    w.StartObject();
    w.Key("id");
    str(id(i));
    w.Key("label");
    str(id(i).substr(0, id(i).find(':')));
    w.Key("name");
    str(kHostileNames[i]);
    w.Key("aliases");
    w.StartArray();
    str("alias;" + kHostileNames[i] + "|x");
    w.EndArray();
    w.Key("props");
    w.StartObject();
    w.Key("note\"key");
    str("v\n'" + kHostileNames[i]);
    w.EndObject();
    w.Key("mentions");
    w.StartArray();
    for (const auto& span : mentions[i]) {
      w.StartObject();
      w.Key("start");
      w.Uint64(span.start);
      w.Key("end");
      w.Uint64(span.end);
      w.Key("text");
      str(text.substr(span.start, span.end - span.start));
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("relations");
  w.StartArray();
  for (std::size_t i = 0; i < kHostileNames.size(); ++i) {
    std::string a = id(i), b = id((i + 1) % kHostileNames.size());
    if (b < a) std::swap(a, b);
    w.StartObject();
    w.Key("type");
    str("met-with");
    w.Key("source");
    str(a);
    w.Key("target");
    str(b);
    w.Key("confidence");
    w.Double(0.9);
    w.Key("props");
    w.StartObject();
    w.Key("role");
    str("\"Chief\" <b>\n" + kHostileNames[i]);
    w.EndObject();
    w.Key("evidence");
    w.StartArray();
    w.StartObject();
    w.Key("start");
    w.Uint64(sentences[i].start);
    w.Key("end");
    w.Uint64(sentences[i].end);
    w.Key("rule");
    str("rule\"'<>\n");
    w.Key("text");
    str(text.substr(sentences[i].start, sentences[i].end - sentences[i].start));
    w.Key("confidence");
    w.Double(0.9);
    w.EndObject();
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return buffer.GetString();
}

std::string names_json() {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartArray();
  for (const auto& name : kHostileNames)
    w.String(name.c_str(), static_cast<rapidjson::SizeType>(name.size()));
  w.EndArray();
  return buffer.GetString();
}

}  // namespace

TEST_CASE("hostile entity names and evidence are escaped in every output format",
          "[hardening][injection]") {
  TempDir dir;
  dir.write("hostile.jsonl", extraction_line() + "\n");
  dir.write("names.json", names_json());
  auto load = run("--db store.db load hostile.jsonl", dir.path());
  INFO(load.err);
  REQUIRE(load.exit_code == 0);
  std::filesystem::create_directories(dir / "out");

  struct Step {
    std::string arguments;
    std::string output;  // stdout goes here when not empty
  };
  const std::vector<Step> steps = {
      {"render -f dot --keep-isolated -o out/graph.dot", ""},
      {"render -f svg --keep-isolated -o out/graph.svg", ""},
      {"render -f png --keep-isolated -o out/graph.png", ""},
      {"export gexf -o out/graph.gexf", ""},
      {"export gexf --gexf-version 1.2 -o out/graph12.gexf", ""},
      {"export graphml -o out/graph.graphml", ""},
      {"export json -o out/graph-cytoscape.json", ""},
      {"export json --style d3 -o out/graph-d3.json", ""},
      {"export json --style jgf -o out/graph-jgf.json", ""},
      {"export csv -o out/csv", ""},
      {"export neo4j -o out/neo4j", ""},
      {"export cypher -o out/graph.cypher", ""},
      {"entities -n 0", "out/entities.txt"},
      {"entities -n 0 --json", "out/entities.json"},
      {"relations -n 0", "out/relations.txt"},
      {"relations -n 0 --json", "out/relations.json"},
      {"show " + shell_quote("Person:" + kHostileNames[0]) + " -e 0", "out/show.txt"},
      {"show " + shell_quote("Person:" + kHostileNames[0]) + " --json", "out/show.json"},
      {"path " + shell_quote("Person:" + kHostileNames[0]) + " " +
           shell_quote("Organization:" + kHostileNames[1]),
       "out/path.txt"},
      {"stats", "out/stats.txt"},
  };
  for (const auto& step : steps) {
    Outcome outcome = run("--db store.db " + step.arguments, dir.path(), std::chrono::seconds(120));
    INFO(step.arguments << "\n" << outcome.err);
    CHECK(outcome.exit_code == 0);
    CHECK_FALSE(has_raw_control(outcome.err));
    if (!step.output.empty()) {
      std::ofstream(dir / step.output, std::ios::binary) << outcome.out;
    } else {
      // Files go to -o; nothing raw reaches the terminal.
      CHECK_FALSE(has_raw_control(outcome.out));
    }
  }
  const auto rng = skein::testing::shared_dir() / "schemas" / "gexf-1.3" / "gexf.rng";
  auto check = run_shell(
      "GEXF_RNG=" + shell_quote(rng.string()) + " /usr/bin/python3 " +
          shell_quote((skein::testing::source_dir() / "tests" / "hardening" / "check_outputs.py")
                          .string()) +
          " names.json out",
      dir.path(), std::chrono::seconds(180));
  if (check.exit_code != 0) {
    // Keep the outputs for a look after the temporary directory is gone.
    const auto kept = std::filesystem::temp_directory_path() / "skein-injection-failure";
    std::filesystem::remove_all(kept);
    std::filesystem::copy(dir.path(), kept, std::filesystem::copy_options::recursive);
    WARN("outputs kept in " << kept.string());
  }
  INFO(check.out << check.err);
  CHECK(check.exit_code == 0);
}

TEST_CASE("a terminal never receives raw control bytes from stored names",
          "[hardening][injection]") {
  TempDir dir;
  dir.write("hostile.jsonl", extraction_line() + "\n");
  REQUIRE(run("--db store.db load hostile.jsonl", dir.path()).exit_code == 0);
  for (const std::string& command :
       std::vector<std::string>{"entities -n 0", "relations -n 0", "stats",
                                "show " + shell_quote("Person:" + kHostileNames[3]),
                                "show " + shell_quote("\x1b[31mRed"),
                                "path " + shell_quote(kHostileNames[6]) + " nobody",
                                "neighbors " + shell_quote("Country:" + kHostileNames[2]), "rank",
                                "components", "communities"}) {
    auto outcome = run("--db store.db " + command, dir.path(), std::chrono::seconds(60));
    INFO(command << "\n" << outcome.out << outcome.err);
    CHECK(outcome.exit_code < 128);
    CHECK_FALSE(has_raw_control(outcome.out));
    CHECK_FALSE(has_raw_control(outcome.err));
  }
}
