#pragma once
// Store::Impl: the state behind the Store façade, shared by the files that implement it:
//   Store.cpp           opening, batches, the façade's one-line forwards
//   Writer.cpp          put (validate, upsert nodes and edges, replace), relation symmetry,
//                       node props, file stamps
//   CoMentions.cpp      the co-mention layer, read from the mentions' sentences
//   Reader.cpp          stats, nodes, edges, evidence (with the evidence filter), mentions,
//                       documents
//   NameSearch.cpp      find_nodes, suggest_names
//   DocumentRebuild.cpp document_extraction
// over the SQL layer (Sql.h), the row codecs (RowCodecs.h) and the merge rules (MergeRules.h).
// Internal to the store module.

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "store/Corrections.h"
#include "store/MergeRules.h"
#include "store/Sql.h"
#include "store/Store.h"

namespace skein::store {

// The pending_work row (schema/008_pending_work.sql) put() leaves and decide_labels() clears.
inline constexpr const char* kLabelVotesTask = "label votes";

struct Store::Impl : Connection {
  StoreOptions options;
  int version = 0;

  // Relation type -> symmetric. Reloaded at the start of every write transaction, so another
  // process's set_relation_symmetry or a rolled-back put never leaves it stale.
  std::unordered_map<std::string, bool> symmetry;
  // Set when a rollback may have removed relation types the map holds.
  bool symmetry_dirty = false;

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

  // The recorded corrections (Corrections.h), reloaded with the symmetry map.
  CorrectionRules rules;

  void require_writable(const std::string& what) const;
  void load_rules();
  void load_symmetry();
  bool is_symmetric(const std::string& type);

  // ---- Writer.cpp ----
  PutOutcome put(const DocumentExtraction& extraction);
  void validate(const DocumentExtraction& extraction,
                std::unordered_map<std::string_view, std::size_t>& entity_index) const;
  void recompute_edges(const std::vector<std::int64_t>& edges, std::set<std::int64_t>& candidates);
  int delete_orphans(const std::set<std::int64_t>& candidates);  // returns nodes deleted
  const CachedNode& upsert_node(const Entity& entity, const RoutedEntity* routed = nullptr);
  // A changed document (sha256 old -> new) re-keys the entities extraction keeps local to it
  // ("...@doc:<sha256 prefix>"): the corrections naming them, and the nodes and rows they
  // concern, follow to the new ids, so a correction survives the document's re-ingest.
  void follow_document_local_ids(const std::string& old_sha256, const std::string& new_sha256);
  void insert_alias(std::int64_t node, const std::string& alias);
  std::vector<std::int64_t> ids(const char* sql, std::int64_t parameter);
  void set_relation_symmetry(const std::string& type, bool symmetric);
  void merge_node_props(const std::vector<std::pair<std::int64_t, std::string>>& updates);
  void set_file_stamp(const std::string& uri, const FileStamp& stamp);

  // ---- CoMentions.cpp ----
  // The co-mention links passing `query`: all of them, or with `node` > 0 only that node's.
  // Pairs come out in (a, b) order.
  void co_mention_links(const CoMentionQuery& query, std::int64_t node,
                        const std::function<void(const EdgeRecord&)>& visit);
  // Store::edge and Store::evidence for a co-mention id (negative).
  std::optional<EdgeRecord> co_mention_edge(std::int64_t id);
  std::vector<EvidenceRecord> co_mention_evidence(std::int64_t id, std::size_t limit,
                                                  const EvidenceFilter& filter);

  // ---- Corrections.cpp ----
  bool correct(const Correction& correction, CorrectionMode mode);
  std::int64_t unmerge(const std::string& entity_id);
  // unmerge's work inside the caller's write scope (rules loaded).
  std::int64_t unmerge_rows(const std::string& entity_id);
  // Undoes every label-vote merge whose absorbed entity's key is one of `keys`; returns how many.
  std::size_t undo_votes_on(const std::set<std::string>& keys);
  // ---- LabelVotes.cpp ----
  LabelVoteOutcome decide_labels();
  std::int64_t node_id(const std::string& entity_id);  // 0 when there is none
  // Moves node `from`'s mentions, edges, evidence, aliases and props onto `to`; the moved rows
  // remember `origin` (unless they already carry an origin). Returns the aliases `to` gained.
  // With `take_props` false (a label vote's fold), `to` keeps its props as they are: a
  // mislabelled node's props ("kind": "place") describe what it is not.
  std::vector<std::string> move_node(std::int64_t from, std::int64_t to, const std::string& origin,
                                     bool take_props = true);
  // Re-files the rows kept on node `holder` for other entities (mentions.entity,
  // evidence.src_entity / dst_entity) wherever the rules now send them; `create` makes a node
  // that does not exist yet for an entity id.
  void refile(std::int64_t holder,
              const std::function<std::int64_t(const std::string& entity_id)>& create);
  std::int64_t edge_between(const std::string& type, std::int64_t src, std::int64_t dst,
                            bool symmetric);

 protected:
  void on_transaction_begin() override {
    load_symmetry();
    load_rules();
  }
  void on_write_rolled_back() override {
    symmetry_dirty = true;
    staged.clear();
  }
};

}  // namespace skein::store
