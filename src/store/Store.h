#pragma once
// The Skein store: a property graph in one SQLite file (schema in schema/*.sql).
//
// Contract
//  - Opening applies the schema and runs migrations up to the version this binary knows
//    (PRAGMA user_version). A store with a newer version is refused with a StoreError, never
//    rewritten. A file that is not a SQLite database is refused and left untouched.
//  - put() stores one DocumentExtraction whole or not at all. Keyed by document uri:
//      new uri                    -> document, nodes, aliases, mentions, edges, evidence added;
//      same uri, same sha256      -> nothing changes (PutOutcome::kUnchanged), except that
//                                    the document's file_stamp, when it has one, replaces
//                                    the stored one;
//      same uri, other sha256     -> the document's mentions and evidence are replaced, the
//                                    weights of the edges it touched recomputed, and edges
//                                    (and nodes) left with no evidence/mentions removed.
//  - File stamps: put() stores Document::file_stamp next to the sha256 (NULL without one, so
//    text from `load`, `merge` or JSON Lines never vouches for a file). A stored stamp means
//    "the file at uri, with this size and mtime, had the stored text"; ingest trusts it to skip
//    reading the file (has_file_stamp).
//  - Nodes are unique per (label, key); edges per (type, src, dst), symmetric types stored with
//    the smaller node id first. Edge weight = number of evidence rows; edge confidence =
//    noisy-or of the evidence confidences (core/Confidence.h). Both are maintained by put().
//  - Writes go through a Batch: one transaction for many documents. Without an open batch,
//    put() runs in its own transaction. Inside a batch each put() is a savepoint: a put that
//    throws leaves nothing of its document behind, and the batch's other documents stay
//    (unless the batch was opened with OnFailure::kAbandonBatch: then it is all rolled back).
//  - put() checks the extraction before writing: a relation whose source or target is not
//    among the document's entities, a span outside the text, a confidence outside [0, 1], an
//    empty uri, label, key or entity id, or an entity listed twice is a StoreError naming the
//    document (`skein load` feeds external JSONL here). An empty Document::sha256 is computed.
//  - Merging across documents: a node keeps its first display name unless a later one is
//    longer and contains it (ASCII case folded: "Yoon" -> "Yoon Suk-yeol") or is a spelling
//    of the same letters that ranks higher ("London" over "LONDON", "George W. Bush" over
//    "George W Bush", whatever order the documents arrive in; MergeRules.h); names not shown
//    become aliases; aliases are the union over documents. Props (nodes and edges) gain new
//    keys; a key already set keeps its value unless that value is "". A relation without
//    evidence counts as one evidence row with an empty span and the relation's confidence.
//    Relation props are also kept per evidence row.
//  - Corrections (docs/corrections.md): rules a user made about entity ids, stored in the
//    store. correct() applies one to the rows it concerns and records it; put() applies every
//    recorded rule to each entity it files, so a re-put document obeys them too: an entity
//    merged away or relabelled is filed under its survivor (its own id kept on the rows, so
//    unmerge() can take them back), a renamed node keeps its name, user aliases are added
//    and removed aliases stay away, and of a `distinct` pair, an entity that arrives under one
//    id carrying the other's name is filed under the other.
//  - Label votes (decide_labels): merges the store makes itself, recorded like the user's
//    (source 'vote') and so obeyed by put() the same way, but recomputed by every vote.
//  - Errors: StoreError naming the store file for anything the database refuses.
//  - Case-insensitive matching (find_nodes, suggest_names, resolve_node) folds ASCII letters
//    only.
//  - The evidence filter (EvidenceFilter: dates, basis) is applied here and nowhere else:
//    for_each_edge, edges_of and evidence take it, so every reader selects the same evidence.
//
// Thread-safety: a Store is used by one thread at a time (its connection is opened without
// SQLite's mutexes). Several processes may open the same file (WAL): readers see the last
// committed snapshot; writers wait up to busy_timeout_ms. A Batch must not outlive its Store,
// and the visit callbacks of for_each_* must not write to the same Store nor start the same
// for_each_* again on it (other reads are fine).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/Extraction.h"

