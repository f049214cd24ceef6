#include "exporters/ExportContext.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>
#include <set>

#include "core/Error.h"
#include "exporters/Escape.h"
#include "graph/Layout.h"
#include "store/Store.h"

namespace skein::exporters {
namespace {

std::string json_text(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

// Converts one JSON member to a Value; null gives an absent value.
Value to_value(const rapidjson::Value& json) {
  Value value;
  value.present = !json.IsNull();
  if (json.IsBool()) {
    value.kind = ValueKind::kBool;
    value.boolean = json.GetBool();
  } else if (json.IsInt64()) {
    value.kind = ValueKind::kLong;
    value.integer = json.GetInt64();
    value.number = static_cast<double>(value.integer);
  } else if (json.IsNumber()) {
    value.kind = ValueKind::kDouble;
    value.number = json.GetDouble();
  } else if (json.IsString()) {
    value.kind = ValueKind::kString;
    value.text = valid_utf8(std::string_view(json.GetString(), json.GetStringLength()));
  } else if (json.IsArray() && std::all_of(json.Begin(), json.End(), [](const rapidjson::Value& v) {
               return v.IsString();
             })) {
    value.kind = ValueKind::kStringList;
    for (const auto& item : json.GetArray()) {
      value.list.push_back(valid_utf8(std::string_view(item.GetString(), item.GetStringLength())));
    }
  } else if (value.present) {
    value.kind = ValueKind::kString;  // objects and mixed arrays travel as their JSON text
    value.text = json_text(json);
  }
  return value;
}

ValueKind merge_kinds(ValueKind a, ValueKind b) {
  if (a == b) return a;
  const bool numeric_a = a == ValueKind::kLong || a == ValueKind::kDouble;
  const bool numeric_b = b == ValueKind::kLong || b == ValueKind::kDouble;
  if (numeric_a && numeric_b) return ValueKind::kDouble;
  return ValueKind::kString;
}

// Fixed, colour-blind-friendly-ish palette for communities and unknown labels.
constexpr Rgb kPalette[] = {{31, 119, 180},  {255, 127, 14}, {44, 160, 44},   {214, 39, 40},
                            {148, 103, 189}, {140, 86, 75},  {227, 119, 194}, {127, 127, 127},
                            {188, 189, 34},  {23, 190, 207}, {57, 59, 121},   {173, 73, 74}};
constexpr std::size_t kPaletteSize = sizeof kPalette / sizeof kPalette[0];

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 1469598103934665603ULL;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

}  // namespace

std::uint32_t date_number(const std::string& date) {
  if (date.size() < 10 || date[4] != '-' || date[7] != '-') return 0;
  std::uint32_t number = 0;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (date[i] < '0' || date[i] > '9') return 0;
    number = number * 10 + static_cast<std::uint32_t>(date[i] - '0');
  }
  return number;
}

std::string date_text(std::uint32_t number) {
  if (number == 0) return {};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04u-%02u-%02u", number / 10000, number / 100 % 100,
                number % 100);
  return buffer;
}

ExportContext::ExportContext(const ExportInput& input, const ExportOptions& options,
                             bool need_layout)
    : view_(input.view),
      store_(input.store),
      filter_(input.filter),
      options_(options),
      need_layout_(need_layout) {
  // Identity check: every format names nodes by store id, so two nodes sharing one would
  // silently merge in the reader.
  for (graph::NodeIndex u = 0; u < view_.node_count(); ++u) {
    auto found = view_.find(view_.node(u).id);
    if (!found || *found != u) {
      throw Error("cannot export: node store id " + decimal(view_.node(u).id) +
                  " is not unique in the graph view");
    }
  }
  std::set<std::string> labels, types;
  for (const auto& node : view_.nodes()) labels.insert(node.label);
  for (const auto& edge : view_.edges()) {
    types.insert(edge.type);
    (edge.symmetric ? all_directed_ : all_symmetric_) = false;
  }
  labels_.assign(labels.begin(), labels.end());
  types_.assign(types.begin(), types.end());
  scan_properties();
  if (store_ != nullptr) load_store_facts();
  compute_dates();
  for (graph::NodeIndex u = 0; u < view_.node_count(); ++u)
    max_degree_ = std::max(max_degree_, view_.degree(u));
  if (need_layout_) compute_layout();
}

