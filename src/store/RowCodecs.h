#pragma once
// Row codecs: for each record the store returns, the column list its queries select and the
// function that reads one row of it, side by side so the two cannot drift apart. Plus the
// JSON text the store keeps in props and alias columns. Internal to the store module.
//
// Thread-safety: pure functions.

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <cstddef>
#include <string>
#include <vector>

#include "core/Extraction.h"
#include "store/Store.h"

namespace skein::store {

// ---- JSON text --------------------------------------------------------------------------
std::string props_to_json(const Properties& props);
std::string strings_to_json(const std::vector<std::string>& values);
std::vector<std::string> json_to_strings(const char* json);  // [] on anything but an array
// The string-valued members of a props JSON object (numbers such as analysis scores are
// derived data and are recomputed where they are needed).
Properties string_props(const std::string& json);

// ---- columns ----------------------------------------------------------------------------
std::string column_blob_string(const SQLite::Column& column);
std::size_t column_size(const SQLite::Column& column);  // negative -> 0
// Copies column `index` of the current row into `target`, reusing its buffer.
void assign_text(std::string& target, sqlite3_stmt* row, int index);

// ---- NodeRecord -------------------------------------------------------------------------
// Followed by WHERE ... GROUP BY n.id.
#define SKEIN_NODE_COLUMNS                                                                        \
  "SELECT n.id, n.label, n.key, n.name, n.props, "                                                \
  "(SELECT json_group_array(a.alias) FROM aliases a WHERE a.node = n.id AND a.alias <> n.name), " \
  "count(m.node), count(DISTINCT m.document), "                                                   \
  "coalesce(min(nullif(d.published, '')), ''), coalesce(max(nullif(d.published, '')), '') "       \
  "FROM nodes n LEFT JOIN mentions m ON m.node = n.id LEFT JOIN documents d ON d.id = m.document "
NodeRecord read_node(const SQLite::Statement& row);

// ---- EdgeRecord -------------------------------------------------------------------------
#define SKEIN_EDGE_COLUMNS                                                            \
  "SELECT e.id, e.type, e.src, e.dst, e.symmetric, e.props, e.weight, e.confidence, " \
  "e.text_basis, e.knowledge_basis, e.first_seen, e.last_seen FROM edges e "
EdgeRecord read_edge(const SQLite::Statement& row);
// Fills `edge` in place: for_each_edge reuses one record, so a million rows cost no
// allocations beyond the strings that outgrow their buffers.
void read_edge(sqlite3_stmt* row, EdgeRecord& edge);

// ---- EvidenceRecord ---------------------------------------------------------------------
#define SKEIN_EVIDENCE_COLUMNS                                                                   \
  "SELECT v.id, v.edge, v.document, d.uri, d.title, d.published, v.byte_start, v.byte_end, "     \
  "substr(CAST(d.text AS BLOB), v.byte_start + 1, v.byte_end - v.byte_start), v.rule, v.basis, " \
  "v.confidence FROM evidence v JOIN documents d ON d.id = v.document "
EvidenceRecord read_evidence(const SQLite::Statement& row);

// ---- MentionRecord ----------------------------------------------------------------------
#define SKEIN_MENTION_COLUMNS                                                          \
  "SELECT m.node, m.document, d.uri, m.byte_start, m.byte_end, "                       \
  "substr(CAST(d.text AS BLOB), m.byte_start + 1, m.byte_end - m.byte_start), m.kind " \
  "FROM mentions m JOIN documents d ON d.id = m.document "
MentionRecord read_mention(const SQLite::Statement& row);

// ---- DocumentRecord ---------------------------------------------------------------------
#define SKEIN_DOCUMENT_COLUMNS \
  "SELECT id, uri, doc_id, title, published, sha256, ingested_at, text_bytes FROM documents "
DocumentRecord read_document(const SQLite::Statement& row);

}  // namespace skein::store
