#include "store/Store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <sqlite3.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/Error.h"
#include "core/Sha256.h"
#include "store/Migrations.h"

namespace skein::store {
namespace {

// ---- SQL --------------------------------------------------------------------------------
// Every statement the store runs more than once is prepared once per connection and reused
// (see Impl::use). Lists of filter values travel as one JSON array parameter read through
// json_each(), so one prepared statement serves any number of types or labels.

// Merges the JSON object `incoming` into `current`: keys new to `current` are added, keys it
// already holds keep their value unless that value is the empty string (a later document may
// know what an earlier one did not; it may not overwrite what is known).
#define SKEIN_MERGE_PROPS(current, incoming)                                                      \
  "CASE WHEN " incoming " = '{}' THEN " current " ELSE json_patch(" incoming                      \
  ", (SELECT json_group_object(key, CASE type WHEN 'true' THEN json('true') "                     \
  "WHEN 'false' THEN json('false') WHEN 'object' THEN json(value) WHEN 'array' THEN json(value) " \
  "ELSE value END) FROM json_each(" current                                                       \
  ") "                                                                                            \
  "WHERE type <> 'null' AND (type <> 'text' OR value <> ''))) END"

constexpr const char* kFindDocument = "SELECT id, sha256 FROM documents WHERE uri = ?1";
constexpr const char* kInsertDocument =
    "INSERT INTO documents (uri, doc_id, sha256, title, published, ingested_at, text_bytes, text, "
    "file_size, file_mtime_ns) "
    "VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?6, ?7, ?8, ?9)";
constexpr const char* kUpdateDocument =
    "UPDATE documents SET doc_id = ?2, sha256 = ?3, title = ?4, published = ?5, "
    "ingested_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), text_bytes = ?6, text = ?7, "
    "file_size = ?8, file_mtime_ns = ?9 WHERE id = ?1";
// One probe of a covering index per file on a re-run. The planner would pick uri's UNIQUE
// index (one row, so "best") and then read the row, which holds the text before the stamp
// columns: every document's text paged in. Hence INDEXED BY.
constexpr const char* kHasFileStamp =
    "SELECT 1 FROM documents INDEXED BY documents_file_stamp "
    "WHERE uri = ?1 AND file_size = ?2 AND file_mtime_ns = ?3";
constexpr const char* kSetFileStampByUri =
    "UPDATE documents SET file_size = ?2, file_mtime_ns = ?3 WHERE uri = ?1";
constexpr const char* kSetFileStampById =
    "UPDATE documents SET file_size = ?2, file_mtime_ns = ?3 WHERE id = ?1";
constexpr const char* kDocumentEdges = "SELECT DISTINCT edge FROM evidence WHERE document = ?1";
constexpr const char* kDocumentNodes = "SELECT DISTINCT node FROM mentions WHERE document = ?1";
constexpr const char* kDeleteDocumentEvidence = "DELETE FROM evidence WHERE document = ?1";
constexpr const char* kDeleteDocumentMentions = "DELETE FROM mentions WHERE document = ?1";
// Nodes and edges are found, then inserted or updated, rather than upserted with RETURNING:
// SQLite builds an ephemeral table for every RETURNING statement, which cost more than the
// whole row write. Ids of new rows come from last_insert_rowid().
constexpr const char* kFindNode = "SELECT id, name, props FROM nodes WHERE label = ?1 AND key = ?2";
constexpr const char* kInsertNode =
    "INSERT INTO nodes (label, key, name, props) VALUES (?1, ?2, ?3, ?4)";
// ?2 is the name chosen by fuller_name(); ?3 the incoming props.
constexpr const char* kUpdateNode =
    "UPDATE nodes SET name = ?2, props = " SKEIN_MERGE_PROPS("props", "?3") " WHERE id = ?1";
constexpr const char* kInsertAlias = "INSERT OR IGNORE INTO aliases (node, alias) VALUES (?1, ?2)";
// One statement per row: cheaper here than feeding a document's rows as one JSON array
// through json_each(), whose per-row `->>` re-parsing cost more than statement overhead.
constexpr const char* kInsertMention =
    "INSERT OR IGNORE INTO mentions (node, document, byte_start, byte_end, kind) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr const char* kFindEdge = "SELECT id FROM edges WHERE type = ?1 AND src = ?2 AND dst = ?3";
constexpr const char* kInsertEdge =
    "INSERT INTO edges (type, src, dst, symmetric, props, weight, confidence, text_basis, "
    "knowledge_basis, first_seen, last_seen) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)";
// Folds one document's evidence into the cached columns (noisy-or composes by multiplying the
// complements, so no other evidence needs reading).
constexpr const char* kAddToEdge =
    "UPDATE edges SET weight = weight + ?6, "
    "confidence = 1.0 - (1.0 - confidence) * (1.0 - ?7), "
    "text_basis = max(text_basis, ?8), knowledge_basis = max(knowledge_basis, ?9), "
    "first_seen = CASE WHEN ?10 = '' THEN first_seen "
    "WHEN first_seen = '' OR ?10 < first_seen THEN ?10 ELSE first_seen END, "
    "last_seen = CASE WHEN ?10 > last_seen THEN ?10 ELSE last_seen END, "
    "props = " SKEIN_MERGE_PROPS("props", "?5") " WHERE id = ?1";
constexpr const char* kInsertEvidence =
    "INSERT INTO evidence (edge, document, byte_start, byte_end, rule, basis, confidence, props) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
// Rebuilds an edge's cached columns from its evidence rows (after a replacement removed some).
constexpr const char* kRecomputeEdge =
    "UPDATE edges SET (weight, confidence, text_basis, knowledge_basis, first_seen, last_seen) = "
    "(SELECT count(*), coalesce(skein_noisy_or(v.confidence), 0), "
    "coalesce(max(v.basis = 'text'), 0), coalesce(max(v.basis = 'knowledge'), 0), "
    "coalesce(min(nullif(d.published, '')), ''), coalesce(max(nullif(d.published, '')), '') "
    "FROM evidence v JOIN documents d ON d.id = v.document WHERE v.edge = edges.id) "
    "WHERE id = ?1 RETURNING weight, src, dst";
constexpr const char* kDeleteEdge = "DELETE FROM edges WHERE id = ?1";
constexpr const char* kDeleteOrphanNode =
    "DELETE FROM nodes WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM mentions WHERE node = ?1) "
    "AND NOT EXISTS (SELECT 1 FROM edges WHERE src = ?1) "
    "AND NOT EXISTS (SELECT 1 FROM edges WHERE dst = ?1)";
constexpr const char* kInsertRelationType =
    "INSERT OR IGNORE INTO relation_types (type, symmetric) VALUES (?1, 0)";
constexpr const char* kRelationTypes = "SELECT type, symmetric FROM relation_types ORDER BY type";
constexpr const char* kContains = "SELECT 1 FROM documents WHERE uri = ?1 AND sha256 = ?2";

#define SKEIN_NODE_COLUMNS                                                                        \
  "SELECT n.id, n.label, n.key, n.name, n.props, "                                                \
  "(SELECT json_group_array(a.alias) FROM aliases a WHERE a.node = n.id AND a.alias <> n.name), " \
  "count(m.node), count(DISTINCT m.document), "                                                   \
  "coalesce(min(nullif(d.published, '')), ''), coalesce(max(nullif(d.published, '')), '') "       \
  "FROM nodes n LEFT JOIN mentions m ON m.node = n.id LEFT JOIN documents d ON d.id = m.document "
#define SKEIN_EDGE_COLUMNS                                                            \
  "SELECT e.id, e.type, e.src, e.dst, e.symmetric, e.props, e.weight, e.confidence, " \
  "e.text_basis, e.knowledge_basis, e.first_seen, e.last_seen FROM edges e "
#define SKEIN_EVIDENCE_COLUMNS                                                                   \
  "SELECT v.id, v.edge, v.document, d.uri, d.title, d.published, v.byte_start, v.byte_end, "     \
  "substr(CAST(d.text AS BLOB), v.byte_start + 1, v.byte_end - v.byte_start), v.rule, v.basis, " \
  "v.confidence FROM evidence v JOIN documents d ON d.id = v.document "

// ---- helpers ----------------------------------------------------------------------------

std::string props_to_json(const Properties& props) {
  if (props.empty()) return "{}";
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  for (const auto& [key, value] : props) {
    writer.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
    writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  }
  writer.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

std::string strings_to_json(const std::vector<std::string>& values) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartArray();
  for (const std::string& value : values) {
    writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  }
  writer.EndArray();
  return {buffer.GetString(), buffer.GetSize()};
}

std::vector<std::string> json_to_strings(const char* json) {
  std::vector<std::string> values;
  rapidjson::Document document;
  document.Parse(json);
  if (document.HasParseError() || !document.IsArray()) return values;
  for (const auto& value : document.GetArray()) {
    if (value.IsString()) values.emplace_back(value.GetString(), value.GetStringLength());
  }
  return values;
}

// Binds a filter list as a JSON array, or NULL ("no filter") when it is empty.
void bind_list(SQLite::Statement& statement, int index, const std::vector<std::string>& values) {
  if (values.empty()) {
    statement.bind(index);
  } else {
    statement.bind(index, strings_to_json(values));
  }
}

std::string column_blob_string(const SQLite::Column& column) {
  const char* data = static_cast<const char*>(column.getBlob());
  return data == nullptr ? std::string()
                         : std::string(data, static_cast<std::size_t>(column.getBytes()));
}

std::size_t column_size(const SQLite::Column& column) {
  return static_cast<std::size_t>(std::max<std::int64_t>(0, column.getInt64()));
}

// The string-valued members of a props JSON object (numbers such as analysis scores are
// derived data and are recomputed where they are needed).
Properties string_props(const std::string& json) {
  Properties props;
  rapidjson::Document document;
  document.Parse(json.c_str(), json.size());
  if (document.HasParseError() || !document.IsObject()) return props;
  for (const auto& member : document.GetObject()) {
    if (member.value.IsString()) {
      props.emplace(std::string(member.name.GetString(), member.name.GetStringLength()),
                    std::string(member.value.GetString(), member.value.GetStringLength()));
    }
  }
  return props;
}

NodeRecord read_node(const SQLite::Statement& row) {
  NodeRecord node;
  node.id = row.getColumn(0).getInt64();
  node.label = row.getColumn(1).getString();
  node.key = row.getColumn(2).getString();
  node.name = row.getColumn(3).getString();
  node.props_json = row.getColumn(4).getString();
  node.aliases = json_to_strings(row.getColumn(5).getText("[]"));
  node.mention_count = row.getColumn(6).getInt64();
  node.document_count = row.getColumn(7).getInt64();
  node.first_seen = row.getColumn(8).getString();
  node.last_seen = row.getColumn(9).getString();
  return node;
}

void assign_text(std::string& target, const SQLite::Column& column) {
  target.assign(column.getText(), static_cast<std::size_t>(column.getBytes()));
}

void read_edge(const SQLite::Statement& row, EdgeRecord& edge) {
  edge.id = row.getColumn(0).getInt64();
  assign_text(edge.type, row.getColumn(1));
  edge.src = row.getColumn(2).getInt64();
  edge.dst = row.getColumn(3).getInt64();
  edge.symmetric = row.getColumn(4).getInt() != 0;
  assign_text(edge.props_json, row.getColumn(5));
  edge.weight = row.getColumn(6).getDouble();
  edge.confidence = row.getColumn(7).getDouble();
  edge.has_text_basis = row.getColumn(8).getInt() != 0;
  edge.has_knowledge_basis = row.getColumn(9).getInt() != 0;
  assign_text(edge.first_seen, row.getColumn(10));
  assign_text(edge.last_seen, row.getColumn(11));
}

// ---- scans through the C API -------------------------------------------------------------
// The whole-table readers (for_each_node_brief, for_each_edge) run their statements through
// sqlite3 directly: SQLiteCpp 3.2 keeps a Statement's sqlite3_stmt private, and each of its
// Column objects copies the statement's shared_ptr, which cost about a tenth of a
// million-row scan. Errors are thrown as SQLite::Exception so guarded() words them as usual.

struct FinalizeStatement {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using ScanStatement = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

// Prepared per scan rather than cached: one prepare is negligible next to a scan, and a fresh
// statement can never be left mid-step by an exception from a visit callback.
ScanStatement prepare_scan(sqlite3* db, const char* sql) {
  sqlite3_stmt* raw = nullptr;
  const int rc = sqlite3_prepare_v2(db, sql, -1, &raw, nullptr);
  ScanStatement statement(raw);
  if (rc != SQLITE_OK) throw SQLite::Exception(db, rc);
  return statement;
}

// True while there is a row.
bool step_scan(sqlite3* db, sqlite3_stmt* statement) {
  const int rc = sqlite3_step(statement);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw SQLite::Exception(db, rc);
}

void check_bind(sqlite3* db, int rc) {
  if (rc != SQLITE_OK) throw SQLite::Exception(db, rc);
}

void bind_scan_text(sqlite3* db, sqlite3_stmt* statement, int index, const std::string& value) {
  check_bind(db, sqlite3_bind_text(statement, index, value.data(), static_cast<int>(value.size()),
                                   SQLITE_TRANSIENT));
}

// As bind_list: a JSON array, or NULL ("no filter") when empty.
void bind_scan_list(sqlite3* db, sqlite3_stmt* statement, int index,
                    const std::vector<std::string>& values) {
  if (values.empty()) {
    check_bind(db, sqlite3_bind_null(statement, index));
  } else {
    bind_scan_text(db, statement, index, strings_to_json(values));
  }
}

// Copies column `index` of the current row into `target`, reusing its buffer. Text is read
// before its length, as SQLite asks (the length may change when the text is converted).
void assign_text(std::string& target, sqlite3_stmt* row, int index) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(row, index));
  const auto bytes = static_cast<std::size_t>(sqlite3_column_bytes(row, index));
  if (text == nullptr) {
    target.clear();
  } else {
    target.assign(text, bytes);
  }
}

// Fills `edge` in place: for_each_edge reuses one record, so a million rows cost no
// allocations beyond the strings that outgrow their buffers.
void read_edge(sqlite3_stmt* row, EdgeRecord& edge) {
  edge.id = sqlite3_column_int64(row, 0);
  assign_text(edge.type, row, 1);
  edge.src = sqlite3_column_int64(row, 2);
  edge.dst = sqlite3_column_int64(row, 3);
  edge.symmetric = sqlite3_column_int(row, 4) != 0;
  assign_text(edge.props_json, row, 5);
  edge.weight = sqlite3_column_double(row, 6);
  edge.confidence = sqlite3_column_double(row, 7);
  edge.has_text_basis = sqlite3_column_int(row, 8) != 0;
  edge.has_knowledge_basis = sqlite3_column_int(row, 9) != 0;
  assign_text(edge.first_seen, row, 10);
  assign_text(edge.last_seen, row, 11);
}

EdgeRecord read_edge(const SQLite::Statement& row) {
  EdgeRecord edge;
  read_edge(row, edge);
  return edge;
}

EvidenceRecord read_evidence(const SQLite::Statement& row) {
  EvidenceRecord evidence;
  evidence.id = row.getColumn(0).getInt64();
  evidence.edge_id = row.getColumn(1).getInt64();
  evidence.document_id = row.getColumn(2).getInt64();
  evidence.document_uri = row.getColumn(3).getString();
  evidence.document_title = row.getColumn(4).getString();
  evidence.published = row.getColumn(5).getString();
  evidence.start = column_size(row.getColumn(6));
  evidence.end = column_size(row.getColumn(7));
  evidence.sentence = column_blob_string(row.getColumn(8));
  evidence.rule = row.getColumn(9).getString();
  evidence.basis = row.getColumn(10).getString();
  evidence.confidence = row.getColumn(11).getDouble();
  return evidence;
}

// Case-folds ASCII only: find_nodes and suggest_names compare names the way SQLite's NOCASE
// indexes do, so both agree on what "the same name" means.
std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Characters as SQLite's length() counts them in valid UTF-8: bytes that start a sequence.
std::size_t char_count(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  }));
}

