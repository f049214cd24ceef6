#pragma once
// NameIndex: every entity's name and aliases, case-folded and sorted, with the entity's
// PageRank, so search and the overview never scan the store (internal to serve).
// Built once from Store::for_each_node_brief; immutable afterwards, safe to read from any
// number of threads.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace skein::store {
class Store;
}

namespace skein::serve {

struct NameHit {
  std::int64_t id = 0;
  std::string name;
  std::string alias;  // the alias that matched, or empty when the name did
  std::string label;
  double rank = 0;
};

class NameIndex {
 public:
  struct Entity {
    std::int64_t id;
    std::string name, label;
    double rank;
  };

  explicit NameIndex(const store::Store& store);

  // The entity with this store id, or nullptr.
  const Entity* find(std::int64_t id) const;

  // Entities whose name or alias starts with `query` (case-folded), best ranked first, then
  // those containing it; at most `limit`, optionally only `label`.
  std::vector<NameHit> search(const std::string& query, std::size_t limit,
                              const std::string& label) const;
  // The `limit` entities of highest rank (ties: lower id), store ids.
  std::vector<std::int64_t> top(std::size_t limit) const;
  std::size_t size() const { return entities_.size(); }

 private:
  struct Key {
    std::string folded;
    std::uint32_t entity;
    std::int32_t alias;  // index into aliases_, -1 for the name
  };
  std::vector<Entity> entities_;
  std::vector<std::string> aliases_;
  std::vector<Key> keys_;  // sorted by folded text
  std::unordered_map<std::int64_t, std::uint32_t> by_id_;
};

}  // namespace skein::serve
