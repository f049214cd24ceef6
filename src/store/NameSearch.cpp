// The store's name search: exact lookup by id, name, key or alias (find_nodes), "did you
// mean" suggestions by edit distance (suggest_names), and the one resolver every caller that
// turns a user's entity argument into a node uses (resolve_node).

#include <algorithm>
#include <map>
#include <set>

#include "core/Error.h"
#include "core/Utf8.h"
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
  // the NOCASE indexes on nodes.name, nodes.key and aliases.alias.
  static constexpr const char* kFind =
      "SELECT id FROM nodes WHERE id = ?1 "
      "UNION SELECT id FROM nodes WHERE label = ?2 COLLATE NOCASE AND key = ?3 COLLATE NOCASE "
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

NodeRecord Store::resolve_node(const std::string& name_or_id) const {
  auto matches = find_nodes(name_or_id);
  if (matches.size() == 1) return std::move(matches.front());
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
  message = "'";
  message += name_or_id;
  message += "' is ambiguous: ";
  for (std::size_t i = 0; i < matches.size() && i < 10; ++i) {
    if (i > 0) message += ", ";
    message += matches[i].name;
    message += " (";
    message += Entity::make_id(matches[i].label, matches[i].key);
    message += ')';
  }
  message += "; name one by its id";
  throw InputError(path(), message);
}

}  // namespace skein::store
