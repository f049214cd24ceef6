// The store's name search: exact lookup by id, name, key or alias (find_nodes), "did you
// mean" suggestions by edit distance (suggest_names), and the one resolver every caller that
// turns a user's entity argument into a node uses (resolve_node).

#include <algorithm>
#include <map>
#include <set>

#include "core/Error.h"
#include "core/Utf8.h"
#include "store/RowCodecs.h"
#include "store/StoreImpl.h"

namespace skein::store {
namespace {

// Levenshtein distance, giving up (returning bound + 1) once it must exceed `bound`.
std::size_t edit_distance(const std::u32string& a, const std::u32string& b, std::size_t bound) {
  const std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > bound) return bound + 1;
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t row_min = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
      row_min = std::min(row_min, row[j]);
    }
    if (row_min > bound) return bound + 1;
  }
  return row[b.size()];
}

}  // namespace

std::vector<NodeRecord> Store::find_nodes(const std::string& name_or_id) const {
  // Each arm is served by an index: the primary key, UNIQUE(label, key) for "Label:key", and
  // the NOCASE indexes on nodes.name, nodes.key and aliases.alias (also for "Label:Name").
  static constexpr const char* kFind =
      "SELECT id FROM nodes WHERE id = ?1 "
      "UNION SELECT id FROM nodes WHERE label = ?2 COLLATE NOCASE AND key = ?3 COLLATE NOCASE "
      "UNION SELECT id FROM nodes WHERE name = ?3 COLLATE NOCASE AND label = ?2 COLLATE NOCASE "
      "UNION SELECT n.id FROM aliases a JOIN nodes n ON n.id = a.node "
      "WHERE a.alias = ?3 COLLATE NOCASE AND n.label = ?2 COLLATE NOCASE "
      "UNION SELECT id FROM nodes WHERE name = ?4 COLLATE NOCASE "
      "UNION SELECT id FROM nodes WHERE key = ?4 COLLATE NOCASE "
      "UNION SELECT node FROM aliases WHERE alias = ?4 COLLATE NOCASE "
      "ORDER BY 1";
  std::vector<std::int64_t> found = impl_->guarded([&] {
    std::vector<std::int64_t> out;
    auto statement = impl_->use(kFind);
    const bool numeric = !name_or_id.empty() && name_or_id.size() < 19 &&
                         std::all_of(name_or_id.begin(), name_or_id.end(),
                                     [](char c) { return c >= '0' && c <= '9'; });
    if (numeric) statement->bind(1, static_cast<std::int64_t>(std::stoll(name_or_id)));
    const auto colon = name_or_id.find(':');
    if (colon != std::string::npos) {
      statement->bind(2, name_or_id.substr(0, colon));
      statement->bind(3, name_or_id.substr(colon + 1));
    }
    statement->bind(4, name_or_id);
    while (statement->executeStep()) out.push_back(statement->getColumn(0).getInt64());
    return out;
  });
  std::vector<NodeRecord> nodes;
  for (std::int64_t id : found) {
    if (auto record = node(id)) nodes.push_back(std::move(*record));
  }
  return nodes;
}

std::vector<std::string> Store::suggest_names(const std::string& name, std::size_t limit) const {
  if (limit == 0 || name.empty()) return {};
  const std::u32string query = utf8::code_points(ascii_lower(name));
  // Up to a third of the query may be misspelt (at least one letter); a name that contains the
  // query as a word prefix ("Yoon" in "Yoon Suk-yeol") counts as distance 1.
  const std::size_t bound = std::max<std::size_t>(1, query.size() / 3);
  const std::string folded_query = ascii_lower(name);
  std::map<std::pair<std::size_t, std::string>, bool> ranked;
  impl_->guarded([&] {
    auto statement = impl_->use("SELECT name FROM nodes UNION SELECT alias FROM aliases");
    while (statement->executeStep()) {
      const char* text = statement->getColumn(0).getText();
      const std::string folded = ascii_lower(text);
      std::size_t distance = edit_distance(query, utf8::code_points(folded), bound);
      const auto at = folded.find(folded_query);
      if (at != std::string::npos && (at == 0 || folded[at - 1] == ' ')) {
        distance = std::min<std::size_t>(distance, folded.size() == folded_query.size() ? 0 : 1);
      }
      if (distance > bound) continue;
      ranked.emplace(std::make_pair(distance, std::string(text)), true);
    }
  });
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (const auto& [key, unused] : ranked) {
    if (names.size() == limit) break;
    if (seen.insert(key.second).second) names.push_back(key.second);
  }
  return names;
}

std::vector<NodeRecord> Store::candidates(const std::string& name) const {
  auto matches = find_nodes(name);
  std::stable_sort(matches.begin(), matches.end(), [](const NodeRecord& a, const NodeRecord& b) {
    if (a.mention_count != b.mention_count) return a.mention_count > b.mention_count;
    return a.id < b.id;
  });
  return matches;
}

