// skein relations: list relations with their weight (evidence count) and confidence.

#include <algorithm>
#include <iostream>
#include <unordered_map>

#include "cli/ArgParser.h"
#include "cli/Command.h"
#include "cli/Common.h"
#include "cli/Json.h"
#include "cli/Table.h"
#include "core/Error.h"

namespace skein::cli {
namespace {

int run(const std::vector<std::string>& args) {
  std::string db = kDefaultStore;
  store::EdgeQuery query;
  int limit = 50;
  bool json = false;
  std::string entity;
  ArgParser parser("relations [options]",
                   "Lists relations, best evidenced first. Weight is the number of supporting\n"
                   "sentences (or gazetteer facts); confidence combines their confidences.");
  add_store_option(parser, db);
  parser
      .list("-t,--type", "TYPE", "only these relation types (repeatable or comma-separated)",
            query.types)
      .list("-l,--label", "LABEL", "only relations between entities with these labels",
            query.labels)
      .option("--min-weight", "W", "at least this much evidence", query.min_weight)
      .option("--min-confidence", "C", "at least this confidence (0..1)", query.min_confidence)
      .option("--from", "DATE", "evidence from documents published on/after DATE (YYYY-MM-DD)",
              query.from_date)
      .option("--to", "DATE", "evidence from documents published on/before DATE", query.to_date)
      .flag("--text-only", "ignore facts that come from the gazetteer rather than the text",
            query.text_only)
      .option("-e,--entity", "NAME", "only relations of this entity (a name, alias or id)", entity)
      .option("-n,--limit", "N", "at most N rows (0 = all)", limit)
      .flag("--json", "JSON output", json);
  if (!parser.parse(args)) return 0;
  if (limit < 0) throw UsageError("--limit must not be negative");

  auto store = open_existing_store(db);
  require_known(query.types, known_relation_types(store), "relation type");
  const std::vector<std::string> labels =
      query.labels.empty() ? std::vector<std::string>{} : known_labels(store);
  require_known(query.labels, labels, "label");
  const std::int64_t only_node = entity.empty() ? -1 : store.resolve_node(entity).id;
  std::unordered_map<std::int64_t, std::pair<std::string, std::string>>
      names;  // id -> name, id text
  store.for_each_node({}, [&](const store::NodeRecord& node) {
    names[node.id] = {node.name, Entity::make_id(node.label, node.key)};
  });
  std::vector<store::EdgeRecord> edges;
  store.for_each_edge(query, [&](const store::EdgeRecord& edge) {
    if (only_node < 0 || edge.src == only_node || edge.dst == only_node) edges.push_back(edge);
  });
  std::stable_sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    return a.confidence > b.confidence;
  });
  const std::size_t total = edges.size();
  if (limit > 0 && edges.size() > static_cast<std::size_t>(limit)) edges.resize(limit);

  if (json) {
    JsonOutput out;
    out.w().StartObject();
    out.field("total", total);
    out.key("relations");
    out.w().StartArray();
    for (const auto& edge : edges) {
      out.w().StartObject();
      out.field("edge", edge.id);
      out.field("type", edge.type);
      out.field("source", names[edge.src].second);
      out.field("source_name", names[edge.src].first);
      out.field("target", names[edge.dst].second);
      out.field("target_name", names[edge.dst].first);
      out.field("symmetric", edge.symmetric);
      out.field("weight", edge.weight);
      out.field("confidence", edge.confidence);
      out.field("text_basis", edge.has_text_basis);
      out.field("knowledge_basis", edge.has_knowledge_basis);
      out.raw_field("props", edge.props_json);
      out.w().EndObject();
    }
    out.w().EndArray();
    out.w().EndObject();
    out.print();
    return 0;
  }
  Table table({"type", "source", "", "target", "weight", "confidence", "basis"});
  table.align_right(4).align_right(5).max_width(1, 36).max_width(3, 36);
  for (const auto& edge : edges) {
    std::string basis =
        edge.has_text_basis ? (edge.has_knowledge_basis ? "text+knowledge" : "text") : "knowledge";
    table.add_row({edge.type, names[edge.src].first, edge.symmetric ? "--" : "->",
                   names[edge.dst].first, format_fixed(edge.weight, 0),
                   format_fixed(edge.confidence, 2), basis});
  }
  table.print(std::cout);
  if (total > edges.size()) {
    std::cout << "(" << edges.size() << " of " << total << " relations; --limit 0 lists all)\n";
  }
  return 0;
}

const bool registered =
    register_command({"relations", "list relations with their evidence weight", run});

}  // namespace
}  // namespace skein::cli
