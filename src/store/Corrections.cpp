// The user's corrections (docs/corrections.md): making them (correct), undoing a merge
// (unmerge), listing them, and the rules put() applies to every entity it files (route_entity).

#include "store/Corrections.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <map>

#include "core/Error.h"
#include "store/RowCodecs.h"
#include "store/StoreImpl.h"

namespace skein::store {
namespace {

namespace ops = correction_ops;

constexpr const char* kInsertCorrection =
    "INSERT INTO corrections (op, entity, value, snapshot, created_at, source) "
    "VALUES (?1, ?2, ?3, ?4, coalesce(nullif(?5, ''), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), ?6)";
constexpr const char* kSelectCorrections =
    "SELECT id, op, entity, value, snapshot, created_at, source FROM corrections ORDER BY id";
constexpr const char* kFindNodeById = "SELECT id FROM nodes WHERE label = ?1 AND key = ?2";

std::string json_text(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return {buffer.GetString(), buffer.GetSize()};
}

// The string members of a JSON array member `name` of `object` ([] when absent).
std::vector<std::string> string_list(const rapidjson::Value& object, const char* name) {
  std::vector<std::string> out;
  if (!object.IsObject()) return out;
  auto member = object.FindMember(name);
  if (member == object.MemberEnd() || !member->value.IsArray()) return out;
  for (const auto& item : member->value.GetArray()) {
    if (item.IsString()) out.emplace_back(item.GetString(), item.GetStringLength());
  }
  return out;
}

std::string string_member(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject()) return "";
  auto member = object.FindMember(name);
  if (member == object.MemberEnd() || !member->value.IsString()) return "";
  return {member->value.GetString(), member->value.GetStringLength()};
}

bool known_op(const std::string& op) {
  for (const char* known : {ops::kMerge, ops::kRename, ops::kRelabel, ops::kAliasAdd,
                            ops::kAliasRemove, ops::kDistinct}) {
    if (op == known) return true;
  }
  return false;
}

bool is_entity_id(const std::string& id) {
  const auto colon = id.find(':');
  return colon != std::string::npos && colon > 0 && colon + 1 < id.size();
}

}  // namespace

std::pair<std::string, std::string> split_entity_id(const std::string& id) {
  const auto colon = id.find(':');
  if (colon == std::string::npos) return {"", id};
  return {id.substr(0, colon), id.substr(colon + 1)};
}

std::string CorrectionRules::user_final_id(const std::string& id) const {
  std::string current = id;
  for (std::size_t steps = 0; steps <= redirect.size(); ++steps) {
    if (voted.count(current) > 0) return current;
    auto next = redirect.find(current);
    if (next == redirect.end()) return current;
    current = next->second;
  }
  return current;
}

std::string CorrectionRules::final_id(const std::string& id) const {
  std::string current = id;
  for (std::size_t steps = 0; steps <= redirect.size(); ++steps) {
    auto next = redirect.find(current);
    if (next == redirect.end()) return current;
    current = next->second;
  }
  return current;
}

RoutedEntity route_entity(const CorrectionRules& rules, const Entity& entity) {
  RoutedEntity routed;
  const std::string own = entity.id.empty() ? Entity::make_id(entity.label, entity.key) : entity.id;
  std::string target = rules.final_id(own);
  if (!rules.distinct.empty() && !entity.name.empty()) {
    const std::string name = ascii_lower(entity.name);
    auto [first, last] = rules.distinct.equal_range(target);
    for (auto it = first; it != last; ++it) {
      if (it->second.second == name) {
        target = rules.final_id(it->second.first);
        break;
      }
    }
  }
  for (std::string hop = own; rules.redirect.count(hop) > 0 && hop != target;
       hop = rules.redirect.at(hop)) {
    if (rules.voted.count(hop) > 0) {
      routed.by_vote = true;
      break;
    }
  }
  if (target != own) {
    routed.origin = own;
    routed.keep_stored_name = true;
  }
  auto [label, key] = split_entity_id(target);
  routed.label = std::move(label);
  routed.key = std::move(key);
  if (auto found = rules.name.find(target); found != rules.name.end()) {
    routed.pinned_name = &found->second;
    routed.keep_stored_name = true;
  }
  if (auto found = rules.added_aliases.find(target); found != rules.added_aliases.end()) {
    routed.added = &found->second;
  }
  if (auto found = rules.removed_aliases.find(target); found != rules.removed_aliases.end()) {
    routed.removed = &found->second;
  }
  return routed;
}

