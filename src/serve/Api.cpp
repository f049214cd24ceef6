// The JSON API's endpoints. Parameters are checked strictly (unknown names, malformed
// numbers and dates, oversized values are 400s), every answer is built with RapidJSON, and
// graph-shaped answers go through the browser view's own writer (exporters::write_viewer_json)
// so the page reads the same shape from a file and from the server.

#include "serve/Api.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <charconv>
#include <deque>
#include <set>
#include <sstream>
#include <unordered_map>

#include "core/Error.h"
#include "exporters/Exporter.h"
#include "graph/EvidenceFilter.h"
#include "graph/GraphView.h"
#include "serve/NameIndex.h"
#include "store/Store.h"

namespace skein::serve {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// A request the client got wrong: becomes a 4xx with its message.
struct RequestError {
  int status;
  std::string message;
};

std::string error_body(const std::string& message) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("error");
  w.String(message.c_str(), static_cast<rapidjson::SizeType>(message.size()));
  w.EndObject();
  return buffer.GetString();
}

void string(JsonWriter& w, const std::string& text) {
  w.String(text.c_str(), static_cast<rapidjson::SizeType>(text.size()));
}
void field(JsonWriter& w, const char* name, const std::string& text) {
  w.Key(name);
  string(w, text);
}

// Reads one endpoint's parameters; any name not asked for is refused afterwards.
class Reader {
 public:
  Reader(const Params& params, const ApiOptions& options) : params_(params), options_(options) {
    for (const auto& [name, value] : params) {
      if (value.size() > options.max_value_bytes) {
        throw RequestError{400, "parameter '" + name.substr(0, 64) + "' is longer than " +
                                    std::to_string(options.max_value_bytes) + " bytes"};
      }
    }
  }
  std::string text(const std::string& name, const std::string& fallback = "") {
    used_.insert(name);
    auto it = params_.find(name);
    return it == params_.end() ? fallback : it->second;
  }
  bool has(const std::string& name) const { return params_.count(name) != 0; }
  std::int64_t integer(const std::string& name, std::int64_t fallback, std::int64_t low,
                       std::int64_t high) {
    const std::string value = text(name);
    if (value.empty()) return fallback;
    std::int64_t out = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
    if (ec != std::errc() || end != value.data() + value.size())
      throw RequestError{400, "parameter '" + name + "' must be an integer"};
    if (out < low || out > high) {
      throw RequestError{400, "parameter '" + name + "' must be between " + std::to_string(low) +
                                  " and " + std::to_string(high)};
    }
    return out;
  }
  double number(const std::string& name, double low, double high) {
    const std::string value = text(name);
    if (value.empty()) return low;
    double out = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
    if (ec != std::errc() || end != value.data() + value.size() || !(out >= low && out <= high)) {
      throw RequestError{400, "parameter '" + name + "' must be a number between " +
                                  std::to_string(low) + " and " + std::to_string(high)};
    }
    return out;
  }
  bool flag(const std::string& name) {
    const std::string value = text(name);
    if (value.empty() || value == "0" || value == "false") return false;
    if (value == "1" || value == "true") return true;
    throw RequestError{400, "parameter '" + name + "' must be true/false or 1/0"};
  }
  std::size_t limit(std::size_t fallback) {
    return static_cast<std::size_t>(integer("limit", static_cast<std::int64_t>(fallback), 1,
                                            static_cast<std::int64_t>(options_.max_limit)));
  }
  std::vector<std::string> list(const std::string& name) {
    std::vector<std::string> out;
    std::stringstream in(text(name));
    for (std::string item; std::getline(in, item, ',');) {
      if (!item.empty()) out.push_back(item);
    }
    return out;
  }
  // Throws for a parameter nobody read: a typo should not silently mean "no filter".
  void finish() const {
    for (const auto& [name, value] : params_) {
      if (used_.count(name) == 0)
        throw RequestError{400, "unknown parameter '" + name.substr(0, 64) + "'"};
    }
  }

 private:
  const Params& params_;
  const ApiOptions& options_;
  std::set<std::string> used_;
};

bool is_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