// What the node cache remembers of a stored node: enough to know that an upsert of the same
// entity would change nothing (see Impl::NodeCache).
struct CachedNode {
  std::int64_t id = 0;
  std::string name;
  std::set<std::string> keys;           // every props key
  std::set<std::string> nonempty_keys;  // keys whose value is not the empty string
};

void read_prop_keys(const char* json, CachedNode& node) {
  rapidjson::Document document;
  document.Parse(json);
  if (document.HasParseError() || !document.IsObject()) return;
  for (const auto& member : document.GetObject()) {
    std::string key(member.name.GetString(), member.name.GetStringLength());
    const bool empty = member.value.IsString() && member.value.GetStringLength() == 0;
    if (!member.value.IsNull() && !empty) node.nonempty_keys.insert(key);
    node.keys.insert(std::move(key));
  }
}

// The display-name rule: the first stored name stays unless a later one is longer and
// contains it, case-folded: "Yoon" gives way to "Yoon Suk-yeol", but "South Korea" never
// to "Republic of Korea" (a different name, not a fuller one; it becomes an alias).
bool fuller_name(const std::string& candidate, const std::string& current) {
  return char_count(candidate) > char_count(current) &&
         ascii_lower(candidate).find(ascii_lower(current)) != std::string::npos;
}

