#pragma once
// Pieces every command shares: the --db option, opening the store, and turning an entity
// argument (name, alias or id) into one node.

#include <cstdint>
#include <string>
#include <vector>

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

// Throws UsageError naming the first of `given` that is not in `known`, with the known
// values listed (and the closest as a "did you mean"); `what` names them ("relation type").
void require_known(const std::vector<std::string>& given, const std::vector<std::string>& known,
                   const std::string& what);

// Entity labels a filter may name: the labels of the ontology (core/Extraction.h) and any other
// label the store's nodes carry, sorted.
std::vector<std::string> known_labels(const store::Store& store);

// Relation types a filter may name: every type the store knows (declared or seen).
std::vector<std::string> known_relation_types(const store::Store& store);

// The fields every JSON listing gives an entity: id, node, label, name, aliases, props,
// mentions, documents (written into the object the caller has started).
void write_entity_fields(JsonOutput& out, const store::NodeRecord& node);

}  // namespace skein::cli