graph::GraphFilter read_filter(Reader& in) {
  graph::GraphFilter filter;
  filter.types = in.list("type");
  filter.labels = in.list("label");
  filter.min_weight = in.number("min_weight", 0, 1e12);
  filter.min_confidence = in.number("min_confidence", 0, 1);
  filter.from_date = in.text("from");
  filter.to_date = in.text("to");
  filter.text_only = in.flag("text_only");
  for (const auto* date : {&filter.from_date, &filter.to_date}) {
    if (!date->empty() && !is_date(*date))
      throw RequestError{400, "dates must be YYYY-MM-DD, not '" + date->substr(0, 40) + "'"};
  }
  return filter;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return items.empty() || std::find(items.begin(), items.end(), item) != items.end();
}

// A relation as the served filters see it: its store-wide weight and confidence, the span of
// its evidence dates (a relation passes a date range it overlaps) and its bases. (Exports
// recount weights within a date range; a server answering per click does not.)
bool edge_passes(const graph::GraphFilter& filter, const store::EdgeRecord& edge,
                 const NameIndex& names) {
  if (!contains(filter.types, edge.type)) return false;
  if (edge.weight < filter.min_weight || edge.confidence < filter.min_confidence) return false;
  if (filter.text_only && !edge.has_text_basis) return false;
  if (!filter.from_date.empty() &&
      (edge.last_seen.empty() || edge.last_seen.substr(0, 10) < filter.from_date))
    return false;
  if (!filter.to_date.empty() &&
      (edge.first_seen.empty() || edge.first_seen.substr(0, 10) > filter.to_date))
    return false;
  if (!filter.labels.empty()) {
    const auto* a = names.find(edge.src);
    const auto* b = names.find(edge.dst);
    if (a == nullptr || b == nullptr || !contains(filter.labels, a->label) ||
        !contains(filter.labels, b->label))
      return false;
  }
  return true;
}

std::vector<store::EdgeRecord> edges_of(const store::Store& store, std::int64_t id,
                                        const graph::GraphFilter& filter, const NameIndex& names) {
  auto edges = store.edges_of(id);
  std::erase_if(edges, [&](const store::EdgeRecord& e) { return !edge_passes(filter, e, names); });
  std::stable_sort(edges.begin(), edges.end(),
                   [](const auto& a, const auto& b) { return a.weight > b.weight; });
  return edges;
}

std::int64_t other_end(const store::EdgeRecord& edge, std::int64_t id) {
  return edge.src == id ? edge.dst : edge.src;
}

// Nodes and edges from the store gathered into a GraphView and written as the viewer's JSON.
class Subgraph {
 public:
  bool has(std::int64_t id) const { return index_.count(id) != 0; }
  std::size_t size() const { return nodes_.size(); }
  void add_node(std::int64_t id) {
    if (index_.emplace(id, nodes_.size()).second) nodes_.push_back(id);
  }
  void add_edge(const store::EdgeRecord& edge) {
    if (has(edge.src) && has(edge.dst) && edge_ids_.insert(edge.id).second) edges_.push_back(edge);
  }
  const std::vector<std::int64_t>& nodes() const { return nodes_; }

  std::string json(const store::Store& store, const graph::GraphFilter& filter,
                   exporters::LayoutKind layout, const std::string& web_dir) const {
    graph::GraphView::Builder builder;
    builder.reserve(nodes_.size(), edges_.size());
    for (auto id : nodes_) {
      auto record = store.node(id);
      graph::Node node;
      node.id = id;
      if (record) {
        node.label = record->label;
        node.name = record->name;
        node.aliases = record->aliases;
        node.props_json = record->props_json;
      }
      builder.add_node(std::move(node));
    }
    for (const auto& record : edges_) {
      graph::Edge edge;
      edge.id = record.id;
      edge.type = record.type;
      edge.source = static_cast<graph::NodeIndex>(index_.at(record.src));
      edge.target = static_cast<graph::NodeIndex>(index_.at(record.dst));
      edge.symmetric = record.symmetric;
      edge.weight = record.weight;
      edge.confidence = record.confidence;
      edge.first_seen = record.first_seen;
      edge.last_seen = record.last_seen;
      builder.add_edge(std::move(edge));
    }
    const auto view = std::move(builder).build();
    exporters::ExportOptions options;
    options.layout = layout;
    options.evidence_per_edge = 0;  // fetched per click
    options.web_dir = web_dir;
    std::ostringstream out;
    exporters::write_viewer_json({view, &store, &filter}, out, options);
    return out.str();
  }

