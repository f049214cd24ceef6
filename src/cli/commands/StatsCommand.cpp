// skein stats: what the store holds, by table, label and relation type.

#include <iostream>

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
  bool json = false;
  ArgParser parser("stats [options]",
                   "Counts documents, entities, relations and evidence in the store.");
  add_store_option(parser, db);
  parser.flag("--json", "JSON output", json);
  if (!parser.parse(args)) return 0;

  auto store = open_existing_store(db);
  auto stats = store.stats();
  // The co-mention layer is read, not stored: counting its pairs reads it whole.
  store.for_each_co_mention({}, [&](const store::EdgeRecord&) { ++stats.co_mention_pairs; });
  if (json) {
    JsonOutput out;
    out.w().StartObject();
    out.field("store", db);
    out.field("schema_version", static_cast<std::int64_t>(store.schema_version()));
    out.field("documents", stats.documents);
    out.field("entities", stats.nodes);
    out.field("aliases", stats.aliases);
    out.field("relations", stats.edges);
    out.field("mentions", stats.mentions);
    out.field("evidence", stats.evidence);
    out.field("co_mention_pairs", stats.co_mention_pairs);
    out.key("entities_by_label");
    out.w().StartObject();
    for (const auto& [label, count] : stats.nodes_by_label) out.field(label, count);
    out.w().EndObject();
    out.key("relations_by_type");
    out.w().StartObject();
    for (const auto& [type, count] : stats.edges_by_type) out.field(type, count);
    out.w().EndObject();
    out.w().EndObject();
    out.print();
    return 0;
  }
  std::cout << db << " (schema version " << store.schema_version() << ")\n\n";
  Table totals({"what", "count"});
  totals.align_right(1);
  totals.add_row({"documents", std::to_string(stats.documents)});
  totals.add_row({"entities", std::to_string(stats.nodes)});
  totals.add_row({"aliases", std::to_string(stats.aliases)});
  totals.add_row({"relations", std::to_string(stats.edges)});
  totals.add_row({"mentions", std::to_string(stats.mentions)});
  totals.add_row({"evidence", std::to_string(stats.evidence)});
  totals.add_row({"co-mention pairs", std::to_string(stats.co_mention_pairs)});
  totals.print(std::cout);
  if (!stats.nodes_by_label.empty()) {
    std::cout << "\n";
    Table labels({"entity label", "count"});
    labels.align_right(1);
    for (const auto& [label, count] : stats.nodes_by_label)
      labels.add_row({label, std::to_string(count)});
    labels.print(std::cout);
  }
  if (!stats.edges_by_type.empty()) {
    std::cout << "\n";
    Table types({"relation type", "count"});
    types.align_right(1);
    for (const auto& [type, count] : stats.edges_by_type)
      types.add_row({type, std::to_string(count)});
    types.print(std::cout);
  }
  return 0;
}

const bool registered = register_command({"stats", "count what the store holds", run});

}  // namespace
}  // namespace skein::cli