// True when merging `entity` into `cached` by the store's rules cannot change the row: no
// fuller name, and every property key already settled.
bool upsert_is_noop(const Entity& entity, const CachedNode& cached) {
  if (!entity.name.empty() && fuller_name(entity.name, cached.name)) return false;
  for (const auto& [key, value] : entity.props) {
    if (cached.nonempty_keys.count(key) == 0 && !(value.empty() && cached.keys.count(key) > 0)) {
      return false;
    }
  }
  return true;
}

// skein_noisy_or(c): 1 - prod(1 - c) over the group. A custom aggregate because SQLite has no
// product() and ln(1 - c) is undefined at c = 1.
void noisy_or_step(sqlite3_context* context, int /*argc*/, sqlite3_value** argv) {
  auto* product = static_cast<double*>(sqlite3_aggregate_context(context, sizeof(double) * 2));
  if (product == nullptr) {
    sqlite3_result_error_nomem(context);
    return;
  }
  if (product[1] == 0) {  // first row: the context starts zeroed
    product[0] = 1;
    product[1] = 1;
  }
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return;
  product[0] *= 1.0 - std::clamp(sqlite3_value_double(argv[0]), 0.0, 1.0);
}

void noisy_or_final(sqlite3_context* context) {
  auto* product = static_cast<double*>(sqlite3_aggregate_context(context, 0));
  if (product == nullptr || product[1] == 0) {
    sqlite3_result_null(context);
  } else {
    sqlite3_result_double(context, 1.0 - product[0]);
  }
}

// Code points of UTF-8 text (ill-formed bytes count as one unit each): edit distance should
// count "é" as one letter.
std::u32string code_points(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t length = byte < 0x80         ? 1
                               : (byte >> 5) == 6  ? 2
                               : (byte >> 4) == 14 ? 3
                               : (byte >> 3) == 30 ? 4
                                                   : 1;
    char32_t value = length == 1 ? byte : byte & (0x3f >> (length - 1));
    std::size_t j = 1;
    for (; j < length && i + j < text.size(); ++j) {
      value = (value << 6) | (static_cast<unsigned char>(text[i + j]) & 0x3f);
    }
    out.push_back(value);
    i += j;
  }
  return out;
}

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

// ---- Impl -------------------------------------------------------------------------------

struct Store::Impl {
  std::string path;
  StoreOptions options;
  std::unique_ptr<SQLite::Database> db;
  int version = 0;
  bool batch_open = false;
  // The open batch's puts each get a savepoint (Batch::OnFailure::kKeepOthers). Without them
  // (kAbandonBatch) a put that fails part-way sets batch_broken, and the batch can then only
  // be rolled back.
  bool batch_savepoints = true;
  bool batch_broken = false;
  // A read transaction that has_file_stamp() keeps open across calls: on its own each lookup
  // is a transaction whose WAL lock and file check (three system calls) cost more than the
  // lookup, and a re-run does one per file. Ended before any write transaction starts, and
  // after kLookupsPerTransaction lookups, so that other processes' commits become visible and
  // the WAL can be checkpointed past it.
  static constexpr int kLookupsPerTransaction = 256;
  bool lookup_transaction = false;
  int lookups = 0;
  void end_lookup_transaction() {
    if (!lookup_transaction) return;
    lookup_transaction = false;
    db->exec("COMMIT");
  }
  // Relation type -> symmetric. Reloaded at the start of every write transaction, so another
  // process's set_relation_symmetry or a rolled-back put never leaves it stale.
  std::unordered_map<std::string, bool> symmetry;
  std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> statements;

  // Per-batch memory of nodes and aliases already written, so a country named in every
  // document costs one upsert per batch, not one per document. Entries made by a put are
  // staged and kept only when that put succeeds; the whole cache is dropped whenever rows it
  // describes may have changed behind it (batch end or rollback, orphan deletion,
  // merge_node_props), so it can only ever skip writes that would have been no-ops.
  struct NodeCache {
    std::unordered_map<std::string, CachedNode> nodes;  // "label\x1fkey"
    std::unordered_set<std::string> aliases;            // "id\x1falias"
    void clear() {
      nodes.clear();
      aliases.clear();
    }
  };
  NodeCache cache;
  NodeCache staged;

  // A prepared statement borrowed for one use: reset on release so it never keeps a read
  // transaction open or holds stale bindings.
  class Use {
   public:
    explicit Use(SQLite::Statement& statement) : statement_(statement) {}
    ~Use() {
      statement_.tryReset();
      try {
        statement_.clearBindings();
      } catch (...) {  // sqlite3_clear_bindings cannot fail; SQLiteCpp still declares a throw
      }
    }
    SQLite::Statement* operator->() { return &statement_; }
    SQLite::Statement& operator*() { return statement_; }
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;

   private:
    SQLite::Statement& statement_;
  };

  Use use(const char* sql) {
    auto& slot = statements[sql];
    if (!slot) slot = std::make_unique<SQLite::Statement>(*db, sql);
    return Use(*slot);
  }

  // One readable StoreError from whatever SQLite threw.
  [[noreturn]] void fail(const SQLite::Exception& error) const {
    throw StoreError(
        path + ": " +
        describe_sqlite_error(error.getExtendedErrorCode(), error.what(), options.busy_timeout_ms));
  }

  template <typename Function>
  auto guarded(Function&& function) -> decltype(function()) {
    try {
      return function();
    } catch (const SQLite::Exception& error) {
      fail(error);
    }
  }

  void require_writable(const std::string& what) const {
    if (options.read_only) throw StoreError(path + ": opened read-only; cannot " + what);
  }

