// Every format read back by a real client, never by our own reader: xmllint with the official
// GEXF 1.3 RELAX NG schema, graphology-gexf, NetworkX, python-igraph, Neo4j's Cypher linter,
// Kuzu (loads the neo4j-admin CSVs), headless Cytoscape.js and Python's csv module. The
// hostile graph's names (quotes, commas, newlines, <, &, backslashes, emoji, RTL) must come
// back unchanged from each of them.

#include <rapidjson/document.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <set>

#include "ExportTestSupport.h"
#include "exporters/Exporter.h"
#include "graph/ShortestPath.h"

using namespace skein;
using namespace skein::exporters;
using skein::exporters::test::hostile_names;
using skein::exporters::test::hostile_view;
using skein::exporters::test::ScratchDir;

namespace {

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

std::set<std::string> string_set(const rapidjson::Value& array) {
  auto list = strings(array);
  return {list.begin(), list.end()};
}

std::string export_file(Format format, const ScratchDir& dir, const std::string& name,
                        const ExportOptions& options = {}) {
  const auto view = hostile_view();
  const std::string path = dir / name;
  export_graph(format, {view}, path, options);
  return path;
}

const std::set<std::string> kNodeAttributes = {
    "aliases", "community", "degree", "end",  "key",      "pagerank",  "prop_name",
    "role",    "store_id",  "tags",   "type", "verified", "weird_key_"};

}  // namespace

TEST_CASE("GEXF 1.3 validates against the official RELAX NG schema", "[exporters][clients]") {
  ScratchDir dir("gexf-rng");
  const std::string schema = std::string(SKEIN_SHARED_DIR) + "/schemas/gexf-1.3/gexf.rng";
  REQUIRE(std::filesystem::exists(schema));
  for (auto layout : {LayoutKind::kForce, LayoutKind::kSpiral, LayoutKind::kNone}) {
    ExportOptions options;
    options.layout = layout;
    const auto path = export_file(Format::kGexf, dir, "graph.gexf", options);
    const auto result = test::run_process("xmllint --noout --relaxng " + test::shell_quote(schema) +
                                          " " + test::shell_quote(path));
    INFO(result.errors);
    CHECK(result.status == 0);
  }
}

TEST_CASE("GEXF 1.3 loads in graphology with the same counts, attributes and hostile names",
          "[exporters][clients]") {
  ScratchDir dir("gexf-graphology");
  const auto view = hostile_view();
  const auto path = export_file(Format::kGexf, dir, "graph.gexf");
  const auto json = parse_output(test::run_node("read_gexf.js", {path}));
  CHECK(json["nodes"].GetUint() == view.node_count());
  CHECK(json["edges"].GetUint() == view.edge_count());
  CHECK(std::string(json["type"].GetString()) == "mixed");
  const auto names = strings(json["names"]);
  CHECK(names == hostile_names());
  // graphology folds viz data into label/size/color/x/y; everything else is our attributes.
  auto attributes = string_set(json["nodeAttributes"]);
  for (const char* viz : {"label", "size", "color", "x", "y", "z"}) attributes.erase(viz);
  // first_seen/last_seen: only dated nodes carry them.
  attributes.erase("first_seen");
  attributes.erase("last_seen");
  CHECK(attributes == kNodeAttributes);
  const auto& first = json["aliases"]["n101"];
  REQUIRE(first.IsArray());
  CHECK(strings(first) ==
        std::vector<std::string>{"alias, with comma", "quote\"d", "new\nline", "semi;colon"});
  const auto& node = json["nodeData"]["n102"];
  CHECK(node["pagerank"].GetDouble() == Approx(0.06));
  CHECK(node["community"].GetInt() == 1);
  CHECK(node["verified"].GetBool());
  CHECK(strings(node["tags"]) == std::vector<std::string>{"a,b", "c\"d"});
  std::size_t undirected = 0;
  for (const auto& edge : json["edgeList"].GetArray())
    undirected += edge["undirected"].GetBool() ? 1 : 0;
  CHECK(undirected ==
        10);  // every met-with and trades-with; located-in and affiliated-with stay directed
}