void Store::Impl::load_rules() {
  rules.clear();
  std::vector<Correction> all;
  {
    auto statement = use(kSelectCorrections);
    while (statement->executeStep()) {
      Correction c;
      c.op = statement->getColumn(1).getString();
      c.entity = statement->getColumn(2).getString();
      c.value = statement->getColumn(3).getString();
      c.snapshot_json = statement->getColumn(4).getString();
      c.source = statement->getColumn(6).getString();
      all.push_back(std::move(c));
    }
  }
  // Redirects first: the other rules are keyed by the id an entity is finally filed under.
  for (const Correction& c : all) {
    const bool by_vote = c.source == correction_sources::kVote;
    if (by_vote) rules.voted.insert(c.entity);
    if (!by_vote && (c.op == ops::kMerge || c.op == ops::kRelabel || c.op == ops::kDistinct)) {
      rules.user_keys.insert(split_entity_id(c.entity).second);
      if (c.op != ops::kRelabel) rules.user_keys.insert(split_entity_id(c.value).second);
    }
    if (c.op == ops::kMerge) {
      rules.redirect[c.entity] = c.value;
      rapidjson::Document snapshot;
      snapshot.Parse(c.snapshot_json.c_str());
      rules.absorbed_name[c.entity] = string_member(snapshot, "name");
    } else if (c.op == ops::kRelabel) {
      rules.redirect[c.entity] = Entity::make_id(c.value, split_entity_id(c.entity).second);
    }
  }
  for (const Correction& c : all) {
    const std::string target = rules.final_id(c.entity);
    if (c.op == ops::kRename) {
      rules.name[target] = c.value;
    } else if (c.op == ops::kAliasAdd) {
      rules.added_aliases[target].push_back(c.value);
    } else if (c.op == ops::kAliasRemove) {
      rules.removed_aliases[target].insert(c.value);
    } else if (c.op == ops::kDistinct) {
      rapidjson::Document snapshot;
      snapshot.Parse(c.snapshot_json.c_str());
      const auto names = string_list(snapshot, "names");
      if (names.size() != 2) continue;
      const std::string other = rules.final_id(c.value);
      // Two things of one name (Acme the company, Acme the place) are told apart by their
      // ids alone: the name would send each to the other.
      const bool same_name = ascii_lower(names[0]) == ascii_lower(names[1]);
      rules.distinct.emplace(target, std::make_pair(other, same_name ? "" : ascii_lower(names[1])));
      rules.distinct.emplace(other, std::make_pair(target, same_name ? "" : ascii_lower(names[0])));
    }
  }
}

std::int64_t Store::Impl::node_id(const std::string& entity_id) {
  auto [label, key] = split_entity_id(entity_id);
  auto find = use(kFindNodeById);
  find->bind(1, label);
  find->bind(2, key);
  return find->executeStep() ? find->getColumn(0).getInt64() : 0;
}

std::int64_t Store::Impl::edge_between(const std::string& type, std::int64_t src, std::int64_t dst,
                                       bool symmetric) {
  {
    auto find = use("SELECT id FROM edges WHERE type = ?1 AND src = ?2 AND dst = ?3");
    find->bind(1, type);
    find->bind(2, src);
    find->bind(3, dst);
    if (find->executeStep()) return find->getColumn(0).getInt64();
  }
  auto insert = use("INSERT INTO edges (type, src, dst, symmetric) VALUES (?1, ?2, ?3, ?4)");
  insert->bind(1, type);
  insert->bind(2, src);
  insert->bind(3, dst);
  insert->bind(4, symmetric ? 1 : 0);
  insert->exec();
  return db->getLastInsertRowid();
}