void ExportContext::scan_properties() {
  std::map<std::string, ValueKind> kinds;
  for (const auto& node : view_.nodes()) {
    if (node.props_json.empty() || node.props_json == "{}") continue;
    // A Document per node: re-parsing into one Document keeps every earlier parse's memory in
    // its pool allocator, which would grow with the graph.
    rapidjson::Document document;
    document.Parse(node.props_json.c_str(), node.props_json.size());
    if (document.HasParseError() || !document.IsObject()) {
      throw Error("cannot export: node " + decimal(node.id) +
                  " has props that are not a JSON object");
    }
    for (const auto& member : document.GetObject()) {
      Value value = to_value(member.value);
      if (!value.present) continue;
      std::string key =
          valid_utf8(std::string_view(member.name.GetString(), member.name.GetStringLength()));
      auto [it, inserted] = kinds.emplace(key, value.kind);
      if (!inserted) it->second = merge_kinds(it->second, value.kind);
    }
  }
  std::set<std::string> used(std::begin(kFixedNodeNames), std::end(kFixedNodeNames));
  for (const auto& [key, kind] : kinds) {
    std::string name = identifier(key);
    if (used.count(name) != 0) name = "prop_" + name;
    for (int suffix = 2; used.count(name) != 0; ++suffix)
      name = identifier(key) + "_" + decimal(suffix);
    used.insert(name);
    if (key == "pagerank" && (kind == ValueKind::kDouble || kind == ValueKind::kLong)) {
      pagerank_column_ = static_cast<int>(columns_.size());
    }
    if (key == "community" && kind == ValueKind::kLong)
      community_column_ = static_cast<int>(columns_.size());
    columns_.push_back({key, name, kind});
  }
  if (pagerank_column_ < 0 && community_column_ < 0) return;
  // Keep the two scores that drive size and colour, so layout and styling need no reparse.
  rank_.assign(view_.node_count(), std::numeric_limits<float>::quiet_NaN());
  community_.assign(view_.node_count(), -1);
  bool first = true;
  for (graph::NodeIndex u = 0; u < view_.node_count(); ++u) {
    const auto& json = view_.node(u).props_json;
    if (json.empty() || json == "{}") continue;
    rapidjson::Document document;
    document.Parse(json.c_str(), json.size());
    if (pagerank_column_ >= 0) {
      auto it = document.FindMember("pagerank");
      if (it != document.MemberEnd() && it->value.IsNumber()) {
        const double rank = it->value.GetDouble();
        rank_[u] = static_cast<float>(rank);
        rank_min_ = first ? rank : std::min(rank_min_, rank);
        rank_max_ = first ? rank : std::max(rank_max_, rank);
        first = false;
      }
    }
    if (community_column_ >= 0) {
      auto it = document.FindMember("community");
      if (it != document.MemberEnd() && it->value.IsInt64()) community_[u] = it->value.GetInt64();
    }
  }
}

void ExportContext::load_store_facts() {
  facts_.resize(view_.node_count());
  for (graph::NodeIndex u = 0; u < view_.node_count(); ++u) {
    const auto& node = view_.node(u);
    auto& facts = facts_[u];
    if (auto record = store_->node(node.id)) {
      facts.key = Entity::make_id(record->label, record->key);
      facts.has_counts = true;
      facts.mention_count = record->mention_count;
      facts.document_count = record->document_count;
      facts.first_seen = record->first_seen;
      facts.last_seen = record->last_seen;
    } else {
      facts.key = node.label + ":#" + decimal(node.id);
    }
  }
}