TEST_CASE("GEXF 1.2 loads in NetworkX", "[exporters][clients]") {
  ScratchDir dir("gexf-networkx");
  ExportOptions options;
  options.gexf_version = "1.2";
  const auto path = export_file(Format::kGexf, dir, "graph.gexf", options);
  CHECK(test::read_file(path).find("xmlns=\"http://www.gexf.net/1.2draft\"") != std::string::npos);
  const auto json = parse_output(test::run_python("read_networkx.py", {"gexf", path}));
  CHECK(json["nodes"].GetUint() == 10);
  // Mixed graph in 1.2: undirected, so each symmetric relation is one edge; the directed ones
  // name their ends in source_id/target_id.
  CHECK_FALSE(json["directed"].GetBool());
  CHECK(json["edges"].GetUint() == 12);
  std::size_t directed = 0;
  for (const auto& edge : json["edges_data"].GetArray()) {
    const auto& data = edge[2];
    const bool symmetric = data["symmetric"].GetBool();
    CHECK(data.HasMember("source_id") == !symmetric);
    if (symmetric) continue;
    ++directed;
    if (std::string(data["relation"].GetString()) == "located-in") {
      CHECK(std::string(data["source_id"].GetString()) == "n101");
      CHECK(std::string(data["target_id"].GetString()) == "n104");
    }
  }
  CHECK(directed == 2);
  CHECK(strings(json["names"]) == hostile_names());
  auto attributes = string_set(json["node_attributes"]);
  for (const auto& name : kNodeAttributes) {
    INFO(name);
    CHECK(attributes.count(name) == 1);
  }
  CHECK(std::string(json["nodes_data"]["n103"]["prop_name"].GetString()) == "clash");
}

TEST_CASE("GraphML loads in NetworkX and igraph with labels and attributes intact",
          "[exporters][clients]") {
  ScratchDir dir("graphml");
  const auto path = export_file(Format::kGraphml, dir, "graph.graphml");
  const auto nx = parse_output(test::run_python("read_networkx.py", {"graphml", path}));
  CHECK(nx["nodes"].GetUint() == 10);
  CHECK(nx["edges"].GetUint() == 12);
  CHECK_FALSE(nx["directed"].GetBool());  // mixed: symmetric relations read undirected, once
  CHECK(strings(nx["names"]) == hostile_names());
  auto nx_attributes = string_set(nx["node_attributes"]);
  for (const auto& name : kNodeAttributes) {
    INFO(name);
    CHECK(nx_attributes.count(name) == 1);
  }
  CHECK(string_set(nx["edge_attributes"]).count("weight") == 1);
  CHECK(std::string(nx["nodes_data"]["n101"]["aliases"].GetString()) ==
        "[\"alias, with comma\",\"quote\\\"d\",\"new\\nline\",\"semi;colon\"]");
  CHECK(nx["nodes_data"]["n110"].HasMember("pagerank") == false);  // absent stays absent

  const auto ig = parse_output(test::run_python("read_igraph.py", {path}));
  CHECK(ig["nodes"].GetUint() == 10);
  CHECK(ig["edges"].GetUint() == 12);
  CHECK_FALSE(ig["directed"].GetBool());
  const auto relations = strings(ig["edges_data"]["relation"]);
  const auto targets = strings(ig["edges_data"]["target_id"]);
  for (std::size_t i = 0; i < relations.size(); ++i) {
    if (relations[i] == "located-in") CHECK(targets[i] == "n104");
  }
  CHECK(strings(ig["names"]) == hostile_names());
  CHECK(string_set(ig["node_attributes"]).count("pagerank") == 1);
  CHECK(ig["pagerank"][0].GetDouble() == Approx(0.05));
}