std::vector<std::string> Store::Impl::move_node(std::int64_t from, std::int64_t to,
                                                const std::string& origin, bool take_props) {
  auto run = [&](const char* sql, auto&&... values) {
    auto statement = use(sql);
    int index = 1;
    (statement->bind(index++, values), ...);
    statement->exec();
  };
  // Names: every name of `from` the survivor lacks becomes its alias.
  std::vector<std::string> gained;
  {
    auto names =
        use("SELECT name FROM nodes WHERE id = ?1 UNION SELECT alias FROM aliases WHERE node = ?1 "
            "EXCEPT SELECT name FROM nodes WHERE id = ?2 "
            "EXCEPT SELECT alias FROM aliases WHERE node = ?2");
    names->bind(1, from);
    names->bind(2, to);
    while (names->executeStep()) gained.push_back(names->getColumn(0).getString());
  }
  for (const std::string& alias : gained) {
    run("INSERT OR IGNORE INTO aliases (node, alias) VALUES (?1, ?2)", to, alias);
  }
  if (take_props) {
    run("UPDATE nodes SET props = " SKEIN_MERGE_PROPS(
            "props", "(SELECT props FROM nodes WHERE id = ?1)") " WHERE id = ?2",
        from, to);
  }
  // A mention both nodes hold at the same place stays the survivor's.
  run("UPDATE OR IGNORE mentions SET node = ?2, entity = CASE WHEN entity = '' THEN ?3 ELSE entity "
      "END WHERE node = ?1",
      from, to, origin);
  struct EdgeRow {
    std::int64_t id, src, dst;
    std::string type;
    bool symmetric;
  };
  std::vector<EdgeRow> edges;
  {
    auto statement =
        use("SELECT id, type, src, dst, symmetric FROM edges WHERE src = ?1 OR dst = ?1");
    statement->bind(1, from);
    while (statement->executeStep()) {
      edges.push_back({statement->getColumn(0).getInt64(), statement->getColumn(2).getInt64(),
                       statement->getColumn(3).getInt64(), statement->getColumn(1).getString(),
                       statement->getColumn(4).getInt() != 0});
    }
  }
  std::vector<std::int64_t> touched;
  for (const EdgeRow& edge : edges) {
    // Mark which ends were `from` while the evidence still hangs on the old edge.
    run("UPDATE evidence SET "
        "src_entity = CASE WHEN ?2 AND src_entity = '' THEN ?4 ELSE src_entity END, "
        "dst_entity = CASE WHEN ?3 AND dst_entity = '' THEN ?4 ELSE dst_entity END "
        "WHERE edge = ?1",
        edge.id, edge.src == from ? 1 : 0, edge.dst == from ? 1 : 0, origin);
    std::int64_t src = edge.src == from ? to : edge.src;
    std::int64_t dst = edge.dst == from ? to : edge.dst;
    if (edge.symmetric && src > dst) {
      std::swap(src, dst);
      run("UPDATE evidence SET src_entity = dst_entity, dst_entity = src_entity WHERE edge = ?1",
          edge.id);
    }
    const std::int64_t target = edge_between(edge.type, src, dst, edge.symmetric);
    run("UPDATE evidence SET edge = ?2 WHERE edge = ?1", edge.id, target);
    run("UPDATE edges SET props = " SKEIN_MERGE_PROPS(
            "props", "(SELECT props FROM edges WHERE id = ?1)") " WHERE id = ?2",
        edge.id, target);
    run("DELETE FROM edges WHERE id = ?1", edge.id);
    touched.push_back(target);
  }
  std::set<std::int64_t> unused;
  recompute_edges(touched, unused);
  run("DELETE FROM nodes WHERE id = ?1", from);
  return gained;
}