  void load_symmetry() {
    symmetry.clear();
    auto statement = use(kRelationTypes);
    while (statement->executeStep()) {
      symmetry[statement->getColumn(0).getString()] = statement->getColumn(1).getInt() != 0;
    }
  }

  bool is_symmetric(const std::string& type) {
    auto found = symmetry.find(type);
    if (found != symmetry.end()) return found->second;
    auto statement = use(kInsertRelationType);
    statement->bind(1, type);
    statement->exec();
    symmetry.emplace(type, false);
    return false;
  }

  // A write scope: the batch's savepoint when a batch is open (so one failed put does not undo
  // the batch's earlier documents), else its own IMMEDIATE transaction (taking the write lock
  // up front, so a concurrent writer makes us wait busy_timeout instead of failing mid-way).
  class WriteScope {
   public:
    explicit WriteScope(Impl& impl) : impl_(impl) {
      impl_.end_lookup_transaction();
      if (impl_.batch_open) {
        if (impl_.batch_broken) {
          throw StoreError(impl_.path + ": an earlier write in this batch failed part-way; "
                                        "the batch can only be rolled back");
        }
        if (impl_.batch_savepoints) impl_.db->exec("SAVEPOINT skein_write");
      } else {
        impl_.db->exec("BEGIN IMMEDIATE");
        try {
          impl_.load_symmetry();
        } catch (...) {
          impl_.db->exec("ROLLBACK");
          throw;
        }
      }
    }
    ~WriteScope() {
      if (done_) return;
      // Errors here cannot be reported (destructors never throw); SQLite leaves the
      // transaction rolled back on the failures that would make these fail.
      sqlite3* handle = impl_.db->getHandle();
      if (impl_.batch_open && impl_.batch_savepoints) {
        sqlite3_exec(handle, "ROLLBACK TO skein_write; RELEASE skein_write", nullptr, nullptr,
                     nullptr);
      } else if (impl_.batch_open) {
        impl_.batch_broken = true;  // part of this write may be in the transaction
      } else if (sqlite3_get_autocommit(handle) == 0) {
        sqlite3_exec(handle, "ROLLBACK", nullptr, nullptr, nullptr);
      }
      impl_.symmetry_dirty = true;
      impl_.staged.clear();
    }
    void commit() {
      if (!impl_.batch_open)
        impl_.db->exec("COMMIT");
      else if (impl_.batch_savepoints)
        impl_.db->exec("RELEASE skein_write");
      done_ = true;
    }
    WriteScope(const WriteScope&) = delete;
    WriteScope& operator=(const WriteScope&) = delete;

   private:
    Impl& impl_;
    bool done_ = false;
  };
  // Set when a rollback may have removed relation types the map holds.
  bool symmetry_dirty = false;

  PutOutcome put(const DocumentExtraction& extraction);
  void validate(const DocumentExtraction& extraction,
                std::unordered_map<std::string_view, std::size_t>& entity_index) const;
  void recompute_edges(const std::vector<std::int64_t>& edges, std::set<std::int64_t>& candidates);
  int delete_orphans(const std::set<std::int64_t>& candidates);  // returns nodes deleted
  const CachedNode& upsert_node(const Entity& entity);
  void insert_alias(std::int64_t node, const std::string& alias);
  std::vector<std::int64_t> ids(const char* sql, std::int64_t parameter);
};

std::vector<std::int64_t> Store::Impl::ids(const char* sql, std::int64_t parameter) {
  std::vector<std::int64_t> out;
  auto statement = use(sql);
  statement->bind(1, parameter);
  while (statement->executeStep()) out.push_back(statement->getColumn(0).getInt64());
  return out;
}

void Store::Impl::validate(const DocumentExtraction& extraction,
                           std::unordered_map<std::string_view, std::size_t>& entity_index) const {
  const Document& document = extraction.document;
  const std::string where =
      path + ": document " + (document.uri.empty() ? "<no uri>" : document.uri);
  if (document.uri.empty()) throw StoreError(where + ": has no uri");
  const std::size_t size = document.text.size();
  auto check_span = [&](const ByteSpan& span, const std::string& what) {
    if (span.start > span.end || span.end > size) {
      throw StoreError(where + ": " + what + " span [" + std::to_string(span.start) + ", " +
                       std::to_string(span.end) + ") lies outside the text (" +
                       std::to_string(size) + " bytes)");
    }
  };
  auto check_confidence = [&](double confidence, const std::string& what) {
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw StoreError(where + ": " + what + " confidence " + std::to_string(confidence) +
                       " is not in [0, 1]");
    }
  };
  for (std::size_t i = 0; i < extraction.entities.size(); ++i) {
    const Entity& entity = extraction.entities[i];
    if (entity.label.empty() || entity.key.empty()) {
      throw StoreError(where + ": entity '" + entity.id + "' has an empty label or key");
    }
    const std::string& id = entity.id;
    if (id.empty()) throw StoreError(where + ": an entity has no id");
    if (!entity_index.emplace(id, i).second) {
      throw StoreError(where + ": entity '" + id + "' appears twice");
    }
    for (const Mention& mention : entity.mentions) check_span(mention.span, "mention of " + id);
  }
  for (const Relation& relation : extraction.relations) {
    const std::string what =
        "relation " + relation.type + " " + relation.source + " -> " + relation.target;
    if (relation.type.empty()) throw StoreError(where + ": " + what + " has no type");
    for (const std::string* endpoint : {&relation.source, &relation.target}) {
      if (entity_index.find(*endpoint) == entity_index.end()) {
        throw StoreError(where + ": " + what + " refers to '" + *endpoint +
                         "', which is not among the document's entities");
      }
    }
    if (relation.basis != basis::kText && relation.basis != basis::kKnowledge) {
      throw StoreError(where + ": " + what + " has unknown basis '" + relation.basis + "'");
    }
    check_confidence(relation.confidence, what);
    for (const Evidence& evidence : relation.evidence) {
      check_span(evidence.span, "evidence of " + what);
      check_confidence(evidence.confidence, "evidence of " + what);
    }
  }
}