 private:
  std::vector<std::int64_t> nodes_;
  std::unordered_map<std::int64_t, std::size_t> index_;
  std::vector<store::EdgeRecord> edges_;
  std::set<std::int64_t> edge_ids_;
};

struct Context {
  const store::Store& store;
  const NameIndex& names;
  const ApiOptions& options;
};

std::int64_t entity_id(Reader& in, const Context& c, const std::string& name) {
  const std::string text = in.text(name);
  if (text.empty()) throw RequestError{400, "parameter '" + name + "' (an entity id) is required"};
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size())
    throw RequestError{400, "parameter '" + name + "' must be an entity id (an integer)"};
  if (c.names.find(id) == nullptr) throw RequestError{404, "no entity with id " + text};
  return id;
}

std::string meta(Reader& in, const Context& c) {
  in.finish();
  const auto stats = c.store.stats();
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("documents");
  w.Int64(stats.documents);
  w.Key("entities");
  w.Int64(stats.nodes);
  w.Key("relations");
  w.Int64(stats.edges);
  w.Key("evidence");
  w.Int64(stats.evidence);
  for (const auto& [key, rows] :
       {std::pair{"labels", &stats.nodes_by_label}, std::pair{"types", &stats.edges_by_type}}) {
    w.Key(key);
    w.StartObject();
    for (const auto& [name, count] : *rows) {
      w.Key(name.c_str(), static_cast<rapidjson::SizeType>(name.size()));
      w.Int64(count);
    }
    w.EndObject();
  }
  w.EndObject();
  return buffer.GetString();
}

