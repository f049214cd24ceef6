// GraphView: the CSR projection built from explicit edges, subgraphs, and from_store with the
// shared filters on a small :memory: store.

#include <algorithm>
#include <catch2/catch.hpp>
#include <vector>

#include "core/Error.h"
#include "core/Sha256.h"
#include "graph/Generators.h"
#include "graph/GraphView.h"
#include "store/Store.h"

using namespace skein;
using namespace skein::graph;

namespace {

std::vector<NodeIndex> to_vector(std::span<const NodeIndex> s) { return {s.begin(), s.end()}; }

Edge make_edge(NodeIndex s, NodeIndex t, const std::string& type, bool symmetric, double w) {
  Edge e;
  e.type = type;
  e.source = s;
  e.target = t;
  e.symmetric = symmetric;
  e.weight = w;
  return e;
}

}  // namespace

TEST_CASE("Parallel relations fold into one neighbour entry with summed weight", "[graph]") {
  //   0 --met-with(2)-- 1      0 --trades-with(5)-- 1      1 --located-in--> 2
  GraphView::Builder builder;
  for (int i = 0; i < 3; ++i)
    builder.add_node(Node{100 + i, "Country", "C" + std::to_string(i), {}, "{}"});
  builder.add_edge(make_edge(0, 1, "met-with", true, 2));
  builder.add_edge(make_edge(0, 1, "trades-with", true, 5));
  builder.add_edge(make_edge(1, 2, "located-in", false, 1));
  builder.add_edge(make_edge(2, 2, "self", true, 1));  // kept as an edge, not in topology
  const GraphView view = std::move(builder).build();

  CHECK(view.node_count() == 3);
  CHECK(view.edge_count() == 4);
  CHECK(view.arc_count() == 4);
  CHECK(to_vector(view.neighbors(0)) == std::vector<NodeIndex>{1});
  CHECK(to_vector(view.neighbors(1)) == std::vector<NodeIndex>{0, 2});
  CHECK(view.neighbor_weights(0)[0] == 7.0f);
  CHECK(view.neighbor_edges(0)[0] == 1);  // the heavier trades-with edge represents the pair
  CHECK(view.degree(2) == 1);
  // located-in runs 1 -> 2 only.
  CHECK(view.walkable(1, 1));
  CHECK_FALSE(view.walkable(2, 0));
  CHECK(view.walkable_into(2, 0));
  CHECK(view.walkable(0, 0));
  CHECK(view.walkable_into(0, 0));
  CHECK(view.edges_between(1, 0) == std::vector<EdgeIndex>{0, 1});
  CHECK(view.edges_between(0, 2).empty());
  CHECK(view.find(101) == std::optional<NodeIndex>(1));
  CHECK_FALSE(view.find(7).has_value());
}

TEST_CASE("Neighbour lists are sorted whatever order edges arrive in", "[graph]") {
  const GraphView view = GraphView::from_edges(5, {{4, 0}, {2, 0}, {0, 3}, {1, 0}, {3, 1}});
  CHECK(to_vector(view.neighbors(0)) == std::vector<NodeIndex>{1, 2, 3, 4});
  CHECK(to_vector(view.neighbors(3)) == std::vector<NodeIndex>{0, 1});
  CHECK(view.offset(1) == 4);
}

TEST_CASE("Bad builder input is a usage error, not a crash", "[graph]") {
  GraphView::Builder builder;
  builder.add_node(Node{});
  CHECK_THROWS_AS(builder.add_edge(0, 1), UsageError);
  CHECK_THROWS_AS(GraphView::from_edges(2, {{0, 1}}, {1.0, 2.0}), UsageError);
  const GraphView view = GraphView::from_edges(2, {{0, 1}});
  CHECK_THROWS_AS(view.induced_subgraph({5}), UsageError);
}

TEST_CASE("An induced subgraph keeps node order and only inner edges", "[graph]") {
  // 0 - 1 - 2 - 3, 0 - 3
  const GraphView view = GraphView::from_edges(4, {{0, 1}, {1, 2}, {2, 3}, {0, 3}});
  const GraphView sub = view.induced_subgraph({3, 0, 1, 1});
  REQUIRE(sub.node_count() == 3);
  CHECK(sub.node(0).id == 0);
  CHECK(sub.node(2).id == 3);
  CHECK(sub.edge_count() == 2);
  CHECK(to_vector(sub.neighbors(0)) == std::vector<NodeIndex>{1, 2});
  CHECK(sub.degree(1) == 1);
}

