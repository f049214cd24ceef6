// make_diagram / restrict_to_community: from a GraphView to what the drawing shows.

#include <catch2/catch.hpp>

#include "graph/GraphView.h"
#include "render/Diagram.h"

using namespace skein;

namespace {

//   Alice (Person) --met-with-- Bob (Person)
//   Alice --affiliated-with--> Acme (Organization)
//   Bob   --affiliated-with--> Acme         Zed (Place), isolated
graph::GraphView small_view(const std::vector<std::string>& props) {
  graph::GraphView::Builder builder;
  const char* names[] = {"Alice", "Bob", "Acme", "Zed"};
  const char* labels[] = {"Person", "Person", "Organization", "Place"};
  for (int i = 0; i < 4; ++i) {
    graph::Node node;
    node.id = 10 + i;
    node.name = names[i];
    node.label = labels[i];
    node.props_json = props[static_cast<std::size_t>(i)];
    if (i == 0) node.aliases = {"A. Smith"};
    builder.add_node(std::move(node));
  }
  auto edge = [&](std::int64_t id, graph::NodeIndex s, graph::NodeIndex t, const char* type,
                  bool symmetric, double weight) {
    graph::Edge e;
    e.id = id;
    e.source = s;
    e.target = t;
    e.type = type;
    e.symmetric = symmetric;
    e.weight = weight;
    e.confidence = 0.75;
    builder.add_edge(std::move(e));
  };
  edge(100, 0, 1, "met-with", true, 3);
  edge(101, 0, 2, "affiliated-with", false, 1);
  edge(102, 1, 2, "affiliated-with", false, 2);
  return std::move(builder).build();
}

}  // namespace

TEST_CASE("make_diagram copies nodes and edges in view order with their store ids", "[render]") {
  const auto view = small_view({"{}", "{}", "{}", "{}"});
  const auto diagram = render::make_diagram(view, nullptr);
  REQUIRE(diagram.nodes.size() == 4);
  REQUIRE(diagram.edges.size() == 3);
  CHECK(diagram.nodes[0].id == 10);
  CHECK(diagram.nodes[0].aliases == std::vector<std::string>{"A. Smith"});
  CHECK(diagram.edges[0].id == 100);
  CHECK_FALSE(diagram.edges[0].directed);
  CHECK(diagram.edges[1].directed);
  CHECK(diagram.edges[2].weight == 2);
  CHECK(diagram.edges[0].evidence.empty());  // no store given
}

TEST_CASE("without PageRank for every node, size follows the degree", "[render]") {
  const auto view = small_view({R"({"pagerank": 0.5})", "{}", "{}", "{}"});
  const auto diagram = render::make_diagram(view, nullptr);
  CHECK_FALSE(diagram.scored_by_pagerank);
  CHECK(diagram.nodes[0].score == 2);  // Alice: Bob, Acme
  CHECK(diagram.nodes[2].score == 2);
  CHECK(diagram.nodes[3].score == 0);  // Zed
  CHECK(diagram.nodes[3].degree == 0);
}

TEST_CASE("analysis props give PageRank sizes, communities and roles", "[render]") {
  const auto view =
      small_view({R"({"pagerank": 0.4, "community": 1, "role": "CEO"})",
                  R"({"pagerank": 0.3, "community": 1})", R"({"pagerank": 0.2, "community": 2.0})",
                  R"({"pagerank": 0.1, "community": "x"})"});
  const auto diagram = render::make_diagram(view, nullptr);
  CHECK(diagram.scored_by_pagerank);
  CHECK(diagram.nodes[0].score == Approx(0.4));
  CHECK(diagram.nodes[0].role == "CEO");
  CHECK(diagram.nodes[0].community == 1);
  CHECK(diagram.nodes[2].community == 2);
  CHECK_FALSE(diagram.nodes[3].community.has_value());  // not a number: ignored
}

TEST_CASE("malformed props JSON is treated as empty", "[render]") {
  const auto view = small_view({"{not json", "[1,2]", "", "null"});
  const auto diagram = render::make_diagram(view, nullptr);
  CHECK_FALSE(diagram.scored_by_pagerank);
  CHECK_FALSE(diagram.nodes[0].community.has_value());
  CHECK(diagram.nodes[0].role.empty());
}

TEST_CASE("restrict_to_community keeps the members and the edges among them", "[render]") {
  const auto view = small_view(
      {R"({"community": 1})", R"({"community": 1})", R"({"community": 2})", R"({"community": 1})"});
  const auto diagram = render::restrict_to_community(render::make_diagram(view, nullptr), 1);
  REQUIRE(diagram.nodes.size() == 3);  // Alice, Bob, Zed
  REQUIRE(diagram.edges.size() == 1);  // met-with only
  CHECK(diagram.edges[0].id == 100);
  CHECK(diagram.edges[0].source == 0);
  CHECK(diagram.edges[0].target == 1);
  CHECK(diagram.nodes[0].degree == 1);  // recomputed: Acme is gone
  CHECK(diagram.nodes[2].id == 13);
}
