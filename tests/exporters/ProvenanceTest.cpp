// Provenance from a real store: documents, mentions and evidence sentences reach Neo4j (CSV
// into Kuzu, Cypher through the linter), and per-node counts and dates reach GEXF.

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <set>
#include <sstream>

#include "ExportTestSupport.h"
#include "exporters/Exporter.h"
#include "graph/GraphView.h"
#include "store/Store.h"

using namespace skein;
using namespace skein::exporters;

namespace {

using test::Doc;

// Two documents, one met-with edge seen in both, one trades-with edge in the first:
//   Wang Yi --met-with-- Cho Tae-yul (evidence in A and B);  China --trades-with-- Korea (A)
void fill(store::Store& store) {
  store.put(
      Doc("news/a \"quoted\", file.txt", "Talks; \"Seoul\" <report>",
          "Wang Yi met Cho Tae-yul in Seoul, said \"sources\".\nChina and Korea trade a lot.",
          "2024-05-13")
          .entity("Person", "wang yi", "Wang Yi")
          .entity("Person", "cho tae-yul", "Cho Tae-yul")
          .entity("Country", "CN", "China")
          .entity("Country", "KR", "Korea")
          .relation("met-with", "Person:cho tae-yul", "Person:wang yi",
                    "Wang Yi met Cho Tae-yul in Seoul, said \"sources\".", 0.8)
          .relation("trades-with", "Country:CN", "Country:KR", "China and Korea trade a lot.", 0.6)
          .get());
  store.put(Doc("news/b.txt", "", "Wang Yi met Cho Tae-yul again \\ later.", "2024-06-01")
                .entity("Person", "wang yi", "Wang Yi")
                .entity("Person", "cho tae-yul", "Cho Tae-yul")
                .relation("met-with", "Person:cho tae-yul", "Person:wang yi",
                          "Wang Yi met Cho Tae-yul again \\ later.", 0.5)
                .get());
}

}  // namespace

TEST_CASE("Neo4j CSVs from a store carry documents, mentions and evidence into Kuzu",
          "[exporters][clients]") {
  store::Store store(":memory:");
  fill(store);
  const auto view = graph::GraphView::from_store(store);
  REQUIRE(view.node_count() == 4);
  REQUIRE(view.edge_count() == 2);
  test::ScratchDir dir("provenance-neo4j");
  const auto summary = export_graph(Format::kNeo4j, {view, &store}, dir / "neo4j");
  CHECK(summary.documents == 2);
  CHECK(summary.evidence == 3);
  CHECK(summary.mentions == 6);  // 4 entities in A, 2 in B

  const auto result =
      test::run_node("load_kuzu.js", {dir / "neo4j", "Person:wang yi", "Person:cho tae-yul"});
  INFO(result.errors);
  REQUIRE(result.status == 0);
  rapidjson::Document json;
  json.Parse(result.output.c_str());
  REQUIRE_FALSE(json.HasParseError());
  CHECK(json["entities"].GetUint() == 4);
  CHECK(json["relationships"].GetUint() == 2);
  CHECK(json["documents"].GetUint() == 2);
  CHECK(json["evidence"].GetUint() == 3);
  CHECK(json["mentions"].GetUint() == 6);
  CHECK(json["evidenceLinks"].GetUint() == 3 * 3);  // FROM_DOCUMENT + two ABOUT each
  std::set<std::string> keys;
  for (const auto& key : json["keys"].GetArray()) keys.insert(key.GetString());
  CHECK(keys ==
        std::set<std::string>{"Person:wang yi", "Person:cho tae-yul", "Country:CN", "Country:KR"});
  std::set<std::string> sentences;
  for (const auto& s : json["sentences"].GetArray()) sentences.insert(s.GetString());
  CHECK(sentences.count("Wang Yi met Cho Tae-yul in Seoul, said \"sources\".") == 1);
  CHECK(sentences.count("Wang Yi met Cho Tae-yul again \\ later.") == 1);
  REQUIRE(json["path"].Size() == 2);

  // A date filter keeps only the matching evidence (and so only document B's sentence).
  graph::GraphFilter filter;
  filter.from_date = "2024-06-01";
  const auto later = graph::GraphView::from_store(store, filter);
  test::ScratchDir later_dir("provenance-filter");
  const auto filtered = export_graph(Format::kNeo4j, {later, &store, &filter}, later_dir / "neo4j");
  CHECK(filtered.evidence == 1);
}

TEST_CASE("The Cypher script from a store lints clean and MERGEs documents and evidence",
          "[exporters][clients]") {
  store::Store store(":memory:");
  fill(store);
  const auto view = graph::GraphView::from_store(store);
  test::ScratchDir dir("provenance-cypher");
  const auto summary = export_graph(Format::kCypher, {view, &store}, dir / "graph.cypher");
  CHECK(summary.documents == 2);
  CHECK(summary.evidence == 3);
  const std::string script = test::read_file(dir / "graph.cypher");
  CHECK(script.find("MERGE (d:Document {uri: row.uri})") != std::string::npos);
  CHECK(script.find("MERGE (e:Evidence {key: row.key})") != std::string::npos);
  CHECK(script.find("'news/a \"quoted\", file.txt'") != std::string::npos);
  CHECK(script.find("again \\\\ later.") != std::string::npos);
  const auto result = test::run_node("lint_cypher.mjs", {dir / "graph.cypher"});
  INFO(result.errors);
  REQUIRE(result.status == 0);
  rapidjson::Document json;
  json.Parse(result.output.c_str());
  REQUIRE_FALSE(json.HasParseError());
  CHECK(json["diagnostics"].Size() == 0);
}

TEST_CASE("GEXF from a store is dynamic and carries mention counts", "[exporters]") {
  store::Store store(":memory:");
  fill(store);
  const auto view = graph::GraphView::from_store(store);
  std::ostringstream out;
  write_gexf({view, &store}, out);
  const std::string text = out.str();
  CHECK(text.find("mode=\"dynamic\" timeformat=\"date\"") != std::string::npos);
  CHECK(text.find("<attribute id=\"mention_count\" title=\"mention_count\" type=\"long\"/>") !=
        std::string::npos);
  CHECK(text.find("start=\"2024-05-13\" end=\"2024-06-01\"") !=
        std::string::npos);  // the met-with edge
}
