#pragma once
// The user's corrections as the writer applies them: the rules of the `corrections` table
// (schema/005_corrections.sql) held in memory, and how one incoming entity is routed by them.
// Internal to the store module; the operations that make and undo corrections are in
// Corrections.cpp, the write path that applies them in Writer.cpp.
//
// Thread-safety: plain data, used by one Store at a time.

#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/Extraction.h"

namespace skein::store {

// "Label:key" split at its first colon ({"", id} when it has none).
std::pair<std::string, std::string> split_entity_id(const std::string& id);

struct CorrectionRules {
  // merge and relabel: an entity id extraction may still produce -> the id its rows go to.
  std::unordered_map<std::string, std::string> redirect;
  // Keyed by final id (redirects followed): the pinned display name (rename), aliases the user
  // added, aliases the user removed (compared exactly).
  std::unordered_map<std::string, std::string> name;
  std::unordered_map<std::string, std::vector<std::string>> added_aliases;
  std::unordered_map<std::string, std::set<std::string>> removed_aliases;
  // distinct: final id -> (the other entity's id, the other entity's name, ASCII-folded).
  std::unordered_multimap<std::string, std::pair<std::string, std::string>> distinct;
  // merge snapshots by absorbed id: the name extraction gave it (for DocumentRebuild).
  std::unordered_map<std::string, std::string> absorbed_name;
  // The absorbed ids of label-vote merges (source 'vote'), a subset of redirect's keys.
  std::set<std::string> voted;
  // The keys (the part after "Label:") of every entity a user's merge, relabel or distinct
  // names: label votes leave these names as the user made them.
  std::set<std::string> user_keys;

  bool empty() const {
    return redirect.empty() && name.empty() && added_aliases.empty() && removed_aliases.empty() &&
           distinct.empty();
  }
  void clear() { *this = CorrectionRules{}; }

  // Follows redirects from `id` to the id its rows are filed under (itself when none).
  // A cycle (which the store refuses to record) stops where it would repeat.
  std::string final_id(const std::string& id) const;
  // final_id following the user's redirects only (label-vote merges ignored).
  std::string user_final_id(const std::string& id) const;
};

// Where put() files one entity of a document once the corrections are applied.
struct RoutedEntity {
  std::string label, key;  // the node's identity (the entity's own unless redirected)
  std::string origin;      // the entity's own id when redirected, else ""
  const std::string* pinned_name = nullptr;         // rename: the name the node must carry
  const std::vector<std::string>* added = nullptr;  // alias-add
  const std::set<std::string>* removed = nullptr;   // alias-remove
  bool keep_stored_name = false;  // redirected or renamed: no fuller name replaces the stored one
  bool by_vote = false;           // a label vote's merge redirected it: its props do not come along
};

// Routes `entity` through `rules`: redirects (merge, relabel), then distinct (an entity that
// arrives under one id of a distinct pair but carries the other's name is filed under the
// other), then the node's pinned name and alias rules.
RoutedEntity route_entity(const CorrectionRules& rules, const Entity& entity);

}  // namespace skein::store