namespace {

// resolve_node's dominant candidate: at least this many mentions, and this many times the
// mentions of the next candidate.
constexpr std::int64_t kDominantMentions = 10;
constexpr std::int64_t kDominantRatio = 10;

// The string value of `key` in a props JSON object ("" when absent or not a string).
std::string prop_text(const std::string& props_json, const char* key) {
  for (const auto& [name, value] : string_props(props_json)) {
    if (name == key) return value;
  }
  return "";
}

}  // namespace

NodeRecord Store::resolve_node(const std::string& name_or_id) const {
  auto matches = find_nodes(name_or_id);
  if (matches.size() == 1) return std::move(matches.front());
  // "NAME#N": the Nth candidate of an ambiguous name, as the ambiguity message numbers them.
  const auto hash = name_or_id.rfind('#');
  if (matches.empty() && hash != std::string::npos && hash > 0 && hash + 1 < name_or_id.size() &&
      name_or_id.size() - hash < 6 &&
      std::all_of(name_or_id.begin() + static_cast<std::ptrdiff_t>(hash) + 1, name_or_id.end(),
                  [](char c) { return c >= '0' && c <= '9'; })) {
    const std::string name = name_or_id.substr(0, hash);
    const std::size_t index = std::stoul(name_or_id.substr(hash + 1));
    auto listed = candidates(name);
    if (index >= 1 && index <= listed.size()) return std::move(listed[index - 1]);
    if (!listed.empty()) {
      throw InputError(path(), "'" + name + "' has " + std::to_string(listed.size()) +
                                   " candidates; #" + std::to_string(index) + " is not one");
    }
  }
  // Built by appending: GCC 12 warns falsely (-Wrestrict, PR105329) on "literal" +
  // std::string chains, and CI builds with -Werror.
  std::string message;
  if (matches.empty()) {
    message = "no entity named '";
    message += name_or_id;
    message += '\'';
    const auto suggestions = suggest_names(name_or_id, 5);
    for (std::size_t i = 0; i < suggestions.size(); ++i) {
      message += i == 0 ? "; did you mean '" : ", '";
      message += suggestions[i];
      message += '\'';
    }
    if (!suggestions.empty()) message += '?';
    throw InputError(path(), message);
  }
  // A name one candidate carries almost always ("Tony Blair" the person, 522 mentions, beside
  // a one-mention misreading as a place) means that candidate.
  auto listed = candidates(name_or_id);
  if (listed.size() >= 2 && listed[0].mention_count >= kDominantMentions &&
      listed[0].mention_count >=
          kDominantRatio * std::max<std::int64_t>(1, listed[1].mention_count)) {
    return std::move(listed[0]);
  }
  // One line per candidate, most mentioned first: what tells them apart (label, kind,
  // country, how often and where from), then the id.
  constexpr std::size_t kShown = 20;
  message = "'";
  message += name_or_id;
  message += "' is ambiguous: ";
  message += std::to_string(listed.size());
  message += " entities carry it";
  for (std::size_t i = 0; i < listed.size() && i < kShown; ++i) {
    const NodeRecord& node = listed[i];
    message += "\n  #";
    message += std::to_string(i + 1);
    message += "  ";
    message += node.name;
    message += "  [";
    message += node.label;
    for (const char* key : {"kind", "country"}) {
      const std::string value = prop_text(node.props_json, key);
      if (value.empty()) continue;
      message += ", ";
      message += key;
      message += ' ';
      message += value;
    }
    message += "]  ";
    message += std::to_string(node.mention_count);
    message += node.mention_count == 1 ? " mention in " : " mentions in ";
    message += std::to_string(node.document_count);
    message += node.document_count == 1 ? " document" : " documents";
    // Where it is named first: a document-local entity is best told apart by its document.
    const auto first = mentions(node.id, 1);
    if (!first.empty()) {
      message += " (";
      message += first.front().document_uri;
      message += node.document_count > 1 ? ", ...)" : ")";
    }
    message += "  ";
    message += Entity::make_id(node.label, node.key);
  }
  if (listed.size() > kShown) {
    message += "\n  ... and ";
    message += std::to_string(listed.size() - kShown);
    message += " more";
  }
  message += "\npick one as '";
  message += name_or_id;
  message += "#1'";
  // Label:Name, where a label tells the candidates apart.
  for (const NodeRecord& node : listed) {
    const auto same_label = std::count_if(
        listed.begin(), listed.end(), [&](const NodeRecord& n) { return n.label == node.label; });
    if (same_label != 1) continue;
    message += ", as Label:Name ('";
    message += node.label;
    message += ':';
    message += name_or_id;
    message += "')";
    break;
  }
  message += " or by its id";
  throw InputError(path(), message);
}

}  // namespace skein::store