namespace skein::store {

struct StoreOptions {
  // Open without write access; put() then throws StoreError. A store on a file system mounted
  // read-only is opened as immutable, so it can be read there too.
  bool read_only = false;
  int busy_timeout_ms = 10000;    // how long to wait for another writer before failing
  bool create_if_missing = true;  // false: opening a missing file is a StoreError
};

enum class PutOutcome { kAdded, kUnchanged, kReplaced };

struct NodeRecord {
  std::int64_t id = 0;
  std::string label;
  std::string key;
  std::string name;
  std::vector<std::string> aliases;
  std::string props_json = "{}";  // JSON object text (extraction props plus analysis scores)
  std::int64_t mention_count = 0;
  std::int64_t document_count = 0;
  std::string first_seen;  // earliest published date of a document mentioning it, or empty
  std::string last_seen;
};

// A node as a graph loader needs it: NodeRecord without the mention statistics.
struct NodeBrief {
  std::int64_t id = 0;
  std::string label;
  std::string key;
  std::string name;
  std::vector<std::string> aliases;  // as NodeRecord::aliases: other names, sorted (bytewise)
  std::string props_json = "{}";
};

struct EdgeRecord {
  std::int64_t id = 0;
  std::string type;
  std::int64_t src = 0;
  std::int64_t dst = 0;
  bool symmetric = false;
  std::string props_json = "{}";
  double weight = 0;      // evidence rows (within the query's filters)
  double confidence = 0;  // noisy-or of those evidence confidences
  bool has_text_basis = false;
  bool has_knowledge_basis = false;
  std::string first_seen;  // earliest / latest published date among the evidence documents
  std::string last_seen;
};

struct EvidenceRecord {
  std::int64_t id = 0;
  std::int64_t edge_id = 0;
  std::int64_t document_id = 0;
  std::string document_uri;
  std::string document_title;
  std::string published;
  std::size_t start = 0;  // byte span of the sentence in the document text
  std::size_t end = 0;
  std::string sentence;  // the text under the span
  std::string rule;
  std::string basis;
  double confidence = 0;
};

struct MentionRecord {
  std::int64_t node_id = 0;
  std::int64_t document_id = 0;
  std::string document_uri;
  std::size_t start = 0;
  std::size_t end = 0;
  std::string text;
  std::string kind;  // Mention::kind as extracted (name, alias, demonym, ...), or empty
};

struct DocumentRecord {
  std::int64_t id = 0;
  std::string uri;
  std::string doc_id;
  std::string title;
  std::string published;
  std::string sha256;
  std::string ingested_at;  // ISO 8601 UTC
  std::size_t text_bytes = 0;
};

// A user's correction (docs/corrections.md). Entities are named by id ("Label:key").
namespace correction_ops {
inline constexpr const char* kMerge = "merge";         // entity is absorbed into value
inline constexpr const char* kRename = "rename";       // value: the new display name
inline constexpr const char* kRelabel = "relabel";     // value: the new label
inline constexpr const char* kAliasAdd = "alias-add";  // value: the alias
inline constexpr const char* kAliasRemove = "alias-remove";
inline constexpr const char* kDistinct = "distinct";  // value: the other entity's id
}  // namespace correction_ops

struct Correction {
  std::int64_t id = 0;  // its row in the store (0 for one not stored)
  std::string op;       // one of correction_ops
  std::string entity;   // the entity id it is about (merge: the absorbed one)
  std::string value;    // see correction_ops
  // merge: the absorbed node as it was, {"name", "props", "aliases", "gained"} (gained: the
  // aliases the survivor took from it); distinct: {"names": [entity's name, value's name]}.
  std::string snapshot_json = "{}";
  std::string created_at;  // ISO 8601 UTC
  // Who made it: correction_sources::kUser, or kVote for a label vote's merge (made and undone
  // by decide_labels(), never by a user; not exported, not carried over by `skein merge`).
  std::string source = "user";
};

namespace correction_sources {
inline constexpr const char* kUser = "user";
inline constexpr const char* kVote = "vote";
}  // namespace correction_sources

// What one decide_labels() pass changed.
struct LabelVoteOutcome {
  std::size_t folds = 0;   // label-vote merges in force after the pass
  std::size_t made = 0;    // of which new in this pass
  std::size_t undone = 0;  // earlier label-vote merges whose vote no longer holds
};

// How correct() treats entities the store does not hold.
enum class CorrectionMode {
  kRequireEntities,  // every entity named must be a node (a user's command, `correct apply`)
  kRecordRule,       // record the rule anyway; it applies when the entity arrives (`merge`)
};

struct StoreStats {
  std::int64_t documents = 0, nodes = 0, aliases = 0, edges = 0, mentions = 0, evidence = 0;
  std::int64_t co_mention_pairs = 0;  // left 0 by stats() (a full read): for_each_co_mention
  std::vector<std::pair<std::string, std::int64_t>> nodes_by_label;  // sorted by label
  std::vector<std::pair<std::string, std::int64_t>> edges_by_type;   // sorted by type
};

// Which evidence a reader wants: the one evidence filter of Skein. for_each_edge computes
// weights and confidences over the evidence that passes it, and evidence() returns only the
// sentences that pass it, so a graph, its tooltips (render), `show` and every export agree.
// A date bound counts only documents with a known published date (compared on its first ten
// characters, YYYY-MM-DD). Empty strings mean "no bound".
struct EvidenceFilter {
  std::string from_date;   // evidence from documents published on/after (YYYY-MM-DD)
  std::string to_date;     // ... on/before
  bool text_only = false;  // ignore knowledge-basis evidence
  bool empty() const { return from_date.empty() && to_date.empty() && !text_only; }
};

// Which edges (and their evidence) a reader wants. Empty vectors / strings mean "no filter".
struct EdgeQuery : EvidenceFilter {
  std::vector<std::string> types;   // relation types to keep
  std::vector<std::string> labels;  // keep only edges whose both endpoints have these labels
  double min_weight = 0;
  double min_confidence = 0;
};

// ---- co-mention: a layer of links apart from the typed relations ---------------------------
// Two entities named in the same sentence are co-mentioned. put() links, per sentence of
// DocumentExtraction::sentences, the first kCoMentionEntitiesPerSentence distinct entities
// (in text order) whose mentions lie inside it: at most 28 pairs per sentence, however long
// a list it names. A mention straddling a sentence's end counts for neither sentence.
// Re-putting a changed document replaces its co-mention rows like its evidence.
// Readers see a linked pair as an EdgeRecord of type kCoMentionType (symmetric, src < dst)
// with a negative id (so it never collides with a relation's), weight = the sentences naming
// both, confidence 0 (it asserts no relation), props {"documents": N}; evidence() of that id
// returns those sentences (rule "co-mention"). No relation reader (for_each_edge, edges_of,
// stats().edges) ever returns one: the layer is read only through the calls that name it.
inline constexpr const char* kCoMentionType = "co-mention";
inline constexpr std::size_t kCoMentionEntitiesPerSentence = 8;

// Label votes (decide_labels): a label decides a name only with at least this many mentions
// (below that, a tagger's few readings of a rare name are no evidence of what it is: a split
// costs less than a wrong fold)...
inline constexpr std::int64_t kLabelVoteMinimum = 5;
// ...and this many times the mentions of every other label of the name. On BBC, "Labour" is
// 508 Organization and 10 Place mentions (a tagger's slip), while "Chelsea" is 137 Person and
// 50 Organization mentions, two readings of the club, neither of which may swallow the other by
// mentions alone: precision first, so only a clear majority decides.
inline constexpr std::int64_t kLabelVoteRatio = 3;
inline bool is_co_mention_edge(std::int64_t edge_id) { return edge_id < 0; }

// Which co-mention links a reader wants (EvidenceFilter's dates apply to the sentences'
// documents; its text_only changes nothing, every co-mention is read in text).
struct CoMentionQuery : EvidenceFilter {
  std::vector<std::string> labels;  // keep only links whose both ends have these labels
  double min_weight = 0;            // at least this many sentences
};

// The weaker link: another entity named somewhere in the same documents.
struct DocumentCoMention {
  std::int64_t node_id = 0;
  std::int64_t documents = 0;  // documents naming both
};

class Store {
 public:
  // Opens (creating if allowed) the store at `path`; ":memory:" gives a private in-memory store.
  explicit Store(const std::string& path, StoreOptions options = {});
  ~Store();
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const;
  int schema_version() const;
  static int latest_schema_version();