void ExportContext::compute_dates() {
  first_day_.assign(view_.node_count(), 0);
  last_day_.assign(view_.node_count(), 0);
  auto widen = [&](graph::NodeIndex u, std::uint32_t first, std::uint32_t last) {
    if (first != 0 && (first_day_[u] == 0 || first < first_day_[u])) first_day_[u] = first;
    if (last != 0 && last > last_day_[u]) last_day_[u] = last;
  };
  for (const auto& edge : view_.edges()) {
    const auto first = date_number(edge.first_seen);
    const auto last = date_number(edge.last_seen);
    if (first == 0 && last == 0) continue;
    has_dates_ = true;
    widen(edge.source, first, last);
    widen(edge.target, first, last);
  }
  for (graph::NodeIndex u = 0; u < facts_.size(); ++u) {
    const auto first = date_number(facts_[u].first_seen);
    const auto last = date_number(facts_[u].last_seen);
    if (first != 0 || last != 0) has_dates_ = true;
    widen(u, first, last);
  }
  // A node seen on one side only gets a one-day span rather than a half-open one.
  for (graph::NodeIndex u = 0; u < view_.node_count(); ++u) {
    if (first_day_[u] == 0) first_day_[u] = last_day_[u];
    if (last_day_[u] == 0) last_day_[u] = first_day_[u];
  }
}

void ExportContext::compute_layout() {
  const std::size_t n = view_.node_count();
  LayoutKind kind = options_.layout;
  if (kind == LayoutKind::kNone || n == 0) return;
  if (kind == LayoutKind::kAuto)
    kind = n <= options_.force_layout_max_nodes ? LayoutKind::kForce : LayoutKind::kSpiral;
  progress("layout", 0, n);
  x_.assign(n, 0);
  y_.assign(n, 0);
  // Side of the drawing area grows with sqrt(n) so the density stays readable in Gephi.
  const double side = 100.0 * std::sqrt(static_cast<double>(n)) + 100.0;
  if (kind == LayoutKind::kSpiral) {
    // Phyllotaxis: node k of the ordering at radius ~ sqrt(k), golden-angle turns. Ordering by
    // community then rank puts communities in rings and the important nodes in the middle.
    std::vector<graph::NodeIndex> order(n);
    for (graph::NodeIndex u = 0; u < n; ++u) order[u] = u;
    std::stable_sort(order.begin(), order.end(), [&](graph::NodeIndex a, graph::NodeIndex b) {
      const auto ca = community_.empty() ? 0 : community_[a];
      const auto cb = community_.empty() ? 0 : community_[b];
      if (ca != cb) return ca < cb;
      return size(a) > size(b);
    });
    const double golden = std::numbers::pi * (3.0 - std::sqrt(5.0));
    const double step = side / 2.0 / std::sqrt(static_cast<double>(n));
    for (std::size_t k = 0; k < n; ++k) {
      const double radius = step * std::sqrt(static_cast<double>(k) + 0.5);
      x_[order[k]] = std::round(radius * std::cos(golden * static_cast<double>(k)) * 100.0) / 100.0;
      y_[order[k]] = std::round(radius * std::sin(golden * static_cast<double>(k)) * 100.0) / 100.0;
    }
    return;
  }
  // Force-directed: the graph module's Layout (Kamada-Kawai for small components, Barnes-Hut
  // for large ones), spaced so the drawing spans about the same side as the spiral.
  graph::LayoutOptions layout;
  layout.iterations = std::max(1, options_.force_layout_iterations);
  const auto positions = graph::Layout(view_, layout).run();
  x_ = positions.x;
  y_ = positions.y;
}

void ExportContext::parse_props(const std::string& json, std::vector<Value>& out) const {
  out.assign(columns_.size(), Value{});
  if (columns_.empty() || json.empty() || json == "{}") return;
  rapidjson::Document document;
  document.Parse(json.c_str(), json.size());
  if (!document.IsObject()) return;  // checked in scan_properties
  for (const auto& member : document.GetObject()) {
    std::string key =
        valid_utf8(std::string_view(member.name.GetString(), member.name.GetStringLength()));
    auto it = std::lower_bound(
        columns_.begin(), columns_.end(), key,
        [](const PropertyColumn& column, const std::string& k) { return column.key < k; });
    if (it == columns_.end() || it->key != key) continue;
    Value value = to_value(member.value);
    if (!value.present) continue;
    if (it->kind == ValueKind::kDouble && value.kind == ValueKind::kLong) {
      value.kind = ValueKind::kDouble;
    } else if (it->kind == ValueKind::kString && value.kind != ValueKind::kString) {
      value.text = value_text(value);
      value.kind = ValueKind::kString;
    }
    out[static_cast<std::size_t>(it - columns_.begin())] = std::move(value);
  }
}