void Store::Impl::refile(std::int64_t holder,
                         const std::function<std::int64_t(const std::string&)>& create) {
  auto run = [&](const char* sql, auto&&... values) {
    auto statement = use(sql);
    int index = 1;
    (statement->bind(index++, values), ...);
    statement->exec();
  };
  std::map<std::string, std::int64_t> nodes_of;  // final entity id -> node
  auto node_for = [&](const std::string& entity_id) {
    const std::string target = rules.final_id(entity_id);
    auto [it, added] = nodes_of.try_emplace(target, 0);
    if (added) {
      it->second = node_id(target);
      if (it->second == 0) it->second = create(target);
    }
    return it->second;
  };
  // What the origin column keeps: the entity's own id while it is still redirected.
  auto kept_origin = [&](const std::string& entity_id) {
    return rules.final_id(entity_id) == entity_id ? std::string() : entity_id;
  };
  {
    struct Row {
      std::int64_t document, start;
      std::string entity;
    };
    std::vector<Row> rows;
    {
      auto statement =
          use("SELECT document, byte_start, entity FROM mentions WHERE node = ?1 AND entity <> ''");
      statement->bind(1, holder);
      while (statement->executeStep()) {
        rows.push_back({statement->getColumn(0).getInt64(), statement->getColumn(1).getInt64(),
                        statement->getColumn(2).getString()});
      }
    }
    for (const Row& row : rows) {
      const std::int64_t node = node_for(row.entity);
      run("UPDATE OR IGNORE mentions SET node = ?4, entity = ?5 "
          "WHERE node = ?1 AND document = ?2 AND byte_start = ?3",
          holder, row.document, row.start, node, kept_origin(row.entity));
    }
  }
  struct Row {
    std::int64_t id, edge, src, dst;
    std::string type, src_entity, dst_entity;
    bool symmetric;
  };
  std::vector<Row> rows;
  {
    auto statement =
        use("SELECT v.id, v.edge, e.src, e.dst, e.type, v.src_entity, v.dst_entity, e.symmetric "
            "FROM evidence v JOIN edges e ON e.id = v.edge "
            "WHERE (e.src = ?1 OR e.dst = ?1) AND (v.src_entity <> '' OR v.dst_entity <> '')");
    statement->bind(1, holder);
    while (statement->executeStep()) {
      rows.push_back({statement->getColumn(0).getInt64(), statement->getColumn(1).getInt64(),
                      statement->getColumn(2).getInt64(), statement->getColumn(3).getInt64(),
                      statement->getColumn(4).getString(), statement->getColumn(5).getString(),
                      statement->getColumn(6).getString(), statement->getColumn(7).getInt() != 0});
    }
  }
  std::vector<std::int64_t> touched;
  for (const Row& row : rows) {
    std::int64_t src = row.src_entity.empty() ? row.src : node_for(row.src_entity);
    std::int64_t dst = row.dst_entity.empty() ? row.dst : node_for(row.dst_entity);
    std::string src_entity = row.src_entity.empty() ? "" : kept_origin(row.src_entity);
    std::string dst_entity = row.dst_entity.empty() ? "" : kept_origin(row.dst_entity);
    if (row.symmetric && src > dst) {
      std::swap(src, dst);
      std::swap(src_entity, dst_entity);
    }
    const std::int64_t edge = src == row.src && dst == row.dst
                                  ? row.edge
                                  : edge_between(row.type, src, dst, row.symmetric);
    run("UPDATE evidence SET edge = ?2, src_entity = ?3, dst_entity = ?4 WHERE id = ?1", row.id,
        edge, src_entity, dst_entity);
    if (edge != row.edge) {
      run("UPDATE edges SET props = " SKEIN_MERGE_PROPS(
              "props", "(SELECT props FROM edges WHERE id = ?1)") " WHERE id = ?2",
          row.edge, edge);
      touched.push_back(row.edge);
      touched.push_back(edge);
    }
  }
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
  std::set<std::int64_t> unused;
  recompute_edges(touched, unused);
}