  // RAII transaction over many put() calls. commit() makes them durable; destroying an
  // uncommitted batch rolls every put() in it back. Batches do not nest.
  class Batch {
   public:
    // What a put() that throws inside the batch costs:
    //  - kKeepOthers: only its own document (each put is a savepoint); the batch goes on.
    //  - kAbandonBatch: the whole batch. No savepoints, which saves copying every page a put
    //    touches (~15% of ingest time); after a failed put, later writes and commit() throw
    //    StoreError and only destroying the batch (rolling it all back) is left. For writers
    //    that stop at the first store failure anyway, as ingest does.
    enum class OnFailure { kKeepOthers, kAbandonBatch };
    explicit Batch(Store& store, OnFailure on_failure = OnFailure::kKeepOthers);
    ~Batch();
    void commit();
    Batch(const Batch&) = delete;
    Batch& operator=(const Batch&) = delete;

   private:
    Store& store_;
    bool done_ = false;
  };

  PutOutcome put(const DocumentExtraction& extraction);

  // True when a document with this uri and this content is already stored (lets ingest skip
  // extraction for unchanged documents).
  bool contains(const std::string& uri, const std::string& sha256) const;

  // True when the document stored under `uri` carries exactly this file stamp: the file was
  // read with this size and mtime and its text is what the store holds, so an ingest may skip
  // it unread. False when there is no such document or its stamp differs or is NULL. One
  // probe of a covering index through a statement prepared once. Outside a Batch, successive
  // calls share one read transaction (a snapshot), ended by the next write, Batch or
  // set_file_stamp and after every 256 calls: a commit by another process may go unseen for
  // up to that many calls.
  bool has_file_stamp(const std::string& uri, const FileStamp& stamp) const;
  // Records `stamp` on the document stored under `uri` (a file touched but not changed:
  // its sha256 matched, so the next run can skip it). No effect when no document has this
  // uri. Runs inside the open Batch, else on its own. Throws StoreError when read-only.
  void set_file_stamp(const std::string& uri, const FileStamp& stamp);