void ExportContext::load_node(graph::NodeIndex u, NodeRow& row) const {
  progress("entities", u, view_.node_count());
  const auto& node = view_.node(u);
  row.index = u;
  row.node = &node;
  row.id = node_id(node);
  row.name = valid_utf8(node.name);
  row.aliases.clear();
  for (const auto& alias : node.aliases) row.aliases.push_back(valid_utf8(alias));
  if (!facts_.empty()) {
    row.facts = facts_[u];
  } else {
    row.facts = NodeFacts{};
    row.facts.key = node.label + ":#" + decimal(node.id);
  }
  row.facts.key = valid_utf8(row.facts.key);
  row.facts.first_seen = date_text(first_day_[u]);
  row.facts.last_seen = date_text(last_day_[u]);
  parse_props(node.props_json, row.props);
}

// Built by appending: `"n" + std::string&&` trips GCC 12's false -Wrestrict at -O2.
std::string ExportContext::node_id(const graph::Node& node) {
  std::string id(1, 'n');
  id += decimal(node.id);
  return id;
}

std::string ExportContext::edge_id(graph::EdgeIndex e) {
  std::string id(1, 'e');
  id += decimal(e);
  return id;
}

std::string ExportContext::node_key(graph::NodeIndex u) const {
  if (!facts_.empty()) return valid_utf8(facts_[u].key);
  const auto& node = view_.node(u);
  return valid_utf8(node.label + ":#" + decimal(node.id));
}

std::optional<double> ExportContext::rank_of(graph::NodeIndex u) const {
  if (rank_.empty() || std::isnan(rank_[u])) return std::nullopt;
  return rank_[u];
}

std::optional<std::int64_t> ExportContext::community_of(graph::NodeIndex u) const {
  if (community_.empty() || community_[u] < 0) return std::nullopt;
  return community_[u];
}

Rgb ExportContext::color(graph::NodeIndex u) const {
  if (community_column_ >= 0) {
    auto community = community_of(u);
    return community ? kPalette[static_cast<std::size_t>(*community) % kPaletteSize]
                     : Rgb{160, 160, 160};
  }
  return label_color(view_.node(u).label);
}

Rgb ExportContext::label_color(const std::string& label) {
  if (label == "Person") return {66, 133, 244};
  if (label == "Organization") return {219, 68, 55};
  if (label == "Country") return {15, 157, 88};
  if (label == "Place") return {244, 160, 0};
  return kPalette[fnv1a(label) % kPaletteSize];
}

double ExportContext::size(graph::NodeIndex u) const {
  // Area-like scaling (square root) between 4 and 40 so hubs stand out without hiding the rest.
  double share = 0;
  if (pagerank_column_ >= 0) {
    auto rank = rank_of(u);
    if (rank && rank_max_ > rank_min_) share = (*rank - rank_min_) / (rank_max_ - rank_min_);
  } else if (max_degree_ > 0) {
    share = static_cast<double>(view_.degree(u)) / static_cast<double>(max_degree_);
  }
  return std::round((4.0 + 36.0 * std::sqrt(share)) * 100.0) / 100.0;
}

std::string ExportContext::value_text(const Value& value) {
  switch (value.kind) {
    case ValueKind::kBool:
      return value.boolean ? "true" : "false";
    case ValueKind::kLong:
      return decimal(value.integer);
    case ValueKind::kDouble:
      return std::isfinite(value.number) ? format_double(value.number) : std::string();
    case ValueKind::kString:
      return value.text;
    case ValueKind::kStringList: {
      rapidjson::StringBuffer buffer;
      rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
      writer.StartArray();
      for (const auto& item : value.list)
        writer.String(item.data(), static_cast<rapidjson::SizeType>(item.size()));
      writer.EndArray();
      return std::string(buffer.GetString(), buffer.GetSize());
    }
  }
  return {};
}

}  // namespace skein::exporters
