#pragma once
// Pieces every command shares: the --db option, opening the store, and an entity's JSON
// fields. (An entity argument becomes one node through Store::resolve_node.)

#include <cstdint>
#include <string>

#include "cli/ArgParser.h"
#include "cli/Json.h"
#include "store/Store.h"

namespace skein::cli {

inline constexpr const char* kDefaultStore = "skein.db";

// Adds "--db FILE" bound to `db` (default skein.db in the current directory).
void add_store_option(ArgParser& parser, std::string& db);

enum class StoreAccess { kRead, kWrite };

// Opens an existing store; a missing file is a StoreError that says to ingest first, instead
// of silently creating an empty store. kRead opens read-only, so reading works on read-only
// media and never takes a write lock.
store::Store open_existing_store(const std::string& db, StoreAccess access = StoreAccess::kRead);

// The fields every JSON listing gives an entity: id, node, label, name, aliases, props,
// mentions, documents (written into the object the caller has started).
void write_entity_fields(JsonOutput& out, const store::NodeRecord& node);

}  // namespace skein::cli