  // ---- reading -------------------------------------------------------------------------
  StoreStats stats() const;
  std::optional<NodeRecord> node(std::int64_t id) const;
  // Nodes whose id, name, key or alias equals `name_or_id` case-insensitively, or, for
  // "Label:Name", whose label and name (or alias) are those. Ordered by id.
  std::vector<NodeRecord> find_nodes(const std::string& name_or_id) const;
  // The candidates for an ambiguous `name`, as resolve_node lists and numbers them: the
  // find_nodes matches, most mentioned first (ties by id).
  std::vector<NodeRecord> candidates(const std::string& name) const;
  // The one node `name_or_id` names: the resolver for every user's entity argument (CLI,
  // --focus). Accepts what find_nodes matches, and "NAME#N", the Nth of candidates(NAME).
  // Among several matches, one with at least 10 mentions and 10 times the mentions of the next
  // is the one meant. Throws InputError naming the store when nothing matches ("no entity named
  // 'X'; did you mean 'Y', ...?", up to five suggest_names) or when several others do: "'X' is
  // ambiguous", then
  // one line per candidate (up to 20): its number, name, label, kind and country (props),
  // mentions and documents, the first document naming it, and its id; then how to pick one
  // ("X#2", "Label:Name", the id).
  NodeRecord resolve_node(const std::string& name_or_id) const;
  // Up to `limit` node names closest to `name` (for "did you mean"): names and aliases within
  // an edit distance of a third of the query (at least 1), or containing it at a word start;
  // closest first, ties by name. Scans every name: meant for interactive use.
  std::vector<std::string> suggest_names(const std::string& name, std::size_t limit = 5) const;
  // All nodes (optionally only these labels), ordered by id.
  void for_each_node(const std::vector<std::string>& labels,
                     const std::function<void(const NodeRecord&)>& visit) const;
  // The largest node id and edge id in use (0 when there are none), in O(log n): upper bounds
  // on how many rows a scan can return, for readers that size their buffers first.
  std::pair<std::int64_t, std::int64_t> max_ids() const;
  // The same nodes in the same order as for_each_node, without mention_count,
  // document_count and first/last seen (for_each_node joins every mention and document to
  // compute those; this reads only the nodes and aliases tables, one pass over each). The
  // record passed to `visit` is reused from row to row: copy what you keep.
  void for_each_node_brief(const std::vector<std::string>& labels,
                           const std::function<void(const NodeBrief&)>& visit) const;
  // All edges passing the query, ordered by id; weight/confidence computed over the evidence
  // that passes the query's date and basis filters (edges with none left are skipped).
  // A date filter counts only documents with a known published date. Without date or basis
  // filters this is one scan of the edges table using the cached columns.
  void for_each_edge(const EdgeQuery& query,
                     const std::function<void(const EdgeRecord&)>& visit) const;
  // A relation's edge, or for a negative id the co-mention link it names.
  std::optional<EdgeRecord> edge(std::int64_t id) const;
  // The node's edges, ordered by id. With a filter, as for_each_edge: weight, confidence,
  // bases and dates over the evidence that passes, and edges with none left skipped.
  std::vector<EdgeRecord> edges_of(std::int64_t node_id, const EvidenceFilter& filter = {}) const;
  // The edge's evidence rows passing `filter`, in stored order, at most `limit` (0 = all).
  // For a co-mention link (negative id): its sentences, by document and offset.
  std::vector<EvidenceRecord> evidence(std::int64_t edge_id, std::size_t limit = 0,
                                       const EvidenceFilter& filter = {}) const;
  std::vector<MentionRecord> mentions(std::int64_t node_id, std::size_t limit = 0) const;
  void for_each_document(const std::function<void(const DocumentRecord&)>& visit) const;
  std::optional<std::string> document_text(std::int64_t document_id) const;
  // Rebuilds what extraction stored for one document: the document, every entity it mentions
  // (with the node's current name, aliases and string-valued props), and every relation it
  // supports with that document's evidence. put() of the result into another store files the
  // same graph, which is how stores merge. nullopt when there is no such document.
  std::optional<DocumentExtraction> document_extraction(std::int64_t document_id) const;