TEST_CASE("The Cypher script passes Neo4j's Cypher linter with zero diagnostics",
          "[exporters][clients]") {
  ScratchDir dir("cypher");
  for (std::size_t batch : {500, 2}) {
    ExportOptions options;
    options.cypher_batch_rows = batch;
    const auto path = export_file(Format::kCypher, dir, "graph.cypher", options);
    const auto json = parse_output(test::run_node("lint_cypher.mjs", {path}));
    INFO(test::read_file(path).substr(0, 3000));
    INFO("diagnostics: " << (json["diagnostics"].Size() > 0
                                 ? json["diagnostics"][0]["message"].GetString()
                                 : ""));
    CHECK(json["diagnostics"].Size() == 0);
    CHECK(json["statements"].GetUint() >= 3 + 5 + 4);  // constraints, labels, relation types
  }
}

TEST_CASE("The neo4j CSVs load into Kuzu with the same counts and the GraphView's shortest path",
          "[exporters][clients]") {
  ScratchDir dir("neo4j-kuzu");
  const auto view = hostile_view();
  const std::string out = dir / "neo4j";
  const auto summary = export_graph(Format::kNeo4j, {view}, out);
  CHECK(summary.files.size() == 8);
  // Unique shortest path 103 -> 110 in the view: 103 102 104 105 ... 110.
  const auto from = *view.find(103), to = *view.find(110);
  const auto paths = graph::ShortestPath(view, from, to).run().paths;
  REQUIRE(paths.size() == 1);
  std::vector<std::string> expected_path;
  for (auto u : paths[0].nodes)
    expected_path.push_back(view.node(u).label + ":#" + std::to_string(view.node(u).id));

  const auto json = parse_output(
      test::run_node("load_kuzu.js", {out, expected_path.front(), expected_path.back()}));
  CHECK(json["entities"].GetUint() == view.node_count());
  CHECK(json["relationships"].GetUint() == view.edge_count());
  CHECK(json["documents"].GetUint() == 0);  // no store: provenance files hold headers only
  CHECK(strings(json["names"]) == hostile_names());
  CHECK(strings(json["aliases"][0]) ==
        std::vector<std::string>{"alias, with comma", "quote\"d", "new\nline", "semi;colon"});
  CHECK(strings(json["labels"][8]) == std::vector<std::string>{"Entity", "GeoPlace"});
  CHECK(strings(json["types"]) ==
        std::vector<std::string>{"AFFILIATED_WITH", "LOCATED_IN", "MET_WITH", "TRADES_WITH"});
  CHECK(strings(json["path"]) == expected_path);

  const std::string script = test::read_file(out + "/import.sh");
  CHECK(script.find("neo4j-admin}\" database import full") != std::string::npos);
  CHECK(script.find("--array-delimiter=\"U+001F\"") != std::string::npos);
  const std::string entities = test::read_file(out + "/entities.csv");
  CHECK(entities.rfind("key:ID(Entity),:LABEL,name,aliases:string[],store_id:long,", 0) == 0);
  CHECK(entities.find("pagerank:double") != std::string::npos);
  CHECK(entities.substr(0, 3) != "\xEF\xBB\xBF");
}

TEST_CASE("The array delimiter never survives inside a neo4j value", "[exporters][clients]") {
  graph::GraphView::Builder builder;
  builder.add_node({1,
                    "Person",
                    "sneaky\x1fname",
                    {"a\x1f"
                     "b",
                     "c"},
                    "{\"tags\":[\"x\\u001fy\"]}"});
  const auto view = std::move(builder).build();
  ScratchDir dir("neo4j-delimiter");
  export_graph(Format::kNeo4j, {view}, dir / "neo4j");
  const auto json = parse_output(test::run_node("load_kuzu.js", {dir / "neo4j"}));
  CHECK(strings(json["names"]) == std::vector<std::string>{"sneakyname"});
  CHECK(strings(json["aliases"][0]) == std::vector<std::string>{"ab", "c"});
}

