#pragma once
// Pieces every command shares: the --db option, opening the store, and turning an entity
// argument (name, alias or id) into one node.

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

// Resolves a user's entity argument by id ("Country:KR", a numeric node id), name, key or
// alias, case-insensitively. Throws Error listing the candidates when ambiguous, or
// suggesting the closest names when nothing matches.
store::NodeRecord resolve_entity(const store::Store& store, const std::string& argument);

// The fields every JSON listing gives an entity: id, node, label, name, aliases, props,
// mentions, documents (written into the object the caller has started).
void write_entity_fields(JsonOutput& out, const store::NodeRecord& node);

}  // namespace skein::cli