  // ---- co-mention (see kCoMentionType above) ---------------------------------------------
  // Every co-mention link passing the query, ordered by pair (|id|), as EdgeRecords.
  void for_each_co_mention(const CoMentionQuery& query,
                           const std::function<void(const EdgeRecord&)>& visit) const;
  // The node's co-mention links passing the filter, most sentences first (ties by id).
  std::vector<EdgeRecord> co_mentions_of(std::int64_t node_id,
                                         const EvidenceFilter& filter = {}) const;
  // Entities named in the same documents as the node (in any sentence), most shared documents
  // first (ties by node id), at most `limit` (0 = all). Read from the mentions table on each
  // call, nothing stored: cost grows with the documents naming the node.
  std::vector<DocumentCoMention> document_co_mentions(std::int64_t node_id,
                                                      std::size_t limit = 0) const;

  // ---- relation types ------------------------------------------------------------------
  // Declares whether `type` is symmetric (stored once per node pair, smaller id first). The
  // store knows no type until told: whoever writes declares the ontology's types first
  // (pipeline::declare_relation_types; schema/ontology.rules is the rule's one home), and a
  // type first seen in put() undeclared is directed. Making a type symmetric re-files its stored
  // edges: a reversed edge is flipped, or folded into its twin (evidence moved, weight and
  // confidence recomputed). Making it directed only clears the flag (existing edges keep their
  // stored direction). Runs in its own transaction, or inside the open Batch. Throws StoreError
  // when read-only.
  void set_relation_symmetry(const std::string& type, bool symmetric);
  // Every relation type the store knows (declared or seen), sorted, with its symmetry.
  std::vector<std::pair<std::string, bool>> relation_types() const;

