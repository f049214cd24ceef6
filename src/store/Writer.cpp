// The store's writer: put() (validate, then upsert the document, its nodes, aliases, mentions,
// edges and evidence, replacing what an earlier version of the document left), relation
// symmetry, node props and file stamps. The merge rules themselves are in MergeRules.h.

#include <rapidjson/document.h>

#include <algorithm>
#include <optional>

#include "core/Confidence.h"
#include "core/Error.h"
#include "core/Sha256.h"
#include "store/RowCodecs.h"
#include "store/StoreImpl.h"

namespace skein::store {
namespace {

// Every statement the writer runs more than once is prepared once per connection and reused
// (see Connection::use).
constexpr const char* kFindDocument = "SELECT id, sha256 FROM documents WHERE uri = ?1";
constexpr const char* kAddPendingWork = "INSERT OR IGNORE INTO pending_work (task) VALUES (?1)";
constexpr const char* kInsertDocument =
    "INSERT INTO documents (uri, doc_id, sha256, title, published, ingested_at, text_bytes, text, "
    "file_size, file_mtime_ns) "
    "VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?6, ?7, ?8, ?9)";
constexpr const char* kUpdateDocument =
    "UPDATE documents SET doc_id = ?2, sha256 = ?3, title = ?4, published = ?5, "
    "ingested_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), text_bytes = ?6, text = ?7, "
    "file_size = ?8, file_mtime_ns = ?9 WHERE id = ?1";
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
// ?2 is the name chosen by preferred_name(); ?3 the incoming props.
constexpr const char* kUpdateNode =
    "UPDATE nodes SET name = ?2, props = " SKEIN_MERGE_PROPS("props", "?3") " WHERE id = ?1";
constexpr const char* kInsertAlias = "INSERT OR IGNORE INTO aliases (node, alias) VALUES (?1, ?2)";
// One statement per row: cheaper here than feeding a document's rows as one JSON array
// through json_each(), whose per-row `->>` re-parsing cost more than statement overhead.
// ?8: the entity id extraction gave, when a correction files it under another node (else '').
constexpr const char* kInsertMention =
    "INSERT OR IGNORE INTO mentions (node, document, byte_start, byte_end, kind, "
    "sentence_start, sentence_end, entity, described) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
constexpr const char* kFindEdge =
    "SELECT id, confidence FROM edges WHERE type = ?1 AND src = ?2 AND dst = ?3";
constexpr const char* kInsertEdge =
    "INSERT INTO edges (type, src, dst, symmetric, props, weight, confidence, text_basis, "
    "knowledge_basis, first_seen, last_seen) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)";
// Folds one document's evidence into the cached columns. ?7 is the edge's new confidence,
// combined in C++ (core/Confidence.h: noisy-or composes, so no other evidence needs reading).
constexpr const char* kAddToEdge =
    "UPDATE edges SET weight = weight + ?6, confidence = ?7, "
    "text_basis = max(text_basis, ?8), knowledge_basis = max(knowledge_basis, ?9), "
    "first_seen = CASE WHEN ?10 = '' THEN first_seen "
    "WHEN first_seen = '' OR ?10 < first_seen THEN ?10 ELSE first_seen END, "
    "last_seen = CASE WHEN ?10 > last_seen THEN ?10 ELSE last_seen END, "
    "props = " SKEIN_MERGE_PROPS("props", "?5") " WHERE id = ?1";
// ?9, ?10: the source and target entity ids extraction gave, where a correction files them
// under another node (else '').
constexpr const char* kInsertEvidence =
    "INSERT INTO evidence (edge, document, byte_start, byte_end, rule, basis, confidence, props, "
    "src_entity, dst_entity) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
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

// Extraction keys a name it cannot link across documents to its document ("ukip@doc:" and the
// first 12 hex digits of the text's sha256, extract/AnnotatedDocument.cpp), so a changed
// document gives such an entity a new id: follow_document_local_ids carries the corrections.
const std::string kDocumentTag = "@doc:";
constexpr std::size_t kDocumentTagDigits = 12;

// The origin column of a row filed under its own entity's node.
const std::string kNoOrigin;

constexpr const char* kRelationTypes = "SELECT type, symmetric FROM relation_types ORDER BY type";
constexpr const char* kInsertRelationTypeSymmetry =
    "INSERT INTO relation_types (type, symmetric) VALUES (?1, ?2) "
    "ON CONFLICT (type) DO UPDATE SET symmetric = excluded.symmetric";

// The extraction's sentences in text order (co-mention reads them back from the mentions).
std::vector<ByteSpan> sorted_sentences(const DocumentExtraction& extraction) {
  std::vector<ByteSpan> sentences = extraction.sentences;
  std::sort(sentences.begin(), sentences.end(),
            [](const ByteSpan& x, const ByteSpan& y) { return x.start < y.start; });
  return sentences;
}

// The sentence holding the whole of `span`, or null (none given, or it straddles an end).
const ByteSpan* sentence_of(const std::vector<ByteSpan>& sentences, const ByteSpan& span) {
  auto after = std::upper_bound(sentences.begin(), sentences.end(), span.start,
                                [](std::size_t at, const ByteSpan& s) { return at < s.start; });
  if (after == sentences.begin()) return nullptr;
  const ByteSpan& sentence = *std::prev(after);
  return span.end <= sentence.end && span.start < sentence.end ? &sentence : nullptr;
}

}  // namespace

void Store::Impl::require_writable(const std::string& what) const {
  if (options.read_only) throw StoreError(path + ": opened read-only; cannot " + what);
}

void Store::Impl::load_symmetry() {
  symmetry.clear();
  auto statement = use(kRelationTypes);
  while (statement->executeStep()) {
    symmetry[statement->getColumn(0).getString()] = statement->getColumn(1).getInt() != 0;
  }
}

bool Store::Impl::is_symmetric(const std::string& type) {
  auto found = symmetry.find(type);
  if (found != symmetry.end()) return found->second;
  auto statement = use(kInsertRelationType);
  statement->bind(1, type);
  statement->exec();
  symmetry.emplace(type, false);
  return false;
}

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
  for (const ByteSpan& sentence : extraction.sentences) check_span(sentence, "sentence");
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
    load_rules();
    symmetry_dirty = false;
  }

  std::int64_t document_id = 0;
  bool replacing = false;
  std::string old_sha256;
  {
    auto find = use(kFindDocument);
    find->bind(1, document.uri);
    if (find->executeStep()) {
      document_id = find->getColumn(0).getInt64();
      old_sha256 = find->getColumn(1).getString();
      replacing = old_sha256 != sha256;
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
  if (replacing && !rules.empty()) follow_document_local_ids(old_sha256, sha256);
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
  const std::vector<ByteSpan> sentences = sorted_sentences(extraction);
  std::vector<std::int64_t> node_ids(extraction.entities.size());
  // The user's corrections (Corrections.h), when there are any: where each entity is filed,
  // and the entity id its rows keep when that is another node.
  const bool correcting = !rules.empty();
  std::vector<std::string> origins(correcting ? extraction.entities.size() : 0);
  for (std::size_t i = 0; i < extraction.entities.size(); ++i) {
    const Entity& entity = extraction.entities[i];
    RoutedEntity routed;
    if (correcting) {
      routed = route_entity(rules, entity);
      origins[i] = routed.origin;
    }
    std::optional<Entity> without_props;  // a label vote's fold takes no props (move_node)
    if (routed.by_vote && !entity.props.empty()) {
      without_props = entity;
      without_props->props.clear();
    }
    const CachedNode& stored =
        upsert_node(without_props ? *without_props : entity, correcting ? &routed : nullptr);
    node_ids[i] = stored.id;
    const std::int64_t node = stored.id;
    auto is_alias = [&](const std::string& name) {
      return !name.empty() && name != stored.name &&
             (routed.removed == nullptr || routed.removed->count(name) == 0);
    };
    // The entity's own name is an alias too when the node keeps another display name.
    if (is_alias(entity.name)) insert_alias(node, entity.name);
    for (const std::string& name : entity.aliases) {
      if (is_alias(name)) insert_alias(node, name);
    }
    if (routed.added != nullptr) {
      for (const std::string& name : *routed.added) {
        if (is_alias(name)) insert_alias(node, name);
      }
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
      const ByteSpan* sentence = sentence_of(sentences, m.span);
      mention->bind(6, sentence ? static_cast<std::int64_t>(sentence->start) : std::int64_t{-1});
      mention->bind(7, sentence ? static_cast<std::int64_t>(sentence->end) : std::int64_t{-1});
      mention->bindNoCopy(8, correcting ? origins[i] : kNoOrigin);
      mention->bind(9, m.described ? 1 : 0);
      mention->exec();
      mention->tryReset();
    }
  }

  for (const Relation& relation : extraction.relations) {
    const std::size_t source = entity_index.at(relation.source);
    const std::size_t target = entity_index.at(relation.target);
    std::int64_t src = node_ids[source];
    std::int64_t dst = node_ids[target];
    const std::string* src_origin = correcting ? &origins[source] : &kNoOrigin;
    const std::string* dst_origin = correcting ? &origins[target] : &kNoOrigin;
    const bool symmetric = is_symmetric(relation.type);
    if (symmetric && src > dst) {
      std::swap(src, dst);
      std::swap(src_origin, dst_origin);
    }
    // A relation without evidence still needs one row to exist (weight counts rows): it gets
    // an empty span carrying the relation's own confidence.
    std::vector<Evidence> fallback;
    if (relation.evidence.empty()) {
      fallback.emplace_back();
      fallback.back().confidence = relation.confidence;
    }
    const std::vector<Evidence>& evidence =
        relation.evidence.empty() ? fallback : relation.evidence;
    const double document_confidence = noisy_or(evidence);
    const bool text = relation.basis == basis::kText;
    const std::string props = props_to_json(relation.props);

    std::int64_t edge = 0;
    double confidence = document_confidence;
    {
      auto find = use(kFindEdge);
      find->bindNoCopy(1, relation.type);
      find->bind(2, src);
      find->bind(3, dst);
      if (find->executeStep()) {
        edge = find->getColumn(0).getInt64();
        confidence = noisy_or(find->getColumn(1).getDouble(), document_confidence);
      }
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
      write->bind(7, confidence);
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
    insert->bindNoCopy(9, *src_origin);
    insert->bindNoCopy(10, *dst_origin);
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
  // The corpus has changed, so the label votes are due: on record with the document, so that a
  // command killed before its vote leaves the vote to the next one (schema/008_pending_work.sql).
  {
    auto due = use(kAddPendingWork);
    due->bind(1, kLabelVotesTask);
    due->exec();
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

void Store::Impl::follow_document_local_ids(const std::string& old_sha256,
                                            const std::string& new_sha256) {
  if (old_sha256.size() < kDocumentTagDigits || new_sha256.size() < kDocumentTagDigits) return;
  const std::string old_tag = kDocumentTag + old_sha256.substr(0, kDocumentTagDigits);
  const std::string new_tag = kDocumentTag + new_sha256.substr(0, kDocumentTagDigits);
  auto run = [&](const char* sql) {
    auto statement = use(sql);
    statement->bind(1, old_tag);
    statement->bind(2, new_tag);
    statement->exec();
    return db->getChanges();
  };
  // Keys end with the tag, so instr() finds only ids local to this document.
  int changed =
      run("UPDATE corrections SET entity = replace(entity, ?1, ?2) WHERE instr(entity, ?1) > 0");
  changed +=
      run("UPDATE corrections SET value = replace(value, ?1, ?2) "
          "WHERE op IN ('merge', 'distinct') AND instr(value, ?1) > 0");
  if (changed == 0) return;
  // A corrected node of this document (a survivor holding other documents' rows, a renamed
  // one) keeps its rows under the new id; the replacement then files into it as usual.
  run("UPDATE OR IGNORE nodes SET key = replace(key, ?1, ?2) WHERE instr(key, ?1) > 0");
  run("UPDATE mentions SET entity = replace(entity, ?1, ?2) WHERE instr(entity, ?1) > 0");
  run("UPDATE evidence SET src_entity = replace(src_entity, ?1, ?2) WHERE instr(src_entity, ?1) > "
      "0");
  run("UPDATE evidence SET dst_entity = replace(dst_entity, ?1, ?2) WHERE instr(dst_entity, ?1) > "
      "0");
  cache.clear();
  staged.clear();
  load_rules();
}

const CachedNode& Store::Impl::upsert_node(const Entity& entity, const RoutedEntity* routed) {
  // A correction may file the entity under another node, pin its name, or keep the stored name.
  const std::string& label = routed != nullptr ? routed->label : entity.label;
  const std::string& key = routed != nullptr ? routed->key : entity.key;
  const std::string* pinned = routed != nullptr ? routed->pinned_name : nullptr;
  const bool name_may_change = routed == nullptr || !routed->keep_stored_name;
  const std::string cache_key = label + '\x1f' + key;
  const std::string& name =
      pinned != nullptr ? *pinned : (entity.name.empty() ? entity.key : entity.name);
  auto is_noop = [&](const CachedNode& cached) {
    return upsert_is_noop(entity, cached, name_may_change) &&
           (pinned == nullptr || cached.name == *pinned);
  };
  CachedNode node;
  bool known = false;
  for (NodeCache* level : {&staged, &cache}) {
    auto found = level->nodes.find(cache_key);
    if (found == level->nodes.end()) continue;
    if (is_noop(found->second)) return found->second;
    node = found->second;
    known = true;
    break;
  }
  if (!known) {
    auto find = use(kFindNode);
    find->bindNoCopy(1, label);
    find->bindNoCopy(2, key);
    if (find->executeStep()) {
      known = true;
      node.id = find->getColumn(0).getInt64();
      node.name = find->getColumn(1).getString();
      read_prop_keys(find->getColumn(2).getText("{}"), node);
    }
  }
  if (!known) {
    auto insert = use(kInsertNode);
    insert->bindNoCopy(1, label);
    insert->bindNoCopy(2, key);
    insert->bindNoCopy(3, name);
    insert->bind(4, props_to_json(entity.props));
    insert->exec();
    node.id = db->getLastInsertRowid();
    node.name = name;
    note_merged_props(entity.props, node);
  } else if (!is_noop(node)) {
    if (pinned != nullptr) {
      node.name = *pinned;
    } else if (name_may_change && preferred_name(name, node.name)) {
      node.name = name;
    }
    auto update = use(kUpdateNode);
    update->bind(1, node.id);
    update->bindNoCopy(2, node.name);
    update->bind(3, props_to_json(entity.props));
    update->exec();
    note_merged_props(entity.props, node);
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

void Store::Impl::set_relation_symmetry(const std::string& type, bool symmetric) {
  require_writable("change relation types");
  if (type.empty()) throw StoreError(path + ": relation type must not be empty");
  guarded([&] {
    WriteScope scope(*this);
    auto run = [&](const char* sql, auto&&... values) {
      auto statement = use(sql);
      int index = 1;
      (statement->bind(index++, values), ...);
      statement->exec();
    };
    {
      // Ingest declares the ontology's types on every run: when nothing changes, write
      // nothing (the edges of a type already declared are already filed that way).
      auto current = use("SELECT symmetric FROM relation_types WHERE type = ?1");
      current->bind(1, type);
      if (current->executeStep() && (current->getColumn(0).getInt() != 0) == symmetric) {
        symmetry[type] = symmetric;
        scope.commit();
        return;
      }
    }
    run(kInsertRelationTypeSymmetry, type, symmetric ? 1 : 0);
    run("UPDATE edges SET symmetric = ?2 WHERE type = ?1 AND symmetric <> ?2", type,
        symmetric ? 1 : 0);
    if (symmetric) {
      // Reversed edges: fold into the twin when there is one, else flip in place.
      std::vector<std::int64_t> folded;
      std::vector<std::int64_t> twins;
      {
        auto pairs =
            use("SELECT r.id, t.id FROM edges r JOIN edges t ON t.type = r.type AND t.src = r.dst "
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
      recompute_edges(twins, unused);
      run("UPDATE edges SET src = dst, dst = src WHERE type = ?1 AND src > dst", type);
    }
    scope.commit();
    symmetry[type] = symmetric;
  });
}

void Store::Impl::merge_node_props(
    const std::vector<std::pair<std::int64_t, std::string>>& updates) {
  require_writable("store node properties");
  // Validate everything first so a bad update fails before anything is written.
  for (const auto& [id, json] : updates) {
    rapidjson::Document document;
    document.Parse(json.c_str());
    if (document.HasParseError() || !document.IsObject()) {
      throw StoreError(path + ": properties for node " + std::to_string(id) +
                       " are not a JSON object: " + json.substr(0, 80));
    }
  }
  cache.clear();  // json_patch may empty or remove keys the cache counts as settled
  guarded([&] {
    WriteScope scope(*this);
    auto statement = use("UPDATE nodes SET props = json_patch(props, ?2) WHERE id = ?1");
    for (const auto& [id, json] : updates) {
      statement->bind(1, id);
      statement->bindNoCopy(2, json);
      statement->exec();
      statement->tryReset();
      if (db->getChanges() == 0) {
        throw StoreError(path + ": no node with id " + std::to_string(id));
      }
    }
    scope.commit();
  });
}

void Store::Impl::set_file_stamp(const std::string& uri, const FileStamp& stamp) {
  require_writable("record the file stamp of " + uri);
  guarded([&] {
    end_lookup_transaction();  // an UPDATE in it would have to upgrade a stale snapshot
    // One UPDATE is atomic on its own: no savepoint needed inside a batch, nor a transaction
    // outside one.
    auto statement = use(kSetFileStampByUri);
    statement->bindNoCopy(1, uri);
    statement->bind(2, stamp.size);
    statement->bind(3, stamp.mtime_ns);
    statement->exec();
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

}  // namespace skein::store