PutOutcome Store::Impl::put(const DocumentExtraction& extraction) {
  require_writable("store " + extraction.document.uri);
  std::unordered_map<std::string_view, std::size_t> entity_index;
  validate(extraction, entity_index);
  const Document& document = extraction.document;
  const std::string sha256 = document.sha256.empty() ? sha256_hex(document.text) : document.sha256;

  WriteScope scope(*this);
  if (symmetry_dirty && batch_open) {
    load_symmetry();
    symmetry_dirty = false;
  }

  std::int64_t document_id = 0;
  bool replacing = false;
  {
    auto find = use(kFindDocument);
    find->bind(1, document.uri);
    if (find->executeStep()) {
      document_id = find->getColumn(0).getInt64();
      replacing = find->getColumn(1).getString() != sha256;
      if (!replacing) {
        // Same text: only a new stamp (the file was touched) is worth writing. A document
        // without one (load, merge) leaves the stored stamp be: it still describes the file.
        if (document.file_stamp) {
          auto stamp = use(kSetFileStampById);
          stamp->bind(1, document_id);
          stamp->bind(2, document.file_stamp->size);
          stamp->bind(3, document.file_stamp->mtime_ns);
          stamp->exec();
        }
        scope.commit();
        return PutOutcome::kUnchanged;
      }
    }
  }

  std::vector<std::int64_t> old_edges;
  std::set<std::int64_t> candidates;  // nodes that may be left with no mentions and no edges
  if (replacing) {
    old_edges = ids(kDocumentEdges, document_id);
    for (std::int64_t node : ids(kDocumentNodes, document_id)) candidates.insert(node);
    for (const char* sql : {kDeleteDocumentEvidence, kDeleteDocumentMentions}) {
      auto statement = use(sql);
      statement->bind(1, document_id);
      statement->exec();
    }
  }
  {
    auto statement = use(replacing ? kUpdateDocument : kInsertDocument);
    int first = 1;
    if (replacing)
      statement->bind(first++, document_id);
    else
      statement->bindNoCopy(first++, document.uri);
    statement->bindNoCopy(first++, document.id);
    statement->bindNoCopy(first++, sha256);
    statement->bindNoCopy(first++, document.title);
    statement->bindNoCopy(first++, document.published);
    statement->bind(first++, static_cast<std::int64_t>(document.text.size()));
    statement->bindNoCopy(first++, document.text);
    if (document.file_stamp) {
      statement->bind(first++, document.file_stamp->size);
      statement->bind(first++, document.file_stamp->mtime_ns);
    } else {
      statement->bind(first++);  // NULL: no file vouches for this text
      statement->bind(first++);
    }
    statement->exec();
    if (!replacing) document_id = db->getLastInsertRowid();
  }

  staged.clear();
  std::vector<std::int64_t> node_ids(extraction.entities.size());
  for (std::size_t i = 0; i < extraction.entities.size(); ++i) {
    const Entity& entity = extraction.entities[i];
    const CachedNode& stored = upsert_node(entity);
    node_ids[i] = stored.id;
    const std::int64_t node = stored.id;
    // The entity's own name is an alias too when the node keeps another display name.
    if (!entity.name.empty() && entity.name != stored.name) insert_alias(node, entity.name);
    for (const std::string& name : entity.aliases) {
      if (!name.empty() && name != stored.name) insert_alias(node, name);
    }
    if (entity.mentions.empty()) {
      candidates.insert(node);
      continue;
    }
    auto mention = use(kInsertMention);
    mention->bind(1, node);
    mention->bind(2, document_id);
    for (const Mention& m : entity.mentions) {
      mention->bind(3, static_cast<std::int64_t>(m.span.start));
      mention->bind(4, static_cast<std::int64_t>(m.span.end));
      mention->bindNoCopy(5, m.kind);
      mention->exec();
      mention->tryReset();
    }
  }

  for (const Relation& relation : extraction.relations) {
    std::int64_t src = node_ids[entity_index.at(relation.source)];
    std::int64_t dst = node_ids[entity_index.at(relation.target)];
    const bool symmetric = is_symmetric(relation.type);
    if (symmetric && src > dst) std::swap(src, dst);
    // A relation without evidence still needs one row to exist (weight counts rows): it gets
    // an empty span carrying the relation's own confidence.
    std::vector<Evidence> fallback;
    if (relation.evidence.empty()) {
      fallback.emplace_back();
      fallback.back().confidence = relation.confidence;
    }
    const std::vector<Evidence>& evidence =
        relation.evidence.empty() ? fallback : relation.evidence;
    double keep = 1.0;
    for (const Evidence& e : evidence) keep *= 1.0 - e.confidence;
    const bool text = relation.basis == basis::kText;
    const std::string props = props_to_json(relation.props);

    std::int64_t edge = 0;
    {
      auto find = use(kFindEdge);
      find->bindNoCopy(1, relation.type);
      find->bind(2, src);
      find->bind(3, dst);
      if (find->executeStep()) edge = find->getColumn(0).getInt64();
    }
    {
      auto write = use(edge == 0 ? kInsertEdge : kAddToEdge);
      if (edge == 0) {
        write->bindNoCopy(1, relation.type);
        write->bind(2, src);
        write->bind(3, dst);
        write->bind(4, symmetric ? 1 : 0);
      } else {
        write->bind(1, edge);
      }
      write->bindNoCopy(5, props);
      write->bind(6, static_cast<double>(evidence.size()));
      write->bind(7, 1.0 - keep);
      write->bind(8, text ? 1 : 0);
      write->bind(9, text ? 0 : 1);
      write->bindNoCopy(10, document.published);
      write->exec();
      if (edge == 0) edge = db->getLastInsertRowid();
    }
    auto insert = use(kInsertEvidence);
    insert->bind(1, edge);
    insert->bind(2, document_id);
    insert->bindNoCopy(6, relation.basis);
    insert->bindNoCopy(8, props);
    for (const Evidence& e : evidence) {
      insert->bind(3, static_cast<std::int64_t>(e.span.start));
      insert->bind(4, static_cast<std::int64_t>(e.span.end));
      insert->bind(5, e.qualified_rule());
      insert->bind(7, e.confidence);
      insert->exec();
      insert->tryReset();
    }
  }

  if (replacing) recompute_edges(old_edges, candidates);
  if (!candidates.empty() && delete_orphans(candidates) > 0) {
    cache.clear();
    staged.clear();
  }
  scope.commit();
  if (batch_open) {
    // Assign, not merge(): a staged entry may be a newer state of a node the cache holds.
    for (auto& [key, node] : staged.nodes) cache.nodes[key] = std::move(node);
    cache.aliases.merge(staged.aliases);
  }
  staged.clear();
  return replacing ? PutOutcome::kReplaced : PutOutcome::kAdded;
}

const CachedNode& Store::Impl::upsert_node(const Entity& entity) {
  const std::string cache_key = entity.label + '\x1f' + entity.key;
  const std::string& name = entity.name.empty() ? entity.key : entity.name;
  CachedNode node;
  bool known = false;
  for (NodeCache* level : {&staged, &cache}) {
    auto found = level->nodes.find(cache_key);
    if (found == level->nodes.end()) continue;
    if (upsert_is_noop(entity, found->second)) return found->second;
    node = found->second;
    known = true;
    break;
  }
  if (!known) {
    auto find = use(kFindNode);
    find->bindNoCopy(1, entity.label);
    find->bindNoCopy(2, entity.key);
    if (find->executeStep()) {
      known = true;
      node.id = find->getColumn(0).getInt64();
      node.name = find->getColumn(1).getString();
      read_prop_keys(find->getColumn(2).getText("{}"), node);
    }
  }
  if (!known) {
    auto insert = use(kInsertNode);
    insert->bindNoCopy(1, entity.label);
    insert->bindNoCopy(2, entity.key);
    insert->bindNoCopy(3, name);
    insert->bind(4, props_to_json(entity.props));
    insert->exec();
    node.id = db->getLastInsertRowid();
    node.name = name;
    for (const auto& [key, value] : entity.props) {
      node.keys.insert(key);
      if (!value.empty()) node.nonempty_keys.insert(key);
    }
  } else if (!upsert_is_noop(entity, node)) {
    if (fuller_name(name, node.name)) node.name = name;
    auto update = use(kUpdateNode);
    update->bind(1, node.id);
    update->bindNoCopy(2, node.name);
    update->bind(3, props_to_json(entity.props));
    update->exec();
    // Mirror SKEIN_MERGE_PROPS: missing or empty keys take the incoming value.
    for (const auto& [key, value] : entity.props) {
      node.keys.insert(key);
      if (!value.empty()) node.nonempty_keys.insert(key);
    }
  }
  auto& slot = staged.nodes[cache_key];
  slot = std::move(node);
  return slot;
}

void Store::Impl::insert_alias(std::int64_t node, const std::string& alias) {
  std::string cache_key = std::to_string(node) + '\x1f' + alias;
  if (cache.aliases.count(cache_key) > 0 || !staged.aliases.insert(cache_key).second) return;
  auto statement = use(kInsertAlias);
  statement->bind(1, node);
  statement->bindNoCopy(2, alias);
  statement->exec();
}