TEST_CASE("Cytoscape JSON loads in headless cytoscape without warnings", "[exporters][clients]") {
  ScratchDir dir("cytoscape");
  const auto path = export_file(Format::kJson, dir, "graph.json");
  const auto json = parse_output(test::run_node("read_cytoscape.js", {path}));
  CHECK(json["nodes"].GetUint() == 10);
  CHECK(json["edges"].GetUint() == 12);
  CHECK(json["warnings"].Size() == 0);
  CHECK(strings(json["names"]) == hostile_names());
  CHECK(json["positioned"].GetUint() >= 9);
  CHECK(strings(json["aliases"]["n106"]) == std::vector<std::string>{"\xF0\x9F\xA6\x8A"});
}

TEST_CASE("d3 and JSON Graph Format output have the documented shape", "[exporters][clients]") {
  ScratchDir dir("json-styles");
  ExportOptions options;
  options.json_style = JsonStyle::kD3;
  rapidjson::Document d3;
  d3.Parse(test::read_file(export_file(Format::kJson, dir, "d3.json", options)).c_str());
  REQUIRE_FALSE(d3.HasParseError());
  REQUIRE(d3["nodes"].IsArray());
  REQUIRE(d3["links"].IsArray());
  CHECK(d3["nodes"].Size() == 10);
  CHECK(d3["links"].Size() == 12);
  CHECK(std::string(d3["nodes"][2]["label"].GetString()) == hostile_names()[2]);
  CHECK(std::string(d3["links"][0]["source"].GetString()) == "n101");

  options.json_style = JsonStyle::kJgf;
  rapidjson::Document jgf;
  jgf.Parse(test::read_file(export_file(Format::kJson, dir, "jgf.json", options)).c_str());
  REQUIRE_FALSE(jgf.HasParseError());
  const auto& graph = jgf["graph"];
  REQUIRE(graph["nodes"].IsObject());
  CHECK(graph["nodes"].MemberCount() == 10);
  CHECK(std::string(graph["nodes"]["n105"]["label"].GetString()) == hostile_names()[4]);
  CHECK(graph["nodes"]["n105"]["metadata"]["pagerank"].GetDouble() == Approx(0.09));
  REQUIRE(graph["edges"].IsArray());
  CHECK(graph["edges"].Size() == 12);
  CHECK(std::string(graph["edges"][2]["relation"].GetString()) == "located-in");
  CHECK(graph["edges"][2]["directed"].GetBool());
  CHECK_FALSE(graph["edges"][0]["directed"].GetBool());
}

TEST_CASE("Gephi spreadsheet CSVs have no BOM and round-trip hostile names through Python's csv",
          "[exporters][clients]") {
  ScratchDir dir("gephi-csv");
  const auto view = hostile_view();
  export_graph(Format::kCsv, {view}, dir / "csv");
  const auto json = parse_output(test::run_python("read_gephi_csv.py", {dir / "csv"}));
  CHECK_FALSE(json["bom"].GetBool());
  const auto node_columns = strings(json["node_columns"]);
  REQUIRE(node_columns.size() >= 2);
  CHECK(node_columns[0] == "Id");
  CHECK(node_columns[1] == "Label");
  const auto edge_columns = strings(json["edge_columns"]);
  CHECK(std::vector<std::string>(edge_columns.begin(), edge_columns.begin() + 6) ==
        std::vector<std::string>{"Source", "Target", "Type", "Id", "Label", "Weight"});
  CHECK(json["nodes"].GetUint() == 10);
  CHECK(json["edges"].GetUint() == 12);
  CHECK(strings(json["names"]) == hostile_names());
  CHECK(strings(json["aliases"][0]) ==
        std::vector<std::string>{"alias, with comma", "quote\"d", "new\nline", "semi;colon"});
  CHECK(strings(json["types"]) == std::vector<std::string>{"Directed", "Undirected"});
}
