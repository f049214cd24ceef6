#pragma once
// Pieces every command shares: the --db option, opening the store, and an entity's JSON
// fields. (An entity argument becomes one node through Store::resolve_node.)

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

void require_known(const std::vector<std::string>& given, const std::vector<std::string>& known,
                   const std::string& what);

// Entity labels a filter may name: the labels of the ontology (core/Extraction.h) and any other
// label the store's nodes carry, sorted.
std::vector<std::string> known_labels(const store::Store& store);

// Relation types a filter may name: every type the store knows (declared or seen).
std::vector<std::string> known_relation_types(const store::Store& store);

// One line for a correction, as `correct list` and `show` print it:
// "merged Organization:ukip-2 ('UKIP') into Organization:ukip", "renamed Person:x to 'Y'", ...
std::string describe_correction(const store::Correction& correction);

// The fields every JSON listing gives an entity: id, node, label, name, aliases, props,
// mentions, documents (written into the object the caller has started).
void write_entity_fields(JsonOutput& out, const store::NodeRecord& node);

}  // namespace skein::cli