void Store::Impl::recompute_edges(const std::vector<std::int64_t>& edges,
                                  std::set<std::int64_t>& candidates) {
  for (std::int64_t edge : edges) {
    double weight = 0;
    std::int64_t src = 0, dst = 0;
    {
      auto recompute = use(kRecomputeEdge);
      recompute->bind(1, edge);
      if (!recompute->executeStep()) continue;
      weight = recompute->getColumn(0).getDouble();
      src = recompute->getColumn(1).getInt64();
      dst = recompute->getColumn(2).getInt64();
    }
    if (weight > 0) continue;
    auto remove = use(kDeleteEdge);
    remove->bind(1, edge);
    remove->exec();
    candidates.insert(src);
    candidates.insert(dst);
  }
}

int Store::Impl::delete_orphans(const std::set<std::int64_t>& candidates) {
  int deleted = 0;
  auto remove = use(kDeleteOrphanNode);
  for (std::int64_t node : candidates) {
    remove->bind(1, node);
    deleted += remove->exec();
    remove->tryReset();
  }
  return deleted;
}

// ---- Store ------------------------------------------------------------------------------

namespace {

// True when `path` lies on a file system mounted read-only (a read-only bind mount, a CD).
bool on_read_only_file_system(const std::string& path) {
  struct statvfs info {};
  return statvfs(path.c_str(), &info) == 0 && (info.f_flag & ST_RDONLY) != 0;
}

// An SQLite URI for `path` with `immutable=1`: SQLite then reads the file as it is, without
// the WAL index (-shm) it would otherwise have to create next to it. Only for files that
// nothing can change, such as those on a read-only file system.
std::string immutable_uri(const std::string& path) {
  std::string uri = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      static const char kHex[] = "0123456789ABCDEF";
      uri += '%';
      uri += kHex[(static_cast<unsigned char>(c) >> 4) & 0xF];
      uri += kHex[static_cast<unsigned char>(c) & 0xF];
    } else {
      uri += c;
    }
  }
  return uri + "?immutable=1";
}

}  // namespace