bool Store::Impl::correct(const Correction& c, CorrectionMode mode) {
  require_writable("record a correction");
  const bool strict = mode == CorrectionMode::kRequireEntities;
  auto refuse = [&](const std::string& reason) -> void { throw InputError(path, reason); };
  if (!known_op(c.op)) {
    refuse("unknown correction '" + c.op +
           "' (known: merge, rename, relabel, alias-add, alias-remove, distinct)");
  }
  if (!is_entity_id(c.entity))
    refuse(c.op + ": '" + c.entity + "' is not an entity id (Label:key)");
  if (c.value.empty()) refuse(c.op + " " + c.entity + ": the value is empty");
  const bool pair = c.op == ops::kMerge || c.op == ops::kDistinct;
  if (pair && !is_entity_id(c.value)) {
    refuse(c.op + ": '" + c.value + "' is not an entity id (Label:key)");
  }
  if (c.op == ops::kRelabel && c.value.find(':') != std::string::npos) {
    refuse("relabel: a label has no ':' ('" + c.value + "')");
  }
  return guarded([&] {
    WriteScope scope(*this);
    load_rules();  // what this transaction sees, also after a rolled-back correction
    auto run = [&](const char* sql, auto&&... values) {
      auto statement = use(sql);
      int index = 1;
      (statement->bind(index++, values), ...);
      statement->exec();
      return db->getChanges();
    };
    {
      auto same = use("SELECT 1 FROM corrections WHERE op = ?1 AND entity = ?2 AND value = ?3");
      same->bind(1, c.op);
      same->bind(2, c.entity);
      same->bind(3, c.value);
      if (same->executeStep()) {
        scope.commit();
        return false;
      }
    }
    // The user's merge, relabel or distinct wins over a label vote: the vote's folds of the
    // names concerned are undone first, and later votes leave those names alone.
    if (c.source != correction_sources::kVote &&
        (c.op == ops::kMerge || c.op == ops::kRelabel || c.op == ops::kDistinct)) {
      std::set<std::string> keys{split_entity_id(c.entity).second};
      if (c.op != ops::kRelabel) keys.insert(split_entity_id(c.value).second);
      if (undo_votes_on(keys) > 0) load_rules();
    }
    const std::string target = rules.final_id(c.entity);
    const std::int64_t node = node_id(target);
    if (strict && node == 0) refuse("no entity " + c.entity);
    std::string snapshot = c.snapshot_json.empty() ? "{}" : c.snapshot_json;
    bool recorded_as_rule = true;

    if (c.op == ops::kMerge) {
      if (rules.redirect.count(c.entity) > 0) {
        refuse(c.entity + " was already merged into " + rules.redirect.at(c.entity) +
               " (undo that first with 'skein correct unmerge')");
      }
      const std::string survivor = rules.final_id(c.value);
      if (survivor == c.entity) refuse("cannot merge " + c.entity + " into itself");
      auto [first, last] = rules.distinct.equal_range(c.entity);
      for (auto it = first; it != last; ++it) {
        if (it->second.first == survivor) {
          refuse(c.entity + " and " + c.value +
                 " are marked distinct; they cannot be merged (see 'skein correct list')");
        }
      }
      const std::int64_t kept = node_id(survivor);
      if (strict && kept == 0) refuse("no entity " + c.value);
      if (node != 0) {
        // The snapshot is what an undo restores: the node as it is now.
        auto record = use("SELECT name, props FROM nodes WHERE id = ?1");
        record->bind(1, node);
        record->executeStep();
        rapidjson::Document json(rapidjson::kObjectType);
        auto& allocator = json.GetAllocator();
        const std::string name = record->getColumn(0).getString();
        rapidjson::Document props;
        props.Parse(record->getColumn(1).getText("{}"));
        json.AddMember("name", rapidjson::Value(name.c_str(), allocator), allocator);
        json.AddMember("props",
                       props.IsObject() ? rapidjson::Value(props, allocator)
                                        : rapidjson::Value(rapidjson::kObjectType),
                       allocator);
        rapidjson::Value aliases(rapidjson::kArrayType);
        {
          auto statement = use("SELECT alias FROM aliases WHERE node = ?1 ORDER BY alias");
          statement->bind(1, node);
          while (statement->executeStep()) {
            aliases.PushBack(rapidjson::Value(statement->getColumn(0).getText(), allocator),
                             allocator);
          }
        }
        json.AddMember("aliases", aliases, allocator);
        std::vector<std::string> gained;
        if (kept != 0) {
          gained = move_node(node, kept, c.entity, c.source != correction_sources::kVote);
        } else {
          // The survivor is not here yet: this node becomes it.
          auto [label, key] = split_entity_id(survivor);
          run("UPDATE nodes SET label = ?2, key = ?3 WHERE id = ?1", node, label, key);
          run("UPDATE mentions SET entity = ?2 WHERE node = ?1 AND entity = ''", node, c.entity);
          run("UPDATE evidence SET src_entity = ?2 WHERE src_entity = '' AND edge IN "
              "(SELECT id FROM edges WHERE src = ?1)",
              node, c.entity);
          run("UPDATE evidence SET dst_entity = ?2 WHERE dst_entity = '' AND edge IN "
              "(SELECT id FROM edges WHERE dst = ?1)",
              node, c.entity);
        }
        rapidjson::Value gained_json(rapidjson::kArrayType);
        for (const auto& alias : gained) {
          gained_json.PushBack(rapidjson::Value(alias.c_str(), allocator), allocator);
        }
        json.AddMember("gained", gained_json, allocator);
        snapshot = json_text(json);
      }
    } else if (c.op == ops::kRename) {
      if (node != 0) {
        run("UPDATE nodes SET name = ?2 WHERE id = ?1", node, c.value);
        run("DELETE FROM aliases WHERE node = ?1 AND alias = ?2", node, c.value);
      }
      run("DELETE FROM corrections WHERE op = 'rename' AND entity = ?1", c.entity);
    } else if (c.op == ops::kRelabel) {
      const std::string moved = Entity::make_id(c.value, split_entity_id(target).second);
      if (moved == target) refuse(c.entity + " already has the label " + c.value);
      if (node_id(moved) != 0) {
        refuse(moved + " exists already; merge the two with 'skein correct merge'");
      }
      if (rules.redirect.count(c.entity) > 0) {
        refuse(c.entity + " is filed under " + target + "; relabel that instead");
      }
      if (node != 0) run("UPDATE nodes SET label = ?2 WHERE id = ?1", node, c.value);
      // Relabelling back undoes the earlier relabel instead of recording a cycle.
      const std::string current_label = split_entity_id(target).first;
      if (run("DELETE FROM corrections WHERE op = 'relabel' AND entity = ?1 AND value = ?2", moved,
              current_label) > 0) {
        recorded_as_rule = false;
      }
    } else if (c.op == ops::kAliasAdd) {
      if (node != 0) {
        {
          auto name = use("SELECT name FROM nodes WHERE id = ?1");
          name->bind(1, node);
          if (name->executeStep() && name->getColumn(0).getString() == c.value) {
            refuse("'" + c.value + "' is already the name of " + c.entity);
          }
        }
        run("INSERT OR IGNORE INTO aliases (node, alias) VALUES (?1, ?2)", node, c.value);
      }
      run("DELETE FROM corrections WHERE op = 'alias-remove' AND entity = ?1 AND value = ?2",
          c.entity, c.value);
    } else if (c.op == ops::kAliasRemove) {
      if (node != 0) {
        {
          auto name = use("SELECT name FROM nodes WHERE id = ?1");
          name->bind(1, node);
          if (name->executeStep() && name->getColumn(0).getString() == c.value) {
            refuse("'" + c.value + "' is the display name of " + c.entity +
                   "; rename it first with 'skein correct rename'");
          }
        }
        // A node without the alias already obeys the rule: recorded all the same, so that a
        // corrections file applies to any store built from the same documents.
        run("DELETE FROM aliases WHERE node = ?1 AND alias = ?2", node, c.value);
      }
      run("DELETE FROM corrections WHERE op = 'alias-add' AND entity = ?1 AND value = ?2", c.entity,
          c.value);
    } else if (c.op == ops::kDistinct) {
      const std::string other = rules.final_id(c.value);
      if (other == target) {
        refuse(c.entity + " and " + c.value + " are one node; undo the merge instead");
      }
      const std::int64_t other_node = node_id(other);
      if (strict && other_node == 0) refuse("no entity " + c.value);
      rapidjson::Document given;
      given.Parse(snapshot.c_str());
      auto names = string_list(given, "names");
      names.resize(2);
      for (auto [index, id] : {std::make_pair(0, node), std::make_pair(1, other_node)}) {
        if (id == 0) continue;
        auto name = use("SELECT name FROM nodes WHERE id = ?1");
        name->bind(1, id);
        if (name->executeStep())
          names[static_cast<std::size_t>(index)] = name->getColumn(0).getString();
      }
      if (names[0].empty() || names[1].empty()) {
        refuse("distinct " + c.entity + " " + c.value + ": needs both names (\"names\": [A, B])");
      }
      rapidjson::Document json(rapidjson::kObjectType);
      rapidjson::Value list(rapidjson::kArrayType);
      for (const auto& name : names) {
        list.PushBack(rapidjson::Value(name.c_str(), json.GetAllocator()), json.GetAllocator());
      }
      json.AddMember("names", list, json.GetAllocator());
      snapshot = json_text(json);
    }
    // A correction carried over (merge, a corrections file) keeps the time it was made.
    if (recorded_as_rule) {
      run(kInsertCorrection, c.op, c.entity, c.value, snapshot, c.created_at,
          c.source == correction_sources::kVote ? correction_sources::kVote
                                                : correction_sources::kUser);
    }
    cache.clear();
    staged.clear();
    load_rules();
    scope.commit();
    return true;
  });
}