TEST_CASE("The topology stays within 32 bytes per edge", "[graph]") {
  const auto edges = generate::barabasi_albert(5000, 10, 1);
  const GraphView view = GraphView::from_edges(5000, edges);
  const double per_edge =
      static_cast<double>(view.topology_bytes()) / static_cast<double>(edges.size());
  INFO("bytes per edge: " << per_edge);
  CHECK(per_edge <= 32.0);
  CHECK(view.arc_count() == 2 * edges.size());  // generators never repeat a pair
}

TEST_CASE("Generators are deterministic and simple", "[graph]") {
  CHECK(generate::barabasi_albert(300, 3, 9) == generate::barabasi_albert(300, 3, 9));
  CHECK(generate::barabasi_albert(300, 3, 9) != generate::barabasi_albert(300, 3, 10));
  auto edges = generate::erdos_renyi(100, 0.1, 4);
  for (auto [u, v] : edges) CHECK(u < v);
  std::sort(edges.begin(), edges.end());
  CHECK(std::adjacent_find(edges.begin(), edges.end()) == edges.end());
}

// ---- from_store ---------------------------------------------------------------------------

namespace {

struct Entity3 {
  std::string label, key, name;
};

// One document naming entities and relations; each relation's evidence is the whole text.
DocumentExtraction document(
    const std::string& uri, const std::string& published, const std::vector<Entity3>& entities,
    const std::vector<std::tuple<std::string, std::string, std::string, double>>& relations,
    const std::string& basis = basis::kText) {
  DocumentExtraction x;
  x.document.uri = uri;
  x.document.published = published;
  x.document.text = "Text of " + uri + ".";
  x.document.sha256 = sha256_hex(x.document.text);
  for (const auto& e : entities) {
    Entity entity;
    entity.label = e.label;
    entity.key = e.key;
    entity.id = Entity::make_id(e.label, e.key);
    entity.name = e.name;
    entity.mentions.push_back({{0, 4}, "Text"});
    x.entities.push_back(std::move(entity));
  }
  for (const auto& [type, source, target, confidence] : relations) {
    Relation r;
    r.type = type;
    r.source = source;
    r.target = target;
    r.confidence = confidence;
    r.basis = basis;
    r.evidence.push_back({{0, x.document.text.size()}, "rule", x.document.text, confidence});
    x.relations.push_back(std::move(r));
  }
  return x;
}

// Korea, Japan, China (countries), Yoon (person), Seoul (place), Lone (isolated person):
//   KR =met-with= JP (2 documents, 2024-01 and 2024-06)   KR =trades-with= CN (0.3)
//   Yoon -affiliated-with-> KR                            Seoul -located-in-> KR (knowledge)
store::Store sample_store() {
  store::Store s(":memory:");
  // As ingest declares the ontology's types: met-with and trades-with are symmetric.
  s.set_relation_symmetry("met-with", true);
  s.set_relation_symmetry("trades-with", true);
  const std::vector<Entity3> all = {
      {"Country", "KR", "South Korea"}, {"Country", "JP", "Japan"},
      {"Country", "CN", "China"},       {"Person", "yoon", "Yoon Suk-yeol"},
      {"Place", "seoul", "Seoul"},      {"Person", "lone", "Lone Person"}};
  s.put(document("doc1", "2024-01-10", all,
                 {{"met-with", "Country:JP", "Country:KR", 0.9},
                  {"trades-with", "Country:CN", "Country:KR", 0.3},
                  {"affiliated-with", "Person:yoon", "Country:KR", 0.8}}));
  s.put(document("doc2", "2024-06-01", {all[0], all[1]},
                 {{"met-with", "Country:JP", "Country:KR", 0.9}}));
  s.put(document("doc3", "2024-03-01", {all[0], all[4]},
                 {{"located-in", "Place:seoul", "Country:KR", 1.0}}, basis::kKnowledge));
  return s;
}

std::vector<std::string> names(const GraphView& view) {
  std::vector<std::string> out;
  for (const auto& n : view.nodes()) out.push_back(n.name);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("from_store holds every node and edge with their attributes", "[graph][store]") {
  const store::Store s = sample_store();
  const GraphView view = GraphView::from_store(s);
  CHECK(view.node_count() == 6);
  CHECK(view.edge_count() == 4);
  const auto kr = s.find_nodes("South Korea").at(0).id;
  const auto jp = s.find_nodes("Japan").at(0).id;
  const NodeIndex k = *view.find(kr), j = *view.find(jp);
  const auto between = view.edges_between(k, j);
  REQUIRE(between.size() == 1);
  const Edge& met = view.edge(between[0]);
  CHECK(met.type == "met-with");
  CHECK(met.symmetric);
  CHECK(met.weight == 2);
  CHECK(met.first_seen == "2024-01-10");
  CHECK(met.last_seen == "2024-06-01");
  CHECK(view.node(k).label == "Country");
  CHECK(view.degree(k) == 4);
}

TEST_CASE("for_each_node_brief gives for_each_node's nodes, aliases and props in id order",
          "[graph][store]") {
  store::Store s = sample_store();
  // Aliases on two nodes (one also named differently: "Republic of Korea" does not contain
  // "South Korea", so it becomes an alias), and a property, so the alias merge and the label
  // filter have work to do.
  DocumentExtraction x = document(
      "doc4", "2024-07-01", {{"Country", "KR", "Republic of Korea"}, {"Place", "seoul", "Seoul"}},
      {{"located-in", "Place:seoul", "Country:KR", 1.0}});
  x.entities[0].aliases = {"ROK", "Korea"};
  x.entities[1].aliases = {"Seoul City"};
  x.entities[1].props = {{"wikidata", "Q8684"}};
  s.put(x);
  for (const std::vector<std::string>& labels :
       {std::vector<std::string>{}, {"Place"}, {"Country", "Place"}, {"Nothing"}}) {
    std::vector<store::NodeRecord> full;
    s.for_each_node(labels, [&](const store::NodeRecord& n) { full.push_back(n); });
    std::vector<store::NodeBrief> brief;
    s.for_each_node_brief(labels, [&](const store::NodeBrief& n) { brief.push_back(n); });
    REQUIRE(brief.size() == full.size());
    for (std::size_t i = 0; i < full.size(); ++i) {
      CHECK(brief[i].id == full[i].id);
      CHECK(brief[i].label == full[i].label);
      CHECK(brief[i].key == full[i].key);
      CHECK(brief[i].name == full[i].name);
      CHECK(brief[i].aliases == full[i].aliases);
      CHECK(brief[i].props_json == full[i].props_json);
    }
  }
  std::vector<std::string> korea_aliases, seoul_aliases;
  s.for_each_node_brief({}, [&](const store::NodeBrief& n) {
    if (n.key == "KR") korea_aliases = n.aliases;
    if (n.key == "seoul") seoul_aliases = n.aliases;
  });
  CHECK(korea_aliases == std::vector<std::string>{"Korea", "ROK", "Republic of Korea"});
  CHECK(seoul_aliases == std::vector<std::string>{"Seoul City"});
}

TEST_CASE("from_store applies label, type, weight, date and basis filters", "[graph][store]") {
  const store::Store s = sample_store();
  GraphFilter f;
  f.labels = {"Country"};
  CHECK(names(GraphView::from_store(s, f)) ==
        std::vector<std::string>{"China", "Japan", "South Korea"});
  f = {};
  f.types = {"met-with"};
  f.drop_isolated = true;
  CHECK(names(GraphView::from_store(s, f)) == std::vector<std::string>{"Japan", "South Korea"});
  f = {};
  f.min_weight = 2;
  CHECK(GraphView::from_store(s, f).edge_count() == 1);
  f = {};
  f.min_confidence = 0.5;
  CHECK(GraphView::from_store(s, f).edge_count() == 3);  // trades-with (0.3) dropped
  f = {};
  f.from_date = "2024-02-01";
  const GraphView later = GraphView::from_store(s, f);
  CHECK(later.edge_count() == 2);  // met-with (doc2) and located-in (doc3)
  f = {};
  f.text_only = true;
  CHECK(GraphView::from_store(s, f).edge_count() == 3);  // the gazetteer's located-in dropped
}

TEST_CASE("from_store focuses on a k-hop neighbourhood and keeps the top N", "[graph][store]") {
  const store::Store s = sample_store();
  GraphFilter f;
  f.focus = {"Japan"};
  f.focus_depth = 1;
  CHECK(names(GraphView::from_store(s, f)) == std::vector<std::string>{"Japan", "South Korea"});
  f.focus_depth = 2;
  CHECK(GraphView::from_store(s, f).node_count() == 5);  // all but the isolated person
  f = {};
  f.top = 1;
  const GraphView top = GraphView::from_store(s, f);
  REQUIRE(top.node_count() == 1);
  CHECK(top.node(0).name == "South Korea");  // the hub has the highest PageRank
}

TEST_CASE("An unknown focus entity is an input error naming the store", "[graph][store]") {
  const store::Store s = sample_store();
  GraphFilter f;
  f.focus = {"Atlantis"};
  CHECK_THROWS_AS(GraphView::from_store(s, f), InputError);
  f.focus = {"Seoul"};
  f.labels = {"Country"};
  CHECK_THROWS_WITH(GraphView::from_store(s, f), Catch::Contains("not in the filtered graph"));
}
