// Evidence in every export: GEXF (1.3 and 1.2), GraphML, the three JSON styles and the Gephi
// CSVs carry each relation's first sentences with their documents and a count, read back by
// the real clients (NetworkX, igraph, graphology, xmllint, Python's csv); symmetric relations
// come out as one undirected edge; and --from, --to and --text-only select the same sentences
// in all of them as in the neo4j and cypher exports.

#include <rapidjson/document.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "ExportTestSupport.h"
#include "exporters/Exporter.h"
#include "graph/GraphView.h"
#include "store/Store.h"

using namespace skein;
using namespace skein::exporters;
using test::Doc;

namespace {

constexpr const char* kOld = "Wang Yi met Cho Tae-yul at the old harbour.";   // 2001-02-03
constexpr const char* kNew = "Wang Yi met Cho Tae-yul at the new tower.";     // 2009-08-07
constexpr const char* kFact = "Gazetteer says Wang Yi met Cho Tae-yul.";      // 2009, knowledge
constexpr const char* kUndated = "Wang Yi met Cho Tae-yul in a quiet room.";  // no date
constexpr const char* kSeoul = "Seoul is in Korea.";                          // 2009, located-in

// One symmetric relation (met-with, four sentences in four documents) and one directed one
// (located-in), so the graph is mixed.
void fill(store::Store& store) {
  store.set_relation_symmetry("met-with", true);  // as ingest declares the ontology's types
  auto people = [](Doc doc) {
    doc.entity("Person", "wang yi", "Wang Yi").entity("Person", "cho tae-yul", "Cho Tae-yul");
    return doc;
  };
  const std::string wang = "Person:wang yi", cho = "Person:cho tae-yul";
  store.put(people(Doc("news/old.txt", "Old talks", kOld, "2001-02-03"))
                .relation("met-with", cho, wang, kOld, 0.8)
                .get());
  store.put(people(Doc("news/new.txt", "New talks", std::string(kSeoul) + " " + kNew, "2009-08-07"))
                .entity("Place", "seoul", "Seoul")
                .entity("Country", "KR", "Korea")
                .relation("met-with", cho, wang, kNew, 0.7)
                .relation("located-in", "Place:seoul", "Country:KR", kSeoul, 0.9)
                .get());
  store.put(people(Doc("kb/fact.txt", "Reference entry", kFact, "2009-08-07"))
                .relation("met-with", cho, wang, kFact, 0.9, basis::kKnowledge)
                .get());
  store.put(people(Doc("notes/undated.txt", "Undated note", kUndated, ""))
                .relation("met-with", cho, wang, kUndated, 0.5)
                .get());
}

rapidjson::Document parse_output(const test::ProcessResult& result) {
  INFO("client stderr: " << result.errors);
  INFO("client stdout: " << result.output.substr(0, 2000));
  REQUIRE(result.status == 0);
  rapidjson::Document document;
  document.Parse(result.output.c_str());
  REQUIRE_FALSE(document.HasParseError());
  return document;
}

std::vector<std::string> strings(const rapidjson::Value& array) {
  std::vector<std::string> out;
  for (const auto& item : array.GetArray())
    out.emplace_back(item.IsString() ? item.GetString() : "<not a string>");
  return out;
}

// A JSON array of strings held in a string attribute (GraphML, GEXF liststring, CSV).
std::vector<std::string> json_list(const rapidjson::Value& text) {
  REQUIRE(text.IsString());
  rapidjson::Document document;
  document.Parse(text.GetString());
  REQUIRE_FALSE(document.HasParseError());
  REQUIRE(document.IsArray());
  return strings(document);
}

// NetworkX's [u, v, data] triple whose data has relation `relation`.
const rapidjson::Value& networkx_edge(const rapidjson::Value& json, const std::string& relation) {
  for (const auto& edge : json["edges_data"].GetArray()) {
    if (edge[2].HasMember("relation") && edge[2]["relation"].GetString() == relation)
      return edge[2];
  }
  FAIL("no " << relation << " edge");
  throw;
}

const std::vector<std::string> kAllSentences = {kOld, kNew, kFact, kUndated};

std::string directory_text(const std::filesystem::path& dir) {
  std::string text;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.is_regular_file()) text += test::read_file(entry.path().string());
  return text;
}

}  // namespace