std::int64_t Store::Impl::unmerge(const std::string& entity_id) {
  require_writable("undo a merge");
  return guarded([&] {
    WriteScope scope(*this);
    load_rules();
    const std::int64_t restored = unmerge_rows(entity_id);
    scope.commit();
    return restored;
  });
}

std::size_t Store::Impl::undo_votes_on(const std::set<std::string>& keys) {
  std::vector<std::string> undo;
  for (const std::string& id : rules.voted) {
    if (keys.count(split_entity_id(id).second) > 0) undo.push_back(id);
  }
  for (const std::string& id : undo) unmerge_rows(id);
  return undo.size();
}

std::int64_t Store::Impl::unmerge_rows(const std::string& entity_id) {
  {
    std::string survivor, snapshot_text;
    {
      auto find = use("SELECT value, snapshot FROM corrections WHERE op = 'merge' AND entity = ?1");
      find->bind(1, entity_id);
      if (!find->executeStep()) {
        throw InputError(path, "no merge absorbed " + entity_id + " (see 'skein correct list')");
      }
      survivor = find->getColumn(0).getString();
      snapshot_text = find->getColumn(1).getString();
    }
    const std::int64_t holder = node_id(rules.final_id(entity_id));
    {
      auto remove = use("DELETE FROM corrections WHERE op = 'merge' AND entity = ?1");
      remove->bind(1, entity_id);
      remove->exec();
    }
    load_rules();
    rapidjson::Document snapshot;
    snapshot.Parse(snapshot_text.c_str());
    // Makes the node for an entity id that has none: the absorbed node as the snapshot keeps
    // it, anything else by its key (with the user's name for it, if any).
    auto create = [&](const std::string& id) -> std::int64_t {
      auto [label, key] = split_entity_id(id);
      std::string name = key;
      std::string props = "{}";
      if (id == entity_id) {
        const std::string kept = string_member(snapshot, "name");
        if (!kept.empty()) name = kept;
        auto member = snapshot.IsObject() ? snapshot.FindMember("props") : snapshot.MemberEnd();
        if (snapshot.IsObject() && member != snapshot.MemberEnd() && member->value.IsObject()) {
          props = json_text(member->value);
        }
      }
      if (auto pinned = rules.name.find(id); pinned != rules.name.end()) name = pinned->second;
      auto insert = use("INSERT INTO nodes (label, key, name, props) VALUES (?1, ?2, ?3, ?4)");
      insert->bind(1, label);
      insert->bind(2, key);
      insert->bind(3, name);
      insert->bind(4, props);
      insert->exec();
      const std::int64_t created = db->getLastInsertRowid();
      std::vector<std::string> aliases =
          id == entity_id ? string_list(snapshot, "aliases") : std::vector<std::string>{};
      if (auto added = rules.added_aliases.find(id); added != rules.added_aliases.end()) {
        aliases.insert(aliases.end(), added->second.begin(), added->second.end());
      }
      for (const auto& alias : aliases) {
        if (alias == name) continue;
        auto statement = use("INSERT OR IGNORE INTO aliases (node, alias) VALUES (?1, ?2)");
        statement->bind(1, created);
        statement->bind(2, alias);
        statement->exec();
      }
      return created;
    };
    std::int64_t restored = node_id(entity_id);
    if (restored == 0) restored = create(entity_id);
    if (holder != 0) {
      refile(holder, create);
      for (const auto& alias : string_list(snapshot, "gained")) {
        auto statement = use("DELETE FROM aliases WHERE node = ?1 AND alias = ?2");
        statement->bind(1, holder);
        statement->bind(2, alias);
        statement->exec();
      }
      // The survivor may be left with nothing (every row was the absorbed entity's).
      std::set<std::int64_t> candidates{holder};
      delete_orphans(candidates);
    }
    cache.clear();
    staged.clear();
    return restored;
  }
}

bool Store::correct(const Correction& correction, CorrectionMode mode) {
  return impl_->correct(correction, mode);
}

std::int64_t Store::unmerge(const std::string& entity_id) { return impl_->unmerge(entity_id); }

std::vector<Correction> Store::corrections(const std::string& about) const {
  return impl_->guarded([&] {
    std::vector<Correction> out;
    auto statement = impl_->use(kSelectCorrections);
    while (statement->executeStep()) {
      Correction c;
      c.id = statement->getColumn(0).getInt64();
      c.op = statement->getColumn(1).getString();
      c.entity = statement->getColumn(2).getString();
      c.value = statement->getColumn(3).getString();
      c.snapshot_json = statement->getColumn(4).getString();
      c.created_at = statement->getColumn(5).getString();
      c.source = statement->getColumn(6).getString();
      if (!about.empty()) {
        const bool pair = c.op == ops::kMerge || c.op == ops::kDistinct;
        const bool concerns =
            impl_->rules.final_id(c.entity) == about || c.entity == about ||
            (pair && (c.value == about || impl_->rules.final_id(c.value) == about));
        if (!concerns) continue;
      }
      out.push_back(std::move(c));
    }
    return out;
  });
}

}  // namespace skein::store
