#pragma once
// ExportContext: what every writer needs to know about the view before streaming it
// (internal to exporters). Built once per export in a few linear passes:
//  - the node property schema: every key found in the nodes' props_json, with one merged type
//    per key (long + double -> double; anything mixed with text -> string), renamed to a safe
//    identifier that does not clash with the fixed attributes;
//  - per-node facts from the store (entity key, mention/document counts, first/last seen),
//    when there is a store;
//  - per-node date span (store dates and incident edges' evidence dates), layout positions,
//    colour and size (by pagerank when the nodes carry one, else by degree);
//  - the sorted sets of labels and relation types, and whether edges are all symmetric,
//    all directed or mixed.
// Then load_node() fills a reusable NodeRow for one node at a time.
//
// Not thread-safe to build; a built context is read-only.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "exporters/Escape.h"
#include "exporters/Exporter.h"
#include "graph/GraphView.h"

namespace skein::exporters {

enum class ValueKind { kBool, kLong, kDouble, kString, kStringList };

// What each typed format calls a property kind: the one table of them.
struct FormatTypeNames {
  const char* neo4j;    // Neo4j import header types
  const char* gexf;     // GEXF attribute types
  const char* graphml;  // GraphML key types; lists travel as JSON array text
};
inline FormatTypeNames format_type_names(ValueKind kind) {
  switch (kind) {
    case ValueKind::kBool:
      return {"boolean", "boolean", "boolean"};
    case ValueKind::kLong:
      return {"long", "long", "long"};
    case ValueKind::kDouble:
      return {"double", "double", "double"};
    case ValueKind::kString:
      break;
    case ValueKind::kStringList:
      return {"string[]", "liststring", "string"};
  }
  return {"string", "string", "string"};
}

// One property value as parsed from props_json.
struct Value {
  bool present = false;
  ValueKind kind = ValueKind::kString;
  bool boolean = false;
  std::int64_t integer = 0;
  double number = 0;
  std::string text;               // kString (also non-scalar JSON, as its JSON text)
  std::vector<std::string> list;  // kStringList
};

struct PropertyColumn {
  std::string key;   // the key in props_json
  std::string name;  // exported name: safe identifier, unique, not a fixed attribute name
  ValueKind kind = ValueKind::kString;
};

struct NodeFacts {
  std::string key;  // "<Label>:<key>" from the store, else "<Label>:#<store id>"
  bool has_counts = false;
  std::int64_t mention_count = 0;
  std::int64_t document_count = 0;
  std::string first_seen;  // date span: store mention dates joined with incident edges' dates
  std::string last_seen;
};

struct NodeRow {
  graph::NodeIndex index = graph::kNoNode;
  const graph::Node* node = nullptr;
  std::string id;    // "n<store id>"
  std::string name;  // valid UTF-8
  std::vector<std::string> aliases;
  NodeFacts facts;
  std::vector<Value> props;  // aligned with ExportContext::columns()
};

struct Rgb {
  unsigned r = 0, g = 0, b = 0;
};

// The fixed node attribute names the property columns must not reuse.
inline constexpr const char* kFixedNodeNames[] = {
    "id",       "key",    "label",         "type",           "name",       "aliases",
    "store_id", "degree", "mention_count", "document_count", "first_seen", "last_seen",
    "x",        "y",      "size",          "color",          "labels"};

class ExportContext {
 public:
  ExportContext(const ExportInput& input, const ExportOptions& options, bool need_layout);

  const graph::GraphView& view() const { return view_; }
  const store::Store* store() const { return store_; }
  const graph::GraphFilter* filter() const { return filter_; }
  const ExportOptions& options() const { return options_; }

  const std::vector<PropertyColumn>& columns() const { return columns_; }
  const std::vector<std::string>& labels() const { return labels_; }  // sorted, distinct
  const std::vector<std::string>& types() const { return types_; }    // sorted, distinct
  bool has_store() const { return store_ != nullptr; }
  bool all_symmetric() const { return all_symmetric_; }
  bool all_directed() const { return all_directed_; }
  bool has_dates() const { return has_dates_; }

  // Also tells ExportOptions::on_progress that entity u is being written.
  void load_node(graph::NodeIndex u, NodeRow& row) const;
  // Tells ExportOptions::on_progress, when there is one.
  void progress(std::string_view stage, std::size_t done, std::size_t total) const {
    if (options_.on_progress) options_.on_progress(ExportProgress{stage, done, total});
  }
  // The entity key of a node without loading the whole row (edges' endpoints).
  std::string node_key(graph::NodeIndex u) const;
  static std::string node_id(const graph::Node& node);
  static std::string edge_id(graph::EdgeIndex e);

  bool has_positions() const { return !x_.empty(); }
  double x(graph::NodeIndex u) const { return x_[u]; }
  double y(graph::NodeIndex u) const { return y_[u]; }
  Rgb color(graph::NodeIndex u) const;
  double size(graph::NodeIndex u) const;
  // What color() and size() follow: communities (from `skein analyze`) else labels; PageRank
  // else degree. The colour a label gets when colouring by label.
  bool colors_by_community() const { return community_column_ >= 0; }
  bool sizes_by_rank() const { return pagerank_column_ >= 0; }
  static Rgb label_color(const std::string& label);
  // The node's community from its props, when it has one.
  std::optional<std::int64_t> community(graph::NodeIndex u) const { return community_of(u); }

  // Renders a value as text for a column of kind `kind` (numbers in shortest form, lists as
  // a JSON array). Used by formats without typed values and for mixed-type columns.
  static std::string value_text(const Value& value);

 private:
  void scan_properties();
  void load_store_facts();
  void compute_dates();
  void compute_layout();
  void parse_props(const std::string& json, std::vector<Value>& out) const;
  std::optional<double> rank_of(graph::NodeIndex u) const;
  std::optional<std::int64_t> community_of(graph::NodeIndex u) const;

  const graph::GraphView& view_;
  const store::Store* store_;
  const graph::GraphFilter* filter_;
  ExportOptions options_;
  bool need_layout_;

  std::vector<PropertyColumn> columns_;
  std::vector<std::string> labels_;
  std::vector<std::string> types_;
  bool all_symmetric_ = true;
  bool all_directed_ = true;
  bool has_dates_ = false;
  int pagerank_column_ = -1;
  int community_column_ = -1;
  double rank_min_ = 0, rank_max_ = 0;
  std::size_t max_degree_ = 0;

  std::vector<NodeFacts> facts_;                     // only with a store
  std::vector<std::uint32_t> first_day_, last_day_;  // YYYYMMDD, 0 = none
  std::vector<double> x_, y_;  // rounded to 1/100 so they print short and exact
  std::vector<float> rank_;    // pagerank per node (NaN when absent), if the column exists
  std::vector<std::int64_t> community_;  // community per node (-1 when absent)
};

// Parses "YYYY-MM-DD..." into YYYYMMDD (0 when not a date) and back.
std::uint32_t date_number(const std::string& date);
std::string date_text(std::uint32_t number);

}  // namespace skein::exporters
