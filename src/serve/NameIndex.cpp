#include "serve/NameIndex.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <set>

#include "store/Store.h"

namespace skein::serve {
namespace {

// ASCII case folding, as the store's own name matching does.
std::string fold(const std::string& text) {
  std::string out = text;
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

double pagerank_of(const std::string& props_json) {
  if (props_json.empty() || props_json == "{}") return 0;
  rapidjson::Document document;
  document.Parse(props_json.c_str(), props_json.size());
  if (document.HasParseError() || !document.IsObject()) return 0;
  auto it = document.FindMember("pagerank");
  return it != document.MemberEnd() && it->value.IsNumber() ? it->value.GetDouble() : 0;
}

}  // namespace

NameIndex::NameIndex(const store::Store& store) {
  store.for_each_node_brief({}, [&](const store::NodeBrief& node) {
    const auto entity = static_cast<std::uint32_t>(entities_.size());
    entities_.push_back({node.id, node.name, node.label, pagerank_of(node.props_json)});
    by_id_.emplace(node.id, entity);
    keys_.push_back({fold(node.name), entity, -1});
    for (const auto& alias : node.aliases) {
      keys_.push_back({fold(alias), entity, static_cast<std::int32_t>(aliases_.size())});
      aliases_.push_back(alias);
    }
  });
  std::sort(keys_.begin(), keys_.end(), [](const Key& a, const Key& b) {
    return a.folded != b.folded ? a.folded < b.folded : a.entity < b.entity;
  });
}

const NameIndex::Entity* NameIndex::find(std::int64_t id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &entities_[it->second];
}

std::vector<NameHit> NameIndex::search(const std::string& query, std::size_t limit,
                                       const std::string& label) const {
  const std::string q = fold(query);
  std::vector<NameHit> out;
  if (q.empty() || limit == 0) return out;
  std::set<std::uint32_t> seen;
  auto hit = [&](const Key& key) {
    const auto& entity = entities_[key.entity];
    if (!label.empty() && entity.label != label) return;
    if (!seen.insert(key.entity).second) return;
    out.push_back({entity.id, entity.name,
                   key.alias < 0 ? std::string() : aliases_[static_cast<std::size_t>(key.alias)],
                   entity.label, entity.rank});
  };
  auto by_rank = [](const NameHit& a, const NameHit& b) {
    return a.rank != b.rank ? a.rank > b.rank : a.id < b.id;
  };
  // Prefix matches: a contiguous run of the sorted keys. Rank at most a bounded number of
  // them so a one-letter query stays cheap on a large store.
  constexpr std::size_t kPrefixCandidates = 5000;
  auto it =
      std::lower_bound(keys_.begin(), keys_.end(), q,
                       [](const Key& key, const std::string& text) { return key.folded < text; });
  for (std::size_t n = 0;
       it != keys_.end() && it->folded.compare(0, q.size(), q) == 0 && n < kPrefixCandidates;
       ++it, ++n) {
    hit(*it);
  }
  std::sort(out.begin(), out.end(), by_rank);
  if (out.size() >= limit) {
    out.resize(limit);
    return out;
  }
  const std::size_t prefix_count = out.size();
  for (const auto& key : keys_) {
    if (out.size() - prefix_count >= kPrefixCandidates) break;
    if (key.folded.find(q) != std::string::npos && key.folded.compare(0, q.size(), q) != 0)
      hit(key);
  }
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(prefix_count), out.end(), by_rank);
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::vector<std::int64_t> NameIndex::top(std::size_t limit) const {
  std::vector<std::uint32_t> order(entities_.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  const std::size_t n = std::min(limit, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(),
                    [&](std::uint32_t a, std::uint32_t b) {
                      const auto& x = entities_[a];
                      const auto& y = entities_[b];
                      return x.rank != y.rank ? x.rank > y.rank : x.id < y.id;
                    });
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < n; ++i) ids.push_back(entities_[order[i]].id);
  return ids;
}

}  // namespace skein::serve
