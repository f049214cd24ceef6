// The store's reader: counts, nodes, edges, evidence, co-mention, mentions and documents. The
// evidence filter (dates, basis) is written once, here, as SKEIN_EVIDENCE_FILTER, and used both by
// for_each_edge (weights and confidences) and by evidence() (the sentences).

#include <utility>

#include "core/Error.h"
#include "store/RowCodecs.h"
#include "store/StoreImpl.h"

namespace skein::store {
namespace {

// The evidence filter over evidence `v` joined to its document `d`; `from`, `to` and
// `text_only` are three consecutive parameters bound by bind_evidence_filter (NULL date: no
// bound). Undated documents fail any date bound.
#define SKEIN_DATE_FILTER(from, to)                                                 \
  "(" from " IS NULL OR (d.published <> '' AND substr(d.published, 1, 10) >= " from \
  ")) "                                                                             \
  "AND (" to " IS NULL OR (d.published <> '' AND substr(d.published, 1, 10) <= " to ")) "
#define SKEIN_EVIDENCE_FILTER(from, to, text_only) \
  SKEIN_DATE_FILTER(from, to) "AND (" text_only " = 0 OR v.basis = 'text')"

// An edge's columns as SKEIN_EDGE_COLUMNS reads them, with weight, confidence, bases and
// dates aggregated over the evidence rows `v` (documents `d`) that the WHERE clause keeps.
// Followed by WHERE ... GROUP BY e.id.
#define SKEIN_FILTERED_EDGE_COLUMNS                                                         \
  "SELECT e.id, e.type, e.src, e.dst, e.symmetric, e.props, count(*), "                     \
  "skein_noisy_or(v.confidence), max(v.basis = 'text'), max(v.basis = 'knowledge'), "       \
  "coalesce(min(nullif(d.published, '')), ''), coalesce(max(nullif(d.published, '')), '') " \
  "FROM edges e JOIN evidence v ON v.edge = e.id JOIN documents d ON d.id = v.document "

void bind_evidence_filter(SQLite::Statement& statement, int first, const EvidenceFilter& filter) {
  if (filter.from_date.empty()) {
    statement.bind(first);
  } else {
    statement.bind(first, filter.from_date);
  }
  if (filter.to_date.empty()) {
    statement.bind(first + 1);
  } else {
    statement.bind(first + 1, filter.to_date);
  }
  statement.bind(first + 2, filter.text_only ? 1 : 0);
}

void bind_evidence_filter(sqlite3* db, sqlite3_stmt* statement, int first,
                          const EvidenceFilter& filter) {
  if (!filter.from_date.empty()) bind_scan_text(db, statement, first, filter.from_date);
  if (!filter.to_date.empty()) bind_scan_text(db, statement, first + 1, filter.to_date);
  check_bind(db, sqlite3_bind_int(statement, first + 2, filter.text_only ? 1 : 0));
}

// One probe of a covering index per file on a re-run. The planner would pick uri's UNIQUE
// index (one row, so "best") and then read the row, which holds the text before the stamp
// columns: every document's text paged in. Hence INDEXED BY.
constexpr const char* kHasFileStamp =
    "SELECT 1 FROM documents INDEXED BY documents_file_stamp "
    "WHERE uri = ?1 AND file_size = ?2 AND file_mtime_ns = ?3";

}  // namespace

bool Store::contains(const std::string& uri, const std::string& sha256) const {
  return impl_->guarded([&] {
    auto statement = impl_->use("SELECT 1 FROM documents WHERE uri = ?1 AND sha256 = ?2");
    statement->bind(1, uri);
    statement->bind(2, sha256);
    return statement->executeStep();
  });
}

bool Store::has_file_stamp(const std::string& uri, const FileStamp& stamp) const {
  Impl& impl = *impl_;
  return impl.guarded([&] {
    impl.begin_lookup();
    bool found = false;
    {
      auto statement = impl.use(kHasFileStamp);
      statement->bindNoCopy(1, uri);
      statement->bind(2, stamp.size);
      statement->bind(3, stamp.mtime_ns);
      found = statement->executeStep();
    }
    impl.finish_lookup();
    return found;
  });
}

StoreStats Store::stats() const {
  return impl_->guarded([&] {
    StoreStats stats;
    {
      auto counts = impl_->use(
          "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM nodes), "
          "(SELECT count(*) FROM aliases), (SELECT count(*) FROM edges), "
          "(SELECT count(*) FROM mentions), (SELECT count(*) FROM evidence)");
      counts->executeStep();
      stats.documents = counts->getColumn(0).getInt64();
      stats.nodes = counts->getColumn(1).getInt64();
      stats.aliases = counts->getColumn(2).getInt64();
      stats.edges = counts->getColumn(3).getInt64();
      stats.mentions = counts->getColumn(4).getInt64();
      stats.evidence = counts->getColumn(5).getInt64();
    }
    {
      auto labels = impl_->use("SELECT label, count(*) FROM nodes GROUP BY label ORDER BY label");
      while (labels->executeStep()) {
        stats.nodes_by_label.emplace_back(labels->getColumn(0).getString(),
                                          labels->getColumn(1).getInt64());
      }
    }
    auto types = impl_->use("SELECT type, count(*) FROM edges GROUP BY type ORDER BY type");
    while (types->executeStep()) {
      stats.edges_by_type.emplace_back(types->getColumn(0).getString(),
                                       types->getColumn(1).getInt64());
    }
    return stats;
  });
}

std::optional<NodeRecord> Store::node(std::int64_t id) const {
  static constexpr const char* kSql = SKEIN_NODE_COLUMNS "WHERE n.id = ?1 GROUP BY n.id";
  return impl_->guarded([&]() -> std::optional<NodeRecord> {
    auto statement = impl_->use(kSql);
    statement->bind(1, id);
    if (!statement->executeStep()) return std::nullopt;
    return read_node(*statement);
  });
}

void Store::for_each_node(const std::vector<std::string>& labels,
                          const std::function<void(const NodeRecord&)>& visit) const {
  static constexpr const char* kSql = SKEIN_NODE_COLUMNS
      "WHERE ?1 IS NULL OR n.label IN (SELECT value FROM json_each(?1)) GROUP BY n.id ORDER BY "
      "n.id";
  impl_->guarded([&] {
    auto statement = impl_->use(kSql);
    bind_list(*statement, 1, labels);
    while (statement->executeStep()) visit(read_node(*statement));
  });
}

std::pair<std::int64_t, std::int64_t> Store::max_ids() const {
  // max() of an INTEGER PRIMARY KEY is a seek to the last row, not a scan.
  static constexpr const char* kSql =
      "SELECT coalesce((SELECT max(id) FROM nodes), 0), coalesce((SELECT max(id) FROM edges), 0)";
  return impl_->guarded([&] {
    auto statement = impl_->use(kSql);
    statement->executeStep();
    return std::make_pair(statement->getColumn(0).getInt64(), statement->getColumn(1).getInt64());
  });
}

void Store::for_each_node_brief(const std::vector<std::string>& labels,
                                const std::function<void(const NodeBrief&)>& visit) const {
  // Two ordered scans merged here instead of a correlated alias subquery per node: both walk
  // their table's primary key (aliases is WITHOUT ROWID on (node, alias)), so each is one
  // sequential pass and aliases come out in the order json_group_array gave for_each_node.
  static constexpr const char* kNodes =
      "SELECT n.id, n.label, n.key, n.name, n.props FROM nodes n "
      "WHERE ?1 IS NULL OR n.label IN (SELECT value FROM json_each(?1)) ORDER BY n.id";
  static constexpr const char* kAliases = "SELECT node, alias FROM aliases ORDER BY node, alias";
  impl_->guarded([&] {
    sqlite3* db = impl_->db->getHandle();
    const ScanStatement nodes = prepare_scan(db, kNodes);
    bind_scan_list(db, nodes.get(), 1, labels);
    const ScanStatement aliases = prepare_scan(db, kAliases);
    bool alias_pending = step_scan(db, aliases.get());
    NodeBrief node;
    std::string alias;
    while (step_scan(db, nodes.get())) {
      sqlite3_stmt* row = nodes.get();
      node.id = sqlite3_column_int64(row, 0);
      assign_text(node.label, row, 1);
      assign_text(node.key, row, 2);
      assign_text(node.name, row, 3);
      assign_text(node.props_json, row, 4);
      node.aliases.clear();
      // Alias rows of nodes before this one belong to nodes the label filter skipped.
      while (alias_pending && sqlite3_column_int64(aliases.get(), 0) < node.id) {
        alias_pending = step_scan(db, aliases.get());
      }
      while (alias_pending && sqlite3_column_int64(aliases.get(), 0) == node.id) {
        assign_text(alias, aliases.get(), 1);
        if (alias != node.name) node.aliases.push_back(alias);
        alias_pending = step_scan(db, aliases.get());
      }
      visit(node);
    }
  });
}

void Store::for_each_edge(const EdgeQuery& query,
                          const std::function<void(const EdgeRecord&)>& visit) const {
  // Without date or basis filters the cached columns are the answer: one scan of edges.
  // With them, weight and confidence are aggregated from the evidence that passes, still in
  // one streaming query (evidence_edge keeps each edge's rows together).
  static constexpr const char* kAll = SKEIN_EDGE_COLUMNS "ORDER BY e.id";
  static constexpr const char* kCached = SKEIN_EDGE_COLUMNS
      "WHERE (?1 IS NULL OR e.type IN (SELECT value FROM json_each(?1))) "
      "AND (?2 IS NULL OR ((SELECT label FROM nodes WHERE id = e.src) IN "
      "(SELECT value FROM json_each(?2)) AND (SELECT label FROM nodes WHERE id = e.dst) IN "
      "(SELECT value FROM json_each(?2)))) "
      "AND e.weight >= ?3 AND e.confidence >= ?4 ORDER BY e.id";
  static constexpr const char* kFiltered = SKEIN_FILTERED_EDGE_COLUMNS
      "WHERE (?1 IS NULL OR e.type IN (SELECT value FROM json_each(?1))) "
      "AND (?2 IS NULL OR ((SELECT label FROM nodes WHERE id = e.src) IN "
      "(SELECT value FROM json_each(?2)) AND (SELECT label FROM nodes WHERE id = e.dst) IN "
      "(SELECT value FROM json_each(?2)))) "
      "AND " SKEIN_EVIDENCE_FILTER("?5", "?6", "?7") " "
      "GROUP BY e.id HAVING count(*) >= ?3 AND skein_noisy_or(v.confidence) >= ?4 ORDER BY e.id";
  const bool filtered = !query.empty();
  const bool everything = !filtered && query.types.empty() && query.labels.empty() &&
                          query.min_weight <= 0 && query.min_confidence <= 0;
  impl_->guarded([&] {
    sqlite3* db = impl_->db->getHandle();
    const ScanStatement statement =
        prepare_scan(db, everything ? kAll : (filtered ? kFiltered : kCached));
    if (!everything) {  // the graph loader's case is a bare scan with no predicate per row
      bind_scan_list(db, statement.get(), 1, query.types);
      bind_scan_list(db, statement.get(), 2, query.labels);
      check_bind(db, sqlite3_bind_double(statement.get(), 3, query.min_weight));
      check_bind(db, sqlite3_bind_double(statement.get(), 4, query.min_confidence));
      if (filtered) bind_evidence_filter(db, statement.get(), 5, query);
    }
    EdgeRecord edge;
    while (step_scan(db, statement.get())) {
      read_edge(statement.get(), edge);
      visit(edge);
    }
  });
}

std::optional<EdgeRecord> Store::edge(std::int64_t id) const {
  static constexpr const char* kSql = SKEIN_EDGE_COLUMNS "WHERE e.id = ?1";
  if (is_co_mention_edge(id)) return impl_->guarded([&] { return impl_->co_mention_edge(id); });
  return impl_->guarded([&]() -> std::optional<EdgeRecord> {
    auto statement = impl_->use(kSql);
    statement->bind(1, id);
    if (!statement->executeStep()) return std::nullopt;
    return read_edge(*statement);
  });
}

std::vector<EdgeRecord> Store::edges_of(std::int64_t node_id, const EvidenceFilter& filter) const {
  static constexpr const char* kCached =
      SKEIN_EDGE_COLUMNS "WHERE e.src = ?1 OR e.dst = ?1 ORDER BY e.id";
  static constexpr const char* kFiltered =
      SKEIN_FILTERED_EDGE_COLUMNS "WHERE (e.src = ?1 OR e.dst = ?1) AND " SKEIN_EVIDENCE_FILTER(
          "?2", "?3", "?4") " GROUP BY e.id ORDER BY e.id";
  return impl_->guarded([&] {
    std::vector<EdgeRecord> edges;
    auto statement = impl_->use(filter.empty() ? kCached : kFiltered);
    statement->bind(1, node_id);
    if (!filter.empty()) bind_evidence_filter(*statement, 2, filter);
    while (statement->executeStep()) edges.push_back(read_edge(*statement));
    return edges;
  });
}

std::vector<EvidenceRecord> Store::evidence(std::int64_t edge_id, std::size_t limit,
                                            const EvidenceFilter& filter) const {
  static constexpr const char* kSql = SKEIN_EVIDENCE_COLUMNS
      "WHERE v.edge = ?1 AND " SKEIN_EVIDENCE_FILTER("?3", "?4", "?5") " ORDER BY v.id LIMIT ?2";
  if (is_co_mention_edge(edge_id)) {
    return impl_->guarded([&] { return impl_->co_mention_evidence(edge_id, limit, filter); });
  }
  return impl_->guarded([&] {
    std::vector<EvidenceRecord> rows;
    auto statement = impl_->use(kSql);
    statement->bind(1, edge_id);
    statement->bind(2, limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(limit));
    bind_evidence_filter(*statement, 3, filter);
    while (statement->executeStep()) rows.push_back(read_evidence(*statement));
    return rows;
  });
}

std::vector<MentionRecord> Store::mentions(std::int64_t node_id, std::size_t limit) const {
  static constexpr const char* kSql =
      SKEIN_MENTION_COLUMNS "WHERE m.node = ?1 ORDER BY m.document, m.byte_start LIMIT ?2";
  return impl_->guarded([&] {
    std::vector<MentionRecord> rows;
    auto statement = impl_->use(kSql);
    statement->bind(1, node_id);
    statement->bind(2, limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(limit));
    while (statement->executeStep()) rows.push_back(read_mention(*statement));
    return rows;
  });
}

void Store::for_each_document(const std::function<void(const DocumentRecord&)>& visit) const {
  impl_->guarded([&] {
    auto statement = impl_->use(SKEIN_DOCUMENT_COLUMNS "ORDER BY id");
    while (statement->executeStep()) visit(read_document(*statement));
  });
}

std::optional<std::string> Store::document_text(std::int64_t document_id) const {
  return impl_->guarded([&]() -> std::optional<std::string> {
    auto statement = impl_->use("SELECT CAST(text AS BLOB) FROM documents WHERE id = ?1");
    statement->bind(1, document_id);
    if (!statement->executeStep()) return std::nullopt;
    return column_blob_string(statement->getColumn(0));
  });
}

}  // namespace skein::store