TEST_CASE(
    "GraphML read by NetworkX and igraph has each relation once, undirected, with its "
    "sentences",
    "[exporters][clients][evidence]") {
  store::Store store(":memory:");
  fill(store);
  const auto view = graph::GraphView::from_store(store);
  REQUIRE(store.stats().edges == 2);
  test::ScratchDir dir("evidence-graphml");
  const std::string path = dir / "graph.graphml";
  const auto summary = export_graph(Format::kGraphml, {view, &store}, path);
  CHECK(summary.evidence == 5);

  const auto nx = parse_output(test::run_python("read_networkx.py", {"graphml", path}));
  CHECK(nx["edges"].GetInt64() == store.stats().edges);
  CHECK_FALSE(nx["directed"].GetBool());
  const auto& met = networkx_edge(nx, "met-with");
  CHECK(json_list(met["evidence_sentences"]) == kAllSentences);
  CHECK(json_list(met["evidence_uris"]) == std::vector<std::string>{"news/old.txt", "news/new.txt",
                                                                    "kb/fact.txt",
                                                                    "notes/undated.txt"});
  CHECK(json_list(met["evidence_titles"]) ==
        std::vector<std::string>{"Old talks", "New talks", "Reference entry", "Undated note"});
  CHECK(json_list(met["evidence_dates"]) ==
        std::vector<std::string>{"2001-02-03", "2009-08-07", "2009-08-07", ""});
  CHECK(met["evidence_count"].GetInt() == 4);
  CHECK_FALSE(met.HasMember("source_id"));  // symmetric: no direction to keep
  const auto& located = networkx_edge(nx, "located-in");
  // Node ids are "n<store id>" (appended: `"n" + std::string&&` trips GCC 12's -Wrestrict).
  std::string seoul = "n", korea = "n";
  seoul += std::to_string(store.find_nodes("Seoul").at(0).id);
  korea += std::to_string(store.find_nodes("Korea").at(0).id);
  CHECK(std::string(located["source_id"].GetString()) == seoul);
  CHECK(std::string(located["target_id"].GetString()) == korea);
  CHECK(json_list(located["evidence_sentences"]) == std::vector<std::string>{kSeoul});

  const auto ig = parse_output(test::run_python("read_igraph.py", {path}));
  CHECK(ig["edges"].GetInt64() == store.stats().edges);
  CHECK_FALSE(ig["directed"].GetBool());
  const auto relations = strings(ig["edges_data"]["relation"]);
  const auto sentences = ig["edges_data"]["evidence_sentences"].GetArray();
  REQUIRE(relations.size() == 2);
  for (std::size_t i = 0; i < relations.size(); ++i) {
    INFO(relations[i]);
    CHECK(json_list(sentences[static_cast<rapidjson::SizeType>(i)]) ==
          (relations[i] == "met-with" ? kAllSentences : std::vector<std::string>{kSeoul}));
  }
}

TEST_CASE("GEXF 1.2 read by NetworkX has as many edges as the store, with their sentences",
          "[exporters][clients][evidence]") {
  store::Store store(":memory:");
  fill(store);
  const auto view = graph::GraphView::from_store(store);
  test::ScratchDir dir("evidence-gexf12");
  const std::string path = dir / "graph.gexf";
  ExportOptions options;
  options.gexf_version = "1.2";
  export_graph(Format::kGexf, {view, &store}, path, options);
  const auto nx = parse_output(test::run_python("read_networkx.py", {"gexf", path}));
  CHECK(nx["edges"].GetInt64() == store.stats().edges);
  CHECK_FALSE(nx["directed"].GetBool());
  const auto& met = networkx_edge(nx, "met-with");
  CHECK(json_list(met["evidence_sentences"]) == kAllSentences);
  CHECK(met["evidence_count"].GetInt() == 4);
  CHECK(networkx_edge(nx, "located-in").HasMember("target_id"));
}