Store::Store(const std::string& path, StoreOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  impl_->options = options;
  const bool memory = path == ":memory:";
  if (std::error_code ignored; !memory && std::filesystem::is_directory(path, ignored)) {
    throw StoreError(path + ": a directory, not a store file; give a file name, e.g. --db " +
                     (path.ends_with('/') ? path : path + "/") + "skein.db");
  }
  if (!memory && !std::filesystem::exists(path) &&
      (options.read_only || !options.create_if_missing)) {
    throw StoreError(path + ": no such store");
  }
  // NOMUTEX: a Store is used by one thread at a time (see Store.h), so SQLite's own
  // per-call mutexes are pure overhead (about 5% of a put).
  int flags =
      SQLite::OPEN_NOMUTEX |
      (options.read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  // A WAL store on read-only media cannot be opened the usual way (SQLite would need to
  // create its -shm file there); nothing can change it either, so read it as immutable.
  std::string open_name = path;
  if (options.read_only && !memory && on_read_only_file_system(path)) {
    open_name = immutable_uri(path);
    flags |= SQLITE_OPEN_URI;
  }
  impl_->guarded([&] {
    impl_->db = std::make_unique<SQLite::Database>(open_name, flags, options.busy_timeout_ms);
    sqlite3* handle = impl_->db->getHandle();
    const auto& migrations = embedded_migrations();
    // Read-only checks first: nothing below may write to a file that is not (yet) ours.
    const int version = read_schema_version(handle, path);
    check_is_skein_store(handle, path, version);
    const int latest = latest_schema_version();
    if (version > latest) {
      throw StoreError(path + ": store schema version " + std::to_string(version) +
                       " is newer than this skein knows (" + std::to_string(latest) +
                       "); open it with a newer skein");
    }
    if (options.read_only) {
      if (version < latest) {
        throw StoreError(path + ": store schema version " + std::to_string(version) +
                         " needs migrating to " + std::to_string(latest) +
                         "; open it once without read-only");
      }
      impl_->version = version;
    } else {
      // WAL lets readers (a viewer, `skein stats`) run while a loader writes; NORMAL sync is
      // durable at every checkpoint and never corrupts: a crash loses at most the last commits.
      // 16 KiB pages for a new file: a typical article (2-5 KB) wastes up to a page's remainder
      // on 4 KiB pages (the BBC corpus stored at 2.2x its text; at 16 KiB, 2.0x, for ~10% more
      // write time). Only takes effect before the first write; existing stores keep theirs.
      if (version == 0) impl_->db->exec("PRAGMA page_size = 16384");
      if (!memory) impl_->db->exec("PRAGMA journal_mode = WAL");
      impl_->db->exec("PRAGMA synchronous = NORMAL");
      impl_->version = apply_migrations(handle, path, migrations, options.busy_timeout_ms);
    }
    impl_->db->exec("PRAGMA foreign_keys = ON");
    impl_->db->exec("PRAGMA cache_size = -32768");  // 32 MiB: upserts touch many index pages
    // Each put in a batch is a savepoint, whose undo copies go to a statement journal: keep it
    // in memory, or every put writes its touched pages to a temp file.
    impl_->db->exec("PRAGMA temp_store = MEMORY");
    if (sqlite3_create_function_v2(handle, "skein_noisy_or", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                   nullptr, nullptr, noisy_or_step, noisy_or_final,
                                   nullptr) != SQLITE_OK) {
      throw StoreError(path + ": cannot register skein_noisy_or: " + sqlite3_errmsg(handle));
    }
    impl_->load_symmetry();
  });
}

Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

const std::string& Store::path() const { return impl_->path; }
int Store::schema_version() const { return impl_->version; }
int Store::latest_schema_version() {
  const auto& migrations = embedded_migrations();
  return migrations.empty() ? 0 : migrations.back().version;
}

Store::Batch::Batch(Store& store, OnFailure on_failure) : store_(store) {
  Impl& impl = *store_.impl_;
  impl.require_writable("start a batch");
  if (impl.batch_open) throw StoreError(impl.path + ": batches do not nest");
  impl.guarded([&] {
    impl.end_lookup_transaction();
    impl.db->exec("BEGIN IMMEDIATE");
    try {
      impl.load_symmetry();
    } catch (...) {
      impl.db->exec("ROLLBACK");
      throw;
    }
  });
  impl.batch_open = true;
  impl.batch_savepoints = on_failure == OnFailure::kKeepOthers;
  impl.batch_broken = false;
  impl.symmetry_dirty = false;
  impl.cache.clear();
}

Store::Batch::~Batch() {
  if (done_ || !store_.impl_) return;  // committed, or the Store was moved from
  Impl& impl = *store_.impl_;
  sqlite3* handle = impl.db->getHandle();
  if (sqlite3_get_autocommit(handle) == 0)
    sqlite3_exec(handle, "ROLLBACK", nullptr, nullptr, nullptr);
  impl.batch_open = false;
  impl.cache.clear();
}

void Store::Batch::commit() {
  Impl& impl = *store_.impl_;
  if (done_) throw StoreError(impl.path + ": batch committed twice");
  if (impl.batch_broken) {
    throw StoreError(impl.path + ": a write in this batch failed part-way; it cannot be committed");
  }
  impl.guarded([&] { impl.db->exec("COMMIT"); });
  done_ = true;
  impl.batch_open = false;
  impl.cache.clear();
}

PutOutcome Store::put(const DocumentExtraction& extraction) {
  return impl_->guarded([&] { return impl_->put(extraction); });
}

bool Store::contains(const std::string& uri, const std::string& sha256) const {
  return impl_->guarded([&] {
    auto statement = impl_->use(kContains);
    statement->bind(1, uri);
    statement->bind(2, sha256);
    return statement->executeStep();
  });
}

bool Store::has_file_stamp(const std::string& uri, const FileStamp& stamp) const {
  Impl& impl = *impl_;
  return impl.guarded([&] {
    if (!impl.lookup_transaction && !impl.batch_open &&
        sqlite3_get_autocommit(impl.db->getHandle()) != 0) {
      impl.db->exec("BEGIN");  // deferred: a read transaction from the first SELECT on
      impl.lookup_transaction = true;
      impl.lookups = 0;
    }
    bool found = false;
    {
      auto statement = impl.use(kHasFileStamp);
      statement->bindNoCopy(1, uri);
      statement->bind(2, stamp.size);
      statement->bind(3, stamp.mtime_ns);
      found = statement->executeStep();
    }
    if (impl.lookup_transaction && ++impl.lookups >= Impl::kLookupsPerTransaction) {
      impl.end_lookup_transaction();
    }
    return found;
  });
}

void Store::set_file_stamp(const std::string& uri, const FileStamp& stamp) {
  impl_->require_writable("record the file stamp of " + uri);
  impl_->guarded([&] {
    impl_->end_lookup_transaction();  // an UPDATE in it would have to upgrade a stale snapshot
    // One UPDATE is atomic on its own: no savepoint needed inside a batch, nor a transaction
    // outside one.
    auto statement = impl_->use(kSetFileStampByUri);
    statement->bindNoCopy(1, uri);
    statement->bind(2, stamp.size);
    statement->bind(3, stamp.mtime_ns);
    statement->exec();
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
  const std::u32string query = code_points(ascii_lower(name));
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
      std::size_t distance = edit_distance(query, code_points(folded), bound);
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
  static constexpr const char* kFiltered =
      "SELECT e.id, e.type, e.src, e.dst, e.symmetric, e.props, count(*), "
      "skein_noisy_or(v.confidence), max(v.basis = 'text'), max(v.basis = 'knowledge'), "
      "coalesce(min(nullif(d.published, '')), ''), coalesce(max(nullif(d.published, '')), '') "
      "FROM edges e JOIN evidence v ON v.edge = e.id JOIN documents d ON d.id = v.document "
      "WHERE (?1 IS NULL OR e.type IN (SELECT value FROM json_each(?1))) "
      "AND (?2 IS NULL OR ((SELECT label FROM nodes WHERE id = e.src) IN "
      "(SELECT value FROM json_each(?2)) AND (SELECT label FROM nodes WHERE id = e.dst) IN "
      "(SELECT value FROM json_each(?2)))) "
      "AND (?5 IS NULL OR (d.published <> '' AND substr(d.published, 1, 10) >= ?5)) "
      "AND (?6 IS NULL OR (d.published <> '' AND substr(d.published, 1, 10) <= ?6)) "
      "AND (?7 = 0 OR v.basis = 'text') "
      "GROUP BY e.id HAVING count(*) >= ?3 AND skein_noisy_or(v.confidence) >= ?4 ORDER BY e.id";
  const bool filtered = !query.from_date.empty() || !query.to_date.empty() || query.text_only;
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
      if (filtered) {
        if (!query.from_date.empty()) bind_scan_text(db, statement.get(), 5, query.from_date);
        if (!query.to_date.empty()) bind_scan_text(db, statement.get(), 6, query.to_date);
        check_bind(db, sqlite3_bind_int(statement.get(), 7, query.text_only ? 1 : 0));
      }
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
  return impl_->guarded([&]() -> std::optional<EdgeRecord> {
    auto statement = impl_->use(kSql);
    statement->bind(1, id);
    if (!statement->executeStep()) return std::nullopt;
    return read_edge(*statement);
  });
}

std::vector<EdgeRecord> Store::edges_of(std::int64_t node_id) const {
  static constexpr const char* kSql =
      SKEIN_EDGE_COLUMNS "WHERE e.src = ?1 OR e.dst = ?1 ORDER BY e.id";
  return impl_->guarded([&] {
    std::vector<EdgeRecord> edges;
    auto statement = impl_->use(kSql);
    statement->bind(1, node_id);
    while (statement->executeStep()) edges.push_back(read_edge(*statement));
    return edges;
  });
}

std::vector<EvidenceRecord> Store::evidence(std::int64_t edge_id, std::size_t limit) const {
  static constexpr const char* kSql =
      SKEIN_EVIDENCE_COLUMNS "WHERE v.edge = ?1 ORDER BY v.id LIMIT ?2";
  return impl_->guarded([&] {
    std::vector<EvidenceRecord> rows;
    auto statement = impl_->use(kSql);
    statement->bind(1, edge_id);
    statement->bind(2, limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(limit));
    while (statement->executeStep()) rows.push_back(read_evidence(*statement));
    return rows;
  });
}

std::vector<MentionRecord> Store::mentions(std::int64_t node_id, std::size_t limit) const {
  static constexpr const char* kSql =
      "SELECT m.node, m.document, d.uri, m.byte_start, m.byte_end, "
      "substr(CAST(d.text AS BLOB), m.byte_start + 1, m.byte_end - m.byte_start), m.kind "
      "FROM mentions m JOIN documents d ON d.id = m.document WHERE m.node = ?1 "
      "ORDER BY m.document, m.byte_start LIMIT ?2";
  return impl_->guarded([&] {
    std::vector<MentionRecord> rows;
    auto statement = impl_->use(kSql);
    statement->bind(1, node_id);
    statement->bind(2, limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(limit));
    while (statement->executeStep()) {
      MentionRecord mention;
      mention.node_id = statement->getColumn(0).getInt64();
      mention.document_id = statement->getColumn(1).getInt64();
      mention.document_uri = statement->getColumn(2).getString();
      mention.start = column_size(statement->getColumn(3));
      mention.end = column_size(statement->getColumn(4));
      mention.text = column_blob_string(statement->getColumn(5));
      mention.kind = statement->getColumn(6).getString();
      rows.push_back(std::move(mention));
    }
    return rows;
  });
}

void Store::for_each_document(const std::function<void(const DocumentRecord&)>& visit) const {
  impl_->guarded([&] {
    auto statement = impl_->use(
        "SELECT id, uri, doc_id, title, published, sha256, ingested_at, text_bytes "
        "FROM documents ORDER BY id");
    while (statement->executeStep()) {
      DocumentRecord document;
      document.id = statement->getColumn(0).getInt64();
      document.uri = statement->getColumn(1).getString();
      document.doc_id = statement->getColumn(2).getString();
      document.title = statement->getColumn(3).getString();
      document.published = statement->getColumn(4).getString();
      document.sha256 = statement->getColumn(5).getString();
      document.ingested_at = statement->getColumn(6).getString();
      document.text_bytes = column_size(statement->getColumn(7));
      visit(document);
    }
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

std::optional<DocumentExtraction> Store::document_extraction(std::int64_t document_id) const {
  return impl_->guarded([&]() -> std::optional<DocumentExtraction> {
    DocumentExtraction extraction;
    {
      auto statement = impl_->use(
          "SELECT uri, doc_id, title, published, sha256, CAST(text AS BLOB) FROM documents "
          "WHERE id = ?1");
      statement->bind(1, document_id);
      if (!statement->executeStep()) return std::nullopt;
      auto& document = extraction.document;
      document.uri = statement->getColumn(0).getString();
      document.id = statement->getColumn(1).getString();
      document.title = statement->getColumn(2).getString();
      document.published = statement->getColumn(3).getString();
      document.sha256 = statement->getColumn(4).getString();
      document.text = column_blob_string(statement->getColumn(5));
    }
    const std::string& text = extraction.document.text;
    // Entities: the document's mentions grouped by node, plus relation endpoints it supports
    // without naming them (none today, but the contract allows it).
    std::map<std::int64_t, std::size_t> entity_of_node;
    auto entity_for = [&](std::int64_t node_id) -> Entity& {
      auto [it, added] = entity_of_node.try_emplace(node_id, extraction.entities.size());
      if (added) {
        auto node = this->node(node_id).value_or(NodeRecord{});
        Entity entity;
        entity.label = node.label;
        entity.key = node.key;
        entity.id = Entity::make_id(node.label, node.key);
        entity.name = node.name;
        entity.aliases = node.aliases;
        entity.props = string_props(node.props_json);
        extraction.entities.push_back(std::move(entity));
      }
      return extraction.entities[it->second];
    };
    {
      auto statement = impl_->use(
          "SELECT node, byte_start, byte_end, kind FROM mentions WHERE document = ?1 "
          "ORDER BY byte_start, node");
      statement->bind(1, document_id);
      std::vector<std::tuple<std::int64_t, std::size_t, std::size_t, std::string>> rows;
      while (statement->executeStep()) {
        rows.emplace_back(statement->getColumn(0).getInt64(), column_size(statement->getColumn(1)),
                          column_size(statement->getColumn(2)), statement->getColumn(3).getString());
      }
      statement->reset();
      for (const auto& [node_id, start, end, kind] : rows) {
        Mention mention;
        mention.span = ByteSpan{start, end};
        mention.text = text.substr(start, end - start);
        mention.kind = kind;
        entity_for(node_id).mentions.push_back(std::move(mention));
      }
    }
    {
      auto statement = impl_->use(
          "SELECT v.edge, e.type, e.src, e.dst, v.basis, v.props, v.byte_start, v.byte_end, "
          "v.rule, v.confidence FROM evidence v JOIN edges e ON e.id = v.edge "
          "WHERE v.document = ?1 ORDER BY v.edge, v.basis, v.id");
      statement->bind(1, document_id);
      struct Row {
        std::int64_t edge, src, dst;
        std::string type, basis, props;
        Evidence evidence;
      };
      std::vector<Row> rows;
      while (statement->executeStep()) {
        Row row;
        row.edge = statement->getColumn(0).getInt64();
        row.type = statement->getColumn(1).getString();
        row.src = statement->getColumn(2).getInt64();
        row.dst = statement->getColumn(3).getInt64();
        row.basis = statement->getColumn(4).getString();
        row.props = statement->getColumn(5).getString();
        row.evidence.span = ByteSpan{column_size(statement->getColumn(6)),
                                     column_size(statement->getColumn(7))};
        row.evidence.rule = statement->getColumn(8).getString();
        row.evidence.confidence = statement->getColumn(9).getDouble();
        row.evidence.text =
            text.substr(row.evidence.span.start, row.evidence.span.size());
        rows.push_back(std::move(row));
      }
      statement->reset();
      for (std::size_t i = 0; i < rows.size();) {
        // One Relation per (edge, basis), its evidence in stored order.
        Relation relation;
        relation.type = rows[i].type;
        relation.source = entity_for(rows[i].src).id;
        relation.target = entity_for(rows[i].dst).id;
        relation.basis = rows[i].basis;
        relation.props = string_props(rows[i].props);
        double keep = 1.0;
        std::size_t j = i;
        for (; j < rows.size() && rows[j].edge == rows[i].edge && rows[j].basis == rows[i].basis; ++j) {
          keep *= 1.0 - rows[j].evidence.confidence;
          relation.evidence.push_back(std::move(rows[j].evidence));
        }
        relation.confidence = 1.0 - keep;
        extraction.relations.push_back(std::move(relation));
        i = j;
      }
    }
    return extraction;
  });
}

void Store::set_relation_symmetry(const std::string& type, bool symmetric) {
  impl_->require_writable("change relation types");
  if (type.empty()) throw StoreError(impl_->path + ": relation type must not be empty");
  impl_->guarded([&] {
    Impl::WriteScope scope(*impl_);
    auto run = [&](const char* sql, auto&&... values) {
      auto statement = impl_->use(sql);
      int index = 1;
      (statement->bind(index++, values), ...);
      statement->exec();
    };
    {
      // Ingest declares the ontology's types on every run: when nothing changes, write
      // nothing (the edges of a type already declared are already filed that way).
      auto current = impl_->use("SELECT symmetric FROM relation_types WHERE type = ?1");
      current->bind(1, type);
      if (current->executeStep() && (current->getColumn(0).getInt() != 0) == symmetric) {
        impl_->symmetry[type] = symmetric;
        scope.commit();
        return;
      }
    }
    run("INSERT INTO relation_types (type, symmetric) VALUES (?1, ?2) "
        "ON CONFLICT (type) DO UPDATE SET symmetric = excluded.symmetric",
        type, symmetric ? 1 : 0);
    run("UPDATE edges SET symmetric = ?2 WHERE type = ?1 AND symmetric <> ?2", type,
        symmetric ? 1 : 0);
    if (symmetric) {
      // Reversed edges: fold into the twin when there is one, else flip in place.
      std::vector<std::int64_t> folded;
      std::vector<std::int64_t> twins;
      {
        auto pairs = impl_->use(
            "SELECT r.id, t.id FROM edges r JOIN edges t ON t.type = r.type AND t.src = r.dst "
            "AND t.dst = r.src WHERE r.type = ?1 AND r.src > r.dst");
        pairs->bind(1, type);
        while (pairs->executeStep()) {
          folded.push_back(pairs->getColumn(0).getInt64());
          twins.push_back(pairs->getColumn(1).getInt64());
        }
      }
      for (std::size_t i = 0; i < folded.size(); ++i) {
        run("UPDATE evidence SET edge = ?2 WHERE edge = ?1", folded[i], twins[i]);
        run("UPDATE edges SET props = " SKEIN_MERGE_PROPS(
                "props", "(SELECT props FROM edges WHERE id = ?1)") " WHERE id = ?2",
            folded[i], twins[i]);
        run(kDeleteEdge, folded[i]);
      }
      std::set<std::int64_t> unused;
      impl_->recompute_edges(twins, unused);
      run("UPDATE edges SET src = dst, dst = src WHERE type = ?1 AND src > dst", type);
    }
    scope.commit();
    impl_->symmetry[type] = symmetric;
  });
}

std::vector<std::pair<std::string, bool>> Store::relation_types() const {
  return impl_->guarded([&] {
    std::vector<std::pair<std::string, bool>> types;
    auto statement = impl_->use(kRelationTypes);
    while (statement->executeStep()) {
      types.emplace_back(statement->getColumn(0).getString(),
                         statement->getColumn(1).getInt() != 0);
    }
    return types;
  });
}

void Store::merge_node_props(const std::vector<std::pair<std::int64_t, std::string>>& updates) {
  impl_->require_writable("store node properties");
  // Validate everything first so a bad update fails before anything is written.
  for (const auto& [id, json] : updates) {
    rapidjson::Document document;
    document.Parse(json.c_str());
    if (document.HasParseError() || !document.IsObject()) {
      throw StoreError(impl_->path + ": properties for node " + std::to_string(id) +
                       " are not a JSON object: " + json.substr(0, 80));
    }
  }
  impl_->cache.clear();  // json_patch may empty or remove keys the cache counts as settled
  impl_->guarded([&] {
    Impl::WriteScope scope(*impl_);
    auto statement = impl_->use("UPDATE nodes SET props = json_patch(props, ?2) WHERE id = ?1");
    for (const auto& [id, json] : updates) {
      statement->bind(1, id);
      statement->bindNoCopy(2, json);
      statement->exec();
      statement->tryReset();
      if (impl_->db->getChanges() == 0) {
        throw StoreError(impl_->path + ": no node with id " + std::to_string(id));
      }
    }
    scope.commit();
  });
}

}  // namespace skein::store