std::string entities(Reader& in, const Context& c) {
  const std::string query = in.text("q");
  const std::string label = in.text("label");
  const auto limit = in.limit(20);
  in.finish();
  if (query.empty()) throw RequestError{400, "parameter 'q' (text to search for) is required"};
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("entities");
  w.StartArray();
  for (const auto& hit : c.names.search(query, limit, label)) {
    w.StartObject();
    w.Key("id");
    w.Int64(hit.id);
    field(w, "name", hit.name);
    if (!hit.alias.empty()) field(w, "alias", hit.alias);
    field(w, "label", hit.label);
    w.Key("pagerank");
    w.Double(hit.rank);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return buffer.GetString();
}

std::string entity(Reader& in, const Context& c) {
  const auto id = entity_id(in, c, "id");
  const auto filter = read_filter(in);
  const auto limit = in.limit(200);
  in.finish();
  const auto record = c.store.node(id);
  if (!record) throw RequestError{404, "no entity with id " + std::to_string(id)};
  auto relations = edges_of(c.store, id, filter, c.names);
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("entity");
  w.StartObject();
  w.Key("id");
  w.Int64(record->id);
  field(w, "label", record->label);
  field(w, "key", record->key);
  field(w, "name", record->name);
  w.Key("aliases");
  w.StartArray();
  for (const auto& alias : record->aliases) string(w, alias);
  w.EndArray();
  w.Key("props");
  w.RawValue(record->props_json.c_str(), record->props_json.size(), rapidjson::kObjectType);
  w.Key("mention_count");
  w.Int64(record->mention_count);
  w.Key("document_count");
  w.Int64(record->document_count);
  field(w, "first_seen", record->first_seen);
  field(w, "last_seen", record->last_seen);
  w.EndObject();
  w.Key("relation_count");
  w.Uint64(relations.size());
  w.Key("relations");
  w.StartArray();
  for (std::size_t i = 0; i < relations.size() && i < limit; ++i) {
    const auto& e = relations[i];
    const auto* other = c.names.find(other_end(e, id));
    w.StartObject();
    w.Key("id");
    w.Int64(e.id);
    field(w, "type", e.type);
    w.Key("source");
    w.Int64(e.src);
    w.Key("target");
    w.Int64(e.dst);
    field(w, "other", other ? other->name : std::string());
    w.Key("symmetric");
    w.Bool(e.symmetric);
    w.Key("weight");
    w.Double(e.weight);
    w.Key("confidence");
    w.Double(e.confidence);
    field(w, "first_seen", e.first_seen);
    field(w, "last_seen", e.last_seen);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return buffer.GetString();
}

std::string neighbours(Reader& in, const Context& c) {
  const auto id = entity_id(in, c, "id");
  const auto depth = in.integer("depth", 1, 1, 2);
  const auto filter = read_filter(in);
  const auto limit = in.limit(200);
  in.finish();
  Subgraph graph;
  graph.add_node(id);
  std::vector<std::int64_t> frontier{id};
  for (std::int64_t hop = 0; hop < depth && graph.size() < limit; ++hop) {
    std::vector<std::int64_t> next;
    for (auto u : frontier) {
      for (const auto& e : edges_of(c.store, u, filter, c.names)) {
        if (graph.size() >= limit) break;
        const auto v = other_end(e, u);
        if (!graph.has(v)) {
          graph.add_node(v);
          next.push_back(v);
        }
      }
    }
    frontier = std::move(next);
  }
  for (auto u : graph.nodes()) {
    for (const auto& e : edges_of(c.store, u, filter, c.names)) graph.add_edge(e);
  }
  return graph.json(c.store, filter, exporters::LayoutKind::kNone, c.options.web_dir);
}

std::string overview(Reader& in, const Context& c) {
  const auto limit = in.limit(300);
  const auto filter = read_filter(in);
  in.finish();
  Subgraph graph;
  for (auto id : c.names.top(limit)) graph.add_node(id);
  for (auto u : graph.nodes()) {
    for (const auto& e : edges_of(c.store, u, filter, c.names)) graph.add_edge(e);
  }
  return graph.json(c.store, filter, exporters::LayoutKind::kAuto, c.options.web_dir);
}

std::string path(Reader& in, const Context& c) {
  const auto from = entity_id(in, c, "source");
  const auto to = entity_id(in, c, "target");
  const auto max_hops = in.integer("max_hops", 6, 1, 12);
  const auto filter = read_filter(in);
  in.finish();
  // Breadth-first from `from`, one store query per visited entity, bounded by max_hops and
  // path_max_visits so a hostile query cannot walk a huge store.
  std::unordered_map<std::int64_t, std::pair<std::int64_t, store::EdgeRecord>> parent;
  parent.emplace(from, std::pair{from, store::EdgeRecord{}});
  std::vector<std::int64_t> frontier{from};
  bool truncated = false;
  for (std::int64_t hop = 0; hop < max_hops && !frontier.empty() && parent.count(to) == 0; ++hop) {
    std::vector<std::int64_t> next;
    for (auto u : frontier) {
      for (const auto& e : edges_of(c.store, u, filter, c.names)) {
        const auto v = other_end(e, u);
        if (parent.emplace(v, std::pair{u, e}).second) next.push_back(v);
      }
      if (parent.count(to) != 0) break;
      if (parent.size() > c.options.path_max_visits) {
        truncated = true;
        break;
      }
    }
    if (truncated) break;
    frontier = std::move(next);
  }
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("found");
  const bool found = parent.count(to) != 0;
  w.Bool(found);
  if (truncated) {
    w.Key("truncated");
    w.Bool(true);
  }
  if (found) {
    std::vector<std::int64_t> nodes{to};
    std::vector<store::EdgeRecord> edges;
    for (auto v = to; v != from; v = parent.at(v).first) {
      edges.push_back(parent.at(v).second);
      nodes.push_back(parent.at(v).first);
    }
    std::reverse(nodes.begin(), nodes.end());
    std::reverse(edges.begin(), edges.end());
    Subgraph graph;
    for (auto id : nodes) graph.add_node(id);
    for (const auto& e : edges) graph.add_edge(e);
    w.Key("path");
    w.StartArray();
    for (auto id : nodes) w.Int64(id);
    w.EndArray();
    w.Key("path_edges");
    w.StartArray();
    for (const auto& e : edges) w.Int64(e.id);
    w.EndArray();
    const auto json = graph.json(c.store, filter, exporters::LayoutKind::kNone, c.options.web_dir);
    w.Key("graph");
    w.RawValue(json.c_str(), json.size(), rapidjson::kObjectType);
  }
  w.EndObject();
  return buffer.GetString();
}

std::string evidence(Reader& in, const Context& c) {
  const std::string text = in.text("edge");
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size())
    throw RequestError{400, "parameter 'edge' (a relation id) is required and must be an integer"};
  const auto limit = in.limit(20);
  const auto offset = static_cast<std::size_t>(in.integer("offset", 0, 0, 1000000));
  const auto filter = read_filter(in);
  in.finish();
  const auto edge = c.store.edge(id);
  if (!edge) throw RequestError{404, "no relation with id " + text};
  const auto rows = c.store.evidence(id, 0, graph::evidence_filter(filter));
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("edge");
  w.Int64(id);
  field(w, "type", edge->type);
  w.Key("total");
  w.Uint64(rows.size());
  w.Key("evidence");
  w.StartArray();
  for (std::size_t i = offset; i < rows.size() && i < offset + limit; ++i) {
    const auto& r = rows[i];
    w.StartObject();
    field(w, "sentence", r.sentence);
    field(w, "rule", r.rule);
    field(w, "basis", r.basis);
    w.Key("confidence");
    w.Double(r.confidence);
    w.Key("document");
    w.StartObject();
    w.Key("id");
    w.Int64(r.document_id);
    field(w, "title", r.document_title);
    field(w, "uri", r.document_uri);
    field(w, "published", r.published.substr(0, std::min<std::size_t>(10, r.published.size())));
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return buffer.GetString();
}

using Endpoint = std::string (*)(Reader&, const Context&);
constexpr std::pair<std::string_view, Endpoint> kEndpoints[] = {{"meta", meta},
                                                                {"entities", entities},
                                                                {"entity", entity},
                                                                {"neighbours", neighbours},
                                                                {"neighbors", neighbours},
                                                                {"overview", overview},
                                                                {"path", path},
                                                                {"evidence", evidence}};

}  // namespace

Api::Api(const store::Store& store, ApiOptions options)
    : options_(std::move(options)), names_(std::make_unique<NameIndex>(store)) {}
Api::~Api() = default;

std::size_t Api::entity_count() const { return names_->size(); }

ApiResponse Api::handle(const std::string& endpoint, const Params& params,
                        const store::Store& store) const {
  for (const auto& [name, run] : kEndpoints) {
    if (name != endpoint) continue;
    try {
      Reader reader(params, options_);
      return {200, run(reader, Context{store, *names_, options_})};
    } catch (const RequestError& error) {
      return {error.status, error_body(error.message)};
    }
  }
  return {404, error_body("no endpoint '" + endpoint.substr(0, 64) +
                          "' (meta, entities, entity, neighbours, overview, path, evidence)")};
}

bool Api::params_from_json(const std::string& body, Params& params, std::string& error) {
  rapidjson::Document document;
  document.Parse(body.c_str(), body.size());
  if (document.HasParseError() || !document.IsObject()) {
    error = "the request body must be a JSON object of parameters";
    return false;
  }
  for (const auto& member : document.GetObject()) {
    const std::string name(member.name.GetString(), member.name.GetStringLength());
    const auto& v = member.value;
    std::string text;
    if (v.IsString()) {
      text.assign(v.GetString(), v.GetStringLength());
    } else if (v.IsBool()) {
      text = v.GetBool() ? "true" : "false";
    } else if (v.IsInt64()) {
      text = std::to_string(v.GetInt64());
    } else if (v.IsNumber()) {
      rapidjson::StringBuffer buffer;
      JsonWriter w(buffer);
      v.Accept(w);
      text = buffer.GetString();
    } else if (v.IsArray()) {
      for (const auto& item : v.GetArray()) {
        if (!item.IsString()) {
          error = "parameter '" + name.substr(0, 64) + "' must be a string or a list of strings";
          return false;
        }
        if (!text.empty()) text += ',';
        text.append(item.GetString(), item.GetStringLength());
      }
    } else {
      error = "parameter '" + name.substr(0, 64) + "' must be a string, number, boolean or list";
      return false;
    }
    params[name] = std::move(text);
  }
  return true;
}

}  // namespace skein::serve
