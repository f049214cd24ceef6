#include "cli/Common.h"

#include <filesystem>

#include "core/Error.h"

namespace skein::cli {

void add_store_option(ArgParser& parser, std::string& db) {
  parser.option("--db", "FILE", "the Skein store (a SQLite file)", db);
}

store::Store open_existing_store(const std::string& db, StoreAccess access) {
  std::error_code error;
  if (db != ":memory:" && !std::filesystem::exists(db, error)) {
    throw StoreError(db + ": no such store (create one with 'skein ingest PATH')");
  }
  store::StoreOptions options;
  options.create_if_missing = false;
  options.read_only = access == StoreAccess::kRead;
  return store::Store(db, options);
}

void write_entity_fields(JsonOutput& out, const store::NodeRecord& node) {
  out.field("id", Entity::make_id(node.label, node.key));
  out.field("node", node.id);
  out.field("label", node.label);
  out.field("name", node.name);
  out.string_array("aliases", node.aliases);
  out.raw_field("props", node.props_json);
  out.field("mentions", node.mention_count);
  out.field("documents", node.document_count);
}

}  // namespace skein::cli
