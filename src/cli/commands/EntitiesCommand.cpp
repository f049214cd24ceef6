// skein entities: list the entities in the store, most mentioned first.

#include <algorithm>
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
  std::vector<std::string> labels;
  std::string sort = "mentions";
  std::string contains;
  int limit = 50;
  bool json = false;
  ArgParser parser("entities [options]",
                   "Lists entities with their label, mentions and documents.");
  add_store_option(parser, db);
  parser.list("-l,--label", "LABEL", "only these labels (repeatable or comma-separated)", labels)
      .option("--sort", "mentions|documents|name", "order of the listing", sort)
      .option("--name", "TEXT", "only names containing TEXT (case-insensitive, ASCII folding)",
              contains)
      .option("-n,--limit", "N", "at most N rows (0 = all)", limit)
      .flag("--json", "JSON output", json);
  if (!parser.parse(args)) return 0;
  if (sort != "mentions" && sort != "documents" && sort != "name") {
    throw UsageError("--sort must be mentions, documents or name");
  }
  if (limit < 0) throw UsageError("--limit must not be negative");

  auto fold = [](std::string text) {
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
  };
  const std::string needle = fold(contains);
  auto store = open_existing_store(db);
  if (!labels.empty()) require_known(labels, known_labels(store), "label");
  std::vector<store::NodeRecord> nodes;
  store.for_each_node(labels, [&](const store::NodeRecord& node) {
    if (needle.empty() || fold(node.name).find(needle) != std::string::npos) nodes.push_back(node);
  });
  std::stable_sort(nodes.begin(), nodes.end(), [&](const auto& a, const auto& b) {
    if (sort == "name") return a.name < b.name;
    if (sort == "documents" && a.document_count != b.document_count) {
      return a.document_count > b.document_count;
    }
    if (a.mention_count != b.mention_count) return a.mention_count > b.mention_count;
    return a.name < b.name;
  });
  const std::size_t total = nodes.size();
  if (limit > 0 && nodes.size() > static_cast<std::size_t>(limit)) nodes.resize(limit);

  if (json) {
    JsonOutput out;
    out.w().StartObject();
    out.field("total", total);
    out.key("entities");
    out.w().StartArray();
    for (const auto& node : nodes) {
      out.w().StartObject();
      write_entity_fields(out, node);
      out.w().EndObject();
    }
    out.w().EndArray();
    out.w().EndObject();
    out.print();
    return 0;
  }
  Table table({"label", "name", "mentions", "documents", "id"});
  table.align_right(2).align_right(3).max_width(1, 40).max_width(4, 48);
  for (const auto& node : nodes) {
    table.add_row({node.label, node.name, std::to_string(node.mention_count),
                   std::to_string(node.document_count), Entity::make_id(node.label, node.key)});
  }
  table.print(std::cout);
  if (total > nodes.size()) {
    std::cout << "(" << nodes.size() << " of " << total << " entities; --limit 0 lists all)\n";
  }
  return 0;
}

const bool registered = register_command({"entities", "list entities, most mentioned first", run});

}  // namespace
}  // namespace skein::cli
