#pragma once
// Diagram: what a relationship drawing shows, decided before any DOT is written.
//
// Contract
//  - A Diagram is plain data: nodes and edges with the text and numbers the drawing needs
//    (names, labels, aliases, role, size score, community, relation type, weight, supporting
//    sentences). Nothing in it is escaped yet: DotWriter escapes every string it writes.
//  - make_diagram() turns a GraphView into a Diagram: nodes in view order (store-id order
//    from the store), edges in view order, so the same store and filter give the same Diagram.
//    Node size comes from the "pagerank" node prop when `skein analyze` has stored one for
//    every node, otherwise from the degree; "community" (an integer prop) is copied when
//    present. With a store, each edge gets up to `evidence_per_edge` supporting sentences
//    (Store::evidence, passing DiagramOptions::evidence_filter), each with its document uri,
//    for tooltips.
//  - Props JSON that does not parse is treated as "{}": a diagram never fails on one node's
//    props.
//
// Thread-safety: free functions over immutable inputs; make_diagram() reads the store, which
// (per Store's contract) must not be used by another thread at the same time.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/Store.h"

namespace skein::graph {
class GraphView;
}

namespace skein::render {

struct DiagramEvidence {
  std::string sentence;      // the supporting sentence as stored
  std::string document_uri;  // where it was read
  std::string published;     // YYYY-MM-DD or empty
};

struct DiagramNode {
  std::int64_t id = 0;                    // store id: the DOT/SVG id is "n<id>"
  std::string name;                       // display name
  std::string label;                      // Person, Organization, Country, Place, or anything else
  std::vector<std::string> aliases;       // other names, for the tooltip
  std::string role;                       // a title/role prop ("President"), or empty
  double score = 0;                       // what node size follows: PageRank or degree
  std::optional<std::int64_t> community;  // community id from analysis, when known
  std::size_t degree = 0;                 // distinct neighbours in the drawn graph
};

struct DiagramEdge {
  std::int64_t id = 0;     // store id: the DOT/SVG id is "e<id>"
  std::size_t source = 0;  // index into Diagram::nodes
  std::size_t target = 0;
  std::string type;        // met-with, trades-with, located-in, affiliated-with, ...
  bool directed = true;    // false for symmetric relation types (drawn without arrows)
  double weight = 1;       // evidence rows
  double confidence = 1;   // in [0, 1]
  std::string first_seen;  // publication dates of the evidence, or empty
  std::string last_seen;
  std::vector<DiagramEvidence> evidence;  // supporting sentences, best first (may be empty)
};

struct Diagram {
  std::string title;  // shown above the legend; may be empty
  std::vector<DiagramNode> nodes;
  std::vector<DiagramEdge> edges;
  bool scored_by_pagerank = false;  // true: DiagramNode::score is PageRank, else degree
};

struct DiagramOptions {
  std::string title;                  // Diagram::title
  std::size_t evidence_per_edge = 3;  // sentences fetched per edge (0 = none)
  // Past this many edges no evidence is fetched at all: tooltips of huge drawings are not
  // worth one query per edge. (0 = no limit.)
  std::size_t evidence_edge_limit = 5000;
  // Which sentences may be shown: the same dates and basis the view was filtered by (see
  // graph/EvidenceFilter.h), so a tooltip never shows evidence the filters excluded.
  store::EvidenceFilter evidence_filter;
};

// Builds the Diagram of `view`. `store` may be null (no evidence then).
Diagram make_diagram(const graph::GraphView& view, const store::Store* store,
                     const DiagramOptions& options = {});

// The nodes whose community equals `community`, and the edges among them (order kept).
Diagram restrict_to_community(const Diagram& diagram, std::int64_t community);

}  // namespace skein::render