TEST_CASE(
    "GEXF 1.3 with evidence validates against the RELAX NG schema and graphology reads the "
    "sentence lists",
    "[exporters][clients][evidence]") {
  store::Store store(":memory:");
  fill(store);
  const auto view = graph::GraphView::from_store(store);
  test::ScratchDir dir("evidence-gexf13");
  const std::string path = dir / "graph.gexf";
  export_graph(Format::kGexf, {view, &store}, path);
  const std::string schema = std::string(SKEIN_SHARED_DIR) + "/schemas/gexf-1.3/gexf.rng";
  const auto lint = test::run_process("xmllint --noout --relaxng " + test::shell_quote(schema) +
                                      " " + test::shell_quote(path));
  INFO(lint.errors);
  CHECK(lint.status == 0);

  const auto json = parse_output(test::run_node("read_gexf.js", {path}));
  CHECK(json["edges"].GetInt64() == store.stats().edges);
  CHECK(std::string(json["type"].GetString()) == "mixed");
  bool seen = false;
  for (const auto& edge : json["edgeList"].GetArray()) {
    if (std::string(edge["relation"].GetString()) != "met-with") continue;
    seen = true;
    CHECK(edge["undirected"].GetBool());
    CHECK(edge["evidenceCount"].GetInt() == 4);
    REQUIRE(edge["sentences"].IsArray());
    CHECK(strings(edge["sentences"]) == kAllSentences);
    CHECK(strings(edge["dates"]) ==
          std::vector<std::string>{"2001-02-03", "2009-08-07", "2009-08-07", ""});
  }
  CHECK(seen);
}

TEST_CASE("JSON edges carry an evidence array capped by evidence_per_edge, with the full count",
          "[exporters][evidence]") {
  store::Store store(":memory:");
  fill(store);
  const auto view = graph::GraphView::from_store(store);
  test::ScratchDir dir("evidence-json");
  ExportOptions options;
  options.evidence_per_edge = 2;
  const auto summary = export_graph(Format::kJson, {view, &store}, dir / "graph.json", options);
  CHECK(summary.evidence == 3);   // two of met-with's four, and located-in's one
  CHECK(summary.documents == 2);  // old and new
  rapidjson::Document json;
  json.Parse(test::read_file(dir / "graph.json").c_str());
  REQUIRE_FALSE(json.HasParseError());
  bool seen = false;
  for (const auto& edge : json["elements"]["edges"].GetArray()) {
    const auto& data = edge["data"];
    if (std::string(data["relation"].GetString()) != "met-with") continue;
    seen = true;
    CHECK(data["evidence_count"].GetInt() == 4);
    const auto& evidence = data["evidence"];
    REQUIRE(evidence.Size() == 2);
    CHECK(std::string(evidence[0]["sentence"].GetString()) == kOld);
    CHECK(std::string(evidence[0]["uri"].GetString()) == "news/old.txt");
    CHECK(std::string(evidence[0]["title"].GetString()) == "Old talks");
    CHECK(std::string(evidence[0]["date"].GetString()) == "2001-02-03");
    CHECK(std::string(evidence[0]["basis"].GetString()) == "text");
    CHECK(evidence[0]["end"].GetInt() - evidence[0]["start"].GetInt() ==
          static_cast<int>(std::string(kOld).size()));
    CHECK(std::string(evidence[1]["sentence"].GetString()) == kNew);
  }
  CHECK(seen);

  // 0 = none: no evidence attribute in any of the four formats.
  options.evidence_per_edge = 0;
  for (const auto format : {Format::kGexf, Format::kGraphml, Format::kJson}) {
    const std::string path = dir / ("none." + std::string(format_name(format)));
    CHECK(export_graph(format, {view, &store}, path, options).evidence == 0);
    const std::string text = test::read_file(path);
    CHECK(text.find("evidence") == std::string::npos);
    CHECK(text.find("old harbour") == std::string::npos);
  }
  export_graph(Format::kCsv, {view, &store}, dir / "none-csv", options);
  CHECK(directory_text(dir / "none-csv").find("evidence") == std::string::npos);
}

