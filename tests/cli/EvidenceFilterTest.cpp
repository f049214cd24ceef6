// --from, --to and --text-only select the same evidence everywhere it is shown: the SVG
// tooltips of `skein render`, the cards of `skein show` (text and JSON), and every export
// (the evidence rows of neo4j, cypher and html, the edge weights of the other four formats). The
// filter lives in the store (store::EvidenceFilter); this checks that every reader goes through it.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "CliRunner.h"

namespace skein::testing {
namespace {

// One relation, South Korea met-with Japan, supported by three documents: an old sentence
// (2001), a new one (2009) and a gazetteer fact (2009, knowledge basis).
std::string document_line(const std::string& uri, const std::string& date, const std::string& text,
                          const std::string& basis) {
  const auto kr = text.find("South Korea");
  const auto jp = text.find("Japan");
  auto span = [](std::size_t start, std::size_t size) {
    return "\"start\":" + std::to_string(start) + ",\"end\":" + std::to_string(start + size);
  };
  return "{\"document\":{\"id\":\"" + uri + "\",\"uri\":\"" + uri + "\",\"title\":\"" + uri +
         "\",\"published\":\"" + date + "\",\"text\":\"" + text + "\"},\"entities\":[" +
         "{\"id\":\"Country:KR\",\"label\":\"Country\",\"key\":\"KR\",\"name\":\"South Korea\"," +
         "\"mentions\":[{" + span(kr, 11) + ",\"text\":\"South Korea\"}]}," +
         "{\"id\":\"Country:JP\",\"label\":\"Country\",\"key\":\"JP\",\"name\":\"Japan\"," +
         "\"mentions\":[{" + span(jp, 5) + ",\"text\":\"Japan\"}]}],\"relations\":[" +
         "{\"type\":\"met-with\",\"source\":\"Country:JP\",\"target\":\"Country:KR\",\"basis\":\"" +
         basis + "\",\"confidence\":0.5,\"evidence\":[{" + span(0, text.size()) +
         ",\"rule\":\"test\",\"text\":\"" + text + "\",\"confidence\":0.5}]}]}\n";
}

constexpr const char* kOld = "old harbour";  // 2001-02-03, text
constexpr const char* kNew = "new tower";    // 2009-08-07, text
constexpr const char* kFact = "Gazetteer";   // 2009-08-07, knowledge

struct Case {
  std::string options;
  std::vector<std::string> kept;
  std::vector<std::string> dropped;
  int weight;  // evidence rows left on the one relation
};

// The edge weight as each sentence-less format writes it.
std::vector<std::pair<std::string, std::string>> weight_spellings(int weight) {
  const std::string n = std::to_string(weight);
  return {{"gexf", "weight=\"" + n + "\""},
          {"graphml", "<data key=\"e_weight\">" + n + "</data>"},
          {"json", "\"weight\":" + n + ".0"},
          {"csv", "\"met-with\"," + n + ",\"met-with\""}};
}

std::string directory_text(const std::filesystem::path& dir) {
  std::string text;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file()) text += read_file(entry.path());
  }
  return text;
}

}  // namespace

TEST_CASE("SVG tooltips, show and every export honour --from, --to and --text-only alike",
          "[cli][filter]") {
  TempDir dir;
  dir.write("f.jsonl", document_line("old.txt", "2001-02-03",
                                     "South Korea met Japan at the old harbour.", "text") +
                           document_line("new.txt", "2009-08-07",
                                         "South Korea met Japan at the new tower.", "text") +
                           document_line("fact.txt", "2009-08-07",
                                         "Gazetteer says South Korea borders Japan.", "knowledge"));
  REQUIRE(run_skein("load f.jsonl", dir.path()).exit_code == 0);

  const std::vector<Case> cases = {
      {"", {kOld, kNew, kFact}, {}, 3},
      {"--from 2005-01-01", {kNew, kFact}, {kOld}, 2},
      {"--to 2005-01-01", {kOld}, {kNew, kFact}, 1},
      {"--text-only", {kOld, kNew}, {kFact}, 2},
      {"--from 2005-01-01 --text-only", {kNew}, {kOld, kFact}, 1},
  };
  for (const Case& c : cases) {
    // Every output that shows sentences: the SVG's tooltips, both cards, the provenance of
    // the three exports that carry evidence.
    const auto svg = run_skein("render " + c.options + " -o out.svg", dir.path());
    REQUIRE(svg.exit_code == 0);
    const auto card = run_skein("show " + c.options + " --evidence 0 'South Korea'", dir.path());
    REQUIRE(card.exit_code == 0);
    const auto json_card = run_skein("show --json " + c.options + " --evidence 0 KR", dir.path());
    REQUIRE(json_card.exit_code == 0);
    REQUIRE(run_skein("export neo4j " + c.options + " -o neo4j", dir.path()).exit_code == 0);
    REQUIRE(run_skein("export cypher " + c.options + " -o out.cypher", dir.path()).exit_code == 0);
    REQUIRE(run_skein("export html " + c.options + " -o out.html", dir.path()).exit_code == 0);
    const std::vector<std::pair<std::string, std::string>> outputs = {
        {"render svg", read_file(dir / "out.svg")},
        {"show", card.out},
        {"show --json", json_card.out},
        {"export neo4j", directory_text(dir / "neo4j")},
        {"export cypher", read_file(dir / "out.cypher")},
        {"export html", read_file(dir / "out.html")},
    };
    for (const auto& [what, text] : outputs) {
      INFO(what << " " << c.options);
      for (const auto& sentence : c.kept) CHECK(text.find(sentence) != std::string::npos);
      for (const auto& sentence : c.dropped) CHECK(text.find(sentence) == std::string::npos);
    }
    // The card's relation line counts the same evidence.
    CHECK(card.out.find("weight " + std::to_string(c.weight) + ",") != std::string::npos);

    // Every format's relation weight counts only the evidence that passes.
    for (const auto& [format, spelling] : weight_spellings(c.weight)) {
      const bool directory = format == "csv";
      const std::string target = directory ? "csv" : "out." + format;
      REQUIRE(
          run_skein("export " + format + " " + c.options + " -o " + target, dir.path()).exit_code ==
          0);
      const std::string text =
          directory ? read_file(dir / "csv" / "edges.csv") : read_file(dir / target);
      INFO(format << " " << c.options);
      CHECK(text.find(spelling) != std::string::npos);
    }
  }
}

}  // namespace skein::testing