  // ---- corrections (docs/corrections.md) ------------------------------------------------
  // Applies `correction` to the stored rows it concerns and records it, in one transaction
  // (or a savepoint of the open Batch). merge: the absorbed node's mentions, edges (folded
  // into the survivor's where they coincide), evidence, aliases and props move to the
  // survivor and the node is removed; rename, relabel, alias-add, alias-remove change the
  // node; distinct records the pair. A rule already recorded changes nothing (returns false).
  // Throws InputError naming the store for what it refuses: an unknown op, an id that is not
  // "Label:key", an entity that is no node (kRequireEntities), merging an entity into itself,
  // into one it is marked distinct from, or one already merged; relabelling onto an id that
  // exists; removing a node's display name. (Removing an alias the node lacks records the
  // rule: the node already obeys it.)
  bool correct(const Correction& correction,
               CorrectionMode mode = CorrectionMode::kRequireEntities);
  // Undoes the merge that absorbed `entity_id`: the rule is dropped, the node comes back with
  // the name, props and aliases it had, and every mention and evidence row filed under the
  // survivor on its behalf (also by puts after the merge) moves back to it; the aliases the
  // survivor gained from it are removed. Returns the restored node's id. InputError when no
  // merge absorbed `entity_id`.
  std::int64_t unmerge(const std::string& entity_id);
  // The recorded corrections, oldest first; with `about`, those concerning that entity id
  // (directly, or through a merge or relabel that files it there).
  std::vector<Correction> corrections(const std::string& about = "") const;
  // Label votes (docs/corrections.md): where documents file one normalised name (a key that is
  // no knowledge-file id) as a Person, Place or Organization in different places, the label
  // with at least kLabelVoteMinimum mentions and kLabelVoteRatio times the mentions of every
  // other label takes in the others' nodes (a merge with source 'vote'); so does, with at least
  // kLabelVoteMinimum mentions, the one label some document describes the name by
  // (Mention::described: "US supermarket giant Wal-Mart") where no other is. Recomputed from
  // scratch from the mentions' own entity ids, so the same documents give the same folds in
  // any order; a fold whose vote no longer holds is undone. A name any user merge, relabel or
  // distinct concerns is left as the user made it. Runs inside the open Batch, else in its
  // own transaction; ingest, load and merge call it once at their end.
  LabelVoteOutcome decide_labels();
  // Whether a document was stored or replaced since the last decide_labels(): recorded with
  // the document itself, so a command killed before its vote leaves it due for the next.
  bool label_votes_due() const;

  // ---- analysis results ----------------------------------------------------------------
  // Merges `props_json` (a JSON object) into each node's props, in one transaction.
  void merge_node_props(const std::vector<std::pair<std::int64_t, std::string>>& updates);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace skein::store