TEST_CASE("Gephi CSV edges carry the evidence count and sentence lists as columns",
          "[exporters][clients][evidence]") {
  store::Store store(":memory:");
  fill(store);
  const auto view = graph::GraphView::from_store(store);
  test::ScratchDir dir("evidence-csv");
  export_graph(Format::kCsv, {view, &store}, dir / "csv");
  const auto json = parse_output(test::run_python("read_gephi_csv.py", {dir / "csv"}));
  const auto columns = strings(json["edge_columns"]);
  CHECK(std::vector<std::string>(columns.end() - 5, columns.end()) ==
        std::vector<std::string>{"evidence_count", "evidence_sentences", "evidence_uris",
                                 "evidence_titles", "evidence_dates"});
  std::vector<std::vector<std::string>> sentences;
  for (const auto& list : json["sentences"].GetArray()) sentences.push_back(strings(list));
  std::sort(sentences.begin(), sentences.end());
  CHECK(sentences == std::vector<std::vector<std::string>>{{kSeoul}, kAllSentences});
}

TEST_CASE("Every format's evidence honours --from, --to and --text-only alike",
          "[exporters][evidence][filter]") {
  store::Store store(":memory:");
  fill(store);
  struct Case {
    const char* name;
    graph::GraphFilter filter;
    std::vector<std::string> kept, dropped;
  };
  auto filter = [](std::string from, std::string to, bool text_only) {
    graph::GraphFilter f;
    f.from_date = std::move(from);
    f.to_date = std::move(to);
    f.text_only = text_only;
    return f;
  };
  const std::vector<Case> cases = {
      {"no filter", filter("", "", false), {kOld, kNew, kFact, kUndated, kSeoul}, {}},
      {"--from 2005-01-01",
       filter("2005-01-01", "", false),
       {kNew, kFact, kSeoul},
       {kOld, kUndated}},
      {"--to 2005-01-01", filter("", "2005-01-01", false), {kOld}, {kNew, kFact, kUndated, kSeoul}},
      {"--text-only", filter("", "", true), {kOld, kNew, kUndated, kSeoul}, {kFact}},
      {"--from 2005-01-01 --text-only",
       filter("2005-01-01", "", true),
       {kNew, kSeoul},
       {kOld, kFact, kUndated}},
  };
  struct Output {
    const char* name;
    Format format;
    ExportOptions options;
  };
  std::vector<Output> outputs = {
      {"neo4j", Format::kNeo4j, {}},     {"cypher", Format::kCypher, {}},
      {"gexf 1.3", Format::kGexf, {}},   {"gexf 1.2", Format::kGexf, {}},
      {"graphml", Format::kGraphml, {}}, {"cytoscape", Format::kJson, {}},
      {"d3", Format::kJson, {}},         {"jgf", Format::kJson, {}},
      {"csv", Format::kCsv, {}}};
  outputs[3].options.gexf_version = "1.2";
  outputs[6].options.json_style = JsonStyle::kD3;
  outputs[7].options.json_style = JsonStyle::kJgf;
  test::ScratchDir dir("evidence-filter");
  for (const auto& c : cases) {
    const auto view = graph::GraphView::from_store(store, c.filter);
    for (const auto& output : outputs) {
      INFO(output.name << " with " << c.name);
      const std::string path = dir / "out";
      std::filesystem::remove_all(path);
      const auto summary =
          export_graph(output.format, {view, &store, &c.filter}, path, output.options);
      CHECK(summary.evidence == c.kept.size());
      const std::string text =
          writes_directory(output.format) ? directory_text(path) : test::read_file(path);
      for (const auto& sentence : c.kept) CHECK(text.find(sentence) != std::string::npos);
      for (const auto& sentence : c.dropped) CHECK(text.find(sentence) == std::string::npos);
    }
  }
}
