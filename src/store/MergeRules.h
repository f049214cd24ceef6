#pragma once
// How a node or edge already stored takes in what a later document says about it (the
// "Merging across documents" paragraph of Store.h), in SQL for the rows and in C++ for the
// writer's node cache, which must agree. Internal to the store module.
//
// Thread-safety: pure functions.

#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "core/Extraction.h"

namespace skein::store {

// Merges the JSON object `incoming` into `current` (both SQL expressions): keys new to
// `current` are added, keys it already holds keep their value unless that value is the empty
// string (a later document may know what an earlier one did not; it may not overwrite what is
// known). CachedNode mirrors this for the cache (see upsert_is_noop).
#define SKEIN_MERGE_PROPS(current, incoming)                                                      \
  "CASE WHEN " incoming " = '{}' THEN " current " ELSE json_patch(" incoming                      \
  ", (SELECT json_group_object(key, CASE type WHEN 'true' THEN json('true') "                     \
  "WHEN 'false' THEN json('false') WHEN 'object' THEN json(value) WHEN 'array' THEN json(value) " \
  "ELSE value END) FROM json_each(" current                                                       \
  ") "                                                                                            \
  "WHERE type <> 'null' AND (type <> 'text' OR value <> ''))) END"

// What the writer's node cache remembers of a stored node: enough to know that an upsert of
// the same entity would change nothing.
struct CachedNode {
  std::int64_t id = 0;
  std::string name;
  std::set<std::string> keys;           // every props key
  std::set<std::string> nonempty_keys;  // keys whose value is not the empty string
};

// Fills the key sets of `node` from a props JSON object (nothing on anything else).
void read_prop_keys(const char* json, CachedNode& node);
// Records that `props` were merged into `node` by SKEIN_MERGE_PROPS.
void note_merged_props(const Properties& props, CachedNode& node);

// Case-folds ASCII only: the store compares names the way SQLite's NOCASE indexes do, so
// merging, find_nodes and suggest_names agree on what "the same name" means.
std::string ascii_lower(std::string_view text);

// The display-name rule: the first stored name stays unless a later one is longer and
// contains it, ASCII case folded: "Yoon" gives way to "Yoon Suk-yeol", but "South Korea"
// never to "Republic of Korea" (a different name, not a fuller one; it becomes an alias).
bool fuller_name(const std::string& candidate, const std::string& current);

// True when `candidate` should replace `current` as a node's display name: a fuller name
// (above), or a spelling of the same letters and digits (case, full stops, spaces and other
// punctuation aside: "George W. Bush" / "George W Bush", "LONDON" / "London") that ranks
// higher - not all capitals first, then more characters, then the smaller byte string. Among
// spellings of one name the choice is thus the same whatever order documents arrive in.
bool preferred_name(const std::string& candidate, const std::string& current);

// True when merging `entity` into `cached` by the rules above cannot change the row: no
// preferred name (unless `name_may_change` is false: a correction holds the name), and every
// property key already settled.
bool upsert_is_noop(const Entity& entity, const CachedNode& cached, bool name_may_change = true);

}  // namespace skein::store
